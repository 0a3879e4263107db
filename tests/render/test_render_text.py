"""The terminal rendering: what an admin reads in ``hexsync plan``."""

from __future__ import annotations

from render_support import WS, empty_plan, rich_plan

from hexsync.render import render_text
from hexsync.values.desired import FrozenMap
from hexsync.values.kinds import Kind
from hexsync.values.plan import (
    AccessImpact,
    Action,
    Change,
    FieldChange,
    ImpactItem,
    Plan,
    PlanWarning,
    Refusal,
)


def test_an_empty_plan_says_so_in_one_line() -> None:
    assert render_text(empty_plan()) == "No changes. The workspace matches the manifests.\n"
    assert render_text(empty_plan(), color=True) == render_text(empty_plan())


def test_an_empty_plan_still_shows_refusals_warnings_and_the_unmanaged_note() -> None:
    plan = Plan(
        workspace=WS,
        refusals=(Refusal("org_mismatch", "the token belongs to org 1, not 2", hint="check it"),),
        warnings=(PlanWarning("w", "something to know"),),
        unmanaged=FrozenMap({"group": 1}),
        unmanaged_names=FrozenMap({"group": ("Legacy contractors",)}),
    )
    text = render_text(plan)
    assert text.splitlines() == [
        "Warnings",
        "  something to know",
        "",
        "Refused",
        "  the token belongs to org 1, not 2",
        "      hint: check it",
        "",
        "Not managed here (left alone):",
        '  1 group: "Legacy contractors"',
        "      to remove: declare with `ensure: absent`, or set policy.prune.groups: true",
        "",
        # Refused: never "the workspace matches the manifests" (e.g. a check rule violated).
        "No changes to make, but the plan is refused.",
    ]


def test_the_summary_line_counts_actions_and_requests() -> None:
    last = render_text(rich_plan()).splitlines()[-1]
    assert last == (
        "Plan: 3 to create, 4 to update, 1 to delete, 1 to deactivate (6 destructive). "
        "Apply makes 16 requests (about 32 s at 30/min)."
    )


def test_a_long_apply_is_told_in_minutes() -> None:
    changes = tuple(
        Change(Kind.USER, Action.DEACTIVATE, f"u{i}@acme.com", id=f"u{i}") for i in range(95)
    )
    last = render_text(Plan(workspace=WS, changes=changes)).splitlines()[-1]
    assert (
        last == "Plan: 95 to deactivate (95 destructive). Apply makes 95 requests"
        " (about 3 min 10 s at 30/min)."
    )


def test_each_object_shows_its_sign_kind_quoted_name_and_fields() -> None:
    lines = render_text(rich_plan()).splitlines()
    assert '  ~ project "Revenue overview" (0b3f6a51…)' in lines
    at = lines.index('  ~ project "Revenue overview" (0b3f6a51…)')
    fields = [line.rstrip() for line in lines[at + 1 : at + 9]]
    assert fields[0] == '      ~ status: "In development" → "Production"'
    assert fields[1].startswith("      ~ sharing.workspace: NONE → APP_ONLY ")
    assert fields[1].endswith("! widens access")
    assert fields[3] == '      + sharing.users["carol@acme.com"]: CAN_EDIT'
    assert fields[4] == '      - sharing.users["erin@acme.com"]: CAN_EDIT'
    assert fields[6] == '      ~ sharing.groups["Analysts"]: CAN_EDIT → CAN_VIEW'
    assert "      + member carol@acme.com" in lines
    assert "      - member dave@acme.com" in lines


def test_the_deletion_note_and_widening_marks_line_up() -> None:
    lines = render_text(rich_plan()).splitlines()
    deleted = next(line for line in lines if line.startswith('  - group "Legacy contractors"'))
    marks = [line for line in lines if line.endswith("! widens access")]
    assert deleted.endswith("2 members; shared on 1 project")
    columns = {line.index("! widens") for line in marks} | {deleted.index("2 members")}
    assert len(columns) == 1


def test_access_changes_name_one_project_count_several_and_say_via_what() -> None:
    text = render_text(rich_plan())
    section = text.split("Access changes\n", 1)[1].split("\n\n", 1)[0].splitlines()
    principals = [
        line.split()[0]
        for line in section
        if not line.startswith("   ") and "their level on" not in line
    ]
    # widest first (public web, workspace), then groups, collections, users by name
    assert principals == [
        "public",
        "workspace",
        "Analysts",
        "Finance",
        "carol@acme.com",
        "dave@acme.com",
        "erin@acme.com",
        "henry@acme.com",
        "ivan@acme.com",
    ]
    squeezed = [" ".join(line.split()) for line in section]
    assert "dave@acme.com loses CAN_VIEW on 12 projects (via group Analysts)" in squeezed
    assert 'erin@acme.com loses CAN_EDIT on "Revenue overview"' in squeezed
    assert 'Analysts loses CAN_EDIT (keeps CAN_VIEW) on "Revenue overview"' in squeezed
    assert (
        "workspace members gain APP_ONLY on 2 projects: up to 41 people per project gain it;"
        " up to 2 keep a higher level; up to 1 already have it !" in squeezed
    )
    # A grant shadowed by a higher path changes nobody's level: one line for all of them.
    assert not any("no effective change" in line for line in squeezed)
    assert (
        "1 person keeps their level on 1 project although a grant under it changes;"
        " hexsync plan --json lists them" in squeezed
    )
    assert (
        'ivan@acme.com gains CAN_VIEW (had APP_ONLY) on "Revenue overview"'
        " (via collection Finance)" in squeezed
    )
    assert 'henry@acme.com gains FULL_ACCESS (had CAN_EDIT) on "Revenue overview" !' in squeezed
    assert not any(line.endswith("!") for line in squeezed if "loses" in line)


def test_hostile_names_cannot_break_lines_or_send_escape_codes() -> None:
    name = 'Evil\x1b[2J\nproject "x"'
    plan = Plan(
        workspace=WS,
        changes=(
            Change(
                Kind.GROUP,
                Action.UPDATE,
                name,
                id="g",
                fields=(FieldChange("members", None, "member", key="a\x1b[31m@acme.com"),),
            ),
        ),
        impact=(AccessImpact(name, "group", gains=(ImpactItem("p\nq", None, "CAN_VIEW"),)),),
    )
    for color in (False, True):
        text = render_text(plan, color=color)
        assert "\x1b[2J" not in text
        assert "\x1b[31m@" not in text
    plain = render_text(plan)
    assert '  ~ group "Evil\\u001b[2J\\nproject \\"x\\""' in plain.splitlines()
    assert "      + member a\\u001b[31m@acme.com" in plain.splitlines()
    assert "\x1b" not in plain
