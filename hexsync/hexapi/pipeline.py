"""The request pipeline under :class:`~hexsync.hexapi.client.HexClient`: how a request is sent.

The client's endpoint methods build a path and a body; :meth:`Pipeline.call` does the rest:
(1) waits for the operation's rate-limit group (:mod:`~hexsync.hexapi.pacing`), (2) sends it
through the injected httpx transport, (3) maps failures onto :mod:`~hexsync.hexapi.errors`,
(4) retries what is safe to retry (:mod:`~hexsync.hexapi.retry`), stopping at once while the
circuit breaker holds the API for unreachable, and (5) logs one line per attempt with the token
redacted (:mod:`~hexsync.hexapi.log`) and counts it (:mod:`~hexsync.hexapi.counters`).
:meth:`Pipeline.one`, :meth:`Pipeline.page` and :meth:`Pipeline.cursor` turn the answers into
typed records, pages and cursor listings.

Requests may overlap (``asyncio.gather`` of listings of different resources); pacing keeps each
group under its limits and ``max_concurrency`` bounds the connections. A request takes its
rate-limit token before a connection slot, never while holding one: waiting for one group's
budget must not keep another group's requests from the connections.
"""

from __future__ import annotations

import asyncio
import functools
import json
import logging
import ssl
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from typing import Any, TypeVar

import anyio
import httpx

from hexsync._version import __version__
from hexsync.hexapi.config import RateLimit, Token
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
from hexsync.hexapi.notices import Notices, wait_step
from hexsync.hexapi.operations import OPS, Op, Retry
from hexsync.hexapi.pacing import NoPacer, Pacer
from hexsync.hexapi.retry import (
    RETRY_STATUSES,
    Breaker,
    RetryPolicy,
    parse_retry_after,
    unfixable,
)
from hexsync.hexapi.types import MalformedRecordError, Page

T = TypeVar("T")
Sleep = Callable[[float], Awaitable[None]]

USER_AGENT = f"hexsync/{__version__}"


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


