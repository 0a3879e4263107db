"""Rules compiled against a workspace built in memory, where the message is the decision: a
conflict names every project (up to fifty), a rule set aside says what it would have done, and a
moment that is neither a duration nor a date is refused for what it is. The scenario cases
(tests/cases/rule_*.yaml) run rules through the whole plan; these pin what they leave loose."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest

from hexsync.decide.diff import UnresolvedReferenceError, diff
from hexsync.decide.rules_compiler import (
    RuleConflictError,
    check_violations,
    compile_rules,
    count_matches,
    matcher,
    parse_moment,
    warn_violations,
)
from hexsync.manifest import load
from hexsync.values.desired import Desired, FrozenMap, Match, Rule
from hexsync.values.live import (
    Live,
    LiveCollection,
    LiveGroup,
    LiveProject,
    LiveSharing,
    LiveUser,
)

NOW = dt.datetime(2026, 6, 1, 12, 0, tzinfo=dt.timezone.utc)
PID = "0b000000-0000-4000-8000-0000000000ab"


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
        collections=FrozenMap({"Finance": LiveCollection("id-Finance", "Finance")}),
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
    # One rule_shadowed warning per rule, naming each overridden field with its place and what
    # the rule would have done; P02's entry leaves public_web as the rule would (NONE): nothing
    # lost there, only said to be repeated.
    compiled = compile_rules(_desired(tmp_path, text), live, now=NOW)
    shadowed = {w.message.split("'")[1]: w.message for w in compiled.warnings}
    assert [w.code for w in compiled.warnings] == ["rule_shadowed", "rule_shadowed"]
    assert (
        "so it does not do there what it asks: 'P00': sharing.workspace (m.yaml:12:26) set"
        " workspace to CAN_EDIT (CAN_VIEW stays); 'P01': sharing.workspace (m.yaml:14:26) set"
        " workspace to CAN_EDIT (the plan makes it CAN_VIEW); take the field out"
    ) in shadowed["open-up"]
    assert "overridden on 2 of the 3 projects it matches" in shadowed["open-up"]
    assert (
        "so it does not do there what it asks: 'P01': sharing.public_web (m.yaml:14:48) remove"
        " public_web (APP_ONLY stays); take the field out"
    ) in shadowed["no-link"]
    assert (
        "it changes nothing on 1 of the 3 projects it matches: their projects: entries already"
        " say what the rules yield there (sharing.public_web 1): 'P02' (m.yaml:15:5)"
    ) in shadowed["no-link"]


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


def _changes(tmp_path: Path, text: str, live: Live) -> list[str]:
    """The plan's changes, one a line: ``P00: path[key]: old -> new (rule NAME) (expired)``."""
    found = diff(compile_rules(_desired(tmp_path, text), live, now=NOW).desired, live)
    return [
        f"{c.name}: {f.path}{f'[{f.key}]' if f.key else ''}: {f.old} -> {f.new}"
        + (f" (rule {f.rule})" if f.rule else "")
        + (" (expired)" if f.expired else "")
        for c in found.changes
        for f in c.fields
    ]


def _problems(tmp_path: Path, text: str, live: Live) -> list[str]:
    with pytest.raises(UnresolvedReferenceError) as caught:
        compile_rules(_desired(tmp_path, text), live, now=NOW)
    return [f"{p.mark}: {p.message}" for p in caught.value.problems]


def test_two_rules_asking_the_same_name_both_rules(tmp_path: Path) -> None:
    text = """\
version: 1
rules:
  - name: ship
    match: {all: true}
    status: Production
    sharing: {groups: {Admins: CAN_EDIT}, collections: {Finance: CAN_VIEW}}
  - name: ship-too
    match: {all: true}
    priority: 5
    status: Production
    sharing: {groups: {Admins: CAN_EDIT}, collections: {Finance: CAN_VIEW}}
"""
    assert _changes(tmp_path, text, _live(_project(0))) == [
        "P00: status: None -> Production (rule ship, ship-too)",
        "P00: sharing.groups[Admins]: None -> CAN_EDIT (rule ship, ship-too)",
        "P00: sharing.collections[Finance]: None -> CAN_VIEW (rule ship, ship-too)",
    ]


def test_additive_rules_of_different_priorities_both_grant(tmp_path: Path) -> None:
    text = """\
version: 1
rules:
  - name: admins
    match: {all: true}
    sharing: {groups: {Admins: CAN_EDIT}}
  - name: board
    match: {all: true}
    priority: 5
    sharing: {groups: {Board: CAN_VIEW}}
"""
    compiled = compile_rules(_desired(tmp_path, text), _live(_project(0)), now=NOW)
    assert compiled.warnings == ()
    assert _changes(tmp_path, text, _live(_project(0))) == [
        "P00: sharing.groups[Admins]: None -> CAN_EDIT (rule admins)",
        "P00: sharing.groups[Board]: None -> CAN_VIEW (rule board)",
    ]


