"""Progress lines while the client waits: long listings, rate-limit waits, retries.

A CI log with nothing in it for minutes looks hung. The client says what it is doing on a
``notify`` callback (the CLI writes to stderr, TTY or not): plain lines, at most one of a kind
every ``every`` seconds, never a spinner::

    reading projects: page 37 (3,700 so far)
    waiting 42 s for the rate limit before reading users
    still waiting (27 s left) before reading users
    cannot reach the API (connection failed while reading projects), retrying in 4 s; …

A wait of :data:`LONG_WAIT` seconds or more says every :data:`STILL_EVERY` seconds that it goes
on, so a CI log never goes quiet for a minute. Operations are named as a person says them
(:attr:`~hexsync.hexapi.operations.Op.phrase`); their ids are in the ``-v`` request log.
Listings stay quiet for their first ``every`` seconds, so a quick command prints nothing.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

__all__ = ["LONG_WAIT", "STILL_EVERY", "Notices", "listing_noun", "wait_step"]

EVERY = 5.0  # seconds between two lines of one kind
SHOWN_WAIT = 2.0  # a wait shorter than this is not worth a line
STILL_EVERY = 15.0  # a long wait says it goes on this often ...
LONG_WAIT = 20.0  # ... when at least this long is left


def wait_step(seconds: float) -> float:
    """How long to sleep of a wait of ``seconds`` before saying it goes on: all of it when it is
    short, else :data:`STILL_EVERY`."""
    return min(seconds, STILL_EVERY) if seconds >= LONG_WAIT else seconds


def listing_noun(operation_id: str) -> str:
    """``ListDataConnections`` → ``data connections``."""
    name = operation_id.removeprefix("List").removeprefix("Get")
    return re.sub(r"(?<!^)(?=[A-Z])", " ", name).lower()


class Notices:
    """Throttled progress lines on ``notify`` (nothing at all when it is None)."""

    def __init__(
        self,
        notify: Callable[[str], None] | None,
        clock: Callable[[], float],
        *,
        every: float = EVERY,
    ) -> None:
        self.notify = notify
        self.clock = clock
        self.every = every
        self._started = clock()
        self._last: dict[str, float] = {}

    def say(self, kind: str, text: str, *, quiet_start: bool = False) -> None:
        """``text`` unless a line of ``kind`` went out less than ``every`` seconds ago (or,
        with ``quiet_start``, the client started less than ``every`` seconds ago)."""
        if self.notify is None:
            return
        now = self.clock()
        last = self._last.get(kind, self._started if quiet_start else -math.inf)
        if now - last < self.every:
            return
        self._last[kind] = now
        self.notify(text)

    def page(self, operation_id: str, page: int, items: int) -> None:
        self.say(
            f"page:{operation_id}",
            f"reading {listing_noun(operation_id)}: page {page} ({items:,} so far)",
            quiet_start=True,
        )

    def wait(self, kind: str, seconds: float, text: str) -> None:
        if seconds >= SHOWN_WAIT:
            self.say(kind, text)

    def still(self, kind: str, seconds: float, doing: str) -> None:
        """A long wait goes on: ``still waiting (30 s left) before reading users``."""
        if seconds >= SHOWN_WAIT:
            self.say(kind, f"still waiting ({seconds:.0f} s left) before {doing}")
