"""What every admin command shares: tables, colour, errors, and the token kept out of output."""

from __future__ import annotations

from cli_support import ADMIN_TOKEN, WORKSPACE_TOKEN, invoke

from hexsync.cli._output import table


def test_tables_align_columns_and_show_empty_cells_as_a_dash():
    text = table(["NAME", "ROLE", "NOTE"], [("alice@acme.com", "ADMIN", None), ("bo", "", "x\ny")])
    assert text.splitlines() == [
        "NAME            ROLE   NOTE",
        "alice@acme.com  ADMIN  -",
        "bo              -      x y",
    ]


def test_colour_only_when_wanted(emulator_url, hexsync):
    coloured = invoke(emulator_url, ("groups", "list"), WORKSPACE_TOKEN, color=True)
    assert "\x1b[1m" in coloured.stdout  # a bold header for people at a terminal
    plain = invoke(emulator_url, ("--no-color", "groups", "list"), WORKSPACE_TOKEN, color=True)
    assert "\x1b[" not in plain.stdout


def test_the_token_never_shows_even_with_verbose(hexsync):
    result = hexsync("-v", "users", "list", token=ADMIN_TOKEN)
    assert result.exit_code == 0, result.output
    assert "ListUsers" in result.stderr  # the request log is there …
    assert ADMIN_TOKEN not in result.output  # … without the token


def test_a_wrong_token_says_what_to_check(hexsync):
    result = hexsync("projects", "list", token="hxtp_wrong")
    assert result.exit_code == 1
    assert "HTTP 401" in result.stderr
    assert "HEX_API_TOKEN" in result.stderr
    assert "hxtp_wrong" not in result.output
