"""The workspace as a plan would leave it: one projection, every reader agreeing on it.

The must-show case: a plan that deletes a group with project grants and members. The check rule
(``enforce: check``), the access engine's as-planned view (``hexsync access --as-planned``),
apply's read-back and its already-applied detection must all judge the same workspace, the one
Hex really leaves (the emulator drops a deleted group's grants, as Hex does).
"""

from __future__ import annotations

import asyncio
import copy
import dataclasses
import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import httpx

from hexsync.apply.execute import apply_plan
from hexsync.apply.verify import already_applied
from hexsync.decide.access_engine import AccessEngine
from hexsync.decide.projection import field_holds, field_value, find, holds, project, same_value
from hexsync.decide.rules_compiler import check_violations
from hexsync.emulator.app import create_app
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import Seed
from hexsync.hexapi import HexClient
from hexsync.manifest import load
from hexsync.ops.access import read_access
from hexsync.planning.planner import read_and_plan
from hexsync.readers.workspace import read_live
from hexsync.values.desired import Access, Desired, FrozenMap, Policy
from hexsync.values.hex_access import NO_ACCESS, level_or_no_access, level_or_none, same_access
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

WORKSPACE_TOKEN = "hxtw_test"


def _seed(base: dict[str, Any]) -> Seed:
    data = copy.deepcopy(base)
    data["users"].append({"email": "dave@acme.com", "name": "Dave", "role": "EDITOR"})
    data["groups"].append({"name": "Contractors", "members": ["bob@acme.com", "dave@acme.com"]})
    revenue, _, notebook = data["projects"]
    revenue["sharing"]["groups"] = {"Analysts": "CAN_VIEW", "Contractors": "CAN_EDIT"}
    notebook["sharing"]["groups"] = {"Finance": "CAN_VIEW", "Contractors": "CAN_VIEW"}
    data["collections"][0]["sharing"] = {"groups": {"Contractors": "VIEW"}}
    return Seed.from_dict(data, source="test_projection")


# Revenue overview must be shared with Analysts and with no other group. Before the plan it is
# not (Contractors has CAN_EDIT); the plan deletes Contractors, which takes that grant away.
DELETES_CONTRACTORS = """\
version: 1
groups:
  - name: Contractors
    ensure: absent
rules:
  - name: revenue-analysts-only
    match: {title: Revenue overview}
    enforce: check
    sharing: {mode: authoritative, groups: {Analysts: CAN_VIEW}}
"""


def test_a_deleted_group_is_gone_for_the_check_rule_the_access_view_and_apply(
    base_seed: dict[str, Any], tmp_path: Path
) -> None:
    app = create_app(_seed(base_seed), EmulatorConfig(rate_limits=None))

    def connect() -> HexClient:
        return HexClient(
            WORKSPACE_TOKEN,
            "https://app.hex.tech",
            transport=httpx.ASGITransport(app),
            pacing=False,
        )

    (tmp_path / "m.yaml").write_text(DELETES_CONTRACTORS, encoding="utf-8")
    desired = load([tmp_path / "m.yaml"], relative_to=tmp_path)

    async def run() -> None:
        async with connect() as client:
            plan, live = await read_and_plan(client, desired, allow_destroy=True)
            as_planned = await read_access(client, desired)
        # The plan is the deletion, and the check rule judges the workspace without the group:
        # Revenue overview is left shared with Analysts alone, so nothing is refused.
        assert [(c.kind, c.action, c.name) for c in plan.changes] == [
            (Kind.GROUP, Action.DELETE, "Contractors")
        ]
        assert [r.message for r in plan.refusals] == []
        # The access view as planned: no grant to Contractors anywhere, and dave, who reached
        # Revenue overview (CAN_EDIT) and Bob's notebook only through Contractors, keeps only
        # what every workspace member has.
        after = as_planned.engine
        revenue = next(p for p in after.projects.values() if p.title == "Revenue overview")
        assert dict(after.live.projects[revenue.id].sharing.groups) == {"Analysts": "CAN_VIEW"}
        assert "Contractors" not in after.live.groups
        titles = {pid: p.title for pid, p in after.projects.items()}
        assert [(titles[g.project_id], g.explain) for g in after.of_user("dave@acme.com")] == [
            ("Revenue overview", "via workspace (APP_ONLY)")
        ]
        assert dict(after.live.collections["Finance"].sharing.groups) == {}

        async with connect() as client:
            report = await apply_plan(client, plan, live=live)
            assert report.ok, report.unconverged
            fresh = await read_live(client, Desired(policy=Policy(prune_groups=True)))
        # What Hex leaves is what was planned: the plan holds, and everyone's access on the real
        # workspace is what the as-planned view said.
        assert already_applied(plan, fresh)
        real = AccessEngine(fresh)
        for pid in after.projects:
            assert real.people(pid) == after.people(pid)
        assert {p.title: dict(p.sharing.groups) for p in fresh.projects.values()} == {
            p.title: dict(p.sharing.groups) for p in after.live.projects.values()
        }

    asyncio.run(run())


