"""Who can query a data connection, and why (pure; ``hexsync access connection``, docs/data.md).

A person reaches a connection through every path that applies, the highest level wins:

- ``workspace members``: every active user whose role is a workspace member's (never a Guest);
- ``guests``: every active Guest;
- ``group NAME``: the members of each group the connection is shared with (members not read:
  the group is listed in ``unread`` and nobody is counted through it);
- the public (anyone with a published app's link) is no person: it is stated apart.

Admins manage every data connection and its sharing (Hex's "Workspace roles"): that is reach, not
a grant, and is stated apart (``admins``), as ``hexsync access project`` states an Admin's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from hexsync.values.connections import QUERY, LiveConnection, connection_rank
from hexsync.values.hex_access import level_or_none, reaches_workspace
from hexsync.values.live import Live

__all__ = ["ConnectionAccess", "PersonAccess", "connection_access"]


@dataclass(frozen=True)
class PersonAccess:
    email: str
    role: str | None
    level: str
    paths: tuple[tuple[str, str], ...]  # (via, level), highest first

    @property
    def can_query(self) -> bool:
        return self.level == QUERY

    @property
    def data(self) -> dict[str, Any]:
        return {
            "email": self.email,
            "role": self.role,
            "level": self.level,
            "paths": [{"via": via, "level": level} for via, level in self.paths],
        }


@dataclass(frozen=True)
class ConnectionAccess:
    connection: LiveConnection
    people: tuple[PersonAccess, ...] = ()
    admins: tuple[str, ...] = ()
    unread: tuple[str, ...] = ()  # groups whose members were not read
    unknown: tuple[str, ...] = ()  # groups the connection names that the workspace does not list
    notes: tuple[str, ...] = field(default=())

    @property
    def query(self) -> tuple[PersonAccess, ...]:
        return tuple(p for p in self.people if p.can_query)

    @property
    def data(self) -> dict[str, Any]:
        c = self.connection
        return {
            "connection": {"id": c.id, "name": c.name, "type": c.type},
            "sharing": {
                **c.audiences,
                "groups": dict(c.groups),
                "schema_refresh_access": c.schema_refresh_access,
            },
            "public": level_or_none(c.public),
            "query": len(self.query),
            "people": [p.data for p in self.people],
            "admins": list(self.admins),
            "unread_groups": list(self.unread),
            "notes": list(self.notes),
        }


def connection_access(live: Live, conn: LiveConnection) -> ConnectionAccess:
    """Everyone who can query or see the results of ``conn`` in ``live``, with every path."""
    paths: dict[str, list[tuple[str, str]]] = {}
    unread, unknown = [], []

    def grant(email: str, via: str, level: str | None) -> None:
        if level_or_none(level) is not None and email in live.users:
            paths.setdefault(email, []).append((via, level or ""))

    for user in live.users.values():
        if user.role == "GUEST":
            grant(user.email, "guests", conn.guests)
        elif reaches_workspace(user.role):
            grant(user.email, "workspace members", conn.members)
    for name, level in sorted(conn.groups.items()):
        group = live.groups.get(name)
        if group is None:
            unknown.append(name)
        elif group.members is None:
            unread.append(name)
        else:
            for email in sorted(group.members):
                grant(email, f"group {name}", level)
    people = []
    for email, found in paths.items():
        ordered = sorted(found, key=lambda p: (-connection_rank(p[1]), p[0]))
        user = live.users[email]
        people.append(PersonAccess(email, user.role, ordered[0][1], tuple(ordered)))
    people.sort(key=lambda p: (-connection_rank(p.level), p.email))
    notes = []
    if unread:
        notes.append(
            f"the members of {', '.join(repr(n) for n in unread)} were not read: nobody is"
            " counted through them"
        )
    if level_or_none(conn.public) is not None:
        notes.append(f"the public (anyone with a published app's link) has {conn.public}")
    admins = tuple(sorted(u.email for u in live.users.values() if u.role == "ADMIN"))
    return ConnectionAccess(
        conn, tuple(people), admins, tuple(unread), tuple(unknown), tuple(notes)
    )
