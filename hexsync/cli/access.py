"""``hexsync access project|user|report``: who can see what, and why (docs/access.md)."""

from __future__ import annotations

import asyncio
import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from hexsync.cli._files import ReadCounter, check_writable_file, tables_progress, write_atomically
from hexsync.cli._output import format_options, heading, table, to_json
from hexsync.cli._resolve import options
from hexsync.cli.client_factory import build_client
from hexsync.decide.findings import Finding, findings
from hexsync.errors import HexsyncError, plural
from hexsync.manifest import load
from hexsync.ops.access import (
    AccessState,
    find_user,
    from_note,
    match_project,
    project_doc,
    read_access,
    read_saved_report,
    report_of,
    user_doc,
)
from hexsync.ops.data_access import class_doc, connection_doc, find_class, find_connection
from hexsync.ops.findings import DEFAULT_INACTIVE, findings_doc, inactive_span, read_findings
from hexsync.ops.tables import CACHE_DIR, FileTablesStore, TablesAnswer, read_tables
from hexsync.planning.saved_plan import read_plan
from hexsync.readers.workspace import read_live
from hexsync.render.access_html import render_access_html
from hexsync.render.access_report import (
    render_access_csv,
    render_access_csv_compact,
    render_access_json,
    sealed,
)
from hexsync.render.access_text import render_class_text, render_project_text, render_user_text
from hexsync.render.data_text import render_connection_text
from hexsync.values.plan import Plan

_AS_PLANNED = click.option(
    "--as-planned",
    "as_planned",
    multiple=True,
    metavar="PATH",
    type=click.Path(path_type=str),
    help="Answer for the state these manifests (repeat for several paths), or one saved plan "
    "(plan.json), would leave.",
)
_FROM = click.option(
    "--from",
    "saved",
    metavar="FILE",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Answer from a saved JSON report (access report --out access.json), as of when it was "
    "read: no token, no request.",
)
_JSON = format_options(as_bool=True, dest="as_json", help="text: for people; json: for scripts.")
_CLASSES = click.option(
    "--manifests",
    "manifests",
    multiple=True,
    metavar="PATH",
    type=click.Path(path_type=str),
    help="Say which data classes projects read, by these manifests' data.classes (repeat for "
    "several paths; nothing is planned). Reads the projects' queried tables, through the cache "
    "under .hexsync/ (docs/data.md).",
)


def _at_options(function: Any) -> Any:
    """``--at TIME`` (with ``--db``, ``--store-workspace``): the answer from `hexsync serve`'s
    store. Not ``--workspace``: that is the global option (hexsync.yaml's workspace), whose name
    is also the default name in the store."""
    function = click.option(
        "--store-workspace",
        "at_workspace",
        help="With --at: the workspace's name in the store (default: -w's, when given).",
    )(function)
    function = click.option(
        "--db",
        "at_db",
        help="With --at: the store, as given to `hexsync serve` (env HEXSYNC_SERVE_DB).",
    )(function)
    return click.option(
        "--at",
        "at",
        metavar="TIME",
        help="Answer as of this moment (2027-01-03T10:00, UTC unless an offset is given) from the "
        "snapshots `hexsync serve` stored: no Hex token needed.",
    )(function)


def _as_of(ctx: click.Context) -> dict[str, Any]:
    """The JSON keys that say an answer came from a stored snapshot (empty: it did not)."""
    return dict(ctx.meta.get("hexsync.as_of", {}))


