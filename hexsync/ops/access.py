"""What ``hexsync access`` and the MCP tools read: the workspace at the request floor, every
shared group's members, and, with manifests, the state the plan would leave.

Reads: ListProjects with sharing (100 per request), users and groups (500 per request),
collections with their sharing (100 per request), ``users/me``, and the members of every group
a project or a collection is shared with (Σ ceil(members/500)); never a request per project.

Then the answers, as ``access project|user --json`` and the MCP tools give them: a project or a
user of that state by name (close matches when unknown), and the JSON documents.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from hexsync.decide import projection
from hexsync.decide.access_engine import AccessEngine, Grant, shared_groups
from hexsync.errors import HexsyncError, did_you_mean
from hexsync.hexapi import HexClient
from hexsync.ops.resolve import is_uuid
from hexsync.planning.planner import build_plan
from hexsync.readers.workspace import read_live, read_members
from hexsync.values.desired import Access, Desired
from hexsync.values.kinds import Kind
from hexsync.values.live import Live, LiveProject, LiveUser
from hexsync.values.plan import Plan

__all__ = [
    "AccessState",
    "find_project",
    "find_user",
    "project_doc",
    "public_projects",
    "read_access",
    "user_doc",
]


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


def find_project(state: AccessState, ref: str) -> LiveProject:
    """A project of the state by id or exact title; unknown: an error with close matches."""
    projects = state.engine.projects
    if is_uuid(ref) and ref.lower() in projects:
        return projects[ref.lower()]
    found = [p for p in projects.values() if ref in (p.title, p.id)]
    if not found:
        titles = {p.title for p in projects.values()}
        hint = did_you_mean(ref, titles)
        if hint is None:
            # A part of a title ("Revenu") finds it too.
            near = sorted(t for t in titles if ref.lower() in t.lower())[:3]
            hint = ("did you mean " + " or ".join(repr(t) for t in near) + "?") if near else None
        raise HexsyncError(
            f"no project titled {ref!r}",
            hint=hint or "name it by its exact title or id; list them with: hexsync projects list",
        )
    if len(found) > 1:
        ids = ", ".join(sorted(p.id for p in found))
        raise HexsyncError(f"{len(found)} projects are titled {ref!r}: {ids}", hint="use its id")
    return found[0]


def _paths(g: Grant) -> list[dict[str, str]]:
    return [{"path": p.label, "granted": p.granted.value} for p in g.paths]


def _grant_data(g: Grant) -> dict[str, Any]:
    out: dict[str, Any] = {"level": g.level.value, "paths": _paths(g)}
    if g.capped:
        out["capped_by_role"] = g.role
    return out


def find_user(state: AccessState, email: str) -> LiveUser:
    """An active user of the state by email (any case); unknown: an error with close matches."""
    wanted = email.strip().lower()
    user = state.engine.users.get(wanted)
    if user is not None:
        return user
    hint = did_you_mean(wanted, state.engine.users, cutoff=0.8)
    if wanted in state.live.users:
        msg = f"{wanted} is deactivated by the plan: no access at all"
    else:
        msg = f"no active user with email {email}"
    raise HexsyncError(msg, hint=hint or "deactivated users have no access and are not listed")


def public_projects(state: AccessState) -> list[LiveProject]:
    engine = state.engine
    return sorted(
        (p for p in engine.projects.values() if engine.project(p.id).public_web is not Access.NONE),
        key=lambda p: (p.title, p.id),
    )


def project_doc(state: AccessState, found: LiveProject) -> dict[str, Any]:
    """``access project --json`` (and the MCP tool ``who_can_access``)."""
    engine = state.engine
    pa = engine.project(found.id)
    users = engine.users
    return {
        "source": state.source,
        "project": {"id": found.id, "title": found.title, "owner": found.owner},
        "public_web": pa.public_web.value,
        "workspace_members": [{"path": p.label, "granted": p.granted.value} for p in pa.wide],
        "people": [
            {"email": g.email, "name": users[g.email].name, "role": g.role, **_grant_data(g)}
            for g in engine.people(found.id)
        ],
    }


def user_doc(state: AccessState, user: LiveUser) -> dict[str, Any]:
    """``access user --json`` (and the MCP tool ``what_can_user_access``)."""
    engine = state.engine
    projects = engine.projects
    return {
        "source": state.source,
        "user": {"email": user.email, "name": user.name, "role": user.role},
        "projects": [
            {"id": g.project_id, "title": projects[g.project_id].title, **_grant_data(g)}
            for g in engine.of_user(user.email)
        ],
        "public_web": [
            {"id": p.id, "title": p.title, "level": engine.project(p.id).public_web.value}
            for p in public_projects(state)
        ],
    }
