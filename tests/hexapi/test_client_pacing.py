"""Client-side pacing on an injected clock: limits hold over any window, nothing really sleeps."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from acme import ORG_ID
from hexapi_support import TOKEN, FakeTime, small_seed

from hexsync.emulator.app import create_app
from hexsync.emulator.clock import ManualClock
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import Seed
from hexsync.hexapi import HexClient
from hexsync.hexapi.config import RateLimit
from hexsync.hexapi.pacing import DEFAULT_MARGIN, Pacer

pytestmark = pytest.mark.anyio


def _pacer(fake_time: FakeTime, **kwargs: object) -> Pacer:
    return Pacer(clock=fake_time.clock, sleep=fake_time.sleep, **kwargs)  # type: ignore[arg-type]


def _max_in_window(times: list[float], seconds: float) -> int:
    return max(sum(1 for t in times if start <= t < start + seconds) for start in times)


async def test_a_burst_goes_at_once_then_waits_a_window(fake_time: FakeTime) -> None:
    pacer = _pacer(fake_time)
    start = fake_time.now
    sent = []
    for _ in range(31):
        await pacer.acquire("hex-api")
        sent.append(fake_time.now)
    assert sent[29] == start  # the first 30 need no wait
    assert sent[30] == pytest.approx(start + 60 + DEFAULT_MARGIN)


async def test_no_minute_ever_holds_more_than_the_limit(fake_time: FakeTime) -> None:
    pacer = _pacer(fake_time)
    sent = []
    for _ in range(95):
        await pacer.acquire("hex-api")
        sent.append(fake_time.now)
    assert _max_in_window(sent, 60.0) == 30
    # 95 requests at 30/min: three full windows of waiting.
    assert sent[-1] - sent[0] == pytest.approx(3 * (60 + DEFAULT_MARGIN))


async def test_the_hourly_window_also_holds(fake_time: FakeTime) -> None:
    pacer = _pacer(fake_time, limits={"g": (RateLimit(100, 1.0), RateLimit(150, 3600.0))})
    sent = []
    for _ in range(151):
        await pacer.acquire("g")
        sent.append(fake_time.now)
    assert sent[149] - sent[0] < 5
    assert sent[150] - sent[0] == pytest.approx(3600 + DEFAULT_MARGIN)


async def test_groups_are_paced_independently(fake_time: FakeTime) -> None:
    pacer = _pacer(fake_time)
    start = fake_time.now
    for _ in range(30):
        await pacer.acquire("hex-api")
        await pacer.acquire("hex-api-30rpm")
    for _ in range(20):
        await pacer.acquire("hex-run-kernel")
    assert fake_time.now == start


async def test_runs_are_paced_at_twenty_a_minute(fake_time: FakeTime) -> None:
    pacer = _pacer(fake_time)
    waited = [await pacer.acquire("hex-run-kernel") for _ in range(21)]
    assert sum(waited[:20]) == 0
    assert waited[20] == pytest.approx(60 + DEFAULT_MARGIN)


async def test_an_override_caps_every_group(fake_time: FakeTime) -> None:
    pacer = _pacer(fake_time, cap=RateLimit(20, 60.0))
    for group in ("hex-api", "hex-api-30rpm", "hex-run-kernel"):
        waited = [await pacer.acquire(group) for _ in range(21)]
        assert sum(waited[:20]) == 0, group
        assert waited[20] > 59, group


async def test_a_429_blocks_the_whole_group_until_retry_after(fake_time: FakeTime) -> None:
    pacer = _pacer(fake_time)
    await pacer.acquire("hex-api")
    pacer.block("hex-api", 7.0)
    assert await pacer.acquire("hex-api") == pytest.approx(7.0)
    assert await pacer.acquire("hex-api-30rpm") == 0.0


async def test_concurrent_waiters_stay_within_the_limit(fake_time: FakeTime) -> None:
    pacer = _pacer(fake_time, limits={"g": (RateLimit(5, 10.0),)}, margin=0.0)
    sent: list[float] = []

    async def one() -> None:
        await pacer.acquire("g")
        sent.append(fake_time.now)

    await asyncio.gather(*(one() for _ in range(23)))
    assert len(sent) == 23
    assert _max_in_window(sorted(sent), 10.0) == 5


def test_wait_estimate_for_a_plan() -> None:
    pacer = Pacer()
    assert pacer.wait_estimate("hex-api", 30) == 0
    assert pacer.wait_estimate("hex-api", 31) == 60
    assert pacer.wait_estimate("hex-api", 90) == 120


async def test_a_request_waiting_for_its_groups_token_holds_no_connection() -> None:
    """One connection, one request a minute per group: the general group's budget is spent and
    its next request waits a minute; a users request meanwhile goes at once. Holding the only
    connection while it waited, the users request would have waited the minute too."""
    emulator = create_app(
        Seed.from_dict(small_seed()), EmulatorConfig(rate_limits=None), clock=ManualClock()
    )
    now = [0.0]
    minute_over = asyncio.Event()

    async def sleep(seconds: float) -> None:
        await minute_over.wait()  # time stands still until the test lets the minute pass
        now[0] += seconds

    pacer = Pacer(
        {"hex-api": (RateLimit(1, 60.0),), "hex-api-30rpm": (RateLimit(1, 60.0),)},
        clock=lambda: now[0],
        sleep=sleep,
    )
    async with HexClient(
        TOKEN,
        "http://127.0.0.1",
        transport=httpx.ASGITransport(app=emulator),
        pacer=pacer,
        max_concurrency=1,
        clock=lambda: now[0],
        sleep=sleep,
    ) as client:
        await client.list_groups()  # the general group's one request this minute
        waiting = asyncio.ensure_future(client.list_groups())
        for _ in range(10):
            await asyncio.sleep(0)
        assert not waiting.done()  # it waits for the general group's next token
        try:
            me = await asyncio.wait_for(client.me(), timeout=5.0)
        except asyncio.TimeoutError:
            pytest.fail("the users request waited behind the general group's pacing")
        assert me.org_id == ORG_ID
        assert not waiting.done()
        minute_over.set()
        await waiting
    assert client.counters.requests == {"ListGroups": 2, "Me": 1}


async def test_a_token_counts_from_when_its_request_left(fake_time: FakeTime) -> None:
    """A request that took its token, then waited ten seconds for a connection, reaches Hex ten
    seconds later: the next request of its group waits for the window from then."""
    pacer = _pacer(fake_time, limits={"g": (RateLimit(1, 60.0),)}, margin=0.0)
    start = fake_time.now
    _, stamp = await pacer.take("g")
    fake_time.now += 10.0
    assert pacer.restamp("g", stamp) == start + 10.0
    assert await pacer.acquire("g") == pytest.approx(60.0)
    assert fake_time.now == pytest.approx(start + 70.0)


async def test_a_refund_gives_back_that_requests_token(fake_time: FakeTime) -> None:
    pacer = _pacer(fake_time, limits={"g": (RateLimit(2, 60.0),)}, margin=0.0)
    start = fake_time.now
    _, first = await pacer.take("g")
    fake_time.now += 5.0
    await pacer.take("g")
    pacer.refund("g", first)  # the first never reached Hex; the second did
    fake_time.now += 1.0
    assert await pacer.acquire("g") == 0.0
    # Two in the window now (at +5 and +6): the next waits for the one at +5.
    await pacer.acquire("g")
    assert fake_time.now == pytest.approx(start + 65.0)
