"""Data-aware answers every face gives (docs/data.md): who can query a data connection, and
what data of a class a person can see.

The reading is ``hexsync access``'s (:func:`hexsync.ops.access.read_access`) with the data
connections listed too (one listing, 100 per request) and the members of every group a
connection is shared with; as planned, the connections' sharing as the plan leaves it. A
class's answer also needs the projects' queried tables (read through the cache) and the
manifests' ``data.classes``.
"""

from __future__ import annotations

from typing import Any

from hexsync.decide.connection_access import connection_access
from hexsync.errors import HexsyncError, did_you_mean
from hexsync.ops.access import AccessState, user_doc
from hexsync.values.connections import LiveConnection
from hexsync.values.live import LiveUser

__all__ = ["class_doc", "connection_doc", "find_class", "find_connection"]


def find_connection(state: AccessState, ref: str) -> LiveConnection:
    """A data connection of the state asked about, by exact name or id."""
    live = state.engine.live
    found = live.connections.get(ref) or next(
        (c for c in live.connections.values() if c.id.lower() == ref.strip().lower()), None
    )
    if found is None:
        hint = did_you_mean(ref, sorted(live.connections))
        known = ", ".join(sorted(live.connections)) or "none this token can see"
        raise HexsyncError(
            f"no data connection named {ref!r} (the workspace has: {known})",
            hint=hint or "give a data connection's exact name or its id",
        )
    return found


def connection_doc(state: AccessState, conn: LiveConnection) -> dict[str, Any]:
    """``access connection --json`` (and the MCP tool ``who_can_query``)."""
    answer = connection_access(state.engine.live, conn)
    return state.stamped({"source": state.source, **answer.data})


def find_class(state: AccessState, name: str) -> str:
    """A class of the manifests' ``data.classes``; an error that says where classes come from,
    or which ones there are."""
    if not state.classes:
        raise HexsyncError(
            f"--class {name}: no data classes were given",
            hint="name the manifests that declare data.classes: --manifests PATH (or"
            " --as-planned PATH); see docs/data.md",
        )
    if name not in state.classes:
        known = ", ".join(state.classes)
        raise HexsyncError(
            f"--class {name}: not a class of data.classes (declared: {known})",
            hint=did_you_mean(name, state.classes) or "classes are named exactly as declared",
        )
    return name


def class_doc(state: AccessState, user: LiveUser, name: str) -> dict[str, Any]:
    """``access user EMAIL --class NAME --json``: the data of class ``name`` the person can
    see, and through which path: each project that reads it they have been given (its tables of
    the class, their level, every path), the public ones, what their role reaches without a
    grant, and the data connections holding the class they can query or see results of."""
    view = state.data
    base = user_doc(state, user)
    projects = state.engine.projects
    reading = {pid: found for pid in projects if (found := view.classes_of(pid).get(name))}

    def tables(pid: str) -> list[str]:
        return [str(t) for t in reading[pid]]

    role = base["role_reach"]
    if role is not None:
        given = sum(1 for p in base["projects"] if p["id"] in reading)
        role = {**role, "projects": len(reading), "without_grant": len(reading) - given}
    live = state.engine.live
    connections = []
    for conn_name in sorted({p.connection for p in state.classes[name]}):
        conn = live.connections.get(conn_name)
        if conn is None:
            continue
        person = next(
            (p for p in connection_access(live, conn).people if p.email == user.email), None
        )
        if person is not None:
            held = [str(p) for p in state.classes[name] if p.connection == conn_name]
            connections.append({"connection": conn_name, "tables": held, **person.data})
    doc: dict[str, Any] = {
        **base,
        "class": name,
        "projects": [
            {**p, "tables": tables(p["id"])} for p in base["projects"] if p["id"] in reading
        ],
        "reading": len(reading),
        "role_reach": role,
        "public_web": [
            {**p, "tables": tables(p["id"])} for p in base["public_web"] if p["id"] in reading
        ],
        "connections": connections,
    }
    if not view.known:
        facts = view.facts
        doc["classes_unknown"] = (
            facts.unavailable if facts is not None and facts.unavailable else "not read"
        )
    return doc
