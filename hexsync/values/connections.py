"""Data connections as access objects: their levels, and a connection as the workspace has it.

A data connection is shared, apart from its projects, with three audiences of the workspace
(``members``, ``guests``, ``public``) and with groups, each at ``NONE``, ``VIEW_RESULTS`` (see
what a query returned) or ``QUERY`` (write and run queries on it); the public can never be
given ``QUERY``. ``schema_refresh_access`` says who may refresh its schema (``ADMINS`` or
``USERS_WITH_QUERY_ACCESS``). Pure values, no I/O: the manifests' side is
:class:`hexsync.values.desired.Connection`, the live side :class:`LiveConnection`.

Sources: Hex's OpenAPI document (``DataConnectionSharingAccessLevelEnum``,
``DataConnectionPublicSharingAccessLevelEnum``, ``DataConnectionSchemaRefreshAccess``) and
learn.hex.tech "Data connections" (using a shared connection needs Can Edit on the project).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hexsync.values.desired import FrozenMap

__all__ = [
    "AUDIENCES",
    "CONNECTION_LEVELS",
    "CONNECTION_PATHS",
    "NO_CONNECTION_ACCESS",
    "OPEN_AUDIENCES",
    "PUBLIC_LEVELS",
    "QUERY",
    "SCHEMA_REFRESH",
    "VIEW_RESULTS",
    "LiveConnection",
    "connection_lowers",
    "connection_rank",
    "connection_widens",
]

NO_CONNECTION_ACCESS = "NONE"
QUERY = "QUERY"
VIEW_RESULTS = "VIEW_RESULTS"
# From no access to the most: seeing results is less than querying.
CONNECTION_LEVELS: dict[str, int] = {NO_CONNECTION_ACCESS: 0, VIEW_RESULTS: 1, QUERY: 2}
PUBLIC_LEVELS = (NO_CONNECTION_ACCESS, VIEW_RESULTS)  # the public can never query
SCHEMA_REFRESH = ("ADMINS", "USERS_WITH_QUERY_ACCESS")

# The workspace audiences, manifest key → the plan's field path. Hex's body names them the same
# (``sharing.workspace.{members,guests,public}``).
AUDIENCES: dict[str, str] = {
    "members": "sharing.members",
    "guests": "sharing.guests",
    "public": "sharing.public",
}
# A connection opened to these is refused unless policy.allow_open_connections says otherwise.
OPEN_AUDIENCES = ("sharing.guests", "sharing.public")
CONNECTION_PATHS = frozenset({*AUDIENCES.values(), "sharing.groups", "schema_refresh_access"})


def connection_rank(level: str | None) -> int:
    """A connection level's rank: absent is NONE; a level hexsync does not know ranks highest
    (so lowering from it counts as destructive and raising to it as widening)."""
    if level is None:
        return 0
    return CONNECTION_LEVELS.get(level, len(CONNECTION_LEVELS))


def connection_lowers(old: str | None, new: str | None) -> bool:
    return connection_rank(new) < connection_rank(old)


def connection_widens(path: str, old: str | None, new: str | None) -> bool:
    """High risk: any raise for the workspace's members, guests or the public; a group raised
    to QUERY."""
    if connection_rank(new) <= connection_rank(old):
        return False
    return path in AUDIENCES.values() or connection_rank(new) >= CONNECTION_LEVELS[QUERY]


@dataclass(frozen=True)
class LiveConnection:
    """A data connection as read: audiences at Hex's levels (``NONE`` when not shared), groups
    by name (``NONE`` entries left out), and who may refresh its schema."""

    id: str
    name: str
    type: str | None = None
    members: str = "NONE"
    guests: str = "NONE"
    public: str = "NONE"
    groups: FrozenMap[str, str] = field(default_factory=FrozenMap)
    schema_refresh_access: str | None = None

    def value(self, path: str, key: str | None = None) -> str | None:
        """What a plan's field holds here (None for a group without access)."""
        if path == "name":
            return self.name
        if path == "schema_refresh_access":
            return self.schema_refresh_access
        if path == "sharing.groups":
            return self.groups.get(key or "")
        for audience, at in AUDIENCES.items():
            if at == path:
                level: str = getattr(self, audience)
                return level
        return None

    @property
    def audiences(self) -> dict[str, str]:
        return {a: getattr(self, a) for a in AUDIENCES}

    @property
    def fields(self) -> dict[str, str]:
        """The canonical snapshot a plan relies on (``Live.ref``)."""
        return {
            "name": self.name,
            "sharing.members": self.members,
            "sharing.guests": self.guests,
            "sharing.public": self.public,
            "sharing.groups": "\n".join(f"{k}={v}" for k, v in sorted(self.groups.items())),
            "schema_refresh_access": self.schema_refresh_access or "",
        }
