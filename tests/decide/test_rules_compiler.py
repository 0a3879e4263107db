"""Rules compiled against a workspace built in memory, where the message is the decision: a
conflict names every project (up to fifty), a rule set aside says what it would have done, and a
moment that is neither a duration nor a date is refused for what it is. The scenario cases
(tests/cases/rule_*.yaml) run rules through the whole plan; these pin what they leave loose."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hexsync.decide.rules_compiler import RuleConflictError, compile_rules, parse_moment
from hexsync.manifest import load
from hexsync.values.desired import Desired, FrozenMap
from hexsync.values.live import Live, LiveGroup, LiveProject, LiveSharing, LiveUser

NOW = dt.datetime(2026, 6, 1, 12, 0, tzinfo=dt.timezone.utc)


def _desired(tmp_path: Path, text: str) -> Desired:
    (tmp_path / "m.yaml").write_text(text, encoding="utf-8")
    return load([tmp_path / "m.yaml"], relative_to=tmp_path)


def _live(*projects: LiveProject) -> Live:
    emails = ["amy@acme.com", "bob@acme.com", *(f"u{n}@acme.com" for n in range(1, 8))]
    users = {e: LiveUser(f"id-{e}", e, role="EDITOR") for e in emails}
    groups = {g: LiveGroup(f"id-{g}", g, frozenset()) for g in ("Accounting", "Admins", "Board")}
    return Live(
        org_id="org",
        users=FrozenMap(users),
        groups=FrozenMap(groups),
        projects=FrozenMap((p.id, p) for p in projects),
    )


def _project(n: int, sharing: LiveSharing | None = None) -> LiveProject:
    return LiveProject(
        f"p{n:02}", f"P{n:02}", owner="amy@acme.com", sharing=sharing or LiveSharing()
    )


TWO_STATUSES = """\
version: 1
rules:
  - name: ship
    match: {all: true}
    status: Production
  - name: retire
    match: {all: true}
    status: Deprecated
"""


def test_one_conflict_names_the_project_and_both_rules(tmp_path: Path) -> None:
    with pytest.raises(RuleConflictError) as caught:
        compile_rules(_desired(tmp_path, TWO_STATUSES), _live(_project(0)), now=NOW)
    assert str(caught.value) == (
        "1 rule conflict:\n"
        "  project 'P00' (p00): rule 'retire' (m.yaml:6:5) sets status 'Deprecated',"
        " rule 'ship' (m.yaml:3:5) sets 'Production'\n"
        "hint: give one of the rules a higher 'priority:' to let it decide deliberately, narrow"
        " a match with 'except:', or make both rules additive"
    )


@pytest.mark.parametrize(("projects", "more"), [(50, None), (51, 1), (52, 2)])
def test_conflicts_past_fifty_are_counted_not_listed(
    tmp_path: Path, projects: int, more: int | None
) -> None:
    live = _live(*(_project(n) for n in range(projects)))
    with pytest.raises(RuleConflictError) as caught:
        compile_rules(_desired(tmp_path, TWO_STATUSES), live, now=NOW)
    lines = caught.value.message.splitlines()
    assert lines[0] == f"{projects} rule conflicts:"
    listed = [line for line in lines[1:] if line.startswith("  project ")]
    assert [line.split("'")[1] for line in listed] == [f"P{n:02}" for n in range(50)]
    assert lines[1:] == listed + ([f"  … and {more} more"] if more else [])
    assert len(caught.value.conflicts) == projects


@pytest.mark.parametrize("text", ["30", "1.5d", "3xd", "d", "soon"])
def test_a_moment_that_is_neither_a_duration_nor_a_date_is_a_value_error(text: str) -> None:
    with pytest.raises(ValueError, match="is neither a duration nor a date or timestamp"):
        parse_moment(text, NOW)


def _overridden(tmp_path: Path, text: str, live: Live) -> list[str]:
    compiled = compile_rules(_desired(tmp_path, text), live, now=NOW)
    return [f"{w.mark}: {w.message}" for w in compiled.warnings if w.code == "rule_overridden"]


def test_an_entry_over_a_rules_workspace_and_public_web_says_what_the_rule_would_do(
    tmp_path: Path,
) -> None:
    live = _live(
        _project(0, LiveSharing(workspace="CAN_VIEW")),
        _project(1, LiveSharing(public_web="APP_ONLY")),
        _project(2),
    )
    text = """\
