"""The JSON Schema: valid draft 2020-12, documented, strict, and shipped as the repo's own file."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from hexsync.manifest import schema

ROOT = Path(__file__).resolve().parents[2]
REPO_SCHEMA = ROOT / "schemas" / "manifest.schema.json"


def _objects(node: Any, where: str = "#") -> list[tuple[str, dict[str, Any]]]:
    found = []
    if isinstance(node, dict):
        if node.get("type") == "object":
            found.append((where, node))
        for key, value in node.items():
            found.extend(_objects(value, f"{where}/{key}"))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            found.extend(_objects(value, f"{where}/{i}"))
    return found


def test_the_schema_is_valid_against_its_metaschema():
    document = json.loads(REPO_SCHEMA.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(document)
    assert document["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert document["$id"].endswith("/manifest.schema.json")


def test_every_property_has_a_description():
    missing = [
        f"{where}/properties/{name}"
        for where, node in _objects(schema())
        for name, prop in node.get("properties", {}).items()
        if not prop.get("description")
    ]
    assert not missing


def test_every_object_with_properties_refuses_unknown_keys():
    loose = [
        where
        for where, node in _objects(schema())
        if "properties" in node and node.get("additionalProperties") is not False
    ]
    assert not loose


def test_the_packaged_schema_is_the_repository_file():
    packaged = resources.files("hexsync").joinpath("schemas/manifest.schema.json")
    assert packaged.read_bytes() == REPO_SCHEMA.read_bytes()
    assert schema() == json.loads(REPO_SCHEMA.read_text(encoding="utf-8"))


def test_the_top_level_keys_are_the_specs():
    assert set(schema()["properties"]) == {
        "version",
        "workspace",
        "policy",
        "collections",
        "connections",  # docs/data.md
        "data",  # data.classes: docs/data.md
        "groups",
        "users",
        "projects",
        "rules",  # docs/rules.md
        "policies",  # docs/policies.md
        "reviewers",  # docs/reviews.md
    }
