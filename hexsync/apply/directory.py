"""The names and ids of the principals a plan refers to, as apply resolves them (email → id)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

from hexsync.hexapi import (
    HexClient,
)
from hexsync.values.kinds import Kind


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


class LiveIds(Protocol):
    """What apply needs of a live read (``hexsync.values.live.Live``): objects with ids, by key.

    ``users`` by lower-cased email, ``groups`` and ``collections`` by name.
    """

    @property
    def users(self) -> Mapping[str, _HasId]: ...

    @property
    def groups(self) -> Mapping[str, _HasId]: ...

    @property
    def collections(self) -> Mapping[str, _HasId]: ...


@dataclass
class Directory:
    """Principal ids by email (lower-cased) and name, from a live read plus this run's creates."""

    users: dict[str, str] = field(default_factory=dict)
    groups: dict[str, str] = field(default_factory=dict)
    collections: dict[str, str] = field(default_factory=dict)

    @classmethod
    async def read(cls, client: HexClient) -> Directory:
        """Three listings (users, groups, collections): what a plan's principals need."""
        directory = cls()
        async for user in client.iter_users():
            directory.users[user.email.lower()] = user.id
        async for group in client.iter_groups():
            directory.groups[group.name] = group.id
        async for collection in client.iter_collections():
            directory.collections[collection.name] = collection.id
        return directory

    def lookup(self, kind: Kind, key: str) -> str | None:
        if kind is Kind.USER:
            return self.users.get(key.lower())
        if kind is Kind.GROUP:
            return self.groups.get(key)
        if kind is Kind.COLLECTION:
            return self.collections.get(key)
        return None

    def remember(self, kind: Kind, key: str, ident: str) -> None:
        if kind is Kind.GROUP:
            self.groups[key] = ident
        elif kind is Kind.COLLECTION:
            self.collections[key] = ident

    def reverse(self, kind: Kind) -> dict[str, str]:
        table = {Kind.USER: self.users, Kind.GROUP: self.groups, Kind.COLLECTION: self.collections}
        return {ident: key for key, ident in table.get(kind, {}).items()}


async def directory_for(client: HexClient, live: LiveIds | Directory | None) -> Directory:
    if live is None:
        return await Directory.read(client)
    if isinstance(live, Directory):
        return live
    return Directory(
        users={email.lower(): u.id for email, u in live.users.items()},
        groups={name: g.id for name, g in live.groups.items()},
        collections={name: c.id for name, c in live.collections.items()},
    )
