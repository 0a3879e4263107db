"""The async Hex API client: one method per operation, paced, retried, typed.

::

    async with HexClient(token, "https://app.hex.tech") as hex:
        me = await hex.me()
        async for project in hex.iter_projects(include_sharing=True):   # 100 per request
            ...

Every request goes through :meth:`HexClient._call`, which (1) waits for the operation's
rate-limit group (:mod:`~hexsync.hexapi.pacing`), (2) sends it through the injected httpx
transport, (3) maps failures onto :mod:`~hexsync.hexapi.errors`, (4) retries what is safe to
retry (:mod:`~hexsync.hexapi.retry`), and (5) logs one redacted line per attempt and counts it.

Requests may overlap (``asyncio.gather`` of listings of different resources); pacing keeps each
group under its limits and ``max_concurrency`` bounds the connections.
"""

from __future__ import annotations

import asyncio
import functools
import json
import logging
import ssl
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from typing import Any, TypeVar

import anyio
import httpx

from hexsync._version import __version__
from hexsync.hexapi.config import DEFAULT_BASE_URL, RateLimit, Token, normalize_base_url
from hexsync.hexapi.counters import Counters
from hexsync.hexapi.errors import (
    AmbiguousCreateError,
    HexApiError,
    HexConnectionError,
    HexTimeoutError,
    UnexpectedResponseError,
    UnreachableError,
    error_from_response,
    truncate,
)
from hexsync.hexapi.log import logger, redact, request_line
from hexsync.hexapi.notices import Notices
from hexsync.hexapi.operations import OPS, Op, Retry
from hexsync.hexapi.pacing import NoPacer, Pacer
from hexsync.hexapi.retry import (
    RETRY_STATUSES,
    Breaker,
    RetryPolicy,
    parse_retry_after,
    unfixable,
)
from hexsync.hexapi.types import (
    Collection,
    DataConnection,
    EmbedDisplayOptions,
    Group,
    MalformedRecordError,
    Me,
    Notification,
    Page,
    Project,
    QueriedTable,
    Run,
    RunsPage,
    RunStarted,
    SchemaUpdate,
    SharingResult,
    User,
)

T = TypeVar("T")
Sleep = Callable[[float], Awaitable[None]]

SHARING_BATCH = 25  # principals per sharing upsert (API limit)
MEMBERS_BATCH = 100  # users per group add / remove list (API limit)
USER_AGENT = f"hexsync/{__version__}"
# The group ``hexsync apply`` holds while it writes (hexsync.apply.lock): not part of the
# workspace's access model. Listings leave it out unless asked, so plans, prune, export,
# ``groups list`` and access reports never see it.
LOCK_GROUP = "hexsync-apply-lock"


class _Attempt:
    """What one attempt ended with, for the retry decision and the log line."""

    __slots__ = (
        "error",
        "ms",
        "outcome",
        "response",
        "retry_after",
        "sent",
        "sent_at",
        "unfixable",
    )

    def __init__(self) -> None:
        self.response: httpx.Response | None = None
        self.error: HexApiError | None = None
        self.outcome = ""
        self.sent = True  # False only when the request provably never left
        self.retry_after: float | None = None
        self.ms = 0.0
        self.sent_at = 0.0  # the client's clock once pacing let the attempt go
        self.unfixable: str | None = None  # why retrying this failure cannot help


@functools.cache
def _tls_context() -> ssl.SSLContext:
    """httpx's own verifying TLS context (SSL_CERT_FILE/SSL_CERT_DIR honoured), built once per
    process: building one costs tens of milliseconds, and commands make a client each."""
    return httpx.create_ssl_context(trust_env=True)


