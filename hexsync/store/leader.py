"""One reconciler per workspace: a lock held for as long as the process reconciles.

PostgreSQL: a session advisory lock on a connection kept open (it goes with the connection, so
a process that dies releases it). SQLite: an exclusive ``flock`` on a file beside the database
(``PATH.WORKSPACE.leader``), which the kernel releases when the process dies, ``kill -9``
included; it is not the database file itself, whose POSIX locks SQLite owns. An in-memory
database has one process: always the leader.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from pathlib import Path
from typing import Protocol

from sqlalchemy import text
from sqlalchemy.engine import Connection

from hexsync.store.store import Store

__all__ = ["Leadership", "leadership"]

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


class Leadership(Protocol):
    def acquire(self) -> bool:
        """Take the lock if free (never waits); whether this process holds it now."""

    def held(self) -> bool:
        """Whether the lock is still this process's (a lost connection loses it)."""

    def release(self) -> None: ...


def _key(workspace: str) -> int:
    """A signed 64-bit advisory lock key for the workspace."""
    digest = hashlib.sha256(f"hexsync-serve:{workspace}".encode()).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


class _Always:
    def acquire(self) -> bool:
        return True

    def held(self) -> bool:
        return True

    def release(self) -> None:
        return None


class _FileLock:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.fd: int | None = None

    def acquire(self) -> bool:
        if self.fd is not None:
            return True
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            assert fcntl is not None
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self.fd = fd
        return True

    def held(self) -> bool:
        return self.fd is not None

    def release(self) -> None:
        if self.fd is not None:
            os.close(self.fd)  # closing drops the flock
            self.fd = None


class _AdvisoryLock:
    def __init__(self, store: Store, workspace: str) -> None:
        self.store = store
        self.key = _key(workspace)
        self.connection: Connection | None = None

    def acquire(self) -> bool:
        if self.connection is not None and self.held():
            return True
        connection = self.store.engine.connect().execution_options(isolation_level="AUTOCOMMIT")
        try:
            got = connection.execute(
                text("SELECT pg_try_advisory_lock(:k)"), {"k": self.key}
            ).scalar()
        except Exception:
            connection.close()
            raise
        if not got:
            connection.close()
            return False
        self.connection = connection
        return True

    def held(self) -> bool:
        if self.connection is None:
            return False
        try:
            self.connection.execute(text("SELECT 1"))
        except Exception:  # the connection is gone, and the lock with it
            self.connection.invalidate()
            self.connection.close()
            self.connection = None
            return False
        return True

    def release(self) -> None:
        if self.connection is not None:
            with contextlib.suppress(Exception):  # closing the session releases it anyway
                self.connection.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": self.key})
            self.connection.close()
            self.connection = None


def leadership(store: Store, workspace: str) -> Leadership:
    """The lock that makes this process the workspace's one reconciler."""
    if store.backend == "postgresql":
        return _AdvisoryLock(store, workspace)
    if store.path is None or fcntl is None:
        return _Always()
    return _FileLock(store.path.with_name(f"{store.path.name}.{_file_part(workspace)}.leader"))


def _file_part(workspace: str) -> str:
    """The workspace's part of its lock file's name: the name itself when it is short and
    plain (as it always was), else a plain prefix and a digest of the whole name, so that two
    names never share a lock (``a.b`` and ``a_b``; two 63-character names that begin alike)."""
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in workspace)
    if safe == workspace and len(safe) <= 60:
        return safe
    digest = hashlib.sha256(workspace.encode()).hexdigest()[:16]
    return f"{safe[:40]}-{digest}"
