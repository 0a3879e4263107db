"""Progress lines while the client waits: long listings, rate-limit waits, retries.

A CI log with nothing in it for minutes looks hung. The client says what it is doing on a
``notify`` callback (the CLI writes to stderr, TTY or not): plain lines, at most one of a kind
every ``every`` seconds, never a spinner::

    reading projects: page 37 (3,700 so far)
    waiting 12 s for the rate limit (ListProjects)
    cannot reach the API (connection failed), retrying in 4 s; stopping if it stays unreachable

Listings stay quiet for their first ``every`` seconds, so a quick command prints nothing.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

__all__ = ["Notices", "listing_noun"]

EVERY = 5.0  # seconds between two lines of one kind
SHOWN_WAIT = 2.0  # a wait shorter than this is not worth a line


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