# ---------------------------------------------------------------------------------------------
# The projection per kind of change, each read the way a user meets it: the access engine's
# as-planned answer, a check rule's verdict, and apply's "already applied" on the result.

NOW = dt.datetime(2026, 6, 1, tzinfo=dt.timezone.utc)
REVENUE, PAYROLL = "p-revenue", "p-payroll"


def _live() -> Live:
    """alice (the token's user, ADMIN) owns both projects. Analysts (alice, bob) can view
    Revenue, directly and through the Finance collection; Contractors (carol) can view Payroll,
    where carol also has CAN_EDIT herself."""
    users = {
        e: LiveUser(f"u-{e[:3]}", e, role="ADMIN" if e.startswith("alice") else "EDITOR")
        for e in ("alice@acme.com", "bob@acme.com", "carol@acme.com", "dave@acme.com")
    }
    groups = {
        "Analysts": LiveGroup(
            "g-analysts", "Analysts", frozenset({"alice@acme.com", "bob@acme.com"})
        ),
        "Contractors": LiveGroup("g-contractors", "Contractors", frozenset({"carol@acme.com"})),
    }
    finance = LiveCollection(
        "c-finance",
        "Finance",
        sharing=LiveCollectionSharing(groups=FrozenMap({"Analysts": "VIEW"})),
    )
    projects = {
        REVENUE: LiveProject(
            REVENUE,
            "Revenue",
            owner="alice@acme.com",
            status="In development",
            created_at="2024-01-01T00:00:00Z",
            sharing=LiveSharing(
                groups=FrozenMap({"Analysts": "CAN_VIEW"}),
                collections=FrozenMap({"Finance": "CAN_VIEW"}),
            ),
        ),
        PAYROLL: LiveProject(
            PAYROLL,
            "Payroll",
            owner="alice@acme.com",
            created_at="2024-01-01T00:00:00Z",
            sharing=LiveSharing(
                users=FrozenMap({"carol@acme.com": "CAN_EDIT"}),
                groups=FrozenMap({"Contractors": "CAN_VIEW"}),
            ),
        ),
    }
    return Live(
        "org",
        me_email="alice@acme.com",
        me_role="ADMIN",
        users=FrozenMap(users),
        groups=FrozenMap(groups),
        collections=FrozenMap({"Finance": finance}),
        projects=FrozenMap(projects),
    )


def _change(
    kind: Kind, action: Action, name: str, ident: str | None, *fields: FieldChange
) -> Change:
    return Change(kind, action, name, ident, tuple(fields))


def _after(live: Live, *changes: Change) -> AccessEngine:
    """The access engine over the projection; the projection already holds every change, as
    apply's already-applied detection reads it (the two cannot disagree)."""
    after = project(live, changes, now=NOW)
    assert [c.address for c in changes if not holds(c, after)] == []
    assert not any(holds(c, live) for c in changes), "each change must change something"
    return AccessEngine(after)


