"""End-to-end helpers: the real command line against an emulator on a loopback port."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path
from typing import Any

import httpx
from acme import EXAMPLE_MANIFESTS as MANIFESTS
from acme import EXAMPLE_TOKEN as TOKEN
from apply_support import duplicate_names
from click.testing import CliRunner, Result

from hexsync.cli.main import cli
from hexsync.hexapi import HexClient
from hexsync.manifest import load
from hexsync.planning.planner import make_plan
from hexsync.values.plan import Plan

ENV = {"HEX_API_TOKEN": TOKEN, "NO_COLOR": "1"}
LOCK_WRITES = 2  # `hexsync apply` creates and deletes its lock group (docs/apply.md)


def hexsync(url: str, *args: str) -> Result:
    """Run ``hexsync --api-url URL --rate-limit off ARGS…`` in process; the token comes by env."""
    runner = CliRunner()
    return runner.invoke(
        cli, ["--api-url", url, "--rate-limit", "off", *args], env=ENV, catch_exceptions=False
    )


def plan_now(url: str, manifests: Path = MANIFESTS) -> Plan:
    """What ``hexsync plan`` would say now (the same make_plan path)."""

    async def run() -> Plan:
        async with HexClient(TOKEN, url, pacing=False) as client:
            return await make_plan(client, load([str(manifests)]))

    return asyncio.run(run())


def state(url: str) -> dict[str, Any]:
    result: dict[str, Any] = httpx.get(f"{url}/_emulator/state").json()
    return result


def control(url: str, path: str, body: Any) -> None:
    httpx.post(f"{url}{path}", json=body).raise_for_status()


def writes(url: str) -> int:
    stats = httpx.get(f"{url}/_emulator/stats").json()["requests"]
    return sum(
        sum(by_status.values())
        for op, by_status in stats.items()
        if not op.startswith(("List", "Get", "Me"))
    )


def writes_besides_the_lock(url: str) -> int:
    """Writes other than the apply lock group's create and delete, once per apply
    (docs/apply.md), counting every CreateGroup as a lock's; -1 when they do not pair up."""
    stats = httpx.get(f"{url}/_emulator/stats").json()["requests"]
    counts = {
        op: sum(by_status.values())
        for op, by_status in stats.items()
        if not op.startswith(("List", "Get", "Me"))
    }
    lock = counts.get("CreateGroup", 0)
    if counts.get("DeleteGroup", 0) != lock:
        return -1
    return sum(counts.values()) - 2 * lock


def duplicates(url: str) -> dict[str, list[str]]:
    """Names that exist more than once, per kind (groups, collections, project titles)."""
    return duplicate_names(state(url))


def copy_manifests(tmp: Path) -> Path:
    target = tmp / "manifests"
    shutil.copytree(MANIFESTS, target)
    return target
