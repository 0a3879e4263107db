"""``hexsync plan``: read the workspace, print the plan, optionally save it."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import click

from hexsync.cli._files import (
    Progress,
    check_writable_file,
    manifest_paths,
    tables_progress,
    write_atomically,
)
from hexsync.cli._output import format_options
from hexsync.cli.client_factory import build_client
from hexsync.errors import EXIT_CHANGES, EXIT_OK, EXIT_REFUSED
from hexsync.manifest import load
from hexsync.ops.tables import FileTablesStore
from hexsync.planning.planner import Target, make_plan
from hexsync.planning.saved_plan import plan_key
from hexsync.render import render_json, render_markdown, render_text
from hexsync.values.plan import Plan


def _render(plan: Plan, output: str, color: bool, artifact: str | None) -> str:
    if output == "json":
        return render_json(plan)
    if output == "markdown":
        return render_markdown(plan, artifact=artifact)
    return render_text(plan, color=color)


@click.command(short_help="Show what applying manifests would change; save it.")
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option(
    "--out", type=click.Path(dir_okay=False, path_type=Path), help="Save the plan (JSON)."
)
@format_options(
    "text", "markdown", "json", help="How to print the plan (markdown: for a pull-request comment)."
)
@click.option("--detailed-exitcode", is_flag=True, help="Exit 2 when there are changes (0: none).")
@click.option(
    "--target",
    metavar="KIND[:NAME]",
    help="Plan a subset: collection, group, user or project, optionally one by name (or id).",
)
@click.option(
    "--allow-destroy", is_flag=True, help="Allow more destructive changes than max_destroy."
)
@click.pass_context
def plan(
    ctx: click.Context,
    paths: tuple[str, ...],
    out: Path | None,
    output: str,
    detailed_exitcode: bool,
    target: str | None,
    allow_destroy: bool,
) -> None:
    """Read the live workspace and print what applying PATHS (default: ./manifests) would change.

    Exit status: 0 no changes (or changes without --detailed-exitcode), 2 changes with
    --detailed-exitcode, 3 refused by a guardrail (the plan is still printed), 1 error.
    Progress goes to stderr, the plan to stdout.

    \b
    Examples:
      hexsync plan manifests/
      hexsync plan manifests/ --out plan.json --format markdown > plan.md
      hexsync plan manifests/ --target group:Analysts --detailed-exitcode
    """
    opts = ctx.obj
    if out is not None:
        check_writable_file(out, "--out")
    key = plan_key()  # a set but empty key fails before any request
    desired = load(manifest_paths(paths), on_warning=lambda p: click.echo(str(p), err=True))
    selected = Target.parse(target) if target else None
    client = build_client(opts)
    progress = Progress(client.base_url, sys.stderr)

    async def run() -> Plan:
        async with client:
            return await make_plan(
                client,
                desired,
                allow_destroy=allow_destroy,
                target=selected,
                progress=progress,
                tables=FileTablesStore(),
                tables_progress=tables_progress(sys.stderr),
            )

    result = asyncio.run(run())
    if key is not None:
        result = result.signed(key)
    progress.done()
    if out is not None:
        write_atomically(out, render_json(result), option="--out")
    color = opts.color and output == "text" and sys.stdout.isatty()
    click.echo(_render(result, output, color, str(out) if out else None).rstrip("\n"))
    if result.refusals:
        ctx.exit(EXIT_REFUSED)
    ctx.exit(EXIT_CHANGES if detailed_exitcode and result.changes else EXIT_OK)
