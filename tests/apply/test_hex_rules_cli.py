"""Hex's access rules end to end: the real command line against the emulator on a loopback port.

- A Viewer declared CAN_EDIT: ``plan`` warns that Hex caps it, ``apply`` writes what Hex will
  hold, and the next plan is empty (no permanent diff).
- Partial success: a sharing write Hex answers 200 with per-entry ``errors`` is a failed change
  naming the entry and Hex's reason, and apply exits 4.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from acme import ORG, ORG_ID
from e2e_support import ENV, hexsync, state

from hexsync.emulator.background import running_emulator
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import Seed

pytestmark = pytest.mark.slow

PROJECT = "0b000000-0000-4000-8000-000000000001"


def _seed(**org: Any) -> Seed:
    return Seed.from_dict(
        {
            "org": {**ORG, **org},
            "tokens": [{"token": "hxtw_demo", "kind": "workspace"}],
            "users": [
                {"email": "alice@acme.com", "name": "Alice", "role": "ADMIN"},
                {"email": "vic@acme.com", "name": "Vic", "role": "MEMBER"},
                {"email": "dora@acme.com", "name": "Dora", "role": "EDITOR"},
                {"email": "erin@acme.com", "name": "Erin", "role": "EDITOR"},
            ],
            "projects": [{"id": PROJECT, "title": "Revenue overview", "owner": "alice@acme.com"}],
        },
        source="test seed",
    )


def _manifests(tmp_path: Path, sharing: str, policy: str = "") -> Path:
    path = tmp_path / "manifests"
    path.mkdir()
    text = f"version: 1\nworkspace:\n  org_id: {ORG_ID}\n{policy}projects:\n  - id: {PROJECT}\n"
    (path / "hex.yaml").write_text(text + sharing, encoding="utf-8")
    return path


@pytest.fixture
def url() -> Iterator[str]:
    with running_emulator(_seed(), EmulatorConfig(rate_limits=None)) as base:
        yield base


def test_a_viewer_declared_can_edit_is_warned_applied_as_can_view_then_no_change(
    url: str, tmp_path: Path
) -> None:
    manifests = _manifests(tmp_path, "    sharing:\n      users:\n        vic@acme.com: CAN_EDIT\n")
    plan = hexsync(url, "plan", str(manifests), "--detailed-exitcode")
    assert plan.exit_code == 2, plan.output
    assert "vic@acme.com is a Viewer in Hex (role MEMBER)" in plan.output
    assert "CAN_EDIT is planned as CAN_VIEW" in plan.output
    assert "hex.yaml:" in plan.output  # the warning says where the level was written

    applied = hexsync(url, "apply", str(manifests), "--auto-approve")
    assert applied.exit_code == 0, applied.output
    assert "Apply complete: 1 done, 0 failed, 0 skipped" in applied.stderr
    [project] = state(url)["projects"]
    assert project["sharing"]["users"] == {"vic@acme.com": "CAN_VIEW"}

    again = hexsync(url, "plan", str(manifests), "--detailed-exitcode")
    assert again.exit_code == 0, again.output  # no permanent diff
    assert "No changes" in again.stdout
    assert "vic@acme.com is a Viewer in Hex" in again.output  # still said, once per plan


def test_public_web_refused_by_workspace_settings_fails_the_change_with_exit_4(
    tmp_path: Path,
) -> None:
    manifests = _manifests(
        tmp_path,
        "    sharing:\n      workspace: CAN_VIEW\n      public_web: APP_ONLY\n",
        policy="policy:\n  allow_public_web: true\n",
    )
    with running_emulator(_seed(share_to_web=False), EmulatorConfig(rate_limits=None)) as url:
        result = hexsync(url, "apply", str(manifests), "--auto-approve")
        assert result.exit_code == 4, result.output
        assert "0 done, 1 failed, 0 skipped" in result.stderr
        assert (
            "sharing.public_web: Hex refused it: "
            "Share to web is disabled in this workspace's settings"
        ) in result.output
        assert "done" not in _line_of(result.output, 'project "Revenue overview"')
        [project] = state(url)["projects"]
        assert project["sharing"]["workspace"] == "CAN_VIEW"  # the other entry was applied
        assert project["sharing"]["public_web"] == "NONE"


def _line_of(output: str, needle: str) -> str:
    return next(line for line in output.splitlines() if needle in line and "…" in line)


def test_a_user_deactivated_while_apply_runs_is_a_failed_entry_with_hexs_reason(
    url: str, tmp_path: Path
) -> None:
    """The plan sees Dora active; Hex deactivates her before the sharing write arrives (the
    emulator holds that write a few seconds): the write answers 200 with Dora in ``errors``,
    Erin's entry is applied, and the apply says so and exits 4."""
    manifests = _manifests(
        tmp_path,
        "    sharing:\n      users:\n"
        "        dora@acme.com: CAN_VIEW\n        erin@acme.com: CAN_EDIT\n",
    )
    hold = {"operationId": "EditProjectSharingUsers", "kind": "delay", "seconds": 6, "count": 1}
    httpx.post(f"{url}/_emulator/faults", json=hold).raise_for_status()
    process = subprocess.Popen(
        [
            *(sys.executable, "-m", "hexsync", "--api-url", url, "--rate-limit", "off"),
            *("apply", str(manifests), "--auto-approve"),
        ],
        env={**os.environ, **ENV},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and process.poll() is None:
            fired = httpx.get(f"{url}/_emulator/faults").json()["fired"]["total"]
            if fired:
                break
            time.sleep(0.02)
        assert process.poll() is None, "the apply ended before its sharing write was held"
        dora = next(u["id"] for u in state(url)["users"] if u["email"] == "dora@acme.com")
        token = {"Authorization": "Bearer hxtw_demo"}
        httpx.post(f"{url}/api/v1/users/{dora}/deactivate", headers=token).raise_for_status()
        out, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 4, out + err
    assert "sharing.users dora@acme.com: Hex refused it: User is deactivated" in out + err
    assert "0 done, 1 failed, 0 skipped" in err
    [project] = state(url)["projects"]
    assert project["sharing"]["users"] == {"erin@acme.com": "CAN_EDIT"}
