"""The live workspace, read with the fewest requests (the floor of docs/plan.md).

:func:`read_live` lists projects with their sharing (100 per request), users and groups (500 per
request), collections (100 per request), the members of the groups the manifests manage (500 per
request, one listing per group), and ``users/me`` once. Nothing is read per project. The
independent listings run concurrently; the client paces them under the rate limits.

:class:`Live` holds the result in canonical form: emails lower-cased, sharing maps keyed by email
or name, access levels as Hex's strings. :meth:`Live.ref` is the snapshot of one object that a
plan relies on; ``apply`` calls it again on a fresh reading to tell whether a saved plan is stale,
so it depends only on what was read, never on the manifests.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from hexsync.hexapi import Collection as ApiCollection
from hexsync.hexapi import HexClient
from hexsync.hexapi import Project as ApiProject
from hexsync.values.desired import Desired, Ensure, FrozenMap, Match
from hexsync.values.plan import Kind, LiveRef

__all__ = [
    "Live",
    "LiveCollection",
    "LiveCollectionSharing",
    "LiveGroup",
    "LiveProject",
    "LiveSharing",
    "LiveUser",
    "canonical_map",
    "read_live",
    "read_members",
    "read_projects",
]

Progress = Callable[[int], None]


@dataclass(frozen=True)
class LiveUser:
    """An active workspace user (Hex does not list deactivated ones)."""

    id: str
    email: str  # lower-cased
    name: str | None = None
    role: str | None = None


@dataclass(frozen=True)
class LiveGroup:
    """A group; ``members`` (lower-cased emails) is None when hexsync did not read them."""

    id: str
    name: str
    members: frozenset[str] | None = None


@dataclass(frozen=True)
class LiveCollectionSharing:
    """Who a collection is shared with, keyed the way manifests name principals.

    Hex reads collection sharing by user and group *id*; :func:`read_live` resolves them to
    lower-cased emails and group names. Levels are Hex's own strings (docs/hex-api.md),
    kept as read; ``NONE`` entries are left out. ``workspace`` is the workspace members' level.
    Ids that resolve to no listed user or group (a deactivated user) are left out: they give
    nobody access.
    """

    users: FrozenMap[str, str] = field(default_factory=FrozenMap)  # email (lower) → level
    groups: FrozenMap[str, str] = field(default_factory=FrozenMap)  # group name → level
    workspace: str = "NONE"


@dataclass(frozen=True)
class LiveCollection:
    id: str
    name: str
    description: str | None = None
    creator: str | None = None  # lower-cased email, when Hex says
    sharing: LiveCollectionSharing = field(default_factory=LiveCollectionSharing)


@dataclass(frozen=True)
class LiveSharing:
    """A project's sharing as Hex reads it: by email / name, ``NONE`` entries left out."""

    users: FrozenMap[str, str] = field(default_factory=FrozenMap)  # email (lower) → access
    groups: FrozenMap[str, str] = field(default_factory=FrozenMap)  # group name → access
    collections: FrozenMap[str, str] = field(default_factory=FrozenMap)  # name → access
    workspace: str = "NONE"
    public_web: str = "NONE"


@dataclass(frozen=True)
class LiveProject:
    id: str
    title: str
    description: str | None = None
    owner: str | None = None  # lower-cased email
    status: str | None = None
    sharing: LiveSharing = field(default_factory=LiveSharing)
    # What ListProjects also returns, for rules to match on (docs/rules.md); no extra request.
    creator: str | None = None  # lower-cased email
    categories: frozenset[str] = frozenset()
    published: bool = False  # lastPublishedAt is set
    archived: bool = False  # only listed when the manifests' rules ask about archived projects
    trashed: bool = False  # likewise for trashed ones
    created_at: str | None = None  # ISO 8601, as Hex writes it
    last_viewed_at: str | None = None  # analytics.lastViewedAt

    @property
    def hidden(self) -> bool:
        """Archived or trashed: Hex leaves it out of a default listing, and so does hexsync
        everywhere but the rules that ask for it (by title, unmanaged counts, public web)."""
        return self.archived or self.trashed


def canonical_map(entries: Mapping[str, str]) -> str:
    """``key=ACCESS`` lines, sorted: the form a :class:`LiveRef` stores a sharing set in."""
    return "\n".join(f"{k}={v}" for k, v in sorted(entries.items()))


