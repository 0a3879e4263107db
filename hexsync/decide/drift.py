"""Drift: what in Hex no longer matches the manifests, as a value (``hexsync drift``).

Drift is read off the plan, never computed a second way: the plan's diff already knows the
manifests' modes (additive members, authoritative sharing, the owner's own access), so a field
is drift exactly when ``plan`` would change it, and the two commands can never disagree. Each
field says what the manifests hold and what Hex holds now (a plan's ``new`` and ``old``), and a
field a rule asked for points at the rule.

Beside the plan, with the workspace as read (every shared group's members included):

- **unmanaged objects that grant access**: a group or collection the manifests do not declare,
  made in Hex, through which people reach projects (a group created in the UI holding a leaver
  and shared with Payroll), with whom it reaches on which project and who has that access only
  through it;
- **the access drift gives or takes**: per project, the people who can open it in Hex but not as
  the manifests say (or at a higher level), and the other way round — the access engine over the
  workspace as read and as the plan would leave it;
- with **the last applied plan** (``drift --last-applied plan.json``), each difference told
  apart: *changed in Hex* since that apply (Hex no longer holds what the apply wrote), or
  *merged, not yet applied* (Hex still holds what the apply wrote; the manifests moved since).

Pure: :func:`drift_of` does no I/O; rendering is in ``render/drift.py``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from hexsync.decide import projection
from hexsync.decide.access_engine import AccessEngine, Path
from hexsync.decide.impact import affected_projects
from hexsync.values.desired import Desired, FrozenMap, Mark
from hexsync.values.hex_access import same_access
from hexsync.values.kinds import Kind
from hexsync.values.live import Live, LiveCollectionSharing
from hexsync.values.plan import Action, Change, LiveRef, Plan, WorkspaceInfo

__all__ = [
    "DRIFT_FORMAT_VERSION",
    "IN_HEX",
    "MERGED",
    "Drift",
    "DriftAccess",
    "DriftField",
    "DriftItem",
    "Reach",
    "drift_of",
]

DRIFT_FORMAT_VERSION = 1

# Where a difference comes from, when the last applied plan is known.
IN_HEX = "hex"  # changed in Hex (its UI, or any tool but hexsync) since the last apply
MERGED = "manifests"  # Hex holds what the last apply wrote: the manifests moved since

# What each plan action says about the workspace, read the other way round.
_STATE = {
    Action.UPDATE: "differs",  # the object is there; some fields no longer match
    Action.CREATE: "missing",  # declared in the manifests, not (or no longer) in Hex
    Action.DELETE: "unexpected",  # in Hex, though the manifests say absent (or prune it)
    Action.DEACTIVATE: "active",  # a user the manifests deactivate is active in Hex
}
UNMANAGED = "unmanaged"  # not in the manifests, and people reach projects through it
_SHOWN = 5


@dataclass(frozen=True)
class DriftField:
    """One field that no longer matches: ``manifests`` is what git says, ``live`` what Hex has
    (``None``: absent — not a member, no access, no status). ``rules``: the rules that asked
    for it, each with where it is declared; ``origin``: :data:`IN_HEX`, :data:`MERGED`, or None
    (not known: no last applied plan, or one that did not touch or read the object)."""

    path: str
    key: str | None
    manifests: str | None
    live: str | None
    rules: tuple[tuple[str, str | None], ...] = ()
    origin: str | None = None

    @property
    def label(self) -> str:
        return self.path if self.key is None else f"{self.path}[{self.key}]"

    @property
    def data(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "key": self.key,
            "manifests": self.manifests,
            "live": self.live,
            "rules": [{"name": n, "declared_at": at} for n, at in self.rules],
            "origin": self.origin,
        }


@dataclass(frozen=True)
class Reach:
    """What an unmanaged group or collection gives on one project: the level, how many people
    it reaches there, and those who have that access only through it."""

    project: str  # title
    id: str
    level: str
    people: int
    only: tuple[str, ...]

    @property
    def data(self) -> dict[str, Any]:
        return {
            "project": self.project,
            "id": self.id,
            "level": self.level,
            "people": self.people,
            "only_through_it": list(self.only),
        }


@dataclass(frozen=True)
class DriftItem:
    """One object of the workspace that drifted, and where the manifests declare it."""

    kind: str
    name: str
    id: str | None
    state: str
    fields: tuple[DriftField, ...]
    mark: Mark | None = None
    origin: str | None = None  # for the whole object (missing, unexpected, unmanaged, active)
    reach: tuple[Reach, ...] = ()  # an unmanaged object's grants
    leavers: tuple[str, ...] = ()  # its members the manifests deactivate

    @property
    def where(self) -> str | None:
        return None if self.mark is None else f"{self.mark.file}:{self.mark.line}"

    @property
    def data(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": self.kind,
            "name": self.name,
            "id": self.id,
            "state": self.state,
            "declared_at": self.where,
            "origin": self.origin,
            "fields": [f.data for f in self.fields],
        }
        if self.state == UNMANAGED:
            out["reach"] = [r.data for r in self.reach]
            out["leavers"] = list(self.leavers)
        return out


@dataclass(frozen=True)
class DriftAccess:
    """On one project, who reaches it differently in Hex than the manifests say: can open it
    in Hex and not as the manifests say (``more``), the other way round (``fewer``), or both at
    a ``higher`` or ``lower`` level in Hex."""

    project: str
    id: str
    more: tuple[str, ...] = ()
    fewer: tuple[str, ...] = ()
    higher: tuple[str, ...] = ()
    lower: tuple[str, ...] = ()

    @property
    def data(self) -> dict[str, Any]:
        return {
            "project": self.project,
            "id": self.id,
            "more": list(self.more),
            "fewer": list(self.fewer),
            "higher": list(self.higher),
            "lower": list(self.lower),
        }


@dataclass(frozen=True)
class Drift:
    """Every object that drifted, in the plan's order (then the unmanaged ones), the access it
    moves, and the workspace it was read from."""

    workspace: WorkspaceInfo
    items: tuple[DriftItem, ...]
    read_requests: int = 0
    access: tuple[DriftAccess, ...] = ()
    last_applied: str | None = None  # the file of the last applied plan, when given

    @property
    def found(self) -> bool:
        return bool(self.items)

    @property
    def field_count(self) -> int:
        return sum(max(1, len(item.fields)) for item in self.items)

    def origins(self) -> dict[str | None, int]:
        """How many differences come from where (fields, or whole objects)."""
        out: dict[str | None, int] = {}
        for item in self.items:
            for origin in [f.origin for f in item.fields] or [item.origin]:
                out[origin] = out.get(origin, 0) + 1
        return out

    @property
    def data(self) -> dict[str, Any]:
        return {
            "format_version": DRIFT_FORMAT_VERSION,
            "drift": self.found,
            "workspace": {
                "api_url": self.workspace.api_url,
                "org_id": self.workspace.org_id,
                "org_name": self.workspace.org_name,
            },
            "last_applied": self.last_applied,
            "objects": [item.data for item in self.items],
            "access": [a.data for a in self.access],
        }


# ------------------------------------------------------------------------- the last apply


class _Applied:
    """What the last applied plan wrote, or read and left as it was, field by field."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.changed: dict[tuple[Kind, str], Change] = {}
        for c in plan.changes:
            self.changed[(c.kind, c.id or c.name)] = c
            self.changed[(c.kind, c.name)] = c
        self.refs: dict[tuple[Kind, str], LiveRef] = {}
        for r in plan.relied:
            self.refs[(r.kind, r.id)] = r
            self.refs[(r.kind, r.name)] = r
        self.unmanaged = {k: set(v) for k, v in plan.unmanaged_names.items()}

    def _change(self, kind: Kind, ident: str | None, name: str) -> Change | None:
        return self.changed.get((kind, ident or name)) or self.changed.get((kind, name))

    def _ref(self, kind: Kind, ident: str | None, name: str) -> LiveRef | None:
        return (self.refs.get((kind, ident)) if ident else None) or self.refs.get((kind, name))

    def value(self, change: Change, field: DriftField) -> tuple[bool, str | None]:
        """(known, the value the last apply left) for one field of one object."""
        done = self._change(change.kind, change.id, change.name)
        if done is not None:
            for f in done.fields:
                if f.path == field.path and f.key == field.key:
                    return True, f.new
        ref = self._ref(change.kind, change.id, change.name)
        if ref is None or field.path not in ref.fields:
            return False, None
        text = ref.fields[field.path]
        if field.key is None:
            return True, text or None
        if field.path == "members":
            return True, "member" if field.key in text.split("\n") else None
        entries = dict(line.split("=", 1) for line in text.split("\n") if "=" in line)
        return True, entries.get(field.key)

    def field_origin(self, change: Change, field: DriftField) -> str | None:
        known, applied = self.value(change, field)
        if not known:
            return None
        return MERGED if same_access(field.live, applied) else IN_HEX

    def item_origin(self, change: Change) -> str | None:
        """For a whole object: the last apply created, deleted or deactivated it (so Hex
        moved since), or relied on it."""
        done = self._change(change.kind, change.id, change.name)
        if done is not None and done.action is change.action:
            # The apply did just this, and it needs doing again: Hex moved since.
            return IN_HEX
        if done is not None or self._ref(change.kind, change.id, change.name) is not None:
            # The object was there as the apply left it: the manifests moved since.
            return MERGED if change.action is Action.DELETE else IN_HEX
        return None


