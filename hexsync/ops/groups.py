"""Workspace groups as every face lists them, with their members' emails when asked."""

from __future__ import annotations

import asyncio
from typing import Any

from hexsync.hexapi import Group, HexClient

__all__ = ["all_groups", "group_json"]


async def all_groups(
    client: HexClient, *, with_members: bool = False
) -> list[tuple[Group, list[str] | None]]:
    """Every group by name, each with its members' emails (None unless ``with_members``)."""
    groups = sorted([g async for g in client.iter_groups()], key=lambda g: g.name.lower())
    if not with_members:
        return [(g, None) for g in groups]

    # Hex does not return members with a group: one ListUsers?groupId= per group.
    async def emails(group: Group) -> list[str] | None:
        found = [u.email async for u in client.iter_users(group_id=group.id)]
        return sorted(found, key=str.lower)

    members = await asyncio.gather(*(emails(g) for g in groups))
    return list(zip(groups, members, strict=True))


def group_json(group: Group, members: list[str] | None) -> dict[str, Any]:
    return {"id": group.id, "name": group.name, "created_at": group.created_at, "members": members}
