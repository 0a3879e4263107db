"""Plans built by hand for the renderer tests, and the golden-file check.

``rich_plan()`` holds every kind and action, member adds and removes, every sharing dimension, a
widening change, a downgrade, a refusal, warnings, access impact through groups and unmanaged
counts. ``assert_golden(name, text)`` compares with ``tests/render/golden/<name>``; run with
``HEXSYNC_UPDATE_GOLDEN=1`` to rewrite the files after a deliberate change (then review the diff).
"""

from __future__ import annotations

import difflib
import os
from pathlib import Path

from hexsync.values.desired import FrozenMap, Mark
from hexsync.values.kinds import Kind
from hexsync.values.plan import (
    AccessImpact,
    Action,
    Change,
    FieldChange,
    ImpactItem,
    LiveRef,
    Plan,
    PlanWarning,
    Refusal,
    WorkspaceInfo,
    order_changes,
)

GOLDEN = Path(__file__).resolve().parent / "golden"
ORG_ID = "5a8591dd-4039-49df-9202-96385ba3eff8"
WS = WorkspaceInfo(
    api_url="https://app.hex.tech", org_id=ORG_ID, org_name="Acme", full_visibility=True
)
REVENUE_ID = "0b3f6a51-5b6e-4c43-a4a8-0b1d2b7f3c11"
FORECAST_ID = "7c1d9e02-3a4b-4f5c-8d6e-9f0a1b2c3d4e"


def member(email: str, *, add: bool) -> FieldChange:
    return FieldChange("members", None if add else "member", "member" if add else None, key=email)


def _changes() -> list[Change]:
    return [
        Change(
            Kind.COLLECTION,
            Action.CREATE,
            "Partners",
            fields=(
                FieldChange("name", None, "Partners"),
                FieldChange("description", None, "Partner-facing apps"),
            ),
            mark=Mark("acme/collections.yaml", 4, 5),
        ),
        Change(
            Kind.COLLECTION,
            Action.UPDATE,
            "Finance",
            id="c-finance",
            fields=(
                FieldChange("name", "Finance team", "Finance"),
                FieldChange("description", "Old text", "Finance team dashboards"),
            ),
            mark=Mark("acme/collections.yaml", 1, 3),
        ),
        Change(
            Kind.GROUP,
            Action.CREATE,
            "Partner managers",
            fields=(
                FieldChange("name", None, "Partner managers"),
                member("frank@acme.com", add=True),
                member("grace@acme.com", add=True),
            ),
            mark=Mark("acme/groups.yaml", 12, 5),
        ),
        Change(
            Kind.GROUP,
            Action.UPDATE,
            "Analysts",
            id="g-analysts",
            fields=(member("carol@acme.com", add=True), member("dave@acme.com", add=False)),
            mark=Mark("acme/groups.yaml", 1, 5),
        ),
        Change(
            Kind.PROJECT,
            Action.CREATE,
            "Partner portal",
            fields=(
                FieldChange("name", None, "Partner portal"),
                FieldChange("description", None, "Apps for partners"),
                FieldChange("status", None, "Exploratory"),
                FieldChange("sharing.workspace", None, "APP_ONLY"),
                FieldChange("sharing.collections", None, "CAN_VIEW", key="Partners"),
            ),
            mark=Mark("acme/projects.yaml", 20, 5),
        ),
        Change(
            Kind.PROJECT,
            Action.UPDATE,
            "Revenue overview",
            id=REVENUE_ID,
            fields=(
                FieldChange("status", "In development", "Production"),
                FieldChange("sharing.workspace", "NONE", "APP_ONLY"),
                FieldChange("sharing.public_web", "NONE", "CAN_VIEW"),
                FieldChange("sharing.users", None, "CAN_EDIT", key="carol@acme.com"),
                FieldChange("sharing.users", "CAN_EDIT", None, key="erin@acme.com"),
                FieldChange("sharing.users", "CAN_EDIT", "FULL_ACCESS", key="henry@acme.com"),
                FieldChange("sharing.groups", "CAN_EDIT", "CAN_VIEW", key="Analysts"),
                FieldChange("sharing.collections", "CAN_VIEW", None, key="Finance"),
            ),
            mark=Mark("acme/projects.yaml", 3, 5),
        ),
        Change(
            Kind.PROJECT,
            Action.UPDATE,
            "Forecast",
            id=FORECAST_ID,
            fields=(FieldChange("status", "Deprecated", None),),
            mark=Mark("acme/projects.yaml", 12, 5),
        ),
        Change(
            Kind.GROUP,
            Action.DELETE,
            "Legacy contractors",
            id="g-legacy",
            note="2 members; shared on 1 project",
            mark=Mark("acme/groups.yaml", 20, 5),
        ),
        Change(Kind.USER, Action.DEACTIVATE, "mallory@acme.com", id="u-mallory"),
    ]


