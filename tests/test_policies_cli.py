"""``policies:`` end to end: ``hexsync plan`` and ``apply`` against the acme emulator."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from acme import EXAMPLE_MANIFESTS, serving_example
from acme import EXAMPLE_TOKEN as TOKEN
from click.testing import CliRunner

from hexsync.cli.main import cli

pytestmark = pytest.mark.slow

POLICIES = """\
policies:
  - name: no-guest-edits
    deny: principal.kind == "user" && principal.role == "GUEST" && rank >= 3
  - name: workspace-app-only
    description: The whole workspace may open apps, never the notebook.
    deny: principal.kind == "workspace" && rank >= 2
    message: ask for {object.title} through a group
"""


def test_a_policy_broken_after_the_plan_refuses_it_and_names_each_grant(tmp_path: Path) -> None:
    manifests = tmp_path / "manifests"
    shutil.copytree(EXAMPLE_MANIFESTS, manifests)
    (manifests / "policies.yaml").write_text(POLICIES, encoding="utf-8")
    with serving_example() as url:
        env = {"HEX_API_URL": url, "HEX_API_TOKEN": TOKEN, "NO_COLOR": "1"}
        text = CliRunner().invoke(cli, ["plan", str(manifests)], env=env)
        data = CliRunner().invoke(cli, ["plan", str(manifests), "--format", "json"], env=env)
        apply = CliRunner().invoke(cli, ["apply", str(manifests), "--auto-approve"], env=env)
    assert text.exit_code == 3, text.output
    lines = text.output.splitlines()
    assert lines.count("Refused") == 1
    shown = f"  {manifests.as_posix()}/policies.yaml:4:5: "
    assert (
        shown + "policy 'workspace-app-only': every workspace member has CAN_VIEW on 'Cash runway"
        " model' via workspace (kept by this plan): ask for Cash runway model through a group"
    ) in lines
    # the guest's edit access goes with the group the plan deletes: fixed, not refused
    assert (
        f"  {manifests.as_posix()}/policies.yaml:2:5: policy 'no-guest-edits': victor@acme.com"
        " (GUEST) has CAN_EDIT on 'Contractor timesheets' via group Legacy contractors (fixed by"
        " this plan)"
    ) in lines
    assert data.exit_code == 3
    plan = json.loads(data.stdout)
    codes = {r["code"] for r in plan["refusals"]}
    assert codes == {"policy"}
    assert len(plan["refusals"]) == sum("workspace-app-only" in line for line in lines)
    assert [w["code"] for w in plan["warnings"] if w["code"].startswith("policy")] == [
        "policy_fixed"
    ]
    assert apply.exit_code == 3, apply.output
    assert "workspace-app-only" in apply.output
