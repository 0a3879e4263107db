"""The MCP protocol subset hexsync serves: JSON-RPC 2.0, one message per line, over stdio.

Methods: ``initialize``, ``ping``, ``tools/list``, ``tools/call``; notifications
``notifications/initialized`` and ``notifications/cancelled`` (the call is stopped and, as MCP
asks, not answered). Anything else asked gets -32601; a line that is not JSON gets -32700 and
the server reads on.

Two kinds of failure, as MCP draws the line:

- a protocol error (JSON-RPC ``error``): malformed message, unknown method, unknown tool;
- a tool error (a ``tools/call`` result with ``isError: true``): bad arguments, a Hex API error,
  anything a tool raises. The agent reads it and can correct itself; the server never stops.

Arguments are checked against each tool's ``inputSchema`` (JSON Schema 2020-12) before the tool
runs, so a handler sees only arguments of the documented shape.

Only protocol messages go to the output stream; logs go to the ``hexsync.mcp`` logger (the
command sends it to stderr). Every outgoing line has the given secrets masked, whatever a tool
returned. Calls run concurrently, so a ``ping`` is answered while a long ``plan`` reads.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import threading
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import IO, Any

from jsonschema import Draft202012Validator

from hexsync.errors import HexsyncError

__all__ = ["PROTOCOL_VERSIONS", "Server", "Tool", "ToolError", "ToolResult"]

# Newest first: an unknown version asked for is answered with the newest (MCP's negotiation).
PROTOCOL_VERSIONS = ("2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05")
STRUCTURED_SINCE = "2025-06-18"  # structuredContent in tool results

PARSE_ERROR = -32700
INVALID_REQUEST = -32600
METHOD_NOT_FOUND = -32601
INVALID_PARAMS = -32602
INTERNAL_ERROR = -32603

MASK = "[REDACTED]"

logger = logging.getLogger("hexsync.mcp")


class ToolError(Exception):
    """What a tool raises when it cannot do what was asked: the agent sees the message."""


@dataclass(frozen=True)
class ToolResult:
    """A tool's answer: text blocks (what the agent reads) and, optionally, the same data as a
    JSON object (``structuredContent``, for clients that take it)."""

    texts: tuple[str, ...]
    data: Mapping[str, Any] | None = None
    is_error: bool = False

    @classmethod
    def json(
        cls, data: Mapping[str, Any], *, before: Sequence[str] = (), is_error: bool = False
    ) -> ToolResult:
        """``data`` as indented JSON text (after the texts in ``before``) and as structure."""
        text = json.dumps(data, indent=2, ensure_ascii=False, default=str)
        return cls((*before, text), data, is_error)

    @classmethod
    def error(cls, message: str) -> ToolResult:
        return cls((message,), None, True)


Handler = Callable[[dict[str, Any]], Awaitable[ToolResult]]


@dataclass(frozen=True)
class Tool:
    """One tool: its name, what it does (for the agent), its arguments' schema, its handler."""

    name: str
    description: str
    input_schema: Mapping[str, Any]
    handler: Handler
    read_only: bool = True
    destructive: bool = False
    title: str | None = None

    def listing(self) -> dict[str, Any]:
        """The entry of ``tools/list``."""
        annotations: dict[str, Any] = {"readOnlyHint": self.read_only, "openWorldHint": True}
        if not self.read_only:
            annotations["destructiveHint"] = self.destructive
        if self.title:
            annotations["title"] = self.title
        entry: dict[str, Any] = {
            "name": self.name,
            "description": self.description,
            "inputSchema": dict(self.input_schema),
            "annotations": annotations,
        }
        if self.title:
            entry["title"] = self.title
        return entry


class _RpcError(Exception):
    def __init__(self, code: int, message: str, data: Any = None) -> None:
        super().__init__(message)
        self.code, self.message, self.data = code, message, data


def _error(ident: Any, code: int, message: str, data: Any = None) -> dict[str, Any]:
    error: dict[str, Any] = {"code": code, "message": message}
    if data is not None:
        error["data"] = data
    return {"jsonrpc": "2.0", "id": ident, "error": error}


def _valid_id(ident: Any) -> bool:
    return isinstance(ident, str) or (isinstance(ident, int) and not isinstance(ident, bool))


def _where(path: Iterable[Any]) -> str:
    text = "arguments"
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
    return text


