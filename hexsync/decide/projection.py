"""The workspace as a plan would leave it, and what a plan's field holds on a live object.

Pure, no I/O. Every reader of "the workspace after this plan" goes through this module, so they
judge one workspace: the access engine's as-planned view (``hexsync access --as-planned``, the
plan's access impact), the ``enforce: check`` rules, and apply's read-back and already-applied
detection (what Hex shows, normalised by :mod:`hexsync.readers.workspace` into the same
:class:`~hexsync.values.live.Live` shapes).

- :func:`project`: ``live`` as ``changes`` leave it, every kind of change;
- :func:`find`: the live object a change is about (by name for a create, by id otherwise);
- :func:`field_value`: what one of a plan's fields holds on a live object;
- :func:`same_value`: whether two values of a field are the same;
- :func:`field_holds` / :func:`holds`: whether a field, a whole change, already holds.

No access has one spelling, :data:`~hexsync.values.hex_access.NO_ACCESS`: a plan writes it as
``None``, Hex as ``NONE``, and :func:`~hexsync.values.hex_access.same_access` is how the two
compare (it lives with Hex's access rules, below the readers and the live value that use it too).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from hexsync.values.desired import FrozenMap
from hexsync.values.hex_access import has_access, level_or_no_access, level_or_none, same_access
from hexsync.values.kinds import Kind
from hexsync.values.live import (
    Live,
    LiveCollection,
    LiveCollectionSharing,
    LiveGroup,
    LiveProject,
    LiveSharing,
    LiveUser,
)
from hexsync.values.plan import ACCESS_PATHS, Action, Change, FieldChange

__all__ = [
    "LiveObject",
    "field_holds",
    "field_value",
    "find",
    "holds",
    "project",
    "same_value",
]

LiveObject = LiveProject | LiveCollection | LiveGroup | LiveUser

# The fields a plan sets on each kind of object (what field_value can read).
_PATHS: dict[type[Any], frozenset[str]] = {
    LiveProject: frozenset({"name", "description", "status"}) | ACCESS_PATHS,
    LiveCollection: frozenset(
        {"name", "description", "sharing.workspace", "sharing.users", "sharing.groups"}
    ),
    LiveGroup: frozenset({"name", "members"}),
    LiveUser: frozenset(),
}
_SCALARS = {"sharing.workspace": "workspace", "sharing.public_web": "public_web"}
_ENTRIES = {
    "sharing.users": "users",
    "sharing.groups": "groups",
    "sharing.collections": "collections",
}


# ---------------------------------------------------------------------------------------------
# What a field holds


def _key(f: FieldChange) -> str:
    """The principal a set-like field names, as the live value keys it (emails lower-cased)."""
    key = f.key or ""
    return key.lower() if f.path in ("sharing.users", "members") else key


def field_value(obj: LiveObject, f: FieldChange) -> str | None:
    """What ``f``'s field holds on ``obj``: a name, description or status (None when it has
    none); a sharing level (``NONE`` for a dimension nobody is granted, None for a principal not
    granted); ``member`` or None for a membership. None for a field the object does not have,
    or members that were not read (see :func:`field_holds`)."""
    path = f.path
    if path not in _PATHS[type(obj)]:
        return None
    if isinstance(obj, LiveGroup):
        if path == "name":
            return obj.name
        return "member" if obj.members is not None and _key(f) in obj.members else None
    assert isinstance(obj, (LiveProject, LiveCollection))
    if path == "name":
        return obj.title if isinstance(obj, LiveProject) else obj.name
    if path == "description":
        return obj.description
    if path == "status":
        assert isinstance(obj, LiveProject)
        return obj.status
    sharing = obj.sharing
    if path in _SCALARS:
        level: str = getattr(sharing, _SCALARS[path])
        return level
    entries: Mapping[str, str] = getattr(sharing, _ENTRIES[path])
    return entries.get(_key(f))


def same_value(path: str, a: str | None, b: str | None) -> bool:
    """Whether ``a`` and ``b`` are the same value of a field at ``path``: for access, absent and
    ``NONE`` are the same; otherwise absent and empty are."""
    if path in ACCESS_PATHS:
        return same_access(a, b)
    return (a or None) == (b or None)


def field_holds(obj: LiveObject, f: FieldChange) -> bool:
    """Whether ``obj`` holds ``f``'s new value. A field the object does not have, or a group's
    membership when its members were not read, does not hold (it cannot be told)."""
    if f.path not in _PATHS[type(obj)]:
        return False
    if f.path == "members" and isinstance(obj, LiveGroup) and obj.members is None:
        return False
    return same_value(f.path, field_value(obj, f), f.new)


def find(live: Live, change: Change) -> LiveObject | None:
    """The object ``change`` is about in ``live``: a created one by its name (a project by its
    title, when one visible project alone has it), any other by its id; None when not there."""
    ident = change.id or ""
    create = change.action is Action.CREATE
    if change.kind is Kind.PROJECT:
        if create:
            found = live.projects_by_title.get(change.name, ())
            return found[0] if len(found) == 1 else None
        return live.projects.get(ident)
    if change.kind is Kind.COLLECTION:
        return live.collections.get(change.name) if create else live.collections_by_id.get(ident)
    if change.kind is Kind.GROUP:
        return live.groups.get(change.name) if create else live.groups_by_id.get(ident)
    return live.users_by_id.get(ident)


def holds(change: Change, live: Live) -> bool:
    """Whether ``live`` already holds ``change``: a deleted group or deactivated user is gone
    (by id), any other object is there with every field as the change sets it."""
    if change.action in (Action.DELETE, Action.DEACTIVATE):
        return change.id is not None and find(live, change) is None
    obj = find(live, change)
    return obj is not None and all(field_holds(obj, f) for f in change.fields)


# ---------------------------------------------------------------------------------------------
# The workspace as the plan leaves it


def _set(entries: Mapping[str, str], key: str, new: str | None) -> FrozenMap[str, str]:
    out = dict(entries)
    level = level_or_none(new)
    if level is None:
        out.pop(key, None)
    else:
        out[key] = level
    return FrozenMap(out)


_SharingT = TypeVar("_SharingT", LiveSharing, LiveCollectionSharing)


def _shared(s: _SharingT, change: Change) -> _SharingT:
    """A project's or a collection's sharing with ``change``'s sharing fields applied."""
    for f in change.fields:
        name = _ENTRIES.get(f.path) or _SCALARS.get(f.path)
        if name is None or not hasattr(s, name):
            continue
        value: Any
        if f.path in _SCALARS:
            value = level_or_no_access(f.new)
        elif f.key is None:
            continue
        else:
            value = _set(getattr(s, name), _key(f), f.new)
        s = dataclasses.replace(s, **{name: value})
    return s


