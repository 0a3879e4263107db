"""Policies judged per effective grant (hexsync.decide.policies), on a workspace built by hand.

The plan cases (tests/cases/policy_*.yaml) run the four policies of docs/policies.md through the
emulator; these tests pin what each grant is, what a policy decides on it (on both CEL engines),
how a plan's violations are told apart (introduced, kept, fixed) and cut to a screenful.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gc
from typing import Any

import pytest

from hexsync.decide.access_engine import AccessEngine, Path
from hexsync.decide.policies import (
    SHOWN,
    Evaluator,
    GrantView,
    check_policies,
    evaluate,
    grant_from_data,
    grants,
    path_text,
)
from hexsync.values.desired import Access, AccessPolicy, FrozenMap, Mark
from hexsync.values.kinds import Kind
from hexsync.values.live import (
    Live,
    LiveCollection,
    LiveCollectionSharing,
    LiveGroup,
    LiveProject,
    LiveSharing,
    LiveUser,
)
from hexsync.values.plan import Action, Change, FieldChange
from hexsync.values.policy_expr import ENGINES, Expression, compile_expression

NOW = dt.datetime(2026, 6, 1, tzinfo=dt.timezone.utc)
ENGINE_NAMES = sorted(ENGINES)


def _users(*rows: tuple[str, str]) -> FrozenMap[str, LiveUser]:
    return FrozenMap(
        (email, LiveUser(f"u-{email}", email, email.split("@")[0].title(), role))
        for email, role in rows
    )


def workspace(**projects: LiveSharing) -> Live:
    """Users of every role, three groups, a Finance collection shared with the Finance group
    and a Wiki collection shared with the workspace; a project per keyword, titled by it."""
    return Live(
        org_id="org",
        users=_users(
            ("alice@acme.com", "ADMIN"),
            ("bob@acme.com", "EDITOR"),
            ("fiona@acme.com", "EDITOR"),
            ("gina@acme.com", "GUEST"),
            ("vera@acme.com", "EXPLORER"),
        ),
        groups=FrozenMap(
            {
                "Analysts": LiveGroup("g1", "Analysts", frozenset({"bob@acme.com"})),
                "Contractors": LiveGroup("g2", "Contractors", frozenset({"gina@acme.com"})),
                "Finance": LiveGroup("g3", "Finance", frozenset({"fiona@acme.com"})),
                "Unread": LiveGroup("g4", "Unread", None),
            }
        ),
        collections=FrozenMap(
            {
                "Finance": LiveCollection(
                    "c1",
                    "Finance",
                    sharing=LiveCollectionSharing(groups=FrozenMap({"Finance": "VIEW"})),
                ),
                "Wiki": LiveCollection(
                    "c2", "Wiki", sharing=LiveCollectionSharing(workspace="MEMBER")
                ),
            }
        ),
        projects=FrozenMap(
            (f"p-{title}", LiveProject(f"p-{title}", title, owner=None, sharing=s))
            for title, s in projects.items()
        ),
    )


def _map(**levels: str) -> FrozenMap[str, str]:
    return FrozenMap({k.replace("_", "@", 1) if "_" in k else k: v for k, v in levels.items()})


def policy(name: str, deny: str, **more: Any) -> AccessPolicy:
    return AccessPolicy(name, deny, mark=Mark("policies.yaml", 3, 5), **more)


def _table(live: Live) -> list[tuple[str, str, str, str, tuple[str, ...]]]:
    return [
        (g.object.title, g.principal.kind, g.principal.key, g.level.value, g.via)
        for g in grants(AccessEngine(live))
    ]


# ----------------------------------------------------------------------------- grants


WIDE = ("workspace", "workspace → collection Wiki")


def test_every_kind_of_grant_with_its_paths() -> None:
    live = workspace(
        Payroll=LiveSharing(
            users=FrozenMap({"gina@acme.com": "CAN_EDIT"}),
            groups=FrozenMap({"Analysts": "CAN_VIEW", "Unread": "APP_ONLY"}),
            collections=FrozenMap({"Finance": "CAN_VIEW", "Wiki": "APP_ONLY"}),
            workspace="CAN_VIEW",
            public_web="APP_ONLY",
        )
    )
    rows = _table(live)
    # a Guest is never reached by the workspace; alice and vera only by it: no grant of their own
    assert rows == [
        # users with a named path: their effective level and every path, wide ones too
        ("Payroll", "user", "gina@acme.com", "CAN_EDIT", ("direct share",)),
        ("Payroll", "user", "bob@acme.com", "CAN_VIEW", ("group Analysts", *WIDE)),
        (
            "Payroll",
            "user",
            "fiona@acme.com",
            "CAN_VIEW",
            ("group Finance → collection Finance", *WIDE),
        ),
        # groups: shared directly or through a collection, members read or not
        ("Payroll", "group", "Analysts", "CAN_VIEW", ("group Analysts",)),
        ("Payroll", "group", "Finance", "CAN_VIEW", ("group Finance → collection Finance",)),
        ("Payroll", "group", "Unread", "APP_ONLY", ("group Unread",)),
        # the workspace once, never per person; the public web
        ("Payroll", "workspace", "workspace", "CAN_VIEW", WIDE),
        ("Payroll", "public", "public web", "APP_ONLY", ("public web",)),
    ]


def test_a_user_reached_only_by_the_workspace_has_no_grant_of_their_own() -> None:
    live = workspace(Notes=LiveSharing(workspace="CAN_EDIT"))
    assert [(k, key) for _, k, key, _, _ in _table(live)] == [("workspace", "workspace")]
    (notes,) = grants(AccessEngine(live))
    # what Hex leaves empty is empty text, never a made-up value
    assert [notes.object.fields[f] for f in ("status", "owner", "creator")] == ["", "", ""]


def test_the_fields_an_expression_sees() -> None:
    live = workspace(Payroll=LiveSharing(groups=FrozenMap({"Analysts": "CAN_EDIT"})))
    live = dataclasses.replace(
        live,
        users=FrozenMap(
            {
                **live.users,
                "bob@acme.com": LiveUser("u", "bob@acme.com", "Bob", "EDITOR", "2026-05-01T10:00Z"),
            }
        ),
        projects=FrozenMap(
            {
                "p1": LiveProject(
                    "p1",
                    "Payroll",
                    owner="alice@acme.com",
                    creator="carl@acme.com",
                    status="Production",
                    sharing=LiveSharing(
                        groups=FrozenMap({"Analysts": "CAN_EDIT"}),
                        collections=FrozenMap({"Wiki": "CAN_VIEW", "Finance": "CAN_VIEW"}),
                    ),
                )
            }
        ),
    )
    bob = next(g for g in grants(AccessEngine(live)) if g.principal.key == "bob@acme.com")
    assert dict(bob.principal.fields) == {
        "kind": "user",
        "email": "bob@acme.com",
        "name": "Bob",
        "role": "EDITOR",
        "groups": ("Analysts",),
        "active": True,
        "last_login": dt.datetime(2026, 5, 1, 10, 0, tzinfo=dt.timezone.utc),
    }
    assert dict(bob.object.fields) == {
        "kind": "project",
        "id": "p1",
        "title": "Payroll",
        "name": "Payroll",
        "status": "Production",
        "collections": ("Finance", "Wiki"),
        "owner": "alice@acme.com",
        "creator": "carl@acme.com",
        "classes": (),
    }
    owner = next(g for g in grants(AccessEngine(live)) if g.principal.key == "alice@acme.com")
    assert (owner.level, owner.via) == (
        Access.FULL_ACCESS,
        ("owner", "workspace → collection Wiki"),
    )
    group = next(g for g in grants(AccessEngine(live)) if g.principal.kind == "group")
    assert group.principal.fields["groups"] == ("Analysts",)
    assert group.principal.fields["email"] == ""


def test_a_last_login_hex_did_not_give_or_cannot_be_read_is_null() -> None:
    live = workspace(P=LiveSharing(users=FrozenMap({"bob@acme.com": "CAN_VIEW"})))
    users = dict(live.users)
    users["bob@acme.com"] = LiveUser("u", "bob@acme.com", None, None, "yesterday")
    live = dataclasses.replace(live, users=FrozenMap(users))
    (bob,) = [g for g in grants(AccessEngine(live)) if g.principal.key == "bob@acme.com"]
    assert bob.principal.fields["last_login"] is None
    assert bob.principal.fields["name"] == ""
    assert bob.principal.fields["role"] == ""
    assert bob.principal.shown == "bob@acme.com"


def test_path_text_for_each_kind_of_path() -> None:
    assert path_text(Path("owner", Access.FULL_ACCESS)) == "owner"
    assert path_text(Path("direct", Access.CAN_VIEW)) == "direct share"
    assert path_text(Path("group", Access.CAN_VIEW, group="A")) == "group A"
    assert path_text(Path("workspace", Access.CAN_VIEW)) == "workspace"
    assert path_text(Path("collection", Access.CAN_VIEW, "A", "F", "group")) == (
        "group A → collection F"
    )
    assert path_text(Path("collection", Access.CAN_VIEW, None, "F", "workspace")) == (
        "workspace → collection F"
    )
    assert path_text(Path("collection", Access.CAN_VIEW, None, "F", "user")) == "collection F"


# ----------------------------------------------------------------------------- deciding


def _grant(**data: Any) -> GrantView:
    return grant_from_data(data)


@pytest.mark.parametrize("engine", ENGINE_NAMES)
def test_deny_except_and_the_message(engine: str) -> None:
    rules = [
        policy(
            "finance",
            '"Finance" in object.collections && !("Finance" in principal.groups)',
            unless='principal.role == "ADMIN"',
            message="{principal.email} reaches {object.title} at {level} ({rank}) via {via}",
        ),
        policy("edits", "rank >= 3", severity="warn"),
    ]
    ev = Evaluator(rules, now=NOW, engine=engine)
    outsider = _grant(
        principal={"email": "bob@acme.com", "role": "EDITOR", "groups": ["Analysts"]},
        object={"title": "Payroll", "collections": ["Finance"]},
        level="CAN_EDIT",
        via=["group Analysts", "workspace"],
    )
    found = list(ev.violations(outsider))
    assert [(v.policy.name, v.error) for v in found] == [("finance", None), ("edits", None)]
    assert found[0].text == (
        "bob@acme.com reaches Payroll at CAN_EDIT (3) via group Analysts, workspace"
    )
    assert found[1].text == ""
    admin = _grant(principal={"role": "ADMIN"}, object={"collections": ["Finance"]})
    member = _grant(principal={"groups": ["Finance"]}, object={"collections": ["Finance"]})
    elsewhere = _grant(principal={"groups": ["Analysts"]}, object={"collections": ["Wiki"]})
    for allowed in (admin, member, elsewhere):
        assert list(ev.violations(allowed)) == []


@pytest.mark.parametrize("engine", ENGINE_NAMES)
def test_a_policy_that_cannot_decide_counts_as_a_violation(engine: str) -> None:
    stale = policy("stale", 'principal.last_login < now - duration("2160h")')
    guarded = policy("guarded", "rank >= 3", unless="principal.last_login > now")
    ev = Evaluator([stale, guarded], now=NOW, engine=engine)
    never = _grant(principal={"email": "new@acme.com"}, level="CAN_EDIT")
    found = {v.policy.name: v for v in ev.violations(never)}
    assert set(found) == {"stale", "guarded"}
    assert found["stale"].error
    assert found["guarded"].error is not None
    assert found["guarded"].error.startswith("except: ")
    line = found["stale"].line("kept by this plan")
    assert line.startswith(
        "policy 'stale': new@acme.com has CAN_EDIT on 'a project' via no path (kept by this plan);"
        " could not be decided ("
    )
    assert line.endswith("), so counted as a violation")
    recent = _grant(principal={"last_login": "2026-05-30"}, level="CAN_EDIT")
    assert [v.policy.name for v in ev.violations(recent)] == ["guarded"]
    away = _grant(principal={"last_login": "2025-01-01"}, level="CAN_VIEW")
    assert [(v.policy.name, v.error) for v in ev.violations(away)] == [("stale", None)]
    soon = _grant(principal={"last_login": "2027-01-01"}, level="CAN_EDIT")
    assert list(ev.violations(soon)) == []


@pytest.mark.parametrize("engine", ENGINE_NAMES)
def test_an_expression_that_gives_no_condition_at_run_time_is_not_decided(engine: str) -> None:
    odd = policy("odd", 'principal.kind == "user" ? rank : true')
    ev = Evaluator([odd], now=NOW, engine=engine)
    (found,) = ev.violations(_grant(level="CAN_EDIT"))
    # the engine's own words for the value: which engine ran it shows
    assert found.error == (
        "it gave 3" if engine == "common-expression-language" else "it gave IntType(3)"
    )
    (team,) = ev.violations(_grant(principal={"kind": "group", "name": "A"}))
    assert team.error is None


def _counting(
    monkeypatch: pytest.MonkeyPatch, reads: set[tuple[str, str | None]], answer: Any
) -> list[dict[str, Any]]:
    """Every policy compiles to an expression reading ``reads`` that records its activations
    and answers ``answer(activation)``."""
    calls: list[dict[str, Any]] = []

    def run(activation: Any) -> Any:
        calls.append(activation)
        return answer(activation)

    def compiled(text: str, engine: str | None = None) -> Expression:
        return Expression(text, frozenset(reads), run)

    monkeypatch.setattr("hexsync.decide.policies.compile_expression", compiled)
    return calls


def test_each_expression_runs_once_per_distinct_input(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _counting(
        monkeypatch,
        {("principal", "role"), ("rank", None)},
        lambda a: a["principal"]["role"] == "GUEST" and a["rank"] >= 3,
    )
    ev = Evaluator([GUESTS], now=NOW)
    people = [
        _grant(principal={"email": f"u{i}@acme.com", "role": role}, level=level)
        for i, (role, level) in enumerate(
            [("GUEST", "CAN_EDIT"), ("GUEST", "CAN_EDIT"), ("EDITOR", "CAN_EDIT")] * 5
            + [("GUEST", "CAN_VIEW"), ("GUEST", "FULL_ACCESS")]
        )
    ]
    assert [len(ev.violations(g)) for g in people] == [1, 1, 0] * 5 + [0, 1]
    # the activation holds what the expression reads, and only that
    assert calls == [
        {"principal": {"role": "GUEST"}, "level": "CAN_EDIT", "rank": 3},
        {"principal": {"role": "EDITOR"}, "level": "CAN_EDIT", "rank": 3},
        {"principal": {"role": "GUEST"}, "level": "CAN_VIEW", "rank": 2},
        {"principal": {"role": "GUEST"}, "level": "FULL_ACCESS", "rank": 4},
    ]


def test_the_paths_are_part_of_the_input_when_read(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _counting(monkeypatch, {("via", None)}, lambda a: "workspace" in a["via"])
    ev = Evaluator([EVERYONE], now=NOW)
    ways = [("workspace",), ("group A",), ("workspace",), ("group A", "workspace"), ()]
    assert [len(ev.violations(_grant(via=list(w)))) for w in ways] == [1, 0, 1, 1, 0]
    assert calls == [
        {"via": ["workspace"]},
        {"via": ["group A"]},
        {"via": ["group A", "workspace"]},
        {"via": []},
    ]


def test_the_object_s_fields_are_part_of_the_input(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = _counting(
        monkeypatch, {("object", "collections")}, lambda a: "F" in a["object"]["collections"]
    )
    ev = Evaluator([EVERYONE], now=NOW)
    homes = [["F"], ["G"], ["F"], ["F", "G"], ["F"]]
    found = [
        len(ev.violations(_grant(object={"collections": c, "title": str(i)})))
        for i, c in enumerate(homes)
    ]
    assert found == [1, 0, 1, 1, 1]
    assert [c["object"]["collections"] for c in calls] == [["F"], ["G"], ["F", "G"]]


def test_the_activation_of_whole_values(monkeypatch: pytest.MonkeyPatch) -> None:
    seen = _counting(
        monkeypatch,
        {("principal", None), ("object", "title"), ("level", None), ("via", None), ("now", None)},
        lambda _: False,
    )
    ev = Evaluator([EVERYONE], now=NOW)
    ev.violations(_grant(principal={"email": "a@b.c", "groups": ["G"]}, via=["group G"]))
    (activation,) = seen
    assert activation["principal"]["groups"] == ["G"]
    assert activation["principal"]["email"] == "a@b.c"
    assert set(activation["principal"]) == {
        "kind",
        "email",
        "name",
        "role",
        "groups",
        "active",
        "last_login",
    }
    assert activation["object"] == {"title": "a project"}
    assert activation["level"] == "CAN_VIEW"
    assert activation["via"] == ["group G"]
    assert activation["now"] == NOW
    # the same grant again, or another principal with the same fields: no new run
    ev.violations(_grant(principal={"email": "a@b.c", "groups": ["G"]}, via=["group G"]))
    assert len(seen) == 1
    ev.violations(_grant(principal={"email": "x@b.c", "groups": ["G"]}, via=["group G"]))
    assert len(seen) == 2


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({"principle": {}}, "a grant has no principle"),
        ({"principal": {"rol": "GUEST"}}, "principal has no rol (its fields: kind, email"),
        ({"object": {"titel": "x"}}, "object has no titel (its fields: kind, id, title"),
        ({"level": "EDIT"}, "no level 'EDIT': one of NONE, APP_ONLY, CAN_VIEW"),
        ({"principal": {"kind": "robot"}}, "principal.kind 'robot': one of user, group"),
    ],
)
def test_a_test_grant_with_a_field_no_grant_has_is_refused(
    data: dict[str, Any], error: str
) -> None:
    with pytest.raises(ValueError, match="^" + error.replace("(", r"\(").replace(".", r"\.")):
        grant_from_data(data)


def test_a_test_grant_fills_what_it_leaves_out() -> None:
    g = grant_from_data({})
    assert (g.principal.kind, g.principal.key, g.level, g.via) == (
        "user",
        "user",
        Access.CAN_VIEW,
        (),
    )
    assert dict(g.object.fields) == {
        "kind": "project",
        "id": "a project",
        "title": "a project",
        "name": "a project",
        "status": "",
        "collections": (),
        "owner": "",
        "creator": "",
        "classes": (),
    }
    named = grant_from_data({"principal": {"kind": "group", "name": "A"}, "object": {"name": "N"}})
    assert (named.principal.key, named.principal.shown, named.object.title) == ("A", "group A", "N")


# ----------------------------------------------------------------------------- the plan

GUESTS = policy("no-guest-edits", 'principal.role == "GUEST" && rank >= 3')
EVERYONE = policy("nothing-editable-by-everyone", 'principal.kind == "workspace" && rank >= 3')


def _change(title: str, path: str, old: str | None, new: str | None, key: str | None = None):
    return Change(
        Kind.PROJECT,
        Action.UPDATE,
        title,
        f"p-{title}",
        (FieldChange(path, old, new, key=key),),
    )


def test_introduced_kept_and_fixed() -> None:
    live = workspace(
        Kept=LiveSharing(users=FrozenMap({"gina@acme.com": "CAN_EDIT"})),
        Fixed=LiveSharing(workspace="CAN_EDIT"),
        New=LiveSharing(),
    )
    changes = [
        _change("Fixed", "sharing.workspace", "CAN_EDIT", "CAN_VIEW"),
        _change("New", "sharing.groups", None, "FULL_ACCESS", key="Contractors"),
    ]
    refusals, warnings = check_policies([GUESTS, EVERYONE], live, changes, now=NOW)
    assert [(r.code, r.message) for r in refusals] == [
        (
            "policy",
            "policy 'no-guest-edits': gina@acme.com (GUEST) has FULL_ACCESS on 'New' via group"
            " Contractors (introduced by this plan)",
        ),
        (
            "policy",
            "policy 'no-guest-edits': gina@acme.com (GUEST) has CAN_EDIT on 'Kept' via direct"
            " share (kept by this plan)",
        ),
    ]
    assert all(r.mark == Mark("policies.yaml", 3, 5) for r in refusals)
    assert refusals[0].hint.startswith("change the manifests (or Hex) so that no path")
    assert [(w.code, w.message) for w in warnings] == [
        (
            "policy_fixed",
            "policy 'nothing-editable-by-everyone': every workspace member has CAN_EDIT on"
            " 'Fixed' via workspace (fixed by this plan)",
        )
    ]


def test_a_warn_policy_warns_and_refuses_nothing() -> None:
    live = workspace(Notes=LiveSharing(workspace="CAN_EDIT"))
    warn = dataclasses.replace(EVERYONE, severity="warn")
    refusals, warnings = check_policies([warn], live, [], now=NOW)
    assert refusals == ()
    assert [(w.code, w.message) for w in warnings] == [
        (
            "policy",
            "policy 'nothing-editable-by-everyone': every workspace member has CAN_EDIT on"
            " 'Notes' via workspace (kept by this plan)",
        )
    ]
    assert check_policies([], live, [], now=NOW) == ((), ())


def test_a_screenful_then_a_count() -> None:
    many = {f"P{i:02d}": LiveSharing(workspace="CAN_EDIT") for i in range(SHOWN + 5)}
    many.update({f"Q{i:02d}": LiveSharing() for i in range(3)})
    live = workspace(**many)
    changes = [_change(f"Q{i:02d}", "sharing.workspace", "NONE", "FULL_ACCESS") for i in range(3)]
    refusals, _ = check_policies([EVERYONE], live, changes, now=NOW)
    assert len(refusals) == SHOWN + 1
    # introduced first, then kept, each by title
    assert [r.message.split("'")[3] for r in refusals[:4]] == ["Q00", "Q01", "Q02", "P00"]
    assert refusals[-1].message == (
        "policy 'nothing-editable-by-everyone': 8 more not listed (28 in all: 3 introduced,"
        " 25 kept)"
    )
    exactly = workspace(**{f"P{i:02d}": LiveSharing(workspace="CAN_EDIT") for i in range(SHOWN)})
    refusals, _ = check_policies([EVERYONE], exactly, [], now=NOW)
    assert len(refusals) == SHOWN
    assert "more not listed" not in refusals[-1].message


def test_policies_are_reported_in_their_order_and_violations_by_object() -> None:
    live = workspace(
        B=LiveSharing(workspace="CAN_EDIT", users=FrozenMap({"gina@acme.com": "CAN_EDIT"})),
        A=LiveSharing(users=FrozenMap({"gina@acme.com": "FULL_ACCESS"})),
    )
    found = evaluate(Evaluator([EVERYONE, GUESTS], now=NOW), live)
    assert [(v.policy.name, v.grant.object.title) for v in found] == [
        ("nothing-editable-by-everyone", "B"),
        ("no-guest-edits", "A"),
        ("no-guest-edits", "B"),
    ]
    assert found[0].key == ("nothing-editable-by-everyone", "workspace", "workspace", "p-B")


def test_compiled_once_per_text() -> None:
    assert compile_expression("rank >= 3") is compile_expression("rank >= 3")


def test_a_group_reached_twice_and_shares_that_give_nothing() -> None:
    live = workspace(
        Payroll=LiveSharing(
            groups=FrozenMap({"Finance": "CAN_EDIT", "Analysts": "NONE"}),
            collections=FrozenMap({"Attic": "CAN_EDIT", "Archive": "NONE", "Finance": "CAN_VIEW"}),
        )
    )
    assert [row for row in _table(live) if row[1] == "group"] == [
        (
            "Payroll",
            "group",
            "Finance",
            "CAN_EDIT",
            ("group Finance", "group Finance → collection Finance"),
        )
    ]
    lower = workspace(
        Payroll=LiveSharing(
            groups=FrozenMap({"Finance": "APP_ONLY"}),
            collections=FrozenMap({"Finance": "CAN_VIEW"}),
        )
    )
    assert [row for row in _table(lower) if row[1] == "group"] == [
        (
            "Payroll",
            "group",
            "Finance",
            "CAN_VIEW",
            ("group Finance → collection Finance", "group Finance"),
        )
    ]


def test_the_public_web_and_whole_values_in_a_message() -> None:
    live = workspace(Launch=LiveSharing(public_web="CAN_VIEW"))
    public = policy(
        "nothing-public",
        'principal.kind == "public"',
        message="{principal} / {object} / {level} {rank} / {via} / {now}",
    )
    refusals, _ = check_policies([public], live, [], now=NOW)
    assert [r.message for r in refusals] == [
        "policy 'nothing-public': the public web has CAN_VIEW on 'Launch' via public web (kept by"
        " this plan): public web / Launch / CAN_VIEW 2 / public web / 2026-06-01T00:00:00+00:00"
    ]


@pytest.mark.parametrize("enabled", [True, False])
def test_evaluate_leaves_the_garbage_collector_as_it_found_it(enabled: bool) -> None:
    live = workspace(Notes=LiveSharing(workspace="CAN_EDIT"))
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        assert len(evaluate(Evaluator([EVERYONE], now=NOW), live)) == 1
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


def test_a_test_grant_names_its_principal_and_object() -> None:
    user = grant_from_data(
        {
            "principal": {"email": "a@b.c", "name": "Ann", "groups": ["G"]},
            "object": {"title": "T", "classes": ["pii"], "id": "p-1"},
            "via": ["group G"],
            "level": "FULL_ACCESS",
        }
    )
    assert (user.principal.key, user.principal.fields["name"]) == ("a@b.c", "Ann")
    assert user.principal.fields["groups"] == ("G",)
    assert (user.object.id, user.object.title, user.object.fields["classes"]) == (
        "p-1",
        "T",
        ("pii",),
    )
    assert (user.level, user.via) == (Access.FULL_ACCESS, ("group G",))
    untitled = grant_from_data({"object": {"collections": ["F"]}})
    assert (untitled.object.id, untitled.object.fields["collections"]) == ("a project", ("F",))
    team = grant_from_data({"principal": {"kind": "workspace"}})
    assert (team.principal.key, team.principal.shown) == ("workspace", "every workspace member")
    seen = grant_from_data({"principal": {"last_login": "2026-05-01T10:00:00Z"}})
    assert seen.principal.fields["last_login"] == dt.datetime(
        2026, 5, 1, 10, tzinfo=dt.timezone.utc
    )
    assert (
        grant_from_data({"principal": {"last_login": None}}).principal.fields["last_login"] is None
    )


@pytest.mark.parametrize("engine", ENGINE_NAMES)
def test_the_engine_asked_for_runs_deny_and_except(engine: str) -> None:
    odd_except = policy("odd-except", "rank >= 1", unless="rank")
    ev = Evaluator([odd_except], now=NOW, engine=engine)
    (found,) = ev.violations(_grant(level="CAN_VIEW"))
    gave = "2" if engine == "common-expression-language" else "IntType(2)"
    assert found.error == f"except: it gave {gave}"
    live = workspace(Notes=LiveSharing(workspace="CAN_EDIT"))
    odd = policy("odd", 'principal.kind == "workspace" ? rank : false')
    refusals, _ = check_policies([odd], live, [], now=NOW, engine=engine)
    gave = "3" if engine == "common-expression-language" else "IntType(3)"
    assert refusals[0].message.endswith(
        f"could not be decided (it gave {gave}), so counted as a violation"
    )


def test_an_except_is_decided_on_each_grant_s_own_object_level_and_paths() -> None:
    ev = Evaluator(
        [
            policy(
                "all-but",
                "rank >= 0",
                unless='object.title == "A" && rank == 2 && "workspace" in via',
            )
        ],
        now=NOW,
    )
    allowed = _grant(object={"title": "A"}, level="CAN_VIEW", via=["workspace"])
    other_object = _grant(object={"title": "B"}, level="CAN_VIEW", via=["workspace"])
    other_level = _grant(object={"title": "A"}, level="CAN_EDIT", via=["workspace"])
    other_path = _grant(object={"title": "A"}, level="CAN_VIEW", via=["group G"])
    same = _grant(object={"title": "A"}, level="CAN_VIEW", via=["workspace"])
    assert [
        len(ev.violations(g)) for g in (allowed, other_object, other_level, other_path, same)
    ] == [
        0,
        1,
        1,
        1,
        0,
    ]


def test_a_policy_set_aside_by_its_except_does_not_hide_the_next() -> None:
    first = policy("first", "rank >= 3", unless='principal.role == "ADMIN"')
    second = policy("second", "rank >= 3")
    ev = Evaluator([first, second], now=NOW)
    found = ev.violations(_grant(principal={"role": "ADMIN"}, level="CAN_EDIT"))
    assert [v.policy.name for v in found] == ["second"]


def test_evaluators_never_share_what_they_learned_of_a_principal() -> None:
    anything = Evaluator([policy("any", "true")], now=NOW)
    guests = Evaluator([GUESTS], now=NOW)
    guest = _grant(principal={"role": "GUEST"}, level="CAN_EDIT")
    editor = _grant(principal={"role": "EDITOR"}, level="CAN_EDIT")
    assert [len(anything.violations(g)) for g in (guest, editor)] == [1, 1]
    assert [len(guests.violations(g)) for g in (guest, editor)] == [1, 0]


def test_one_more_than_a_screenful_is_counted() -> None:
    live = workspace(**{f"P{i:02d}": LiveSharing(workspace="CAN_EDIT") for i in range(SHOWN + 1)})
    refusals, _ = check_policies([EVERYONE], live, [], now=NOW)
    assert len(refusals) == SHOWN + 1
    assert refusals[-1].message == (
        "policy 'nothing-editable-by-everyone': 1 more not listed (21 in all: 21 kept)"
    )


def test_a_message_field_is_the_field_not_the_whole_value() -> None:
    live = workspace(Notes=LiveSharing(users=FrozenMap({"gina@acme.com": "CAN_EDIT"})))
    said = policy(
        "guests",
        'principal.role == "GUEST" && rank >= 3',
        message="{principal.role} {principal.name} on {object.kind} {object.status}",
    )
    refusals, _ = check_policies([said], live, [], now=NOW)
    assert refusals[0].message.endswith(": GUEST Gina on project ")


def test_a_test_grant_s_object_is_a_project_and_its_mistakes_are_all_named() -> None:
    ev = Evaluator([policy("projects", 'object.kind == "project" && rank >= 3')], now=NOW)
    assert [v.error for v in ev.violations(_grant(level="CAN_EDIT"))] == [None]
    with pytest.raises(ValueError, match=r"^a grant has no levels, principle$"):
        grant_from_data({"principle": {}, "levels": "x"})
    with pytest.raises(ValueError, match=r"^principal has no mail, rol \(its fields: kind, "):
        grant_from_data({"principal": {"rol": "x", "mail": "y"}})


def test_a_naive_last_login_is_read_as_utc() -> None:
    seen = grant_from_data({"principal": {"last_login": "2026-05-30T08:00"}})
    assert seen.principal.fields["last_login"] == dt.datetime(
        2026, 5, 30, 8, tzinfo=dt.timezone.utc
    )
    assert seen.principal.fields["last_login"].tzinfo is dt.timezone.utc


def test_fixed_violations_past_a_screenful_are_counted_under_their_policy() -> None:
    many = {f"P{i:02d}": LiveSharing(workspace="CAN_EDIT") for i in range(SHOWN + 2)}
    live = workspace(**many)
    changes = [
        _change(title, "sharing.workspace", "CAN_EDIT", "CAN_VIEW") for title in sorted(many)
    ]
    refusals, warnings = check_policies([EVERYONE], live, changes, now=NOW)
    assert refusals == ()
    assert len(warnings) == SHOWN + 1
    assert {w.code for w in warnings} == {"policy_fixed"}
    assert warnings[-1].message == (
        "policy 'nothing-editable-by-everyone': 2 more not listed (22 in all: 22 fixed)"
    )
