"""The store's tables (SQLAlchemy Core): the one description of what ``hexsync serve`` keeps.

Every row names its workspace, so one database can hold several. Timestamps are UTC, aware on
the way out whatever the backend keeps. Large documents (snapshots of the workspace, plans,
apply reports) live once in ``blobs``, keyed by the SHA-256 of their canonical JSON and
compressed: a sync that read the same workspace as the one before adds a ``syncs`` row and
nothing else.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect

__all__ = [
    "blobs",
    "changes",
    "drift_items",
    "intents",
    "metadata",
    "notifications",
    "queried_tables",
    "revoked_sessions",
    "snapshots",
    "syncs",
    "web_secrets",
]


class UTCDateTime(TypeDecorator[dt.datetime]):
    """An aware UTC datetime on both backends (SQLite keeps no zone: stored as UTC, read as UTC),
    to the millisecond: what the API writes is exactly what is stored, so ``?at=`` a stored
    time finds what was stored then."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if not isinstance(value, dt.datetime) or value.tzinfo is None:
            raise ValueError("the store takes aware datetimes only")
        utc = value.astimezone(dt.timezone.utc)
        utc = utc.replace(microsecond=utc.microsecond // 1000 * 1000)  # as the API writes it
        return utc.replace(tzinfo=None) if dialect.name == "sqlite" else utc

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:  # noqa: ARG002
        if value is None:
            return None
        assert isinstance(value, dt.datetime)
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.timezone.utc)
        return value.astimezone(dt.timezone.utc)


metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

WORKSPACE = 200  # length of a workspace's name

blobs = Table(
    "blobs",
    metadata,
    Column("digest", String(64), primary_key=True),  # SHA-256 of the canonical JSON
    Column("kind", String(20), nullable=False),  # snapshot, plan, report
    Column("size", Integer, nullable=False),  # bytes of the JSON before compression
    Column("data", LargeBinary, nullable=False),  # zlib-compressed canonical JSON
    Column("created_at", UTCDateTime, nullable=False),
)

syncs = Table(
    "syncs",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("workspace", String(WORKSPACE), nullable=False),
    Column("started_at", UTCDateTime, nullable=False),
    Column("finished_at", UTCDateTime),
    Column("trigger", String(20), nullable=False),  # schedule, webhook, api, start
    Column("mode", String(10), nullable=False),  # warn, heal
    Column("commit", String(64)),  # the manifests' git commit, when from a repository
    # running, synced, out_of_sync, healed, held, refused, failed, interrupted
    Column("outcome", String(20), nullable=False),
    Column("changes", Integer, nullable=False, default=0),  # the plan's changes
    Column("drift_count", Integer, nullable=False, default=0),  # open drift items after it
    Column("applied", Integer, nullable=False, default=0),  # changes a heal carried out
    Column("requests", Integer, nullable=False, default=0),  # to Hex, retries included
    Column("rate_limited", Integer, nullable=False, default=0),  # 429 answers
    Column("error", Text),
    Column("note", Text),  # why a heal was held or refused
    Column("plan_digest", String(64), ForeignKey("blobs.digest")),
    Column("report_digest", String(64), ForeignKey("blobs.digest")),
    Column("snapshot_id", Integer, ForeignKey("snapshots.id")),
    Index("ix_syncs_workspace_started", "workspace", "started_at"),
)

snapshots = Table(
    "snapshots",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("workspace", String(WORKSPACE), nullable=False),
    Column("taken_at", UTCDateTime, nullable=False),  # the read that first saw this content
    Column("digest", String(64), ForeignKey("blobs.digest"), nullable=False),
    Index("ix_snapshots_workspace_taken", "workspace", "taken_at"),
)

changes = Table(
    "changes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("workspace", String(WORKSPACE), nullable=False),
    Column("sync_id", Integer, ForeignKey("syncs.id")),
    Column("seen_at", UTCDateTime, nullable=False),  # the read that saw it
    Column("since", UTCDateTime),  # the read before, which had not: it happened in between
    Column("kind", String(20), nullable=False),  # project, group, collection, user, workspace
    Column("object_id", String(200)),
    Column("object_name", Text, nullable=False),
    Column("action", String(10), nullable=False),  # added, removed, changed
    Column("path", Text, nullable=False),  # the field, "" for the object itself
    Column("old", Text),
    Column("new", Text),
    Column("managed", Boolean, nullable=False),  # the manifests declare the object
    Column("by_hexsync", Boolean, nullable=False, default=False),  # a heal of this store made it
    Index("ix_changes_workspace_seen", "workspace", "seen_at"),
)

