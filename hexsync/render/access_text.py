"""``hexsync access project|user`` for people, rendered from the very documents ``--json``
prints (:func:`hexsync.ops.access.project_doc`, :func:`~hexsync.ops.access.user_doc`), so the
text and the JSON can never tell two stories. Pure: strings in, text out.

Every count printed is one a reviewer can check against the lines above it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from hexsync.errors import plural
from hexsync.render._common import clean
from hexsync.render.data_text import render_reads
from hexsync.values.hex_access import NO_ACCESS

__all__ = ["render_class_text", "render_project_text", "render_user_text", "role_summary"]

Style = Callable[[str], str]


def _plain(text: str) -> str:
    return text


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """``rows`` under ``headers``, each column as wide as its widest cell (last one unpadded)."""
    widths = [len(h) for h in headers]
    for row in rows:
        for i, value in enumerate(row):
            widths[i] = max(widths[i], len(value))

    def line(values: Sequence[str]) -> str:
        cells = [v if i == len(values) - 1 else v.ljust(widths[i]) for i, v in enumerate(values)]
        return "  ".join(cells).rstrip()

    return "\n".join([line(headers), *(line(r) for r in rows)])


def _people(count: int) -> str:
    return plural(count, "person", "people")


def _path_text(path: str, granted: str) -> str:
    return f"as owner ({granted})" if path == "owner" else f"via {path} ({granted})"


def _explain(person: Mapping[str, Any]) -> str:
    """``via group Analysts (CAN_EDIT), via workspace (APP_ONLY); capped at CAN_VIEW (role …)``."""
    parts = [
        f"as owner ({p['granted']})"
        if p["path"] == "owner"
        else f"via {p['path']} ({p['granted']})"
        for p in person["paths"]
    ]
    text = ", ".join(parts)
    if person.get("capped_by_role"):
        text += f"; capped at {person['level']} (role {person['capped_by_role']})"
    return text


_ROLE_NAMES = {"ADMIN": ("Admin", "Admins"), "MANAGER": ("Manager", "Managers")}


def role_summary(reach: Sequence[Mapping[str, Any]]) -> str:
    """``2 Admins (documented), 2 Managers (unconfirmed)``: the people of ``reach`` by role."""
    counts: dict[tuple[str, str], int] = {}
    for r in reach:
        key = (r["role"], r["confidence"])
        counts[key] = counts.get(key, 0) + 1
    parts = []
    for (role, confidence), n in counts.items():
        one, many = _ROLE_NAMES.get(role, (role, role))
        parts.append(f"{n} {one if n == 1 else many} ({confidence})")
    return ", ".join(parts)


def _can_text(can: Sequence[str]) -> str:
    words = {"see": "see it", "grant_self": "grant themselves Full Access"}
    return ", ".join(words.get(c, c) for c in can)


def render_project_text(doc: Mapping[str, Any], *, bold: Style = _plain) -> str:
    """``access project``: the owner, the public web, the workspace-wide paths, everyone given
    access with every path, then everyone who could reach it through their role."""
    project = doc["project"]
    lines = [bold(f"{clean(project['title'])} ({project['id']})")]
    owner = project["owner"]
    if owner is None:
        lines.append("  owner: unknown")
    elif project.get("owner_active") is False:
        lines.append(
            f"  owner: {clean(owner)} (deactivated: not an active user, so no access;"
            " transfer ownership in Hex)"
        )
    else:
        lines.append(f"  owner: {clean(owner)}")
    lines += render_reads(doc)
    public = doc["public_web"]
    if public != NO_ACCESS:
        lines.append(f"  public web: anyone with the link gets {public}  ! public")
    else:
        lines.append("  public web: not shared")
    if doc["workspace_members"]:
        wide = ", ".join(f"via {p['path']} ({p['granted']})" for p in doc["workspace_members"])
        lines.append(f"  workspace members (not Guests): {clean(wide)}  ! workspace-wide")
    lines.append("")
    people = doc["people"]
    if not people:
        lines.append("Nobody has been given access to it.")
    else:
        rows = [
            (clean(p["email"]), p["role"] or "-", p["level"], clean(_explain(p))) for p in people
        ]
        lines.append(_table(["PERSON", "ROLE", "LEVEL", "PATHS"], rows))
        lines.append("")
        lines.append(f"{_people(len(people))} can open it (given access).")
    reach = doc["role_reach"]
    if reach:
        lines += ["", 'Through their role, not a grant (Hex, "Workspace roles"):']
        rows = [
            (
                clean(r["email"]),
                r["role"],
                r["given"] or "-",
                f"{_can_text(r['can'])} ({r['confidence']})",
            )
            for r in reach
        ]
        lines.append(_table(["PERSON", "ROLE", "GIVEN", "COULD"], rows))
        lines.append("")
        without = doc["counts"]["role_reach_without_grant"]
        lines.append(
            f"{_people(len(reach))} could reach it through their role, {without} of them"
            f" without a grant: {role_summary(reach)}."
        )
    return "\n".join(lines)


def render_user_text(doc: Mapping[str, Any], *, bold: Style = _plain) -> str:
    """``access user``: every project the person has been given, the reach of their role, and
    the public projects anyone can open."""
    user = doc["user"]
    lines = [bold(f"{clean(user['email'])} ({user['role'] or 'role unknown'})")]
    projects = doc["projects"]
    if not projects:
        lines.append("Has been given access to no project.")
    else:
        # The paths last: one can run to 150 characters, and would push the id after it.
        rows = [(clean(p["title"]), p["level"], p["id"], clean(_explain(p))) for p in projects]
        lines.append(_table(["PROJECT", "LEVEL", "ID", "PATHS"], rows))
        lines.append("")
        lines.append(f"Can open {plural(len(projects), 'project')} (given access).")
    role = doc.get("role_reach")
    if role is not None:
        total, without = role["projects"], role["without_grant"]
        can = {"see": "see each", "grant_self": "grant themselves Full Access"}
        what = " and ".join(can.get(c, c) for c in role["can"])
        lines.append(
            f"Through the {role['name']} role, not a grant: could reach all"
            f" {plural(total, 'project')} ({what}; {role['confidence']}),"
            f" {without} of them without a grant."
        )
    public = doc["public_web"]
    if public:
        names = ", ".join(f'"{clean(p["title"])}"' for p in public[:5])
        more = f" and {len(public) - 5} more" if len(public) > 5 else ""
        lines.append(f"Like anyone with the link, also {len(public)} public: {names}{more}.")
    return "\n".join(lines)


def render_class_text(doc: Mapping[str, Any], *, bold: Style = _plain) -> str:
    """``access user EMAIL --class NAME``: the data of the class the person can see, and
    through which path: the projects that read it (their tables of the class, the level, every
    path), the public ones, their role's reach, and the data connections holding the class."""
    user, name = doc["user"], clean(doc["class"])
    lines = [
        bold(f"{clean(user['email'])} ({user['role'] or 'role unknown'}): data of class {name}")
    ]
    if "classes_unknown" in doc:
        lines.append(
            f"Which projects read {name} is not known ({clean(doc['classes_unknown'])}): no"
            " project is listed for that reason."
        )
    projects = doc["projects"]
    reading = plural(doc["reading"], "project")
    if projects:
        rows = [
            (clean(p["title"]), p["level"], clean(", ".join(p["tables"])), clean(_explain(p)))
            for p in projects
        ]
        lines.append(_table(["PROJECT", "LEVEL", "TABLES", "PATHS"], rows))
        lines.append("")
        lines.append(f"Can open {len(projects)} of the {reading} that read {name} (given access).")
    else:
        lines.append(f"Has been given access to none of the {reading} that read {name}.")
    role = doc.get("role_reach")
    if role is not None and role["projects"]:
        lines.append(
            f"Through the {role['name']} role, not a grant: could reach all {reading} that read"
            f" {name}, {role['without_grant']} of them without a grant."
        )
    public = doc["public_web"]
    if public:
        names = ", ".join(f'"{clean(p["title"])}"' for p in public)
        lines.append(f"Like anyone with the link, also {len(public)} public: {names}.")
    conns = doc["connections"]
    if conns:
        lines += ["", f"Data connections holding {name}:"]
        for c in conns:
            why = ", ".join(f"via {clean(p['via'])} ({p['level']})" for p in c["paths"])
            what = "can query" if c["level"] == "QUERY" else "sees query results of"
            held = clean(", ".join(c["tables"]))
            lines.append(f"  {what} {clean(c['connection'])} ({held}): {why}")
    return "\n".join(lines)
