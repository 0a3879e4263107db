"""Entries that shadow rules, at the edges: when an entry's field only repeats what the rules
yield (``hexsync slim`` may drop it), when a rule's effect is lost, and how one warning per rule
counts thousands of entries. The scenario cases (tests/cases/rule_shadowed_after_export.yaml,
rule_overridden_by_noop_entry.yaml) and tests/test_rules_cli.py run it end to end."""

from __future__ import annotations

import pytest

from hexsync.decide.shadowing import Shadows, repeats
from hexsync.values.desired import (
    UNMANAGED,
    Access,
    FrozenMap,
    Mark,
    Match,
    Mode,
    Project,
    Rule,
    Sharing,
    Status,
    parse_expiry,
)
from hexsync.values.live import LiveProject, LiveSharing

A = Mode.AUTHORITATIVE
ADD = Mode.ADDITIVE


def live(*, groups: dict[str, str] | None = None, **kw: object) -> LiveProject:
    sharing = LiveSharing(groups=FrozenMap(groups or {}), **kw)  # type: ignore[arg-type]
    return LiveProject(id="p", title="Budget", owner="o@acme.com", sharing=sharing)


def groups(mode: Mode, **levels: str) -> Sharing:
    return Sharing(mode=mode, groups=FrozenMap({k: Access(v) for k, v in levels.items()}))


@pytest.mark.parametrize(
    ("entry", "rules", "now", "expected"),
    [
        # the exported entry (authoritative) says what an additive rule yields: repeated
        (
            groups(A, Finance="CAN_VIEW"),
            groups(ADD, Finance="CAN_VIEW"),
            {"Finance": "CAN_VIEW"},
            True,
        ),
        # ...but not a group of its own beside the rule's: the rule would not keep Admins
        (
            groups(A, Finance="CAN_VIEW", Admins="CAN_EDIT"),
            groups(ADD, Finance="CAN_VIEW"),
            {"Finance": "CAN_VIEW", "Admins": "CAN_EDIT"},
            False,
        ),
        # a higher level than the rule's: the same workspace today, not the same grant
        (
            groups(A, Finance="CAN_EDIT"),
            groups(ADD, Finance="CAN_VIEW"),
            {"Finance": "CAN_EDIT"},
            False,
        ),
        # a pending change the rule would not make: not the same plan
        (
            groups(A, Finance="CAN_VIEW"),
            groups(ADD, Finance="CAN_VIEW"),
            {"Finance": "CAN_VIEW", "X": "CAN_VIEW"},
            False,
        ),
        # an additive entry inside what the rules yield, on a project that has the rest
        (
            groups(ADD, Finance="CAN_VIEW"),
            groups(ADD, Finance="CAN_VIEW", Sales="CAN_VIEW"),
            {"Finance": "CAN_VIEW", "Sales": "CAN_VIEW"},
            True,
        ),
        (
            groups(ADD, Finance="CAN_VIEW"),
            groups(ADD, Finance="CAN_VIEW", Sales="CAN_VIEW"),
            {},
            False,
        ),
        # "NONE" in an authoritative entry is "not there": the same as the rules leaving it out
        (
            groups(A, Finance="CAN_VIEW", Old="NONE"),
            groups(A, Finance="CAN_VIEW"),
            {"Old": "CAN_VIEW"},
            True,
        ),
        # the rules decide nothing on the dimension
        (groups(A, Finance="CAN_VIEW"), None, {"Finance": "CAN_VIEW"}, False),
        (
            groups(A, Finance="CAN_VIEW"),
            Sharing(workspace=Access.APP_ONLY),
            {"Finance": "CAN_VIEW"},
            False,
        ),
    ],
)
def test_a_group_dimension_is_repeated_only_when_it_says_what_the_rules_yield(
    entry: Sharing, rules: Sharing | None, now: dict[str, str], expected: bool
) -> None:
    assert repeats("groups", entry, rules, live(groups=now)) is expected


def test_the_owner_and_scalar_levels() -> None:
    owner = Sharing(
        users=FrozenMap({"o@acme.com": Access.FULL_ACCESS, "a@acme.com": Access.CAN_VIEW})
    )
    rule = Sharing(mode=ADD, users=FrozenMap({"a@acme.com": Access.CAN_VIEW}))
    now = LiveSharing(users=FrozenMap({"o@acme.com": "FULL_ACCESS", "a@acme.com": "CAN_VIEW"}))
    project = LiveProject(id="p", title="Budget", owner="O@acme.com", sharing=now)
    assert repeats("users", owner, rule, project)  # the owner's own entry never counts
    stranger = Sharing(
        users=FrozenMap({"b@acme.com": Access.FULL_ACCESS, "a@acme.com": Access.CAN_VIEW})
    )
    assert not repeats("users", stranger, rule, project)
    app = Sharing(workspace=Access.APP_ONLY)
    add_app = Sharing(mode=ADD, workspace=Access.APP_ONLY)
    assert repeats("workspace", app, add_app, live(workspace="APP_ONLY"))
    # live is CAN_VIEW: the entry lowers it, the additive rule would not
    assert not repeats("workspace", app, add_app, live(workspace="CAN_VIEW"))
    assert not repeats(
        "workspace", Sharing(workspace=Access.CAN_VIEW), add_app, live(workspace="CAN_VIEW")
    )
    none = Sharing(workspace=Access.NONE)
    assert repeats("workspace", none, Sharing(workspace=Access.NONE), live())
    assert not repeats("workspace", none, add_app, live())


