"""The workspace as a plan would leave it: one projection, every reader agreeing on it.

The must-show case: a plan that deletes a group with project grants and members. The check rule
(``enforce: check``), the access engine's as-planned view (``hexsync access --as-planned``),
apply's read-back and its already-applied detection must all judge the same workspace, the one
Hex really leaves (the emulator drops a deleted group's grants, as Hex does).
"""

from __future__ import annotations

import asyncio
import copy
from pathlib import Path
from typing import Any

import httpx

from hexsync.apply.execute import apply_plan
from hexsync.apply.verify import already_applied
from hexsync.decide.access_engine import AccessEngine
from hexsync.emulator.app import create_app
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import Seed
from hexsync.hexapi import HexClient
from hexsync.manifest import load
from hexsync.ops.access import read_access
from hexsync.planning.planner import read_and_plan
from hexsync.readers.workspace import read_live
from hexsync.values.desired import Desired, Policy
from hexsync.values.kinds import Kind
from hexsync.values.plan import Action

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
