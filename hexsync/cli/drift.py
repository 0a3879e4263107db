"""``hexsync drift MANIFESTS``: what changed in Hex outside git, for a scheduled job."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable
from pathlib import Path

import click

from hexsync.cli._files import ReadCounter, check_writable_file, write_atomically
from hexsync.cli._globals import GlobalOptions
from hexsync.cli._output import format_options
from hexsync.cli._workspaces import desired_for, run_all_workspaces
from hexsync.cli.client_factory import build_client
from hexsync.decide.drift import Drift
from hexsync.errors import EXIT_CHANGES, EXIT_OK
from hexsync.ops.drift import read_drift
from hexsync.planning.saved_plan import read_plan
from hexsync.render.drift import render_drift_json, render_drift_markdown, render_drift_text

RENDER = {
    "text": render_drift_text,
    "markdown": render_drift_markdown,
    "json": render_drift_json,
}


@click.command(short_help="What in Hex no longer matches the manifests (exit 2).")
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@format_options(*RENDER, help="text for people, markdown for an issue, json for alerting.")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write the JSON report to this file.",
)
@click.option(
    "--last-applied",
    "last_applied",
    metavar="PLAN",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The plan last applied (plan --out plan.json): tells a change merged but not yet "
    "applied from one made in Hex since.",
)
@click.option(
    "--all",
    "all_workspaces",
    is_flag=True,
    help="Every workspace of hexsync.yaml in turn, one section each (the worst exit wins).",
)
@click.pass_context
def drift(
    ctx: click.Context,
    paths: tuple[str, ...],
    output: str,
    out: Path | None,
    last_applied: Path | None,
    all_workspaces: bool,
) -> None:
    """Read the workspace and name every field that no longer matches the manifests at PATHS
    (default: ./manifests), with the manifests' value and Hex's. Changes nothing.

    Exit status: 0 no drift, 2 drift found, 1 error. Drift is exactly what `plan` would change,
    read the other way round, so run it on manifests that have been applied (the default
    branch): a merged change not yet applied shows as drift too; with --last-applied it is
    told apart from a change made in Hex. Groups and collections made in Hex that grant
    access are drift too, with whom they reach.

    \b
    Examples:
      hexsync drift manifests/
      hexsync drift manifests/ --format markdown > drift.md
      hexsync drift manifests/ --format json | jq '.objects[].name'
    """
    opts: GlobalOptions = ctx.obj
    if all_workspaces:
        ctx.exit(_drift_all(opts, paths, output, out, last_applied))
    if out is not None:
        check_writable_file(out, "--out")
    ctx.exit(_drift_one(opts, paths, output, out, last_applied))


def _drift_one(
    opts: GlobalOptions,
    paths: tuple[str, ...],
    output: str,
    out: Path | None,
    last_applied: Path | None,
) -> int:
    """One workspace's drift printed (and saved); its exit code."""
    desired = desired_for(opts, paths, on_warning=lambda p: click.echo(str(p), err=True))
    applied = read_plan(last_applied, verify=False) if last_applied is not None else None
    client = build_client(opts)
    progress = ReadCounter(client.base_url, sys.stderr)

    async def run() -> Drift:
        async with client:
            return await read_drift(
                client,
                desired,
                last_applied=applied,
                last_applied_name=None if last_applied is None else str(last_applied),
                progress=progress,
            )

    found = asyncio.run(run())
    progress.count = found.read_requests
    progress.done()
    if out is not None:
        write_atomically(out, render_drift_json(found))
    click.echo(RENDER[output](found).rstrip("\n"))
    return EXIT_CHANGES if found.found else EXIT_OK


def _drift_all(
    opts: GlobalOptions,
    paths: tuple[str, ...],
    output: str,
    out: Path | None,
    last_applied: Path | None,
) -> int:
    """``drift --all``: every workspace in turn, one section each; the worst exit code wins."""

    def one(workspace: GlobalOptions, named: Callable[[Path | None], Path | None]) -> int:
        saved = named(out)
        if saved is not None:
            check_writable_file(saved, "--out")
        return _drift_one(workspace, (), output, saved, named(last_applied))

    example = "drift-{workspace}.json"
    return run_all_workspaces(
        opts,
        paths,
        output,
        verb="reads",
        files={"--out": (out, example), "--last-applied": (last_applied, example)},
        run=one,
    )
