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
use up attempts (SPEC §6: a 429 never ends a run) but everything stops at ``deadline`` seconds
after the first attempt, with the last error.
"""

from __future__ import annotations

import datetime
import email.utils
import math
import random
import time
from dataclasses import dataclass, field

RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True)
class RetryPolicy:
    """Backoff parameters. ``max_attempts`` counts the first try."""

    max_attempts: int = 8
    base: float = 0.5
    cap: float = 30.0
    deadline: float = 600.0
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
