"""Drift as a reader sees it: each state of an object, each kind of field, safe markdown."""

from __future__ import annotations

import json
from pathlib import Path

from hexsync.decide.drift import drift_of
from hexsync.manifest import load
from hexsync.render.drift import render_drift_json, render_drift_markdown, render_drift_text
from hexsync.values.desired import Mark
from hexsync.values.kinds import Kind
from hexsync.values.plan import Action, Change, FieldChange, Plan, WorkspaceInfo

WORKSPACE = WorkspaceInfo("https://app.hex.tech/api/v1", "org-1", "Acme")


def plan(*changes: Change) -> Plan:
    return Plan(workspace=WORKSPACE, changes=changes)


DRIFTED = plan(
    Change(
        Kind.COLLECTION, Action.CREATE, "Partners", None, (FieldChange("description", None, "P"),)
    ),
    Change(
        Kind.GROUP,
        Action.UPDATE,
        "Analysts",
        "g-1",
        (
            FieldChange("members", None, "member", key="carol@acme.com"),
            FieldChange("members", "member", None, key="dave@acme.com"),
        ),
        mark=Mark("manifests/groups.yaml", 9, 5),
    ),
    Change(Kind.GROUP, Action.DELETE, "Legacy contractors", "g-2"),
    Change(Kind.USER, Action.DEACTIVATE, "mallory@acme.com", "u-1"),
    Change(
        Kind.PROJECT,
        Action.UPDATE,
        "Revenue | overview @team",
        "0b3f6a51-5b6e-4c43-a4a8-0b1d2b7f3c11",
        (
            FieldChange("sharing.users", "CAN_EDIT", None, key="erin@acme.com"),
            FieldChange("status", "In development", "Production"),
        ),
    ),
)


def test_text_names_each_state_and_each_field() -> None:
    text = render_drift_text(drift_of(DRIFTED))
    lines = [line.strip() for line in text.splitlines()]
    assert lines[0] == (
        'Drift: 5 objects in workspace "Acme" no longer match the manifests (7 differences).'
    )
    assert '+ collection "Partners": declared in the manifests, missing in Hex' in lines
    assert '~ group "Analysts"   (manifests/groups.yaml:9)' in lines
    # plan's new is the manifests' value, plan's old is Hex's
    assert "member carol@acme.com: in the manifests, not in Hex" in lines
    assert "member dave@acme.com: in Hex, not in the manifests" in lines
    assert '- group "Legacy contractors": in Hex, but the manifests say it should not be' in lines
    assert (
        '! user "mallory@acme.com": active in Hex, but the manifests deactivate this user' in lines
    )
    assert 'sharing.users["erin@acme.com"]: manifests (none), Hex CAN_EDIT' in lines
    assert "status: manifests Production, Hex In development" in lines


def test_no_drift_is_one_line() -> None:
    assert (
        render_drift_text(drift_of(plan())) == 'No drift: workspace "Acme" matches the manifests.\n'
    )
    assert json.loads(render_drift_json(drift_of(plan())))["drift"] is False


def test_markdown_is_a_table_with_names_defused() -> None:
    md = render_drift_markdown(drift_of(DRIFTED))
    assert "| object | field | manifests | Hex now |" in md
    # a pipe in a name cannot break the table, an @mention cannot notify anyone
    assert (
        "| project `Revenue \\| overview @team` | status | `Production` | `In development` |" in md
    )
    assert "| group `Analysts` | member `dave@acme.com` | — | `member` |" in md
    assert (
        "| user `mallory@acme.com` | active in Hex, but the manifests deactivate this user | | |"
        in md
    )


def test_markdown_stays_within_its_budget() -> None:
    many = plan(
        *(
            Change(
                Kind.PROJECT, Action.UPDATE, f"P{i}", f"id-{i}", (FieldChange("status", "A", "B"),)
            )
            for i in range(2000)
        )
    )
    md = render_drift_markdown(drift_of(many), budget=10_000)
    assert len(md) <= 10_000
    assert "more rows left out to fit; `hexsync drift --format json` lists them all." in md


def test_json_keeps_both_values_and_where_declared() -> None:
    data = json.loads(render_drift_json(drift_of(DRIFTED)))
    assert [o["state"] for o in data["objects"]] == [
        "missing",
        "differs",
        "unexpected",
        "active",
        "differs",
    ]
    group = data["objects"][1]
    assert group["declared_at"] == "manifests/groups.yaml:9"
    assert group["fields"][1] == {
        "path": "members",
        "key": "dave@acme.com",
        "manifests": None,
        "live": "member",
        "rules": [],
        "origin": None,  # no last applied plan given
    }


def test_a_field_a_rule_asked_for_points_at_the_rule(tmp_path: Path) -> None:
    (tmp_path / "rules.yaml").write_text(
        "version: 1\n"
        "rules:\n"
        "  - name: finance-visible\n"
        "    match: {collection: Finance}\n"
        "    sharing:\n"
        "      groups: {Finance: CAN_VIEW}\n",
        encoding="utf-8",
    )
    desired = load([str(tmp_path / "rules.yaml")])
    drifted = plan(
        Change(
            Kind.PROJECT,
            Action.UPDATE,
            "Budget",
            "p-1",
            (
                FieldChange(
                    "sharing.groups", None, "CAN_VIEW", key="Finance", rule="finance-visible"
                ),
            ),
            # a project only a rule selects: the plan points at the rule's entry
            mark=Mark(str(tmp_path / "rules.yaml"), 3, 5),
        ),
    )
    found = drift_of(drifted, desired=desired)
    (field,) = found.items[0].fields
    assert field.rules == (("finance-visible", f"{tmp_path / 'rules.yaml'}:3"),)
    lines = [line.strip() for line in render_drift_text(found).splitlines()]
    assert (
        'sharing.groups["Finance"]: manifests CAN_VIEW, Hex (none)   (rule finance-visible at'
        f" {tmp_path / 'rules.yaml'}:3)"
    ) in lines
    data = json.loads(render_drift_json(found))["objects"][0]["fields"][0]
    assert data["rules"] == [
        {"name": "finance-visible", "declared_at": f"{tmp_path / 'rules.yaml'}:3"}
    ]
    assert "(rule `finance-visible`)" in render_drift_markdown(found)
