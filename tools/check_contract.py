"""Compare hexsync's own contract of Hex's API with Hex's published OpenAPI document.

    python tools/check_contract.py --openapi PATH      (or HEX_OPENAPI=PATH)

The contract (tests/contract/hex_api.yaml) restates in our own words what hexsync relies on; the
tests run on it. This tool says where it claims more than Hex's document: every operation,
parameter, field, type, format, bound and enum value of ours must be in the document, with the
same nullability; a field we count on in an answer must be one Hex always sends (and one it has,
even when the contract names it in ``required`` alone); a request body must require what Hex
requires and close the objects Hex closes. Each difference is printed with its place
(``CreateProject body.title: …``); the exit status is 1 if there is any, 2 if a file cannot be
read or Hex's document cannot be followed (a reference that leads nowhere), 0 otherwise. The
repository does not carry Hex's document (docs/hex-api.md).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
LOADER = ROOT / "tests" / "hex_contract.py"
BOUNDS = ("minimum", "maximum", "minItems", "maxItems", "minLength", "maxLength")
COMBINED = ("anyOf", "oneOf")


def _loader() -> ModuleType:
    spec = importlib.util.spec_from_file_location("hex_contract", LOADER)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Document:
    """Hex's document, its ``$ref`` and ``allOf`` resolved on demand."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self.raw = raw
        self.operations: dict[str, tuple[str, str, dict[str, Any]]] = {}
        for path, item in (raw.get("paths") or {}).items():
            for method, op in item.items():
                if isinstance(op, dict) and "operationId" in op:
                    self.operations[op["operationId"]] = (method.upper(), path, op)

    def ref(self, pointer: str) -> Any:
        node: Any = self.raw
        for part in pointer.removeprefix("#/").split("/"):
            key = part.replace("~1", "/").replace("~0", "~")
            if not isinstance(node, dict) or key not in node:
                raise KeyError(f"the reference {pointer} leads nowhere")
            node = node[key]
        return node

    def resolve(self, node: Any) -> dict[str, Any]:
        """``node`` as one schema: references followed, ``allOf`` merged, ``nullable`` kept."""
        if not isinstance(node, dict):
            return {}
        if "$ref" in node:
            target = self.resolve(self.ref(node["$ref"]))
            return {**target, **{k: v for k, v in node.items() if k != "$ref"}}
        if "allOf" in node:
            merged: dict[str, Any] = {k: v for k, v in node.items() if k != "allOf"}
            for part in node["allOf"]:
                branch = self.resolve(part)
                props = {**branch.get("properties", {}), **merged.get("properties", {})}
                required = [*merged.get("required", []), *branch.get("required", [])]
                merged = {**branch, **merged}
                if props:
                    merged["properties"] = props
                if required:
                    merged["required"] = required
            return merged
        return node


def _type(schema: dict[str, Any]) -> str | None:
    if "type" in schema:
        return str(schema["type"])
    return "object" if "properties" in schema else None


def compare(ours: Any, theirs: Any, where: str, doc: Document, request: bool) -> list[str]:
    """Where ``ours`` says what ``theirs`` (Hex's) does not; ``request``: a body or parameter."""
    if not isinstance(ours, dict):
        return []
    hex_ = doc.resolve(theirs)
    if "anyOf" in ours:  # each of our alternatives, with what is said beside them (nullable)
        outer = {k: v for k, v in ours.items() if k != "anyOf"}
        found = []
        for i, branch in enumerate(ours["anyOf"]):
            found += compare({**branch, **outer}, theirs, f"{where}.anyOf[{i}]", doc, request)
        return found
    for key in COMBINED:
        if key in hex_:
            outer = {k: v for k, v in hex_.items() if k != key}
            tries = [
                compare(ours, {**doc.resolve(branch), **outer}, where, doc, request)
                for branch in hex_[key]
            ]
            return min(tries, key=len)
    found = []
    ours_type, hex_type = _type(ours), _type(hex_)
    if ours_type and hex_type and ours_type != hex_type:
        found.append(f"{where}: type {ours_type}, Hex's document says {hex_type}")
        return found
    if "format" in ours and ours["format"] != hex_.get("format"):
        found.append(f"{where}: format {ours['format']}, Hex's document says {hex_.get('format')}")
    if bool(ours.get("nullable")) != bool(hex_.get("nullable")):
        said = "may be null" if hex_.get("nullable") else "is never null"
        found.append(f"{where}: nullable {bool(ours.get('nullable'))}, Hex's document: {said}")
    if "enum" in ours:
        extra = [value for value in ours["enum"] if value not in hex_.get("enum", [])]
        if "enum" not in hex_:
            found.append(f"{where}: enum {ours['enum']}, Hex's document lists no values")
        elif extra:
            found.append(f"{where}: enum value(s) {extra} not in Hex's document")
    for bound in BOUNDS:
        if bound in ours and ours[bound] != hex_.get(bound):
            found.append(f"{where}: {bound} {ours[bound]}, Hex's document: {hex_.get(bound)}")
    hex_props = hex_.get("properties") or {}
    for name, schema in (ours.get("properties") or {}).items():
        if name not in hex_props:
            found.append(f"{where}.{name}: no such field in Hex's document")
        else:
            found += compare(schema, hex_props[name], f"{where}.{name}", doc, request)
    ours_required, hex_required = set(ours.get("required", [])), set(hex_.get("required", []))
    for name in sorted(ours_required - hex_required):
        if name in hex_props:
            place = "Hex does not require it" if request else "Hex does not always send it"
            found.append(f"{where}.{name}: required here, {place}")
        elif name not in (ours.get("properties") or {}):  # else: said above, as a field
            found.append(f"{where}.{name}: required here, no such field in Hex's document")
    if request and ("properties" in ours or ours_type == "object"):
        for name in sorted(hex_required - ours_required):
            found.append(f"{where}.{name}: Hex requires it, the contract does not")
        ours_closed = ours.get("additionalProperties") is False
        if ours_closed != (hex_.get("additionalProperties") is False):
            said = "closed" if ours_closed else "open"
            found.append(f"{where}: {said} to other keys here, not in Hex's document")
    if isinstance(ours.get("items"), dict):
        found += compare(ours["items"], hex_.get("items", {}), f"{where}[]", doc, request)
    extra_schema = ours.get("additionalProperties")
    if isinstance(extra_schema, dict) and extra_schema:
        hex_extra = hex_.get("additionalProperties")
        found += compare(extra_schema, hex_extra or {}, f"{where}{{*}}", doc, request)
    return found


