"""``hexsync serve``: the process around the reconcile cycle.

It serves the HTTP API, takes the workspace's leader lock in the store (or stands by, serving
reads, until it can), closes what a process that died left open, then runs
:func:`~hexsync.serve.cycle.run_cycle` on schedule (``--interval``), at once on a webhook or
``POST /api/sync``, and again after a failure with exponential backoff. Notifications are
delivered by a task of their own. SIGTERM lets a write in flight finish (up to ``stop_grace``
seconds), records it, and exits 0; a read in progress is cancelled and recorded as interrupted.

Time is a :class:`ScaledClock`: ``--time-scale 60`` makes a minute of intervals, windows and
backoff pass in a second (tests, demos), as the emulator's own clock does.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import signal
import socket
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx
import uvicorn

from hexsync.errors import HexsyncError
from hexsync.hexapi import HexClient, NotFoundError
from hexsync.serve.api import ApiContext, create_api
from hexsync.serve.cycle import (
    Collaborators,
    CycleConfig,
    CycleResult,
    Phase,
    StoreDownError,
    run_cycle,
)
from hexsync.serve.metrics import Metrics
from hexsync.serve.notify import QueueNotifier, deliver_due
from hexsync.serve.source import Source
from hexsync.serve.tables import TablesJob
from hexsync.serve.windows_now import WindowWatch
from hexsync.store import Store, iso, leadership
from hexsync.values.windows import format_duration

__all__ = ["Daemon", "ScaledClock", "ServeSettings", "bind"]


class ScaledClock:
    """Wall-clock time, ``scale`` seconds passing per real second (1: real time)."""

    def __init__(self, scale: float = 1.0) -> None:
        if scale <= 0:
            raise ValueError("the time scale must be positive")
        self.scale = scale
        self._wall = time.time()
        self._mono = time.monotonic()

    def seconds(self) -> float:
        return self._wall + (time.monotonic() - self._mono) * self.scale

    def now(self) -> dt.datetime:
        return dt.datetime.fromtimestamp(self.seconds(), tz=dt.timezone.utc)

    def real(self, seconds: float) -> float:
        return max(0.0, seconds / self.scale)

    def monotonic(self) -> float:
        """Scaled monotonic seconds (the client's pacing clock)."""
        return time.monotonic() * self.scale

    def resume_after(self, moment: dt.datetime | None) -> None:
        """Never run behind what a previous process recorded (a scaled clock restarts at the
        wall clock, which an earlier run at ``--time-scale 60`` may be minutes ahead of)."""
        if moment is None:
            return
        behind = moment.timestamp() + 0.001 - self.seconds()
        if behind > 0:
            self._wall += behind

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(self.real(seconds))


@dataclass(frozen=True)
class ServeSettings:
    workspace: str = "default"
    mode: str = "warn"
    interval: float = 600.0  # seconds between scheduled syncs
    host: str = "127.0.0.1"
    port: int = 8080
    admin_tokens: tuple[str, ...] = ()
    viewer_tokens: tuple[str, ...] = ()
    webhook_secret: str | None = None
    trusted_proxies: tuple[str, ...] = ("127.0.0.1", "::1")  # X-Forwarded-* believed from these
    branch: str | None = None
    notify: tuple[str, ...] = ()
    retention: float | None = None  # seconds of history kept; None: all
    lock_wait: float = 60.0
    settle: float = 300.0  # seconds before a project create of unknown outcome is made again
    stop_grace: float = 5.0  # real seconds a write in flight may take after SIGTERM
    backoff_base: float = 10.0  # seconds before the first retry after a failed sync
    standby_poll: float = 10.0  # seconds between two tries at the leader lock (a takeover)


def bind(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host.strip("[]"), port))
    sock.listen(128)
    sock.setblocking(False)
    return sock


