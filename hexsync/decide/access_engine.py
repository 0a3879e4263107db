"""Effective access: who can see which project, at what level, and through which paths.

Pure, no I/O. :class:`AccessEngine` reads a :class:`~hexsync.values.live.Live` value (the workspace
as
read, or :func:`~hexsync.decide.projection.project`: the workspace as a plan would leave it) and
answers, per person and
project, the effective level and every path that leads there:

- ``owner``: the project's owner (:data:`~hexsync.values.hex_access.OWNER_ACCESS`);
- ``direct``: the project shared with the person;
- ``group``: the project shared with a group the person is a member of;
- ``collection``: the project shared with a collection that is shared with the person, with a
  group they are in, or with the workspace (:func:`~hexsync.values.hex_access.collection_grant`);
- ``workspace``: the project shared with the workspace (never Guests:
  :func:`~hexsync.values.hex_access.reaches_workspace`).

Apart from these grants, a person may *reach* any project through their workspace role (an Admin
can see it and grant themselves Full Access: :data:`~hexsync.values.hex_access.ROLE_REACH`). That
is not a path Hex records, and it never counts in a level: :class:`RolePath`, asked for with
:meth:`AccessEngine.role_paths`, answers "who could reach it" beside "who has been given access".

The highest path wins (:func:`~hexsync.values.hex_access.highest`), a Viewer's grants are capped
(:func:`~hexsync.values.hex_access.capped`), and only active users have access (Hex's user listing,
which
``Live.users`` holds, omits deactivated ones: :func:`~hexsync.values.hex_access.has_access`). The
public
web is not a person: it is kept per project (``ProjectAccess.public_web``).

Paths that reach every workspace member ("wide": the workspace share, a collection shared with the
workspace) are kept once per project, never expanded per person, so a 10,000-project by 2,000-person
workspace is not 20 million records (:meth:`AccessEngine.report`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from hexsync.values.desired import Access, FrozenMap
from hexsync.values.hex_access import (
    OWNER_ACCESS,
    ROLE_REACH,
    RoleReach,
    capped,
    collection_grant,
    highest,
    level_or_no_access,
    level_or_none,
    reaches_workspace,
    role_reach,
)
from hexsync.values.live import (
    Live,
    LiveCollection,
    LiveCollectionSharing,
    LiveGroup,
    LiveProject,
    LiveSharing,
    LiveUser,
)

__all__ = [
    "REPORT_FORMAT_VERSION",
    "AccessEngine",
    "Grant",
    "Path",
    "ProjectAccess",
    "RolePath",
    "against_live",
    "level_of",
    "live_from_report",
    "shared_groups",
]

REPORT_FORMAT_VERSION = 1
_LEVELS = {a.value: a for a in Access}


def level_of(text: str | None) -> Access:
    """A Hex sharing level; absent is NONE. A level hexsync does not know gives nothing (it is
    never guessed upward)."""
    return _LEVELS.get(level_or_no_access(text), Access.NONE)


@dataclass(frozen=True, order=True)
class Path:
    """One way a project's access reaches a person, before their role's cap.

    ``source`` is owner | direct | group | collection | workspace. A collection path names the
    collection and how it reaches the person (``reach``: user | group | workspace, with ``group``
    for a group).
    """

    source: str
    granted: Access
    group: str | None = None
    collection: str | None = None
    reach: str | None = None

    def __hash__(self) -> int:
        # Hashed millions of times in sets of paths at scale: computed once per object.
        found: int | None = self.__dict__.get("_hash")
        if found is None:
            found = hash((self.source, self.granted, self.group, self.collection, self.reach))
            self.__dict__["_hash"] = found
        return found

    @property
    def wide(self) -> bool:
        """Reaches every workspace member (and no Guest)."""
        return self.source == "workspace" or self.reach == "workspace"

    @cached_property
    def label(self) -> str:
        """``owner``, ``direct share``, ``group Analysts``, ``workspace``, ``collection Finance``,
        ``collection Finance via group Analysts``, ``collection Finance via workspace``."""
        if self.source == "owner":
            return "owner"
        if self.source == "direct":
            return "direct share"
        if self.source == "group":
            return f"group {self.group}"
        if self.source == "workspace":
            return "workspace"
        text = f"collection {self.collection}"
        if self.reach == "group":
            return f"{text} via group {self.group}"
        if self.reach == "workspace":
            return f"{text} via workspace"
        return text

    @property
    def via(self) -> str | None:
        """The plan's ``via`` (None for a direct share, as the plan always said)."""
        return None if self.source == "direct" else self.label

    @property
    def text(self) -> str:
        """``via group Analysts (CAN_VIEW)``; ``as owner (FULL_ACCESS)``."""
        if self.source == "owner":
            return f"as owner ({self.granted.value})"
        return f"via {self.label} ({self.granted.value})"

    @property
    def data(self) -> dict[str, Any]:
        return {"path": self.label, "source": self.source, "granted": self.granted.value}


