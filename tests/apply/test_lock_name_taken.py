"""A real group that holds the apply lock's name is neither hidden nor deleted (issue 27, item 3).

Any Admin or Manager can make a group named ``hexsync-apply-lock``, add members and share
projects with it. hexsync's own lock is always empty and shared with nothing, so such a group is
told apart from it: its members' access is counted, plan warns and never deletes it (prune
included), apply takes its lock under the next reserved name and leaves the group as it was,
and no manifest may declare the name. Each test is the attack or the mistake, end to end.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from apply_support import Emulator
from e2e_support import hexsync, state

from hexsync.apply.lock import apply_lock
from hexsync.emulator.background import running_emulator
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import Seed
from hexsync.values.live import LOCK_GROUP, LOCK_GROUPS

pytestmark = [pytest.mark.slow, pytest.mark.anyio]

SEED: dict[str, Any] = {
    "org": {"id": "5a8591dd-4039-49df-9202-96385ba3eff8", "name": "Acme"},
    "tokens": [{"token": "hxtw_demo", "kind": "workspace"}],
    "users": [
        {"email": "alice@acme.com", "name": "Alice", "role": "ADMIN"},
        {"email": "bob@acme.com", "name": "Bob", "role": "EDITOR"},
    ],
    "groups": [
        {"name": "Analysts", "members": ["alice@acme.com"]},
        {"name": LOCK_GROUP, "members": ["bob@acme.com"]},
    ],
    "projects": [
        {
            "title": "Payroll summary",
            "owner": "alice@acme.com",
            "sharing": {"groups": {LOCK_GROUP: "CAN_EDIT"}},
        }
    ],
}

MANIFEST = """version: 1
policy: {prune: {groups: true}, max_destroy: 50}
groups:
  - name: Analysts
    members: [alice@acme.com]
  - name: Auditors
    members: [alice@acme.com]
"""


@pytest.fixture
def url() -> Iterator[str]:
    with running_emulator(
        Seed.from_dict(SEED, source="test"), EmulatorConfig(rate_limits=None)
    ) as b:
        yield b


def _manifests(tmp_path: Path, text: str = MANIFEST) -> Path:
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "groups.yaml").write_text(text, encoding="utf-8")
    return tmp_path / "m"


def _lock_group(url: str) -> dict[str, Any]:
    [group] = [g for g in state(url)["groups"] if g["name"] == LOCK_GROUP]
    return group


def test_its_members_access_is_counted(url: str) -> None:
    result = hexsync(url, "access", "project", "Payroll summary")
    assert result.exit_code == 0, result.output
    assert "bob@acme.com" in result.stdout
    assert f"group {LOCK_GROUP}" in result.stdout


def test_plan_warns_and_never_deletes_it_even_with_prune(url: str, tmp_path: Path) -> None:
    result = hexsync(url, "plan", str(_manifests(tmp_path)))
    assert result.exit_code == 0, result.output
    assert f"group '{LOCK_GROUP}' (1 member, shared with 1 project or collection) is not" in (
        result.stdout
    )
    assert "never deletes it" in result.stdout
    assert f'- group "{LOCK_GROUP}"' not in result.stdout  # prune is on, yet it stays
    assert "Plan: 1 to create." in result.stdout


def test_apply_takes_another_lock_name_and_leaves_the_group_as_it_was(
    url: str, tmp_path: Path
) -> None:
    before = _lock_group(url)
    payroll = next(p for p in state(url)["projects"] if p["title"] == "Payroll summary")
    result = hexsync(url, "apply", str(_manifests(tmp_path)), "--auto-approve")
    assert result.exit_code == 0, result.output
    assert "taking the lock under another name" in result.stderr
    assert _lock_group(url) == before  # same id, same members
    after = next(p for p in state(url)["projects"] if p["title"] == "Payroll summary")
    assert after["sharing"] == payroll["sharing"]
    names = {g["name"] for g in state(url)["groups"]}
    assert "Auditors" in names  # the plan was applied
    assert not names & set(LOCK_GROUPS[1:])  # and its own lock released


def test_a_manifest_may_not_declare_the_reserved_name(url: str, tmp_path: Path) -> None:
    text = f"version: 1\ngroups:\n  - name: {LOCK_GROUP}\n    members: [bob@acme.com]\n"
    result = hexsync(url, "validate", str(_manifests(tmp_path, text)))
    assert result.exit_code == 1
    assert f"groups.yaml:3:11: groups[0].name: the group name '{LOCK_GROUP}' is reserved" in (
        result.output
    )


async def test_a_stale_lock_named_group_shared_with_a_project_is_never_deleted(
    make_seed: Callable[..., Seed],
) -> None:
    # Empty (so it looks like a lock) and old, but a project is shared with it: someone's group.
    emu = Emulator(
        make_seed(
            groups=[{"name": LOCK_GROUP, "members": []}],
            projects=[
                {
                    "title": "Board deck",
                    "owner": "alice@acme.com",
                    "sharing": {"groups": {LOCK_GROUP: "CAN_VIEW"}},
                }
            ],
        )
    )
    async with emu.client() as client:
        lines: list[str] = []
        later = emu.clock.utcnow() + datetime.timedelta(hours=2)
        async with apply_lock(client, notify=lines.append, now=lambda: later):
            names = [g["name"] for g in (await emu.state())["groups"]]
            assert names.count(LOCK_GROUP) == 1  # still there
            assert LOCK_GROUPS[1] in names  # the lock is held under the next name
        assert any("is shared with a project or collection" in line for line in lines)
        assert not any("removing a stale apply lock" in line for line in lines)
        assert LOCK_GROUPS[1] not in {g["name"] for g in (await emu.state())["groups"]}
