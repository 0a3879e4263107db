"""Collection levels: their order (hexrules), what a plan marks destructive or widening with
them, and the guardrails that protect principals and a collection's creator."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from hexsync.decide.guardrails import check_guardrails
from hexsync.render import render_json
from hexsync.values.desired import Desired, Policy
from hexsync.values.hex_access import collection_lowers, collection_rank, collection_widens
from hexsync.values.kinds import Kind
from hexsync.values.plan import Action, Change, FieldChange, Plan, WorkspaceInfo

ORG = "5a8591dd-4039-49df-9202-96385ba3eff8"


def coll(*fields: FieldChange, ident: str = "c1") -> Change:
    return Change(Kind.COLLECTION, Action.UPDATE, "Finance", ident, fields)


@pytest.mark.parametrize(
    ("old", "new", "lowers", "widens"),
    [
        (None, "VIEW", False, False),  # a grant
        ("VIEW", "MANAGE", False, True),  # raised to the top: high risk
        ("MANAGE", "VIEW", True, False),
        ("VIEW", None, True, False),  # removed
        ("MEMBER", "VIEW", False, False),  # the same rank
        ("VIEW", "Curator", True, True),  # unknown order: both, to be safe
        ("Curator", "VIEW", True, False),
        ("Curator", "Curator", False, False),
    ],
)
def test_the_order_of_collection_levels(
    old: str | None, new: str | None, lowers: bool, widens: bool
) -> None:
    assert collection_lowers(old, new) is lowers
    assert collection_widens(old, new, workspace=False) is widens
    field = coll(FieldChange("sharing.users", old, new, "bob@acme.com")).fields[0]
    assert field.destructive is lowers
    assert field.widens is widens


def test_ranks() -> None:
    assert collection_rank(None) == collection_rank("NONE") == 0
    assert collection_rank("MEMBER") == collection_rank("VIEW") == 1
    assert collection_rank("MANAGE") == 2
    assert collection_rank("Curator") is None


def test_the_workspace_members_level_raised_widens() -> None:
    [field] = coll(FieldChange("sharing.workspace", None, "MEMBER")).fields
    assert field.widens
    assert not coll(FieldChange("sharing.workspace", "MEMBER", None)).widens


@pytest.mark.parametrize(
    ("old", "new", "widens"),
    [
        (None, "VIEW", True),  # a grant to the workspace members
        ("VIEW", "MANAGE", True),
        ("MEMBER", "VIEW", False),  # the same rank: no wider than before
        ("VIEW", "MEMBER", False),
        ("MANAGE", "VIEW", False),  # lowered
        ("Curator", "VIEW", False),  # from an unknown order to a known one: counted as lowering
        ("VIEW", "Curator", True),  # to an unknown order: high risk, to be safe
    ],
)
def test_the_workspace_members_level_widens_only_when_raised(
    old: str | None, new: str | None, widens: bool
) -> None:
    assert collection_widens(old, new, workspace=True) is widens
    [field] = coll(FieldChange("sharing.workspace", old, new)).fields
    assert field.widens is widens


def test_a_project_field_keeps_the_project_order() -> None:
    """The same path on a project ranks project levels: VIEW is not one, so it ranks highest."""
    project = Change(
        Kind.PROJECT,
        Action.UPDATE,
        "P",
        "p1",
        (FieldChange("sharing.users", "CAN_EDIT", "CAN_VIEW", "b@x.io"),),
    )
    assert project.fields[0].destructive
    assert not project.fields[0].collection
    assert coll(FieldChange("sharing.users", "CAN_EDIT", "CAN_VIEW", "b@x.io")).fields[0].collection


def test_a_saved_plan_reads_collection_fields_back_with_their_order() -> None:
    change = coll(FieldChange("sharing.groups", "MANAGE", "VIEW", "Admins"))
    saved = Plan(WorkspaceInfo("http://x", ORG), (change,)).dumps()
    again = Plan.loads(saved)
    assert again.changes[0].fields[0].collection
    assert again.destructive_count == 1


def refusals(
    change: Change, policy: Policy | None = None, creators: dict[str, str | None] | None = None
) -> list[str]:
    found = check_guardrails(
        [change],
        Desired(policy=policy or Policy()),
        org_id=ORG,
        full_visibility=True,
        creators=creators,
    )
    return [r.message for r in found]


def test_protected_principals_never_lose_collection_access() -> None:
    policy = Policy(protect_users=frozenset({"it@acme.com"}), protect_groups=frozenset({"Admins"}))
    change = coll(
        FieldChange("sharing.users", "VIEW", None, "it@acme.com"),
        FieldChange("sharing.groups", "MANAGE", "VIEW", "Admins"),
        FieldChange("sharing.users", "VIEW", None, "bob@acme.com"),
        FieldChange("sharing.groups", "VIEW", "MANAGE", "Admins"),  # a raise is fine
    )
    assert refusals(change, policy) == [
        "collection:Finance: lowers protected user it@acme.com's access on collection 'Finance'",
        "collection:Finance: lowers protected group 'Admins's access on collection 'Finance'",
    ]
    assert (
        refusals(coll(FieldChange("sharing.users", "VIEW", "MANAGE", "it@acme.com")), policy) == []
    )


def test_the_creator_is_never_stripped_of_their_collection() -> None:
    creators: dict[str, str | None] = {"c1": "bob@acme.com", "c2": None}
    stripped = coll(FieldChange("sharing.users", "MANAGE", "VIEW", "bob@acme.com"))
    assert refusals(stripped, creators=creators) == [
        "collection:Finance: lowers the access of bob@acme.com, who created it, on collection"
        " 'Finance'"
    ]
    elsewhere = coll(FieldChange("sharing.users", "MANAGE", None, "bob@acme.com"), ident="c2")
    assert refusals(elsewhere, creators=creators) == []
    raised = coll(FieldChange("sharing.users", "VIEW", "MANAGE", "bob@acme.com"))
    assert refusals(raised, creators=creators) == []


def test_max_destroy_counts_collection_removals_and_downgrades() -> None:
    change = coll(
        FieldChange("sharing.users", "VIEW", None, "a@acme.com"),
        FieldChange("sharing.groups", "MANAGE", "VIEW", "Admins"),
        FieldChange("sharing.workspace", "MEMBER", None),
        FieldChange("sharing.groups", None, "VIEW", "Analysts"),
        FieldChange("sharing.users", "VIEW", "MEMBER", "b@acme.com"),  # same rank: not counted
    )
    assert change.destructive_count == 3
    assert refusals(change, Policy(max_destroy=2)) == [
        "3 destructive changes, more than 2 (policy.max_destroy)"
    ]
    assert refusals(change, Policy(max_destroy=3)) == []


def _schema_errors(plan: Plan) -> list[str]:
    root = Path(__file__).resolve().parents[1]
    schema = json.loads((root / "schemas" / "plan.schema.json").read_text(encoding="utf-8"))
    data = json.loads(render_json(plan))
    return [e.message for e in Draft202012Validator(schema).iter_errors(data)]


def test_the_plan_schema_takes_collection_levels_on_collections_only() -> None:
    fields = (
        FieldChange("sharing.workspace", None, "MEMBER"),
        FieldChange("sharing.users", "VIEW", "Curator", "bob@acme.com"),
        FieldChange("sharing.groups", "MANAGE", None, "Admins"),
    )
    ws = WorkspaceInfo("http://x", ORG)
    assert _schema_errors(Plan(ws, (coll(*fields),))) == []
    project = Change(Kind.PROJECT, Action.UPDATE, "P", "p1", fields)
    assert _schema_errors(Plan(ws, (project,)))  # VIEW is no project level
    bad = coll(FieldChange("sharing.collections", None, "VIEW", "Finance"))
    assert _schema_errors(Plan(ws, (bad,)))  # a collection has no sharing.collections