def test_a_grant_with_an_end_is_never_repeated() -> None:
    ending = Sharing(
        groups=FrozenMap({"Finance": Access.CAN_VIEW}),
        expires=FrozenMap({"groups\x00Finance": parse_expiry("2026-07-01")}),  # type: ignore[arg-type]
    )
    assert not repeats(
        "groups", ending, groups(ADD, Finance="CAN_VIEW"), live(groups={"Finance": "CAN_VIEW"})
    )
    ended = Sharing(groups=FrozenMap({}), expired=frozenset({"groups\x00Finance"}))
    assert not repeats("groups", ended, groups(A), live())


def _rule(name: str, *, status: Status = UNMANAGED, sharing: Sharing | None = None) -> Rule:
    return Rule(
        name=name,
        match=Match("all", ("true",)),
        status=status,
        sharing=sharing,
        mark=Mark("rules.yaml", 3, 5),
    )


def _entry(n: int, *, status: Status = UNMANAGED, sharing: Sharing | None = None) -> Project:
    return Project(
        id=f"p{n}", status=status, sharing=sharing, mark=Mark("projects.yaml", 10 * n, 5)
    )


def test_status_and_sharing_shadowing_make_one_warning_per_rule_with_counts() -> None:
    deprecate = _rule("deprecate", status="Deprecated")
    prod = _rule("keep-production", status="Production")
    finance = _rule("finance", sharing=groups(ADD, Finance="CAN_VIEW"))
    shadows = Shadows()
    for n in range(5, 0, -1):  # Hex's order is not the examples' order
        project = LiveProject(
            id=f"p{n}",
            title=f"P{n}",
            status="Production",
            sharing=LiveSharing(groups=FrozenMap({"Finance": "CAN_VIEW"})),
        )
        entry = _entry(n, status="Production", sharing=groups(A, Finance="CAN_VIEW"))
        rules = groups(ADD, Finance="CAN_VIEW")
        shadows.project([deprecate, finance], entry, ("Deprecated", rules), entry.sharing, project)
    lone = LiveProject(id="p9", title="P9", status="Production")
    shadows.project([prod], _entry(9, status="Production"), ("Production", None), None, lone)
    matched = {"deprecate": 5, "finance": 5, "keep-production": 1}
    warned = shadows.warnings([deprecate, finance, prod], matched)
    assert [w.code for w in warned] == ["rule_shadowed"] * 3
    assert [str(w.mark) for w in warned] == ["rules.yaml:3:5"] * 3
    assert warned[0].message == (
        "rule 'deprecate' is overridden on 5 of the 5 projects it matches by their projects:"
        " entries, which set the same fields (an entry wins for the fields it sets), so it does"
        " not do there what it asks: 'P1': status (projects.yaml:10:5) set to Deprecated"
        " (Production stays); 'P2': status (projects.yaml:20:5) set to Deprecated (Production"
        " stays); 'P3': status (projects.yaml:30:5) set to Deprecated (Production stays); and 2"
        " more; take the field out of those entries to let the rule decide it, or write it there"
        " as the rule asks"
    )
    assert warned[1].message == (
        "rule 'finance' changes nothing on 5 of the 5 projects it matches: their projects:"
        " entries already say what the rules yield there (sharing.groups 5): 'P1'"
        " (projects.yaml:10:5), 'P2' (projects.yaml:20:5), 'P3' (projects.yaml:30:5) and 2 more;"
        " `hexsync slim` drops those fields from the entries, and the plan stays the same"
    )
    assert warned[2].message.startswith(
        "rule 'keep-production' changes nothing on 1 of the 1 project it matches: their"
        " projects: entries already say what the rules yield there (status 1): 'P9'"
        " (projects.yaml:90:5); `hexsync slim`"
    )
    # What slim may drop: the groups everywhere (the rules yield them), the status only where
    # the rules' own decision is the entry's.
    fields = {s.project_id: s.fields for s in shadows.slims}
    assert fields == {**{f"p{n}": ("sharing.groups",) for n in range(1, 6)}, "p9": ("status",)}
    assert {s.project_id: s.loosened for s in shadows.slims}["p1"] == ("sharing.groups",)
    assert {s.project_id: s.loosened for s in shadows.slims}["p9"] == ()


def test_an_entry_that_says_more_than_the_rule_says_nothing() -> None:
    rule = _rule("finance", sharing=groups(ADD, Finance="CAN_VIEW"))
    mine = groups(A, Finance="CAN_VIEW", Admins="CAN_EDIT")
    project = live(groups={"Finance": "CAN_VIEW", "Admins": "CAN_EDIT"})
    shadows = Shadows()
    shadows.project(
        [rule], _entry(1, sharing=mine), (UNMANAGED, groups(ADD, Finance="CAN_VIEW")), mine, project
    )
    assert shadows.warnings([rule], {"finance": 1}) == []
    assert shadows.slims == []