def _state_at(ctx: click.Context, at: str, db: str | None, workspace: str | None) -> AccessState:
    from hexsync.cli.serve import open_store  # noqa: PLC0415 - the serve extra
    from hexsync.ops.history import access_at, parse_when, pick_workspace  # noqa: PLC0415
    from hexsync.store import iso  # noqa: PLC0415

    store = open_store(db, create=False)
    try:
        name = pick_workspace(store, workspace or ctx.obj.workspace_name)
        answer = access_at(store, name, parse_when(at))
    finally:
        store.close()
    ctx.meta["hexsync.as_of"] = {
        "source": "snapshot",
        "at": iso(answer.at),
        "snapshot_taken_at": iso(answer.taken_at),
    }
    click.echo(
        f"As of {iso(answer.at)}: the workspace {name!r} as `hexsync serve` read it at "
        f"{iso(answer.taken_at)} (unchanged until at least then).",
        err=True,
    )
    return answer.state


@click.group(short_help="Effective access: who can see what, and why.")
def access() -> None:
    """Effective access to projects: every person, their level, and every path to it.

    Paths: owner, direct share, group membership, collections (shared with the person, their
    group or the workspace), the workspace; the highest wins, a Viewer is capped at Can View,
    Guests are not workspace members, deactivated users have none. See docs/access.md.
    """


def _saved_plan(paths: tuple[str, ...]) -> Plan | None:
    """A saved plan (``plan --out plan.json``) given to --as-planned, else None (manifests)."""
    if len(paths) != 1 or not paths[0].lower().endswith(".json"):
        return None
    # Checked as `show` checks it (size, JSON, schema, checksum); nothing is applied, so an
    # unsigned reading is enough.
    return read_plan(Path(paths[0]), verify=False)


def _state(
    ctx: click.Context,
    as_planned: tuple[str, ...],
    saved_report: Path | None = None,
    person: str | None = None,
    connections: bool = False,
    at: str | None = None,
    db: str | None = None,
    workspace: str | None = None,
    manifests: tuple[str, ...] = (),
    data_class: bool = False,
) -> AccessState:
    if at is not None:
        if as_planned or saved_report is not None or manifests:
            raise click.UsageError("--at excludes --as-planned, --from and --manifests")
        return _state_at(ctx, at, db, workspace)
    if db is not None or workspace is not None:
        raise click.UsageError("--db and --store-workspace go with --at")
    if saved_report is not None and manifests:
        raise HexsyncError(
            "--from answers from a saved report, which holds no queried tables",
            hint="drop --manifests, or read the workspace again",
        )
    if saved_report is not None:
        if as_planned:
            raise HexsyncError(
                "--from answers from a saved report; --as-planned needs a reading of the workspace",
                hint="give one or the other (a saved as-planned report answers as planned)",
            )
        state = read_saved_report(saved_report)
        click.echo(from_note(state), err=True)
        return state
    saved = _saved_plan(as_planned)
    desired = load(as_planned) if as_planned and saved is None else None
    classes = load(manifests).classes if manifests else None
    if classes is None and data_class and desired is not None:
        classes = desired.classes  # --class with --as-planned: the classes those declare
    if manifests and not classes:
        raise HexsyncError(
            f"--manifests {' '.join(manifests)}: no data.classes declared there",
            hint="declare them: data: {classes: {pii: ['Connection:schema.table']}} (docs/data.md)",
        )
    client = build_client(options(ctx))
    progress = ReadCounter(client.base_url, sys.stderr)

    async def run() -> AccessState:
        async with client:
            return await read_access(
                client,
                desired,
                saved=saved,
                progress=progress,
                person=person,
                connections=connections,
                classes=classes,
                tables=FileTablesStore(),
                tables_progress=tables_progress(sys.stderr),
            )

    state = asyncio.run(run())
    progress.count = state.live.read_requests
    progress.done()
    if not state.live.full_visibility:
        click.echo(
            "note: this token acts as one user and sees only what they may see: the answer covers"
            " what it can read (a workspace token or an admin's sees everything).",
            err=True,
        )
    if state.plan is not None:
        note = f"As planned by {', '.join(as_planned)}: {len(state.plan.changes)} changes"
        if state.plan.refusals:
            codes = ", ".join(sorted({r.code for r in state.plan.refusals}))
            note += f" (the plan is refused as it stands: {codes})"
        click.echo(note + ".", err=True)
    return state


