"""Reading back what apply wrote, and whether a saved plan is already applied.

After the writes, :func:`read_back` re-reads the objects touched (listings, or GetProject for a
few projects) and compares every field the plan set with what the workspace now says: a field
that did not take (the "perpetual diff") is reported by name. Before a saved plan is refused as
stale, :func:`already_applied` asks whether the workspace already holds everything it would do
(``hexsync apply plan.json`` run a second time): then there is nothing to do. Both read the
workspace through :mod:`hexsync.decide.projection` when the value is a plan's field.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine, Mapping, Sequence
from typing import Any, TypeVar

from hexsync.apply.directory import Directory
from hexsync.apply.report import (
    Outcome,
    Unconverged,
)
from hexsync.errors import EXIT_OK, HexsyncError
from hexsync.hexapi import (
    Collection,
    Group,
    HexClient,
)
from hexsync.hexapi import Project as ApiProject
from hexsync.values.kinds import Kind
from hexsync.values.live import Live, LiveProject
from hexsync.values.plan import Action, Change, FieldChange, Plan

T = TypeVar("T")

__all__ = ["AlreadyAppliedError", "Unconverged", "already_applied", "duplicate_titles", "read_back"]


def scalar_field(change: Change, path: str) -> FieldChange | None:
    found = change.fields_at(path)
    return found[0] if found else None


class AlreadyAppliedError(HexsyncError):
    """The saved plan's changes all hold in the workspace: nothing to apply (exit 0)."""

    exit_code = EXIT_OK


def already_applied(plan: Plan, live: Live) -> bool:
    """True when ``plan`` has changes and every one of them already holds in ``live``."""
    return bool(plan.changes) and all(_holds(change, live) for change in plan.changes)


def _holds(change: Change, live: Live) -> bool:
    kind, action = change.kind, change.action
    if action is Action.CREATE:
        if kind is Kind.PROJECT:
            found = live.projects_by_title.get(change.name, ())
            return len(found) == 1 and _fields_hold(change.fields, found[0])
        names = live.collections if kind is Kind.COLLECTION else live.groups
        return change.name in names and _object_holds(change, live, by_name=True)
    if action is Action.DELETE:
        return change.id is not None and change.id not in live.groups_by_id
    if action is Action.DEACTIVATE:
        return change.id is not None and change.id not in live.users_by_id
    if kind is Kind.PROJECT:
        project = live.projects.get(change.id or "")
        return project is not None and _fields_hold(change.fields, project)
    return _object_holds(change, live, by_name=False)


def _object_holds(change: Change, live: Live, *, by_name: bool) -> bool:
    """A collection's (name, description, sharing) or group's (name, members) fields as the
    change wants them."""
    if change.kind is Kind.COLLECTION:
        coll = (
            live.collections.get(change.name)
            if by_name
            else live.collections_by_id.get(change.id or "")
        )
        if coll is None:
            return False
        values = {"name": coll.name, "description": coll.description or ""}
        for f in change.fields:
            if f.path in values:
                if values[f.path] != (f.new or ""):
                    return False
            elif f.path == "sharing.workspace":
                level = coll.sharing.workspace
                if (None if level == "NONE" else level) != f.new:
                    return False
            elif f.path in ("sharing.users", "sharing.groups"):
                entries = getattr(coll.sharing, f.path.removeprefix("sharing."))
                if entries.get(f.key or "") != f.new:
                    return False
            else:
                return False
        return True
    group = live.groups.get(change.name) if by_name else live.groups_by_id.get(change.id or "")
    if group is None:
        return False
    for f in change.fields:
        if f.path == "name":
            if group.name != f.new:
                return False
        elif f.path == "members":
            if group.members is None or ((f.key or "") in group.members) != (f.new is not None):
                return False
        else:
            return False
    return True


def _fields_hold(fields: tuple[FieldChange, ...], project: LiveProject) -> bool:
    sharing = project.sharing
    for f in fields:
        if f.path == "status":
            now: str | None = project.status
        elif f.path == "description":
            now = project.description
        elif f.path in ("sharing.workspace", "sharing.public_web"):
            level = getattr(sharing, f.path.removeprefix("sharing."))
            now = None if level == "NONE" else level
        elif f.path in ("sharing.users", "sharing.groups", "sharing.collections"):
            entries = getattr(sharing, f.path.removeprefix("sharing."))
            now = entries.get(f.key or "")
        else:
            return False
        want = None if f.new == "NONE" else f.new
        if now != want:
            return False
    return True


FEW_PROJECTS = 3  # up to this many touched projects are re-read one by one, more by listing


