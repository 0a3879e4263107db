"""The whole app with its edges: reset starts quotas over, and a cut-off request counts as one."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

from hexsync.emulator.app import create_app
from hexsync.emulator.clock import ManualClock
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import Seed
from hexsync.emulator.transport import EmulatorTransport

ADMIN = {"Authorization": "Bearer hxtp_admin"}


def _client(seed: Seed, config: EmulatorConfig) -> httpx.Client:
    app = create_app(seed, config, clock=ManualClock())
    return httpx.Client(transport=EmulatorTransport(app), base_url="https://app.hex.tech")


def test_reset_gives_a_rate_limited_token_its_quota_back(make_seed: Callable[..., Seed]) -> None:
    with _client(make_seed(), EmulatorConfig()) as client:
        statuses = [client.get("/api/v1/projects", headers=ADMIN).status_code for _ in range(31)]
        assert statuses[-1] == 429
        client.post("/_emulator/reset")
        assert client.get("/api/v1/projects", headers=ADMIN).status_code == 200


def test_a_dropped_request_is_counted_as_dropped(make_seed: Callable[..., Seed]) -> None:
    with _client(make_seed(), EmulatorConfig(rate_limits=None)) as client:
        client.post("/_emulator/faults", json={"operationId": "ListGroups", "kind": "drop"})
        with pytest.raises(httpx.TransportError):
            client.get("/api/v1/groups", headers=ADMIN)
        assert client.get("/api/v1/groups", headers=ADMIN).status_code == 200
        stats = client.get("/_emulator/stats").json()
        assert stats["requests"]["ListGroups"] == {"200": 1, "dropped": 1}
