"""Seeing a change made in Hex as soon as its page is read, not when the whole read is.

A read of 10,000 projects at Hex's limits takes minutes (157 requests at 30 a minute). Had the
controller compared only whole reads, a change made just after its page was read would wait
for the rest of that read, all of the next one and the plan at its end: up to twice a read.
Instead, :class:`PageCheck` (a :class:`~hexsync.readers.workspace.PageWatch`) compares each
page, as it arrives, with the same objects in the last snapshot. When some differ, it plans
once on the last reading with those objects as just read and records the drift of those
objects at once (opened, or resolved when the change undid it): the status is ``OutOfSync``
from then on. It records a snapshot then too (the last one with those objects as just read:
what is known of the workspace at that moment, so ``access --at`` agrees with the drift) and
the changes in it. A change is so seen when its page is next read, at most one read after it
was made.

Hex shares by id, the reading and the snapshot by name (a group's, a collection's) and email (a
user's). When a page shows one of them renamed, every reference to it in the objects not read yet
in this read is renamed with it (in the reading planned on, in the snapshot recorded, and in what
later pages are compared with): Hex moved them all at once, and a snapshot granting a name no
group has any more would tell ``access --at`` that the group's members lost their access.

What a page cannot show waits for the end of the read: an object gone from Hex (it is on no
page), drift that names no object in Hex (a project the manifests declare that is not there),
and a group of an apply lock's name (whether it is a lock depends on the rest of the read). The
end of the read stays the one consistent account: it plans from the whole reading, records the
snapshot, the change log and every drift item, and only it heals. The check sends no request:
the read is the same, at the request floor.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from hexsync.hexapi import Collection as ApiCollection
from hexsync.ops.snapshot import collection_doc, group_doc, project_doc, user_doc
from hexsync.readers.workspace import live_collection
from hexsync.values.desired import FrozenMap
from hexsync.values.kinds import Kind
from hexsync.values.live import (
    Live,
    LiveCollection,
    LiveGroup,
    LiveProject,
    LiveUser,
    is_lock_name,
)

__all__ = ["Baseline", "PageCheck", "Renames", "Scope"]

Scope = frozenset[tuple[str, str]]  # (kind, Hex id) of the objects a page showed changed

_SECTIONS = {  # kind → the snapshot document's section
    Kind.PROJECT.value: "projects",
    Kind.USER.value: "users",
    Kind.GROUP.value: "groups",
    Kind.COLLECTION.value: "collections",
}


@dataclass(frozen=True)
class Baseline:
    """The workspace as last recorded: the snapshot's id and document, and the reading it was
    made of."""

    snapshot_id: int
    document: Mapping[str, Any]
    live: Live


@dataclass(frozen=True)
class Renames:
    """Names and emails as the baseline has them → as read in this read (one entry per object
    renamed): to carry into the baseline's objects not read yet, which Hex renamed too."""

    emails: Mapping[str, str]
    groups: Mapping[str, str]
    collections: Mapping[str, str]

    def __bool__(self) -> bool:
        return bool(self.emails or self.groups or self.collections)

    def email(self, value: Any) -> Any:
        return self.emails.get(value, value) if isinstance(value, str) else value

    def keys(self, entries: Mapping[str, str], names: Mapping[str, str]) -> dict[str, str]:
        return {names.get(k, k): v for k, v in entries.items()}

    def doc(self, kind: Kind, doc: Any) -> Any:
        """A snapshot document's object (of the baseline) as Hex has it now."""
        if not isinstance(doc, Mapping):
            return doc
        out = dict(doc)
        if kind is Kind.GROUP and isinstance(doc.get("members"), list):
            out["members"] = sorted(self.email(m) for m in doc["members"])
        if kind in (Kind.PROJECT, Kind.COLLECTION):
            for key in ("owner", "creator"):
                if key in out:
                    out[key] = self.email(out[key])
            sharing = doc.get("sharing")
            if isinstance(sharing, Mapping):
                shared = dict(sharing)
                for key, names in (
                    ("users", self.emails),
                    ("groups", self.groups),
                    ("collections", self.collections),
                ):
                    if isinstance(sharing.get(key), Mapping):
                        shared[key] = self.keys(sharing[key], names)
                out["sharing"] = shared
        return out

    def project(self, p: LiveProject) -> LiveProject:
        s = p.sharing
        return dataclasses.replace(
            p,
            owner=self.email(p.owner),
            creator=self.email(p.creator),
            sharing=dataclasses.replace(
                s,
                users=FrozenMap(self.keys(s.users, self.emails)),
                groups=FrozenMap(self.keys(s.groups, self.groups)),
                collections=FrozenMap(self.keys(s.collections, self.collections)),
            ),
        )

    def collection(self, c: LiveCollection) -> LiveCollection:
        s = c.sharing
        return dataclasses.replace(
            c,
            creator=self.email(c.creator),
            sharing=dataclasses.replace(
                s,
                users=FrozenMap(self.keys(s.users, self.emails)),
                groups=FrozenMap(self.keys(s.groups, self.groups)),
            ),
        )

    def group(self, g: LiveGroup) -> LiveGroup:
        if g.members is None:
            return g
        return LiveGroup(g.id, g.name, frozenset(self.email(m) for m in g.members))


