"""Bring a store's tables to the current version with the Alembic migrations shipped inside
the package (``hexsync/store/migrations``): on SQLite and PostgreSQL alike, serialised so that
two processes starting at once on one database do not both create the tables."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine

__all__ = ["current_revision", "head_revision", "upgrade"]

MIGRATIONS = Path(__file__).with_name("migrations")
_MIGRATION_LOCK = 0x6865_7873_796E_6301  # "hexsync" + 1: the advisory lock around migrations


def _config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade(engine: Engine) -> None:
    """Apply every migration not yet applied (none: nothing happens)."""
    # SQLite: BEGIN IMMEDIATE (hexsync.store.engine) takes the write lock first, so a second
    # process waits (busy_timeout), then finds the tables made. PostgreSQL: an advisory lock.
    with engine.connect() as plain:
        connection = plain.execution_options(immediate=True)
        with connection.begin():
            if connection.dialect.name == "postgresql":
                connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _MIGRATION_LOCK})
            command.upgrade(_config(connection), "head")
