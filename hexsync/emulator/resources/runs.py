"""Runs: RunProject, GetProjectRuns, GetRunStatus, CancelRun (and their legacy paths)."""

from __future__ import annotations

import json
import uuid
from typing import Any

from starlette.responses import Response

from hexsync.emulator import bodies
from hexsync.emulator.clock import to_iso
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.context import (
    ApiError,
    Ctx,
    body_status,
    ok,
    path_uuid,
    q_enum,
    q_int,
    validate_body,
)
from hexsync.emulator.envelopes import new_trace_id
from hexsync.emulator.permissions import get_project
from hexsync.emulator.store import Project, Run

TERMINAL = ("COMPLETED", "ERRORED", "KILLED", "UNABLE_TO_ALLOCATE_KERNEL")


def run_state(
    run: Run, now: float, config: EmulatorConfig
) -> tuple[str, float | None, float | None]:
    """(status, start, end) of ``run`` at emulated time ``now``: PENDING → RUNNING → result.

    A dry run ran nothing: it is COMPLETED from the start, with no elapsed time.
    """
    if run.dry_run:
        return "COMPLETED", run.created, run.created
    started = run.created + config.run_pending_seconds
    done = started + config.run_running_seconds
    if run.killed_at is not None:
        return "KILLED", (started if run.killed_at >= started else None), run.killed_at
    if now < started:
        return "PENDING", None, None
    if run.result == "UNABLE_TO_ALLOCATE_KERNEL":
        return run.result, None, started
    if now < done:
        return "RUNNING", started, None
    return run.result, started, done


def run_urls(ctx: Ctx, run_id: str, project_id: str) -> tuple[str, str]:
    """(runUrl, runStatusUrl); a run started on a legacy path gets its status there too."""
    base = ctx.base_url()
    status = f"project/{project_id}/run" if ctx.op.legacy_path else f"projects/{project_id}/runs"
    return (
        f"{base}/app/projects/{project_id}/runs/{run_id}",
        f"{base}/api/v1/{status}/{run_id}",
    )


def run_json(ctx: Ctx, run: Run, *, expanded: bool = False) -> dict[str, Any]:
    now = ctx.clock.now()
    status, start, end = run_state(run, now, ctx.config)
    elapsed = None
    if start is not None:
        elapsed = round(((end if end is not None else now) - start) * 1000)
    body: dict[str, Any] = {
        "projectId": run.project_id,
        "projectVersion": str(run.version),
        "runId": run.id,
        "runUrl": run_urls(ctx, run.id, run.project_id)[0],
        "status": status,
        "runTrigger": run.trigger,
        "startTime": None if start is None else to_iso(start),
        "endTime": None if end is None else to_iso(end),
        "elapsedTime": elapsed,
        "traceId": new_trace_id(),
    }
    if run.notifications:
        body["notifications"] = run.notifications
    if expanded:
        events = [("PENDING", run.created)]
        if start is not None:
            events.append(("RUNNING", start))
        if end is not None:
            events.append((status, end))
        body["stateEvents"] = [
            {"type": "STATUS", "value": value, "timestamp": to_iso(at)} for value, at in events
        ]
    return body


def _check_inputs(project: Project, params: dict[str, Any]) -> None:
    if project.inputs is None:
        return
    declared = {i["name"]: i for i in project.inputs}
    not_found = [name for name in params if name not in declared]
    invalid = []
    cell_types = {
        "string": "TEXT_INPUT",
        "number": "NUMBER_INPUT",
        "boolean": "CHECKBOX",
        "date": "DATE_INPUT",
        "datetime": "DATE_INPUT",
        "list": "MULTISELECT",
        "any": "TEXT_INPUT",
    }
    for name, value in params.items():
        spec = declared.get(name)
        if spec is None:
            continue
        kind = spec["type"]
        good = {
            "string": isinstance(value, str),
            "number": isinstance(value, (int, float)) and not isinstance(value, bool),
            "boolean": isinstance(value, bool),
            "date": isinstance(value, str),
            "datetime": isinstance(value, str),
            "list": isinstance(value, list),
            "any": True,
        }[kind]
        if not good:
            invalid.append(
                {
                    "paramName": name,
                    "paramValue": json.dumps(value),
                    "dataType": kind.upper(),
                    "inputCellType": cell_types[kind],
                }
            )
    if not_found or invalid:
        parts = []
        if not_found:
            parts.append(f"unknown inputs: {', '.join(not_found)}")
        if invalid:
            parts.append(f"invalid values for: {', '.join(i['paramName'] for i in invalid)}")
        raise ApiError(
            422,
            "Invalid input parameters (" + "; ".join(parts) + ")",
            extra={"traceId": new_trace_id(), "invalid": invalid, "notFound": not_found},
        )


