"""Carry out a :class:`~hexsync.values.plan.Plan` through the Hex client; the only module that
writes.

``apply_plan(client, plan)`` executes the plan's changes in dependency order (docs/apply.md) and
returns an :class:`ApplyReport`; it never raises for a change that failed (that is what the
report is for), only for a bug or a broken connection to the workspace as a whole.

Phases, each awaited before the next; within a phase every change is its own asyncio task and
the client paces them:

1. collections and groups (create, rename, membership, collection sharing): so their ids exist
   and membership is right before any sharing refers to them; a collection whose sharing names
   a group the plan creates or renames waits for that group;
2. projects: create, then status and sharing on the new id; sharing upserts 25 principals per
   request (``NONE`` removes);
3. group deletions, after the sharing that stops referring to them;
4. user deactivations, last.

A change whose prerequisite failed (sharing with a group whose creation failed) is skipped with
the reason; independent changes go on. A create that timed out after it may have been committed
(:class:`~hexsync.hexapi.AmbiguousCreateError`) is read back by name first: found, it is
adopted; not found, it is created once more. Never twice the same group, collection or project.

Afterwards the objects touched are read again (listings, or GetProject for a few projects) and
every field the plan set is compared with what the workspace now says: a field that did not
take (the "perpetual diff") is reported by name.

Projects cannot be deleted through the API, so a duplicate is damage for good. Immediately
before each project create, the newest projects are read again (one page, newest first) and a
project that has the title by now is not created a second time; after an apply that created
projects, every title it created is counted once more in a full listing, and any title held by
two projects is reported with both ids (the report is then not ok: exit 4). Two applies are
kept apart by the lock in :mod:`hexsync.apply.lock`, which the CLI and the MCP server take.

Before a *saved* plan is applied, :func:`check_fresh` compares the plan's fingerprints with a
fresh read of the workspace and names every object and field that moved since.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Literal, Protocol, TypedDict

from hexsync.apply.verify import AlreadyAppliedError, already_applied
from hexsync.errors import GuardrailError, HexsyncError
from hexsync.hexapi import (
    AmbiguousCreateError,
    Collection,
    HexClient,
    NotFoundError,
    SharingError,
    SharingResult,
)
from hexsync.hexapi import Project as ApiProject
from hexsync.planning.planner import build_plan
from hexsync.planning.saved_plan import compare_changes, listed, reevaluate, uncovered
from hexsync.values.desired import Desired
from hexsync.values.live import Live, read_live
from hexsync.values.plan import (
    MEMBERS_PER_REQUEST,
    Action,
    Change,
    FieldChange,
    Kind,
    LiveRef,
    Plan,
    apply_phase,
    groups_made,
)

__all__ = [
    "ApplyReport",
    "Directory",
    "Outcome",
    "Progress",
    "StaleField",
    "Unconverged",
    "apply_plan",
    "check_fresh",
    "describe",
]

Status = Literal["done", "failed", "skipped"]
SHARING_SETS = {
    "sharing.users": Kind.USER,
    "sharing.groups": Kind.GROUP,
    "sharing.collections": Kind.COLLECTION,
}
FEW_PROJECTS = 3  # up to this many touched projects are re-read one by one, more by listing


def describe(change: Change) -> str:
    """How a change is named in progress lines and the report: ``project "Revenue" (0b3f6a51…)``."""
    text = f'{change.kind.value} "{change.name}"'
    if change.kind is Kind.PROJECT and change.id:
        text += f" ({change.id[:8]}…)"
    return text


_SIGN = {Action.CREATE: "+", Action.UPDATE: "~", Action.DELETE: "-", Action.DEACTIVATE: "-"}


@dataclass(frozen=True)
class Outcome:
    """What happened to one change of the plan."""

    change: Change
    status: Status
    reason: str = ""  # why it failed or was skipped; for a done change, a note (adopted …)
    id: str | None = None  # the object's id (a created object's new id)

    @property
    def address(self) -> str:
        return self.change.address

    @property
    def line(self) -> str:
        """``~ project "Revenue overview" (0b3f6a51…) … done``."""
        text = f"{_SIGN[self.change.action]} {describe(self.change)} … {self.status}"
        return f"{text}: {self.reason}" if self.reason else text

    @property
    def data(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "address": self.address,
            "kind": self.change.kind.value,
            "action": self.change.action.value,
            "name": self.change.name,
            "id": self.id or self.change.id,
            "status": self.status,
        }
        if self.reason:
            out["reason"] = self.reason
        return out


@dataclass(frozen=True)
class Unconverged:
    """A field apply wrote that the workspace does not show afterwards."""

    change: Change
    path: str
    key: str | None
    expected: str | None
    found: str | None

    @property
    def message(self) -> str:
        where = f'{self.path}["{self.key}"]' if self.key is not None else self.path
        return (
            f"{describe(self.change)}: {where} is {_show(self.found)} after apply, "
            f"expected {_show(self.expected)}"
        )

    @property
    def data(self) -> dict[str, Any]:
        return {
            "address": self.change.address,
            "path": self.path,
            "key": self.key,
            "expected": self.expected,
            "found": self.found,
        }


def _show(value: str | None) -> str:
    return "absent" if value is None else f'"{value}"'


@dataclass(frozen=True)
class ApplyReport:
    """Every change of the plan with its outcome, in plan order, and what the re-read found."""

    outcomes: tuple[Outcome, ...] = ()
    requests: int = 0  # API requests made, reads included
    writes: int = 0  # of which carried out the changes (retries and create read-backs included)
    seconds: float = 0.0
    unconverged: tuple[Unconverged, ...] = ()
    notes: tuple[str, ...] = ()  # warnings that are not failures (e.g. the re-read itself failed)
    duplicates: tuple[str, ...] = ()  # titles held by two projects or more after the apply

    def _with(self, status: Status) -> tuple[Outcome, ...]:
        return tuple(o for o in self.outcomes if o.status == status)

    @property
    def done(self) -> tuple[Outcome, ...]:
        return self._with("done")

    @property
    def failed(self) -> tuple[Outcome, ...]:
        return self._with("failed")

    @property
    def skipped(self) -> tuple[Outcome, ...]:
        return self._with("skipped")

    @property
    def ok(self) -> bool:
        """Everything done, and everything done reads back as planned."""
        return not self.failed and not self.skipped and not self.unconverged and not self.duplicates

    @property
    def summary(self) -> str:
        """``Apply complete: 5 done, 0 failed, 0 skipped · 9 writes, 4 reads in 4.1 s``."""
        head = "Apply complete" if self.ok else "Apply finished partially"
        if self.failed and not self.done:
            head = "Apply failed"  # nothing was carried out: not "partially"
        text = (
            f"{head}: {len(self.done)} done, {len(self.failed)} failed, "
            f"{len(self.skipped)} skipped · {self.writes} writes, "
            f"{self.requests - self.writes} reads in {self.seconds:.1f} s"
        )
        if self.unconverged:
            text += f" · {len(self.unconverged)} fields did not converge"
        if self.duplicates:
            text += f" · {len(self.duplicates)} duplicate project titles"
        return text

    @property
    def data(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "summary": {
                "done": len(self.done),
                "failed": len(self.failed),
                "skipped": len(self.skipped),
                "unconverged": len(self.unconverged),
                "requests": self.requests,
                "writes": self.writes,
                "seconds": round(self.seconds, 3),
            },
            "outcomes": [o.data for o in self.outcomes],
            "unconverged": [u.data for u in self.unconverged],
            "notes": list(self.notes),
            "duplicates": list(self.duplicates),
        }


@dataclass(frozen=True)
class Progress:
    """One change finished: ``position`` of ``total`` (1-based, in the order they finished)."""

    position: int
    total: int
    outcome: Outcome

    @property
    def line(self) -> str:
        return f"[{self.position}/{self.total}] {self.outcome.line}"


ProgressCallback = Callable[[Progress], None]


# ------------------------------------------------------------------------------------ ids


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


class LiveIds(Protocol):
    """What apply needs of a live read (``hexsync.values.live.Live``): objects with ids, by key.

    ``users`` by lower-cased email, ``groups`` and ``collections`` by name.
    """

    @property
    def users(self) -> Mapping[str, _HasId]: ...

    @property
    def groups(self) -> Mapping[str, _HasId]: ...

    @property
    def collections(self) -> Mapping[str, _HasId]: ...


@dataclass
class Directory:
    """Principal ids by email (lower-cased) and name, from a live read plus this run's creates."""

    users: dict[str, str] = field(default_factory=dict)
    groups: dict[str, str] = field(default_factory=dict)
    collections: dict[str, str] = field(default_factory=dict)

    @classmethod
    async def read(cls, client: HexClient) -> Directory:
        """Three listings (users, groups, collections): what a plan's principals need."""
        directory = cls()
        async for user in client.iter_users():
            directory.users[user.email.lower()] = user.id
        async for group in client.iter_groups():
            directory.groups[group.name] = group.id
        async for collection in client.iter_collections():
            directory.collections[collection.name] = collection.id
        return directory

    def lookup(self, kind: Kind, key: str) -> str | None:
        if kind is Kind.USER:
            return self.users.get(key.lower())
        if kind is Kind.GROUP:
            return self.groups.get(key)
        if kind is Kind.COLLECTION:
            return self.collections.get(key)
        return None

    def remember(self, kind: Kind, key: str, ident: str) -> None:
        if kind is Kind.GROUP:
            self.groups[key] = ident
        elif kind is Kind.COLLECTION:
            self.collections[key] = ident

    def reverse(self, kind: Kind) -> dict[str, str]:
        table = {Kind.USER: self.users, Kind.GROUP: self.groups, Kind.COLLECTION: self.collections}
        return {ident: key for key, ident in table.get(kind, {}).items()}