def _parameters(op: dict[str, Any], doc: Document) -> dict[tuple[str, str], dict[str, Any]]:
    params = [doc.resolve(p) for p in op.get("parameters", [])]
    return {(p.get("in", ""), p.get("name", "")): p for p in params}


def differences(ours: dict[str, dict[str, Any]], doc: Document) -> list[str]:
    """Every place where the contract's operations say more than Hex's document."""
    found: list[str] = []
    for op_id, op in ours.items():
        if op_id not in doc.operations:
            found.append(f"{op_id}: no such operation in Hex's document")
            continue
        method, path, hex_op = doc.operations[op_id]
        if (op["method"], op["path"]) != (method, path):
            found.append(f"{op_id}: {op['method']} {op['path']}, Hex's document: {method} {path}")
        named = re.findall(r"`(hex-[a-z0-9-]+)`", hex_op.get("description") or "")
        hex_group = named[0] if named else "hex-api"  # the default group, when none is named
        if op["rate_limit_group"] != hex_group:
            found.append(
                f"{op_id}: rate-limit group {op['rate_limit_group']}, Hex's document: {hex_group}"
            )
        hex_params = _parameters(hex_op, doc)
        names = [part[1:-1] for part in op["path"].split("/") if part.startswith("{")]
        ours_params = {("path", n): (op.get("path_params") or {}).get(n, {}) for n in names}
        for place, key in (("query", "query"), ("header", "headers")):
            ours_params |= {(place, n): s for n, s in (op.get(key) or {}).items()}
        for (place, name), schema in ours_params.items():
            where = f"{op_id} {place}.{name}"
            if (place, name) not in hex_params:
                found.append(f"{where}: no such parameter in Hex's document")
            else:
                theirs = hex_params[(place, name)].get("schema", {})
                found += compare(schema, theirs, where, doc, True)
        for (place, name), param in hex_params.items():
            if param.get("required") and (place, name) not in ours_params:
                found.append(f"{op_id} {place}.{name}: Hex requires it, the contract does not")
        hex_body = doc.resolve(hex_op.get("requestBody"))
        hex_body_schema = hex_body.get("content", {}).get("application/json", {}).get("schema")
        if "body" in op:
            if hex_body_schema is None:
                found.append(f"{op_id} body: Hex's document takes no JSON body")
            else:
                found += compare(op["body"], hex_body_schema, f"{op_id} body", doc, True)
        elif hex_body.get("required"):
            found.append(f"{op_id} body: Hex requires one, the contract has none")
        hex_answers = hex_op.get("responses") or {}
        for status, schema in op["answers"].items():
            where = f"{op_id} answer {status}"
            if status not in hex_answers:
                found.append(f"{where}: Hex's document declares no such status")
                continue
            answer = doc.resolve(hex_answers[status])
            hex_schema = answer.get("content", {}).get("application/json", {}).get("schema")
            if schema is None:
                if hex_schema is not None:
                    found.append(f"{where}: no body here, Hex's document has one")
            elif hex_schema is None:
                found.append(f"{where}: Hex's document gives this answer no JSON body")
            else:
                found += compare(schema, hex_schema, where, doc, False)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--openapi", help="Hex's OpenAPI document (default: $HEX_OPENAPI)")
    parser.add_argument("--contract", help="the contract (default: tests/contract/hex_api.yaml)")
    args = parser.parse_args(argv)
    openapi_path = args.openapi or os.environ.get("HEX_OPENAPI")
    if not openapi_path:
        print("check_contract: give Hex's OpenAPI document with --openapi PATH or HEX_OPENAPI")
        return 2
    loader = _loader()
    contract_path = Path(args.contract) if args.contract else loader.CONTRACT_PATH
    try:
        raw = json.loads(Path(openapi_path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        print(f"check_contract: cannot read Hex's document {openapi_path}: {err}")
        return 2
    if not isinstance(raw, dict) or not isinstance(raw.get("paths"), dict):
        print(f"check_contract: {openapi_path} is not an OpenAPI document (no `paths` object)")
        return 2
    try:
        ours = loader.operations(loader.load(contract_path))
    except (OSError, ValueError, yaml.YAMLError) as err:
        print(f"check_contract: cannot read the contract {contract_path}: {err}")
        return 2
    try:
        found = differences(ours, Document(raw))
    except (KeyError, IndexError, TypeError, AttributeError) as err:
        # A reference that leads nowhere, a path item that is not an object: not a document
        # the comparison can follow, which is not the same as no difference.
        print(f"check_contract: {openapi_path} cannot be followed ({type(err).__name__}: {err})")
        return 2
    for line in found:
        print(line)
    verdict = f"{len(found)} difference(s)" if found else "no differences"
    print(
        f"check_contract: {len(ours)} operations of {contract_path.name} against "
        f"{Path(openapi_path).name}: {verdict}"
    )
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
