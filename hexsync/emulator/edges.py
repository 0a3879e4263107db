"""The emulator's edge behaviour around the API: fault injection, then rate limits.

``wrap_edges`` wraps the bare API app in one ASGI middleware that, for each API request (an
operation of ``operations.py``; ``/_emulator/*`` and unknown paths pass straight through):

1. may inject a fault (``faults.py``) — a faulted request never reaches the rate limiter unless
   the fault lets the handler run (``delay``, ``commit_then_timeout``);
2. counts it against its token's quota in its operation's rate-limit group (``ratelimit.py``) and,
   over the limit, answers 429 in the endpoint's envelope with ``Retry-After`` (real seconds).
   Requests without a bearer token are not counted: the API answers them 401.
   ``CreatePresignedUrl`` with ``"testMode": true`` is not counted (docs/hex-api.md).

It also serves the fault control endpoint, ``/_emulator/faults``:

- ``GET``: the configured rate and seed, how many requests a fault holds now (``held``), the
  faults still scheduled, and the faults fired (totals by kind and by operationId, and the most
  recent ones);
- ``POST`` with ``{"operationId"?: str, "kind": str, "count"?: int, "seconds"?: number}`` (or a
  list of such): fire ``kind`` on the next ``count`` requests of that operation (any operation
  when omitted), before any random fault;
- ``DELETE``: forget the faults still scheduled, and let the requests a fault holds now (a
  ``delay``, or a ``commit_then_timeout`` with ``seconds``) go on at once: a test holds a write
  with a long delay, does what it must while the write is in flight, then lets it go.

``POST /_emulator/reset`` (served by the app) also resets the edges: quotas, schedule, fired
counts, and the random fault sequence back to its seed.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from hexsync.emulator.clock import Clock
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.envelopes import error_response
from hexsync.emulator.faults import FaultInjector, FaultSpecError, inject
from hexsync.emulator.operations import Operation, resolve
from hexsync.emulator.ratelimit import RateLimiter, format_window, retry_after_seconds

__all__ = ["CONTROL_PATH", "Edges", "wrap_edges"]

CONTROL_PATH = "/_emulator/faults"
RESET_PATH = "/_emulator/reset"
_NOT_COUNTED = "CreatePresignedUrl"  # with testMode: true
_LOOPBACK = {"127.0.0.1", "::1", "localhost", "testclient"}


def wrap_edges(app: ASGIApp, config: EmulatorConfig, clock: Clock) -> Edges:
    """The app wrapped in fault injection and rate limiting as ``config`` asks."""
    return Edges(app, config, clock)


class Edges:
    """The ASGI middleware; ``limiter`` (None when limits are off) and ``faults`` are public."""

    def __init__(self, app: ASGIApp, config: EmulatorConfig, clock: Clock) -> None:
        self.app = app
        self.clock = clock
        self.limiter = (
            None if config.rate_limits is None else RateLimiter(config.rate_limits, clock)
        )
        self.faults = FaultInjector(
            config.fault_rate, config.fault_seed, clock, delay_seconds=config.fault_delay_seconds
        )

    def reset(self) -> None:
        if self.limiter is not None:
            self.limiter.reset()
        self.faults.reset()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        method: str = scope["method"]
        if path.startswith("/_emulator"):
            if path.rstrip("/") == CONTROL_PATH:
                await self._control(scope, receive, send)
                return
            if path.rstrip("/") == RESET_PATH and method == "POST":
                self.reset()
            await self.app(scope, receive, send)
            return
        op = resolve(method, path)
        if op is None:
            await self.app(scope, receive, send)
            return

        async def limited(scope: Scope, receive: Receive, send: Send) -> None:
            await self._rate_limited(op, scope, receive, send)

        fault = self.faults.pick(op, path)
        if fault is None:
            await limited(scope, receive, send)
        else:
            await inject(fault, op, limited, scope, receive, send, self.faults)

    async def _rate_limited(
        self, op: Operation, scope: Scope, receive: Receive, send: Send
    ) -> None:
        token = _bearer(scope)
        if self.limiter is None or token is None:
            await self.app(scope, receive, send)
            return
        if op.operation_id == _NOT_COUNTED:
            body, receive = await _peek_body(receive)
            if _test_mode(body):
                await self.app(scope, receive, send)
                return
        refused = self.limiter.acquire(token, op.rate_group)
        if refused is None:
            await self.app(scope, receive, send)
            return
        retry_after = retry_after_seconds(refused.wait, self.clock)
        response = error_response(
            op.envelope,
            429,
            f"Rate limit exceeded: {format_window(refused.window)} for {op.operation_id} "
            f"(group {refused.group}). Retry after {retry_after} s.",
            headers={"Retry-After": str(retry_after)},
        )
        await response(scope, receive, send)

    async def _control(self, scope: Scope, receive: Receive, send: Send) -> None:
        request = Request(scope, receive)
        response: JSONResponse
        client = request.client.host if request.client else None
        if client is not None and client not in _LOOPBACK:
            # Even when served with --allow-remote: whoever schedules faults breaks the workspace.
            response = JSONResponse({"error": "loopback clients only"}, status_code=403)
        elif request.method == "GET":
            response = JSONResponse(self.faults.snapshot())
        elif request.method == "DELETE":
            cleared = self.faults.clear()
            released = self.faults.release()
            response = JSONResponse(
                {"cleared": cleared, "released": released, **self.faults.snapshot()}
            )
        elif request.method == "POST":
            try:
                entries = self.faults.schedule(json.loads(await request.body() or b"null"))
            except (ValueError, FaultSpecError) as exc:
                response = JSONResponse({"error": str(exc)}, status_code=400)
            else:
                response = JSONResponse(
                    {"scheduled": [entry.as_dict() for entry in entries]}, status_code=201
                )
        else:
            response = JSONResponse(
                {"error": "use GET, POST or DELETE"},
                status_code=405,
                headers={"Allow": "GET, POST, DELETE"},
            )
        await response(scope, receive, send)


def _bearer(scope: Scope) -> str | None:
    for name, value in scope["headers"]:
        if name == b"authorization":
            scheme, _, token = value.decode("latin-1").partition(" ")
            token = token.strip()
            return token if scheme.lower() == "bearer" and token else None
    return None


async def _peek_body(receive: Receive) -> tuple[bytes, Callable[[], Awaitable[Message]]]:
    """Read the whole request body, and a ``receive`` that hands it to the app again."""
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    body = b"".join(chunks)
    return body, replay(body, receive)


def replay(body: bytes, receive: Receive) -> Callable[[], Awaitable[Message]]:
    """A ``receive`` that hands ``body`` (already read) to the app, then defers to ``receive``."""
    sent = False

    async def again() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return again


def _test_mode(body: bytes) -> bool:
    try:
        data = json.loads(body)
    except ValueError:
        return False
    return isinstance(data, dict) and data.get("testMode") is True
