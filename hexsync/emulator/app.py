"""The emulator as one ASGI app: stats → edges (rate limits, faults) → the Hex API.

``create_app(seed, config, clock=...)`` is what tests (through ``httpx.ASGITransport``), the
``serve`` command and ``hexsync demo`` run. Beside the API it answers the control endpoints
(no auth, loopback clients only):

- ``GET /_emulator/stats`` → ``{"requests": {operationId: {status: count}}, "rate_limited": N,
  "total": N, "in_flight": N, "tokens": {fingerprint: count}}``; a request dropped (before or
  during its response) counts under ``"dropped"``; ``in_flight`` is the API requests begun and
  not yet ended (one a fault holds included), so a test can wait until everything a client sent
  has landed; ``tokens`` counts the API requests by the bearer token
  they carried, each named by :func:`token_fingerprint` (never the token), ``"none"`` without
  one: which tokens reached this emulator, say a test that two workspaces' never cross;
- ``POST /_emulator/reset`` → the workspace back to the seed; stats, rate-limit quotas and
  scheduled faults start over;
- ``GET /_emulator/state`` → the whole workspace in seed format (``hexsync.emulator.seed``);
- ``POST /_emulator/edit`` ``{"project": id, "queried_tables"?: [{"connection", "table"}]}`` →
  the project edited as in Hex's editor: ``lastEditedAt`` moves to now (and, when given, the
  tables it queries are these), what an incremental reader of queried tables keys on.

The app object carries ``app.state.store`` (the ``Store``), ``.stats``, ``.seed``, ``.config``
and ``.clock`` for tests to inspect.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from typing import Any
from urllib.parse import urlsplit

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from hexsync.emulator.api import HexApi
from hexsync.emulator.clock import Clock
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.edges import replay, wrap_edges
from hexsync.emulator.loopback import is_loopback
from hexsync.emulator.operations import resolve
from hexsync.emulator.seed import Seed
from hexsync.emulator.store import StateFileError, Store

CONTROL_PREFIX = "/_emulator/"
LOOPBACK = {"127.0.0.1", "::1", "localhost", "testclient"}


def token_fingerprint(token: str) -> str:
    """A bearer token as the stats name it: ``sha256:`` and 12 hex digits of its hash."""
    return "sha256:" + hashlib.sha256(token.encode("utf-8")).hexdigest()[:12]


def _bearer(scope: Scope) -> str:
    for name, value in scope.get("headers", ()):
        if name == b"authorization":
            scheme, _, token = value.decode("latin-1").partition(" ")
            if scheme.lower() == "bearer" and token.strip():
                return token_fingerprint(token.strip())
    return "none"


class Stats:
    """Request counts per operationId and status, and per token, thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._counts: dict[str, dict[str, int]] = {}
        self._tokens: dict[str, int] = {}
        self._rate_limited = 0
        self._total = 0
        self._in_flight = 0  # not reset: the requests are still in flight

    def begin(self) -> None:
        with self._lock:
            self._in_flight += 1

    def record(self, operation_id: str, status: str, token: str = "none") -> None:  # noqa: S107
        with self._lock:
            per_status = self._counts.setdefault(operation_id, {})
            per_status[status] = per_status.get(status, 0) + 1
            self._tokens[token] = self._tokens.get(token, 0) + 1
            self._total += 1
            self._in_flight -= 1
            if status == "429":
                self._rate_limited += 1

    def snapshot(self) -> dict[str, Any]:
        with self._lock:
            return {
                "requests": {op: dict(sorted(c.items())) for op, c in sorted(self._counts.items())},
                "rate_limited": self._rate_limited,
                "total": self._total,
                "in_flight": self._in_flight,
                "tokens": dict(sorted(self._tokens.items())),
            }

    def reset(self) -> None:
        with self._lock:
            self._counts.clear()
            self._tokens.clear()
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
        if op is not None:
            self.stats.begin()
        try:
            await self.app(scope, receive, capture)
            if status:
                outcome = str(status[0])
        finally:
            if op is not None:
                self.stats.record(op.operation_id, outcome, _bearer(scope))


def _loopback_only(request: Request) -> Response | None:
    host = request.client.host if request.client else None
    if host is not None and host not in LOOPBACK:
        return JSONResponse({"reason": "control endpoints answer loopback clients only"}, 403)
    return None


MAX_BODY_BYTES = 1024 * 1024  # no Hex request hexsync sends comes near; 300 MB names are refused


def _host_of(header: str) -> str:
    """``localhost:8700`` → ``localhost``; ``[::1]:8700`` → ``::1``."""
    header = header.strip()
    if header.startswith("["):
        return header[1:].partition("]")[0]
    return header.rpartition(":")[0] if header.count(":") == 1 else header


def loopback_origin(origin: str) -> bool:
    """Whether a browser ``Origin`` is a page served from this machine (``null`` is not)."""
    try:
        parts = urlsplit(origin.strip())
    except ValueError:
        return False
    return parts.scheme in {"http", "https"} and is_loopback(parts.hostname or "")