def test_a_rule_authoritative_on_one_dimension_conflicts_with_another_rule_on_it(
    tmp_path: Path,
) -> None:
    text = """\
version: 1
rules:
  - name: admins-only
    match: {all: true}
    sharing: {mode: {groups: authoritative}, groups: {Admins: CAN_EDIT}}
  - name: board
    match: {all: true}
    sharing: {groups: {Board: CAN_VIEW}}
"""
    with pytest.raises(RuleConflictError) as caught:
        compile_rules(_desired(tmp_path, text), _live(_project(0)), now=NOW)
    assert caught.value.conflicts == (
        "project 'P00' (p00): rule 'admins-only' (m.yaml:3:5) is authoritative on"
        " sharing.groups, and rule 'board' (m.yaml:6:5) also sets it",
    )


def test_rules_set_aside_together_are_named_together(tmp_path: Path) -> None:
    text = """\
version: 1
rules:
  - name: admins
    match: {all: true}
    sharing: {groups: {Admins: CAN_EDIT}}
  - name: board
    match: {all: true}
    sharing: {groups: {Board: CAN_VIEW}}
  - name: nobody
    match: {all: true}
    priority: 5
    sharing: {mode: authoritative, groups: {}}
"""
    (warning,) = _overridden(tmp_path, text, _live(_project(0)))
    assert warning == (
        "m.yaml:9:5: project 'P00': sharing.groups: rule 'nobody' overrides rules 'admins',"
        " 'board' on this field, so this plan does not do what the rules ask:"
        " set Admins to CAN_EDIT (NONE stays); set Board to CAN_VIEW (NONE stays)"
    )


def test_an_entry_takes_its_own_fields_and_leaves_the_rules_the_rest(tmp_path: Path) -> None:
    # P00's entry (by its id upper-cased) sets the workspace and its groups authoritatively; the
    # rule still sets status and users. P01's entry (by its title, which Hex has with a trailing
    # space) sets users only, one of them expired. P02 is new: its entry creates it beside the
    # rules.
    live = _live(
        LiveProject(PID, "P00", sharing=LiveSharing(groups=FrozenMap({"Board": "CAN_VIEW"}))),
        LiveProject(
            "p01",
            "P01 ",
            owner="amy@acme.com",
            sharing=LiveSharing(users=FrozenMap({"u2@acme.com": "CAN_VIEW"})),
        ),
    )
    text = """\
version: 1
rules:
  - name: ship
    match: {all: true}
    status: Production
    sharing: {users: {bob@acme.com: CAN_VIEW}, groups: {Admins: CAN_VIEW}}
projects:
  - id: 0B000000-0000-4000-8000-0000000000AB
    sharing: {mode: authoritative, workspace: CAN_VIEW, groups: {Admins: CAN_EDIT}}
  - title: P01
    sharing: {users: {u1@acme.com: CAN_EDIT, u2@acme.com: {level: CAN_VIEW, expires: 2026-01-01}}}
  - title: P02
"""
    assert _changes(tmp_path, text, live) == [
        "P00: status: None -> Production (rule ship)",
        "P00: sharing.workspace: NONE -> CAN_VIEW",
        "P00: sharing.users[bob@acme.com]: None -> CAN_VIEW (rule ship)",
        "P00: sharing.groups[Admins]: None -> CAN_EDIT",
        "P00: sharing.groups[Board]: CAN_VIEW -> None",
        "P01 : status: None -> Production (rule ship)",
        "P01 : sharing.users[u1@acme.com]: None -> CAN_EDIT",
        "P01 : sharing.users[u2@acme.com]: CAN_VIEW -> None (expired)",
        "P01 : sharing.groups[Admins]: None -> CAN_VIEW (rule ship)",
    ]


