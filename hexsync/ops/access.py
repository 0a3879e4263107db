"""What ``hexsync access`` and the MCP tools read: the workspace at the request floor, every
shared group's members, and, with manifests, the state the plan would leave.

Reads: ListProjects with sharing (100 per request), users and groups (500 per request),
collections with their sharing (100 per request), ``users/me``, and the members of every group
a project or a collection is shared with (Σ ceil(members/500)); never a request per project.

Then the answers, as ``access project|user --json`` and the MCP tools give them: a project or a
user of that state by name (close matches when unknown), and the JSON documents.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import functools
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

from hexsync._version import __version__
from hexsync.decide import projection
from hexsync.decide.access_engine import (
    REPORT_FORMAT_VERSION,
    AccessEngine,
    Grant,
    against_live,
    live_from_report,
    shared_groups,
)
from hexsync.errors import HexsyncError, did_you_mean, excerpt
from hexsync.hexapi import HexClient
from hexsync.ops.resolve import is_uuid
from hexsync.planning.planner import build_plan
from hexsync.readers.tables import TablesProgress, TablesStore, read_data
from hexsync.readers.workspace import read_live, read_members, read_users
from hexsync.render.access_report import data_digest, sealed
from hexsync.values.data_classes import DataView, needs_tables
from hexsync.values.desired import Access, Desired, FrozenMap, TablePattern
from hexsync.values.hex_access import role_reach
from hexsync.values.kinds import Kind
from hexsync.values.live import Live, LiveProject, LiveUser
from hexsync.values.plan import Plan

__all__ = [
    "AccessState",
    "find_project",
    "find_user",
    "from_note",
    "match_project",
    "now_utc",
    "project_doc",
    "public_projects",
    "read_access",
    "read_saved_report",
    "reads_data",
    "report_of",
    "resolve_user",
    "user_doc",
]


@dataclass(frozen=True)
class AccessState:
    """The engine over the state asked for, the reading behind it, and the plan if any."""

    engine: AccessEngine
    live: Live
    plan: Plan | None = None
    read_at: str | None = None  # when the reading began, ISO 8601 UTC ("…Z")
    saved: Mapping[str, Any] | None = None  # the saved report answered from (--from)
    saved_from: str | None = None  # its file
    # data.classes of the manifests given (docs/data.md): the projects' tables were read
    classes: FrozenMap[str, tuple[TablePattern, ...]] = field(default_factory=FrozenMap)

    @property
    def data(self) -> DataView:
        """The classes over the tables read (of the state asked about)."""
        return DataView(self.classes, self.engine.live.data)

    @property
    def source(self) -> str:
        if self.saved is not None:
            return str(self.saved["source"])
        return "live" if self.plan is None else "planned"

    def stamped(self, doc: dict[str, Any]) -> dict[str, Any]:
        """An answer from a saved report says so: ``from`` (the file) and ``as_of`` (when that
        report was read); a fresh answer is as of now and carries neither."""
        if self.saved is None:
            return doc
        return {**doc, "from": self.saved_from, "as_of": self.read_at}


async def read_access(
    client: HexClient,
    desired: Desired | None = None,
    *,
    saved: Plan | None = None,
    progress: Callable[[int], None] | None = None,
    person: str | None = None,
    connections: bool = False,
    classes: Mapping[str, tuple[TablePattern, ...]] | None = None,
    tables: TablesStore | None = None,
    tables_progress: Callable[[TablesProgress], None] | None = None,
) -> AccessState:
    """Read the workspace (and plan ``desired`` against it, or take a ``saved`` plan's changes)
    for the access engine.

    With manifests or a saved plan the answer is the state after the plan, refusals or not: a
    reviewer asks what a change would do before it is allowed (``max_destroy`` is not applied).
    ``person``: the user ``access user`` asks about, checked against the users listing before
    the rest is read (:func:`resolve_user`). ``connections``: list the data connections too
    (docs/data.md). ``classes`` (the ``data.classes`` of manifests): read the projects'
    queried tables through ``tables`` too, to say which classes each project reads (as the
    plan does when ``desired`` uses data classes; declared alone, they cost nothing).
    """
    read_at = now_utc()
    users: list[LiveUser] | None = None
    start = client.counters.total_requests
    if person is not None:
        # The person asked about first: a name that is not an email, or nobody active, fails
        # after one listing, not after the whole workspace.
        users = await read_users(client)
        resolve_user({u.email: u for u in users}, person)
    live = await read_live(
        client, desired, progress=progress, users_read=users, connections=connections
    )
    if users is not None:
        live = dataclasses.replace(live, read_requests=client.counters.total_requests - start)
    named = FrozenMap(classes or {})
    if named or (desired is not None and needs_tables(desired)):
        live = await read_data(client, live, tables, progress=tables_progress)
    if desired is None and saved is None:
        live = await read_members(client, live, shared_groups(live))
        return AccessState(AccessEngine(live), live, read_at=read_at, classes=named)
    if saved is not None and saved.workspace.org_id != live.org_id:
        raise HexsyncError(
            f"the saved plan was made for workspace {saved.workspace.org_id}, this token reads"
            f" {live.org_id}",
            hint="give the plan of this workspace, or its manifests",
        )
    plan = saved or build_plan(
        desired or Desired(), live, allow_destroy=True, api_url=client.base_url
    )
    after = projection.project(live, plan.changes)
    touched = {c.name for c in plan.changes if c.kind is Kind.GROUP}
    live = await read_members(client, live, shared_groups(live) | shared_groups(after) | touched)
    after = projection.project(live, plan.changes)
    return AccessState(AccessEngine(after), live, plan, read_at, classes=named)


MAX_REPORT_BYTES = 500_000_000  # a report of 10,000 projects by 2,000 people is about 12 MB


def read_saved_report(path: Path) -> AccessState:
    """The state a saved JSON report (``access report --out access.json``) was read in, to
    answer from it without a token or a request (``--from``): the file is checked (a JSON
    report, of this format, whose data still matches its ``data_sha256``) before it is trusted.
    """
    shown = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_REPORT_BYTES:
            raise HexsyncError(
                f"{shown}: {size / 1_000_000:.0f} MB is more than a report of hexsync's can be",
                hint="give the JSON written by `hexsync access report --out FILE.json`",
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise HexsyncError(f"{shown}: cannot read it: {exc.strerror or exc}") from exc
    try:
        report = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise HexsyncError(
            f"{shown}: not a JSON access report ({exc})",
            hint="give the JSON written by `hexsync access report --out FILE.json`"
            " (the CSV and the page cannot be read back)",
        ) from None
    if not isinstance(report, dict) or report.get("format_version") != REPORT_FORMAT_VERSION:
        raise HexsyncError(
            f"{shown}: not an access report of format {REPORT_FORMAT_VERSION}",
            hint="give the JSON written by `hexsync access report --out FILE.json`",
        )
    problem = next(iter(_report_schema().iter_errors(report)), None)
    if problem is not None:
        where = "/".join(str(p) for p in problem.absolute_path) or "the document"
        raise HexsyncError(
            f"{shown}: not an access report: at {where}: {excerpt(problem.message, 120)}",
            hint="give the JSON written by `hexsync access report --out FILE.json`",
        )
    if report["data_sha256"] != data_digest(report):
        raise HexsyncError(
            f"{shown}: its data does not match its data_sha256: the report was changed after"
            " hexsync wrote it",
            hint="answer from the report as written, or read the workspace again",
        )
    live = live_from_report(report)
    return AccessState(
        AccessEngine(live), live, read_at=report["read_at"], saved=report, saved_from=shown
    )


@functools.cache
def _report_schema() -> Draft202012Validator:
    text = (
        resources.files("hexsync").joinpath("schemas/access-report.schema.json").read_text("utf-8")
    )
    return Draft202012Validator(json.loads(text))


def from_note(state: AccessState) -> str:
    """What an answer from a saved report says first (on stderr): which file, as of when."""
    report = state.saved or {}
    planned = " (as planned, not applied)" if report.get("source") == "planned" else ""
    return (
        f"From {state.saved_from}, as of {state.read_at or 'an unknown time'}{planned}:"
        f" the workspace as hexsync {report.get('hexsync_version', '?')} read it then;"
        " nothing was read from Hex now."
    )


def now_utc() -> str:
    """Now, as the report writes a time: ISO 8601 in UTC to the second, ``2025-06-01T09:30:00Z``."""
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def report_of(state: AccessState, api_url: str | None) -> dict[str, Any]:
    """The access report (``schemas/access-report.schema.json``) of ``state``: the engine's
    matrix, when and by which hexsync it was read, what an as-planned state would change
    against live (``vs_live`` per project), sealed with the digest of its data."""
    if state.saved is not None:
        return dict(state.saved)  # as written: its digest and time stay those of its reading
    report = state.engine.report(source=state.source, api_url=api_url)
    report["read_at"] = state.read_at
    report["hexsync_version"] = __version__
    if state.plan is not None:
        moved = against_live(AccessEngine(state.live), state.engine)
        for project in report["projects"]:
            found = moved.get(project["id"])
            if found is not None:
                project["vs_live"] = found
    if state.classes:
        _report_classes(state, report)
    return sealed(report)


def _report_classes(state: AccessState, report: dict[str, Any]) -> None:
    """The data classes in the report (docs/data.md): the classes declared, and per project
    the classes it reads with their tables, from the facts ``access project`` answers with;
    when the tables are not known, why, and no project's classes."""
    view = state.data
    unknown = None
    if not view.known:
        facts = view.facts
        unknown = (facts.unavailable if facts is not None else None) or (
            "the queried tables were not read"
        )
    report["data_classes"] = {"classes": list(state.classes), "unknown": unknown}
    if unknown is not None:
        return
    for project in report["projects"]:
        found = view.classes_of(project["id"])
        project["classes"] = {name: [str(t) for t in tables] for name, tables in found.items()}


def find_project(state: AccessState, ref: str) -> LiveProject:
    """A project of the state by id, title, or a part of one title (see :func:`match_project`)."""
    return match_project(state, ref)[0]


_SHOWN_CANDIDATES = 10


def _titles(projects: list[LiveProject]) -> str:
    names = sorted({p.title for p in projects}, key=str.casefold)
    shown = ", ".join(json.dumps(t, ensure_ascii=False) for t in names[:_SHOWN_CANDIDATES])
    more = len(names) - _SHOWN_CANDIDATES
    return shown + (f" and {more} more" if more > 0 else "")


def match_project(state: AccessState, ref: str) -> tuple[LiveProject, str | None]:
    """A project of the state by id or exact title, else by the one title that begins with
    ``ref`` (any case), else the one that contains it; and the note to show when it was taken
    by a part of its title (None for an id or the exact title). Several matches: an error that
    lists them; none: an error with close matches."""
    projects = state.engine.projects
    if is_uuid(ref) and ref.lower() in projects:
        return projects[ref.lower()], None
    found = [p for p in projects.values() if ref in (p.title, p.id)]
    if len(found) > 1:
        ids = ", ".join(sorted(p.id for p in found))
        raise HexsyncError(f"{len(found)} projects are titled {ref!r}: {ids}", hint="use its id")
    if found:
        return found[0], None
    wanted = ref.strip().casefold()
    for how, test in (
        ("begins with", lambda t: t.casefold().startswith(wanted)),
        ("contains", lambda t: wanted in t.casefold()),
    ):
        hits = [p for p in projects.values() if wanted and test(p.title)]
        if len(hits) == 1:
            title = json.dumps(hits[0].title, ensure_ascii=False)
            return hits[0], f"{ref!r} is taken as {title}, the only project title that {how} it"
        if hits:
            raise HexsyncError(
                f"{ref!r} matches {len(hits)} projects: {_titles(hits)}",
                hint="give the whole title, or the id",
            )
    titles = {p.title for p in projects.values()}
    hint = did_you_mean(ref, titles)
    if hint is None and wanted:
        # A mistyped beginning ("Revnue") is close to the start of the title it meant.
        near = sorted(
            t
            for t in titles
            if difflib.SequenceMatcher(None, wanted, t.casefold()[: len(wanted)]).ratio() >= 0.8
        )[:3]
        hint = ("did you mean " + " or ".join(repr(t) for t in near) + "?") if near else None
    raise HexsyncError(
        f"no project titled {ref!r}",
        hint=hint
        or "name it by its title (or a part of it) or id; list them with: hexsync projects list",
    )


def _paths(g: Grant) -> list[dict[str, str]]:
    return [{"path": p.label, "granted": p.granted.value} for p in g.paths]


def _grant_data(g: Grant) -> dict[str, Any]:
    out: dict[str, Any] = {"level": g.level.value, "paths": _paths(g)}
    if g.capped:
        out["capped_by_role"] = g.role
    return out


def find_user(state: AccessState, email: str) -> LiveUser:
    """An active user of the state by email (any case); else an error that says why (see
    :func:`resolve_user`), or that the plan deactivates them."""
    wanted = email.strip().lower()
    if "@" in wanted and wanted not in state.engine.users and wanted in state.live.users:
        raise HexsyncError(
            f"{wanted} is deactivated by the plan: no access at all",
            hint="deactivated users cannot sign in; their grants give nothing",
        )
    return resolve_user(state.engine.users, email)


def resolve_user(users: Mapping[str, LiveUser], ref: str) -> LiveUser:
    """The active user whose email is ``ref`` (any case). Otherwise an error that points at no
    one else but for a one-character typo of an address:

    - not an email (``judy``): says so, and names the people it could be (their email's
      local part, or a word of their name);
    - an email of nobody active (``mallory@acme.com``): says that Hex lists only active users,
      so a deactivated user (who has no access) and an unknown address read alike.
    """
    wanted = ref.strip().lower()
    user = users.get(wanted)
    if user is not None:
        return user
    if "@" not in wanted:
        could = sorted(
            (
                u
                for u in users.values()
                if wanted
                and (
                    u.email.split("@", 1)[0] == wanted
                    or wanted in (u.name or "").casefold().split()
                )
            ),
            key=lambda u: u.email,
        )
        named = ", ".join(f"{u.email} ({u.name})" if u.name else u.email for u in could[:5])
        if len(could) == 1:
            hint = f"did you mean {named}?"
        elif could:
            hint = f"it could be {named}" + (" and more" if len(could) > 5 else "")
        else:
            hint = "give the person's email; list them with: hexsync users list"
        raise HexsyncError(f"{ref.strip()!r} is not an email address", hint=hint)
    typos = sorted(e for e in users if _one_edit(wanted, e))
    hint = (
        "did you mean " + " or ".join(repr(e) for e in typos[:3]) + "? (another address)"
        if typos
        else "Hex lists only active users: a deactivated user (who has no access) and an"
        " address Hex does not know read alike; list them with: hexsync users list"
    )
    raise HexsyncError(f"{wanted} is not an active user of this workspace", hint=hint)


def _one_edit(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with one character changed, added, removed, or two neighbours
    swapped: a typo, not another name."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
        return len(diff) == 1 or (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = next((n for n, (x, y) in enumerate(zip(short, long_, strict=False)) if x != y), len(short))
    return short[i:] == long_[i + 1 :]


def public_projects(state: AccessState) -> list[LiveProject]:
    engine = state.engine
    return sorted(
        (p for p in engine.projects.values() if engine.project(p.id).public_web is not Access.NONE),
        key=lambda p: (p.title, p.id),
    )


def project_doc(state: AccessState, found: LiveProject) -> dict[str, Any]:
    """``access project --json`` (and the MCP tool ``who_can_access``).

    ``people`` are those given access (a grant, by any path); ``role_reach`` those who could
    reach it through their workspace role (an Admin), given access or not: two questions, two
    lists (docs/access.md, "Role-based reach")."""
    engine = state.engine
    pa = engine.project(found.id)
    users = engine.users
    people = engine.people(found.id)
    roles = engine.role_paths(found.id)
    return state.stamped(
        {
            **reads_data(state, found.id),
            "source": state.source,
            "project": {
                "id": found.id,
                "title": found.title,
                "owner": found.owner,
                "owner_active": None if found.owner is None else found.owner in users,
            },
            "public_web": pa.public_web.value,
            "workspace_members": [{"path": p.label, "granted": p.granted.value} for p in pa.wide],
            "people": [
                {"email": g.email, "name": users[g.email].name, "role": g.role, **_grant_data(g)}
                for g in people
            ],
            "role_reach": [{**r.data, "name": users[r.email].name} for r in roles],
            "counts": {
                "given_access": len(people),
                "role_reach": len(roles),
                "role_reach_without_grant": sum(1 for r in roles if r.given is Access.NONE),
            },
        }
    )


def reads_data(state: AccessState, project_id: str) -> dict[str, Any]:
    """What a project reads, when data classes were given: ``classes`` (each class it reads,
    with its tables of that class), or ``classes_unknown`` (why its tables are not known)."""
    if not state.classes:
        return {}
    view = state.data
    if not view.known:
        facts = view.facts
        why = facts.unavailable if facts is not None else None
        return {"classes_unknown": why or "the queried tables were not read"}
    found = view.classes_of(project_id)
    return {"classes": {name: [str(t) for t in tables] for name, tables in found.items()}}


def user_doc(state: AccessState, user: LiveUser) -> dict[str, Any]:
    """``access user --json`` (and the MCP tool ``what_can_user_access``).

    ``projects`` are those they have been given access to; ``role_reach`` (None for most roles)
    what their workspace role lets them reach without a grant: every project."""
    engine = state.engine
    projects = engine.projects
    grants = engine.of_user(user.email)
    reach = role_reach(user.role)
    role: dict[str, Any] | None = None
    if reach is not None:
        role = {
            **reach.data,
            "source": "; ".join(dict.fromkeys(c.source for c in reach.capabilities)),
            "projects": len(projects),
            "without_grant": len(projects) - len(grants),
        }
    return state.stamped(
        {
            "source": state.source,
            "user": {"email": user.email, "name": user.name, "role": user.role},
            "projects": [
                {"id": g.project_id, "title": projects[g.project_id].title, **_grant_data(g)}
                for g in grants
            ],
            "role_reach": role,
            "public_web": [
                {"id": p.id, "title": p.title, "level": engine.project(p.id).public_web.value}
                for p in public_projects(state)
            ],
        }
    )
