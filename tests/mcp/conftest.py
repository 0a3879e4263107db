"""One emulator per test module, serving the example workspace (examples/acme) on loopback.

- ``emulator_url`` → its base URL (module scope); ``reset()`` puts the workspace back to the seed.
- ``session(*args, **kw)`` → a started ``McpSession`` (``hexsync mcp ARGS``), closed after the
  test; ``ro`` / ``rw`` → a module-wide read-only session and one with ``--allow-writes``,
  already initialised, each with ``--manifests`` on its own copy of the acme manifests.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from acme import serving_example
from mcp_support import MANIFESTS, McpSession


@pytest.fixture(scope="module")
def emulator_url() -> Iterator[str]:
    with serving_example() as url:
        yield url


@pytest.fixture
def reset(emulator_url: str) -> Callable[[], None]:
    def run() -> None:
        httpx.post(f"{emulator_url}/_emulator/reset").raise_for_status()

    run()
    return run


@pytest.fixture
def session(emulator_url: str, tmp_path: Path) -> Iterator[Callable[..., McpSession]]:
    started: list[McpSession] = []

    def start(*args: str, **kwargs: Any) -> McpSession:
        name = f"stderr-{len(started)}.txt"
        s = McpSession(emulator_url, *args, stderr_path=tmp_path / name, **kwargs)
        started.append(s)
        return s

    yield start
    for s in started:
        s.close()


def _module_session(url: str, tmp: Path, *args: str) -> Iterator[McpSession]:
    """A session bound to a copy of the acme manifests (its --manifests directory)."""
    copy = tmp / "manifests"
    shutil.copytree(MANIFESTS, copy)
    s = McpSession(url, "--manifests", str(copy), *args, stderr_path=tmp / "stderr.txt")
    s.initialize()
    yield s
    s.close()


@pytest.fixture(scope="module")
def ro(emulator_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[McpSession]:
    yield from _module_session(emulator_url, tmp_path_factory.mktemp("ro"))


@pytest.fixture(scope="module")
def rw(emulator_url: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[McpSession]:
    yield from _module_session(emulator_url, tmp_path_factory.mktemp("rw"), "--allow-writes")
