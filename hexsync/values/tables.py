"""The tables each project queries, as a value: what the incremental reader keeps (docs/data.md).

A project's queried tables change only when it is edited, so each entry is keyed by the
project's id and the ``lastEditedAt`` it was read at: an entry whose project has not been
edited since is still true, and is never read again. ``connection:schema.table`` is how a table
is named everywhere (``Lake:raw.customers``). Pure: the JSON form is for the file the faces
keep under ``.hexsync/``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = ["CACHE_FORMAT", "QueriedTables", "TableRef"]

CACHE_FORMAT = 1


@dataclass(frozen=True, order=True)
class TableRef:
    """One table a project queries: the connection's name and the table as Hex names it."""

    connection: str
    table: str

    def __str__(self) -> str:
        return f"{self.connection}:{self.table}"


@dataclass
class QueriedTables:
    """Per project id: (the ``lastEditedAt`` read at, its tables). ``org_id`` guards a cache
    against another workspace's; ``unavailable`` says the workspace's plan offers no tables."""

    org_id: str
    entries: dict[str, tuple[str | None, tuple[TableRef, ...]]] = field(default_factory=dict)
    unavailable: str | None = None  # why (Hex's answer), once known

    def fresh(self, project_id: str, last_edited_at: str | None) -> bool:
        """Whether the entry of this project was read at this ``lastEditedAt``."""
        found = self.entries.get(project_id)
        return found is not None and last_edited_at is not None and found[0] == last_edited_at

    def put(self, project_id: str, last_edited_at: str | None, tables: Iterable[TableRef]) -> None:
        self.entries[project_id] = (last_edited_at, tuple(sorted(set(tables))))

    def tables(self, project_id: str) -> tuple[TableRef, ...]:
        found = self.entries.get(project_id)
        return found[1] if found is not None else ()

    def keep_only(self, project_ids: Iterable[str]) -> None:
        """Forget projects no longer listed (deleted, or out of the token's sight)."""
        wanted = set(project_ids)
        for gone in [p for p in self.entries if p not in wanted]:
            del self.entries[gone]

    @property
    def data(self) -> dict[str, Any]:
        return {
            "format": CACHE_FORMAT,
            "org_id": self.org_id,
            "projects": {
                pid: {"last_edited_at": at, "tables": [str(t) for t in tables]}
                for pid, (at, tables) in sorted(self.entries.items())
            },
        }

    @classmethod
    def from_data(cls, data: Mapping[str, Any], org_id: str) -> QueriedTables:
        """A cache read back; anything not this workspace's or not this format is empty."""
        out = cls(org_id)
        if data.get("format") != CACHE_FORMAT or data.get("org_id") != org_id:
            return out
        projects = data.get("projects")
        if not isinstance(projects, Mapping):
            return out
        for pid, entry in projects.items():
            if not isinstance(entry, Mapping) or not isinstance(entry.get("tables"), list):
                continue
            at = entry.get("last_edited_at")
            refs = [_ref(t) for t in entry["tables"] if isinstance(t, str) and ":" in t]
            out.entries[str(pid)] = (at if isinstance(at, str) else None, tuple(refs))
        return out


def _ref(text: str) -> TableRef:
    connection, _, table = text.rpartition(":")
    return TableRef(connection, table)
