"""``export --suggest-rules``'s choices, on live states built in memory: the 80% threshold, the
exceptions, one rule per grant (greedy), and that the suggested file, loaded and planned against
the same state, changes nothing."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

from hexsync.export.suggest import suggest_rules
from hexsync.manifest import load
from hexsync.planning.planner import build_plan
from hexsync.values.desired import FrozenMap
from hexsync.values.live import Live, LiveCollection, LiveGroup, LiveProject, LiveSharing, LiveUser


def _live(with_group: int, total: int = 10) -> Live:
    """``total`` projects shared with collection Finance; the first ``with_group`` of them also
    with group Finance at CAN_VIEW (one of those at CAN_EDIT)."""
    projects = []
    for i in range(total):
        groups = {}
        if i < with_group:
            groups["Finance"] = "CAN_EDIT" if i == 0 else "CAN_VIEW"
        sharing = LiveSharing(
            groups=FrozenMap(groups), collections=FrozenMap({"Finance": "CAN_VIEW"})
        )
        projects.append(LiveProject(id=f"p{i}", title=f"Report [{i}]*", sharing=sharing))
    projects.append(LiveProject(id="x", title="Elsewhere", owner="a@acme.com"))
    return Live(
        org_id="org",
        users=FrozenMap({"a@acme.com": LiveUser("u", "a@acme.com")}),
        groups=FrozenMap({"Finance": LiveGroup("g", "Finance")}),
        collections=FrozenMap({"Finance": LiveCollection("c", "Finance")}),
        projects=FrozenMap((p.id, p) for p in projects),
    )


def test_below_the_share_nothing_is_suggested_for_the_group() -> None:
    found = suggest_rules(_live(with_group=7))
    assert [(r.dimension, r.principal) for r in found.rules] == [("collections", "Finance")]


def test_at_the_share_the_rule_lists_its_exceptions_and_explains_each_grant_once() -> None:
    found = suggest_rules(_live(with_group=8))
    by_principal = {(r.dimension, r.principal): r for r in found.rules}
    group = by_principal[("groups", "Finance")]
    assert group.selector == ("collection", "Finance")  # 8 of 11 overall is under 80%
    assert group.level == "CAN_VIEW"
    # CAN_EDIT on Report [0] is at least CAN_VIEW: not an exception, but not explained either.
    assert group.exceptions == ("Report [8]*", "Report [9]*")
    assert group.explained == 7
    assert found.grants == 10 + 8
    assert found.explained == 10 + 7  # each grant once, though two selectors could explain it


def test_the_suggested_rules_plan_as_no_change(tmp_path: Path) -> None:
    live = _live(with_group=9)
    found = suggest_rules(live)
    (tmp_path / "rules.yaml").write_text(found.document, encoding="utf-8")
    desired = load([tmp_path / "rules.yaml"])
    now = dt.datetime(2026, 6, 1, tzinfo=dt.timezone.utc)
    plan = build_plan(desired, live, api_url="https://app.hex.tech", now=now)
    assert plan.changes == ()
    assert not plan.refusals
    # The exception's title has glob characters: it is excepted exactly, not as a pattern.
    assert "- title: Report [[]9][*]" in found.document


def test_a_suggested_rule_over_the_default_match_limit_says_it_means_it(tmp_path: Path) -> None:
    """12 of 16 projects in Finance: more than half (and more than 10), which a rule may not
    match by default; the suggestion says max_matches: 100%, so it still plans clean. At 10
    projects (the floor) it needs no such line."""
    live = _live(with_group=12, total=12)
    others = [LiveProject(id=f"o{i}", title=f"Other {i}", owner="a@acme.com") for i in range(3)]
    projects = FrozenMap([*live.projects.items(), *((p.id, p) for p in others)])
    live = replace(live, projects=projects)
    found = suggest_rules(live)
    assert found.listed == 16
    assert [r.selector for r in found.rules] == [("collection", "Finance")]
    assert "    # matches 12 of the 16 projects: more than a rule may by default\n" in (
        found.document
    )
    assert "    max_matches: 100%\n" in found.document
    (tmp_path / "rules.yaml").write_text(found.document, encoding="utf-8")
    now = dt.datetime(2026, 6, 1, tzinfo=dt.timezone.utc)
    plan = build_plan(load([tmp_path / "rules.yaml"]), live, api_url="https://x.io", now=now)
    assert not plan.refusals
    assert plan.changes == ()
    assert "max_matches" not in suggest_rules(_live(with_group=10, total=10)).document
