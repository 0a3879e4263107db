"""The MCP tools ``who_can_access`` and ``what_can_user_access`` (read-only).

Kept beside ``cli/mcp.py`` so the server's own module only lists them. Both read the workspace
as ``hexsync access`` does (at the floor, every shared group's members) and answer with the same
JSON as ``hexsync access project|user --json``; with ``as_planned`` they answer for the state the
given manifests would leave, read through the server's own manifest sources (paths confined as
the server confines them, or inline YAML).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from hexsync.manifest import load
from hexsync.mcp import Tool, ToolResult
from hexsync.ops.access import (
    AccessState,
    find_project,
    find_user,
    project_doc,
    read_access,
    user_doc,
)

if TYPE_CHECKING:
    from hexsync.cli.mcp import HexTools

_AS_PLANNED = {
    "type": "boolean",
    "default": False,
    "description": "Answer for the state the manifests (paths, manifests or yaml; default the "
    "server's --manifests directory) would leave once applied, instead of the live workspace.",
}


async def _state(tools: HexTools, args: dict[str, Any]) -> AccessState:
    client = tools.api()
    desired = None
    if args.get("as_planned"):
        with tools._sources(args) as (paths, base):  # the server's own sources
            desired = load(paths, relative_to=base)
    return await read_access(client, desired)


def access_tools(
    tools: HexTools, sources: dict[str, Any], schema: Callable[..., Any]
) -> list[Tool]:
    """The two tools, bound to ``tools`` (the session's client and manifest sources)."""

    async def who_can_access(args: dict[str, Any]) -> ToolResult:
        state = await _state(tools, args)
        # An unknown project is a HexsyncError with close matches: the server reports it.
        return ToolResult.json(project_doc(state, find_project(state, args["project"])))

    async def what_can_user_access(args: dict[str, Any]) -> ToolResult:
        state = await _state(tools, args)
        return ToolResult.json(user_doc(state, find_user(state, args["email"])))

    return [
        Tool(
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
                    **sources,
                },
                ("project",),
            ),
            who_can_access,
        ),
        Tool(
            "what_can_user_access",
            "Every project a person can open, with the level and every path to it, and the "
            "projects anyone can open on the public web. Read-only.",
            schema(
                {
                    "email": {"type": "string", "minLength": 1, "description": "Their email."},
                    "as_planned": _AS_PLANNED,
                    **sources,
                },
                ("email",),
            ),
            what_can_user_access,
        ),
    ]
