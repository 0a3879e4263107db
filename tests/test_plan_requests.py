"""A 2,000-project plan reads at its request floor (docs/plan.md), counted by the emulator."""

from __future__ import annotations

import asyncio
import math
from pathlib import Path
from typing import Any

import httpx
import pytest
from acme import ORG

from hexsync.apply.execute import apply_plan
from hexsync.emulator.app import create_app
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import Seed
from hexsync.hexapi import HexClient
from hexsync.manifest import load
from hexsync.planning.planner import make_plan, read_and_plan
from hexsync.readers.tables import TablesStore
from hexsync.values.desired import Desired
from hexsync.values.plan import Plan

TOKEN = "hxtw_floor"
PROJECTS, USERS, GROUPS, COLLECTIONS = 2_000, 700, 30, 140
BIG_GROUP = 600  # members of "Everyone": two pages of 500


def _seed() -> dict[str, Any]:
    emails = [f"user{i:04d}@acme.com" for i in range(USERS)]
    groups = [{"name": "Everyone", "members": emails[:BIG_GROUP]}] + [
        {"name": f"Team {i:02d}", "members": emails[i * 10 : i * 10 + 10]}
        for i in range(GROUPS - 1)
    ]
    return {
        "org": ORG,
        "tokens": [{"token": TOKEN, "kind": "workspace"}],
        "users": [{"email": e, "name": f"User {e[4:8]}"} for e in emails],
        "groups": groups,
        # Collection sharing comes with ListCollections: sharing on each costs no request.
        "collections": [
            {
                "name": f"Collection {i:03d}",
                "sharing": {
                    "users": {emails[i]: "VIEW"},
                    "groups": {f"Team {i % (GROUPS - 1):02d}": "VIEW"},
                    "workspace": "MEMBER" if i % 2 else "NONE",
                },
            }
            for i in range(COLLECTIONS)
        ],
        "projects": [
            {
                "title": f"Project {i:04d}",
                "owner": emails[i % USERS],
                "sharing": {
                    "workspace": "APP_ONLY" if i % 3 == 0 else "NONE",
                    "users": {emails[(i + 1) % USERS]: "CAN_VIEW"},
                    "groups": {f"Team {i % (GROUPS - 1):02d}": "CAN_EDIT"},
                    "collections": {f"Collection {i % COLLECTIONS:03d}": "CAN_VIEW"},
                },
            }
            for i in range(PROJECTS)
        ],
    }


MANIFESTS = """\
version: 1
groups:
  - name: Everyone
    members_mode: additive
    members: [user0650@acme.com]
  - name: Team 00
    members: [user0000@acme.com, user0001@acme.com]
  - name: Team 01
  - name: New team
    members: [user0003@acme.com]
collections:
  - name: Collection 000
    sharing: {users: {user0000@acme.com: VIEW}, groups: {Team 00: MANAGE}}
  - name: Collection 001
    sharing: {users: {user0001@acme.com: VIEW}, groups: {Team 01: VIEW}, workspace: MEMBER}
projects:
  - title: Project 0001
    sharing:
      workspace: CAN_VIEW
"""


def _floor() -> int:
    """The floor: ceil(P/100) + ceil(U/500) + ceil(G/500) + ceil(C/100) + Σ ceil(members/500) + 1.

    Members are read for the declared groups that exist live and whose members the manifests
    manage: Everyone (600) and Team 00 (10); Team 01 declares no members, New team is not live.
    """
    return (
        math.ceil(PROJECTS / 100)
        + math.ceil(USERS / 500)
        + math.ceil(GROUPS / 500)
        + math.ceil(COLLECTIONS / 100)
        + math.ceil(BIG_GROUP / 500)
        + math.ceil(10 / 500)
        + 1
    )


@pytest.fixture(scope="module")
def app() -> Any:
    return create_app(Seed.from_dict(_seed(), source="floor"), EmulatorConfig(rate_limits=None))


