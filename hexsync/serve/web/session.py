"""The dashboard's sign-in: a signed session cookie and a CSRF token per session.

A person signs in with the viewer's or the admin's token (the API's tokens, compared in constant
time, guesses throttled: :mod:`~hexsync.serve.guard`); the cookie then carries the role, never
the token. It is ``HttpOnly``, ``SameSite=Strict``, and ``Secure`` when the page was served over
TLS. Its signature is an HMAC-SHA256 under a key made of a random secret kept in the store and of
the configured tokens: a restart keeps people signed in, two replicas on one store accept each
other's cookies, changing a token signs everyone out, and a cookie is no way to test guesses at
the tokens offline (the random secret is not in it), nor can whoever reads the store forge one
(the tokens are not in the store).

Every form carries the session's CSRF token; a POST without the right one is 403. A visitor who
has not signed in gets a session too (no role), so the sign-in form is protected the same way;
signing in starts a new session (a new id and CSRF token: no fixation). Signing out records the
session's id in the store until it would have expired, so no replica accepts a copy of the
cookie afterwards.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from hexsync.serve.guard import Tokens

__all__ = ["COOKIE", "Revocations", "Session", "SessionKeeper"]

COOKIE = "hexsync_session"
LIFETIME = 8 * 3600.0  # seconds a session lasts


@dataclass(frozen=True)
class Session:
    sid: str
    role: str | None  # "admin", "viewer", or None before signing in
    csrf: str
    expires: float

    @property
    def signed_in(self) -> bool:
        return self.role is not None

    @property
    def admin(self) -> bool:
        return self.role == "admin"


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class Revocations(Protocol):
    """Where signed-out sessions are remembered for every replica (the store)."""

    def revoke(self, sid: str, expires: float) -> None: ...

    def revoked(self, sid: str) -> bool: ...


class SessionKeeper:
    """Makes, signs, reads and forgets sessions (see the module docstring)."""

    def __init__(
        self,
        admin_tokens: Sequence[str],
        viewer_tokens: Sequence[str],
        *,
        secret: bytes,
        revocations: Revocations | None = None,
        clock: Callable[[], float] | None = None,
    ) -> None:
        self.tokens = Tokens(admin_tokens, viewer_tokens)
        material = "\0".join(["hexsync dashboard session", *admin_tokens, "\1", *viewer_tokens])
        self._key = hmac.new(secret, material.encode(), hashlib.sha256).digest()
        self._revocations = revocations
        self._forgotten: dict[str, float] = {}  # sid → when it would have expired
        self._lock = threading.Lock()
        self._now = clock or time.time

    @property
    def configured(self) -> bool:
        return self.tokens.configured

    def role_of(self, token: str) -> str | None:
        """``admin``, ``viewer`` or None for a token given at sign-in (constant time)."""
        return self.tokens.role_of(token)

    def new(self, role: str | None = None) -> Session:
        return Session(
            secrets.token_urlsafe(18), role, secrets.token_urlsafe(24), self._now() + LIFETIME
        )

    def encode(self, session: Session) -> str:
        body = _b64(
            json.dumps(
                {"s": session.sid, "r": session.role, "c": session.csrf, "e": session.expires},
                separators=(",", ":"),
            ).encode()
        )
        return f"{body}.{_b64(hmac.new(self._key, body.encode(), hashlib.sha256).digest())}"

    def decode(self, cookie: str | None) -> Session | None:
        """The session a cookie carries, or None when it is absent, forged, expired or
        signed out."""
        if not cookie or cookie.count(".") != 1:
            return None
        body, signature = cookie.split(".")
        expected = _b64(hmac.new(self._key, body.encode(), hashlib.sha256).digest())
        if not hmac.compare_digest(signature.encode(), expected.encode()):
            return None
        try:
            data = json.loads(_unb64(body))
            session = Session(str(data["s"]), data["r"], str(data["c"]), float(data["e"]))
        except (ValueError, KeyError, TypeError):
            return None
        if session.role not in (None, "admin", "viewer") or session.expires < self._now():
            return None
        with self._lock:
            if session.sid in self._forgotten:
                return None
        revoked = self._revocations
        if session.signed_in and revoked is not None and revoked.revoked(session.sid):
            return None
        return session

    def forget(self, session: Session) -> None:
        """Sign a session out, here and (through the store) in every replica. A session that
        never signed in is forgotten here only (nothing for a stranger to fill the store with)."""
        now = self._now()
        with self._lock:
            self._forgotten = {s: e for s, e in self._forgotten.items() if e >= now}
            self._forgotten[session.sid] = session.expires
        if session.signed_in and self._revocations is not None:
            self._revocations.revoke(session.sid, session.expires)

    @staticmethod
    def csrf_ok(session: Session | None, given: str | None) -> bool:
        if session is None or not given:
            return False
        return hmac.compare_digest(session.csrf.encode(), given.encode())
