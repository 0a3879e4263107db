"""The store of ``hexsync serve``: every table and every query, in this package alone.

SQLAlchemy 2 Core over SQLite (the default, WAL) or PostgreSQL (psycopg 3), the tables made and
upgraded by the Alembic migrations in ``migrations/``. Needs the ``serve`` extra.
"""

from __future__ import annotations

from hexsync.store.leader import Leadership, leadership
from hexsync.store.records import (
    ChangeObservation,
    ChangeRecord,
    DriftObservation,
    DriftRecord,
    DriftUpdate,
    IntentRecord,
    NotificationRecord,
    Recovery,
    SnapshotRecord,
    SyncRecord,
    iso,
)
from hexsync.store.store import Store, canonical, digest_of

__all__ = [
    "ChangeObservation",
    "ChangeRecord",
    "DriftObservation",
    "DriftRecord",
    "DriftUpdate",
    "IntentRecord",
    "Leadership",
    "NotificationRecord",
    "Recovery",
    "SnapshotRecord",
    "Store",
    "SyncRecord",
    "canonical",
    "digest_of",
    "iso",
    "leadership",
]
