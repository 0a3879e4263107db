"""Fault injection: the failures a real Hex workspace and the network in front of it produce.

Kinds (``FaultKind``):

- ``status_500`` / ``status_503``: an error in the endpoint's own envelope; the handler never runs.
- ``status_502``: an HTML page, as a proxy or load balancer in front of Hex would send.
- ``delay``: the request is held for some emulated seconds, then served normally; ``DELETE
  /_emulator/faults`` lets every held request go on at once (:meth:`FaultInjector.release`), so a
  test can hold a write for as long as it needs and no longer.
- ``drop``: the connection dies before the handler runs; nothing was done.
- ``commit_then_timeout``: the handler runs and commits, then the client never gets the answer —
  the nasty one, since a retried POST creates twice (Hex has no idempotency keys).

How a dropped connection looks to a client: over a socket (``hexsync emulator serve``) the
response is started and the server closes the connection mid-response, so the client sees
``httpx.RemoteProtocolError`` (or a read error). In process (``httpx.ASGITransport``) the exception
raised by the app reaches the client as is: ``drop`` raises ``ConnectionDropped`` (an
``httpx.RemoteProtocolError``) and ``commit_then_timeout`` raises ``ResponseTimedOut`` (an
``httpx.ReadTimeout``). Both are transport errors, never an HTTP status.

Random faults hit each API request with probability ``fault_rate``, drawn from a
``random.Random(fault_seed)``: the same requests in the same order meet the same faults. The kind is
picked uniformly among those that fit the method (``commit_then_timeout`` only for POST).
Scheduled faults (``POST /_emulator/faults``) fire on the next matching requests first, whatever
the rate.
"""

from __future__ import annotations

import math
import random
import threading
from collections import Counter, deque
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any

import anyio
import httpx
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from hexsync.emulator.clock import Clock, ManualClock
from hexsync.emulator.envelopes import error_response
from hexsync.emulator.operations import OPERATION_IDS, Operation

__all__ = [
    "DEFAULT_DELAY_SECONDS",
    "ConnectionDropped",
    "Fault",
    "FaultInjector",
    "FaultKind",
    "FaultSpecError",
    "InjectedFault",
    "ResponseTimedOut",
    "inject",
]

DEFAULT_DELAY_SECONDS = 3.0  # emulated seconds a ``delay`` fault holds a request
RECENT = 200  # fired faults kept for GET /_emulator/faults


class FaultKind(str, Enum):
    STATUS_500 = "status_500"
    STATUS_502 = "status_502"
    STATUS_503 = "status_503"
    DELAY = "delay"
    DROP = "drop"
    COMMIT_THEN_TIMEOUT = "commit_then_timeout"


_ANY_METHOD = (
    FaultKind.STATUS_500,
    FaultKind.STATUS_502,
    FaultKind.STATUS_503,
    FaultKind.DELAY,
    FaultKind.DROP,
)
_POST = (*_ANY_METHOD, FaultKind.COMMIT_THEN_TIMEOUT)


class InjectedFault(Exception):  # noqa: N818 - a marker, never raised on its own
    """Marks the exceptions the emulator raises on purpose (servers keep them out of the log)."""


class ConnectionDropped(InjectedFault, httpx.RemoteProtocolError):
    """The connection died: in process the client sees this transport error itself."""


class ResponseTimedOut(InjectedFault, httpx.ReadTimeout):
    """The request was carried out but the answer never came: a client-side read timeout."""


class FaultSpecError(ValueError):
    """A bad request to ``POST /_emulator/faults``."""


@dataclass(frozen=True)
class Fault:
    kind: FaultKind
    seconds: float | None = None  # delay: how long; commit_then_timeout: hold before dropping
    source: str = "random"  # or "scheduled"


@dataclass
class ScheduledFault:
    kind: FaultKind
    operation_id: str | None  # None: any API operation
    remaining: int
    seconds: float | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "operationId": self.operation_id,
            "kind": self.kind.value,
            "remaining": self.remaining,
            "seconds": self.seconds,
        }