def _explain(engine: AccessEngine, email: str) -> dict[str, str]:
    """``email``'s access as ``hexsync access user`` lists it: project title → paths."""
    titles = {pid: p.title for pid, p in engine.projects.items()}
    return {titles[g.project_id]: g.explain for g in engine.of_user(email)}


def _check(rules: str, live: Live, changes: Sequence[Change], tmp_path: Path) -> list[str]:
    """The messages of the check rules' refusals, the rules given as manifest YAML."""
    (tmp_path / "rules.yaml").write_text("version: 1\nrules:\n" + rules, encoding="utf-8")
    desired = load([tmp_path / "rules.yaml"], relative_to=tmp_path)
    return [r.message for r in check_violations(desired, live, changes, now=NOW)]


def test_a_created_group_reaches_its_members_through_the_projects_shared_with_it() -> None:
    live = _live()
    engine = _after(
        live,
        _change(
            Kind.GROUP,
            Action.CREATE,
            "Auditors",
            None,
            FieldChange("members", None, "member", key="Dave@acme.com"),
        ),
        _change(
            Kind.PROJECT,
            Action.UPDATE,
            "Payroll",
            PAYROLL,
            FieldChange("sharing.groups", None, "CAN_VIEW", key="Auditors"),
        ),
    )
    assert _explain(engine, "dave@acme.com") == {"Payroll": "via group Auditors (CAN_VIEW)"}


def test_a_renamed_group_keeps_its_grants_under_the_new_name(tmp_path: Path) -> None:
    live = _live()
    rename = _change(
        Kind.GROUP, Action.UPDATE, "Data", "g-analysts", FieldChange("name", "Analysts", "Data")
    )
    engine = _after(live, rename)
    assert _explain(engine, "bob@acme.com") == {
        "Revenue": "via group Data (CAN_VIEW), via collection Finance via group Data (CAN_VIEW)"
    }
    # A check rule that wants Revenue shared with Data and no other group holds once the plan
    # renames Analysts to Data (the grant is the same one), and not before.
    rule = """\
  - name: revenue-for-data
    match: {title: Revenue}
    enforce: check
    sharing: {mode: authoritative, groups: {Data: CAN_VIEW}}
"""
    assert _check(rule, live, [rename], tmp_path) == []
    assert len(_check(rule, live, [], tmp_path)) == 1


def test_a_deleted_group_takes_its_grants_from_projects_and_collections(tmp_path: Path) -> None:
    live = _live()
    delete = _change(Kind.GROUP, Action.DELETE, "Analysts", "g-analysts")
    engine = _after(live, delete)
    assert _explain(engine, "bob@acme.com") == {}
    assert dict(engine.live.collections["Finance"].sharing.groups) == {}
    # A check rule that Revenue is shared with no group holds after the deletion, not before.
    rule = """\
  - name: revenue-unshared
    match: {title: Revenue}
    enforce: check
    sharing: {mode: authoritative, groups: {}}
"""
    assert _check(rule, live, [delete], tmp_path) == []
    assert len(_check(rule, live, [], tmp_path)) == 1


def test_membership_added_and_removed_moves_access_with_it() -> None:
    live = _live()
    engine = _after(
        live,
        _change(
            Kind.GROUP,
            Action.UPDATE,
            "Analysts",
            "g-analysts",
            FieldChange("members", None, "member", key="carol@acme.com"),
            FieldChange("members", "member", None, key="bob@acme.com"),
        ),
    )
    assert _explain(engine, "bob@acme.com") == {}
    assert _explain(engine, "carol@acme.com") == {
        "Payroll": "via direct share (CAN_EDIT), via group Contractors (CAN_VIEW)",
        "Revenue": "via group Analysts (CAN_VIEW), via collection Finance via group Analysts"
        " (CAN_VIEW)",
    }


