"""Rule matching at its edges, on live projects built in memory: time bounds around "now",
never-viewed projects, and the combinators. The scenario cases (tests/cases/rule_*.yaml) run
every match kind through the whole plan; these pin the boundaries a mutant would move."""

from __future__ import annotations

import datetime as dt

import pytest

from hexsync.decide.rules_compiler import (
    count_matches,
    match_limit,
    matcher,
    over_limit,
    parse_moment,
)
from hexsync.values.desired import Enforce, FrozenMap, Match, Policy, Rule
from hexsync.values.live import LiveProject, LiveSharing

NOW = dt.datetime(2026, 6, 1, 12, 0, tzinfo=dt.timezone.utc)


def project(**kw: object) -> LiveProject:
    base: dict[str, object] = {"id": "p", "title": "Revenue overview"}
    base.update(kw)
    return LiveProject(**base)  # type: ignore[arg-type]


def matches(m: Match, p: LiveProject) -> bool:
    return matcher(m, NOW)(p)


def test_durations_and_dates_count_back_from_now() -> None:
    assert parse_moment("365d", NOW) == NOW - dt.timedelta(days=365)
    assert parse_moment("2w", NOW) == NOW - dt.timedelta(weeks=2)
    assert parse_moment("1y", NOW) == NOW - dt.timedelta(days=365)
    assert parse_moment("36h", NOW) == NOW - dt.timedelta(hours=36)
    assert parse_moment("2024-01-01", NOW) == dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)
    assert parse_moment("2024-01-01T10:00:00+02:00", NOW) == dt.datetime(
        2024, 1, 1, 8, tzinfo=dt.timezone.utc
    )


@pytest.mark.parametrize(
    ("viewed", "created", "older", "newer"),
    [
        ("2025-06-01T11:59:00Z", "2020-01-01T00:00:00Z", True, False),  # a minute over a year
        ("2025-06-01T12:01:00Z", "2020-01-01T00:00:00Z", False, True),  # a minute under
        (None, "2020-01-01T00:00:00Z", True, False),  # never viewed, created long ago: stale
        (None, "2026-05-31T00:00:00Z", False, True),  # never viewed, created yesterday: fresh
        (None, None, True, False),  # no time at all: as old as it gets
    ],
)
def test_last_viewed_around_a_year(
    viewed: str | None, created: str | None, older: bool, newer: bool
) -> None:
    p = project(last_viewed_at=viewed, created_at=created)
    assert matches(Match("last_viewed", ("older_than", "365d")), p) is older
    assert matches(Match("last_viewed", ("newer_than", "365d")), p) is newer


def test_created_between_two_bounds() -> None:
    window = Match("created", ("after", "2024-01-01", "before", "2025-01-01"))
    assert matches(window, project(created_at="2024-01-01T00:00:00Z"))  # after is inclusive
    assert not matches(window, project(created_at="2025-01-01T00:00:00Z"))  # before is not
    assert not matches(window, project(created_at="2023-12-31T23:59:59Z"))
    assert not matches(window, project(created_at=None))


def test_combinators_and_implicit_and() -> None:
    finance = Match("categories", ("Finance",))
    prod = Match("status", ("Production",))
    p = project(categories=frozenset({"Finance"}), status="Production")
    q = project(categories=frozenset({"Growth"}), status="Production")
    both = Match("all_of", children=(finance, prod))
    either = Match("any_of", children=(finance, Match("status", (None,))))
    assert matches(both, p)
    assert not matches(both, q)
    assert matches(either, p)
    assert not matches(either, q)
    assert matches(Match("not", children=(finance,)), q)
    assert matches(either, project(status=None))


def test_collection_matches_sharing_at_any_level_and_title_globs_exactly() -> None:
    shared = project(sharing=LiveSharing(collections=FrozenMap({"Finance": "APP_ONLY"})))
    assert matches(Match("collection", ("Finance",)), shared)
    assert not matches(Match("collection", ("finance",)), shared)  # names are exact
    assert matches(Match("title", ("Revenue*",)), shared)
    assert not matches(Match("title", ("revenue*",)), shared)
    assert not matches(Match("title", ("Revenue",)), shared)  # a glob is the whole title
    assert matches(Match("title_regex", ("over",)), shared)  # a regex is searched


def test_archived_and_trashed_are_left_out_unless_a_rule_asks() -> None:
    live = [project(id="a"), project(id="b", archived=True), project(id="c", trashed=True)]
    every = Rule("every", Match("all"))
    archived = Rule("archived", Match("archived", ("true",)))
    not_archived = Rule("kept", Match("archived", ("false",)))
    assert count_matches([every, archived, not_archived], live, now=NOW) == {
        "every": 1,
        "archived": 1,
        "kept": 1,  # trashed c: this rule does not ask about the trash
    }


