"""One apply at a time per workspace, across machines: a lock group (see docs/apply.md).

Hex has no lock, but group names are unique: creating a group that exists is refused (400).
``apply_lock(client)`` creates the group ``hexsync-apply-lock`` before the first write and
deletes it after the last. Another apply that finds it taken waits (a progress line every few
seconds) until it is gone, then plans again from what the workspace is now, so it finds
nothing left to do instead of doing it twice; after ``wait`` seconds it gives up (exit 3).

A lock is recognised by more than its name: hexsync's own is always empty and shared with
nothing. A group of that name with members was made by someone else (any Admin or Manager can
make one): it is never waited on, hidden or deleted; the apply says so and takes its lock
under the next reserved name (``hexsync-apply-lock-2``, then ``-3``), which every apply tries in
the same order, so two applies still exclude each other. A lock whose ``createdAt`` is older
than ``stale_after`` (an apply that crashed) is deleted by the next apply only after checking
that it is still empty and that no project or collection is shared with it; one that is shared
with something is someone's group, and is left alone the same way. The rule compares Hex's
``createdAt`` with this machine's clock: a clock minutes wrong shifts it by as much.

Readers leave hexsync's own locks out of what they read (:mod:`hexsync.readers.workspace`), so a
lock never appears in a plan, prune, export or an access answer; a group of a lock's name with
members or grants stays in, and plan warns about it. Manifests may not declare the names.
"""

from __future__ import annotations

import contextlib
import datetime
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass

from hexsync.errors import GuardrailError, HexsyncError
from hexsync.hexapi import (
    AmbiguousCreateError,
    BadRequestError,
    ForbiddenError,
    Group,
    HexClient,
    NotFoundError,
)
from hexsync.values.hex_access import NO_ACCESS
from hexsync.values.live import LOCK_GROUP, LOCK_GROUPS

__all__ = [
    "LOCK_GROUP",
    "LOCK_GROUPS",
    "STALE_AFTER",
    "WAIT",
    "HeldLock",
    "LockHeldError",
    "apply_lock",
    "held_locks",
    "remove_lock",
]

WAIT = 600.0  # seconds an apply waits for another one before it gives up
STALE_AFTER = 3600.0  # seconds after which a lock is taken to be left behind by a dead apply
POLL = 2.0  # seconds between two looks at a held lock

Notify = Callable[[str], None]


class LockHeldError(GuardrailError):
    """Another apply held the workspace's lock for longer than this one would wait (exit 3)."""


def _utcnow() -> datetime.datetime:
    return datetime.datetime.now(datetime.timezone.utc)


def _age(group: Group, now: datetime.datetime) -> float | None:
    """Seconds since the lock group was created, or None when Hex did not say."""
    if not group.created_at:
        return None
    try:
        created = datetime.datetime.fromisoformat(group.created_at.replace("Z", "+00:00"))
    except ValueError:
        return None
    if created.tzinfo is None:
        created = created.replace(tzinfo=datetime.timezone.utc)
    return (now - created).total_seconds()


async def _holder(client: HexClient, name: str) -> Group | None:
    async for group in client.iter_groups():
        if group.name == name:
            return group
    return None


async def _has_members(client: HexClient, group: Group) -> bool:
    async for _user in client.iter_users(group_id=group.id, page_size=1):
        return True
    return False


async def _shared_with(client: HexClient, group: Group) -> bool:
    """Whether any project or collection is shared with ``group`` (read before deleting it)."""
    async for collection in client.iter_collections():
        if collection.sharing.groups.get(group.id, NO_ACCESS) != NO_ACCESS:
            return True
    async for project in client.iter_projects(
        include_sharing=True, include_archived=True, include_trashed=True
    ):
        if (
            project.sharing is not None
            and project.sharing.groups.get(group.name, NO_ACCESS) != NO_ACCESS
        ):
            return True
    return False


class _Taken(Exception):  # noqa: N818 - control flow: this name is held by someone's group
    pass


def _not_a_lock(name: str, why: str) -> str:
    return (
        f"a group named {name!r} {why}: hexsync's apply lock is always empty and shared with "
        "nothing, so someone made this group. It is left alone (never deleted or hidden); "
        "rename it in Hex to free the name"
    )


def _minutes(seconds: float) -> str:
    return f"{seconds / 60:.0f} min" if seconds >= 90 else f"{seconds:.0f} s"


async def _acquire(
    client: HexClient,
    *,
    wait: float,
    stale_after: float,
    poll: float,
    notify: Notify,
    now: Callable[[], datetime.datetime],
) -> str | None:
    """Take the first reserved lock name not held by someone's group; its group's id, or None
    when the token may not create groups (then there is no lock to take, and it is said)."""
    for name in LOCK_GROUPS:
        try:
            return await _acquire_name(
                client, name, wait=wait, stale_after=stale_after, poll=poll, notify=notify, now=now
            )
        except _Taken:
            continue
    raise LockHeldError(
        "every name hexsync's apply lock may take ("
        + ", ".join(repr(n) for n in LOCK_GROUPS)
        + ") is held by a group someone made; nothing was applied",
        hint="rename those groups in Hex (they are not hexsync's)",
    )


