"""When to try a request again, and how long to wait first.

What retries (see :class:`~hexsync.hexapi.operations.Retry` for the per-operation class):

============================  ===============  ============================================
failure                       SAFE operations  CREATE operations (POST that creates / runs)
============================  ===============  ============================================
connection never made         retry            retry (the request never left)
429                           retry            retry (Hex refused it before doing anything)
500, 502, 503, 504            retry            AmbiguousCreateError
timeout, dropped connection   retry            AmbiguousCreateError
400, 401, 403, 404, 422       raise            raise
============================  ===============  ============================================

After an attempt whose answer was lost (timeout, drop, 5xx), a retry of DeleteGroup that gets
404, or of CancelRun that gets 404 or 422 (the run has ended), counts as done
(``Op.done_on_retry``).

Waits: ``Retry-After`` when the answer has one, else exponential backoff with full jitter
(a uniform draw between 0 and ``base * 2**attempt``, capped), so clients that failed together
do not come back together. Faults are retried at most ``max_attempts`` times in all; 429s do not
use up attempts (being told to wait is not a failure) but everything stops at ``deadline`` seconds
after the first attempt, with the last error.

Two things end retrying early, because waiting cannot help:

- **Failures retrying cannot fix** (:func:`unfixable`): a DNS failure, a TLS error, and a
  connection refused before this client ever got an answer (a wrong host or port, a closed
  port): they fail at once, in about a second rather than after eight attempts. (401 and 403
  are never retried; see the table.)
- **The circuit breaker** (:class:`Breaker`): when every request for ``breaker_seconds`` has
  ended without an HTTP answer (at least ``breaker_failures`` in a row, all requests of the
  client counted together), the API is taken as gone: calls in flight stop at their next
  retry and new calls fail at once, for ``breaker_cooldown`` seconds; then one call may try
  again. Any HTTP answer, even an error, closes it. An apply whose network goes away therefore
  stops within about a minute and reports what was done and what was not.
"""

from __future__ import annotations

import datetime
import email.utils
import math
import random
import socket
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass, field

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True)
class RetryPolicy:
    """Backoff parameters. ``max_attempts`` counts the first try."""

    max_attempts: int = 8
    base: float = 0.5
    cap: float = 30.0
    deadline: float = 600.0
    breaker_seconds: float = 30.0
    breaker_failures: int = 3
    breaker_cooldown: float = 30.0
    rng: random.Random = field(default_factory=random.Random, compare=False, repr=False)

    def backoff(self, attempt: int, retry_after: float | None = None) -> float:
        """Seconds to wait before retry number ``attempt`` (1 for the first retry)."""
        if retry_after is not None:
            # Hex said when; a little jitter keeps concurrent waiters from returning at once.
            return retry_after + self.rng.uniform(0.0, min(1.0, self.base))
        ceiling = min(self.cap, self.base * (2 ** (attempt - 1)))
        return self.rng.uniform(0.0, ceiling)


NO_RETRY = RetryPolicy(max_attempts=1, deadline=0.0)


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds from a ``Retry-After`` header: delta-seconds or an HTTP date; None if absent/bad."""
    if value is None:
        return None
    text = value.strip()
    try:
        seconds = float(text)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            # An HTTP date is always GMT; "-0000" or no zone must not be read as local time.
            when = when.replace(tzinfo=datetime.timezone.utc)
        seconds = when.timestamp() - (time.time() if now is None else now)
    if math.isnan(seconds):
        return None
    return min(max(seconds, 0.0), 3600.0)  # a date in the past: now


def unfixable(exc: BaseException, *, answered_before: bool) -> str | None:
    """Why retrying the connection failure ``exc`` cannot help (None: it might).

    ``answered_before``: this client has had an HTTP answer from the host already, so a
    refused connection now is an outage that may pass (the breaker bounds it), not a wrong
    address."""
    seen: set[int] = set()
    cause: BaseException | None = exc
    while cause is not None and id(cause) not in seen:
        seen.add(id(cause))
        if isinstance(cause, socket.gaierror):
            return "the host name does not resolve (DNS)"
        if isinstance(cause, ssl.SSLError):
            return "the TLS handshake failed"
        if isinstance(cause, ConnectionRefusedError) and not answered_before:
            return "the connection was refused (nothing listens there)"
        cause = cause.__cause__ or cause.__context__
    return None


class Breaker:
    """The circuit breaker over a client's requests (see the module docstring)."""

    def __init__(self, policy: RetryPolicy, clock: Callable[[], float]) -> None:
        self.policy = policy
        self.clock = clock
        self.failures = 0  # transport failures in a row
        self.since: float | None = None  # when the first of them was sent
        self.open_until: float | None = None

    def answered(self) -> None:
        """An HTTP answer came back: the API is there."""
        self.failures = 0
        self.since = None
        self.open_until = None

    def failed(self, sent_at: float) -> None:
        """An attempt sent at ``sent_at`` ended without an HTTP answer."""
        self.failures += 1
        if self.since is None or sent_at < self.since:
            self.since = sent_at
        if self.failures >= self.policy.breaker_failures and self.outage() >= (
            self.policy.breaker_seconds
        ):
            self.open_until = self.clock() + self.policy.breaker_cooldown

    def outage(self) -> float:
        """Seconds since the first failure of the current run (0 when none)."""
        return 0.0 if self.since is None else max(0.0, self.clock() - self.since)

    @property
    def is_open(self) -> bool:
        if self.open_until is None:
            return False
        if self.clock() >= self.open_until:
            self.open_until = None  # half-open: the next call may try; a failure re-opens
            return False
        return True

    def until_open(self) -> float | None:
        """Seconds until the current run of failures opens the breaker (None: no run)."""
        if self.since is None:
            return None
        return max(0.0, self.since + self.policy.breaker_seconds - self.clock())
