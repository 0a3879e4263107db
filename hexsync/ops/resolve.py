"""Turning the names people type into the objects the API wants: a project by id or exact
title, users by email, groups, a collection, a data connection by name.

People name things the way Hex shows them (a project's title, a user's email, a group's name);
the API wants ids. Each resolver reads the listing once and fails with every unknown name at
once, with close matches as a hint, before any write is sent. Every face (the commands, the MCP
tools) resolves through these.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from hexsync.errors import HexsyncError, did_you_mean
from hexsync.hexapi import (
    Collection,
    DataConnection,
    Group,
    HexClient,
    NotFoundError,
    Project,
    User,
)

__all__ = [
    "VISIBILITY_HINT",
    "collection_by_name",
    "find_connection",
    "find_project",
    "groups_by_name",
    "is_uuid",
    "users_by_email",
]

_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
VISIBILITY_HINT = "a token sees only what its user may see; a workspace token sees everything"


def is_uuid(text: str) -> bool:
    return bool(_UUID.match(text))


async def find_project(client: HexClient, ref: str, *, include_sharing: bool = False) -> Project:
    """A project by id, or by its exact title when that title is unique among visible projects.

    Archived projects are found too (trashed ones are not): runs and embedding name them.
    """
    if is_uuid(ref):
        try:
            return await client.get_project(ref, include_sharing=include_sharing)
        except NotFoundError as exc:
            raise HexsyncError(f"no project with id {ref}", hint=VISIBILITY_HINT) from exc
    matches: list[Project] = []
    titles: set[str] = set()
    async for project in client.iter_projects(
        include_sharing=include_sharing, include_archived=True
    ):
        titles.add(project.title)
        if project.title == ref:
            matches.append(project)
    if not matches:
        hint = did_you_mean(ref, titles) or VISIBILITY_HINT
        raise HexsyncError(f"no project titled {ref!r}", hint=hint)
    if len(matches) > 1:
        ids = ", ".join(p.id for p in sorted(matches, key=lambda p: p.id))
        raise HexsyncError(
            f"{len(matches)} projects are titled {ref!r}: {ids}",
            hint="name the project by its id",
        )
    return matches[0]


async def users_by_email(client: HexClient, emails: Sequence[str]) -> list[User]:
    """The active users with these emails (case-insensitive), in the order given."""
    known: dict[str, User] = {}
    async for user in client.iter_users():
        known[user.email.lower()] = user
    missing = [e for e in emails if e.lower() not in known]
    if missing:
        hints = [
            h for e in missing if (h := did_you_mean(e.lower(), known, cutoff=0.85)) is not None
        ]
        raise HexsyncError(
            "no active user with email " + ", ".join(missing),
            hint="; ".join(hints) if hints else "deactivated users are not listed by Hex",
        )
    return [known[e.lower()] for e in emails]


async def groups_by_name(client: HexClient, names: Sequence[str]) -> list[Group]:
    """The groups with these exact names, in the order given."""
    known: dict[str, Group] = {}
    async for group in client.iter_groups():
        known[group.name] = group
    missing = [n for n in names if n not in known]
    if missing:
        hints = [h for n in missing if (h := did_you_mean(n, known)) is not None]
        raise HexsyncError(
            "no group named " + ", ".join(repr(n) for n in missing),
            hint="; ".join(hints) if hints else "list them with: hexsync groups list",
        )
    return [known[n] for n in names]


async def collection_by_name(client: HexClient, name: str) -> Collection:
    """The collection with this exact name."""
    known: dict[str, Collection] = {}
    async for collection in client.iter_collections():
        known.setdefault(collection.name, collection)
    if name not in known:
        raise HexsyncError(
            f"no collection named {name!r}",
            hint=did_you_mean(name, known) or "list them with: hexsync collections list",
        )
    return known[name]


async def find_connection(client: HexClient, ref: str) -> DataConnection:
    """A data connection by id or exact (unique) name."""
    if is_uuid(ref):
        try:
            return await client.get_data_connection(ref)
        except NotFoundError as exc:
            raise HexsyncError(f"no data connection with id {ref}", hint=VISIBILITY_HINT) from exc
    matches: list[DataConnection] = []
    names: set[str] = set()
    async for conn in client.iter_data_connections():
        names.add(conn.name)
        if conn.name == ref:
            matches.append(conn)
    if not matches:
        hint = did_you_mean(ref, names) or "list them with: hexsync connections list"
        raise HexsyncError(f"no data connection named {ref!r}", hint=hint)
    if len(matches) > 1:
        ids = ", ".join(sorted(c.id for c in matches))
        raise HexsyncError(
            f"{len(matches)} data connections are named {ref!r}: {ids}", hint="name it by its id"
        )
    # The listing's record may be abridged: read the connection itself.
    return await client.get_data_connection(matches[0].id)
