"""Alembic's environment for the store: run by :func:`hexsync.store.migrate.upgrade` on the
connection it is given (never a URL from a file), inside that connection's transaction."""

from __future__ import annotations

from alembic import context
from sqlalchemy.engine import Connection

from hexsync.store.schema import metadata

connection = context.config.attributes.get("connection")
if not isinstance(connection, Connection):
    raise RuntimeError("the store's migrations run through hexsync.store.migrate.upgrade only")
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=connection.dialect.name == "sqlite",  # SQLite alters a table by copying it
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
