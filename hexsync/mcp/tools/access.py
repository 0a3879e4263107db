"""The MCP tools ``who_can_access``, ``what_can_user_access`` and ``who_can_query`` (read-only).

Both read the workspace as ``hexsync access`` does (at the floor, every shared group's members)
and answer with the same JSON as ``hexsync access project|user --json``; with ``as_planned``
they answer for the state the given manifests would leave, read through the server's own
manifest sources (paths confined as the server confines them, or inline YAML).

Data classes (docs/data.md) as the CLI's ``--manifests`` gives them: ``who_can_access`` with
``classes: true`` says which classes the project reads, ``what_can_user_access`` with ``class``
answers what data of that class a person can see and through which path (``access user
--class``). The classes are those of the same manifest sources; the projects' queried tables
are read through the cache in ``.hexsync/`` of the server's directory (only projects edited
since its reading).
"""

from __future__ import annotations

from typing import Any

from hexsync.errors import did_you_mean
from hexsync.manifest import load
from hexsync.mcp.context import ToolContext
from hexsync.mcp.server import ToolError, ToolResult
from hexsync.mcp.tools._declare import SOURCES, Toolbox, schema
from hexsync.ops.access import (
    AccessState,
    find_project,
    find_user,
    project_doc,
    read_access,
    user_doc,
)
from hexsync.ops.data_access import class_doc, connection_doc, find_connection
from hexsync.ops.tables import CACHE_DIR, FileTablesStore
from hexsync.values.desired import FrozenMap, TablePattern

TOOLS = Toolbox()

_AS_PLANNED = {
    "type": "boolean",
    "default": False,
    "description": "Answer for the state the manifests (paths, manifests or yaml; default the "
    "server's --manifests directory) would leave once applied, instead of the live workspace.",
}


_SOURCES_CLASSES = (
    "the data.classes of the manifests (paths, manifests or yaml; default the server's "
    "--manifests directory)"
)
_COST = (
    "Reads every project's queried tables (Hex Enterprise), through the cache in the server's "
    "directory: one request per project edited since; the first read of a large workspace is "
    "long (30 a minute)."
)


async def _state(
    ctx: ToolContext,
    args: dict[str, Any],
    *,
    connections: bool = False,
    classes: bool = False,
    data_class: str | None = None,
) -> AccessState:
    client = ctx.api()
    desired = None
    named: FrozenMap[str, tuple[TablePattern, ...]] | None = None
    if args.get("as_planned") or classes or data_class is not None:
        with ctx.sources(args) as (paths, base):  # the server's own sources
            loaded = load(paths, relative_to=base)
        if args.get("as_planned"):
            desired = loaded
        if classes or data_class is not None:
            named = _classes(loaded.classes, data_class)
    return await read_access(
        client,
        desired,
        connections=connections,
        classes=named,
        tables=FileTablesStore(ctx.root / CACHE_DIR) if named else None,
    )


def _classes(
    declared: FrozenMap[str, tuple[TablePattern, ...]], wanted: str | None
) -> FrozenMap[str, tuple[TablePattern, ...]]:
    """The manifests' classes, checked before anything is read: some are declared, and the
    class asked about is one of them."""
    if not declared:
        raise ToolError(
            "the manifests declare no data.classes: declare them (data: {classes: {pii: "
            "['Connection:schema.table']}}, docs/data.md) or name manifests that do"
        )
    if wanted is not None and wanted not in declared:
        hint = did_you_mean(wanted, declared)
        raise ToolError(
            f"class {wanted!r} is not declared in data.classes (declared: "
            f"{', '.join(declared)})" + (f"; {hint}" if hint else "")
        )
    return declared


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
            "classes": {
                "type": "boolean",
                "default": False,
                "description": "Also say which data classes the project reads (`classes`: "
                f"each with its tables), by {_SOURCES_CLASSES}. {_COST}",
            },
            **SOURCES,
        },
        ("project",),
    ),
)
async def who_can_access(ctx: ToolContext, args: dict[str, Any]) -> ToolResult:
    state = await _state(ctx, args, classes=bool(args.get("classes")))
    # An unknown project is a HexsyncError with close matches: the server reports it.
    return ToolResult.json(project_doc(state, find_project(state, args["project"])))


@TOOLS.tool(
    "what_can_user_access",
    "Every project a person can open, with the level and every path to it, and the "
    "projects anyone can open on the public web; with `class`, only the sensitive data of "
    "that class they can see, and through which path. Read-only.",
    schema(
        {
            "email": {"type": "string", "minLength": 1, "description": "Their email."},
            "class": {
                "type": "string",
                "minLength": 1,
                "description": "Only the data of this class of "
                f"{_SOURCES_CLASSES}: each project reading it they can open (its tables of "
                "the class, their level, every path), what their role reaches without a grant, "
                f"the public ones, and the data connections holding it they can query. {_COST}",
            },
            "as_planned": _AS_PLANNED,
            **SOURCES,
        },
        ("email",),
    ),
)
async def what_can_user_access(ctx: ToolContext, args: dict[str, Any]) -> ToolResult:
    wanted = args.get("class")
    state = await _state(ctx, args, connections=wanted is not None, data_class=wanted)
    user = find_user(state, args["email"])
    if wanted is not None:
        return ToolResult.json(class_doc(state, user, wanted))
    return ToolResult.json(user_doc(state, user))


@TOOLS.tool(
    "who_can_query",
    "Everyone who can query a data connection (QUERY) or only see its results (VIEW_RESULTS), "
    "with every path (workspace members, guests, each group), what the public gets, and the "
    "Admins who manage it. Read-only.",
    schema(
        {
            "connection": {
                "type": "string",
                "minLength": 1,
                "description": "The data connection's exact name or id.",
            },
            "as_planned": _AS_PLANNED,
            **SOURCES,
        },
        ("connection",),
    ),
)
async def who_can_query(ctx: ToolContext, args: dict[str, Any]) -> ToolResult:
    state = await _state(ctx, args, connections=True)
    return ToolResult.json(connection_doc(state, find_connection(state, args["connection"])))
