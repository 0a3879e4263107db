"""Data connections as every face lists and shows them (read only; Hex sends no secrets)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hexsync.hexapi import DataConnection, HexClient

__all__ = ["all_connections", "connection_json"]


async def all_connections(client: HexClient) -> list[DataConnection]:
    """Every data connection by name."""
    found = [c async for c in client.iter_data_connections()]
    return sorted(found, key=lambda c: (c.name.lower(), c.id))


def _details(conn: DataConnection) -> dict[str, Any]:
    """The readable connection details (host, account, database …; Hex sends no secrets)."""
    raw = conn.raw.get("connectionDetails")
    if not isinstance(raw, Mapping):
        return {}
    inner = raw.get(conn.type or "")
    if not isinstance(inner, Mapping) and len(raw) == 1:
        inner = next(iter(raw.values()))
    return dict(inner) if isinstance(inner, Mapping) else {}


def _sharing(conn: DataConnection) -> dict[str, Any]:
    """``{workspace: {members, guests, public}, groups: {name: access}}`` from the raw record."""
    raw = conn.raw.get("sharing")
    sharing = raw if isinstance(raw, Mapping) else {}
    workspace = sharing.get("workspace")
    groups: dict[str, str] = {}
    entries = sharing.get("groups")
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, Mapping):
            continue
        group = entry.get("group")
        name = (group.get("name") or group.get("id")) if isinstance(group, Mapping) else None
        if isinstance(name, str) and isinstance(entry.get("access"), str):
            groups[name] = entry["access"]
    return {
        "workspace": dict(workspace) if isinstance(workspace, Mapping) else {},
        "groups": dict(sorted(groups.items())),
    }


def connection_json(conn: DataConnection, *, full: bool = False) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": conn.id,
        "name": conn.name,
        "type": conn.type,
        "description": conn.description,
    }
    if full:
        out.update(
            {
                "connect_via_ssh": conn.connect_via_ssh,
                "include_magic": conn.include_magic,
                "allow_writeback_cells": conn.allow_writeback_cells,
                "schema_refresh_access": conn.schema_refresh_access,
                "details": _details(conn),
                "sharing": _sharing(conn),
            }
        )
    return out
