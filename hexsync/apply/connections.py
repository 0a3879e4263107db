"""Writing a data connection's sharing, and reading it back (docs/data.md).

One EditDataConnection per connection carries every field the plan sets: the audiences
(``sharing.workspace``; an omitted one is left as it is), the groups (``sharing.groups.upsert``
by id, ``NONE`` removes), ``schemaRefreshAccess`` and a pinned connection's new ``name``. Hex
answers with the connection; an entry it does not show at the level written fails the change,
naming the entry. The read-back lists the connections once and compares every field the plan
set with what Hex now says.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from hexsync.apply.directory import Directory
from hexsync.apply.report import Outcome, Unconverged
from hexsync.decide.projection import field_value, same_value
from hexsync.errors import HexsyncError
from hexsync.hexapi import HexClient
from hexsync.readers.workspace import live_connection
from hexsync.values.connections import AUDIENCES
from hexsync.values.hex_access import level_or_no_access
from hexsync.values.kinds import Kind
from hexsync.values.plan import Change

__all__ = ["connection_body", "read_back_connections", "write_connection"]


class ConnectionWriteError(HexsyncError):
    """Hex did not take every field of a data connection's edit."""


def connection_body(change: Change, group_ids: dict[str, str]) -> dict[str, Any]:
    """The EditDataConnection body for ``change`` (``group_ids``: name → id)."""
    body: dict[str, Any] = {}
    workspace = {
        audience: level_or_no_access(f.new)
        for audience, path in AUDIENCES.items()
        for f in change.fields_at(path)
    }
    groups = [
        {"group": {"id": group_ids[f.key]}, "access": level_or_no_access(f.new)}
        for f in change.fields_at("sharing.groups")
        if f.key is not None
    ]
    sharing: dict[str, Any] = {}
    if workspace:
        sharing["workspace"] = workspace
    if groups:
        sharing["groups"] = {"upsert": groups}
    if sharing:
        body["sharing"] = sharing
    for f in change.fields_at("schema_refresh_access"):
        if f.new is not None:
            body["schemaRefreshAccess"] = f.new
    for f in change.fields_at("name"):
        if f.new is not None:
            body["name"] = f.new
    return body


async def write_connection(
    client: HexClient, change: Change, directory: Directory
) -> tuple[str | None, str]:
    """Carry out one data connection change; raises when Hex refuses or does not take it."""
    ident = change.id or ""
    keys = [f.key for f in change.fields_at("sharing.groups") if f.key is not None]
    group_ids: dict[str, str] = {}
    missing = []
    for key in keys:
        found = directory.lookup(Kind.GROUP, key)
        if found is None:
            missing.append(key)
        else:
            group_ids[key] = found
    if missing:
        raise ConnectionWriteError(
            "no such group in the workspace: " + ", ".join(sorted(missing)),
            hint="run `hexsync plan` again: the workspace changed since the plan was made",
        )
    answer = await client.edit_data_connection(ident, connection_body(change, group_ids))
    now = live_connection(answer, {v.lower(): k for k, v in group_ids.items()})
    problems = []
    for f in change.fields:
        got = field_value(now, f)
        if not same_value(f.path, got, f.new):
            where = f"{f.path} {f.key}" if f.key is not None else f.path
            problems.append(
                f"{where}: Hex answered {level_or_no_access(got)}, not {level_or_no_access(f.new)}"
            )
    if problems:
        raise ConnectionWriteError("; ".join(problems))
    return ident, ""


async def read_back_connections(
    client: HexClient, outcomes: Sequence[Outcome], directory: Directory
) -> list[Unconverged]:
    """Every field the plan set on these connections, as Hex now shows it, where it differs."""
    names = {ident.lower(): name for ident, name in directory.reverse(Kind.GROUP).items()}
    live = {c.id: live_connection(c, names) async for c in client.iter_data_connections()}
    found: list[Unconverged] = []
    for o in outcomes:
        now = live.get(o.id or "")
        for f in o.change.fields:
            value = None if now is None else field_value(now, f)
            if not same_value(f.path, value, f.new):
                found.append(Unconverged(o.change, f.path, f.key, f.new, value))
    return found
