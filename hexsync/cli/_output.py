"""How the read/admin commands show things: aligned plain-text tables, or one JSON document.

Tables are for people (``--json`` is the format for scripts): columns padded to the widest
cell, two spaces apart, no borders, so ``grep`` and ``awk`` still work on them. With colour
on, only the header row is bold and a few statuses are coloured; without it, plain text.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

import click

from hexsync.render._common import clean

F = TypeVar("F", bound=Callable[..., Any])

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
    # A newline in a description must not break the row; a bidi control must not reverse it.
    return clean(" ".join(str(value).split()))


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


def format_options(
    *choices: str,
    default: str = "text",
    help: str = "How to print the result.",
    as_bool: bool = False,
    dest: str = "output",
) -> Callable[[F], F]:
    """``--format CHOICE`` and ``--json`` (the same as ``--format json``), as one parameter.

    Every command with structured output takes both, so a script never has to remember which
    spelling a command uses. The command receives ``dest``: the chosen format, or with
    ``as_bool`` whether it is JSON. ``--json`` with another explicit ``--format`` is an error.
    """
    formats = choices or ("text", "json")

    def callback(ctx: click.Context, param: click.Parameter, value: Any) -> Any:
        given = ctx.meta.setdefault(f"hexsync.format.{dest}", {})
        given[param.name] = value
        fmt, js = given.get("format"), given.get("json")
        if js and fmt not in (None, default, "json"):
            raise click.BadParameter(f"--json and --format {fmt} disagree: give one of them")
        final = "json" if js else (fmt or default)
        ctx.params[dest] = final == "json" if as_bool else final
        return value

    def decorate(function: F) -> F:
        function = click.option(
            "--json",
            "json",
            is_flag=True,
            expose_value=False,
            callback=callback,
            help="Same as --format json.",
        )(function)
        return click.option(
            "--format",
            "format",
            type=click.Choice(formats),
            default=default,
            show_default=True,
            expose_value=False,
            callback=callback,
            help=help,
        )(function)

    return decorate
