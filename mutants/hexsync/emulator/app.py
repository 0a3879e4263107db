"""The emulator as one ASGI app: stats → edges (rate limits, faults) → the Hex API.

``create_app(seed, config, clock=...)`` is what tests (through ``httpx.ASGITransport``), the
``serve`` command and ``hexsync demo`` run. Beside the API it answers the control endpoints
(no auth, loopback clients only; SPEC §5):

- ``GET /_emulator/stats`` → ``{"requests": {operationId: {status: count}}, "rate_limited": N,
  "total": N}``; a request dropped (before or during its response) counts under ``"dropped"``;
- ``POST /_emulator/reset`` → the workspace back to the seed; stats, rate-limit quotas and
  scheduled faults start over;
- ``GET /_emulator/state`` → the whole workspace in seed format (``hexsync.emulator.seed``).

The app object carries ``app.state.store`` (the ``Store``), ``.stats``, ``.seed``, ``.config``
and ``.clock`` for tests to inspect.
"""

from __future__ import annotations

import threading
from typing import Any

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from hexsync.emulator.api import HexApi
from hexsync.emulator.clock import Clock
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.edges import wrap_edges
from hexsync.emulator.operations import resolve
from hexsync.emulator.seed import Seed
from hexsync.emulator.store import Store

CONTROL_PREFIX = "/_emulator/"
LOOPBACK = {"127.0.0.1", "::1", "localhost", "testclient"}


class Stats:
    """Request counts per operationId and status, thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counts: dict[str, dict[str, int]] = {}
        self._rate_limited = 0
        self._total = 0

    def record(self, operation_id: str, status: str) -> None:
        with self._lock:
            per_status = self._counts.setdefault(operation_id, {})
            per_status[status] = per_status.get(status, 0) + 1
            self._total += 1
            if status == "429":
                self._rate_limited += 1

    def snapshot(self) -> dict[str, Any]:
        with self._lock:
            return {
                "requests": {op: dict(sorted(c.items())) for op, c in sorted(self._counts.items())},
                "rate_limited": self._rate_limited,
                "total": self._total,
            }

    def reset(self) -> None:
        with self._lock:
            self._counts.clear()
            self._rate_limited = 0
            self._total = 0


class StatsMiddleware:
    """Counts every API request by the status it finally got, whoever produced it."""

    def __init__(self, app: ASGIApp, stats: Stats) -> None:
        self.app = app
        self.stats = stats

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"].startswith(CONTROL_PREFIX):
            await self.app(scope, receive, send)
            return
        op = resolve(scope["method"], scope["path"])
        status: list[int] = []

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                status.append(message["status"])
            await send(message)

        outcome = "dropped"  # an injected fault may start a response and then cut it off
        try:
            await self.app(scope, receive, capture)
            if status:
                outcome = str(status[0])
        finally:
            if op is not None:
                self.stats.record(op.operation_id, outcome)


def _loopback_only(request: Request) -> Response | None:
    host = request.client.host if request.client else None
    if host is not None and host not in LOOPBACK:
        return JSONResponse({"reason": "control endpoints answer loopback clients only"}, 403)
    return None


def create_app(
    seed: Seed, config: EmulatorConfig | None = None, *, clock: Clock | None = None
) -> Starlette:
    """The emulator app for ``seed``: stats → ``wrap_edges(api)`` → API, plus control endpoints."""
    config = config or EmulatorConfig()
    clock = clock or Clock(config.time_scale)
    store = Store(seed, config.state_path)
    stats = Stats()
    edges = wrap_edges(HexApi(store, config, clock), config, clock)
    api: ASGIApp = edges

    async def get_stats(request: Request) -> Response:
        return _loopback_only(request) or JSONResponse(stats.snapshot())

    async def reset(request: Request) -> Response:
        refused = _loopback_only(request)
        if refused is not None:
            return refused
        store.reset()
        stats.reset()
        edges.reset()  # rate-limit quotas and scheduled faults start over too
        return JSONResponse({"reset": True})

    async def state(request: Request) -> Response:
        refused = _loopback_only(request)
        if refused is not None:
            return refused
        with store.read():
            return JSONResponse(store.to_seed_dict())

    app = Starlette(
        routes=[
            Route("/_emulator/stats", get_stats, methods=["GET"]),
            Route("/_emulator/reset", reset, methods=["POST"]),
            Route("/_emulator/state", state, methods=["GET"]),
        ],
        middleware=[Middleware(StatsMiddleware, stats=stats)],
    )
    app.router.default = api
    app.state.store = store
    app.state.stats = stats
    app.state.seed = seed
    app.state.config = config
    app.state.clock = clock
    return app
