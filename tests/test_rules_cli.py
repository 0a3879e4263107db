"""Rules as an admin meets them on the command line, against a loopback emulator: the plan's
text and markdown group changes by rule, ``validate --live`` shows each rule's blast radius,
``enforce: check`` exits 3 and changes nothing, a conflict is a one-line error (exit 1), and
``export --suggest-rules`` writes rules that explain the sharing and plan as no change."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from acme import ORG
from click.testing import CliRunner, Result
from jsonschema import Draft202012Validator

from hexsync.cli.main import cli
from hexsync.emulator.background import running_emulator
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import Seed

TOKEN = "hxtw_rules_cli"
PLAN_SCHEMA = json.loads(
    (Path(__file__).resolve().parents[1] / "schemas" / "plan.schema.json").read_text("utf-8")
)


def _seed() -> dict[str, Any]:
    users = [f"u{i}@acme.com" for i in range(6)]
    projects = []
    for i in range(20):
        finance = i % 2 == 0
        sharing: dict[str, Any] = {
            "collections": {"Finance": "CAN_VIEW"} if finance else {},
            # every Finance project but one is shared with the Finance group
            "groups": {"Finance": "CAN_VIEW"} if finance and i != 4 else {},
            "workspace": "APP_ONLY" if i % 5 == 0 else "NONE",
        }
        projects.append(
            {
                "title": f"Report {i:02d}",
                "owner": users[i % 6],
                "status": "Production" if i % 5 == 0 else None,
                "sharing": sharing,
            }
        )
    projects.append(
        {"title": "Public page", "owner": users[0], "sharing": {"public_web": "APP_ONLY"}}
    )
    return {
        "org": ORG,
        "tokens": [{"token": TOKEN, "kind": "workspace"}],
        "statuses": ["Production", "Endorsed"],
        "users": [{"email": e} for e in users],
        "groups": [{"name": "Finance", "members": users[:2]}, {"name": "Analysts"}],
        "collections": [{"name": "Finance"}],
        "projects": projects,
    }


@pytest.fixture(scope="module")
def url() -> Iterator[str]:
    seed = Seed.from_dict(_seed(), source="rules cli")
    with running_emulator(seed, EmulatorConfig(rate_limits=None)) as base:
        yield base


def run(url: str, *args: str) -> Result:
    httpx.post(f"{url}/_emulator/reset").raise_for_status()
    env = {"HEX_API_URL": url, "HEX_API_TOKEN": TOKEN, "NO_COLOR": "1"}
    return CliRunner().invoke(cli, ["--rate-limit", "off", *args], env=env)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    return path


FINANCE = """\
version: 1
rules:
  - name: finance-visible
    match: {collection: Finance}
    sharing: {groups: {Finance: CAN_VIEW}}
  - name: analysts-on-production
    match: {status: Production}
    sharing: {groups: {Analysts: APP_ONLY}}
  - name: typo
    match: {categories: Fiannce}
    sharing: {groups: {Analysts: APP_ONLY}}
