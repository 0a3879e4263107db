"""The plan as a value: what counts as destructive or widening, its cost, and its saved form."""

from __future__ import annotations

import json

import pytest

from hexsync.values.desired import FrozenMap, Mark, Policy
from hexsync.values.kinds import Kind
from hexsync.values.plan import (
    Action,
    Change,
    FieldChange,
    LiveRef,
    Plan,
    PlanFileError,
    WorkspaceInfo,
    order_changes,
)

WS = WorkspaceInfo(api_url="http://127.0.0.1:9", org_id="5a8591dd-4039-49df-9202-96385ba3eff8")


def _member(email: str, *, add: bool) -> FieldChange:
    return FieldChange("members", None if add else "member", "member" if add else None, key=email)


def _rich_plan() -> Plan:
    changes = [
        Change(Kind.GROUP, Action.DELETE, "Legacy contractors", id="g-legacy", note="2 members"),
        Change(
            Kind.PROJECT,
            Action.UPDATE,
            "Revenue overview",
            id="p-1",
            fields=(
                FieldChange("status", "In development", "Production"),
                FieldChange("sharing.workspace", "NONE", "APP_ONLY"),
                FieldChange("sharing.users", "CAN_EDIT", None, key="erin@acme.com"),
            ),
            mark=Mark("acme/projects.yaml", 3, 5),
        ),
        Change(
            Kind.GROUP,
            Action.UPDATE,
            "Analysts",
            id="g-analysts",
            fields=(
                _member("carol@acme.com", add=True),
                _member("dave@acme.com", add=False),
            ),
        ),
        Change(
            Kind.COLLECTION,
            Action.CREATE,
            "Partners",
            fields=(FieldChange("description", None, "Partner-facing apps"),),
        ),
        Change(Kind.USER, Action.DEACTIVATE, "mallory@acme.com", id="u-m"),
    ]
    ref = LiveRef(Kind.GROUP, "Analysts", "g-analysts", FrozenMap({"members": "dave@acme.com"}))
    return Plan(workspace=WS, changes=order_changes(changes), relied=(ref,))


def test_order_puts_creations_first_and_group_deletion_after_sharing() -> None:
    plan = _rich_plan()
    order = [(c.kind.value, c.action.value) for c in plan.changes]
    assert order == [
        ("collection", "create"),
        ("group", "update"),
        ("project", "update"),
        ("group", "delete"),
        ("user", "deactivate"),
    ]


def test_destructive_changes_are_counted_the_way_max_destroy_reads_them() -> None:
    plan = _rich_plan()
    # group delete + deactivation + one member removal + one access removal
    assert plan.destructive_count == 4
    lowered = FieldChange("sharing.groups", "CAN_EDIT", "CAN_VIEW", key="Analysts")
    raised = FieldChange("sharing.groups", "CAN_VIEW", "CAN_EDIT", key="Analysts")
    assert lowered.destructive
    assert not raised.destructive


def test_a_status_change_away_from_a_protected_status_is_destructive_and_saved_so() -> None:
    away = FieldChange("status", "Production", "Deprecated", rule="stale", protected_status=True)
    other = FieldChange("status", "In development", "Deprecated", rule="stale")
    removed = FieldChange("status", "Production", None, protected_status=True)
    assert away.destructive
    assert removed.destructive
    assert not other.destructive
    assert not away.widens
    change = Change(Kind.PROJECT, Action.UPDATE, "Board pack", "p1", (away,))
    assert change.destructive_count == 1
    assert away.data["protected_status"] is True
    assert "protected_status" not in other.data
    assert FieldChange.from_data(away.data) == away
    assert FieldChange.from_data(other.data) == other
    # The flag is part of the value: a saved plan with it dropped is another plan.
    assert FieldChange.from_data({**away.data, "protected_status": False}) != away
    plan = Plan(workspace=WS, changes=(change,))
    assert Plan.loads(plan.dumps()) == plan
    assert json.loads(plan.dumps())["summary"]["destructive"] == 1


@pytest.mark.parametrize(
    ("protected", "status", "expected"),
    [
        (None, "Production", True),
        (None, "Endorsed", True),
        (None, "Endorsed by Finance", True),
        (None, "Not endorsed", True),  # the name says endorse: erring on the safe side
        (None, "production", False),  # statuses are exact names
        (None, "In development", False),
        (None, None, False),
        (frozenset(), "Production", False),
        (frozenset({"Deprecated"}), "Deprecated", True),
        (frozenset({"Deprecated"}), "Production", False),
        (frozenset({"Deprecated"}), "Endorsed", False),
    ],
)
def test_which_statuses_a_policy_protects(
    protected: frozenset[str] | None, status: str | None, expected: bool
) -> None:
    assert Policy(protected_statuses=protected).protects_status(status) is expected


def test_widening_is_flagged_for_workspace_public_web_and_full_access() -> None:
    assert FieldChange("sharing.workspace", "NONE", "APP_ONLY").widens
    assert FieldChange("sharing.public_web", None, "CAN_VIEW").widens
    assert FieldChange("sharing.users", "CAN_EDIT", "FULL_ACCESS", key="a@x.io").widens
    assert not FieldChange("sharing.users", None, "CAN_EDIT", key="a@x.io").widens
    assert not FieldChange("sharing.workspace", "CAN_VIEW", "APP_ONLY").widens


def test_request_count_follows_the_batch_limits() -> None:
    users = tuple(
        FieldChange("sharing.users", None, "CAN_VIEW", key=f"u{i}@acme.com") for i in range(26)
    )
    project = Change(
        Kind.PROJECT,
        Action.UPDATE,
        "Big",
        id="p",
        fields=(
            *users,
            FieldChange("sharing.workspace", "NONE", "APP_ONLY"),
            FieldChange("sharing.public_web", "NONE", "NONE"),
        ),
    )
    assert project.requests == 2 + 1  # 26 users in two upserts, workspace+public web in one
    members = tuple(_member(f"m{i}@acme.com", add=True) for i in range(250))
    assert Change(Kind.GROUP, Action.CREATE, "G", fields=members).requests == 3
    assert Change(Kind.GROUP, Action.UPDATE, "G", id="g", fields=members).requests == 3
    assert _rich_plan().requests == 1 + 1 + 3 + 1 + 1


def test_saved_plan_round_trips_to_an_equal_value() -> None:
    plan = _rich_plan()
    again = Plan.loads(plan.dumps())
    assert again == plan
    assert again.changes[2].mark == Mark("acme/projects.yaml", 3, 5)
    assert again.dumps() == plan.dumps()


def test_an_edited_saved_plan_is_refused() -> None:
    data = json.loads(_rich_plan().dumps())
    data["changes"][0]["name"] = "Someone else's collection"
    with pytest.raises(PlanFileError, match="checksum mismatch"):
        Plan.from_data(data, source="plan.json")


def test_a_plan_of_another_format_version_is_refused() -> None:
    data = json.loads(_rich_plan().dumps())
    data["format_version"] = 99
    with pytest.raises(PlanFileError, match="format_version 99"):
        Plan.from_data(data, source="plan.json")


def test_live_ref_names_the_fields_that_moved() -> None:
    ref = LiveRef(Kind.PROJECT, "Revenue", "p", FrozenMap({"status": "Production", "title": "R"}))
    assert ref.moved({"status": "Deprecated", "title": "R"}) == ["status"]
    assert ref.moved(dict(ref.fields)) == []