@dataclass
class _Fired:
    total: int = 0
    by_kind: Counter[str] = field(default_factory=Counter)
    by_operation: dict[str, Counter[str]] = field(default_factory=dict)
    recent: deque[dict[str, Any]] = field(default_factory=lambda: deque(maxlen=RECENT))


class FaultInjector:
    """Decides which requests meet which fault, and remembers what fired."""

    def __init__(
        self,
        rate: float,
        seed: int | None,
        clock: Clock,
        *,
        delay_seconds: float = DEFAULT_DELAY_SECONDS,
    ) -> None:
        if not 0.0 <= rate <= 1.0:
            raise ValueError(f"fault rate must be between 0 and 1, not {rate}")
        self.rate = rate
        self.seed = seed
        self.clock = clock
        self.delay_seconds = delay_seconds
        self._lock = threading.Lock()
        self._rng = random.Random(seed)  # noqa: S311 - reproducible faults, not secrets
        self._scheduled: list[ScheduledFault] = []
        self._fired = _Fired()
        self._held: set[anyio.Event] = set()  # requests a delay holds now, set to let them go

    def pick(self, op: Operation, path: str) -> Fault | None:
        """The fault this request meets, if any (and record it as fired)."""
        with self._lock:
            fault = self._pick_scheduled(op) or self._pick_random(op)
            if fault is not None:
                if fault.kind is FaultKind.DELAY and fault.seconds is None:
                    fault = replace(fault, seconds=self.delay_seconds)
                self._record(fault, op, path)
            return fault

    def _pick_scheduled(self, op: Operation) -> Fault | None:
        for entry in self._scheduled:
            if entry.operation_id in (None, op.operation_id):
                entry.remaining -= 1
                if entry.remaining <= 0:
                    self._scheduled.remove(entry)
                return Fault(entry.kind, entry.seconds, "scheduled")
        return None

    def _pick_random(self, op: Operation) -> Fault | None:
        if self.rate <= 0.0 or self._rng.random() >= self.rate:
            return None
        kinds = _POST if op.method == "POST" else _ANY_METHOD
        return Fault(self._rng.choice(kinds))

    def _record(self, fault: Fault, op: Operation, path: str) -> None:
        fired = self._fired
        fired.total += 1
        fired.by_kind[fault.kind.value] += 1
        fired.by_operation.setdefault(op.operation_id, Counter())[fault.kind.value] += 1
        fired.recent.append(
            {
                "at": self.clock.isoformat(),
                "operationId": op.operation_id,
                "method": op.method,
                "path": path,
                "kind": fault.kind.value,
                "source": fault.source,
            }
        )

    def schedule(self, spec: object) -> list[ScheduledFault]:
        """Add faults from a control request body: one object or a list of them."""
        specs = spec if isinstance(spec, list) else [spec]
        entries = [_parse_spec(item) for item in specs]  # all valid, or none added
        with self._lock:
            self._scheduled.extend(entries)
        return entries

    def clear(self) -> int:
        """Drop every scheduled fault not yet fired; returns how many were dropped."""
        with self._lock:
            count = len(self._scheduled)
            self._scheduled.clear()
            return count

    async def hold(self, seconds: float) -> None:
        """Let ``seconds`` of emulated time pass for a request (a manual clock jumps, a real one
        is slept on), or less if :meth:`release` is called meanwhile."""
        if seconds <= 0:
            return
        if isinstance(self.clock, ManualClock):
            self.clock.advance(seconds)
            return
        released = anyio.Event()
        with self._lock:
            self._held.add(released)
        try:
            with anyio.move_on_after(self.clock.real_seconds(seconds)):
                await released.wait()
        finally:
            with self._lock:
                self._held.discard(released)

    def release(self) -> int:
        """Let every request a fault holds now go on at once (from the serving event loop);
        returns how many there were."""
        with self._lock:
            held = list(self._held)
            self._held.clear()
        for event in held:
            event.set()
        return len(held)

    def reset(self) -> None:
        """Back to the start: no schedule, nothing fired, the random sequence from its seed."""
        with self._lock:
            self._scheduled.clear()
            self._fired = _Fired()
            self._rng = random.Random(self.seed)  # noqa: S311

    def snapshot(self) -> dict[str, Any]:
        """What ``GET /_emulator/faults`` answers."""
        with self._lock:
            fired = self._fired
            return {
                "fault_rate": self.rate,
                "fault_seed": self.seed,
                "delay_seconds": self.delay_seconds,
                "held": len(self._held),
                "scheduled": [entry.as_dict() for entry in self._scheduled],
                "fired": {
                    "total": fired.total,
                    "by_kind": dict(sorted(fired.by_kind.items())),
                    "by_operation": {
                        op: dict(sorted(kinds.items()))
                        for op, kinds in sorted(fired.by_operation.items())
                    },
                    "recent": list(fired.recent),
                },
            }


