"""Read the workspace with the fewest requests: listings, never a request per project.

:func:`read_live` lists projects with their sharing (100 per request), users and groups (500 per
request), collections (100 per request), the members of the groups the manifests manage (500 per
request, one listing per group), and ``users/me`` once. Nothing is read per project. The
independent listings run concurrently; the client paces them under the rate limits. The result
is the :class:`~hexsync.values.live.Live` value.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import gc
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Protocol

from hexsync.hexapi import Collection as ApiCollection
from hexsync.hexapi import DataConnection as ApiConnection
from hexsync.hexapi import Group as ApiGroup
from hexsync.hexapi import HexClient, Me
from hexsync.hexapi import Project as ApiProject
from hexsync.values.connections import LiveConnection
from hexsync.values.desired import Desired, Ensure, FrozenMap, Match
from hexsync.values.hex_access import level_or_no_access, level_or_none
from hexsync.values.live import (
    Live,
    LiveCollection,
    LiveCollectionSharing,
    LiveGroup,
    LiveProject,
    LiveSharing,
    LiveUser,
    is_lock_name,
)

ReadProgress = Callable[[int], None]


class PageWatch(Protocol):
    """Hears each page of a reading as soon as it arrives, before the reading ends (``hexsync
    serve`` compares it with its last snapshot, so that a change made in Hex is seen when its
    page is read rather than when the whole read is). The listing asks for its next page once
    the watch has returned."""

    async def projects(self, page: Sequence[LiveProject]) -> None:
        """A page of the projects listing."""

    async def users(self, page: Sequence[LiveUser]) -> None:
        """A page of the users listing."""

    async def groups(self, page: Sequence[LiveGroup]) -> None:
        """A page of the groups listing (``members`` None: not read yet)."""

    async def members(self, group: LiveGroup) -> None:
        """A group whose members were all read."""

    async def collections(self, page: Sequence[ApiCollection]) -> None:
        """A page of the collections listing, as the API gives it (sharing by ids)."""


# Reading 10,000 projects makes hundreds of thousands of small objects, and keeps them. Python's
# cyclic collector runs a pass every 700 allocations and a full one as the kept objects grow,
# walking them again and again: about a quarter of the read's CPU time, freeing next to nothing.
# While a read runs, a pass comes every 50,000 allocations instead; the setting before is back
# when the last read ends.
_READ_GC_THRESHOLD = 50_000
_reading = [0, 0]  # reads in progress, and the threshold to go back to when the last ends


@contextlib.contextmanager
def _fewer_collections() -> Iterator[None]:
    if not _reading[0]:
        _reading[1] = gc.get_threshold()[0]
        gc.set_threshold(max(_reading[1], _READ_GC_THRESHOLD), *gc.get_threshold()[1:])
    _reading[0] += 1
    try:
        yield
    finally:
        _reading[0] -= 1
        if not _reading[0]:
            gc.set_threshold(_reading[1], *gc.get_threshold()[1:])


def _sharing(project: ApiProject) -> LiveSharing:
    raw = project.sharing
    if raw is None:
        return LiveSharing()

    def keep(entries: Mapping[str, str], lower: bool = False) -> FrozenMap[str, str]:
        return FrozenMap(
            ((k.lower() if lower else k), v)
            for k, v in entries.items()
            if level_or_none(v) is not None
        )

    return LiveSharing(
        users=keep(raw.users, lower=True),
        groups=keep(raw.groups),
        collections=keep(raw.collections),
        workspace=level_or_no_access(raw.workspace),
        public_web=level_or_no_access(raw.public_web),
    )


def live_project(p: ApiProject) -> LiveProject:
    """A project as the API returns it (listed or got), in the live value's canonical form."""
    return LiveProject(
        id=p.id,
        title=p.title,
        description=p.description,
        owner=p.owner_email.lower() if p.owner_email else None,
        status=p.status,
        sharing=_sharing(p),
        creator=p.creator_email.lower() if p.creator_email else None,
        categories=frozenset(p.categories),
        published=p.last_published_at is not None,
        archived=p.archived_at is not None,
        trashed=p.trashed_at is not None,
        created_at=p.created_at,
        last_viewed_at=p.last_viewed_at,
        last_edited_at=p.last_edited_at,
    )


def live_collection(
    c: ApiCollection, email_of: Mapping[str, str], name_of: Mapping[str, str]
) -> LiveCollection:
    """A collection as the API lists it, its sharing resolved from user and group ids to
    emails (``email_of``) and group names (``name_of``); ids neither knows give nobody access
    (a deactivated user) and are left out."""

    def resolve(entries: Mapping[str, str], names: Mapping[str, str]) -> FrozenMap[str, str]:
        return FrozenMap(
            (names[i], level)
            for i, level in entries.items()
            if i in names and level_or_none(level) is not None
        )

    s = c.sharing
    return LiveCollection(
        id=c.id,
        name=c.name,
        description=c.description,
        creator=c.creator_email.lower() if c.creator_email else None,
        sharing=LiveCollectionSharing(
            users=resolve(s.users, email_of),
            groups=resolve(s.groups, name_of),
            workspace=level_or_no_access(s.workspace_members),
        ),
    )


