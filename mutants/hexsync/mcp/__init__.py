"""A small Model Context Protocol server: JSON-RPC 2.0 over stdio, tools only.

hexsync speaks the part of MCP an agent needs to call tools (``initialize``, ``ping``,
``tools/list``, ``tools/call``, cancellation) and nothing else; see :mod:`hexsync.mcp.server`.
The tools themselves are defined by the command that serves them (``hexsync.cli.mcp``).
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
