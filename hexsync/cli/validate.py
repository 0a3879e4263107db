"""``hexsync validate``: offline checks of manifests."""

from __future__ import annotations

import asyncio
import json
import sys
from typing import Any

import click

from hexsync.cli._files import ReadCounter
from hexsync.cli._output import format_options
from hexsync.cli._workspaces import check_for, validate_all
from hexsync.cli.client_factory import ClientOptions, build_client
from hexsync.errors import EXIT_ERROR, EXIT_OK, plural
from hexsync.ops.expiry import with_expiry
from hexsync.ops.validate import rule_matches, summary_line
from hexsync.values.desired import Desired


def blast_radius(opts: ClientOptions, desired: Desired) -> list[dict[str, Any]]:
    """Each rule with the number of live projects it matches now: one project listing."""
    client = build_client(opts)
    progress = ReadCounter(client.base_url, sys.stderr)

    async def run() -> list[dict[str, Any]]:
        async with client:

            def tick() -> None:
                progress(client.counters.total_requests)

            rows = await rule_matches(client, desired, tick=tick)
            progress(client.counters.total_requests)
        return rows

    rows = asyncio.run(run())
    progress.done()
    return rows


@click.command(short_help="Check manifests offline (no token needed).")
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@format_options(
    help="json: {ok, problems: [{file, line, column, path, message, hint, severity}]}"
    " (and rules: [{name, enforce, matched, source, note}] with --live)."
)
@click.option(
    "--live",
    is_flag=True,
    help="Also read the workspace's project listing (needs a token) and print how many live"
    " projects each rule matches: its blast radius.",
)
@click.pass_context
def validate(ctx: click.Context, paths: tuple[str, ...], live: bool, output: str) -> None:
    """Check manifests offline: YAML, schema, duplicates, internal references.

    PATHS are manifest files or directories (searched recursively for *.yaml and *.yml);
    default: a workspace's layers with -w; else, beside a hexsync.yaml, that file and every
    workspace's layers (docs/workspaces.md); else ./manifests.
    Every problem is reported, one per line as file:line:column: path: message.
    With --live, each rule's match count on the live workspace follows (one read of the project
    listing, 100 projects per request).
    Exit status: 0 when there is no error (warnings allowed), 1 otherwise.
    """
    everything = None if paths or ctx.obj.workspace is not None else validate_all(ctx.obj)
    result = with_expiry(everything or check_for(ctx.obj, paths))
    rules = []
    if live and result.ok and result.desired is not None and result.desired.rules:
        rules = blast_radius(ctx.obj, result.desired)
    if output == "json":
        payload: dict[str, Any] = {
            "ok": result.ok,
            "problems": [p.as_dict() for p in result.problems],
        }
        if live:
            payload["rules"] = rules
        click.echo(json.dumps(payload, indent=2))
    else:
        for problem in result.problems:
            click.echo(str(problem))
        for r in rules:
            note = f"  ({r['note']})" if r["note"] else ""
            check_mode = f" [{r['enforce']}]" if r["enforce"] in ("check", "warn") else ""
            click.echo(
                f"{r['source']}: rule '{r['name']}'{check_mode} matches"
                f" {plural(r['matched'], 'live project')}{note}"
            )
        click.echo(summary_line(result))
    ctx.exit(EXIT_OK if result.ok else EXIT_ERROR)
