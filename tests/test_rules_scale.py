"""Rules over a 5,000-project workspace: the plan reads at its request floor (counted by the
emulator), apply writes what the plan says, and the next plan is no change. Also the saved-plan
path for a rule that changes archived projects (listed only because the rule asks)."""

from __future__ import annotations

import asyncio
import datetime as dt
import math
from pathlib import Path
from typing import Any

import httpx
import pytest
from acme import ORG

from hexsync.apply.execute import apply_plan
from hexsync.apply.gate import apply_saved_plan
from hexsync.emulator.app import create_app
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import Seed
from hexsync.hexapi import HexClient
from hexsync.manifest import load
from hexsync.planning.planner import make_plan, read_and_plan
from hexsync.values.kinds import Kind
from hexsync.values.plan import Plan

TOKEN = "hxtw_rules"
PROJECTS, USERS, ARCHIVED = 5_000, 40, 10
NOW = dt.datetime(2026, 6, 1, tzinfo=dt.timezone.utc)
WRITES = ("Create", "Edit", "Update", "Delete", "Deactivate")


def _project(i: int, emails: list[str]) -> dict[str, Any]:
    project: dict[str, Any] = {
        "title": f"Project {i:04d}",
        "owner": emails[i % USERS],
        "status": "Production" if i % 5 == 0 else None,
        "categories": ["Finance"] if i % 7 == 0 else [],
        "last_viewed_at": "2020-01-01T00:00:00Z" if i % 3 == 0 else "2026-05-20T00:00:00Z",
        "sharing": {
            "workspace": "CAN_VIEW" if i % 11 == 0 else "NONE",
            "collections": {"Finance": "CAN_VIEW"} if i % 4 == 0 else {},
        },
    }
    if i % (PROJECTS // ARCHIVED) == 1:
        project["archived"] = True
    return project


def _seed() -> dict[str, Any]:
    emails = [f"user{i:02d}@acme.com" for i in range(USERS)]
    return {
        "org": ORG,
        "tokens": [{"token": TOKEN, "kind": "workspace"}],
        "statuses": ["Production", "Deprecated"],
        "users": [{"email": e} for e in emails],
        "groups": [{"name": "Finance", "members": emails[:5]}, {"name": "Admins"}],
        "collections": [{"name": "Finance"}, {"name": "Ops"}],
        "projects": [_project(i, emails) for i in range(PROJECTS)],
    }


MANIFESTS = """\
version: 1
policy: {max_destroy: 10000}
rules:
  - name: finance-visible
    match: {any_of: [{collection: Finance}, {categories: Finance}]}
    sharing: {groups: {Finance: CAN_VIEW}}
  - name: production-app-only
    match: {status: Production}
    sharing: {mode: authoritative, workspace: APP_ONLY}
  - name: stale-loses-workspace
    match: {last_viewed: {older_than: 365d}}
    except: {status: Production}
    sharing: {mode: authoritative, workspace: NONE}
  - name: archived-for-admins
    match: {archived: true}
    sharing: {groups: {Admins: CAN_VIEW}}
"""


def _expected_changes() -> dict[str, int]:
    """Projects each rule changes, counted from the seed's own arithmetic."""
    live = [i for i in range(PROJECTS) if i % (PROJECTS // ARCHIVED) != 1]
    finance = sum(1 for i in live if i % 4 == 0 or i % 7 == 0)
    production = sum(1 for i in live if i % 5 == 0)  # workspace NONE or CAN_VIEW → APP_ONLY
    stale = sum(1 for i in live if i % 3 == 0 and i % 5 != 0 and i % 11 == 0)
    return {
        "finance-visible": finance,
        "production-app-only": production,
        "stale-loses-workspace": stale,
        "archived-for-admins": ARCHIVED,
    }


@pytest.fixture(scope="module")
def app() -> Any:
    return create_app(Seed.from_dict(_seed(), source="rules"), EmulatorConfig(rate_limits=None))


async def _counts(transport: httpx.AsyncBaseTransport, *, reset: bool = False) -> dict[str, int]:
    """Requests per operation since the last reset (and, with ``reset``, back to the seed)."""
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as http:
        data = (await http.get("/_emulator/stats")).json()
        if reset:
            await http.post("/_emulator/reset")
    return {op: sum(by_status.values()) for op, by_status in data["requests"].items()}


def _since(before: dict[str, int], after: dict[str, int]) -> dict[str, int]:
    return {op: n - before.get(op, 0) for op, n in after.items() if n != before.get(op, 0)}


def test_rules_plan_at_the_floor_apply_and_converge(app: Any, tmp_path: Path) -> None:
    (tmp_path / "m.yaml").write_text(MANIFESTS, encoding="utf-8")
    desired = load([tmp_path / "m.yaml"], relative_to=tmp_path)
    transport = httpx.ASGITransport(app)

    async def run() -> tuple[Plan, dict[str, int], dict[str, int], Plan]:
        await _counts(transport, reset=True)  # a fresh workspace and fresh counters
        async with HexClient(
            TOKEN, "https://app.hex.tech", transport=transport, pacing=False
        ) as client:
            plan, live = await read_and_plan(client, desired, now=NOW)
            reads = await _counts(transport)
            report = await apply_plan(client, plan, live=live, verify=False)
            assert report.ok, report
            writes = _since(reads, await _counts(transport))
            again = await make_plan(client, desired, now=NOW)
        await _counts(transport, reset=True)
        return plan, reads, writes, again

    plan, reads, writes, again = asyncio.run(run())
    # Reads: one project listing (archived ones in the same pages), users, groups, collections,
    # me. No group members are read: no group is declared. Never a request per project.
    assert reads == {
        "ListProjects": math.ceil(PROJECTS / 100),
        "ListUsers": 1,
        "ListGroups": 1,
        "ListCollections": 1,
        "Me": 1,
    }
    assert plan.read_requests == sum(reads.values())
    # Every change is a rule's, and each rule changed the projects the seed says it should.
    per_rule: dict[str, set[str]] = {}
    for change in plan.changes:
        assert change.kind is Kind.PROJECT
        for f in change.fields:
            assert f.rule is not None, (change.name, f)
            for name in f.rule.split(", "):
                per_rule.setdefault(name, set()).add(change.id or "")
    assert {k: len(v) for k, v in per_rule.items()} == _expected_changes()
    assert not plan.refusals
    # Apply writes what the plan counted (one request per project and dimension).
    assert sum(n for op, n in writes.items() if op.startswith(WRITES)) == plan.requests
    # And the workspace now satisfies the rules.
    assert again.changes == ()


def test_saved_plan_for_archived_projects_applies(app: Any, tmp_path: Path) -> None:
    """A saved plan that changes archived projects is not stale at apply: apply lists them too."""
    (tmp_path / "m.yaml").write_text(
        "version: 1\nrules:\n  - name: archived-for-admins\n    match: {archived: true}\n"
        "    sharing: {groups: {Admins: CAN_VIEW}}\n",
        encoding="utf-8",
    )
    desired = load([tmp_path / "m.yaml"], relative_to=tmp_path)
    transport = httpx.ASGITransport(app)

    async def run() -> tuple[Plan, Plan]:
        async with HexClient(
            TOKEN, "https://app.hex.tech", transport=transport, pacing=False
        ) as client:
            plan = await make_plan(client, desired, now=NOW)
            saved = Plan.loads(plan.dumps())
            report = await apply_saved_plan(client, saved)
            assert report.ok, report
            again = await make_plan(client, desired, now=NOW)
        await _counts(transport, reset=True)
        return plan, again

    plan, again = asyncio.run(run())
    assert len(plan.changes) == ARCHIVED
    assert again.changes == ()
