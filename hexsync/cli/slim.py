"""``hexsync slim``: drop from projects: entries what the rules already yield (docs/rules.md)."""

from __future__ import annotations

import asyncio
import datetime as dt
import sys

import click

from hexsync.cli._files import ReadCounter, manifest_paths
from hexsync.cli._output import format_options, to_json
from hexsync.cli.client_factory import build_client
from hexsync.errors import plural
from hexsync.manifest import load
from hexsync.ops.slim import Slimmed, slim_manifests
from hexsync.ops.tables import FileTablesStore
from hexsync.planning.planner import read_and_plan
from hexsync.values.live import Live
from hexsync.values.plan import Plan

SHOWN = 20  # entries listed one by one; the rest are counted


def _report(result: Slimmed) -> None:
    if not result.dropped:
        click.echo("Nothing to slim: no projects: entry repeats what the rules yield.")
        return
    for d in result.dropped[:SHOWN]:
        click.echo(d.text)
    if len(result.dropped) > SHOWN:
        click.echo(f"… and {len(result.dropped) - SHOWN} more entries")
    verb = "dropped" if result.written else "would drop"
    entries = plural(len(result.dropped), "entry", "entries")
    click.echo(
        f"{verb} {plural(result.fields, 'field')} from {entries}"
        f" in {plural(len(result.files), 'file')}; the rules decide them now"
        + ("" if result.written else " (nothing written: --dry-run)")
    )
    if result.loosened:
        click.echo(
            f"note: {plural(result.loosened, 'field')} the entries held authoritatively are now"
            " decided by additive rules: a grant someone adds in Hex there is no longer planned"
            " away (make the rule's dimension authoritative if that matters)",
            err=True,
        )
    if result.written:
        click.echo("The plan is the same as before (checked): review the diff, then commit.")


@click.command(short_help="Drop from projects: entries what the rules already yield.")
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--dry-run", is_flag=True, help="Say what would be dropped; write nothing.")
@format_options(help="json: {dropped: [{file, line, title, fields, loosened}], files, written}.")
@click.pass_context
def slim(ctx: click.Context, paths: tuple[str, ...], dry_run: bool, output: str) -> None:
    """Drop from the projects: entries of PATHS (default: ./manifests) the fields that say
    exactly what the rules yield on their project, so that the rules decide them.

    An entry wins over a rule for the fields it sets: after `hexsync export`, every entry sets
    every field and the rules written later change nothing on those projects (plan warns:
    rule_shadowed). slim reads the workspace as plan does, removes each such field (status,
    sharing.DIM) from its entry, keeping comments and layout, writes the files atomically, and
    checks that the manifests still validate and plan exactly the same changes, or puts every
    file back. Exit status: 0 done (or nothing to do), 1 error.

    \b
    Examples:
      hexsync slim manifests/ --dry-run
      hexsync slim manifests/
    """
    files = manifest_paths(paths)
    desired = load(files, on_warning=lambda p: click.echo(str(p), err=True))
    client = build_client(ctx.obj)
    progress = ReadCounter(client.base_url, sys.stderr)
    now = dt.datetime.now(dt.timezone.utc)

    async def run() -> tuple[Plan, Live]:
        async with client:
            return await read_and_plan(
                client, desired, progress=progress, now=now, tables=FileTablesStore()
            )

    before, live = asyncio.run(run())
    progress.done()
    result = slim_manifests(files, desired, live, before, now=now, write=not dry_run)
    if output == "json":
        click.echo(
            to_json(
                {
                    "dropped": [
                        {
                            "file": d.file,
                            "line": d.line,
                            "title": d.title,
                            "fields": list(d.fields),
                            "loosened": list(d.loosened),
                        }
                        for d in result.dropped
                    ],
                    "files": list(result.files),
                    "written": result.written,
                }
            )
        )
        return
    _report(result)
