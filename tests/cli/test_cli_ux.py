"""The command line as a first-time admin meets it: help, usage and file errors, confirmation."""

from __future__ import annotations

import errno
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click
import pytest
from cli_support import invoke
from click.testing import CliRunner, Result

from hexsync.cli.main import _os_error_message, cli

GROUPS = ["", "runs", "users", "groups", "collections", "projects", "connections", "emulator"]


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found: list[tuple[str, ...]] = []
    for name, command in group.commands.items():
        found.append((*prefix, name))
        if isinstance(command, click.Group):
            found.extend(_commands(command, (*prefix, name)))
    return found


@pytest.mark.parametrize("group", GROUPS)
def test_group_help_lists_whole_one_liners(group: str) -> None:
    result = CliRunner().invoke(cli, [*group.split(), "--help"])
    assert result.exit_code == 0
    listing = result.output.split("Commands:")[1]
    assert "..." not in listing  # click cuts a long first sentence mid-phrase


def test_commands_are_listed_in_workflow_order() -> None:
    listing = CliRunner().invoke(cli, ["--help"]).output.split("Commands:")[1]
    names = [line.split()[0] for line in listing.strip().splitlines()]
    assert names[:4] == ["validate", "plan", "apply", "export"]


@pytest.mark.parametrize("path", _commands(cli), ids=" ".join)
def test_every_command_and_option_has_help(path: tuple[str, ...]) -> None:
    command: Any = cli
    for name in path:
        command = command.commands[name]
    assert command.help, path
    for param in command.params:
        if isinstance(param, click.Option):
            assert param.help, (path, param.name)


def test_usage_errors_read_like_every_other_error() -> None:
    result = CliRunner().invoke(cli, ["runs", "list"], prog_name="hexsync")
    assert result.exit_code == 1
    assert "Usage: hexsync runs list" in result.stderr
    assert "error: Missing argument 'PROJECT'." in result.stderr
    assert "hint: 'hexsync runs list --help' shows every option" in result.stderr
    assert "Error:" not in result.stderr


def test_an_unknown_option_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["plan", "--nope", "manifests"])
    assert result.exit_code == 1
    assert "error: No such option '--nope'." in result.stderr


def test_file_errors_name_the_file_not_the_errno() -> None:
    exc = FileNotFoundError(errno.ENOENT, "No such file or directory", "/tmp/x/.plan.json.abc")
    assert _os_error_message(exc) == "/tmp/x/.plan.json.abc: No such file or directory"
    assert _os_error_message(OSError("socket closed")) == "socket closed"


def test_plan_out_in_a_missing_folder_fails_before_reading(
    hexsync: Callable[..., Result], stats: Callable[[], dict[str, Any]], tmp_path: Path
) -> None:
    (tmp_path / "m.yaml").write_text("version: 1\n", encoding="utf-8")
    out = tmp_path / "no" / "plan.json"
    result = hexsync("plan", "--out", str(out), str(tmp_path / "m.yaml"))
    assert result.exit_code == 1
    assert f"error: --out {out}: the folder {out.parent} does not exist" in result.stderr
    assert "hint: create it first" in result.stderr
    assert stats()["requests"] == {}  # nothing was read for a plan it could not save


def test_export_out_below_a_file_fails_before_reading(
    hexsync: Callable[..., Result], stats: Callable[[], dict[str, Any]], tmp_path: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = hexsync("export", "--out", str(blocker / "manifests"))
    assert result.exit_code == 1
    assert f"{blocker} is a file, so no directory can be made there" in result.stderr
    assert stats()["requests"] == {}


def test_export_makes_a_missing_out_directory(
    hexsync: Callable[..., Result], tmp_path: Path
) -> None:
    result = hexsync("export", "--out", str(tmp_path / "a" / "b"))
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "a" / "b" / "groups.yaml").is_file()


def test_target_names_the_kind_as_typed(hexsync: Callable[..., Result], tmp_path: Path) -> None:
    (tmp_path / "m.yaml").write_text("version: 1\n", encoding="utf-8")
    result = hexsync("plan", "--target", "bogus", str(tmp_path))
    assert result.exit_code == 1
    assert "unknown kind 'bogus'" in result.stderr
    assert hexsync("plan", "--target", "groups", str(tmp_path)).exit_code == 0


@pytest.mark.parametrize(
    ("args", "flag"),
    [(("apply", "{m}"), "--auto-approve"), (("users", "deactivate", "dave@acme.com"), "--yes")],
)
def test_no_terminal_to_confirm_on_refuses_alike(
    hexsync: Callable[..., Result], tmp_path: Path, args: tuple[str, ...], flag: str
) -> None:
    (tmp_path / "m.yaml").write_text(
        "version: 1\ngroups:\n  - name: New\n    members: []\n", encoding="utf-8"
    )
    result = hexsync(*(a.format(m=tmp_path) for a in args))
    assert result.exit_code == 1
    assert "confirmation needed and there is no terminal to ask on" in result.stderr
    assert f"hint: pass {flag} to " in result.stderr


@pytest.mark.parametrize(
    ("args", "cancelled"),
    [
        (("apply", "{m}"), "Cancelled: nothing was applied."),
        (("users", "deactivate", "dave@acme.com"), "Cancelled: nothing was deactivated."),
    ],
)
def test_answering_no_cancels_alike(
    hexsync: Callable[..., Result],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    args: tuple[str, ...],
    cancelled: str,
) -> None:
    monkeypatch.setattr("hexsync.cli.apply.interactive", lambda: True)
    monkeypatch.setattr("hexsync.cli.users.interactive", lambda: True)
    (tmp_path / "m.yaml").write_text(
        "version: 1\ngroups:\n  - name: New\n    members: []\n", encoding="utf-8"
    )
    result = hexsync(*(a.format(m=tmp_path) for a in args), input="n\n")
    assert result.exit_code == 0, result.stderr
    assert cancelled in result.stderr


VERBOSE_CASES = [
    ("plan", "{m}"),
    ("apply", "--auto-approve", "{m}"),
    ("export", "--out", "-"),
    ("runs", "list", "Revenue overview"),
    ("embed", "Revenue overview", "--test-mode"),
    ("users", "list"),
    ("groups", "list"),
    ("collections", "list"),
    ("projects", "show", "Revenue overview"),
    ("connections", "list"),
]


@pytest.mark.parametrize("args", VERBOSE_CASES, ids=lambda a: " ".join(a[:2]))
def test_verbose_logs_requests_on_stderr_without_the_token(
    emulator_url: str, hexsync: Callable[..., Result], tmp_path: Path, args: tuple[str, ...]
) -> None:
    (tmp_path / "m.yaml").write_text("version: 1\n", encoding="utf-8")
    token = "hxtp_alice"
    result = invoke(
        emulator_url, ("-v", "--rate-limit", "20/min", *(a.format(m=tmp_path) for a in args)), token
    )
    assert result.exit_code == 0, result.stderr
    assert "hexsync: GET /api/v1/" in result.stderr  # the request log …
    assert "hexsync: GET" not in result.stdout  # … never mixed into the result
    assert token not in result.output
