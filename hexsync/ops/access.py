"""What ``hexsync access`` and the MCP tools read: the workspace at the request floor, every
shared group's members, and, with manifests, the state the plan would leave.

Reads: ListProjects with sharing (100 per request), users and groups (500 per request),
collections with their sharing (100 per request), ``users/me``, and the members of every group
a project or a collection is shared with (Σ ceil(members/500)); never a request per project.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from hexsync.decide import projection
from hexsync.decide.access_engine import AccessEngine, shared_groups
from hexsync.errors import HexsyncError
from hexsync.hexapi import HexClient
from hexsync.planning.planner import build_plan
from hexsync.readers.workspace import read_live, read_members
from hexsync.values.desired import Desired
from hexsync.values.kinds import Kind
from hexsync.values.live import Live
from hexsync.values.plan import Plan

__all__ = ["AccessState", "read_access"]


@dataclass(frozen=True)
class AccessState:
    """The engine over the state asked for, the reading behind it, and the plan if any."""

    engine: AccessEngine
    live: Live
    plan: Plan | None = None

    @property
    def source(self) -> str:
        return "live" if self.plan is None else "planned"


async def read_access(
    client: HexClient,
    desired: Desired | None = None,
    *,
    saved: Plan | None = None,
    progress: Callable[[int], None] | None = None,
) -> AccessState:
    """Read the workspace (and plan ``desired`` against it, or take a ``saved`` plan's changes)
    for the access engine.

    With manifests or a saved plan the answer is the state after the plan, refusals or not: a
    reviewer asks what a change would do before it is allowed (``max_destroy`` is not applied).
    """
    live = await read_live(client, desired, progress=progress)
    if desired is None and saved is None:
        live = await read_members(client, live, shared_groups(live))
        return AccessState(AccessEngine(live), live)
    if saved is not None and saved.workspace.org_id != live.org_id:
        raise HexsyncError(
            f"the saved plan was made for workspace {saved.workspace.org_id}, this token reads"
            f" {live.org_id}",
            hint="give the plan of this workspace, or its manifests",
        )
    plan = saved or build_plan(
        desired or Desired(), live, allow_destroy=True, api_url=client.base_url
    )
    after = projection.project(live, plan.changes)
    touched = {c.name for c in plan.changes if c.kind is Kind.GROUP}
    live = await read_members(client, live, shared_groups(live) | shared_groups(after) | touched)
    after = projection.project(live, plan.changes)
    return AccessState(AccessEngine(after), live, plan)
