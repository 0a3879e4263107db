"""``hexsync runs trigger|status|list|cancel``: runs of a project's published version."""

from __future__ import annotations

from collections.abc import Callable

import click

from hexsync.cli._output import duration, fields, format_options, heading, table, to_json, when
from hexsync.cli._resolve import options, parse_inputs, with_client
from hexsync.errors import EXIT_ERROR, ConfigError
from hexsync.hexapi import HexClient, Project, Run, RunStarted
from hexsync.ops.runs import (
    RUN_STATUSES,
    TRIGGERS,
    TriggerNames,
    TriggerRequest,
    cancel_run,
    run_json,
    run_of,
    runs_of,
    start_run,
    trigger_json,
    wait_for_run,
)

DEFAULT_POLL_SECONDS = 5.0
# The options of `runs trigger`, as the shared checks of a run name them (hexsync.ops.runs).
OPTION_NAMES = TriggerNames(
    inputs="--input",
    view="--view",
    update_cache="--update-cache",
    dry_run="--dry-run",
    wait="--wait",
    wait_options="--poll-interval and --timeout",
    notify_on="--notify-on",
    recipients="--notify-slack, --notify-user or --notify-group",
)


_POLL_OPTION = click.option(
    "--poll-interval",
    type=click.FloatRange(min=0, min_open=True),
    metavar="S",
    help=f"Seconds between status checks while waiting (default {DEFAULT_POLL_SECONDS:g}).",
)
_TIMEOUT_OPTION = click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    metavar="S",
    help="Give up waiting after S seconds (the run goes on); default: no limit.",
)


@click.group(short_help="Runs: trigger, status, watch, list, cancel.")
def runs() -> None:
    """Runs of a project's latest published version: trigger, status, watch, list, cancel."""


