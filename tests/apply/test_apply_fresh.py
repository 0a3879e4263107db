"""check_fresh: a saved plan against a fresh reading of the workspace (pure, no I/O)."""

from __future__ import annotations

from apply_support import ORG_ID, change, f, plan_of

from hexsync.apply.gate import check_fresh
from hexsync.values.desired import FrozenMap
from hexsync.values.kinds import Kind
from hexsync.values.plan import LiveRef, Plan

PID = "0b3f6a51-5b6e-4c43-a4a8-0b1d2b7f3c11"
REVENUE = LiveRef(
    Kind.PROJECT,
    "Revenue overview",
    PID,
    FrozenMap({"status": "Production", "sharing.users": "carol@acme.com=CAN_EDIT"}),
)
ANALYSTS = LiveRef(Kind.GROUP, "Analysts", "g-1", FrozenMap({"name": "Analysts", "members": "a"}))


class Now:
    def __init__(self, *refs: LiveRef) -> None:
        self.refs = {(r.kind, r.id): r for r in refs}

    def ref(self, kind: Kind, ident: str) -> LiveRef | None:
        return self.refs.get((kind, ident))


def _plan(*refs: LiveRef) -> Plan:
    base = plan_of(
        change("project", "update", "Revenue overview", f("status", "Production", None), id=PID),
        change("group", "create", "Partners team"),
    )
    return Plan(base.workspace, base.changes, refs)


def test_an_unchanged_workspace_keeps_the_plan() -> None:
    assert check_fresh(_plan(REVENUE, ANALYSTS), Now(REVENUE, ANALYSTS), org_id=ORG_ID) == []


def test_each_moved_field_is_named_with_its_object() -> None:
    moved = LiveRef(
        Kind.PROJECT,
        "Revenue overview",
        PID,
        FrozenMap({"status": "Deprecated", "sharing.users": "bob@acme.com=CAN_VIEW"}),
    )
    stale = check_fresh(_plan(REVENUE), Now(moved), org_id=ORG_ID)
    assert [s.message for s in stale] == [
        'project "Revenue overview" (0b3f6a51…): sharing.users changed since the plan was made',
        'project "Revenue overview" (0b3f6a51…): status changed since the plan was made',
    ]


def test_an_object_that_is_gone_is_named() -> None:
    stale = check_fresh(_plan(ANALYSTS), Now(), org_id=ORG_ID)
    assert [s.message for s in stale] == ['group "Analysts": no longer exists']


def test_an_object_to_create_that_exists_now_is_stale() -> None:
    stale = check_fresh(
        _plan(), Now(), org_id=ORG_ID, existing={Kind.GROUP: ["Analysts", "Partners team"]}
    )
    assert [s.message for s in stale] == [
        'group "Partners team": exists now, but the plan was to create it'
    ]


def test_another_workspace_is_refused_whatever_else_matches() -> None:
    stale = check_fresh(_plan(REVENUE), Now(REVENUE), org_id="another-org")
    assert len(stale) == 1
    assert "another-org" in stale[0].message
    assert ORG_ID in stale[0].message


def test_every_relied_object_is_checked_after_one_that_is_gone() -> None:
    moved = LiveRef(Kind.PROJECT, "Revenue overview", PID, FrozenMap({"status": "Deprecated"}))
    stale = check_fresh(_plan(ANALYSTS, REVENUE), Now(moved), org_id=ORG_ID)
    assert [(s.ref, s.message) for s in stale] == [
        (ANALYSTS, 'group "Analysts": no longer exists'),
        (
            REVENUE,
            'project "Revenue overview" (0b3f6a51…): sharing.users changed since the plan was made',
        ),
        (REVENUE, 'project "Revenue overview" (0b3f6a51…): status changed since the plan was made'),
    ]
