"""``hexsync schema``: the JSON Schema of manifests (or of saved plans), where an editor finds it.

Exported manifests start with ``# yaml-language-server: $schema=…``; the schema's ``$id`` is a
name, not a page that answers, so editors need a copy on disk: ``hexsync schema --out FILE``
writes one, and ``hexsync export`` writes one beside the manifests (docs/export.md).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import click

from hexsync.cli._files import check_writable_file, write_atomically

SCHEMAS = {"manifest": "schemas/manifest.schema.json", "plan": "schemas/plan.schema.json"}
LOCAL_NAME = "manifest.schema.json"  # the copy export writes beside the manifests


def schema_text(kind: str = "manifest") -> str:
    """The schema shipped in the package, byte for byte."""
    return resources.files("hexsync").joinpath(SCHEMAS[kind]).read_text(encoding="utf-8")


@click.command(short_help="Write the manifest (or plan) JSON Schema for editors.")
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write it to this file (default: print it).",
)
@click.option(
    "--kind",
    type=click.Choice(sorted(SCHEMAS)),
    default="manifest",
    show_default=True,
    help="manifest: what validate checks; plan: a saved plan.json.",
)
def schema(out: Path | None, kind: str) -> None:
    """Print or write the JSON Schema (draft 2020-12) that validate uses.

    Point an editor at it with a first line `# yaml-language-server: $schema=PATH` in each
    manifest (a path relative to the file); export writes such a copy and such lines itself.

    \b
    Examples:
      hexsync schema --out manifests/manifest.schema.json
      hexsync schema --kind plan > plan.schema.json
    """
    text = schema_text(kind)
    if out is None:
        click.echo(text, nl=False)
        return
    check_writable_file(out, "--out")
    write_atomically(out, text)
    click.echo(f"wrote {out}")
