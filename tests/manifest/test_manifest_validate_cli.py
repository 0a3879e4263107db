"""``hexsync validate`` as a user or an editor sees it."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from hexsync.cli.main import cli

ROOT = Path(__file__).resolve().parents[2]


def test_the_examples_validate_clean(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(cli, ["validate", "examples/acme/manifests"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == ("ok: 13 files, 7 collections, 8 groups, 3 users, 61 projects")


def test_json_format_lists_every_problem(tmp_path, monkeypatch):
    (tmp_path / "m.yaml").write_text(
        "version: 1\ngroups:\n  - name: Analysts\n    member: [bob@acme.com]\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["validate", "--format", "json", "m.yaml"])
    assert result.exit_code == 1
    payload = json.loads(result.output)
    assert payload == {
        "ok": False,
        "problems": [
            {
                "file": "m.yaml",
                "line": 4,
                "column": 5,
                "path": "groups[0].member",
                "message": "unknown key 'member' (did you mean 'members'?)",
                "hint": "allowed here: name, members, members_mode, ensure",
                "severity": "error",
            }
        ],
    }


def test_json_format_when_all_is_well(monkeypatch):
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(cli, ["validate", "--format", "json", "examples/acme/manifests"])
    assert result.exit_code == 0
    assert json.loads(result.output) == {"ok": True, "problems": []}


def test_text_summary_counts_problems_and_files(tmp_path, monkeypatch):
    (tmp_path / "a.yaml").write_text("version: 3\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("groups: oops\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["validate", "."])
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == "2 problems in 2 files"


def test_files_outside_the_current_directory_keep_their_path(tmp_path, monkeypatch):
    manifest = tmp_path / "m.yaml"
    manifest.write_text("version: 2\n", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    result = CliRunner().invoke(cli, ["validate", str(manifest)])
    assert result.output.startswith(f"{manifest.as_posix()}:1:10: version: ")


def test_validate_needs_a_path_or_a_manifests_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["validate"])
    assert result.exit_code == 1  # an error: 1, never 2 ("changes present")
    assert "no manifests given, and there is no ./manifests directory here" in result.output


def test_a_project_shared_with_a_user_marked_inactive_is_a_warning(tmp_path, monkeypatch):
    (tmp_path / "m.yaml").write_text(
        "version: 1\nusers:\n  - email: carol@acme.com\n    active: false\nprojects:\n"
        "  - title: Revenue\n    sharing:\n      users: {carol@acme.com: CAN_VIEW}\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["validate", "m.yaml"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "m.yaml:8:15: warning: projects[0].sharing.users[\"carol@acme.com\"]: project 'Revenue'"
        " is shared with carol@acme.com, who is deactivated under users",
        "ok: 1 file, 0 collections, 0 groups, 1 user, 1 project (1 warning)",
    ]
