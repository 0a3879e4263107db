"""How a tool is declared: beside its handler (``@TOOLS.tool(name, description, schema)`` on
the ``async`` function), with the argument schemas several tools share."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

from hexsync.mcp.context import ToolContext
from hexsync.mcp.server import Tool, ToolResult

__all__ = ["CONFIRM", "PROJECT", "RUN_ID", "SOURCES", "Declared", "Handler", "Toolbox", "schema"]

Handler = Callable[[ToolContext, dict[str, Any]], Awaitable[ToolResult]]


@dataclass(frozen=True)
class Declared:
    """One tool as declared: what ``tools/list`` says of it, and its handler."""

    name: str
    description: str
    input_schema: Mapping[str, Any]
    handler: Handler
    read_only: bool = True
    destructive: bool = False

    def bind(self, context: ToolContext) -> Tool:
        """The tool of one session: its handler called with ``context``."""
        return Tool(
            self.name,
            self.description,
            self.input_schema,
            functools.partial(self.handler, context),
            read_only=self.read_only,
            destructive=self.destructive,
        )


class Toolbox:
    """The tools one module declares, in the order it declares them."""

    def __init__(self) -> None:
        self.declared: list[Declared] = []

    def tool(
        self,
        name: str,
        description: str,
        input_schema: Mapping[str, Any],
        *,
        read_only: bool = True,
        destructive: bool = False,
    ) -> Callable[[Handler], Handler]:
        """Declare the decorated handler as the tool ``name`` (a write tool: ``read_only=False``,
        offered only with ``--allow-writes``)."""

        def declare(handler: Handler) -> Handler:
            self.declared.append(
                Declared(name, description, input_schema, handler, read_only, destructive)
            )
            return handler

        return declare


def schema(properties: Mapping[str, Any], required: tuple[str, ...] = ()) -> dict[str, Any]:
    """An ``inputSchema``: an object of exactly these properties."""
    out: dict[str, Any] = {
        "type": "object",
        "properties": dict(properties),
        "additionalProperties": False,
    }
    if required:
        out["required"] = list(required)
    return out


PROJECT = {
    "type": "string",
    "minLength": 1,
    "description": "The project's id, or its exact title (must be unique among the projects "
    "the token can see).",
}
RUN_ID = {"type": "string", "minLength": 1, "description": "The run's id."}
CONFIRM = {
    "type": "boolean",
    "description": "Must be true: say it only after the user has agreed to this change.",
}
SOURCES: dict[str, Any] = {
    "paths": {
        "type": "array",
        "items": {"type": "string", "minLength": 1},
        "minItems": 1,
        "description": "Manifest files or directories (searched recursively for *.yaml/*.yml), "
        "inside the server's directory (--manifests, else its working directory) and relative "
        "to it; a path outside it is refused. Default: the server's --manifests directory.",
    },
    "manifests": {
        "type": "object",
        "description": "Manifests given inline instead of paths: file name (e.g. groups.yaml) "
        "→ YAML text. Problems are reported against these names.",
        "propertyNames": {"pattern": r"^[A-Za-z0-9][A-Za-z0-9_.-]*\.ya?ml$"},
        "additionalProperties": {"type": "string"},
        "minProperties": 1,
    },
    "yaml": {
        "type": "string",
        "description": "One manifest's YAML text, inline (reported as manifest.yaml).",
    },
}
