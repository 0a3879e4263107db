"""A saved plan made by a rule on data classes is applied with ``--manifests``: the gate reads the
queried tables as plan did, so it finds the plan implied by the manifests (and without them it
would refuse a plan it cannot explain)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from click.testing import CliRunner

from hexsync.cli.main import cli
from hexsync.emulator.background import running_emulator
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import Seed

CASE = Path(__file__).resolve().parents[1] / "cases" / "data_class_check_passes.yaml"

MANIFESTS = """\
version: 1
data:
  classes:
    pii: ["App DB:public.users", "Lake:*.customers*"]
rules:
  - name: pii-off-the-workspace
    match: {reads: {class: pii}}
    sharing:
      mode: {workspace: authoritative}
      workspace: NONE
"""


def test_a_saved_plan_of_a_data_class_rule_applies_with_its_manifests(
    tmp_path: Path, base_seed: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # the queried tables' cache is written under ./.hexsync/
    data = yaml.safe_load(CASE.read_text(encoding="utf-8"))["seed"]
    churn = next(p for p in data["projects"] if p["title"] == "Churn drivers")
    churn["sharing"]["workspace"] = "CAN_VIEW"  # reads Lake:RAW.Customers_2024: pii
    data["org"] = base_seed["org"]
    data["tokens"] = [t for t in base_seed["tokens"] if t["kind"] == "workspace"]
    seed = Seed.from_dict(data, source="the case data_class_check_passes")
    manifests = tmp_path / "m.yaml"
    manifests.write_text(MANIFESTS, encoding="utf-8")
    saved = tmp_path / "plan.json"
    with running_emulator(seed, EmulatorConfig(rate_limits=None)) as url:
        env = {"HEX_API_URL": url, "HEX_API_TOKEN": seed.token_for(), "NO_COLOR": "1"}
        runner = CliRunner()
        planned = runner.invoke(
            cli, ["plan", str(manifests), "--out", str(saved)], env=env, catch_exceptions=False
        )
        assert planned.exit_code == 0, planned.output
        assert 'project "Churn drivers"' in planned.stdout
        assert "sharing.workspace: CAN_VIEW → NONE (rule pii-off-the-workspace)" in planned.stdout

        applied = runner.invoke(
            cli,
            ["--rate-limit", "off", "apply", str(saved), "--manifests", str(manifests)],
            env=env,
            catch_exceptions=False,
        )
        assert applied.exit_code == 0, applied.output
        assert "Apply complete" in applied.output
        state = httpx.get(f"{url}/_emulator/state").json()
        churn_now = next(p for p in state["projects"] if p["title"] == "Churn drivers")
        assert churn_now["sharing"]["workspace"] == "NONE"
