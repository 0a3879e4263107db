"""``policies:`` entries to :class:`~hexsync.values.desired.AccessPolicy`, every expression
checked here, at ``validate``: its syntax, every name and field it reads, and one run on a
sample grant of each kind of principal (docs/policies.md). A problem points at the character of
the expression where it is, inside the YAML value (plain, quoted, or a ``|`` / ``>`` block).
"""

from __future__ import annotations

from typing import Any

import yaml

from hexsync.manifest.problems import Path, Problem
from hexsync.manifest.yamlsafe import Document
from hexsync.values.desired import AccessPolicy, FrozenMap, Mark
from hexsync.values.policy_expr import (
    ExpressionError,
    compile_expression,
    message_fields,
    probe,
)

__all__ = ["access_policy", "locate"]

_GUARD = {
    "group": 'guard it, e.g. principal.kind == "user" && …',
    "workspace": 'guard it, e.g. principal.kind == "user" && …',
    "public": 'guard it, e.g. principal.kind == "user" && …',
}


def _segments(doc: Document, node: yaml.ScalarNode) -> list[tuple[int, int, str]]:
    """The value's source lines as ``(line, column, text)``, 1-based, in value order."""
    lines = doc.text.split("\n")
    start, end = node.start_mark, node.end_mark
    if node.style in ("|", ">"):
        stop = end.line if end.column == 0 else end.line + 1  # a block ends at a line's start
        body = lines[start.line + 1 : stop]
        indents = [len(b) - len(b.lstrip(" ")) for b in body if b.strip()]
        indent = min(indents) if indents else 0
        return [(start.line + 2 + i, indent + 1, b[indent:]) for i, b in enumerate(body)]
    quote = 1 if node.style in ("'", '"') else 0
    out = []
    for i in range(start.line, min(end.line, len(lines) - 1) + 1):
        text = lines[i]
        first = i == start.line
        column = start.column + quote if first else len(text) - len(text.lstrip(" \t"))
        out.append((i + 1, column + 1, text[column:]))
    return out


def locate(doc: Document, path: Path, line: int, column: int, value: str) -> Mark:
    """Where ``line``:``column`` of ``value`` (the string at ``path``) is in the file."""
    doc, path = doc.located(path)  # merged layers: the file the value was written in
    base = doc.mark(path)
    node = doc.node(path)
    if not isinstance(node, yaml.ScalarNode) or not doc.text:
        return base
    rows = value.split("\n")
    offset = sum(len(r) + 1 for r in rows[: line - 1]) + column - 1
    for file_line, file_column, text in _segments(doc, node):
        if offset <= len(text):
            return Mark(base.file, file_line, file_column + offset)
        offset -= len(text) + 1
    return base


def access_policy(
    entry: dict[str, Any], path: Path, doc: Document, problems: list[Problem]
) -> AccessPolicy | None:
    """The policy of a schema-valid entry, or None (with its problems) when an expression or
    the message cannot be used."""
    name = entry["name"]
    marks: dict[str, Mark] = {}
    ok = True

    def fail(key: str, error: ExpressionError, value: str) -> None:
        where = locate(doc, (*path, key), error.line, error.column, value)
        problems.append(
            Problem.at(where, (*path, key), f"policy '{name}': {error.message}", error.hint)
        )

    for key in ("deny", "except"):
        text = entry.get(key)
        if text is None:
            continue
        marks[key] = locate(doc, (*path, key), 1, 1, text)
        try:
            expression = compile_expression(text)
        except ExpressionError as exc:
            fail(key, exc, text)
            ok = False
            continue
        failed = probe(expression)
        if failed is not None:
            kind, why = failed
            problems.append(
                Problem.at(
                    marks[key],
                    (*path, key),
                    f"policy '{name}': {key} fails on a {kind} grant: {why}",
                    _GUARD.get(kind, "a deny or except must be true or false for every grant"),
                )
            )
            ok = False
    message = entry.get("message")
    if message is not None:
        marks["message"] = locate(doc, (*path, "message"), 1, 1, message)
        try:
            message_fields(message)
        except ExpressionError as exc:
            fail("message", exc, message)
            ok = False
    if not ok:
        return None
    return AccessPolicy(
        name=name,
        deny=entry["deny"],
        unless=entry.get("except"),
        severity=entry.get("severity", "refuse"),
        message=message,
        description=entry.get("description"),
        mark=doc.mark(path),
        marks=FrozenMap(marks),
    )
