"""Collections as every face shows them."""

from __future__ import annotations

from typing import Any

from hexsync.hexapi import Collection

__all__ = ["collection_json"]


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
