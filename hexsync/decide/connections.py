"""Data connections in the plan: their diff, and the guardrails that are theirs (pure).

:func:`diff_connections` compares each declared connection with the live one (by id when
pinned, else by name) and makes one ``update`` per connection that differs: the audiences
(``sharing.members``, ``sharing.guests``, ``sharing.public``), each group's level
(``sharing.groups``, by name), ``schema_refresh_access`` and, for a pinned connection whose live
name differs, ``name``. hexsync never creates a data connection (that takes credentials): a
declared one the workspace does not have is an unresolved reference. ``mode: additive`` only
grants and raises; ``authoritative`` (the default) also removes the groups it does not list.

:func:`connection_refusals` refuses a plan that opens a connection to the workspace's guests or
to the public (a level above ``NONE``) unless ``policy.allow_open_connections``;
:func:`connection_protect` says what a change would take from a protected group.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from hexsync.values.connections import AUDIENCES, OPEN_AUDIENCES, LiveConnection, connection_rank
from hexsync.values.desired import Connection, Desired, Ensure, Mark, Mode, Policy
from hexsync.values.hex_access import level_or_none
from hexsync.values.kinds import Kind
from hexsync.values.live import Live
from hexsync.values.plan import Action, Change, FieldChange, Refusal

__all__ = [
    "ConnectionDiff",
    "connection_protect",
    "connection_refusals",
    "diff_connections",
]

Dep = tuple[Kind, str]
# The order of a connection change's fields (a group's by name).
_FIELD_ORDER = ("name", *AUDIENCES.values(), "sharing.groups", "schema_refresh_access")


@dataclass
class ConnectionDiff:
    changes: list[tuple[Change, list[Dep]]] = field(default_factory=list)
    problems: list[tuple[str, str, Mark | None]] = field(default_factory=list)  # address, text
    managed: set[str] = field(default_factory=set)  # live ids the manifests declare


def _address(conn: Connection) -> str:
    return f"{Kind.CONNECTION.value}:{conn.key}"


def _find(
    conn: Connection, live: Live, out: ConnectionDiff, close: Mapping[str, str]
) -> LiveConnection | None:
    address, label = _address(conn), f"connection '{conn.key}'"
    if conn.id is not None:
        found = live.connections_by_id.get(conn.id) or next(
            (c for c in live.connections.values() if c.id.lower() == conn.id.lower()), None
        )
        if found is None:
            out.problems.append(
                (
                    address,
                    f"{label}: id {conn.id} is not a data connection of this workspace",
                    conn.mark,
                )
            )
            return None
        taken = live.connections.get(conn.name) if conn.name is not None else None
        if taken is not None and taken.id != found.id:
            out.problems.append(
                (
                    address,
                    f"{label} (id {conn.id}) cannot be renamed from '{found.name}': another live"
                    f" data connection ({taken.id}) has that name",
                    conn.mark,
                )
            )
            return None
        return found
    found = live.connections.get(conn.name or "")
    if found is None:
        hint = close.get(conn.name or "", "")
        out.problems.append(
            (
                address,
                f"{label} is not a data connection of this workspace (hexsync does not create"
                f" data connections: create it in Hex, then plan again){hint}",
                conn.mark,
            )
        )
    return found


def _raises(old: str | None, new: str | None) -> bool:
    return connection_rank(new) > connection_rank(old)


def diff_connections(
    desired: Desired, live: Live, close: Mapping[str, str] | None = None
) -> ConnectionDiff:
    """The changes to the declared data connections; ``close`` maps an unknown name to a
    "; did you mean …" suffix (the caller's look-alike finder)."""
    out = ConnectionDiff()
    present = {g.name for g in desired.groups if g.ensure is Ensure.PRESENT}
    absent = {g.name for g in desired.groups if g.ensure is Ensure.ABSENT}
    known_groups = (set(live.groups) | present) - absent
    for conn in desired.connections:
        found = _find(conn, live, out, close or {})
        if found is None:
            continue
        out.managed.add(found.id)
        fields, deps = _fields(conn, found, known_groups, live, out)
        if fields:
            name = conn.name if conn.name is not None else found.name
            change = Change(
                Kind.CONNECTION, Action.UPDATE, name, found.id, tuple(fields), mark=conn.mark
            )
            out.changes.append((change, deps))
    return out


def _fields(
    conn: Connection,
    found: LiveConnection,
    known_groups: set[str],
    live: Live,
    out: ConnectionDiff,
) -> tuple[list[FieldChange], list[Dep]]:
    fields: list[FieldChange] = []
    deps: list[Dep] = []
    if conn.name is not None and conn.name != found.name:
        fields.append(FieldChange("name", found.name, conn.name))
    sharing = conn.sharing
    if sharing is not None:
        additive = sharing.mode is Mode.ADDITIVE
        for audience, path in AUDIENCES.items():
            declared = getattr(sharing, audience)
            if declared is None:
                continue
            old, new = level_or_none(getattr(found, audience)), level_or_none(declared)
            if old != new and (not additive or _raises(old, new)):
                fields.append(FieldChange(path, old, new))
        if sharing.groups is not None:
            label = f"connection '{conn.key}'"
            for name, level in sharing.groups.items():
                if name not in known_groups:
                    out.problems.append(
                        (
                            _address(conn),
                            f"{label}: group '{name}' is neither a live group nor declared",
                            sharing.mark_of("groups", name),
                        )
                    )
                    continue
                old, new = level_or_none(found.groups.get(name)), level_or_none(level)
                if old != new and (not additive or _raises(old, new)):
                    fields.append(FieldChange("sharing.groups", old, new, key=name))
                group = live.groups.get(name)
                if group is not None:
                    deps.append((Kind.GROUP, group.id))
            if not additive:
                for name, level in found.groups.items():
                    if name not in sharing.groups:
                        fields.append(FieldChange("sharing.groups", level, None, key=name))
                        group = live.groups.get(name)
                        if group is not None:
                            deps.append((Kind.GROUP, group.id))
    if conn.schema_refresh_access is not None and conn.schema_refresh_access != (
        found.schema_refresh_access
    ):
        fields.append(
            FieldChange(
                "schema_refresh_access", found.schema_refresh_access, conn.schema_refresh_access
            )
        )
    fields.sort(key=lambda f: (_FIELD_ORDER.index(f.path), f.key or ""))
    return fields, deps


# ---------------------------------------------------------------------------------------------
# Guardrails


def connection_refusals(changes: Iterable[Change], policy: Policy) -> list[Refusal]:
    """Each change that opens a connection to all guests or to the public, unless allowed."""
    if policy.allow_open_connections:
        return []
    out = []
    for change in changes:
        if change.kind is not Kind.CONNECTION:
            continue
        for f in change.fields:
            if f.path in OPEN_AUDIENCES and f.new is not None and _raises(f.old, f.new):
                who = "every guest of the workspace" if f.path == "sharing.guests" else "the public"
                out.append(
                    Refusal(
                        "open_connection",
                        f"{change.address}: data connection '{change.name}' would be shared with"
                        f" {who} ({f.new})",
                        f"set sharing.{f.path.rpartition('.')[2]}: NONE for it, or set"
                        " policy.allow_open_connections: true if that is intended",
                        change.mark,
                    )
                )
    return out


def connection_protect(change: Change, protect_groups: frozenset[str]) -> list[str]:
    """What a connection change would take from a protected group, in words."""
    if change.kind is not Kind.CONNECTION:
        return []
    return [
        f"lowers protected group '{f.key}'s access on data connection '{change.name}'"
        for f in change.fields_at("sharing.groups")
        if f.key in protect_groups and f.destructive
    ]
