"""Exit codes are the same everywhere (README); a usage error is 1, never 2 ("changes present")."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from hexsync.cli.main import cli


@pytest.mark.parametrize(
    "args",
    [
        ["--no-such-option"],
        ["plan", "--no-such-option", "x"],
        ["show"],  # a missing argument
        ["plan", "--format", "yaml", "x"],  # a bad choice
        ["no-such-command"],
        ["runs", "list"],  # a nested group's missing argument
    ],
)
def test_usage_errors_exit_1(args: list[str]) -> None:
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1, result.output
    assert "Usage:" in result.output
    assert "Traceback" not in result.output


def test_help_exits_0() -> None:
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    for command in ("validate", "plan", "apply", "demo", "emulator", "runs", "users"):
        assert command in result.output