def test_a_match_on_a_name_nothing_has_is_a_problem_where_it_is_written(tmp_path: Path) -> None:
    # dan owns a project but is no active user: a rule may still match on him. Production is a
    # status the policy lists (no project has it yet). The first rule means to match nothing.
    live = _live(LiveProject("p00", "P00", owner="dan@acme.com", creator="amy@acme.com"))
    text = """\
version: 1
policy: {statuses: [Production, Archive]}
rules:
  - name: dormant
    match: {collection: Nowhere}
    allow_empty: true
    status: Archive
  - name: typos
    match:
      all_of:
        - {title: "P*"}
        - {owner: dan@acme.com}
        - {status: [Production, Prodution]}
        - {creator: q@x.io}
        - {collection: [Finance, Finanse]}
    sharing: {groups: {Admins: CAN_VIEW}}
"""
    tail = "(allow_empty: true on the rule if it is meant to match nothing yet)"
    assert _problems(tmp_path, text, live) == [
        "m.yaml:13:20: rule 'typos': match status 'Prodution' is a status nothing in the"
        f" workspace or the manifests has, so the rule can never match through it; did you mean"
        f" 'Production'? {tail}",
        "m.yaml:14:21: rule 'typos': match creator 'q@x.io' is a user nothing in the"
        f" workspace or the manifests has, so the rule can never match through it {tail}",
        "m.yaml:15:24: rule 'typos': match collection 'Finanse' is a collection nothing in the"
        f" workspace or the manifests has, so the rule can never match through it; did you mean"
        f" 'Finance'? {tail}",
    ]


def test_a_rule_may_share_with_a_declared_collection_but_not_with_a_user_declared_inactive(
    tmp_path: Path,
) -> None:
    text = """\
version: 1
collections:
  - name: Board pack
users:
  - {email: bob@acme.com, active: false}
rules:
  - name: plain
    match: {all: true}
    status: Production
  - name: shares
    match: {all: true}
    sharing:
      collections: {Board pack: CAN_VIEW, Finance: CAN_VIEW}
      users: {bob@acme.com: CAN_VIEW, amy@acme.com: CAN_VIEW}
"""
    assert _problems(tmp_path, text, _live(_project(0))) == [
        "m.yaml:14:15: rule 'shares': bob@acme.com is not an active user of this workspace"
    ]


def _rules(tmp_path: Path, text: str) -> tuple[Rule, ...]:
    return _desired(tmp_path, text).rules


def test_an_except_on_archived_or_trashed_projects_looks_at_them(tmp_path: Path) -> None:
    # Hidden projects are left out unless a rule asks about them, in match or in except.
    old = "2020-01-01T00:00:00Z"
    projects = [
        LiveProject("p0", "Kept", created_at=old, last_viewed_at=old),
        LiveProject("p1", "Shelved", archived=True, created_at=old, last_viewed_at=old),
        LiveProject("p2", "Binned", trashed=True, created_at=old, last_viewed_at=old),
        LiveProject("p3", "Fresh", created_at="2026-05-31T00:00:00Z"),
    ]
    rules = _rules(
        tmp_path,
        """\
version: 1
rules:
  - name: only-archived
    match: {all: true}
    except: {archived: false}
    status: Archive
  - name: only-trashed
    match: {all: true}
    except: {any_of: [{trashed: false}]}
    status: Archive
  - name: stale-and-visible
    match: {all: true}
    except: {last_viewed: {newer_than: 30d}}
    status: Archive
  - name: not-fresh
    match: {all_of: [{title: "*"}, {not: {created: {after: 30d}}}]}
    status: Archive
  - name: old-or-nothing
    match: {any_of: [{created: {before: 5y}}]}
    status: Archive
""",
    )
    assert count_matches(rules, projects, now=NOW) == {
        "only-archived": 1,
        "only-trashed": 1,
        "stale-and-visible": 1,
        "not-fresh": 1,
        "old-or-nothing": 1,
    }


def test_an_unknown_match_key_is_a_value_error_that_names_it() -> None:
    with pytest.raises(ValueError, match="unknown match key 'colour'"):
        matcher(Match("colour", ("red",)), NOW)


def _warnings(tmp_path: Path, text: str, live: Live) -> list[str]:
    found = diff(compile_rules(_desired(tmp_path, text), live, now=NOW).desired, live)
    return [f"{w.code}: {w.mark}: {w.message}" for _, w in found.warnings]


def test_an_owners_grant_is_ignored_where_the_rule_or_the_entry_writes_it(tmp_path: Path) -> None:
    live = _live(_project(0), _project(1))
    text = """\
version: 1
rules:
  - name: team
    match: {all: true}
    sharing:
      users: {bob@acme.com: CAN_VIEW, amy@acme.com: CAN_EDIT}
projects:
  - title: P01
    sharing:
      groups: {Admins: CAN_VIEW}
      users: {amy@acme.com: FULL_ACCESS}
"""
    ignored = "owns it; an owner's own access is never changed (the manifest's level is ignored)"
    assert _warnings(tmp_path, text, live) == [
        f"owner_access: m.yaml:6:39: project 'P00': amy@acme.com {ignored}",
        f"owner_access: m.yaml:11:15: project 'P01': amy@acme.com {ignored}",
    ]


