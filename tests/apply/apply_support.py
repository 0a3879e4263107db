"""Helpers shared by the apply tests (imported by name: pytest puts this folder on sys.path)."""

from __future__ import annotations

import asyncio
from collections import Counter
from typing import Any

import httpx

from hexsync.emulator.app import create_app
from hexsync.emulator.clock import ManualClock
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import Seed
from hexsync.hexapi import HexClient
from hexsync.plan import Action, Change, FieldChange, Kind, Plan, WorkspaceInfo

TOKEN = "hxtw_test"  # the workspace token of tests/conftest.py's seed
ORG_ID = "5a8591dd-4039-49df-9202-96385ba3eff8"
WRITES = frozenset(
    {
        "CreateCollection",
        "EditCollection",
        "CreateGroup",
        "EditGroup",
        "DeleteGroup",
        "CreateProject",
        "UpdateProject",
        "EditProjectSharingUsers",
        "EditProjectSharingGroups",
        "EditProjectSharingCollections",
        "EditProjectSharingOrgAndPublic",
        "DeactivateUser",
    }
)


class FakeSleep:
    """Client backoff that passes no real time (retries after faults run instantly)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.now += max(0.0, seconds)
        await asyncio.sleep(0)


class Emulator:
    """An in-process emulator (no socket) and clients wired to it."""

    def __init__(self, seed: Seed, config: EmulatorConfig | None = None) -> None:
        self.app = create_app(seed, config or EmulatorConfig(rate_limits=None), clock=ManualClock())
        self.transport = httpx.ASGITransport(app=self.app)
        self.time = FakeSleep()

    def client(self) -> HexClient:
        return HexClient(
            TOKEN,
            "http://127.0.0.1",
            transport=self.transport,
            pacing=False,
            clock=self.time.clock,
            sleep=self.time.sleep,
        )

    async def control(self, method: str, path: str, body: Any = None) -> Any:
        async with httpx.AsyncClient(transport=self.transport, base_url="http://127.0.0.1") as c:
            response = await c.request(method, path, json=body)
            response.raise_for_status()
            return response.json() if response.content else None

    async def state(self) -> dict[str, Any]:
        result: dict[str, Any] = await self.control("GET", "/_emulator/state")
        return result

    async def fault(self, operation_id: str, kind: str, count: int = 1) -> None:
        await self.control(
            "POST", "/_emulator/faults", {"operationId": operation_id, "kind": kind, "count": count}
        )

    async def writes(self) -> Counter[str]:
        """Write requests the emulator answered, by operationId (every status)."""
        stats = await self.control("GET", "/_emulator/stats")
        return Counter(
            {
                op: sum(by_status.values())
                for op, by_status in stats["requests"].items()
                if op in WRITES
            }
        )

    async def project_id(self, title: str) -> str:
        ids = [p["id"] for p in (await self.state())["projects"] if p["title"] == title]
        assert len(ids) == 1, ids
        return str(ids[0])

    async def group_id(self, name: str) -> str:
        ids = [g["id"] for g in (await self.state())["groups"] if g["name"] == name]
        assert len(ids) == 1, ids
        return str(ids[0])


def change(
    kind: str, action: str, name: str, *fields: FieldChange, id: str | None = None
) -> Change:
    return Change(Kind(kind), Action(action), name, id, tuple(fields))


def f(path: str, old: str | None, new: str | None, key: str | None = None) -> FieldChange:
    return FieldChange(path, old, new, key)


def plan_of(*changes: Change) -> Plan:
    return Plan(WorkspaceInfo("http://127.0.0.1", ORG_ID), tuple(changes))
