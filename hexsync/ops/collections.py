"""Collections as every face lists and shows them."""

from __future__ import annotations

from typing import Any

from hexsync.hexapi import Collection, HexClient

__all__ = ["all_collections", "collection_json"]


async def all_collections(client: HexClient) -> list[Collection]:
    """Every collection by name."""
    found = [c async for c in client.iter_collections()]
    return sorted(found, key=lambda c: (c.name.lower(), c.id))


def collection_json(collection: Collection) -> dict[str, Any]:
    sharing = collection.sharing
    return {
        "id": collection.id,
        "name": collection.name,
        "description": collection.description,
        "creator_email": collection.creator_email,
        "sharing": {
            "users": dict(sorted(sharing.users.items())),
            "groups": dict(sorted(sharing.groups.items())),
            "workspace_members": sharing.workspace_members,
        },
    }
