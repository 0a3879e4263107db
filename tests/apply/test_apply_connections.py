"""Data connection sharing end to end: declared in manifests, applied over HTTP against the
emulator, read back, planned again as no change; the open-connection refusal and protect."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner, Result

from hexsync.cli.main import cli
from hexsync.emulator.background import running_emulator
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import Seed

TOKEN = "hxtw_test"


@pytest.fixture
def url(make_seed: Callable[..., Seed]) -> Iterator[str]:
    seed = make_seed(
        data_connections=[
            {
                "name": "Lake",
                "type": "snowflake",
                "connection_details": {"accountName": "acme", "warehouse": "WH"},
                "sharing": {
                    "workspace": {"members": "VIEW_RESULTS", "guests": "NONE", "public": "NONE"},
                    "groups": {"Analysts": "QUERY"},
                },
            },
            {"name": "Warehouse", "type": "postgres", "connection_details": {"hostname": "db"}},
        ]
    )
    with running_emulator(seed, EmulatorConfig(rate_limits=None)) as base:
        yield base


def run(url: str, *args: str) -> Result:
    env = {"HEX_API_URL": url, "HEX_API_TOKEN": TOKEN, "NO_COLOR": "1"}
    return CliRunner().invoke(cli, [*args], env=env, catch_exceptions=False)


def connections(url: str) -> dict[str, dict[str, Any]]:
    state = httpx.get(f"{url}/_emulator/state").json()
    return {c["name"]: c for c in state["data_connections"]}


def write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "m.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    ("sharing", "expected"),
    [
        # every level for every principal kind
        (
            "{members: QUERY, guests: VIEW_RESULTS, public: VIEW_RESULTS,"
            " groups: {Finance: QUERY}}",
            {
                "workspace": {
                    "members": "QUERY",
                    "guests": "VIEW_RESULTS",
                    "public": "VIEW_RESULTS",
                },
                "groups": {"Finance": "QUERY"},
            },
        ),
        (
            "{members: NONE, guests: QUERY, public: NONE, groups: {Finance: VIEW_RESULTS,"
            " Analysts: NONE}}",
            {
                "workspace": {"members": "NONE", "guests": "QUERY", "public": "NONE"},
                "groups": {"Finance": "VIEW_RESULTS"},
            },
        ),
        # additive: grants and raises only; the unlisted group and the higher level stay
        (
            "{mode: additive, members: NONE, groups: {Finance: QUERY}}",
            {
                "workspace": {"members": "VIEW_RESULTS", "guests": "NONE", "public": "NONE"},
                "groups": {"Analysts": "QUERY", "Finance": "QUERY"},
            },
        ),
    ],
)
def test_connection_sharing_is_applied_read_back_and_plans_clean(
    url: str, tmp_path: Path, sharing: str, expected: dict[str, Any]
) -> None:
    manifests = write(
        tmp_path,
        "version: 1\npolicy: {allow_open_connections: true}\n"
        f"connections:\n  - name: Lake\n    sharing: {sharing}\n"
        "    schema_refresh_access: USERS_WITH_QUERY_ACCESS\n",
    )
    planned = run(url, "plan", manifests)
    assert planned.exit_code == 0, planned.output
    assert '~ connection "Lake"' in planned.stdout

    applied = run(url, "--rate-limit", "off", "apply", manifests, "--auto-approve")
    assert applied.exit_code == 0, applied.output
    assert "Apply complete" in applied.output

    lake = connections(url)["Lake"]
    assert lake["sharing"] == expected
    assert lake["schema_refresh_access"] == "USERS_WITH_QUERY_ACCESS"
    stats = httpx.get(f"{url}/_emulator/stats").json()["requests"]
    assert sum(stats["EditDataConnection"].values()) == 1  # one edit carries every field

    again = run(url, "plan", manifests, "--detailed-exitcode")
    assert again.exit_code == 0, again.output
    assert "No changes" in again.stdout


def test_a_connection_opened_to_guests_or_the_public_is_refused_unless_allowed(
    url: str, tmp_path: Path
) -> None:
    text = (
        "version: 1\nconnections:\n  - name: Lake\n"
        "    sharing: {guests: QUERY, public: VIEW_RESULTS}\n"
    )
    refused = run(url, "plan", write(tmp_path, text))
    assert refused.exit_code == 3, refused.output
    assert "data connection 'Lake' would be shared with every guest of the workspace (QUERY)" in (
        refused.output
    )
    assert "data connection 'Lake' would be shared with the public (VIEW_RESULTS)" in refused.output
    assert "policy.allow_open_connections" in refused.output
    applied = run(url, "apply", write(tmp_path, text), "--auto-approve")
    assert applied.exit_code == 3, applied.output
    assert connections(url)["Lake"]["sharing"]["workspace"]["guests"] == "NONE"

    allowed = run(
        url,
        "plan",
        write(
            tmp_path,
            text.replace("version: 1\n", "version: 1\npolicy: {allow_open_connections: true}\n"),
        ),
    )
    assert allowed.exit_code == 0, allowed.output


def test_the_public_can_never_be_given_query(url: str, tmp_path: Path) -> None:
    text = "version: 1\nconnections:\n  - name: Lake\n    sharing: {public: QUERY}\n"
    result = run(url, "validate", write(tmp_path, text))
    assert result.exit_code == 1, result.output
    assert (
        "m.yaml:4:23: connections[0].sharing.public: 'QUERY' is not one of NONE, VIEW_RESULTS"
        in (result.output)
    )
    assert "never query it" in result.output


def test_protect_refuses_lowering_a_protected_groups_connection_access(
    url: str, tmp_path: Path
) -> None:
    text = (
        "version: 1\npolicy: {protect: {groups: [Analysts]}}\n"
        "connections:\n  - name: Lake\n    sharing: {groups: {Finance: QUERY}}\n"
    )
    refused = run(url, "plan", write(tmp_path, text))
    assert refused.exit_code == 3, refused.output
    assert (
        "connection:Lake: lowers protected group 'Analysts's access on data connection 'Lake'"
        in refused.output
    )


def test_an_unknown_connection_or_group_is_located(url: str, tmp_path: Path) -> None:
    text = (
        "version: 1\nconnections:\n  - name: Laek\n  - name: Lake\n"
        "    sharing: {groups: {Nobody: QUERY}}\n"
    )
    result = run(url, "plan", write(tmp_path, text))
    assert result.exit_code == 1, result.output
    assert (
        "m.yaml:3:5: connection 'Laek' is not a data connection of this workspace" in result.output
    )
    assert "did you mean 'Lake'" in result.output
    assert (
        "m.yaml:5:24: connection 'Lake': group 'Nobody' is neither a live group nor declared"
        in (result.output)
    )


def test_export_of_connections_plans_as_no_change(url: str, tmp_path: Path) -> None:
    out = tmp_path / "exported"
    exported = run(url, "export", "--only", "connections,groups", "--out", str(out))
    assert exported.exit_code == 0, exported.output
    text = (out / "connections.yaml").read_text(encoding="utf-8")
    assert "- name: Lake" in text
    assert "members: VIEW_RESULTS" in text
    assert "Analysts: QUERY" in text
    assert "schema_refresh_access: ADMINS" in text
    again = run(url, "plan", str(out), "--detailed-exitcode")
    assert again.exit_code == 0, again.output
    assert "No changes" in again.stdout


def test_the_open_connection_refusal_says_what_to_write_instead(url: str, tmp_path: Path) -> None:
    text = "version: 1\nconnections:\n  - name: Lake\n    sharing: {guests: QUERY}\n"
    refused = run(url, "plan", write(tmp_path, text))
    assert refused.exit_code == 3, refused.output
    assert (
        "hint: set sharing.guests: NONE for it, or set policy.allow_open_connections: true if"
        " that is intended" in refused.output
    )