def test_a_created_collection_reaches_whom_it_is_shared_with() -> None:
    live = _live()
    engine = _after(
        live,
        _change(
            Kind.COLLECTION,
            Action.CREATE,
            "Ops",
            None,
            FieldChange("description", None, "Operations"),
            FieldChange("sharing.users", None, "VIEW", key="Dave@acme.com"),
        ),
        _change(
            Kind.PROJECT,
            Action.UPDATE,
            "Payroll",
            PAYROLL,
            FieldChange("sharing.collections", None, "APP_ONLY", key="Ops"),
        ),
    )
    assert _explain(engine, "dave@acme.com") == {"Payroll": "via collection Ops (APP_ONLY)"}


def test_a_renamed_collection_is_what_rules_match_on(tmp_path: Path) -> None:
    live = _live()
    rename = _change(
        Kind.COLLECTION,
        Action.UPDATE,
        "Money",
        "c-finance",
        FieldChange("name", "Finance", "Money"),
    )
    engine = _after(live, rename)
    assert dict(engine.live.projects[REVENUE].sharing.collections) == {"Money": "CAN_VIEW"}
    # A check rule over the projects in Money judges Revenue once Finance is renamed Money.
    rule = """\
  - name: money-is-app-only-for-the-workspace
    match: {collection: Money}
    enforce: check
    sharing: {workspace: APP_ONLY}
"""
    assert _check(rule, live, [], tmp_path) == []
    assert _check(rule, live, [rename], tmp_path) == [
        "rule 'money-is-app-only-for-the-workspace' (enforce: check) is violated 1 time:"
        " 'Revenue' (sharing.workspace is NONE, must be APP_ONLY)"
    ]


def test_collection_sharing_with_the_workspace_reaches_every_member() -> None:
    live = _live()
    engine = _after(
        live,
        _change(
            Kind.COLLECTION,
            Action.UPDATE,
            "Finance",
            "c-finance",
            FieldChange("sharing.workspace", None, "VIEW"),
            FieldChange("sharing.groups", "VIEW", None, key="Analysts"),
        ),
    )
    assert _explain(engine, "dave@acme.com") == {
        "Revenue": "via collection Finance via workspace (CAN_VIEW)"
    }
    assert _explain(engine, "bob@acme.com") == {
        "Revenue": "via group Analysts (CAN_VIEW), via collection Finance via workspace (CAN_VIEW)"
    }


def test_a_created_project_is_the_token_users_and_new_for_time_rules(tmp_path: Path) -> None:
    live = _live()
    create = _change(
        Kind.PROJECT,
        Action.CREATE,
        "Fresh",
        None,
        FieldChange("status", None, "Exploratory"),
        FieldChange("sharing.workspace", None, "CAN_VIEW"),
        FieldChange("sharing.users", None, "CAN_EDIT", key="bob@acme.com"),
    )
    engine = _after(live, create)
    assert (
        _explain(engine, "alice@acme.com")["Fresh"] == "as owner (FULL_ACCESS), via workspace"
        " (CAN_VIEW)"
    )
    assert _explain(engine, "dave@acme.com") == {"Fresh": "via workspace (CAN_VIEW)"}
    # Stale projects must not be open to the workspace: the new project is not stale, and a
    # rule on every project sees it (it is public to no one, but open to the workspace).
    stale = """\
  - name: stale-closed
    match: {last_viewed: {older_than: 365d}}
    enforce: check
    sharing: {mode: authoritative, workspace: NONE}
"""
    assert _check(stale, live, [create], tmp_path) == []
    closed = """\
  - name: all-closed
    match: {all: true}
    enforce: check
    sharing: {mode: authoritative, workspace: NONE}
"""
    assert _check(closed, live, [create], tmp_path) == [
        "rule 'all-closed' (enforce: check) is violated 1 time: 'Fresh' (sharing.workspace is"
        " CAN_VIEW, must be NONE)"
    ]
    # The token's user made it: a rule on what alice creates sees it
    mine = closed.replace("all-closed", "alice-closed").replace(
        "{all: true}", "{creator: alice@acme.com}"
    )
    assert _check(mine, live, [create], tmp_path) == [
        "rule 'alice-closed' (enforce: check) is violated 1 time: 'Fresh' (sharing.workspace is"
        " CAN_VIEW, must be NONE)"
    ]


