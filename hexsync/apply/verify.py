"""Whether the workspace already holds everything a saved plan would do (``hexsync apply
plan.json`` run a second time, or after someone applied the same manifests).

Such a plan is stale by construction (every object it changes has moved, to where it said),
but "stale, nothing was applied" and a list of every field is the wrong answer: there is nothing
to do. Pure; a field this module does not know how to read back counts as not done.
"""

from __future__ import annotations

from hexsync.errors import EXIT_OK, HexsyncError
from hexsync.values.live import Live, LiveProject
from hexsync.values.plan import Action, Change, FieldChange, Kind, Plan

__all__ = ["AlreadyAppliedError", "already_applied"]


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
