"""The async Hex API client: one typed method per operation.

::

    async with HexClient(token, "https://app.hex.tech") as hex:
        me = await hex.me()
        async for project in hex.iter_projects(include_sharing=True):   # 100 per request
            ...

Each method builds the operation's path, query and body and parses the answer into
:mod:`~hexsync.hexapi.types`; sending it (pacing, retries, the circuit breaker, error mapping,
the redacted request log, counters) is the job of the :class:`~hexsync.hexapi.pipeline.Pipeline`
the client holds.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from typing import Any

import httpx

from hexsync.hexapi.config import DEFAULT_BASE_URL, RateLimit, Token, normalize_base_url
from hexsync.hexapi.counters import Counters
from hexsync.hexapi.errors import UnexpectedResponseError
from hexsync.hexapi.notices import Notices
from hexsync.hexapi.pacing import Pacer
from hexsync.hexapi.params import collection_sharing, project_filters, user_filters
from hexsync.hexapi.pipeline import Pipeline, Sleep
from hexsync.hexapi.retry import Breaker, RetryPolicy
from hexsync.hexapi.types import (
    Collection,
    DataConnection,
    EmbedDisplayOptions,
    Group,
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

SHARING_BATCH = 25  # principals per sharing upsert (API limit)
MEMBERS_BATCH = 100  # users per group add / remove list (API limit)


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
        self._pipe = Pipeline(
            token if isinstance(token, Token) else Token(token),
            normalize_base_url(base_url),
            transport=transport,
            rate_limit=rate_limit,
            pacer=pacer,
            pacing=pacing,
            retry=retry,
            timeout=timeout,
            max_concurrency=max_concurrency,
            clock=clock,
            sleep=sleep,
            notify=notify,
        )

    def __repr__(self) -> str:
        return f"HexClient({self.base_url!r}, token={self._pipe.token!r})"

    def sibling(self) -> HexClient:
        """Another client of the same token and API that shares this one's pacer (one rate
        limit for both) and keeps counters and connections of its own: a background reader
        (``hexsync serve``'s queried tables) whose requests are not counted as the
        foreground's. Close it on its own."""
        p = self._pipe
        return HexClient(
            p.token,
            p.base_url,
            transport=p.transport,
            pacer=p.pacer,
            retry=p.retry,
            timeout=p.timeout,
            max_concurrency=p.max_concurrency,
            clock=p.clock,
            sleep=p.sleep,
        )

    async def __aenter__(self) -> HexClient:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        """Close connections; with ``-v``, log what the client did."""
        await self._pipe.aclose()

    # ------------------------------------------------------------------ the pipeline's state

    @property
    def base_url(self) -> str:
        """The API root, ``…/api/v1``."""
        return self._pipe.base_url

    @property
    def pacer(self) -> Pacer:
        return self._pipe.pacer

    @property
    def retry(self) -> RetryPolicy:
        return self._pipe.retry

    @retry.setter
    def retry(self, policy: RetryPolicy) -> None:
        self._pipe.retry = policy

    @property
    def timeout(self) -> float:
        return self._pipe.timeout

    @property
    def counters(self) -> Counters:
        return self._pipe.counters

    @property
    def breaker(self) -> Breaker:
        return self._pipe.breaker

    @property
    def notices(self) -> Notices:
        return self._pipe.notices

    @property
    def unreachable(self) -> str | None:
        """Why no request is sent now (the circuit breaker is open), else None."""
        return self._pipe.unreachable

    async def pause(self, seconds: float) -> None:
        """Wait on the client's own clock, counted as backoff: for a caller that retries a whole
        step itself (apply re-creating after a read-back found nothing), so tests never sleep."""
        await self._pipe.pause(seconds)

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
        params = project_filters(
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
        data = await self._pipe.call(
            "ListProjects", params={**params, "limit": limit, "after": after, "before": before}
        )
        return self._pipe.page("ListProjects", data, Project.from_api)

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
        async for page in self.iter_project_pages(
            include_sharing=include_sharing,
            include_archived=include_archived,
            include_trashed=include_trashed,
            include_components=include_components,
            statuses=statuses,
            categories=categories,
            creator_email=creator_email,
            owner_email=owner_email,
            collection_id=collection_id,
            sort_by=sort_by,
            sort_direction=sort_direction,
            page_size=page_size,
        ):
            for project in page:
                yield project

    async def iter_project_pages(
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
    ) -> AsyncIterator[tuple[Project, ...]]:
        """:meth:`iter_projects` a page at a time, each as soon as it arrives."""
        params = project_filters(
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
        async for page in self._pipe.cursor_pages(
            "ListProjects", None, params, Project.from_api, page_size
        ):
            yield page

    async def get_project(self, project_id: str, *, include_sharing: bool = False) -> Project:
        """GetProject."""
        data = await self._pipe.call(
            "GetProject",
            {"projectId": project_id},
            params={"includeSharing": True if include_sharing else None},
        )
        return self._pipe.one("GetProject", data, Project.from_api)

    async def create_project(self, title: str, *, description: str | None = None) -> Project:
        """CreateProject. Never retried once sent: see AmbiguousCreateError."""
        body: dict[str, Any] = {"title": title}
        if description is not None:
            body["description"] = description
        data = await self._pipe.call("CreateProject", body=body)
        return self._pipe.one("CreateProject", data, Project.from_api)

    async def update_project(self, project_id: str, *, status: str | None) -> Project:
        """UpdateProject: set the status (or endorsement) by name; None removes it."""
        data = await self._pipe.call(
            "UpdateProject", {"projectId": project_id}, body={"status": status}
        )
        return self._pipe.one("UpdateProject", data, Project.from_api)

    async def get_queried_tables(
        self, project_id: str, *, limit: int = 100, after: str | None = None
    ) -> Page[QueriedTable]:
        """GetQueriedTables: one page (Enterprise plan)."""
        data = await self._pipe.call(
            "GetQueriedTables", {"projectId": project_id}, params={"limit": limit, "after": after}
        )
        return self._pipe.page("GetQueriedTables", data, QueriedTable.from_api)

    async def iter_queried_tables(
        self, project_id: str, *, page_size: int | None = None
    ) -> AsyncIterator[QueriedTable]:
        """Every table a project queries."""
        async for table in self._pipe.cursor(
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
            data = await self._pipe.call(operation_id, {"projectId": project_id}, body=body)
            result = self._pipe.one(operation_id, data, SharingResult.from_api)
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
        data = await self._pipe.call(
            "EditProjectSharingOrgAndPublic", {"projectId": project_id}, body={"sharing": sharing}
        )
        return self._pipe.one("EditProjectSharingOrgAndPublic", data, SharingResult.from_api)

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
        data = await self._pipe.call("RunProject", {"projectId": project_id}, body=body)
        return self._pipe.one("RunProject", data, RunStarted.from_api)

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
        data = await self._pipe.call(
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
        runs = tuple(self._pipe.one("GetProjectRuns", r, Run.from_api) for r in data["runs"])
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
        data = await self._pipe.call("GetRunStatus", {"projectId": project_id, "runId": run_id})
        return self._pipe.one("GetRunStatus", data, Run.from_api)

    async def cancel_run(self, project_id: str, run_id: str) -> None:
        """CancelRun (PENDING or RUNNING runs)."""
        await self._pipe.call("CancelRun", {"projectId": project_id, "runId": run_id})

    # ------------------------------------------------------------------ users

    async def me(self) -> Me:
        """Me: the token's user (None for a workspace token) and org."""
        data = await self._pipe.call("Me")
        return self._pipe.one("Me", data, Me.from_api)

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
        params = user_filters(group_id, user_ids, sort_by, sort_direction)
        data = await self._pipe.call(
            "ListUsers", params={**params, "limit": limit, "after": after, "before": before}
        )
        return self._pipe.page("ListUsers", data, User.from_api)

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
        async for page in self.iter_user_pages(
            group_id=group_id,
            user_ids=user_ids,
            sort_by=sort_by,
            sort_direction=sort_direction,
            page_size=page_size,
        ):
            for user in page:
                yield user

    async def iter_user_pages(
        self,
        *,
        group_id: str | None = None,
        user_ids: Sequence[str] = (),
        sort_by: str | None = None,
        sort_direction: str | None = None,
        page_size: int | None = None,
    ) -> AsyncIterator[tuple[User, ...]]:
        """:meth:`iter_users` a page at a time, each as soon as it arrives."""
        params = user_filters(group_id, user_ids, sort_by, sort_direction)
        async for page in self._pipe.cursor_pages(
            "ListUsers", None, params, User.from_api, page_size
        ):
            yield page

    async def deactivate_user(self, user_id: str) -> User:
        """DeactivateUser (there is no re-activation in the API)."""
        data = await self._pipe.call("DeactivateUser", {"userId": user_id})
        if isinstance(data, Mapping) and isinstance(data.get("user"), Mapping):
            data = data["user"]
        return self._pipe.one("DeactivateUser", data, User.from_api)

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
        """ListGroups: one page."""
        data = await self._pipe.call(
            "ListGroups",
            params={
                "limit": limit,
                "after": after,
                "before": before,
                "sortBy": sort_by,
                "sortDirection": sort_direction,
            },
        )
        return self._pipe.page("ListGroups", data, Group.from_api)

    async def iter_groups(
        self,
        *,
        sort_by: str | None = None,
        sort_direction: str | None = None,
        page_size: int | None = None,
    ) -> AsyncIterator[Group]:
        """Every group, 500 per request (members: ``iter_users(group_id=…)``)."""
        async for page in self.iter_group_pages(
            sort_by=sort_by, sort_direction=sort_direction, page_size=page_size
        ):
            for group in page:
                yield group

    async def iter_group_pages(
        self,
        *,
        sort_by: str | None = None,
        sort_direction: str | None = None,
        page_size: int | None = None,
    ) -> AsyncIterator[tuple[Group, ...]]:
        """:meth:`iter_groups` a page at a time, each as soon as it arrives."""
        params = {"sortBy": sort_by, "sortDirection": sort_direction}
        async for page in self._pipe.cursor_pages(
            "ListGroups", None, params, Group.from_api, page_size
        ):
            yield page

    async def get_group(self, group_id: str) -> Group:
        """GetGroup: id, name, createdAt (no members)."""
        data = await self._pipe.call("GetGroup", {"groupId": group_id})
        return self._pipe.one("GetGroup", data, Group.from_api)

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
        data = await self._pipe.call("CreateGroup", body=body)
        return self._pipe.one("CreateGroup", data, Group.from_api)

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
            data = await self._pipe.call("EditGroup", {"groupId": group_id}, body=body)
            group = self._pipe.one("EditGroup", data, Group.from_api)
        assert group is not None
        return group

    async def delete_group(self, group_id: str) -> None:
        """DeleteGroup. A retry that finds the group gone counts as done."""
        await self._pipe.call("DeleteGroup", {"groupId": group_id})

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
        data = await self._pipe.call(
            "ListCollections",
            params={"limit": limit, "after": after, "before": before, "sortBy": sort_by},
        )
        return self._pipe.page("ListCollections", data, Collection.from_api)

    async def iter_collections(
        self, *, sort_by: str | None = None, page_size: int | None = None
    ) -> AsyncIterator[Collection]:
        """Every collection, 100 per request."""
        async for page in self.iter_collection_pages(sort_by=sort_by, page_size=page_size):
            for collection in page:
                yield collection

    async def iter_collection_pages(
        self, *, sort_by: str | None = None, page_size: int | None = None
    ) -> AsyncIterator[tuple[Collection, ...]]:
        """:meth:`iter_collections` a page at a time, each as soon as it arrives."""
        async for page in self._pipe.cursor_pages(
            "ListCollections", None, {"sortBy": sort_by}, Collection.from_api, page_size
        ):
            yield page

    async def get_collection(self, collection_id: str) -> Collection:
        """GetCollection."""
        data = await self._pipe.call("GetCollection", {"collectionId": collection_id})
        return self._pipe.one("GetCollection", data, Collection.from_api)

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
        sharing = collection_sharing(user_access, group_access, workspace_members)
        if sharing:
            body["sharing"] = sharing
        data = await self._pipe.call("CreateCollection", body=body)
        return self._pipe.one("CreateCollection", data, Collection.from_api)

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
        sharing = collection_sharing(user_access, group_access, workspace_members)
        if sharing:
            body["sharing"] = {"upsert": sharing}
        if not body:
            raise ValueError("EditCollection: nothing to change")
        data = await self._pipe.call("EditCollection", {"collectionId": collection_id}, body=body)
        return self._pipe.one("EditCollection", data, Collection.from_api)

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
        data = await self._pipe.call(
            "ListDataConnections",
            params={
                "limit": limit,
                "after": after,
                "before": before,
                "sortBy": sort_by,
                "sortDirection": sort_direction,
            },
        )
        return self._pipe.page("ListDataConnections", data, DataConnection.from_api)

    async def iter_data_connections(
        self,
        *,
        sort_by: str | None = None,
        sort_direction: str | None = None,
        page_size: int | None = None,
    ) -> AsyncIterator[DataConnection]:
        """Every data connection, 100 per request."""
        params = {"sortBy": sort_by, "sortDirection": sort_direction}
        async for conn in self._pipe.cursor(
            "ListDataConnections", None, params, DataConnection.from_api, page_size
        ):
            yield conn

    async def get_data_connection(self, data_connection_id: str) -> DataConnection:
        """GetDataConnection."""
        data = await self._pipe.call("GetDataConnection", {"dataConnectionId": data_connection_id})
        return self._pipe.one("GetDataConnection", data, DataConnection.from_api)

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
        data = await self._pipe.call("CreateDataConnection", body=body)
        return self._pipe.one("CreateDataConnection", data, DataConnection.from_api)

    async def edit_data_connection(
        self, data_connection_id: str, changes: Mapping[str, Any]
    ) -> DataConnection:
        """EditDataConnection: ``changes`` is the API's body (name, description, sharing …)."""
        if not changes:
            raise ValueError("EditDataConnection: nothing to change")
        data = await self._pipe.call(
            "EditDataConnection", {"dataConnectionId": data_connection_id}, body=dict(changes)
        )
        return self._pipe.one("EditDataConnection", data, DataConnection.from_api)

    async def update_data_connection_schema(
        self, data_connection_id: str, updates: Sequence[tuple[str, str, str | None]]
    ) -> SchemaUpdate:
        """UpdateDataConnectionSchema: (type DATABASE|SCHEMA|TABLE, name, status or None)."""
        body = {"updates": [{"type": t, "name": n, "status": s} for t, n, s in updates]}
        data = await self._pipe.call(
            "UpdateDataConnectionSchema", {"dataConnectionId": data_connection_id}, body=body
        )
        return self._pipe.one("UpdateDataConnectionSchema", data, SchemaUpdate.from_api)

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
        data = await self._pipe.call(
            "CreatePresignedUrl", {"projectId": project_id}, body=body, paced=not test_mode
        )
        url = data.get("url") if isinstance(data, Mapping) else None
        if not isinstance(url, str) or not url:
            raise UnexpectedResponseError("no 'url' in the answer", operation="CreatePresignedUrl")
        return url
