"""What ``hexsync drift`` reads and decides: the plan's reading, then the members of every group
a project or collection is shared with (for the access drift moves and what unmanaged groups
reach), and the drift (:func:`hexsync.decide.drift.drift_of`).

Reads: the plan's floor (docs/plan.md), plus Σ ceil(members/500) for the shared groups whose
members the plan did not need (what ``hexsync access`` reads); never a request per project.
"""

from __future__ import annotations

from collections.abc import Callable

from hexsync.decide.access_engine import shared_groups
from hexsync.decide.drift import Drift, drift_of
from hexsync.errors import HexsyncError
from hexsync.hexapi import HexClient
from hexsync.ops.tables import FileTablesStore
from hexsync.planning.planner import read_and_plan
from hexsync.readers.workspace import read_members
from hexsync.values.desired import Desired
from hexsync.values.plan import Plan

__all__ = ["read_drift"]


async def read_drift(
    client: HexClient,
    desired: Desired,
    *,
    last_applied: Plan | None = None,
    last_applied_name: str | None = None,
    progress: Callable[[int], None] | None = None,
) -> Drift:
    """Read the workspace, plan ``desired`` against it (``allow_destroy``: drift reports; the
    max_destroy guardrail is about applying) and tell the drift, against ``last_applied`` (the
    plan last applied, ``plan --out``) when given."""
    plan, live = await read_and_plan(
        client, desired, allow_destroy=True, progress=progress, tables=FileTablesStore()
    )
    if last_applied is not None and last_applied.workspace.org_id != live.org_id:
        raise HexsyncError(
            f"--last-applied: that plan was made for workspace {last_applied.workspace.org_id},"
            f" this token reads {live.org_id}",
            hint="give the plan last applied to this workspace",
        )
    read = await read_members(client, live, shared_groups(live))
    return drift_of(
        plan,
        live=read,
        desired=desired,
        last_applied=last_applied,
        last_applied_name=last_applied_name,
    )
