"""The markdown rendering: a PR comment that reads top-down and never exceeds its budget."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from render_support import WS, empty_plan, many_changes, rich_plan

from hexsync.render import render_markdown
from hexsync.values.kinds import Kind
from hexsync.values.plan import (
    AccessImpact,
    Action,
    Change,
    FieldChange,
    ImpactItem,
    Plan,
    PlanWarning,
    WorkspaceInfo,
)

CELL_SPLIT = re.compile(r"(?<!\\)\|")


def _cells(row: str) -> list[str]:
    return [c.strip() for c in CELL_SPLIT.split(row.strip())[1:-1]]


def test_an_empty_plan_is_a_title_and_one_sentence() -> None:
    assert render_markdown(empty_plan()) == (
        "## hexsync plan for Acme\n\nNo changes. The workspace matches the manifests.\n"
    )


def test_summary_table_comes_first_then_risks_access_objects_warnings_unmanaged() -> None:
    md = render_markdown(rich_plan())
    order = [
        "## hexsync plan for Acme",
        "| create | update | delete | deactivate | destructive | API requests |",
        "| 3 | 4 | 1 | 1 | 6 | 16 requests (about 32 s at 30/min) |",
        "### Risks",
        "### Access changes",
        "### Changes",
        "<details>",
        "### Warnings",
        "**Not managed here** (left alone):",
        "- 3 groups: `Contractors`, `` Legacy `ops` ``, `Interns` — to remove: declare with",
    ]
    positions = [md.index(marker) for marker in order]
    assert positions == sorted(positions)
    assert md.count("<details>") == md.count("</details>") == len(rich_plan().changes)


def test_risks_list_refusals_widening_and_destructive_changes() -> None:
    md = render_markdown(rich_plan())
    risks = md.split("### Risks\n\n", 1)[1].split("\n\n", 1)[0].splitlines()
    assert risks[0].startswith("- **Refused** (`public_web`, `acme/projects.yaml:9:7`): ")
    assert "*hint:* set policy.allow\\_public\\_web: true" in risks[0]
    kinds = [line.split("**")[1] for line in risks]
    assert kinds == ["Refused"] + ["Widens access:"] * 4 + ["Destructive:"] * 6
    assert (
        "- **Destructive:** project `Revenue overview`: lowers access "
        '`sharing.groups["Analysts"]: CAN_EDIT → CAN_VIEW`'
    ) in risks
    assert (
        "- **Destructive:** delete group `Legacy contractors` (2 members; shared on 1 project)"
        in risks
    )


def test_a_plan_of_2000_changes_stays_within_the_budget_and_points_at_the_artifact() -> None:
    plan = many_changes(2000)
    md = render_markdown(plan, artifact="https://ci.example/run/7/plan.json")
    assert len(md) <= 60_000
    shown = md.count("<details>")
    assert 0 < shown < 2000
    assert md.count("</details>") == shown
    assert md.rstrip().endswith(
        f"… {2000 - shown} more changes not shown; the full plan is in "
        "<https://ci.example/run/7/plan.json>."
    )
    # the risk list is capped too, and says so
    assert "- … and 1975 more destructive changes (every one is in the full plan)" in md
    assert md.count("- **Destructive:**") == 25


def test_without_an_artifact_the_pointer_says_how_to_get_the_full_plan() -> None:
    md = render_markdown(many_changes(2000), budget=20_000)
    assert len(md) <= 20_000
    assert md.rstrip().endswith("save the full plan with `hexsync plan --out plan.json`.")


def test_a_local_artifact_path_is_shown_as_code() -> None:
    md = render_markdown(many_changes(300), budget=10_000, artifact="out/plan.json")
    assert md.rstrip().endswith("the full plan is in `out/plan.json`.")


def test_a_plan_that_fits_has_no_pointer() -> None:
    assert "not shown" not in render_markdown(rich_plan())


@pytest.mark.parametrize("budget", [60, 300, 700, 1500, 3000, 6000])
def test_no_budget_is_exceeded_and_sections_stay_balanced(budget: int) -> None:
    md = render_markdown(rich_plan(), budget=budget, artifact="plan.json")
    assert len(md) <= budget
    assert md.count("<details>") == md.count("</details>")
    assert md.count("```") % 2 == 0


def _hostile_plan() -> Plan:
    return Plan(
        workspace=WS,
        changes=(
            Change(
                Kind.GROUP,
                Action.CREATE,
                "<script>alert(1)</script>",
                fields=(FieldChange("members", None, "member", key="a@acme.com"),),
            ),
            Change(
                Kind.PROJECT,
                Action.UPDATE,
                "x```\n# heading",
                id="p-1",
                fields=(FieldChange("sharing.groups", None, "CAN_VIEW", key="a|b"),),
            ),
        ),
        warnings=(
            PlanWarning("w", "group <img src=x> **bold** pings @acme/admins, not carol@acme.com"),
        ),
        impact=(
            AccessImpact("a|b", "group", gains=(ImpactItem("p|q", None, "CAN_VIEW"),)),
            AccessImpact("`tick`", "group", gains=(ImpactItem("r", None, "CAN_VIEW", via="<b>"),)),
        ),
    )


def test_names_cannot_break_the_table_or_the_page() -> None:
    md = render_markdown(_hostile_plan())
    rows = sorted((line for line in md.splitlines() if line.startswith("| `")), reverse=True)
    assert len(rows) == 2
    assert all(len(_cells(row)) == 4 for row in rows)
    assert _cells(rows[0])[0] == "`a\\|b`"
    assert _cells(rows[0])[2] == "`p\\|q`"
    assert _cells(rows[1])[0] == "`` `tick` ``"
    assert _cells(rows[1])[3] == "&lt;b&gt;"
    # HTML: escaped in <summary>, literal only inside code
    assert "<summary><code>+ group &quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;</code>" in md
    outside_code = re.sub(r"(`+)[^`]*?\1", "", re.sub(r"(?s)````diff.*?````", "", md))
    assert "<script>" not in outside_code
    assert "<img" not in md
    assert "&lt;img src=x&gt; \\*\\*bold\\*\\*" in md


def test_a_fence_inside_a_name_gets_a_longer_fence_and_newlines_stay_escaped() -> None:
    md = render_markdown(_hostile_plan())
    assert '````diff\n~ project "x```\\n# heading" (p-1)\n' in md
    assert "\n# heading" not in md


def test_mentions_are_defused_and_emails_left_alone() -> None:
    md = render_markdown(_hostile_plan())
    assert "pings @\u2060acme/admins" in md
    assert "not carol@acme.com" in md


def test_one_huge_change_is_shortened_rather_than_dropped() -> None:
    fields = tuple(
        FieldChange("sharing.users", None, "CAN_VIEW", key=f"user{i:04d}@acme.com")
        for i in range(5000)
    )
    plan = Plan(
        workspace=WS,
        changes=(Change(Kind.PROJECT, Action.UPDATE, "Everyone", id="p-1", fields=fields),),
    )
    md = render_markdown(plan)
    assert len(md) <= 60_000
    assert md.count("<details open>") == 1  # a plan of one change shows it open
    assert "user0199@acme.com" in md
    assert "user0200@acme.com" not in md
    assert "  … 4800 more fields in the full plan\n" in md


def test_without_a_name_the_title_says_where_the_workspace_is() -> None:
    ws = WorkspaceInfo(api_url="https://eu.hex.tech", org_id="5a8591dd-4039-49df-9202-96385ba3eff8")
    md = render_markdown(Plan(workspace=ws))
    # Parentheses escaped: shown as "(org 5a8591dd…)".
    assert md.startswith("## hexsync plan for the workspace at eu.hex.tech \\(org 5a8591dd…\\)\n")


def test_a_small_plan_shows_its_changes_open_a_large_one_folds_them() -> None:
    # Issue 29, item 15: every change was folded, even in a plan of two.
    plan = rich_plan()
    small = replace(plan, changes=plan.changes[:2])
    md = render_markdown(small)
    assert md.count("<details open>") == 2
    assert "<details>" not in md
    large = render_markdown(plan)
    assert "<details open>" not in large
    assert large.count("<details>") == len(plan.changes)
