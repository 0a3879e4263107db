"""Manifests and plans: ``validate``, ``plan`` (``hexsync plan --out``) and ``apply_plan``
(``hexsync apply plan.json``: checksum, freshness against the live workspace, refusals, and the
server's own policy checked again)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path
from typing import Any

from hexsync.apply.gate import apply_saved_plan, refuse_if_refused
from hexsync.apply.lock import apply_lock
from hexsync.apply.report import ApplyReport
from hexsync.errors import ConfigError, plural
from hexsync.manifest import check, load
from hexsync.mcp.context import ToolContext
from hexsync.mcp.guard import bind_policy, confine, plan_refusals
from hexsync.mcp.server import ToolError, ToolResult
from hexsync.mcp.tools._declare import CONFIRM, SOURCES, Toolbox, schema
from hexsync.ops.files import write_atomically
from hexsync.ops.tables import FileTablesStore
from hexsync.ops.validate import summary_line
from hexsync.planning.planner import Target, make_plan
from hexsync.planning.saved_plan import parse_plan, plan_key, read_plan
from hexsync.render import render_json, render_markdown, render_text
from hexsync.values.kinds import Kind
from hexsync.values.plan import Action

LOCK_WAIT = 60.0  # seconds apply_plan waits for another apply's lock: an agent is waiting too

TOOLS = Toolbox()


@TOOLS.tool(
    "validate",
    "Check manifests offline (no API calls): YAML syntax, schema, duplicates, "
    "internal references. Returns every problem at once, each with its location "
    "file:line:column, a message and usually a hint. Give paths, or inline YAML "
    "(`manifests` or `yaml`), or nothing for the server's --manifests directory.",
    schema(SOURCES),
)
async def validate(ctx: ToolContext, args: dict[str, Any]) -> ToolResult:
    with ctx.sources(args) as (paths, base):
        result = check(paths, relative_to=base)
    problems = [
        {"location": f"{p.file}:{p.line}:{p.column}", **p.as_dict()} for p in result.problems
    ]
    return ToolResult.json(
        {
            "ok": result.ok,
            "summary": summary_line(result),
            "files": list(result.files),
            "problems": problems,
        }
    )


@TOOLS.tool(
    "plan",
    "Read the live workspace and compute what applying the manifests would change, "
    "without changing anything. Returns two texts: the plan for people (changes "
    "with + ~ -, who gains and loses access, warnings, refusals, a summary) and the "
    "plan as JSON with its checksum, which is what apply_plan takes, unchanged. "
    "Show the first to the user before applying. Optionally save the JSON to a "
    "file (save_to). Manifest errors come back as a tool error listing every "
    "problem with file:line:column.",
    schema(
        {
            **SOURCES,
            "target": {
                "type": "string",
                "description": "Plan a subset: KIND or KIND:NAME, KIND one of "
                "collection, group, user, project (e.g. group:Analysts).",
            },
            "allow_destroy": {
                "type": "boolean",
                "default": False,
                "description": "Allow more destructive changes than the policy's "
                "max_destroy (only when the user asked for it; refused unless the "
                "server runs with --allow-destroy).",
            },
            "format": {
                "enum": ["text", "markdown"],
                "default": "text",
                "description": "How the first text renders the plan (markdown: "
                "for a pull-request comment).",
            },
            "save_to": {
                "type": "string",
                "description": "Also save the plan JSON to this .json file, "
                "inside the server's directory (needs --allow-writes).",
            },
        }
    ),
)
async def plan(ctx: ToolContext, args: dict[str, Any]) -> ToolResult:
    client = ctx.api()
    save_to = args.get("save_to")
    path: Path | None = None
    if save_to is not None:
        if not ctx.allow_writes:
            raise ToolError(
                "save_to writes a file, and this server is read-only: start it with "
                "--allow-writes to save plans (inside its --manifests directory)"
            )
        if not save_to.lower().endswith(".json"):
            raise ToolError(f"save_to must name a .json file, got {save_to!r}")
        confine(save_to, ctx.root, what="save_to")
        path = ctx.root / Path(save_to).expanduser()  # as given: write checks its links
    allow_destroy = args.get("allow_destroy", False)
    if allow_destroy and not ctx.allow_destroy:
        raise ToolError(
            "allow_destroy is refused: this server keeps policy.max_destroy. A person can "
            "review the plan and run `hexsync apply --allow-destroy`, or start the server "
            "with --allow-destroy"
        )
    target = Target.parse(args["target"]) if args.get("target") else None
    with ctx.sources(args) as (paths, base):
        desired = load(paths, relative_to=base)
    desired = replace(desired, policy=bind_policy(ctx.policy, desired.policy))
    made = await make_plan(
        client, desired, allow_destroy=allow_destroy, target=target, tables=FileTablesStore()
    )
    key = plan_key()
    if key is not None:
        made = made.signed(key)
    plan_json = render_json(made)
    notes: list[str] = []
    if path is not None:
        try:
            write_atomically(path, plan_json, option="save_to")
        except (OSError, ConfigError) as exc:
            raise ToolError(f"cannot save the plan to {save_to}: {exc}") from exc
        notes.append(f"Saved to {path}.")
    if made.refusals:
        notes.append("This plan is REFUSED by a guardrail: apply_plan will not apply it.")
    elif made.empty:
        notes.append("No changes: the workspace matches the manifests.")
    else:
        notes.append(
            f"{plural(len(made.changes), 'change')}. To apply them (after the user approves),"
            " call apply_plan with the JSON below exactly as it is."
        )
    rendering = (
        render_markdown(made, artifact=save_to)
        if args.get("format") == "markdown"
        else render_text(made)
    )
    first = rendering.rstrip("\n") + "\n\n" + " ".join(notes)
    return ToolResult((first, plan_json), made.data)


@TOOLS.tool(
    "apply_plan",
    "Apply a plan made by `plan`, exactly as reviewed, like `hexsync apply "
    "plan.json`: the checksum is verified, the workspace is read again and the plan "
    "is refused if anything it relies on changed since it was made (plan again "
    "then), or if it was refused by policy; otherwise every change is carried out "
    "and read back. Returns the report: each change done, failed or skipped, and "
    "what did not converge. Only after the user approved the plan.",
    schema(
        {
            "plan": {
                "type": ["string", "object"],
                "description": "The plan JSON exactly as `plan` returned it (text or object).",
            },
            "plan_file": {
                "type": "string",
                "description": "Or: a plan saved by `plan` (save_to) or by `hexsync plan --out`.",
            },
            "confirm": CONFIRM,
        },
        ("confirm",),
    ),
    read_only=False,
    destructive=True,
)
async def apply_plan(ctx: ToolContext, args: dict[str, Any]) -> ToolResult:
    ctx.confirmed(args, "apply_plan")
    if ("plan" in args) == ("plan_file" in args):
        raise ToolError("give exactly one of `plan` (the JSON from `plan`) or `plan_file`")
    if "plan_file" in args:
        path = confine(args["plan_file"], ctx.root, what="plan_file")
        saved = read_plan(path, key=plan_key())
    elif isinstance(args["plan"], str):
        saved = parse_plan(args["plan"], source="the plan argument", key=plan_key())
    else:
        text = json.dumps(args["plan"], ensure_ascii=False)
        saved = parse_plan(text, source="the plan argument", key=plan_key())
    refuse_if_refused(saved)
    if saved.empty:
        return ToolResult.json(
            {"ok": True, "applied": False, "message": "The plan has no changes."}
        )
    client = ctx.api()
    # The plan may come from anywhere (another policy, an edited file): the server's policy
    # is checked again on its own changes, with the members of the groups it deletes.
    members: dict[str, frozenset[str] | None] = {}
    for change in saved.changes:
        if change.kind is Kind.GROUP and change.action is Action.DELETE and change.id:
            found = [u.email.lower() async for u in client.iter_users(group_id=change.id)]
            members[change.name] = frozenset(found)
    refused = plan_refusals(
        saved.changes, ctx.policy, allow_destroy=ctx.allow_destroy, members=members
    )
    if refused:
        raise ToolError(
            "refused by the server's policy, nothing was applied:\n"
            + "\n".join(f"  {r}" for r in refused)
        )
    # One apply per workspace at a time, across processes and machines (docs/apply.md).
    lock = apply_lock(client, wait=LOCK_WAIT, notify=lambda t: client.notices.say("lock", t))
    async with ctx.apply_lock, lock:
        report: ApplyReport = await apply_saved_plan(client, saved)
    return ToolResult.json(
        {"applied": True, "message": report.summary, **report.data}, is_error=not report.ok
    )
