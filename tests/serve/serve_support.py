"""``hexsync serve`` as a subprocess against ``hexsync emulator serve`` (both on loopback ports),
and the ways a test talks to them: the controller's API, Hex's API behind its back, the store."""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import hmac
import itertools
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
    "HANG",
    "HEX_TOKEN",
    "HOOK_SECRET",
    "VIEWER",
    "Served",
    "assert_seen_within_one_interval",
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
HANG = 60.0  # real seconds: a bound on a hang, never on how fast things go on a loaded machine
# The controller's seconds from the end of an interval's wait to the start of a sync (a read of
# the store): milliseconds of real time, 60 times that on its clock; bounded well below a minute.
START_UP = 30.0


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


def wait_until(predicate: Callable[[], T], timeout: float = HANG, what: str = "") -> T:
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


def _at(stamp: str) -> dt.datetime:
    return dt.datetime.fromisoformat(stamp.replace("Z", "+00:00"))


def _ended_with_previous(
    served: Served, sync_id: int
) -> tuple[dict[str, Any], dict[str, Any]] | None:
    """(the sync before, sync ``sync_id``) once that one has ended."""
    syncs = sorted(served.syncs(), key=lambda s: s["id"])
    for before, sync in itertools.pairwise(syncs):
        if sync["id"] == sync_id and sync["finished_at"]:
            return before, sync
    return None


def assert_seen_within_one_interval(
    served: Served, item: dict[str, Any], newest_before: int, newest_after: int, interval: float
) -> None:
    """A drift item (``/api/drift``) made by a change in Hex was seen within one interval, on the
    controller's clock: by the sync running when the change was made or by the first one begun
    after it (``newest_before``/``newest_after``: the newest sync's id just before the change and
    once Hex had it), which began one ``interval`` (the controller's seconds) after the sync
    before it ended. How long that takes in real time is the machine's business."""
    seen_by = item["first_sync_id"]
    assert newest_before <= seen_by <= newest_after + 1, (newest_before, seen_by, newest_after)
    previous, detector = wait_until(
        lambda: _ended_with_previous(served, seen_by), HANG, "the sync that saw it to end"
    )
    waited = (_at(detector["started_at"]) - _at(previous["finished_at"])).total_seconds()
    assert waited < interval + START_UP, (previous, detector)
    assert _at(detector["started_at"]) <= _at(item["first_seen"]) <= _at(detector["finished_at"])