def test_a_grant_expired_in_one_rule_stays_while_another_rule_grants_it(tmp_path: Path) -> None:
    live = _live(
        _project(0, LiveSharing(users=FrozenMap({"bob@acme.com": "CAN_VIEW"}))),
        _project(1, LiveSharing(groups=FrozenMap({"Board": "CAN_VIEW"}))),
    )
    text = """\
version: 1
rules:
  - name: short
    match: {all: true}
    sharing:
      users: {bob@acme.com: {level: CAN_VIEW, expires: 2026-01-01}}
      groups: {Board: {level: CAN_VIEW, expires: 2026-01-01}}
  - name: long
    match: {all: true}
    sharing:
      users: {bob@acme.com: CAN_VIEW}
      groups: {Admins: CAN_VIEW}
  - name: short-too
    match: {all: true}
    sharing:
      users: {u1@acme.com: {level: CAN_VIEW, expires: 2026-01-01}}
      groups: {Board: {level: CAN_VIEW, expires: 2026-01-01}}
"""
    # Board's grant ended in both rules that wrote it: P01 loses it, and the change names both
    assert _changes(tmp_path, text, live) == [
        "P00: sharing.groups[Admins]: None -> CAN_VIEW (rule long)",
        "P01: sharing.users[bob@acme.com]: None -> CAN_VIEW (rule long)",
        "P01: sharing.groups[Admins]: None -> CAN_VIEW (rule long)",
        "P01: sharing.groups[Board]: CAN_VIEW -> None (rule short, short-too) (expired)",
    ]
    text = text.replace("Admins: CAN_VIEW}", "Admins: CAN_VIEW, Board: CAN_EDIT}")
    assert _changes(tmp_path, text, live) == [
        "P00: sharing.groups[Admins]: None -> CAN_VIEW (rule long)",
        "P00: sharing.groups[Board]: None -> CAN_EDIT (rule long)",
        "P01: sharing.users[bob@acme.com]: None -> CAN_VIEW (rule long)",
        "P01: sharing.groups[Admins]: None -> CAN_VIEW (rule long)",
        "P01: sharing.groups[Board]: CAN_VIEW -> CAN_EDIT (rule long)",
    ]


CHECKS = """\
version: 1
groups:
  - name: Newcomers
rules:
  - name: anonymous-link-off
    match: {all: true}
    enforce: check
    sharing: {mode: authoritative, public_web: NONE}
  - name: board-views
    match: {all: true}
    enforce: check
    sharing: {groups: {Board: CAN_VIEW}}
  - name: board-views-too
    match: {title: "P*"}
    enforce: check
    sharing: {groups: {Board: CAN_VIEW}}
  - name: stale-private
    match: {last_viewed: {older_than: 365d}}
    enforce: warn
    sharing: {mode: authoritative, workspace: NONE, users: {}}
"""


def test_each_check_rule_a_project_violates_is_a_refusal_of_its_own(tmp_path: Path) -> None:
    # Nothing is planned (a plan --target'ed elsewhere): the group the manifests would create
    # is no reason to judge less.
    live = _live(
        LiveProject(
            "p00",
            "P00",
            created_at="2020-01-01T00:00:00Z",
            sharing=LiveSharing(
                workspace="CAN_VIEW", users=FrozenMap({"bob@acme.com": "CAN_VIEW"})
            ),
        )
    )
    desired = _desired(tmp_path, CHECKS)
    refusals = check_violations(desired, live, (), now=NOW)
    hint = (
        "fix those projects (in Hex, or with a projects: entry or an apply rule), or change the"
        " rule; a check rule never changes anything itself"
    )
    assert [(r.code, r.message, r.hint, str(r.mark)) for r in refusals] == [
        (
            "rule_check",
            f"rule '{name}' (enforce: check) is violated 1 time:"
            " 'P00' (sharing.groups[Board] is none, must be CAN_VIEW)",
            hint,
            mark,
        )
        for name, mark in (("board-views", "m.yaml:9:5"), ("board-views-too", "m.yaml:13:5"))
    ]
    assert [(w.message, str(w.mark)) for w in warn_violations(desired, live, (), now=NOW)] == [
        (
            "rule 'stale-private' (enforce: warn) is violated 2 times:"
            " 'P00' (sharing.workspace is CAN_VIEW, must be NONE);"
            " 'P00' (sharing.users[bob@acme.com] is CAN_VIEW, must be none)",
            "m.yaml:17:5",
        )
    ]


