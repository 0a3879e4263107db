"""The workspace's people and connections: whoami, users, groups, collections, data
connections, and ``deactivate_user`` (a write)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hexsync.mcp.context import ToolContext
from hexsync.mcp.guard import deactivation_refusals
from hexsync.mcp.server import ToolError, ToolResult
from hexsync.mcp.tools._declare import CONFIRM, Toolbox, schema
from hexsync.ops.collections import all_collections, collection_json
from hexsync.ops.connections import all_connections, connection_json
from hexsync.ops.groups import all_groups, group_json
from hexsync.ops.resolve import find_connection
from hexsync.ops.users import (
    DIRECTORY_SYNC_WARNING,
    active_users,
    deactivate_in_order,
    user_json,
    users_to_deactivate,
)

TOOLS = Toolbox()


@TOOLS.tool(
    "whoami",
    "Who the API token acts as: the workspace (org) id, the token kind (workspace "
    "tokens see everything; personal tokens see what their user sees), the API URL, "
    "whether write tools are enabled, and the default manifests directory.",
    schema({}),
)
async def whoami(ctx: ToolContext, _args: dict[str, Any]) -> ToolResult:
    client = ctx.api()
    me = await client.me()
    return ToolResult.json(
        {
            "org_id": me.org_id,
            "token_kind": "workspace" if me.is_workspace_token else "personal",
            "user": user_json(me.user) if me.user is not None else None,
            "api_url": client.base_url,
            "writes_enabled": ctx.allow_writes,
            "manifests_dir": str(ctx.manifests) if ctx.manifests else None,
            "directory": str(ctx.root),
            "working_directory": str(Path.cwd()),
        }
    )


@TOOLS.tool(
    "list_users",
    "The workspace's active users (email, name, role, last login), sorted by email. "
    "Hex does not list deactivated users. Optionally only one group's members.",
    schema({"group": {"type": "string", "description": "Exact group name."}}),
)
async def list_users(ctx: ToolContext, args: dict[str, Any]) -> ToolResult:
    found = await active_users(ctx.api(), args.get("group"))
    return ToolResult.json({"users": [user_json(u) for u in found]})


@TOOLS.tool(
    "list_groups",
    "The workspace's groups by name. With members: true, each group's member "
    "emails too (one more API request per group).",
    schema({"members": {"type": "boolean", "default": False}}),
)
async def list_groups(ctx: ToolContext, args: dict[str, Any]) -> ToolResult:
    found = await all_groups(ctx.api(), with_members=bool(args.get("members")))
    return ToolResult.json({"groups": [group_json(g, m) for g, m in found]})


@TOOLS.tool(
    "list_collections",
    "The workspace's collections: name, description, creator, and who they are "
    "shared with (user and group ids).",
    schema({}),
)
async def list_collections(ctx: ToolContext, _args: dict[str, Any]) -> ToolResult:
    found = await all_collections(ctx.api())
    return ToolResult.json({"collections": [collection_json(c) for c in found]})


@TOOLS.tool(
    "list_data_connections",
    "The workspace's data connections: id, name, type, description.",
    schema({}),
)
async def list_data_connections(ctx: ToolContext, _args: dict[str, Any]) -> ToolResult:
    found = await all_connections(ctx.api())
    return ToolResult.json({"connections": [connection_json(c) for c in found]})


@TOOLS.tool(
    "get_data_connection",
    "One data connection in full: settings, connection details (Hex sends no secrets) and sharing.",
    schema(
        {
            "connection": {
                "type": "string",
                "minLength": 1,
                "description": "The connection's id or exact, unique name.",
            }
        },
        ("connection",),
    ),
)
async def get_data_connection(ctx: ToolContext, args: dict[str, Any]) -> ToolResult:
    conn = await find_connection(ctx.api(), args["connection"])
    return ToolResult.json({"connection": connection_json(conn, full=True)})


@TOOLS.tool(
    "deactivate_user",
    "Deactivate users by email. Hex has no way to re-activate them through the "
    "API. Every email is checked first; an unknown one stops the call before "
    "anything changes. Workspaces with Directory Sync manage users in their "
    "identity provider. Prefer declaring `users: [{email, active: false}]` in the "
    "manifests and going through plan and apply_plan.",
    schema(
        {
            "emails": {
                "type": "array",
                "items": {"type": "string", "minLength": 1},
                "minItems": 1,
            },
            "confirm": CONFIRM,
        },
        ("emails", "confirm"),
    ),
    read_only=False,
    destructive=True,
)
async def deactivate_user(ctx: ToolContext, args: dict[str, Any]) -> ToolResult:
    ctx.confirmed(args, "deactivate_user")
    client = ctx.api()
    emails = [e.strip().lower() for e in args["emails"]]
    refused = deactivation_refusals(emails, ctx.policy, allow_destroy=ctx.allow_destroy)
    if refused:
        raise ToolError(
            "refused by the server's policy, nobody was deactivated: " + "; ".join(refused)
        )
    targets = await users_to_deactivate(client, emails)
    done = await deactivate_in_order(client, targets)
    return ToolResult.json(
        {"deactivated": [user_json(u) for u in done], "warning": DIRECTORY_SYNC_WARNING}
    )
