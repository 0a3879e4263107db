"""Runs of a project's published version, as every face starts, follows and shows them.

A face describes the run it was asked for as a :class:`TriggerRequest`, checks it with
:meth:`TriggerRequest.check` before any request (a run cannot be taken back), then starts it
with :func:`start_run`. The check is the same for the command and the MCP tool; only the names
it gives the options by differ (:class:`TriggerNames`).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from hexsync.errors import ConfigError, HexsyncError
from hexsync.hexapi import (
    HexClient,
    NotFoundError,
    Notification,
    Project,
    Run,
    RunStarted,
    UnprocessableError,
)
from hexsync.ops.projects import project_ref_json
from hexsync.ops.resolve import find_project, groups_by_name, users_by_email

__all__ = [
    "RUN_STATUSES",
    "TRIGGERS",
    "TriggerNames",
    "TriggerRequest",
    "cancel_run",
    "inputs_problem",
    "notifications_for",
    "run_json",
    "run_of",
    "runs_of",
    "start_run",
    "trigger_json",
    "wait_for_run",
]

RUN_STATUSES = ("PENDING", "RUNNING", "COMPLETED", "ERRORED", "KILLED", "UNABLE_TO_ALLOCATE_KERNEL")
TRIGGERS = ("API", "SCHEDULED", "APP_REFRESH", "ALL")


@dataclass(frozen=True)
class TriggerNames:
    """What a face calls the options of a run, for the messages of :meth:`TriggerRequest.check`
    (``--view`` on the command line, ``view_id`` for the MCP tool)."""

    inputs: str
    view: str
    update_cache: str
    dry_run: str
    wait: str
    wait_options: str  # the options that only apply while waiting
    notify_on: str
    recipients: str  # the options naming who is notified, as "A, B or C"


@dataclass(frozen=True)
class TriggerRequest:
    """One run of a project's latest published version, as a face was asked for it."""

    project: str  # id or exact title
    inputs: Mapping[str, Any] = field(default_factory=dict)
    view_id: str | None = None
    update_cache: bool = False
    use_cached_sql: bool | None = None  # None: Hex's default (use them)
    dry_run: bool = False
    notify_on: str | None = None  # success, failure, all (default all)
    notify_slack: tuple[str, ...] = ()
    notify_users: tuple[str, ...] = ()  # emails
    notify_groups: tuple[str, ...] = ()  # names
    wait: bool = False
    poll_seconds: float | None = None
    timeout: float | None = None

    @property
    def has_recipients(self) -> bool:
        return bool(self.notify_slack or self.notify_users or self.notify_groups)

    def check(self, names: TriggerNames) -> None:
        """Contradictions Hex would refuse, or that would do something else than asked:
        raised before any request, in ``names``."""
        if self.view_id is not None and self.inputs:
            raise ConfigError(
                f"{names.view} and {names.inputs} cannot be combined: a saved view sets the inputs"
            )
        if self.update_cache and self.inputs:
            raise ConfigError(
                f"{names.update_cache} cannot be combined with {names.inputs}: Hex only caches "
                "the published app's own inputs"
            )
        if self.dry_run and self.wait:
            raise ConfigError(
                f"{names.dry_run} starts no run: there is nothing to {names.wait} for"
            )
        if not self.wait and (self.poll_seconds is not None or self.timeout is not None):
            raise ConfigError(f"{names.wait_options} only apply with {names.wait}")
        if self.notify_on is not None and not self.has_recipients:
            # Hex would accept it and notify nobody: not what was asked.
            raise ConfigError(f"{names.notify_on} needs a recipient: {names.recipients}")


def run_json(run: Run) -> dict[str, Any]:
    return {
        "project_id": run.project_id,
        "run_id": run.run_id,
        "status": run.status,
        "run_trigger": run.run_trigger,
        "project_version": run.project_version,
        "start_time": run.start_time,
        "end_time": run.end_time,
        "elapsed_ms": run.elapsed_ms,
        "run_url": run.run_url,
    }


def inputs_problem(exc: UnprocessableError) -> HexsyncError:
    """RunProject's 422 naming inputs, as one line per wrong input."""
    lines = ["the run was not started: Hex refused these inputs"]
    for item in exc.invalid:
        name = item.get("paramName", "?")
        kind = item.get("dataType") or "its type"
        cell = item.get("inputCellType")
        value = item.get("paramValue")
        lines.append(f"  {name}: {value} is not a valid {kind}" + (f" ({cell})" if cell else ""))
    lines.extend(f"  {name}: no such input in the published app" for name in exc.not_found)
    return HexsyncError(
        "\n".join(lines),
        hint='values are JSON when they parse (12, true, ["a"]) and text otherwise; '
        "quote a number to send it as text: --input code='\"042\"'",
    )


