"""The plan's access section in the words a reviewer reads (issue #28, item 6): every count is
one they can check. A workspace-wide change says how many gain or lose it, and of the others
how many keep a higher level, already had (or keep through another path) the very level, or
are Viewers the cap holds at CAN_VIEW; no count is zero ("up to 0 people"); people whose grant
changes under a higher one are one line, not a page of "no effective change"."""

from __future__ import annotations

from test_engine_cases import changes_of, live_of

from hexsync.decide.impact import access_impact
from hexsync.render import render_markdown, render_text
from hexsync.values.plan import Plan, WorkspaceInfo

WORKSPACE = {
    "users": {
        "owner@acme.com": "ADMIN",
        "ed@acme.com": "EDITOR",
        "ana@acme.com": "EDITOR",
        "lead@acme.com": "EDITOR",
        "r1@acme.com": "EDITOR",
        "r2@acme.com": "EXPLORER",
        "vic@acme.com": "MEMBER",
        "gus@acme.com": "GUEST",
    },
    "groups": {
        "Leads": ["lead@acme.com"],
        "Readers": ["r1@acme.com", "r2@acme.com", "gus@acme.com"],
    },
    "projects": {
        "Payroll": {
            "owner": "owner@acme.com",
            "sharing": {"groups": {"Leads": "CAN_EDIT", "Readers": "CAN_VIEW"}},
        },
        "Budget": {
            "owner": "owner@acme.com",
            "sharing": {"groups": {"Readers": "CAN_VIEW"}, "workspace": "CAN_EDIT"},
        },
    },
}


def _access_lines(lines: list[str]) -> list[str]:
    text = [" ".join(x.split()) for x in render_text(_plan(lines)).splitlines()]
    start = text.index("Access changes") + 1
    return [x for x in text[start:] if x and not x.startswith("No changes")]


def _plan(lines: list[str]) -> Plan:
    live = live_of(WORKSPACE)
    impact = access_impact(changes_of(lines, live), live)
    return Plan(WorkspaceInfo("https://app.hex.tech", "org"), impact=impact)


def test_a_workspace_gain_counts_who_gains_who_is_higher_and_who_had_it() -> None:
    # ed, ana and vic gain CAN_VIEW; lead (CAN_EDIT) and the owner keep a higher level; r1 and
    # r2 already had CAN_VIEW through Readers; gus is a Guest: not a workspace member.
    assert _access_lines(["project Payroll: sharing.workspace: None -> CAN_VIEW"]) == [
        'workspace members gain CAN_VIEW on "Payroll": 3 people gain it; 2 keep a higher level;'
        " 2 already have it !"
    ]


def test_a_workspace_loss_counts_who_loses_and_who_keeps_it_another_way() -> None:
    assert _access_lines(["project Budget: sharing.workspace: CAN_EDIT -> CAN_VIEW"]) == [
        # ed, ana, lead, r1 and r2 had CAN_EDIT from the workspace and keep CAN_VIEW; the owner
        # keeps FULL_ACCESS; vic was capped at CAN_VIEW and still is.
        'workspace members lose CAN_EDIT (keeps CAN_VIEW) on "Budget": 5 people lose it;'
        " 1 keeps a higher level; 1 Viewer stays at CAN_VIEW (capped)"
    ]
    assert _access_lines(["project Budget: sharing.workspace: CAN_EDIT -> FULL_ACCESS"]) == [
        'workspace members gain FULL_ACCESS (had CAN_EDIT) on "Budget": 5 people gain it;'
        " 1 already has it; 1 Viewer stays at CAN_VIEW (capped) !"
    ]


def test_no_count_is_zero_and_no_change_under_a_higher_grant_gets_a_line_of_its_own() -> None:
    lines = [
        "project Payroll: sharing.users[owner@acme.com]: None -> CAN_VIEW",
        "project Budget: sharing.users[owner@acme.com]: None -> CAN_EDIT",
        "project Budget: sharing.users[lead@acme.com]: None -> CAN_VIEW",
    ]
    # The owner's own grants change under their FULL_ACCESS; lead's CAN_VIEW under the
    # workspace's CAN_EDIT: nobody's level moves. One line says so, with where to see them.
    assert _access_lines(lines) == [
        "2 people keep their level on 2 projects although a grant under it changes;"
        " hexsync plan --json lists them"
    ]
    markdown = render_markdown(_plan(lines))
    assert (
        "2 people keep their level on 2 projects although a grant under it changes;"
        " `hexsync plan --json` lists them." in markdown
    )
    assert "no effective change" not in markdown
    assert "up to 0" not in render_text(
        _plan(
            [
                "project Budget: sharing.workspace: CAN_EDIT -> FULL_ACCESS",
                "project Payroll: sharing.workspace: None -> CAN_VIEW",
            ]
        )
    )
