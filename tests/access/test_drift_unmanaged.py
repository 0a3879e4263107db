"""Unmanaged objects that grant access are drift (issue #28, item 4): a collection made in Hex,
shared with the workspace and holding a project, is reported with whom it reaches; one that
grants nothing is not; with the last applied plan, only those not already left alone then."""

from __future__ import annotations

from test_engine_cases import live_of

from hexsync.decide.drift import drift_of
from hexsync.render.drift import render_drift_text
from hexsync.values.desired import FrozenMap
from hexsync.values.plan import Plan, WorkspaceInfo

LIVE = live_of(
    {
        "users": {"own@acme.com": "EDITOR", "eve@acme.com": "EDITOR", "gus@acme.com": "GUEST"},
        "groups": {"Idle": ["eve@acme.com"]},  # shared with nothing: grants nothing
        "collections": {"Everyone": {"workspace": "MEMBER"}},
        "projects": {
            "Salaries": {
                "owner": "own@acme.com",
                "sharing": {"collections": {"Everyone": "CAN_VIEW"}},
            },
            "Notes": {"owner": "own@acme.com"},
        },
    }
)
UNMANAGED = FrozenMap({"collection": ("Everyone",), "group": ("Idle",)})


def _plan(unmanaged: FrozenMap[str, tuple[str, ...]] = UNMANAGED) -> Plan:
    return Plan(
        WorkspaceInfo("https://app.hex.tech/api/v1", LIVE.org_id),
        unmanaged=FrozenMap((k, len(v)) for k, v in unmanaged.items()),
        unmanaged_names=unmanaged,
    )


def test_a_collection_made_in_hex_that_reaches_the_workspace_is_drift() -> None:
    found = drift_of(_plan(), live=LIVE)
    assert [(i.kind, i.name, i.state) for i in found.items] == [
        ("collection", "Everyone", "unmanaged")
    ]
    (reach,) = found.items[0].reach
    # Every workspace member (not the Guest) can view Salaries through it; eve has no other way.
    assert (reach.project, reach.level, reach.people, reach.only) == (
        "Salaries",
        "CAN_VIEW",
        2,
        ("eve@acme.com",),
    )
    lines = [line.strip() for line in render_drift_text(found).splitlines()]
    assert lines[0] == (
        "Drift: 1 object in the workspace at https://app.hex.tech/api/v1 no longer matches the"
        " manifests (1 difference)."
    )
    assert '"Salaries": CAN_VIEW to 2 people, 1 of them only through it (eve@acme.com)' in lines


def test_one_already_left_alone_at_the_last_apply_is_not_new_drift() -> None:
    last = _plan()  # the applied plan left Everyone alone already
    found = drift_of(_plan(), live=LIVE, last_applied=last, last_applied_name="plan.json")
    assert found.items == ()
    assert not found.found
