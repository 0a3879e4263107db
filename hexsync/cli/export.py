"""``hexsync export``: manifests of the live workspace, to adopt it (docs/export.md)."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import os
import sys
from collections.abc import Mapping
from pathlib import Path

import click

from hexsync.cli._files import ReadCounter, check_regular, check_writable_dir, write_atomically
from hexsync.cli._output import format_options, to_json
from hexsync.cli.client_factory import build_client
from hexsync.cli.schema import LOCAL_NAME, schema_text
from hexsync.errors import ConfigError, HexsyncError, plural
from hexsync.export.manifests import (
    SCHEMA_ID,
    SPLIT_BYTES,
    SPLIT_KINDS,
    build_export,
    export_files,
    parse_kinds,
)
from hexsync.export.suggest import suggest_rules
from hexsync.manifest import load
from hexsync.manifest.load import DEFAULT_LIMITS, SUFFIXES
from hexsync.ops.slim import slim_manifests
from hexsync.planning.planner import build_plan
from hexsync.readers.workspace import read_live
from hexsync.values.desired import Desired, Policy
from hexsync.values.live import Live

RULES_FILE = "rules.yaml"


def _suggested(live: Live, schema_ref: str) -> str:
    """rules.yaml, with what it explains and every rule's exceptions said on stderr."""
    found = suggest_rules(live)
    click.echo(
        f"suggested {len(found.rules)} rule{'' if len(found.rules) == 1 else 's'} explaining"
        f" {found.explained} of {found.grants} live grants ({found.share:.0%})",
        err=True,
    )
    for rule in found.rules:
        if rule.exceptions:
            shown = ", ".join(repr(t) for t in rule.exceptions[:5])
            more = f" and {len(rule.exceptions) - 5} more" if len(rule.exceptions) > 5 else ""
            click.echo(
                f"  rule {rule.name}: {len(rule.exceptions)} exception(s): {shown}{more}", err=True
            )
    return f"# yaml-language-server: $schema={schema_ref}\n" + found.document


def _slimmed(directory: Path, written: list[str], live: Live, api_url: str) -> str:
    """Drop from the exported entries what the suggested rules yield (``hexsync slim`` on the
    files just written): a note saying what was done, or why not."""
    now = dt.datetime.now(dt.timezone.utc)
    try:
        desired = load([directory])
        before = build_plan(desired, live, api_url=api_url, now=now)
        result = slim_manifests(
            [directory], desired, live, before, now=now, editable=[directory / n for n in written]
        )
    except HexsyncError as exc:
        return f"the entries were not slimmed ({exc.message}); run `hexsync slim {directory}`"
    entries = plural(len(result.dropped), "entry", "entries")
    return (
        f"dropped {plural(result.fields, 'field')} from {entries} that say what the suggested"
        f" rules yield, so the rules decide them (the plan is the same; `hexsync slim` does"
        " this on a repository)"
    )


def _existing(directory: Path, names: tuple[str, ...]) -> list[str]:
    return [n for n in names if os.path.lexists(directory / n)]


def _split_parts(directory: Path, names: tuple[str, ...]) -> list[str]:
    """Files in the folders a split export owns (``projects/*.yaml`` …) for the kinds written:
    a re-export replaces them all, so none is left to duplicate what the new files declare."""
    found: list[str] = []
    for kind in SPLIT_KINDS:
        folder = directory / kind
        if f"{kind}.yaml" in names and folder.is_dir():
            found += sorted(
                p.relative_to(directory).as_posix()
                for p in folder.iterdir()
                if p.suffix in SUFFIXES and not p.name.startswith(".")
            )
    return found


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


def _remove_stale(directory: Path, stale: list[str], *, quiet: bool = False) -> list[str]:
    """A file an earlier export wrote that this one does not (the kind was split, or no longer
    is): removed, or it would declare its objects a second time. Only reached with --force."""
    removed = []
    for name in stale:
        path = directory / name
        if path.is_file() and name != LOCAL_NAME:
            path.unlink()
            removed.append(name)
            if not quiet:
                click.echo(f"removed {path} (now in other files of this export)")
    for kind in SPLIT_KINDS:
        folder = directory / kind
        with contextlib.suppress(OSError):  # not there, or holds other files: left alone
            folder.rmdir()
    return removed