def _notification_recipients(ctx: Ctx, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    store = ctx.store
    recipients: list[dict[str, Any]] = []
    missing: list[str] = []
    for item in items:
        common = {
            "type": item["type"],
            "includeSuccessScreenshot": item["includeSuccessScreenshot"],
        }
        if "subject" in item:
            common["subject"] = item["subject"]
        if "body" in item:
            common["body"] = item["body"]
        if "screenshotFormat" in item:
            common["screenshotFormat"] = [item["screenshotFormat"]]
        for channel in item.get("slackChannelIds", []):
            recipients.append(
                {
                    **common,
                    "recipientType": "SLACK_CHANNEL",
                    "recipient": {"id": channel, "name": channel, "isPrivate": False},
                }
            )
        for raw in item.get("userIds", []):
            user = store.users.get(raw.lower())
            if user is None or not user.active:
                missing.append(f"user {raw}")
                continue
            recipients.append(
                {
                    **common,
                    "recipientType": "USER",
                    "recipient": {"id": user.id, "name": user.name or user.email},
                }
            )
        for raw in item.get("groupIds", []):
            group = store.groups.get(raw.lower())
            if group is None:
                missing.append(f"group {raw}")
                continue
            recipients.append(
                {
                    **common,
                    "recipientType": "GROUP",
                    "recipient": {"id": group.id, "name": group.name},
                }
            )
    if missing:
        raise ApiError(422, f"Unknown notification recipients: {', '.join(missing)}")
    return recipients


def run_project(ctx: Ctx) -> Response:
    path_uuid(ctx, "projectId")
    body = validate_body(ctx, bodies.RUN_PROJECT, required=False)
    project = get_project(ctx)
    has_inputs = "inputParams" in body
    if "viewId" in body and has_inputs:
        raise ApiError(body_status(ctx), "viewId and inputParams cannot be given together")
    if has_inputs and (body.get("updateCache") or body.get("updatePublishedResults")):
        raise ApiError(422, "Cannot update the cache if specifying custom input parameters")
    if project.last_published_at is None:
        raise ApiError(422, f"Project {project.id} has never been published: publish it to run it")
    inputs: dict[str, Any] = body.get("inputParams", {})
    if "viewId" in body:
        inputs = _saved_view(project, body["viewId"])
    _check_inputs(project, inputs)
    notifications = _notification_recipients(ctx, body.get("notifications", []))
    now = ctx.clock.now()
    run_id = str(uuid.uuid4())
    dry_run = body.get("dryRun", False)
    if not dry_run:
        active = sum(
            1 for r in ctx.store.runs.values() if run_state(r, now, ctx.config)[0] not in TERMINAL
        )
        if active >= ctx.config.kernel_limit:
            raise ApiError(503, f"No kernel available: {active} runs already in progress")
    # A dry run is kept too, so that its runStatusUrl answers (COMPLETED, nothing ran).
    ctx.store.runs[run_id] = Run(
        id=run_id,
        project_id=project.id,
        created=now,
        result=project.run_result,
        version=project.version,
        notifications=notifications,
        input_params=dict(inputs),
        dry_run=dry_run,
    )
    run_url, status_url = run_urls(ctx, run_id, project.id)
    result: dict[str, Any] = {
        "projectId": project.id,
        "runId": run_id,
        "runUrl": run_url,
        "runStatusUrl": status_url,
        "traceId": new_trace_id(),
        "projectVersion": project.version,
    }
    if notifications:
        result["notifications"] = notifications
    return ok(result, 201)


def _saved_view(project: Project, view_id: str) -> dict[str, Any]:
    """The inputs of the saved view ``view_id``; an id the project has no view for is a 422."""
    for view in project.views:
        if view["id"] == view_id.lower():
            return dict(view["inputs"])
    raise ApiError(422, f"Saved view {view_id!r} not found in project {project.id}")


def _get_run(ctx: Ctx) -> tuple[Project, Run]:
    path_uuid(ctx, "projectId")
    run_id = path_uuid(ctx, "runId")
    project = get_project(ctx)
    run = ctx.store.runs.get(run_id)
    if run is None or run.project_id != project.id:
        raise ApiError(404, f"Run {run_id} not found in project {project.id}")
    return project, run


def get_run_status(ctx: Ctx) -> Response:
    _, run = _get_run(ctx)
    expanded = ctx.request.headers.get("enable-expanded-stats", "").lower() == "true"
    return ok(run_json(ctx, run, expanded=expanded))


def cancel_run(ctx: Ctx) -> Response:
    _, run = _get_run(ctx)
    now = ctx.clock.now()
    status = run_state(run, now, ctx.config)[0]
    if status in TERMINAL:
        raise ApiError(
            422, f"Run {run.id} is {status}: only PENDING or RUNNING runs can be cancelled"
        )
    run.killed_at = now
    return Response(status_code=204)


RUN_STATUSES = ("PENDING", "RUNNING", "ERRORED", "COMPLETED", "KILLED", "UNABLE_TO_ALLOCATE_KERNEL")


def get_project_runs(ctx: Ctx) -> Response:
    path_uuid(ctx, "projectId")
    limit = q_int(ctx, "limit", 25, 1, 100)
    offset = q_int(ctx, "offset", 0, 0, None)
    status_filter = q_enum(ctx, "statusFilter", RUN_STATUSES, None)
    trigger = q_enum(ctx, "runTriggerFilter", ("SCHEDULED", "API", "APP_REFRESH", "ALL"), "ALL")
    project = get_project(ctx)
    now = ctx.clock.now()
    runs = sorted(
        (r for r in ctx.store.runs.values() if r.project_id == project.id and not r.dry_run),
        key=lambda r: (-r.created, r.id),
    )
    if trigger != "ALL":
        runs = [r for r in runs if r.trigger == trigger]
    if status_filter is not None:
        runs = [r for r in runs if run_state(r, now, ctx.config)[0] == status_filter]
    page = runs[offset : offset + limit]
    url = ctx.request.url
    next_page = None
    if offset + limit < len(runs):
        next_page = str(url.include_query_params(limit=limit, offset=offset + limit))
    previous_page = None
    if offset > 0:
        previous_page = str(url.include_query_params(limit=limit, offset=max(0, offset - limit)))
    return ok(
        {
            "runs": [run_json(ctx, r) for r in page],
            "nextPage": next_page,
            "previousPage": previous_page,
            "traceId": new_trace_id(),
        }
    )