def test_plan_reads_at_the_request_floor(app: Any, tmp_path: Path) -> None:
    (tmp_path / "m.yaml").write_text(MANIFESTS, encoding="utf-8")
    desired = load([tmp_path / "m.yaml"], relative_to=tmp_path)

    async def run() -> tuple[Plan, dict[str, Any]]:
        transport = httpx.ASGITransport(app)
        async with HexClient(TOKEN, "https://app.hex.tech", transport=transport) as client:
            plan = await make_plan(client, desired)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as http:
            stats = (await http.get("/_emulator/stats")).json()
        return plan, stats

    plan, stats = asyncio.run(run())
    per_op = {op: sum(by_status.values()) for op, by_status in stats["requests"].items()}
    assert per_op == {
        "ListProjects": 20,
        "ListUsers": 2 + 2 + 1,  # the users, Everyone's 600 members, Team 00's 10
        "ListGroups": 1,
        "ListCollections": 2,
        "Me": 1,
    }
    assert sum(per_op.values()) == _floor() == plan.read_requests
    # And the plan is right at that cost.
    assert [(c.kind.value, c.action.value, c.name) for c in plan.changes] == [
        ("collection", "update", "Collection 000"),
        ("group", "create", "New team"),
        ("group", "update", "Everyone"),
        ("group", "update", "Team 00"),
        ("project", "update", "Project 0001"),
    ]
    assert plan.unmanaged["project"] == PROJECTS - 1
    assert plan.unmanaged["collection"] == COLLECTIONS - 2


# ------------------------------------------------------------------ writes: Plan.requests


WRITES = ("Create", "Edit", "Update", "Delete", "Deactivate")


def _writes_seed() -> dict[str, Any]:
    emails = [f"w{i:03d}@acme.com" for i in range(260)]
    return {
        "org": ORG,
        "tokens": [{"token": TOKEN, "kind": "workspace"}],
        "statuses": ["Exploratory", "Production"],
        "users": [{"email": "owner@acme.com", "role": "ADMIN"}] + [{"email": e} for e in emails],
        "groups": [
            {"name": "Big", "members": emails[200:230]},
            {"name": "Old", "members": emails[:3]},
        ],
        "collections": [{"id": "0c000000-0000-4000-8000-000000000001", "name": "Finance"}],
        "projects": [
            {"title": "Wide", "owner": "owner@acme.com", "status": "Production"},
            {
                "title": "Narrow",
                "owner": "owner@acme.com",
                "sharing": {"groups": {"Old": "CAN_VIEW"}},
            },
        ],
    }


def _writes_manifests() -> str:
    emails = [f"w{i:03d}@acme.com" for i in range(260)]
    thirty = ", ".join(f"{e}: CAN_VIEW" for e in emails[:30])
    forty = ", ".join(f"{e}: VIEW" for e in emails[:40])
    return f"""\
version: 1
policy: {{max_destroy: 100}}
collections:
  - name: Money
    id: 0c000000-0000-4000-8000-000000000001
    sharing: {{workspace: MEMBER, users: {{{forty}}}, groups: {{Big: VIEW}}}}
  - name: Partners
    description: New
    sharing: {{users: {{{forty}}}, groups: {{New: MANAGE}}}}
groups:
  - name: Big
    members: [{", ".join(emails[:150])}]
  - name: New
    members: [{", ".join(emails[:130])}]
  - name: Old
    ensure: absent
users:
  - {{email: {emails[259]}, active: false}}
projects:
  - title: Wide
    status: null
    sharing:
      workspace: APP_ONLY
      public_web: NONE
      users: {{{thirty}}}
      groups: {{New: CAN_VIEW, Big: CAN_EDIT}}
      collections: {{Money: CAN_VIEW, Partners: APP_ONLY}}
  - title: Fresh
    status: Exploratory
    sharing: {{workspace: CAN_VIEW, users: {{{emails[0]}: CAN_EDIT}}}}
"""


