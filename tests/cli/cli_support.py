"""What the CLI tests share: the workspace they run against, and how they run the command."""

from __future__ import annotations

from typing import Any

from acme import (
    ORG,
    REVENUE_ID,
    STATUSES,
    acme_groups,
    finance_collection,
    people,
    person,
    revenue_overview,
    warehouse,
)
from click.testing import CliRunner, Result

from hexsync.cli.main import cli
from hexsync.emulator.config import EmulatorConfig

WORKSPACE_TOKEN = "hxtw_cli"
ADMIN_TOKEN = "hxtp_alice"
MEMBER_TOKEN = "hxtp_bob"

NIGHTLY_ID = "7d1e0c2a-3b4f-4a5e-9c6d-1e2f3a4b5c6d"
DRAFT_ID = "c0ffee00-0000-4000-8000-000000000001"
WAREHOUSE_ID = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"

CLI_SEED: dict[str, Any] = {
    "org": ORG,
    "tokens": [
        {"token": WORKSPACE_TOKEN, "kind": "workspace"},
        {"token": ADMIN_TOKEN, "kind": "personal", "user": "alice@acme.com"},
        {"token": MEMBER_TOKEN, "kind": "personal", "user": "bob@acme.com"},
    ],
    "statuses": STATUSES,
    "users": [person("alice", name="Alice Admin"), *people("bob", "carol", "dave", "trent")],
    "groups": [*acme_groups(), {"name": "Empty", "members": []}],
    "collections": [finance_collection(), {"name": "Ops", "description": "Operations"}],
    "projects": [
        revenue_overview(id=REVENUE_ID),
        {
            "id": NIGHTLY_ID,
            "title": "Nightly load",
            "owner": "bob@acme.com",
            "status": "In development",
            "published": True,
            "run_result": "ERRORED",
            "sharing": {"collections": {"Ops": "CAN_VIEW"}},
        },
        {"id": DRAFT_ID, "title": "Draft analysis", "owner": "carol@acme.com", "published": False},
        {"title": "Old report", "owner": "alice@acme.com", "published": True, "archived": True},
        {"title": "Copy of report", "owner": "alice@acme.com", "published": True},
        {"title": "Copy of report", "owner": "carol@acme.com", "published": True},
    ],
    "data_connections": [
        {"id": WAREHOUSE_ID, **warehouse()},
        {"name": "Replica", "type": "postgres", "description": "Read replica"},
    ],
}

# Fast runs: 20 emulated seconds per real second, so a run is PENDING for 25 ms and RUNNING
# for 50 ms. No rate limits: these tests are about what the commands show.
FAST = EmulatorConfig(
    rate_limits=None, time_scale=20.0, run_pending_seconds=0.5, run_running_seconds=1.0
)


def invoke(url: str, args: tuple[str, ...], token: str, **kwargs: Any) -> Result:
    env = {"HEX_API_URL": url, "HEX_API_TOKEN": token, "NO_COLOR": None}
    return CliRunner().invoke(cli, ["--rate-limit", "off", *args], env=env, **kwargs)


def requests_of(stats: dict[str, Any], operation_id: str) -> int:
    return sum(stats["requests"].get(operation_id, {}).values())
