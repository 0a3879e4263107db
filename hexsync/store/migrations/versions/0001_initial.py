"""The initial store: syncs, snapshots, blobs, the change log, drift items, intents and
notifications (hexsync/store/schema.py).

Revision ID: 0001
Revises: (none)
Create Date: 2026-12-06
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "blobs",
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("digest", name=op.f("pk_blobs")),
    )
    op.create_table(
        "notifications",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("workspace", sa.String(length=200), nullable=False),
        sa.Column("event_key", sa.String(length=200), nullable=False),
        sa.Column("event", sa.String(length=40), nullable=False),
        sa.Column("target", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=10), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notifications")),
        sa.UniqueConstraint("event_key", "target", name=op.f("uq_notifications_event_key_target")),
    )
    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.create_index("ix_notifications_state", ["state", "next_attempt_at"], unique=False)

    op.create_table(
        "snapshots",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("workspace", sa.String(length=200), nullable=False),
        sa.Column("taken_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["digest"], ["blobs.digest"], name=op.f("fk_snapshots_digest_blobs")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_snapshots")),
    )
    with op.batch_alter_table("snapshots", schema=None) as batch_op:
        batch_op.create_index(
            "ix_snapshots_workspace_taken", ["workspace", "taken_at"], unique=False
        )

    op.create_table(
        "syncs",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("workspace", sa.String(length=200), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("trigger", sa.String(length=20), nullable=False),
        sa.Column("mode", sa.String(length=10), nullable=False),
        sa.Column("commit", sa.String(length=64), nullable=True),
        sa.Column("outcome", sa.String(length=20), nullable=False),
        sa.Column("changes", sa.Integer(), nullable=False),
        sa.Column("drift_count", sa.Integer(), nullable=False),
        sa.Column("applied", sa.Integer(), nullable=False),
        sa.Column("requests", sa.Integer(), nullable=False),
        sa.Column("rate_limited", sa.Integer(), nullable=False),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("plan_digest", sa.String(length=64), nullable=True),
        sa.Column("report_digest", sa.String(length=64), nullable=True),
        sa.Column("snapshot_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["plan_digest"], ["blobs.digest"], name=op.f("fk_syncs_plan_digest_blobs")
        ),
        sa.ForeignKeyConstraint(
            ["report_digest"], ["blobs.digest"], name=op.f("fk_syncs_report_digest_blobs")
        ),
        sa.ForeignKeyConstraint(
            ["snapshot_id"], ["snapshots.id"], name=op.f("fk_syncs_snapshot_id_snapshots")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_syncs")),
    )
    with op.batch_alter_table("syncs", schema=None) as batch_op:
        batch_op.create_index(
            "ix_syncs_workspace_started", ["workspace", "started_at"], unique=False
        )

    op.create_table(
        "changes",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("workspace", sa.String(length=200), nullable=False),
        sa.Column("sync_id", sa.Integer(), nullable=True),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("since", sa.DateTime(timezone=True), nullable=True),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("object_id", sa.String(length=200), nullable=True),
        sa.Column("object_name", sa.Text(), nullable=False),
        sa.Column("action", sa.String(length=10), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("old", sa.Text(), nullable=True),
        sa.Column("new", sa.Text(), nullable=True),
        sa.Column("managed", sa.Boolean(), nullable=False),
        sa.Column("by_hexsync", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(["sync_id"], ["syncs.id"], name=op.f("fk_changes_sync_id_syncs")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_changes")),
    )
    with op.batch_alter_table("changes", schema=None) as batch_op:
        batch_op.create_index("ix_changes_workspace_seen", ["workspace", "seen_at"], unique=False)

    op.create_table(
        "drift_items",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("workspace", sa.String(length=200), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("object_id", sa.String(length=200), nullable=True),
        sa.Column("object_name", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("field", sa.Text(), nullable=False),
        sa.Column("manifests", sa.Text(), nullable=True),
        sa.Column("live", sa.Text(), nullable=True),
        sa.Column("first_seen", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resolved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("first_sync_id", sa.Integer(), nullable=True),
        sa.Column("last_sync_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["first_sync_id"], ["syncs.id"], name=op.f("fk_drift_items_first_sync_id_syncs")
        ),
        sa.ForeignKeyConstraint(
            ["last_sync_id"], ["syncs.id"], name=op.f("fk_drift_items_last_sync_id_syncs")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_drift_items")),
    )
    with op.batch_alter_table("drift_items", schema=None) as batch_op:
        batch_op.create_index(
            "ix_drift_items_workspace_resolved", ["workspace", "resolved_at"], unique=False
        )
        batch_op.create_index(
            "uq_drift_items_open",
            ["workspace", "key"],
            unique=True,
            sqlite_where=sa.text("resolved_at IS NULL"),
            postgresql_where=sa.text("resolved_at IS NULL"),
        )

    op.create_table(
        "intents",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("workspace", sa.String(length=200), nullable=False),
        sa.Column("sync_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("changes", sa.Integer(), nullable=False),
        sa.Column("plan_digest", sa.String(length=64), nullable=False),
        sa.Column("lock_id", sa.String(length=200), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["plan_digest"], ["blobs.digest"], name=op.f("fk_intents_plan_digest_blobs")
        ),
        sa.ForeignKeyConstraint(["sync_id"], ["syncs.id"], name=op.f("fk_intents_sync_id_syncs")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_intents")),
    )


def downgrade() -> None:
    op.drop_table("intents")
    with op.batch_alter_table("drift_items", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_drift_items_open",
            sqlite_where=sa.text("resolved_at IS NULL"),
            postgresql_where=sa.text("resolved_at IS NULL"),
        )
        batch_op.drop_index("ix_drift_items_workspace_resolved")

    op.drop_table("drift_items")
    with op.batch_alter_table("changes", schema=None) as batch_op:
        batch_op.drop_index("ix_changes_workspace_seen")

    op.drop_table("changes")
    with op.batch_alter_table("syncs", schema=None) as batch_op:
        batch_op.drop_index("ix_syncs_workspace_started")

    op.drop_table("syncs")
    with op.batch_alter_table("snapshots", schema=None) as batch_op:
        batch_op.drop_index("ix_snapshots_workspace_taken")

    op.drop_table("snapshots")
    with op.batch_alter_table("notifications", schema=None) as batch_op:
        batch_op.drop_index("ix_notifications_state")

    op.drop_table("notifications")
    op.drop_table("blobs")
