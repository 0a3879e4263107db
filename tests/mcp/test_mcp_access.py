"""``who_can_access`` and ``what_can_user_access`` against the example workspace: the same
answers as ``hexsync access … --json``, live and as planned, and errors an agent can act on."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner
from mcp_support import MANIFESTS, TOKEN, text_of

from hexsync.cli.main import cli

REVENUE = "Revenue overview"


def _cli_json(url: str, *args: str) -> Any:
    env = {"HEX_API_URL": url, "HEX_API_TOKEN": TOKEN}
    result = CliRunner().invoke(cli, ["--rate-limit", "off", "access", *args, "--json"], env=env)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_who_can_access_is_the_cli_answer(ro: Any, reset: Any, emulator_url: str) -> None:
    answer = ro.call_json("who_can_access", {"project": REVENUE})
    assert answer == _cli_json(emulator_url, "project", REVENUE)
    people = {p["email"]: p for p in answer["people"]}
    assert people["alice@acme.com"]["paths"][0] == {"path": "owner", "granted": "FULL_ACCESS"}
    assert people["erin@acme.com"]["level"] == "CAN_EDIT"
    assert "victor@acme.com" not in people  # a Guest, nothing shared with him


def test_what_can_user_access_as_planned_follows_the_manifests(
    ro: Any, reset: Any, emulator_url: str
) -> None:
    live = ro.call_json("what_can_user_access", {"email": "erin@acme.com"})
    # The server's own --manifests directory (a copy of the acme manifests) by default.
    planned = ro.call_json("what_can_user_access", {"email": "erin@acme.com", "as_planned": True})
    assert planned["source"] == "planned"
    assert planned == _cli_json(
        emulator_url, "user", "erin@acme.com", "--as-planned", str(MANIFESTS)
    )
    before = {p["title"]: p["level"] for p in live["projects"]}
    after = {p["title"]: p["level"] for p in planned["projects"]}
    # The manifests remove erin's direct Can Edit and share the project with the workspace.
    assert before[REVENUE] == "CAN_EDIT"
    assert after[REVENUE] == "APP_ONLY"


def test_unknown_names_are_tool_errors_with_close_matches(ro: Any, reset: Any) -> None:
    result = ro.call("what_can_user_access", {"email": "erni@acme.com"})
    assert result["isError"] is True
    assert "did you mean 'erin@acme.com'" in text_of(result)
    result = ro.call("who_can_access", {"project": "Revenue overvew"})
    assert result["isError"] is True
    assert "Revenue overview" in text_of(result)


def test_as_planned_paths_are_confined_like_every_manifest_tool(ro: Any, reset: Any) -> None:
    result = ro.call(
        "who_can_access", {"project": REVENUE, "as_planned": True, "paths": [str(MANIFESTS)]}
    )
    assert result["isError"] is True
    assert "outside the server's directory" in text_of(result)


def test_who_can_query_is_the_cli_answer(ro: Any, reset: Any, emulator_url: str) -> None:
    answer = ro.call_json("who_can_query", {"connection": "App DB"})
    assert answer == _cli_json(emulator_url, "connection", "App DB")
    people = {p["email"]: p for p in answer["people"]}
    assert people["ivan@acme.com"]["paths"] == [{"via": "group Data Engineering", "level": "QUERY"}]
    assert people["bob@acme.com"]["level"] == "VIEW_RESULTS"
    assert "frank@acme.com" not in people  # Finance queries the Warehouse, not App DB
    result = ro.call("who_can_query", {"connection": "App D"})
    assert result["isError"] is True
    assert "did you mean 'App DB'" in text_of(result)


# --- data classes (docs/data.md): the same answers as access … --manifests / --class ----------


def _table_reads(url: str) -> int:
    stats = httpx.get(f"{url}/_emulator/stats").json()
    return sum(stats["requests"].get("GetQueriedTables", {}).values())


def test_who_can_access_says_which_classes_a_project_reads_as_the_cli_does(
    session: Any, reset: Any, emulator_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A server of its own: its directory's cache (.hexsync/) starts empty.
    shutil.copytree(MANIFESTS, tmp_path / "manifests")
    ro = session("--manifests", str(tmp_path / "manifests"))
    ro.initialize()
    plain = ro.call_json("who_can_access", {"project": "Payroll summary"})
    assert "classes" not in plain  # not asked: no table read
    assert _table_reads(emulator_url) == 0
    answer = ro.call_json("who_can_access", {"project": "Payroll summary", "classes": True})
    assert answer["classes"] == {
        "finance": ["Warehouse:hr.payroll"],
        "pii": ["Warehouse:hr.payroll"],
    }
    assert _table_reads(emulator_url) == 60  # every project of the example, once
    # A project that reads no class says so; the tables come from the cache this time.
    none = ro.call_json("who_can_access", {"project": "2023 planning model", "classes": True})
    assert none["classes"] == {}
    assert _table_reads(emulator_url) == 60
    assert list((tmp_path / "manifests" / ".hexsync").glob("queried-tables-*.json"))
    monkeypatch.chdir(tmp_path)  # the CLI's cache goes under .hexsync/ here
    cli = _cli_json(emulator_url, "project", "Payroll summary", "--manifests", str(MANIFESTS))
    assert answer == cli


def test_what_can_user_access_with_a_class_is_access_user_class(
    ro: Any, reset: Any, emulator_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer = ro.call_json("what_can_user_access", {"email": "judy@acme.com", "class": "pii"})
    seen = {p["title"]: p for p in answer["projects"]}
    assert seen["Payroll summary"]["tables"] == ["Warehouse:hr.payroll"]
    assert seen["Payroll summary"]["paths"] == [{"path": "owner", "granted": "FULL_ACCESS"}]
    assert seen["Payroll summary"]["capped_by_role"] == "MEMBER"
    assert "Customer health score" not in seen  # reads pii, shared with Sales Ops only
    assert answer["reading"] == 6
    assert [c["connection"] for c in answer["connections"]] == ["Warehouse"]
    monkeypatch.chdir(tmp_path)
    cli = _cli_json(
        emulator_url, "user", "judy@acme.com", "--class", "pii", "--manifests", str(MANIFESTS)
    )
    assert answer == cli


def test_an_unknown_class_is_a_tool_error_before_any_read(
    ro: Any, reset: Any, emulator_url: str
) -> None:
    result = ro.call("what_can_user_access", {"email": "judy@acme.com", "class": "pi"})
    assert result["isError"] is True
    assert "class 'pi' is not declared in data.classes (declared: finance, pii)" in text_of(result)
    assert "did you mean 'pii'?" in text_of(result)
    assert httpx.get(f"{emulator_url}/_emulator/stats").json()["requests"] == {}
    bare = ro.call("who_can_access", {"project": REVENUE, "classes": True, "yaml": "version: 1\n"})
    assert bare["isError"] is True
    assert "the manifests declare no data.classes" in text_of(bare)