def _status_warning(rule_status: Status, entry_status: Status, live_status: str | None) -> str:
    rule = _rule("status-rule", status=rule_status)
    project = LiveProject(id="p1", title="P1", status=live_status)
    shadows = Shadows()
    shadows.project([rule], _entry(1, status=entry_status), (rule_status, None), None, project)
    (warned,) = shadows.warnings([rule], {"status-rule": 1})
    return warned.message


def test_no_status_is_said_as_none_in_the_lost_status() -> None:
    # a rule's status null ("no status") and an entry's: the words a person reads
    assert "status (projects.yaml:10:5) set to Deprecated (none stays);" in _status_warning(
        "Deprecated", None, None
    )
    assert (
        "status (projects.yaml:10:5) set to Deprecated (the plan makes it none);"
        in _status_warning("Deprecated", None, "Production")
    )
    assert "status (projects.yaml:10:5) set to none (Production stays);" in _status_warning(
        None, "Production", "Production"
    )


def test_a_group_named_like_the_owner_is_still_a_group() -> None:
    # only a user grant to the owner is left out; a group that bears the owner's email as its
    # name is granted like any other: the entry's CAN_EDIT is not what the rule yields
    entry = groups(A, **{"o@acme.com": "CAN_EDIT"})
    rule = groups(ADD, **{"o@acme.com": "CAN_VIEW"})
    assert not repeats("groups", entry, rule, live(groups={"o@acme.com": "CAN_EDIT"}))


def test_rules_that_decide_other_dimensions_only_are_not_repeated() -> None:
    # the rules' decision as the compiler makes it (additive overall, a mode per dimension it
    # decides), with nothing on groups: the entry's groups repeat nothing
    rules = Sharing(mode=ADD, workspace=Access.APP_ONLY)
    entry = groups(A, Finance="CAN_VIEW")
    assert not repeats("groups", entry, rules, live(groups={"Finance": "CAN_VIEW"}))


def test_an_entry_repeating_an_authoritative_rule_is_not_loosened_by_slim() -> None:
    # dropping a field both hold authoritatively keeps a grant added in Hex planned away: only
    # an authoritative entry over additive rules is "loosened"
    rule_sharing = Sharing(
        groups=FrozenMap({"Finance": Access.CAN_VIEW}), modes=FrozenMap({"groups": A})
    )
    rule = _rule("finance", sharing=rule_sharing)
    decided = Sharing(
        mode=ADD, groups=FrozenMap({"Finance": Access.CAN_VIEW}), modes=FrozenMap({"groups": A})
    )
    mine = groups(A, Finance="CAN_VIEW")
    shadows = Shadows()
    project = live(groups={"Finance": "CAN_VIEW"})
    shadows.project([rule], _entry(1, sharing=mine), (UNMANAGED, decided), mine, project)
    assert [(s.fields, s.loosened) for s in shadows.slims] == [(("sharing.groups",), ())]
    additive = groups(ADD, Finance="CAN_VIEW")
    shadows = Shadows()
    shadows.project([rule], _entry(1, sharing=additive), (UNMANAGED, decided), additive, project)
    assert [(s.fields, s.loosened) for s in shadows.slims] == [(("sharing.groups",), ())]


def test_one_warning_says_both_what_a_rule_loses_and_what_it_repeats() -> None:
    idle = _rule("idle", status="Exploratory")  # shadowed nowhere: no warning, and the next
    both = _rule("both", status="Production", sharing=groups(ADD, Finance="CAN_VIEW"))
    rules = groups(ADD, Finance="CAN_VIEW")
    shadows = Shadows()
    for n, status in ((1, "Production"), (2, "Deprecated")):
        project = LiveProject(
            id=f"p{n}",
            title=f"P{n}",
            status=status,
            sharing=LiveSharing(groups=FrozenMap({"Finance": "CAN_VIEW"})),
        )
        entry = _entry(n, status=status, sharing=groups(A, Finance="CAN_VIEW"))
        shadows.project([both], entry, ("Production", rules), entry.sharing, project)
    warned = shadows.warnings([idle, both], {"idle": 0, "both": 2})
    assert [w.message for w in warned] == [
        "rule 'both' is overridden on 1 of the 2 projects it matches by their projects: entries,"
        " which set the same fields (an entry wins for the fields it sets), so it does not do"
        " there what it asks: 'P2': status (projects.yaml:20:5) set to Production (Deprecated"
        " stays); take the field out of those entries to let the rule decide it, or write it"
        " there as the rule asks; it changes nothing on 2 of the 2 projects it matches: their"
        " projects: entries already say what the rules yield there (sharing.groups 2, status 1):"
        " 'P1' (projects.yaml:10:5), 'P2' (projects.yaml:20:5); `hexsync slim` drops those fields"
        " from the entries, and the plan stays the same"
    ]