class PageCheck:
    """Compares each page of a read with the baseline; ``found(live, scope)`` hears of the
    objects that changed (``scope``) with the baseline patched by every change seen so far in
    this read (``live``), to plan and record their drift. A failure of ``found`` stops the
    checks of this read (``say`` tells why); the read and the sync go on."""

    def __init__(
        self,
        baseline: Baseline,
        found: Callable[[Live, Scope], Awaitable[None]],
        say: Callable[[str], None] = lambda _text: None,
    ) -> None:
        self.stored = baseline.document
        self.base = baseline.live
        self.live = baseline.live
        # The baseline's name (email) of each object this read showed renamed → its new one.
        self.renamed: dict[Kind, dict[str, str]] = {
            Kind.USER: {},
            Kind.GROUP: {},
            Kind.COLLECTION: {},
        }
        self.members_read: set[str] = set()  # groups whose members this read has read
        self.found = found
        self.say = say
        self.failed = False
        self.seen: dict[tuple[str, str], Any] = {}  # docs of objects changed in this read
        self.changed_pages = 0

    def _differs(self, kind: Kind, ident: str, doc: Any) -> bool:
        key = (kind.value, ident)
        before = self.seen[key] if key in self.seen else self._stored(kind, ident)
        if before == doc:
            return False
        self.seen[key] = doc
        return True

    def _baseline(self, kind: Kind, ident: str) -> Any:
        objects = self.stored.get(_SECTIONS[kind.value])
        return objects.get(ident) if isinstance(objects, Mapping) else None

    def _stored(self, kind: Kind, ident: str) -> Any:
        """The baseline's object, with what this read showed renamed so far."""
        doc = self._baseline(kind, ident)
        renames = self.renames()
        return renames.doc(kind, doc) if renames else doc

    def renames(self) -> Renames:
        r = self.renamed
        return Renames(r[Kind.USER], r[Kind.GROUP], r[Kind.COLLECTION])

    def _note(self, kind: Kind, ident: str, name: str) -> bool:
        """Note the name (email) an object has now; True when that renames it in the
        baseline's terms anew (the objects not read yet are renamed with it)."""
        before = self._baseline(kind, ident)
        old = (
            before.get("email" if kind is Kind.USER else "name")
            if isinstance(before, Mapping)
            else None
        )
        names = self.renamed[kind]
        if not isinstance(old, str) or names.get(old, old) == name:
            return False
        if old == name:
            del names[old]
        else:
            names[old] = name
        return True

    def _carried(self, live: Live) -> Live:
        """``live`` with the objects of the baseline not read yet in this read renamed as Hex
        renamed them (made again from the baseline's, with every rename seen so far). A group
        whose listing was read but not its members keeps its new name and the baseline's
        members, renamed."""
        renames = self.renames()
        base, seen = self.base, self.seen
        base_groups = {g.id: g for g in base.groups.values()}
        base_collections = {c.id: c for c in base.collections.values()}
        groups = {}
        for name, g in live.groups.items():
            before = base_groups.get(g.id)
            if before is None or g.id in self.members_read:
                groups[name] = g
            else:
                groups[name] = LiveGroup(g.id, g.name, renames.group(before).members)
        collections = {}
        for name, c in live.collections.items():
            before_c = base_collections.get(c.id)
            if before_c is None or (Kind.COLLECTION.value, c.id) in seen:
                collections[name] = c
            else:
                collections[name] = renames.collection(before_c)
        projects = {}
        for pid, p in live.projects.items():
            keep = pid not in base.projects or (Kind.PROJECT.value, pid) in seen
            projects[pid] = p if keep else renames.project(base.projects[pid])
        return dataclasses.replace(
            live,
            groups=FrozenMap(groups),
            collections=FrozenMap(collections),
            projects=FrozenMap(projects),
        )

    def document(self) -> dict[str, Any]:
        """The baseline's snapshot document with every object this read has shown changed so
        far, as shown, and the others renamed as Hex renamed them: what is known of the
        workspace now."""
        out = dict(self.stored)
        renames = self.renames()
        copied: set[str] = set()
        if renames:
            for referring in (Kind.GROUP, Kind.COLLECTION, Kind.PROJECT):
                section = _SECTIONS[referring.value]
                objects = out.get(section)
                if isinstance(objects, Mapping):
                    out[section] = {i: renames.doc(referring, d) for i, d in objects.items()}
                    copied.add(section)
        for (kind, ident), doc in self.seen.items():
            section = _SECTIONS[kind]
            if section not in copied:
                out[section] = dict(out.get(section) or {})
                copied.add(section)
            if kind == Kind.GROUP.value and ident not in self.members_read:
                # Its listing (a new name) was read, its members not: the baseline's, renamed.
                before = self._stored(Kind.GROUP, ident)
                members = before.get("members") if isinstance(before, Mapping) else None
                out[section][ident] = {**doc, "members": members}
            else:
                out[section][ident] = doc
        return out

    async def _changed(self, live: Live, scope: Iterable[tuple[str, str]]) -> None:
        self.live = live
        self.changed_pages += 1
        try:
            await self.found(live, frozenset(scope))
        except Exception as exc:
            self.failed = True
            self.say(
                f"seeing changes page by page stopped for this read ({type(exc).__name__}: "
                f"{exc}); they are seen when the read ends"
            )

    # ---------------------------------------------------------------------- PageWatch

    async def projects(self, page: Sequence[LiveProject]) -> None:
        if self.failed:
            return
        changed = [p for p in page if self._differs(Kind.PROJECT, p.id, project_doc(p))]
        if not changed:
            return
        projects = dict(self.live.projects)
        projects.update((p.id, p) for p in changed)
        live = dataclasses.replace(self.live, projects=FrozenMap(projects))
        await self._changed(live, ((Kind.PROJECT.value, p.id) for p in changed))

    async def users(self, page: Sequence[LiveUser]) -> None:
        if self.failed:
            return
        changed = [u for u in page if self._differs(Kind.USER, u.id, user_doc(u))]
        if not changed:
            return
        renamed = [self._note(Kind.USER, u.id, u.email) for u in changed]
        ids = {u.id for u in changed}
        users = {e: u for e, u in self.live.users.items() if u.id not in ids}
        users.update((u.email, u) for u in changed)
        live = dataclasses.replace(self.live, users=FrozenMap(users))
        if any(renamed):
            live = self._carried(live)
        await self._changed(live, ((Kind.USER.value, u.id) for u in changed))

    def _with_groups(self, changed: Sequence[LiveGroup]) -> Live:
        renamed = [self._note(Kind.GROUP, g.id, g.name) for g in changed]
        known = {g.id: g for g in self.live.groups.values()}
        groups = dict(self.live.groups)
        for g in changed:
            before = known.get(g.id)
            members = g.members
            if before is not None:
                groups.pop(before.name, None)
                if members is None:
                    members = before.members
            groups[g.name] = LiveGroup(g.id, g.name, members)
        live = dataclasses.replace(self.live, groups=FrozenMap(groups))
        return self._carried(live) if any(renamed) else live

    async def groups(self, page: Sequence[LiveGroup]) -> None:
        if self.failed:
            return
        changed = []
        for g in page:  # the listing has names only: members are compared when read
            if is_lock_name(g.name):
                continue
            stored = self._stored(Kind.GROUP, g.id)
            before = self.seen.get((Kind.GROUP.value, g.id), stored)
            name = before.get("name") if isinstance(before, Mapping) else None
            if name != g.name:
                members = before.get("members") if isinstance(before, Mapping) else None
                self.seen[(Kind.GROUP.value, g.id)] = {"name": g.name, "members": members}
                changed.append(g)
        if changed:
            await self._changed(
                self._with_groups(changed), ((Kind.GROUP.value, g.id) for g in changed)
            )

    async def members(self, group: LiveGroup) -> None:
        if self.failed or is_lock_name(group.name):
            return
        self.members_read.add(group.id)
        if not self._differs(Kind.GROUP, group.id, group_doc(group)):
            return
        await self._changed(self._with_groups([group]), [(Kind.GROUP.value, group.id)])

    async def collections(self, page: Sequence[ApiCollection]) -> None:
        if self.failed:
            return
        email_of = {u.id: u.email for u in self.live.users.values()}
        name_of = {g.id: g.name for g in self.live.groups.values()}
        read = [live_collection(c, email_of, name_of) for c in page]
        changed = [c for c in read if self._differs(Kind.COLLECTION, c.id, collection_doc(c))]
        if not changed:
            return
        renamed = [self._note(Kind.COLLECTION, c.id, c.name) for c in changed]
        ids = {c.id for c in changed}
        collections: dict[str, LiveCollection] = {
            n: c for n, c in self.live.collections.items() if c.id not in ids
        }
        collections.update((c.name, c) for c in changed)
        live = dataclasses.replace(self.live, collections=FrozenMap(collections))
        if any(renamed):
            live = self._carried(live)
        await self._changed(live, ((Kind.COLLECTION.value, c.id) for c in changed))