# ------------------------------------------------------------------------- the drift


def _rules(desired: Desired | None) -> dict[str, str | None]:
    if desired is None:
        return {}
    return {r.name: f"{r.mark.file}:{r.mark.line}" if r.mark.line else None for r in desired.rules}


def _item(
    change: Change, rule_marks: Mapping[str, str | None], applied: _Applied | None
) -> DriftItem:
    fields = []
    for f in change.fields:
        names = [n for n in (f.rule or "").split(", ") if n]
        field = DriftField(
            f.path, f.key, f.new, f.old, tuple((n, rule_marks.get(n)) for n in names)
        )
        if applied is not None and change.action is Action.UPDATE:
            field = dataclasses.replace(field, origin=applied.field_origin(change, field))
        fields.append(field)
    origin = None
    if applied is not None and change.action is not Action.UPDATE:
        origin = applied.item_origin(change)
    return DriftItem(
        kind=change.kind.value,
        name=change.name,
        id=change.id,
        state=_STATE[change.action],
        fields=tuple(fields),
        mark=change.mark,
        origin=origin,
    )


def drift_of(
    plan: Plan,
    *,
    live: Live | None = None,
    desired: Desired | None = None,
    last_applied: Plan | None = None,
    last_applied_name: str | None = None,
) -> Drift:
    """The drift a plan reveals: each change read as "Hex differs from the manifests here".

    With ``live`` (the workspace the plan was made on, every shared group's members read): the
    unmanaged groups and collections that grant access, and the access the drift moves. With
    ``desired``: rule-driven fields point at their rule, members name the leavers. With
    ``last_applied``: each difference's origin, and only unmanaged objects new since then.
    """
    rule_marks = _rules(desired)
    applied = _Applied(last_applied) if last_applied is not None else None
    items = [_item(c, rule_marks, applied) for c in plan.changes]
    access: tuple[DriftAccess, ...] = ()
    if live is not None:
        items += _unmanaged(plan, live, desired, applied)
        access = _access(plan, live)
    return Drift(
        plan.workspace,
        tuple(items),
        plan.read_requests if live is None else live.read_requests,
        access,
        last_applied_name,
    )


