"""``hexsync access`` as an admin runs it: click's runner against an emulator on loopback,
seeded with ``access_seed.SEED`` and reset before every test."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from access_seed import SEED, WORKSPACE_TOKEN
from click.testing import CliRunner, Result

from hexsync.cli.main import cli
from hexsync.emulator.background import running_emulator
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import Seed


@pytest.fixture(scope="session")
def access_url() -> Iterator[str]:
    seed = Seed.from_dict(SEED, source="tests/access/access_seed.py")
    with running_emulator(seed, EmulatorConfig(rate_limits=None)) as url:
        yield url


@pytest.fixture
def hexsync(access_url: str) -> Callable[..., Result]:
    httpx.post(f"{access_url}/_emulator/reset").raise_for_status()

    def run(*args: str, token: str = WORKSPACE_TOKEN) -> Result:
        env = {"HEX_API_URL": access_url, "HEX_API_TOKEN": token, "NO_COLOR": "1"}
        return CliRunner().invoke(cli, ["--rate-limit", "off", *args], env=env)

    return run


@pytest.fixture
def stats(access_url: str) -> Callable[[], dict[str, Any]]:
    def read() -> dict[str, Any]:
        data: dict[str, Any] = httpx.get(f"{access_url}/_emulator/stats").json()
        return data

    return read
