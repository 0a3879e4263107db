"""``hexsync groups list``, ``collections list``, ``connections list|show``."""

from __future__ import annotations

import json

from cli_support import WAREHOUSE_ID, requests_of


def test_groups_list_by_name(hexsync):
    result = hexsync("groups", "list")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["NAME", "CREATED", "ID"]
    assert [line.split()[0] for line in lines[1:]] == ["Analysts", "Empty", "Finance"]


def test_groups_list_with_members_one_row_each(hexsync, stats):
    result = hexsync("groups", "list", "--members")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "GROUP     MEMBER",
        "Analysts  alice@acme.com",
        "Analysts  bob@acme.com",
        "Empty     -",
        "Finance   carol@acme.com",
    ]
    # Hex returns no members with a group: one ListUsers?groupId= per group.
    assert requests_of(stats(), "ListUsers") == 3


def test_groups_json_members_only_when_asked(hexsync):
    plain = json.loads(hexsync("groups", "list", "--json").stdout)["groups"]
    assert all(g["members"] is None for g in plain)
    full = json.loads(hexsync("groups", "list", "--members", "--json").stdout)["groups"]
    assert {g["name"]: g["members"] for g in full} == {
        "Analysts": ["alice@acme.com", "bob@acme.com"],
        "Empty": [],
        "Finance": ["carol@acme.com"],
    }
    assert set(full[0]) == {"id", "name", "created_at", "members"}


def test_collections_list(hexsync):
    result = hexsync("collections", "list")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["NAME", "DESCRIPTION", "CREATOR", "ID"]
    assert lines[1].startswith("Finance  Finance team dashboards  ")
    assert lines[2].startswith("Ops      Operations               ")
    data = json.loads(hexsync("collections", "list", "--json").stdout)["collections"]
    assert [c["name"] for c in data] == ["Finance", "Ops"]
    assert set(data[0]) == {"id", "name", "description", "creator_email", "sharing"}


def test_connections_list(hexsync):
    result = hexsync("connections", "list")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["NAME", "TYPE", "DESCRIPTION", "ID"]
    assert lines[1].startswith("Replica    postgres   Read replica")
    assert lines[2] == f"Warehouse  snowflake  Main warehouse  {WAREHOUSE_ID}"


def test_connections_show_by_name_and_by_id(hexsync):
    result = hexsync("connections", "show", "Warehouse")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Warehouse\n")
    assert "type             snowflake" in result.stdout
    assert "accountName  acme" in result.stdout
    data = json.loads(hexsync("connections", "show", WAREHOUSE_ID, "--json").stdout)
    connection = data["connection"]
    assert connection["name"] == "Warehouse"
    assert connection["details"] == {"accountName": "acme", "warehouse": "WH", "database": "DB"}
    assert set(connection["sharing"]) == {"workspace", "groups"}


def test_connections_show_unknown(hexsync):
    result = hexsync("connections", "show", "Warehous")
    assert result.exit_code == 1
    assert "no data connection named 'Warehous'" in result.stderr
    assert "did you mean 'Warehouse'?" in result.stderr
