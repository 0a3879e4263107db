"""Read the tables projects query, incrementally (docs/data.md, "Queried tables").

GetQueriedTables is one request per project (plus a page per 100 tables), at 30 requests a
minute: hours for a large workspace. A project's tables change only when it is edited, so
:func:`read_queried_tables` reads only the projects whose ``lastEditedAt`` differs from the one
their cached entry was read at (or that have none), and hands the cache to ``save`` as it goes:
an interrupted first read resumes where it stopped. When the workspace's plan does not offer
the endpoint (Enterprise only: a 403), it stops at the first answer and says so once.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from hexsync.hexapi import ForbiddenError, HexClient, NotFoundError
from hexsync.values.data_classes import DataFacts
from hexsync.values.desired import FrozenMap
from hexsync.values.live import Live, LiveProject
from hexsync.values.tables import QueriedTables, TableRef

__all__ = [
    "TablesProgress",
    "TablesRead",
    "TablesStore",
    "project_tables",
    "read_data",
    "read_queried_tables",
    "unavailable_reason",
]

PER_MINUTE = 30.0  # GetQueriedTables' documented rate limit (hex-api group)
SAVE_EVERY = 25  # projects read between two saves of the cache


@dataclass(frozen=True)
class TablesProgress:
    """Where a read stands: ``done`` of ``todo`` projects read, and the time left, estimated
    from the pace so far (the documented 30 a minute before the first answers)."""

    done: int
    todo: int
    seconds_left: float


@dataclass(frozen=True)
class TablesRead:
    read: int  # projects read by this call
    cached: int  # projects answered from the cache
    requests: int
    unavailable: str | None = None  # Hex's reason when the plan offers no queried tables


async def read_queried_tables(
    client: HexClient,
    projects: Sequence[LiveProject],
    cache: QueriedTables,
    *,
    save: Callable[[QueriedTables], None] | None = None,
    progress: Callable[[TablesProgress], None] | None = None,
) -> TablesRead:
    """Bring ``cache`` up to date for ``projects``; see the module docstring."""
    start = client.counters.total_requests
    cache.keep_only(p.id for p in projects)
    todo = [p for p in projects if not cache.fresh(p.id, p.last_edited_at)]
    cached = len(projects) - len(todo)
    if cache.unavailable is not None or not todo:
        return TablesRead(0, cached, 0, cache.unavailable)
    began = time.monotonic()
    done = 0
    try:
        for project in todo:
            if progress is not None:
                progress(TablesProgress(done, len(todo), _left(done, len(todo), began)))
            try:
                tables = await project_tables(client, project.id)
            except ForbiddenError as exc:
                cache.unavailable = unavailable_reason(exc)
                break
            cache.put(project.id, project.last_edited_at, tables)
            done += 1
            if save is not None and done % SAVE_EVERY == 0:
                save(cache)
    finally:
        if save is not None:
            save(cache)  # an interruption keeps what was read: the next read resumes there
    if progress is not None and cache.unavailable is None:
        progress(TablesProgress(done, len(todo), 0.0))
    requests = client.counters.total_requests - start
    return TablesRead(done, cached, requests, cache.unavailable)


async def project_tables(client: HexClient, project_id: str) -> list[TableRef]:
    """The tables one project queries (none when it is gone, or out of sight, since the
    listing). Raises ForbiddenError when the workspace's plan offers no queried tables."""
    try:
        return [
            TableRef(t.data_connection_name, t.table_name)
            async for t in client.iter_queried_tables(project_id)
        ]
    except NotFoundError:
        return []


def unavailable_reason(exc: ForbiddenError) -> str:
    """Why there are no queried tables, in Hex's words and status (not the trace id, which
    differs on every answer)."""
    return f"{exc.api_message} (HTTP {exc.status})"


def _left(done: int, todo: int, began: float) -> float:
    """Seconds left: the pace so far once a few are read, else the documented rate limit."""
    left = todo - done
    documented = left * 60.0 / PER_MINUTE
    if done < 5:
        return documented
    return left * (time.monotonic() - began) / done


class TablesStore:
    """Where the queried tables are kept between two reads: in memory here (a process that
    plans once reads every project), in a file under ``.hexsync/`` with
    :class:`hexsync.ops.tables.FileTablesStore` (what the commands use)."""

    def __init__(self) -> None:
        self._kept: dict[str, QueriedTables] = {}

    def load(self, org_id: str) -> QueriedTables:
        return self._kept.get(org_id) or QueriedTables(org_id)

    def save(self, cache: QueriedTables) -> None:
        self._kept[cache.org_id] = cache


async def read_data(
    client: HexClient,
    live: Live,
    store: TablesStore | None = None,
    *,
    progress: Callable[[TablesProgress], None] | None = None,
) -> Live:
    """``live`` with :class:`~hexsync.values.data_classes.DataFacts`: the data connections'
    names (one listing, unless ``live`` has them) and every listed project's queried tables,
    read through ``store`` (only projects edited since its reading). What it costs is added to
    ``read_requests``. Without the endpoint (Enterprise only) the facts say why."""
    start = client.counters.total_requests
    names = set(live.connections)
    if not names:
        names = {c.name async for c in client.iter_data_connections()}
    kept = store if store is not None else TablesStore()
    cache = kept.load(live.org_id)
    projects = list(live.projects.values())
    await read_queried_tables(client, projects, cache, save=kept.save, progress=progress)
    facts = DataFacts(
        tables=FrozenMap((p.id, cache.tables(p.id)) for p in projects),
        connections=frozenset(names),
        unavailable=cache.unavailable,
    )
    spent = client.counters.total_requests - start
    return dataclasses.replace(live, data=facts, read_requests=live.read_requests + spent)
