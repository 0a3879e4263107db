"""The projects' queried tables, read in the background of ``hexsync serve`` (docs/data.md).

When the manifests declare data classes (or a rule matches on ``reads``), :class:`TablesJob`
reads each listed project's tables with its own client (:meth:`HexClient.sibling`: the same
pacer, so the same rate limit as the syncs, and counters of its own, so a sync's requests stay
its own), one project at a time, and keeps them in the store keyed by project id and
``lastEditedAt`` (saved every :data:`SAVE_EVERY` projects): only projects edited since are read
again, after a restart too.

The syncs plan with what is known so far (:meth:`TablesJob.facts`): the tables read, the data
connections' names from the job's last listing. While some listed project has never been read,
:meth:`TablesJob.unread` names them: the sync's note says so, and a heal whose plan depends on
the classes (a rule on ``reads``, a policy on ``object.classes``) is held until the first read
is complete (a project edited since its reading is planned with the tables last read, until it
is read again). When the workspace's plan offers no queried tables (Enterprise only), the job
says so once and reads no more; the syncs then plan without data facts, as ``hexsync plan``
does. The first complete read asks for a sync (``on_complete``), so what the classes decide
shows without waiting for the interval.

The job and the syncs share one event loop: the job's state is read and changed between awaits.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import datetime as dt
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

from hexsync.errors import HexsyncError
from hexsync.hexapi import ForbiddenError, HexClient
from hexsync.readers.tables import PER_MINUTE, project_tables, unavailable_reason
from hexsync.serve.metrics import Metrics
from hexsync.store import Store
from hexsync.values.data_classes import DataFacts, needs_tables
from hexsync.values.desired import Desired, FrozenMap
from hexsync.values.live import Live
from hexsync.values.tables import QueriedTables, TableRef

__all__ = ["SAVE_EVERY", "TablesJob", "wanted"]

SAVE_EVERY = 25  # projects read between two writes to the store
_NAMED = 5  # projects named in a note, then a count
_RETRY = 60.0  # seconds (the controller's) before reading again after Hex failed


def wanted(desired: Desired) -> bool:
    """Whether serve reads the queried tables for these manifests: they declare data classes,
    or a rule matches on ``reads`` (a table glob needs no class)."""
    return bool(desired.classes) or needs_tables(desired)


def _ref(text: str) -> TableRef:
    connection, _, table = text.rpartition(":")
    return TableRef(connection, table)


class TablesJob:
    """See the module docstring. ``clock``: the controller's (scaled) now; ``sleep``: its
    sleep; ``on_complete``: called once the first read is complete (asks for a sync)."""

    def __init__(
        self,
        store: Store,
        workspace: str,
        *,
        clock: Callable[[], dt.datetime],
        sleep: Callable[[float], Any],
        say: Callable[[str], None],
        meters: Metrics | None = None,
        on_complete: Callable[[], object] | None = None,
    ) -> None:
        self.store = store
        self.workspace = workspace
        self.client: HexClient | None = None  # the sibling of the syncs' client, while running
        self.clock = clock
        self.sleep = sleep
        self.say = say
        self.meters = meters
        self.on_complete = on_complete
        self.active = False  # the manifests of the last sync asked for tables
        self.cache: QueriedTables | None = None  # of the org the last sync read
        self.kept: dict[str, tuple[str, str | None, list[str]]] | None = None  # store, at start
        self.listed: dict[str, tuple[str | None, str]] = {}  # project id → (lastEditedAt, title)
        self.org_id: str | None = None  # the workspace the last sync read
        self.planned_without: list[str] = []  # the projects unread when the last plan was made
        self.names: frozenset[str] | None = None  # the data connections, once listed
        self.unavailable: str | None = None
        self.reading = False
        self.complete_said = False
        self.requests = 0  # by this process
        self.read_count = 0  # projects read by this process
        self.error: str | None = None
        self.began: float | None = None
        self.done_this_round = 0
        self.todo_this_round = 0
        self._wake = asyncio.Event()

    # ------------------------------------------------------------------ what a sync asks

    def facts(self, desired: Desired, live: Live, *, listing: bool = True) -> Live:
        """``live`` with the data facts known so far; with ``listing`` (a whole reading, not a
        page of one, planned in a worker thread: then nothing here changes but the cache's
        first building), its projects kept for the job to read."""
        if listing:
            self.active = wanted(desired)
        if not wanted(desired):
            return live
        if listing:
            self.listed = {p.id: (p.last_edited_at, p.title) for p in live.projects.values()}
            self.org_id = live.org_id
        cache = self._cache(live.org_id)
        if listing:
            self.planned_without = self._missing()  # what the plan is made without
            self._wake.set()
        if cache is None:
            return live  # the store's rows not loaded yet: nothing known
        names = frozenset(live.connections) or self.names
        if names is None:
            return live  # the connections not listed yet: classes cannot be checked
        if self.unavailable is not None:
            facts = DataFacts(connections=names, unavailable=self.unavailable)
            return dataclasses.replace(live, data=facts)
        known = cache.entries
        tables = FrozenMap((pid, cache.tables(pid)) for pid in live.projects if pid in known)
        return dataclasses.replace(live, data=DataFacts(tables=tables, connections=names))

    def unread(self, desired: Desired) -> str | None:
        """The projects not read when the last plan was made (see the Protocol in cycle.py)."""
        if not needs_tables(desired) or self.unavailable is not None:
            return None
        missing = [pid for pid in self.planned_without if pid in self.listed]
        if not missing:
            return None
        titles = sorted((self.listed[pid][1] for pid in missing), key=str.casefold)
        named = ", ".join(repr(t) for t in titles[:_NAMED])
        if len(titles) > _NAMED:
            named += f" and {len(titles) - _NAMED} more"
        total = len(self.listed)
        return (
            f"the queried tables of {len(missing)} of {total} projects are not read yet"
            f" ({named}; reading in the background): rules on reads and policies on"
            " object.classes were judged on the projects read"
        )

    def _missing(self) -> list[str]:
        entries = self.cache.entries if self.cache is not None else {}
        return [pid for pid in self.listed if pid not in entries]

    def _cache(self, org_id: str) -> QueriedTables | None:
        if self.cache is not None and self.cache.org_id == org_id:
            return self.cache
        if self.kept is None:
            return None
        cache = QueriedTables(org_id)
        for pid, (org, at, tables) in self.kept.items():
            if org == org_id:
                cache.entries[pid] = (at, tuple(_ref(t) for t in tables))
        self.cache = cache
        return cache

    # ------------------------------------------------------------------ the status

    def status(self) -> dict[str, Any] | None:
        """The job's line of ``GET /api/status`` (None: the manifests ask for no tables)."""
        if not self.active:
            return None
        entries = self.cache.entries if self.cache is not None else {}
        listed = len(self.listed)
        read = sum(1 for pid in self.listed if pid in entries)
        fresh = sum(
            1 for pid, (at, _) in self.listed.items() if self.cache and self.cache.fresh(pid, at)
        )
        left = listed - fresh
        if self.unavailable is not None:
            state = "unavailable"
        elif self.reading:
            state = "reading"
        elif listed and not left:
            state = "complete"
        else:
            state = "waiting"
        return {
            "state": state,
            "projects": listed,
            "read": read,
            "to_read": left,
            "seconds_left": round(self._left(left), 1) if left and state != "unavailable" else 0,
            "first_read_complete": bool(listed) and read == listed,
            "requests": self.requests,
            "unavailable": self.unavailable,
            "error": self.error,
        }

    def _left(self, left: int) -> float:
        """Seconds left: the pace of this round once a few are read, else the documented
        rate limit (30 a minute)."""
        if self.began is not None and self.done_this_round >= 5:
            spent = time.monotonic() - self.began
            return left * spent / self.done_this_round
        return left * 60.0 / PER_MINUTE

    def _gauges(self) -> None:
        if self.meters is None:
            return
        line = self.status() or {"read": 0, "projects": 0}
        self.meters.tables.labels(self.workspace, "read").set(line["read"])
        self.meters.tables.labels(self.workspace, "unread").set(line["projects"] - line["read"])

    # ------------------------------------------------------------------ the job

    async def run(self, client: HexClient, leading: Callable[[], bool]) -> None:
        """Read with ``client`` whenever a sync has listed projects not read at their
        lastEditedAt, while this process leads; until cancelled."""
        self.client = client
        while self.kept is None:  # what an earlier process read: never read again
            try:
                rows = await asyncio.to_thread(self.store.queried_tables, self.workspace)
            except Exception as exc:  # the syncs say the store is down; try again later
                self.error = f"the store did not answer: {type(exc).__name__}"
                await self.sleep(_RETRY)
                continue
            self.kept = {pid: (org, at, tables) for org, pid, at, tables in rows}
        while True:
            await self._wake.wait()
            self._wake.clear()
            if not (self.active and leading()) or self.unavailable is not None:
                continue
            cache = self._cache(self.org_id) if self.org_id is not None else None
            if cache is None or not self.listed:
                continue
            try:
                await self._round(cache, leading)
            except Exception as exc:  # Hex failed (or worse): the syncs go on; read again later
                self.error = exc.message if isinstance(exc, HexsyncError) else repr(exc)
                self.say(f"queried tables: {self.error}; reading again later")
                await self.sleep(_RETRY)
                self._wake.set()
            self._gauges()

    async def _round(self, cache: QueriedTables, leading: Callable[[], bool]) -> None:
        assert self.client is not None
        before = Counter(self.client.counters.requests)
        try:
            stale = any(not cache.fresh(pid, at) for pid, (at, _) in self.listed.items())
            if self.names is None or stale:  # a connection renamed since: listed again
                self.names = frozenset([c.name async for c in self.client.iter_data_connections()])
            await self._read(cache, leading)
        finally:
            spent = self.client.counters.requests - before
            self.requests += sum(spent.values())
            if self.meters is not None:  # Hex's requests, the syncs' and these alike
                for op, n in spent.items():
                    self.meters.requests.labels(self.workspace, op).inc(n)

    async def _read(self, cache: QueriedTables, leading: Callable[[], bool]) -> None:
        assert self.client is not None
        listed = dict(self.listed)  # the listing this round reads (a sync may bring another)
        todo = [pid for pid, (at, _) in listed.items() if not cache.fresh(pid, at)]
        if todo:  # what another replica read while it led is not read again
            rows = await asyncio.to_thread(self.store.queried_tables, self.workspace)
            for org, pid, at, names in rows:
                if org == cache.org_id and pid in listed and listed[pid][0] == at:
                    cache.entries[pid] = (at, tuple(_ref(t) for t in names))
            todo = [pid for pid in todo if not cache.fresh(pid, listed[pid][0])]
        gone = [pid for pid in cache.entries if pid not in listed]
        cache.keep_only(listed)
        batch: list[tuple[str, str | None, list[str]]] = []
        self.reading = bool(todo)
        self.began, self.done_this_round, self.todo_this_round = time.monotonic(), 0, len(todo)
        try:
            for pid in todo:
                if not leading():  # another replica reconciles now: it reads the rest
                    break
                try:
                    tables = await project_tables(self.client, pid)
                except ForbiddenError as exc:
                    self.unavailable = unavailable_reason(exc)
                    self.say(
                        "queried tables: this workspace's plan does not offer them (Enterprise"
                        f" only): syncing without data facts ({self.unavailable})"
                    )
                    break
                at = listed[pid][0]
                cache.put(pid, at, tables)
                batch.append((pid, at, [str(t) for t in cache.tables(pid)]))
                self.read_count += 1
                self.done_this_round += 1
                self.error = None
                if len(batch) >= SAVE_EVERY:
                    await self._save(cache.org_id, batch, gone)
                    batch, gone = [], []
                    self._gauges()
        finally:
            self.reading = False
            with contextlib.suppress(Exception):  # a store that fails now is said by the syncs
                await self._save(cache.org_id, batch, gone)
        if self.unavailable is None and not self._missing() and not self.complete_said:
            self.complete_said = True
            self.say(
                f"queried tables: the first read is complete ({len(listed)} projects,"
                f" {self.read_count} read by this process)"
            )
            if self.on_complete is not None:
                self.on_complete()

    async def _save(
        self, org_id: str, batch: list[tuple[str, str | None, list[str]]], gone: list[str]
    ) -> None:
        if batch or gone:
            await asyncio.to_thread(
                self.store.put_queried_tables,
                self.workspace,
                org_id,
                batch,
                self.clock(),
                forget=gone,
            )