async def _directory_for(client: HexClient, live: LiveIds | Directory | None) -> Directory:
    if live is None:
        return await Directory.read(client)
    if isinstance(live, Directory):
        return live
    return Directory(
        users={email.lower(): u.id for email, u in live.users.items()},
        groups={name: g.id for name, g in live.groups.items()},
        collections={name: c.id for name, c in live.collections.items()},
    )


def _principals(change: Change) -> Iterable[tuple[Kind, str]]:
    """Every (kind, email or name) a change refers to and needs the id of."""
    if change.kind is Kind.USER:
        yield Kind.USER, change.name
    for f in change.fields:
        if f.key is None:
            continue
        if f.path == "members":
            yield Kind.USER, f.key
        elif f.path in SHARING_SETS:
            yield SHARING_SETS[f.path], f.key


# ------------------------------------------------------------------------------------ running


class _ChangeError(HexsyncError):
    """One change could not be carried out (the message says why); others go on."""


class _CreatedThenFailedError(_ChangeError):
    """The object was created (its id is known), then a later write of the same change failed.

    What depends on it goes on: the object exists and its id is known.
    """

    def __init__(self, ident: str, reason: str) -> None:
        super().__init__(f"created as {ident}, then: {reason}")
        self.ident = ident


class _OutcomeUnknownError(_ChangeError):
    """A create timed out and reading back to find out failed too: it may or may not exist."""


