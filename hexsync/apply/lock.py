"""One apply at a time per workspace, across machines: a lock group (see docs/apply.md).

Hex has no lock, but group names are unique: creating a group that exists is refused (400).
``apply_lock(client)`` creates the group ``hexsync-apply-lock`` before the first write and
deletes it after the last. Another apply that finds it taken waits (a progress line every few
seconds) until it is gone, then plans again from what the workspace is now, so it finds
nothing left to do instead of doing it twice; after ``wait`` seconds it gives up (exit 3).

A lock whose ``createdAt`` is older than ``stale_after`` (an apply that crashed, a runner that
was killed) is deleted by the next apply, which then takes it. The rule compares Hex's
``createdAt`` with this machine's clock: a clock minutes wrong shifts it by as much.

Listings leave the lock group out (``HexClient.iter_groups``), so it never appears in a plan,
prune, export, ``groups list`` or an access report.
"""

from __future__ import annotations

import contextlib
import datetime
from collections.abc import AsyncIterator, Callable

from hexsync.errors import GuardrailError, HexsyncError
from hexsync.hexapi import (
    LOCK_GROUP,
    AmbiguousCreateError,
    BadRequestError,
    ForbiddenError,
    Group,
    HexClient,
    NotFoundError,
)

__all__ = ["LOCK_GROUP", "STALE_AFTER", "WAIT", "LockHeldError", "apply_lock"]

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


async def _holder(client: HexClient) -> Group | None:
    async for group in client.iter_groups(include_lock=True):
        if group.name == LOCK_GROUP:
            return group
    return None


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
    """Create the lock group (waiting for, or clearing a stale, holder); its id, or None when
    the token may not create groups (then there is no lock to take, and it is said)."""
    waited = 0.0
    vanished = 0
    while True:
        started = now()
        try:
            return (await client.create_group(LOCK_GROUP)).id
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
            holder = await _holder(client)
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
            holder = await _holder(client)
            if holder is None:
                vanished += 1
                if vanished > 3:  # refused for another reason than a held lock
                    raise
                continue  # released between the two requests: try again
        vanished = 0
        age = _age(holder, now())
        if age is not None and age > stale_after:
            notify(
                f"removing a stale apply lock (group {LOCK_GROUP!r}, created "
                f"{_minutes(age)} ago: its apply must have died)"
            )
            with contextlib.suppress(NotFoundError):
                await client.delete_group(holder.id)
            continue
        if waited >= wait:
            since = f"created {_minutes(age)} ago" if age is not None else "of unknown age"
            raise LockHeldError(
                f"another apply is running on this workspace (the lock group {LOCK_GROUP!r} is "
                f"{since}); waited {_minutes(waited)}, nothing was applied",
                hint=f"run apply again once it is done. If no apply is running, the lock was "
                f"left behind: delete the group {LOCK_GROUP!r} in Hex, or wait until it is "
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
                f"could not remove the apply lock (group {LOCK_GROUP!r}): {exc.message}; "
                f"delete it in Hex, or it is taken as stale after {_minutes(stale_after)}"
            )
