"""Shared fixtures: a small seeded workspace and the in-process emulator serving it.

- ``make_seed(**overrides)`` → a ``Seed``: the base workspace below (of ``acme``'s people,
  groups and projects) with top-level keys replaced.
- ``base_seed`` → a copy of the base seed's data (to edit parts of);
- ``seed`` → ``make_seed()``; ``clock`` → a ``ManualClock`` (moves only with ``advance``).
- ``emulator_app`` → ``create_app(seed, EmulatorConfig(rate_limits=None, strict_bodies=True),
  clock=clock)`` (strict: an unknown body key is a 400, so a client typo fails here);
  override ``seed`` or ``emulator_config`` in a test module to change what it serves.
- ``emulator_client`` → an ``httpx.Client`` on it (in-process, no socket: ``EmulatorTransport``),
  base URL ``https://app.hex.tech``.
- ``serve_emulator(seed, config=None)`` → another ``httpx.Client`` on a fresh app (closed after
  the test), for tests that need a different seed or config than the module's.
- ``auth(token)`` → the Authorization header for a token (``TOKENS`` names the base seed's).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from acme import (
    ORG,
    STATUSES,
    acme_groups,
    finance_collection,
    people,
    revenue_overview,
    warehouse,
)

from hexsync.emulator.app import create_app
from hexsync.emulator.clock import ManualClock
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import Seed
from hexsync.emulator.transport import EmulatorTransport

TOKENS = {
    "workspace": "hxtw_test",
    "admin": "hxtp_admin",  # alice, ADMIN
    "member": "hxtp_member",  # bob, EDITOR, in Analysts
    "guest": "hxtp_guest",  # gus, GUEST
}
BASE_URL = "https://app.hex.tech"

BASE_SEED: dict[str, Any] = {
    "org": ORG,
    "tokens": [
        {"token": TOKENS["workspace"], "kind": "workspace"},
        {"token": TOKENS["admin"], "kind": "personal", "user": "alice@acme.com"},
        {"token": TOKENS["member"], "kind": "personal", "user": "bob@acme.com"},
        {"token": TOKENS["guest"], "kind": "personal", "user": "gus@acme.com"},
    ],
    "statuses": STATUSES,
    "users": people("alice", "bob", "carol", "gus", "trent"),
    "groups": acme_groups(),
    "collections": [finance_collection()],
    "projects": [
        revenue_overview(),
        {
            "title": "Draft analysis",
            "owner": "carol@acme.com",
            "status": None,
            "published": False,
        },
        {
            "title": "Bob's notebook",
            "owner": "bob@acme.com",
            "published": True,
            "sharing": {"groups": {"Finance": "CAN_VIEW"}},
        },
    ],
    "data_connections": [
        warehouse(
            schema={
                "databases": ["DB"],
                "schemas": ["DB.analytics"],
                "tables": ["DB.analytics.revenue"],
            }
        )
    ],
}


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def make_seed() -> Callable[..., Seed]:
    """A factory: ``make_seed(projects=[...])`` is the base seed with ``projects`` replaced."""

    def factory(**overrides: Any) -> Seed:
        data = copy.deepcopy(BASE_SEED)
        data.update(copy.deepcopy(overrides))
        return Seed.from_dict(data, source="tests/conftest.py")

    return factory


@pytest.fixture
def base_seed() -> dict[str, Any]:
    """A copy of the base seed's data, for a test to edit and pass parts of to ``make_seed``."""
    return copy.deepcopy(BASE_SEED)


@pytest.fixture
def seed(make_seed: Callable[..., Seed]) -> Seed:
    return make_seed()


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
def emulator_config() -> EmulatorConfig:
    return EmulatorConfig(rate_limits=None, strict_bodies=True)


@pytest.fixture
def emulator_app(seed: Seed, emulator_config: EmulatorConfig, clock: ManualClock) -> Any:
    return create_app(seed, emulator_config, clock=clock)


@pytest.fixture
def emulator_client(emulator_app: Any) -> Iterator[httpx.Client]:
    with httpx.Client(transport=EmulatorTransport(emulator_app), base_url=BASE_URL) as client:
        yield client


@pytest.fixture
def serve_emulator(clock: ManualClock) -> Iterator[Callable[..., httpx.Client]]:
    clients: list[httpx.Client] = []

    def serve(seed: Seed, config: EmulatorConfig | None = None) -> httpx.Client:
        config = config or EmulatorConfig(rate_limits=None, strict_bodies=True)
        app = create_app(seed, config, clock=clock)
        client = httpx.Client(transport=EmulatorTransport(app), base_url=BASE_URL)
        clients.append(client)
        return client

    yield serve
    for client in clients:
        client.close()