def _impact() -> tuple[AccessImpact, ...]:
    twelve = tuple(
        ImpactItem(f"Report {i:02d}", "CAN_VIEW", None, via="group Analysts") for i in range(12)
    )
    return (
        AccessImpact("dave@acme.com", "user", losses=twelve),
        AccessImpact(
            "erin@acme.com",
            "user",
            losses=(ImpactItem("Revenue overview", "CAN_EDIT", None),),
        ),
        AccessImpact(
            "henry@acme.com",
            "user",
            gains=(ImpactItem("Revenue overview", "CAN_EDIT", "FULL_ACCESS"),),
        ),
        AccessImpact(
            "carol@acme.com",
            "user",
            gains=(ImpactItem("Revenue overview", None, "CAN_EDIT"),),
            unchanged=(ImpactItem("Forecast", "FULL_ACCESS", "FULL_ACCESS", via="owner"),),
        ),
        AccessImpact(
            "ivan@acme.com",
            "user",
            gains=(
                ImpactItem("Revenue overview", "APP_ONLY", "CAN_VIEW", via="collection Finance"),
            ),
        ),
        AccessImpact(
            "Analysts",
            "group",
            losses=(ImpactItem("Revenue overview", "CAN_EDIT", "CAN_VIEW"),),
        ),
        AccessImpact(
            "Finance",
            "collection",
            losses=(ImpactItem("Revenue overview", "CAN_VIEW", None),),
        ),
        AccessImpact(
            "workspace members",
            "workspace",
            gains=(
                ImpactItem(
                    "Revenue overview",
                    "NONE",
                    "APP_ONLY",
                    people=40,
                    unaffected=2,
                    higher=2,
                    same=0,
                    capped=0,
                ),
                ImpactItem(
                    "Partner portal",
                    None,
                    "APP_ONLY",
                    people=41,
                    unaffected=1,
                    higher=0,
                    same=1,
                    capped=0,
                ),
            ),
        ),
        AccessImpact(
            "public web", "public_web", gains=(ImpactItem("Revenue overview", "NONE", "CAN_VIEW"),)
        ),
    )


def rich_plan() -> Plan:
    relied = (
        LiveRef(Kind.GROUP, "Analysts", "g-analysts", FrozenMap({"members": "dave@acme.com"})),
        LiveRef(
            Kind.PROJECT,
            "Revenue overview",
            REVENUE_ID,
            FrozenMap({"status": "In development", "sharing.workspace": "NONE"}),
        ),
    )
    return Plan(
        workspace=WS,
        changes=order_changes(_changes()),
        relied=relied,
        warnings=(
            PlanWarning(
                "title_unchangeable",
                'project "Forecast": the title differs from the manifest ("Forecast 2026"), '
                "and the API cannot change titles",
                Mark("acme/projects.yaml", 13, 12),
            ),
            PlanWarning("users_reactivate", "mallory@acme.com is deactivated already"),
        ),
        refusals=(
            Refusal(
                "public_web",
                'project "Revenue overview" would be shared to the public web',
                hint="set policy.allow_public_web: true if that is intended",
                mark=Mark("acme/projects.yaml", 9, 7),
            ),
        ),
        impact=_impact(),
        unmanaged=FrozenMap({"group": 3, "project": 41, "collection": 1}),
        unmanaged_names=FrozenMap(
            {
                "group": ("Contractors", "Legacy `ops`", "Interns"),
                "project": tuple(f"Scratch {i:02d}" for i in range(41)),
                "collection": ("Archive",),
            }
        ),
        read_requests=9,
    )


def empty_plan() -> Plan:
    return Plan(workspace=WS, read_requests=5)


def many_changes(count: int) -> Plan:
    """``count`` project updates, each lowering one group's access: a long, destructive plan."""
    changes = [
        Change(
            Kind.PROJECT,
            Action.UPDATE,
            f"Project {i:05d}",
            id=f"{i:08x}-0000-4000-8000-000000000000",
            fields=(
                FieldChange("status", "In development", "Production"),
                FieldChange("sharing.groups", "CAN_EDIT", "CAN_VIEW", key="Analysts"),
                FieldChange("sharing.users", None, "CAN_VIEW", key=f"user{i}@acme.com"),
            ),
        )
        for i in range(count)
    ]
    return Plan(workspace=WS, changes=order_changes(changes))


def assert_golden(name: str, text: str, *, directory: Path = GOLDEN) -> None:
    path = directory / name
    if os.environ.get("HEXSYNC_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
        return
    if not path.exists():
        raise AssertionError(f"{path} is missing; run with HEXSYNC_UPDATE_GOLDEN=1 to create it")
    expected = path.read_bytes().decode("utf-8")
    if text != expected:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                text.splitlines(keepends=True),
                fromfile=f"golden/{name}",
                tofile="rendered",
            )
        )
        raise AssertionError(
            f"{name} differs from its golden file (HEXSYNC_UPDATE_GOLDEN=1 rewrites it):\n{diff}"
        )
