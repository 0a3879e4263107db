"""One workspace's reconciler: the loop of ``hexsync serve`` for a single workspace.

``hexsync serve`` runs one :class:`Reconciler` per workspace (every workspace of
``hexsync.yaml``, or the one it was given), side by side on one event loop, each with its own
Hex client (its own host and token), its own manifests, its own schedule and backoff, its own
rows in the store and its own leader lock: a replica may reconcile one workspace and stand by
for another. A workspace whose client cannot be made (its token is missing) fails alone: it
says why in its status, takes no lock, and tries again later; the others go on.

The process around them (the API, signals, notifications) is :mod:`hexsync.serve.daemon`.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from hexsync.errors import HexsyncError
from hexsync.hexapi import HexClient, NotFoundError
from hexsync.serve.cycle import (
    Collaborators,
    CycleConfig,
    CycleResult,
    Phase,
    StoreDownError,
    run_cycle,
)
from hexsync.serve.metrics import Metrics
from hexsync.serve.notify import QueueNotifier
from hexsync.serve.source import Source
from hexsync.serve.tables import TablesJob
from hexsync.serve.web.views import store_status
from hexsync.serve.windows_now import WindowWatch
from hexsync.store import Store, iso, leadership
from hexsync.values.windows import format_duration

__all__ = ["Reconciler", "Target", "WorkspaceTiming", "sync_line"]


@dataclass(frozen=True)
class WorkspaceTiming:
    """How a workspace is reconciled (``--mode``, ``--interval`` and the rest)."""

    mode: str = "warn"
    interval: float = 600.0  # seconds between scheduled syncs
    retention: float | None = None  # seconds of history kept; None: all
    lock_wait: float = 60.0
    settle: float = 300.0  # seconds before a project create of unknown outcome is made again
    backoff_base: float = 10.0  # seconds before the first retry after a failed sync
    standby_poll: float = 10.0  # seconds between two tries at the leader lock (a takeover)


@dataclass(frozen=True)
class Target:
    """A workspace to reconcile: its name in the store, its manifests, and its Hex client:
    ``client`` (its owner closes it), or ``connect``, which makes one when first needed and
    raises :class:`~hexsync.errors.HexsyncError` when it cannot (a missing token): then the
    workspace fails alone and is tried again later."""

    name: str
    source: Source
    client: HexClient | None = None
    connect: Callable[[], HexClient] | None = None
    api_url: str | None = None  # shown in the status
    # The repository paths (folders or files) its manifests are read from, for webhooks: a
    # push that changes none of them does not sync it. None: any push may change them.
    watched: tuple[str, ...] | None = None


class Reconciler:
    """The schedule, leader lock, backoff and status of one workspace."""

    def __init__(
        self,
        target: Target,
        timing: WorkspaceTiming,
        *,
        store: Store,
        clock: Any,  # a ScaledClock (daemon.py): now(), seconds(), real()
        meters: Metrics,
        notify: tuple[str, ...] = (),
        log: Callable[[str], None] = print,
    ) -> None:
        if target.client is None and target.connect is None:
            raise ValueError("a target needs a client or a way to make one")
        self.name = target.name
        self.target = target
        self.timing = timing
        self.store = store
        self.clock = clock
        self.meters = meters
        self.log = log
        self.client: HexClient | None = target.client
        self._owned: HexClient | None = None  # made here by connect: closed here
        self.setup_error: str | None = None  # why no client could be made (a missing token)
        self.lead = leadership(store, target.name)
        self.leader = False
        self.stopping = False
        self.started_at = self.clock.now()
        self.next_sync_at: dt.datetime | None = None
        self.store_error: str | None = None
        self.last: CycleResult | None = None
        self.failures = 0
        self._pending: str | None = "start"
        self._wake: asyncio.Event | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._cycle: asyncio.Task[CycleResult] | None = None
        self._last_prune = 0.0
        self.windows = WindowWatch(target.source)  # the sync window in force, for the status
        self.notifier = QueueNotifier(store, notify)
        self.collab: Collaborators | None = None  # made with the client
        self.tables = TablesJob(  # the queried tables, read in the background (data classes)
            store,
            target.name,
            clock=self.clock.now,
            sleep=self.clock.sleep,
            say=log,
            meters=meters,
            on_complete=lambda: self.trigger("tables"),
        )
        self._tables_task: asyncio.Task[None] | None = None  # started with the client
        self._reader: HexClient | None = None  # the job's: the same rate limit, own counters
        self.meters.leader.labels(self.name).set(0)

    # ------------------------------------------------------------------------- the API's view

    def status(self) -> dict[str, Any]:
        ws = self.name
        line = store_status(self.store, ws)  # what the store knows, as for any workspace
        problem = self.setup_error if self.setup_error is not None else self.store_error
        if problem is not None:
            line["sync_status"], line["reason"] = "Unknown", problem
        role = "reconciling" if self.leader else "standby"
        return {
            "name": ws,
            "api_url": self.target.api_url,
            **line,
            "mode": self.timing.mode,
            "role": "failed" if self.setup_error is not None else role,
            "window": self.windows.state(self.clock.now()),
            "interval": format_duration(dt.timedelta(seconds=self.timing.interval)),
            "next_sync_at": iso(self.next_sync_at) if self.leader else None,
            "source": self.windows.description,
            "store": self.store.url,
            "queried_tables": self.tables.status(),
        }

    def trigger(self, reason: str) -> bool:
        """Ask for a sync now; False when this process does not reconcile the workspace now
        (another replica does, or its client cannot be made)."""
        if not self.leader or self._loop is None or self._wake is None:
            return False
        self._pending = reason
        self._loop.call_soon_threadsafe(self._wake.set)
        return True

    def ready(self) -> tuple[bool, str]:
        """Whether the workspace's last successful sync is recent (three intervals)."""
        now = self.clock.now()
        bound = dt.timedelta(seconds=3 * self.timing.interval)
        success = self.store.last_success(self.name)
        if success is not None and success.finished_at is not None:
            if now - success.finished_at <= bound:
                return True, f"last successful sync at {iso(success.finished_at)}"
            return False, f"the last successful sync was at {iso(success.finished_at)}"
        if self.setup_error is not None and now - self.started_at > bound:
            return False, self.setup_error
        if now - self.started_at <= bound:
            return True, "starting: no successful sync yet"
        return False, "no successful sync yet"

    @property
    def writing(self) -> bool:
        return self.collab is not None and self.collab.phase is Phase.WRITING

    # ------------------------------------------------------------------------- the loop

    def wake(self) -> None:
        if self._wake is not None and self._loop is not None:
            self._loop.call_soon_threadsafe(self._wake.set)

    def stop(self, grace: float) -> None:
        """No new sync or write; a write in flight gets ``grace`` real seconds; a second call
        cancels at once."""
        if self.stopping:
            if self._cycle is not None:
                self._cycle.cancel()
            return
        self.stopping = True
        self.wake()
        cycle = self._cycle
        if cycle is None or cycle.done():
            return
        if self.writing and self._loop is not None:
            self.log(f"letting the write in flight finish (up to {grace:g} s)")
            self._loop.call_later(grace, cycle.cancel)
        else:
            cycle.cancel()

    async def run(self) -> None:
        """Reconcile until stopped; the lock and a client made here are let go of at the end."""
        self._loop = asyncio.get_running_loop()
        self._wake = asyncio.Event()
        try:
            await self._reconcile()
        finally:
            if self._tables_task is not None:
                self._tables_task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await self._tables_task
            if self._reader is not None:
                with contextlib.suppress(Exception):
                    await self._reader.aclose()
            await asyncio.to_thread(self.lead.release)
            self.leader = False
            self.meters.leader.labels(self.name).set(0)
            if self._owned is not None:
                with contextlib.suppress(Exception):
                    await self._owned.aclose()

    def _stopped(self) -> bool:  # a method: a SIGTERM may have come while a cycle ran
        return self.stopping

    async def _wait(self, seconds: float) -> None:
        assert self._wake is not None
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(self._wake.wait(), self.clock.real(seconds))
        self._wake.clear()

    def _connect(self) -> bool:
        """The workspace's client, made now if it is not yet; False (and the reason in the
        status) when it cannot be made."""
        if self.client is not None:
            return True
        assert self.target.connect is not None
        try:
            client = self.target.connect()
        except HexsyncError as exc:
            said = exc.message + (f"; {exc.hint}" if exc.hint else "")
            if said != self.setup_error:
                self.log(f"cannot reconcile workspace {self.name!r}: {said}")
            self.setup_error = said
            return False
        if self.setup_error is not None:
            self.log(f"workspace {self.name!r}: its client is ready now")
        self.setup_error = None
        self.client = self._owned = client
        return True

    def _collaborators(self, client: HexClient) -> Collaborators:
        if self.collab is None:
            self.collab = Collaborators(
                clock=self.clock.now,
                client=client,
                store=self.store,
                notifier=self.notifier,
                source=self.windows,
                stopping=lambda: self.stopping,
                say=self.log,
                tables=self.tables,
            )
        if self._tables_task is None:  # the job reads with a sibling of the syncs' client
            self._reader = client.sibling()
            self._tables_task = asyncio.create_task(
                self.tables.run(self._reader, lambda: self.leader)
            )
        return self.collab

    async def _become_leader(self) -> bool:
        """Take the workspace's lock and close what a process that died left open; False when
        another process holds the lock. Raises StoreDownError when the store fails meanwhile
        (then the lock is let go of: this workspace alone waits and tries again)."""
        ws = self.name
        try:
            got = await asyncio.to_thread(self.lead.acquire)
        except Exception as exc:
            raise StoreDownError(f"the store did not answer: {type(exc).__name__}") from exc
        self.store_error = None  # it answered (another process may hold the lock)
        if not got:
            return False
        try:
            recovery = await asyncio.to_thread(self.store.recover, ws, self.clock.now())
        except Exception as exc:
            with contextlib.suppress(Exception):
                await asyncio.to_thread(self.lead.release)
            raise StoreDownError(f"the store did not answer: {type(exc).__name__}: {exc}") from exc
        self.leader = True
        self.meters.leader.labels(ws).set(1)
        self.log(f"reconciling workspace {ws!r} (mode {self.timing.mode})")
        assert self.client is not None
        for intent in recovery.intents:
            if intent.lock_id is None:
                continue
            try:
                await self.client.delete_group(intent.lock_id)
            except NotFoundError:
                pass
            except HexsyncError as exc:
                self.log(
                    f"could not remove the apply lock left by heal #{intent.id}: {exc.message}"
                )
        if recovery.syncs or recovery.intents:
            self.log(
                f"recovered from a stop: {len(recovery.syncs)} sync(s) and "
                f"{len(recovery.intents)} heal(s) marked interrupted; planning again from Hex"
            )
        return True

    async def _reconcile(self) -> None:
        t = self.timing
        said_standby = False
        while not self.stopping:
            if not self._connect():  # no client (no token): no lock taken, tried again later
                self.failures += 1
                await self._wait(self._backoff())
                continue
            if not self.leader:
                try:
                    led = await self._become_leader()
                except StoreDownError as exc:  # this workspace waits; the others go on
                    if str(exc) != self.store_error:
                        self.log(f"{exc}; not reconciling {self.name!r} until it does")
                    self.store_error = str(exc)
                    self.failures += 1
                    await self._wait(self._backoff())
                    continue
                if not led:
                    if not said_standby:
                        self.log(
                            f"standing by: another process reconciles workspace {self.name!r};"
                            " serving reads"
                        )
                        said_standby = True
                    await asyncio.sleep(0)
                    await self._wait(t.standby_poll)
                    continue
            elif not await asyncio.to_thread(self.lead.held):
                self.leader = False
                self.meters.leader.labels(self.name).set(0)
                self.log("lost the leader lock (the store's connection): standing by")
                continue
            if self._stopped():  # SIGTERM while the lock was taken or checked: no new sync
                break
            trigger, self._pending = self._pending or "schedule", None
            delay = await self._one(trigger)
            if self._stopped():
                break
            self.next_sync_at = self.clock.now() + dt.timedelta(seconds=delay)
            await self._prune()
            if self._pending is None:
                await self._wait(delay)

    async def _one(self, trigger: str) -> float:
        """Run one cycle; the seconds until the next."""
        t = self.timing
        assert self.client is not None
        collab = self._collaborators(self.client)
        config = CycleConfig(self.name, t.mode, trigger, t.lock_wait, t.settle)
        self._cycle = asyncio.create_task(run_cycle(collab, config))
        try:
            result = await self._cycle
        except StoreDownError as exc:
            self.store_error = str(exc)
            self.failures += 1
            self.log(f"{exc}; nothing was written to Hex")
            return self._backoff()
        except asyncio.CancelledError:
            if not self.stopping:
                raise
            self.log("the sync in progress was stopped and recorded as interrupted")
            return 0.0
        finally:
            self._cycle = None
        self.store_error = None
        self.last = result
        self.meters.observe(self.name, result, self.clock.seconds())
        self.log(sync_line(result, trigger))
        if result.successful:
            self.failures = 0
            return t.interval
        self.failures += 1
        return self._backoff()

    def _backoff(self) -> float:
        t = self.timing
        return min(t.interval, t.backoff_base * 2.0 ** max(0, self.failures - 1))

    async def _prune(self) -> None:
        retention = self.timing.retention
        if retention is None:
            return
        now = self.clock.seconds()
        if now - self._last_prune < min(3600.0, retention / 10):
            return
        self._last_prune = now
        before = self.clock.now() - dt.timedelta(seconds=retention)
        try:
            counts = await asyncio.to_thread(self.store.prune, self.name, before)
        except Exception as exc:
            self.log(f"pruning the store failed: {exc}")
            return
        if any(counts.values()):
            shown = ", ".join(f"{n} {k}" for k, n in counts.items() if n)
            self.log(f"retention: pruned {shown} older than {iso(before)}")


def sync_line(result: CycleResult, trigger: str) -> str:
    head = f"sync #{result.sync_id} ({trigger}): {result.outcome}"
    if result.outcome in ("failed", "interrupted"):
        return f"{head}: {result.error or result.note}"
    drift = f"{result.drift_count} drift"
    if result.opened or result.resolved:
        drift += f" ({len(result.opened)} new, {len(result.resolved)} resolved)"
    extra = f", {result.applied} applied" if result.applied else ""
    note = f"; {result.note}" if result.note else ""
    commit = f", commit {result.commit[:10]}" if result.commit else ""
    return (
        f"{head}, {drift}{extra}, {result.logged} change(s) seen in Hex, {result.requests} "
        f"requests, {result.seconds:.1f} s{commit}{note}"
    )
