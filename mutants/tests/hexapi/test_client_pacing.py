"""Client-side pacing on an injected clock: limits hold over any window, nothing really sleeps."""

from __future__ import annotations

import asyncio

import pytest
from hexapi_support import FakeTime

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
