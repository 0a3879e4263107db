"""No traceback, whatever the file (issue 9, item 6): hostile manifests and plan files each get
one located line and exit 1, through the command line as a user meets them.

Their time and memory are measured in benchmarks/bench_hostile.py, not here.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from hexsync.cli.main import cli

ROOT = Path(__file__).resolve().parents[2]
GOLDEN_PLAN = ROOT / "tests" / "render" / "golden" / "rich.json"


def run(*args: str) -> Result:
    # No emulator: each file is refused before any request (the URL would not answer).
    env = {"HEX_API_URL": "http://127.0.0.1:9", "HEX_API_TOKEN": "hxtw_x", "NO_COLOR": "1"}
    return CliRunner().invoke(cli, list(args), env=env)


def located(result: Result, where: str) -> str:
    """The one line naming ``where`` (file:line:column); exit 1; no traceback."""
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    lines = [line for line in result.output.splitlines() if where in line]
    assert len(lines) == 1, result.output
    return lines[0]


@pytest.mark.parametrize("command", ["validate", "plan"])
def test_flow_nesting_a_thousand_deep_is_one_located_line(tmp_path: Path, command: str) -> None:
    manifest = tmp_path / "deep.yaml"
    manifest.write_text("version: 1\ngroups: " + "[" * 1000 + "]" * 1000 + "\n", "utf-8")
    line = located(run(command, str(manifest)), f"{manifest}:2:")
    assert "nested more than 50 levels deep" in line


def test_mapping_nesting_and_block_nesting_are_located_too(tmp_path: Path) -> None:
    flow = tmp_path / "flow.yaml"
    flow.write_text("version: 1\ngroups: " + "{a: " * 1200 + "1" + "}" * 1200 + "\n", "utf-8")
    assert "nested more than 50" in located(run("validate", str(flow)), f"{flow}:2:")
    block = tmp_path / "block.yaml"
    block.write_text("version: 1\ngroups:\n" + "".join("  " * i + "-\n" for i in range(1, 80)))
    assert "nested more than 50" in located(run("validate", str(block)), f"{block}:")


def test_a_two_megabyte_group_name_is_refused_quoting_only_its_start(tmp_path: Path) -> None:
    manifest = tmp_path / "m.yaml"
    manifest.write_text("version: 1\ngroups:\n  - name: " + "A" * 2_000_000 + "\n", "utf-8")
    result = run("validate", str(manifest))
    line = located(result, f"{manifest}:3:11")
    assert "is longer than 1,000 characters" in line
    assert "(2,000,000 characters)" in line
    assert len(result.output) < 500


@pytest.mark.parametrize("version", ["true", "1.0", "'1'", "2"])
def test_manifest_version_must_be_the_integer_1(tmp_path: Path, version: str) -> None:
    manifest = tmp_path / "m.yaml"
    manifest.write_text(f"version: {version}\ngroups:\n  - name: A\n", "utf-8")
    line = located(run("validate", str(manifest)), f"{manifest}:1:10")
    assert "unknown manifest version" in line


def test_a_plan_of_100k_brackets_is_one_located_line(tmp_path: Path) -> None:
    plan = tmp_path / "plan.json"
    plan.write_text("[" * 100_000, "utf-8")
    line = located(run("apply", str(plan)), f"{plan}:1:65")
    assert line == f"error: {plan}:1:65: nested more than 64 levels deep: not a hexsync plan"


def test_a_plan_with_a_byte_ff_is_one_located_line(tmp_path: Path) -> None:
    plan = tmp_path / "plan.json"
    plan.write_bytes(b'{\n  "format_version": 1,\n  "x": "\xff"\n}\n')
    line = located(run("apply", str(plan)), f"{plan}:3:")
    assert line == f"error: {plan}:3:9: not valid UTF-8: byte 0xff"


def test_a_300_megabyte_plan_is_refused_by_its_size(tmp_path: Path) -> None:
    plan = tmp_path / "plan.json"
    with plan.open("wb") as handle:  # sparse: no disk used, and hexsync must not read it
        handle.truncate(300 * 1024 * 1024)
    line = located(run("apply", str(plan)), f"{plan}:")
    assert line == f"error: {plan}: the file is 314.6 MB; saved plans are limited to 50 MB"


@pytest.mark.parametrize("version", [True, 1.0, "1", 2])
def test_plan_format_version_must_be_the_integer_1(tmp_path: Path, version: object) -> None:
    data = json.loads(GOLDEN_PLAN.read_text(encoding="utf-8"))
    data["format_version"] = version
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps(data), "utf-8")
    line = located(run("apply", str(plan)), f"{plan}:")
    assert "format_version is " in line
    assert "this hexsync reads the integer 1" in line


def test_a_plan_with_a_two_megabyte_name_quotes_only_its_start(tmp_path: Path) -> None:
    data = json.loads(GOLDEN_PLAN.read_text(encoding="utf-8"))
    data["changes"][0]["name"] = "G" * 2_000_000
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps(data), "utf-8")
    result = run("apply", str(plan))
    line = located(result, f"{plan}: changes[0].name")
    assert re.search(r"longer than 1000 characters \('G{40}…' \(2,000,000 characters\)\)", line)
    assert len(result.output) < 500


def test_not_json_is_located(tmp_path: Path) -> None:
    plan = tmp_path / "plan.json"
    plan.write_text('{\n  "format_version": 1,\n  oops\n}\n', "utf-8")
    line = located(run("apply", str(plan)), f"{plan}:3:3")
    assert "not JSON" in line


@pytest.mark.timeout(30)  # before the fix, reading the FIFO blocked for ever
def test_a_fifo_given_as_a_manifest_or_a_plan_is_refused_without_blocking(tmp_path: Path) -> None:
    manifest = tmp_path / "m.yaml"
    os.mkfifo(manifest)
    assert "not a regular file" in located(run("validate", str(manifest)), f"{manifest}:1:1")
    folder = tmp_path / "manifests"
    folder.mkdir()
    os.mkfifo(folder / "groups.yaml")
    (folder / "users.yaml").write_text("version: 1\n", "utf-8")
    listed = run("validate", str(folder))  # a directory's FIFO is skipped, never opened
    assert listed.exit_code == 0, listed.output
    assert "ok: 1 file" in listed.output
    plan = tmp_path / "plan.json"
    os.mkfifo(plan)
    assert located(run("apply", str(plan)), f"{plan}:") == f"error: {plan}: not a regular file"
