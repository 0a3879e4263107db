"""``hexsync doctor [-w NAME]``: the first contact with a workspace, read-only.

See docs/workspaces.md; the diagnosis is :mod:`hexsync.ops.doctor`.
"""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

import click

from hexsync.cli._files import check_writable_file, write_atomically
from hexsync.cli._globals import GlobalOptions
from hexsync.cli._output import format_options
from hexsync.cli._workspaces import Section, each_workspace
from hexsync.cli.client_factory import token_for
from hexsync.errors import EXIT_ERROR, EXIT_OK, HexsyncError
from hexsync.hexapi.probe import probe
from hexsync.manifest.workspaces import find_config
from hexsync.ops.doctor import READS, Diagnosis, diagnose, queried_tables_read


def _examine(name: str, opts: GlobalOptions) -> Diagnosis:
    """One workspace: its token, its reads (GETs only), the diagnosis."""
    try:
        token = token_for(opts)
    except HexsyncError as exc:
        found = Diagnosis(name, opts.api_url, "none")
        found.error = exc.message
        return found

    async def run() -> list[Any]:
        answers = await probe(token, opts.api_url, READS)
        tables = queried_tables_read(answers)
        if tables is not None:
            answers += await probe(token, opts.api_url, [tables])
        return answers

    try:
        answers = asyncio.run(run())
    except HexsyncError as exc:
        found = Diagnosis(name, opts.api_url, token.kind)
        found.error = exc.message
        return found
    return diagnose(name, opts.api_url, token.kind, answers)


def _targets(opts: GlobalOptions) -> list[tuple[str, GlobalOptions | None, str | None]]:
    if opts.workspace is not None:
        return [(opts.workspace.name, opts, None)]
    if opts.config is not None or find_config(Path.cwd()) is not None:
        sections: list[Section] = list(each_workspace(opts))
        return [(s.workspace.name, s.opts, s.error.message if s.error else None) for s in sections]
    return [("default", opts, None)]


def _text(found: Diagnosis) -> list[str]:
    lines = [f"Workspace {found.name} ({found.host})"]
    role = f", role {found.role}" if found.role else ""
    lines.append(f"  token: {found.token_kind}{role}")
    if found.error is not None:
        lines.append(f"  error: {found.error}")
    reads = []
    for r in found.reads:
        if r.operation == "Me":
            continue
        shown = f"{r.count}{'+' if r.more else ''}" if r.count is not None else "ok"
        reads.append(f"{r.what} {shown}" if r.ok else f"{r.what} refused (HTTP {r.status})")
    if reads:
        lines.append(f"  may read: {'; '.join(reads)}")
        lines.append("  writes: never tried (doctor only reads)")
        lines.append(f"  queried tables: {found.queried_tables}")
        limits = ", ".join(f"{k}: {v}" for k, v in sorted(found.rate_limits.items()))
        lines.append(f"  rate limits in headers: {limits or 'none seen'}")
        skew = found.skew_seconds
        lines.append(
            "  clock skew: "
            + ("no Date header" if skew is None else f"{skew:+.1f} s (Hex minus here)")
        )
    if found.unknown:
        lines.append("  unknown to hexsync:")
        lines += [
            f"    {u.kind} '{u.value}' at {u.where}"
            + (f" ({u.count} times)" if u.count > 1 else "")
            for u in found.unknown
        ]
    elif found.reads:
        lines.append("  unknown to hexsync: nothing")
    lines.append(f"  verdict: {found.verdict}")
    lines += [f"    - {note}" for note in found.notes]
    return lines


@click.command(short_help="First contact with a workspace: what the token may read (read-only).")
@click.option(
    "--report",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also write an anonymised JSON report (no names, emails or titles) for a bug report.",
)
@format_options("text", "json", help="json: the anonymised report of each workspace.")
@click.pass_context
def doctor(ctx: click.Context, report: Path | None, output: str) -> None:
    """Read each kind of object once and say what hexsync will meet: the token's kind and role,
    what it may read, whether queried tables are offered, the rate limits in the headers, the
    clock skew, and every value in Hex's answers hexsync does not know. Never writes.

    Checks the workspace of -w, else every workspace of hexsync.yaml, else HEX_API_URL's.
    Exit status: 0 when every workspace is ready (notes allowed), 1 otherwise.

    \b
    Examples:
      hexsync doctor
      hexsync doctor --report doctor.json
    """
    opts: GlobalOptions = ctx.obj
    if report is not None:
        check_writable_file(report, "--report")
    found: list[Diagnosis] = []
    for name, options, error in _targets(opts):
        if options is None:
            failed = Diagnosis(name, "", "none")
            failed.error = error
            found.append(failed)
            continue
        found.append(_examine(name, options))
    reports = [{"workspace": i + 1, **d.report()} for i, d in enumerate(found)]
    document = json.dumps({"workspaces": reports}, indent=2, ensure_ascii=False) + "\n"
    if report is not None:
        write_atomically(report, document, option="--report")
    if output == "json":
        click.echo(document.rstrip("\n"))
    else:
        click.echo("\n\n".join("\n".join(_text(d)) for d in found))
    ready = all(d.verdict != "not ready" for d in found)
    ctx.exit(EXIT_OK if ready else EXIT_ERROR)