class Pipeline:
    """Sends the Hex API's operations for one :class:`~hexsync.hexapi.client.HexClient`.

    ``base_url`` is already normalised. ``transport``, ``clock``, ``sleep`` and ``notify`` are
    the client's (see there); the pipeline owns the connection pool, the pacer, the retry
    policy, the circuit breaker, the counters and the progress notices.
    """

    def __init__(
        self,
        token: Token,
        base_url: str,
        *,
        transport: httpx.AsyncBaseTransport | None,
        rate_limit: RateLimit | None,
        pacer: Pacer | None,
        pacing: bool,
        retry: RetryPolicy | None,
        timeout: float,
        max_concurrency: int,
        clock: Callable[[], float],
        sleep: Sleep,
        notify: Callable[[str], None] | None,
    ) -> None:
        self.token = token
        self.base_url = base_url
        if pacer is None:
            pacer = Pacer(cap=rate_limit, clock=clock, sleep=sleep) if pacing else NoPacer()
        self.pacer = pacer
        self.retry = retry or RetryPolicy()
        self.timeout = timeout
        self.counters = Counters()
        self.breaker = Breaker(self.retry, clock)
        self.notices = Notices(notify, clock)
        if self.pacer.on_wait is None:  # a pacer shared with a sibling keeps its first teller
            self.pacer.on_wait = self._pacing_wait
        self.transport, self.clock, self.sleep = transport, clock, sleep  # for a sibling
        self._answered = False  # any HTTP answer yet: a refused connection then is an outage
        self._clock = clock
        self._sleep = sleep
        self._max_concurrency = self.max_concurrency = max(1, max_concurrency)
        self._semaphore: asyncio.Semaphore | None = None
        self._http = httpx.AsyncClient(
            transport=transport,
            timeout=httpx.Timeout(timeout, connect=min(timeout, 15.0)),
            headers={"User-Agent": USER_AGENT, "Accept": "application/json"},
            follow_redirects=False,
            trust_env=transport is None,
            verify=_tls_context(),
        )

    async def aclose(self) -> None:
        """Close connections; with ``-v``, log what the client did."""
        await self._http.aclose()
        if self.counters.total_requests:
            logger.info("%s", self.counters.summary())

    async def pause(self, seconds: float) -> None:
        """Wait on the client's own clock, counted as backoff: for a caller that retries a whole
        step itself (apply re-creating after a read-back found nothing), so tests never sleep."""
        seconds = max(0.0, seconds)
        self.counters.backoff_wait += seconds
        await self._sleep(seconds)

    def _pacing_wait(self, group: str, seconds: float, operation_id: str, still: bool) -> None:
        """A request waits for its group's token: said in words, its id in the -v log."""
        op = OPS.get(operation_id)
        doing = op.phrase if op is not None else f"a request of rate-limit group {group}"
        if still:
            self.notices.still(f"still:{group}", seconds, doing)
            return
        logger.info("%s waits %.1f s for rate-limit group %s", operation_id or "?", seconds, group)
        line = f"waiting {seconds:.0f} s for the rate limit before {doing}"
        self.notices.wait("pace", seconds, line)

    async def _wait_telling(self, op: Op, seconds: float) -> None:
        """Sleep ``seconds`` (after a 429), saying now and then that the wait goes on."""
        left = seconds
        while left > 0:
            step = wait_step(left)
            await self._sleep(step)
            left -= step
            if left > 0:
                self.notices.still(f"still:{op.rate_group}", left, op.phrase)

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
        return redact(text, [self.token.reveal()])

    def _sem(self) -> asyncio.Semaphore:
        if self._semaphore is None:
            self._semaphore = asyncio.Semaphore(self._max_concurrency)
        return self._semaphore

    async def call(
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
            self.counters.backoff_wait += delay
            if attempt.outcome == "429":
                self.pacer.block(op.rate_group, delay)
                self.notices.wait(
                    "429", delay, f"waiting {delay:.0f} s for the rate limit before {op.phrase}"
                )
                await self._wait_telling(op, delay)
                continue
            if response is None:
                self.notices.wait(
                    "retry",
                    max(delay, self.breaker.outage()),
                    f"cannot reach the API ({attempt.outcome} while {op.phrase}); retrying in "
                    f"{delay:.0f} s, attempt {faults + 1} of {self.retry.max_attempts}; "
                    f"stopping if it stays unreachable for {self.retry.breaker_seconds:.0f} s",
                )
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
        headers = {"Authorization": f"Bearer {self.token.reveal()}"}
        content: bytes | None = None
        if body is not None:
            content = json.dumps(body, separators=(",", ":")).encode()
            headers["Content-Type"] = "application/json"
        taken = 0.0
        if paced:
            # The token first, then a connection slot: a request waiting for its group's budget
            # holds no slot, so the other groups' requests go on at their own pace.
            waited, taken = await self.pacer.take(op.rate_group, op.operation_id)
            self.counters.pacing_wait += waited
        async with self._sem():
            attempt.sent_at = self._clock()
            if paced:
                if self.breaker.is_open:  # it opened while this request waited its turn
                    self.pacer.refund(op.rate_group, taken)
                    self._raise_if_unreachable(op)
                # The slot came later than the token: the token counts from now, as Hex will.
                taken = self.pacer.restamp(op.rate_group, taken)
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
                    self.pacer.refund(op.rate_group, taken)  # it never reached Hex
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
    def one(operation_id: str, data: Any, parse: Callable[[Mapping[str, Any]], T]) -> T:
        if not isinstance(data, Mapping):
            raise UnexpectedResponseError(
                f"expected a JSON object, got {type(data).__name__}", operation=operation_id
            )
        try:
            return parse(data)
        except MalformedRecordError as exc:
            raise UnexpectedResponseError(str(exc), operation=operation_id) from exc

    def page(
        self, operation_id: str, data: Any, parse: Callable[[Mapping[str, Any]], T]
    ) -> Page[T]:
        if not isinstance(data, Mapping) or not isinstance(data.get("values"), list):
            raise UnexpectedResponseError(
                "expected a page with 'values'",
                operation=operation_id,
                body=self._scrub(truncate(json.dumps(data, default=str))),
            )
        values = tuple(self.one(operation_id, v, parse) for v in data["values"])
        pagination = data.get("pagination")
        pagination = pagination if isinstance(pagination, Mapping) else {}
        after = pagination.get("after")
        before = pagination.get("before")
        return Page(
            values=values,
            after=after if isinstance(after, str) and after else None,
            before=before if isinstance(before, str) and before else None,
        )

    async def cursor(
        self,
        operation_id: str,
        path_params: Mapping[str, str] | None,
        params: Mapping[str, Any],
        parse: Callable[[Mapping[str, Any]], T],
        page_size: int | None,
    ) -> AsyncIterator[T]:
        """Every item of a cursor listing, asking for the largest page the API allows."""
        async for values in self.cursor_pages(operation_id, path_params, params, parse, page_size):
            for value in values:
                yield value

    async def cursor_pages(
        self,
        operation_id: str,
        path_params: Mapping[str, str] | None,
        params: Mapping[str, Any],
        parse: Callable[[Mapping[str, Any]], T],
        page_size: int | None,
    ) -> AsyncIterator[tuple[T, ...]]:
        """Each page of a cursor listing as it arrives (the next is asked for when the caller
        takes it), asking for the largest page the API allows."""
        op = OPS[operation_id]
        limit = min(page_size or op.max_page or 100, op.max_page or 100)
        after: str | None = None
        seen: set[str] = set()
        pages = items = 0
        while True:
            data = await self.call(
                operation_id, path_params, params={**params, "limit": limit, "after": after}
            )
            page = self.page(operation_id, data, parse)
            pages += 1
            items += len(page.values)
            if page.after is not None:
                self.notices.page(operation_id, pages, items)
            if page.values:
                yield page.values
            if page.after is None or not page.values:
                return
            if page.after in seen:
                raise UnexpectedResponseError(
                    "the API returned a cursor it had already returned; stopping to avoid a loop",
                    operation=operation_id,
                )
            seen.add(page.after)
            after = page.after


# ---------------------------------------------------------------------- helpers


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