class _Skip(Exception):  # noqa: N818 - control flow, never escapes this module
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _phase(change: Change, new_groups: frozenset[str] = frozenset()) -> int:
    return apply_phase(change, new_groups)


class _Run:
    def __init__(
        self,
        client: HexClient,
        plan: Plan,
        directory: Directory,
        progress: ProgressCallback | None,
    ) -> None:
        self.client = client
        self.plan = plan
        self.directory = directory
        self.progress = progress
        self.outcomes: dict[int, Outcome] = {}
        self.failed_creates: dict[tuple[Kind, str], str] = {}
        self.finished = 0
        self.rereads = 0  # requests of the re-reads before project creates (reads, not writes)

    async def run(self) -> tuple[Outcome, ...]:
        phases: dict[int, list[int]] = {}
        new_groups = groups_made(self.plan.changes)
        for index, change in enumerate(self.plan.changes):
            phases.setdefault(_phase(change, new_groups), []).append(index)
        for number in sorted(phases):
            await asyncio.gather(*(self._one(i) for i in phases[number]))
        return tuple(self.outcomes[i] for i in range(len(self.plan.changes)))

    async def _one(self, index: int) -> None:
        change = self.plan.changes[index]
        try:
            gone = self.client.unreachable
            if gone is not None:  # the circuit breaker is open: say so, do not pile on
                raise _Skip(f"not attempted: {gone}")
            self._check_prerequisites(change)
            ident, note = await self._execute(change)
            outcome = Outcome(change, "done", note, ident)
        except _Skip as skip:
            outcome = Outcome(change, "skipped", skip.reason)
        except _CreatedThenFailedError as exc:
            outcome = Outcome(change, "failed", _reason(exc), exc.ident)
        except HexsyncError as exc:
            self._block_dependents(change, exc)
            outcome = Outcome(change, "failed", _reason(exc))
        except Exception as exc:  # a bug must not abort the other changes mid-plan
            error = HexsyncError(
                f"internal error: {type(exc).__name__}: {exc}",
                hint="a bug in hexsync, please report it; plan again to see what is left",
            )
            self._block_dependents(change, error)
            outcome = Outcome(change, "failed", _reason(error))
        self.outcomes[index] = outcome
        self.finished += 1
        if self.progress is not None:
            self.progress(Progress(self.finished, len(self.plan.changes), outcome))

    def _block_dependents(self, change: Change, exc: HexsyncError) -> None:
        """Remember why the name this change was to bring about has no id: a failed create, or
        a failed rename (sharing by the new name would otherwise fail as "no such …")."""
        message = _one_line(exc.message)
        if change.action is Action.CREATE:
            if isinstance(exc, _OutcomeUnknownError):
                why = f"may or may not have been created: {message}"
            else:
                why = f"was not created: {message}"
            self.failed_creates[(change.kind, change.name)] = why
        elif change.action is Action.UPDATE:
            renamed = _scalar(change, "name")
            if renamed is not None and renamed.new is not None:
                self.failed_creates[(change.kind, renamed.new)] = f"was not renamed: {message}"

    def _check_prerequisites(self, change: Change) -> None:
        for kind, key in _principals(change):
            failed = self.failed_creates.get((kind, key))
            if failed is not None:
                raise _Skip(f'{kind.value} "{key}" {failed}')

    async def _execute(self, change: Change) -> tuple[str | None, str]:
        if change.kind is Kind.COLLECTION:
            return await self._collection(change)
        if change.kind is Kind.GROUP:
            if change.action is Action.DELETE:
                ident = self._existing_id(change)
                try:
                    await self.client.delete_group(ident)
                except NotFoundError:
                    # Deleted by someone else since the plan was read: absent, as planned.
                    return ident, "already gone"
                return ident, ""
            return await self._group(change)
        if change.kind is Kind.PROJECT:
            return await self._project(change)
        return await self._deactivate(change)

    def _existing_id(self, change: Change) -> str:
        ident = change.id or self.directory.lookup(change.kind, change.name)
        if ident is None:
            raise _ChangeError(f"{describe(change)} has no id and was not found in the workspace")
        return ident

    def _ids(self, kind: Kind, keys: Iterable[str]) -> dict[str, str]:
        """key → id for every key; unknown keys fail the change before anything is written."""
        out: dict[str, str] = {}
        missing: list[str] = []
        for key in keys:
            ident = self.directory.lookup(kind, key)
            if ident is None:
                missing.append(key)
            else:
                out[key] = ident
        if missing:
            raise _ChangeError(
                f"no such {kind.value} in the workspace: " + ", ".join(sorted(missing)),
                hint="run `hexsync plan` again: the workspace changed since the plan was made",
            )
        return out

    # ---------------------------------------------------------------- creates, read back

    async def _create(
        self,
        change: Change,
        make: Callable[[], Awaitable[str]],
        find: Callable[[], Awaitable[list[str]]],
    ) -> tuple[str, str]:
        """Create; after an unclear outcome read back by name: adopt what is there, else create
        again (each time only after a read-back found nothing), up to the client's attempts."""
        attempts = max(2, self.client.retry.max_attempts)
        for attempt in range(1, attempts + 1):
            try:
                return await make(), ""
            except AmbiguousCreateError as exc:
                unclear = exc
            try:
                found = await find()
            except HexsyncError as exc:
                raise _OutcomeUnknownError(
                    f"{unclear.message}; reading back to find out failed too: {exc.message}",
                    hint=f"the {change.kind.value} may exist now: run `hexsync apply` with the "
                    "manifests again, its plan reads what is there",
                ) from exc
            if len(found) == 1:
                return found[
                    0
                ], f"the create timed out after Hex committed it; adopted id {found[0]}"
            if len(found) > 1:
                raise _ChangeError(
                    f'{len(found)} {change.kind.value}s named "{change.name}" exist after a '
                    "create that timed out; hexsync will not pick one",
                    hint="remove the extra ones in Hex, then run apply again",
                )
            if attempt < attempts:
                # Read back and not there: nothing was created, so trying again cannot duplicate.
                await self.client.pause(self.client.retry.backoff(attempt))
        raise _ChangeError(
            f"{unclear.message}; tried {attempts} times, and each time reading back found "
            f'no {change.kind.value} named "{change.name}"',
            hint="nothing was created; run `hexsync apply` again later",
        )

    async def _collection(self, change: Change) -> tuple[str | None, str]:
        """CreateCollection with its sharing in one request; or one EditCollection carrying the
        rename, the description and every sharing upsert (Hex sets no per-request limit on
        collection sharing, unlike project sharing's 25)."""
        name_field = _scalar(change, "name")
        description_field = _scalar(change, "description")
        description = description_field.new if description_field is not None else None
        sharing = self._collection_upserts(change)
        if change.action is Action.CREATE:
            made: list[Collection] = []

            async def make() -> str:
                made.append(
                    await self.client.create_collection(
                        change.name, description=description, **sharing
                    )
                )
                return made[-1].id

            async def find() -> list[str]:
                return [c.id async for c in self.client.iter_collections() if c.name == change.name]

            ident, note = await self._create(change, make, find)
            self.directory.remember(Kind.COLLECTION, change.name, ident)
            try:
                if made:
                    problems = self._collection_refused(made[-1], sharing)
                else:
                    # Adopted after a timeout: the body may not have arrived whole. Write the
                    # sharing again (upserts are idempotent) and check Hex's answer to that.
                    problems = []
                    if any(v is not None for v in sharing.values()):
                        again = await self.client.edit_collection(ident, **sharing)
                        problems = self._collection_refused(again, sharing)
            except HexsyncError as exc:
                raise _CreatedThenFailedError(ident, _reason(exc)) from exc
            if problems:
                # The collection exists: what shares on it goes on; the next plan shows the rest.
                raise _CreatedThenFailedError(ident, "; ".join(problems))
            return ident, note
        ident = self._existing_id(change)
        if (
            name_field is None
            and description_field is None
            and not any(v for v in sharing.values())
        ):
            return ident, "nothing left to change"
        result = await self.client.edit_collection(
            ident,
            name=name_field.new if name_field is not None else None,
            # Hex has no "remove the description": an emptied one is written as "".
            description=(description or "") if description_field is not None else None,
            **sharing,
        )
        if name_field is not None and name_field.new is not None:
            self.directory.remember(Kind.COLLECTION, name_field.new, ident)
        problems = self._collection_refused(result, sharing)
        if problems:
            raise _ChangeError("; ".join(problems))
        return ident, ""

    def _collection_upserts(self, change: Change) -> _CollectionUpserts:
        """The sharing of a collection change as the client writes it: ids → level, ``NONE``
        removing. A grant to an unknown principal fails the change before anything is written;
        a removal of a user or group no longer listed (deactivated or deleted meanwhile) is
        already done."""
        access: dict[Kind, dict[str, str]] = {}
        for kind, path in ((Kind.USER, "sharing.users"), (Kind.GROUP, "sharing.groups")):
            fields = [f for f in change.fields_at(path) if f.key]
            grants = self._ids(kind, [f.key for f in fields if f.key and f.new is not None])
            out = {grants[f.key]: f.new for f in fields if f.key and f.new is not None}
            for f in fields:
                ident = self.directory.lookup(kind, f.key or "") if f.new is None else None
                if ident is not None:
                    out[ident] = "NONE"
            access[kind] = out
        user_access, group_access = access[Kind.USER], access[Kind.GROUP]
        workspace = _scalar(change, "sharing.workspace")
        members = (workspace.new or "NONE") if workspace is not None else None
        if change.action is Action.CREATE and members == "NONE":
            members = None  # a new collection is not shared with the workspace anyway
        return {
            "user_access": user_access or None,
            "group_access": group_access or None,
            "workspace_members": members,
        }

    def _collection_refused(self, result: Collection, sharing: _CollectionUpserts) -> list[str]:
        """The sharing entries Hex did not take, read from its answer: an ``errors`` list if it
        sends one (as for project sharing), and any entry the returned collection does not show
        at the level written. Hex's spec documents neither for collections; both mean failure."""
        problems: list[str] = []
        users = self.directory.reverse(Kind.USER)
        groups = self.directory.reverse(Kind.GROUP)
        errors = [SharingError.from_api(e) for e in _error_list(result.raw)]
        problems.extend(refused_entries("sharing", errors, {**groups, **users}))
        now = result.sharing
        checks: list[tuple[str, Mapping[str, str] | None, Mapping[str, str], dict[str, str]]] = [
            ("sharing.users", sharing["user_access"], now.users, users),
            ("sharing.groups", sharing["group_access"], now.groups, groups),
        ]
        for path, written, found, names in checks:
            for ident, level in sorted((written or {}).items()):
                got = found.get(ident) or found.get(ident.lower()) or "NONE"
                if got != level:
                    problems.append(
                        f"{path} {names.get(ident, ident)}: Hex answered {got}, not {level}"
                    )
        members = sharing["workspace_members"]
        if members is not None and (now.workspace_members or "NONE") != members:
            problems.append(
                f"sharing.workspace: Hex answered {now.workspace_members or 'NONE'}, not {members}"
            )
        return problems

    async def _group(self, change: Change) -> tuple[str | None, str]:
        members = change.fields_at("members")
        add_ids = self._ids(Kind.USER, [f.key for f in members if f.key and f.new is not None])
        # A member to remove who is no longer listed (deactivated meanwhile) is already gone.
        remove_ids = [
            ident
            for f in members
            if f.key and f.new is None
            if (ident := self.directory.lookup(Kind.USER, f.key)) is not None
        ]
        adds = sorted(add_ids.values())
        if change.action is Action.CREATE:
            first, rest = adds[:MEMBERS_PER_REQUEST], adds[MEMBERS_PER_REQUEST:]

            async def make() -> str:
                made = await self.client.create_group(change.name, member_ids=first)
                return made.id

            async def find() -> list[str]:
                return [g.id async for g in self.client.iter_groups() if g.name == change.name]

            ident, note = await self._create(change, make, find)
            self.directory.remember(Kind.GROUP, change.name, ident)
            try:
                if note:
                    # Adopted: make sure the first members made it too (the body may have been
                    # cut).
                    have = {u.id async for u in self.client.iter_users(group_id=ident)}
                    rest = [i for i in adds if i not in have]
                if rest:
                    await self.client.edit_group(ident, add=rest)
            except HexsyncError as exc:
                # The group exists: sharing with it goes on; the next plan adds who is missing.
                raise _CreatedThenFailedError(ident, _reason(exc)) from exc
            return ident, note
        ident = self._existing_id(change)
        name_field = _scalar(change, "name")
        new_name = name_field.new if name_field is not None else None
        if new_name is None and not adds and not remove_ids:
            return ident, "nothing left to change"
        await self.client.edit_group(ident, name=new_name, add=adds, remove=sorted(remove_ids))
        if new_name is not None:
            self.directory.remember(Kind.GROUP, new_name, ident)
        return ident, ""

    async def _project(self, change: Change) -> tuple[str | None, str]:
        # Resolve every principal first: an unknown one fails the change before any write.
        targets = {
            path: self._ids(kind, [f.key for f in change.fields_at(path) if f.key is not None])
            for path, kind in SHARING_SETS.items()
        }
        note = ""
        if change.action is Action.CREATE:
            description_field = _scalar(change, "description")

            async def make() -> str:
                await self._refuse_if_titled(change)
                made = await self.client.create_project(
                    change.name,
                    description=description_field.new if description_field is not None else None,
                )
                return made.id

            async def find() -> list[str]:
                return [p.id async for p in self.client.iter_projects() if p.title == change.name]

            ident, note = await self._create(change, make, find)
        else:
            ident = self._existing_id(change)
        try:
            await self._project_settings(change, ident, targets)
        except HexsyncError as exc:
            if change.action is Action.CREATE:
                # Say so: the project exists now, and the next plan will treat it as an update.
                raise _CreatedThenFailedError(ident, _reason(exc)) from exc
            raise
        return ident, note

    async def _refuse_if_titled(self, change: Change) -> None:
        """Read the newest projects again just before creating one: a project that has the
        title by now (another apply, someone in the UI) is not created twice. One page, newest
        first: more than 100 projects created meanwhile would hide it, and the check after the
        apply would report the duplicate."""
        self.rereads += 1  # (a retry of it would count as a write: rare, and only a count)
        page = await self.client.list_projects(
            limit=100, sort_by="CREATED_AT", sort_direction="DESC", include_archived=True
        )
        same = sorted(p.id for p in page.values if p.title == change.name)
        if same:
            raise _ChangeError(
                f'a project titled "{change.name}" exists now (id {same[0]}), created since the '
                "plan read the workspace; not created a second time",
                hint="plan again: the new plan treats it as the existing project",
            )

    async def _project_settings(
        self, change: Change, ident: str, targets: Mapping[str, Mapping[str, str]]
    ) -> None:
        """Status, then workspace and public web, then each sharing set (25 per request).

        Each part is written even when an earlier one failed (they are independent); every
        failure is named by its field: ``status: UpdateProject: … (HTTP 400)``.
        """
        problems: list[str] = []
        status = _scalar(change, "status")
        workspace = _scalar(change, "sharing.workspace")
        public_web = _scalar(change, "sharing.public_web")
        if status is not None and (change.action is Action.UPDATE or status.new is not None):
            try:
                await self.client.update_project(ident, status=status.new)
            except HexsyncError as exc:
                problems.append(f"status: {_reason(exc)}")
        if workspace is not None or public_web is not None:
            label = " and ".join(p.path for p in (workspace, public_web) if p is not None)
            try:
                result = await self.client.edit_project_sharing_workspace_and_public(
                    ident,
                    workspace=(workspace.new or "NONE") if workspace is not None else None,
                    public_web=(public_web.new or "NONE") if public_web is not None else None,
                )
            except HexsyncError as exc:
                problems.append(f"{label}: {_reason(exc)}")
            else:
                problems.extend(refused_entries(label, result.errors))
        edits: dict[str, Callable[[str, Mapping[str, str]], Awaitable[SharingResult]]] = {
            "sharing.users": self.client.edit_project_sharing_users,
            "sharing.groups": self.client.edit_project_sharing_groups,
            "sharing.collections": self.client.edit_project_sharing_collections,
        }
        for path, edit in edits.items():
            fields = change.fields_at(path)
            if not fields:
                continue
            ids = targets[path]
            access = {ids[f.key]: f.new or "NONE" for f in fields if f.key is not None}
            try:
                result = await edit(ident, access)
            except HexsyncError as exc:
                problems.append(f"{path}: {_reason(exc)}")
                continue
            names = self.directory.reverse(SHARING_SETS[path])
            problems.extend(refused_entries(path, result.errors, names))
        if problems:
            raise _ChangeError("; ".join(problems))

    async def _deactivate(self, change: Change) -> tuple[str | None, str]:
        ident = change.id or self.directory.lookup(Kind.USER, change.name)
        if ident is None:
            # Deactivated users are not listed: one that is gone already needs nothing.
            return None, "not listed as an active user: already deactivated"
        await self.client.deactivate_user(ident)
        return ident, ""


