"""The sync window in force now, for ``GET /api/status`` and the dashboard's overview.

The windows live in the manifests' policy, which the cycle reads at every sync;
:class:`WindowWatch` wraps the controller's :class:`~hexsync.serve.source.Source` and keeps the
windows of the last manifests it fetched, and :meth:`WindowWatch.state` says which window is
open now and whether a heal may write (answered once per minute: a window opens and closes on
the minute).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from hexsync.serve.source import Fetched, Source
from hexsync.store import iso
from hexsync.values.windows import SyncWindow, heal_verdict

__all__ = ["WindowWatch", "window_state"]


def window_state(windows: tuple[SyncWindow, ...], now: dt.datetime) -> dict[str, Any]:
    """``{"windows", "open": [{"window", "kind", "until"}], "heals_allowed", "reason",
    "until"}``: the windows declared, those open now, and what that means for a heal."""
    verdict = heal_verdict(windows, now)
    opened = []
    for w in windows:
        until = w.open_until(now)
        if until is not None:
            opened.append({"window": w.label, "kind": w.kind, "until": iso(until)})
    return {
        "windows": len(windows),
        "open": opened,
        "heals_allowed": verdict.allowed,
        "reason": verdict.reason or None,
        "until": iso(verdict.until),
    }


class WindowWatch:
    """A Source that remembers the sync windows of the manifests it fetched last."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.description = source.description
        self.windows: tuple[SyncWindow, ...] | None = None  # None: not fetched yet
        self._said: tuple[dt.datetime, tuple[SyncWindow, ...], dict[str, Any]] | None = None

    async def fetch(self) -> Fetched:
        fetched = await self.source.fetch()
        self.windows = tuple(fetched.desired.policy.windows)
        return fetched

    def state(self, now: dt.datetime) -> dict[str, Any] | None:
        """The window in force at ``now`` (None before the manifests were read)."""
        if self.windows is None:
            return None
        minute = now.replace(second=0, microsecond=0)
        said = self._said
        if said is not None and said[0] == minute and said[1] == self.windows:
            return said[2]
        state = window_state(self.windows, now)
        self._said = (minute, self.windows, state)
        return state
