"""hexsync's own contract of Hex's API (``tests/contract/hex_api.yaml``), for the contract tests.

The repository does not carry Hex's OpenAPI document (Hex publishes it without a licence to copy;
docs/hex-api.md, "The contract"). It carries instead, in our own words, what hexsync relies on from
each operation; this module reads it and builds from it an OpenAPI 3.0 document, which the tests
hand to openapi-core (requests and answers) and schemathesis (generated requests). Nothing here
reads a file outside the repository. ``tools/check_contract.py`` holds the contract to Hex's
published document when one is at hand.
"""

from __future__ import annotations

import copy
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from openapi_schema_validator import OAS30Validator

CONTRACT_PATH = Path(__file__).resolve().parent / "contract" / "hex_api.yaml"
METHODS = ("GET", "POST", "PATCH", "PUT", "DELETE")
ENVELOPES = ("legacy", "new")
RATE_LIMIT_GROUPS = ("hex-api", "hex-api-30rpm", "hex-run-kernel")  # Hex's reference names these


class ContractError(ValueError):
    """The contract file says something this reader cannot turn into a schema."""


def load(path: Path = CONTRACT_PATH) -> dict[str, Any]:
    """The contract as written (``use`` not yet expanded)."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(raw, dict) or not isinstance(raw.get("operations"), dict):
        raise ContractError(f"{path}: no `operations` mapping")
    return raw


def expand(node: Any, shapes: dict[str, Any], where: str, seen: tuple[str, ...] = ()) -> Any:
    """``node`` with every ``{use: NAME, …}`` replaced by shape NAME, the keys beside it added."""
    if isinstance(node, list):
        return [expand(item, shapes, f"{where}[{i}]", seen) for i, item in enumerate(node)]
    if not isinstance(node, dict):
        return node
    if "use" in node:
        name = node["use"]
        if name not in shapes:
            raise ContractError(f"{where}: `use: {name}` names no shape under `shapes`")
        if name in seen:
            raise ContractError(f"{where}: shape {name} uses itself")
        base = expand(shapes[name], shapes, f"shapes.{name}", (*seen, name))
        extra = {k: expand(v, shapes, f"{where}.{k}", seen) for k, v in node.items() if k != "use"}
        return {**base, **extra}
    return {key: expand(value, shapes, f"{where}.{key}", seen) for key, value in node.items()}


def operations(contract: dict[str, Any] | None = None) -> dict[str, dict[str, Any]]:
    """Each operation with its shapes expanded and its error answers made explicit."""
    contract = contract if contract is not None else load()
    shapes = contract.get("shapes") or {}
    found: dict[str, dict[str, Any]] = {}
    for op_id, entry in contract["operations"].items():
        where = f"operations.{op_id}"
        op = expand(entry, shapes, where)
        if op.get("method") not in METHODS or not str(op.get("path", "")).startswith("/v1/"):
            raise ContractError(f"{where}: needs a `method` and a `path` starting /v1/")
        if op.get("rate_limit_group") not in RATE_LIMIT_GROUPS:
            raise ContractError(
                f"{where}: `rate_limit_group` must be one of {', '.join(RATE_LIMIT_GROUPS)}"
            )
        envelope = op.get("errors")
        if envelope not in ENVELOPES:
            raise ContractError(f"{where}: `errors` must be one of {', '.join(ENVELOPES)}")
        answers: dict[str, Any] = {}
        error = expand({"use": f"error-{envelope}"}, shapes, f"{where}.answers")
        for status, written in (op.get("answers") or {}).items():
            schema = error if written == "error" else written
            answers[str(status)] = None if schema == "none" else schema
        op["answers"] = answers
        found[op_id] = op
    return found


def _checkable(node: Any) -> Any:
    """``node`` as validators read it: a nullable ``anyOf`` gets a ``null`` alternative (OpenAPI
    3.0 validators check ``null`` against each alternative and would refuse it)."""
    if isinstance(node, list):
        return [_checkable(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _checkable(value) for key, value in node.items()}
    if node.get("nullable") and "anyOf" in node:
        null = {"type": "object", "nullable": True, "enum": [None]}
        node = {k: v for k, v in node.items() if k != "nullable"}
        node["anyOf"] = [*node["anyOf"], null]
    return node


def _parameters(op: dict[str, Any]) -> list[dict[str, Any]]:
    params: list[dict[str, Any]] = []
    names = [part[1:-1] for part in op["path"].split("/") if part.startswith("{")]
    declared = op.get("path_params") or {}
    for name in names:
        schema = declared.get(name, {"type": "string"})
        params.append({"in": "path", "name": name, "required": True, "schema": schema})
    for place, key in (("query", "query"), ("header", "headers")):
        for name, schema in (op.get(key) or {}).items():
            params.append({"in": place, "name": name, "required": False, "schema": schema})
    return params


def to_openapi(ops: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """An OpenAPI 3.0.3 document of the contract's operations (for openapi-core, schemathesis)."""
    paths: dict[str, dict[str, Any]] = {}
    for op_id, op in ops.items():
        item: dict[str, Any] = {"operationId": op_id, "parameters": _parameters(op)}
        if "body" in op:
            item["requestBody"] = {
                "required": op.get("body_required", True),
                "content": {"application/json": {"schema": op["body"]}},
            }
        responses: dict[str, Any] = {}
        for status, schema in op["answers"].items():
            answer: dict[str, Any] = {"description": f"{op_id} {status}"}
            if schema is not None:
                answer["content"] = {"application/json": {"schema": schema}}
            responses[status] = answer
        item["responses"] = responses
        paths.setdefault(op["path"], {})[op["method"].lower()] = _checkable(item)
    return {
        "openapi": "3.0.3",
        "info": {"title": "What hexsync relies on from Hex's API", "version": "1"},
        "servers": [{"url": "https://app.hex.tech/api"}],
        "paths": paths,
    }


@cache
def _cached() -> dict[str, Any]:
    return to_openapi(operations())


def openapi() -> dict[str, Any]:
    """The contract as an OpenAPI document (a fresh copy: callers may change it)."""
    return copy.deepcopy(_cached())


def envelope_validator(envelope: str) -> OAS30Validator:
    """A validator of an error body in ``envelope`` (legacy or new), for statuses an endpoint does
    not declare but real traffic produces (401, undeclared 404s; docs/hex-api.md)."""
    contract = load()
    shapes = contract.get("shapes") or {}
    return OAS30Validator(expand({"use": f"error-{envelope}"}, shapes, "envelope"))
