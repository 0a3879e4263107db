"""The access explorer's answers: who can open a project, what a person can open, what a group
or a collection reaches; now, as of a past moment (the snapshot then in force), or as planned
(the last sync's plan applied to what it read).

Building the access engine over a 10,000-project snapshot takes a moment, so each one built is
kept (the last few, keyed by the snapshot's content digest and the plan's), together with a
search index of every project, person, group and collection: a search is a scan of a list of
lowered strings (milliseconds at 10,000 projects by 2,000 people), a page a few dictionary
look-ups. The rows a page shows are the rows its CSV download holds.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from hexsync.decide.access_engine import AccessEngine, Grant, Path, level_of
from hexsync.decide.projection import project
from hexsync.errors import HexsyncError
from hexsync.ops.snapshot import live_of
from hexsync.store import Store
from hexsync.store.refs import SnapshotRef, snapshot_ref, snapshot_ref_at
from hexsync.values.desired import Access
from hexsync.values.hex_access import (
    OWNER_ACCESS,
    capped,
    collection_grant,
    highest,
    level_or_none,
    reaches_workspace,
)
from hexsync.values.live import Live
from hexsync.values.plan import Plan

__all__ = [
    "KINDS",
    "Basis",
    "Entry",
    "Explorer",
    "ExplorerCache",
    "View",
    "to_csv",
]

KINDS = ("project", "person", "group", "collection")


@dataclass(frozen=True)
class Basis:
    """What an answer stands on: a snapshot, and for ``planned`` the plan applied to it."""

    source: str  # "snapshot" or "planned"
    snapshot: SnapshotRef
    at: dt.datetime | None = None  # the moment asked about (None: now)
    plan_digest: str | None = None
    sync_id: int | None = None  # the sync whose plan it is
    commit: str | None = None

    @property
    def key(self) -> tuple[str, str]:
        return (self.snapshot.digest, self.plan_digest or "")


def resolve_basis(
    store: Store, workspace: str, *, at: dt.datetime | None, as_planned: bool
) -> Basis:
    """The snapshot (and plan) an answer is asked of; HexsyncError when the store has none."""
    if as_planned:
        last = store.last_success(workspace)
        if last is None:
            raise HexsyncError(
                "no sync has read the workspace yet, so there is no plan to show",
                hint="wait for the first sync",
            )
        ref = snapshot_ref(store, last.snapshot_id) if last.snapshot_id is not None else None
        ref = ref or snapshot_ref_at(store, workspace, None)
        if ref is None:
            raise HexsyncError("the store holds no snapshot of this workspace yet")
        return Basis("planned", ref, None, last.plan_digest, last.id, last.commit)
    ref = snapshot_ref_at(store, workspace, at)
    if ref is None:
        first = snapshot_ref_at(store, workspace, None)
        if first is None:
            raise HexsyncError("no sync has read the workspace yet", hint="wait for the first sync")
        oldest = store.first_snapshot_time(workspace)
        raise HexsyncError(
            "the store has no snapshot from that moment or before",
            hint=f"its memory starts at {oldest.isoformat()}" if oldest else None,
        )
    return Basis("snapshot", ref, at)


@dataclass(frozen=True)
class Entry:
    """One thing the search finds."""

    kind: str  # project, person, group, collection
    key: str  # what names it in a URL: a project's id, an email, a group's or collection's name
    label: str
    detail: str
    text: str  # lowered label and detail, what the search scans


@dataclass
class View:
    """One answer: a heading, facts about the subject, and rows (shown and downloaded)."""

    kind: str
    key: str
    title: str
    facts: list[tuple[str, str]] = field(default_factory=list)
    columns: tuple[str, ...] = ()
    rows: list[dict[str, Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


_SOURCE_ORDER = {"owner": 0, "direct": 1, "group": 2, "collection": 3, "workspace": 4}


def person_grants(engine: AccessEngine, email: str) -> list[Grant]:
    """Every project ``email`` can open: :meth:`AccessEngine.of_user`'s answer (the tests hold
    the two equal), computed for the one person instead of for everyone on every project, so
    the first person asked about in a 10,000-project workspace does not wait for the whole
    matrix to be built. The paths are the engine's (owner, direct, group, collection, workspace),
    sorted as it sorts them, and the level is decided as it decides it (the highest path, a
    Viewer's grants capped)."""
    live = engine.live
    role = engine.users[email].role
    wide_ok = reaches_workspace(role)
    mine = {name for name in live.groups if email in engine.members(name)}
    via: dict[str, list[tuple[str | None, str]]] = {}  # collection → (group or None, level)
    to_workspace: dict[str, str] = {}
    for name, collection in live.collections.items():
        shared = collection.sharing
        reach: list[tuple[str | None, str]] = []
        if email in shared.users:
            reach.append((None, shared.users[email]))
        reach.extend((g, lv) for g, lv in shared.groups.items() if g in mine)
        via[name] = reach
        if level_or_none(shared.workspace) is not None:
            to_workspace[name] = shared.workspace
    out: list[Grant] = []
    for pid, p in engine.projects.items():
        s = p.sharing
        paths: set[Path] = set()
        if p.owner == email:
            paths.add(Path("owner", OWNER_ACCESS))
        direct = level_of(s.users.get(email))
        if direct is not Access.NONE:
            paths.add(Path("direct", direct))
        for group, text in s.groups.items():
            level = level_of(text)
            if group in mine and level is not Access.NONE:
                paths.add(Path("group", level, group=group))
        if wide_ok:
            workspace = level_of(s.workspace)
            if workspace is not Access.NONE:
                paths.add(Path("workspace", workspace))
        for coll, text in s.collections.items():
            level = level_of(text)
            if level is Access.NONE or coll not in via:
                continue
            for via_group, coll_level in via[coll]:
                how = "user" if via_group is None else "group"
                grant = collection_grant(level, coll_level)
                paths.add(Path("collection", grant, via_group, coll, how))
            if wide_ok and coll in to_workspace:
                grant = collection_grant(level, to_workspace[coll])
                paths.add(Path("collection", grant, None, coll, "workspace"))
        if not paths:
            continue
        decided = highest(capped(role, x.granted) for x in paths)
        if decided is Access.NONE:
            continue
        ordered = tuple(
            sorted(paths, key=lambda x: (-x.granted.rank, _SOURCE_ORDER[x.source], x.label))
        )
        out.append(Grant(email, pid, decided, ordered, role))
    titles = engine.projects
    return sorted(out, key=lambda g: (-g.level.rank, titles[g.project_id].title, g.project_id))


def _paths(grant: Grant) -> str:
    text = "; ".join(f"{p.label} ({p.granted.value})" for p in grant.paths)
    if grant.capped:
        text += f"; capped at {grant.level.value} ({grant.role} role)"
    return text


class Explorer:
    """The engine over one basis, its search index, and the four kinds of answer."""

    def __init__(self, live: Live, basis: Basis) -> None:
        self.live = live
        self.basis = basis
        self.engine = AccessEngine(live)
        entries: list[Entry] = []
        for pid, p in sorted(self.engine.projects.items(), key=lambda i: (i[1].title, i[0])):
            detail = f"{pid} · owner {p.owner}" if p.owner else pid
            entries.append(Entry("project", pid, p.title, detail, f"{p.title} {pid}".lower()))
        for email, u in sorted(self.engine.users.items()):
            detail = " · ".join(x for x in (u.name, u.role) if x)
            entries.append(Entry("person", email, email, detail, f"{email} {u.name or ''}".lower()))
        for name, g in sorted(live.groups.items()):
            size = "members not read" if g.members is None else f"{len(g.members)} members"
            entries.append(Entry("group", name, name, size, name.lower()))
        for name, c in sorted(live.collections.items()):
            entries.append(Entry("collection", name, name, c.description or "", name.lower()))
        self.entries = entries
        self._by_kind: dict[str, list[Entry]] = {k: [] for k in KINDS}
        for e in entries:
            self._by_kind[e.kind].append(e)
        self._titles: dict[str, list[str]] = {}
        for pid, p in self.engine.projects.items():
            self._titles.setdefault(p.title, []).append(pid)

    def counts(self) -> dict[str, int]:
        return {k: len(v) for k, v in self._by_kind.items()}

    def search(self, query: str, kind: str | None = None, limit: int = 25) -> list[Entry]:
        """Entries whose name contains every word of ``query`` (any case): the exact name
        first, then those starting with it, then the rest, each in name order."""
        terms = query.lower().split()
        if not terms:
            return []
        pool = self._by_kind.get(kind, self.entries) if kind else self.entries
        whole = " ".join(terms)
        exact: list[Entry] = []
        prefix: list[Entry] = []
        rest: list[Entry] = []
        for e in pool:
            text = e.text
            if not all(t in text for t in terms):
                continue
            label = e.label.lower()
            if label == whole or e.key.lower() == whole:
                exact.append(e)
            elif label.startswith(whole):
                prefix.append(e)
            else:
                rest.append(e)
            if len(exact) >= limit:
                break
        return (exact + prefix + rest)[:limit]

    def find(self, kind: str, name: str) -> str | None:
        """The key of the ``kind`` named ``name`` exactly (a project by id or title, a person by
        email, in any case), or None."""
        if kind == "project":
            if name.lower() in self.engine.projects:
                return name.lower()
            found = self._titles.get(name, [])
            return found[0] if len(found) == 1 else None
        if kind == "person":
            return name.lower() if name.lower() in self.engine.users else None
        pool = self.live.groups if kind == "group" else self.live.collections
        if name in pool:
            return name
        folded = [n for n in pool if n.lower() == name.lower()]
        return folded[0] if len(folded) == 1 else None

    def view(self, kind: str, key: str) -> View:
        if kind == "project":
            return self._project(key)
        if kind == "person":
            return self._person(key)
        if kind == "group":
            return self._group(key)
        return self._collection(key)

    # ----------------------------------------------------------------------------- the answers

    def _project(self, pid: str) -> View:
        engine = self.engine
        p = engine.projects[pid]
        pa = engine.project(pid)
        view = View("project", pid, p.title)
        view.facts = [
            ("Id", pid),
            ("Owner", p.owner or "(none)"),
            ("Public on the web", pa.public_web.value),
            (
                "Every workspace member",
                "; ".join(f"{x.label} ({x.granted.value})" for x in pa.wide) or "no",
            ),
        ]
        view.columns = ("email", "name", "role", "level", "paths")
        users = engine.users
        for g in engine.people(pid):
            view.rows.append(
                {
                    "email": g.email,
                    "name": users[g.email].name or "",
                    "role": g.role or "",
                    "level": g.level.value,
                    "paths": _paths(g),
                }
            )
        unread = sorted(engine.unread_on(pid))
        if unread:
            view.notes.append(
                "The members of "
                + ", ".join(unread)
                + " were not read: whom they reach is not counted."
            )
        return view

    def _person(self, email: str) -> View:
        engine = self.engine
        user = engine.users[email]
        view = View("person", email, email)
        view.facts = [("Name", user.name or "(none)"), ("Role", user.role or "(unknown)")]
        view.columns = ("project", "id", "level", "paths")
        projects = engine.projects
        for g in person_grants(engine, email):
            view.rows.append(
                {
                    "project": projects[g.project_id].title,
                    "id": g.project_id,
                    "level": g.level.value,
                    "paths": _paths(g),
                }
            )
        return view

    def _group(self, name: str) -> View:
        live = self.live
        group = live.groups[name]
        view = View("group", name, name)
        members = None if group.members is None else sorted(group.members)
        view.facts = [
            ("Members", "not read" if members is None else str(len(members))),
            ("Member emails", "not read" if members is None else ", ".join(members) or "(none)"),
        ]
        via: dict[str, str] = {
            c: lv for c, coll in live.collections.items() if (lv := coll.sharing.groups.get(name))
        }
        if via:
            view.facts.append(
                ("Collections shared with it", ", ".join(f"{c} ({lv})" for c, lv in via.items()))
            )
        view.columns = ("project", "id", "grants", "paths")
        for pid, p in sorted(self.engine.projects.items(), key=lambda i: (i[1].title, i[0])):
            s = p.sharing
            paths: list[tuple[Access, str]] = []
            direct = level_of(s.groups.get(name))
            if direct is not Access.NONE:
                paths.append((direct, f"group share ({direct.value})"))
            for coll, text in s.collections.items():
                if coll in via:
                    grant = collection_grant(level_of(text), via[coll])
                    if grant is not Access.NONE:
                        paths.append((grant, f"collection {coll} ({grant.value})"))
            if paths:
                paths.sort(key=lambda x: -x[0].rank)
                view.rows.append(
                    {
                        "project": p.title,
                        "id": pid,
                        "grants": paths[0][0].value,
                        "paths": "; ".join(t for _, t in paths),
                    }
                )
        view.notes.append("Levels are what the group is granted, before a Viewer's role cap.")
        return view

    def _collection(self, name: str) -> View:
        live = self.live
        coll = live.collections[name]
        s = coll.sharing
        view = View("collection", name, name)
        reached: set[str] = {e for e in s.users if e in self.engine.users}
        for group in s.groups:
            reached |= self.engine.members(group)
        wide = level_or_none(s.workspace) is not None
        view.facts = [
            ("Description", coll.description or "(none)"),
            ("Shared with people", ", ".join(f"{e} ({lv})" for e, lv in s.users.items()) or "no"),
            ("Shared with groups", ", ".join(f"{g} ({lv})" for g, lv in s.groups.items()) or "no"),
            ("Shared with the workspace", s.workspace if wide else "no"),
            ("People it reaches", "every workspace member" if wide else str(len(reached))),
        ]
        view.columns = ("project", "id", "level")
        for pid, p in sorted(self.engine.projects.items(), key=lambda i: (i[1].title, i[0])):
            text = p.sharing.collections.get(name)
            if text is not None and level_of(text) is not Access.NONE:
                view.rows.append({"project": p.title, "id": pid, "level": level_of(text).value})
        return view


class ExplorerCache:
    """The last few explorers built, by basis (one build at a time: two people opening the
    explorer at once share the work)."""

    def __init__(self, store: Store, size: int = 3) -> None:
        self.store = store
        self.size = size
        self._kept: OrderedDict[tuple[str, str], Explorer] = OrderedDict()
        self._warming: set[tuple[str, str]] = set()
        self._lock = threading.Lock()

    def get(self, basis: Basis) -> Explorer:
        with self._lock:
            found = self._kept.get(basis.key)
            if found is not None:
                self._kept.move_to_end(basis.key)
                return _rebased(found, basis)
            explorer = self._build(basis)
            self._kept[basis.key] = explorer
            while len(self._kept) > self.size:
                self._kept.popitem(last=False)
            return explorer

    def warm(self, basis: Basis) -> None:
        """Build the explorer of ``basis`` in the background, unless it is kept or being
        built: the overview warms the latest snapshot's, so the explorer opens at once."""
        with self._lock:
            if basis.key in self._kept or basis.key in self._warming:
                return
            self._warming.add(basis.key)

        def build() -> None:
            try:
                with contextlib.suppress(Exception):  # the page that asks for it says why
                    self.get(basis)
            finally:
                with self._lock:
                    self._warming.discard(basis.key)

        threading.Thread(target=build, name="explorer-warm", daemon=True).start()

    def _build(self, basis: Basis) -> Explorer:
        document = self.store.document(basis.snapshot.digest)
        if document is None:
            raise HexsyncError(f"snapshot {basis.snapshot.id} is missing from the store")
        live = live_of(document)
        if basis.plan_digest is not None:
            plan_doc = self.store.document(basis.plan_digest)
            if plan_doc is None:
                raise HexsyncError(f"the plan of sync {basis.sync_id} is missing from the store")
            live = project(live, Plan.from_data(plan_doc, source=f"sync {basis.sync_id}").changes)
        return Explorer(live, basis)


def _rebased(explorer: Explorer, basis: Basis) -> Explorer:
    """The same engine answering for another moment with the same content."""
    if explorer.basis == basis:
        return explorer
    clone = Explorer.__new__(Explorer)
    clone.__dict__.update(explorer.__dict__)
    clone.basis = basis
    return clone


# What makes a spreadsheet read a cell as a formula (full-width forms included), even after
# the blanks it skips at the start of a cell.
_FORMULA = ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_BLANKS = " \t\r\n\u00a0\u3000"


def _cell(value: Any) -> str:
    """A CSV cell that a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    risky = text[:1] in ("\t", "\r", "\n") or text.lstrip(_BLANKS)[:1] in _FORMULA
    return "'" + text if risky else text


def to_csv(columns: Sequence[str], rows: Iterable[dict[str, Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row.get(c)) for c in columns])
    return out.getvalue()
