"""Where Hex closes a request body's object (``additionalProperties: false`` in the project's
contract of Hex's API, tests/contract/hex_api.yaml, as in Hex's OpenAPI document),
the emulator refuses an unknown key there even when it ignores unknown keys elsewhere (the
default), as Hex does: a 400 in the operation's error envelope, and nothing changed.

Seven operations: a group's ``members`` (CreateGroup; EditGroup's ``add`` and ``remove``), a
collection's ``sharing`` (CreateCollection; EditCollection's ``upsert``), a data connection's
``schemaRefreshSchedule`` (Create/EditDataConnection), and UpdateDataConnectionSchema's body and
each of its ``updates``. A client that sent a misspelt key there used to get a success from the
emulator and a 400 from Hex.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hex_contract import openapi
from openapi_schema_validator import OAS30Validator

from hexsync.emulator.config import EmulatorConfig

UNKNOWN = "colour"
TRINO = {"username": "svc", "port": 8080, "hostname": "trino.acme.com", "password": "p"}
SCHEDULE = {
    "cadence": "DAILY",
    "enabled": True,
    "daily": {"timezoneString": "UTC", "minute": 0, "hour": 3},
}


def _calls(seed: Any) -> dict[str, tuple[str, str, dict[str, Any]]]:
    """Per operation, a request Hex accepts: method, path and a body holding every closed
    object of that operation."""
    group = seed.id_of("groups", "Finance")
    collection = seed.id_of("collections", "Finance")
    connection = seed.id_of("data_connections", "Warehouse")
    carol = {"users": [{"id": seed.id_of("users", "carol@acme.com")}]}
    return {
        "CreateGroup": ("POST", "/api/v1/groups", {"name": "Partners", "members": carol}),
        "EditGroup": (
            "PATCH",
            f"/api/v1/groups/{group}",
            {"members": {"add": carol, "remove": {"users": []}}},
        ),
        "CreateCollection": (
            "POST",
            "/api/v1/collections",
            {"name": "Partners", "sharing": {"users": [], "groups": []}},
        ),
        "EditCollection": (
            "PATCH",
            f"/api/v1/collections/{collection}",
            {"sharing": {"upsert": {"users": [], "groups": []}}},
        ),
        "CreateDataConnection": (
            "POST",
            "/api/v1/data-connections",
            {
                "name": "Lake",
                "type": "trino",
                "connectionDetails": {"trino": TRINO},
                "schemaRefreshSchedule": SCHEDULE,
            },
        ),
        "EditDataConnection": (
            "PATCH",
            f"/api/v1/data-connections/{connection}",
            {"schemaRefreshSchedule": SCHEDULE},
        ),
        "UpdateDataConnectionSchema": (
            "PATCH",
            f"/api/v1/data-connections/{connection}/schema",
            {"updates": [{"type": "TABLE", "name": "DB.analytics.revenue", "status": None}]},
        ),
    }


# Each closed object of each operation's body, as the keys (and list indexes) that reach it.
CLOSED: list[tuple[str, tuple[str | int, ...]]] = [
    ("CreateGroup", ("members",)),
    ("EditGroup", ("members", "add")),
    ("EditGroup", ("members", "remove")),
    ("CreateCollection", ("sharing",)),
    ("EditCollection", ("sharing", "upsert")),
    ("CreateDataConnection", ("schemaRefreshSchedule",)),
    ("EditDataConnection", ("schemaRefreshSchedule",)),
    ("UpdateDataConnectionSchema", ()),
    ("UpdateDataConnectionSchema", ("updates", 0)),
]


def _with_unknown_key(body: dict[str, Any], where: tuple[str | int, ...]) -> dict[str, Any]:
    changed = copy.deepcopy(body)
    target: Any = changed
    for part in where:
        target = target[part]
    target[UNKNOWN] = "red"
    return changed


def _headers(seed: Any) -> dict[str, str]:
    return {"Authorization": f"Bearer {seed.token_for()}"}


@pytest.mark.parametrize(
    ("operation", "where"),
    CLOSED,
    ids=[f"{op}:{'/'.join(map(str, where)) or 'body'}" for op, where in CLOSED],
)
def test_an_unknown_key_where_hex_forbids_one_is_refused_by_default(
    serve_emulator, seed, operation, where
):
    client = serve_emulator(seed, EmulatorConfig(rate_limits=None))  # the default: lenient
    method, path, body = _calls(seed)[operation]
    before = client.get("/_emulator/state").json()
    sent = _with_unknown_key(body, where)
    response = client.request(method, path, json=sent, headers=_headers(seed))
    assert response.status_code == 400, response.text
    answer = response.json()
    assert set(answer) >= {"reason", "traceId"}, answer  # these seven speak the legacy envelope
    assert f"'{UNKNOWN}' was unexpected" in answer["reason"] + answer.get("details", "")
    assert client.get("/_emulator/state").json() == before  # nothing was written


@pytest.mark.parametrize("operation", sorted({op for op, _ in CLOSED}))
def test_the_same_request_without_the_unknown_key_succeeds(serve_emulator, seed, operation):
    client = serve_emulator(seed, EmulatorConfig(rate_limits=None))
    method, path, body = _calls(seed)[operation]
    response = client.request(method, path, json=body, headers=_headers(seed))
    assert response.status_code in (200, 201), response.text


def test_an_unknown_key_where_hex_allows_one_is_still_ignored(serve_emulator, seed):
    # CreateGroup's own top level is open (in Hex's document and the contract): only its
    # `members` is closed.
    client = serve_emulator(seed, EmulatorConfig(rate_limits=None))
    body = {"name": "Partners", UNKNOWN: "red", "members": {"users": []}}
    response = client.post("/api/v1/groups", json=body, headers=_headers(seed))
    assert response.status_code == 201, response.text


Where = tuple[str | int, ...]


def _closed_paths(node: Any, where: Where) -> set[Where]:
    """The places in a request body schema whose object forbids other keys."""
    found: set[Where] = set()
    if isinstance(node, dict):
        if node.get("additionalProperties") is False:
            found.add(where)
        for key, child in (node.get("properties") or {}).items():
            found |= _closed_paths(child, (*where, key))
        if "items" in node:
            found |= _closed_paths(node["items"], (*where, 0))
        for combined in ("allOf", "anyOf", "oneOf"):
            for branch in node.get(combined, []):
                found |= _closed_paths(branch, where)
    return found


def test_the_closed_places_are_exactly_the_contracts():
    spec = openapi()
    documented = set()
    for operations in spec["paths"].values():
        for operation in operations.values():
            if not isinstance(operation, dict) or "requestBody" not in operation:
                continue
            schema = operation["requestBody"]["content"]["application/json"]["schema"]
            for where in _closed_paths(schema, ()):
                documented.add((operation["operationId"], where))
    assert documented == set(CLOSED)


@pytest.mark.parametrize("operation", sorted({op for op, _ in CLOSED}))
def test_the_refusal_is_the_documented_400(serve_emulator, seed, operation):
    spec = openapi()
    declared = next(
        o["responses"]["400"]["content"]["application/json"]["schema"]
        for operations in spec["paths"].values()
        for o in operations.values()
        if isinstance(o, dict) and o.get("operationId") == operation
    )
    client = serve_emulator(seed, EmulatorConfig(rate_limits=None))
    method, path, body = _calls(seed)[operation]
    where = next(w for op, w in CLOSED if op == operation)
    sent = _with_unknown_key(body, where)
    response = client.request(method, path, json=sent, headers=_headers(seed))
    assert response.status_code == 400
    OAS30Validator(declared).validate(response.json())
