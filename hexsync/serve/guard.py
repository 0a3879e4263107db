"""Who a token is, and how often someone may guess: the API's bearer tokens, the dashboard's
sign-in and the webhooks' secret are checked here.

:class:`Tokens` compares a given token with every configured one through their SHA-256 digests,
so the comparison takes the same time whatever the token's length or how much of it is right.

:class:`Throttle` counts failures (a wrong token, a bad signature) in a sliding window, per
client address and over all addresses. Past either limit, an attempt is refused before its token
is looked at (a guess made while throttled learns nothing) until the window frees up. A success
never clears the count (a viewer could otherwise interleave their own token with guesses at the
admin's). The global limit spares addresses that authenticated in the last hours, so a flood of
guesses from many addresses does not lock out the people already using the server.

:class:`TrustedProxies` believes ``X-Forwarded-For`` and ``X-Forwarded-Proto`` from the proxies
named with ``--trusted-proxy`` only (loopback by default). :class:`BodyLimit` answers 413 to a
body over its limit before reading it all.
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
import math
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = [
    "BodyLimit",
    "Replays",
    "Throttle",
    "ThrottleLimits",
    "Tokens",
    "TrustedProxies",
    "same_secret",
]


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


def same_secret(given: str, expected: str) -> bool:
    """Whether two secrets are equal, in time that depends on neither's length nor content."""
    return hmac.compare_digest(_digest(given), _digest(expected))


class Tokens:
    """The admin's and the viewer's tokens; :meth:`role_of` is the one comparison."""

    def __init__(self, admin: Sequence[str], viewer: Sequence[str]) -> None:
        self._admin = [_digest(t) for t in admin]
        self._viewer = [_digest(t) for t in viewer]

    @property
    def configured(self) -> bool:
        return bool(self._admin or self._viewer)

    def role_of(self, token: str) -> str | None:
        """``admin``, ``viewer`` or None, every configured token compared each time."""
        token = token.strip()
        given = _digest(token)
        admin = viewer = False
        for known in self._admin:
            admin |= hmac.compare_digest(given, known)
        for known in self._viewer:
            viewer |= hmac.compare_digest(given, known)
        if not token:
            return None
        return "admin" if admin else "viewer" if viewer else None


@dataclass(frozen=True)
class ThrottleLimits:
    per_address: int = 10  # failures from one address in a window
    overall: int = 300  # failures from all addresses in a window
    window: float = 600.0  # seconds
    trusted_for: float = 8 * 3600.0  # seconds an address that authenticated is spared `overall`
    addresses: int = 10_000  # addresses remembered (the oldest forgotten first)


class Throttle:
    """Failed attempts per address and overall (see the module docstring). Thread-safe."""

    def __init__(
        self, limits: ThrottleLimits | None = None, *, clock: Callable[[], float] | None = None
    ) -> None:
        self.limits = limits or ThrottleLimits()
        self._now = clock or time.monotonic
        self._lock = threading.Lock()
        self._by_address: OrderedDict[str, deque[float]] = OrderedDict()
        self._all: deque[float] = deque()
        self._trusted: OrderedDict[str, float] = OrderedDict()

    def _expire(self, now: float) -> None:
        horizon = now - self.limits.window
        while self._all and self._all[0] <= horizon:
            self._all.popleft()
        # Ordered by each address's last failure: the stale ones are at the front.
        while self._by_address:
            oldest = next(iter(self._by_address.values()))
            if oldest and oldest[-1] > horizon:
                break
            self._by_address.popitem(last=False)
        while self._trusted and next(iter(self._trusted.values())) <= now:
            self._trusted.popitem(last=False)

    def wait(self, address: str) -> float:
        """0 when ``address`` may try now; else the seconds until it may."""
        now = self._now()
        limits = self.limits
        with self._lock:
            self._expire(now)
            waits = []
            mine = self._by_address.get(address)
            while mine and mine[0] <= now - limits.window:
                mine.popleft()
            if mine is not None and len(mine) >= limits.per_address:
                waits.append(mine[len(mine) - limits.per_address] + limits.window - now)
            if len(self._all) >= limits.overall and address not in self._trusted:
                waits.append(self._all[len(self._all) - limits.overall] + limits.window - now)
        return max(waits, default=0.0)

    def failed(self, address: str) -> None:
        now = self._now()
        with self._lock:
            self._expire(now)
            mine = self._by_address.pop(address, None) or deque()
            mine.append(now)
            self._by_address[address] = mine  # most recent last
            while len(self._by_address) > self.limits.addresses:
                self._by_address.popitem(last=False)
            self._all.append(now)

    def succeeded(self, address: str) -> None:
        """Spare ``address`` the overall limit for a while (its own count stays)."""
        now = self._now()
        with self._lock:
            self._trusted.pop(address, None)
            self._trusted[address] = now + self.limits.trusted_for
            while len(self._trusted) > self.limits.addresses:
                self._trusted.popitem(last=False)

    @staticmethod
    def words(seconds: float) -> str:
        """``3 minutes`` / ``40 seconds``: how long to wait, for a person."""
        if seconds > 90:
            minutes = math.ceil(seconds / 60)
            return f"{minutes} minutes"
        whole = max(1, math.ceil(seconds))
        return f"{whole} second{'s' if whole != 1 else ''}"