class Server:
    """Serves ``tools`` over MCP.

    ``unavailable`` names tools that exist but are switched off (name → why, and how to switch
    them on): they are not listed, and calling one is a tool error carrying that text.
    ``secrets`` are masked in every line written, should any ever reach a result.
    """

    def __init__(
        self,
        *,
        name: str,
        version: str,
        tools: Sequence[Tool],
        unavailable: Mapping[str, str] | None = None,
        instructions: str | None = None,
        secrets: Iterable[str] = (),
    ) -> None:
        self.name, self.version, self.instructions = name, version, instructions
        self.tools = {t.name: t for t in tools}
        self.unavailable = dict(unavailable or {})
        self._validators = {
            t.name: Draft202012Validator(dict(t.input_schema)) for t in self.tools.values()
        }
        for schema in self._validators.values():
            Draft202012Validator.check_schema(schema.schema)
        self._secrets = tuple(s for s in secrets if s)
        self._running: dict[str | int, asyncio.Task[None]] = {}
        self.protocol_version: str | None = None

    # ------------------------------------------------------------------ messages

    def encode(self, message: Any) -> bytes:
        """One line of output: compact JSON (no raw newlines), secrets masked."""
        text = json.dumps(message, ensure_ascii=False, separators=(",", ":"), default=str)
        for secret in self._secrets:
            text = text.replace(secret, MASK)
        return text.encode("utf-8") + b"\n"

    def decode(self, line: bytes | str) -> tuple[Any, dict[str, Any] | None]:
        """(message, None), or (None, the -32700 answer) for a line that is not JSON."""
        try:
            return json.loads(line), None
        except (ValueError, UnicodeDecodeError) as exc:
            return None, _error(None, PARSE_ERROR, f"Parse error: {exc}")

    async def handle(self, message: Any) -> Any:
        """The answer to one decoded message (a list for a batch); None when none is due."""
        if isinstance(message, list):
            if not message:
                return _error(None, INVALID_REQUEST, "Invalid Request: empty batch")
            answers = [await self._one(m) for m in message]
            return [a for a in answers if a is not None] or None
        return await self._one(message)

    async def _one(self, message: Any) -> dict[str, Any] | None:
        if not isinstance(message, dict):
            return _error(None, INVALID_REQUEST, "Invalid Request: expected a JSON object")
        has_id = "id" in message
        ident = message.get("id")
        if "method" not in message and ("result" in message or "error" in message):
            return None  # an answer to a request of ours: this server sends none
        method = message.get("method")
        if message.get("jsonrpc") != "2.0" or not isinstance(method, str):
            reason = "jsonrpc must be '2.0'" if message.get("jsonrpc") != "2.0" else "no method"
            return _error(ident if _valid_id(ident) else None, INVALID_REQUEST, reason)
        if has_id and not _valid_id(ident):
            return _error(None, INVALID_REQUEST, "Invalid Request: id must be a string or number")
        params = message.get("params", {})
        if not has_id:
            self._notification(method, params)
            return None
        if params is None:
            params = {}
        if not isinstance(params, dict):
            return _error(ident, INVALID_PARAMS, "Invalid params: expected an object")
        try:
            result = await self._dispatch(method, params)
        except _RpcError as exc:
            return _error(ident, exc.code, exc.message, exc.data)
        except Exception as exc:  # a bug must not end the session
            logger.exception("internal error answering %s", method)
            return _error(ident, INTERNAL_ERROR, f"Internal error: {type(exc).__name__}")
        return {"jsonrpc": "2.0", "id": ident, "result": result}

    def _notification(self, method: str, params: Any) -> None:
        if method == "notifications/cancelled" and isinstance(params, dict):
            request = params.get("requestId")
            task = self._running.get(request) if isinstance(request, (str, int)) else None
            if task is not None:
                logger.info("request %s cancelled by the client", request)
                task.cancel()
        # notifications/initialized and any other notification: nothing to answer or do.

    async def _dispatch(self, method: str, params: dict[str, Any]) -> dict[str, Any]:
        if method == "initialize":
            return self._initialize(params)
        if method == "ping":
            return {}
        if method == "tools/list":
            return {"tools": [t.listing() for t in self.tools.values()]}
        if method == "tools/call":
            return await self._call(params)
        raise _RpcError(METHOD_NOT_FOUND, f"Method not found: {method}")

    def _initialize(self, params: dict[str, Any]) -> dict[str, Any]:
        asked = params.get("protocolVersion")
        version = asked if asked in PROTOCOL_VERSIONS else PROTOCOL_VERSIONS[0]
        self.protocol_version = version
        client = params.get("clientInfo")
        who = client.get("name") if isinstance(client, dict) else None
        logger.info("client %s connected (protocol %s)", who or "(unnamed)", version)
        result: dict[str, Any] = {
            "protocolVersion": version,
            "capabilities": {"tools": {"listChanged": False}},
            "serverInfo": {"name": self.name, "version": self.version},
        }
        if self.instructions:
            result["instructions"] = self.instructions
        return result

    async def _call(self, params: dict[str, Any]) -> dict[str, Any]:
        name = params.get("name")
        if not isinstance(name, str):
            raise _RpcError(INVALID_PARAMS, "Invalid params: tools/call needs a tool name")
        if name in self.unavailable:
            return self._result(ToolResult.error(self.unavailable[name]))
        tool = self.tools.get(name)
        if tool is None:
            raise _RpcError(INVALID_PARAMS, f"Unknown tool: {name}", {"tools": sorted(self.tools)})
        arguments = params.get("arguments")
        if arguments is None:
            arguments = {}
        if not isinstance(arguments, dict):
            return self._result(ToolResult.error(f"{name}: arguments must be a JSON object"))
        problems = sorted(
            self._validators[name].iter_errors(arguments), key=lambda e: list(map(str, e.path))
        )
        if problems:
            lines = [f"  {_where(p.absolute_path)}: {p.message}" for p in problems]
            text = f"{name}: invalid arguments:\n" + "\n".join(lines)
            return self._result(ToolResult.error(text))
        try:
            result = await tool.handler(arguments)
        except (ToolError, HexsyncError) as exc:
            result = ToolResult.error(str(exc))
        except Exception as exc:
            logger.exception("tool %s failed", name)
            result = ToolResult.error(f"{name} failed unexpectedly: {type(exc).__name__}: {exc}")
        return self._result(result)

    def _result(self, result: ToolResult) -> dict[str, Any]:
        out: dict[str, Any] = {
            "content": [{"type": "text", "text": t} for t in result.texts],
            "isError": result.is_error,
        }
        structured = self.protocol_version is None or self.protocol_version >= STRUCTURED_SINCE
        if result.data is not None and structured:
            out["structuredContent"] = dict(result.data)
        return out

    # ------------------------------------------------------------------ stdio

    def _track(self, ident: str | int, task: asyncio.Task[None]) -> None:
        """Remember a running call by its request id, for notifications/cancelled."""
        self._running[ident] = task

        def forget(_task: asyncio.Task[None]) -> None:
            if self._running.get(ident) is task:
                del self._running[ident]

        task.add_done_callback(forget)

    async def serve(self, reader: IO[bytes], writer: IO[bytes]) -> None:
        """Answer messages read from ``reader`` (one per line) on ``writer`` until end of input,
        then finish the calls still running and return."""
        loop = asyncio.get_running_loop()
        lines: asyncio.Queue[bytes | None] = asyncio.Queue()

        def read() -> None:
            # A daemon thread: a blocked read never keeps the process alive at exit.
            try:
                for line in iter(reader.readline, b""):
                    loop.call_soon_threadsafe(lines.put_nowait, line)
            except (OSError, ValueError) as exc:
                logger.warning("reading input failed: %s", exc)
            finally:
                with contextlib.suppress(RuntimeError):  # the loop is already closed
                    loop.call_soon_threadsafe(lines.put_nowait, None)

        threading.Thread(target=read, name="hexsync-mcp-stdin", daemon=True).start()

        def write(message: Any) -> None:
            writer.write(self.encode(message))
            writer.flush()

        pending: set[asyncio.Task[None]] = set()

        async def answer(message: Any) -> None:
            try:
                response = await self.handle(message)
            except asyncio.CancelledError:
                return  # cancelled by the client: MCP says no answer
            if response is not None:
                write(response)

        while (line := await lines.get()) is not None:
            if not line.strip():
                continue
            message, parse_error = self.decode(line)
            if parse_error is not None:
                write(parse_error)
                continue
            if isinstance(message, dict) and "id" not in message:
                await answer(message)  # notifications first, in order (a cancel acts at once)
                continue
            task = asyncio.create_task(answer(message))
            pending.add(task)
            task.add_done_callback(pending.discard)
            ident = message.get("id") if isinstance(message, dict) else None
            if isinstance(ident, (str, int)) and _valid_id(ident):
                self._track(ident, task)
        if pending:
            await asyncio.gather(*pending, return_exceptions=True)
