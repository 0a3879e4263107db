"""``hexsync drift MANIFESTS``: what changed in Hex outside git, for a scheduled job."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import click

from hexsync.cli._files import Progress, check_writable_file, manifest_paths, write_atomically
from hexsync.cli._output import format_options
from hexsync.cli.client_factory import build_client
from hexsync.decide.drift import Drift, drift_of
from hexsync.errors import EXIT_CHANGES, EXIT_OK
from hexsync.manifest import load
from hexsync.planning.planner import make_plan
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
@click.pass_context
def drift(ctx: click.Context, paths: tuple[str, ...], output: str, out: Path | None) -> None:
    """Read the workspace and name every field that no longer matches the manifests at PATHS
    (default: ./manifests), with the manifests' value and Hex's. Changes nothing.

    Exit status: 0 no drift, 2 drift found, 1 error. Drift is exactly what `plan` would change,
    read the other way round, so run it on manifests that have been applied (the default
    branch): a merged change not yet applied shows as drift too.

    \b
    Examples:
      hexsync drift manifests/
      hexsync drift manifests/ --format markdown > drift.md
      hexsync drift manifests/ --format json | jq '.objects[].name'
    """
    opts = ctx.obj
    if out is not None:
        check_writable_file(out, "--out")
    desired = load(manifest_paths(paths), on_warning=lambda p: click.echo(str(p), err=True))
    client = build_client(opts)
    progress = Progress(client.base_url, sys.stderr)

    async def run() -> Drift:
        async with client:
            # allow_destroy: drift reports; the max_destroy guardrail is about applying.
            plan = await make_plan(client, desired, allow_destroy=True, progress=progress)
        return drift_of(plan)

    found = asyncio.run(run())
    progress.done()
    if out is not None:
        write_atomically(out, render_drift_json(found))
    click.echo(RENDER[output](found).rstrip("\n"))
    ctx.exit(EXIT_CHANGES if found.found else EXIT_OK)
