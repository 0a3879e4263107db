"""``hexsync show plan.json``: a saved plan, rendered as ``hexsync plan`` printed it."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from hexsync.cli._output import format_options
from hexsync.errors import ConfigError
from hexsync.plan import Plan
from hexsync.render import render_json, render_markdown, render_text


@click.command(short_help="Show a saved plan (plan --out) as text, markdown or JSON.")
@click.argument("plan_file", metavar="PLAN.json", type=click.Path(dir_okay=False, path_type=Path))
@format_options(
    "text", "markdown", "json", help="How to print the plan (markdown: for a pull-request comment)."
)
@click.pass_context
def show(ctx: click.Context, plan_file: Path, output: str) -> None:
    """Print a plan saved by `hexsync plan --out`, as `hexsync plan` would have printed it.

    No token and no request: the file alone is read, its checksum checked. To see what the
    plan would do now, plan again; `hexsync apply PLAN.json` refuses a plan that went stale.

    \b
    Examples:
      hexsync plan manifests/ --out plan.json
      hexsync show plan.json
      hexsync show plan.json --format markdown > plan.md
    """
    if plan_file.suffix.lower() in (".yaml", ".yml"):
        raise ConfigError(
            f"{plan_file}: a manifest, not a saved plan",
            hint=f"`hexsync plan {plan_file}` shows what it would change; "
            "`hexsync plan … --out plan.json` saves a plan to show",
        )
    plan = Plan.loads(plan_file.read_text(encoding="utf-8"), source=str(plan_file))
    if output == "json":
        text = render_json(plan)
    elif output == "markdown":
        text = render_markdown(plan, artifact=str(plan_file))
    else:
        text = render_text(plan, color=ctx.obj.color and sys.stdout.isatty())
    click.echo(text.rstrip("\n"))
