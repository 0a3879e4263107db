"""Fixtures of the controller's tests.

- ``postgres`` (session): a PostgreSQL server started for the tests (``pg_support``);
- ``open_store(url)``: a Store closed after the test;
- ``store_url`` (parametrised): a fresh, empty store on SQLite (a file) and on PostgreSQL, so
  every store test runs on both backends.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pg_support import PostgresServer, postgres_server

pytest.importorskip("sqlalchemy", reason="the serve extra is not installed")

from hexsync.store import Store


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    with postgres_server() as server:
        yield server


@pytest.fixture(params=["sqlite", "postgresql"])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'hexsync.db'}"
    server: PostgresServer = request.getfixturevalue("postgres")
    return server.new_database()


@pytest.fixture
def open_store() -> Iterator[Callable[[str], Store]]:
    """``open_store(url)`` → a Store, closed after the test (as a process would on exit)."""
    opened: list[Store] = []

    def make(url: str) -> Store:
        store = Store(url)
        opened.append(store)
        return store

    yield make
    for store in opened:
        store.close()


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
