"""The client against the in-process emulator (httpx.ASGITransport): every operation, for real."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest
from acme import ORG_ID
from hexapi_support import ALICE_TOKEN, TOKEN, FakeTime, small_seed

from hexsync.emulator.app import create_app
from hexsync.emulator.clock import ManualClock
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import Seed
from hexsync.hexapi import (
    OPS,
    AmbiguousCreateError,
    EmbedDisplayOptions,
    HexClient,
    NotFoundError,
    Notification,
    UnauthorizedError,
    UnprocessableError,
)

pytestmark = pytest.mark.anyio

NO_LIMITS = EmulatorConfig(rate_limits=None)


class Emulator:
    """An in-process emulator and clients wired to it."""

    def __init__(self, seed: dict[str, Any], config: EmulatorConfig = NO_LIMITS) -> None:
        self.seed = Seed.from_dict(seed)
        self.clock = ManualClock()
        self.app = create_app(self.seed, config, clock=self.clock)
        self.transport = httpx.ASGITransport(app=self.app)

    def client(self, token: str = TOKEN, **kwargs: Any) -> HexClient:
        kwargs.setdefault("pacing", False)
        return HexClient(token, "http://127.0.0.1", transport=self.transport, **kwargs)

    async def control(self, method: str, path: str, body: Any = None) -> Any:
        async with httpx.AsyncClient(transport=self.transport, base_url="http://127.0.0.1") as c:
            response = await c.request(method, path, json=body)
            response.raise_for_status()
            return response.json() if response.content else None

    async def requests_of(self, operation_id: str) -> int:
        """How many requests of ``operation_id`` the emulator saw (GET /_emulator/stats)."""
        return _count(await self.control("GET", "/_emulator/stats"), operation_id)


def _count(stats: Any, operation_id: str) -> int:
    """Requests of ``operation_id`` in GET /_emulator/stats (``{op: {status: count}}``)."""
    return sum(stats["requests"].get(operation_id, {}).values())


@pytest.fixture
def emulator() -> Emulator:
    return Emulator(small_seed())


async def collect(iterator: AsyncIterator[Any]) -> list[Any]:
    return [item async for item in iterator]


async def test_every_operation_round_trips(emulator: Emulator) -> None:
    seed = emulator.seed
    alice, bob, carol = (seed.id_of("users", f"{n}@acme.com") for n in ("alice", "bob", "carol"))
    analysts = seed.id_of("groups", "Analysts")
    finance = seed.id_of("collections", "Finance")
    revenue = seed.id_of("projects", "Revenue overview")
    warehouse = seed.id_of("data_connections", "Warehouse")

    async with emulator.client() as hex_:
        # Users
        me = await hex_.me()
        assert me.org_id == ORG_ID
        assert me.is_workspace_token
        users = await hex_.list_users()
        assert {u.email for u in users.values} >= {"alice@acme.com", "bob@acme.com"}
        assert users.after is None
        members = await collect(hex_.iter_users(group_id=analysts))
        assert sorted(u.email for u in members) == ["alice@acme.com", "bob@acme.com"]

        # Groups
        groups = await hex_.list_groups()
        assert [g.name for g in groups.values] == ["Analysts"]
        assert (await hex_.get_group(analysts)).name == "Analysts"
        created = await hex_.create_group("Partners", member_ids=[carol])
        assert created.name == "Partners"
        assert created.member_ids == (carol,)
        edited = await hex_.edit_group(created.id, name="Partner team", add=[bob], remove=[carol])
        assert edited.name == "Partner team"
        partner_members = await collect(hex_.iter_users(group_id=created.id))
        assert [u.email for u in partner_members] == ["bob@acme.com"]

        # Collections
        collections = await hex_.list_collections()
        assert [c.name for c in collections.values] == ["Finance"]
        assert (await hex_.get_collection(finance)).name == "Finance"
        partners = await hex_.create_collection("Partners", description="Partner apps")
        assert partners.name == "Partners"
        renamed = await hex_.edit_collection(partners.id, name="Partner apps")
        assert renamed.name == "Partner apps"

        # Projects
        projects = await hex_.list_projects(include_sharing=True)
        [project] = projects.values
        assert project.id == revenue
        assert project.sharing is not None
        assert project.sharing.groups == {"Analysts": "CAN_VIEW"}
        assert project.sharing.users == {"carol@acme.com": "CAN_EDIT"}
        assert project.sharing.workspace == "APP_ONLY"
        fetched = await hex_.get_project(revenue, include_sharing=True)
        assert fetched.title == "Revenue overview"
        assert fetched.sharing == project.sharing
        assert (await hex_.get_project(revenue)).sharing is None
        new_project = await hex_.create_project("Partner portal", description="For partners")
        assert new_project.title == "Partner portal"
        updated = await hex_.update_project(revenue, status="Production")
        assert updated.status == "Production"
        cleared = await hex_.update_project(revenue, status=None)
        assert cleared.status is None
        tables = await hex_.get_queried_tables(revenue)
        assert [(t.data_connection_name, t.table_name) for t in tables.values] == [
            ("Warehouse", "analytics.revenue")
        ]

        # Sharing
        shared = await hex_.edit_project_sharing_users(revenue, {bob: "CAN_VIEW", carol: "NONE"})
        assert shared.errors == ()
        assert shared.project.sharing is not None
        assert shared.project.sharing.users == {"bob@acme.com": "CAN_VIEW"}
        shared = await hex_.edit_project_sharing_groups(revenue, {created.id: "CAN_EDIT"})
        assert shared.project.sharing is not None
        assert shared.project.sharing.groups == {"Analysts": "CAN_VIEW", "Partner team": "CAN_EDIT"}
        shared = await hex_.edit_project_sharing_collections(revenue, {finance: "NONE"})
        assert shared.project.sharing is not None
        assert shared.project.sharing.collections == {}
        shared = await hex_.edit_project_sharing_workspace_and_public(
            revenue, workspace="CAN_VIEW", public_web="APP_ONLY"
        )
        assert shared.project.sharing is not None
        assert shared.project.sharing.workspace == "CAN_VIEW"
        assert shared.project.sharing.public_web == "APP_ONLY"
        shared = await hex_.edit_project_sharing_workspace_and_public(revenue, public_web="NONE")
        assert shared.project.sharing is not None
        assert shared.project.sharing.public_web == "NONE"

        # Runs
        started = await hex_.run_project(
            revenue,
            input_params={"region": "EU"},
            notifications=[Notification(type="FAILURE", user_ids=(alice,))],
        )
        assert started.project_id == revenue
        assert started.project_version is not None
        status = await hex_.get_run_status(revenue, started.run_id)
        assert status.run_id == started.run_id
        assert status.status in {"PENDING", "RUNNING"}
        assert not status.is_terminal
        runs = await hex_.get_project_runs(revenue)
        assert [r.run_id for r in runs.runs] == [started.run_id]
        await hex_.cancel_run(revenue, started.run_id)
        assert (await hex_.get_run_status(revenue, started.run_id)).status == "KILLED"

        # Data connections
        connections = await hex_.list_data_connections()
        assert [c.name for c in connections.values] == ["Warehouse"]
        conn = await hex_.get_data_connection(warehouse)
        assert (conn.name, conn.type) == ("Warehouse", "snowflake")
        new_conn = await hex_.create_data_connection(
            "Scratch",
            "postgres",
            {
                "postgres": {
                    "hostname": "db",
                    "port": 5432,
                    "database": "x",
                    "username": "u",
                    "password": "pw",
                }
            },
            description="scratch",
            extra={"connectViaSsh": False},
        )
        assert (new_conn.name, new_conn.type) == ("Scratch", "postgres")
        edited_conn = await hex_.edit_data_connection(new_conn.id, {"description": "scratch db"})
        assert edited_conn.id == new_conn.id
        schema = await hex_.update_data_connection_schema(
            warehouse, [("SCHEMA", "ANALYTICS.PUBLIC", "Production")]
        )
        assert ("ANALYTICS.PUBLIC", "Production") in schema.schemas

        # Embedding
        url = await hex_.create_presigned_url(
            revenue,
            hex_user_attributes={"tenant": "acme"},
            display_options=EmbedDisplayOptions(theme="dark", no_embed_footer=True),
            expires_in=60000,
        )
        assert url.startswith("http")

        # Clean up what can be: deactivation and deletion last.
        deactivated = await hex_.deactivate_user(seed.id_of("users", "mallory@acme.com"))
        assert deactivated.email == "mallory@acme.com"
        await hex_.delete_group(created.id)
        with pytest.raises(NotFoundError):
            await hex_.get_group(created.id)
        remaining = await collect(hex_.iter_users())
        assert "mallory@acme.com" not in {u.email for u in remaining}

        assert set(hex_.counters.requests) == set(OPS)
        assert len(OPS) == 31
        assert hex_.counters.total_retries == 0


async def test_a_personal_token_is_its_user(emulator: Emulator) -> None:
    async with emulator.client(ALICE_TOKEN) as hex_:
        me = await hex_.me()
    assert me.user is not None
    assert me.user.email == "alice@acme.com"
    assert me.user.role == "ADMIN"


@pytest.mark.parametrize(
    ("call", "operation"),
    [
        (lambda h: h.list_groups(), "ListGroups"),  # legacy envelope
        (lambda h: h.me(), "Me"),  # new envelope
    ],
)
async def test_a_wrong_token_is_unauthorized_in_either_envelope(
    emulator: Emulator, call: Callable[[HexClient], Any], operation: str
) -> None:
    async with emulator.client("hxtp_notatokentheemulatorknows") as hex_:
        with pytest.raises(UnauthorizedError) as info:
            await call(hex_)
    assert info.value.status == 401
    assert info.value.operation == operation
    assert info.value.api_message
    assert "HEX_API_TOKEN" in str(info.value)
    assert "notatoken" not in str(info.value)


async def test_unknown_ids_are_not_found_in_either_envelope(emulator: Emulator) -> None:
    async with emulator.client() as hex_:
        with pytest.raises(NotFoundError) as legacy:
            await hex_.get_group("00000000-0000-0000-0000-000000000000")
        with pytest.raises(NotFoundError) as new:
            await hex_.get_project("00000000-0000-0000-0000-000000000000")
    assert legacy.value.operation == "GetGroup"
    assert legacy.value.trace_id
    assert new.value.operation == "GetProject"
    assert new.value.api_message


async def test_unknown_run_inputs_are_named(emulator: Emulator) -> None:
    revenue = emulator.seed.id_of("projects", "Revenue overview")
    async with emulator.client() as hex_:
        with pytest.raises(UnprocessableError) as info:
            await hex_.run_project(revenue, input_params={"regoin": "EU"})
    assert info.value.not_found == ("regoin",)


async def test_a_create_that_commits_then_times_out_is_raised_once_not_retried(
    emulator: Emulator,
) -> None:
    await emulator.control(
        "POST",
        "/_emulator/faults",
        {"operationId": "CreateGroup", "kind": "commit_then_timeout", "count": 1},
    )
    async with emulator.client() as hex_:
        with pytest.raises(AmbiguousCreateError) as info:
            await hex_.create_group("Contractors")
        assert hex_.counters.requests["CreateGroup"] == 1
        assert hex_.counters.total_retries == 0
        names = [g.name for g in await collect(hex_.iter_groups())]
    assert info.value.operation == "CreateGroup"
    assert "not retried" in str(info.value)
    assert names.count("Contractors") == 1  # it was created, exactly once
    assert await emulator.requests_of("CreateGroup") == 1


async def test_a_run_that_starts_then_times_out_is_not_started_twice(emulator: Emulator) -> None:
    revenue = emulator.seed.id_of("projects", "Revenue overview")
    await emulator.control(
        "POST",
        "/_emulator/faults",
        {"operationId": "RunProject", "kind": "commit_then_timeout", "count": 1},
    )
    async with emulator.client() as hex_:
        with pytest.raises(AmbiguousCreateError):
            await hex_.run_project(revenue)
        runs = await collect(hex_.iter_project_runs(revenue))
    assert len(runs) == 1


async def test_reads_and_upserts_retry_through_scheduled_faults(emulator: Emulator) -> None:
    revenue = emulator.seed.id_of("projects", "Revenue overview")
    bob = emulator.seed.id_of("users", "bob@acme.com")
    await emulator.control(
        "POST",
        "/_emulator/faults",
        [
            {"operationId": "GetProject", "kind": "drop", "count": 1},
            {"operationId": "GetProject", "kind": "status_502", "count": 1},
            {"operationId": "EditProjectSharingUsers", "kind": "status_503", "count": 2},
        ],
    )
    fake = FakeTime()
    async with emulator.client(sleep=fake.sleep) as hex_:
        project = await hex_.get_project(revenue)
        shared = await hex_.edit_project_sharing_users(revenue, {bob: "CAN_VIEW"})
    assert project.id == revenue
    assert shared.project.id == revenue
    assert hex_.counters.retries["GetProject"] == 2
    assert hex_.counters.retries["EditProjectSharingUsers"] == 2
    assert len(fake.slept) == 4
