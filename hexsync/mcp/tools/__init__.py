"""hexsync's MCP tools: each declared beside its handler, in the module of its area; this
collects them in the order ``tools/list`` gives them (reads first, then the writes).

The handlers parse the agent's arguments, call :mod:`hexsync.ops` (and the planner and apply
for ``plan`` and ``apply_plan``), and answer with the same JSON shapes as the commands'
``--json``.
"""

from __future__ import annotations

from hexsync.mcp.context import ToolContext
from hexsync.mcp.server import Tool
from hexsync.mcp.tools import access, manifests, projects, runs, workspace
from hexsync.mcp.tools._declare import Declared

__all__ = ["ORDER", "catalogue", "declared"]

ORDER = (
    "whoami",
    "list_users",
    "list_groups",
    "list_collections",
    "list_projects",
    "get_project",
    "who_can_access",
    "what_can_user_access",
    "list_queried_tables",
    "list_data_connections",
    "get_data_connection",
    "get_run_status",
    "list_runs",
    "validate",
    "plan",
    "apply_plan",
    "trigger_run",
    "cancel_run",
    "create_embed_url",
    "deactivate_user",
)


def declared() -> dict[str, Declared]:
    """Every tool declared, by name, in :data:`ORDER`."""
    found = {
        d.name: d
        for module in (workspace, projects, access, runs, manifests)
        for d in module.TOOLS.declared
    }
    if set(found) != set(ORDER):
        raise RuntimeError(f"tools declared and ORDER differ: {sorted(set(found) ^ set(ORDER))}")
    return {name: found[name] for name in ORDER}


def catalogue(context: ToolContext) -> list[Tool]:
    """Every tool, bound to the session's ``context``; the writes are ``read_only=False``."""
    return [d.bind(context) for d in declared().values()]