def _access(plan: Plan, live: Live) -> tuple[DriftAccess, ...]:
    """Per project the plan would change, who reaches it differently now than as the manifests
    say: the engine over Hex now and over the workspace as the plan leaves it."""
    if not plan.changes:
        return ()
    wanted = projection.project(live, plan.changes)
    now, then = AccessEngine(live), AccessEngine(wanted)
    out = []
    for pid in affected_projects(plan.changes, live, wanted):
        if pid not in now.projects or pid not in then.projects:
            continue
        have = {g.email: g.level for g in now.people(pid)}
        should = {g.email: g.level for g in then.people(pid)}
        found = DriftAccess(
            now.projects[pid].title,
            pid,
            more=tuple(sorted(set(have) - set(should))),
            fewer=tuple(sorted(set(should) - set(have))),
            higher=tuple(sorted(e for e in have if e in should and have[e] > should[e])),
            lower=tuple(sorted(e for e in have if e in should and have[e] < should[e])),
        )
        if found.more or found.fewer or found.higher or found.lower:
            out.append(found)
    return tuple(sorted(out, key=lambda a: (a.project.casefold(), a.id)))


def _unmanaged(
    plan: Plan, live: Live, desired: Desired | None, applied: _Applied | None
) -> list[DriftItem]:
    """Groups and collections the manifests leave alone through which people reach projects;
    with a last applied plan, only those not already left alone then."""
    touched = {(c.kind.value, c.name) for c in plan.changes}
    leaving = {u.email for u in desired.users if not u.active} if desired is not None else set()
    engine = AccessEngine(live)
    out = []
    for kind in ("group", "collection"):
        for name in plan.unmanaged_names.get(kind, ()):
            if (kind, name) in touched:
                continue
            known = applied is not None and name in applied.unmanaged.get(kind, set())
            if known:
                continue
            without = _without(live, kind, name)
            reach = _reach(engine, AccessEngine(without), live, kind, name)
            if not reach:
                continue
            members: Iterable[str] = ()
            ident = None
            if kind == "group":
                group = live.groups[name]
                ident, members = group.id, group.members or ()
            else:
                ident = live.collections[name].id
            origin = None
            if applied is not None:
                was_managed = applied._change(Kind(kind), ident, name) or applied._ref(
                    Kind(kind), ident, name
                )
                origin = MERGED if was_managed else IN_HEX
            out.append(
                DriftItem(
                    kind=kind,
                    name=name,
                    id=ident,
                    state=UNMANAGED,
                    fields=(),
                    origin=origin,
                    reach=reach,
                    leavers=tuple(sorted(m for m in members if m in leaving)),
                )
            )
    return out


