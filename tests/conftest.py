"""Shared fixtures: a small seeded workspace and the in-process emulator serving it.

- ``make_seed(**overrides)`` → a ``Seed``: the base workspace below with top-level keys replaced.
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

from hexsync.emulator.app import create_app
from hexsync.emulator.clock import ManualClock
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import Seed
from hexsync.emulator.transport import EmulatorTransport

ORG_ID = "5a8591dd-4039-49df-9202-96385ba3eff8"
TOKENS = {
    "workspace": "hxtw_test",
    "admin": "hxtp_admin",  # alice, ADMIN
    "member": "hxtp_member",  # bob, EDITOR, in Analysts
    "guest": "hxtp_guest",  # gus, GUEST
}
BASE_URL = "https://app.hex.tech"

BASE_SEED: dict[str, Any] = {
    "org": {"id": ORG_ID, "name": "Acme"},
    "tokens": [
        {"token": TOKENS["workspace"], "kind": "workspace"},
        {"token": TOKENS["admin"], "kind": "personal", "user": "alice@acme.com"},
        {"token": TOKENS["member"], "kind": "personal", "user": "bob@acme.com"},
        {"token": TOKENS["guest"], "kind": "personal", "user": "gus@acme.com"},
    ],
    "statuses": ["Exploratory", "In development", "Production", "Deprecated"],
    "users": [
        {"email": "alice@acme.com", "name": "Alice", "role": "ADMIN"},
        {"email": "bob@acme.com", "name": "Bob", "role": "EDITOR"},
        {"email": "carol@acme.com", "name": "Carol", "role": "EDITOR"},
        {"email": "gus@acme.com", "name": "Gus", "role": "GUEST"},
        {"email": "trent@acme.com", "name": "Trent", "role": "EDITOR", "active": False},
    ],
    "groups": [
        {"name": "Analysts", "members": ["alice@acme.com", "bob@acme.com"]},
        {"name": "Finance", "members": ["carol@acme.com"]},
    ],
    "collections": [{"name": "Finance", "description": "Finance team dashboards"}],
    "projects": [
        {
            "title": "Revenue overview",
            "description": "Weekly revenue by region",
            "owner": "alice@acme.com",
            "status": "Production",
            "categories": ["Finance"],
            "published": True,
            "sharing": {
                "workspace": "APP_ONLY",
                "users": {"carol@acme.com": "CAN_EDIT"},
                "groups": {"Analysts": "CAN_VIEW"},
                "collections": {"Finance": "CAN_VIEW"},
            },
            "queried_tables": [
                {"connection": "Warehouse", "table": "analytics.revenue"},
                {"connection": "Warehouse", "table": "analytics.regions"},
            ],
            "inputs": [
                {"name": "region", "type": "string", "default": "ALL"},
                {"name": "weeks", "type": "number", "default": 12},
            ],
        },
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
        {
            "name": "Warehouse",
            "type": "snowflake",
            "description": "Main warehouse",
            "connection_details": {"accountName": "acme", "warehouse": "WH", "database": "DB"},
            "schema": {
                "databases": ["DB"],
                "schemas": ["DB.analytics"],
                "tables": ["DB.analytics.revenue"],
            },
        }
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
