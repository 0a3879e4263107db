"""What ``hexsync serve`` remembers, asked without a Hex token: ``hexsync history``, ``hexsync
access … --at TIME``, ``GET /api/history`` and ``GET /api/access/project/NAME?at=…``.

Everything here reads the store (:mod:`hexsync.store`); the access answers are the access engine
over the snapshot in force at the moment asked about.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from hexsync.decide.access_engine import AccessEngine
from hexsync.errors import ConfigError, HexsyncError
from hexsync.manifest.yamlsafe import paused_gc
from hexsync.ops.access import AccessState
from hexsync.ops.snapshot import live_of
from hexsync.store import Store, iso

__all__ = [
    "AccessAt",
    "access_at",
    "event_line",
    "find_project_at",
    "history_events",
    "parse_when",
    "pick_workspace",
    "project_access_doc",
]

_AGO = re.compile(r"^\s*(\d+)\s*([mhdw])\s*$")
_AGO_UNITS = {"m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}


def parse_when(text: str, *, now: dt.datetime | None = None, option: str = "--at") -> dt.datetime:
    """A moment: ISO 8601 (``2027-01-03``, ``2027-01-03T10:00``, with ``Z`` or an offset;
    without one it is UTC), or a time ago (``90m``, ``12h``, ``7d``, ``2w``)."""
    ago = _AGO.match(text)
    if ago is not None:
        base = now or dt.datetime.now(dt.timezone.utc)
        return base - dt.timedelta(seconds=int(ago.group(1)) * _AGO_UNITS[ago.group(2)])
    try:
        value = dt.datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise ConfigError(
            f"{option} {text!r} is not a time",
            hint="write 2027-01-03, 2027-01-03T10:00 (UTC unless an offset is given), or 7d ago "
            "as 7d",
        ) from None
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.timezone.utc)


def pick_workspace(store: Store, name: str | None) -> str:
    """The workspace asked for, or the store's only one."""
    known = store.workspaces()
    if name is not None:
        if name not in known:
            raise HexsyncError(
                f"the store {store.url} has no workspace {name!r}",
                hint=f"it has: {', '.join(known)}" if known else "no sync has run against it yet",
            )
        return name
    if not known:
        raise HexsyncError(
            f"the store {store.url} is empty: no sync has run against it yet",
            hint="is --db the database `hexsync serve` writes to?",
        )
    if len(known) > 1:
        raise HexsyncError(
            f"the store holds {len(known)} workspaces",
            hint=f"name one with --workspace: {', '.join(known)}",
        )
    return known[0]


def history_events(
    store: Store,
    workspace: str,
    *,
    since: dt.datetime | None = None,
    subject: str | None = None,
    limit: int = 500,
) -> list[dict[str, Any]]:
    """The timeline, newest first: syncs, changes made in Hex (by anyone, hexsync's heals
    marked), and drift opened and resolved. With ``subject`` only what names it (an object's
    name or id, a field, a person's email)."""
    events: list[dict[str, Any]] = []
    for change in store.changes(workspace, since=since, subject=subject, limit=limit):
        events.append({"type": "change", "at": iso(change.seen_at), **change.data})
    needle = subject.lower() if subject else None
    for item in store.drift_history(workspace, since=since, limit=limit):
        text = (
            f"{item.object_name} {item.object_id or ''} {item.field} {item.manifests} {item.live}"
        )
        if needle is not None and needle not in text.lower():
            continue
        if since is None or item.first_seen >= since:
            events.append({"type": "drift_opened", "at": iso(item.first_seen), **item.data})
        if item.resolved_at is not None and (since is None or item.resolved_at >= since):
            events.append({"type": "drift_resolved", "at": iso(item.resolved_at), **item.data})
    if subject is None:
        for sync in store.syncs(workspace, limit=limit):
            if since is not None and sync.started_at < since:
                break
            events.append({"type": "sync", "at": iso(sync.started_at), **sync.data})
    order = {"sync": 0, "change": 1, "drift_opened": 2, "drift_resolved": 2}
    events.sort(key=lambda e: (e["at"] or "", order[e["type"]]), reverse=True)
    return events[:limit]


def _value(text: str | None) -> str:
    return "(none)" if text is None else text


