"""``hexsync review start|status|close|export``: access reviews from git (docs/reviews.md)."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import sys
from pathlib import Path

import click

from hexsync.cli._files import ReadCounter, manifest_paths
from hexsync.cli._output import format_options, table, to_json
from hexsync.cli._resolve import options
from hexsync.cli.client_factory import build_client
from hexsync.errors import HexsyncError
from hexsync.manifest import load
from hexsync.ops.access import AccessState, read_access
from hexsync.ops.files import write_atomically
from hexsync.ops.review import Scope, close_review, read_review, review_status, start_review
from hexsync.ops.review_evidence import export_review
from hexsync.planning.saved_plan import read_plan
from hexsync.values.plan import Plan


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


@click.group(short_help="Access reviews from git: start, status, close, export.")
def review() -> None:
    """Periodic access reviews driven from git (docs/reviews.md).

    start snapshots effective access into reviews/NAME.yaml, one item per grant with its
    reviewer; reviewers set keep or revoke in a pull request; status shows progress; close edits
    the manifests so the next plan removes what was revoked; export writes the evidence pack.
    """


@review.command("start")
@click.argument("name")
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option(
    "--scope",
    default="all",
    show_default=True,
    metavar="SCOPE",
    help="all, collection:NAME, group:NAME or project:TITLE.",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The review file (default: reviews/NAME.yaml under the current directory).",
)
@click.option("--due", default="14d", show_default=True, help="A date, or a duration from now.")
@click.option(
    "--pending",
    type=click.Choice(["keep", "revoke"]),
    default="keep",
    show_default=True,
    help="What close does with items still pending.",
)
@click.pass_context
def review_start(
    ctx: click.Context,
    name: str,
    paths: tuple[str, ...],
    scope: str,
    out: Path | None,
    due: str,
    pending: str,
) -> None:
    """Snapshot effective access into a review file, one item per grant, each with a reviewer
    (the manifests' reviewers:) and decision: pending.

    \b
    Examples:
      hexsync review start 2027-q1 manifests/
      hexsync review start finance-q1 manifests/ --scope collection:Finance --due 2027-03-15
    """
    chosen = Scope.parse(scope)
    target = out or Path("reviews") / f"{name}.yaml"
    if target.exists():
        raise HexsyncError(
            f"{target} exists: a review file is a record, never overwritten",
            hint="give the review another NAME, or --out another file",
        )
    files = manifest_paths(paths)
    desired = load(files)
    client = build_client(options(ctx))
    progress = ReadCounter(client.base_url, sys.stderr)

    async def run() -> AccessState:
        async with client:
            return await read_access(client, progress=progress)

    state = asyncio.run(run())
    progress.count = state.live.read_requests
    progress.done()
    text, count = start_review(
        name,
        state.engine,
        desired,
        scope=chosen,
        now=_now(),
        due=due,
        pending=pending,
        api_url=options(ctx).api_url.rstrip("/"),
        manifests=[str(p) for p in files],
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(target, text, option="--out")
    click.echo(f"Wrote {target}: {count} item{'s' if count != 1 else ''} to review.")


@review.command("status")
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@format_options(
    "text", "markdown", "json", help="markdown: for a pull-request comment; json: for scripts."
)
def review_status_command(file: Path, output: str) -> None:
    """Progress per reviewer, and who is overdue.

    \b
    Examples:
      hexsync review status reviews/2027-q1.yaml
      hexsync review status reviews/2027-q1.yaml --format markdown
    """
    found = read_review(file)
    rows = review_status(found, _now())
    total = len(found.items)
    decided = sum(r.keep + r.revoke for r in rows)
    if output == "json":
        doc = {
            "review": found.name,
            "due": str(found.data.get("due")),
            "closed": found.closed,
            "items": total,
            "decided": decided,
            "reviewers": [r.data for r in rows],
        }
        click.echo(to_json(doc))
        return
    head = f"Review {found.name}: {decided} of {total} decided, due {found.data.get('due')}"
    if found.closed is not None:
        head += f", closed {found.closed}"
    late = [r.reviewer for r in rows if r.overdue]
    if output == "markdown":
        click.echo(f"### {head}\n")
        click.echo(
            "| reviewer | items | keep | revoke | pending | |\n|---|---:|---:|---:|---:|---|"
        )
        for r in rows:
            flag = "**overdue**" if r.overdue else ""
            click.echo(
                f"| `{r.reviewer}` | {r.items} | {r.keep} | {r.revoke} | {r.pending} | {flag} |"
            )
        if late:
            click.echo(f"\nOverdue: {', '.join(f'`{r}`' for r in late)}.")
        return
    click.echo(head)
    cells = [
        (r.reviewer, r.items, r.keep, r.revoke, r.pending, "overdue" if r.overdue else "")
        for r in rows
    ]
    click.echo(table(["REVIEWER", "ITEMS", "KEEP", "REVOKE", "PENDING", ""], cells))
    if late:
        click.echo(f"Overdue: {', '.join(late)}.")


@review.command("close")
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
def review_close(file: Path, paths: tuple[str, ...]) -> None:
    """Edit the manifests so that every revoked grant is removed (comments and order kept),
    apply the review's policy to items still pending, and mark the review closed. Then plan and
    apply as usual: the plan is an ordinary plan.

    \b
    Examples:
      hexsync review close reviews/2027-q1.yaml manifests/
    """
    found = read_review(file)
    files = manifest_paths(paths)
    desired = load(files)
    closed = close_review(found, files, desired, _now())
    for edits in closed.edits.values():
        for edit in edits:
            click.echo(f"removed {edit.text}")
    counts = ", ".join(f"{n} {k}" for k, n in closed.outcomes.items())
    changed = ", ".join(closed.files) or "none"
    click.echo(f"Closed {found.name}: {counts}. Manifests changed: {changed}.")
    if closed.files:
        click.echo("Next: hexsync plan (review it), then apply.")


@review.command("export")
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option(
    "--out", required=True, type=click.Path(file_okay=False, path_type=Path), help="Directory."
)
@click.option(
    "--plan",
    "plan_file",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="The saved plan (plan --out) that carried the revocations out.",
)
@click.option(
    "--apply",
    "apply_file",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="What `hexsync apply --json` printed (its plan and report).",
)
def review_export(file: Path, out: Path, plan_file: Path | None, apply_file: Path | None) -> None:
    """Write the evidence pack: the snapshot with its hash and time, every decision with its
    reviewer, date and reason, the revocations with the plan and apply that carried them out,
    and a summary page (HTML and CSV), with the hash of every file.

    \b
    Examples:
      hexsync review export reviews/2027-q1.yaml --out evidence/2027-q1
    """
    found = read_review(file)
    plan: Plan | None = read_plan(plan_file, verify=False) if plan_file is not None else None
    report = None
    if apply_file is not None:
        applied = json.loads(apply_file.read_text(encoding="utf-8"))
        if not isinstance(applied, dict) or "report" not in applied:
            raise HexsyncError(f"{apply_file}: not what `hexsync apply --json` prints")
        report = applied.get("report")
        if plan is None and applied.get("plan") is not None:
            plan = Plan.from_data(applied["plan"], source=str(apply_file))
    evidence = export_review(found, out, plan=plan, report=report, now=_now())
    counts = ", ".join(f"{k}: {v}" for k, v in evidence.counts.items())
    click.echo(f"Wrote {out}: {', '.join(evidence.files)}.\n{counts}")