@access.command("project")
@click.argument("project")
@_AS_PLANNED
@_FROM
@_at_options
@_CLASSES
@_JSON
@click.pass_context
def access_project(
    ctx: click.Context,
    project: str,
    as_planned: tuple[str, ...],
    saved: Path | None,
    at: str | None,
    at_db: str | None,
    at_workspace: str | None,
    manifests: tuple[str, ...],
    as_json: bool,
) -> None:
    """Everyone who can open PROJECT (title or id), their level and every path to it; with
    data classes (--manifests, or --as-planned manifests that declare them), which it reads.

    \b
    Examples:
      hexsync access project "Revenue overview"
      hexsync access project "Revenue overview" --as-planned manifests/
      hexsync access project "Revenue overview" --at 2027-01-03T10:00
      hexsync access project "Customer 360" --manifests manifests/
    """
    state = _state(
        ctx, as_planned, saved, at=at, db=at_db, workspace=at_workspace, manifests=manifests
    )
    found, note = match_project(state, project)
    if note is not None:
        click.echo(f"note: {note}.", err=True)
    doc = {**project_doc(state, found), **_as_of(ctx)}
    if as_json:
        click.echo(to_json(doc))
        return
    click.echo(render_project_text(doc, bold=_bold(ctx)))


@access.command("user")
@click.argument("email")
@_AS_PLANNED
@_FROM
@_at_options
@_CLASSES
@click.option(
    "--class",
    "data_class",
    metavar="NAME",
    help="Only the data of this class of data.classes (needs --manifests or --as-planned): "
    "each project that reads it, with its tables and every path, and the data connections "
    "holding it the person can query.",
)
@_JSON
@click.pass_context
def access_user(
    ctx: click.Context,
    email: str,
    as_planned: tuple[str, ...],
    saved: Path | None,
    at: str | None,
    at_db: str | None,
    at_workspace: str | None,
    manifests: tuple[str, ...],
    data_class: str | None,
    as_json: bool,
) -> None:
    """Every project EMAIL can open, the level and every path to it; with --class, the
    sensitive data of that class they can see, and through which path (docs/data.md).

    \b
    Examples:
      hexsync access user alice@acme.com
      hexsync access user alice@acme.com --as-planned manifests/ --json
      hexsync access user alice@acme.com --at 2027-01-03T10:00
      hexsync access user judy@acme.com --class pii --manifests manifests/
    """
    if data_class is not None and not (manifests or as_planned):
        raise HexsyncError(
            f"--class {data_class}: the data classes are declared in the manifests",
            hint="name them: --manifests PATH (or --as-planned PATH); see docs/data.md",
        )
    state = _state(
        ctx,
        as_planned,
        saved,
        person=email,
        connections=data_class is not None,
        manifests=manifests,
        data_class=data_class is not None,
        at=at,
        db=at_db,
        workspace=at_workspace,
    )
    user = find_user(state, email)
    if data_class is not None:
        found = class_doc(state, user, find_class(state, data_class))
        if as_json:
            click.echo(to_json(found))
            return
        click.echo(render_class_text(found, bold=_bold(ctx)))
        return
    doc = {**user_doc(state, user), **_as_of(ctx)}
    if as_json:
        click.echo(to_json(doc))
        return
    click.echo(render_user_text(doc, bold=_bold(ctx)))


@access.command("connection")
@click.argument("name")
@_AS_PLANNED
@_JSON
@click.pass_context
def access_connection(
    ctx: click.Context, name: str, as_planned: tuple[str, ...], as_json: bool
) -> None:
    """Everyone who can query data connection NAME (or only see its results), and why.

    Paths: the workspace members, the guests, each group it is shared with; Admins manage every
    connection (stated apart). See docs/data.md.

    \b
    Examples:
      hexsync access connection Warehouse
      hexsync access connection Warehouse --as-planned manifests/ --json
    """
    state = _state(ctx, as_planned, connections=True)
    doc = connection_doc(state, find_connection(state, name))
    if as_json:
        click.echo(to_json(doc))
        return
    click.echo(render_connection_text(doc, bold=_bold(ctx)))


