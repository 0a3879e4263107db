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
import yaml
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
    assert "rule 'finance-visible' matches 10 of the 21 live projects, more than" in refused.stdout


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


def test_export_suggest_rules_into_existing_manifests_writes_rules_yaml_beside_them(
    url: str, tmp_path: Path
) -> None:
    # The admin exported last week and edited the manifests since; asking for rules now was
    # "refusing to overwrite manifests/policy.yaml, …".
    out = tmp_path / "manifests"
    assert run(url, "export", "--out", str(out)).exit_code == 0
    edited = (out / "groups.yaml").read_text(encoding="utf-8") + "# reviewed by ann\n"
    (out / "groups.yaml").write_text(edited, encoding="utf-8")
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    exported = run(url, "export", "--out", str(out), "--suggest-rules")
    assert exported.exit_code == 0, exported.output
    assert "writing only rules.yaml beside them" in exported.stderr
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.name != "rules.yaml"} == before
    assert "match: {collection: Finance}" in (out / "rules.yaml").read_text(encoding="utf-8")
    assert run(url, "validate", str(out)).exit_code == 0
    # A rules.yaml already there is not replaced without --force.
    (out / "rules.yaml").write_text("rules: []\n", encoding="utf-8")
    again = run(url, "export", "--out", str(out), "--suggest-rules")
    assert again.exit_code == 1
    assert f"refusing to overwrite {out / 'rules.yaml'}" in again.output
    assert (out / "rules.yaml").read_text(encoding="utf-8") == "rules: []\n"
    forced = run(url, "export", "--out", str(out), "--suggest-rules", "--force")
    assert forced.exit_code == 0, forced.output
    assert "match: {collection: Finance}" in (out / "rules.yaml").read_text(encoding="utf-8")


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
    # The entries the rules explain were slimmed: 9 Finance groups, 4 Production workspaces.
    assert "note: dropped 13 fields from 11 entries that say what the suggested rules yield" in (
        exported.stderr
    )
    entries = {
        p["title"]: p for p in yaml.safe_load((out / "projects.yaml").read_text())["projects"]
    }
    assert entries["Report 00"]["sharing"].keys() == {"public_web", "users", "collections"}
    assert entries["Report 04"]["sharing"]["groups"] == {}  # the exception keeps its own
    assert entries["Report 01"]["sharing"]["groups"] == {}  # no rule there
    assert "changes nothing on" not in run(url, "plan", str(out)).stdout
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


FINANCE_RULE = """\
version: 1
rules:
  - name: finance-visible
    match: {collection: Finance}
    sharing: {groups: {Finance: CAN_VIEW}}
"""


def test_a_rule_written_after_export_is_shadowed_and_slim_lets_it_decide(
    url: str, tmp_path: Path
) -> None:
    """The adoption met in issue 29: export, then a rule; the entries set every field, so the
    rule matched 10 projects and changed none without a word. Plan now says so in one warning,
    and slim drops from the entries what the rule yields: the plan is the same afterwards."""
    out = tmp_path / "manifests"
    assert run(url, "export", "--out", str(out)).exit_code == 0
    (out / "rules.yaml").write_text(FINANCE_RULE.replace("version: 1\n", ""), encoding="utf-8")
    planned = run(url, "plan", str(out), "--detailed-exitcode")
    assert planned.exit_code == 0, planned.output  # the entries still win: no change
    assert "rule 'finance-visible' is overridden on 1 of the 10 projects it matches" in (
        planned.stdout
    )
    assert "'Report 04': sharing.groups (" in planned.stdout
    assert "set Finance to CAN_VIEW (NONE stays)" in planned.stdout
    assert "changes nothing on 9 of the 10 projects it matches" in planned.stdout
    assert "(sharing.groups 9)" in planned.stdout
    assert "and 6 more; `hexsync slim` drops those fields" in planned.stdout

    projects = out / "projects.yaml"
    before = projects.read_bytes()
    dry = run(url, "slim", str(out), "--dry-run")
    assert dry.exit_code == 0, dry.output
    assert "would drop 9 fields from 9 entries in 1 file" in dry.stdout
    assert projects.read_bytes() == before

    slimmed = run(url, "slim", str(out))
    assert slimmed.exit_code == 0, slimmed.output
    assert "dropped 9 fields from 9 entries in 1 file" in slimmed.stdout
    assert "project 'Report 00': dropped sharing.groups" in slimmed.stdout
    assert "The plan is the same as before (checked)" in slimmed.stdout
    assert "9 fields the entries held authoritatively" in slimmed.stderr
    text = projects.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")  # comments and layout kept
    assert text.count("# owner") == before.decode().count("# owner")
    assert "    title: Report 00  # owner: u0@acme.com\n" in text  # who owns it stays said
    exported = yaml.safe_load(before)["projects"]
    now = {p["id"]: p for p in yaml.safe_load(text)["projects"]}
    assert len(now) == len(exported)  # no entry goes: only fields
    for entry in exported:
        finance = entry["sharing"].get("groups") == {"Finance": "CAN_VIEW"}
        assert ("groups" in now[entry["id"]]["sharing"]) is not finance, entry["title"]
        rest = {k: v for k, v in entry["sharing"].items() if k != "groups"}
        assert {k: v for k, v in now[entry["id"]]["sharing"].items() if k != "groups"} == rest
    after = run(url, "plan", str(out), "--detailed-exitcode")
    assert after.exit_code == 0, after.output
    assert "No changes" in after.stdout
    assert "changes nothing on" not in after.stdout  # the repeated fields are gone
    assert "is overridden on 1 of the 10 projects" in after.stdout  # Report 04 still pins it
    again = run(url, "slim", str(out), "--format", "json")
    assert json.loads(again.stdout) == {"dropped": [], "files": [], "written": False}


def test_slim_puts_every_file_back_when_the_plan_would_change(
    url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import hexsync.ops.slim as slim_module  # noqa: PLC0415

    out = tmp_path / "manifests"
    assert run(url, "export", "--out", str(out)).exit_code == 0
    (out / "rules.yaml").write_text(FINANCE_RULE.replace("version: 1\n", ""), encoding="utf-8")
    before = (out / "projects.yaml").read_bytes()
    monkeypatch.setattr(slim_module, "_verify", lambda *_: "1 change(s) differ")
    failed = run(url, "slim", str(out))
    assert failed.exit_code == 1
    assert "every file was put back: 1 change(s) differ" in failed.output
    assert (out / "projects.yaml").read_bytes() == before
