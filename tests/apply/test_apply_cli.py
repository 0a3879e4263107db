"""``hexsync apply`` end to end: the real command line against the emulator on a loopback port."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner
from e2e_support import (
    ACME,
    ENV,
    MANIFESTS,
    control,
    copy_manifests,
    duplicates,
    hexsync,
    plan_now,
    state,
    writes,
)

from hexsync.cli.main import cli
from hexsync.emulator.background import running_emulator
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import Seed, load_seed
from hexsync.plan import Plan, WorkspaceInfo

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def acme_seed() -> Seed:
    return load_seed(ACME / "seed.yaml")


@pytest.fixture
def url(acme_seed: Seed) -> Iterator[str]:
    with running_emulator(acme_seed, EmulatorConfig(rate_limits=None)) as base:
        yield base


def test_apply_examples_then_the_plan_is_empty(url: str) -> None:
    before = hexsync(url, "plan", str(MANIFESTS), "--detailed-exitcode")
    assert before.exit_code == 2
    budget = plan_now(url).requests
    result = hexsync(url, "apply", str(MANIFESTS), "--auto-approve")
    assert result.exit_code == 0, result.output
    assert '+ project "Partner portal"' in result.stdout  # the plan was shown
    assert '[7/7] - user "mallory@acme.com" … done' in result.stderr
    assert "Apply complete: 7 done, 0 failed, 0 skipped" in result.stderr
    assert writes(url) == budget  # exactly the requests the plan announced (SPEC §6)
    after = hexsync(url, "plan", str(MANIFESTS), "--detailed-exitcode")
    assert after.exit_code == 0, after.output
    assert duplicates(url) == {}
    again = hexsync(url, "apply", str(MANIFESTS), "--auto-approve")
    assert again.exit_code == 0
    assert "No changes" in again.stdout


def test_without_a_terminal_or_auto_approve_it_refuses(url: str) -> None:
    result = hexsync(url, "apply", str(MANIFESTS))
    assert result.exit_code == 1
    assert "--auto-approve" in result.stderr
    assert not plan_now(url).empty  # nothing was applied


def _save(plan: Plan, tmp_path: Path) -> Path:
    path = tmp_path / "plan.json"
    path.write_text(plan.dumps(), encoding="utf-8")
    return path


def test_a_saved_plan_applies_exactly_and_converges(url: str, tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    saved = hexsync(url, "plan", str(MANIFESTS), "--out", str(path))
    assert saved.exit_code == 0, saved.output
    result = hexsync(url, "apply", str(path))
    assert result.exit_code == 0, result.output
    assert "Apply complete: 7 done" in result.stderr
    assert plan_now(url).empty
    # The same saved plan again: its objects moved (they were applied), so it is refused.
    stale = hexsync(url, "apply", str(path))
    assert stale.exit_code == 3
    assert "stale" in stale.stderr


def _revenue_id(url: str) -> str:
    return str(next(p["id"] for p in state(url)["projects"] if p["title"] == "Revenue overview"))


def test_a_saved_plan_made_stale_by_a_sharing_edit_is_refused(url: str, tmp_path: Path) -> None:
    path = _save(plan_now(url), tmp_path)
    revenue = _revenue_id(url)
    bob = next(u["id"] for u in state(url)["users"] if u["email"] == "bob@acme.com")
    httpx.patch(
        f"{url}/api/v1/projects/{revenue}/sharing/users",
        json={"sharing": {"upsert": {"users": [{"user": {"id": bob}, "access": "CAN_VIEW"}]}}},
        headers={"Authorization": "Bearer hxtw_demo"},
    ).raise_for_status()
    before = state(url)
    result = hexsync(url, "apply", str(path))
    assert result.exit_code == 3
    assert (
        f'project "Revenue overview" ({revenue[:8]}…): sharing.users changed since the plan '
        "was made" in result.stderr
    )
    assert state(url) == before  # nothing written


def test_a_saved_plan_made_stale_by_a_new_member_is_refused(url: str, tmp_path: Path) -> None:
    path = _save(plan_now(url), tmp_path)
    now = state(url)
    analysts = next(g["id"] for g in now["groups"] if g["name"] == "Analysts")
    zoe = next(u["id"] for u in now["users"] if u["email"] not in _members(now, "Analysts"))
    httpx.patch(
        f"{url}/api/v1/groups/{analysts}",
        json={"members": {"add": {"users": [{"id": zoe}]}}},
        headers={"Authorization": "Bearer hxtw_demo"},
    ).raise_for_status()
    result = hexsync(url, "apply", str(path))
    assert result.exit_code == 3
    assert 'group "Analysts": members changed since the plan was made' in result.stderr


def _members(now: dict[str, object], group: str) -> list[str]:
    groups = now["groups"]
    assert isinstance(groups, list)
    return list(next(g["members"] for g in groups if g["name"] == group))


def test_a_saved_plan_for_another_workspace_is_refused(url: str, tmp_path: Path) -> None:
    plan = plan_now(url)
    other = Plan(
        WorkspaceInfo(plan.workspace.api_url, "00000000-0000-4000-8000-000000000000"),
        plan.changes,
        plan.relied,
    )
    result = hexsync(url, "apply", str(_save(other, tmp_path)))
    assert result.exit_code == 3
    assert "00000000-0000-4000-8000-000000000000" in result.stderr


def test_an_edited_saved_plan_is_refused_by_its_checksum(url: str, tmp_path: Path) -> None:
    path = _save(plan_now(url), tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["changes"][0]["name"] = "Someone else's"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = hexsync(url, "apply", str(path))
    assert result.exit_code == 1
    assert "checksum mismatch" in result.stderr


def test_creates_committed_then_timed_out_are_adopted(url: str, tmp_path: Path) -> None:
    manifests = copy_manifests(tmp_path)
    with (manifests / "groups.yaml").open("a", encoding="utf-8") as out:
        out.write("  - name: Partners team\n    members: [bob@acme.com, carol@acme.com]\n")
    for op in ("CreateGroup", "CreateProject"):
        control(url, "/_emulator/faults", {"operationId": op, "kind": "commit_then_timeout"})
    result = hexsync(url, "apply", str(manifests), "--auto-approve")
    assert result.exit_code == 0, result.output
    assert result.stderr.count("adopted id") == 2  # both progress lines say so
    now = state(url)
    assert [g["name"] for g in now["groups"]].count("Partners team") == 1
    assert [p["title"] for p in now["projects"]].count("Partner portal") == 1
    assert duplicates(url) == {}
    assert plan_now(url, manifests).empty


def test_with_faults_a_second_run_finishes_without_duplicates(acme_seed: Seed) -> None:
    config = EmulatorConfig(
        rate_limits=None, fault_rate=0.2, fault_seed=20240611, fault_delay_seconds=0.05
    )
    with running_emulator(acme_seed, config) as base:
        first = hexsync(base, "apply", str(MANIFESTS), "--auto-approve")
        assert first.exit_code in (0, 4), first.output
        if first.exit_code == 4:
            second = hexsync(base, "apply", str(MANIFESTS), "--auto-approve")
            assert second.exit_code == 0, second.output
        assert duplicates(base) == {}
        assert plan_now(base).empty


def test_a_create_that_fails_exits_4_and_the_next_run_finishes(url: str) -> None:
    # CreateProject answers 500 three times: sent, read back (absent), sent once more, given up.
    control(
        url, "/_emulator/faults", {"operationId": "CreateProject", "kind": "status_500", "count": 3}
    )
    first = hexsync(url, "apply", str(MANIFESTS), "--auto-approve")
    assert first.exit_code == 4, first.output
    assert '+ project "Partner portal" … failed' in first.stderr
    assert "Apply finished partially: 6 done, 1 failed, 0 skipped" in first.stderr
    left = plan_now(url)
    assert [c.name for c in left.changes] == ["Partner portal"]
    second = hexsync(url, "apply", str(MANIFESTS), "--auto-approve")
    assert second.exit_code == 0, second.output
    assert "Apply complete: 1 done" in second.stderr
    assert plan_now(url).empty
    assert duplicates(url) == {}


def test_an_apply_killed_half_way_is_finished_by_the_next_one(url: str) -> None:
    # Paced at 4 requests a second, the apply takes a few seconds: time to kill it mid-way.
    command = [
        str(Path(sys.executable).parent / "hexsync"),
        "--api-url",
        url,
        "--rate-limit",
        "4/s",
        "apply",
        str(MANIFESTS),
        "--auto-approve",
    ]
    env = {**os.environ, **ENV}
    process = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 30
        while writes(url) < 3 and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        assert process.poll() is None, "the apply finished before it could be killed"
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=10)
    assert writes(url) >= 3
    assert not plan_now(url).empty  # it really was half-way

    result = hexsync(url, "apply", str(MANIFESTS), "--auto-approve")
    assert result.exit_code == 0, result.output
    assert plan_now(url).empty
    assert duplicates(url) == {}


@pytest.mark.parametrize(("answer", "applied"), [("n\n", False), ("y\n", True)])
def test_on_a_terminal_apply_asks_first(
    url: str, monkeypatch: pytest.MonkeyPatch, answer: str, applied: bool
) -> None:
    monkeypatch.setattr("hexsync.cli.apply.interactive", lambda: True)
    result = CliRunner().invoke(
        cli,
        ["--api-url", url, "--rate-limit", "off", "apply", str(MANIFESTS)],
        env=ENV,
        input=answer,
    )
    assert result.exit_code == 0, result.output
    assert "Apply these 7 changes to" in result.stderr
    assert plan_now(url).empty is applied
    assert ("Cancelled: nothing was applied." in result.stderr) is not applied
