"""``hexsync validate``: offline checks of manifests."""

from __future__ import annotations

import json

import click

from hexsync.cli._output import plural
from hexsync.errors import EXIT_ERROR, EXIT_OK
from hexsync.manifest import CheckResult, check


def summary_line(result: CheckResult) -> str:
    errors = sum(p.severity == "error" for p in result.problems)
    warnings = len(result.problems) - errors
    files = plural(len(result.files), "file")
    if result.desired is None or errors:
        text = f"{plural(errors, 'problem')} in {files}"
    else:
        d = result.desired
        text = (
            f"ok: {files}, {plural(len(d.collections), 'collection')}, "
            f"{plural(len(d.groups), 'group')}, {plural(len(d.users), 'user')}, "
            f"{plural(len(d.projects), 'project')}"
        )
    if warnings:
        text += f" ({plural(warnings, 'warning')})"
    return text


@click.command(short_help="Check manifests offline (no token needed).")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option(
    "--format",
    "output",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="json: {ok, problems: [{file, line, column, path, message, hint, severity}]}.",
)
@click.pass_context
def validate(ctx: click.Context, paths: tuple[str, ...], output: str) -> None:
    """Check manifests offline: YAML, schema, duplicates, internal references.

    PATHS are manifest files or directories (searched recursively for *.yaml and *.yml).
    Every problem is reported, one per line as file:line:column: path: message.
    Exit status: 0 when there is no error (warnings allowed), 1 otherwise.
    """
    result = check(paths)
    if output == "json":
        payload = {"ok": result.ok, "problems": [p.as_dict() for p in result.problems]}
        click.echo(json.dumps(payload, indent=2))
    else:
        for problem in result.problems:
            click.echo(str(problem))
        click.echo(summary_line(result))
    ctx.exit(EXIT_OK if result.ok else EXIT_ERROR)