class LocalOnly:
    """The emulator as served on a socket: for this machine's tools, not for web pages.

    - The ``Host`` header must name a loopback host (``localhost``, ``127.0.0.1``, ``[::1]``,
      any port), for the API and the control endpoints: a page on ``evil.example`` whose name
      is rebound to 127.0.0.1 (DNS rebinding) reaches the port with its own name as ``Host``.
      ``--allow-remote`` lifts this for the API only; ``/_emulator/*`` always wants loopback.
    - A request with an ``Origin`` (or ``Sec-Fetch-Site: cross-site``) from anything but a
      loopback page is refused: browsers add them, so a web page cannot reset a shared
      ``--state`` workspace with a form; command-line clients (curl, httpx, hexsync, SDKs)
      send neither and are unaffected.
    - Bodies over ``max_body`` bytes are answered 413 before the API reads them.
    Refusals are JSON ``{"reason": …}`` with 403 (421 for a foreign Host) or 413."""

    def __init__(
        self, app: ASGIApp, *, allow_remote: bool = False, max_body: int = MAX_BODY_BYTES
    ) -> None:
        self.app = app
        self.allow_remote = allow_remote
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        control = scope["path"].startswith(CONTROL_PREFIX) or scope["path"] == "/_emulator"
        refusal = self._refusal(headers, control=control)
        if refusal is not None:
            status, reason = refusal
            await JSONResponse({"reason": reason}, status)(scope, receive, send)
            return
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_body:
            await self._too_large(scope, receive, send)
            return
        if scope["method"] in {"GET", "HEAD", "OPTIONS"} and not declared:
            await self.app(scope, receive, send)
            return
        body = await self._read(receive)
        if body is None:
            await self._too_large(scope, receive, send)
            return
        await self.app(scope, replay(body, receive), send)

    def _refusal(self, headers: dict[str, str], *, control: bool) -> tuple[int, str] | None:
        host = _host_of(headers.get("host", ""))
        if (control or not self.allow_remote) and not is_loopback(host):
            return 421, (
                "the emulator answers loopback host names only (localhost, 127.0.0.1, [::1]); "
                "use http://127.0.0.1:PORT"
            )
        origin = headers.get("origin")
        if origin is not None and not loopback_origin(origin):
            return 403, "cross-origin requests are refused: the emulator is not for web pages"
        if origin is None and headers.get("sec-fetch-site") == "cross-site":
            return 403, "cross-site requests are refused: the emulator is not for web pages"
        return None

    async def _read(self, receive: Receive) -> bytes | None:
        """The whole body, or None once it passes ``max_body`` (the rest is not read)."""
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return b"".join(chunks)
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body:
                return None
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)

    async def _too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = JSONResponse(
            {"reason": f"request body larger than {self.max_body} bytes"},
            413,
            headers={"Connection": "close"},
        )
        await response(scope, receive, send)


def _after(stamp: str) -> str:
    """``stamp`` (``…SS.mmmZ``) one millisecond later, as Hex writes times."""
    moment = dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    later = moment + dt.timedelta(milliseconds=1)
    return later.strftime("%Y-%m-%dT%H:%M:%S.") + f"{later.microsecond // 1000:03d}Z"


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
        try:
            with store.read():
                return JSONResponse(store.to_seed_dict())
        except StateFileError as exc:
            return JSONResponse({"reason": exc.message, "hint": exc.hint}, status_code=503)

    async def edit(request: Request) -> Response:
        refused = _loopback_only(request)
        if refused is not None:
            return refused
        try:
            body = await request.json()
        except ValueError:
            body = None
        if not isinstance(body, dict) or not isinstance(body.get("project"), str):
            return JSONResponse({"reason": 'expected {"project": id}'}, status_code=400)
        with store.write():
            project = store.projects.get(body["project"].lower())
            if project is None:
                return JSONResponse({"reason": "no such project"}, status_code=404)
            by_name = {c.name: c.id for c in store.connections.values()}
            tables = body.get("queried_tables")
            if isinstance(tables, list):
                try:
                    project.queried_tables = [
                        (by_name[t["connection"]], t["table"]) for t in tables
                    ]
                except (KeyError, TypeError):
                    return JSONResponse({"reason": "unknown connection"}, status_code=400)
            now = clock.isoformat()
            # Always later than before, even twice within one millisecond of the clock.
            project.last_edited_at = max(now, _after(project.last_edited_at))
            return JSONResponse({"project": project.id, "lastEditedAt": project.last_edited_at})

    app = Starlette(
        routes=[
            Route("/_emulator/stats", get_stats, methods=["GET"]),
            Route("/_emulator/reset", reset, methods=["POST"]),
            Route("/_emulator/state", state, methods=["GET"]),
            Route("/_emulator/edit", edit, methods=["POST"]),
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