@dataclass(frozen=True)
class Live:
    """What the token can see of the workspace, keyed the way the manifests name things."""

    org_id: str
    me_email: str | None = None  # None: a workspace token
    org_name: str | None = None  # when Hex sends one (users/me documents only org.id)
    me_role: str | None = None
    users: FrozenMap[str, LiveUser] = field(default_factory=FrozenMap)  # by lower-cased email
    groups: FrozenMap[str, LiveGroup] = field(default_factory=FrozenMap)  # by name
    collections: FrozenMap[str, LiveCollection] = field(default_factory=FrozenMap)  # by name
    projects: FrozenMap[str, LiveProject] = field(default_factory=FrozenMap)  # by id
    read_requests: int = 0

    @property
    def workspace_token(self) -> bool:
        return self.me_email is None

    @property
    def full_visibility(self) -> bool:
        """A workspace token or an admin sees the whole workspace (prune is safe)."""
        return self.workspace_token or self.me_role == "ADMIN"

    @cached_property
    def _by_id(self) -> dict[tuple[Kind, str], tuple[str, Mapping[str, str]]]:
        out: dict[tuple[Kind, str], tuple[str, Mapping[str, str]]] = {}
        for user in self.users.values():
            out[(Kind.USER, user.id)] = (user.email, {"email": user.email, "active": "true"})
        for group in self.groups.values():
            fields = {"name": group.name}
            if group.members is not None:
                fields["members"] = "\n".join(sorted(group.members))
            out[(Kind.GROUP, group.id)] = (group.name, fields)
        for coll in self.collections.values():
            cs = coll.sharing
            out[(Kind.COLLECTION, coll.id)] = (
                coll.name,
                {
                    "name": coll.name,
                    "description": coll.description or "",
                    "creator": coll.creator or "",
                    "sharing.workspace": cs.workspace,
                    "sharing.users": canonical_map(cs.users),
                    "sharing.groups": canonical_map(cs.groups),
                },
            )
        for project in self.projects.values():
            s = project.sharing
            out[(Kind.PROJECT, project.id)] = (
                project.title,
                {
                    "title": project.title,
                    "owner": project.owner or "",
                    "status": project.status or "",
                    "sharing.workspace": s.workspace,
                    "sharing.public_web": s.public_web,
                    "sharing.users": canonical_map(s.users),
                    "sharing.groups": canonical_map(s.groups),
                    "sharing.collections": canonical_map(s.collections),
                },
            )
        return out

    def ref(self, kind: Kind, id: str) -> LiveRef | None:
        """The canonical snapshot of one live object, or None when it is not (or no longer) there.

        Fields: a user's ``email``/``active``; a group's ``name`` and sorted ``members`` (when
        read); a collection's ``name``, ``description``, ``creator`` and sharing (workspace,
        users, groups); a project's ``title``, ``owner``,
        ``status`` and each sharing dimension as sorted ``key=ACCESS`` lines.
        """
        found = self._by_id.get((kind, id))
        if found is None:
            return None
        name, fields = found
        return LiveRef(kind, name, id, FrozenMap(fields))

    @cached_property
    def users_by_id(self) -> dict[str, LiveUser]:
        return {u.id: u for u in self.users.values()}

    @cached_property
    def groups_by_id(self) -> dict[str, LiveGroup]:
        return {g.id: g for g in self.groups.values()}

    @cached_property
    def collections_by_id(self) -> dict[str, LiveCollection]:
        return {c.id: c for c in self.collections.values()}

    @cached_property
    def projects_by_title(self) -> dict[str, tuple[LiveProject, ...]]:
        out: dict[str, list[LiveProject]] = {}
        for project in self.projects.values():
            if not project.hidden:
                out.setdefault(project.title, []).append(project)
        return {title: tuple(ps) for title, ps in out.items()}

    @cached_property
    def projects_by_stripped_title(self) -> dict[str, tuple[LiveProject, ...]]:
        """Titles without leading or trailing spaces (a manifest title cannot have them)."""
        out: dict[str, list[LiveProject]] = {}
        for project in self.projects.values():
            if not project.hidden:
                out.setdefault(project.title.strip(), []).append(project)
        return {title: tuple(ps) for title, ps in out.items()}


def _sharing(project: ApiProject) -> LiveSharing:
    raw = project.sharing
    if raw is None:
        return LiveSharing()

    def keep(entries: Mapping[str, str], lower: bool = False) -> FrozenMap[str, str]:
        return FrozenMap(
            ((k.lower() if lower else k), v) for k, v in entries.items() if v != "NONE"
        )

    return LiveSharing(
        users=keep(raw.users, lower=True),
        groups=keep(raw.groups),
        collections=keep(raw.collections),
        workspace=raw.workspace or "NONE",
        public_web=raw.public_web or "NONE",
    )


