"""Whole listings against the emulator: exact under faults, few requests, paced without 429."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from hexapi_support import TOKEN, FakeTime, big_seed

from hexsync.emulator.app import create_app
from hexsync.emulator.clock import ManualClock
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import Seed
from hexsync.hexapi import HexClient, RetryPolicy, parse_rate_limit

pytestmark = pytest.mark.anyio


def _app(seed: dict[str, Any], config: EmulatorConfig, clock: Any = None) -> Any:
    return create_app(Seed.from_dict(seed), config, clock=clock or ManualClock())


def _client(app: Any, **kwargs: Any) -> HexClient:
    kwargs.setdefault("pacing", False)
    return HexClient(TOKEN, "http://127.0.0.1", transport=httpx.ASGITransport(app=app), **kwargs)


async def _control(app: Any, path: str) -> Any:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as c:
        return (await c.get(path)).json()


async def _stats(app: Any) -> Any:
    return await _control(app, "/_emulator/stats")


def _count(stats: Any, operation_id: str) -> int:
    """Requests of ``operation_id`` in GET /_emulator/stats (``{op: {status: count}}``)."""
    return sum(stats["requests"].get(operation_id, {}).values())


async def _everything(client: HexClient) -> dict[str, list[str]]:
    async with client as hex_:
        return {
            "projects": [p.id async for p in hex_.iter_projects(include_sharing=True)],
            "users": [u.id async for u in hex_.iter_users()],
            "groups": [g.id async for g in hex_.iter_groups()],
        }


async def test_listings_are_exact_under_a_30_percent_fault_rate() -> None:
    seed = big_seed(projects=450, users=1600, groups=700)
    clean = await _everything(_client(_app(seed, EmulatorConfig(rate_limits=None))))
    faulty_app = _app(
        seed,
        EmulatorConfig(rate_limits=None, fault_rate=0.3, fault_seed=1234, time_scale=1000.0),
    )
    fake = FakeTime()
    client = _client(faulty_app, sleep=fake.sleep, retry=RetryPolicy(max_attempts=20))
    faulty = await _everything(client)

    assert len(clean["projects"]) == 451
    assert len(clean["users"]) == 1604
    assert len(clean["groups"]) == 701
    for kind, ids in clean.items():
        assert faulty[kind] == ids, kind  # same items, same order: none lost, none doubled
        assert len(set(ids)) == len(ids), kind
    counters = client.counters
    assert counters.total_retries > 0
    assert counters.faults == counters.total_retries  # every fault met was retried once
    # Pages: 5 of projects (100), 4 of users (500), 2 of groups (500), plus one per retry.
    assert counters.total_requests == 5 + 4 + 2 + counters.total_retries
    # Every fault the emulator injected cost exactly one retry (a delay is served, late).
    fired = (await _control(faulty_app, "/_emulator/faults"))["fired"]
    assert fired["total"] - fired["by_kind"].get("delay", 0) == counters.total_retries


async def test_five_thousand_projects_with_sharing_take_fifty_requests() -> None:
    seed = big_seed(projects=4999)
    app = _app(seed, EmulatorConfig(rate_limits=None))
    async with _client(app) as hex_:
        projects = [p async for p in hex_.iter_projects(include_sharing=True)]
    assert len(projects) == 5000
    assert len({p.id for p in projects}) == 5000
    assert all(p.sharing is not None for p in projects)
    assert projects[-1].sharing is not None
    assert hex_.counters.requests["ListProjects"] == 50
    assert _count(await _stats(app), "ListProjects") == 50


async def test_a_listing_page_by_page_gives_each_page_before_asking_for_the_next() -> None:
    seed = big_seed(projects=249)
    app = _app(seed, EmulatorConfig(rate_limits=None))
    async with _client(app) as hex_:
        pages = []
        async for page in hex_.iter_project_pages(include_sharing=True):
            # The page is here and the next one not asked for yet.
            assert hex_.counters.requests["ListProjects"] == len(pages) + 1
            pages.append(page)
        flat = [p.id async for p in hex_.iter_projects(include_sharing=True)]
    assert [len(page) for page in pages] == [100, 100, 50]
    assert [p.id for page in pages for p in page] == flat


async def test_a_long_read_is_paced_and_never_meets_a_429() -> None:
    """75 requests of the 30/minute users group: the client waits, Hex never refuses."""
    clock = ManualClock()
    app = _app(big_seed(users=0), EmulatorConfig(), clock)

    async def advance(seconds: float) -> None:
        clock.advance(seconds)

    async with _client(app, pacing=True, clock=clock.now, sleep=advance) as hex_:
        start = clock.now()
        for _ in range(75):
            await hex_.me()
    assert hex_.counters.rate_limited == 0
    assert hex_.counters.requests["Me"] == 75
    assert clock.now() - start >= 120  # three windows' worth of 30
    assert hex_.counters.pacing_wait >= 120
    stats = await _stats(app)
    assert stats["rate_limited"] == 0
    assert stats["requests"]["Me"] == {"200": 75}


async def test_without_pacing_429s_are_waited_out_and_counted() -> None:
    clock = ManualClock()
    app = _app(big_seed(users=0), EmulatorConfig(), clock)

    async def advance(seconds: float) -> None:
        clock.advance(seconds)

    async with _client(app, pacing=False, clock=clock.now, sleep=advance) as hex_:
        for _ in range(40):
            await hex_.me()
    assert hex_.counters.rate_limited > 0
    assert hex_.counters.requests["Me"] == 40 + hex_.counters.rate_limited
    assert hex_.counters.backoff_wait > 0


async def test_an_override_rate_paces_below_the_default() -> None:
    clock = ManualClock()
    app = _app(big_seed(users=0), EmulatorConfig(), clock)

    async def advance(seconds: float) -> None:
        clock.advance(seconds)

    async with _client(
        app, pacing=True, rate_limit=parse_rate_limit("10/min"), clock=clock.now, sleep=advance
    ) as hex_:
        start = clock.now()
        for _ in range(11):
            await hex_.list_groups()
    assert clock.now() - start >= 60
    assert hex_.counters.rate_limited == 0