def live_connection(c: ApiConnection, name_of: Mapping[str, str]) -> LiveConnection:
    """A data connection as the API returns it: its audiences (``NONE`` when Hex sent none),
    its groups by name (the name Hex sent, else the listed group's; ``NONE`` left out)."""
    groups = {}
    for ident, name, access in c.groups:
        named = name or name_of.get(ident.lower(), "") or name_of.get(ident, "")
        if named and level_or_none(access) is not None:
            groups[named] = access
    return LiveConnection(
        id=c.id,
        name=c.name,
        type=c.type,
        members=level_or_no_access(c.workspace.get("members")),
        guests=level_or_no_access(c.workspace.get("guests")),
        public=level_or_no_access(c.workspace.get("public")),
        groups=FrozenMap(groups),
        schema_refresh_access=c.schema_refresh_access,
    )


def _collections(
    listed: Iterable[ApiCollection], users: Iterable[LiveUser], groups: Iterable[LiveGroup]
) -> list[LiveCollection]:
    """Collections with their sharing resolved from ids to emails and group names."""
    email_of = {u.id: u.email for u in users}
    name_of = {g.id: g.name for g in groups}
    return [live_collection(c, email_of, name_of) for c in listed]


def _rules_ask(desired: Desired, op: str) -> bool:
    """Whether any rule's match or except mentions ``op`` (``archived`` / ``trashed``)."""

    def mentions(m: Match | None) -> bool:
        return m is not None and (m.op == op or any(mentions(c) for c in m.children))

    return any(mentions(r.match) or mentions(r.exclude) for r in desired.rules)


async def read_projects(
    client: HexClient,
    desired: Desired,
    *,
    hidden: bool = False,
    tick: Callable[[], None] | None = None,
    watch: PageWatch | None = None,
) -> list[LiveProject]:
    """Every project with its sharing, 100 per request: the one listing rules match on.

    Rules about archived or trashed projects need them in the same listing (Hex leaves them
    out by default): a query flag, not an extra request.
    """
    archived = hidden or _rules_ask(desired, "archived")
    trashed = hidden or _rules_ask(desired, "trashed")
    out = []
    async for page in client.iter_project_pages(
        include_sharing=True, include_archived=archived, include_trashed=trashed
    ):
        if tick is not None:
            tick()
        read = [live_project(p) for p in page]
        out += read
        if watch is not None:
            await watch.projects(read)
    return out


def _member_groups(desired: Desired) -> set[str]:
    """Groups whose members the plan needs: declared ones, or every group under prune.groups."""
    return {g.name for g in desired.groups if g.members is not None or g.ensure is Ensure.ABSENT}


