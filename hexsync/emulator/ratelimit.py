"""Rate limits per token and rate-limit group, on the emulator's clock (docs/hex-api.md).

Each (token, group) keeps a log of the emulated times of the requests it let through; a request is
allowed when, for every window of its group, fewer than ``limit`` of them fall within the last
``seconds``. That is a sliding window: no double burst across a window boundary, and the wait it
reports is exact. Refused requests are not logged, so a 429 never consumes quota.

``Retry-After`` is in **real** seconds — how long a client must sleep — rounded up, at least 1.
On a clock scaled by 60 an emulated minute is a real second, so a client that honours the header
waits one second, not a minute; on an unscaled clock the two are the same.
"""

from __future__ import annotations

import math
import re
import threading
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass

from hexsync.emulator.clock import Clock
from hexsync.emulator.config import DEFAULT_RATE_LIMITS, HOUR, MINUTE, Window
from hexsync.errors import ConfigError

__all__ = [
    "Decision",
    "RateLimiter",
    "format_window",
    "parse_rate_limits",
    "retry_after_seconds",
]


@dataclass(frozen=True)
class Decision:
    """Why a request was refused: the window it exceeded and how long until it may pass."""

    group: str
    window: Window
    wait: float  # emulated seconds until the request would be allowed


class RateLimiter:
    """Sliding-window counters keyed by (token, group); thread-safe."""

    def __init__(self, limits: Mapping[str, tuple[Window, ...]], clock: Clock) -> None:
        self.limits = {group: tuple(windows) for group, windows in limits.items()}
        self.clock = clock
        self._lock = threading.Lock()
        self._log: dict[tuple[str, str], list[float]] = {}
        self.refused = 0

    def acquire(self, token: str, group: str) -> Decision | None:
        """Count one request and return None, or refuse it (counting nothing) with a Decision."""
        windows = self.limits.get(group, ())
        if not windows:
            return None
        longest = max(w.seconds for w in windows)
        with self._lock:
            now = self.clock.now()
            log = self._log.setdefault((token, group), [])
            del log[: bisect_right(log, now - longest)]
            worst: Decision | None = None
            for window in windows:
                start = bisect_right(log, now - window.seconds)
                if len(log) - start >= window.limit:
                    # The request passes once the oldest of the last `limit` leaves the window.
                    wait = log[len(log) - window.limit] + window.seconds - now
                    if worst is None or wait > worst.wait:
                        worst = Decision(group, window, wait)
            if worst is not None:
                self.refused += 1
                return worst
            log.append(now)
            return None

    def reset(self) -> None:
        with self._lock:
            self._log.clear()
            self.refused = 0


def retry_after_seconds(wait: float, clock: Clock) -> int:
    """The ``Retry-After`` value for an emulated ``wait``: real seconds, rounded up, at least 1."""
    return max(1, math.ceil(clock.real_seconds(wait)))


def format_window(window: Window) -> str:
    """``30/min``, ``1800/h``, ``5/10s``: how the CLI and messages spell a window."""
    if window.seconds == MINUTE:
        return f"{window.limit}/min"
    if window.seconds == HOUR:
        return f"{window.limit}/h"
    if window.seconds == 1:
        return f"{window.limit}/s"
    return f"{window.limit}/{window.seconds:g}s"


_UNITS = {"s": 1.0, "sec": 1.0, "min": MINUTE, "m": MINUTE, "h": HOUR, "hour": HOUR}
_SPEC = re.compile(r"^\s*([A-Za-z0-9_.-]+)\s*=\s*(\d+)\s*/\s*(\d*\.?\d*)\s*([a-z]+)\s*$")


def parse_rate_limits(
    specs: tuple[str, ...] | list[str],
    base: Mapping[str, tuple[Window, ...]] = DEFAULT_RATE_LIMITS,
) -> dict[str, tuple[Window, ...]]:
    """Apply ``GROUP=N/UNIT`` specs (unit s, min or h, e.g. ``hex-api=60/min``) to ``base``.

    The first spec for a group replaces that group's windows; more specs for the same group add
    windows (``hex-api=60/min hex-api=2000/h``). Groups not mentioned keep ``base``.
    """
    limits = {group: tuple(windows) for group, windows in base.items()}
    replaced: set[str] = set()
    for spec in specs:
        match = _SPEC.match(spec)
        if not match or match.group(4) not in _UNITS:
            raise ConfigError(
                f"bad --rate-limit {spec!r}",
                hint="write GROUP=N/UNIT with UNIT s, min or h, e.g. hex-api=60/min",
            )
        group, count, multiple, unit = match.groups()
        if group not in DEFAULT_RATE_LIMITS:
            known = ", ".join(sorted(DEFAULT_RATE_LIMITS))
            raise ConfigError(
                f"unknown rate-limit group {group!r} in --rate-limit {spec!r}",
                hint=f"groups: {known}",
            )
        seconds = (float(multiple) if multiple else 1.0) * _UNITS[unit]
        if int(count) < 1 or seconds <= 0:
            raise ConfigError(f"--rate-limit {spec!r}: the limit and its period must be positive")
        window = Window(int(count), seconds)
        if group in replaced:
            limits[group] = (*limits[group], window)
        else:
            limits[group] = (window,)
            replaced.add(group)
    return limits
