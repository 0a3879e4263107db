"""Role-based reach (issue #28, item 1): who could reach a project through their workspace role,
kept apart from who has been given access, with Hex's documentation cited and its confidence.

Admins (documented) and Managers (unconfirmed: the roles page's marks are not in its text) could
reach every project; Editors, Explorers, Viewers reach by sharing only; Guests never. The
report, both CSV forms and ``access project`` say the same.
"""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from test_engine_cases import live_of

from hexsync.decide.access_engine import AccessEngine
from hexsync.ops.access import AccessState, project_doc, user_doc
from hexsync.render.access_report import render_access_csv, render_access_csv_compact
from hexsync.render.access_text import render_project_text, render_user_text
from hexsync.values.hex_access import CONFIDENCES, ROLE_REACH, role_reach

WORKSPACE: dict[str, Any] = {
    "users": {
        "ada@acme.com": "ADMIN",
        "max@acme.com": "MANAGER",
        "eve@acme.com": "EDITOR",
        "xia@acme.com": "EXPLORER",
        "vic@acme.com": "MEMBER",
        "gus@acme.com": "GUEST",
        "una@acme.com": None,  # role not read: reaches nothing by role
    },
    "projects": {
        "Payroll": {"owner": "eve@acme.com", "sharing": {"users": {"max@acme.com": "CAN_VIEW"}}},
        "Open": {"owner": "eve@acme.com", "sharing": {"workspace": "CAN_VIEW"}},
    },
}


def _state() -> AccessState:
    live = live_of(WORKSPACE)
    return AccessState(AccessEngine(live), live)


def _project(state: AccessState, title: str) -> Any:
    return next(p for p in state.engine.projects.values() if p.title == title)


def test_the_table_has_every_role_of_the_api_with_a_source_and_a_confidence() -> None:
    assert set(ROLE_REACH) == {
        "ADMIN",
        "MANAGER",
        "EDITOR",
        "EXPLORER",
        "MEMBER",
        "GUEST",
        "EMBEDDED_USER",
        "ANONYMOUS",
    }
    for reach in ROLE_REACH.values():
        for capability in reach.capabilities:
            assert capability.confidence in CONFIDENCES
            assert '"Workspace roles"' in capability.source
    admin, manager = role_reach("ADMIN"), role_reach("MANAGER")
    assert admin is not None
    assert admin.confidence == "documented"
    assert manager is not None
    assert manager.confidence == "unconfirmed"
    for role in ("EDITOR", "EXPLORER", "MEMBER", "GUEST", None, "SOMETHING_NEW"):
        assert role_reach(role) is None, role


def test_project_answers_given_access_and_role_reach_apart() -> None:
    state = _state()
    doc = project_doc(state, _project(state, "Payroll"))
    assert [(p["email"], p["level"]) for p in doc["people"]] == [
        ("eve@acme.com", "FULL_ACCESS"),
        ("max@acme.com", "CAN_VIEW"),
    ]
    assert [(r["email"], r["role"], r["given"], r["confidence"]) for r in doc["role_reach"]] == [
        ("ada@acme.com", "ADMIN", None, "documented"),
        ("max@acme.com", "MANAGER", "CAN_VIEW", "unconfirmed"),
    ]
    assert doc["role_reach"][0]["can"] == ["see", "grant_self"]
    assert doc["role_reach"][0]["grants_self"] == "FULL_ACCESS"
    assert doc["counts"] == {
        "given_access": 2,
        "role_reach": 2,
        "role_reach_without_grant": 1,
    }
    text = render_project_text(doc).splitlines()
    assert [" ".join(line.split()) for line in text[-8:]] == [
        "2 people can open it (given access).",
        "",
        'Through their role, not a grant (Hex, "Workspace roles"):',
        "PERSON ROLE GIVEN COULD",
        "ada@acme.com ADMIN - see it, grant themselves Full Access (documented)",
        "max@acme.com MANAGER CAN_VIEW see it, grant themselves Full Access (unconfirmed)",
        "",
        "2 people could reach it through their role, 1 of them without a grant: 1 Admin"
        " (documented), 1 Manager (unconfirmed).",
    ]


def test_a_guest_is_never_reached_by_role_nor_by_the_workspace() -> None:
    state = _state()
    doc = project_doc(state, _project(state, "Open"))
    emails = {p["email"] for p in doc["people"]}
    assert "gus@acme.com" not in emails
    assert "gus@acme.com" not in {r["email"] for r in doc["role_reach"]}
    guest = user_doc(state, state.engine.users["gus@acme.com"])
    assert guest["projects"] == []
    assert guest["role_reach"] is None
    assert render_user_text(guest).splitlines()[1] == "Has been given access to no project."


def test_user_says_what_their_role_reaches_without_a_grant() -> None:
    state = _state()
    doc = user_doc(state, state.engine.users["ada@acme.com"])
    assert [p["title"] for p in doc["projects"]] == ["Open"]
    assert doc["role_reach"]["projects"] == 2
    assert doc["role_reach"]["without_grant"] == 1
    assert render_user_text(doc).splitlines()[-1] == (
        "Through the Admin role, not a grant: could reach all 2 projects (see each and grant"
        " themselves Full Access; documented), 1 of them without a grant."
    )


def _csv(text: str) -> list[dict[str, str]]:
    assert text.startswith("# hexsync access report: ")
    return list(csv.DictReader(io.StringIO(text.split("\n", 1)[1])))


@pytest.mark.parametrize("title", ["Payroll", "Open"])
def test_report_csv_and_project_agree(title: str) -> None:
    state = _state()
    doc = project_doc(state, _project(state, title))
    report = state.engine.report(source="live")
    rows = [r for r in _csv(render_access_csv(report)) if r["project"] == title]
    given = {(r["email"], r["level"]) for r in rows if r["level"]}
    assert given == {(p["email"], p["level"]) for p in doc["people"]}
    by_role = {(r["email"], r["role_reach_confidence"]) for r in rows if r["role_reach"]}
    assert by_role == {(r["email"], r["confidence"]) for r in doc["role_reach"]}
    compact = [r for r in _csv(render_access_csv_compact(report)) if r["project"] == title]
    assert [r["principal"] for r in compact if r["kind"] == "role"] == [
        "role ADMIN",
        "role MANAGER",
    ]
    assert [r["role"] for r in report["roles"]] == ["ADMIN", "MANAGER"]
