"""``hexsync unlock`` removes an apply lock left behind, and nothing else (issue 29, item 11).

A second Ctrl-C leaves the lock; the next apply waited 10 minutes and failed, and there was no
command to remove it. unlock deletes only hexsync's own lock (an empty group shared with
nothing, checked again just before the delete), asks first, and leaves someone's group of the
same name alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from e2e_support import TOKEN, hexsync, state

from hexsync.emulator.background import running_emulator
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import load_seed
from hexsync.values.live import LOCK_GROUP

pytestmark = pytest.mark.slow


@pytest.fixture
def url() -> Iterator[str]:
    from acme import EXAMPLE_SEED  # noqa: PLC0415 - the tests' one copy of the example's paths

    with running_emulator(load_seed(EXAMPLE_SEED), EmulatorConfig(rate_limits=None)) as base:
        yield base


def _make(url: str, body: dict[str, Any]) -> dict[str, Any]:
    made = httpx.post(
        f"{url}/api/v1/groups", json=body, headers={"Authorization": f"Bearer {TOKEN}"}
    )
    made.raise_for_status()
    result: dict[str, Any] = made.json()
    return result


def _names(url: str) -> list[str]:
    return [g["name"] for g in state(url)["groups"]]


def test_a_lock_left_behind_is_shown_and_removed(url: str) -> None:
    lock = _make(url, {"name": LOCK_GROUP})
    result = hexsync(url, "unlock", "--yes")
    assert result.exit_code == 0, result.output
    assert f"apply lock '{LOCK_GROUP}' ({lock['id']}), created " in result.stdout
    assert f"removed the apply lock '{LOCK_GROUP}'" in result.stdout
    assert LOCK_GROUP not in _names(url)


def test_without_a_terminal_or_yes_nothing_is_removed(url: str) -> None:
    _make(url, {"name": LOCK_GROUP})
    result = hexsync(url, "unlock")
    assert result.exit_code == 1
    assert "--yes" in result.stderr
    assert LOCK_GROUP in _names(url)


def test_someones_group_of_the_name_is_left_alone(url: str) -> None:
    alice = next(u for u in state(url)["users"] if u["email"] == "alice@acme.com")
    _make(url, {"name": LOCK_GROUP, "members": {"users": [{"id": alice["id"]}]}})
    result = hexsync(url, "unlock", "--yes")
    assert result.exit_code == 3, result.output
    assert f"group '{LOCK_GROUP}'" in result.stderr
    assert "is not an apply lock: it has members; left alone" in result.stderr
    assert "No apply lock is held: nothing to remove." in result.stdout
    assert LOCK_GROUP in _names(url)


def test_no_lock_no_change(url: str) -> None:
    before = _names(url)
    result = hexsync(url, "unlock", "--yes")
    assert result.exit_code == 0, result.output
    assert result.stdout == "No apply lock is held: nothing to remove.\n"
    assert _names(url) == before