@runs.command("trigger", short_help="Run a project's latest published version.")
@click.argument("project_ref", metavar="PROJECT")
@click.option("--input", "inputs", multiple=True, metavar="NAME=VALUE", help="Input value.")
@click.option("--view", "view_id", metavar="ID", help="Run with a saved view's inputs.")
@click.option("--update-cache", is_flag=True, help="Update the published app's results.")
@click.option("--no-cached-sql", is_flag=True, help="Re-run SQL instead of using cached results.")
@click.option("--dry-run", is_flag=True, help="Only validate the request; run nothing.")
@click.option("--notify-slack", multiple=True, metavar="CHANNEL", help="Slack channel id.")
@click.option("--notify-user", multiple=True, metavar="EMAIL", help="Notify this user.")
@click.option("--notify-group", multiple=True, metavar="NAME", help="Notify this group.")
@click.option(
    "--notify-on",
    type=click.Choice(["success", "failure", "all"]),
    help="When to notify (default: all).",
)
@click.option("--wait", is_flag=True, help="Wait for the run to finish; exit 1 unless COMPLETED.")
@_POLL_OPTION
@_TIMEOUT_OPTION
@format_options(
    as_bool=True, dest="as_json", help="text: for people; json: {project, run, result}."
)
@click.pass_context
def trigger(
    ctx: click.Context,
    project_ref: str,
    inputs: tuple[str, ...],
    view_id: str | None,
    update_cache: bool,
    no_cached_sql: bool,
    dry_run: bool,
    notify_slack: tuple[str, ...],
    notify_user: tuple[str, ...],
    notify_group: tuple[str, ...],
    notify_on: str | None,
    wait: bool,
    poll_interval: float | None,
    timeout: float | None,
    as_json: bool,
) -> None:
    """Run PROJECT's latest published version (PROJECT: id or exact title).

    Input values are JSON when they parse (--input weeks=12, --input flag=true) and text
    otherwise (--input region=EMEA). With --wait, the exit status is 0 only if the run
    COMPLETED; ERRORED, KILLED and UNABLE_TO_ALLOCATE_KERNEL exit 1.

    \b
    Examples:
      hexsync runs trigger "Revenue overview" --input region=EMEA --wait
      hexsync runs trigger "Revenue overview" --update-cache --notify-group Analysts
    """
    request = TriggerRequest(
        project=project_ref,
        inputs=parse_inputs(inputs),
        view_id=view_id,
        update_cache=update_cache,
        use_cached_sql=False if no_cached_sql else None,
        dry_run=dry_run,
        notify_on=notify_on,
        notify_slack=notify_slack,
        notify_users=notify_user,
        notify_groups=notify_group,
        wait=wait,
        poll_seconds=poll_interval,
        timeout=timeout,
    )
    request.check(OPTION_NAMES)
    echo_progress: Callable[[str], None] = (
        (lambda text: click.echo(text, err=True)) if as_json else click.echo
    )
    started_run: list[tuple[Project, RunStarted]] = []

    async def work(client: HexClient) -> tuple[Project, RunStarted, Run | None]:
        project, started = await start_run(client, request)
        started_run.append((project, started))
        if dry_run:
            echo_progress(f"dry run of {project.title!r}: Hex accepted the request; nothing ran")
            return project, started, None
        version = f" (version {started.project_version})" if started.project_version else ""
        echo_progress(f"started run {started.run_id} of {project.title!r}{version}")
        if started.run_url:
            echo_progress(f"  {started.run_url}")
        if not wait:
            return project, started, None

        def on_change(run: Run) -> None:
            click.echo(f"  {run.status}", err=True)

        final = await wait_for_run(
            client,
            project.id,
            started.run_id,
            poll_seconds=poll_interval or DEFAULT_POLL_SECONDS,
            timeout=timeout,
            on_change=on_change,
        )
        return project, started, final

    try:
        project, started, final = with_client(ctx, work)
    except KeyboardInterrupt:
        if started_run:
            project, started = started_run[0]
            click.echo(
                f"stopped waiting; run {started.run_id} goes on "
                f"(hexsync runs watch {project.id} {started.run_id} follows it again, "
                f"hexsync runs cancel {project.id} {started.run_id} stops it)",
                err=True,
            )
        raise
    if as_json:
        click.echo(to_json(trigger_json(project, started, final, dry_run=dry_run)))
    elif final is not None:
        took = duration(final.elapsed_ms)
        click.echo(f"run {final.run_id} {final.status}" + (f" in {took}" if took else ""))
    if final is not None and final.status != "COMPLETED":
        click.echo(f"error: the run ended {final.status}", err=True)
        ctx.exit(EXIT_ERROR)


@runs.command("watch", short_help="Follow a run until it ends (re-attach after Ctrl-C).")
@click.argument("project_ref", metavar="PROJECT")
@click.argument("run_id")
@_POLL_OPTION
@_TIMEOUT_OPTION
@format_options(as_bool=True, dest="as_json", help="text: for people; json: {run: {...}}.")
@click.pass_context
def watch(
    ctx: click.Context,
    project_ref: str,
    run_id: str,
    poll_interval: float | None,
    timeout: float | None,
    as_json: bool,
) -> None:
    """Follow a run already started (by trigger, a schedule, or a trigger --wait you
    stopped with Ctrl-C): each status change on stderr, then the end. Exit 1 unless the run
    ends COMPLETED; Ctrl-C stops watching, not the run. Same as `runs status --wait`.
    RUN_ID is what `runs trigger` printed, or one of `runs list PROJECT`.
    """
    seen: list[Project] = []

    async def work(client: HexClient) -> Run:
        project, _ = await run_of(client, project_ref, run_id)
        seen.append(project)
        return await wait_for_run(
            client,
            project.id,
            run_id,
            poll_seconds=poll_interval or DEFAULT_POLL_SECONDS,
            timeout=timeout,
            on_change=lambda run: click.echo(f"  {run.status}", err=True),
        )

    try:
        final = with_client(ctx, work)
    except KeyboardInterrupt:
        if seen:
            click.echo(
                f"stopped watching; run {run_id} goes on "
                f"(hexsync runs watch {seen[0].id} {run_id} follows it again)",
                err=True,
            )
        raise
    if as_json:
        click.echo(to_json({"run": run_json(final)}))
    else:
        took = duration(final.elapsed_ms)
        click.echo(f"run {final.run_id} {final.status}" + (f" in {took}" if took else ""))
    if final.status != "COMPLETED":
        click.echo(f"error: the run ended {final.status}", err=True)
        ctx.exit(EXIT_ERROR)


