"""``hexsync access connection NAME``: who can query a data connection and why, live and as
planned (docs/data.md)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from hexsync.cli.main import cli
from hexsync.emulator.background import running_emulator
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import Seed

TOKEN = "hxtw_test"


@pytest.fixture
def url(make_seed: Callable[..., Seed]) -> Iterator[str]:
    seed = make_seed(
        data_connections=[
            {
                "name": "Warehouse",
                "type": "snowflake",
                "sharing": {
                    "workspace": {"members": "VIEW_RESULTS", "guests": "QUERY", "public": "NONE"},
                    "groups": {"Finance": "QUERY", "Analysts": "VIEW_RESULTS"},
                },
            }
        ]
    )
    with running_emulator(seed, EmulatorConfig(rate_limits=None)) as base:
        yield base


def run(url: str, *args: str) -> Result:
    env = {"HEX_API_URL": url, "HEX_API_TOKEN": TOKEN, "NO_COLOR": "1"}
    return CliRunner().invoke(cli, ["--rate-limit", "off", *args], env=env)


def answer(url: str, *args: str) -> dict[str, Any]:
    result = run(url, "access", "connection", "Warehouse", "--json", *args)
    assert result.exit_code == 0, result.output
    return dict(json.loads(result.stdout))


def test_every_person_with_every_path_highest_first(url: str) -> None:
    doc = answer(url)
    people = {p["email"]: p for p in doc["people"]}
    # carol is a member (VIEW_RESULTS) and in Finance (QUERY): the group decides.
    assert people["carol@acme.com"]["level"] == "QUERY"
    assert people["carol@acme.com"]["paths"] == [
        {"via": "group Finance", "level": "QUERY"},
        {"via": "workspace members", "level": "VIEW_RESULTS"},
    ]
    # gus is a Guest: not a workspace member, but guests may query.
    assert people["gus@acme.com"]["paths"] == [{"via": "guests", "level": "QUERY"}]
    assert people["bob@acme.com"]["level"] == "VIEW_RESULTS"
    assert doc["query"] == 2
    assert doc["admins"] == ["alice@acme.com"]
    text = run(url, "access", "connection", "Warehouse").output
    assert "Can query: 2 people" in text
    assert "carol@acme.com [EDITOR]  via group Finance (QUERY), via workspace members" in text


def test_as_planned_follows_the_manifests(url: str, tmp_path: Path) -> None:
    manifests = tmp_path / "m.yaml"
    manifests.write_text(
        "version: 1\nconnections:\n  - name: Warehouse\n"
        "    sharing: {members: NONE, guests: NONE, groups: {Analysts: QUERY}}\n",
        encoding="utf-8",
    )
    doc = answer(url, "--as-planned", str(manifests))
    assert doc["source"] == "planned"
    assert {p["email"]: p["level"] for p in doc["people"]} == {
        "alice@acme.com": "QUERY",
        "bob@acme.com": "QUERY",
    }


def test_an_unknown_connection_names_the_close_one(url: str) -> None:
    result = run(url, "access", "connection", "Warehose")
    assert result.exit_code == 1
    assert "no data connection named 'Warehose'" in result.output
    assert "did you mean 'Warehouse'?" in result.output