def test_plan_requests_are_the_writes_apply_makes(tmp_path: Path) -> None:
    """Plan.requests (the summary's "Apply makes N requests") equals what apply writes: 30 users
    on one project are 2 requests, 150 member adds and 30 removes are 2, a group created with 130
    members is 2, a collection renamed and shared with 40 users is 1 (Hex's spec sets no limit
    on collection sharing), one created with its sharing too (with a group created in the same
    plan), and so on through every kind of change."""
    (tmp_path / "m.yaml").write_text(_writes_manifests(), encoding="utf-8")
    desired = load([tmp_path / "m.yaml"], relative_to=tmp_path)
    app = create_app(
        Seed.from_dict(_writes_seed(), source="writes"), EmulatorConfig(rate_limits=None)
    )

    async def run() -> tuple[Plan, dict[str, int]]:
        transport = httpx.ASGITransport(app)
        async with HexClient(TOKEN, "https://app.hex.tech", transport=transport) as client:
            plan, live = await read_and_plan(client, desired)
            report = await apply_plan(client, plan, live=live, verify=False)
            assert report.ok, report
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as http:
            stats = (await http.get("/_emulator/stats")).json()
        writes = {
            op: sum(by_status.values())
            for op, by_status in stats["requests"].items()
            if op.startswith(WRITES)
        }
        return plan, writes

    plan, writes = asyncio.run(run())
    by_name = {(c.kind.value, c.name): c.requests for c in plan.changes}
    assert by_name == {
        ("collection", "Money"): 1,
        ("collection", "Partners"): 1,
        ("group", "Big"): 2,  # 150 adds, 30 removes: 100 + 50 adds beside the removes
        ("group", "New"): 2,  # created with 100 members, 30 more by an edit
        ("group", "Old"): 1,
        ("project", "Wide"): 1 + 1 + 2 + 1 + 1,  # status, workspace, 30 users, groups, collections
        ("project", "Fresh"): 1 + 1 + 1 + 1,  # create, status, workspace, one user
        ("user", "w259@acme.com"): 1,
    }
    assert sum(writes.values()) == plan.requests == sum(by_name.values())
    assert writes["EditProjectSharingUsers"] == 2 + 1
    assert writes["EditCollection"] == writes["CreateCollection"] == 1


# ------------------------------------------------------------------ data classes: tables read


def _per_op(stats: dict[str, Any]) -> dict[str, int]:
    return {op: sum(by_status.values()) for op, by_status in stats["requests"].items()}


def test_plans_read_tables_only_when_a_rule_or_policy_uses_data_classes(tmp_path: Path) -> None:
    """docs/data.md: declaring data.classes costs nothing; a rule on reads costs one
    GetQueriedTables per project and one data connections listing, once: a second plan through
    the same cache reads no table again."""
    seed = _seed()
    for i, project in enumerate(seed["projects"]):
        project["queried_tables"] = [{"connection": "Lake", "table": f"raw.table_{i % 7}"}]
    seed["data_connections"] = [{"name": "Lake", "type": "snowflake"}]
    app = create_app(Seed.from_dict(seed, source="floor"), EmulatorConfig(rate_limits=None))
    classes = 'data: {classes: {pii: ["Lake:raw.table_3"]}}\n'
    rule = """\
rules:
  - name: pii-private
    match: {reads: {class: pii}}
    enforce: check
    sharing: {mode: {workspace: authoritative}, workspace: NONE}
"""
    (tmp_path / "declared.yaml").write_text(MANIFESTS + classes, encoding="utf-8")
    (tmp_path / "used.yaml").write_text(MANIFESTS + classes + rule, encoding="utf-8")
    declared = load([tmp_path / "declared.yaml"], relative_to=tmp_path)
    used = load([tmp_path / "used.yaml"], relative_to=tmp_path)
    store = TablesStore()

    async def plan(desired: Desired) -> tuple[Plan, dict[str, int]]:
        transport = httpx.ASGITransport(app)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as http:
            before = _per_op((await http.get("/_emulator/stats")).json())
            async with HexClient(
                TOKEN, "https://app.hex.tech", transport=transport, pacing=False
            ) as client:
                made, _ = await read_and_plan(client, desired, tables=store)
            after = _per_op((await http.get("/_emulator/stats")).json())
        return made, {op: n - before.get(op, 0) for op, n in after.items() if n > before.get(op, 0)}

    floor = {
        "ListProjects": 20,
        "ListUsers": 2 + 2 + 1,
        "ListGroups": 1,
        "ListCollections": 2,
        "Me": 1,
    }
    without, spent = asyncio.run(plan(declared))
    assert spent == floor  # the same requests as without data.classes: no table read
    assert without.read_requests == _floor()
    first, spent = asyncio.run(plan(used))
    assert spent == {**floor, "ListDataConnections": 1, "GetQueriedTables": PROJECTS}
    assert first.read_requests == _floor() + 1 + PROJECTS
    # Projects 3, 10, 17 … read raw.table_3; those shared with the workspace break the rule.
    (refusal,) = first.refusals
    assert refusal.code == "rule_check"
    assert "'Project 0003' (sharing.workspace is APP_ONLY, must be NONE; reads" in refusal.message
    again, spent = asyncio.run(plan(used))
    assert spent == {**floor, "ListDataConnections": 1}  # nothing edited: no table read again
    assert again.refusals == first.refusals
