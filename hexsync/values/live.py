"""The live workspace as a value: what the token can see, in canonical form.

:class:`Live` holds emails lower-cased, sharing maps keyed by email or name, access levels as
Hex's strings; :mod:`hexsync.readers.workspace` fills it. :meth:`Live.ref` is the snapshot of one
object that a plan relies on; ``apply`` calls it again on a fresh reading to tell whether a saved
plan is stale, so it depends only on what was read, never on the manifests.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from hexsync.values.connections import LiveConnection
from hexsync.values.data_classes import DataFacts
from hexsync.values.desired import FrozenMap
from hexsync.values.hex_access import NO_ACCESS
from hexsync.values.kinds import Kind
from hexsync.values.plan import LiveRef

__all__ = [
    "LOCK_GROUP",
    "LOCK_GROUPS",
    "Live",
    "LiveCollection",
    "LiveCollectionSharing",
    "LiveGroup",
    "LiveProject",
    "LiveSharing",
    "LiveUser",
    "canonical_map",
    "is_lock_name",
]


@dataclass(frozen=True)
class LiveUser:
    """An active workspace user (Hex does not list deactivated ones)."""

    id: str
    email: str  # lower-cased
    name: str | None = None
    role: str | None = None
    last_login: str | None = None  # lastLoginDate, ISO 8601 as Hex writes it; None: never


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
    lower-cased emails and group names. Levels are Hex's own strings (undocumented:
    docs/hex-api.md), kept as read; ``NONE`` entries are left out. ``workspace`` is the
    workspace members' level.
    Ids that resolve to no listed user or group (a deactivated user) are left out: they give
    nobody access.
    """

    users: FrozenMap[str, str] = field(default_factory=FrozenMap)  # email (lower) → level
    groups: FrozenMap[str, str] = field(default_factory=FrozenMap)  # group name → level
    workspace: str = NO_ACCESS


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
    workspace: str = NO_ACCESS
    public_web: str = NO_ACCESS


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
    last_edited_at: str | None = None  # lastEditedAt: its queried tables change only then

    @property
    def hidden(self) -> bool:
        """Archived or trashed: Hex leaves it out of a default listing, and so does hexsync
        everywhere but the rules that ask for it (by title, unmanaged counts, public web)."""
        return self.archived or self.trashed


def canonical_map(entries: Mapping[str, str]) -> str:
    """``key=ACCESS`` lines, sorted: the form a :class:`LiveRef` stores a sharing set in."""
    return "\n".join(f"{k}={v}" for k, v in sorted(entries.items()))


# The names of the group ``hexsync apply`` creates while it writes (hexsync.apply.lock), in the
# order applies try them: the first whose group is free or an empty lock is the mutex. Hex has
# no lock, but a group name is unique. Reserved: manifests may not declare them.
LOCK_GROUPS = ("hexsync-apply-lock", "hexsync-apply-lock-2", "hexsync-apply-lock-3")
LOCK_GROUP = LOCK_GROUPS[0]


def is_lock_name(name: str) -> bool:
    return name in LOCK_GROUPS


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
    # Data connections by name: read only when the manifests declare some, or when asked.
    connections: FrozenMap[str, LiveConnection] = field(default_factory=FrozenMap)
    read_requests: int = 0
    # The projects' queried tables, read only when the manifests use data classes (docs/data.md)
    data: DataFacts | None = None
    # Apply locks held while this was read (empty, shared with nothing): left out of ``groups``,
    # so no plan, prune, export or access answer ever sees them. A group of a lock's name that
    # has members or grants is not a lock: it stays in ``groups``, and plan says so.
    locks: tuple[str, ...] = ()

    @property
    def workspace_token(self) -> bool:
        return self.me_email is None

    @property
    def full_visibility(self) -> bool:
        """A workspace token or an admin sees the whole workspace (prune is safe)."""
        return self.workspace_token or self.me_role == "ADMIN"

    def _fields(self, kind: Kind, ident: str) -> tuple[str, Mapping[str, str]] | None:
        """The name and canonical fields of one live object (computed for that one only: a plan
        relies on a few of the workspace's objects, the freshness check reads them again)."""
        if kind is Kind.USER:
            user = self.users_by_id.get(ident)
            if user is None:
                return None
            return user.email, {"email": user.email, "active": "true"}
        if kind is Kind.GROUP:
            group = self.groups_by_id.get(ident)
            if group is None:
                return None
            fields = {"name": group.name}
            if group.members is not None:
                fields["members"] = "\n".join(sorted(group.members))
            return group.name, fields
        if kind is Kind.COLLECTION:
            coll = self.collections_by_id.get(ident)
            if coll is None:
                return None
            cs = coll.sharing
            return coll.name, {
                "name": coll.name,
                "description": coll.description or "",
                "creator": coll.creator or "",
                "sharing.workspace": cs.workspace,
                "sharing.users": canonical_map(cs.users),
                "sharing.groups": canonical_map(cs.groups),
            }
        if kind is Kind.CONNECTION:
            conn = self.connections_by_id.get(ident)
            return None if conn is None else (conn.name, conn.fields)
        project = self.projects.get(ident) if kind is Kind.PROJECT else None
        if project is None:
            return None
        s = project.sharing
        return project.title, {
            "title": project.title,
            "owner": project.owner or "",
            "status": project.status or "",
            "sharing.workspace": s.workspace,
            "sharing.public_web": s.public_web,
            "sharing.users": canonical_map(s.users),
            "sharing.groups": canonical_map(s.groups),
            "sharing.collections": canonical_map(s.collections),
        }

    def ref(self, kind: Kind, id: str) -> LiveRef | None:
        """The canonical snapshot of one live object, or None when it is not (or no longer) there.

        Fields: a user's ``email``/``active``; a group's ``name`` and sorted ``members`` (when
        read); a collection's ``name``, ``description``, ``creator`` and sharing (workspace,
        users, groups); a project's ``title``, ``owner``,
        ``status`` and each sharing dimension as sorted ``key=ACCESS`` lines.
        """
        found = self._fields(kind, id)
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
    def connections_by_id(self) -> dict[str, LiveConnection]:
        return {c.id: c for c in self.connections.values()}

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
