"""Every request the client sends is one Hex accepts, per the project's own contract of Hex's API
(tests/contract/hex_api.yaml, docs/hex-api.md, "The contract").

The round trip of all 31 operations against the emulator is replayed with its requests recorded,
and each is validated with openapi-core: path, query parameters and body, independently of the
emulator's own reading of the API (the two could share a mistake).
"""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
import test_client_emulator as round_trip
from hex_contract import openapi, operations
from hexapi_support import small_seed
from openapi_core import OpenAPI
from openapi_core.testing import MockRequest
from werkzeug.datastructures import ImmutableMultiDict

from hexsync.hexapi import OPS

pytestmark = pytest.mark.anyio


class Recording(httpx.AsyncBaseTransport):
    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner
        self.requests: list[tuple[httpx.Request, bytes]] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        body = await request.aread()
        self.requests.append((request, body))
        return await self.inner.handle_async_request(request)


async def test_every_request_the_client_sends_matches_the_contract() -> None:
    spec = OpenAPI.from_dict(openapi())  # the contract is itself a valid document: checked
    contract = operations()
    emulator = round_trip.Emulator(small_seed())
    recording = Recording(emulator.transport)
    emulator.transport = recording  # type: ignore[assignment]
    await round_trip.test_every_operation_round_trips(emulator)

    checked: set[str] = set()
    for request, body in recording.requests:
        path = request.url.path
        if not path.startswith("/api/v1/"):
            continue  # the emulator's own control endpoints
        op = next(
            o
            for o in OPS.values()
            if o.method == request.method and _matches(o.path, path.removeprefix("/api/v1"))
        )
        mock = MockRequest(
            "https://app.hex.tech",
            request.method.lower(),
            path,
            args=ImmutableMultiDict(list(request.url.params.multi_items())),
            headers=dict(request.headers),
            data=body or None,
            content_type=request.headers.get("content-type", "application/json"),
        )
        spec.validate_request(mock)
        # OpenAPI lets a request carry parameters it does not name; Hex ignores them, so a
        # misspelt one would be silently lost: every parameter sent is one the contract names.
        named = set(contract[op.operation_id].get("query") or {})
        assert set(request.url.params) <= named, (op.operation_id, set(request.url.params) - named)
        # Likewise a key of a body: where Hex leaves an object open it ignores a key it does not
        # know, and a misspelt field would be lost without an error.
        if body:
            schema = contract[op.operation_id].get("body") or {}
            unnamed = _unnamed(json.loads(body), schema, "body")
            assert not unnamed, (op.operation_id, unnamed)
        checked.add(op.operation_id)
    assert checked == set(OPS), sorted(set(OPS) - checked)


def _unnamed(value: Any, schema: dict[str, Any], where: str) -> list[str]:
    """The places in ``value`` of keys that ``schema`` does not name (an object with
    ``properties``; one with none, or a map of ``additionalProperties``, names any key)."""
    if "anyOf" in schema:
        tries = [_unnamed(value, branch, where) for branch in schema["anyOf"]]
        return min(tries, key=len)
    if isinstance(value, list) and isinstance(schema.get("items"), dict):
        return [
            p
            for i, item in enumerate(value)
            for p in _unnamed(item, schema["items"], f"{where}[{i}]")
        ]
    if not isinstance(value, dict) or "properties" not in schema:
        return []
    found = []
    for key, item in value.items():
        if key in schema["properties"]:
            found += _unnamed(item, schema["properties"][key], f"{where}.{key}")
        elif not isinstance(schema.get("additionalProperties"), dict):
            found.append(f"{where}.{key}")
    return found


def _matches(template: str, path: str) -> bool:
    parts, actual = template.split("/"), path.split("/")
    return len(parts) == len(actual) and all(
        p.startswith("{") or p == a for p, a in zip(parts, actual, strict=True)
    )
