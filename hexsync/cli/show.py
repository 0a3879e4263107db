"""``hexsync show plan.json``: a saved plan, rendered as ``hexsync plan`` printed it."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from hexsync.cli._output import format_options
from hexsync.errors import ConfigError
from hexsync.planning.saved_plan import plan_key, read_plan
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
    key = plan_key()
    # The same checks as apply (size, schema, checksum); the signature only when the key is here.
    plan = read_plan(plan_file, key=key, verify=key is not None)
    if output == "json":
        text = render_json(plan)
    elif output == "markdown":
        text = render_markdown(plan, artifact=str(plan_file))
    else:
        text = render_text(plan, color=ctx.obj.color and sys.stdout.isatty())
    click.echo(text.rstrip("\n"))