class HexClient:
    """The Hex API, one typed async method per operation.

    ``transport`` is any httpx async transport: ``httpx.ASGITransport(app)`` for the in-process
    emulator, the default network transport otherwise. ``clock`` and ``sleep`` drive pacing and
    backoff (tests inject fakes and never really sleep). ``notify`` receives progress lines
    (long listings, rate-limit waits, retries; :mod:`~hexsync.hexapi.notices`).
    """

    def __init__(
        self,
        token: Token | str,
        base_url: str = DEFAULT_BASE_URL,
        *,
        transport: httpx.AsyncBaseTransport | None = None,
        rate_limit: RateLimit | None = None,
        pacer: Pacer | None = None,
        pacing: bool = True,
        retry: RetryPolicy | None = None,
        timeout: float = 60.0,
        max_concurrency: int = 4,
        clock: Callable[[], float] = time.monotonic,
        sleep: Sleep = asyncio.sleep,
        notify: Callable[[str], None] | None = None,
    ) -> None:
        self._token = token if isinstance(token, Token) else Token(token)
        self.base_url = normalize_base_url(base_url)
        if pacer is None:
            pacer = Pacer(cap=rate_limit, clock=clock, sleep=sleep) if pacing else NoPacer()
        self.pacer = pacer
        self.retry = retry or RetryPolicy()
        self.timeout = timeout
        self.counters = Counters()
        self.breaker = Breaker(self.retry, clock)
        self.notices = Notices(notify, clock)
        self.pacer.on_wait = self._pacing_wait
        self._answered = False  # any HTTP answer yet: a refused connection then is an outage
        self._clock = clock
        self._sleep = sleep
        self._max_concurrency = max(1, max_concurrency)
        self._semaphore: asyncio.Semaphore | None = None
        self._http = httpx.AsyncClient(
            transport=transport,
            timeout=httpx.Timeout(timeout, connect=min(timeout, 15.0)),
            headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
            follow_redirects=False,
            trust_env=transport is None,
            verify=_tls_context(),
        )

    def __repr__(self) -> str:
        return f"HexClient({self.base_url!r}, token={self._token!r})"

    async def __aenter__(self) -> HexClient:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close connections; with ``-v``, log what the client did."""
        await self._http.aclose()
        if self.counters.total_requests:
            logger.info("%s", self.counters.summary())

    # ------------------------------------------------------------------ request core

    async def pause(self, seconds: float) -> None:
        """Wait on the client's own clock, counted as backoff: for a caller that retries a whole
        step itself (apply re-creating after a read-back found nothing), so tests never sleep."""
        seconds = max(0.0, seconds)
        self.counters.backoff_wait += seconds
        await self._sleep(seconds)

    def _pacing_wait(self, group: str, seconds: float) -> None:
        self.notices.wait(
            "pace", seconds, f"waiting {seconds:.0f} s for the rate limit (group {group})"
        )

    @property
    def unreachable(self) -> str | None:
        """Why no request is sent now (the circuit breaker is open), else None."""
        if not self.breaker.is_open:
            return None
        return (
            f"the Hex API at {self.base_url} has not answered for "
            f"{self.breaker.outage():.0f} s ({self.breaker.failures} connection failures in a "
            "row); hexsync stopped trying"
        )

    def _scrub(self, text: str) -> str:
        """``text`` with this client's token (in any form) and any Hex token masked."""
        return redact(text, [self._token.reveal()])

    def _sem(self) -> asyncio.Semaphore:
        if self._semaphore is None:
            self._semaphore = asyncio.Semaphore(self._max_concurrency)
        return self._semaphore

    async def _call(
        self,
        operation_id: str,
        path_params: Mapping[str, str] | None = None,
        *,
        params: Mapping[str, Any] | None = None,
        body: Any = None,
        paced: bool = True,
    ) -> Any:
        """Send one operation (retrying as allowed); returns the parsed JSON, None for 204."""
        op = OPS[operation_id]
        path = op.url_path(**(path_params or {}))
        url = self.base_url + path
        query = {k: v for k, v in (params or {}).items() if v is not None}
        # The deadline bounds retrying, so it starts when the first attempt leaves: time spent
        # queued behind the pacer first (apply sends a whole phase at once) does not use it up.
        started: float | None = None
        faults = 0
        ambiguous_before = False
        attempt_no = 0
        while True:
            attempt_no += 1
            self._raise_if_unreachable(op)
            if attempt_no > 1:
                self.counters.retries[operation_id] += 1
            attempt = await self._attempt(op, url, query, body, paced=paced)
            if started is None:
                started = attempt.sent_at
            response = attempt.response
            if response is None:
                self.breaker.failed(attempt.sent_at)
            else:
                self.breaker.answered()
                self._answered = True
            if response is not None and 200 <= response.status_code < 300:
                self._log(op, response.request.url, attempt, attempt_no)
                return self._parse_ok(op, response)
            if (
                response is not None
                and ambiguous_before
                and response.status_code in op.done_on_retry
            ):
                # An earlier attempt went through but its answer was lost: the group is gone,
                # the run has ended.
                self._log(op, response.request.url, attempt, attempt_no, "(already done)")
                return None
            delay = self._retry_delay(op, attempt, attempt_no, faults)
            if delay is not None and self._clock() + delay - started > self.retry.deadline:
                delay = None
            if delay is not None and response is None:
                # Wake when the breaker would open rather than sleep past it.
                until = self.breaker.until_open()
                if until is not None and self.breaker.failures >= self.retry.breaker_failures:
                    delay = min(delay, until + 0.01)
            note = f"retry in {delay:.2f}s" if delay is not None else ""
            if delay is None and isinstance(self._final_error(op, attempt), AmbiguousCreateError):
                note = "not retried: a create whose outcome is unknown"
            self._log(op, url + _query_text(query), attempt, attempt_no, note)
            if delay is None:
                raise self._final_error(op, attempt)
            if attempt.outcome != "429":
                faults += 1
            if attempt.sent and attempt.outcome != "429":
                ambiguous_before = True
            if attempt.outcome == "429":
                self.pacer.block(op.rate_group, delay)
                self.notices.wait(
                    "429", delay, f"waiting {delay:.0f} s for the rate limit ({op.operation_id})"
                )
            elif response is None:
                self.notices.wait(
                    "retry",
                    max(delay, self.breaker.outage()),
                    f"cannot reach the API ({attempt.outcome}, {op.operation_id}); retrying in "
                    f"{delay:.0f} s, attempt {faults + 1} of {self.retry.max_attempts}; "
                    f"stopping if it stays unreachable for {self.retry.breaker_seconds:.0f} s",
                )
            self.counters.backoff_wait += delay
            await self._sleep(delay)

    def _raise_if_unreachable(self, op: Op) -> None:
        gone = self.unreachable
        if gone is not None:
            raise UnreachableError(
                gone,
                operation=op.operation_id,
                hint="check the network and --api-url; nothing more was sent. Run the "
                "command again once the API answers",
            )

    async def _attempt(
        self, op: Op, url: str, query: Mapping[str, Any], body: Any, *, paced: bool
    ) -> _Attempt:
        attempt = _Attempt()
        headers = {"Authorization": f"Bearer {self._token.reveal()}"}
        content: bytes | None = None
        if body is not None:
            content = json.dumps(body, separators=(",", ":")).encode()
            headers["Content-Type"] = "application/json"
        async with self._sem():
            if paced:
                self.counters.pacing_wait += await self.pacer.acquire(op.rate_group)
                if self.breaker.is_open:  # it opened while this request waited its turn
                    self.pacer.refund(op.rate_group)
                    self._raise_if_unreachable(op)
            attempt.sent_at = self._clock()
            self.counters.requests[op.operation_id] += 1
            t0 = time.perf_counter()
            try:
                # A total cap on the request (httpx's timeouts are per read). Not
                # asyncio.wait_for: before Python 3.12 it can swallow a cancellation that
                # meets a finishing request, so Ctrl-C/SIGTERM would let apply carry on.
                with anyio.fail_after(self.timeout):
                    response = await self._http.request(
                        op.method, url, params=query or None, content=content, headers=headers
                    )
            except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as exc:
                attempt.sent = False
                if paced:
                    self.pacer.refund(op.rate_group)  # it never reached Hex
                attempt.outcome = "connection failed"
                attempt.unfixable = unfixable(exc, answered_before=self._answered)
                why = f" ({attempt.unfixable}; not retried)" if attempt.unfixable else ""
                attempt.error = HexConnectionError(
                    f"cannot connect to {self.base_url}: {self._scrub(_exc_text(exc))}{why}",
                    operation=op.operation_id,
                    hint="check --api-url and the network; nothing was sent",
                )
                attempt.error.__cause__ = exc
            except (httpx.TimeoutException, asyncio.TimeoutError, TimeoutError) as exc:
                attempt.outcome = "timeout"
                attempt.error = HexTimeoutError(
                    f"no answer within {self.timeout:g}s",
                    operation=op.operation_id,
                    hint="Hex may be slow or unreachable; try again later",
                )
                attempt.error.__cause__ = exc
            except (httpx.TransportError, httpx.DecodingError) as exc:
                # DecodingError: an answer whose compressed body is cut or corrupt (a proxy):
                # as good as no answer.
                attempt.outcome = "connection dropped"
                attempt.error = HexConnectionError(
                    f"the connection dropped before an answer came: {self._scrub(_exc_text(exc))}",
                    operation=op.operation_id,
                    hint="a proxy or the network cut the connection; try again",
                )
                attempt.error.__cause__ = exc
            else:
                await response.aread()
                attempt.response = response
                attempt.outcome = str(response.status_code)
                if response.status_code >= 400:
                    attempt.retry_after = parse_retry_after(response.headers.get("Retry-After"))
                    # Masked before parsing (masking keeps JSON valid): nothing an error keeps
                    # can carry the token, even one that has no hxtp_/hxtw_ prefix.
                    text = self._scrub(response.text)
                    attempt.error = error_from_response(
                        response.status_code,
                        op.operation_id,
                        text,
                        _json_or_none(text),
                        retry_after=attempt.retry_after,
                    )
            attempt.ms = (time.perf_counter() - t0) * 1000.0
        if attempt.outcome == "429":
            self.counters.rate_limited += 1
        elif attempt.response is None or attempt.response.status_code >= 500:
            self.counters.faults += 1
        return attempt

    def _retry_delay(self, op: Op, attempt: _Attempt, attempt_no: int, faults: int) -> float | None:
        """Seconds to wait before trying again, or None when this attempt is final."""
        response = attempt.response
        if response is not None:
            status = response.status_code
            if status not in RETRY_STATUSES:
                return None
            if status == 429:
                # Hex refused before doing anything: safe even for creates, never counted
                # against the attempts (a 429 must not end a run), bounded by the deadline.
                return self.retry.backoff(min(attempt_no, 8), attempt.retry_after)
            if op.retry is Retry.CREATE:
                return None
        elif (attempt.sent and op.retry is Retry.CREATE) or attempt.unfixable is not None:
            return None
        if faults + 1 >= self.retry.max_attempts:
            return None
        return self.retry.backoff(faults + 1, attempt.retry_after)

    def _final_error(self, op: Op, attempt: _Attempt) -> HexApiError:
        error = attempt.error
        assert error is not None
        if (
            op.retry is Retry.CREATE
            and attempt.sent
            and (attempt.response is None or attempt.response.status_code >= 500)
        ):
            ambiguous = AmbiguousCreateError(
                f"the request was sent but its outcome is unknown ({attempt.outcome}); "
                "it may have been carried out",
                status=error.status,
                operation=op.operation_id,
                trace_id=error.trace_id,
                body=error.body,
                hint=(
                    "it was not retried, to avoid a duplicate: read the current state "
                    "(list the groups, collections, projects or runs) before trying again"
                ),
            )
            ambiguous.__cause__ = error
            return ambiguous
        return error

    def _log(
        self, op: Op, url: httpx.URL | str, attempt: _Attempt, attempt_no: int, note: str = ""
    ) -> None:
        if not logger.isEnabledFor(logging.INFO):
            return
        parsed = httpx.URL(str(url))
        target = parsed.raw_path.decode("ascii", "replace")
        logger.info(
            "%s",
            request_line(
                op.method,
                target,
                attempt.outcome,
                attempt.ms,
                op.operation_id,
                retry=attempt_no - 1,
                note=note,
            ),
        )

    def _parse_ok(self, op: Op, response: httpx.Response) -> Any:
        if response.status_code == 204 or not response.content:
            return None
        try:
            return response.json()
        except ValueError as exc:
            raise UnexpectedResponseError(
                "the answer is not JSON",
                status=response.status_code,
                operation=op.operation_id,
                body=self._scrub(response.text),
                hint="is --api-url a Hex host? a proxy may have answered instead",
            ) from exc

    # ------------------------------------------------------------------ parsing helpers

    @staticmethod
    def _one(operation_id: str, data: Any, parse: Callable[[Mapping[str, Any]], T]) -> T:
        if not isinstance(data, Mapping):
            raise UnexpectedResponseError(
                f"expected a JSON object, got {type(data).__name__}", operation=operation_id
            )
        try:
            return parse(data)
        except MalformedRecordError as exc:
            raise UnexpectedResponseError(str(exc), operation=operation_id) from exc

    def _page(
        self, operation_id: str, data: Any, parse: Callable[[Mapping[str, Any]], T]
    ) -> Page[T]:
        if not isinstance(data, Mapping) or not isinstance(data.get("values"), list):
            raise UnexpectedResponseError(
                "expected a page with 'values'",
                operation=operation_id,
                body=self._scrub(truncate(json.dumps(data, default=str))),
            )
        values = tuple(self._one(operation_id, v, parse) for v in data["values"])
        pagination = data.get("pagination")
        pagination = pagination if isinstance(pagination, Mapping) else {}
        after = pagination.get("after")
        before = pagination.get("before")
        return Page(
            values=values,
            after=after if isinstance(after, str) and after else None,
            before=before if isinstance(before, str) and before else None,
        )

    async def _cursor(
        self,
        operation_id: str,
        path_params: Mapping[str, str] | None,
        params: Mapping[str, Any],
        parse: Callable[[Mapping[str, Any]], T],
        page_size: int | None,
    ) -> AsyncIterator[T]:
        """Every item of a cursor listing, asking for the largest page the API allows."""
        op = OPS[operation_id]
        limit = min(page_size or op.max_page or 100, op.max_page or 100)
        after: str | None = None
        seen: set[str] = set()
        pages = items = 0
        while True:
            data = await self._call(
                operation_id, path_params, params={**params, "limit": limit, "after": after}
            )
            page = self._page(operation_id, data, parse)
            pages += 1
            items += len(page.values)
            if page.after is not None:
                self.notices.page(operation_id, pages, items)
            for value in page.values:
                yield value
            if page.after is None or not page.values:
                return
            if page.after in seen:
                raise UnexpectedResponseError(
                    "the API returned a cursor it had already returned; stopping to avoid a loop",
                    operation=operation_id,
                )
            seen.add(page.after)
            after = page.after

    # ------------------------------------------------------------------ projects

    async def list_projects(
        self,
        *,
        limit: int = 100,
        after: str | None = None,
        before: str | None = None,
        include_sharing: bool = False,
        include_archived: bool = False,
        include_trashed: bool = False,
        include_components: bool = False,
        statuses: Sequence[str] = (),
        categories: Sequence[str] = (),
        creator_email: str | None = None,
        owner_email: str | None = None,
        collection_id: str | None = None,
        sort_by: str | None = None,
        sort_direction: str | None = None,
    ) -> Page[Project]:
        """ListProjects: one page. ``include_sharing`` reads sharing for the whole page."""
        params = _project_filters(
            include_sharing,
            include_archived,
            include_trashed,
            include_components,
            statuses,
            categories,
            creator_email,
            owner_email,
            collection_id,
            sort_by,
            sort_direction,
        )
        data = await self._call(
            "ListProjects", params={**params, "limit": limit, "after": after, "before": before}
        )
        return self._page("ListProjects", data, Project.from_api)

    async def iter_projects(
        self,
        *,
        include_sharing: bool = False,
        include_archived: bool = False,
        include_trashed: bool = False,
        include_components: bool = False,
        statuses: Sequence[str] = (),
        categories: Sequence[str] = (),
        creator_email: str | None = None,
        owner_email: str | None = None,
        collection_id: str | None = None,
        sort_by: str | None = None,
        sort_direction: str | None = None,
        page_size: int | None = None,
    ) -> AsyncIterator[Project]:
        """Every project, 100 per request: N projects with sharing cost ceil(N/100) requests."""
        params = _project_filters(
            include_sharing,
            include_archived,
            include_trashed,
            include_components,
            statuses,
            categories,
            creator_email,
            owner_email,
            collection_id,
            sort_by,
            sort_direction,
        )
        async for project in self._cursor(
            "ListProjects", None, params, Project.from_api, page_size
        ):
            yield project

    async def get_project(self, project_id: str, *, include_sharing: bool = False) -> Project:
        """GetProject."""
        data = await self._call(
            "GetProject",
            {"projectId": project_id},
            params={"includeSharing": True if include_sharing else None},
        )
        return self._one("GetProject", data, Project.from_api)

    async def create_project(self, title: str, *, description: str | None = None) -> Project:
        """CreateProject. Never retried once sent: see AmbiguousCreateError."""
        body: dict[str, Any] = {"title": title}
        if description is not None:
            body["description"] = description
        data = await self._call("CreateProject", body=body)
        return self._one("CreateProject", data, Project.from_api)

    async def update_project(self, project_id: str, *, status: str | None) -> Project:
        """UpdateProject: set the status (or endorsement) by name; None removes it."""
        data = await self._call("UpdateProject", {"projectId": project_id}, body={"status": status})
        return self._one("UpdateProject", data, Project.from_api)

    async def get_queried_tables(
        self, project_id: str, *, limit: int = 100, after: str | None = None
    ) -> Page[QueriedTable]:
        """GetQueriedTables: one page (Enterprise plan)."""
        data = await self._call(
            "GetQueriedTables", {"projectId": project_id}, params={"limit": limit, "after": after}
        )
        return self._page("GetQueriedTables", data, QueriedTable.from_api)

    async def iter_queried_tables(
        self, project_id: str, *, page_size: int | None = None
    ) -> AsyncIterator[QueriedTable]:
        """Every table a project queries."""
        async for table in self._cursor(
            "GetQueriedTables", {"projectId": project_id}, {}, QueriedTable.from_api, page_size
        ):
            yield table

    # ------------------------------------------------------------------ sharing

    async def _sharing_upsert(
        self, operation_id: str, project_id: str, kind: str, access_by_id: Mapping[str, str]
    ) -> SharingResult:
        if not access_by_id:
            raise ValueError(f"{operation_id}: nothing to share")
        entity = kind.rstrip("s")
        items = sorted(access_by_id.items())
        project: Project | None = None
        errors: list[Any] = []
        requests = 0
        for start in range(0, len(items), SHARING_BATCH):
            chunk = items[start : start + SHARING_BATCH]
            body = {
                "sharing": {
                    "upsert": {
                        kind: [{entity: {"id": ident}, "access": access} for ident, access in chunk]
                    }
                }
            }
            data = await self._call(operation_id, {"projectId": project_id}, body=body)
            result = self._one(operation_id, data, SharingResult.from_api)
            project = result.project
            errors.extend(result.errors)
            requests += 1
        assert project is not None
        return SharingResult(project=project, errors=tuple(errors), requests=requests)

    async def edit_project_sharing_users(
        self, project_id: str, access_by_user_id: Mapping[str, str]
    ) -> SharingResult:
        """EditProjectSharingUsers: upsert user id → access (``NONE`` removes), 25 per request."""
        return await self._sharing_upsert(
            "EditProjectSharingUsers", project_id, "users", access_by_user_id
        )

    async def edit_project_sharing_groups(
        self, project_id: str, access_by_group_id: Mapping[str, str]
    ) -> SharingResult:
        """EditProjectSharingGroups: upsert group id → access, 25 per request."""
        return await self._sharing_upsert(
            "EditProjectSharingGroups", project_id, "groups", access_by_group_id
        )

    async def edit_project_sharing_collections(
        self, project_id: str, access_by_collection_id: Mapping[str, str]
    ) -> SharingResult:
        """EditProjectSharingCollections: upsert collection id → access, 25 per request."""
        return await self._sharing_upsert(
            "EditProjectSharingCollections", project_id, "collections", access_by_collection_id
        )

    async def edit_project_sharing_workspace_and_public(
        self, project_id: str, *, workspace: str | None = None, public_web: str | None = None
    ) -> SharingResult:
        """EditProjectSharingOrgAndPublic: an argument left None is left unchanged."""
        sharing: dict[str, str] = {}
        if workspace is not None:
            sharing["workspace"] = workspace
        if public_web is not None:
            sharing["publicWeb"] = public_web
        if not sharing:
            raise ValueError("EditProjectSharingOrgAndPublic: give workspace and/or public_web")
        data = await self._call(
            "EditProjectSharingOrgAndPublic", {"projectId": project_id}, body={"sharing": sharing}
        )
        return self._one("EditProjectSharingOrgAndPublic", data, SharingResult.from_api)

    # ------------------------------------------------------------------ runs

    async def run_project(
        self,
        project_id: str,
        *,
        input_params: Mapping[str, Any] | None = None,
        dry_run: bool | None = None,
        update_published_results: bool | None = None,
        use_cached_sql_results: bool | None = None,
        update_cache: bool | None = None,
        view_id: str | None = None,
        notifications: Sequence[Notification] = (),
    ) -> RunStarted:
        """RunProject: start a run of the latest published version. Never retried once sent."""
        body: dict[str, Any] = {}
        if input_params is not None:
            body["inputParams"] = dict(input_params)
        for key, value in (
            ("dryRun", dry_run),
            ("updatePublishedResults", update_published_results),
            ("useCachedSqlResults", use_cached_sql_results),
            ("updateCache", update_cache),
            ("viewId", view_id),
        ):
            if value is not None:
                body[key] = value
        if notifications:
            body["notifications"] = [n.to_api() for n in notifications]
        data = await self._call("RunProject", {"projectId": project_id}, body=body)
        return self._one("RunProject", data, RunStarted.from_api)

    async def get_project_runs(
        self,
        project_id: str,
        *,
        limit: int = 100,
        offset: int = 0,
        status_filter: str | None = None,
        run_trigger_filter: str | None = None,
    ) -> RunsPage:
        """GetProjectRuns: one page (offset pagination)."""
        data = await self._call(
            "GetProjectRuns",
            {"projectId": project_id},
            params={
                "limit": limit,
                "offset": offset or None,
                "statusFilter": status_filter,
                "runTriggerFilter": run_trigger_filter,
            },
        )
        if not isinstance(data, Mapping) or not isinstance(data.get("runs"), list):
            raise UnexpectedResponseError("expected 'runs'", operation="GetProjectRuns")
        runs = tuple(self._one("GetProjectRuns", r, Run.from_api) for r in data["runs"])
        nxt, prev, trace = data.get("nextPage"), data.get("previousPage"), data.get("traceId")
        return RunsPage(
            runs=runs,
            next_page=nxt if isinstance(nxt, str) and nxt else None,
            previous_page=prev if isinstance(prev, str) and prev else None,
            trace_id=trace if isinstance(trace, str) else None,
        )

    async def iter_project_runs(
        self,
        project_id: str,
        *,
        status_filter: str | None = None,
        run_trigger_filter: str | None = None,
        page_size: int | None = None,
    ) -> AsyncIterator[Run]:
        """Every run of a project, newest first, 100 per request.

        Offsets shift when a run starts meanwhile; a run seen on an earlier page is skipped.
        """
        limit = min(page_size or 100, 100)
        offset = 0
        seen: set[str] = set()
        while True:
            page = await self.get_project_runs(
                project_id,
                limit=limit,
                offset=offset,
                status_filter=status_filter,
                run_trigger_filter=run_trigger_filter,
            )
            for run in page.runs:
                if run.run_id not in seen:
                    seen.add(run.run_id)
                    yield run
            if page.next_page is None or not page.runs:
                return
            offset += len(page.runs)

    async def get_run_status(self, project_id: str, run_id: str) -> Run:
        """GetRunStatus."""
        data = await self._call("GetRunStatus", {"projectId": project_id, "runId": run_id})
        return self._one("GetRunStatus", data, Run.from_api)

    async def cancel_run(self, project_id: str, run_id: str) -> None:
        """CancelRun (PENDING or RUNNING runs)."""
        await self._call("CancelRun", {"projectId": project_id, "runId": run_id})

    # ------------------------------------------------------------------ users

    async def me(self) -> Me:
        """Me: the token's user (None for a workspace token) and org."""
        data = await self._call("Me")
        return self._one("Me", data, Me.from_api)

    async def list_users(
        self,
        *,
        limit: int = 500,
        after: str | None = None,
        before: str | None = None,
        group_id: str | None = None,
        user_ids: Sequence[str] = (),
        sort_by: str | None = None,
        sort_direction: str | None = None,
    ) -> Page[User]:
        """ListUsers: one page."""
        params = _user_filters(group_id, user_ids, sort_by, sort_direction)
        data = await self._call(
            "ListUsers", params={**params, "limit": limit, "after": after, "before": before}
        )
        return self._page("ListUsers", data, User.from_api)

    async def iter_users(
        self,
        *,
        group_id: str | None = None,
        user_ids: Sequence[str] = (),
        sort_by: str | None = None,
        sort_direction: str | None = None,
        page_size: int | None = None,
    ) -> AsyncIterator[User]:
        """Every user (of a group, with ``group_id``), 500 per request."""
        params = _user_filters(group_id, user_ids, sort_by, sort_direction)
        async for user in self._cursor("ListUsers", None, params, User.from_api, page_size):
            yield user

    async def deactivate_user(self, user_id: str) -> User:
        """DeactivateUser (there is no re-activation in the API)."""
        data = await self._call("DeactivateUser", {"userId": user_id})
        if isinstance(data, Mapping) and isinstance(data.get("user"), Mapping):
            data = data["user"]
        return self._one("DeactivateUser", data, User.from_api)

    # ------------------------------------------------------------------ groups

    async def list_groups(
        self,
        *,
        limit: int = 500,
        after: str | None = None,
        before: str | None = None,
        sort_by: str | None = None,
        sort_direction: str | None = None,
    ) -> Page[Group]:
        """ListGroups: one page (without hexsync's lock group)."""
        data = await self._call(
            "ListGroups",
            params={
                "limit": limit,
                "after": after,
                "before": before,
                "sortBy": sort_by,
                "sortDirection": sort_direction,
            },
        )
        page = self._page("ListGroups", data, Group.from_api)
        values = tuple(g for g in page.values if g.name != LOCK_GROUP)
        return Page(values=values, after=page.after, before=page.before)

    async def iter_groups(
        self,
        *,
        sort_by: str | None = None,
        sort_direction: str | None = None,
        page_size: int | None = None,
        include_lock: bool = False,
    ) -> AsyncIterator[Group]:
        """Every group, 500 per request (members: ``iter_users(group_id=…)``); hexsync's lock
        group (``LOCK_GROUP``) only with ``include_lock``."""
        params = {"sortBy": sort_by, "sortDirection": sort_direction}
        async for group in self._cursor("ListGroups", None, params, Group.from_api, page_size):
            if include_lock or group.name != LOCK_GROUP:
                yield group

    async def get_group(self, group_id: str) -> Group:
        """GetGroup: id, name, createdAt (no members)."""
        data = await self._call("GetGroup", {"groupId": group_id})
        return self._one("GetGroup", data, Group.from_api)

    async def create_group(self, name: str, *, member_ids: Sequence[str] = ()) -> Group:
        """CreateGroup with at most 100 members (add more with :meth:`edit_group`).

        Never retried once sent: an unclear outcome raises AmbiguousCreateError.
        """
        if len(member_ids) > MEMBERS_BATCH:
            raise ValueError(
                f"CreateGroup takes at most {MEMBERS_BATCH} members; add the rest with edit_group"
            )
        body: dict[str, Any] = {"name": name}
        if member_ids:
            body["members"] = {"users": [{"id": i} for i in member_ids]}
        data = await self._call("CreateGroup", body=body)
        return self._one("CreateGroup", data, Group.from_api)

    async def edit_group(
        self,
        group_id: str,
        *,
        name: str | None = None,
        add: Sequence[str] = (),
        remove: Sequence[str] = (),
    ) -> Group:
        """EditGroup: rename and/or add and remove members, 100 of each per request."""
        adds, removes = list(add), list(remove)
        if name is None and not adds and not removes:
            raise ValueError("EditGroup: nothing to change")
        group: Group | None = None
        first = True
        while first or adds or removes:
            body: dict[str, Any] = {}
            if first and name is not None:
                body["name"] = name
            members: dict[str, Any] = {}
            if adds:
                members["add"] = {"users": [{"id": i} for i in adds[:MEMBERS_BATCH]]}
                adds = adds[MEMBERS_BATCH:]
            if removes:
                members["remove"] = {"users": [{"id": i} for i in removes[:MEMBERS_BATCH]]}
                removes = removes[MEMBERS_BATCH:]
            if members:
                body["members"] = members
            first = False
            data = await self._call("EditGroup", {"groupId": group_id}, body=body)
            group = self._one("EditGroup", data, Group.from_api)
        assert group is not None
        return group

    async def delete_group(self, group_id: str) -> None:
        """DeleteGroup. A retry that finds the group gone counts as done."""
        await self._call("DeleteGroup", {"groupId": group_id})

    # ------------------------------------------------------------------ collections

    async def list_collections(
        self,
        *,
        limit: int = 100,
        after: str | None = None,
        before: str | None = None,
        sort_by: str | None = None,
    ) -> Page[Collection]:
        """ListCollections: one page."""
        data = await self._call(
            "ListCollections",
            params={"limit": limit, "after": after, "before": before, "sortBy": sort_by},
        )
        return self._page("ListCollections", data, Collection.from_api)

    async def iter_collections(
        self, *, sort_by: str | None = None, page_size: int | None = None
    ) -> AsyncIterator[Collection]:
        """Every collection, 100 per request."""
        async for collection in self._cursor(
            "ListCollections", None, {"sortBy": sort_by}, Collection.from_api, page_size
        ):
            yield collection

    async def get_collection(self, collection_id: str) -> Collection:
        """GetCollection."""
        data = await self._call("GetCollection", {"collectionId": collection_id})
        return self._one("GetCollection", data, Collection.from_api)

    async def create_collection(
        self,
        name: str,
        *,
        description: str | None = None,
        user_access: Mapping[str, str] | None = None,
        group_access: Mapping[str, str] | None = None,
        workspace_members: str | None = None,
    ) -> Collection:
        """CreateCollection. Never retried once sent: see AmbiguousCreateError."""
        body: dict[str, Any] = {"name": name}
        if description is not None:
            body["description"] = description
        sharing = _collection_sharing(user_access, group_access, workspace_members)
        if sharing:
            body["sharing"] = sharing
        data = await self._call("CreateCollection", body=body)
        return self._one("CreateCollection", data, Collection.from_api)

    async def edit_collection(
        self,
        collection_id: str,
        *,
        name: str | None = None,
        description: str | None = None,
        user_access: Mapping[str, str] | None = None,
        group_access: Mapping[str, str] | None = None,
        workspace_members: str | None = None,
    ) -> Collection:
        """EditCollection: rename, describe, upsert sharing by id."""
        body: dict[str, Any] = {}
        if name is not None:
            body["name"] = name
        if description is not None:
            body["description"] = description
        sharing = _collection_sharing(user_access, group_access, workspace_members)
        if sharing:
            body["sharing"] = {"upsert": sharing}
        if not body:
            raise ValueError("EditCollection: nothing to change")
        data = await self._call("EditCollection", {"collectionId": collection_id}, body=body)
        return self._one("EditCollection", data, Collection.from_api)

    # ------------------------------------------------------------------ data connections

    async def list_data_connections(
        self,
        *,
        limit: int = 100,
        after: str | None = None,
        before: str | None = None,
        sort_by: str | None = None,
        sort_direction: str | None = None,
    ) -> Page[DataConnection]:
        """ListDataConnections: one page."""
        data = await self._call(
            "ListDataConnections",
            params={
                "limit": limit,
                "after": after,
                "before": before,
                "sortBy": sort_by,
                "sortDirection": sort_direction,
            },
        )
        return self._page("ListDataConnections", data, DataConnection.from_api)

    async def iter_data_connections(
        self,
        *,
        sort_by: str | None = None,
        sort_direction: str | None = None,
        page_size: int | None = None,
    ) -> AsyncIterator[DataConnection]:
        """Every data connection, 100 per request."""
        params = {"sortBy": sort_by, "sortDirection": sort_direction}
        async for conn in self._cursor(
            "ListDataConnections", None, params, DataConnection.from_api, page_size
        ):
            yield conn

    async def get_data_connection(self, data_connection_id: str) -> DataConnection:
        """GetDataConnection."""
        data = await self._call("GetDataConnection", {"dataConnectionId": data_connection_id})
        return self._one("GetDataConnection", data, DataConnection.from_api)

    async def create_data_connection(
        self,
        name: str,
        type: str,
        connection_details: Mapping[str, Any],
        *,
        description: str | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> DataConnection:
        """CreateDataConnection. ``connection_details`` is ``{type: {…}}`` as the API takes it."""
        body: dict[str, Any] = {
            **(extra or {}),
            "name": name,
            "type": type,
            "connectionDetails": dict(connection_details),
        }
        if description is not None:
            body["description"] = description
        data = await self._call("CreateDataConnection", body=body)
        return self._one("CreateDataConnection", data, DataConnection.from_api)

    async def edit_data_connection(
        self, data_connection_id: str, changes: Mapping[str, Any]
    ) -> DataConnection:
        """EditDataConnection: ``changes`` is the API's body (name, description, sharing …)."""
        if not changes:
            raise ValueError("EditDataConnection: nothing to change")
        data = await self._call(
            "EditDataConnection", {"dataConnectionId": data_connection_id}, body=dict(changes)
        )
        return self._one("EditDataConnection", data, DataConnection.from_api)

    async def update_data_connection_schema(
        self, data_connection_id: str, updates: Sequence[tuple[str, str, str | None]]
    ) -> SchemaUpdate:
        """UpdateDataConnectionSchema: (type DATABASE|SCHEMA|TABLE, name, status or None)."""
        body = {"updates": [{"type": t, "name": n, "status": s} for t, n, s in updates]}
        data = await self._call(
            "UpdateDataConnectionSchema", {"dataConnectionId": data_connection_id}, body=body
        )
        return self._one("UpdateDataConnectionSchema", data, SchemaUpdate.from_api)

    # ------------------------------------------------------------------ embedding

    async def create_presigned_url(
        self,
        project_id: str,
        *,
        hex_user_attributes: Mapping[str, str] | None = None,
        input_parameters: Mapping[str, Any] | None = None,
        scope: Sequence[str] = (),
        expires_in: int | None = None,
        display_options: EmbedDisplayOptions | None = None,
        test_mode: bool = False,
    ) -> str:
        """CreatePresignedUrl: a single-use embed URL (Enterprise + Embedded Analytics)."""
        body: dict[str, Any] = {}
        if hex_user_attributes:
            body["hexUserAttributes"] = dict(hex_user_attributes)
        if input_parameters:
            body["inputParameters"] = dict(input_parameters)
        if scope:
            body["scope"] = list(scope)
        if expires_in is not None:
            body["expiresIn"] = expires_in
        if display_options is not None and display_options.to_api():
            body["displayOptions"] = display_options.to_api()
        if test_mode:
            body["testMode"] = True
        # Test-mode calls do not count against the rate limit (docs/hex-api.md): not paced.
        data = await self._call(
            "CreatePresignedUrl", {"projectId": project_id}, body=body, paced=not test_mode
        )
        url = data.get("url") if isinstance(data, Mapping) else None
        if not isinstance(url, str) or not url:
            raise UnexpectedResponseError("no 'url' in the answer", operation="CreatePresignedUrl")
        return url


# ---------------------------------------------------------------------- helpers


def _project_filters(
    include_sharing: bool,
    include_archived: bool,
    include_trashed: bool,
    include_components: bool,
    statuses: Sequence[str],
    categories: Sequence[str],
    creator_email: str | None,
    owner_email: str | None,
    collection_id: str | None,
    sort_by: str | None,
    sort_direction: str | None,
) -> dict[str, Any]:
    return {
        "includeSharing": True if include_sharing else None,
        "includeArchived": True if include_archived else None,
        "includeTrashed": True if include_trashed else None,
        "includeComponents": True if include_components else None,
        # Repeated parameters (statuses=A&statuses=B): the form the emulator and Hex accept.
        "statuses": list(statuses) or None,
        "categories": list(categories) or None,
        "creatorEmail": creator_email,
        "ownerEmail": owner_email,
        "collectionId": collection_id,
        "sortBy": sort_by,
        "sortDirection": sort_direction,
    }


def _user_filters(
    group_id: str | None,
    user_ids: Sequence[str],
    sort_by: str | None,
    sort_direction: str | None,
) -> dict[str, Any]:
    return {
        "groupId": group_id,
        "userIds": ",".join(user_ids) if user_ids else None,
        "sortBy": sort_by,
        "sortDirection": sort_direction,
    }


def _collection_sharing(
    user_access: Mapping[str, str] | None,
    group_access: Mapping[str, str] | None,
    workspace_members: str | None,
) -> dict[str, Any]:
    sharing: dict[str, Any] = {}
    if user_access:
        sharing["users"] = [{"id": i, "access": a} for i, a in sorted(user_access.items())]
    if group_access:
        sharing["groups"] = [{"id": i, "access": a} for i, a in sorted(group_access.items())]
    if workspace_members is not None:
        sharing["workspace"] = {"members": workspace_members}
    return sharing


def _json_or_none(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return None


def _exc_text(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__


def _query_text(query: Mapping[str, Any]) -> str:
    if not query:
        return ""
    return "?" + str(httpx.QueryParams(query))
