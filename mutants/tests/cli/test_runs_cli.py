"""``hexsync runs trigger|status|list|cancel``."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import httpx
import pytest
from cli_support import CLI_SEED, NIGHTLY_ID, REVENUE_ID, invoke, requests_of

from hexsync.emulator.background import running_emulator
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import Seed

FAST_POLL = ("--poll-interval", "0.02")
RUN_ID = re.compile(r"started run ([0-9a-f-]{36}) ")


def started_id(stdout: str) -> str:
    match = RUN_ID.search(stdout)
    assert match, stdout
    return match.group(1)


def test_trigger_and_wait_reaches_completed(hexsync):
    result = hexsync("runs", "trigger", "Revenue overview", "--wait", *FAST_POLL)
    assert result.exit_code == 0, result.output
    run_id = started_id(result.stdout)
    assert result.stdout.splitlines()[0] == (
        f"started run {run_id} of 'Revenue overview' (version 1)"
    )
    assert f"/projects/{REVENUE_ID}/runs/{run_id}" in result.stdout
    assert re.search(rf"^run {run_id} COMPLETED in \d", result.stdout, re.M)
    # Progress (each status as it is first seen: which ones depends on the machine's speed)
    # goes to stderr and ends at COMPLETED; stdout holds only the result.
    progress = re.findall(r"^  ([A-Z_]+)$", result.stderr, re.M)
    assert progress
    assert progress[-1] == "COMPLETED"
    assert set(progress) <= {"PENDING", "RUNNING", "COMPLETED"}
    assert not re.search(r"^  [A-Z_]+$", result.stdout, re.M)


def test_trigger_and_wait_exits_1_when_the_run_errors(hexsync):
    result = hexsync("runs", "trigger", "Nightly load", "--wait", *FAST_POLL)
    assert result.exit_code == 1
    assert "ERRORED" in result.stdout
    assert "the run ended ERRORED" in result.stderr


def test_trigger_wait_json_is_one_document(hexsync):
    result = hexsync("runs", "trigger", NIGHTLY_ID, "--wait", *FAST_POLL, "--json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["project"] == {"id": NIGHTLY_ID, "title": "Nightly load"}
    assert data["run"]["dry_run"] is False
    assert data["result"]["status"] == "ERRORED"
    assert data["result"]["run_id"] == data["run"]["run_id"]


def test_trigger_sends_typed_inputs(hexsync):
    result = hexsync(
        "runs", "trigger", "Revenue overview", "--input", "region=EMEA", "--input", "weeks=4"
    )
    assert result.exit_code == 0, result.output
    assert "started run" in result.stdout


def test_trigger_with_bad_inputs_names_them(hexsync, stats):
    result = hexsync(
        "runs",
        "trigger",
        "Revenue overview",
        "--input",
        "weeks=many",
        "--input",
        "colour=red",
    )
    assert result.exit_code == 1
    assert "the run was not started" in result.stderr
    assert '  weeks: "many" is not a valid NUMBER' in result.stderr
    assert "  colour: no such input in the published app" in result.stderr
    assert stats()["requests"]["RunProject"] == {"422": 1}


def test_contradictory_options_are_refused_before_any_request(hexsync, stats):
    result = hexsync("runs", "trigger", "Revenue overview", "--view", "v1", "--input", "weeks=4")
    assert result.exit_code == 1
    assert "--view and --input cannot be combined" in result.stderr
    result = hexsync("runs", "trigger", "Revenue overview", "--dry-run", "--wait")
    assert result.exit_code == 1
    assert stats()["total"] == 0


def test_trigger_of_an_unpublished_project_says_why(hexsync):
    result = hexsync("runs", "trigger", "Draft analysis")
    assert result.exit_code == 1
    assert "never been published" in result.stderr


def test_dry_run_starts_nothing(hexsync):
    result = hexsync(
        "runs",
        "trigger",
        "Revenue overview",
        "--dry-run",
        "--notify-user",
        "bob@acme.com",
        "--notify-group",
        "Analysts",
        "--notify-on",
        "failure",
    )
    assert result.exit_code == 0, result.output
    assert "nothing ran" in result.stdout
    assert "No runs match." in hexsync("runs", "list", "Revenue overview").stdout


def test_notifying_an_unknown_user_is_an_error_before_the_run(hexsync, stats):
    result = hexsync("runs", "trigger", "Revenue overview", "--notify-user", "nobody@acme.com")
    assert result.exit_code == 1
    assert "no active user with email nobody@acme.com" in result.stderr
    assert requests_of(stats(), "RunProject") == 0


def test_status_and_list(hexsync):
    first = started_id(hexsync("runs", "trigger", "Nightly load", "--wait", *FAST_POLL).stdout)
    second = started_id(hexsync("runs", "trigger", "Nightly load", "--wait", *FAST_POLL).stdout)

    status = hexsync("runs", "status", "Nightly load", first)
    assert status.exit_code == 0, status.output
    assert f"run {first} of 'Nightly load'" in status.stdout
    assert re.search(r"^  status\s+ERRORED$", status.stdout, re.M)
    assert re.search(r"^  trigger\s+API$", status.stdout, re.M)

    listed = hexsync("runs", "list", "Nightly load")
    lines = listed.stdout.splitlines()
    assert lines[0].split()[:3] == ["RUN", "ID", "STATUS"]
    assert [line.split()[0] for line in lines[1:]] == [second, first]  # newest first

    limited = json.loads(hexsync("runs", "list", NIGHTLY_ID, "--limit", "1", "--json").stdout)
    assert [r["run_id"] for r in limited["runs"]] == [second]
    none = hexsync("runs", "list", NIGHTLY_ID, "--status", "COMPLETED")
    assert none.stdout == "No runs match.\n"


def test_status_of_an_unknown_run(hexsync):
    result = hexsync("runs", "status", "Nightly load", "00000000-0000-4000-8000-000000000000")
    assert result.exit_code == 1
    assert "no run 00000000-0000-4000-8000-000000000000 in project 'Nightly load'" in (
        result.stderr
    )


def test_cancel_of_a_finished_run_is_refused(hexsync, stats):
    run_id = started_id(hexsync("runs", "trigger", "Revenue overview", "--wait", *FAST_POLL).stdout)
    result = hexsync("runs", "cancel", "Revenue overview", run_id)
    assert result.exit_code == 1
    assert f"run {run_id} has already finished (COMPLETED)" in result.stderr
    assert "only PENDING or RUNNING runs can be cancelled" in result.stderr
    assert requests_of(stats(), "CancelRun") == 0


@pytest.fixture(scope="module")
def slow_runs_url() -> Iterator[str]:
    """Runs that stay PENDING for a minute: long enough to cancel one."""
    config = EmulatorConfig(rate_limits=None, run_pending_seconds=60, run_running_seconds=60)
    seed = Seed.from_dict(CLI_SEED, source="tests/cli/cli_support.py")
    with running_emulator(seed, config) as url:
        yield url


def test_cancel_of_a_pending_run(slow_runs_url):
    httpx.post(f"{slow_runs_url}/_emulator/reset").raise_for_status()
    started = invoke(slow_runs_url, ("runs", "trigger", "Revenue overview"), "hxtw_cli")
    run_id = started_id(started.stdout)
    result = invoke(slow_runs_url, ("runs", "cancel", REVENUE_ID, run_id), "hxtw_cli")
    assert result.exit_code == 0, result.output
    assert result.stdout == f"cancelled run {run_id} (it was PENDING)\n"
    status = invoke(slow_runs_url, ("runs", "status", REVENUE_ID, run_id, "--json"), "hxtw_cli")
    assert json.loads(status.stdout)["run"]["status"] == "KILLED"


def test_wait_timeout_leaves_the_run_going(slow_runs_url):
    httpx.post(f"{slow_runs_url}/_emulator/reset").raise_for_status()
    args = ("runs", "trigger", "Revenue overview", "--wait", *FAST_POLL, "--timeout", "0.1")
    result = invoke(slow_runs_url, args, "hxtw_cli")
    assert result.exit_code == 1
    assert "is still PENDING after 0.1 s; it goes on running" in result.stderr
    assert "hexsync runs cancel" in result.stderr
