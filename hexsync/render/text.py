"""The plan as terminal text: what ``hexsync plan`` prints.

Layout: one block per change in the plan's (apply) order, then Warnings, Refused, Access changes,
the unmanaged note and the summary line. Colour is added around the same characters, so the text
with ``color=True`` stripped of its ANSI codes is exactly the text with ``color=False``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from hexsync.errors import plural
from hexsync.render._common import (
    SIGNS,
    clean,
    field_sign,
    field_text,
    headline,
    quiet_lines,
    rule_groups,
    rule_note,
    shown_lines,
    sorted_impact,
    summary_line,
    unmanaged_note,
)
from hexsync.values.plan import Change, Plan

__all__ = ["render_text"]

_ANSI = {"green": "32", "yellow": "33", "red": "31", "bold": "1"}
_SIGN_STYLE = {"+": "green", "~": "yellow", "-": "red"}
WIDENS = "! widens access"
# Right-hand notes and marks line up on one column per section, within these bounds.
_MIN_COLUMN = 40
_MAX_COLUMN = 80
_GAP = 4


@dataclass(frozen=True)
class _Line:
    """A line as styled pieces, with an optional note that is aligned to the section's column."""

    parts: tuple[tuple[str, str], ...]
    note: tuple[str, str] | None = None

    @property
    def width(self) -> int:
        return sum(len(text) for text, _ in self.parts)


def _paint(text: str, style: str, color: bool) -> str:
    if not color or not style or not text:
        return text
    codes = ";".join(_ANSI[s] for s in style.split())
    return f"\x1b[{codes}m{text}\x1b[0m"


def _column(lines: Sequence[_Line]) -> int:
    widths = [line.width for line in lines if line.note is not None]
    if not widths:
        return 0
    return min(max(max(widths) + _GAP, _MIN_COLUMN), _MAX_COLUMN)


def _emit(lines: Sequence[_Line], color: bool) -> list[str]:
    column = _column(lines)
    out = []
    for line in lines:
        text = "".join(_paint(t, s, color) for t, s in line.parts)
        if line.note is not None:
            pad = max(column - line.width, 2)
            text += " " * pad + _paint(line.note[0], line.note[1], color)
        out.append(text)
    return out


def _change_lines(change: Change) -> list[_Line]:
    sign = SIGNS[change.action]
    head = (("  ", ""), (sign, _SIGN_STYLE[sign]), (" " + headline(change), ""))
    note = (clean(change.note), "") if change.note else None
    lines = [_Line(head, note)]
    for fc in change.fields:
        fsign = field_sign(fc)
        parts = (
            ("      ", ""),
            (fsign, _SIGN_STYLE[fsign]),
            (" " + field_text(fc), ""),
            (rule_note(fc), "bold"),
        )
        lines.append(_Line(parts, (WIDENS, "bold red") if fc.widens else None))
    return lines


def _changes(plan: Plan) -> list[_Line]:
    lines: list[_Line] = []
    for i, change in enumerate(plan.changes):
        if i:
            lines.append(_Line(()))
        lines.extend(_change_lines(change))
    return lines


def _rules(plan: Plan) -> list[_Line]:
    """Changes grouped by rule: how many projects, and each distinct field change with its
    count (the per-project detail is in the changes above)."""
    lines = [_Line((("Rules", "bold"),))]
    for group in rule_groups(plan):
        head = f'  rule "{clean(group.rule)}": {group.headline}'
        lines.append(_Line(((head, ""),)))
        for text, count in group.summary:
            sign = text[0]
            parts = (("      ", ""), (sign, _SIGN_STYLE[sign]), (text[1:], ""))
            lines.append(_Line(parts, (plural(count, "project"), "")))
    return lines


def _warnings(plan: Plan) -> list[_Line]:
    lines = [_Line((("Warnings", "bold yellow"),))]
    for w in plan.warnings:
        where = f"{w.mark}: " if w.mark is not None else ""
        lines.append(_Line((("  " + clean(where), ""), (clean(w.message), "yellow"))))
    return lines


def _refusals(plan: Plan) -> list[_Line]:
    lines = [_Line((("Refused", "bold red"),))]
    for r in plan.refusals:
        where = f"{r.mark}: " if r.mark is not None else ""
        lines.append(_Line((("  " + clean(where), ""), (clean(r.message), "bold red"))))
        if r.hint:
            lines.append(_Line((("      hint: " + clean(r.hint), ""),)))
    return lines


def _access(plan: Plan) -> list[_Line]:
    impacts = sorted_impact(plan.impact)
    width = min(max(len(clean(i.principal)) for i in impacts), 40) + 2
    lines = [_Line((("Access changes", "bold"),))]
    for impact in impacts:
        name = clean(impact.principal)
        for n, line in enumerate(shown_lines(impact)):
            # The principal is named on its first line only; later lines indent under it.
            label = (name if n == 0 else "").ljust(width)
            verb = line.verb(impact.kind)
            rest = f" {line.level_text} on {line.where}"
            if line.via:
                rest += f" (via {clean(line.via)})"
            if line.counts:
                rest += f": {line.counts}"
            tint = "" if line.same else "green" if line.gain else "red"
            parts = (
                ("  " + label, ""),
                (verb.ljust(5), tint),
                (rest, ""),
            )
            lines.append(_Line(parts, ("!", "bold red") if line.widens else None))
    quiet = quiet_lines(impacts)
    if quiet:
        lines.append(_Line((("  " + quiet.replace("`", ""), ""),)))
    return lines


def render_text(plan: Plan, *, color: bool = False) -> str:
    """The plan for a terminal, from the first change to the summary line; ANSI if ``color``."""
    blocks: list[list[str]] = []
    if plan.changes:
        blocks.append(_emit(_changes(plan), color))
    if plan.rules or any(fc.rule for c in plan.changes for fc in c.fields):
        blocks.append(_emit(_rules(plan), color))
    if plan.warnings:
        blocks.append(_emit(_warnings(plan), color))
    if plan.refusals:
        blocks.append(_emit(_refusals(plan), color))
    if plan.impact:
        blocks.append(_emit(_access(plan), color))
    note = unmanaged_note(plan)
    if note:
        blocks.append([note])
    blocks.append([summary_line(plan)])
    return "\n\n".join("\n".join(block) for block in blocks) + "\n"