"""


def test_plan_names_the_rule_on_each_field_and_groups_by_rule(url: str, tmp_path: Path) -> None:
    path = write(tmp_path, FINANCE)
    text = run(url, "plan", str(path), "--detailed-exitcode")
    assert text.exit_code == 2, text.output
    out = text.stdout
    # the one Finance project without the group, and four Production projects
    assert '+ sharing.groups["Finance"]: CAN_VIEW (rule finance-visible)' in out
    assert out.count("(rule analysts-on-production)") == 4
    assert 'rule "finance-visible": 10 projects matched, 1 changed' in out
    assert 'rule "analysts-on-production": 4 projects matched, 4 changed' in out
    assert 'rule "typo": 0 projects matched, 0 changed' in out
    assert "rule 'typo' matches no live project" in out
    md = run(url, "plan", str(path), "--format", "markdown")
    assert "### Changes by rule" in md.stdout
    assert "<details><summary>4 projects, one by one</summary>" in md.stdout
    saved = run(url, "plan", str(path), "--format", "json")
    data = json.loads(saved.stdout)
    Draft202012Validator(PLAN_SCHEMA).validate(data)  # the provenance key is in the schema
    rules = {f["rule"] for c in data["changes"] for f in c["fields"]}
    assert rules == {"finance-visible", "analysts-on-production"}
    assert data["rules"] == [
        {"name": "analysts-on-production", "enforce": "apply", "matched": 4},
        {"name": "finance-visible", "enforce": "apply", "matched": 10},
        {"name": "typo", "enforce": "apply", "matched": 0},
    ]


def test_validate_live_prints_each_rules_blast_radius(url: str, tmp_path: Path) -> None:
    path = write(
        tmp_path, FINANCE.replace("version: 1\n", "version: 1\npolicy: {max_rule_matches: 5}\n")
    )
    offline = run(url, "validate", str(path))
    assert offline.exit_code == 0, offline.output
    assert "matches" not in offline.stdout  # no read without --live
    live = run(url, "validate", str(path), "--live")
    assert live.exit_code == 0, live.output
    assert "rule 'finance-visible' matches 10 live projects" in live.stdout
    assert "more than policy.max_rule_matches (5): plan refuses it" in live.stdout
    assert "rule 'analysts-on-production' matches 4 live projects" in live.stdout
    assert "rule 'typo' matches 0 live projects  (matches nothing" in live.stdout
    as_json = json.loads(run(url, "validate", str(path), "--live", "--format", "json").stdout)
    assert [(r["name"], r["matched"]) for r in as_json["rules"]] == [
        ("analysts-on-production", 4),
        ("finance-visible", 10),
        ("typo", 0),
    ]
    refused = run(url, "plan", str(path))
    assert refused.exit_code == 3, refused.output
    assert "rule 'finance-visible' matches 10 live projects, more than" in refused.stdout


def test_check_rule_refuses_and_apply_changes_nothing(url: str, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
version: 1
policy: {allow_public_web: true}
rules:
  - name: no-public-web-unless-endorsed
    match: {all: true}
    except: {status: Endorsed}
    enforce: check
    sharing: {mode: authoritative, public_web: NONE}
""",
    )
    planned = run(url, "plan", str(path))
    assert planned.exit_code == 3, planned.output
    assert (
        "rule 'no-public-web-unless-endorsed' (enforce: check) is violated 1 time" in planned.stdout
    )
    assert "'Public page' (sharing.public_web is APP_ONLY, must be NONE)" in planned.stdout
    assert "No changes to make, but the plan is refused." in planned.stdout
    applied = run(url, "apply", str(path), "--auto-approve")
    assert applied.exit_code == 3, applied.output
    state = httpx.get(f"{url}/_emulator/state").json()
    public = [p for p in state["projects"] if p["title"] == "Public page"]
    assert public[0]["sharing"]["public_web"] == "APP_ONLY"


def test_conflict_is_one_clear_error(url: str, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        """\
version: 1
rules:
  - name: only-finance
    match: {collection: Finance}
    sharing: {mode: authoritative, groups: {Finance: CAN_VIEW}}
  - name: analysts-on-production
    match: {status: Production}
    sharing: {groups: {Analysts: APP_ONLY}}
""",
    )
    result = run(url, "plan", str(path))
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    # Report 00 and Report 10 are Finance and Production.
    assert "rule conflicts" in result.output
    assert "No changes to make" not in result.output
    assert "project 'Report 00'" in result.output
    assert "rule 'only-finance'" in result.output
    assert "rule 'analysts-on-production'" in result.output
    assert "priority" in result.output  # the hint says how to resolve it


def test_export_suggest_rules_explains_the_sharing_and_plans_as_no_change(
    url: str, tmp_path: Path
) -> None:
    out = tmp_path / "manifests"
    exported = run(url, "export", "--out", str(out), "--suggest-rules")
    assert exported.exit_code == 0, exported.output
    text = (out / "rules.yaml").read_text(encoding="utf-8")
    # The Finance group on the Finance collection's projects, with the one project lacking it.
    assert "match: {collection: Finance}" in text
    assert "sharing: {groups: {Finance: CAN_VIEW}}" in text
    assert "- title: Report 04" in text
    assert "1 exception(s): 'Report 04'" in exported.stderr
    # The export with the rules plans as no change; so do the rules alone (exceptions excepted).
    for target in (out, out / "rules.yaml"):
        assert run(url, "validate", str(target)).exit_code == 0
        planned = run(url, "plan", str(target), "--detailed-exitcode")
        assert planned.exit_code == 0, planned.output
    # Removing the exception grants it: the rule then plans exactly that one change.
    (out / "rules.yaml").write_text(
        text.replace("        - title: Report 04\n", "        - title: Nothing\n")
    )
    planned = run(url, "plan", str(out / "rules.yaml"), "--format", "json")
    changes = json.loads(planned.stdout)["changes"]
    finance = [c for c in changes if any(f.get("key") == "Finance" for f in c["fields"])]
    assert [c["name"] for c in finance] == ["Report 04"]
