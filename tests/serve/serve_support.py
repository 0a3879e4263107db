"""``hexsync serve`` as a subprocess against ``hexsync emulator serve`` (both on loopback ports),
and the ways a test talks to them: the controller's API, Hex's API behind its back, the store."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import re
import sys
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "apply"))
from served_support import Proc, run_hexsync, serve_emulator, stop

from hexsync.hexapi import HexClient

__all__ = [
    "ADMIN",
    "HEX_TOKEN",
    "HOOK_SECRET",
    "VIEWER",
    "Served",
    "hex_call",
    "serve_emulator",
    "start_serve",
    "stop",
    "wait_until",
]

T = TypeVar("T")
HEX_TOKEN = "hxtw_demo"  # the Acme seed's workspace token
ADMIN = "admin-token-for-tests"
VIEWER = "viewer-token-for-tests"
HOOK_SECRET = "webhook-secret-for-tests"
SCALE = "60"  # a minute of the controller's time per real second, as the emulator's


@dataclass
class Served:
    proc: Proc
    url: str

    def get(self, path: str, token: str | None = ADMIN, **params: Any) -> httpx.Response:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        return httpx.get(self.url + path, headers=headers, params=params, timeout=10)

    def post(self, path: str, token: str | None = ADMIN, **kwargs: Any) -> httpx.Response:
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        headers.update(kwargs.pop("headers", {}))
        return httpx.post(self.url + path, headers=headers, timeout=10, **kwargs)

    def status(self) -> dict[str, Any]:
        response = self.get("/api/status")
        assert response.status_code == 200, response.text
        return response.json()["workspaces"][0]

    def syncs(self) -> list[dict[str, Any]]:
        return self.get("/api/syncs", limit=500).json()["syncs"]

    def github(self, body: dict[str, Any], secret: str = HOOK_SECRET) -> httpx.Response:
        raw = json.dumps(body).encode()
        signature = "sha256=" + hmac.new(secret.encode(), raw, hashlib.sha256).hexdigest()
        return self.post(
            "/hooks/github",
            token=None,
            content=raw,
            headers={"X-Hub-Signature-256": signature, "X-GitHub-Event": "push"},
        )


def start_serve(
    hex_url: str, manifests: Path, db: str, *args: str, expect_line: bool = True
) -> Served:
    proc = run_hexsync(
        "--api-url", hex_url, "serve", "--manifests", str(manifests), "--db", db,
        "--listen", "127.0.0.1:0", "--time-scale", SCALE, *args,
        env={
            "HEX_API_TOKEN": HEX_TOKEN,
            "HEXSYNC_SERVE_ADMIN_TOKEN": ADMIN,
            "HEXSYNC_SERVE_VIEWER_TOKEN": VIEWER,
            "HEXSYNC_SERVE_WEBHOOK_SECRET": HOOK_SECRET,
        },
    )  # fmt: skip
    line = proc.wait_for(r"listening on http://127\.0\.0\.1:\d+", stream="out")
    match = re.search(r"http://127\.0\.0\.1:\d+", line)
    assert match is not None
    return Served(proc, match.group(0))


def wait_until(predicate: Callable[[], T], timeout: float = 20.0, what: str = "") -> T:
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or predicate}")
        time.sleep(0.05)


def hex_call(url: str, fn: Callable[[HexClient], Awaitable[T]]) -> T:
    """Act on the workspace behind the controller's back, through Hex's API."""

    async def run() -> T:
        async with HexClient(HEX_TOKEN, url, pacing=False) as client:
            return await fn(client)

    return asyncio.run(run())
