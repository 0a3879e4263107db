"""Every schema in schemas/ and the demo's example ship inside the package, identical to the
repository's files (the package holds symlinks: one source of truth)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS = ROOT / "schemas"
EXAMPLE = ROOT / "examples" / "acme"


@pytest.mark.parametrize("name", sorted(p.name for p in SCHEMAS.glob("*.json")))
def test_schema_is_packaged(name: str) -> None:
    packaged = resources.files("hexsync").joinpath("schemas", name)
    assert packaged.read_bytes() == (SCHEMAS / name).read_bytes()


def test_both_schemas_are_there() -> None:
    assert {p.name for p in SCHEMAS.glob("*.json")} >= {"manifest.schema.json", "plan.schema.json"}


@pytest.mark.parametrize(
    "name",
    sorted(
        str(p.relative_to(EXAMPLE))
        for p in EXAMPLE.rglob("*")
        if p.suffix in {".yaml", ".md"} and p.is_file()
    ),
)
def test_example_is_packaged(name: str) -> None:
    packaged = resources.files("hexsync").joinpath("examples", "acme", *Path(name).parts)
    assert packaged.read_bytes() == (EXAMPLE / name).read_bytes()