drift_items = Table(
    "drift_items",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("workspace", String(WORKSPACE), nullable=False),
    Column("key", String(64), nullable=False),  # identity of (object, field) across syncs
    Column("kind", String(20), nullable=False),
    Column("object_id", String(200)),
    Column("object_name", Text, nullable=False),
    Column("state", String(20), nullable=False),  # differs, missing, unexpected, active
    Column("field", Text, nullable=False),  # "" when the whole object drifted
    Column("manifests", Text),
    Column("live", Text),
    Column("first_seen", UTCDateTime, nullable=False),
    Column("last_seen", UTCDateTime, nullable=False),
    Column("resolved_at", UTCDateTime),
    Column("first_sync_id", Integer, ForeignKey("syncs.id")),
    Column("last_sync_id", Integer, ForeignKey("syncs.id")),
    Index("ix_drift_items_workspace_resolved", "workspace", "resolved_at"),
    # At most one open item per object and field.
    Index(
        "uq_drift_items_open",
        "workspace",
        "key",
        unique=True,
        sqlite_where=Column("resolved_at").is_(None),
        postgresql_where=Column("resolved_at").is_(None),
    ),
)

intents = Table(
    "intents",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("workspace", String(WORKSPACE), nullable=False),
    Column("sync_id", Integer, ForeignKey("syncs.id"), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("finished_at", UTCDateTime),
    Column("state", String(20), nullable=False),  # pending, done, failed, interrupted
    Column("changes", Integer, nullable=False),
    Column("plan_digest", String(64), ForeignKey("blobs.digest"), nullable=False),
    Column("lock_id", String(200)),  # the apply lock group this heal holds in Hex
    Column("note", Text),
)

notifications = Table(
    "notifications",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("workspace", String(WORKSPACE), nullable=False),
    Column("event_key", String(200), nullable=False),  # one delivery per event and target
    Column("event", String(40), nullable=False),  # drift_opened, drift_resolved, ...
    Column("target", String(64), nullable=False),  # a digest of the URL (URLs hold secrets)
    Column("created_at", UTCDateTime, nullable=False),
    Column("payload", Text, nullable=False),
    Column("state", String(10), nullable=False),  # pending, sent, failed
    Column("attempts", Integer, nullable=False, default=0),
    Column("next_attempt_at", UTCDateTime),
    Column("sent_at", UTCDateTime),
    Column("last_error", Text),
    UniqueConstraint("event_key", "target"),
    Index("ix_notifications_state", "state", "next_attempt_at"),
)

# The dashboard's sessions (hexsync/serve/web/session.py): a random key, shared by the replicas,
# that signs the session cookies together with the tokens (neither alone can); and the sessions
# signed out before they expired, which every replica then refuses.
web_secrets = Table(
    "web_secrets",
    metadata,
    Column("name", String(40), primary_key=True),
    Column("value", String(128), nullable=False),  # hex
    Column("created_at", UTCDateTime, nullable=False),
)

revoked_sessions = Table(
    "revoked_sessions",
    metadata,
    Column("sid", String(64), primary_key=True),
    Column("expires_at", UTCDateTime, nullable=False),  # kept until then, then pruned
    Index("ix_revoked_sessions_expires_at", "expires_at"),
)

# The tables each project queries, as `hexsync serve` reads them in the background (docs/data.md):
# one row per project, keyed by the lastEditedAt it was read at, so that only projects edited
# since are read again, after a restart too. Not history: a row is replaced when re-read.
queried_tables = Table(
    "queried_tables",
    metadata,
    Column("workspace", String(WORKSPACE), primary_key=True),
    Column("project_id", String(200), primary_key=True),
    Column("org_id", String(200), nullable=False),  # another org's rows are not this one's
    Column("last_edited_at", String(64)),  # as Hex wrote it; null: never said
    Column("tables", Text, nullable=False),  # JSON list of "Connection:schema.table"
    Column("read_at", UTCDateTime, nullable=False),
)
