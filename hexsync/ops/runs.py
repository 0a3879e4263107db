"""Runs of a project's published version, as every face starts, follows and shows them."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from typing import Any

from hexsync.errors import HexsyncError
from hexsync.hexapi import (
    HexClient,
    NotFoundError,
    Notification,
    Project,
    Run,
    RunStarted,
    UnprocessableError,
)
from hexsync.ops.resolve import find_project, groups_by_name, users_by_email

__all__ = [
    "RUN_STATUSES",
    "TRIGGERS",
    "inputs_problem",
    "notifications_for",
    "run_json",
    "run_of",
    "trigger_json",
    "wait_for_run",
]

RUN_STATUSES = ("PENDING", "RUNNING", "COMPLETED", "ERRORED", "KILLED", "UNABLE_TO_ALLOCATE_KERNEL")
TRIGGERS = ("API", "SCHEDULED", "APP_REFRESH", "ALL")


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
        "project": {"id": project.id, "title": project.title},
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
