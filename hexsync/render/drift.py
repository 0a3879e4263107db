"""Renderings of a :class:`~hexsync.decide.drift.Drift`: text for a terminal, markdown for an issue,
JSON for alerting. Pure functions; the CLI prints what they return."""

from __future__ import annotations

import json

from hexsync.decide.drift import IN_HEX, MERGED, Drift, DriftAccess, DriftField, DriftItem, Reach
from hexsync.errors import plural
from hexsync.render._common import clean, quote, short_id
from hexsync.render.markdown import code, escape

__all__ = ["render_drift_json", "render_drift_markdown", "render_drift_text"]

_SIGN = {"differs": "~", "missing": "+", "unexpected": "-", "active": "!", "unmanaged": "?"}
_STATE_TEXT = {
    "differs": "",
    "missing": "declared in the manifests, missing in Hex",
    "unexpected": "in Hex, but the manifests say it should not be",
    "active": "active in Hex, but the manifests deactivate this user",
    "unmanaged": "not in the manifests, and people reach projects through it",
}
ORIGIN_TEXT = {
    IN_HEX: "changed in Hex since the last apply",
    MERGED: "merged, not yet applied",
}
NEXT_STEP = (
    "To put Hex back as the manifests say: `hexsync plan` then `hexsync apply`. To keep what Hex "
    "has now: change the manifests (`hexsync export` writes the live state)."
)


def _value(value: str | None) -> str:
    return "(none)" if value is None else clean(value)


def _name(item: DriftItem) -> str:
    text = f"{item.kind} {quote(item.name)}"
    if item.kind == "project" and item.id:
        text += f" ({short_id(item.id)})"
    return text


def field_line(field: DriftField) -> str:
    """``sharing.workspace: manifests APP_ONLY, Hex NONE``; members read as sentences; then the
    rule that asked for it (``(rule finance-visible, rules.yaml:4)``) and, with the last
    applied plan, where the difference comes from (``[merged, not yet applied]``)."""
    if field.path == "members":
        where = (
            "in the manifests, not in Hex" if field.live is None else "in Hex, not in the manifests"
        )
        text = f"member {clean(field.key or '')}: {where}"
    else:
        label = field.path if field.key is None else f"{field.path}[{quote(field.key)}]"
        text = f"{label}: manifests {_value(field.manifests)}, Hex {_value(field.live)}"
    if field.rules:
        named = ", ".join(
            clean(name) + (f" at {clean(at)}" if at else "") for name, at in field.rules
        )
        text += f"   (rule{'s' if len(field.rules) > 1 else ''} {named})"
    if field.origin is not None:
        text += f"   [{ORIGIN_TEXT[field.origin]}]"
    return text


def _some(emails: tuple[str, ...]) -> str:
    shown = ", ".join(clean(e) for e in emails[:3])
    return shown + (f" and {len(emails) - 3} more" if len(emails) > 3 else "")


def reach_line(reach: Reach) -> str:
    """``"Payroll summary": CAN_VIEW to 2 people, 2 of them only through it (ted@…, zoe@…)``."""
    text = f"{quote(reach.project)}: {reach.level} to {plural(reach.people, 'person', 'people')}"
    if reach.only:
        text += f", {len(reach.only)} of them only through it ({_some(reach.only)})"
    return text


def access_line(access: DriftAccess) -> str:
    """``"Payroll summary": 2 more people can open it in Hex than the manifests allow (…)``."""
    parts = []
    if access.more:
        n = len(access.more)
        parts.append(
            f"{n} more {'person' if n == 1 else 'people'} can open it in Hex than the manifests"
            f" allow ({_some(access.more)})"
        )
    if access.higher:
        n = len(access.higher)
        parts.append(
            f"{plural(n, 'person', 'people')} {'has' if n == 1 else 'have'} a higher level in"
            f" Hex than the manifests give ({_some(access.higher)})"
        )
    if access.fewer:
        n = len(access.fewer)
        parts.append(
            f"{plural(n, 'person', 'people')} the manifests give access cannot open it in Hex"
            f" ({_some(access.fewer)})"
        )
    if access.lower:
        n = len(access.lower)
        parts.append(
            f"{plural(n, 'person', 'people')} {'has' if n == 1 else 'have'} a lower level in"
            f" Hex than the manifests give ({_some(access.lower)})"
        )
    return f"{quote(access.project)}: " + "; ".join(parts)


