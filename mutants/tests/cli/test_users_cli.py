"""``hexsync users list|deactivate`` as a workspace admin sees them."""

from __future__ import annotations

import json

from cli_support import MEMBER_TOKEN, requests_of


def test_list_is_a_table_of_active_users_by_email(hexsync):
    result = hexsync("users", "list")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["EMAIL", "NAME", "ROLE", "LAST", "LOGIN"]
    assert [line.split()[0] for line in lines[1:]] == [
        "alice@acme.com",
        "bob@acme.com",
        "carol@acme.com",
        "dave@acme.com",
    ]  # trent is deactivated: Hex does not list him
    assert "alice@acme.com  Alice Admin  ADMIN " in result.stdout
    # Columns line up: every role starts where the ROLE header does.
    role_at = lines[0].index("ROLE")
    assert all(line[role_at:].split()[0] in {"ADMIN", "EDITOR", "EXPLORER"} for line in lines[1:])


def test_list_of_a_group(hexsync):
    result = hexsync("users", "list", "--group", "Analysts", "--json")
    assert result.exit_code == 0, result.output
    users = json.loads(result.stdout)["users"]
    assert [u["email"] for u in users] == ["alice@acme.com", "bob@acme.com"]
    assert set(users[0]) == {"id", "email", "name", "role", "last_login_date"}


def test_list_of_an_unknown_group_says_so(hexsync):
    result = hexsync("users", "list", "--group", "Analyst")
    assert result.exit_code == 1
    assert "no group named 'Analyst'" in result.stderr
    assert "did you mean 'Analysts'?" in result.stderr


def test_deactivate_without_a_terminal_and_without_yes_refuses(hexsync, stats):
    result = hexsync("users", "deactivate", "bob@acme.com")
    assert result.exit_code == 1
    assert "confirmation needed" in result.stderr
    assert "--yes" in result.stderr
    assert requests_of(stats(), "DeactivateUser") == 0
    assert "bob@acme.com" in hexsync("users", "list").stdout


def test_deactivate_with_yes_warns_about_directory_sync_and_removes_the_user(hexsync):
    result = hexsync("users", "deactivate", "BOB@acme.com", "bob@acme.com", "--yes")
    assert result.exit_code == 0, result.output
    assert "Directory Sync" in result.stderr
    assert result.stdout == "deactivated bob@acme.com\n"
    listed = hexsync("users", "list").stdout
    assert "bob@acme.com" not in listed
    assert "carol@acme.com" in listed


def test_deactivate_asks_and_a_no_changes_nothing(hexsync, stats, monkeypatch):
    monkeypatch.setattr("hexsync.cli.users.interactive", lambda: True)
    result = hexsync("users", "deactivate", "dave@acme.com", input="n\n")
    assert "Deactivate 1 user (dave@acme.com)? This cannot be undone" in result.output
    assert result.exit_code == 0
    assert "Cancelled: nothing was deactivated." in result.stderr
    assert requests_of(stats(), "DeactivateUser") == 0


def test_deactivate_with_an_unknown_email_changes_nothing(hexsync, stats):
    result = hexsync("users", "deactivate", "carol@acme.com", "nobody@acme.com", "--yes")
    assert result.exit_code == 1
    assert "no active user with email nobody@acme.com" in result.stderr
    assert requests_of(stats(), "DeactivateUser") == 0
    assert "carol@acme.com" in hexsync("users", "list").stdout


def test_deactivate_json_names_who_was_deactivated(hexsync):
    result = hexsync("users", "deactivate", "carol@acme.com", "dave@acme.com", "--yes", "--json")
    assert result.exit_code == 0, result.output
    done = json.loads(result.stdout)["deactivated"]
    assert [u["email"] for u in done] == ["carol@acme.com", "dave@acme.com"]


def test_deactivate_by_a_non_admin_is_refused_by_hex(hexsync):
    result = hexsync("users", "deactivate", "carol@acme.com", "--yes", token=MEMBER_TOKEN)
    assert result.exit_code == 1
    assert "HTTP 403" in result.stderr
    assert "carol@acme.com" in hexsync("users", "list").stdout
