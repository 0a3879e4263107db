"""The plan as GitHub-flavoured markdown, for a pull-request comment or check summary.

Order: a title and the summary table, then the risks (refusals, widening changes,
destructive changes), the access changes, one collapsible section per object, warnings and the
unmanaged note.

Size: GitHub refuses comments over 65,536 characters, so the output never exceeds ``budget``
characters. The summary, risks, access changes, warnings and unmanaged note come first in
priority; per-object sections fill what is left, in plan order, and the first one that does not fit
ends them, with a note saying how many were left out and where the full plan is.

Safety: names come from the workspace and may hold markdown, HTML or @mentions. Names are shown in
code spans (``<code>`` in HTML), where none of these is interpreted; free text (messages) is
escaped; ``|`` is escaped in table cells.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from hexsync.errors import plural
from hexsync.render._common import (
    SIGNS,
    clean,
    cost,
    field_sign,
    field_text,
    headline,
    lowers,
    no_changes_line,
    quiet_lines,
    rule_groups,
    rule_note,
    shown_lines,
    sorted_impact,
    unmanaged_kinds,
    workspace_label,
)
from hexsync.values.plan import Action, Change, Plan

__all__ = ["render_markdown"]

# Long lists help nobody in a comment; the per-object sections and the full plan have the rest.
RISKS_SHOWN = 25
ACCESS_ROWS_SHOWN = 100
FIELDS_SHOWN = 200
RULE_PROJECTS_SHOWN = 200

_BACKTICKS = re.compile(r"`+")
# ASCII punctuation that means something to markdown or HTML; escaped with a backslash.
_MD_SPECIAL = set("\\`*_{}[]()#+-!|~")
_MENTION = re.compile(r"(?<![A-Za-z0-9])@(?=[A-Za-z0-9])")


def code(text: str, *, table: bool = False) -> str:
    """``text`` as an inline code span: no markdown, HTML or mention inside is interpreted."""
    text = clean(text)
    if not text:
        return '`""`'
    longest = max((len(m) for m in _BACKTICKS.findall(text)), default=0)
    fence = "`" * (longest + 1)
    if text.startswith("`") or text.endswith("`") or (text[0] == " " and text[-1] == " "):
        text = f" {text} "
    if table:
        text = text.replace("|", "\\|")
    return f"{fence}{text}{fence}"


def escape(text: str) -> str:
    """Free text for inline markdown: punctuation escaped, HTML as entities, mentions defused."""
    out = []
    for ch in clean(text):
        if ch in _MD_SPECIAL:
            out.append("\\" + ch)
        elif ch in "<>&":
            out.append(html.escape(ch))
        else:
            out.append(ch)
    # A word joiner after a mention-shaped @ keeps GitHub from notifying a user or team.
    return _MENTION.sub("@\u2060", "".join(out))


def _unmanaged(plan: Plan) -> str:
    """The unmanaged note as a list: per kind the count, the first names, what to do."""
    kinds = unmanaged_kinds(plan)
    if not kinds:
        return ""
    lines = ["**Not managed here** (left alone):", ""]
    for k in kinds:
        names = ", ".join(code(n) for n in k.names)
        more = f" and {k.more} more" if k.more else ""
        text = f"- {k.label}" + (f": {names}{more}" if names else "")
        lines.append(text + (f" — {escape(k.hint)}" if k.hint else ""))
    return "\n".join(lines)


def _title(plan: Plan) -> str:
    ws = plan.workspace
    # The name when Hex gives one; else where the workspace is and its org id, never an id alone.
    name = escape(ws.org_name) if ws.org_name else escape(workspace_label(ws))
    return f"## hexsync plan for {name}"


def _summary_table(plan: Plan) -> str:
    counts = plan.counts
    heads = [*counts, "destructive", "API requests"]
    took = cost(plan).removeprefix("Apply makes ").removesuffix(".")
    cells = [str(n) for n in counts.values()] + [str(plan.destructive_count), took]
    return "\n".join(
        [
            "| " + " | ".join(heads) + " |",
            "|" + "---:|" * (len(heads) - 1) + "---|",
            "| " + " | ".join(cells) + " |",
        ]
    )


def _what(change: Change) -> str:
    """``group `Analysts``` for a sentence, the name in a code span."""
    return f"{change.kind.value} {code(change.name)}"


def _capped(items: list[str], shown: int, what: str) -> list[str]:
    if len(items) <= shown:
        return items
    more = plural(len(items) - shown, what).replace(" ", " more ", 1)
    return [
        *items[:shown],
        f"- … and {more} (every one is in the full plan)",
    ]


def _risks(plan: Plan) -> str:
    refused = []
    for r in plan.refusals:
        where = f", {code(str(r.mark))}" if r.mark is not None else ""
        line = f"- **Refused** ({code(r.code)}{where}): {escape(r.message)}"
        if r.hint:
            line += f" — *hint:* {escape(r.hint)}"
        refused.append(line)
    widening = []
    destructive = []
    for change in plan.changes:
        action = change.action.value
        if change.destructive_count and change.action is not Action.UPDATE:
            note = f" ({escape(change.note)})" if change.note else ""
            destructive.append(f"- **Destructive:** {action} {_what(change)}{note}")
        for fc in change.fields:
            text = code(field_text(fc))
            if fc.widens:
                widening.append(f"- **Widens access:** {_what(change)}: {text}")
            elif fc.destructive:
                verb = "lowers access" if lowers(fc) else "removes"
                destructive.append(f"- **Destructive:** {_what(change)}: {verb} {text}")
    lines = (
        _capped(refused, RISKS_SHOWN, "refusal")
        + _capped(widening, RISKS_SHOWN, "widening change")
        + _capped(destructive, RISKS_SHOWN, "destructive change")
    )
    if not lines:
        return ""
    return "### Risks\n\n" + "\n".join(lines)


def _access(plan: Plan) -> str:
    rows = []
    for impact in sorted_impact(plan.impact):
        for line in shown_lines(impact):
            change = f"{line.verb(impact.kind)} {line.level_text}"
            if line.widens:
                change += " **(widens access)**"
            where = (
                code(line.projects[0], table=True)
                if len(line.projects) == 1
                else plural(len(line.projects), "project")
            )
            via = escape(line.via) if line.via else "direct"
            if line.counts:
                change += f" ({escape(line.counts)})"
            rows.append(f"| {code(impact.principal, table=True)} | {change} | {where} | {via} |")
    quiet = quiet_lines(plan.impact)
    if not rows and not quiet:
        return ""
    more = ""
    if len(rows) > ACCESS_ROWS_SHOWN:
        more = f"\n\n… and {plural(len(rows) - ACCESS_ROWS_SHOWN, 'row')} more in the full plan."
        rows = rows[:ACCESS_ROWS_SHOWN]
    head = "| principal | change | on | via |\n|---|---|---|---|\n"
    table = head + "\n".join(rows) + more if rows else ""
    command = "`hexsync plan --json`"
    note = ""
    if quiet:
        words = escape(quiet.replace(command, "COMMAND")).replace("COMMAND", command)
        note = ("\n\n" if table else "") + words + "."
    return "### Access changes\n\n" + table + note


def _fence(lines: Iterable[str]) -> str:
    body = "\n".join(lines)
    longest = max((len(m) for m in _BACKTICKS.findall(body)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"{fence}diff\n{body}\n{fence}"


OPEN_UP_TO = 3  # a plan of this many changes or fewer shows them open, not folded


def _details(change: Change, *, open_: bool = False) -> str:
    sign = SIGNS[change.action]
    summary = f"<code>{html.escape(f'{sign} {headline(change)}')}</code>"
    if change.note:
        summary += f" — {html.escape(clean(change.note))}"
    if change.widens:
        summary += " — <b>widens access</b>"
    lines = [f"{sign} {headline(change)}"]
    for fc in change.fields[:FIELDS_SHOWN]:
        mark = "    (widens access)" if fc.widens else ""
        lines.append(f"{field_sign(fc)}     {field_text(fc)}{rule_note(fc)}{mark}")
    hidden = len(change.fields) - FIELDS_SHOWN
    if hidden > 0:
        lines.append(f"  … {plural(hidden, 'more field')} in the full plan")
    opening = "<details open>" if open_ else "<details>"
    parts = [f"{opening}<summary>{summary}</summary>", "", _fence(lines)]
    if change.mark is not None:
        parts += ["", f"Declared at {code(str(change.mark))}."]
    parts += ["", "</details>"]
    return "\n".join(parts)


def _rules(plan: Plan, *, folded: bool = True) -> str:
    """One entry per rule: its projects and distinct changes, the per-project detail folded
    (left out with ``folded=False``, when it would crowd the comment)."""
    blocks = []
    for group in rule_groups(plan):
        lines = [f"- **rule {code(group.rule)}**: {group.headline}"]
        for text, count in group.summary[:RISKS_SHOWN]:
            lines.append(f"  - {code(text)} on {plural(count, 'project')}")
        if len(group.summary) > RISKS_SHOWN:
            lines.append(f"  - … and {len(group.summary) - RISKS_SHOWN} more distinct changes")
        detail = [
            f"{SIGNS[c.action]} {headline(c)}: " + "; ".join(field_text(f) for f in fs)
            for c, fs in group.projects[:RULE_PROJECTS_SHOWN]
        ]
        more = len(group.projects) - RULE_PROJECTS_SHOWN
        if more > 0:
            detail.append(f"… and {plural(more, 'more project')} in the full plan")
        if not folded or not group.projects:
            blocks.append("\n".join(lines))
            continue
        summary = f"{plural(len(group.projects), 'project')}, one by one"
        lines += [
            "",
            f"  <details><summary>{summary}</summary>",
            "",
            _fence(detail),
            "",
            "  </details>",
        ]
        blocks.append("\n".join(lines))
    if not blocks:
        return ""
    return "### Changes by rule\n\n" + "\n\n".join(blocks)


def _warnings(plan: Plan) -> str:
    if not plan.warnings:
        return ""
    lines = []
    for w in plan.warnings:
        where = f"{code(str(w.mark))}: " if w.mark is not None else ""
        lines.append(f"- {where}{escape(w.message)}")
    return "### Warnings\n\n" + "\n".join(lines)


def _pointer(omitted: int, artifact: str | None) -> str:
    what = f"… {plural(omitted, 'more change')} not shown"
    if artifact is None:
        return f"{what}; save the full plan with `hexsync plan --out plan.json`."
    if re.fullmatch(r"https?://[^\s<>]+", artifact):
        return f"{what}; the full plan is in <{artifact}>."
    return f"{what}; the full plan is in {code(artifact)}."


def _dropped_note(names: list[str]) -> str:
    return f" Left out for size: {', '.join(names)}."


def _join(blocks: Iterable[str]) -> str:
    return "\n\n".join(b for b in blocks if b) + "\n"


def render_markdown(plan: Plan, *, budget: int = 60_000, artifact: str | None = None) -> str:
    """The plan as a PR comment of at most ``budget`` characters.

    Per-object sections stop at the first that would not fit, and a note then says how many
    changes are not shown and points at ``artifact`` (a path or URL of the full plan) or, when
    None, at ``hexsync plan --out``.
    """
    head = [_title(plan)]
    if plan.empty:
        head.append(no_changes_line(plan))
    else:
        head.append(_summary_table(plan))
    # Everything but the per-object sections, in order of priority.
    wanted = {
        "risks": _risks(plan),
        "access": _access(plan),
        "rules": by_rule
        if len(by_rule := _rules(plan)) <= budget // 3
        else _rules(plan, folded=False),
        "warnings": _warnings(plan),
        "unmanaged": _unmanaged(plan),
    }
    reserve = len(_pointer(len(plan.changes), artifact)) + len(_dropped_note(list(wanted))) + 2
    used = len(_join(head)) + reserve
    kept: dict[str, str] = {}
    for name, block in wanted.items():
        if block and used + len(block) + 2 <= budget:
            kept[name] = block
            used += len(block) + 2
    details: list[str] = []
    if plan.changes:
        used += len("### Changes") + 2
        small = len(plan.changes) <= OPEN_UP_TO
        for change in plan.changes:
            block = _details(change, open_=small)
            if used + len(block) + 2 > budget:
                break
            details.append(block)
            used += len(block) + 2
    omitted = len(plan.changes) - len(details)
    blocks = [*head, kept.get("risks", ""), kept.get("access", ""), kept.get("rules", "")]
    if details:
        blocks += ["### Changes", *details]
    blocks += [kept.get("warnings", ""), kept.get("unmanaged", "")]
    dropped = [name for name, block in wanted.items() if block and name not in kept]
    if omitted or dropped:
        note = _pointer(omitted, artifact)
        if dropped:
            note += _dropped_note(dropped)
        blocks.append(note)
    out = _join(blocks)
    if len(out) > budget:
        # Only a budget smaller than the title and summary gets here: say the least that helps.
        out = _join([_pointer(len(plan.changes), artifact)])[:budget]
    return out
