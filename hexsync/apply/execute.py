"""Carry out a :class:`~hexsync.values.plan.Plan` through the Hex client; the only module that
writes.

``apply_plan(client, plan)`` executes the plan's changes in dependency order (docs/apply.md) and
returns an :class:`ApplyReport`; it never raises for a change that failed (that is what the
report is for), only for a bug or a broken connection to the workspace as a whole.

Every change is its own asyncio task and the client paces them; a change starts once the
changes it depends on have finished (:func:`~hexsync.values.plan.apply_stages`):

1. collections and groups (create, rename, membership, collection sharing): so their ids exist
   and membership is right before any sharing refers to them; a collection whose sharing names
   a group the plan creates or renames waits for that group;
2. projects: create, then status and sharing on the new id; sharing upserts 25 principals per
   request (``NONE`` removes). A project waits for the changes of the groups and collections its
   sharing names; one that names none of them runs beside step 1 (its user sharing is paced in
   its own rate-limit group, which would otherwise wait idle); data connections' sharing,
   one edit each (:mod:`hexsync.apply.connections`);
3. group deletions, after steps 1 and 2 (the sharing that stops referring to them);
4. user deactivations, last.

A change whose prerequisite failed (sharing with a group whose creation failed) is skipped with
the reason; independent changes go on. A create whose answer was lost
(:class:`~hexsync.hexapi.AmbiguousCreateError`) is read back by name first: found, it is
adopted. Not found proves nothing about a request Hex may still be carrying out (held at a busy
server or a proxy, it can land after the read-back): a group or collection is created once more
(Hex refuses a second one of the same name), but a project, whose title Hex does not keep
unique, is not: its outcome is reported unknown (``Outcome.unknown``) and the next plan, from a
new read, adopts it by title or creates it. Never twice the same group, collection or project.

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
from collections.abc import Awaitable, Callable, Iterable, Mapping
from typing import Any, TypedDict

from hexsync.apply.connections import write_connection
from hexsync.apply.directory import Directory, LiveIds, directory_for
from hexsync.apply.report import (
    ApplyReport,
    Outcome,
    Progress,
    ProgressCallback,
    Unconverged,
    describe,
)
from hexsync.apply.verify import duplicate_titles, read_back, scalar_field
from hexsync.errors import GuardrailError, HexsyncError
from hexsync.hexapi import (
    AmbiguousCreateError,
    Collection,
    HexClient,
    NotFoundError,
    SharingError,
    SharingResult,
)
from hexsync.values.hex_access import NO_ACCESS, level_or_no_access
from hexsync.values.kinds import Kind
from hexsync.values.plan import (
    MEMBERS_PER_REQUEST,
    Action,
    Change,
    Plan,
    apply_stages,
)

__all__ = [
    "apply_plan",
]

SHARING_SETS = {
    "sharing.users": Kind.USER,
    "sharing.groups": Kind.GROUP,
    "sharing.collections": Kind.COLLECTION,
}


# ------------------------------------------------------------------------------------ ids


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
        for stage in apply_stages(self.plan.changes):
            finished = {index: asyncio.Event() for index, _ in stage}
            await asyncio.gather(*(self._after(i, after, finished) for i, after in stage))
        return tuple(self.outcomes[i] for i in range(len(self.plan.changes)))

    async def _after(
        self, index: int, after: tuple[int, ...], finished: Mapping[int, asyncio.Event]
    ) -> None:
        """Carry out change ``index`` once every change in ``after`` has finished (done, failed
        or skipped: a failure is remembered, and :meth:`_check_prerequisites` skips on it)."""
        for before in after:
            await finished[before].wait()
        try:
            await self._one(index)
        finally:
            finished[index].set()

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
        except _OutcomeUnknownError as exc:
            self._block_dependents(change, exc)
            outcome = Outcome(change, "failed", _reason(exc), unknown=True)
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
            renamed = scalar_field(change, "name")
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
        if change.kind is Kind.CONNECTION:
            return await write_connection(self.client, change, self.directory)
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
        *,
        unique: bool,
    ) -> tuple[str, str]:
        """Create; after an unclear outcome read back by name: adopt what is there. Found nowhere,
        a name Hex keeps ``unique`` (groups, collections) is created again (each time only after
        a read-back found nothing, up to the client's attempts: a request Hex still carries out
        meanwhile makes the second one fail, never a duplicate); a project is not: its outcome
        is unknown until a later read."""
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
            if not unique:
                # Absent now is not absent for good: Hex may still carry the request out (held
                # by a busy server or a proxy) after this read, and a second create would then
                # make two projects of one title, which the API cannot delete.
                raise _OutcomeUnknownError(
                    f"{unclear.message}; reading back found no {change.kind.value} titled "
                    f'"{change.name}" yet, and Hex may still carry the request out: not created '
                    "again, to avoid a duplicate",
                    hint="plan again in a few minutes: the next plan reads the workspace and "
                    "adopts it by title if it was created, else creates it",
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
        name_field = scalar_field(change, "name")
        description_field = scalar_field(change, "description")
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

            ident, note = await self._create(change, make, find, unique=True)
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
                    out[ident] = NO_ACCESS
            access[kind] = out
        user_access, group_access = access[Kind.USER], access[Kind.GROUP]
        workspace = scalar_field(change, "sharing.workspace")
        members = level_or_no_access(workspace.new) if workspace is not None else None
        if change.action is Action.CREATE and members == NO_ACCESS:
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
                got = level_or_no_access(found.get(ident) or found.get(ident.lower()))
                if got != level:
                    problems.append(
                        f"{path} {names.get(ident, ident)}: Hex answered {got}, not {level}"
                    )
        members = sharing["workspace_members"]
        answered = level_or_no_access(now.workspace_members)
        if members is not None and answered != members:
            problems.append(f"sharing.workspace: Hex answered {answered}, not {members}")
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

            ident, note = await self._create(change, make, find, unique=True)
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
        name_field = scalar_field(change, "name")
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
            description_field = scalar_field(change, "description")

            async def make() -> str:
                await self._refuse_if_titled(change)
                made = await self.client.create_project(
                    change.name,
                    description=description_field.new if description_field is not None else None,
                )
                return made.id

            async def find() -> list[str]:
                return [p.id async for p in self.client.iter_projects() if p.title == change.name]

            ident, note = await self._create(change, make, find, unique=False)
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
        status = scalar_field(change, "status")
        workspace = scalar_field(change, "sharing.workspace")
        public_web = scalar_field(change, "sharing.public_web")
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
                    workspace=None if workspace is None else level_or_no_access(workspace.new),
                    public_web=None if public_web is None else level_or_no_access(public_web.new),
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
            access = {ids[f.key]: level_or_no_access(f.new) for f in fields if f.key is not None}
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


def _one_line(text: str) -> str:
    # A proxy's HTML error page or a multi-line message would break the report's lines.
    return " ".join(text.split())


def _reason(exc: HexsyncError) -> str:
    text = exc.message if not exc.hint else f"{exc.message} ({exc.hint})"
    return _one_line(text)


# ------------------------------------------------------------------------------------ verify


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
    directory = await directory_for(client, live)
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
            unconverged = await read_back(client, outcomes, directory)
            duplicates = await duplicate_titles(client, outcomes)
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
