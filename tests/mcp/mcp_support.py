"""Drive ``hexsync mcp`` as an MCP client would: a subprocess spoken to over its stdin/stdout."""

from __future__ import annotations

import itertools
import json
import os
import queue
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

from acme import EXAMPLE_MANIFESTS, EXAMPLE_TOKEN

ROOT = Path(__file__).resolve().parents[2]
MANIFESTS = EXAMPLE_MANIFESTS
TOKEN = EXAMPLE_TOKEN  # the workspace token of examples/acme/seed.yaml
PERSONAL_TOKEN = "hxtp_bob"  # a non-admin user of the same seed

READ_TOOLS = {
    "whoami",
    "list_users",
    "list_groups",
    "list_collections",
    "list_projects",
    "get_project",
    "list_queried_tables",
    "list_data_connections",
    "get_data_connection",
    "get_run_status",
    "list_runs",
    "validate",
    "plan",
    "who_can_access",
    "what_can_user_access",
}
WRITE_TOOLS = {"apply_plan", "trigger_run", "cancel_run", "create_embed_url", "deactivate_user"}

# The console script's entry point, run by the test's own interpreter (no PATH lookup).
COMMAND = [sys.executable, "-c", "from hexsync.cli.main import main; main()"]
TIMEOUT = 60.0


class McpSession:
    """One ``hexsync [GLOBAL…] mcp [ARGS…]`` process; ``request`` sends and waits for its answer.

    stderr goes to a file (``stderr_text()``), so a chatty server can never block on a pipe.
    """

    def __init__(
        self,
        url: str,
        *args: str,
        token: str | None = TOKEN,
        global_args: tuple[str, ...] = (),
        cwd: Path | None = None,
        stderr_path: Path,
    ) -> None:
        env = {k: v for k, v in os.environ.items() if k not in {"HEX_API_TOKEN", "HEX_API_URL"}}
        env["HEX_API_URL"] = url
        if token is not None:
            env["HEX_API_TOKEN"] = token
        self.stderr_path = stderr_path
        self._stderr = stderr_path.open("wb")
        self.proc = subprocess.Popen(
            [*COMMAND, "--rate-limit", "off", *global_args, "mcp", *args],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            env=env,
            cwd=cwd or ROOT,
        )
        self.lines: list[bytes] = []  # every line the server wrote on stdout
        self._inbox: queue.Queue[bytes | None] = queue.Queue()
        self._ids = itertools.count(1)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in iter(self.proc.stdout.readline, b""):
            self.lines.append(line)
            self._inbox.put(line)
        self._inbox.put(None)

    # ------------------------------------------------------------------ sending

    def send_raw(self, data: bytes) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, message: Any) -> None:
        self.send_raw(json.dumps(message).encode() + b"\n")

    def receive(self) -> dict[str, Any]:
        line = self._inbox.get(timeout=TIMEOUT)
        assert line is not None, f"the server closed its output; stderr:\n{self.stderr_text()}"
        message: dict[str, Any] = json.loads(line)
        return message

    def request(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        """Send a request and return the whole answer (``result`` or ``error``)."""
        ident = next(self._ids)
        message: dict[str, Any] = {"jsonrpc": "2.0", "id": ident, "method": method}
        if params is not None:
            message["params"] = params
        self.send(message)
        answer = self.receive()
        assert answer.get("id") == ident, answer
        return answer

    def notify(self, method: str, params: dict[str, Any] | None = None) -> None:
        message: dict[str, Any] = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            message["params"] = params
        self.send(message)

    def initialize(self, version: str = "2025-06-18") -> dict[str, Any]:
        answer = self.request(
            "initialize",
            {
                "protocolVersion": version,
                "capabilities": {},
                "clientInfo": {"name": "hexsync-tests", "version": "1"},
            },
        )
        self.notify("notifications/initialized")
        result: dict[str, Any] = answer["result"]
        return result

    def call(self, name: str, arguments: dict[str, Any] | None = None) -> dict[str, Any]:
        """``tools/call`` → its result (content, isError); a protocol error fails the test."""
        answer = self.request("tools/call", {"name": name, "arguments": arguments or {}})
        assert "result" in answer, answer
        result: dict[str, Any] = answer["result"]
        return result

    def call_json(self, name: str, arguments: dict[str, Any] | None = None) -> Any:
        """A successful call's last text block, parsed as JSON."""
        result = self.call(name, arguments)
        assert result["isError"] is False, text_of(result)
        return json.loads(result["content"][-1]["text"])

    # ------------------------------------------------------------------ ending

    def close(self) -> int:
        """Close stdin (how MCP clients end a stdio session) and wait for the exit status."""
        if self.proc.stdin is not None and not self.proc.stdin.closed:
            self.proc.stdin.close()
        try:
            code = self.proc.wait(timeout=TIMEOUT)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait()
            if self.proc.stdout is not None:
                self.proc.stdout.close()
            self._stderr.close()
        return code

    def stderr_text(self) -> str:
        if not self._stderr.closed:
            self._stderr.flush()
        return self.stderr_path.read_text(encoding="utf-8", errors="replace")


def text_of(result: dict[str, Any]) -> str:
    """Every text block of a tool result, joined."""
    return "\n".join(block["text"] for block in result["content"])
