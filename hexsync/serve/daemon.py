"""``hexsync serve``: the process around the reconcilers.

It serves the HTTP API and runs one :class:`~hexsync.serve.reconciler.Reconciler` per workspace
side by side: each takes its workspace's leader lock in the store (or stands by, serving reads,
until it can), closes what a process that died left open, then runs
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
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from typing import Any

import httpx
import uvicorn

from hexsync.hexapi import HexClient
from hexsync.serve.api import ApiContext, create_api
from hexsync.serve.metrics import Metrics
from hexsync.serve.notify import QueueNotifier, deliver_due
from hexsync.serve.reconciler import Reconciler, Target, WorkspaceTiming
from hexsync.serve.source import Source
from hexsync.store import Store

__all__ = ["Daemon", "ScaledClock", "ServeSettings", "Target", "bind", "touches"]


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
    workspace: str = "default"  # the name in the store of a workspace given without a Target
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

    @property
    def timing(self) -> WorkspaceTiming:
        """How each workspace is reconciled."""
        return WorkspaceTiming(
            mode=self.mode,
            interval=self.interval,
            retention=self.retention,
            lock_wait=self.lock_wait,
            settle=self.settle,
            backoff_base=self.backoff_base,
            standby_poll=self.standby_poll,
        )


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
    """The process: the API, signals, notifications, and one :class:`Reconciler` per
    workspace (``targets``; or the one workspace of ``settings`` with ``client`` and
    ``source``)."""

    def __init__(
        self,
        settings: ServeSettings,
        *,
        store: Store,
        client: HexClient | None = None,
        source: Source | None = None,
        targets: Sequence[Target] = (),
        clock: ScaledClock | None = None,
        out: Callable[[str], None] = print,
        log: Callable[[str], None] = _stderr,
    ) -> None:
        if not targets:
            if client is None or source is None:
                raise ValueError("give targets, or a client and a source")
            targets = (Target(settings.workspace, source, client=client),)
        self.settings = settings
        self.store = store
        self.clock = clock or ScaledClock()
        self.out = out
        self.log = log
        self.meters = Metrics()
        self.stopping = False
        self.url: str | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        several = len(targets) > 1
        self.reconcilers = {
            t.name: Reconciler(
                t,
                settings.timing,
                store=store,
                clock=self.clock,
                meters=self.meters,
                notify=settings.notify,
                log=_prefixed(log, t.name) if several else log,
            )
            for t in targets
        }
        if len(self.reconcilers) != len(targets):
            raise ValueError("two targets have one name")
        self.notify_targets = dict(QueueNotifier(store, settings.notify).targets)

    # ------------------------------------------------------------------------- the API's view

    def workspaces(self) -> list[str]:
        return list(self.reconcilers)

    def status(self, workspace: str) -> dict[str, Any]:
        return self.reconcilers[workspace].status()

    def trigger(self, reason: str, workspace: str | None = None) -> list[str]:
        """Ask for a sync now of ``workspace`` (None: every one); the workspaces queued (a
        replica that stands by for one queues nothing there)."""
        chosen = [workspace] if workspace is not None else list(self.reconcilers)
        return [n for n in chosen if n in self.reconcilers and self.reconcilers[n].trigger(reason)]

    def affected(self, paths: Collection[str] | None) -> list[str]:
        """The workspaces whose manifests a push that changed ``paths`` may have changed
        (None: not known, so every one)."""
        return [
            name
            for name, r in self.reconcilers.items()
            if paths is None or touches(r.target.watched, paths)
        ]

    def metrics(self) -> bytes:
        return self.meters.render()

    def ready(self, workspace: str | None = None) -> tuple[bool, str]:
        """The store answers and each workspace (or ``workspace``) synced successfully within
        three intervals (or the process started less than three intervals ago)."""
        try:
            self.store.ping()
        except Exception as exc:
            return False, f"the store does not answer ({type(exc).__name__})"
        chosen = [workspace] if workspace is not None else list(self.reconcilers)
        answers = [(n, *self.reconcilers[n].ready()) for n in chosen]
        if len(answers) == 1:
            return answers[0][1], answers[0][2]
        bad = [f"{n}: {why}" for n, ok, why in answers if not ok]
        if bad:
            return False, "; ".join(bad)
        return True, "; ".join(f"{n}: {why}" for n, _ok, why in answers)

    # ------------------------------------------------------------------------- the process

    def request_stop(self) -> None:
        """SIGTERM / SIGINT: no new sync or write; a write in flight gets ``stop_grace``."""
        if not self.stopping:
            self.log("stopping")
        self.stopping = True
        for reconciler in self.reconcilers.values():
            reconciler.stop(self.settings.stop_grace)

    async def run(self) -> int:
        """Serve until stopped; 0 on a clean stop."""
        self._loop = asyncio.get_running_loop()
        for name in self.reconcilers:
            self.clock.resume_after(await asyncio.to_thread(self.store.latest_time, name))
        for reconciler in self.reconcilers.values():
            reconciler.started_at = self.clock.now()
        handled = []
        if threading.current_thread() is threading.main_thread():
            for sig in (signal.SIGTERM, signal.SIGINT):
                with contextlib.suppress(NotImplementedError, RuntimeError):
                    self._loop.add_signal_handler(sig, self.request_stop)
                    handled.append(sig)
        s = self.settings
        context = ApiContext(
            store=self.store,
            workspace=next(iter(self.reconcilers)),
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
        try:
            await asyncio.gather(*(r.run() for r in self.reconcilers.values()))
        finally:
            delivery.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await delivery
            server.should_exit = True
            with contextlib.suppress(asyncio.CancelledError):
                await api
            sock.close()
            for sig in handled:
                self._loop.remove_signal_handler(sig)
        self.log("stopped")
        return 0

    async def _deliver(self) -> None:
        """Send the notifications of the workspaces this process reconciles now (another
        replica sends those of the workspaces it reconciles)."""
        targets = self.notify_targets
        if not targets:
            return
        async with httpx.AsyncClient() as http:
            while True:
                led = [n for n, r in self.reconcilers.items() if r.leader]
                if led:
                    try:
                        await deliver_due(
                            self.store, targets, http, self.clock.now, self.log, workspaces=led
                        )
                    except Exception as exc:
                        self.log(f"notifications: {type(exc).__name__}: {exc}")
                await asyncio.sleep(max(0.05, self.clock.real(5.0)))


def _prefixed(log: Callable[[str], None], name: str) -> Callable[[str], None]:
    """Each line of a workspace's reconciler names it (several run in one process)."""
    return lambda text: log(f"[{name}] {text}")


def touches(watched: tuple[str, ...] | None, paths: Collection[str]) -> bool:
    """Whether a change to ``paths`` (relative to the repository's root) may change manifests
    read from ``watched`` (None: from anywhere)."""
    if watched is None:
        return True
    for path in paths:
        clean = path.strip("/")
        for place in watched:
            root = place.strip("/")
            if root in ("", ".") or clean == root or clean.startswith(root + "/"):
                return True
    return False