@pytest.mark.parametrize(
    ("projects", "more"), [(10, ""), (11, "; and 1 more"), (12, "; and 2 more")]
)
def test_a_check_rule_names_ten_violations_then_counts_the_rest(
    tmp_path: Path, projects: int, more: str
) -> None:
    live = _live(*(_project(n) for n in range(projects)))
    (refusal,) = check_violations(
        _desired(tmp_path, CHECKS.split("  - name: board-views-too", maxsplit=1)[0]),
        live,
        (),
        now=NOW,
    )
    shown = "; ".join(
        f"'P{n:02}' (sharing.groups[Board] is none, must be CAN_VIEW)" for n in range(10)
    )
    assert refusal.message == (
        f"rule 'board-views' (enforce: check) is violated {projects} times: {shown}{more}"
    )


def test_a_rule_matching_more_than_the_policy_allows_is_refused(tmp_path: Path) -> None:
    text = """\
version: 1
policy: {max_rule_matches: 2}
rules:
  - name: wide
    match: {all: true}
    status: Production
"""
    compiled = compile_rules(_desired(tmp_path, text), _live(*map(_project, range(3))), now=NOW)
    assert [(r.code, r.message, r.hint, str(r.mark)) for r in compiled.refusals] == [
        (
            "max_rule_matches",
            "rule 'wide' matches 3 of the 3 live projects, more than policy.max_rule_matches (2)",
            "narrow the rule's match (or add an except); if it is meant to cover that many, say so"
            " on the rule (max_matches: 100%, or a number) or raise policy.max_rule_matches",
            "m.yaml:4:5",
        )
    ]


def test_check_rules_that_contradict_each_other_are_a_conflict(tmp_path: Path) -> None:
    text = CHECKS.replace("{groups: {Board: CAN_VIEW}}", "{mode: authoritative, groups: {}}", 1)
    with pytest.raises(RuleConflictError) as caught:
        check_violations(_desired(tmp_path, text), _live(_project(0)), (), now=NOW)
    assert caught.value.conflicts == (
        "project 'P00' (p00): rule 'board-views' (m.yaml:9:5) is authoritative on"
        " sharing.groups, and rule 'board-views-too' (m.yaml:13:5) also sets it",
    )


def test_a_users_rule_counts_users_and_is_no_project_rule(tmp_path: Path) -> None:
    # amy signed in yesterday; the others never did. A users rule that matches no project is
    # not "matching nothing", and the policy's cap on project matches is not its business.
    live = _live(_project(0), _project(1), _project(2))
    users = dict(live.users)
    users["amy@acme.com"] = replace(users["amy@acme.com"], last_login="2026-05-31T09:00:00Z")
    live = replace(live, users=FrozenMap(users))
    text = """\
version: 1
policy: {max_rule_matches: 2}
rules:
  - name: dormant
    match: {last_login: {older_than: 180d}}
    users: {active: false}
    enforce: check
  - name: ship
    match: {title: P00}
    status: Production
"""
    compiled = compile_rules(_desired(tmp_path, text), live, now=NOW)
    assert [(r.name, r.matched, r.users) for r in compiled.reports] == [
        ("dormant", 8, True),
        ("ship", 1, False),
    ]
    assert compiled.warnings == ()
    assert compiled.refusals == ()


def test_an_entry_by_title_goes_to_the_project_of_that_exact_title_first(tmp_path: Path) -> None:
    # Hex has "Twin" and "Twin " (a trailing space): the entry for Twin is the first's
    live = _live(LiveProject("p0", "Twin"), LiveProject("p1", "Twin "))
    text = """\
version: 1
rules:
  - name: ship
    match: {all: true}
    status: Production
projects:
  - title: Twin
    sharing: {users: {bob@acme.com: CAN_VIEW}}
"""
    assert _changes(tmp_path, text, live) == [
        "Twin: status: None -> Production (rule ship)",
        "Twin: sharing.users[bob@acme.com]: None -> CAN_VIEW",
        "Twin : status: None -> Production (rule ship)",
    ]


def test_the_blast_radius_of_check_and_warn_rules_is_counted_on_the_workspace_as_it_is(
    tmp_path: Path,
) -> None:
    live = _live(
        LiveProject("p00", "P00", created_at="2020-01-01T00:00:00Z"),
        LiveProject("p01", "Q01", created_at="2026-05-01T00:00:00Z"),
    )
    reports = compile_rules(_desired(tmp_path, CHECKS), live, now=NOW).reports
    assert [(r.name, r.matched) for r in reports] == [
        ("anonymous-link-off", 2),
        ("board-views", 2),
        ("board-views-too", 1),
        ("stale-private", 1),  # Q01 was made a month ago: not stale
    ]