@access.command("tables", short_help="The tables each project queries, read incrementally.")
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=CACHE_DIR,
    show_default=True,
    help="Where the cache of queried tables is kept (one file per workspace).",
)
@_JSON
@click.pass_context
def access_tables(ctx: click.Context, cache_dir: Path, as_json: bool) -> None:
    """Every project's queried tables (connection:schema.table), from GetQueriedTables.

    A project's tables change only when it is edited: the cache keeps them by project and
    lastEditedAt, and only projects edited since (or never read) are read again. The first read
    of a large workspace takes long (one request per project at 30 a minute): it shows
    progress with an estimate, and an interrupted read resumes where it stopped. Enterprise
    plans only: on another plan hexsync says so and answers without tables. See docs/data.md.
    """
    client = build_client(options(ctx))
    reading = ReadCounter(client.base_url, sys.stderr)
    shown = tables_progress(sys.stderr)

    async def run() -> TablesAnswer:
        async with client:
            live = await read_live(client, progress=reading)
            reading.done()
            return await read_tables(client, live, directory=cache_dir, progress=shown)

    answer = asyncio.run(run())
    done = answer.read
    if done.unavailable is not None:
        click.echo(
            "note: this workspace's plan does not offer queried tables (Enterprise only): "
            f"answering without them ({done.unavailable})",
            err=True,
        )
    click.echo(
        f"{plural(done.read, 'project')} read ({plural(done.requests, 'request')}),"
        f" {done.cached:,} unchanged since the cache's reading",
        err=True,
    )
    tables = answer.tables
    projects = {pid: [str(t) for t in tables.tables(pid)] for pid in sorted(tables.entries)}
    if as_json:
        click.echo(to_json({"available": done.unavailable is None, "projects": projects}))
        return
    for pid, found in projects.items():
        if found:
            click.echo(f"{pid}  {', '.join(found)}")


def _bold(ctx: click.Context) -> Callable[[str], str]:
    color = options(ctx).color and sys.stdout.isatty()
    return lambda text: heading(text, color=color)


_INACTIVE = click.option(
    "--inactive",
    default=DEFAULT_INACTIVE,
    show_default=True,
    metavar="DURATION",
    help="A user who has not signed in for this long (Hex's lastLoginDate) is inactive.",
)


@access.command("findings", short_help="Hygiene findings, each with the change that fixes it.")
@click.option(
    "--manifests",
    "manifests",
    multiple=True,
    metavar="PATH",
    type=click.Path(path_type=str),
    help="Point each fix at the manifest line it changes (repeat for several paths).",
)
@_INACTIVE
@_JSON
@click.pass_context
def access_findings(
    ctx: click.Context, manifests: tuple[str, ...], inactive: str, as_json: bool
) -> None:
    """Hygiene findings, most severe first, each with the manifest change that resolves it:
    public-web projects, projects every member can edit, Guests with edit rights, users who have
    not signed in for --inactive, grants to deactivated users, groups with no members.

    Exit status: 0 (findings are a report, not an error), 1 on error.

    \b
    Examples:
      hexsync access findings
      hexsync access findings --manifests manifests/ --inactive 180d --json
    """
    span = inactive_span(inactive)
    desired = load(manifests) if manifests else None
    client = build_client(options(ctx))
    progress = ReadCounter(client.base_url, sys.stderr)
    now = dt.datetime.now(dt.timezone.utc)

    async def run() -> list[Finding]:
        async with client:
            found = await read_findings(client, desired, now=now, inactive=span, progress=progress)
            progress.count = found.live.read_requests
            return list(found.found)

    found = asyncio.run(run())
    progress.done()
    if as_json:
        click.echo(to_json(findings_doc(found, now=now, inactive=span)))
        return
    if not found:
        click.echo("No findings.")
        return
    color = options(ctx).color and sys.stdout.isatty()
    rows = [(f.severity.upper(), f.code, f.subject, f.message) for f in found]
    click.echo(table(["SEVERITY", "FINDING", "SUBJECT", "WHAT"], rows, color=color))
    click.echo("")
    for f in found:
        where = f" ({f.source})" if f.source is not None else ""
        click.echo(f"{f.code} {f.subject}: fix: {f.fix}{where}")
    counts = findings_doc(found, now=now, inactive=span)["counts"]
    click.echo(
        f"\n{len(found)} finding{'s' if len(found) != 1 else ''}: "
        + ", ".join(f"{n} {s}" for s, n in counts.items())
    )