def event_line(event: dict[str, Any]) -> str:
    """One line of ``hexsync history``."""
    at = (event["at"] or "")[:16].replace("T", " ")
    kind = event["type"]
    if kind == "sync":
        commit = f", commit {event['commit'][:10]}" if event.get("commit") else ""
        detail = f": {event['error']}" if event.get("error") else ""
        note = f" ({event['note']})" if event.get("note") else ""
        return (
            f"{at}  sync #{event['id']} {event['outcome']}{note} ({event['mode']}, "
            f"{event['requests']} requests, {event['drift_count']} drift{commit}){detail}"
        )
    target = f"{event['kind']} {event['object']!r}"
    if kind == "change":
        field = f" {event['field']}" if event["field"] else ""
        who = " [a heal of hexsync serve]" if event["by_hexsync"] else ""
        managed = "" if event["managed"] else " (not in the manifests)"
        if event["action"] == "changed":
            what = f"{_value(event['old'])} → {_value(event['new'])}"
        else:
            what = event["action"]
            value = event["new"] if event["action"] == "added" else event["old"]
            if value is not None and event["field"]:
                what += f" {value}"
        return f"{at}  changed in Hex: {target}{field}: {what}{managed}{who}"
    field = f" {event['field']}" if event["field"] else ""
    if kind == "drift_opened":
        return (
            f"{at}  drift opened: {target}{field}: manifests {_value(event['manifests'])}, "
            f"Hex {_value(event['live'])}"
        )
    return f"{at}  drift resolved: {target}{field}"


@dataclass(frozen=True)
class AccessAt:
    """The access engine over the snapshot in force at ``at``."""

    state: AccessState
    at: dt.datetime
    taken_at: dt.datetime  # when that snapshot's content was first read


def access_at(store: Store, workspace: str, at: dt.datetime) -> AccessAt:
    """Who could see what at ``at``, from the store alone (no Hex token).

    A snapshot of 10,000 projects is hundreds of thousands of small objects, and no cycles:
    the cyclic collector is paused while it is loaded (it would walk them, and everything the
    process already holds, again and again: half the time of an answer)."""
    with paused_gc():
        snapshot = store.snapshot_at(workspace, at)
        if snapshot is None:
            first = store.first_snapshot_time(workspace)
            raise HexsyncError(
                f"the store has no snapshot of {workspace!r} from {iso(at)} or before",
                hint=f"its memory starts at {iso(first)}" if first else "no sync has read it yet",
            )
        live = live_of(snapshot.document)
    state = AccessState(AccessEngine(live), live, read_at=iso(snapshot.taken_at))
    return AccessAt(state, at, snapshot.taken_at)


def find_project_at(state: AccessState, ref: str) -> str:
    """The id of the project titled (or with id) ``ref`` in ``state``."""
    projects = state.engine.projects
    if ref.lower() in projects:
        return ref.lower()
    found = [p.id for p in projects.values() if p.title == ref]
    if len(found) == 1:
        return found[0]
    if found:
        raise HexsyncError(f"{len(found)} projects were titled {ref!r}: {', '.join(sorted(found))}")
    near = sorted(p.title for p in projects.values() if ref.lower() in p.title.lower())[:3]
    raise HexsyncError(
        f"no project titled {ref!r} then",
        hint=("did you mean " + " or ".join(repr(t) for t in near) + "?") if near else None,
    )


def project_access_doc(answer: AccessAt, project_id: str) -> dict[str, Any]:
    """Who could open the project at ``answer.at``: the JSON of ``access project --at`` and of
    ``GET /api/access/project/NAME?at=…``."""
    engine = answer.state.engine
    found = engine.projects[project_id]
    pa = engine.project(project_id)
    users = engine.users
    people = []
    for g in engine.people(project_id):
        person: dict[str, Any] = {
            "email": g.email,
            "name": users[g.email].name if g.email in users else None,
            "role": g.role,
            "level": g.level.value,
            "paths": [{"path": p.label, "granted": p.granted.value} for p in g.paths],
        }
        if g.capped:
            person["capped_by_role"] = g.role
        people.append(person)
    return {
        "source": "snapshot",
        "at": iso(answer.at),
        "snapshot_taken_at": iso(answer.taken_at),
        "project": {"id": found.id, "title": found.title, "owner": found.owner},
        "public_web": pa.public_web.value,
        "workspace_members": [{"path": p.label, "granted": p.granted.value} for p in pa.wide],
        "people": people,
    }
