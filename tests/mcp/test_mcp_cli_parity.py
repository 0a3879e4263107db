"""One operation, two faces: ``hexsync runs trigger`` and the tool ``trigger_run`` go through
the same check, ``hexsync projects tables --json`` and ``list_queried_tables`` through the same
view (``hexsync.ops``), against the example workspace."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from click.testing import CliRunner, Result
from mcp_support import TOKEN, text_of

from hexsync.cli.main import cli

REVENUE = "Revenue overview"


def _cli(url: str, *args: str) -> Result:
    env = {"HEX_API_URL": url, "HEX_API_TOKEN": TOKEN}
    return CliRunner().invoke(cli, ["--rate-limit", "off", *args], env=env)


def _requests(url: str) -> dict[str, Any]:
    """The API requests the emulator answered since the last reset, by operation."""
    requests: dict[str, Any] = httpx.get(f"{url}/_emulator/stats").json()["requests"]
    return requests


@pytest.mark.parametrize(
    ("options", "arguments", "cli_error", "tool_error"),
    [
        (
            ["--notify-on", "failure"],
            {"notify": {"on": "failure"}},
            "--notify-on needs a recipient: --notify-slack, --notify-user or --notify-group",
            "notify.on needs a recipient: notify.slack_channel_ids, notify.user_emails or "
            "notify.group_names",
        ),
        (
            ["--view", "v1", "--input", "weeks=4"],
            {"view_id": "v1", "inputs": {"weeks": 4}},
            "--view and --input cannot be combined: a saved view sets the inputs",
            "view_id and inputs cannot be combined: a saved view sets the inputs",
        ),
        (
            ["--dry-run", "--wait"],
            {"dry_run": True, "wait_seconds": 5},
            "--dry-run starts no run: there is nothing to --wait for",
            "dry_run starts no run: there is nothing to wait for",
        ),
    ],
    ids=["notify-on-without-recipient", "view-and-inputs", "dry-run-and-wait"],
)
def test_a_contradictory_run_is_refused_alike_by_the_command_and_the_tool(
    rw: Any,
    reset: Any,
    emulator_url: str,
    options: list[str],
    arguments: dict[str, Any],
    cli_error: str,
    tool_error: str,
) -> None:
    command = _cli(emulator_url, "runs", "trigger", REVENUE, *options)
    assert command.exit_code == 1, command.output
    assert command.stderr.splitlines()[0] == f"error: {cli_error}"
    tool = rw.call("trigger_run", {"project": REVENUE, **arguments, "confirm": True})
    assert tool["isError"] is True, text_of(tool)
    assert text_of(tool) == tool_error
    # Refused before any request: nothing read, no run started.
    assert _requests(emulator_url) == {}


def test_queried_tables_are_one_view_for_the_command_and_the_tool(
    ro: Any, reset: Any, emulator_url: str
) -> None:
    command = _cli(emulator_url, "projects", "tables", REVENUE, "--json")
    assert command.exit_code == 0, command.output
    document = json.loads(command.stdout)
    assert ro.call_json("list_queried_tables", {"project": REVENUE}) == document
    assert document["project"]["title"] == REVENUE
    tables = [(t["connection_name"], t["table"]) for t in document["tables"]]
    assert tables == [("Warehouse", "analytics.regions"), ("Warehouse", "analytics.revenue")]
