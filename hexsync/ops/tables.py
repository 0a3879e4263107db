"""The queried tables cache under ``.hexsync/`` and the one read every face makes of it
(docs/data.md, "Queried tables").

The cache is ``.hexsync/queried-tables-<org id>.json`` (in the working directory unless a
directory is given): per project its ``lastEditedAt`` and tables. It holds table names, never a
secret; a damaged or foreign file is read as empty (and rewritten whole).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from hexsync.hexapi import HexClient
from hexsync.ops.files import write_atomically
from hexsync.readers.tables import TablesProgress, TablesRead, TablesStore, read_queried_tables
from hexsync.values.live import Live
from hexsync.values.tables import QueriedTables

__all__ = [
    "CACHE_DIR",
    "FileTablesStore",
    "TablesAnswer",
    "cache_path",
    "load_cache",
    "read_tables",
]

CACHE_DIR = Path(".hexsync")


def cache_path(org_id: str, directory: Path = CACHE_DIR) -> Path:
    safe = "".join(ch for ch in org_id if ch.isalnum() or ch == "-") or "workspace"
    return directory / f"queried-tables-{safe}.json"


def load_cache(org_id: str, directory: Path = CACHE_DIR) -> QueriedTables:
    path = cache_path(org_id, directory)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return QueriedTables(org_id)
    return (
        QueriedTables.from_data(data, org_id) if isinstance(data, dict) else QueriedTables(org_id)
    )


def _saver(org_id: str, directory: Path) -> Callable[[QueriedTables], None]:
    path = cache_path(org_id, directory)

    def save(cache: QueriedTables) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, json.dumps(cache.data, indent=1) + "\n", option="cache")

    return save


class FileTablesStore(TablesStore):
    """The cache in ``directory`` (``.hexsync/`` by default), one file per workspace: what
    plan, apply and the access answers read the tables through."""

    def __init__(self, directory: Path = CACHE_DIR) -> None:
        super().__init__()
        self.directory = directory

    def load(self, org_id: str) -> QueriedTables:
        return load_cache(org_id, self.directory)

    def save(self, cache: QueriedTables) -> None:
        _saver(cache.org_id, self.directory)(cache)


@dataclass(frozen=True)
class TablesAnswer:
    tables: QueriedTables
    read: TablesRead


async def read_tables(
    client: HexClient,
    live: Live,
    *,
    directory: Path = CACHE_DIR,
    progress: Callable[[TablesProgress], None] | None = None,
) -> TablesAnswer:
    """The queried tables of every listed project of ``live``, reading only those edited since
    the cache's entry (or never read), saving as it goes."""
    cache = load_cache(live.org_id, directory)
    projects = [p for p in live.projects.values() if not p.hidden]
    done = await read_queried_tables(
        client, projects, cache, save=_saver(live.org_id, directory), progress=progress
    )
    return TablesAnswer(cache, done)
