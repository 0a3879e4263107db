"""``hexsync plan`` end to end: the command line against the acme emulator on a loopback port."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from acme import EXAMPLE_MANIFESTS, serving_example
from acme import EXAMPLE_TOKEN as TOKEN
from click.testing import CliRunner, Result

from hexsync.cli.main import cli
from hexsync.values.plan import Plan

pytestmark = pytest.mark.slow


# The seven deliberate differences of examples/acme/README.md, as the plan's changes (the
# deleted group's sharing on "Contractor timesheets" is part of the fourth).
ACME_CHANGES = [
    ("collection", "create", "Partners"),
    ("collection", "update", "Finance"),
    ("group", "update", "Analysts"),
    ("project", "create", "Partner portal"),
    ("project", "update", "Contractor timesheets"),
    ("project", "update", "Revenue overview"),
    ("group", "delete", "Legacy contractors"),
    ("user", "deactivate", "mallory@acme.com"),
]


@pytest.fixture(scope="module")
def url() -> Iterator[str]:
    with serving_example() as base:
        yield base


def plan(url: str, *args: str) -> Result:
    env = {"HEX_API_URL": url, "HEX_API_TOKEN": TOKEN, "NO_COLOR": "1"}
    return CliRunner().invoke(cli, ["plan", *args], env=env, catch_exceptions=False)


def write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "manifests.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_acme_plan_shows_exactly_the_six_differences(url: str) -> None:
    result = plan(url, str(EXAMPLE_MANIFESTS), "--format", "json")
    assert result.exit_code == 0, result.output
    saved = Plan.loads(result.stdout)
    assert [(c.kind.value, c.action.value, c.name) for c in saved.changes] == ACME_CHANGES
    assert saved.refusals == ()
    revenue = next(c for c in saved.changes if c.name == "Revenue overview")
    assert [(f.path, f.key, f.old, f.new) for f in revenue.fields] == [
        ("status", None, "In development", "Production"),
        ("sharing.workspace", None, "NONE", "APP_ONLY"),
        ("sharing.users", "erin@acme.com", "CAN_EDIT", None),
    ]
    assert saved.read_requests == 13  # 1 page each of 5 listings, 8 declared groups' members
    assert "Reading workspace at http://127.0.0.1:" in result.stderr
    assert "13 requests" in result.stderr


def test_acme_text_plan_reads_like_the_spec(url: str) -> None:
    result = plan(url, str(EXAMPLE_MANIFESTS), "--detailed-exitcode")
    assert result.exit_code == 2, result.output
    text = result.stdout
    for line in (
        '+ collection "Partners"',
        "+ member carol@acme.com",
        "- member dave@acme.com",
        '- group "Legacy contractors"',
        "2 members; shared on 1 project",
        '~ status: "In development" → "Production"',
        "~ sharing.workspace: NONE → APP_ONLY",
        '- sharing.users["erin@acme.com"]: CAN_EDIT',
        '+ project "Partner portal"',
        '- user "mallory@acme.com"',
        "dave@acme.com",
    ):
        assert line in text, f"{line!r} missing from:\n{text}"
    assert TOKEN not in result.output


def test_no_changes_exits_zero_even_with_detailed_exitcode(url: str, tmp_path: Path) -> None:
    manifests = write(
        tmp_path,
        "version: 1\ncollections:\n  - name: Finance\n    description: Finance team dashboards\n",
    )
    result = plan(url, manifests, "--detailed-exitcode")
    assert result.exit_code == 0, result.output
    assert "No changes" in result.stdout


def test_out_saves_the_plan_without_the_token(url: str, tmp_path: Path) -> None:
    out = tmp_path / "plan.json"
    result = plan(url, str(EXAMPLE_MANIFESTS), "--out", str(out), "--format", "markdown")
    assert result.exit_code == 0, result.output
    assert "Partner portal" in result.stdout
    text = out.read_text(encoding="utf-8")
    assert TOKEN not in text
    saved = Plan.loads(text)
    assert len(saved.changes) == len(ACME_CHANGES)
    touched = {f"{c.kind.value}:{c.id}" for c in saved.changes if c.id}
    assert touched <= {r.address for r in saved.relied}
    assert [p.name for p in tmp_path.iterdir()] == ["plan.json"]  # no temporary file left


def test_a_refused_plan_still_prints_and_exits_three(url: str, tmp_path: Path) -> None:
    manifests = write(
        tmp_path,
        "version: 1\npolicy: {max_destroy: 0}\ngroups:\n  - name: Admins\n    ensure: absent\n"
        "collections:\n  - name: Partners\n",
    )
    result = plan(url, manifests, "--format", "json")
    assert result.exit_code == 3, result.output
    data = json.loads(result.stdout)
    assert [r["code"] for r in data["refusals"]] == ["max_destroy"]
    assert sorted(c["name"] for c in data["changes"]) == ["Admins", "Partners"]


def test_the_wrong_workspace_stops_after_users_me(url: str, tmp_path: Path) -> None:
    # Issue 29, item 6: plan read the whole workspace and printed a full plan for the wrong one
    # before refusing. Now users/me is read first, and nothing else.
    manifests = write(
        tmp_path,
        "version: 1\nworkspace:\n  org_id: 00000000-0000-4000-8000-000000000000\n"
        "collections:\n  - name: Partners\n",
    )
    httpx.post(f"{url}/_emulator/reset").raise_for_status()
    result = plan(url, manifests)
    assert result.exit_code == 3, result.output
    assert result.stdout == ""
    assert (
        "the manifests are for workspace 00000000-0000-4000-8000-000000000000"
        " (workspace.org_id), but the token is for workspace"
    ) in result.stderr
    assert "nothing else was read, nothing planned" in result.stderr
    requests = httpx.get(f"{url}/_emulator/stats").json()["requests"]
    assert set(requests) == {"Me"}


def test_unknown_references_exit_one_naming_file_and_line(url: str, tmp_path: Path) -> None:
    manifests = write(
        tmp_path,
        "version: 1\ngroups:\n  - name: Analysts\n    members:\n      - alice@acme.com\n"
        "      - nobody@acme.com\n",
    )
    result = plan(url, manifests)
    assert result.exit_code == 1
    assert "manifests.yaml:6:9: group 'Analysts': nobody@acme.com is not an active user" in (
        result.stderr
    )
    assert result.stdout == ""


def test_target_plans_a_subset(url: str) -> None:
    result = plan(url, str(EXAMPLE_MANIFESTS), "--target", "group:Analysts", "--format", "json")
    assert result.exit_code == 0, result.output
    saved = Plan.loads(result.stdout)
    assert [(c.kind.value, c.name) for c in saved.changes] == [("group", "Analysts")]
    bad = plan(url, str(EXAMPLE_MANIFESTS), "--target", "dashboard:x")
    assert bad.exit_code == 1
    assert "unknown kind 'dashboard'" in bad.stderr
    typo = plan(url, str(EXAMPLE_MANIFESTS), "--target", "group:Analyst", "--detailed-exitcode")
    assert typo.exit_code == 1  # not 0 "no changes": a typo in CI must not pass silently
    assert "--target group:Analyst: no group of that name" in typo.stderr
    by_title = plan(url, str(EXAMPLE_MANIFESTS), "--target", "project:Revenue overview")
    assert by_title.exit_code == 0, by_title.output


def test_a_non_admin_personal_token_is_named_before_what_it_cannot_see(
    url: str, tmp_path: Path
) -> None:
    # Issue 29, item 6: a non-admin personal token gave one "not a project this token can see"
    # line per project before the one useful hint; the token's kind and role come first now.
    def ids(token: str) -> set[str]:
        headers = {"Authorization": f"Bearer {token}"}
        found = httpx.get(f"{url}/api/v1/projects?limit=100", headers=headers).json()
        return {p["id"] for p in found["values"]}

    hidden = sorted(ids(TOKEN) - ids("hxtp_bob"))[:3]
    assert len(hidden) == 3
    body = "".join(f"  - id: {i}\n    status: Production\n" for i in hidden)
    manifests = write(tmp_path, f"version: 1\nprojects:\n{body}")
    env = {"HEX_API_URL": url, "HEX_API_TOKEN": "hxtp_bob", "NO_COLOR": "1"}
    result = CliRunner().invoke(cli, ["plan", manifests], env=env, catch_exceptions=False)
    assert result.exit_code == 1, result.output
    first = result.stderr.splitlines()[0]
    assert first == (
        "error: this is a personal token of bob@acme.com (role EDITOR): it sees only what that"
        " user may see, so the objects below may exist but be invisible to it. Plan with a"
        " workspace token (hxtw_…) or an admin's personal token:"
    )
    assert "3 references do not resolve in the live workspace:" in result.stderr
