"""What every tool of one MCP session shares: the client (or why there is none), the server's
directory, policy and switches, and how the manifests an agent names are read.

Read-only unless ``--allow-writes``; every write tool also wants ``confirm: true``
(:meth:`ToolContext.confirmed`). Every file the tools read or write for the agent is inside
:attr:`ToolContext.root` (:mod:`hexsync.mcp.guard`).
"""

from __future__ import annotations

import asyncio
import contextlib
import tempfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from hexsync.hexapi import HexClient
from hexsync.mcp.guard import confine_sources
from hexsync.mcp.server import ToolError
from hexsync.values.desired import Policy

__all__ = ["ToolContext"]


class ToolContext:
    """The session the tools serve, sharing one client (or the reason there is none)."""

    def __init__(
        self,
        client: HexClient | None,
        *,
        client_problem: str | None = None,
        manifests: Path | None = None,
        allow_writes: bool = False,
        policy: Policy | None = None,
        allow_destroy: bool = False,
        root: Path | None = None,
    ) -> None:
        self.client = client
        self.client_problem = client_problem
        self.manifests = manifests
        self.allow_writes = allow_writes
        self.policy = policy or Policy()
        self.allow_destroy = allow_destroy
        # Every file the tools read or write for the agent is inside this directory.
        self.root = (root or manifests or Path.cwd()).resolve()
        self.apply_lock = asyncio.Lock()  # one apply_plan at a time in this session

    def api(self) -> HexClient:
        if self.client is None:
            raise ToolError(
                self.client_problem or "no Hex API client",
            )
        return self.client

    @staticmethod
    def confirmed(args: Mapping[str, Any], what: str) -> None:
        if args.get("confirm") is not True:
            raise ToolError(
                f"not done: {what} changes the workspace; call again with confirm: true once "
                "the user has agreed"
            )

    @contextlib.contextmanager
    def sources(self, args: Mapping[str, Any]) -> Iterator[tuple[list[str], Path | None]]:
        """(paths to read, the directory names are shown relative to) for validate and plan."""
        inline: dict[str, str] = dict(args.get("manifests") or {})
        if args.get("yaml") is not None:
            if "manifest.yaml" in inline:
                raise ToolError("give the manifest as `yaml` or as manifests['manifest.yaml']")
            inline["manifest.yaml"] = args["yaml"]
        paths: list[str] = list(args.get("paths") or ())
        if inline and paths:
            raise ToolError("give either `paths` or inline manifests (`manifests`, `yaml`)")
        if inline:
            # A private directory (0700) of the server's own, removed after the call.
            with tempfile.TemporaryDirectory(prefix="hexsync-mcp-") as tmp:
                for name, text in inline.items():
                    (Path(tmp) / name).write_text(text, encoding="utf-8")
                yield [tmp], Path(tmp)
            return
        if not paths:
            if self.manifests is None:
                raise ToolError(
                    "no manifests given: pass `paths` or inline `manifests`/`yaml`, or start "
                    "the server with --manifests DIR"
                )
            paths = [str(self.manifests)]
        yield confine_sources(paths, self.root), self.root
