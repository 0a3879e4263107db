"""What the text and markdown renderings share: wording, quoting, grouping of access impact.

Everything here is plain text; the renderers add colour (text) or markup (markdown) around it.
Names come from the workspace and may hold anything, so every name goes through :func:`quote`
(JSON-style: control characters escaped) or :func:`clean` before it is shown.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from hexsync.model import Access
from hexsync.plan import (
    AccessImpact,
    Action,
    Change,
    FieldChange,
    ImpactItem,
    Kind,
    Plan,
    access_rank,
)

# Every rendering assumes the documented default rate limit; the CLI's header can say more.
RATE_PER_MINUTE = 30

NO_CHANGES = "No changes. The workspace matches the manifests."

SIGNS = {
    Action.CREATE: "+",
    Action.UPDATE: "~",
    Action.DELETE: "-",
    Action.DEACTIVATE: "-",
}

_ID_PREFIX = 8
_CONTROL = {i: f"\\u{i:04x}" for i in (*range(0x20), 0x7F)}
_CONTROL.update({0x0A: "\\n", 0x0D: "\\r", 0x09: "\\t"})
# Principals listed first are the riskiest to see change.
_PRINCIPAL_ORDER = {"public_web": 0, "workspace": 1, "group": 2, "collection": 3, "user": 4}
_KIND_ORDER = ("collection", "group", "user", "project")


def quote(text: str) -> str:
    """``"text"`` with quotes, backslashes and control characters escaped (one line, no ANSI)."""
    return json.dumps(text, ensure_ascii=False)


def clean(text: str) -> str:
    """``text`` unquoted, with control characters (newlines, ESC) made visible."""
    return text.translate(_CONTROL)


def short_id(ident: str) -> str:
    return ident if len(ident) <= _ID_PREFIX else ident[:_ID_PREFIX] + "…"


def plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def headline(change: Change) -> str:
    """``collection "Partners"``, ``project "Revenue overview" (0b3f6a51…)``."""
    text = f"{change.kind.value} {quote(change.name)}"
    if change.kind is Kind.PROJECT and change.id:
        text += f" ({short_id(change.id)})"
    if change.action is Action.DEACTIVATE:
        text += " (deactivate)"
    return text


def field_sign(fc: FieldChange) -> str:
    if fc.old is None:
        return "+"
    if fc.new is None:
        return "-"
    return "~"


def _value(fc: FieldChange, value: str) -> str:
    # Access levels are an enum and read best bare; names, descriptions, statuses are quoted.
    return value if fc.is_access else quote(value)


def field_text(fc: FieldChange) -> str:
    """One field without its sign: ``status: "In development" → "Production"``."""
    if fc.path == "members":
        return f"member {clean(fc.key or '')}"
    label = fc.path if fc.key is None else f"{fc.path}[{quote(fc.key)}]"
    if fc.old is None:
        return f"{label}: {_value(fc, fc.new)}" if fc.new is not None else f"{label}: (none)"
    if fc.new is None:
        return f"{label}: {_value(fc, fc.old)}"
    return f"{label}: {_value(fc, fc.old)} → {_value(fc, fc.new)}"


def lowers(fc: FieldChange) -> bool:
    """An access level lowered but not removed (a removal reads as such on its own)."""
    return fc.destructive and fc.new is not None and fc.path != "members"


def duration(seconds: float) -> str:
    whole = round(seconds)
    if whole < 60:
        return f"{whole} s"
    minutes, secs = divmod(whole, 60)
    if minutes < 60:
        return f"{minutes} min {secs} s" if secs else f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min" if minutes else f"{hours} h"


def cost(plan: Plan) -> str:
    """``Apply makes 7 requests (about 14 s at 30/min).``"""
    took = duration(plan.seconds_at(RATE_PER_MINUTE))
    return (
        f"Apply makes {plural(plan.requests, 'request')} (about {took} at {RATE_PER_MINUTE}/min)."
    )


def summary_line(plan: Plan) -> str:
    """``Plan: 2 to create, 1 to delete. Apply makes 3 requests (about 6 s at 30/min).``"""
    if plan.empty:
        return NO_CHANGES
    parts = [f"{n} to {action}" for action, n in plan.counts.items() if n]
    return f"Plan: {', '.join(parts)}. {cost(plan)}"


def _kind_rank(kind: str) -> tuple[int, str]:
    base = kind[:-1] if kind.endswith("s") else kind
    return (_KIND_ORDER.index(base) if base in _KIND_ORDER else len(_KIND_ORDER), base)


def unmanaged_note(plan: Plan) -> str:
    """``Not managed here: 3 groups, 41 projects (left alone).`` or "" when nothing is."""
    counts = [(_kind_rank(kind), n) for kind, n in plan.unmanaged.items() if n]
    if not counts:
        return ""
    parts = [plural(n, base) for (_, base), n in sorted(counts)]
    return f"Not managed here: {', '.join(parts)} (left alone)."


@dataclass(frozen=True)
class ImpactLine:
    """Projects on which one principal's access moves the same way, through the same path."""

    gain: bool
    level: str  # the level gained, or lost
    other: str | None  # the level kept (loss) or held before (gain), when there is one
    via: str | None
    projects: tuple[str, ...]
    widens: bool

    def verb(self, kind: str) -> str:
        # "workspace members gain", "dave@acme.com gains"
        many = kind == "workspace"
        if self.gain:
            return "gain" if many else "gains"
        return "lose" if many else "loses"

    @property
    def level_text(self) -> str:
        if self.other is None:
            return self.level
        return (
            f"{self.level} (had {self.other})"
            if self.gain
            else f"{self.level} (keeps {self.other})"
        )

    @property
    def where(self) -> str:
        return (
            quote(self.projects[0])
            if len(self.projects) == 1
            else plural(len(self.projects), "project")
        )


def _present(access: str | None) -> str | None:
    return None if access in (None, Access.NONE.value) else access


def impact_lines(impact: AccessImpact) -> list[ImpactLine]:
    """Gains then losses, grouped by (level, level kept or held, via), in a stable order."""
    lines: list[ImpactLine] = []
    for gain, items in ((True, impact.gains), (False, impact.losses)):
        groups: dict[tuple[str, str | None, str | None], list[ImpactItem]] = {}
        for item in items:
            level = (item.new if gain else item.old) or Access.NONE.value
            other = _present(item.old if gain else item.new)
            groups.setdefault((level, other, item.via), []).append(item)
        for (level, other, via), group in sorted(
            groups.items(),
            key=lambda kv: (kv[0][2] or "", -access_rank(kv[0][0]), kv[0][0], kv[0][1] or ""),
        ):
            wide = gain and any(
                access_rank(i.new) > access_rank(i.old)
                and (
                    impact.kind in ("workspace", "public_web") or i.new == Access.FULL_ACCESS.value
                )
                for i in group
            )
            projects = tuple(sorted({i.project for i in group}))
            lines.append(ImpactLine(gain, level, other, via, projects, wide))
    return lines


def sorted_impact(impacts: Iterable[AccessImpact]) -> list[AccessImpact]:
    """Public web and workspace first (the widest), then groups, collections, users; by name."""
    return sorted(
        impacts,
        key=lambda i: (
            _PRINCIPAL_ORDER.get(i.kind, len(_PRINCIPAL_ORDER)),
            i.principal.casefold(),
            i.principal,
        ),
    )