def _url(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


class _Server(uvicorn.Server):
    def install_signal_handlers(self) -> None:  # the daemon handles SIGTERM itself
        return None


def _stderr(text: str) -> None:
    sys.stderr.write(f"hexsync serve: {text}\n")
    sys.stderr.flush()


class Daemon:
    def __init__(
        self,
        settings: ServeSettings,
        *,
        store: Store,
        client: HexClient,
        source: Source,
        clock: ScaledClock | None = None,
        out: Callable[[str], None] = print,
        log: Callable[[str], None] = _stderr,
    ) -> None:
        self.settings = settings
        self.store = store
        self.client = client
        self.source = source
        self.clock = clock or ScaledClock()
        self.out = out
        self.log = log
        self.meters = Metrics()
        self.lead = leadership(store, settings.workspace)
        self.leader = False
        self.stopping = False
        self.started_at = self.clock.now()
        self.next_sync_at: dt.datetime | None = None
        self.store_error: str | None = None
        self.last: CycleResult | None = None
        self.failures = 0
        self.url: str | None = None
        self._pending: str | None = "start"
        self._wake: asyncio.Event | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._cycle: asyncio.Task[CycleResult] | None = None
        self._last_prune = 0.0
        self.windows = WindowWatch(source)  # the sync window in force, for the status
        self.tables = TablesJob(  # the queried tables, read in the background (data classes)
            store,
            settings.workspace,
            clock=self.clock.now,
            sleep=self.clock.sleep,
            say=log,
            meters=self.meters,
            on_complete=lambda: self.trigger("tables"),
        )
        self.collab = Collaborators(
            clock=self.clock.now,
            client=client,
            store=store,
            notifier=QueueNotifier(store, settings.notify),
            source=self.windows,
            stopping=lambda: self.stopping,
            say=log,
            tables=self.tables,
        )
        self.meters.leader.labels(settings.workspace).set(0)

    # ------------------------------------------------------------------------- the API's view

    def status(self) -> dict[str, Any]:
        ws = self.settings.workspace
        last = self.store.last_sync(ws)
        current = self.store.last_sync(ws, finished=False)
        success = self.store.last_success(ws)
        drift = len(self.store.open_drift(ws))
        reason = None
        if last is None:
            state, reason = "Unknown", "no sync has finished yet"
        elif not last.successful:
            state, reason = "Unknown", last.error or last.outcome
        else:
            state = "OutOfSync" if drift else "Synced"
        if self.store_error is not None:
            state, reason = "Unknown", self.store_error
        return {
            "name": ws,
            "sync_status": state,
            "reason": reason,
            "mode": self.settings.mode,
            "role": "reconciling" if self.leader else "standby",
            "syncing": current is not None and current.outcome == "running",
            "last_sync": None if last is None else last.data,
            "last_success_at": None if success is None else iso(success.finished_at),
            "commit": None if success is None else success.commit,
            "drift_count": drift,
            "held": last.note if last is not None and last.outcome == "held" else None,
            "window": self.windows.state(self.clock.now()),
            "interval": format_duration(dt.timedelta(seconds=self.settings.interval)),
            "next_sync_at": iso(self.next_sync_at) if self.leader else None,
            "source": self.source.description,
            "store": self.store.url,
            "queried_tables": self.tables.status(),
        }

    def trigger(self, reason: str) -> bool:
        if not self.leader or self._loop is None or self._wake is None:
            return False
        self._pending = reason
        self._loop.call_soon_threadsafe(self._wake.set)
        return True

    def metrics(self) -> bytes:
        return self.meters.render()

    def ready(self) -> tuple[bool, str]:
        try:
            self.store.ping()
        except Exception as exc:
            return False, f"the store does not answer ({type(exc).__name__})"
        now = self.clock.now()
        bound = dt.timedelta(seconds=3 * self.settings.interval)
        success = self.store.last_success(self.settings.workspace)
        if success is not None and success.finished_at is not None:
            if now - success.finished_at <= bound:
                return True, f"last successful sync at {iso(success.finished_at)}"
            return False, f"the last successful sync was at {iso(success.finished_at)}"
        if now - self.started_at <= bound:
            return True, "starting: no successful sync yet"
        return False, "no successful sync yet"

    # ------------------------------------------------------------------------- the process

    def _stopped(self) -> bool:
        return self.stopping

    def request_stop(self) -> None:
        """SIGTERM / SIGINT: no new sync or write; a write in flight gets ``stop_grace``."""
        if self.stopping:  # a second signal: stop now
            if self._cycle is not None:
                self._cycle.cancel()
            return
        self.stopping = True
        self.log("stopping")
        if self._wake is not None:
            self._wake.set()
        cycle = self._cycle
        if cycle is None or cycle.done():
            return
        if self.collab.phase is Phase.WRITING and self._loop is not None:
            self.log(f"letting the write in flight finish (up to {self.settings.stop_grace:g} s)")
            self._loop.call_later(self.settings.stop_grace, cycle.cancel)
        else:
            cycle.cancel()

    async def run(self) -> int:
        """Serve until stopped; 0 on a clean stop."""
        self._loop = asyncio.get_running_loop()
        self._wake = asyncio.Event()
        self.clock.resume_after(
            await asyncio.to_thread(self.store.latest_time, self.settings.workspace)
        )
        self.started_at = self.clock.now()
        handled = []
        if threading.current_thread() is threading.main_thread():
            for sig in (signal.SIGTERM, signal.SIGINT):
                with contextlib.suppress(NotImplementedError, RuntimeError):
                    self._loop.add_signal_handler(sig, self.request_stop)
                    handled.append(sig)
        s = self.settings
        context = ApiContext(
            store=self.store,
            workspace=s.workspace,
            controller=self,
            admin_tokens=s.admin_tokens,
            viewer_tokens=s.viewer_tokens,
            webhook_secret=s.webhook_secret,
            branch=s.branch,
            clock=self.clock.now,
            trusted_proxies=s.trusted_proxies,
        )
        sock = bind(s.host, s.port)
        server = _Server(
            uvicorn.Config(
                create_api(context),
                log_config=None,
                log_level=logging.WARNING,
                access_log=False,
                lifespan="off",
                proxy_headers=False,  # the API's TrustedProxies decides (--trusted-proxy)
                http="h11",  # bounded request lines and headers (16 KiB), whatever is installed
                timeout_graceful_shutdown=2,
            )
        )
        api = asyncio.create_task(server.serve(sockets=[sock]))
        while not server.started and not api.done():
            await asyncio.sleep(0.01)
        if api.done():
            api.result()  # raises what stopped it
        self.url = _url(sock)
        self.out(f"hexsync serve listening on {self.url}")
        if not (s.admin_tokens or s.viewer_tokens):
            self.log("no API token given: every /api/ request is answered 401 (docs/serve.md)")
        delivery = asyncio.create_task(self._deliver())
        reader = self.client.sibling()  # the same rate limit, its own counters
        tables = asyncio.create_task(self.tables.run(reader, lambda: self.leader))
        try:
            await self._reconcile()
        finally:
            for task in (delivery, tables):
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
            await reader.aclose()
            await asyncio.to_thread(self.lead.release)
            server.should_exit = True
            with contextlib.suppress(asyncio.CancelledError):
                await api
            sock.close()
            for sig in handled:
                self._loop.remove_signal_handler(sig)
        self.log("stopped")
        return 0

    async def _wait(self, seconds: float) -> None:
        assert self._wake is not None
        with contextlib.suppress(asyncio.TimeoutError):
            await asyncio.wait_for(self._wake.wait(), self.clock.real(seconds))
        self._wake.clear()

    async def _become_leader(self) -> bool:
        ws = self.settings.workspace
        try:
            got = await asyncio.to_thread(self.lead.acquire)
        except Exception as exc:
            self.store_error = f"the store does not answer ({type(exc).__name__})"
            return False
        if not got:
            return False
        self.leader = True
        self.meters.leader.labels(ws).set(1)
        self.log(f"reconciling workspace {ws!r} (mode {self.settings.mode})")
        recovery = await asyncio.to_thread(self.store.recover, ws, self.clock.now())
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
        s = self.settings
        said_standby = False
        while not self.stopping:
            if not self.leader:
                if not await self._become_leader():
                    if not said_standby:
                        self.log(
                            f"standing by: another process reconciles workspace {s.workspace!r};"
                            " serving reads"
                        )
                        said_standby = True
                    await asyncio.sleep(0)
                    assert self._wake is not None
                    with contextlib.suppress(asyncio.TimeoutError):
                        await asyncio.wait_for(self._wake.wait(), self.clock.real(s.standby_poll))
                    self._wake.clear()
                    continue
            elif not await asyncio.to_thread(self.lead.held):
                self.leader = False
                self.meters.leader.labels(s.workspace).set(0)
                self.log("lost the leader lock (the store's connection): standing by")
                continue
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
        s = self.settings
        config = CycleConfig(s.workspace, s.mode, trigger, s.lock_wait, s.settle)
        self._cycle = asyncio.create_task(run_cycle(self.collab, config))
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
        self.meters.observe(s.workspace, result, self.clock.seconds())
        self.log(_line(result, trigger))
        if result.successful:
            self.failures = 0
            return s.interval
        self.failures += 1
        return self._backoff()

    def _backoff(self) -> float:
        s = self.settings
        return min(s.interval, s.backoff_base * 2.0 ** max(0, self.failures - 1))

    async def _prune(self) -> None:
        retention = self.settings.retention
        if retention is None:
            return
        now = self.clock.seconds()
        if now - self._last_prune < min(3600.0, retention / 10):
            return
        self._last_prune = now
        before = self.clock.now() - dt.timedelta(seconds=retention)
        try:
            counts = await asyncio.to_thread(self.store.prune, self.settings.workspace, before)
        except Exception as exc:
            self.log(f"pruning the store failed: {exc}")
            return
        if any(counts.values()):
            shown = ", ".join(f"{n} {k}" for k, n in counts.items() if n)
            self.log(f"retention: pruned {shown} older than {iso(before)}")

    async def _deliver(self) -> None:
        targets = (
            dict(self.collab.notifier.targets)
            if isinstance(self.collab.notifier, QueueNotifier)
            else {}
        )
        if not targets:
            return
        async with httpx.AsyncClient() as http:
            while True:
                if self.leader:
                    try:
                        await deliver_due(self.store, targets, http, self.clock.now, self.log)
                    except Exception as exc:
                        self.log(f"notifications: {type(exc).__name__}: {exc}")
                await asyncio.sleep(max(0.05, self.clock.real(5.0)))


def _line(result: CycleResult, trigger: str) -> str:
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
