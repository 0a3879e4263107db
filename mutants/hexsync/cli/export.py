"""``hexsync export``: manifests of the live workspace, to adopt it (SPEC §3, docs/export.md)."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import click

from hexsync.cli._files import Progress, check_writable_dir, write_atomically
from hexsync.cli.client_factory import build_client
from hexsync.errors import ConfigError
from hexsync.export import SCHEMA_ID, build_export, export_files, parse_kinds
from hexsync.live import Live, read_live
from hexsync.manifest.load import SUFFIXES
from hexsync.model import Desired, Policy


def _existing(directory: Path, names: tuple[str, ...]) -> list[str]:
    return [n for n in names if os.path.lexists(directory / n)]


def _others(directory: Path, names: tuple[str, ...]) -> list[str]:
    """Manifest files already in ``directory`` that the export does not write (merged too)."""
    if not directory.is_dir():
        return []
    found = (
        p.relative_to(directory).as_posix()
        for p in directory.rglob("*")
        if p.suffix in SUFFIXES and p.is_file()
    )
    return sorted(
        name
        for name in found
        if name not in names and not any(part.startswith(".") for part in name.split("/"))
    )


@click.command(short_help="Write manifests of the live workspace (to adopt it).")
@click.option(
    "--out",
    default="manifests",
    show_default=True,
    metavar="DIR",
    help="Directory to write one file per kind into; '-' prints one combined manifest instead.",
)
@click.option(
    "--only",
    metavar="KINDS",
    help="Comma-separated kinds: collections, groups, projects, users "
    "(default: all but users; users writes a roster of every active user).",
)
@click.option("--force", is_flag=True, help="Overwrite files the export would write.")
@click.option(
    "--schema",
    "schema_ref",
    default=SCHEMA_ID,
    metavar="REF",
    help="What each file's '# yaml-language-server: $schema=' line points to "
    "(default: the schema's $id; a relative path to schemas/manifest.schema.json works too).",
)
@click.pass_context
def export(ctx: click.Context, out: str, only: str | None, force: bool, schema_ref: str) -> None:
    """Write manifests of the live workspace that validate and plan as no change.

    Reads every collection, group (with its members) and project, and writes policy.yaml,
    collections.yaml, groups.yaml and projects.yaml into DIR. Existing files are never
    overwritten without --force. Exit status: 0 written, 1 error.

    \b
    Examples:
      hexsync export --out manifests/
      hexsync export --only groups,users --out - > roster.yaml
    """
    kinds = parse_kinds(only) if only else None
    to_stdout = out == "-"
    directory = Path(out)
    names = export_files(kinds)
    if not to_stdout:
        check_writable_dir(directory, "--out")
        existing = _existing(directory, names)
        if existing and not force:
            listed = ", ".join(str(directory / n) for n in existing)
            raise ConfigError(
                f"refusing to overwrite {listed}",
                hint="pass --force to replace them, or choose another --out directory",
            )
    # Groups are exported with their members, so read every group's (one listing each).
    desired = Desired(policy=Policy(prune_groups=True)) if "groups.yaml" in names else None
    client = build_client(ctx.obj)
    progress = Progress(client.base_url, sys.stderr)

    async def run() -> Live:
        async with client:
            return await read_live(client, desired, progress=progress)

    live = asyncio.run(run())
    progress.done()
    result = build_export(live, only=kinds, schema_ref=schema_ref)
    for note in result.notes:
        click.echo(f"note: {note}", err=True)
    if to_stdout:
        click.echo(result.document, nl=False)
        return
    directory.mkdir(parents=True, exist_ok=True)
    for name, text in result.files.items():
        write_atomically(directory / name, text)
        click.echo(f"wrote {directory / name}")
    others = _others(directory, names)
    if others:
        click.echo(
            f"note: {directory} also holds {', '.join(others)}; validate and plan read every"
            " *.yaml there, so declarations in them merge with (or duplicate) the export",
            err=True,
        )
    click.echo(f"next: hexsync validate {directory} && hexsync plan {directory}")
