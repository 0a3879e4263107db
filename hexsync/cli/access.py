"""``hexsync access project|user|report``: who can see what, and why (docs/access.md)."""

from __future__ import annotations

import asyncio
import datetime as dt
import sys
from pathlib import Path

import click

from hexsync.cli._files import Progress, check_writable_file, write_atomically
from hexsync.cli._output import format_options, heading, table, to_json
from hexsync.cli._resolve import options
from hexsync.cli.client_factory import build_client
from hexsync.decide.findings import Finding, findings
from hexsync.errors import HexsyncError
from hexsync.manifest import load
from hexsync.ops.access import (
    AccessState,
    find_project,
    find_user,
    project_doc,
    public_projects,
    read_access,
    user_doc,
)
from hexsync.ops.findings import DEFAULT_INACTIVE, findings_doc, inactive_span, read_findings
from hexsync.planning.saved_plan import read_plan
from hexsync.render.access_html import render_access_html
from hexsync.render.access_report import render_access_csv, render_access_json
from hexsync.values.desired import Access
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
_JSON = format_options(as_bool=True, dest="as_json", help="text: for people; json: for scripts.")


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


def _state(ctx: click.Context, as_planned: tuple[str, ...]) -> AccessState:
    saved = _saved_plan(as_planned)
    desired = load(as_planned) if as_planned and saved is None else None
    client = build_client(options(ctx))
    progress = Progress(client.base_url, sys.stderr)

    async def run() -> AccessState:
        async with client:
            return await read_access(client, desired, saved=saved, progress=progress)

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
@_JSON
@click.pass_context
def access_project(
    ctx: click.Context, project: str, as_planned: tuple[str, ...], as_json: bool
) -> None:
    """Everyone who can open PROJECT (title or id), their level and every path to it.

    \b
    Examples:
      hexsync access project "Revenue overview"
      hexsync access project "Revenue overview" --as-planned manifests/
    """
    state = _state(ctx, as_planned)
    found = find_project(state, project)
    engine = state.engine
    pa = engine.project(found.id)
    grants = engine.people(found.id)
    if as_json:
        click.echo(to_json(project_doc(state, found)))
        return
    color = options(ctx).color and sys.stdout.isatty()
    click.echo(heading(f"{found.title} ({found.id})", color=color))
    click.echo(f"  owner: {found.owner or 'unknown'}")
    if pa.public_web is not Access.NONE:
        click.echo(f"  public web: anyone with the link gets {pa.public_web.value}  ! public")
    else:
        click.echo("  public web: not shared")
    if pa.wide:
        wide = ", ".join(p.text for p in pa.wide)
        click.echo(f"  workspace members (not Guests): {wide}  ! workspace-wide")
    click.echo("")
    if not grants:
        click.echo("Nobody can open it (but its owner, if active).")
        return
    rows = [(g.email, g.role or "-", g.level.value, g.explain) for g in grants]
    click.echo(table(["PERSON", "ROLE", "LEVEL", "PATHS"], rows, color=color))
    click.echo(f"\n{len(grants)} {'person' if len(grants) == 1 else 'people'} can open it.")


@access.command("user")
@click.argument("email")
@_AS_PLANNED
@_JSON
@click.pass_context
def access_user(ctx: click.Context, email: str, as_planned: tuple[str, ...], as_json: bool) -> None:
    """Every project EMAIL can open, the level and every path to it.

    \b
    Examples:
      hexsync access user alice@acme.com
      hexsync access user alice@acme.com --as-planned manifests/ --json
    """
    state = _state(ctx, as_planned)
    engine = state.engine
    user = find_user(state, email)
    if as_json:
        click.echo(to_json(user_doc(state, user)))
        return
    grants = engine.of_user(user.email)
    projects = engine.projects
    public = public_projects(state)
    color = options(ctx).color and sys.stdout.isatty()
    click.echo(heading(f"{user.email} ({user.role or 'role unknown'})", color=color))
    if not grants:
        click.echo("Can open no project through their account.")
    else:
        rows = [
            (projects[g.project_id].title, g.level.value, g.explain, g.project_id) for g in grants
        ]
        click.echo(table(["PROJECT", "LEVEL", "PATHS", "ID"], rows, color=color))
        n = len(grants)
        click.echo(f"\nCan open {n} project{'s' if n != 1 else ''}.")
    if public:
        names = ", ".join(f'"{p.title}"' for p in public[:5])
        more = f" and {len(public) - 5} more" if len(public) > 5 else ""
        click.echo(f"Like anyone with the link, also {len(public)} public: {names}{more}.")


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
    progress = Progress(client.base_url, sys.stderr)
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
    type=click.Choice(["csv", "json", "html"]),
    help="Default: from the file's extension (.csv, .json, .html).",
)
@_AS_PLANNED
@_INACTIVE
@click.pass_context
def access_report(
    ctx: click.Context, out: Path, output: str | None, as_planned: tuple[str, ...], inactive: str
) -> None:
    """The whole matrix: CSV, JSON (schemas/access-report.schema.json) or an HTML page that
    opens offline, with filters by person, group, collection, project and level.

    \b
    Examples:
      hexsync access report --out access.html
      hexsync access report --out after.html --as-planned manifests/
    """
    fmt = output or _FORMATS.get(out.suffix.lower())
    if fmt is None:
        raise HexsyncError(
            f"--out {out}: cannot tell the format from the extension",
            hint="give --format csv|json|html, or name the file .csv, .json or .html",
        )
    check_writable_file(out, "--out")
    span = inactive_span(inactive)
    state = _state(ctx, as_planned)
    report = state.engine.report(source=state.source, api_url=options(ctx).api_url.rstrip("/"))
    # Findings on the same state (docs/access.md, "Findings"); an empty group counts only when
    # its members were read (the groups something is shared with).
    now = dt.datetime.now(dt.timezone.utc)
    found = findings(state.engine, now=now, inactive=span)
    report["findings"] = findings_doc(found, now=now, inactive=span)
    if fmt == "json":
        text = render_access_json(report)
    elif fmt == "csv":
        text = render_access_csv(report)
    else:
        text = render_access_html(report)
    write_atomically(out, text)
    n = len(report["projects"])
    click.echo(f"Wrote {out} ({fmt}): {n} projects, {len(report['people'])} people.", err=True)
