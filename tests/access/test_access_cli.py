"""``hexsync access project|user|report`` through the CLI, against the emulator."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import jsonschema
from access_seed import MEMBER_TOKEN, REVENUE_ID, STATUS_ID
from acme import ORG_ID
from click.testing import Result

from hexsync._version import __version__

Run = Callable[..., Result]
SCHEMA = json.loads(
    (Path(__file__).resolve().parents[2] / "schemas" / "access-report.schema.json").read_text()
)


def _squeezed(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines()]


def test_project_lists_everyone_with_level_and_every_path(hexsync: Run) -> None:
    result = hexsync("access", "project", "Revenue overview")
    assert result.exit_code == 0, result.output
    assert _squeezed(result.stdout) == [
        f"Revenue overview ({REVENUE_ID})",
        "owner: alice@acme.com",
        "public web: not shared",
        "",
        "PERSON ROLE LEVEL PATHS",
        "alice@acme.com ADMIN FULL_ACCESS as owner (FULL_ACCESS)",
        "bob@acme.com EDITOR CAN_EDIT via group Analysts (CAN_EDIT)",
        "carol@acme.com EDITOR CAN_VIEW via collection Finance via group Finance team (CAN_VIEW)",
        "gus@acme.com GUEST CAN_VIEW via direct share (CAN_VIEW)",
        "vic@acme.com MEMBER CAN_VIEW via group Analysts (CAN_EDIT); capped at CAN_VIEW (role "
        "MEMBER)",
        "",
        "5 people can open it (given access).",
        "",
        'Through their role, not a grant (Hex, "Workspace roles"):',
        "PERSON ROLE GIVEN COULD",
        "alice@acme.com ADMIN FULL_ACCESS see it, grant themselves Full Access (documented)",
        "",
        "1 person could reach it through their role, 0 of them without a grant: 1 Admin"
        " (documented).",
    ]


def test_project_json_shows_public_web_and_workspace_paths(hexsync: Run) -> None:
    result = hexsync("access", "project", STATUS_ID, "--json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["public_web"] == "APP_ONLY"
    assert doc["workspace_members"] == [
        {"path": "collection Everyone via workspace", "granted": "APP_ONLY"}
    ]
    levels = {p["email"]: p["level"] for p in doc["people"]}
    # The Guest is not a workspace member; trent is deactivated.
    assert levels == {
        "bob@acme.com": "FULL_ACCESS",
        "alice@acme.com": "APP_ONLY",
        "carol@acme.com": "APP_ONLY",
        "vic@acme.com": "APP_ONLY",
    }


def test_user_json_lists_projects_with_paths_and_the_public_ones(hexsync: Run) -> None:
    result = hexsync("access", "user", "Vic@acme.com", "--json")
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert json.loads(hexsync("access", "user", "vic@acme.com", "--format", "json").stdout) == doc
    assert doc["user"]["role"] == "MEMBER"
    assert [(p["title"], p["level"], p.get("capped_by_role")) for p in doc["projects"]] == [
        ("Revenue overview", "CAN_VIEW", "MEMBER"),
        ("Status page", "APP_ONLY", None),
    ]
    assert doc["projects"][0]["paths"] == [{"path": "group Analysts", "granted": "CAN_EDIT"}]
    assert doc["public_web"] == [{"id": STATUS_ID, "title": "Status page", "level": "APP_ONLY"}]


def test_a_guest_sees_only_what_is_shared_with_them(hexsync: Run) -> None:
    result = hexsync("access", "user", "gus@acme.com")
    assert result.exit_code == 0, result.output
    lines = _squeezed(result.stdout)
    assert f"Revenue overview CAN_VIEW via direct share (CAN_VIEW) {REVENUE_ID}" in lines
    assert not any(line.startswith("Status page") for line in lines)
    assert 'Like anyone with the link, also 1 public: "Status page".' in lines


def test_reads_stay_at_the_floor_members_of_shared_groups_only(
    hexsync: Run, stats: Callable[[], dict[str, Any]]
) -> None:
    result = hexsync("access", "report", "--out", "/dev/null/x.json")
    assert result.exit_code == 1  # an unwritable path fails before any request
    before = stats()["requests"]
    assert sum(sum(v.values()) for v in before.values()) == 0
    result = hexsync("access", "user", "alice@acme.com")
    assert result.exit_code == 0, result.output
    per_op = {op: sum(v.values()) for op, v in stats()["requests"].items()}
    # Me, the users, the groups, the collections, the projects with sharing, and the members of
    # the two groups shared anywhere (Analysts on a project, Finance team on a collection); the
    # unshared group is not read, nothing is read per project.
    assert per_op == {
        "Me": 1,
        "ListUsers": 1 + 2,
        "ListGroups": 1,
        "ListCollections": 1,
        "ListProjects": 1,
    }
    assert "7 requests" in result.stderr


def test_unknown_project_or_user_exits_1_with_close_matches(hexsync: Run) -> None:
    result = hexsync("access", "project", "Revnue")
    assert result.exit_code == 1
    assert "no project titled 'Revnue'" in result.stderr
    assert "did you mean 'Revenue overview'?" in result.stderr
    assert "Traceback" not in result.output
    result = hexsync("access", "user", "vik@acme.com")
    assert result.exit_code == 1
    assert "vik@acme.com is not an active user of this workspace" in result.stderr
    assert "did you mean 'vic@acme.com'?" in result.stderr
    result = hexsync("access", "user", "trent@acme.com")  # deactivated in Hex: not listed
    assert result.exit_code == 1
    assert "not an active user" in result.stderr


MANIFESTS = """\
version: 1
users:
  - email: bob@acme.com
    active: false
