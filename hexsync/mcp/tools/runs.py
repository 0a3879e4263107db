"""Runs of a project's published version: status, list, and the writes ``trigger_run`` and
``cancel_run``."""

from __future__ import annotations

import logging
from typing import Any

from hexsync.hexapi import Run
from hexsync.mcp.context import ToolContext
from hexsync.mcp.server import ToolResult
from hexsync.mcp.tools._declare import CONFIRM, PROJECT, RUN_ID, Toolbox, schema
from hexsync.ops import runs as ops_runs
from hexsync.ops.projects import project_ref_json
from hexsync.ops.runs import (
    RUN_STATUSES,
    TRIGGERS,
    TriggerNames,
    TriggerRequest,
    run_json,
    run_of,
    runs_of,
    start_run,
    trigger_json,
    wait_for_run,
)

RUN_POLL_SECONDS = 1.0
MAX_WAIT_SECONDS = 300
# trigger_run's arguments, as the shared checks of a run name them (hexsync.ops.runs).
ARGUMENT_NAMES = TriggerNames(
    inputs="inputs",
    view="view_id",
    update_cache="update_cache",
    dry_run="dry_run",
    wait="wait",
    wait_options="wait_seconds",
    notify_on="notify.on",
    recipients="notify.slack_channel_ids, notify.user_emails or notify.group_names",
)

TOOLS = Toolbox()


@TOOLS.tool(
    "get_run_status",
    "The status of one run of a project (PENDING, RUNNING, COMPLETED, ERRORED, "
    "KILLED, UNABLE_TO_ALLOCATE_KERNEL), with times and its URL.",
    schema({"project": PROJECT, "run_id": RUN_ID}, ("project", "run_id")),
)
async def get_run_status(ctx: ToolContext, args: dict[str, Any]) -> ToolResult:
    project, run = await run_of(ctx.api(), args["project"], args["run_id"])
    return ToolResult.json({"project": project_ref_json(project), "run": run_json(run)})


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
    project, found = await runs_of(
        ctx.api(),
        args["project"],
        status=args.get("status"),
        trigger=args.get("trigger", "ALL"),
        limit=args.get("limit", 25),
    )
    return ToolResult.json(
        {
            "project": project_ref_json(project),
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
    notify = args.get("notify") or {}
    wait = args.get("wait_seconds")
    request = TriggerRequest(
        project=args["project"],
        inputs=args.get("inputs") or {},
        view_id=args.get("view_id"),
        update_cache=bool(args.get("update_cache")),
        use_cached_sql=args.get("use_cached_sql"),
        dry_run=args.get("dry_run", False),
        notify_on=notify.get("on"),
        notify_slack=tuple(notify.get("slack_channel_ids", ())),
        notify_users=tuple(notify.get("user_emails", ())),
        notify_groups=tuple(notify.get("group_names", ())),
        wait=bool(wait),
        timeout=float(wait) if wait else None,
    )
    request.check(ARGUMENT_NAMES)
    client = ctx.api()
    project, started = await start_run(client, request)
    final: Run | None = None
    if request.wait:

        def on_change(run: Run) -> None:
            logging.getLogger("hexsync.mcp").info("run %s: %s", run.run_id, run.status)

        final = await wait_for_run(
            client,
            project.id,
            started.run_id,
            poll_seconds=RUN_POLL_SECONDS,
            timeout=request.timeout,
            on_change=on_change,
        )
    document = trigger_json(project, started, final, dry_run=request.dry_run)
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
    project, run = await ops_runs.cancel_run(ctx.api(), args["project"], args["run_id"])
    return ToolResult.json(
        {
            "cancelled": True,
            "project": project_ref_json(project),
            "run_id": run.run_id,
            "was": run.status,
        }
    )
