"""Projects: list, get one, the tables it queries, and ``create_embed_url`` (a write)."""

from __future__ import annotations

from typing import Any

from hexsync.hexapi import EmbedDisplayOptions
from hexsync.mcp.context import ToolContext
from hexsync.mcp.server import ToolResult
from hexsync.mcp.tools._declare import CONFIRM, PROJECT, Toolbox, schema
from hexsync.ops.embed import MAX_EXPIRES_MS, SCOPES, embed_json, presigned_url
from hexsync.ops.projects import (
    ProjectFilters,
    project_json,
    projects_matching,
    queried_tables_json,
    queried_tables_of,
)
from hexsync.ops.resolve import find_project

TOOLS = Toolbox()


@TOOLS.tool(
    "list_projects",
    "Projects the token can see, newest first, with Hex's filters. Set "
    "include_sharing to see who has access (costs no extra requests). At most "
    "`limit` projects are returned; `truncated` says whether more matched.",
    schema(
        {
            "statuses": {
                "type": "array",
                "items": {"type": "string"},
                "description": "Status names, e.g. Production.",
            },
            "categories": {"type": "array", "items": {"type": "string"}},
            "creator": {"type": "string", "description": "Creator's email."},
            "owner": {"type": "string", "description": "Owner's email."},
            "collection": {"type": "string", "description": "Exact collection name."},
            "title_contains": {
                "type": "string",
                "description": "Only titles containing this text (any case).",
            },
            "include_sharing": {"type": "boolean", "default": False},
            "include_archived": {"type": "boolean", "default": False},
            "include_trashed": {"type": "boolean", "default": False},
            "limit": {"type": "integer", "minimum": 1, "maximum": 1000, "default": 50},
        }
    ),
)
async def list_projects(ctx: ToolContext, args: dict[str, Any]) -> ToolResult:
    filters = ProjectFilters(
        statuses=tuple(args.get("statuses", ())),
        categories=tuple(args.get("categories", ())),
        creator=args.get("creator"),
        owner=args.get("owner"),
        collection=args.get("collection"),
        include_sharing=args.get("include_sharing", False),
        include_archived=args.get("include_archived", False),
        include_trashed=args.get("include_trashed", False),
    )
    found, truncated = await projects_matching(
        ctx.api(), filters, title_contains=args.get("title_contains"), limit=args.get("limit", 50)
    )
    return ToolResult.json(
        {
            "projects": [project_json(p) for p in found],
            "count": len(found),
            "truncated": truncated,
        }
    )


@TOOLS.tool(
    "get_project",
    "One project with its sharing: workspace and public-web access, and each user, "
    "group and collection it is shared with, by email or name.",
    schema({"project": PROJECT}, ("project",)),
)
async def get_project(ctx: ToolContext, args: dict[str, Any]) -> ToolResult:
    project = await find_project(ctx.api(), args["project"], include_sharing=True)
    return ToolResult.json({"project": project_json(project)})


@TOOLS.tool(
    "list_queried_tables",
    "The warehouse tables a project queries, with their data connection (Hex's Enterprise plan).",
    schema({"project": PROJECT}, ("project",)),
)
async def list_queried_tables(ctx: ToolContext, args: dict[str, Any]) -> ToolResult:
    project, tables = await queried_tables_of(ctx.api(), args["project"])
    return ToolResult.json(queried_tables_json(project, tables))


@TOOLS.tool(
    "create_embed_url",
    "A single-use presigned URL that embeds a project's published app (Hex "
    "Enterprise with Embedded Analytics). Anyone holding it can open the app once "
    "before it expires.",
    schema(
        {
            "project": PROJECT,
            "user_attributes": {
                "type": "object",
                "additionalProperties": {"type": "string"},
                "description": "Hex user attributes for the viewer.",
            },
            "inputs": {"type": "object", "description": "Input name → default."},
            "exports": {
                "type": "array",
                "items": {"enum": sorted(SCOPES)},
                "description": "Let the viewer export.",
            },
            "expires_in_ms": {
                "type": "integer",
                "minimum": 1,
                "maximum": MAX_EXPIRES_MS,
            },
            "theme": {"enum": ["light", "dark"]},
            "show_run_button": {"type": "boolean"},
            "no_header_padding": {"type": "boolean"},
            "no_base_padding": {"type": "boolean"},
            "no_outline": {"type": "boolean"},
            "no_footer": {"type": "boolean"},
            "test_mode": {"type": "boolean", "default": False},
            "confirm": CONFIRM,
        },
        ("project", "confirm"),
    ),
    read_only=False,
)
async def create_embed_url(ctx: ToolContext, args: dict[str, Any]) -> ToolResult:
    ctx.confirmed(args, "create_embed_url")
    client = ctx.api()
    display = EmbedDisplayOptions(
        theme=args.get("theme"),
        show_embedded_run_button=args.get("show_run_button"),
        no_embed_header_padding=args.get("no_header_padding"),
        no_embed_base_padding=args.get("no_base_padding"),
        no_embed_outline=args.get("no_outline"),
        no_embed_footer=args.get("no_footer"),
    )
    test_mode = args.get("test_mode", False)
    expires_in = args.get("expires_in_ms")
    project, url = await presigned_url(
        client,
        args["project"],
        attributes=args.get("user_attributes"),
        inputs=args.get("inputs"),
        exports=args.get("exports", ()),
        expires_in=expires_in,
        display=display,
        test_mode=test_mode,
    )
    return ToolResult.json(embed_json(project, url, expires_in=expires_in, test_mode=test_mode))