def _renamed(entries: Mapping[str, str], names: Mapping[str, str | None]) -> FrozenMap[str, str]:
    """Sharing keyed by group or collection name after renames (to a name) and deletions (None)."""
    out: dict[str, str] = {}
    for key, level in entries.items():
        new = names.get(key, key)
        if new is not None:
            out[new] = level
    return FrozenMap(out)


def _old_name(change: Change) -> str:
    renamed = change.fields_at("name")
    return renamed[0].old if renamed and renamed[0].old else change.name


def _group(found: LiveGroup | None, change: Change) -> LiveGroup:
    """A group created or updated by ``change``: its name and members (unknown stays unknown)."""
    name = change.name
    members = set(found.members or ()) if found is not None else set()
    for f in change.fields_at("members"):
        if f.new is None:
            members.discard(_key(f))
        else:
            members.add(_key(f))
    known = found is None or found.members is not None
    return LiveGroup(
        found.id if found is not None else f"planned:{name}",
        name,
        frozenset(members) if known else None,
    )


def project(live: Live, changes: Iterable[Change], *, now: dt.datetime | None = None) -> Live:
    """``live`` as it will be once ``changes`` are applied (no I/O; created objects' ids are
    ``planned:NAME``; a created project is owned and created by the token's user, at ``now``
    when given, so that a rule on ``created`` or ``last_viewed`` sees it new, not ageless).

    Groups: created, renamed (sharing that names them follows), members added and removed,
    deleted (every sharing that named them drops them, as Hex does). Collections: created,
    renamed (projects' sharing follows), description and sharing set. Projects: created, status
    and sharing set. Deactivated users leave ``users`` (they have no access any more) and every
    group's members.
    """
    users = dict(live.users)
    groups = dict(live.groups)
    collections = dict(live.collections)
    projects = dict(live.projects)
    group_names: dict[str, str | None] = {}
    coll_names: dict[str, str | None] = {}
    for change in changes:
        name = change.name
        if change.kind is Kind.USER and change.action is Action.DEACTIVATE:
            if not has_access(active=False):
                users.pop(name.lower(), None)
        elif change.kind is Kind.GROUP:
            if change.action is Action.DELETE:
                groups.pop(name, None)
                group_names[name] = None
                continue
            old_name = _old_name(change)
            found = groups.pop(old_name, None) or groups.pop(name, None)
            groups[name] = _group(found, change)
            if old_name != name:
                group_names[old_name] = name
        elif change.kind is Kind.COLLECTION:
            old_name = _old_name(change)
            coll = collections.pop(old_name, None) or collections.pop(name, None)
            if coll is None:
                coll = LiveCollection(f"planned:{name}", name)
            desc = change.fields_at("description")
            collections[name] = dataclasses.replace(
                coll,
                name=name,
                description=desc[0].new if desc else coll.description,
                sharing=_shared(coll.sharing, change),
            )
            if old_name != name:
                coll_names[old_name] = name
        elif change.kind is Kind.PROJECT:
            pid = change.id or f"planned:{name}"
            desc = change.fields_at("description")
            made = LiveProject(
                pid,
                name,
                desc[0].new if desc else None,
                owner=live.me_email,
                creator=live.me_email,
                created_at=now.isoformat() if now is not None else None,
            )
            found_project = projects.get(pid) or made
            status = change.fields_at("status")
            projects[pid] = dataclasses.replace(
                found_project,
                status=status[0].new if status else found_project.status,
                sharing=_shared(found_project.sharing, change),
            )
    if group_names or coll_names:
        for c_name, coll in list(collections.items()):
            cs = coll.sharing
            collections[c_name] = dataclasses.replace(
                coll, sharing=dataclasses.replace(cs, groups=_renamed(cs.groups, group_names))
            )
        for pid, found_project in list(projects.items()):
            ps = found_project.sharing
            projects[pid] = dataclasses.replace(
                found_project,
                sharing=dataclasses.replace(
                    ps,
                    groups=_renamed(ps.groups, group_names),
                    collections=_renamed(ps.collections, coll_names),
                ),
            )
    # A deactivated user keeps no membership; no share reaches them (they are no user now).
    gone = set(live.users) - set(users)
    if gone:
        for g_name, group in list(groups.items()):
            if group.members is not None and group.members & gone:
                groups[g_name] = dataclasses.replace(group, members=group.members - gone)
    return dataclasses.replace(
        live,
        users=FrozenMap(users),
        groups=FrozenMap(groups),
        collections=FrozenMap(collections),
        projects=FrozenMap(projects),
    )
