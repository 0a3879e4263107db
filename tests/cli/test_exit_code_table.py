"""The README's exit codes, one representative invocation per command and outcome.

0 ok / no changes; 1 error (usage errors too); 2 changes with ``plan --detailed-exitcode``;
3 refused by a guardrail; 4 apply finished partially. Every row runs the real command against
the CLI emulator (reset before each row) and asserts the code, stderr's ``error:`` line when it
fails, and that no traceback shows.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from cli_support import MEMBER_TOKEN, REVENUE_ID, WORKSPACE_TOKEN
from click.testing import Result

# Manifests of the CLI workspace (tests/cli/cli_support.py): Finance as it is, so no changes.
SAME = "version: 1\ngroups:\n  - name: Finance\n    members: [carol@acme.com]\n"
NEW_GROUP = "version: 1\ngroups:\n  - name: Auditors\n    members: [dave@acme.com]\n"
OTHER_WORKSPACE = (
    "version: 1\nworkspace:\n  org_id: 00000000-0000-4000-8000-000000000000\n"
    "groups:\n  - name: Auditors\n    members: [dave@acme.com]\n"
)


def _write(tmp_path: Path, name: str, text: str) -> str:
    folder = tmp_path / name
    folder.mkdir()
    (folder / "main.yaml").write_text(text, encoding="utf-8")
    return str(folder)


# (id, args with {same}/{new}/{other}/{tmp} placeholders, token, expected exit code)
CASES: list[tuple[str, tuple[str, ...], str, int]] = [
    ("validate ok", ("validate", "{same}"), WORKSPACE_TOKEN, 0),
    ("validate missing path", ("validate", "{tmp}/nowhere"), WORKSPACE_TOKEN, 1),
    ("plan no changes", ("plan", "--detailed-exitcode", "{same}"), WORKSPACE_TOKEN, 0),
    ("plan changes", ("plan", "{new}"), WORKSPACE_TOKEN, 0),
    ("plan changes detailed", ("plan", "--detailed-exitcode", "{new}"), WORKSPACE_TOKEN, 2),
    ("plan other workspace", ("plan", "{other}"), WORKSPACE_TOKEN, 3),
    ("plan missing path", ("plan", "{tmp}/nowhere"), WORKSPACE_TOKEN, 1),
    ("plan bad option", ("plan", "--nope", "{same}"), WORKSPACE_TOKEN, 1),
    ("apply nothing to do", ("apply", "--auto-approve", "{same}"), WORKSPACE_TOKEN, 0),
    ("apply no terminal", ("apply", "{new}"), WORKSPACE_TOKEN, 1),
    ("apply other workspace", ("apply", "--auto-approve", "{other}"), WORKSPACE_TOKEN, 3),
    ("apply partial", ("apply", "--auto-approve", "{new}"), MEMBER_TOKEN, 4),
    ("export to stdout", ("export", "--out", "-"), WORKSPACE_TOKEN, 0),
    ("export bad kind", ("export", "--only", "dashboards"), WORKSPACE_TOKEN, 1),
    ("runs list", ("runs", "list", REVENUE_ID), WORKSPACE_TOKEN, 0),
    ("runs status unknown", ("runs", "status", "Revenue overview", "nope"), WORKSPACE_TOKEN, 1),
    ("embed unknown project", ("embed", "No such project"), WORKSPACE_TOKEN, 1),
    ("users list", ("users", "list"), WORKSPACE_TOKEN, 0),
    ("users deactivate no terminal", ("users", "deactivate", "dave@acme.com"), WORKSPACE_TOKEN, 1),
    ("groups list", ("groups", "list", "--json"), WORKSPACE_TOKEN, 0),
    ("collections list", ("collections", "list"), WORKSPACE_TOKEN, 0),
    ("projects show unknown", ("projects", "show", "Nope"), WORKSPACE_TOKEN, 1),
    ("connections show", ("connections", "show", "Warehouse"), WORKSPACE_TOKEN, 0),
    ("connections bad token", ("connections", "list"), "hxtp_wrong", 1),
    ("emulator bad seed", ("emulator", "serve", "--seed", "{tmp}/nowhere.yaml"), "", 1),
    ("demo without example", ("demo", "--example", "{tmp}/nowhere"), "", 1),
]


@pytest.mark.parametrize(
    ("args", "token", "code"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_exit_codes_follow_spec(
    hexsync: Callable[..., Result], tmp_path: Path, args: tuple[str, ...], token: str, code: int
) -> None:
    places = {
        "same": _write(tmp_path, "same", SAME),
        "new": _write(tmp_path, "new", NEW_GROUP),
        "other": _write(tmp_path, "other", OTHER_WORKSPACE),
        "tmp": str(tmp_path),
    }
    result = hexsync(*(a.format(**places) for a in args), token=token or WORKSPACE_TOKEN)
    assert result.exit_code == code, (result.stdout, result.stderr)
    assert "Traceback" not in result.output
    if code == 1 and args[0] == "validate":
        assert "problem" in result.stdout  # validate's problems are its result
    elif code == 1:
        assert "error: " in result.stderr
