"""Plans made by rules render grouped by rule, in text and markdown, within the comment budget."""

from __future__ import annotations

from render_support import WS

from hexsync.render import render_markdown, render_text
from hexsync.values.kinds import Kind
from hexsync.values.plan import Action, Change, FieldChange, Plan, RuleSummary


def _plan(projects: int) -> Plan:
    changes = []
    for i in range(projects):
        fields = [FieldChange("sharing.groups", None, "CAN_VIEW", key="Finance", rule="finance")]
        if i % 3 == 0:
            fields.append(FieldChange("sharing.workspace", "CAN_VIEW", "APP_ONLY", rule="app-only"))
        if i == 0:
            fields.append(FieldChange("status", None, "Production"))  # the entry's own field
        changes.append(
            Change(Kind.PROJECT, Action.UPDATE, f"Project {i:04d}", f"id-{i:04d}", tuple(fields))
        )
    return Plan(workspace=WS, changes=tuple(changes))


def test_text_groups_changes_by_rule_and_names_it_on_each_field() -> None:
    text = render_text(_plan(6))
    assert text.count("(rule finance)") == 6
    assert text.count("(rule app-only)") == 2
    assert 'status: "Production"\n' in text  # no rule on an entry's own field
    rules = text.split("\nRules\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert rules[0] == '  rule "app-only": 2 projects changed'
    assert rules[1].split() == [
        "~",
        "sharing.workspace:",
        "CAN_VIEW",
        "→",
        "APP_ONLY",
        "2",
        "projects",
    ]
    assert rules[2] == '  rule "finance": 6 projects changed'


def test_markdown_folds_the_per_project_detail_and_keeps_the_summary_at_scale() -> None:
    small = render_markdown(_plan(6))
    assert "### Changes by rule" in small
    assert "<details><summary>6 projects, one by one</summary>" in small
    big = render_markdown(_plan(3000), budget=60_000)
    assert len(big) <= 60_000
    # Too many projects to list: the per-rule summary stays, the per-project lists go.
    assert "- **rule `finance`**: 3000 projects" in big
    assert '`+ sharing.groups["Finance"]: CAN_VIEW` on 3000 projects' in big
    assert "one by one" not in big


def test_every_rule_is_listed_with_what_it_matched_even_without_changes() -> None:
    plan = Plan(
        workspace=WS,
        changes=_plan(2).changes,
        rules=(
            RuleSummary("app-only", "apply", 40),
            RuleSummary("finance", "apply", 2),
            RuleSummary("no-public", "check", 7),
            RuleSummary("typo", "apply", 0),
        ),
    )
    rules = render_text(plan).split("\nRules\n", 1)[1].split("\n\n", 1)[0]
    heads = [line for line in rules.splitlines() if line.startswith("  rule")]
    assert heads == [
        '  rule "app-only": 40 projects matched, 1 changed',
        '  rule "finance": 2 projects matched, 2 changed',
        '  rule "no-public": 7 projects matched (enforce: check, changes nothing)',
        '  rule "typo": 0 projects matched, 0 changed',
    ]
    markdown = render_markdown(plan)
    assert "- **rule `typo`**: 0 projects matched, 0 changed" in markdown