def _sort_paths(paths: Iterable[Path]) -> tuple[Path, ...]:
    """Highest grant first, then a stable order by source and name."""
    order = {"owner": 0, "direct": 1, "group": 2, "collection": 3, "workspace": 4}
    return tuple(
        sorted(
            set(paths),
            key=lambda p: (-p.granted.rank, order[p.source], p.label),
        )
    )


@dataclass(frozen=True)
class Grant:
    """One person's effective access to one project, and every path to it."""

    email: str
    project_id: str
    level: Access
    paths: tuple[Path, ...]  # highest grant first
    role: str | None = None

    @property
    def deciding(self) -> Path:
        """The path that gives the effective level (the first of the highest)."""
        return self.paths[0]

    @property
    def capped(self) -> bool:
        """The person's role lowered what the highest path grants (a Viewer)."""
        return self.level < self.deciding.granted

    @property
    def explain(self) -> str:
        """``via group Analysts (CAN_VIEW), via workspace (APP_ONLY)``, plus the cap if any."""
        text = ", ".join(p.text for p in self.paths)
        if self.capped:
            text += f"; capped at {self.level.value} (role {self.role})"
        return text


@dataclass(frozen=True)
class RolePath:
    """A person who could reach a project through their workspace role, not through a grant.

    Kept apart from :class:`Grant`: it gives no level (``given`` is what their grants give,
    NONE for none), it says what the role lets them do, with the confidence of Hex's
    documentation on it (:data:`~hexsync.values.hex_access.ROLE_REACH`).
    """

    email: str
    project_id: str
    reach: RoleReach
    given: Access = Access.NONE

    @property
    def role(self) -> str:
        return self.reach.role

    @property
    def label(self) -> str:
        return f"role {self.reach.role}"

    @property
    def text(self) -> str:
        """``through the Admin role: can see it, grant themselves Full Access (documented)``."""
        return (
            f"through the {self.reach.name} role: can {self.reach.text} ({self.reach.confidence})"
        )

    @property
    def data(self) -> dict[str, Any]:
        return {
            "email": self.email,
            "role": self.reach.role,
            "can": [c.key for c in self.reach.capabilities],
            "grants_self": None if self.reach.grants_self is None else self.reach.grants_self.value,
            "confidence": self.reach.confidence,
            "source": "; ".join(dict.fromkeys(c.source for c in self.reach.capabilities)),
            "given": None if self.given is Access.NONE else self.given.value,
        }


_ROLE_ORDER = {role: n for n, role in enumerate(ROLE_REACH)}


def _decide(role: str | None, paths: tuple[Path, ...]) -> tuple[Access, tuple[Path, ...]]:
    """The effective level of a person of ``role`` reached by ``paths``, and the paths sorted."""
    return highest(capped(role, p.granted) for p in paths), _sort_paths(paths)


_Reach = tuple[str, "str | None", str]  # (email, group or None, collection level)


@dataclass(frozen=True)
class ProjectAccess:
    """Every path to one project: ``named`` per person (owner, direct, group, collection shared
    with them or their group) and ``wide`` ones that reach every workspace member."""

    project: LiveProject
    named: Mapping[str, tuple[Path, ...]]
    wide: tuple[Path, ...]
    public_web: Access

    @property
    def id(self) -> str:
        return self.project.id


