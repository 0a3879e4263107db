"""The access report (``hexsync access report``) as JSON or CSV.

Both take the report value that :meth:`hexsync.decide.access_engine.AccessEngine.report` builds
(the form of
``schemas/access-report.schema.json``), so the renderers stay below the engine and do no I/O.
The HTML page is :func:`hexsync.render.access_html.render_access_html`.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from hexsync.values.hex_access import level_or_none

__all__ = [
    "data_digest",
    "path_text",
    "person_rows",
    "provenance",
    "render_access_csv",
    "render_access_csv_compact",
    "render_access_json",
    "role_text",
    "sealed",
]

CSV_COLUMNS = (
    "project_id",
    "project",
    "public_web",
    "email",
    "name",
    "role",
    "level",
    "paths",
    "role_reach",
    "role_reach_confidence",
)
COMPACT_COLUMNS = ("project_id", "project", "principal", "kind", "role", "level", "paths")


def data_digest(report: Mapping[str, Any]) -> str:
    """SHA-256 (hex) of the report's data: its canonical JSON (keys sorted, no spaces, UTF-8)
    without ``data_sha256`` itself. The page, the JSON and the CSV of one reading carry the
    same value, so each can be tied to the others and checked (docs/access.md, "Evidence")."""
    body = {k: v for k, v in report.items() if k != "data_sha256"}
    text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def sealed(report: Mapping[str, Any]) -> dict[str, Any]:
    """The report with its ``data_sha256``."""
    return {**report, "data_sha256": data_digest(report)}


def provenance(report: Mapping[str, Any]) -> str:
    """``workspace "Acme" (org 5a8591dd-…), read 2025-06-01T09:30:00Z, hexsync 0.1.0, data
    sha256 …``: what the report is evidence of, in one line."""
    name = report.get("org_name")
    workspace = f"workspace {json.dumps(name, ensure_ascii=False)}" if name else "workspace"
    state = "as planned (not applied)" if report.get("source") == "planned" else "as read"
    return (
        f"{workspace} (org {report['org_id']}), {state} at {report.get('read_at') or 'unknown'}"
        f" by hexsync {report.get('hexsync_version') or 'unknown'}, data sha256"
        f" {report.get('data_sha256') or data_digest(report)}"
    )


def render_access_json(report: Mapping[str, Any]) -> str:
    """The report, compact (it can hold 10,000 projects), ending with a newline."""
    return json.dumps(report, ensure_ascii=False, separators=(",", ":")) + "\n"


def path_text(paths: Sequence[Sequence[str]]) -> str:
    """``group Analysts (CAN_EDIT); workspace (APP_ONLY)``."""
    return "; ".join(f"{name} ({level})" for name, level in paths)


def _cell(value: str) -> str:
    # A cell a spreadsheet would run as a formula is quoted with a leading apostrophe.
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


_CAN = {"see": "see it", "grant_self": "grant themselves {level}"}


def role_text(role: Mapping[str, Any]) -> str:
    """``see it; grant themselves FULL_ACCESS``: what a role reaches, without a grant."""
    return "; ".join(_CAN[c].format(level=role["grants_self"]) for c in role["can"])


def person_rows(
    report: Mapping[str, Any],
) -> Iterator[tuple[dict[str, Any], list[tuple[int, int | None, int | None]]]]:
    """Per project, one entry per person with access or role reach, by email:
    ``(person index, level index or None, path set index or None)``. Workspace-wide paths are
    expanded to every workspace member (a Viewer capped at CAN_VIEW, never a Guest); a person
    reached through their role only has no level and no paths."""
    people = report["people"]
    levels = report["levels"]
    cap = levels.index("CAN_VIEW")
    reaching = {r["role"] for r in report.get("roles", ())}
    members = [i for i, p in enumerate(people) if p["workspace_member"]]
    by_role = [i for i, p in enumerate(people) if p["role"] in reaching]
    for p in report["projects"]:
        named = {row[0]: (row[1], row[2]) for row in p["people"]}
        found: dict[int, tuple[int | None, int | None]] = dict(named)
        wide = p["everyone_paths"]
        if wide is not None:
            everyone = levels.index(p["everyone_level"])
            for i in members:
                if i not in found:
                    level = min(everyone, cap) if people[i]["viewer"] else everyone
                    found[i] = (level, wide)
        for i in by_role:
            found.setdefault(i, (None, None))
        yield p, [(i, *found[i]) for i in sorted(found)]


def _comment(report: Mapping[str, Any]) -> str:
    """The CSV's first line: ``# hexsync access report: <provenance>`` (one line, whatever the
    workspace's name holds)."""
    text = provenance(report).replace("\r", " ").replace("\n", " ")
    return f"# hexsync access report: {text}\n"


def render_access_csv(report: Mapping[str, Any]) -> str:
    """One row per person and project: everyone with access, by any path (the workspace-wide
    ones expanded to each workspace member), and everyone who could reach it through their
    role (``role_reach``; ``level`` empty when they have not been given access). The row count
    is the count of (person, project) pairs; ``public_web`` is the project's (docs/access.md).
    The first line, ``# hexsync access report: …``, says what it is evidence of."""
    out = io.StringIO()
    out.write(_comment(report))
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    people = report["people"]
    levels = report["levels"]
    sets = report["path_sets"]
    roles = {r["role"]: r for r in report.get("roles", ())}
    for p, rows in person_rows(report):
        head = (p["id"], _cell(p["title"]), p["public_web"])
        for person, level, paths in rows:
            who = people[person]
            role = roles.get(who["role"] or "")
            writer.writerow(
                (
                    *head,
                    _cell(who["email"]),
                    _cell(who["name"] or ""),
                    who["role"] or "",
                    "" if level is None else levels[level],
                    "" if paths is None else _cell(path_text(sets[paths])),
                    "" if role is None else role_text(role),
                    "" if role is None else role["confidence"],
                )
            )
    return out.getvalue()


def render_access_csv_compact(report: Mapping[str, Any]) -> str:
    """One row per project and principal: every person with a named path (their whole
    effective level and paths), one ``workspace members`` row for what every other member
    gets, one row per role that reaches every project and that someone holds (kind ``role``),
    one ``public web`` row when the project is public. Viewers listed under ``workspace
    members`` get at most CAN_VIEW (docs/access.md)."""
    out = io.StringIO()
    out.write(_comment(report))
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COMPACT_COLUMNS)
    people = report["people"]
    levels = report["levels"]
    sets = report["path_sets"]
    held = {who["role"] for who in people}
    roles = [r for r in report.get("roles", ()) if r["role"] in held]
    for p in report["projects"]:
        head = (p["id"], _cell(p["title"]))
        for person, level, paths in p["people"]:
            who = people[person]
            writer.writerow(
                (
                    *head,
                    _cell(who["email"]),
                    "person",
                    who["role"] or "",
                    levels[level],
                    _cell(path_text(sets[paths])),
                )
            )
        if p["everyone_paths"] is not None:
            wide = path_text(sets[p["everyone_paths"]])
            row = ("workspace members", "workspace", "", p["everyone_level"], _cell(wide))
            writer.writerow((*head, *row))
        for role in roles:
            text = f"{role_text(role)} ({role['confidence']})"
            writer.writerow((*head, f"role {role['role']}", "role", role["role"], "", text))
        if level_or_none(p["public_web"]) is not None:
            writer.writerow((*head, "public web", "public_web", "", p["public_web"], "public web"))
    return out.getvalue()