async def wait_for_run(
    client: HexClient,
    project_id: str,
    run_id: str,
    *,
    poll_seconds: float,
    timeout: float | None,
    on_change: Callable[[Run], None],
) -> Run:
    """Poll GetRunStatus until the run reaches a terminal status (or ``timeout`` seconds pass)."""
    loop = asyncio.get_running_loop()
    deadline = None if timeout is None else loop.time() + timeout
    last: str | None = None
    while True:
        run = await client.get_run_status(project_id, run_id)
        if run.status != last:
            on_change(run)
            last = run.status
        if run.is_terminal:
            return run
        now = loop.time()
        if deadline is not None and now >= deadline:
            raise HexsyncError(
                f"run {run_id} is still {run.status} after {timeout:g} s; it goes on running",
                hint=f"follow it with: hexsync runs watch {project_id} {run_id} "
                f"(or stop it with: hexsync runs cancel {project_id} {run_id})",
            )
        delay = poll_seconds if deadline is None else min(poll_seconds, deadline - now)
        await asyncio.sleep(max(delay, 0.0))


def trigger_json(
    project: Project, started: RunStarted, final: Run | None, *, dry_run: bool
) -> dict[str, Any]:
    """What ``runs trigger --json`` (and the mcp tool) say about a run started, and its end."""
    return {
        "project": project_ref_json(project),
        "run": {
            "run_id": started.run_id,
            "run_url": started.run_url,
            "run_status_url": started.run_status_url,
            "project_version": started.project_version,
            "dry_run": dry_run,
        },
        "result": run_json(final) if final is not None else None,
    }


async def notifications_for(
    client: HexClient,
    slack: Sequence[str],
    user_emails: Sequence[str],
    group_names: Sequence[str],
    notify_on: str | None,
) -> list[Notification]:
    if not (slack or user_emails or group_names):
        return []
    user_ids = [u.id for u in await users_by_email(client, user_emails)] if user_emails else []
    group_ids = [g.id for g in await groups_by_name(client, group_names)] if group_names else []
    return [
        Notification(
            type=(notify_on or "all").upper(),
            slack_channel_ids=tuple(slack),
            user_ids=tuple(user_ids),
            group_ids=tuple(group_ids),
        )
    ]


async def run_of(client: HexClient, project_ref: str, run_id: str) -> tuple[Project, Run]:
    project = await find_project(client, project_ref)
    try:
        return project, await client.get_run_status(project.id, run_id)
    except NotFoundError as exc:
        raise HexsyncError(
            f"no run {run_id} in project {project.title!r}",
            hint=f"list its runs with: hexsync runs list {project.id}",
        ) from exc


async def start_run(client: HexClient, request: TriggerRequest) -> tuple[Project, RunStarted]:
    """Start ``request`` (checked by :meth:`TriggerRequest.check`): the project and every
    recipient are resolved first, so an unknown name starts nothing; Hex's refusal of the
    inputs comes back as :func:`inputs_problem`."""
    project = await find_project(client, request.project)
    notifications = await notifications_for(
        client,
        request.notify_slack,
        request.notify_users,
        request.notify_groups,
        request.notify_on,
    )
    try:
        started = await client.run_project(
            project.id,
            input_params=dict(request.inputs) or None,
            dry_run=True if request.dry_run else None,
            update_published_results=True if request.update_cache else None,
            use_cached_sql_results=request.use_cached_sql,
            view_id=request.view_id,
            notifications=notifications,
        )
    except UnprocessableError as exc:
        if exc.invalid or exc.not_found:
            raise inputs_problem(exc) from exc
        raise
    return project, started


async def runs_of(
    client: HexClient,
    project_ref: str,
    *,
    status: str | None = None,
    trigger: str = "ALL",
    limit: int = 25,
) -> tuple[Project, list[Run]]:
    """A project's runs, newest first, at most ``limit``."""
    project = await find_project(client, project_ref)
    found: list[Run] = []
    async for run in client.iter_project_runs(
        project.id,
        status_filter=status,
        run_trigger_filter=trigger,
        page_size=min(limit, 100),
    ):
        found.append(run)
        if len(found) >= limit:
            break
    return project, found


async def cancel_run(client: HexClient, project_ref: str, run_id: str) -> tuple[Project, Run]:
    """Cancel a PENDING or RUNNING run; the run as it was before. A finished run is an error,
    also when it finished between reading its status and cancelling it."""

    def finished(run: Run) -> HexsyncError:
        return HexsyncError(
            f"run {run.run_id} has already finished ({run.status}): "
            "only PENDING or RUNNING runs can be cancelled"
        )

    project, run = await run_of(client, project_ref, run_id)
    if run.is_terminal:
        raise finished(run)
    try:
        await client.cancel_run(project.id, run.run_id)
    except UnprocessableError as exc:
        now = await client.get_run_status(project.id, run.run_id)
        if now.is_terminal:  # it finished between the two requests
            raise finished(now) from exc
        raise
    return project, run