projects:
  - id: 0b3f6a51-5b6e-4c43-a4a8-0b1d2b7f3c11
    sharing:
      groups: {Analysts: CAN_EDIT, Unshared: CAN_VIEW}
      workspace: APP_ONLY
"""


def test_as_planned_answers_for_the_state_the_manifests_leave(
    hexsync: Run, tmp_path: Path, stats: Callable[[], dict[str, Any]]
) -> None:
    (tmp_path / "m.yaml").write_text(MANIFESTS, encoding="utf-8")
    result = hexsync(
        "access", "project", "Revenue overview", "--as-planned", str(tmp_path), "--json"
    )
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["source"] == "planned"
    people = {p["email"]: (p["level"], [x["path"] for x in p["paths"]]) for p in doc["people"]}
    assert people == {
        # alice reaches it through the newly shared group, whose members the command read
        "alice@acme.com": ("FULL_ACCESS", ["owner", "group Unshared", "workspace"]),
        "carol@acme.com": ("CAN_VIEW", ["collection Finance via group Finance team", "workspace"]),
        "gus@acme.com": ("CAN_VIEW", ["direct share"]),  # a Guest: the workspace never reaches
        "vic@acme.com": ("CAN_VIEW", ["group Analysts", "workspace"]),
    }  # bob is deactivated by the plan: no access at all
    assert "As planned by" in result.stderr
    members_read = stats()["requests"]["ListUsers"]
    assert sum(members_read.values()) == 1 + 3  # the users, Analysts, Finance team, Unshared
    # The live answer is unchanged: nothing was applied.
    live = json.loads(hexsync("access", "project", REVENUE_ID, "--json").stdout)
    assert {p["email"] for p in live["people"]} >= {"bob@acme.com"}
    gone = hexsync("access", "user", "bob@acme.com", "--as-planned", str(tmp_path))
    assert gone.exit_code == 1
    assert "deactivated by the plan" in gone.stderr


def test_report_json_follows_its_schema_and_is_the_engine_s_matrix(
    hexsync: Run, tmp_path: Path
) -> None:
    out = tmp_path / "access.json"
    result = hexsync("access", "report", "--out", str(out))
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    jsonschema.validate(report, SCHEMA)
    by_title = {p["title"]: p for p in report["projects"]}
    status = by_title["Status page"]
    assert (status["public_web"], status["everyone_level"]) == ("APP_ONLY", "APP_ONLY")
    emails = [p["email"] for p in report["people"]]
    rows = {
        emails[person]: (report["levels"][level], report["path_sets"][paths])
        for person, level, paths in by_title["Revenue overview"]["people"]
    }
    assert rows["vic@acme.com"] == ("CAN_VIEW", [["group Analysts", "CAN_EDIT"]])
    assert rows["carol@acme.com"] == (
        "CAN_VIEW",
        [["collection Finance via group Finance team", "CAN_VIEW"]],
    )
    assert "trent@acme.com" not in emails


def csv_rows(text: str) -> list[dict[str, str]]:
    """The rows of a CSV report, its leading ``#`` line (provenance) left out."""
    body = "".join(line for line in text.splitlines(keepends=True) if not line.startswith("#"))
    return list(csv.DictReader(io.StringIO(body)))


