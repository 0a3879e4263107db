"""The JSON rendering, its published schema and its documentation agree with one another."""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from render_support import empty_plan, many_changes, rich_plan

from hexsync.render import render_json
from hexsync.values.plan import Plan

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "schemas" / "plan.schema.json").read_text(encoding="utf-8"))
DOC = (ROOT / "docs" / "plan-format.md").read_text(encoding="utf-8")
VALIDATOR = Draft202012Validator(SCHEMA)


def _errors(data: Any) -> list[str]:
    return [e.message for e in VALIDATOR.iter_errors(data)]


def test_json_is_the_saved_plan_and_reads_back_equal() -> None:
    plan = rich_plan()
    text = render_json(plan)
    assert text == plan.dumps()
    assert Plan.loads(text) == plan


def test_top_level_keys_come_in_the_documented_order() -> None:
    data = json.loads(render_json(rich_plan()))
    assert list(data) == SCHEMA["required"]
    assert list(data["summary"]) == SCHEMA["properties"]["summary"]["required"]
    change = data["changes"][0]
    assert list(change)[:5] == ["kind", "action", "name", "id", "fields"]


@pytest.mark.parametrize(
    "plan", [rich_plan(), empty_plan(), many_changes(30)], ids=["rich", "empty", "many"]
)
def test_rendered_plans_validate_against_the_published_schema(plan: Plan) -> None:
    assert _errors(json.loads(render_json(plan))) == []


def test_the_schema_is_a_valid_2020_12_schema_with_an_id() -> None:
    Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert SCHEMA["$id"].endswith("/plan.schema.json")


def _properties(node: Any, where: str = "") -> Iterator[tuple[str, str, dict[str, Any]]]:
    if isinstance(node, dict):
        for name, sub in node.get("properties", {}).items():
            yield f"{where}.{name}", name, sub
        for key, sub in node.items():
            yield from _properties(sub, f"{where}/{key}")
    elif isinstance(node, list):
        for sub in node:
            yield from _properties(sub, where)


def test_every_property_has_a_description_and_is_documented() -> None:
    undescribed = []
    undocumented = set()
    for where, name, sub in _properties(SCHEMA):
        target = SCHEMA["$defs"][sub["$ref"].rsplit("/", 1)[1]] if "$ref" in sub else sub
        if "description" not in sub and "description" not in target and "allOf" not in where:
            undescribed.append(where)
        if f"`{name}`" not in DOC:
            undocumented.add(name)
    assert undescribed == []
    assert undocumented == set()


def _mutated(change: Any) -> dict[str, Any]:
    data = copy.deepcopy(json.loads(render_json(rich_plan())))
    change(data)
    return data


@pytest.mark.parametrize(
    ("label", "change", "complaint"),
    [
        ("unknown key", lambda d: d.update(extra=1), "Additional properties"),
        ("set path without key", lambda d: d["changes"][3]["fields"][1].pop("key"), "'key'"),
        ("unknown level", lambda d: d["changes"][6]["fields"][1].update(new="ADMIN"), "ADMIN"),
        ("other version", lambda d: d.update(format_version=2), "1 was expected"),
        ("short checksum", lambda d: d.update(checksum="abc"), "does not match"),
    ],
)
def test_the_schema_rejects_what_apply_would_refuse(
    label: str, change: Any, complaint: str
) -> None:
    errors = _errors(_mutated(change))
    assert errors, label
    assert any(complaint in e for e in errors), errors


def test_the_documented_checksum_recipe_reproduces_the_checksum() -> None:
    data = json.loads(render_json(rich_plan()))
    body = {k: v for k, v in data.items() if k != "checksum"}
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    assert hashlib.sha256(canonical.encode("utf-8")).hexdigest() == data["checksum"]
    assert 'separators=(",", ":")' in DOC


def test_the_documented_example_is_a_valid_plan_with_a_true_checksum() -> None:
    example = DOC.split("```json\n", 1)[1].split("```", 1)[0]
    data = json.loads(example)
    assert _errors(data) == []
    assert Plan.loads(example).dumps() == example
