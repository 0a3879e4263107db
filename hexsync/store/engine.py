"""Engines for the store's URLs: ``sqlite:///PATH`` (WAL, foreign keys, transactional DDL) and
``postgresql://…`` (psycopg 3), the same SQLAlchemy Core code above both."""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import URL, Connection, Engine, make_url

from hexsync.errors import ConfigError

__all__ = ["make_engine", "redacted", "sqlite_path"]

BUSY_TIMEOUT_MS = 10_000  # a writer waits this long for another before SQLite says "busy"


def _url(text: str) -> URL:
    try:
        url = make_url(text)
    except Exception as exc:
        raise ConfigError(
            f"--db {redacted(text)!r} is not a database URL",
            hint="sqlite:///PATH or postgresql://USER@HOST/DB",
        ) from exc
    if url.drivername in ("postgresql", "postgres", "postgresql+psycopg"):
        return url.set(drivername="postgresql+psycopg")
    if url.drivername in ("sqlite", "sqlite+pysqlite"):
        return url
    raise ConfigError(
        f"--db: the store runs on SQLite or PostgreSQL, not {url.drivername!r}",
        hint="sqlite:///PATH or postgresql://USER@HOST/DB",
    )


def redacted(text: str) -> str:
    """The URL with its password hidden, in its user part or its query (for messages, logs and
    ``GET /api/status``)."""
    try:
        url = make_url(text)
        hidden = {k: "***" for k in url.query if "password" in k.lower()}
        return url.update_query_dict(hidden).render_as_string(hide_password=True)
    except Exception:
        return "<unparseable URL>"


def sqlite_path(text: str) -> Path | None:
    """The file of a ``sqlite:///PATH`` URL; None for another backend or an in-memory one."""
    url = _url(text)
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def _private_file(path: Path) -> None:
    """Make a new SQLite file (and its folder) readable by this user alone: the store holds
    the workspace's people and access, and the dashboard's session key. SQLite gives the
    ``-wal`` and ``-shm`` files the database file's mode. An existing file is left as it is."""
    if not path.parent.exists():
        path.parent.mkdir(parents=True, mode=0o700, exist_ok=True)
    if not path.exists():
        with contextlib.suppress(FileExistsError):
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def make_engine(text: str) -> Engine:
    """An engine for ``text``; SQLite files get WAL, and a new file and its folder are made
    private to this user."""
    url = _url(text)
    if url.get_backend_name() == "postgresql":
        return create_engine(
            url,
            pool_pre_ping=True,
            connect_args={"connect_timeout": 5},
        )
    path = sqlite_path(text)
    if path is not None:
        _private_file(path)
    engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 10})

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        # The driver's own transaction handling off: SQLAlchemy's begin() below emits BEGIN, so
        # DDL is transactional too (a migration applies whole or not at all).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA foreign_keys = ON")
        if path is not None:
            cursor.execute("PRAGMA journal_mode = WAL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        # Writers take the write lock at BEGIN: two writers queue instead of one failing.
        immediate = connection.get_execution_options().get("immediate", False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine
