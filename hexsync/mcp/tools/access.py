"""The MCP tools ``who_can_access`` and ``what_can_user_access`` (read-only).

Both read the workspace as ``hexsync access`` does (at the floor, every shared group's members)
and answer with the same JSON as ``hexsync access project|user --json``; with ``as_planned``
they answer for the state the given manifests would leave, read through the server's own
manifest sources (paths confined as the server confines them, or inline YAML).
"""

from __future__ import annotations

from typing import Any

from hexsync.manifest import load
from hexsync.mcp.context import ToolContext
from hexsync.mcp.server import ToolResult
from hexsync.mcp.tools._declare import SOURCES, Toolbox, schema
from hexsync.ops.access import (
    AccessState,
    find_project,
    find_user,
    project_doc,
    read_access,
    user_doc,
)

TOOLS = Toolbox()

_AS_PLANNED = {
    "type": "boolean",
    "default": False,
    "description": "Answer for the state the manifests (paths, manifests or yaml; default the "
    "server's --manifests directory) would leave once applied, instead of the live workspace.",
}


async def _state(ctx: ToolContext, args: dict[str, Any]) -> AccessState:
    client = ctx.api()
    desired = None
    if args.get("as_planned"):
        with ctx.sources(args) as (paths, base):  # the server's own sources
            desired = load(paths, relative_to=base)
    return await read_access(client, desired)


@TOOLS.tool(
    "who_can_access",
    "Everyone who can open a project, with their effective level and every path to it "
    "(owner, direct share, group, collection, workspace; the highest wins, Viewers are "
    "capped at Can View, Guests are not workspace members), plus what the workspace "
    "and the public web get. Read-only.",
    schema(
        {
            "project": {
                "type": "string",
                "minLength": 1,
                "description": "The project's id or exact title.",
            },
            "as_planned": _AS_PLANNED,
            **SOURCES,
        },
        ("project",),
    ),
)
async def who_can_access(ctx: ToolContext, args: dict[str, Any]) -> ToolResult:
    state = await _state(ctx, args)
    # An unknown project is a HexsyncError with close matches: the server reports it.
    return ToolResult.json(project_doc(state, find_project(state, args["project"])))


@TOOLS.tool(
    "what_can_user_access",
    "Every project a person can open, with the level and every path to it, and the "
    "projects anyone can open on the public web. Read-only.",
    schema(
        {
            "email": {"type": "string", "minLength": 1, "description": "Their email."},
            "as_planned": _AS_PLANNED,
            **SOURCES,
        },
        ("email",),
    ),
)
async def what_can_user_access(ctx: ToolContext, args: dict[str, Any]) -> ToolResult:
    state = await _state(ctx, args)
    return ToolResult.json(user_doc(state, find_user(state, args["email"])))