def test_report_csv_has_a_row_per_person_and_project(hexsync: Run, tmp_path: Path) -> None:
    out = tmp_path / "access.csv"
    assert hexsync("access", "report", "--out", str(out)).exit_code == 0
    rows = csv_rows(out.read_text(encoding="utf-8"))
    status = [
        (r["email"], r["role"], r["level"], r["paths"], r["role_reach"], r["public_web"])
        for r in rows
        if r["project"] == "Status page"
    ]
    everyone = "collection Everyone via workspace (APP_ONLY)"
    admin = "see it; grant themselves FULL_ACCESS"
    # Every workspace member on their own row (the Guest gus is none), the Admin's reach too.
    assert status == [
        ("alice@acme.com", "ADMIN", "APP_ONLY", everyone, admin, "APP_ONLY"),
        (
            "bob@acme.com",
            "EDITOR",
            "FULL_ACCESS",
            f"owner (FULL_ACCESS); {everyone}",
            "",
            "APP_ONLY",
        ),
        ("carol@acme.com", "EDITOR", "APP_ONLY", everyone, "", "APP_ONLY"),
        ("vic@acme.com", "MEMBER", "APP_ONLY", everyone, "", "APP_ONLY"),
    ]
    scratch = [(r["email"], r["level"], r["role_reach"]) for r in rows if r["project"] == "Scratch"]
    # Nobody is given Scratch but its owner; the Admin could reach it through her role.
    assert scratch == [("alice@acme.com", "", admin), ("carol@acme.com", "FULL_ACCESS", "")]


def test_report_csv_compact_keeps_a_row_per_project_and_principal(
    hexsync: Run, tmp_path: Path
) -> None:
    out = tmp_path / "access.csv"
    result = hexsync("access", "report", "--out", str(out), "--format", "csv-compact")
    assert result.exit_code == 0, result.output
    rows = csv_rows(out.read_text(encoding="utf-8"))
    status = [
        (r["principal"], r["kind"], r["level"], r["paths"])
        for r in rows
        if r["project"] == "Status page"
    ]
    assert status == [
        (
            "bob@acme.com",
            "person",
            "FULL_ACCESS",
            "owner (FULL_ACCESS); collection Everyone via workspace (APP_ONLY)",
        ),
        (
            "workspace members",
            "workspace",
            "APP_ONLY",
            "collection Everyone via workspace (APP_ONLY)",
        ),
        ("role ADMIN", "role", "", "see it; grant themselves FULL_ACCESS (documented)"),
        ("public web", "public_web", "APP_ONLY", "public web"),
    ]


def test_report_json_and_csv_say_what_they_are_evidence_of(hexsync: Run, tmp_path: Path) -> None:
    out = tmp_path / "access.json"
    assert hexsync("access", "report", "--out", str(out)).exit_code == 0
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["org_id"] == ORG_ID
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", report["read_at"])
    assert report["hexsync_version"] == __version__
    body = {k: v for k, v in report.items() if k != "data_sha256"}
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert report["data_sha256"] == hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    sheet = tmp_path / "access.csv"
    assert hexsync("access", "report", "--out", str(sheet)).exit_code == 0
    first = sheet.read_text(encoding="utf-8").splitlines()[0]
    assert re.fullmatch(
        rf"# hexsync access report: workspace \(org {ORG_ID}\), as read at \S+Z by hexsync"
        rf" {re.escape(__version__)}, data sha256 [0-9a-f]{{64}}",
        first,
    )


def test_report_html_is_self_contained(hexsync: Run, tmp_path: Path) -> None:
    out = tmp_path / "access.html"
    assert hexsync("access", "report", "--out", str(out)).exit_code == 0
    page = out.read_text(encoding="utf-8")
    # No resource from anywhere: no src/href attributes, no url(), no import.
    assert not re.search(r"\b(src|href)\s*=", page)
    assert "url(" not in page
    assert "@import" not in page
    assert "default-src 'none'" in page
    data = page.split('<script id="report-data" type="application/json">', 1)[1].split("</script>")[
        0
    ]
    assert json.loads(data)["projects"][0]["title"] == "Revenue overview"


def test_report_refuses_an_unknown_extension_before_reading(hexsync: Run, tmp_path: Path) -> None:
    result = hexsync("access", "report", "--out", str(tmp_path / "access.xlsx"))
    assert result.exit_code == 1
    assert "--format csv|csv-compact|json|html" in result.stderr


def test_a_personal_token_is_told_it_sees_only_its_user_s_share(hexsync: Run) -> None:
    result = hexsync("access", "user", "bob@acme.com", token=MEMBER_TOKEN)
    assert result.exit_code == 0, result.output
    assert "sees only what they may see" in result.stderr
    workspace = hexsync("access", "user", "bob@acme.com")
    assert "sees only what they may see" not in workspace.stderr


