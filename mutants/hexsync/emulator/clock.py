"""The emulator's clock: real time, optionally scaled, or driven by hand in tests.

Everything time-dependent in the emulator (rate-limit windows, run lifecycle, ``Retry-After``,
timestamps it returns) reads this clock, so ``--time-scale 60`` makes a minute pass in a second.
"""

from __future__ import annotations

import threading
import time
from datetime import datetime, timezone


class Clock:
    """Emulated seconds since an epoch; ``scale`` emulated seconds pass per real second."""

    def __init__(self, scale: float = 1.0, *, start: float | None = None) -> None:
        if scale <= 0:
            raise ValueError("time scale must be positive")
        self.scale = scale
        self._lock = threading.Lock()
        self._real_origin = time.monotonic()
        self._emulated_origin = time.time() if start is None else start
        self._offset = 0.0

    def now(self) -> float:
        """Emulated wall-clock time, in seconds since the Unix epoch."""
        with self._lock:
            elapsed = (time.monotonic() - self._real_origin) * self.scale
            return self._emulated_origin + elapsed + self._offset

    def advance(self, seconds: float) -> None:
        """Jump the emulated clock forward (tests)."""
        with self._lock:
            self._offset += seconds

    def real_seconds(self, emulated_seconds: float) -> float:
        """How long ``emulated_seconds`` take in real time (to sleep for)."""
        return emulated_seconds / self.scale

    def utcnow(self) -> datetime:
        return datetime.fromtimestamp(self.now(), tz=timezone.utc)

    def isoformat(self) -> str:
        """The current time as Hex writes it: ISO 8601, UTC, milliseconds, ``Z``."""
        return to_iso(self.now())


class ManualClock(Clock):
    """A clock that moves only when told to (``advance``): deterministic tests."""

    def __init__(self, start: float = 1_767_225_600.0) -> None:  # 2026-01-01T00:00:00Z
        super().__init__(1.0, start=start)
        self._fixed = start

    def now(self) -> float:
        with self._lock:
            return self._fixed + self._offset


def to_iso(timestamp: float) -> str:
    dt = datetime.fromtimestamp(timestamp, tz=timezone.utc)
    return dt.strftime("%Y-%m-%dT%H:%M:%S.") + f"{dt.microsecond // 1000:03d}Z"
