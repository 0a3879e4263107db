"""The arrows of docs/architecture.md point one way; this test fails when an import points back.

- nothing imports ``hexsync.cli`` (but ``python -m hexsync``'s ``__main__``);
- the emulator imports nothing of the client (it must be able to disagree with it);
- ``hexsync.manifest`` and ``hexsync.hexapi`` depend only on ``model``, ``errors`` and themselves
  (manifest also on ``hexrules``, Hex's access rules as pure tables over the model);
- the plan's layers (plan, live, diff, render, export) import nothing above them.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "hexsync"


def _module_name(path: Path, root: Path = PACKAGE.parent) -> str:
    parts = path.relative_to(root).with_suffix("").parts
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _imported_from(node: ast.ImportFrom, importer: str, is_package: bool) -> str:
    """The absolute module of ``from X import ...``, relative imports (``from ..cli``) included."""
    if node.level == 0:
        return node.module or ""
    base = importer.split(".")
    base = base[: len(base) - node.level + (1 if is_package else 0)]
    return ".".join([*base, *([node.module] if node.module else [])])


def _imports(path: Path, names: set[str], root: Path = PACKAGE.parent) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    importer, is_package = _module_name(path, root), path.name == "__init__.py"
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            module = _imported_from(node, importer, is_package)
            found.add(module)
            # ``from hexsync import cli`` imports the module hexsync.cli, not just hexsync.
            found.update(f"{module}.{a.name}" for a in node.names if f"{module}.{a.name}" in names)
    return {name for name in found if name == "hexsync" or name.startswith("hexsync.")}


FREE = {"hexsync", "hexsync._version"}  # importable from any layer
_NAMES = {_module_name(p) for p in PACKAGE.rglob("*.py")}
MODULES = {_module_name(p): _imports(p, _NAMES) for p in sorted(PACKAGE.rglob("*.py"))}

# (importer prefix, allowed hexsync prefixes)
RULES = {
    "hexsync.emulator": ("hexsync.emulator", "hexsync.errors"),
    "hexsync.hexapi": ("hexsync.hexapi", "hexsync.errors", "hexsync.values.desired"),
    # hexrules: Hex's access rules as pure tables over the model, usable from every layer above.
    "hexsync.values.hex_access": (
        "hexsync.values.hex_access",
        "hexsync.values.desired",
        "hexsync.errors",
    ),
    "hexsync.manifest": (
        "hexsync.manifest",
        "hexsync.errors",
        "hexsync.values.desired",
        "hexsync.values.hex_access",
    ),
    "hexsync.values.desired": ("hexsync.values.desired", "hexsync.errors"),
    "hexsync.errors": ("hexsync.errors",),
    "hexsync.values.plan": (
        "hexsync.values.plan",
        "hexsync.values.hex_access",
        "hexsync.values.desired",
        "hexsync.errors",
    ),
    "hexsync.render": (
        "hexsync.render",
        "hexsync.values.plan",
        "hexsync.decide.drift",
        "hexsync.values.desired",
        "hexsync.errors",
    ),
    "hexsync.decide.drift": (
        "hexsync.decide.drift",
        "hexsync.values.plan",
        "hexsync.values.desired",
        "hexsync.errors",
    ),
    "hexsync.decide.diff": (
        "hexsync.decide.diff",
        "hexsync.values.live",
        "hexsync.values.plan",
        "hexsync.values.hex_access",
        "hexsync.values.desired",
        "hexsync.errors",
    ),
    "hexsync.export.manifests": (
        "hexsync.export.manifests",
        "hexsync.values.live",
        "hexsync.manifest",
        "hexsync.values.desired",
        "hexsync.errors",
    ),
    "hexsync.mcp": ("hexsync.mcp", "hexsync.errors"),
    # the access engine is pure: no client, no I/O, nothing above the plan value.
    "hexsync.decide.access_engine": (
        "hexsync.decide.access_engine",
        "hexsync.values.hex_access",
        "hexsync.values.live",
        "hexsync.values.plan",
        "hexsync.values.desired",
        "hexsync.errors",
    ),
    # live reads through the client and knows nothing of diff, planner or apply.
    "hexsync.values.live": (
        "hexsync.values.live",
        "hexsync.hexapi",
        "hexsync.values.plan",
        "hexsync.values.desired",
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


def test_relative_imports_and_submodules_imported_from_the_package_are_seen(
    tmp_path: Path,
) -> None:
    render = tmp_path / "hexsync" / "render"
    render.mkdir(parents=True)
    (render / "__init__.py").write_text("from ..cli import main\nfrom . import text\n")
    (render / "text.py").write_text("from hexsync import cli\nfrom .. import plan\n")
    names = {"hexsync.cli", "hexsync.plan", "hexsync.render", "hexsync.render.text"}
    assert _imports(render / "__init__.py", names, root=tmp_path) == {
        "hexsync.cli",
        "hexsync.render",
        "hexsync.render.text",
    }
    assert _imports(render / "text.py", names, root=tmp_path) == {
        "hexsync",
        "hexsync.cli",
        "hexsync.plan",
    }
