"""``connections:`` in manifests: data connections' sharing, from schema-valid entries.

Called by :mod:`hexsync.manifest.build` for each document with the paths the schema found
fault with (``clean``), so a malformed entry is reported once, by the schema. A connection is
identified by its name, or by its id when pinned; each may be declared once across all files.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from hexsync.manifest.problems import Path, Problem
from hexsync.manifest.yamlsafe import Document
from hexsync.values.connections import AUDIENCES, NO_CONNECTION_ACCESS
from hexsync.values.desired import (
    Connection,
    ConnectionSharing,
    Ensure,
    FrozenMap,
    Group,
    Mark,
    Mode,
)

__all__ = ["check_connections", "connections_of"]

# (key, how a duplicate is named, compared case-insensitively)
_IDENTITIES = (("name", "connection '{}'", False), ("id", "connection id {}", True))


def connections_of(
    doc: Document, clean: Callable[[Path], bool], seen: dict[tuple[str, str], Mark]
) -> tuple[list[Connection], list[Problem]]:
    """The connections one document declares, and its duplicates (``seen`` spans the files)."""
    data = doc.data if isinstance(doc.data, dict) else {}
    entries = data.get("connections")
    found: list[Connection] = []
    problems: list[Problem] = []
    if not isinstance(entries, list):
        return found, problems
    for index, entry in enumerate(entries):
        path: Path = ("connections", index)
        if not isinstance(entry, dict):
            continue
        mark = doc.mark(path)
        fresh = True
        for key, shown, fold in _IDENTITIES:
            value = entry.get(key)
            if not isinstance(value, str) or not clean((*path, key)):
                continue
            ident = (key, value.lower() if fold else value)
            first = seen.setdefault(ident, mark)
            if first is not mark and fresh:
                fresh = False
                problems.append(
                    Problem.at(
                        mark,
                        path,
                        f"duplicate {shown.format(value)}; first declared at {first}",
                        "each one may be declared once across all manifest files; remove or"
                        " merge one",
                    )
                )
        if fresh and clean(path):
            found.append(_connection(entry, path, doc))
    return found, problems


def _connection(entry: dict[str, Any], path: Path, doc: Document) -> Connection:
    sharing = None
    if "sharing" in entry:
        where: Path = (*path, "sharing")
        data = entry["sharing"]
        marks: dict[str, Mark] = {}
        for audience in AUDIENCES:
            if audience in data:
                marks[f"{audience}\x00"] = doc.mark((*where, audience))
        groups = None
        if "groups" in data:
            groups = FrozenMap(data["groups"])
            for name in data["groups"]:
                marks[f"groups\x00{name}"] = doc.key_mark((*where, "groups", name))
        sharing = ConnectionSharing(
            mode=Mode(data.get("mode", "authoritative")),
            members=data.get("members"),
            guests=data.get("guests"),
            public=data.get("public"),
            groups=groups,
            mark=doc.mark(where),
            marks=FrozenMap(marks),
        )
    return Connection(
        name=entry.get("name"),
        id=entry.get("id"),
        sharing=sharing,
        schema_refresh_access=entry.get("schema_refresh_access"),
        mark=doc.mark(path),
    )


def check_connections(connections: Iterable[Connection], groups: Iterable[Group]) -> list[Problem]:
    """What the manifests contradict: a connection shared with a group they delete."""
    absent = {g.name for g in groups if g.ensure is Ensure.ABSENT}
    problems = []
    for conn in connections:
        sharing = conn.sharing
        if sharing is None or not sharing.groups:
            continue
        for name, level in sharing.groups.items():
            if name in absent and level != NO_CONNECTION_ACCESS:
                mark = sharing.mark_of("groups", name)
                problems.append(
                    Problem.at(
                        mark,
                        ("connections",),
                        f"connection '{conn.key}' is shared with group '{name}', which is"
                        " marked 'ensure: absent'",
                        "remove the grant, or keep the group",
                    )
                )
    return problems