def _parse_spec(spec: object) -> ScheduledFault:
    if not isinstance(spec, Mapping):
        raise FaultSpecError('a fault is a JSON object like {"kind": "status_503"}')
    unknown = set(spec) - {"operationId", "kind", "count", "seconds"}
    if unknown:
        raise FaultSpecError(
            f"unknown keys {sorted(unknown)}; known: operationId, kind, count, seconds"
        )
    kinds = [k.value for k in FaultKind]
    kind = spec.get("kind")
    if kind not in kinds:
        raise FaultSpecError(f"kind must be one of {kinds}, not {kind!r}")
    operation_id = spec.get("operationId")
    if operation_id is not None and operation_id not in OPERATION_IDS:
        raise FaultSpecError(f"unknown operationId {operation_id!r}")
    count = spec.get("count", 1)
    if not isinstance(count, int) or isinstance(count, bool) or count < 1:
        raise FaultSpecError(f"count must be a positive integer, not {count!r}")
    seconds = spec.get("seconds")
    if seconds is not None and (
        not isinstance(seconds, (int, float))
        or isinstance(seconds, bool)
        or not math.isfinite(seconds)
        or seconds < 0
    ):
        raise FaultSpecError(f"seconds must be a non-negative number, not {seconds!r}")
    return ScheduledFault(
        FaultKind(kind),
        operation_id,
        count,
        None if seconds is None else float(seconds),
    )


# --- carrying a fault out -----------------------------------------------------------------------

_PROXY_502 = (
    b"<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    b"<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n"
)


async def _break_connection(send: Send, exc: InjectedFault) -> None:
    # A server closes the socket when the app fails after starting its response; the client then
    # sees a truncated response. (Failing before the start would make the server answer 500.)
    await send(
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [(b"content-type", b"application/json"), (b"content-length", b"1024")],
        }
    )
    raise exc


async def inject(
    fault: Fault,
    op: Operation,
    app: ASGIApp,
    scope: Scope,
    receive: Receive,
    send: Send,
    faults: FaultInjector,
) -> None:
    """Serve this request through ``app`` with ``fault`` applied (``faults`` holds it)."""
    kind = fault.kind
    if kind is FaultKind.DELAY:
        seconds = DEFAULT_DELAY_SECONDS if fault.seconds is None else fault.seconds
        await faults.hold(seconds)
        await app(scope, receive, send)
        return
    if kind is FaultKind.DROP:
        await _break_connection(send, ConnectionDropped("Server disconnected without a response"))
        return
    if kind is FaultKind.COMMIT_THEN_TIMEOUT:

        async def swallow(message: Message) -> None:
            del message  # the answer is lost on its way back

        await app(scope, receive, swallow)
        await faults.hold(fault.seconds or 0.0)
        await _break_connection(send, ResponseTimedOut("The read operation timed out"))
        return
    if kind is FaultKind.STATUS_502:
        response: Response = Response(_PROXY_502, status_code=502, media_type="text/html")
    elif kind is FaultKind.STATUS_503:
        response = error_response(op.envelope, 503, "Service temporarily unavailable")
    else:
        response = error_response(op.envelope, 500, "Internal server error")
    await response(scope, receive, send)