_FORMATS = {".csv": "csv", ".json": "json", ".html": "html", ".htm": "html"}


@access.command("report")
@click.option(
    "--out", required=True, type=click.Path(dir_okay=False, path_type=Path), help="File to write."
)
@click.option(
    "--format",
    "output",
    type=click.Choice(["csv", "csv-compact", "json", "html"]),
    help="Default: from the file's extension (.csv, .json, .html). csv: a row per person and "
    "project; csv-compact: a row per project and principal (the workspace as one row).",
)
@_AS_PLANNED
@_FROM
@_at_options
@_CLASSES
@_INACTIVE
@click.pass_context
def access_report(
    ctx: click.Context,
    out: Path,
    output: str | None,
    as_planned: tuple[str, ...],
    saved: Path | None,
    at: str | None,
    at_db: str | None,
    at_workspace: str | None,
    manifests: tuple[str, ...],
    inactive: str,
) -> None:
    """The whole matrix: CSV, JSON (schemas/access-report.schema.json) or an HTML page that
    opens offline, with filters by person, group, collection, project and level; with data
    classes (--manifests), which classes each project reads and who can see each class.

    \b
    Examples:
      hexsync access report --out access.html
      hexsync access report --out after.html --as-planned manifests/
      hexsync access report --out access.html --manifests manifests/
      hexsync access report --out access.json
      hexsync access report --from access.json --out access.csv   # the same reading, as CSV
    """
    fmt = output or _FORMATS.get(out.suffix.lower())
    if fmt is None:
        raise HexsyncError(
            f"--out {out}: cannot tell the format from the extension",
            hint="give --format csv|csv-compact|json|html, or name the file .csv, .json or .html",
        )
    check_writable_file(out, "--out")
    span = inactive_span(inactive)
    state = _state(
        ctx, as_planned, saved, at=at, db=at_db, workspace=at_workspace, manifests=manifests
    )
    report = report_of(state, options(ctx).api_url.rstrip("/"))
    if at is not None:
        report = sealed({**report, "source": "snapshot"})
    if state.saved is None:
        # Findings on the same state (docs/access.md, "Findings"); an empty group counts only
        # when its members were read (the groups something is shared with). A saved report is
        # kept as written: its digest covers what it held.
        now = dt.datetime.now(dt.timezone.utc)
        found = findings(state.engine, now=now, inactive=span)
        report = sealed({**report, "findings": findings_doc(found, now=now, inactive=span)})
    if fmt == "json":
        text = render_access_json(report)
    elif fmt == "csv":
        text = render_access_csv(report)
    elif fmt == "csv-compact":
        text = render_access_csv_compact(report)
    else:
        text = render_access_html(report)
    write_atomically(out, text)
    data = report.get("data_classes")
    if data is not None and data["unknown"] is not None:
        click.echo(
            f"note: which data classes the projects read is not known ({data['unknown']}):"
            " the report says so instead of showing none.",
            err=True,
        )
    n = len(report["projects"])
    click.echo(f"Wrote {out} ({fmt}): {n} projects, {len(report['people'])} people.", err=True)
