"""The arrows of STYLE.md point one way; this test fails when an import points back.

- nothing imports ``hexsync.cli`` (but ``python -m hexsync``'s ``__main__``);
- the emulator imports nothing of the client (it must be able to disagree with it);
- ``hexsync.manifest`` and ``hexsync.hexapi`` depend only on ``model``, ``errors`` and themselves;
- the plan's layers (plan, live, diff, render, export) import nothing above them.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "hexsync"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return {name for name in found if name == "hexsync" or name.startswith("hexsync.")}


FREE = {"hexsync", "hexsync._version"}  # importable from any layer
MODULES = {_module_name(p): _imports(p) for p in sorted(PACKAGE.rglob("*.py"))}

# (importer prefix, allowed hexsync prefixes)
RULES = {
    "hexsync.emulator": ("hexsync.emulator", "hexsync.errors"),
    "hexsync.hexapi": ("hexsync.hexapi", "hexsync.errors", "hexsync.model"),
    "hexsync.manifest": ("hexsync.manifest", "hexsync.errors", "hexsync.model"),
    "hexsync.model": ("hexsync.model", "hexsync.errors"),
    "hexsync.errors": ("hexsync.errors",),
    "hexsync.plan": ("hexsync.plan", "hexsync.model", "hexsync.errors"),
    "hexsync.render": ("hexsync.render", "hexsync.plan", "hexsync.model", "hexsync.errors"),
    "hexsync.diff": (
        "hexsync.diff",
        "hexsync.live",
        "hexsync.plan",
        "hexsync.model",
        "hexsync.errors",
    ),
    "hexsync.export": (
        "hexsync.export",
        "hexsync.live",
        "hexsync.manifest",
        "hexsync.model",
        "hexsync.errors",
    ),
    "hexsync.mcp": ("hexsync.mcp", "hexsync.errors"),
    # live reads through the client and knows nothing of diff, planner or apply.
    "hexsync.live": (
        "hexsync.live",
        "hexsync.hexapi",
        "hexsync.plan",
        "hexsync.model",
        "hexsync.errors",
    ),
}


def _within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def test_the_package_was_found() -> None:
    assert "hexsync.errors" in MODULES
    assert "hexsync.cli.main" in MODULES


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_point_one_way(module: str) -> None:
    imported = MODULES[module]
    if not _within(module, "hexsync.cli") and module != "hexsync.__main__":
        assert not {name for name in imported if _within(name, "hexsync.cli")}, (
            f"{module} imports the CLI; library code must not"
        )
    for prefix, allowed in RULES.items():
        if _within(module, prefix):
            bad = {
                name
                for name in imported
                if name not in FREE and not any(_within(name, ok) for ok in allowed)
            }
            assert not bad, f"{module} may only import {allowed}, but imports {sorted(bad)}"
