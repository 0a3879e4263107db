"""The access report (``hexsync access report``) as JSON or CSV.

Both take the report value that :meth:`hexsync.decide.access_engine.AccessEngine.report` builds
(the form of
``schemas/access-report.schema.json``), so the renderers stay below the engine and do no I/O.
The HTML page is :func:`hexsync.render.access_html.render_access_html`.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from typing import Any

from hexsync.values.hex_access import level_or_none

__all__ = ["path_text", "render_access_csv", "render_access_json"]

CSV_COLUMNS = ("project_id", "project", "principal", "kind", "role", "level", "paths")


def render_access_json(report: Mapping[str, Any]) -> str:
    """The report, compact (it can hold 10,000 projects), ending with a newline."""
    return json.dumps(report, ensure_ascii=False, separators=(",", ":")) + "\n"


def path_text(paths: Sequence[Sequence[str]]) -> str:
    """``group Analysts (CAN_EDIT); workspace (APP_ONLY)``."""
    return "; ".join(f"{name} ({level})" for name, level in paths)


def _cell(value: str) -> str:
    # A cell a spreadsheet would run as a formula is quoted with a leading apostrophe.
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def render_access_csv(report: Mapping[str, Any]) -> str:
    """One row per project and principal: every person with a named path (their whole
    effective level and paths), one ``workspace members`` row for what every other member
    gets, one ``public web`` row when the project is public. Viewers listed under
    ``workspace members`` get at most CAN_VIEW (docs/access.md)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    people = report["people"]
    levels = report["levels"]
    sets = report["path_sets"]
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
        if level_or_none(p["public_web"]) is not None:
            writer.writerow((*head, "public web", "public_web", "", p["public_web"], "public web"))
    return out.getvalue()
