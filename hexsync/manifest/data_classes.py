"""``data.classes`` in manifests, and the ``reads:`` key of rules' matches (docs/data.md).

Called by :mod:`hexsync.manifest.build` with the paths the schema found fault with (``clean``),
so a malformed entry is reported once, by the schema. A class is declared once across all
files; each of its entries is ``Connection:schema.table`` (a glob on the table), checked here
for its shape. Whether the connection exists is the plan's to say (it reads the workspace's
connections): validate reads nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from hexsync.errors import did_you_mean
from hexsync.manifest.problems import Path, Problem
from hexsync.manifest.yamlsafe import Document
from hexsync.values.data_classes import glob_problem, split_pattern
from hexsync.values.desired import Mark, Match, TablePattern

__all__ = ["check_reads", "classes_of", "reads_leaf"]

_GLOB_HINT = (
    "write 'Connection:schema.table' with the data connection's exact name, e.g."
    " 'Lake:raw.customers' or 'Lake:*.customers*' (* ? [abc] in the table)"
)


def classes_of(
    doc: Document, clean: Callable[[Path], bool], seen: dict[str, Mark]
) -> tuple[dict[str, tuple[TablePattern, ...]], list[Problem]]:
    """The classes one document declares under ``data.classes``, and its problems (``seen``:
    where each class was first declared, across the files)."""
    data = doc.data if isinstance(doc.data, dict) else {}
    block = data.get("data")
    classes = block.get("classes") if isinstance(block, dict) else None
    found: dict[str, tuple[TablePattern, ...]] = {}
    problems: list[Problem] = []
    if not isinstance(classes, dict):
        return found, problems
    for name, entries in classes.items():
        path: Path = ("data", "classes", name)
        if not isinstance(name, str) or not isinstance(entries, list) or not clean(path):
            continue
        mark = doc.key_mark(path)
        first = seen.setdefault(name, mark)
        if first is not mark:
            problems.append(
                Problem.at(
                    mark,
                    path,
                    f"duplicate data class '{name}'; first declared at {first}",
                    "each class is declared once across all manifest files: list all its"
                    " tables there",
                )
            )
            continue
        patterns = []
        for index, text in enumerate(entries):
            where: Path = (*path, index)
            problem = glob_problem(text) if isinstance(text, str) else None
            if problem is not None:
                problems.append(
                    Problem.at(
                        doc.mark(where),
                        where,
                        f"data class '{name}': {text!r} is not a table glob: {problem}",
                        _GLOB_HINT,
                    )
                )
                continue
            if isinstance(text, str):
                patterns.append(TablePattern(*split_pattern(text), doc.mark(where)))
        found[name] = tuple(patterns)
    return found, problems


def reads_leaf(
    value: Mapping[str, Any], path: Path, doc: Document, problems: list[Problem]
) -> Match:
    """``reads: {class: pii, table: "Lake:raw.*"}`` as a leaf whose values are (key, operand)
    pairs; a table glob of the wrong shape is a problem at its place."""
    pairs: list[str | None] = []
    for key in ("class", "table"):
        given = value.get(key)
        if given is None:
            continue
        items = given if isinstance(given, list) else [given]
        for index, item in enumerate(items):
            if key == "table":
                problem = glob_problem(str(item))
                if problem is not None:
                    where: Path = (*path, key, index) if isinstance(given, list) else (*path, key)
                    problems.append(
                        Problem.at(
                            doc.mark(where),
                            where,
                            f"reads table {item!r} is not a table glob: {problem}",
                            _GLOB_HINT,
                        )
                    )
            pairs += [key, str(item)]
    return Match("reads", tuple(pairs), mark=doc.mark(path))


def check_reads(
    leaves: Sequence[tuple[Match, Path]], classes: Mapping[str, tuple[TablePattern, ...]]
) -> list[Problem]:
    """Each ``reads: {class: X}`` naming a class no file declares, at its place."""
    problems = []
    for leaf, path in leaves:
        for key, name in zip(leaf.values[::2], leaf.values[1::2], strict=True):
            if key != "class" or name is None or name in classes:
                continue
            close = did_you_mean(name, classes)
            declared = ", ".join(repr(c) for c in classes) or "none"
            problems.append(
                Problem.at(
                    leaf.mark,
                    path,
                    f"reads class '{name}' is not a class of data.classes (declared: {declared})",
                    close or "declare it: data: {classes: {NAME: ['Connection:schema.table']}}",
                )
            )
    return problems
