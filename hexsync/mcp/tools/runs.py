"""Runs of a project's published version: status, list, and the writes ``trigger_run`` and
``cancel_run``."""

from __future__ import annotations

import logging
from typing import Any

from hexsync.hexapi import Run, UnprocessableError
from hexsync.mcp.context import ToolContext
from hexsync.mcp.server import ToolError, ToolResult
from hexsync.mcp.tools._declare import CONFIRM, PROJECT, RUN_ID, Toolbox, schema
from hexsync.ops.resolve import find_project
from hexsync.ops.runs import (
    RUN_STATUSES,
    TRIGGERS,
    inputs_problem,
    notifications_for,
    run_json,
    run_of,
    trigger_json,
    wait_for_run,
)

RUN_POLL_SECONDS = 1.0
MAX_WAIT_SECONDS = 300

TOOLS = Toolbox()


@TOOLS.tool(
    "get_run_status",
    "The status of one run of a project (PENDING, RUNNING, COMPLETED, ERRORED, "
    "KILLED, UNABLE_TO_ALLOCATE_KERNEL), with times and its URL.",
    schema({"project": PROJECT, "run_id": RUN_ID}, ("project", "run_id")),
)
async def get_run_status(ctx: ToolContext, args: dict[str, Any]) -> ToolResult:
    project, run = await run_of(ctx.api(), args["project"], args["run_id"])
    return ToolResult.json(
        {"project": {"id": project.id, "title": project.title}, "run": run_json(run)}
    )


@TOOLS.tool(
    "list_runs",
    "A project's runs, newest first.",
    schema(
        {
            "project": PROJECT,
            "status": {"enum": list(RUN_STATUSES)},
            "trigger": {"enum": list(TRIGGERS), "default": "ALL"},
            "limit": {"type": "integer", "minimum": 1, "maximum": 500, "default": 25},
        },
        ("project",),
    ),
)
async def list_runs(ctx: ToolContext, args: dict[str, Any]) -> ToolResult:
    client = ctx.api()
    limit: int = args.get("limit", 25)
    project = await find_project(client, args["project"])
    found: list[Run] = []
    async for run in client.iter_project_runs(
        project.id,
        status_filter=args.get("status"),
        run_trigger_filter=args.get("trigger", "ALL"),
        page_size=min(limit, 100),
    ):
        found.append(run)
        if len(found) >= limit:
            break
    return ToolResult.json(
        {
            "project": {"id": project.id, "title": project.title},
            "runs": [run_json(r) for r in found],
        }
    )


@TOOLS.tool(
    "trigger_run",
    "Run a project's latest published version. Input values are JSON values "
    "(numbers, booleans, text, lists). dry_run only checks the request. "
    "wait_seconds waits for the run to finish (polling its status) up to that long.",
    schema(
        {
            "project": PROJECT,
            "inputs": {"type": "object", "description": "Input name → value."},
            "view_id": {"type": "string", "description": "Run a saved view."},
            "dry_run": {"type": "boolean", "default": False},
            "update_cache": {
                "type": "boolean",
                "description": "Update the published app's cached results.",
            },
            "use_cached_sql": {
                "type": "boolean",
                "description": "false re-runs SQL instead of using cached results.",
            },
            "notify": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "on": {"enum": ["success", "failure", "all"]},
                    "slack_channel_ids": {"type": "array", "items": {"type": "string"}},
                    "user_emails": {"type": "array", "items": {"type": "string"}},
                    "group_names": {"type": "array", "items": {"type": "string"}},
                },
            },
            "wait_seconds": {
                "type": "integer",
                "minimum": 1,
                "maximum": MAX_WAIT_SECONDS,
            },
            "confirm": CONFIRM,
        },
        ("project", "confirm"),
    ),
    read_only=False,
)
async def trigger_run(ctx: ToolContext, args: dict[str, Any]) -> ToolResult:
    ctx.confirmed(args, "trigger_run")
    inputs = args.get("inputs")
    if inputs and args.get("view_id"):
        raise ToolError("view_id and inputs cannot be combined: a saved view sets the inputs")
    if inputs and args.get("update_cache"):
        raise ToolError(
            "update_cache cannot be combined with inputs: Hex only caches the published "
            "app's own inputs"
        )
    dry_run = args.get("dry_run", False)
    wait = args.get("wait_seconds")
    if dry_run and wait:
        raise ToolError("dry_run starts no run: there is nothing to wait for")
    client = ctx.api()
    project = await find_project(client, args["project"])
    notify = args.get("notify") or {}
    notifications = await notifications_for(
        client,
        notify.get("slack_channel_ids", ()),
        notify.get("user_emails", ()),
        notify.get("group_names", ()),
        notify.get("on"),
    )
    try:
        started = await client.run_project(
            project.id,
            input_params=inputs or None,
            dry_run=True if dry_run else None,
            update_published_results=True if args.get("update_cache") else None,
            use_cached_sql_results=args.get("use_cached_sql"),
            view_id=args.get("view_id"),
            notifications=notifications,
        )
    except UnprocessableError as exc:
        if exc.invalid or exc.not_found:
            raise inputs_problem(exc) from exc
        raise
    final: Run | None = None
    if wait and not dry_run:

        def on_change(run: Run) -> None:
            logging.getLogger("hexsync.mcp").info("run %s: %s", run.run_id, run.status)

        final = await wait_for_run(
            client,
            project.id,
            started.run_id,
            poll_seconds=RUN_POLL_SECONDS,
            timeout=float(wait),
            on_change=on_change,
        )
    document = trigger_json(project, started, final, dry_run=dry_run)
    failed = final is not None and final.status != "COMPLETED"
    before = (f"the run ended {final.status}",) if final is not None and failed else ()
    return ToolResult.json(document, before=before, is_error=failed)


@TOOLS.tool(
    "cancel_run",
    "Cancel a PENDING or RUNNING run of a project.",
    schema(
        {"project": PROJECT, "run_id": RUN_ID, "confirm": CONFIRM},
        ("project", "run_id", "confirm"),
    ),
    read_only=False,
    destructive=True,
)
async def cancel_run(ctx: ToolContext, args: dict[str, Any]) -> ToolResult:
    ctx.confirmed(args, "cancel_run")
    client = ctx.api()
    project, run = await run_of(client, args["project"], args["run_id"])

    def finished(run: Run) -> ToolError:
        return ToolError(
            f"run {run.run_id} has already finished ({run.status}): only PENDING or "
            "RUNNING runs can be cancelled"
        )

    if run.is_terminal:
        raise finished(run)
    try:
        await client.cancel_run(project.id, run.run_id)
    except UnprocessableError as exc:
        now = await client.get_run_status(project.id, run.run_id)
        if now.is_terminal:  # it finished between the two requests
            raise finished(now) from exc
        raise
    return ToolResult.json(
        {
            "cancelled": True,
            "project": {"id": project.id, "title": project.title},
            "run_id": run.run_id,
            "was": run.status,
        }
    )
