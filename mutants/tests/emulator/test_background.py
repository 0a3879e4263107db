"""The emulator in a background thread answers on a real loopback socket, then goes away."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

from hexsync.emulator.background import running_emulator
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import Seed


def test_serves_the_seed_on_loopback_and_stops(make_seed: Callable[..., Seed]) -> None:
    seed = make_seed()
    with running_emulator(seed, EmulatorConfig(rate_limits=None)) as url:
        assert url.startswith("http://127.0.0.1:")
        me = httpx.get(f"{url}/api/v1/users/me", headers={"Authorization": "Bearer hxtp_admin"})
        assert me.status_code == 200
        assert me.json()["email"] == "alice@acme.com"
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{url}/api/v1/users/me", timeout=2)
