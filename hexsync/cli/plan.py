"""``hexsync plan``: read the workspace, print the plan, optionally save it."""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path
from typing import TextIO

import click

from hexsync.cli.client_factory import build_client
from hexsync.errors import EXIT_CHANGES, EXIT_OK, EXIT_REFUSED
from hexsync.manifest import load
from hexsync.plan import Plan
from hexsync.planner import Target, make_plan
from hexsync.render import render_json, render_markdown, render_text


class _Progress:
    """``Reading workspace at URL … N requests`` on stderr: redrawn on a TTY, else one line."""

    def __init__(self, url: str, stream: TextIO) -> None:
        self.url, self.stream = url, stream
        self.tty = stream.isatty()
        self.count = 0

    def line(self) -> str:
        return f"Reading workspace at {self.url} · {self.count} requests"

    def __call__(self, count: int) -> None:
        self.count = count
        if self.tty:
            self.stream.write(f"\r{self.line()}")
            self.stream.flush()

    def done(self) -> None:
        self.stream.write(("\r" if self.tty else "") + self.line() + "\n")
        self.stream.flush()


def _write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file beside it, so no half plan exists."""
    fd, tmp = tempfile.mkstemp(dir=path.parent or Path("."), prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _render(plan: Plan, output: str, color: bool, artifact: str | None) -> str:
    if output == "json":
        return render_json(plan)
    if output == "markdown":
        return render_markdown(plan, artifact=artifact)
    return render_text(plan, color=color)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option(
    "--out", type=click.Path(dir_okay=False, path_type=Path), help="Save the plan (JSON)."
)
@click.option(
    "--format",
    "output",
    type=click.Choice(["text", "markdown", "json"]),
    default="text",
    show_default=True,
    help="How to print the plan (markdown: for a pull-request comment).",
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
    """Read the live workspace and print what applying PATHS would change.

    Exit status: 0 no changes (or changes without --detailed-exitcode), 2 changes with
    --detailed-exitcode, 3 refused by a guardrail (the plan is still printed), 1 error.
    """
    opts = ctx.obj
    desired = load(paths)
    selected = Target.parse(target) if target else None
    client = build_client(opts)
    progress = _Progress(client.base_url, sys.stderr)

    async def run() -> Plan:
        async with client:
            return await make_plan(
                client, desired, allow_destroy=allow_destroy, target=selected, progress=progress
            )

    result = asyncio.run(run())
    progress.done()
    if out is not None:
        _write_atomically(out, render_json(result))
    color = opts.color and output == "text" and sys.stdout.isatty()
    click.echo(_render(result, output, color, str(out) if out else None).rstrip("\n"))
    if result.refusals:
        ctx.exit(EXIT_REFUSED)
    ctx.exit(EXIT_CHANGES if detailed_exitcode and result.changes else EXIT_OK)
