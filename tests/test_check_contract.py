"""tools/check_contract.py: where the own contract of Hex's API claims more than a published
OpenAPI document, it says where and exits 1.

The documents here are small made-up ones (a "widget" API), written in the test: never Hex's.
The last tests hold the real contract (tests/contract/hex_api.yaml) to its own rules.
"""

from __future__ import annotations

import copy
import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from hex_contract import load, openapi, operations
from openapi_spec_validator import validate

ROOT = Path(__file__).resolve().parents[1]


def _tool() -> Any:
    spec = importlib.util.spec_from_file_location(
        "check_contract", ROOT / "tools/check_contract.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


TOOL = _tool()

PUBLISHED: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Widgets", "version": "1"},
    "paths": {
        "/v1/widgets/{widgetId}": {
            "patch": {
                "operationId": "EditWidget",
                "description": "Edits a widget. Rate limited in the `hex-api-30rpm` group.",
                "parameters": [
                    {
                        "in": "path",
                        "name": "widgetId",
                        "required": True,
                        "schema": {"type": "string"},
                    },
                    {"in": "query", "name": "dryRun", "schema": {"type": "boolean"}},
                ],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "required": ["colour"],
                                "properties": {
                                    "colour": {"$ref": "#/components/schemas/Colour"},
                                    "tags": {
                                        "type": "object",
                                        "additionalProperties": False,
                                        "properties": {"add": {"type": "array", "items": {}}},
                                    },
                                },
                            }
                        }
                    },
                },
                "responses": {
                    "200": {
                        "description": "the widget",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Widget"}}
                        },
                    },
                    "400": {"description": "bad", "content": {"application/json": {"schema": {}}}},
                },
            }
        }
    },
    "components": {
        "schemas": {
            "Colour": {"type": "string", "enum": ["RED", "BLUE"]},
            "Widget": {
                "type": "object",
                "required": ["id", "colour"],
                "properties": {
                    "id": {"type": "string", "format": "uuid"},
                    "colour": {"$ref": "#/components/schemas/Colour"},
                    "note": {"allOf": [{"type": "string"}], "nullable": True},
                },
            },
        }
    },
}

OURS = {
    "reference": "https://docs.example/widgets",
    "shapes": {
        "error-legacy": {"type": "object"},
        "error-new": {"type": "object"},
        "colour": {"type": "string", "enum": ["RED", "BLUE"]},
    },
    "operations": {
        "EditWidget": {
            "source": "https://docs.example/widgets#EditWidget",
            "method": "PATCH",
            "path": "/v1/widgets/{widgetId}",
            "rate_limit_group": "hex-api-30rpm",
            "errors": "new",
            "query": {"dryRun": {"type": "boolean"}},
            "body": {
                "type": "object",
                "required": ["colour"],
                "properties": {
                    "colour": {"use": "colour"},
                    "tags": {"type": "object", "additionalProperties": False},
                },
            },
            "answers": {
                200: {
                    "type": "object",
                    "required": ["id"],
                    "properties": {
                        "id": {"type": "string", "format": "uuid"},
                        "colour": {"use": "colour"},
                        "note": {"type": "string", "nullable": True},
                    },
                },
                400: "error",
            },
        }
    },
}


def run(
    tmp_path: Path, capsys: Any, ours: dict[str, Any], published: Any = None
) -> tuple[int, str]:
    contract = tmp_path / "contract.yaml"
    contract.write_text(yaml.safe_dump(ours), encoding="utf-8")
    document = tmp_path / "openapi.json"
    document.write_text(json.dumps(PUBLISHED if published is None else published), "utf-8")
    code = TOOL.main(["--openapi", str(document), "--contract", str(contract)])
    return code, capsys.readouterr().out


def changed(path: tuple[Any, ...], value: Any) -> dict[str, Any]:
    ours = copy.deepcopy(OURS)
    node: Any = ours
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return ours


def test_a_contract_within_the_document_passes(tmp_path, capsys):
    code, out = run(tmp_path, capsys, OURS)
    assert code == 0, out
    assert "1 operations of contract.yaml against openapi.json: no differences" in out


WIDGET = ("operations", "EditWidget")
ANSWER = (*WIDGET, "answers", 200, "properties")