def test_status_and_sharing_of_a_project_are_what_the_check_rule_judges(tmp_path: Path) -> None:
    live = _live()
    update = _change(
        Kind.PROJECT,
        Action.UPDATE,
        "Payroll",
        PAYROLL,
        FieldChange("status", None, "Production"),
        FieldChange("sharing.public_web", "NONE", "APP_ONLY"),
        FieldChange("sharing.users", "CAN_EDIT", None, key="carol@acme.com"),
    )
    engine = _after(live, update)
    assert engine.project(PAYROLL).public_web is Access.APP_ONLY
    assert _explain(engine, "carol@acme.com") == {"Payroll": "via group Contractors (CAN_VIEW)"}
    rule = """\
  - name: production-is-not-public
    match: {status: Production}
    enforce: check
    sharing: {mode: authoritative, public_web: NONE}
"""
    assert _check(rule, live, [update], tmp_path) == [
        "rule 'production-is-not-public' (enforce: check) is violated 1 time: 'Payroll'"
        " (sharing.public_web is APP_ONLY, must be NONE)"
    ]


def test_a_deactivated_user_has_no_access_and_leaves_their_groups() -> None:
    live = _live()
    engine = _after(live, _change(Kind.USER, Action.DEACTIVATE, "Bob@acme.com", "u-bob"))
    assert "bob@acme.com" not in engine.users
    assert engine.live.groups["Analysts"].members == frozenset({"alice@acme.com"})
    assert [g.email for g in engine.people(REVENUE)] == ["alice@acme.com"]


# ---------------------------------------------------------------------------------------------
# No access, one spelling


def test_absent_and_none_are_the_same_access_and_nothing_else_is() -> None:
    assert same_access(None, NO_ACCESS)
    assert same_access("", None)
    assert not same_access("APP_ONLY", None)
    assert level_or_none(NO_ACCESS) is None
    assert level_or_none("CAN_VIEW") == "CAN_VIEW"
    assert level_or_no_access(None) == NO_ACCESS == "NONE"
    # Only for access: a status or a name that is "NONE" is a value like any other.
    assert same_value("sharing.workspace", "NONE", None)
    assert not same_value("status", "NONE", None)
    assert same_value("description", "", None)


def test_a_plan_that_writes_none_holds_on_a_workspace_that_reads_absent() -> None:
    """A project's removed level is written NONE, a collection's is None; Hex reads both back
    as nobody granted. Both hold (``apply plan.json`` a second time says: already applied)."""
    live = _live()
    closed = _change(
        Kind.PROJECT,
        Action.UPDATE,
        "Revenue",
        REVENUE,
        FieldChange("sharing.workspace", "CAN_VIEW", "NONE"),
        FieldChange("sharing.groups", "CAN_VIEW", "NONE", key="Contractors"),
    )
    unshared = _change(
        Kind.COLLECTION,
        Action.UPDATE,
        "Finance",
        "c-finance",
        FieldChange("sharing.workspace", "VIEW", None),
    )
    assert holds(closed, live)
    assert holds(unshared, live)
    revenue = live.projects[REVENUE]
    assert field_value(revenue, closed.fields[0]) == "NONE"
    assert field_value(revenue, closed.fields[1]) is None


def test_membership_that_was_not_read_never_holds() -> None:
    live = _live()
    unread = dataclasses.replace(live.groups["Analysts"], members=None)
    removal = FieldChange("members", "member", None, key="bob@acme.com")
    assert not field_holds(unread, removal)
    assert field_holds(
        live.groups["Analysts"], FieldChange("members", None, "member", key="BOB@acme.com")
    )


