"""Where Hex's published OpenAPI document is read from, for the contract tests.

The repository does not carry the document (Hex publishes it without a licence to copy; see
docs/hex-api.md, "The OpenAPI document"). The contract tests read it from the path in
``HEX_OPENAPI``, else from ``shared/hex-api/openapi.json`` in the folder that holds the checkout,
where the project's CI places it. A developer's clone without it skips them; CI (``CI`` set)
fails instead, so the contract can never be skipped silently there.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from openapi_schema_validator import OAS30Validator

_BESIDE = Path(__file__).resolve().parents[1].parent / "shared" / "hex-api" / "openapi.json"
SPEC_PATH = Path(os.environ["HEX_OPENAPI"]) if os.environ.get("HEX_OPENAPI") else _BESIDE


def require_reference() -> Path:
    """The reference's path; at module level, skips (or, in CI, fails) when it is missing."""
    if not SPEC_PATH.exists():
        message = f"Hex's OpenAPI document is not at {SPEC_PATH} (set HEX_OPENAPI to its path)"
        if os.environ.get("CI"):
            pytest.fail(message + " (CI must run the contract tests)", pytrace=False)
        pytest.skip(message, allow_module_level=True)
    return SPEC_PATH


def _nullable_refs(node: Any, components: dict[str, Any]) -> Any:
    """``{"allOf": [{"$ref": X}], "nullable": true}`` as X made nullable.

    Hex writes nullable references that way; validators then check null against X itself and
    reject every ``null`` the document means to allow (``pagination.after`` at the last page).
    """
    if isinstance(node, list):
        return [_nullable_refs(item, components) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _nullable_refs(value, components) for key, value in node.items()}
    all_of = node.get("allOf")
    if node.get("nullable") and isinstance(all_of, list) and len(all_of) == 1:
        target = all_of[0]
        while "$ref" in target:
            target = components[target["$ref"].rsplit("/", 1)[-1]]
        merged = {**target, **{k: v for k, v in node.items() if k != "allOf"}}
        return _nullable_refs(merged, components)
    return node


def reference_dict(path: Path) -> dict[str, Any]:
    """The reference as a dict, its nullable references made checkable (see ``_nullable_refs``)."""
    raw: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    fixed: dict[str, Any] = _nullable_refs(raw, raw["components"]["schemas"])
    return fixed


def envelope_validator(spec: dict[str, Any], envelope: str) -> OAS30Validator:
    """A validator of an error body in ``envelope`` (legacy or new), for statuses an endpoint does
    not declare but real traffic produces (401, undeclared 404s; docs/hex-api.md)."""
    name = "TsoaErrorResponsePayload" if envelope == "legacy" else "error.NOT_FOUND"
    return OAS30Validator(
        {"$ref": f"#/components/schemas/{name}", "components": spec["components"]}
    )
