"""Two workspaces from one repository, each on its own emulator with its own token
(docs/workspaces.md): ``plan --all`` reads each at its floor, ``apply -w eu`` writes to the EU
one alone, a missing token fails its workspace alone, and no emulator ever receives another
workspace's token (their stats count requests by token)."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from cli_support import CLI_SEED, FAST
from click.testing import CliRunner, Result

from hexsync.cli.main import cli
from hexsync.emulator.app import token_fingerprint
from hexsync.emulator.background import running_emulator
from hexsync.emulator.seed import Seed

US_TOKEN = "hxtw_us_workspace_token"
EU_TOKEN = "hxtw_eu_workspace_token"
DECOY = "hxtw_decoy_default_token"  # HEX_API_TOKEN: never used with -w or --all


def _seed(token: str, org_id: str, name: str) -> Seed:
    data: dict[str, Any] = copy.deepcopy(CLI_SEED)
    data["org"] = {**data["org"], "id": org_id, "name": name}
    data["tokens"] = [{"token": token, "kind": "workspace"}]
    return Seed.from_dict(data, source=f"{name} seed")


@pytest.fixture(scope="module")
def emulators() -> Iterator[dict[str, str]]:
    us = _seed(US_TOKEN, "0f000000-0000-4000-8000-0000000000a1", "Acme US")
    eu = _seed(EU_TOKEN, "0f000000-0000-4000-8000-0000000000e1", "Acme EU")
    with running_emulator(us, FAST) as us_url, running_emulator(eu, FAST) as eu_url:
        yield {"us": us_url, "eu": eu_url}


@pytest.fixture
def repo(tmp_path: Path, emulators: dict[str, str]) -> Path:
    for url in emulators.values():
        httpx.post(f"{url}/_emulator/reset").raise_for_status()
    (tmp_path / "hexsync.yaml").write_text(
        "version: 1\nworkspaces:\n"
        f"  - name: us\n    api_url: {emulators['us']}\n    token_env: HEX_TOKEN_US\n"
        "    manifests: [base/, us/]\n"
        f"  - name: eu\n    api_url: {emulators['eu']}\n    token_env: HEX_TOKEN_EU\n"
        "    manifests: [base/, eu/]\n",
        encoding="utf-8",
    )
    layers = {
        "base": "version: 1\npolicy:\n  max_destroy: 5\n  locked: [max_destroy]\n",
        "us": "groups:\n  - name: US team\n",
        "eu": "groups:\n  - name: EU team\n",
    }
    for name, text in layers.items():
        (tmp_path / name).mkdir()
        (tmp_path / name / f"{name}.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def _run(repo: Path, *args: str, **env: str | None) -> Result:
    environ: dict[str, str | None] = {
        "HEX_TOKEN_US": US_TOKEN,
        "HEX_TOKEN_EU": EU_TOKEN,
        "HEX_API_TOKEN": DECOY,
        "HEX_API_URL": None,
        "NO_COLOR": "1",
        **env,
    }
    config = str(repo / "hexsync.yaml")
    return CliRunner().invoke(cli, ["--rate-limit", "off", "--config", config, *args], env=environ)


def _stats(url: str) -> dict[str, Any]:
    data: dict[str, Any] = httpx.get(f"{url}/_emulator/stats").json()
    return data


def _state(url: str) -> dict[str, Any]:
    data: dict[str, Any] = httpx.get(f"{url}/_emulator/state").json()
    return data


def _reset_stats(emulators: dict[str, str]) -> None:
    for url in emulators.values():
        httpx.post(f"{url}/_emulator/reset").raise_for_status()


def _only_own_token(emulators: dict[str, str]) -> None:
    own = {"us": token_fingerprint(US_TOKEN), "eu": token_fingerprint(EU_TOKEN)}
    for name, url in emulators.items():
        tokens = set(_stats(url)["tokens"])
        assert tokens <= {own[name]}, (name, tokens)


def test_plan_all_reads_each_workspace_at_its_floor_with_its_own_token(
    repo: Path, emulators: dict[str, str]
) -> None:
    result = _run(repo, "plan", "--all", "--detailed-exitcode")
    assert result.exit_code == 2, result.output
    us_at = result.output.index(f"=== Workspace us ({emulators['us']}) ===")
    eu_at = result.output.index(f"=== Workspace eu ({emulators['eu']}) ===")
    assert us_at < eu_at
    us_section, eu_section = result.output[us_at:eu_at], result.output[eu_at:]
    assert "US team" in us_section
    assert "EU team" not in us_section
    assert "EU team" in eu_section
    assert "US team" not in eu_section
    together = {name: _stats(url)["requests"] for name, url in emulators.items()}
    _only_own_token(emulators)
    # each read as a plan of that workspace alone reads it: the floor, nothing more
    for name, url in emulators.items():
        _reset_stats(emulators)
        alone = _run(repo, "plan", "-w", name, "--detailed-exitcode")
        assert alone.exit_code == 2, alone.output
        assert _stats(url)["requests"] == together[name]
        assert _stats(emulators["eu" if name == "us" else "us"])["total"] == 0
        _only_own_token(emulators)


def test_apply_to_one_workspace_writes_to_it_alone(repo: Path, emulators: dict[str, str]) -> None:
    result = _run(repo, "apply", "-w", "eu", "--auto-approve")
    assert result.exit_code == 0, result.output
    assert _stats(emulators["us"])["total"] == 0  # not one request, not even a read
    assert "201" in _stats(emulators["eu"])["requests"]["CreateGroup"]  # the group (and lock)
    _only_own_token(emulators)
    eu_groups = [
        g["name"] for g in httpx.get(f"{emulators['eu']}/_emulator/state").json()["groups"]
    ]
    us_groups = [
        g["name"] for g in httpx.get(f"{emulators['us']}/_emulator/state").json()["groups"]
    ]
    assert "EU team" in eu_groups
    assert "EU team" not in us_groups
    assert "US team" not in us_groups
    # then the EU workspace has nothing left to do, the US one still has its group to create
    again = _run(repo, "plan", "--all", "--detailed-exitcode")
    assert again.exit_code == 2
    assert "No changes" in again.output.split("=== Workspace eu")[1]


def test_a_missing_token_fails_that_workspace_alone(repo: Path, emulators: dict[str, str]) -> None:
    result = _run(repo, "plan", "--all", "--detailed-exitcode", HEX_TOKEN_EU=None)
    assert result.exit_code == 1, result.output  # the worst of 2 (us) and 1 (eu)
    eu_section = result.output.split("=== Workspace eu")[1]
    assert "no Hex API token for workspace 'eu': HEX_TOKEN_EU is not set" in eu_section
    assert "US team" in result.output.split("=== Workspace eu")[0]
    assert _stats(emulators["eu"])["total"] == 0  # never HEX_API_TOKEN in its place
    _only_own_token(emulators)
    alone = _run(repo, "plan", "-w", "eu", HEX_TOKEN_EU=None)
    assert alone.exit_code == 1
    assert "HEX_TOKEN_EU is not set" in alone.output
    assert _stats(emulators["eu"])["total"] == 0
    for output in (result.output, alone.output):
        assert DECOY not in output
        assert US_TOKEN not in output


def test_drift_all_has_a_section_per_workspace(repo: Path, emulators: dict[str, str]) -> None:
    result = _run(repo, "drift", "--all", "--format", "markdown")
    assert result.exit_code == 2, result.output
    assert result.output.count("## Workspace ") == 2
    _only_own_token(emulators)


def test_a_layer_loosening_the_baseline_stops_its_workspace_before_any_request(
    repo: Path, emulators: dict[str, str]
) -> None:
    (repo / "eu" / "eu.yaml").write_text("policy:\n  max_destroy: 50\n", encoding="utf-8")
    result = _run(repo, "plan", "--all")
    assert result.exit_code == 1
    eu_section = result.output.split("=== Workspace eu")[1]
    assert "eu/eu.yaml:2:16: policy.max_destroy: 50 loosens a locked field: it is 5" in eu_section
    assert "base/base.yaml:3:16), locked at" in eu_section
    assert _stats(emulators["eu"])["total"] == 0
    assert _stats(emulators["us"])["total"] > 0


def test_a_saved_plan_applied_with_layers_must_be_what_the_workspaces_layers_make(
    repo: Path, emulators: dict[str, str]
) -> None:
    # CI applies the plan reviewed for a workspace with `-w eu apply plan.json --layers`.
    saved = repo / "eu-plan.json"
    assert _run(repo, "plan", "-w", "eu", "--out", str(saved)).exit_code == 0
    refused = _run(repo, "apply", str(saved), "--layers")
    assert refused.exit_code == 1
    assert "--layers goes with a saved plan and -w NAME" in refused.output
    (repo / "eu" / "eu.yaml").write_text("groups:\n  - name: EU auditors\n", encoding="utf-8")
    stale = _run(repo, "-w", "eu", "apply", str(saved), "--layers")
    assert stale.exit_code == 3, stale.output
    assert "the saved plan is not what the manifests imply" in stale.output
    assert "EU team" not in [g["name"] for g in _state(emulators["eu"])["groups"]]
    (repo / "eu" / "eu.yaml").write_text("groups:\n  - name: EU team\n", encoding="utf-8")
    done = _run(repo, "-w", "eu", "apply", str(saved), "--layers")
    assert done.exit_code == 0, done.output
    assert "EU team" in [g["name"] for g in _state(emulators["eu"])["groups"]]
    assert _stats(emulators["us"])["total"] == 0
    _only_own_token(emulators)