@runs.command("status", short_help="Show a run's status (--wait: follow it to its end).")
@click.argument("project_ref", metavar="PROJECT")
@click.argument("run_id")
@click.option("--wait", is_flag=True, help="Follow it until it ends, as `runs watch`.")
@_POLL_OPTION
@_TIMEOUT_OPTION
@format_options(as_bool=True, dest="as_json", help="text: for people; json: {run: {...}}.")
@click.pass_context
def status(
    ctx: click.Context,
    project_ref: str,
    run_id: str,
    wait: bool,
    poll_interval: float | None,
    timeout: float | None,
    as_json: bool,
) -> None:
    """Show a run's status; with --wait, follow it to its end (exit 1 unless COMPLETED)."""
    if wait:
        ctx.invoke(
            watch,
            project_ref=project_ref,
            run_id=run_id,
            poll_interval=poll_interval,
            timeout=timeout,
            as_json=as_json,
        )
        return
    if poll_interval is not None or timeout is not None:
        raise ConfigError("--poll-interval and --timeout only apply with --wait")

    async def work(client: HexClient) -> tuple[Project, Run]:
        return await run_of(client, project_ref, run_id)

    project, run = with_client(ctx, work)
    if as_json:
        click.echo(to_json({"run": run_json(run)}))
        return
    color = options(ctx).color
    click.echo(heading(f"run {run.run_id} of {project.title!r}", color=color))
    click.echo(
        fields(
            [
                ("status", run.status),
                ("trigger", run.run_trigger),
                ("version", run.project_version),
                ("started", when(run.start_time)),
                ("ended", when(run.end_time)),
                ("elapsed", duration(run.elapsed_ms)),
                ("url", run.run_url),
            ],
            color=color,
        )
    )


@runs.command("list")
@click.argument("project_ref", metavar="PROJECT")
@click.option(
    "--status", "status_filter", type=click.Choice(RUN_STATUSES), help="Only this status."
)
@click.option(
    "--trigger",
    "trigger_filter",
    type=click.Choice(TRIGGERS),
    default="ALL",
    show_default=True,
    help="Only runs started this way.",
)
@click.option(
    "--limit", type=click.IntRange(min=1), default=25, show_default=True, help="At most N runs."
)
@format_options(as_bool=True, dest="as_json", help="text: for people; json: {runs: [...]}.")
@click.pass_context
def list_runs(
    ctx: click.Context,
    project_ref: str,
    status_filter: str | None,
    trigger_filter: str,
    limit: int,
    as_json: bool,
) -> None:
    """List a project's runs, newest first."""

    async def work(client: HexClient) -> list[Run]:
        _, found = await runs_of(
            client, project_ref, status=status_filter, trigger=trigger_filter, limit=limit
        )
        return found

    found = with_client(ctx, work)
    if as_json:
        click.echo(to_json({"runs": [run_json(r) for r in found]}))
        return
    if not found:
        click.echo("No runs match.")
        return
    rows = [
        (
            r.run_id,
            r.status,
            r.run_trigger,
            when(r.start_time),
            duration(r.elapsed_ms),
            r.project_version,
        )
        for r in found
    ]
    headers = ["RUN ID", "STATUS", "TRIGGER", "STARTED", "ELAPSED", "VERSION"]
    click.echo(table(headers, rows, color=options(ctx).color))


@runs.command("cancel")
@click.argument("project_ref", metavar="PROJECT")
@click.argument("run_id")
@click.pass_context
def cancel(ctx: click.Context, project_ref: str, run_id: str) -> None:
    """Cancel a PENDING or RUNNING run."""

    async def work(client: HexClient) -> Run:
        _, run = await cancel_run(client, project_ref, run_id)
        return run

    run = with_client(ctx, work)
    click.echo(f"cancelled run {run.run_id} (it was {run.status})")