version: 1
policy: {allow_public_web: true}
rules:
  - name: open-up
    match: {all: true}
    sharing: {workspace: CAN_EDIT}
  - name: no-link
    match: {all: true}
    sharing: {mode: {public_web: authoritative}, public_web: NONE}
projects:
  - title: P00
    sharing: {workspace: CAN_VIEW}
  - title: P01
    sharing: {workspace: CAN_VIEW, public_web: APP_ONLY}
  - title: P02
    sharing: {mode: authoritative, public_web: NONE}
"""
    head = "the projects: entry overrides rule"
    tail = "on this field, so this plan does not do what the rule asks"
    # P02's entry leaves public_web as the rule would (NONE): nothing is lost, no warning
    assert _overridden(tmp_path, text, live) == [
        f"m.yaml:12:26: project 'P00': sharing.workspace: {head} 'open-up' {tail}:"
        " set workspace to CAN_EDIT (CAN_VIEW stays)",
        f"m.yaml:14:26: project 'P01': sharing.workspace: {head} 'open-up' {tail}:"
        " set workspace to CAN_EDIT (the plan makes it CAN_VIEW)",
        f"m.yaml:14:48: project 'P01': sharing.public_web: {head} 'no-link' {tail}:"
        " remove public_web (APP_ONLY stays)",
    ]


def test_an_authoritative_rule_of_higher_priority_says_what_the_additive_one_loses(
    tmp_path: Path,
) -> None:
    # Accounting (unmentioned) and Board (the set-aside rule asks less than it has) are no loss
    live = _live(
        _project(
            0,
            LiveSharing(
                groups=FrozenMap(
                    {"Accounting": "CAN_VIEW", "Admins": "CAN_VIEW", "Board": "CAN_EDIT"}
                )
            ),
        )
    )
    text = """\
version: 1
rules:
  - name: admins-edit
    match: {all: true}
    sharing: {groups: {Admins: CAN_EDIT, Board: CAN_VIEW}}
  - name: board-only
    match: {all: true}
    priority: 5
    sharing: {mode: authoritative, groups: {Board: CAN_EDIT}}
"""
    assert _overridden(tmp_path, text, live) == [
        "m.yaml:6:5: project 'P00': sharing.groups: rule 'board-only' overrides rule"
        " 'admins-edit' on this field, so this plan does not do what the rule asks:"
        " set Admins to CAN_EDIT (the plan makes it NONE)"
    ]


@pytest.mark.parametrize(("users", "more"), [(5, ""), (6, "; and 1 more"), (7, "; and 2 more")])
def test_what_a_set_aside_rule_loses_is_shown_five_at_a_time(
    tmp_path: Path, users: int, more: str
) -> None:
    grants = ", ".join(f"u{n}@acme.com: CAN_EDIT" for n in range(1, users + 1))
    text = f"""\
version: 1
rules:
  - name: many
    match: {{all: true}}
    sharing: {{users: {{{grants}}}}}
  - name: amy-only
    match: {{all: true}}
    priority: 5
    sharing: {{mode: authoritative, users: {{amy@acme.com: CAN_VIEW}}}}
"""
    (warning,) = _overridden(tmp_path, text, _live(_project(0)))
    lost = warning.split("the rule asks: ")[1]
    shown = "; ".join(f"set u{n}@acme.com to CAN_EDIT (NONE stays)" for n in range(1, 6))
    assert lost == shown + more