async def read_live(
    client: HexClient,
    desired: Desired | None = None,
    *,
    member_groups: Iterable[str] = (),
    progress: ReadProgress | None = None,
    hidden: bool = False,
    me: Me | None = None,
    users_read: Sequence[LiveUser] | None = None,
    connections: bool = False,
    watch: PageWatch | None = None,
) -> Live:
    """Read the workspace at the request floor; ``progress(n)`` hears the request count.
    ``me``: the token's ``users/me`` answer when the caller read it already (not read again).

    ``users_read``: the users listing, when the caller has read it already (``access user``
    checks the person asked about before reading the rest): not read again.

    Group members are read for the groups the manifests declare (with members or ``ensure:
    absent``), for every group when ``policy.prune.groups`` is on (a deleted group's note and
    access impact name its members), and for ``member_groups`` (a saved plan's groups).
    Archived and trashed projects are listed (in the same pages) when a rule asks about them,
    or with ``hidden`` (a saved plan may change one).

    Data connections (100 per request) are listed when the manifests declare some, or with
    ``connections`` (export, ``hexsync access connection``); otherwise not at all.

    ``watch`` hears each page as it arrives (:class:`PageWatch`); it changes no request.
    """
    desired = desired or Desired()
    counters = client.counters
    # users/me read by the caller first (read_and_plan) is part of this reading and its count.
    start = counters.total_requests - (1 if me is not None else 0)
    seen = [start]

    def tick() -> None:
        now = counters.total_requests
        if progress is not None and now != seen[0]:
            seen[0] = now
            progress(now - start)

    async def users() -> list[LiveUser]:
        if users_read is not None:
            return list(users_read)
        out = []
        async for page in client.iter_user_pages():
            tick()
            read = [
                LiveUser(u.id, u.email.lower(), u.name, u.role, u.last_login_date) for u in page
            ]
            out += read
            if watch is not None:
                await watch.users(read)
        return out

    async def members_of(group: ApiGroup) -> frozenset[str]:
        emails: set[str] = set()
        async for page in client.iter_user_pages(group_id=group.id):
            tick()
            emails.update(u.email.lower() for u in page)
        if watch is not None:
            await watch.members(LiveGroup(group.id, group.name, frozenset(emails)))
        return frozenset(emails)

    wanted = _member_groups(desired) | set(member_groups)

    async def groups() -> list[LiveGroup]:
        listed: list[ApiGroup] = []
        async for page in client.iter_group_pages():
            tick()
            listed += page
            if watch is not None:
                await watch.groups([LiveGroup(g.id, g.name, None) for g in page])
        read = [
            g
            for g in listed
            if desired.policy.prune_groups or g.name in wanted or is_lock_name(g.name)
        ]
        members = await asyncio.gather(*(members_of(g) for g in read))
        by_id = {g.id: m for g, m in zip(read, members, strict=True)}
        return [LiveGroup(g.id, g.name, by_id.get(g.id)) for g in listed]

    async def collections() -> list[ApiCollection]:
        out: list[ApiCollection] = []
        async for page in client.iter_collection_pages():
            tick()
            out += page
            if watch is not None:
                await watch.collections(page)
        return out

    async def projects() -> list[LiveProject]:
        return await read_projects(client, desired, hidden=hidden, tick=tick, watch=watch)

    async def data_connections() -> list[ApiConnection]:
        if not (connections or desired.connections):
            return []
        out = []
        async for c in client.iter_data_connections():
            tick()
            out.append(c)
        return out

    with _fewer_collections():
        (
            who,
            user_list,
            group_list,
            api_collections,
            project_list,
            api_connections,
        ) = await asyncio.gather(
            _me(client, me), users(), groups(), collections(), projects(), data_connections()
        )
    tick()
    collection_list = _collections(api_collections, user_list, group_list)
    group_list, locks = _without_locks(group_list, project_list, collection_list)
    return Live(
        org_id=who.org_id,
        org_name=who.org_name,
        me_email=who.user.email.lower() if who.user is not None else None,
        me_role=who.user.role if who.user is not None else None,
        users=FrozenMap((u.email, u) for u in user_list),
        groups=FrozenMap((g.name, g) for g in group_list),
        collections=FrozenMap((c.name, c) for c in collection_list),
        projects=FrozenMap((p.id, p) for p in project_list),
        connections=FrozenMap(
            (c.name, c)
            for c in (live_connection(a, _group_names(group_list)) for a in api_connections)
        ),
        read_requests=counters.total_requests - start,
        locks=locks,
    )


def _group_names(groups: Iterable[LiveGroup]) -> dict[str, str]:
    return {g.id.lower(): g.name for g in groups}


async def _me(client: HexClient, known: Me | None) -> Me:
    return known if known is not None else await client.me()


def _without_locks(
    groups: list[LiveGroup], projects: list[LiveProject], collections: list[LiveCollection]
) -> tuple[list[LiveGroup], tuple[str, ...]]:
    """The groups without hexsync's apply locks, and the lock names held.

    A lock is recognised by more than its name: hexsync's own is always empty and shared with
    nothing. A group of a lock's name with members or any grant was made by someone: it stays,
    like any group (access answers count its members, plan warns), and is never deleted.
    """
    granted = {n for p in projects for n in p.sharing.groups} | {
        n for c in collections for n in c.sharing.groups
    }
    kept, locks = [], []
    for group in groups:
        if is_lock_name(group.name) and not group.members and group.name not in granted:
            locks.append(group.name)
        else:
            kept.append(group)
    return kept, tuple(sorted(locks))


async def read_users(client: HexClient) -> list[LiveUser]:
    """The active users, 500 per request (what :func:`read_live` lists first)."""
    return [LiveUser(u.id, u.email.lower(), u.name, u.role) async for u in client.iter_users()]


async def read_members(
    client: HexClient, live: Live, names: Iterable[str], *, watch: PageWatch | None = None
) -> Live:
    """``live`` with the members of the groups ``names`` read too (500 per request, one listing
    per group), those already read left alone: what ``hexsync access`` adds to a reading so
    that every shared group counts (the floor's Σ ceil(members/500)). ``watch`` hears each
    group as its members are read."""
    wanted = [
        g for n in sorted(set(names)) if (g := live.groups.get(n)) is not None and g.members is None
    ]
    if not wanted:
        return live
    start = client.counters.total_requests

    async def members_of(group: LiveGroup) -> LiveGroup:
        emails = {u.email.lower() async for u in client.iter_users(group_id=group.id)}
        read = LiveGroup(group.id, group.name, frozenset(emails))
        if watch is not None:
            await watch.members(read)
        return read

    read = await asyncio.gather(*(members_of(g) for g in wanted))
    groups = dict(live.groups)
    groups.update((g.name, g) for g in read)
    return dataclasses.replace(
        live,
        groups=FrozenMap(groups),
        read_requests=live.read_requests + client.counters.total_requests - start,
    )
