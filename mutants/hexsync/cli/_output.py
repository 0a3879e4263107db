"""How the read/admin commands show things: aligned plain-text tables, or one JSON document.

Tables are for people (``--json`` is the format for scripts): columns padded to the widest
cell, two spaces apart, no borders, so ``grep`` and ``awk`` still work on them. With colour
on, only the header row is bold and a few statuses are coloured; without it, plain text.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

import click

EMPTY = "-"  # what an empty cell shows, so columns stay countable for awk

_STATUS_COLOURS = {
    "COMPLETED": "green",
    "RUNNING": "cyan",
    "PENDING": "cyan",
    "ERRORED": "red",
    "KILLED": "yellow",
    "UNABLE_TO_ALLOCATE_KERNEL": "red",
}


def cell(value: Any) -> str:
    """One table cell: None and "" become ``-``; sequences are joined by commas."""
    if value is None or value == "":
        return EMPTY
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value) or EMPTY
    return " ".join(str(value).split())  # a newline in a description must not break the row


def table(
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    *,
    color: bool = False,
) -> str:
    """``rows`` under ``headers``, each column as wide as its widest cell (last one unpadded)."""
    text_rows = [[cell(v) for v in row] for row in rows]
    widths = [len(h) for h in headers]
    for row in text_rows:
        for i, value in enumerate(row):
            widths[i] = max(widths[i], len(value))

    def line(values: Sequence[str], *, header: bool = False) -> str:
        parts = []
        for i, value in enumerate(values):
            padded = value if i == len(values) - 1 else value.ljust(widths[i])
            if color and header:
                padded = click.style(padded, bold=True)
            elif color and value in _STATUS_COLOURS:
                padded = click.style(padded, fg=_STATUS_COLOURS[value])
            parts.append(padded)
        return "  ".join(parts).rstrip()

    return "\n".join([line(headers, header=True), *(line(r) for r in text_rows)])


def fields(pairs: Sequence[tuple[str, Any]], *, indent: int = 2, color: bool = False) -> str:
    """``label  value`` lines, labels aligned (for ``show`` commands)."""
    width = max((len(label) for label, _ in pairs), default=0)
    out = []
    for label, value in pairs:
        text = cell(value)
        if color and text in _STATUS_COLOURS:
            text = click.style(text, fg=_STATUS_COLOURS[text])
        out.append(f"{' ' * indent}{label.ljust(width)}  {text}")
    return "\n".join(out)


def heading(text: str, *, color: bool = False) -> str:
    return click.style(text, bold=True) if color else text


def when(timestamp: str | None) -> str | None:
    """An API timestamp (ISO 8601, UTC) shortened for a table: ``2024-05-01 09:30``."""
    if not timestamp:
        return None
    if len(timestamp) >= 16 and timestamp[10] == "T":
        return f"{timestamp[:10]} {timestamp[11:16]}"
    return timestamp


def duration(ms: float | None) -> str | None:
    """Milliseconds as people read them: ``850 ms``, ``12.3 s``, ``4 min 05 s``."""
    if ms is None:
        return None
    if ms < 1000:
        return f"{ms:.0f} ms"
    seconds = ms / 1000
    if seconds < 60:
        return f"{seconds:.1f} s"
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes} min {rest:02d} s"


def to_json(document: Mapping[str, Any]) -> str:
    """One JSON document, keys in the order the command built them (stable across runs)."""
    return json.dumps(document, indent=2, ensure_ascii=False)


def plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count} {word if count == 1 else (many or word + 's')}"
