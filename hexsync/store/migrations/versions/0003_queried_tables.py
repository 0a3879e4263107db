"""The tables each project queries, read in the background of ``hexsync serve``
(hexsync/store/schema.py, docs/data.md).

Revision ID: 0003
Revises: 0002
Create Date: 2027-01-20
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "queried_tables",
        sa.Column("workspace", sa.String(length=200), nullable=False),
        sa.Column("project_id", sa.String(length=200), nullable=False),
        sa.Column("org_id", sa.String(length=200), nullable=False),
        sa.Column("last_edited_at", sa.String(length=64), nullable=True),
        sa.Column("tables", sa.Text(), nullable=False),
        sa.Column("read_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("workspace", "project_id", name=op.f("pk_queried_tables")),
    )


def downgrade() -> None:
    op.drop_table("queried_tables")
