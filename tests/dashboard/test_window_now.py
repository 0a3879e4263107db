"""The sync window in force, as ``GET /api/status`` and the overview tell it."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest

pytest.importorskip("jinja2", reason="the serve extra is not installed")

from hexsync.serve.source import Fetched
from hexsync.serve.web.views import window_text
from hexsync.serve.windows_now import WindowWatch, window_state
from hexsync.values.desired import Desired, Policy
from hexsync.values.windows import SyncWindow

FRIDAY_NIGHT = dt.datetime(2027, 1, 8, 23, 0, tzinfo=dt.timezone.utc)  # a Friday
FREEZE = SyncWindow.make("deny", "0 22 * * FRI", "60h", "UTC")
OFFICE = SyncWindow.make("allow", "0 9 * * MON-FRI", "9h", "UTC")


class Folder:
    description = "manifests/"

    def __init__(self, windows: tuple[SyncWindow, ...]) -> None:
        self.windows = windows

    async def fetch(self) -> Fetched:
        return Fetched(Desired(policy=Policy(windows=self.windows)), None)


def test_a_deny_window_open_now_holds_heals_until_it_closes():
    state = window_state((FREEZE, OFFICE), FRIDAY_NIGHT)
    assert state["heals_allowed"] is False
    assert state["open"] == [
        {"window": FREEZE.label, "kind": "deny", "until": "2027-01-11T10:00:00.000Z"}
    ]
    text, until = window_text({"window": state})
    assert text == f"held by the {FREEZE.label} until 2027-01-11 10:00 UTC"
    assert until == "2027-01-11T10:00:00.000Z"


def test_an_allow_window_open_now_lets_heals_write_and_says_until_when():
    tuesday_ten = dt.datetime(2027, 1, 5, 10, 0, tzinfo=dt.timezone.utc)
    state = window_state((FREEZE, OFFICE), tuesday_ten)
    assert state["heals_allowed"] is True
    assert window_text({"window": state}) == (
        f"heals allowed: the {OFFICE.label} is open",
        "2027-01-05T18:00:00.000Z",
    )


def test_the_watch_knows_the_windows_once_the_manifests_were_read():
    watch = WindowWatch(Folder((FREEZE,)))
    assert watch.state(FRIDAY_NIGHT) is None
    assert window_text({"window": None})[0] == "not known yet (the manifests were not read)"
    asyncio.run(watch.fetch())
    assert watch.state(FRIDAY_NIGHT)["heals_allowed"] is False
    nothing = WindowWatch(Folder(()))
    asyncio.run(nothing.fetch())
    assert window_text({"window": nothing.state(FRIDAY_NIGHT)}) == (
        "none declared: heals may write at any time",
        None,
    )
