"""The admin commands as a user runs them: click's runner against an emulator on loopback.

- ``hexsync(*args, token=…)`` → click's ``Result`` of ``hexsync --rate-limit off ARGS`` with
  ``HEX_API_URL`` at the emulator and ``HEX_API_TOKEN`` set (the workspace token by default).
  The emulator is started once for the whole directory and reset before every test.
- ``stats()`` → the emulator's request counts (``{"requests": {operationId: {status: n}}}``).
- Runs go PENDING → RUNNING → result in about 0.1 s of real time (a scaled clock).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from cli_support import CLI_SEED, FAST, WORKSPACE_TOKEN, invoke
from click.testing import Result

from hexsync.emulator.background import running_emulator
from hexsync.emulator.seed import Seed


@pytest.fixture(scope="session")
def emulator_url() -> Iterator[str]:
    with running_emulator(Seed.from_dict(CLI_SEED, source="tests/cli/conftest.py"), FAST) as url:
        yield url


@pytest.fixture
def stats(emulator_url: str) -> Callable[[], dict[str, Any]]:
    def read() -> dict[str, Any]:
        data: dict[str, Any] = httpx.get(f"{emulator_url}/_emulator/stats").json()
        return data

    return read


@pytest.fixture
def hexsync(emulator_url: str) -> Callable[..., Result]:
    """Run ``hexsync ARGS`` against a freshly reset workspace."""
    httpx.post(f"{emulator_url}/_emulator/reset").raise_for_status()

    def run(*args: str, token: str = WORKSPACE_TOKEN, **kwargs: Any) -> Result:
        return invoke(emulator_url, args, token, **kwargs)

    return run
