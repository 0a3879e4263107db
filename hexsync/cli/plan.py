"""``hexsync plan``: read the workspace, print the plan, optionally save it."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable
from pathlib import Path

import click

from hexsync.cli._files import (
    ReadCounter,
    check_writable_file,
    tables_progress,
    write_atomically,
)
from hexsync.cli._globals import GlobalOptions
from hexsync.cli._output import format_options
from hexsync.cli._workspaces import desired_for, run_all_workspaces
from hexsync.cli.client_factory import build_client
from hexsync.errors import EXIT_CHANGES, EXIT_OK, EXIT_REFUSED
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
@click.option(
    "--all",
    "all_workspaces",
    is_flag=True,
    help="Plan every workspace of hexsync.yaml in turn, one section each (the worst exit wins).",
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
    all_workspaces: bool,
) -> None:
    """Read the live workspace and print what applying PATHS (default: ./manifests) would change.

    Exit status: 0 no changes (or changes without --detailed-exitcode), 2 changes with
    --detailed-exitcode, 3 refused by a guardrail (the plan is still printed), 1 error.
    With --all (every workspace of hexsync.yaml, docs/workspaces.md), the worst of the
    workspaces' (1, then 3, then 2, then 0).
    Progress goes to stderr, the plan to stdout.

    \b
    Examples:
      hexsync plan manifests/
      hexsync plan manifests/ --out plan.json --format markdown > plan.md
      hexsync plan manifests/ --target group:Analysts --detailed-exitcode
    """
    opts: GlobalOptions = ctx.obj
    if all_workspaces:
        ctx.exit(_plan_all(opts, paths, out, output, detailed_exitcode, target, allow_destroy))
    if out is not None:
        check_writable_file(out, "--out")
    ctx.exit(_plan_one(opts, paths, out, output, detailed_exitcode, target, allow_destroy))


def _plan_one(
    opts: GlobalOptions,
    paths: tuple[str, ...],
    out: Path | None,
    output: str,
    detailed_exitcode: bool,
    target: str | None,
    allow_destroy: bool,
) -> int:
    """One workspace's plan printed (and saved); its exit code."""
    key = plan_key()  # a set but empty key fails before any request
    desired = desired_for(opts, paths, on_warning=lambda p: click.echo(str(p), err=True))
    selected = Target.parse(target) if target else None
    client = build_client(opts)
    progress = ReadCounter(client.base_url, sys.stderr)

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
        return EXIT_REFUSED
    return EXIT_CHANGES if detailed_exitcode and result.changes else EXIT_OK


def _plan_all(
    opts: GlobalOptions,
    paths: tuple[str, ...],
    out: Path | None,
    output: str,
    detailed_exitcode: bool,
    target: str | None,
    allow_destroy: bool,
) -> int:
    """``plan --all``: every workspace of hexsync.yaml in turn, one section each; the worst
    exit code wins. A workspace that fails (its token missing) fails alone."""

    def one(workspace: GlobalOptions, named: Callable[[Path | None], Path | None]) -> int:
        saved = named(out)
        if saved is not None:
            check_writable_file(saved, "--out")
        return _plan_one(workspace, (), saved, output, detailed_exitcode, target, allow_destroy)

    return run_all_workspaces(
        opts,
        paths,
        output,
        verb="plans",
        files={"--out": (out, "--out plan-{workspace}.json")},
        run=one,
    )
