"""Renderings of a :class:`~hexsync.decide.drift.Drift`: text for a terminal, markdown for an issue,
JSON for alerting. Pure functions; the CLI prints what they return."""

from __future__ import annotations

import json

from hexsync.decide.drift import Drift, DriftField, DriftItem
from hexsync.errors import plural
from hexsync.render._common import clean, quote, short_id
from hexsync.render.markdown import code, escape

__all__ = ["render_drift_json", "render_drift_markdown", "render_drift_text"]

_SIGN = {"differs": "~", "missing": "+", "unexpected": "-", "active": "!"}
_STATE_TEXT = {
    "differs": "",
    "missing": "declared in the manifests, missing in Hex",
    "unexpected": "in Hex, but the manifests say it should not be",
    "active": "active in Hex, but the manifests deactivate this user",
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
    """``sharing.workspace: manifests APP_ONLY, Hex NONE``; members read as sentences."""
    if field.path == "members":
        where = (
            "in the manifests, not in Hex" if field.live is None else "in Hex, not in the manifests"
        )
        return f"member {clean(field.key or '')}: {where}"
    label = field.path if field.key is None else f"{field.path}[{quote(field.key)}]"
    return f"{label}: manifests {_value(field.manifests)}, Hex {_value(field.live)}"


def _workspace(drift: Drift) -> str:
    name = drift.workspace.org_name
    return f"workspace {quote(name)}" if name else f"the workspace at {drift.workspace.api_url}"


def _headline(drift: Drift) -> str:
    if not drift.found:
        return f"No drift: {_workspace(drift)} matches the manifests."
    return (
        f"Drift: {plural(len(drift.items), 'object')} in {_workspace(drift)} "
        f"no longer match the manifests ({plural(drift.field_count, 'difference')})."
    )


def render_drift_text(drift: Drift) -> str:
    lines = [_headline(drift)]
    for item in drift.items:
        head = f"  {_SIGN[item.state]} {_name(item)}"
        if _STATE_TEXT[item.state]:
            head += f": {_STATE_TEXT[item.state]}"
        if item.where:
            head += f"   ({item.where})"
        lines += ["", head]
        lines += [f"      {field_line(f)}" for f in item.fields if item.state == "differs"]
    if drift.found:
        lines += ["", NEXT_STEP.replace("`", "")]
    return "\n".join(lines) + "\n"


def _md_value(value: str | None) -> str:
    return "—" if value is None else code(value, table=True)


def render_drift_markdown(drift: Drift, *, budget: int = 60_000) -> str:
    """A GitHub or GitLab issue body: headline, one table row per field, within ``budget``."""
    out = ["## Hex drift", "", escape(_headline(drift))]
    if not drift.found:
        return "\n".join(out) + "\n"
    out += ["", "| object | field | manifests | Hex now |", "|---|---|---|---|"]
    rows: list[str] = []
    for item in drift.items:
        obj = f"{item.kind} {code(item.name, table=True)}"
        if item.state != "differs":
            rows.append(f"| {obj} | {escape(_STATE_TEXT[item.state])} | | |")
            continue
        for f in item.fields:
            label = "member" if f.path == "members" else f.path
            if f.key is not None:
                label += " " + code(f.key, table=True)
            manifests = _md_value(f.manifests)
            live = _md_value(f.live)
            rows.append(f"| {obj} | {label} | {manifests} | {live} |")
    size = sum(len(line) + 1 for line in out) + 400
    for i, row in enumerate(rows):
        if size + len(row) + 1 > budget:
            out.append(
                f"\n_{len(rows) - i} more rows left out to fit; "
                "`hexsync drift --format json` lists them all._"
            )
            break
        out.append(row)
        size += len(row) + 1
    out += ["", NEXT_STEP]
    return "\n".join(out) + "\n"


def render_drift_json(drift: Drift) -> str:
    return json.dumps(drift.data, indent=2, ensure_ascii=False) + "\n"