class AccessEngine:
    """Effective access over one :class:`Live` value (the workspace, or as a plan leaves it:
    :func:`~hexsync.decide.projection.project`)."""

    def __init__(self, live: Live) -> None:
        self.live = live
        self._projects: dict[str, ProjectAccess] = {}
        self._decided: dict[tuple[str | None, tuple[Path, ...]], tuple[Access, tuple[Path, ...]]]
        self._decided = {}
        self._interned: dict[tuple[str, Access, str | None, str | None, str | None], Path] = {}

    @cached_property
    def projects(self) -> Mapping[str, LiveProject]:
        """The projects answered for: archived and trashed ones (listed only when rules ask
        about them) are left out, as Hex leaves them out of its own listing."""
        return {pid: p for pid, p in self.live.projects.items() if not p.hidden}

    @property
    def users(self) -> Mapping[str, LiveUser]:
        """The people who can have access: the active users (Hex lists no other, and
        the projection drops those a plan deactivates)."""
        return self.live.users

    @cached_property
    def unknown_groups(self) -> frozenset[str]:
        """Groups whose members were not read: nobody is counted as reached through them."""
        return frozenset(n for n, g in self.live.groups.items() if g.members is None)

    def members(self, group: str) -> frozenset[str]:
        found = self.live.groups.get(group)
        if found is None or found.members is None:
            return frozenset()
        return frozenset(m for m in found.members if m in self.users)

    @cached_property
    def _collection_reach(self) -> dict[str, tuple[list[_Reach], str | None]]:
        """collection → ([(email, group or None for a user share, their collection level)],
        the workspace members' collection level or None)."""
        out: dict[str, tuple[list[_Reach], str | None]] = {}
        for name, coll in self.live.collections.items():
            s = coll.sharing
            named: list[_Reach] = [(e, None, lv) for e, lv in s.users.items() if e in self.users]
            for group, lv in s.groups.items():
                named.extend((m, group, lv) for m in self.members(group))
            out[name] = (named, level_or_none(s.workspace))
        return out

    @cached_property
    def _group_members(self) -> dict[str, frozenset[str]]:
        return {name: self.members(name) for name in self.live.groups}

    def project(self, pid: str) -> ProjectAccess:
        found = self._projects.get(pid)
        if found is None:
            found = self._build(self.live.projects[pid])
            self._projects[pid] = found
        return found

    def _path(
        self,
        source: str,
        granted: Access,
        group: str | None = None,
        collection: str | None = None,
        reach: str | None = None,
    ) -> Path:
        """One shared object per distinct path: sets of paths then hash and compare fast."""
        key = (source, granted, group, collection, reach)
        found = self._interned.get(key)
        if found is None:
            found = self._interned[key] = Path(source, granted, group, collection, reach)
        return found

    def _build(self, project: LiveProject) -> ProjectAccess:
        named: dict[str, list[Path]] = {}
        users = self.users
        make = self._path

        def add(email: str, path: Path) -> None:
            if email in users:
                named.setdefault(email, []).append(path)

        s = project.sharing
        if project.owner:
            add(project.owner, make("owner", OWNER_ACCESS))
        for email, text in s.users.items():
            level = level_of(text)
            if level is not Access.NONE:
                add(email, make("direct", level))
        for group, text in s.groups.items():
            level = level_of(text)
            if level is Access.NONE:
                continue
            path = make("group", level, group=group)
            for email in self._group_members.get(group, ()):
                add(email, path)
        wide: list[Path] = []
        workspace = level_of(s.workspace)
        if workspace is not Access.NONE:
            wide.append(make("workspace", workspace))
        for coll, text in s.collections.items():
            level = level_of(text)
            reach = self._collection_reach.get(coll)
            if level is Access.NONE or reach is None:
                continue
            emails, to_workspace = reach
            for email, via_group, coll_level in emails:
                grant = collection_grant(level, coll_level)
                how = "user" if via_group is None else "group"
                add(email, make("collection", grant, via_group, coll, how))
            if to_workspace is not None:
                grant = collection_grant(level, to_workspace)
                wide.append(make("collection", grant, None, coll, "workspace"))
        return ProjectAccess(
            project,
            {e: tuple(ps) for e, ps in named.items()},
            _sort_paths(wide),
            level_of(s.public_web),
        )

    def unread_on(self, pid: str) -> frozenset[str]:
        """Groups whose members were not read and that reach the project: shared with it, or
        with a collection it is shared with. Whom they reach is unknown here."""
        if not self.unknown_groups or pid not in self.live.projects:
            return frozenset()
        s = self.live.projects[pid].sharing
        found = set(s.groups) & self.unknown_groups
        for coll in s.collections:
            shared = self.live.collections.get(coll)
            if shared is not None:
                found.update(set(shared.sharing.groups) & self.unknown_groups)
        return frozenset(found)

    def grant(self, pa: ProjectAccess, email: str) -> Grant | None:
        """``email``'s effective access to the project, or None."""
        user = self.users.get(email)
        if user is None:
            return None
        decided = self._decision(pa, email, user.role)
        if decided is None:
            return None
        return Grant(email, pa.id, decided[0], decided[1], user.role)

    def _decision(
        self, pa: ProjectAccess, email: str, role: str | None
    ) -> tuple[Access, tuple[Path, ...]] | None:
        paths = pa.named.get(email, ())
        if pa.wide and reaches_workspace(role):
            paths = paths + pa.wide
        if not paths:
            return None
        # Many people share one set of paths (a group's members): decide it once per role.
        key = (role, paths)
        decided = self._decided.get(key)
        if decided is None:
            decided = _decide(role, paths)
            self._decided[key] = decided
        return None if decided[0] is Access.NONE else decided

    @cached_property
    def role_reachers(self) -> tuple[tuple[str, RoleReach], ...]:
        """The active users whose role reaches every project, Admins first, then by email."""
        found = [(e, r) for e, u in self.users.items() if (r := role_reach(u.role)) is not None]
        return tuple(sorted(found, key=lambda x: (_ROLE_ORDER[x[1].role], x[0])))

    def role_paths(self, pid: str) -> list[RolePath]:
        """Everyone who could reach the project through their role (whether or not they have
        been given access too), Admins first, then by email."""
        if pid not in self.projects:
            return []
        pa = self.project(pid)
        out = []
        for email, reach in self.role_reachers:
            grant = self.grant(pa, email)
            out.append(RolePath(email, pid, reach, Access.NONE if grant is None else grant.level))
        return out

    def role_path(self, pid: str, email: str) -> RolePath | None:
        """``email``'s reach of the project through their role, or None."""
        user = self.users.get(email)
        reach = role_reach(user.role) if user is not None else None
        if reach is None or pid not in self.projects:
            return None
        grant = self.grant(self.project(pid), email)
        return RolePath(email, pid, reach, Access.NONE if grant is None else grant.level)

    def people(self, pid: str) -> list[Grant]:
        """Everyone with access to the project, highest level first, then by email."""
        pa = self.project(pid)
        emails: Iterable[str] = self.users if pa.wide else pa.named
        grants = [g for e in emails if (g := self.grant(pa, e)) is not None]
        return sorted(grants, key=lambda g: (-g.level.rank, g.email))

    def of_user(self, email: str) -> list[Grant]:
        """Every project ``email`` can see, highest level first, then by title."""
        out = []
        for pid in self.projects:
            g = self.grant(self.project(pid), email)
            if g is not None:
                out.append(g)
        titles = {pid: p.title for pid, p in self.projects.items()}
        return sorted(out, key=lambda g: (-g.level.rank, titles[g.project_id], g.project_id))

    def all(self) -> Iterator[ProjectAccess]:
        for pid in sorted(self.projects, key=lambda i: (self.projects[i].title, i)):
            yield self.project(pid)

    def report(self, *, source: str, api_url: str | None = None) -> dict[str, Any]:
        """The whole matrix in the form of ``schemas/access-report.schema.json``.

        Aggregated so that 10,000 projects by 2,000 people stay a few megabytes: per project,
        the wide paths once (``everyone_level``: what every workspace member has, before a
        Viewer's cap), and a row per person only for those with a named path, carrying their
        full effective level (wide paths included). Path lists are interned in ``path_sets``;
        levels are indexes into ``levels``.
        """
        people = sorted(self.users.values(), key=lambda u: u.email)
        index = {u.email: i for i, u in enumerate(people)}
        levels = [a.value for a in Access]
        sets: dict[tuple[tuple[str, str], ...], int] = {}

        by_paths: dict[tuple[Path, ...], int] = {}

        def interned(paths: tuple[Path, ...]) -> int:
            found = by_paths.get(paths)
            if found is None:
                key = tuple((x.label, x.granted.value) for x in paths)
                found = by_paths[paths] = sets.setdefault(key, len(sets))
            return found

        projects = []
        for pa in self.all():
            p = pa.project
            rows = []
            users = self.users
            for email in sorted(pa.named, key=index.__getitem__):
                d = self._decision(pa, email, users[email].role)
                if d is not None:
                    rows.append([index[email], d[0].rank, interned(d[1])])
            everyone = highest(x.granted for x in pa.wide)
            projects.append(
                {
                    "id": p.id,
                    "title": p.title,
                    "owner": p.owner,
                    "status": p.status,
                    "public_web": pa.public_web.value,
                    "everyone_level": everyone.value,
                    "everyone_paths": interned(pa.wide) if pa.wide else None,
                    "groups": sorted(p.sharing.groups),
                    "group_levels": [p.sharing.groups[g] for g in sorted(p.sharing.groups)],
                    "collections": sorted(p.sharing.collections),
                    "collection_levels": [
                        p.sharing.collections[c] for c in sorted(p.sharing.collections)
                    ],
                    "owner_active": None if p.owner is None else p.owner in users,
                    "people": rows,
                }
            )
        return {
            "format_version": REPORT_FORMAT_VERSION,
            "source": source,
            "org_id": self.live.org_id,
            "org_name": self.live.org_name,
            "api_url": api_url,
            "roles": [r.data for r in ROLE_REACH.values() if r.reaches],
            "levels": levels,
            "people": [
                {
                    "email": u.email,
                    "name": u.name,
                    "role": u.role,
                    "workspace_member": reaches_workspace(u.role),
                    "viewer": capped(u.role, Access.FULL_ACCESS) < Access.FULL_ACCESS,
                }
                for u in people
            ],
            "groups": [
                {
                    "name": name,
                    "members": None
                    if name in self.unknown_groups
                    else sorted(index[m] for m in self._group_members[name]),
                }
                for name in sorted(self.live.groups)
            ],
            "collections": [
                {
                    "name": name,
                    "users": sorted(c.sharing.users),
                    "groups": sorted(c.sharing.groups),
                    "workspace": c.sharing.workspace,
                }
                for name, c in sorted(self.live.collections.items())
            ],
            "path_sets": [[list(x) for x in key] for key in sets],
            "projects": projects,
        }