async def read_back(
    client: HexClient, outcomes: Sequence[Outcome], directory: Directory
) -> list[Unconverged]:
    """Re-read what was done and compare every field the plan set with what Hex now says."""
    done = [o for o in outcomes if o.status == "done"]
    projects = [o for o in done if o.change.kind is Kind.PROJECT and o.id]
    groups = [o for o in done if o.change.kind is Kind.GROUP]
    collections = [o for o in done if o.change.kind is Kind.COLLECTION]
    # The three reads are independent and may fall in different rate-limit groups (a group's
    # members are read in the users group): read together, each group is paced on its own.
    parts = []
    if projects:
        parts.append(_verify_projects(client, projects))
    if groups:
        parts.append(_verify_groups(client, groups))
    if collections:
        parts.append(_verify_collections(client, collections, directory))
    return [u for part in await _together(parts) for u in part]


async def _together(reads: Sequence[Coroutine[Any, Any, T]]) -> list[T]:
    """Await ``reads`` concurrently; when one fails, the others are cancelled and the error
    raised (as reading them one after the other would have stopped there)."""
    tasks = [asyncio.ensure_future(read) for read in reads]
    try:
        return list(await asyncio.gather(*tasks))
    except BaseException:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise


async def _verify_collections(
    client: HexClient, outcomes: Sequence[Outcome], directory: Directory
) -> list[Unconverged]:
    found: list[Unconverged] = []
    live = {c.id: c async for c in client.iter_collections()}
    for o in outcomes:
        now = live.get(o.id or "")
        for f in o.change.fields:
            value = None if now is None else _collection_value(now, f, directory)
            if f.path.startswith("sharing."):
                if not _same(f, value):
                    found.append(Unconverged(o.change, f.path, f.key, f.new, value))
            elif (value or None) != (f.new or None):
                found.append(Unconverged(o.change, f.path, None, f.new, value))
    return found


def _collection_value(now: Collection, f: FieldChange, directory: Directory) -> str | None:
    """A collection's field as Hex reads it now; sharing keys by email (lower) or group name."""
    if f.path == "name":
        return now.name
    if f.path == "description":
        return now.description
    if f.path == "sharing.workspace":
        return now.sharing.workspace_members
    kind, table = (
        (Kind.USER, now.sharing.users)
        if f.path == "sharing.users"
        else (Kind.GROUP, now.sharing.groups)
    )
    names = directory.reverse(kind)
    by_name = {names.get(i.lower(), names.get(i, i)): level for i, level in table.items()}
    key = (f.key or "").lower() if kind is Kind.USER else (f.key or "")
    return by_name.get(key)


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
        for f in o.change.fields:
            if f.path == "description":
                continue  # set on create only, and not part of what apply manages afterwards
            value = _project_value(project, f) if project is not None else None
            if not _same(f, value):
                found.append(Unconverged(o.change, f.path, f.key, f.new, value))
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


def _project_value(project: ApiProject, f: FieldChange) -> str | None:
    sharing = project.sharing
    if f.path == "status":
        return project.status
    if f.path == "name":
        return project.title
    if sharing is None:
        return None
    if f.path == "sharing.workspace":
        return sharing.workspace
    if f.path == "sharing.public_web":
        return sharing.public_web
    table: Mapping[str, str] = {}
    key = f.key or ""
    if f.path == "sharing.users":
        table = {email.lower(): access for email, access in sharing.users.items()}
        key = key.lower()
    elif f.path == "sharing.groups":
        table = sharing.groups
    elif f.path == "sharing.collections":
        table = sharing.collections
    return table.get(key)


def _same(f: FieldChange, value: str | None) -> bool:
    if f.path.startswith("sharing."):
        # Absent and NONE are the same access.
        return (value or "NONE") == (f.new or "NONE")
    return value == f.new


async def _verify_groups(client: HexClient, outcomes: Sequence[Outcome]) -> list[Unconverged]:
    live: dict[str, Group] = {}
    members_of: dict[str, set[str]] = {}

    async def listed() -> None:
        live.update({g.id: g async for g in client.iter_groups()})

    async def members_read(ident: str) -> None:
        members_of[ident] = {u.email.lower() async for u in client.iter_users(group_id=ident)}

    # The listing (general group) and each changed group's members (users group) together.
    changed = sorted(
        {
            o.id
            for o in outcomes
            if o.id and o.change.action is not Action.DELETE and o.change.fields_at("members")
        }
    )
    await _together([listed(), *(members_read(i) for i in changed)])
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
        name = scalar_field(o.change, "name")
        if name is not None and name.new is not None and group.name != name.new:
            found.append(Unconverged(o.change, "name", None, name.new, group.name))
        members = o.change.fields_at("members")
        if members:
            have = members_of.get(ident, set())
            for f in members:
                key = (f.key or "").lower()
                is_member = key in have
                if is_member != (f.new is not None):
                    found.append(
                        Unconverged(
                            o.change, "members", f.key, f.new, "member" if is_member else None
                        )
                    )
    return found
