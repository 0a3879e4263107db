"""Cheap look-ups for the dashboard: which snapshot was in force, without reading it.

:meth:`Store.snapshot_at` decompresses the whole document; the dashboard asks "which snapshot?"
on every page of the access explorer and keeps the engine it built over each one (keyed by the
content's digest), so it needs the reference alone. The documents themselves are read with
:meth:`Store.document`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from hexsync.store.schema import snapshots
from hexsync.store.store import Store

__all__ = ["SnapshotRef", "snapshot_ref", "snapshot_ref_at"]


@dataclass(frozen=True)
class SnapshotRef:
    id: int
    taken_at: dt.datetime
    digest: str


def snapshot_ref_at(store: Store, workspace: str, at: dt.datetime | None) -> SnapshotRef | None:
    """The snapshot in force at ``at`` (the last taken at or before it; None: the newest)."""
    query = select(snapshots.c.id, snapshots.c.taken_at, snapshots.c.digest).where(
        snapshots.c.workspace == workspace
    )
    if at is not None:
        query = query.where(snapshots.c.taken_at <= at)
    query = query.order_by(snapshots.c.taken_at.desc(), snapshots.c.id.desc()).limit(1)
    with store.engine.connect() as c:
        row = c.execute(query).first()
    return None if row is None else SnapshotRef(int(row.id), row.taken_at, row.digest)


def snapshot_ref(store: Store, snapshot_id: int) -> SnapshotRef | None:
    query = select(snapshots.c.id, snapshots.c.taken_at, snapshots.c.digest).where(
        snapshots.c.id == snapshot_id
    )
    with store.engine.connect() as c:
        row = c.execute(query).first()
    return None if row is None else SnapshotRef(int(row.id), row.taken_at, row.digest)