def test_as_planned_takes_a_saved_plan_too(hexsync: Run, tmp_path: Path) -> None:
    (tmp_path / "m.yaml").write_text(MANIFESTS, encoding="utf-8")
    saved = tmp_path / "plan.json"
    assert hexsync("plan", str(tmp_path / "m.yaml"), "--out", str(saved)).exit_code == 0
    from_plan = hexsync("access", "project", REVENUE_ID, "--as-planned", str(saved), "--json")
    assert from_plan.exit_code == 0, from_plan.output
    from_manifests = hexsync(
        "access", "project", REVENUE_ID, "--as-planned", str(tmp_path), "--json"
    )
    assert json.loads(from_plan.stdout) == json.loads(from_manifests.stdout)
    other = json.loads(saved.read_text(encoding="utf-8"))
    other["workspace"]["org_id"] = "00000000-0000-4000-8000-000000000000"
    body = {k: v for k, v in other.items() if k != "checksum"}
    other["checksum"] = hashlib.sha256(
        json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    ).hexdigest()
    saved.write_text(json.dumps(other), encoding="utf-8")
    refused = hexsync("access", "user", "vic@acme.com", "--as-planned", str(saved))
    assert refused.exit_code == 1
    assert "the saved plan was made for workspace 00000000" in refused.stderr


def test_from_a_saved_report_answers_without_a_token_or_a_request(
    hexsync: Run, tmp_path: Path, stats: Callable[[], dict[str, Any]], access_url: str
) -> None:
    saved = tmp_path / "access.json"
    assert hexsync("access", "report", "--out", str(saved)).exit_code == 0
    report = json.loads(saved.read_text(encoding="utf-8"))
    live = json.loads(hexsync("access", "project", "Revenue overview", "--json").stdout)
    httpx.post(f"{access_url}/_emulator/reset").raise_for_status()
    result = hexsync(
        "access", "project", "Revenue overview", "--json", "--from", str(saved), token=""
    )
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        f"From {saved}, as of {report['read_at']}: the workspace as hexsync {__version__} read"
        " it then; nothing was read from Hex now.\n"
    )
    answer = json.loads(result.stdout)
    assert answer.pop("from") == str(saved)
    assert answer.pop("as_of") == report["read_at"]
    assert answer == live
    text = hexsync("access", "user", "vic@acme.com", "--from", str(saved), token="")
    assert text.exit_code == 0, text.output
    assert "Can open 2 projects (given access)." in text.stdout
    assert sum(sum(v.values()) for v in stats()["requests"].values()) == 0


def test_the_csv_and_page_of_a_saved_report_carry_its_digest_and_time(
    hexsync: Run, tmp_path: Path
) -> None:
    saved = tmp_path / "access.json"
    assert hexsync("access", "report", "--out", str(saved)).exit_code == 0
    report = json.loads(saved.read_text(encoding="utf-8"))
    sheet = tmp_path / "access.csv"
    result = hexsync("access", "report", "--from", str(saved), "--out", str(sheet), token="")
    assert result.exit_code == 0, result.output
    first = sheet.read_text(encoding="utf-8").splitlines()[0]
    assert first.endswith(
        f"at {report['read_at']} by hexsync {__version__}, data sha256 {report['data_sha256']}"
    )
    copy = tmp_path / "copy.json"
    assert hexsync("access", "report", "--from", str(saved), "--out", str(copy)).exit_code == 0
    assert json.loads(copy.read_text(encoding="utf-8")) == report


def test_from_refuses_a_report_changed_after_it_was_written(hexsync: Run, tmp_path: Path) -> None:
    saved = tmp_path / "access.json"
    assert hexsync("access", "report", "--out", str(saved)).exit_code == 0
    report = json.loads(saved.read_text(encoding="utf-8"))
    report["people"] = [p for p in report["people"] if p["email"] != "gus@acme.com"] or []
    saved.write_text(json.dumps(report), encoding="utf-8")
    result = hexsync("access", "user", "vic@acme.com", "--from", str(saved), token="")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == (
        f"error: {saved}: its data does not match its data_sha256: the report was changed after"
        " hexsync wrote it"
    )
    both = hexsync("access", "user", "vic@acme.com", "--from", str(saved), "--as-planned", "m/")
    assert both.exit_code == 1
    assert both.stderr.splitlines()[0] == (
        "error: --from answers from a saved report; --as-planned needs a reading of the workspace"
    )