def _without(live: Live, kind: str, name: str) -> Live:
    """``live`` as if the group or collection ``name`` granted nothing."""

    def drop(entries: FrozenMap[str, str]) -> FrozenMap[str, str]:
        return FrozenMap((k, v) for k, v in entries.items() if k != name)

    projects = {}
    for pid, project in live.projects.items():
        s = project.sharing
        if kind == "group" and name in s.groups:
            s = dataclasses.replace(s, groups=drop(s.groups))
        elif kind == "collection" and name in s.collections:
            s = dataclasses.replace(s, collections=drop(s.collections))
        projects[pid] = dataclasses.replace(project, sharing=s)
    collections = {}
    for cname, coll in live.collections.items():
        cs: LiveCollectionSharing = coll.sharing
        if kind == "group" and name in cs.groups:
            cs = dataclasses.replace(cs, groups=drop(cs.groups))
        collections[cname] = dataclasses.replace(coll, sharing=cs)
    return dataclasses.replace(
        live, projects=FrozenMap(projects), collections=FrozenMap(collections)
    )


def _reach(
    now: AccessEngine, without: AccessEngine, live: Live, kind: str, name: str
) -> tuple[Reach, ...]:
    """Per project the object reaches, its level, the people it reaches there and those who
    would have less (or nothing) without it."""
    del live  # the engines hold it

    def through(path: Path) -> bool:
        return (path.group if kind == "group" else path.collection) == name

    out = []
    for pid, project in now.projects.items():
        pa = now.project(pid)
        if not any(through(p) for ps in (pa.wide, *pa.named.values()) for p in ps):
            continue
        grants = [g for g in now.people(pid) if any(through(p) for p in g.paths)]
        if not grants:
            continue
        level = max(p.granted for g in grants for p in g.paths if through(p))
        kept = {g.email: g.level for g in without.people(pid)}
        only = tuple(sorted(g.email for g in grants if kept.get(g.email) != g.level))
        out.append(Reach(project.title, pid, level.value, len(grants), only))
    return tuple(sorted(out, key=lambda r: (r.project.casefold(), r.id)))