def _report_split(files: Mapping[str, str]) -> None:
    for kind in SPLIT_KINDS:
        parts = [n for n in files if n.startswith(f"{kind}/")]
        if parts:
            click.echo(
                f"note: {kind} split into {len(parts)} files under {kind}/ (each under "
                f"{SPLIT_BYTES // 1_000_000} MB; validate and plan read at most 5 MB a file)",
                err=True,
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
    help="Comma-separated kinds: collections, connections, groups, projects, users "
    "(default: collections, groups, projects; users writes a roster of every active user, "
    "connections the data connections' sharing).",
)
@click.option("--force", is_flag=True, help="Overwrite files the export would write.")
@click.option(
    "--schema",
    "schema_ref",
    default=None,
    metavar="REF",
    help="What each file's '# yaml-language-server: $schema=' line points to. Default: "
    f"{LOCAL_NAME}, a copy export writes into DIR (with --out -: the schema's $id).",
)
@click.option(
    "--suggest-rules",
    is_flag=True,
    help=f"Also write {RULES_FILE}: rules that explain most of the live sharing, each listing"
    " its exceptions (with --out -, print only that file).",
)
@format_options(help="json: {directory, wrote, removed, notes} (the files are YAML either way).")
@click.pass_context
def export(
    ctx: click.Context,
    out: str,
    only: str | None,
    force: bool,
    schema_ref: str | None,
    suggest_rules: bool,
    output: str,
) -> None:
    """Write manifests of the live workspace that validate and plan as no change.

    Reads every collection, group (with its members) and project, and writes policy.yaml,
    collections.yaml, groups.yaml and projects.yaml into DIR. Existing files are never
    overwritten without --force. Exit status: 0 written, 1 error.

    \b
    Examples:
      hexsync export --out manifests/
      hexsync export --only groups,users --out - > roster.yaml
      hexsync export --suggest-rules --out manifests/
    """
    kinds = parse_kinds(only) if only else None
    to_stdout = out == "-"
    as_json = output == "json"
    if to_stdout and as_json:
        raise ConfigError(
            "--out - prints the manifests themselves: there is no report to print as JSON",
            hint="give a directory with --out to have a JSON report of the files written",
        )
    directory = Path(out)
    local_schema = schema_ref is None and not to_stdout
    rules_only = False  # --suggest-rules into a folder of manifests: rules.yaml only
    if schema_ref is None:
        schema_ref = LOCAL_NAME if local_schema else SCHEMA_ID
    names = (
        export_files(kinds)
        + ((LOCAL_NAME,) if local_schema else ())
        + ((RULES_FILE,) if suggest_rules else ())
    )
    if not to_stdout:
        check_writable_dir(directory, "--out")
        for name in names:
            check_regular(directory / name, "--out")
        existing = _existing(directory, names) + _split_parts(directory, names)
        rules_only = suggest_rules and bool(existing) and not force
        if rules_only and RULES_FILE not in existing:
            # Manifests are there already (an earlier export, edited since): add the rules
            # beside them and leave every other file as it is.
            names = (RULES_FILE,) + ((LOCAL_NAME,) if LOCAL_NAME not in existing else ())
            local_schema = LOCAL_NAME in names
            existing = []
            click.echo(
                f"note: {directory} holds manifests already: writing only {RULES_FILE} beside"
                " them (--force exports every file anew)",
                err=True,
            )
        elif rules_only:
            raise ConfigError(
                f"refusing to overwrite {directory / RULES_FILE}",
                hint="move it aside to have the suggestions written beside the manifests, or"
                " pass --force to export every file anew",
            )
        if existing and not force:
            listed = ", ".join(str(directory / n) for n in existing)
            raise ConfigError(
                f"refusing to overwrite {listed}",
                hint="pass --force to replace them, or choose another --out directory",
            )
    # Groups are exported with their members, so read every group's (one listing each).
    members = "groups.yaml" in export_files(kinds)
    desired = Desired(policy=Policy(prune_groups=True)) if members else None
    client = build_client(ctx.obj)
    progress = ReadCounter(client.base_url, sys.stderr)

    async def run() -> Live:
        async with client:
            return await read_live(
                client, desired, progress=progress, connections="connections.yaml" in names
            )

    live = asyncio.run(run())
    progress.done()
    result = build_export(live, only=kinds, schema_ref=schema_ref)
    for note in result.notes:
        click.echo(f"note: {note}", err=True)
    files = {} if rules_only else dict(result.files)
    if suggest_rules:
        files[RULES_FILE] = _suggested(live, schema_ref)
    if to_stdout:
        if not suggest_rules and len(result.document.encode("utf-8")) > DEFAULT_LIMITS.max_bytes:
            click.echo(
                "note: this one document is larger than validate and plan read "
                f"({DEFAULT_LIMITS.max_bytes // 1_000_000} MB a file); export to a directory "
                "instead (--out DIR), which splits large kinds into several files",
                err=True,
            )
        click.echo(files[RULES_FILE] if suggest_rules else result.document, nl=False)
        return
    directory.mkdir(parents=True, exist_ok=True)
    if local_schema:
        files[LOCAL_NAME] = schema_text()  # what the $schema lines point at, for editors
    stale = [n for n in (*names, *_split_parts(directory, names)) if n not in files]
    for name, text in files.items():
        (directory / name).parent.mkdir(exist_ok=True)
        write_atomically(directory / name, text, option="--out")
        if not as_json:
            click.echo(f"wrote {directory / name}")
    removed = _remove_stale(directory, stale, quiet=as_json)
    notes = list(result.notes)
    if suggest_rules:
        if rules_only:
            notes.append(
                f"the manifests already in {directory} were left as they are: `hexsync slim"
                f" {directory}` drops from their entries what the rules yield, so the rules"
                " decide it"
            )
        else:
            notes.append(_slimmed(directory, list(files), live, client.base_url))
        if not as_json:
            click.echo(f"note: {notes[-1]}", err=True)
    if not rules_only:
        _report_split(result.files)
    others = _others(directory, (*names, *result.files))
    if others:
        click.echo(
            f"note: {directory} also holds {', '.join(others)}; validate and plan read every"
            " *.yaml there, so declarations in them merge with (or duplicate) the export",
            err=True,
        )
    if as_json:
        report = {
            "directory": str(directory),
            "wrote": [str(directory / n) for n in files],
            "removed": [str(directory / n) for n in removed],
            "notes": notes,
        }
        click.echo(to_json(report))
        return
    click.echo(f"next: hexsync validate {directory} && hexsync plan {directory}")
