"""A throwaway PostgreSQL server for the store's tests: Debian's ``postgresql`` binaries,
``initdb`` into a temporary folder and ``pg_ctl`` on a Unix socket there (no TCP port), as the
``postgres`` user when the tests run as root (PostgreSQL refuses to run as root).

``.ci/run`` installs the package when ``initdb`` is missing; on a machine without it (and not in
CI) the PostgreSQL tests are skipped with the reason.
"""

from __future__ import annotations

import contextlib
import glob
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

_COUNTER = itertools.count(1)


def _bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _as_user() -> list[str]:
    if os.geteuid() != 0:
        return []
    pwd.getpwnam("postgres")  # the package creates the user
    return ["runuser", "-u", "postgres", "--"]


class PostgresServer:
    def __init__(self, root: Path, bindir: Path) -> None:
        self.root = root
        self.bindir = bindir
        self.data = root / "data"
        self.socket = root / "run"
        self.port = 5432

    def run(self, *args: str) -> None:
        subprocess.run(
            [*_as_user(), *args], check=True, capture_output=True, text=True, timeout=120
        )

    def start(self) -> None:
        self.socket.mkdir()
        if os.geteuid() == 0:
            entry = pwd.getpwnam("postgres")
            for path in (self.root, self.socket):
                os.chown(path, entry.pw_uid, entry.pw_gid)
        self.root.chmod(0o755)
        self.run(
            str(self.bindir / "initdb"),
            "-D",
            str(self.data),
            "-A",
            "trust",
            "-U",
            "postgres",
            "--no-sync",
            "-E",
            "UTF8",
        )
        options = f"-k {self.socket} -p {self.port} -c listen_addresses='' -c fsync=off"
        self.run(
            str(self.bindir / "pg_ctl"),
            "-D",
            str(self.data),
            "-o",
            options,
            "-l",
            str(self.root / "log"),
            "-w",
            "start",
        )

    def stop(self) -> None:
        with contextlib.suppress(subprocess.SubprocessError):
            self.run(str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")

    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@/{database}?host={self.socket}&port={self.port}"

    def new_database(self) -> str:
        """A fresh, empty database on the server; its URL."""
        import psycopg  # noqa: PLC0415 - the serve extra's driver, only when a database is made

        name = f"hexsync_{os.getpid()}_{next(_COUNTER)}"
        with psycopg.connect(
            host=str(self.socket),
            port=self.port,
            user="postgres",
            dbname="postgres",
            autocommit=True,
        ) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)


@contextlib.contextmanager
def postgres_server() -> Iterator[PostgresServer]:
    bindir = _bin()
    if bindir is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL's initdb is missing; .ci/run installs Debian's postgresql")
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql; .ci/run does)")
    root = Path(tempfile.mkdtemp(prefix="hexsync-pg-"))
    server = PostgresServer(root, bindir)
    try:
        server.start()
        yield server
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)
