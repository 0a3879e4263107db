"""A small Model Context Protocol server: JSON-RPC 2.0 over stdio, tools only.

hexsync speaks the part of MCP an agent needs to call tools (``initialize``, ``ping``,
``tools/list``, ``tools/call``, cancellation) and nothing else; see :mod:`hexsync.mcp.server`.
hexsync's tools are :mod:`hexsync.mcp.tools` (each declared beside its handler), bound to a
session by :mod:`hexsync.mcp.app`; :mod:`hexsync.mcp.guard` binds them to the server's policy
and directory. ``hexsync mcp`` (the command) starts it.
"""

from __future__ import annotations

from hexsync.mcp.server import (
    PROTOCOL_VERSIONS,
    Server,
    Tool,
    ToolError,
    ToolResult,
)

__all__ = ["PROTOCOL_VERSIONS", "Server", "Tool", "ToolError", "ToolResult"]