class TrustedProxies:
    """ASGI middleware: the client's address and scheme as a trusted proxy reports them.

    A request that comes from one of ``proxies`` (addresses or networks) is taken to be for the
    client its ``X-Forwarded-For`` names (the nearest address not itself a trusted proxy) over
    the scheme its ``X-Forwarded-Proto`` says (``https``: the session cookie is ``Secure``).
    From anywhere else both headers are ignored, so nobody can pose as another address to
    dodge the throttle, or as TLS."""

    def __init__(self, app: ASGIApp, proxies: Sequence[str]) -> None:
        self.app = app
        self.networks = [ipaddress.ip_network(p.strip(), strict=False) for p in proxies]

    def trusted(self, host: str | None) -> bool:
        if not host:
            return False
        try:
            address = ipaddress.ip_address(host.strip("[]"))
        except ValueError:
            return False
        return any(address in network for network in self.networks)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        client = scope.get("client")
        if scope["type"] in ("http", "websocket") and client and self.trusted(client[0]):
            headers = scope["headers"]
            proto = [v for k, v in headers if k == b"x-forwarded-proto"]
            hops = [
                h.strip()
                for k, v in headers
                if k == b"x-forwarded-for"
                for h in v.decode("latin-1").split(",")
            ]
            scope = dict(scope)
            if proto:
                scheme = proto[-1].decode("latin-1").split(",")[-1].strip().lower()
                if scheme in ("http", "https"):
                    scope["scheme"] = scheme
            for hop in reversed([h for h in hops if h]):
                if not self.trusted(hop):
                    scope["client"] = (hop, 0)
                    break
        await self.app(scope, receive, send)


class BodyLimit:
    """ASGI middleware: a request body longer than its limit is answered 413 without being
    read (a ``Content-Length`` over it), or as soon as it passes the limit (a chunked one); a
    body within it is read here and handed on. ``limits`` maps a path prefix to its limit;
    ``default`` is for every other path."""

    def __init__(self, app: ASGIApp, default: int, limits: dict[str, int] | None = None) -> None:
        self.app = app
        self.default = default
        self.limits = limits or {}

    def limit_of(self, path: str) -> int:
        for prefix, limit in self.limits.items():
            if path.startswith(prefix):
                return limit
        return self.default

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_of(scope["path"])
        declared = [v for k, v in scope["headers"] if k == b"content-length"]
        try:
            too_long = any(int(v) > limit for v in declared)
        except ValueError:
            too_long = True
        if too_long:
            await _too_large(send, limit)
            return
        parts: list[bytes] = []
        seen = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":  # the client went away
                return
            part = message.get("body", b"")
            seen += len(part)
            if seen > limit:
                await _too_large(send, limit)
                return
            parts.append(part)
            if not message.get("more_body", False):
                break
        body: bytes | None = b"".join(parts)

        async def replay() -> Message:
            nonlocal body
            if body is not None:
                message = {"type": "http.request", "body": body, "more_body": False}
                body = None
                return message
            return await receive()

        await self.app(scope, replay, send)


async def _too_large(send: Send, limit: int) -> None:
    body = json.dumps({"error": f"the request's body is over {limit // 1024} KiB"}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class Replays:
    """Deliveries seen lately (a webhook's signed body, or its id), so a replay is told apart
    from a new push. Bounded: the oldest are forgotten first, and after ``window`` seconds."""

    def __init__(
        self, window: float = 86400.0, size: int = 10_000, clock: Callable[[], float] | None = None
    ) -> None:
        self.window = window
        self.size = size
        self._now = clock or time.monotonic
        self._seen: OrderedDict[str, float] = OrderedDict()
        self._lock = threading.Lock()

    def first(self, key: str) -> bool:
        """Whether ``key`` is new (it is remembered from now on)."""
        now = self._now()
        with self._lock:
            while self._seen and next(iter(self._seen.values())) <= now - self.window:
                self._seen.popitem(last=False)
            if key in self._seen:
                return False
            self._seen[key] = now
            while len(self._seen) > self.size:
                self._seen.popitem(last=False)
            return True