async def _acquire_name(
    client: HexClient,
    name: str,
    *,
    wait: float,
    stale_after: float,
    poll: float,
    notify: Notify,
    now: Callable[[], datetime.datetime],
) -> str | None:
    """Create the lock group ``name`` (waiting for, or clearing a stale, holder); raises
    :class:`_Taken` when a group that is not a lock holds the name."""
    waited = 0.0
    checked: str | None = None  # the holder already known to be empty
    vanished = 0
    while True:
        started = now()
        try:
            return (await client.create_group(name)).id
        except ForbiddenError:
            notify(
                "this token may not create groups, so the apply lock cannot be taken: another "
                "apply at the same time is not held back (project creates are still checked "
                "for duplicates just before they are made)"
            )
            return None
        except AmbiguousCreateError:
            # Sent, answer lost: the group may be ours. One created since this attempt began is
            # taken to be ours (two applies racing within the same second is the residual risk).
            holder = await _holder(client, name)
            age = _age(holder, now()) if holder is not None else None
            elapsed = (now() - started).total_seconds()
            if holder is not None and age is not None and age <= elapsed + 1.0:
                return holder.id
            if holder is None:
                vanished += 1
                if vanished > 3:  # the creates keep getting lost: the API is not well
                    raise
                continue
        except BadRequestError:
            holder = await _holder(client, name)
            if holder is None:
                vanished += 1
                if vanished > 3:  # refused for another reason than a held lock
                    raise
                continue  # released between the two requests: try again
        vanished = 0
        if checked != holder.id:
            if await _has_members(client, holder):
                notify(_not_a_lock(name, "has members") + "; taking the lock under another name")
                raise _Taken
            checked = holder.id
        age = _age(holder, now())
        if age is not None and age > stale_after:
            if await _shared_with(client, holder):
                notify(
                    _not_a_lock(name, "is shared with a project or collection")
                    + "; taking the lock under another name"
                )
                raise _Taken
            notify(
                f"removing a stale apply lock (group {name!r}, created "
                f"{_minutes(age)} ago, empty and shared with nothing: its apply must have died)"
            )
            with contextlib.suppress(NotFoundError):
                await client.delete_group(holder.id)
            continue
        if waited >= wait:
            since = f"created {_minutes(age)} ago" if age is not None else "of unknown age"
            raise LockHeldError(
                f"another apply is running on this workspace (the lock group {name!r} is "
                f"{since}, empty as hexsync's locks are); waited {_minutes(waited)}, nothing "
                "was applied",
                hint=f"run apply again once it is done. If no apply is running, the lock was "
                f"left behind: delete the group {name!r} in Hex, or wait until it is "
                f"{_minutes(stale_after)} old and hexsync removes it",
            )
        held = f"held for {_minutes(age)}" if age is not None else "held"
        notify(
            f"waiting for another apply to finish (the lock is {held}; giving up after "
            f"{_minutes(wait)})"
        )
        await client.pause(poll)
        waited += poll


@contextlib.asynccontextmanager
async def apply_lock(
    client: HexClient,
    *,
    wait: float = WAIT,
    stale_after: float = STALE_AFTER,
    poll: float = POLL,
    notify: Notify | None = None,
    now: Callable[[], datetime.datetime] = _utcnow,
    taken: Callable[[str], None] | None = None,
) -> AsyncIterator[None]:
    """Hold the workspace's apply lock for the block (see the module docstring).

    ``taken`` hears the lock group's id once it is held (``hexsync serve`` records it, so that
    after a crash the lock it left is known to be its own).

    Raises :class:`LockHeldError` (exit 3) when another apply holds it for longer than
    ``wait`` seconds. Releasing never raises: if the lock cannot be deleted (the network is
    gone), ``notify`` says so and it goes stale after ``stale_after`` seconds."""
    say = notify or (lambda _text: None)
    lock_id = await _acquire(
        client, wait=wait, stale_after=stale_after, poll=poll, notify=say, now=now
    )
    if lock_id is None:
        yield
        return
    try:
        if taken is not None:
            taken(lock_id)
        yield
    finally:
        try:
            await client.delete_group(lock_id)
        except NotFoundError:
            pass  # removed by someone as stale: nothing to release
        except HexsyncError as exc:
            say(
                f"could not remove the apply lock (group id {lock_id}): {exc.message}; "
                f"delete it in Hex, or it is taken as stale after {_minutes(stale_after)}"
            )


@dataclass(frozen=True)
class HeldLock:
    """A group of a lock's name as ``hexsync unlock`` finds it: hexsync's own lock when it is
    empty and shared with nothing (``why_not`` says why it is not, otherwise)."""

    group: Group
    age: float | None
    why_not: str | None = None

    @property
    def is_lock(self) -> bool:
        return self.why_not is None


async def held_locks(
    client: HexClient, *, now: Callable[[], datetime.datetime] = _utcnow
) -> list[HeldLock]:
    """Every group holding a reserved lock name, each told apart: a lock, or someone's group."""
    out = []
    async for group in client.iter_groups():
        if group.name not in LOCK_GROUPS:
            continue
        why = None
        if await _has_members(client, group):
            why = "it has members"
        elif await _shared_with(client, group):
            why = "a project or collection is shared with it"
        out.append(HeldLock(group, _age(group, now()), why))
    return sorted(out, key=lambda h: LOCK_GROUPS.index(h.group.name))


async def remove_lock(client: HexClient, held: HeldLock) -> bool:
    """Delete a lock ``hexsync unlock`` was asked to remove, after checking once more, just
    before the delete, that it is still an empty group shared with nothing (never someone's
    group). True when it was removed, False when it was gone already."""
    if not held.is_lock:
        raise GuardrailError(
            _not_a_lock(held.group.name, held.why_not or "is not a lock"),
            hint="hexsync never deletes it: rename or delete it in Hex yourself",
        )
    if await _has_members(client, held.group) or await _shared_with(client, held.group):
        raise GuardrailError(
            _not_a_lock(held.group.name, "gained members or a grant since it was read"),
            hint="hexsync never deletes it: rename or delete it in Hex yourself",
        )
    try:
        await client.delete_group(held.group.id)
    except NotFoundError:
        return False
    return True