def test_timestamps_parse_the_same_on_every_python() -> None:
    utc = dt.timezone.utc
    assert parse_moment("2025-03-04T05:06:07.123Z", NOW) == dt.datetime(
        2025, 3, 4, 5, 6, 7, 123000, tzinfo=utc
    )
    assert parse_moment("2024-01-01T10:00:00+0200", NOW) == dt.datetime(2024, 1, 1, 8, tzinfo=utc)
    assert parse_moment("2024-01-01 10:00", NOW) == dt.datetime(2024, 1, 1, 10, tzinfo=utc)
    with pytest.raises(ValueError, match="neither a duration nor a date"):
        parse_moment("2024-13-45", NOW)


@pytest.mark.timeout(10)
def test_a_catastrophic_title_regex_runs_in_linear_time() -> None:
    # Issue 27, item 7: with a backtracking engine this pattern took 22.7 s on 61 short titles and
    # doubled per character; a pull request could hang the plan job or freeze `hexsync mcp`. The
    # bound is the point: 61 titles of 40 characters would take years by backtracking.
    evil = Match("title_regex", (r"(\w|\s|.)*!$",))
    titles = [f"Quarterly revenue review {i:02d} of the year x" for i in range(61)]
    assert not any(matches(evil, project(id=str(i), title=t)) for i, t in enumerate(titles))
    assert matches(evil, project(title="Launch day!"))


def test_title_regex_keeps_the_search_meaning() -> None:
    assert matches(Match("title_regex", ("venue",)), project())  # found anywhere
    assert matches(Match("title_regex", ("^Revenue",)), project())
    assert not matches(Match("title_regex", ("^venue",)), project())
    assert matches(Match("title_regex", ("(?i)REVENUE",)), project())


# ---------------------------------------------------------------- how much a rule may match


def _rule(**kw: object) -> Rule:
    base: dict[str, object] = {
        "name": "stale",
        "match": Match("last_viewed", ("older_than", "180d")),
        "status": "Deprecated",
    }
    base.update(kw)
    return Rule(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("listed", "matched", "refused"),
    [
        (60, 30, False),  # half of 60: allowed
        (60, 31, True),  # one more than half: the incident's rule (60 of 60) is refused too
        (60, 60, True),
        (21, 10, False),  # 21 * 50% rounds down to 10: the floor
        (21, 11, True),
        (12, 10, False),  # a small workspace: never under 10
        (12, 11, True),
        (4, 4, False),
    ],
)
def test_a_rule_that_changes_projects_may_match_half_of_them_never_under_ten(
    listed: int, matched: int, refused: bool
) -> None:
    text, hint = over_limit(_rule(), Policy(), matched, listed)
    assert bool(text) is refused
    if refused:
        limit = max(listed // 2, 10)
        assert text == (
            f"of the {listed} live projects, more than the default for a rule that changes"
            f" projects ({limit}: 50% of them, never under 10)"
        )
        assert "max_matches: 100%" in hint


def test_the_default_leaves_check_rules_and_match_all_alone() -> None:
    check = _rule(enforce=Enforce.CHECK)
    warn = _rule(enforce=Enforce.WARN)
    everything = _rule(match=Match("all", ("true",)))
    for rule in (check, warn, everything):
        assert match_limit(rule, Policy(), 100) is None
        assert over_limit(rule, Policy(), 100, 100) == ("", "")


def test_the_rule_then_the_policy_then_the_default_decide_the_limit() -> None:
    rule = _rule()
    assert match_limit(rule, Policy(max_rule_matches=5), 100) == (
        5,
        "policy.max_rule_matches (5)",
    )
    assert match_limit(rule, Policy(max_rule_share=80), 100) == (
        80,
        "policy.max_rule_matches (80%)",
    )
    # An explicit policy limit covers check rules too (validate --live counts them the same).
    check = _rule(enforce=Enforce.CHECK)
    assert match_limit(check, Policy(max_rule_matches=5), 100) == (
        5,
        "policy.max_rule_matches (5)",
    )
    allowed = _rule(max_share=100)
    assert match_limit(allowed, Policy(max_rule_matches=5), 60) == (60, "its max_matches (100%)")
    assert over_limit(allowed, Policy(), 60, 60) == ("", "")
    counted = _rule(max_matches=3)
    assert match_limit(counted, Policy(max_rule_share=90), 60) == (3, "its max_matches (3)")
    assert over_limit(counted, Policy(), 3, 60) == ("", "")
    assert over_limit(counted, Policy(), 4, 60)[0] == (
        "of the 60 live projects, more than its max_matches (3)"
    )
    # A share rounds down: 33% of 10 projects is 3.
    assert match_limit(_rule(max_share=33), Policy(), 10) == (3, "its max_matches (33%)")
    # A limit of 0 is a limit (not "no limit").
    assert over_limit(_rule(max_matches=0), Policy(), 1, 60)[0] != ""
    assert over_limit(_rule(), Policy(max_rule_matches=0), 1, 60)[0] != ""
