"""``hexsync mcp``: a Model Context Protocol server over stdio (being built)."""

from __future__ import annotations

import click


@click.command()
def mcp() -> None:
    """(being built) Serve hexsync's operations to AI agents over MCP (stdio)."""
    raise click.UsageError("mcp is not implemented yet")
