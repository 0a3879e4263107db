"""The layers of docs/architecture.md point one way; this test fails when an import points back.

Bottom to top: ``errors``; ``values`` (what every layer passes around); ``hexapi`` (the client)
and ``manifest`` (reading manifests); ``readers`` (reading the workspace), ``decide`` (the pure
deciders) and ``export``; ``render``; ``planning``; ``apply`` (the one writer); ``ops`` (what
every face offers); the faces ``mcp`` and ``cli`` (and ``ci``). A module imports its package and
the layers below it, never above. Beside that order:

- nothing imports ``hexsync.cli`` (but ``python -m hexsync``'s ``__main__``);
- the emulator imports nothing of the client (it must be able to disagree with it);
- ``hexapi`` knows nothing of hexsync's values, ``decide`` nothing of the client;
- the CI glue imports nothing of hexsync;
- no two modules import each other, directly or through others (no cycle), at any depth.
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

# Bottom to top: a module may import its own package and anything in a lower layer.
LAYERS: list[tuple[str, ...]] = [
    ("hexsync.errors",),
    ("hexsync.values",),
    ("hexsync.hexapi", "hexsync.manifest", "hexsync.store"),
    ("hexsync.readers", "hexsync.decide", "hexsync.export"),
    ("hexsync.render",),
    ("hexsync.planning",),
    ("hexsync.apply",),
    ("hexsync.ops",),
    ("hexsync.serve",),  # the controller (`hexsync serve`): its cycle, process and HTTP API
    ("hexsync.mcp",),  # the MCP server: a face, started by `hexsync mcp`
    ("hexsync.cli",),
]
# The emulator stands apart (it imports nothing above errors); only the CLI starts it.
EMULATOR_USERS = ("hexsync.cli",)

# Narrower than the layer order allows: (importer prefix, allowed hexsync prefixes).
RULES = {
    "hexsync.emulator": ("hexsync.emulator", "hexsync.errors"),
    "hexsync.hexapi": ("hexsync.hexapi", "hexsync.errors"),
    "hexsync.store": ("hexsync.store", "hexsync.errors"),
    "hexsync.decide": ("hexsync.decide", "hexsync.values", "hexsync.errors"),
    "hexsync.readers": ("hexsync.readers", "hexsync.hexapi", "hexsync.values", "hexsync.errors"),
    "hexsync.ci": ("hexsync.ci",),
}


def _layer(name: str) -> int | None:
    for level, prefixes in enumerate(LAYERS):
        if any(_within(name, p) for p in prefixes):
            return level
    return None


def _package(name: str) -> str:
    return ".".join(name.split(".")[:2])


def _within(name: str, *prefixes: str) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


def test_the_package_was_found() -> None:
    assert "hexsync.errors" in MODULES
    assert "hexsync.cli.main" in MODULES


def test_every_module_has_a_layer() -> None:
    unplaced = {
        m
        for m in MODULES
        if _layer(m) is None
        and not any(_within(m, p) for p in ("hexsync.emulator", "hexsync.ci"))
        and m not in FREE | {"hexsync.__main__"}
    }
    assert not unplaced, f"add these to a layer in LAYERS (docs/architecture.md): {unplaced}"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_point_one_way(module: str) -> None:
    imported = MODULES[module]
    if not _within(module, "hexsync.cli") and module != "hexsync.__main__":
        assert not {name for name in imported if _within(name, "hexsync.cli")}, (
            f"{module} imports the CLI; library code must not"
        )
    own = _layer(module)
    if own is not None:
        upward = {
            name
            for name in imported
            if name not in FREE
            and _package(name) != _package(module)
            and not (_within(name, "hexsync.emulator") and _within(module, *EMULATOR_USERS))
            and (_layer(name) is None or _layer(name) >= own)  # type: ignore[operator]
        }
        assert not upward, f"{module} (layer {own}) imports a layer above or beside it: {upward}"
    for prefix, allowed in RULES.items():
        if _within(module, prefix):
            bad = {
                name
                for name in imported
                if name not in FREE and not any(_within(name, ok) for ok in allowed)
            }
            assert not bad, f"{module} may only import {allowed}, but imports {sorted(bad)}"


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: list[list[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph.get(root, ()))))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        top = stack.pop()
                        on_stack.discard(top)
                        component.append(top)
                        if top == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
            elif child not in index:
                index[child] = low[child] = counter
                counter += 1
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(sorted(graph.get(child, ())))))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return found


def test_no_import_cycle() -> None:
    """Modules only: a package's ``__init__`` re-exporting its own modules is not a cycle."""
    graph = {
        m: {i for i in imps if i in MODULES and i != m and not _within(m, i)}
        for m, imps in MODULES.items()
    }
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle_through_three_modules() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert _cycles(graph) == [["a", "b", "c"]]


def test_no_module_is_over_a_thousand_lines() -> None:
    sizes = {
        m: len(p.read_text(encoding="utf-8").splitlines())
        for p in PACKAGE.rglob("*.py")
        if (m := _module_name(p)) in MODULES
    }
    assert {m: n for m, n in sizes.items() if n > 1000} == {}


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


def test_docs_architecture_names_every_module() -> None:
    text = (PACKAGE.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    missing = sorted(
        m
        for m, path in ((_module_name(p), p) for p in PACKAGE.rglob("*.py"))
        if path.name != "__init__.py"
        and m not in FREE | {"hexsync.__main__"}
        and not m.startswith("hexsync.examples")
        and f"{path.name}`" not in text
        and f"`{path.stem}`" not in text
    )
    assert missing == [], "docs/architecture.md does not name these modules"
