"""Pure: the desired state against the live one, as typed changes. No I/O, no logging.

``diff(desired, live)`` resolves every name the manifests use against the live workspace
(emails, group and collection names, project titles, pinned ids), compares the two sides in
canonical form (emails lower-cased, lists as sets, ``NONE`` as absent) and returns a
:class:`Diff`: the changes, the warnings, and the references that did not resolve (each with
the manifest ``file:line`` that wrote it). The rules it applies are documented in
``docs/plan.md``:

- ``members_mode`` / ``sharing.mode``: authoritative lists are the full truth; additive ones
  only add members or grant and raise access, never remove or lower.
- A sharing dimension the manifest omits is left alone; ``NONE`` means "no access".
- A grant whose ``expires:`` has passed (resolved before the diff: :mod:`hexsync.decide.expiry`)
  is removed where Hex still has it, even from an additive dimension or member list, as a field
  change marked ``expired``.
- The project owner's own access is never changed; nor is a collection creator's own entry
  lowered or removed (collection levels are Hex's strings, ordered by ``hexrules``).
- A user's declared level is compared as Hex will hold it: a Viewer's CAN_EDIT or FULL_ACCESS
  is planned as CAN_VIEW, with a ``viewer_capped`` warning (``hexrules.capped``), so the plan
  shows no permanent diff whether Hex stores the grant downgraded or not.
- ``policy.prune``: undeclared groups are deleted, users not listed as active are deactivated;
  protected ones (and the token's own user) are never pruned.
- What the API cannot do is a warning, never a change: a pinned project's title or description,
  ``active: true`` on a user Hex does not list as active.

Deepdiff is not used: every comparison here is between flat sets of ``(key, access)`` pairs,
which plain set arithmetic does in linear time (a 10,000-project workspace diffs in well under a
second, where a generic deep diff per project takes several).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from hexsync.errors import HexsyncError, did_you_mean, plural
from hexsync.values.desired import (
    NOWHERE,
    Access,
    Collection,
    Desired,
    Ensure,
    Mark,
    Mode,
    Project,
    Sharing,
    Unmanaged,
)
from hexsync.values.hex_access import (
    COLLECTION_LEVELS,
    NO_ACCESS,
    capped,
    collection_level_known,
    collection_rank,
    level_or_none,
)
from hexsync.values.kinds import Kind
from hexsync.values.live import Live, LiveCollection, LiveProject, LiveSharing, is_lock_name
from hexsync.values.plan import Action, Change, FieldChange, PlanWarning, access_rank

__all__ = ["Diff", "UnresolvedReference", "UnresolvedReferenceError", "diff"]

Dep = tuple[Kind, str]  # a live object a change relies on: (kind, id)
SET_DIMENSIONS = ("users", "groups", "collections")
SCALAR_DIMENSIONS = ("workspace", "public_web")


@dataclass(frozen=True)
class UnresolvedReference:
    """A manifest reference that does not resolve in the live workspace."""

    message: str
    mark: Mark | None = None
    address: str = ""  # the change address it belongs to (``group:Analysts``), for --target

    def __str__(self) -> str:
        return f"{self.mark}: {self.message}" if self.mark is not None else self.message


class UnresolvedReferenceError(HexsyncError):
    """Names in the manifests that the live workspace does not know, all of them at once."""

    def __init__(
        self, problems: Iterable[UnresolvedReference], *, first: str | None = None
    ) -> None:
        # In the order of the manifests, as an editor would walk them.
        self.problems = tuple(
            sorted(problems, key=lambda p: (p.mark is None, p.mark or NOWHERE, p.message))
        )
        self.first = first
        count = len(self.problems)
        lines = "\n".join(f"  {p}" for p in self.problems)
        noun = "reference does" if count == 1 else "references do"
        lead = f"{first}\n" if first else ""
        super().__init__(
            f"{lead}{count} {noun} not resolve in the live workspace:\n{lines}",
            hint="fix the manifests (or create the missing objects in Hex), then plan again; "
            "a personal token sees only what its user may see: a workspace token sees all",
        )


@dataclass(frozen=True)
class Public:
    """A managed project that is shared to the public web after the plan."""

    address: str
    name: str
    level: str
    mark: Mark | None


@dataclass(frozen=True)
class Diff:
    """What ``diff`` found. ``depends`` maps each change to the live objects it relies on."""

    changes: tuple[Change, ...] = ()
    warnings: tuple[tuple[str, PlanWarning], ...] = ()  # (address, warning)
    problems: tuple[UnresolvedReference, ...] = ()
    depends: Mapping[Change, tuple[Dep, ...]] = field(default_factory=dict)
    public: tuple[Public, ...] = ()
    unmanaged: Mapping[str, int] = field(default_factory=dict)
    unmanaged_names: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def raise_for_problems(self) -> None:
        if self.problems:
            raise UnresolvedReferenceError(self.problems)


_rank = access_rank


def _level(access: Access | None) -> str | None:
    """A desired level as the plan writes it: ``NONE`` is absent."""
    return None if access is None or access is Access.NONE else access.value


def _collection_raises(old: str | None, new: str | None) -> bool:
    """Whether a collection level change only grants or raises (what additive mode may do);
    between levels whose order hexsync does not know it cannot tell, so it does not."""
    if new is None:
        return False
    if old is None:
        return True
    before, after = collection_rank(old), collection_rank(new)
    return before is not None and after is not None and after > before


def _address(kind: Kind, ident: str) -> str:
    return f"{kind.value}:{ident}"


def _close(name: str, known: Iterable[str]) -> str:
    hint = did_you_mean(name, sorted(known))
    return f"; {hint}" if hint else ""


class _Differ:
    def __init__(self, desired: Desired, live: Live) -> None:
        self.d = desired
        self.live = live
        self.policy = desired.policy
        self.changes: list[Change] = []
        self.depends: dict[Change, tuple[Dep, ...]] = {}
        self.warnings: list[tuple[str, PlanWarning]] = []
        self.problems: list[UnresolvedReference] = []
        self.public: list[Public] = []
        self.coll_id_of: dict[str, str] = {}  # desired collection name → live id
        self.coll_rename: dict[str, str] = {}  # live name → desired name (pinned renames)
        self.known_groups: set[str] = set()
        self.absent_groups = {g.name for g in desired.groups if g.ensure is Ensure.ABSENT}
        self.known_collections: set[str] = set()
        self.matched_projects: set[str] = set()
        self.mentioned_users: set[str] = set()
        # Users the manifests deactivate: references to them are set aside, not resolved.
        self.inactive = {u.email for u in desired.users if not u.active}
        self.group_projects: dict[str, int] = {}
        # The API lists no statuses: those live projects carry, and policy.statuses, are known.
        self.seen_statuses = {p.status for p in live.projects.values() if p.status}
        self.judged_statuses: set[str] = set()
        for project in live.projects.values():
            for name in project.sharing.groups:
                self.group_projects[name] = self.group_projects.get(name, 0) + 1
        self.group_collections: dict[str, int] = {}
        for coll in live.collections.values():
            for name in coll.sharing.groups:
                self.group_collections[name] = self.group_collections.get(name, 0) + 1

    # ---------------------------------------------------------------- helpers

    def add(self, change: Change, deps: Iterable[Dep] = ()) -> None:
        self.changes.append(change)
        own = [(change.kind, change.id)] if change.id else []
        self.depends[change] = tuple(dict.fromkeys([*own, *deps]))

    def warn(self, address: str, code: str, message: str, mark: Mark | None) -> None:
        self.warnings.append((address, PlanWarning(code, message, mark)))

    def problem(self, address: str, message: str, mark: Mark | None) -> None:
        self.problems.append(UnresolvedReference(message, mark, address))

    def user_dep(self, email: str) -> list[Dep]:
        user = self.live.users.get(email)
        return [(Kind.USER, user.id)] if user is not None else []

    # ---------------------------------------------------------------- collections

    def collections(self) -> None:
        live = self.live
        # A live collection a pin claims is that declaration's, even while it still has its old
        # name: an unpinned declaration of that old name is not the same collection.
        pinned = {
            found.id: c
            for c in self.d.collections
            if c.id is not None and (found := self._collection_by_id(c.id)) is not None
        }
        for c in self.d.collections:
            address = _address(Kind.COLLECTION, c.name)
            if c.id is not None:
                found = self._collection_by_id(c.id)
                if found is None:
                    self.problem(
                        address,
                        f"collection '{c.name}': id {c.id} is not a collection of this workspace",
                        c.mark,
                    )
                    continue
                taken = live.collections.get(c.name)
                if taken is not None and taken.id != found.id:
                    self.problem(
                        address,
                        f"collection '{c.name}' (id {c.id}) cannot be renamed from"
                        f" '{found.name}': another live collection ({taken.id}) has that name",
                        c.mark,
                    )
                    continue
            else:
                found = live.collections.get(c.name)
                claimed = pinned.get(found.id) if found is not None else None
                if claimed is not None and claimed.name != c.name:
                    self.problem(
                        address,
                        f"collection '{c.name}' is the live collection ({claimed.id}) that"
                        f" '{claimed.name}' pins and renames (at {claimed.mark}); apply the"
                        " rename first, then declare the new collection",
                        c.mark,
                    )
                    continue
            self.known_collections.add(c.name)
            shared, deps = self._collection_sharing(c, found)
            if found is None:
                fields = (
                    [FieldChange("description", None, c.description)]
                    if c.description is not None
                    else []
                )
                fields += shared
                self.add(
                    Change(
                        Kind.COLLECTION, Action.CREATE, c.name, None, tuple(fields), mark=c.mark
                    ),
                    deps,
                )
                continue
            self.coll_id_of[c.name] = found.id
            fc: list[FieldChange] = []
            if found.name != c.name:
                self.coll_rename[found.name] = c.name
                fc.append(FieldChange("name", found.name, c.name))
            if c.description is not None and c.description != (found.description or ""):
                fc.append(FieldChange("description", found.description, c.description))
            fc += shared
            if fc:
                self.add(
                    Change(
                        Kind.COLLECTION, Action.UPDATE, c.name, found.id, tuple(fc), mark=c.mark
                    ),
                    deps,
                )
        renamed = set(self.coll_rename)
        self.known_collections.update(n for n in live.collections if n not in renamed)

    def _collection_sharing(
        self, c: Collection, found: LiveCollection | None
    ) -> tuple[list[FieldChange], list[Dep]]:
        """The field changes of a collection's declared sharing (levels kept as Hex's strings,
        ``NONE`` as absent), and the principals they rely on. Rules as for a project's sharing;
        the collection's creator is never lowered or removed (as a project's owner)."""
        s = c.sharing
        if s is None:
            return [], []
        address = _address(Kind.COLLECTION, c.name)
        label = f"collection '{c.name}'"
        additive = s.mode is Mode.ADDITIVE
        self._unknown_levels(c, address, label)
        fields: list[FieldChange] = []
        deps: list[Dep] = []
        if s.workspace is not None:
            old = None if found is None else level_or_none(found.sharing.workspace)
            new = level_or_none(s.workspace)
            if old != new and (not additive or _collection_raises(old, new)):
                fields.append(FieldChange("sharing.workspace", old, new))
        creator = found.creator if found is not None else None
        for dim in ("users", "groups"):
            declared: Mapping[str, str] | None = getattr(s, dim)
            if declared is None:
                continue
            want: dict[str, str] = {}
            for key, level in declared.items():
                if self._collection_ref(dim, key, s.mark_of(dim, key), address, label):
                    want[key] = level
            have: dict[str, str] = dict(getattr(found.sharing, dim)) if found is not None else {}
            for key in sorted(set(want) | set(have)):
                if key in declared and key not in want:
                    continue  # an unresolved reference: reported above
                if dim == "users" and key in self.inactive:
                    continue
                old_level = have.get(key)
                new_level = level_or_none(want.get(key))
                if new_level == old_level:
                    continue
                gone = f"{dim}\x00{key}" in s.expired  # its expires: passed (docs/expiry.md)
                if additive and not gone and not _collection_raises(old_level, new_level):
                    continue
                if (
                    dim == "users"
                    and key == creator
                    and not _collection_raises(old_level, new_level)
                ):
                    if key in declared:
                        self.warn(
                            address,
                            "creator_access",
                            f"{label}: {key} created it; the creator's own access is never"
                            " lowered or removed (the manifest's level is ignored)",
                            s.mark_of("users", key),
                        )
                    continue
                fields.append(
                    FieldChange(f"sharing.{dim}", old_level, new_level, key=key, expired=gone)
                )
                deps.extend(self._principal_dep(dim, key))
        return fields, deps

    def _collection_ref(self, dim: str, key: str, mark: Mark, address: str, label: str) -> bool:
        """Whether a principal a collection's sharing names can be written (else reported)."""
        if dim == "users":
            self.mentioned_users.add(key)
            if key in self.inactive:
                self._inactive_reference(address, label, key, mark)
                return False
            if key not in self.live.users:
                self.problem(
                    address, f"{label}: {key} is not an active user of this workspace", mark
                )
                return False
            return True
        if key in self.absent_groups:
            self.problem(address, f"{label}: group '{key}' is declared 'ensure: absent'", mark)
            return False
        if key not in self.known_groups:
            self.problem(
                address, f"{label}: group '{key}' is neither a live group nor declared", mark
            )
            return False
        return True

    def _unknown_levels(self, c: Collection, address: str, label: str) -> None:
        s = c.sharing
        assert s is not None
        entries = [("workspace", "", s.workspace)] if s.workspace is not None else []
        for dim in ("users", "groups"):
            entries += [(dim, k, v) for k, v in (getattr(s, dim) or {}).items()]
        known = ", ".join(sorted(COLLECTION_LEVELS))
        for dim, key, level in entries:
            if not collection_level_known(level):
                where = f"sharing.{dim}" + (f"[{key}]" if key else "")
                self.warn(
                    address,
                    "unknown_collection_level",
                    f"{label}: {where} is '{level}', not a collection level hexsync knows"
                    f" ({known}); it is written to Hex as it is",
                    s.mark_of(dim, key),
                )

    def _collection_by_id(self, ident: str) -> LiveCollection | None:
        by_id = self.live.collections_by_id
        return by_id.get(ident) or by_id.get(ident.lower())

    # ---------------------------------------------------------------- groups

    def _group_note(self, name: str, members: frozenset[str] | None) -> str:
        shared = self.group_projects.get(name, 0)
        who = "members not read" if members is None else plural(len(members), "member")
        collections = self.group_collections.get(name, 0)
        more = f" and {plural(collections, 'collection')}" if collections else ""
        return f"{who}; shared on {plural(shared, 'project')}{more}"

    def groups(self) -> None:
        live, policy = self.live, self.policy
        declared = {g.name for g in self.d.groups}
        self.known_groups = {g.name for g in self.d.groups if g.ensure is Ensure.PRESENT}
        self.known_groups.update(n for n in live.groups if n not in declared)
        for g in self.d.groups:
            address = _address(Kind.GROUP, g.name)
            found = live.groups.get(g.name)
            if g.ensure is Ensure.ABSENT:
                if found is not None:
                    note = self._group_note(g.name, found.members)
                    self.add(
                        Change(Kind.GROUP, Action.DELETE, g.name, found.id, note=note, mark=g.mark)
                    )
                continue
            want = g.members
            if want is not None:
                self.mentioned_users.update(want)
                for email in sorted(want & self.inactive):
                    self._inactive_reference(
                        address, f"group '{g.name}'", email, g.member_marks.get(email, g.mark)
                    )
                want = want - self.inactive
                unknown = sorted(e for e in want if e not in live.users)
                for email in unknown:
                    self.problem(
                        address,
                        f"group '{g.name}': {email} is not an active user of this workspace"
                        + self._not_active_hint(email),
                        g.member_marks.get(email, g.mark),
                    )
                want = frozenset(e for e in want if e in live.users)
            if found is None:
                fields = tuple(
                    FieldChange("members", None, "member", key=e) for e in sorted(want or ())
                )
                deps = [d for e in sorted(want or ()) for d in self.user_dep(e)]
                self.add(Change(Kind.GROUP, Action.CREATE, g.name, None, fields, mark=g.mark), deps)
                continue
            if want is None:
                continue
            # A member the manifests declare but deactivate is left alone (warned above); one they
            # leave out is removed like anyone else, before the deactivation.
            have = (found.members or frozenset()) - (self.inactive & (g.members or frozenset()))
            adds = sorted(want - have)
            # A member whose expires: passed leaves even an additive list (docs/expiry.md).
            removes = sorted(
                have - want if g.members_mode is Mode.AUTHORITATIVE else have & g.expired_members
            )
            gone = g.expired_members
            fields = tuple(
                sorted(
                    [FieldChange("members", None, "member", key=e) for e in adds]
                    + [
                        FieldChange("members", "member", None, key=e, expired=e in gone)
                        for e in removes
                    ],
                    key=lambda f: f.key or "",
                )
            )
            if fields:
                deps = [d for e in sorted({*adds, *removes}) for d in self.user_dep(e)]
                self.add(
                    Change(Kind.GROUP, Action.UPDATE, g.name, found.id, fields, mark=g.mark), deps
                )
        if policy.prune_groups:
            for name, found in live.groups.items():
                if name in declared or name in policy.protect_groups or is_lock_name(name):
                    continue  # a group of an apply lock's name is never deleted (plan warns)
                note = self._group_note(name, found.members)
                self.add(Change(Kind.GROUP, Action.DELETE, name, found.id, note=note))

    # ---------------------------------------------------------------- users

    def users(self) -> None:
        live, policy = self.live, self.policy
        for u in self.d.users:
            self.mentioned_users.add(u.email)
            found = live.users.get(u.email)
            address = _address(Kind.USER, u.email)
            if not u.active:
                if found is not None:
                    self.add(Change(Kind.USER, Action.DEACTIVATE, u.email, found.id, mark=u.mark))
                # Not listed live: already deactivated (or never here). Nothing to do.
            elif found is None:
                self.warn(
                    address,
                    "user_not_active",
                    f"user {u.email} is declared active but is not an active user of this"
                    " workspace; hexsync cannot create or re-activate users (invite them in Hex)",
                    u.mark,
                )
        if policy.prune_users:
            listed = {u.email for u in self.d.users}
            for email, found in live.users.items():
                if email in listed or email in policy.protect_users:
                    continue
                if email == live.me_email:
                    self.warn(
                        _address(Kind.USER, email),
                        "prune_self",
                        f"policy.prune.users would deactivate {email}, the token's own user;"
                        " left active (list it under users)",
                        self.policy.mark,
                    )
                    continue
                self.add(Change(Kind.USER, Action.DEACTIVATE, email, found.id))
        self.mentioned_users.update(policy.protect_users)

    # ---------------------------------------------------------------- projects

    def projects(self) -> None:
        owners: dict[str, Project] = {}
        for p in self.d.projects:
            ok, found = self._match(p)
            if not ok:
                continue
            if found is not None:
                first = owners.get(found.id)
                if first is not None:
                    self.problem(
                        _address(Kind.PROJECT, found.id),
                        f"project '{p.key}' is the same live project ({found.id}) as"
                        f" '{first.key}' declared at {first.mark}",
                        p.mark,
                    )
                    continue
                owners[found.id] = p
                self.matched_projects.add(found.id)
            self._check_refs(p, found)
            if found is None:
                self._create(p)
            else:
                self._update(p, found)

    def _match(self, p: Project) -> tuple[bool, LiveProject | None]:
        """(resolved, the live project ``p`` names or None when it is new)."""
        live = self.live
        if p.id is not None:
            # Ids are UUIDs: Hex writes them in lower case, a manifest may not.
            found = live.projects.get(p.id) or live.projects.get(p.id.lower())
            if found is None:
                self.problem(
                    _address(Kind.PROJECT, p.id),
                    f"project '{p.key}': id {p.id} is not a project this token can see",
                    p.mark,
                )
                return False, None
            return True, found
        title = p.title or ""
        # A manifest title has no stray spaces (the schema says so); a live one may. Creating a
        # second project because of a trailing space would be irreversible (no delete in the API).
        matches = live.projects_by_title.get(title) or live.projects_by_stripped_title.get(
            title, ()
        )
        if len(matches) > 1:
            ids = ", ".join(sorted(m.id for m in matches))
            self.problem(
                _address(Kind.PROJECT, title),
                f"project '{title}': {len(matches)} live projects have this title ({ids});"
                " pin the one you mean with id:",
                p.mark,
            )
            return False, None
        return True, (matches[0] if matches else None)

    def _check_refs(self, p: Project, found: LiveProject | None) -> None:
        s = p.sharing
        if s is None:
            return
        address = _address(Kind.PROJECT, found.id if found else p.key)
        label = f"project '{found.title if found else p.key}'"
        for email in s.users or {}:
            self.mentioned_users.add(email)
            if email in self.inactive:
                self._inactive_reference(address, label, email, s.mark_of("users", email))
            elif email not in self.live.users:
                self.problem(
                    address,
                    f"{label}: {email} is not an active user of this workspace"
                    + self._not_active_hint(email),
                    s.mark_of("users", email),
                )
        for name in s.groups or {}:
            if name in self.absent_groups:
                self.problem(
                    address,
                    f"{label}: group '{name}' is declared 'ensure: absent'",
                    s.mark_of("groups", name),
                )
            elif name not in self.known_groups:
                self.problem(
                    address,
                    f"{label}: group '{name}' is neither a live group nor declared"
                    + _close(name, self.known_groups),
                    s.mark_of("groups", name),
                )
        for name in s.collections or {}:
            if name not in self.known_collections:
                self.problem(
                    address,
                    f"{label}: collection '{name}' is neither a live collection nor declared"
                    + _close(name, self.known_collections),
                    s.mark_of("collections", name),
                )

    def _not_active_hint(self, email: str) -> str:
        """A close active email (a typo), else the fix for a user Hex deactivated (SCIM)."""
        close = did_you_mean(email, self.live.users, cutoff=0.85)
        if close is not None:
            return f"; {close}"
        return (
            f"; if Hex deactivated them (Directory Sync / SCIM does), declare"
            f" `- email: {email}` with `active: false` under users (their entries are then"
            " left out of the plan), or remove this reference"
        )

    def _check_status(self, address: str, p: Project) -> None:
        """A status Hex would refuse at apply is caught here (docs/plan.md "Statuses").

        Known: the statuses live projects carry, and ``policy.statuses``. An unknown one that
        is close to a known one (or declared statuses exist) is an error; otherwise the
        workspace's list cannot be known from the API, and a warning says so.
        """
        status = p.status
        declared = self.policy.statuses
        known = self.seen_statuses | (declared or set())
        if not isinstance(status, str) or status in known or status in self.judged_statuses:
            return
        # Said once per status: a rule may set it on thousands of projects.
        self.judged_statuses.add(status)
        hint = did_you_mean(status, sorted(known), cutoff=0.75)
        label = f"project '{p.key}'"
        if hint is not None or declared is not None:
            listed = ", ".join(repr(s) for s in sorted(known)) or "none"
            self.problem(
                address,
                f"{label}: status '{status}' is not a status of this workspace"
                f" (known: {listed}); {hint or 'add it to policy.statuses if Hex has it'}",
                p.mark,
            )
            return
        self.warn(
            address,
            "unknown_status",
            f"{label}: no live project has status '{status}' and policy.statuses is not"
            " declared, so hexsync cannot tell whether Hex knows it (the API lists no statuses);"
            " declare policy.statuses (export writes it) to have a typo caught here"
            " (said once for every project given this status)",
            p.mark,
        )

    def _inactive_reference(self, address: str, label: str, email: str, mark: Mark) -> None:
        state = "is still active" if email in self.live.users else "is not an active user"
        self.warn(
            address,
            "inactive_reference",
            f"{label}: {email} is declared 'active: false' under users ({state});"
            " this entry is left out of the plan, and their access is not changed here",
            mark,
        )

    def _create(self, p: Project) -> None:
        title = p.title or ""
        fields: list[FieldChange] = []
        if p.description is not None:
            fields.append(FieldChange("description", None, p.description))
        if isinstance(p.status, str):
            self._check_status(_address(Kind.PROJECT, p.key), p)
            fields.append(FieldChange("status", None, p.status))
        deps: list[Dep] = []
        if p.sharing is not None:
            more, deps = self._sharing(p, None, None)
            fields.extend(more)
        change = Change(
            Kind.PROJECT, Action.CREATE, title, None, _attributed(p, fields), mark=p.mark
        )
        self.add(change, deps)
        self._public(change.address, title, p, None)

    def _update(self, p: Project, found: LiveProject) -> None:
        address = _address(Kind.PROJECT, found.id)
        if p.id is not None and p.title is not None and p.title != found.title.strip():
            self.warn(
                address,
                "title_differs",
                f"project {found.id} is titled '{found.title}' in Hex, '{p.title}' in the"
                " manifests; the API cannot rename projects (rename it in Hex, or update the"
                " manifest)",
                p.mark,
            )
        if p.description is not None and p.description != (found.description or ""):
            self.warn(
                address,
                "description_differs",
                f"project '{found.title}' has another description in Hex; the API cannot change"
                " a project's description (descriptions are used on create only)",
                p.mark,
            )
        fields: list[FieldChange] = []
        if not isinstance(p.status, Unmanaged) and p.status != found.status:
            self._check_status(address, p)
            fields.append(FieldChange("status", found.status, p.status))
        deps: list[Dep] = []
        if p.sharing is not None:
            more, deps = self._sharing(p, found.sharing, found)
            fields.extend(more)
        if fields:
            self.add(
                Change(
                    Kind.PROJECT,
                    Action.UPDATE,
                    found.title,
                    found.id,
                    _attributed(p, fields),
                    mark=p.mark,
                ),
                deps,
            )
        self._public(address, found.title, p, found)

    def _public(self, address: str, name: str, p: Project, found: LiveProject | None) -> None:
        """Record a managed project that stays or becomes public (guardrails decide)."""
        have = found.sharing.public_web if found is not None else NO_ACCESS
        want = p.sharing.public_web if p.sharing is not None else None
        after = have
        if want is not None:
            additive = p.sharing is not None and p.sharing.mode_of("public_web") is Mode.ADDITIVE
            after = want.value if not additive or _rank(want.value) > _rank(have) else have
        if level_or_none(after) is not None:
            mark = p.sharing.mark_of("public_web") if p.sharing is not None else p.mark
            self.public.append(Public(address, name, after, mark))

    def _sharing(
        self, p: Project, have: LiveSharing | None, found: LiveProject | None
    ) -> tuple[list[FieldChange], list[Dep]]:
        s: Sharing | None = p.sharing
        assert s is not None
        fields: list[FieldChange] = []
        deps: list[Dep] = []
        for dim in SCALAR_DIMENSIONS:
            want = getattr(s, dim)
            if want is None:
                continue
            additive = s.mode_of(dim) is Mode.ADDITIVE
            old: str | None = getattr(have, dim) if have is not None else None
            new = want.value
            if have is None and want is Access.NONE:
                continue  # a new project starts with no access
            if new == old or (additive and _rank(new) <= _rank(old)):
                continue
            fields.append(FieldChange(f"sharing.{dim}", old, new))
        owner = found.owner if found is not None else None
        for dim in SET_DIMENSIONS:
            declared = getattr(s, dim)
            if declared is None:
                continue
            additive = s.mode_of(dim) is Mode.ADDITIVE
            want_map = {k: lv for k, a in declared.items() if (lv := _level(a)) is not None}
            have_map: dict[str, str] = {}
            if have is not None:
                have_map = dict(getattr(have, dim))
                if dim == "collections" and self.coll_rename:
                    have_map = {self.coll_rename.get(k, k): v for k, v in have_map.items()}
            if dim == "users":
                want_map = self._viewer_capped(p, found, want_map)
            for key in sorted(set(want_map) | set(have_map)):
                new_level, old_level = want_map.get(key), have_map.get(key)
                if dim == "users" and self._same_for_hex(key, new_level, old_level):
                    continue  # e.g. a Viewer's CAN_EDIT that Hex did not downgrade in storage
                if new_level == old_level or (dim == "users" and key in self.inactive):
                    continue
                if dim == "users" and key == owner:
                    if key in declared:
                        self.warn(
                            _address(Kind.PROJECT, found.id if found else p.key),
                            "owner_access",
                            f"project '{p.key}': {key} owns it; an owner's own access is never"
                            " changed (the manifest's level is ignored)",
                            s.mark_of("users", key),
                        )
                    continue
                gone = s.is_expired(dim, key)  # its expires: passed (docs/expiry.md)
                if additive and not gone and _rank(new_level) <= _rank(old_level):
                    continue
                if old_level is None and key not in self._known(dim):
                    continue  # an unknown name: reported by _check_refs
                if not self._principal_dep(dim, key) and key not in self._known(dim):
                    # Hex lists it in the sharing but not among its users / groups / collections
                    # (deactivated, or hidden from this token): apply has no id to write.
                    self.warn(
                        _address(Kind.PROJECT, found.id if found else p.key),
                        "unaddressable_access",
                        f"project '{p.key}': {dim} entry {key} ({old_level}) is not listed"
                        f" among the workspace's {dim}, so hexsync cannot change it; left as is",
                        s.mark_of(dim),
                    )
                    continue
                fields.append(
                    FieldChange(f"sharing.{dim}", old_level, new_level, key=key, expired=gone)
                )
                deps.extend(self._principal_dep(dim, key))
        return fields, deps

    def _role(self, email: str) -> str | None:
        user = self.live.users.get(email)
        return user.role if user is not None else None

    def _viewer_capped(
        self, p: Project, found: LiveProject | None, want: dict[str, str]
    ) -> dict[str, str]:
        """The declared user levels as Hex will hold them: a Viewer's are capped
        (``hexrules.capped``), with a warning, so the plan never shows a permanent diff."""
        s = p.sharing
        assert s is not None
        out: dict[str, str] = {}
        for email, level in want.items():
            role = self._role(email)
            held = capped(role, Access(level)).value
            if held != level and email not in self.inactive:
                self.warn(
                    _address(Kind.PROJECT, found.id if found else p.key),
                    "viewer_capped",
                    f"project '{p.key}': {email} is a Viewer in Hex (role {role}), whose access"
                    f" Hex caps at {held}; {level} is planned as {held} (give them another"
                    " workspace role to grant more)",
                    s.mark_of("users", email),
                )
            out[email] = held
        return out

    def _same_for_hex(self, email: str, new: str | None, old: str | None) -> bool:
        """Whether two levels give ``email`` the same access once Hex's Viewer cap applies."""
        if new is None or old is None or new == old:
            return False
        role = self._role(email)
        try:
            return capped(role, Access(new)) == capped(role, Access(old))
        except ValueError:  # a level this version of hexsync does not know: compare as is
            return False

    def _known(self, dim: str) -> set[str] | Mapping[str, object]:
        if dim == "users":
            return self.live.users
        return self.known_groups if dim == "groups" else self.known_collections

    def _principal_dep(self, dim: str, key: str) -> list[Dep]:
        if dim == "users":
            return self.user_dep(key)
        if dim == "groups":
            group = self.live.groups.get(key)
            return [(Kind.GROUP, group.id)] if group is not None else []
        ident = self.coll_id_of.get(key)
        if ident is None and key in self.live.collections and key not in self.coll_rename:
            ident = self.live.collections[key].id
        return [(Kind.COLLECTION, ident)] if ident is not None else []

    # ---------------------------------------------------------------- the rest

    def unmanaged(self) -> dict[str, tuple[str, ...]]:
        """Per kind, the names of the live objects the plan leaves alone (sorted)."""
        live, policy = self.live, self.policy
        declared_groups = {g.name for g in self.d.groups} | set(policy.protect_groups)
        managed_collections = set(self.coll_id_of.values())
        declared_collections = {c.name for c in self.d.collections}
        deactivated = {c.name for c in self.changes if c.action is Action.DEACTIVATE}
        out = {
            "collection": [
                c.name
                for c in live.collections.values()
                if c.id not in managed_collections and c.name not in declared_collections
            ],
            "group": []
            if policy.prune_groups
            else [name for name in live.groups if name not in declared_groups],
            "project": [
                project.title
                for pid, project in live.projects.items()
                if pid not in self.matched_projects and not project.hidden
            ],
            "user": [
                email
                for email in live.users
                if email not in self.mentioned_users and email not in deactivated
            ],
        }
        return {k: tuple(sorted(v, key=lambda n: (n.casefold(), n))) for k, v in out.items() if v}

    def public_unmanaged(self) -> None:
        if self.policy.allow_public_web:
            return
        for project in self.live.projects.values():
            if (
                project.id in self.matched_projects
                or level_or_none(project.sharing.public_web) is None
            ):
                continue
            if project.hidden:
                continue  # archived or trashed: listed only because a rule asked about them
            self.warn(
                _address(Kind.PROJECT, project.id),
                "public_unmanaged",
                f"project '{project.title}' ({project.id}) is shared to the public web"
                f" ({project.sharing.public_web}); no manifest manages it",
                None,
            )


def _attributed(p: Project, fields: Iterable[FieldChange]) -> tuple[FieldChange, ...]:
    """The fields, each naming the rule behind it when a rule compiled it in (provenance)."""
    if not p.provenance:
        return tuple(fields)
    return tuple(replace(f, rule=p.rule_of(f.path, f.key)) for f in fields)


def diff(desired: Desired, live: Live) -> Diff:
    """Compare ``desired`` with ``live``; see the module docstring for the rules."""
    d = _Differ(desired, live)
    d.groups()  # first: collections' sharing names groups
    d.collections()
    d.users()
    d.projects()
    d.public_unmanaged()
    unmanaged = d.unmanaged()
    return Diff(
        changes=tuple(d.changes),
        warnings=tuple(d.warnings),
        problems=tuple(d.problems),
        depends=d.depends,
        public=tuple(d.public),
        unmanaged={kind: len(names) for kind, names in unmanaged.items()},
        unmanaged_names=unmanaged,
    )