def test_a_create_holds_only_where_one_object_has_its_name() -> None:
    live = _live()
    twin = dataclasses.replace(live.projects[PAYROLL], id="p-twin")
    both = dataclasses.replace(live, projects=FrozenMap({**live.projects, "p-twin": twin}))
    create = _change(Kind.PROJECT, Action.CREATE, "Payroll", None)
    assert find(live, create) == live.projects[PAYROLL]
    assert holds(create, live)
    assert find(both, create) is None
    assert not holds(create, both)


def test_a_plan_hex_already_carried_out_in_part_projects_to_the_same_workspace() -> None:
    """``access --as-planned plan.json`` reads the workspace now: some of a saved plan may have
    happened in Hex since (a share removed, a user deactivated, a group deleted, a group and a
    collection renamed). The projection is still the workspace the plan leaves, and the renamed
    group keeps its members, the renamed collection its sharing."""
    live = _live()
    users = {e: u for e, u in live.users.items() if e != "dave@acme.com"}
    groups = {
        "Data": dataclasses.replace(live.groups["Analysts"], name="Data"),
    }
    finance = live.collections["Finance"]
    ledger = dataclasses.replace(
        finance, name="Ledger", sharing=LiveCollectionSharing(groups=FrozenMap({"Data": "VIEW"}))
    )
    revenue = live.projects[REVENUE]
    revenue = dataclasses.replace(
        revenue,
        sharing=LiveSharing(
            groups=FrozenMap({"Data": "CAN_VIEW"}), collections=FrozenMap({"Ledger": "CAN_VIEW"})
        ),
    )
    payroll = dataclasses.replace(live.projects[PAYROLL], sharing=LiveSharing())
    now = dataclasses.replace(
        live,
        users=FrozenMap(users),
        groups=FrozenMap(groups),
        collections=FrozenMap({"Ledger": ledger}),
        projects=FrozenMap({REVENUE: revenue, PAYROLL: payroll}),
    )
    plan = [
        _change(Kind.USER, Action.DEACTIVATE, "Dave@acme.com", "u-dav"),
        _change(Kind.GROUP, Action.DELETE, "Contractors", "g-contractors"),
        _change(
            Kind.GROUP, Action.UPDATE, "Data", "g-analysts", FieldChange("name", "Analysts", "Data")
        ),
        _change(
            Kind.COLLECTION,
            Action.UPDATE,
            "Ledger",
            "c-finance",
            FieldChange("name", "Finance", "Ledger"),
        ),
        _change(
            Kind.PROJECT,
            Action.UPDATE,
            "Payroll",
            PAYROLL,
            FieldChange("sharing.users", "CAN_EDIT", None, key="carol@acme.com"),
        ),
    ]
    after = project(now, plan, now=NOW)
    assert after == now
    assert [c.address for c in plan if not holds(c, after)] == []
    assert _explain(AccessEngine(after), "bob@acme.com") == {
        "Revenue": "via group Data (CAN_VIEW), via collection Ledger via group Data (CAN_VIEW)"
    }


def test_what_a_change_is_about_is_found_by_id_not_by_a_name_taken_again() -> None:
    # In Hex since the plan was made: Contractors deleted and made again (another id), Finance
    # deleted and another collection named Finance made. The plan's deletion holds; its change
    # to the old Finance's description is about an object that is gone, whatever the new one
    # holds.
    live = _live()
    contractors = dataclasses.replace(live.groups["Contractors"], id="g-contractors-2")
    finance = dataclasses.replace(
        live.collections["Finance"], id="c-finance-2", description="Money"
    )
    now = dataclasses.replace(
        live,
        groups=FrozenMap({**live.groups, "Contractors": contractors}),
        collections=FrozenMap({"Finance": finance}),
    )
    delete = _change(Kind.GROUP, Action.DELETE, "Contractors", "g-contractors")
    describe = _change(
        Kind.COLLECTION,
        Action.UPDATE,
        "Finance",
        "c-finance",
        FieldChange("description", None, "Money"),
    )
    assert holds(delete, now)
    assert find(now, describe) is None
    assert not holds(describe, now)
