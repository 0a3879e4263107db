"""A 2,000-project plan reads at the SPEC §6 request floor, counted by the emulator."""

from __future__ import annotations

import asyncio
import math
from pathlib import Path
from typing import Any

import httpx
import pytest

from hexsync.emulator.app import create_app
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import Seed
from hexsync.hexapi import HexClient
from hexsync.manifest import load
from hexsync.plan import Plan
from hexsync.planner import make_plan

ORG_ID = "5a8591dd-4039-49df-9202-96385ba3eff8"
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
        "org": {"id": ORG_ID, "name": "Acme"},
        "tokens": [{"token": TOKEN, "kind": "workspace"}],
        "users": [{"email": e, "name": f"User {e[4:8]}"} for e in emails],
        "groups": groups,
        "collections": [{"name": f"Collection {i:03d}"} for i in range(COLLECTIONS)],
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
projects:
  - title: Project 0001
    sharing:
      workspace: CAN_VIEW
"""


def _floor() -> int:
    """SPEC §6: ceil(P/100) + ceil(U/500) + ceil(G/500) + ceil(C/100) + Σ ceil(members/500) + 1.

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
        ("group", "create", "New team"),
        ("group", "update", "Everyone"),
        ("group", "update", "Team 00"),
        ("project", "update", "Project 0001"),
    ]
    assert plan.unmanaged["project"] == PROJECTS - 1
