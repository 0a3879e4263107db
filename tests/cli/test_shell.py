"""The shell: completion scripts, global options after the command, and the ``show`` commands."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import click
import pytest
from cli_support import REVENUE_ID, WORKSPACE_TOKEN, requests_of
from click.testing import CliRunner, Result

from hexsync.cli._globals import hoist_global_options
from hexsync.cli.main import cli


@pytest.mark.parametrize(
    ("shell", "marker"),
    [("bash", "complete -o nosort -F"), ("zsh", "#compdef hexsync"), ("fish", "complete")],
)
def test_completion_prints_a_script_the_shell_loads(shell: str, marker: str) -> None:
    result = CliRunner().invoke(cli, ["completion", shell])
    assert result.exit_code == 0, result.output
    assert marker in result.output
    assert "_HEXSYNC_COMPLETE" in result.output


def test_bash_completion_script_parses_and_completes_commands() -> None:
    script = CliRunner().invoke(cli, ["completion", "bash"]).output
    # bash -n: the script is valid bash; then click answers a completion request for "hexsync gr".
    subprocess.run(["bash", "-n"], input=script, text=True, check=True)
    env = {"_HEXSYNC_COMPLETE": "bash_complete", "COMP_WORDS": "hexsync gr", "COMP_CWORD": "1"}
    result = CliRunner().invoke(cli, [], env=env, prog_name="hexsync")
    assert "plain,groups" in result.output


def test_completion_names_the_shells_it_knows() -> None:
    result = CliRunner().invoke(cli, ["completion", "powershell"])
    assert result.exit_code == 1
    assert "'powershell' is not one of 'bash', 'zsh', 'fish'" in result.stderr


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["plan", "-v", "m"], ["-v", "plan", "m"]),
        (["plan", "m", "-vv", "--no-color"], ["-vv", "--no-color", "plan", "m"]),
        (["plan", "--api-url", "http://x", "m"], ["--api-url", "http://x", "plan", "m"]),
        (["plan", "--rate-limit=off", "m"], ["--rate-limit=off", "plan", "m"]),
        # a nested command: the global option after its name still moves
        (["runs", "list", "P", "-v"], ["-v", "runs", "list", "P"]),
        # the value of the command's own option is never taken for a global option
        (["plan", "--out", "-v", "m"], ["plan", "--out", "-v", "m"]),
        # after "--" everything is an argument
        (["plan", "--", "-v"], ["plan", "--", "-v"]),
        # already in front: unchanged
        (
            ["-v", "--api-url", "http://x", "plan", "m"],
            ["-v", "--api-url", "http://x", "plan", "m"],
        ),
    ],
)
def test_global_options_after_the_command_move_in_front(
    args: list[str], expected: list[str]
) -> None:
    assert isinstance(cli, click.Group)
    assert hoist_global_options(cli, args) == expected


def test_a_global_option_after_the_command_takes_effect(emulator_url: str) -> None:
    # Subprocesses: the request log, once on, stays on for the life of a process.
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, "HEX_API_URL": emulator_url, "HEX_API_TOKEN": WORKSPACE_TOKEN}
        return subprocess.run(
            [sys.executable, "-m", "hexsync", *args],
            capture_output=True,
            text=True,
            check=False,
            env=env,
        )

    quiet = run("groups", "list")
    loud = run("groups", "list", "-v")
    assert quiet.returncode == loud.returncode == 0, loud.stderr
    assert "ListGroups" not in quiet.stderr
    assert "ListGroups" in loud.stderr  # the request log of -v
    assert loud.stdout == quiet.stdout


def test_a_global_option_after_the_command_in_a_real_process() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "hexsync", "validate", "--no-color", "/nonexistent-manifests"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert "No such option" not in done.stderr
    assert done.returncode == 1
    assert "/nonexistent-manifests:1:1: no such file or directory" in done.stdout


def _json(result: Result) -> dict[str, Any]:
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_groups_show(hexsync: Callable[..., Result], stats: Callable[[], dict[str, Any]]) -> None:
    group = _json(hexsync("groups", "show", "Analysts", "--json"))["group"]
    assert group["name"] == "Analysts"
    assert group["members"] == ["alice@acme.com", "bob@acme.com"]
    assert group["projects"] == [
        {"title": "Revenue overview", "id": REVENUE_ID, "access": "CAN_VIEW"}
    ]
    # Project sharing comes from the listing: never one GetProject per project.
    assert requests_of(stats(), "GetProject") == 0
    text = hexsync("groups", "show", "Analysts")
    assert text.exit_code == 0
    assert "bob@acme.com" in text.stdout
    assert "Revenue overview" in text.stdout


def test_groups_show_an_unknown_name_suggests(hexsync: Callable[..., Result]) -> None:
    result = hexsync("groups", "show", "Analyst")
    assert result.exit_code == 1
    assert "no group named 'Analyst'" in result.stderr
    assert "did you mean 'Analysts'" in result.stderr


def test_collections_show(hexsync: Callable[..., Result]) -> None:
    collection = _json(hexsync("collections", "show", "Finance", "--json"))["collection"]
    assert collection["name"] == "Finance"
    assert collection["description"] == "Finance team dashboards"
    assert collection["projects"] == [
        {"title": "Revenue overview", "id": REVENUE_ID, "access": "CAN_VIEW"}
    ]
    text = hexsync("collections", "show", "Ops")
    assert text.exit_code == 0
    assert "Nightly load" in text.stdout
    assert "Revenue overview" not in text.stdout


def test_users_show(hexsync: Callable[..., Result]) -> None:
    user = _json(hexsync("users", "show", "CAROL@acme.com", "--json"))["user"]
    assert user["email"] == "carol@acme.com"
    assert user["role"] == "EDITOR"
    assert user["groups"] == ["Finance"]
    assert user["projects"] == [
        {"title": "Revenue overview", "id": REVENUE_ID, "access": "CAN_EDIT"}
    ]
    alice = _json(hexsync("users", "show", "alice@acme.com", "--json"))["user"]
    assert alice["groups"] == ["Analysts"]
    assert alice["projects"] == []


def test_users_show_a_deactivated_user_is_not_found(hexsync: Callable[..., Result]) -> None:
    result = hexsync("users", "show", "trent@acme.com")
    assert result.exit_code == 1
    assert "no active user with email trent@acme.com" in result.stderr
