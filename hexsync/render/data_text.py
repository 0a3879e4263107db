"""``hexsync access connection`` (and the data answers of docs/data.md) for people, rendered
from the very documents ``--json`` prints. Pure: documents in, text out."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from hexsync.errors import plural
from hexsync.render._common import clean

__all__ = ["render_connection_text", "render_reads"]

Style = Callable[[str], str]


def _plain(text: str) -> str:
    return text


def render_connection_text(doc: Mapping[str, Any], *, bold: Style = _plain) -> str:
    """Who can query the connection and why; who sees its results; the audiences and groups."""
    conn = doc["connection"]
    sharing = doc["sharing"]
    people = doc["people"]
    query = [p for p in people if p["level"] == "QUERY"]
    results = [p for p in people if p["level"] != "QUERY"]
    lines = [
        bold(f"Data connection {clean(conn['name'])} ({conn.get('type') or 'unknown type'})"),
        f"  workspace members: {sharing['members']}, guests: {sharing['guests']},"
        f" public: {sharing['public']}",
    ]
    groups = sharing["groups"]
    if groups:
        shown = ", ".join(f"{clean(n)} {level}" for n, level in groups.items())
        lines.append(f"  groups: {shown}")
    if sharing.get("schema_refresh_access"):
        lines.append(f"  schema refresh: {sharing['schema_refresh_access']}")
    lines.append("")
    lines.append(bold(f"Can query: {plural(len(query), 'person', 'people')}"))
    lines += [_person(p) for p in query] or ["  nobody"]
    if results:
        lines.append("")
        lines.append(bold(f"Can see results only: {plural(len(results), 'person', 'people')}"))
        lines += [_person(p) for p in results]
    if doc["admins"]:
        lines.append("")
        lines.append(
            "Admins manage every data connection and its sharing (reach, not a grant): "
            + ", ".join(doc["admins"])
        )
    for note in doc["notes"]:
        lines.append(f"note: {clean(note)}")
    return "\n".join(lines)


def _person(p: Mapping[str, Any]) -> str:
    why = ", ".join(f"via {clean(path['via'])} ({path['level']})" for path in p["paths"])
    role = f" [{p['role']}]" if p.get("role") else ""
    return f"  {p['email']}{role}  {why}"


def render_reads(doc: Mapping[str, Any]) -> list[str]:
    """``access project``'s lines on the data classes it reads (none without classes)."""
    if "classes_unknown" in doc:
        return [f"  data classes: not known ({clean(doc['classes_unknown'])})"]
    if "classes" not in doc:
        return []
    found = doc["classes"]
    if not found:
        return ["  data classes: reads none of data.classes"]
    return [
        f"  reads {clean(name)}: {clean(', '.join(tables))}  ! {clean(name)}"
        for name, tables in found.items()
    ]