# EditProjectSharingOrgAndPublic names a refused entry by ``type``; the plan by its field.
_SCALAR_PATHS = {"workspace": "sharing.workspace", "publicWeb": "sharing.public_web"}


def refused_entries(
    path: str, errors: Iterable[SharingError], names: Mapping[str, str] | None = None
) -> list[str]:
    """The entries of a sharing write that Hex answered 200 but did not apply (partial success:
    the answer's ``errors``), one line each with Hex's reason, e.g.
    ``sharing.users carol@acme.com: Hex refused it: User is deactivated``.

    Every sharing write goes through here: a change with any such entry is failed (exit 4),
    never done. ``path`` is the plan field written; ``names`` maps the ids Hex returns back to
    the emails or names the plan uses.
    """
    lines = []
    for error in errors:
        if error.type is not None:
            where = _SCALAR_PATHS.get(error.type, f"sharing.{error.type}")
        else:
            who = ", ".join((names or {}).get(i, i) for i in error.ids)
            where = f"{path} {who}" if who else path
        lines.append(f"{where}: Hex refused it: {_one_line(error.reason)}")
    return lines


class _CollectionUpserts(TypedDict):
    user_access: dict[str, str] | None
    group_access: dict[str, str] | None
    workspace_members: str | None


def _error_list(raw: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    errors = raw.get("errors")
    if not isinstance(errors, list):
        return []
    return [e for e in errors if isinstance(e, Mapping)]


def _scalar(change: Change, path: str) -> FieldChange | None:
    found = change.fields_at(path)
    return found[0] if found else None


def _one_line(text: str) -> str:
    # A proxy's HTML error page or a multi-line message would break the report's lines.
    return " ".join(text.split())


def _reason(exc: HexsyncError) -> str:
    text = exc.message if not exc.hint else f"{exc.message} ({exc.hint})"
    return _one_line(text)


# ------------------------------------------------------------------------------------ verify


async def _verify(
    client: HexClient, outcomes: Sequence[Outcome], directory: Directory
) -> list[Unconverged]:
    """Re-read what was done and compare every field the plan set with what Hex now says."""
    done = [o for o in outcomes if o.status == "done"]
    found: list[Unconverged] = []
    projects = [o for o in done if o.change.kind is Kind.PROJECT and o.id]
    if projects:
        found.extend(await _verify_projects(client, projects))
    groups = [o for o in done if o.change.kind is Kind.GROUP]
    collections = [o for o in done if o.change.kind is Kind.COLLECTION]
    if groups:
        found.extend(await _verify_groups(client, groups))
    if collections:
        live = {c.id: c async for c in client.iter_collections()}
        for o in collections:
            now = live.get(o.id or "")
            for f in o.change.fields:
                value = None if now is None else _collection_value(now, f, directory)
                if f.path.startswith("sharing."):
                    if not _same(f, value):
                        found.append(Unconverged(o.change, f.path, f.key, f.new, value))
                elif (value or None) != (f.new or None):
                    found.append(Unconverged(o.change, f.path, None, f.new, value))
    return found


def _collection_value(now: Collection, f: FieldChange, directory: Directory) -> str | None:
    """A collection's field as Hex reads it now; sharing keys by email (lower) or group name."""
    if f.path == "name":
        return now.name
    if f.path == "description":
        return now.description
    if f.path == "sharing.workspace":
        return now.sharing.workspace_members
    kind, table = (
        (Kind.USER, now.sharing.users)
        if f.path == "sharing.users"
        else (Kind.GROUP, now.sharing.groups)
    )
    names = directory.reverse(kind)
    by_name = {names.get(i.lower(), names.get(i, i)): level for i, level in table.items()}
    key = (f.key or "").lower() if kind is Kind.USER else (f.key or "")
    return by_name.get(key)


async def _verify_projects(client: HexClient, outcomes: Sequence[Outcome]) -> list[Unconverged]:
    wanted = {o.id for o in outcomes if o.id}
    live: dict[str, ApiProject] = {}
    if len(wanted) <= FEW_PROJECTS:
        for ident in sorted(wanted):
            live[ident] = await client.get_project(ident, include_sharing=True)
    else:
        async for listed in client.iter_projects(
            include_sharing=True, include_archived=True, include_trashed=True
        ):
            if listed.id in wanted:
                live[listed.id] = listed
    found: list[Unconverged] = []
    for o in outcomes:
        project = live.get(o.id or "")
        for f in o.change.fields:
            if f.path == "description":
                continue  # set on create only, and not part of what apply manages afterwards
            value = _project_value(project, f) if project is not None else None
            if not _same(f, value):
                found.append(Unconverged(o.change, f.path, f.key, f.new, value))
    return found


async def _duplicate_titles(client: HexClient, outcomes: Sequence[Outcome]) -> list[str]:
    """Each title this apply created that more than one project holds now, with the ids."""
    created = {
        o.change.name
        for o in outcomes
        if o.change.kind is Kind.PROJECT and o.change.action is Action.CREATE and o.id
    }
    if not created:
        return []
    ids: dict[str, list[str]] = {}
    async for project in client.iter_projects(include_archived=True):
        if project.title in created:
            ids.setdefault(project.title, []).append(project.id)
    return [
        f'project title "{title}" is held by {len(found)} projects: ids {", ".join(sorted(found))}'
        for title, found in sorted(ids.items())
        if len(found) > 1
    ]


def _project_value(project: ApiProject, f: FieldChange) -> str | None:
    sharing = project.sharing
    if f.path == "status":
        return project.status
    if f.path == "name":
        return project.title
    if sharing is None:
        return None
    if f.path == "sharing.workspace":
        return sharing.workspace
    if f.path == "sharing.public_web":
        return sharing.public_web
    table: Mapping[str, str] = {}
    key = f.key or ""
    if f.path == "sharing.users":
        table = {email.lower(): access for email, access in sharing.users.items()}
        key = key.lower()
    elif f.path == "sharing.groups":
        table = sharing.groups
    elif f.path == "sharing.collections":
        table = sharing.collections
    return table.get(key)


def _same(f: FieldChange, value: str | None) -> bool:
    if f.path.startswith("sharing."):
        # Absent and NONE are the same access.
        return (value or "NONE") == (f.new or "NONE")
    return value == f.new


async def _verify_groups(client: HexClient, outcomes: Sequence[Outcome]) -> list[Unconverged]:
    live = {g.id: g async for g in client.iter_groups()}
    found: list[Unconverged] = []
    for o in outcomes:
        ident = o.id or ""
        if o.change.action is Action.DELETE:
            if ident in live:
                found.append(Unconverged(o.change, "ensure", None, "absent", "present"))
            continue
        group = live.get(ident)
        if group is None:
            found.append(Unconverged(o.change, "ensure", None, "present", "absent"))
            continue
        name = _scalar(o.change, "name")
        if name is not None and name.new is not None and group.name != name.new:
            found.append(Unconverged(o.change, "name", None, name.new, group.name))
        members = o.change.fields_at("members")
        if members:
            have = {u.email.lower() async for u in client.iter_users(group_id=ident)}
            for f in members:
                key = (f.key or "").lower()
                is_member = key in have
                if is_member != (f.new is not None):
                    found.append(
                        Unconverged(
                            o.change, "members", f.key, f.new, "member" if is_member else None
                        )
                    )
    return found


# ------------------------------------------------------------------------------------ public


async def apply_plan(
    client: HexClient,
    plan: Plan,
    *,
    live: LiveIds | Directory | None = None,
    progress: ProgressCallback | None = None,
    verify: bool = True,
) -> ApplyReport:
    """Carry out ``plan`` and say what happened; see the module docstring for the order.

    ``live`` is the read the plan was made from (ids of principals come from it); without it
    apply lists users, groups and collections once. Refuses a plan with refusals
    (:class:`~hexsync.errors.GuardrailError`): check freshness first for a saved plan.
    """
    if plan.refusals:
        raise GuardrailError(
            "the plan was refused and is never applied: "
            + "; ".join(r.message for r in plan.refusals)
        )
    started = time.monotonic()
    requests_before = client.counters.total_requests
    directory = await _directory_for(client, live)
    writes_before = client.counters.total_requests
    run = _Run(client, plan, directory, progress)
    outcomes = await run.run()
    writes = client.counters.total_requests - writes_before - run.rereads
    unconverged: list[Unconverged] = []
    notes: list[str] = []
    gone = client.unreachable
    if gone is not None:
        notes.append(
            f"stopped early: {gone}. Changes marked done were made; the failed and skipped "
            "ones were not, or (a create that failed without an answer) may have been: "
            "run `hexsync apply` with the manifests again once the API answers"
        )
    duplicates: list[str] = []
    if verify and gone is None and any(o.status == "done" for o in outcomes):
        try:
            unconverged = await _verify(client, outcomes, directory)
            duplicates = await _duplicate_titles(client, outcomes)
        except HexsyncError as exc:
            notes.append(f"could not read the workspace back to check the result: {exc.message}")
    return ApplyReport(
        outcomes=outcomes,
        requests=client.counters.total_requests - requests_before,
        writes=writes,
        seconds=time.monotonic() - started,
        unconverged=tuple(unconverged),
        notes=tuple(notes),
        duplicates=tuple(duplicates),
    )


# ------------------------------------------------------------------------------------ stale


class LiveRefs(Protocol):
    """A fresh read of the workspace that can say how it sees an object now."""

    def ref(self, kind: Kind, ident: str) -> LiveRef | None: ...


@dataclass(frozen=True)
class StaleField:
    """One way the workspace moved since the plan was made."""

    ref: LiveRef | None
    message: str


def check_fresh(
    plan: Plan,
    now: LiveRefs,
    *,
    org_id: str,
    existing: Mapping[Kind, Iterable[str]] | None = None,
) -> list[StaleField]:
    """Every object and field that moved since ``plan`` was made (empty: the plan still holds).

    ``now`` is a fresh read covering the plan's objects; ``org_id`` the workspace the client
    is on; ``existing`` the names (titles for projects) that exist now, so that a create whose
    object has appeared meanwhile (someone else, or an interrupted apply) is caught too.
    """
    stale: list[StaleField] = []
    if org_id != plan.workspace.org_id:
        stale.append(
            StaleField(
                None,
                f"the plan was made for workspace {plan.workspace.org_id}, "
                f"but the token is for workspace {org_id}",
            )
        )
        return stale
    for ref in plan.relied:
        current = now.ref(ref.kind, ref.id)
        label = _ref_label(ref)
        if current is None:
            stale.append(StaleField(ref, f"{label}: no longer exists"))
            continue
        for name in ref.moved(current.fields):
            stale.append(StaleField(ref, f"{label}: {name} changed since the plan was made"))
    now_named = {kind: set(names) for kind, names in (existing or {}).items()}
    for change in plan.changes:
        if change.action is not Action.CREATE:
            continue
        if change.name in now_named.get(change.kind, ()):
            stale.append(
                StaleField(
                    None,
                    f"{describe(change)}: exists now, but the plan was to create it",
                )
            )
    return stale


def refuse_if_refused(plan: Plan) -> None:
    """Raise GuardrailError (exit 3) when a guardrail refused ``plan``: it is never applied."""
    if plan.refusals:
        lines = [f"  {r.message}" + (f" ({r.hint})" if r.hint else "") for r in plan.refusals]
        raise GuardrailError(
            "the plan is refused, nothing was applied:\n" + "\n".join(lines),
            hint="fix the manifests or the policy, then plan again",
        )


def refuse_if_stale(plan: Plan, live: Live) -> None:
    """Raise GuardrailError (exit 3) naming every object and field that moved since ``plan``."""
    existing = {
        Kind.GROUP: live.groups.keys(),
        Kind.COLLECTION: live.collections.keys(),
        Kind.PROJECT: live.projects_by_title.keys(),
    }
    stale = check_fresh(plan, live, org_id=live.org_id, existing=existing)
    if plan.workspace.full_visibility and not live.full_visibility and not stale:
        stale.append(
            StaleField(
                None,
                "the plan was made with a token that sees the whole workspace, but this token "
                "sees only what its user may see (not a workspace token, not an admin)",
            )
        )
    if stale and already_applied(plan, live):
        raise AlreadyAppliedError(
            "The saved plan is applied already (the workspace holds "
            + ("its one change" if len(plan.changes) == 1 else f"all {len(plan.changes)} changes")
            + "): nothing to do."
        )
    if stale:
        raise GuardrailError(
            "the saved plan is stale, nothing was applied:\n"
            + "\n".join(f"  {s.message}" for s in stale),
            hint="make a new plan (`hexsync plan --out plan.json`), review it, and apply that",
        )


async def apply_saved_plan(
    client: HexClient,
    plan: Plan,
    *,
    progress: ProgressCallback | None = None,
    desired: Desired | None = None,
    allow_destroy: bool = False,
) -> ApplyReport:
    """Apply a saved plan exactly as reviewed (``hexsync apply plan.json``).

    Refused plans are never applied, nor a change that no ``relied_on`` entry covers. Then the
    workspace is read once and, before the first write, the whole plan is refused
    (GuardrailError) when anything it relies on moved, or a guardrail refuses it again. With
    ``desired`` (``--manifests``) the plan is made again from the manifests, under their policy
    and ``allow_destroy``, and its changes must be the saved plan's; without, the guardrails
    run under the policy the plan carries. See docs/apply.md, "Threat model".
    """
    refuse_if_refused(plan)
    gaps = uncovered(plan)
    if gaps:
        raise GuardrailError(
            "the saved plan has changes that nothing it read covers, nothing was applied:\n"
            + listed(gaps),
            hint="the file was edited after `hexsync plan --out` made it: make a new plan",
        )
    # Members are read for the groups whose members the plan relied on, so they can be compared.
    groups = {r.name for r in plan.relied if r.kind is Kind.GROUP and "members" in r.fields}
    live = await read_live(client, desired, member_groups=groups, hidden=True)  # rules: archived
    refuse_if_stale(plan, live)
    if desired is not None:
        _refuse_unless_implied(plan, desired, live, allow_destroy, client.base_url)
    else:
        refuse_if_refused(replace(plan, refusals=reevaluate(plan, live)))
    return await apply_plan(client, plan, live=live, progress=progress)


def _refuse_unless_implied(
    plan: Plan, desired: Desired, live: Live, allow_destroy: bool, api_url: str
) -> None:
    """Plan again from the manifests; refuse unless the changes are the saved plan's."""
    fresh = build_plan(
        desired, live, allow_destroy=allow_destroy, target=plan.policy.target, api_url=api_url
    )
    refuse_if_refused(fresh)
    differ = compare_changes(plan, fresh)
    if differ:
        raise GuardrailError(
            "the saved plan is not what the manifests imply, nothing was applied:\n"
            + listed(differ),
            hint="apply the plan made from these manifests (`hexsync plan --out`), after review",
        )


def _ref_label(ref: LiveRef) -> str:
    if ref.kind is Kind.PROJECT:
        return f'project "{ref.name}" ({ref.id[:8]}…)'
    return f'{ref.kind.value} "{ref.name}"'