@pytest.mark.parametrize(
    ("path", "value", "said"),
    [
        (
            (*ANSWER, "colour"),
            {"type": "string", "enum": ["RED", "GREEN"]},
            "EditWidget answer 200.colour: enum value(s) ['GREEN'] not in Hex's document",
        ),
        (
            (*ANSWER, "id"),
            {"type": "integer"},
            "EditWidget answer 200.id: type integer, Hex's document says string",
        ),
        (
            (*ANSWER, "colur"),
            {"type": "string"},
            "EditWidget answer 200.colur: no such field in Hex's document",
        ),
        (
            (*ANSWER, "note"),
            {"type": "string"},
            "EditWidget answer 200.note: nullable False, Hex's document: may be null",
        ),
        (
            (*WIDGET, "answers", 200, "required"),
            ["id", "note"],
            "EditWidget answer 200.note: required here, Hex does not always send it",
        ),
        (
            (*WIDGET, "answers", 404),
            "error",
            "EditWidget answer 404: Hex's document declares no such status",
        ),
        (
            (*WIDGET, "query", "dry_run"),
            {"type": "boolean"},
            "EditWidget query.dry_run: no such parameter in Hex's document",
        ),
        (
            (*WIDGET, "path"),
            "/v1/widget/{widgetId}",
            "EditWidget: PATCH /v1/widget/{widgetId}, Hex's document: PATCH /v1/widgets/{widgetId}",
        ),
        (
            (*WIDGET, "body", "required"),
            [],
            "EditWidget body.colour: Hex requires it, the contract does not",
        ),
        (
            (*WIDGET, "body", "properties", "tags"),
            {"type": "object"},
            "EditWidget body.tags: open to other keys here, not in Hex's document",
        ),
        (
            (*WIDGET, "rate_limit_group"),
            "hex-api",
            "EditWidget: rate-limit group hex-api, Hex's document: hex-api-30rpm",
        ),
    ],
    ids=[
        "enum",
        "type",
        "field",
        "nullable",
        "required",
        "status",
        "param",
        "path",
        "body-req",
        "closed",
        "group",
    ],
)
def test_each_claim_beyond_the_document_is_named_with_its_place(
    tmp_path, capsys, path, value, said
):
    code, out = run(tmp_path, capsys, changed(path, value))
    assert code == 1, out
    assert said in out.splitlines()
    assert "1 difference(s)" in out


def test_an_operation_the_document_lacks_is_named(tmp_path, capsys):
    ours = copy.deepcopy(OURS)
    ours["operations"]["DeleteWidget"] = {**ours["operations"]["EditWidget"], "method": "DELETE"}
    code, out = run(tmp_path, capsys, ours)
    assert code == 1
    assert "DeleteWidget: no such operation in Hex's document" in out


def test_without_a_document_it_says_how_to_give_one(monkeypatch, capsys):
    monkeypatch.delenv("HEX_OPENAPI", raising=False)
    assert TOOL.main([]) == 2
    assert "--openapi PATH or HEX_OPENAPI" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("text", "said"),
    [("{not json", "cannot read Hex's document"), ('"a string"', "is not an OpenAPI document")],
)
def test_an_unusable_document_is_an_error_not_a_traceback(tmp_path, capsys, text, said):
    document = tmp_path / "openapi.json"
    document.write_text(text, encoding="utf-8")
    assert TOOL.main(["--openapi", str(document)]) == 2
    assert said in capsys.readouterr().out


# --- the real contract --------------------------------------------------------------------------


def test_every_operation_names_the_hex_page_it_restates():
    contract = load()
    for op_id, op in contract["operations"].items():
        assert op["source"] == f"{contract['reference']}#operation/{op_id}", op_id
    assert contract["reference"].startswith("https://learn.hex.tech/")


def test_the_contract_is_a_valid_openapi_document_of_the_31_operations():
    validate(openapi())  # raises on an invalid document
    assert len(operations()) == 31


@pytest.mark.parametrize(
    ("path", "value", "said"),
    [
        (
            (*WIDGET, "answers", 200, "required"),
            ["id", "colr"],
            "EditWidget answer 200.colr: required here, no such field in Hex's document",
        ),
        (
            (*WIDGET, "body", "required"),
            ["colour", "shade"],
            "EditWidget body.shade: required here, no such field in Hex's document",
        ),
    ],
    ids=["answer", "body"],
)
def test_a_field_required_without_a_schema_is_still_a_field_hex_must_have(
    tmp_path, capsys, path, value, said
):
    # `required: [colr]` with no `colr` under `properties` still makes the tests demand it of
    # the emulator (and lets the client count on it): a field Hex never sends is a difference.
    code, out = run(tmp_path, capsys, changed(path, value))
    assert code == 1, out
    assert said in out.splitlines()


def test_a_contract_that_is_not_yaml_is_an_error_not_a_traceback(tmp_path, capsys):
    contract = tmp_path / "contract.yaml"
    contract.write_text("operations: {EditWidget: [\n", encoding="utf-8")
    document = tmp_path / "openapi.json"
    document.write_text(json.dumps(PUBLISHED), encoding="utf-8")
    assert TOOL.main(["--openapi", str(document), "--contract", str(contract)]) == 2
    assert "cannot read the contract" in capsys.readouterr().out


def test_a_document_whose_reference_leads_nowhere_is_an_error_not_a_traceback(tmp_path, capsys):
    published = copy.deepcopy(PUBLISHED)
    del published["components"]["schemas"]["Widget"]
    code, out = run(tmp_path, capsys, OURS, published)
    assert code == 2, out
    assert "#/components/schemas/Widget" in out