def origin_line(drift: Drift) -> str:
    """``Against the last applied plan (plan.json): 1 merged, not yet applied; 2 changed in
    Hex since the last apply; 1 not known (the plan did not touch or read it).``; "" without
    a last applied plan or without drift."""
    if drift.last_applied is None or not drift.found:
        return ""
    counts = drift.origins()
    parts = [f"{counts[o]} {ORIGIN_TEXT[o]}" for o in (MERGED, IN_HEX) if counts.get(o)]
    if counts.get(None):
        parts.append(f"{counts[None]} not known (that plan did not touch or read it)")
    return f"Against the last applied plan ({clean(drift.last_applied)}): " + "; ".join(parts) + "."


def _workspace(drift: Drift) -> str:
    name = drift.workspace.org_name
    return f"workspace {quote(name)}" if name else f"the workspace at {drift.workspace.api_url}"


def _headline(drift: Drift) -> str:
    if not drift.found:
        return f"No drift: {_workspace(drift)} matches the manifests."
    return (
        f"Drift: {plural(len(drift.items), 'object')} in {_workspace(drift)} "
        f"no longer match{'es' if len(drift.items) == 1 else ''} the manifests"
        f" ({plural(drift.field_count, 'difference')})."
    )


def render_drift_text(drift: Drift) -> str:
    lines = [_headline(drift)]
    origins = origin_line(drift)
    if origins:
        lines.append(origins)
    for item in drift.items:
        head = f"  {_SIGN[item.state]} {_name(item)}"
        if _STATE_TEXT[item.state]:
            head += f": {_STATE_TEXT[item.state]}"
        if item.where:
            head += f"   ({item.where})"
        if item.origin is not None:
            head += f"   [{ORIGIN_TEXT[item.origin]}]"
        lines += ["", head]
        lines += [f"      {field_line(f)}" for f in item.fields if item.state == "differs"]
        lines += [f"      {reach_line(r)}" for r in item.reach]
        if item.leavers:
            lines.append(f"      members the manifests deactivate: {_some(item.leavers)}")
    if drift.access:
        lines += ["", "Access in Hex against the manifests:"]
        lines += [f"  {access_line(a)}" for a in drift.access]
    if drift.found:
        lines += ["", NEXT_STEP.replace("`", "")]
    return "\n".join(lines) + "\n"


def _md_value(value: str | None) -> str:
    return "—" if value is None else code(value, table=True)


def render_drift_markdown(drift: Drift, *, budget: int = 60_000) -> str:
    """A GitHub or GitLab issue body: headline, one table row per field, within ``budget``."""
    out = ["## Hex drift", "", escape(_headline(drift))]
    if origin_line(drift):
        out += ["", escape(origin_line(drift))]
    if not drift.found:
        return "\n".join(out) + "\n"
    out += ["", "| object | field | manifests | Hex now |", "|---|---|---|---|"]
    rows: list[str] = []
    for item in drift.items:
        obj = f"{item.kind} {code(item.name, table=True)}"
        if item.state != "differs":
            what = _STATE_TEXT[item.state]
            if item.origin is not None:
                what += f" ({ORIGIN_TEXT[item.origin]})"
            rows.append(f"| {obj} | {escape(what)} | | |")
            rows += [f"| {obj} | reaches {escape(reach_line(r))} | | |" for r in item.reach]
            continue
        for f in item.fields:
            label = "member" if f.path == "members" else f.path
            if f.key is not None:
                label += " " + code(f.key, table=True)
            if f.rules:
                label += " (rule " + ", ".join(code(n, table=True) for n, _ in f.rules) + ")"
            if f.origin is not None:
                label += f" ({escape(ORIGIN_TEXT[f.origin])})"
            manifests = _md_value(f.manifests)
            live = _md_value(f.live)
            rows.append(f"| {obj} | {label} | {manifests} | {live} |")
    tail: list[str] = []
    if drift.access:
        tail += ["", "**Access in Hex against the manifests:**", ""]
        tail += [f"- {escape(access_line(a))}" for a in drift.access[:20]]
        if len(drift.access) > 20:
            tail.append(f"- … and {len(drift.access) - 20} more projects (`--format json`)")
    tail += ["", NEXT_STEP]
    size = sum(len(line) + 1 for line in out + tail) + 400
    for i, row in enumerate(rows):
        if size + len(row) + 1 > budget:
            out.append(
                f"\n_{len(rows) - i} more rows left out to fit; "
                "`hexsync drift --format json` lists them all._"
            )
            break
        out.append(row)
        size += len(row) + 1
    return "\n".join(out + tail) + "\n"


def render_drift_json(drift: Drift) -> str:
    return json.dumps(drift.data, indent=2, ensure_ascii=False) + "\n"