def live_from_report(report: Mapping[str, Any]) -> Live:
    """The workspace a report (:meth:`AccessEngine.report`) was made from, as far as access
    goes: the engine over it answers every ``access`` question as it did on the reading, so a
    saved report can answer without a token (``access … --from access.json``).

    Rebuilt from the report: the users (their email serves as id), the groups and their
    members, each project's owner, direct shares (its people's ``direct share`` paths), group
    and collection levels, workspace and public-web levels, and whom collections are shared
    with. Collection levels of users and groups are not in the report and not needed: a
    collection passes on the project's level whatever theirs is
    (:func:`~hexsync.values.hex_access.collection_grant`); ``VIEW`` stands for any.
    """
    people = report["people"]
    sets = report["path_sets"]
    users = {
        p["email"]: LiveUser(p["email"], p["email"], p.get("name"), p.get("role")) for p in people
    }
    groups = {
        g["name"]: LiveGroup(
            g["name"],
            g["name"],
            None if g["members"] is None else frozenset(people[i]["email"] for i in g["members"]),
        )
        for g in report["groups"]
    }
    collections = {
        c["name"]: LiveCollection(
            c["name"],
            c["name"],
            sharing=LiveCollectionSharing(
                users=FrozenMap((e, "VIEW") for e in c["users"]),
                groups=FrozenMap((g, "VIEW") for g in c["groups"]),
                workspace=c["workspace"],
            ),
        )
        for c in report["collections"]
    }
    projects = {}
    for p in report["projects"]:
        direct = {
            people[person]["email"]: granted
            for person, _, paths in p["people"]
            for label, granted in sets[paths]
            if label == "direct share"
        }
        wide = sets[p["everyone_paths"]] if p["everyone_paths"] is not None else []
        workspace = next((granted for label, granted in wide if label == "workspace"), None)
        projects[p["id"]] = LiveProject(
            p["id"],
            p["title"],
            owner=p["owner"],
            status=p["status"],
            sharing=LiveSharing(
                users=FrozenMap(direct),
                groups=FrozenMap(zip(p["groups"], p["group_levels"], strict=True)),
                collections=FrozenMap(zip(p["collections"], p["collection_levels"], strict=True)),
                workspace=level_or_no_access(workspace),
                public_web=p["public_web"],
            ),
        )
    return Live(
        org_id=report["org_id"],
        org_name=report.get("org_name"),
        users=FrozenMap(users),
        groups=FrozenMap(groups),
        collections=FrozenMap(collections),
        projects=FrozenMap(projects),
    )


