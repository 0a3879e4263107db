"""``hexsync doctor`` against the emulator with a role and a collection level Hex's
documentation does not name injected in its seed: both reported, nothing written, and the
anonymised report holds no name, email or title of the seed."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from cli_support import CLI_SEED, FAST
from click.testing import CliRunner, Result

from hexsync.cli.main import cli
from hexsync.emulator.background import running_emulator
from hexsync.emulator.seed import Seed

TOKEN = "hxtw_doctor_workspace"
ADMIN = "hxtp_doctor_alice"

SEED: dict[str, Any] = copy.deepcopy(CLI_SEED)
SEED["tokens"] = [
    {"token": TOKEN, "kind": "workspace"},
    {"token": ADMIN, "kind": "personal", "user": "alice@acme.com"},
]
SEED["undocumented_roles"] = ["BILLING_ADMIN"]
SEED["users"] = [*SEED["users"], {"email": "zoe@acme.com", "name": "Zoe", "role": "BILLING_ADMIN"}]
SEED["collections"] = [
    {**c, "sharing": {"users": {"carol@acme.com": "COMMENT"}}} if c["name"] == "Ops" else c
    for c in SEED["collections"]
]
READS = {
    "Me",
    "ListUsers",
    "ListGroups",
    "ListCollections",
    "ListProjects",
    "ListDataConnections",
    "GetQueriedTables",
}


@pytest.fixture(scope="module")
def url() -> Iterator[str]:
    with running_emulator(Seed.from_dict(SEED, source="doctor seed"), FAST) as served:
        yield served


def _doctor(url: str, *args: str, token: str = TOKEN) -> Result:
    env = {"HEX_API_URL": url, "HEX_API_TOKEN": token, "NO_COLOR": "1"}
    return CliRunner().invoke(cli, ["doctor", *args], env=env)


def _stats(url: str) -> dict[str, Any]:
    data: dict[str, Any] = httpx.get(f"{url}/_emulator/stats").json()
    return data


def _seed_words() -> set[str]:
    """Every name, email, title and description of the seed (and the org's name and id)."""
    words = {SEED["org"]["name"], SEED["org"]["id"]}
    for kind in ("users", "groups", "collections", "projects", "data_connections"):
        for item in SEED[kind]:
            for key in ("email", "name", "title", "description", "id"):
                if isinstance(item.get(key), str):
                    words.add(item[key])
    return words


def test_unknown_values_are_reported_and_nothing_is_written(url: str, tmp_path: Path) -> None:
    httpx.post(f"{url}/_emulator/reset").raise_for_status()
    report = tmp_path / "doctor.json"
    result = _doctor(url, "--report", str(report))
    assert result.exit_code == 0, result.output
    out = result.output
    assert "role 'BILLING_ADMIN' at users[].role" in out
    assert "collection level 'COMMENT' at collections[].sharing.users[].access" in out
    assert "verdict: ready, with notes" in out
    assert "token: workspace" in out
    assert "may read: users 5; groups 3; collections 2; projects (with sharing) " in out
    assert "queried tables: offered" in out
    assert "clock skew: " in out
    assert "no Date header" not in out  # served on a socket, the answers carry the time
    # read-only: each kind of object read once, GETs only, nothing else sent
    requests = _stats(url)["requests"]
    assert set(requests) == READS
    assert all(counts == {"200": 1} for counts in requests.values()), requests
    text = report.read_text(encoding="utf-8")
    data = json.loads(text)
    [only] = data["workspaces"]
    assert {(u["kind"], u["value"]) for u in only["unknown"]} == {
        ("role", "BILLING_ADMIN"),
        ("collection level", "COMMENT"),
    }
    assert only["verdict"] == "ready, with notes"
    assert only["host"] == "other (a proxy or a local emulator)"
    leaked = sorted(w for w in _seed_words() if w in text)
    assert leaked == []
    assert TOKEN not in text
    assert TOKEN not in out


def test_a_personal_token_shows_its_role(url: str) -> None:
    result = _doctor(url, token=ADMIN)
    assert result.exit_code == 0, result.output
    assert "token: personal, role ADMIN" in result.output


def test_a_token_hex_refuses_is_not_ready(url: str) -> None:
    result = _doctor(url, "--format", "json", token="hxtw_not_a_token_of_this_one")
    assert result.exit_code == 1
    [only] = json.loads(result.output)["workspaces"]
    assert only["verdict"] == "not ready"
    assert "hxtw_not_a_token_of_this_one" not in result.output


def test_doctor_checks_each_workspace_of_the_file(url: str, tmp_path: Path) -> None:
    (tmp_path / "base").mkdir()
    (tmp_path / "base" / "m.yaml").write_text("version: 1\n", encoding="utf-8")
    (tmp_path / "hexsync.yaml").write_text(
        "workspaces:\n"
        f"  - name: here\n    api_url: {url}\n    token_env: HEX_TOKEN_HERE\n"
        "    manifests: [base/]\n"
        f"  - name: tokenless\n    api_url: {url}\n    token_env: HEX_TOKEN_NONE\n"
        "    manifests: [base/]\n",
        encoding="utf-8",
    )
    env = {"HEX_TOKEN_HERE": TOKEN, "HEX_API_TOKEN": ADMIN, "HEX_TOKEN_NONE": None}
    config = ["--config", str(tmp_path / "hexsync.yaml")]
    both = CliRunner().invoke(cli, [*config, "doctor"], env=env)
    assert both.exit_code == 1, both.output  # one workspace is not ready
    here, tokenless = both.output.split("\n\n")
    assert "verdict: ready, with notes" in here
    assert "HEX_TOKEN_NONE is not set" in tokenless
    assert "verdict: not ready" in tokenless
    one = CliRunner().invoke(cli, [*config, "doctor", "-w", "here"], env=env)
    assert one.exit_code == 0, one.output
    assert "Workspace here" in one.output
    assert "token: workspace" in one.output  # its own token, not HEX_API_TOKEN's (personal)
