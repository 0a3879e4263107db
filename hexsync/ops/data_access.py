"""Data-aware answers every face gives (docs/data.md): who can query a data connection.

The reading is ``hexsync access``'s (:func:`hexsync.ops.access.read_access`) with the data
connections listed too (one listing, 100 per request) and the members of every group a
connection is shared with; as planned, the connections' sharing as the plan leaves it.
"""

from __future__ import annotations

from typing import Any

from hexsync.decide.connection_access import connection_access
from hexsync.errors import HexsyncError, did_you_mean
from hexsync.ops.access import AccessState
from hexsync.values.connections import LiveConnection

__all__ = ["connection_doc", "find_connection"]


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