def against_live(before: AccessEngine, after: AccessEngine) -> dict[str, dict[str, Any]]:
    """What a plan would change against live, per project of ``after`` (the workspace as the
    plan leaves it), for the as-planned report: ``new`` (the plan creates it), the live
    ``public_web`` and ``everyone_level``, and ``changes``: ``[email, live level, planned
    level]`` (None: no access) for every person whose effective level moves, deactivated
    people included. Projects the plan leaves as they are are not listed.

    A project whose paths, public web and people are the same on both sides is skipped without
    expanding its workspace-wide paths, so a plan touching a few projects costs a few."""
    same_users = {e: u.role for e, u in before.users.items()} == {
        e: u.role for e, u in after.users.items()
    }
    out: dict[str, dict[str, Any]] = {}
    for pid in after.projects:
        pa_a = after.project(pid)
        pa_b = before.project(pid) if pid in before.projects else None
        if (
            pa_b is not None
            and same_users
            and pa_b.named == pa_a.named
            and pa_b.wide == pa_a.wide
            and pa_b.public_web == pa_a.public_web
        ):
            continue
        old = {g.email: g.level for g in before.people(pid)} if pa_b is not None else {}
        new = {g.email: g.level for g in after.people(pid)}
        changes = [
            [email, _value(old.get(email)), _value(new.get(email))]
            for email in sorted(set(old) | set(new))
            if old.get(email) != new.get(email)
        ]
        old_public = pa_b.public_web if pa_b is not None else Access.NONE
        old_everyone = highest(x.granted for x in pa_b.wide) if pa_b is not None else Access.NONE
        if (
            pa_b is not None
            and not changes
            and old_public == pa_a.public_web
            and old_everyone == highest(x.granted for x in pa_a.wide)
        ):
            continue
        out[pid] = {
            "new": pa_b is None,
            "public_web": old_public.value,
            "everyone_level": old_everyone.value,
            "changes": changes,
        }
    return out


def _value(level: Access | None) -> str | None:
    return None if level is None else level.value


def shared_groups(live: Live) -> set[str]:
    """Every group a project or a collection is shared with: whose members ``access`` reads."""
    out: set[str] = set()
    for p in live.projects.values():
        out.update(p.sharing.groups)
    for c in live.collections.values():
        out.update(c.sharing.groups)
    return out
