"""Helpers shared by the apply tests (imported by name: pytest puts this folder on sys.path)."""

from __future__ import annotations

import asyncio
from collections import Counter
from typing import Any

import httpx
from acme import ORG_ID

from hexsync.emulator.app import create_app
from hexsync.emulator.clock import ManualClock
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import Seed
from hexsync.hexapi import HexClient
from hexsync.values.kinds import Kind
from hexsync.values.plan import Action, Change, FieldChange, Plan, WorkspaceInfo

TOKEN = "hxtw_test"  # the workspace token of tests/conftest.py's seed
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
        self.clock = ManualClock()
        self.app = create_app(seed, config or EmulatorConfig(rate_limits=None), clock=self.clock)
        self.transport = httpx.ASGITransport(app=self.app)
        self.time = FakeSleep()

    def client(
        self, token: str = TOKEN, transport: httpx.AsyncBaseTransport | None = None
    ) -> HexClient:
        return HexClient(
            token,
            "http://127.0.0.1",
            transport=transport or self.transport,
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


class Gate:
    """An ASGI wrapper in front of the emulator that plays a slow server, in round trips.

    Every API request is held at the gate; :meth:`drive` opens it once no more requests arrive
    (the client has sent all it will send before hearing back), and records how many went
    through together. So ``batches`` is the round trips a run took, and each its width, with no
    wall-clock time involved. ``calls`` is every API request in the order it was let through.
    """

    IDLE_TURNS = 30  # event-loop turns without a new request before the gate opens

    def __init__(self, app: Any) -> None:
        self.app = app
        self.waiting: list[asyncio.Future[None]] = []
        self.batches: list[int] = []
        self.calls: list[tuple[str, str]] = []

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope["path"].startswith("/api/"):
            opened = asyncio.get_running_loop().create_future()
            self.waiting.append(opened)
            await opened
            self.calls.append((scope["method"], scope["path"]))
        await self.app(scope, receive, send)

    async def drive(self, task: asyncio.Task[Any]) -> Any:
        """Run ``task`` to its end, opening the gate once per round trip; returns its result."""
        while not task.done():
            seen, idle = -1, 0
            while idle < self.IDLE_TURNS and not task.done():
                await asyncio.sleep(0)
                idle = idle + 1 if len(self.waiting) == seen else 0
                seen = len(self.waiting)
            if self.waiting:
                self.batches.append(len(self.waiting))
                for opened in self.waiting:
                    opened.set_result(None)
                self.waiting = []
        return task.result()


class GatedEmulator(Emulator):
    """The in-process emulator behind a :class:`Gate`."""

    def __init__(self, seed: Seed, config: EmulatorConfig | None = None) -> None:
        super().__init__(seed, config)
        self.gate = Gate(self.app)
        self.api = httpx.ASGITransport(app=self.gate)

    def gated_client(self) -> HexClient:
        """A client whose requests wait at the gate (``client()`` goes around it)."""
        return self.client(transport=self.api)


class HoldsTheCreate(httpx.AsyncBaseTransport):
    """Hex keeping a CreateProject whose answer the client never gets: the client times out at
    once, and the emulator carries the request out only on :meth:`land` (after the client's
    read-back, as a request held at a busy server or a proxy would be)."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner
        self.held: list[httpx.Request] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.method == "POST" and request.url.path == "/api/v1/projects" and not self.held:
            await request.aread()
            self.held.append(request)
            raise httpx.ReadTimeout("The read operation timed out", request=request)
        return await self.inner.handle_async_request(request)

    async def land(self) -> None:
        for request in self.held:
            response = await self.inner.handle_async_request(request)
            await response.aread()


def duplicate_names(state: dict[str, Any]) -> dict[str, list[str]]:
    """The names that a workspace's ``state`` holds more than once, per kind (groups,
    collections, project titles)."""
    out: dict[str, list[str]] = {}
    for kind, key in (("groups", "name"), ("collections", "name"), ("projects", "title")):
        counts = Counter(item[key] for item in state[kind])
        dup = sorted(name for name, n in counts.items() if n > 1)
        if dup:
            out[kind] = dup
    return out


def many_users(count: int) -> list[dict[str, str]]:
    """``count`` more workspace users, ``m000@acme.com`` …, for groups over 100 members."""
    return [{"email": f"m{i:03d}@acme.com", "role": "EDITOR"} for i in range(count)]


def compact_workspace(projects: int = 8) -> tuple[dict[str, Any], dict[str, Any]]:
    """A small workspace and manifests that exercise every kind of write apply makes.

    Live: 160 users, groups ``Old`` (to delete, shared on every project) and ``Wide`` (120
    members), ``projects`` projects. Manifests: a new group of 150 members (a create and an
    add), ``Wide`` losing and gaining members, a new collection, every project's status and
    every sharing dimension changed towards the new group and collection, two new projects
    with status and sharing, ``Old`` deleted. Returns (seed data, manifest data).
    """
    emails = [f"u{i:03d}@acme.com" for i in range(160)]
    seed: dict[str, Any] = {
        "org": {"id": ORG_ID, "name": "Compact"},
        "tokens": [{"token": TOKEN, "kind": "workspace"}],
        "statuses": ["Exploratory", "Production"],
        "users": [
            {"email": e, "role": "ADMIN" if i == 0 else "EDITOR"} for i, e in enumerate(emails)
        ],
        "groups": [
            {"name": "Old", "members": emails[:5]},
            {"name": "Wide", "members": emails[:120]},
        ],
        "collections": [{"name": "Existing"}],
        "projects": [
            {
                "title": f"P{p:02d}",
                "owner": emails[0],
                "status": "Exploratory",
                "sharing": {"users": {emails[p + 1]: "CAN_VIEW"}, "groups": {"Old": "CAN_VIEW"}},
            }
            for p in range(projects)
        ],
    }
    sharing = {
        "workspace": "APP_ONLY",
        "groups": {"Big": "CAN_VIEW", "Wide": "APP_ONLY"},
        "collections": {"Fresh": "CAN_VIEW"},
    }
    manifest: dict[str, Any] = {
        "version": 1,
        "policy": {"max_destroy": 1000},
        "collections": [{"name": "Existing"}, {"name": "Fresh", "description": "new"}],
        "groups": [
            {"name": "Big", "members": emails[10:160]},
            {"name": "Wide", "members": emails[30:150]},
            {"name": "Old", "ensure": "absent"},
        ],
        "projects": [
            {
                "title": f"P{p:02d}",
                "status": "Production",
                "sharing": {**sharing, "users": {emails[p + 2]: "CAN_EDIT"}},
            }
            for p in range(projects)
        ]
        + [
            {
                "title": f"New {n}",
                "description": "made by apply",
                "status": "Production",
                "sharing": {**sharing, "users": dict.fromkeys(emails[1:30], "CAN_VIEW")},
            }
            for n in range(2)
        ],
    }
    return seed, manifest
