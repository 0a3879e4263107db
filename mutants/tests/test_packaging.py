"""Every schema in schemas/ ships inside the package, identical to the repository's file."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

SCHEMAS = Path(__file__).resolve().parents[1] / "schemas"


@pytest.mark.parametrize("name", sorted(p.name for p in SCHEMAS.glob("*.json")))
def test_schema_is_packaged(name: str) -> None:
    packaged = resources.files("hexsync").joinpath("schemas", name)
    assert packaged.read_bytes() == (SCHEMAS / name).read_bytes()


def test_both_schemas_are_there() -> None:
    assert {p.name for p in SCHEMAS.glob("*.json")} >= {"manifest.schema.json", "plan.schema.json"}