def _collections(
    listed: Iterable[ApiCollection], users: Iterable[LiveUser], groups: Iterable[LiveGroup]
) -> list[LiveCollection]:
    """Collections with their sharing resolved from ids to emails and group names."""
    email_of = {u.id: u.email for u in users}
    name_of = {g.id: g.name for g in groups}

    def resolve(entries: Mapping[str, str], names: Mapping[str, str]) -> FrozenMap[str, str]:
        return FrozenMap(
            (names[i], level) for i, level in entries.items() if i in names and level != "NONE"
        )

    out = []
    for c in listed:
        s = c.sharing
        out.append(
            LiveCollection(
                id=c.id,
                name=c.name,
                description=c.description,
                creator=c.creator_email.lower() if c.creator_email else None,
                sharing=LiveCollectionSharing(
                    users=resolve(s.users, email_of),
                    groups=resolve(s.groups, name_of),
                    workspace=s.workspace_members or "NONE",
                ),
            )
        )
    return out


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
) -> list[LiveProject]:
    """Every project with its sharing, 100 per request: the one listing rules match on.

    Rules about archived or trashed projects need them in the same listing (Hex leaves them
    out by default): a query flag, not an extra request.
    """
    archived = hidden or _rules_ask(desired, "archived")
    trashed = hidden or _rules_ask(desired, "trashed")
    out = []
    async for p in client.iter_projects(
        include_sharing=True, include_archived=archived, include_trashed=trashed
    ):
        if tick is not None:
            tick()
        out.append(
            LiveProject(
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
            )
        )
    return out


def _member_groups(desired: Desired) -> set[str]:
    """Groups whose members the plan needs: declared ones, or every group under prune.groups."""
    return {g.name for g in desired.groups if g.members is not None or g.ensure is Ensure.ABSENT}


async def read_live(
    client: HexClient,
    desired: Desired | None = None,
    *,
    member_groups: Iterable[str] = (),
    progress: Progress | None = None,
    hidden: bool = False,
) -> Live:
    """Read the workspace at the request floor; ``progress(n)`` hears the request count.

    Group members are read for the groups the manifests declare (with members or ``ensure:
    absent``), for every group when ``policy.prune.groups`` is on (a deleted group's note and
    access impact name its members), and for ``member_groups`` (a saved plan's groups).
    Archived and trashed projects are listed (in the same pages) when a rule asks about them,
    or with ``hidden`` (a saved plan may change one).
    """
    desired = desired or Desired()
    counters = client.counters
    start = counters.total_requests
    seen = [start]

    def tick() -> None:
        now = counters.total_requests
        if progress is not None and now != seen[0]:
            seen[0] = now
            progress(now - start)

    async def users() -> list[LiveUser]:
        out = []
        async for u in client.iter_users():
            tick()
            out.append(LiveUser(u.id, u.email.lower(), u.name, u.role))
        return out

    async def members_of(group_id: str) -> frozenset[str]:
        emails = set()
        async for u in client.iter_users(group_id=group_id):
            tick()
            emails.add(u.email.lower())
        return frozenset(emails)

    wanted = _member_groups(desired) | set(member_groups)

    async def groups() -> list[LiveGroup]:
        listed = []
        async for g in client.iter_groups():
            tick()
            listed.append(g)
        read = [g for g in listed if desired.policy.prune_groups or g.name in wanted]
        members = await asyncio.gather(*(members_of(g.id) for g in read))
        by_id = {g.id: m for g, m in zip(read, members, strict=True)}
        return [LiveGroup(g.id, g.name, by_id.get(g.id)) for g in listed]

    async def collections() -> list[ApiCollection]:
        out = []
        async for c in client.iter_collections():
            tick()
            out.append(c)
        return out

    async def projects() -> list[LiveProject]:
        return await read_projects(client, desired, hidden=hidden, tick=tick)

    me, user_list, group_list, api_collections, project_list = await asyncio.gather(
        client.me(), users(), groups(), collections(), projects()
    )
    tick()
    collection_list = _collections(api_collections, user_list, group_list)
    return Live(
        org_id=me.org_id,
        org_name=me.org_name,
        me_email=me.user.email.lower() if me.user is not None else None,
        me_role=me.user.role if me.user is not None else None,
        users=FrozenMap((u.email, u) for u in user_list),
        groups=FrozenMap((g.name, g) for g in group_list),
        collections=FrozenMap((c.name, c) for c in collection_list),
        projects=FrozenMap((p.id, p) for p in project_list),
        read_requests=counters.total_requests - start,
    )


async def read_members(client: HexClient, live: Live, names: Iterable[str]) -> Live:
    """``live`` with the members of the groups ``names`` read too (500 per request, one listing
    per group), those already read left alone: what ``hexsync access`` adds to a reading so
    that every shared group counts (the floor's Σ ceil(members/500))."""
    wanted = [
        g for n in sorted(set(names)) if (g := live.groups.get(n)) is not None and g.members is None
    ]
    if not wanted:
        return live
    start = client.counters.total_requests

    async def members_of(group: LiveGroup) -> LiveGroup:
        emails = {u.email.lower() async for u in client.iter_users(group_id=group.id)}
        return LiveGroup(group.id, group.name, frozenset(emails))

    read = await asyncio.gather(*(members_of(g) for g in wanted))
    groups = dict(live.groups)
    groups.update((g.name, g) for g in read)
    return dataclasses.replace(
        live,
        groups=FrozenMap(groups),
        read_requests=live.read_requests + client.counters.total_requests - start,
    )
