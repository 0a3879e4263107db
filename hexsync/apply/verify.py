"""Reading back what apply wrote, and whether a saved plan is already applied.

After the writes, :func:`read_back` re-reads the objects touched (listings, or GetProject for a
few projects), normalises them as any reading is (:mod:`hexsync.readers.workspace`), and
compares every field the plan set with what the workspace now says: a field that did not take
(the "perpetual diff") is reported by name. Before a saved plan is refused as stale,
:func:`already_applied` asks whether the workspace already holds everything it would do
(``hexsync apply plan.json`` run a second time): then there is nothing to do. Both ask
:mod:`hexsync.decide.projection` what a plan's field holds, as the check rules and the access
engine's as-planned view do.
"""

from __future__ import annotations

from collections.abc import Sequence

from hexsync.apply.directory import Directory
from hexsync.apply.report import (
    Outcome,
    Unconverged,
)
from hexsync.decide.projection import LiveObject, field_value, holds, same_value
from hexsync.errors import EXIT_OK, HexsyncError
from hexsync.hexapi import HexClient
from hexsync.hexapi import Project as ApiProject
from hexsync.readers.workspace import live_collection, live_project
from hexsync.values.kinds import Kind
from hexsync.values.live import Live, LiveGroup
from hexsync.values.plan import Action, Change, FieldChange, Plan

__all__ = ["AlreadyAppliedError", "Unconverged", "already_applied", "duplicate_titles", "read_back"]


def scalar_field(change: Change, path: str) -> FieldChange | None:
    found = change.fields_at(path)
    return found[0] if found else None


class AlreadyAppliedError(HexsyncError):
    """The saved plan's changes all hold in the workspace: nothing to apply (exit 0)."""

    exit_code = EXIT_OK


def already_applied(plan: Plan, live: Live) -> bool:
    """True when ``plan`` has changes and every one of them already holds in ``live``."""
    return bool(plan.changes) and all(holds(change, live) for change in plan.changes)


def _unconverged(o: Outcome, obj: LiveObject | None, f: FieldChange) -> Unconverged | None:
    """The field as the re-read object shows it, when that is not what the change set."""
    value = None if obj is None else field_value(obj, f)
    if same_value(f.path, value, f.new):
        return None
    return Unconverged(o.change, f.path, f.key, f.new, value)


FEW_PROJECTS = 3  # up to this many touched projects are re-read one by one, more by listing


async def read_back(
    client: HexClient, outcomes: Sequence[Outcome], directory: Directory
) -> list[Unconverged]:
    """Re-read what was done and compare every field the plan set with what Hex now says."""
    done = [o for o in outcomes if o.status == "done"]
    found: list[Unconverged] = []
    projects = [o for o in done if o.change.kind is Kind.PROJECT and o.id]
    if projects:
        found.extend(await _verify_projects(client, projects))
    groups = [o for o in done if o.change.kind is Kind.GROUP]
    collections = [o for o in done if o.change.kind is Kind.COLLECTION]
    if groups:
        found.extend(await _verify_groups(client, groups))
    if collections:
        emails, names = directory.reverse(Kind.USER), directory.reverse(Kind.GROUP)
        live = {c.id: live_collection(c, emails, names) async for c in client.iter_collections()}
        for o in collections:
            now = live.get(o.id or "")
            found.extend(u for f in o.change.fields if (u := _unconverged(o, now, f)) is not None)
    return found


async def _verify_projects(client: HexClient, outcomes: Sequence[Outcome]) -> list[Unconverged]:
    wanted = {o.id for o in outcomes if o.id}
    live: dict[str, ApiProject] = {}
    if len(wanted) <= FEW_PROJECTS:
        for ident in sorted(wanted):
            live[ident] = await client.get_project(ident, include_sharing=True)
    else:
        async for listed in client.iter_projects(
            include_sharing=True, include_archived=True, include_trashed=True
        ):
            if listed.id in wanted:
                live[listed.id] = listed
    found: list[Unconverged] = []
    for o in outcomes:
        project = live.get(o.id or "")
        now = live_project(project) if project is not None else None
        for f in o.change.fields:
            if f.path == "description":
                continue  # set on create only, and not part of what apply manages afterwards
            unconverged = _unconverged(o, now, f)
            if unconverged is not None:
                found.append(unconverged)
    return found


async def duplicate_titles(client: HexClient, outcomes: Sequence[Outcome]) -> list[str]:
    """Each title this apply created that more than one project holds now, with the ids."""
    created = {
        o.change.name
        for o in outcomes
        if o.change.kind is Kind.PROJECT and o.change.action is Action.CREATE and o.id
    }
    if not created:
        return []
    ids: dict[str, list[str]] = {}
    async for project in client.iter_projects(include_archived=True):
        if project.title in created:
            ids.setdefault(project.title, []).append(project.id)
    return [
        f'project title "{title}" is held by {len(found)} projects: ids {", ".join(sorted(found))}'
        for title, found in sorted(ids.items())
        if len(found) > 1
    ]


async def _verify_groups(client: HexClient, outcomes: Sequence[Outcome]) -> list[Unconverged]:
    live = {g.id: g async for g in client.iter_groups()}
    found: list[Unconverged] = []
    for o in outcomes:
        ident = o.id or ""
        if o.change.action is Action.DELETE:
            if ident in live:
                found.append(Unconverged(o.change, "ensure", None, "absent", "present"))
            continue
        group = live.get(ident)
        if group is None:
            found.append(Unconverged(o.change, "ensure", None, "present", "absent"))
            continue
        members: frozenset[str] | None = None
        if o.change.fields_at("members"):
            members = frozenset([u.email.lower() async for u in client.iter_users(group_id=ident)])
        now = LiveGroup(group.id, group.name, members)
        for f in o.change.fields:
            if f.path == "name" and f.new is None:
                continue
            unconverged = _unconverged(o, now, f)
            if unconverged is not None:
                found.append(unconverged)
    return found
