"""Every operation counts against the rate-limit group Hex's reference names for it.

The group is the contract's ``rate_limit_group`` (tests/contract/hex_api.yaml: ``hex-api``,
``hex-api-30rpm``, ``hex-run-kernel``, restated from each operation's description in Hex's
reference, ``hex-api`` "the default rate limit group" when it names none; docs/hex-api.md).
Each operation is then called twice with its group limited to one request a minute: the second
call is a 429 in that endpoint's envelope with ``Retry-After``, and a call in another group still
passes.
"""

from __future__ import annotations

import re

import httpx
import pytest
from hex_contract import operations
from test_contract import MODERN

from hexsync.emulator.app import create_app
from hexsync.emulator.config import MINUTE, EmulatorConfig, Window
from hexsync.emulator.operations import HEX_API, HEX_API_30RPM, HEX_RUN_KERNEL
from hexsync.emulator.transport import EmulatorTransport

UUID = "00000000-0000-4000-8000-000000000000"


def documented_groups() -> dict[str, str]:
    return {op_id: op["rate_limit_group"] for op_id, op in operations().items()}


def test_the_operations_table_has_the_documented_groups():
    table = {op_id: op.rate_group for op_id, op in MODERN.items()}
    assert table == documented_groups()
    # The three groups docs/hex-api.md describes, and no other.
    assert set(table.values()) == {HEX_API, HEX_API_30RPM, HEX_RUN_KERNEL}


def concrete(path: str) -> str:
    return re.sub(r"\{[A-Za-z]+\}", UUID, path)


@pytest.mark.parametrize("operation_id", sorted(MODERN))
def test_the_second_call_in_a_minute_is_refused_in_the_endpoint_envelope(seed, operation_id):
    op = MODERN[operation_id]
    limits = {group: (Window(1000, MINUTE),) for group in (HEX_API, HEX_API_30RPM, HEX_RUN_KERNEL)}
    limits[op.rate_group] = (Window(1, MINUTE),)
    app = create_app(seed, EmulatorConfig(rate_limits=limits))
    headers = {"Authorization": f"Bearer {seed.token_for()}"}
    path = concrete(op.path)
    other = "/api/v1/users/me" if op.rate_group != HEX_API_30RPM else "/api/v1/groups"
    with httpx.Client(transport=EmulatorTransport(app), base_url="https://app.hex.tech") as c:
        first = c.request(op.method, path, json={} if op.method != "GET" else None, headers=headers)
        assert first.status_code != 429
        second = c.request(
            op.method, path, json={} if op.method != "GET" else None, headers=headers
        )
        assert second.status_code == 429, second.text
        assert int(second.headers["Retry-After"]) >= 1
        body = second.json()
        if op.envelope == "legacy":
            assert "reason" in body
        else:
            assert set(body) >= {"code", "message"}
        assert c.get(other, headers=headers).status_code == 200
