"""``hexsync access project|user|report``: who can see what, and why (docs/access.md)."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import Any

import click

from hexsync.cli._files import Progress, check_writable_file, write_atomically
from hexsync.cli._output import format_options, heading, table, to_json
from hexsync.cli._resolve import is_uuid, options
from hexsync.cli.client_factory import build_client
from hexsync.decide.access_engine import Grant
from hexsync.errors import HexsyncError, did_you_mean
from hexsync.manifest import load
from hexsync.ops.access import AccessState, read_access
from hexsync.planning.saved_plan import read_plan
from hexsync.render.access_html import render_access_html
from hexsync.render.access_report import render_access_csv, render_access_json
from hexsync.values.live import LiveProject, LiveUser
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


def _at_options(function: Any) -> Any:
    """``--at TIME`` (with ``--db``, ``--workspace``): the answer from `hexsync serve`'s store."""
    function = click.option(
        "--workspace", "at_workspace", help="With --at: the workspace's name in the store."
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
        name = pick_workspace(store, workspace)
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
    at: str | None = None,
    db: str | None = None,
    workspace: str | None = None,
) -> AccessState:
    if at is not None:
        if as_planned:
            raise click.UsageError("--at and --as-planned exclude each other")
        return _state_at(ctx, at, db, workspace)
    if db is not None or workspace is not None:
        raise click.UsageError("--db and --workspace go with --at")
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


def find_project(state: AccessState, ref: str) -> LiveProject:
    """A project of the state by id or exact title; unknown: an error with close matches."""
    projects = state.engine.projects
    if is_uuid(ref) and ref.lower() in projects:
        return projects[ref.lower()]
    found = [p for p in projects.values() if ref in (p.title, p.id)]
    if not found:
        titles = {p.title for p in projects.values()}
        hint = did_you_mean(ref, titles)
        if hint is None:
            # A part of a title ("Revenu") finds it too.
            near = sorted(t for t in titles if ref.lower() in t.lower())[:3]
            hint = ("did you mean " + " or ".join(repr(t) for t in near) + "?") if near else None
        raise HexsyncError(
            f"no project titled {ref!r}",
            hint=hint or "name it by its exact title or id; list them with: hexsync projects list",
        )
    if len(found) > 1:
        ids = ", ".join(sorted(p.id for p in found))
        raise HexsyncError(f"{len(found)} projects are titled {ref!r}: {ids}", hint="use its id")
    return found[0]


def _paths(g: Grant) -> list[dict[str, str]]:
    return [{"path": p.label, "granted": p.granted.value} for p in g.paths]


def _grant_data(g: Grant) -> dict[str, Any]:
    out: dict[str, Any] = {"level": g.level.value, "paths": _paths(g)}
    if g.capped:
        out["capped_by_role"] = g.role
    return out


def find_user(state: AccessState, email: str) -> LiveUser:
    """An active user of the state by email (any case); unknown: an error with close matches."""
    wanted = email.strip().lower()
    user = state.engine.users.get(wanted)
    if user is not None:
        return user
    hint = did_you_mean(wanted, state.engine.users, cutoff=0.8)
    if wanted in state.live.users:
        msg = f"{wanted} is deactivated by the plan: no access at all"
    else:
        msg = f"no active user with email {email}"
    raise HexsyncError(msg, hint=hint or "deactivated users have no access and are not listed")


def _public(state: AccessState) -> list[LiveProject]:
    engine = state.engine
    return sorted(
        (p for p in engine.projects.values() if engine.project(p.id).public_web.value != "NONE"),
        key=lambda p: (p.title, p.id),
    )


def project_doc(state: AccessState, found: LiveProject) -> dict[str, Any]:
    """``access project --json`` (and the MCP tool ``who_can_access``)."""
    engine = state.engine
    pa = engine.project(found.id)
    users = engine.users
    return {
        "source": state.source,
        "project": {"id": found.id, "title": found.title, "owner": found.owner},
        "public_web": pa.public_web.value,
        "workspace_members": [{"path": p.label, "granted": p.granted.value} for p in pa.wide],
        "people": [
            {"email": g.email, "name": users[g.email].name, "role": g.role, **_grant_data(g)}
            for g in engine.people(found.id)
        ],
    }


def user_doc(state: AccessState, user: LiveUser) -> dict[str, Any]:
    """``access user --json`` (and the MCP tool ``what_can_user_access``)."""
    engine = state.engine
    projects = engine.projects
    return {
        "source": state.source,
        "user": {"email": user.email, "name": user.name, "role": user.role},
        "projects": [
            {"id": g.project_id, "title": projects[g.project_id].title, **_grant_data(g)}
            for g in engine.of_user(user.email)
        ],
        "public_web": [
            {"id": p.id, "title": p.title, "level": engine.project(p.id).public_web.value}
            for p in _public(state)
        ],
    }


@access.command("project")
@click.argument("project")
@_AS_PLANNED
@_at_options
@_JSON
@click.pass_context
def access_project(
    ctx: click.Context,
    project: str,
    as_planned: tuple[str, ...],
    as_json: bool,
    at: str | None,
    at_db: str | None,
    at_workspace: str | None,
) -> None:
    """Everyone who can open PROJECT (title or id), their level and every path to it.

    \b
    Examples:
      hexsync access project "Revenue overview"
      hexsync access project "Revenue overview" --as-planned manifests/
      hexsync access project "Revenue overview" --at 2027-01-03T10:00
    """
    state = _state(ctx, as_planned, at, at_db, at_workspace)
    found = find_project(state, project)
    engine = state.engine
    pa = engine.project(found.id)
    grants = engine.people(found.id)
    if as_json:
        click.echo(to_json({**project_doc(state, found), **_as_of(ctx)}))
        return
    color = options(ctx).color and sys.stdout.isatty()
    click.echo(heading(f"{found.title} ({found.id})", color=color))
    click.echo(f"  owner: {found.owner or 'unknown'}")
    if pa.public_web.value != "NONE":
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
@_at_options
@_JSON
@click.pass_context
def access_user(
    ctx: click.Context,
    email: str,
    as_planned: tuple[str, ...],
    as_json: bool,
    at: str | None,
    at_db: str | None,
    at_workspace: str | None,
) -> None:
    """Every project EMAIL can open, the level and every path to it.

    \b
    Examples:
      hexsync access user alice@acme.com
      hexsync access user alice@acme.com --as-planned manifests/ --json
      hexsync access user alice@acme.com --at 2027-01-03T10:00
    """
    state = _state(ctx, as_planned, at, at_db, at_workspace)
    engine = state.engine
    user = find_user(state, email)
    if as_json:
        click.echo(to_json({**user_doc(state, user), **_as_of(ctx)}))
        return
    grants = engine.of_user(user.email)
    projects = engine.projects
    public = _public(state)
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
@_at_options
@click.pass_context
def access_report(
    ctx: click.Context,
    out: Path,
    output: str | None,
    as_planned: tuple[str, ...],
    at: str | None,
    at_db: str | None,
    at_workspace: str | None,
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
    state = _state(ctx, as_planned, at, at_db, at_workspace)
    source = _as_of(ctx).get("source", state.source)
    report = state.engine.report(source=source, api_url=options(ctx).api_url.rstrip("/"))
    if fmt == "json":
        text = render_access_json(report)
    elif fmt == "csv":
        text = render_access_csv(report)
    else:
        text = render_access_html(report)
    write_atomically(out, text)
    n = len(report["projects"])
    click.echo(f"Wrote {out} ({fmt}): {n} projects, {len(report['people'])} people.", err=True)
