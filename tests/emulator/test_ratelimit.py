"""Rate limits per token and group, on the emulator clock (docs/hex-api.md, "Rate limits")."""

from __future__ import annotations

import re
from typing import Any

import anyio
import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from hexsync.emulator.app import create_app
from hexsync.emulator.clock import Clock, ManualClock
from hexsync.emulator.config import DEFAULT_RATE_LIMITS, EmulatorConfig, Window
from hexsync.emulator.edges import wrap_edges
from hexsync.emulator.ratelimit import RateLimiter, parse_rate_limits, retry_after_seconds
from hexsync.errors import ConfigError

PROJECTS = "/api/v1/projects"  # ListProjects: hex-api, legacy envelope
PROJECT = "/api/v1/projects/0b3f6a51-5b6e-4c43-a4a8-0b1d2b7f3c11"  # GetProject: new envelope
ME = "/api/v1/users/me"  # hex-api-30rpm
RUNS = PROJECT + "/runs"  # RunProject: hex-run-kernel
EMBED = "/api/v1/embedding/createPresignedUrl/0b3f6a51-5b6e-4c43-a4a8-0b1d2b7f3c11"


async def _ok(request: Request) -> JSONResponse:
    await request.body()
    return JSONResponse({"ok": True, "path": request.url.path})


def tiny_app() -> Starlette:
    """Stands in for the API: answers 200 to everything, so only the edges can refuse."""
    methods = ["GET", "POST", "PATCH", "DELETE"]
    return Starlette(routes=[Route("/{path:path}", _ok, methods=methods)])


def make(clock: Clock, **config: Any) -> httpx.AsyncClient:
    app = wrap_edges(tiny_app(), EmulatorConfig(**config), clock)
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://hex")


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def run(fn: Any) -> Any:
    return anyio.run(fn)


def test_31st_call_in_a_minute_is_refused_then_allowed_after_retry_after() -> None:
    clock = ManualClock()

    async def scenario() -> None:
        async with make(clock) as client:
            for i in range(30):
                response = await client.get(PROJECTS, headers=auth("hxtp_alice"))
                assert response.status_code == 200, i
                clock.advance(0.5)
            refused = await client.get(PROJECTS, headers=auth("hxtp_alice"))
            assert refused.status_code == 429
            assert refused.json()["reason"].startswith("Rate limit exceeded: 30/min")
            retry_after = int(refused.headers["Retry-After"])
            # 30 calls took 15 s; the first leaves the minute window 60 s after it was made.
            assert retry_after == 45
            clock.advance(retry_after - 1)
            assert (await client.get(PROJECTS, headers=auth("hxtp_alice"))).status_code == 429
            clock.advance(1)
            assert (await client.get(PROJECTS, headers=auth("hxtp_alice"))).status_code == 200

    run(scenario)


def test_another_token_and_other_groups_are_not_affected() -> None:
    clock = ManualClock()

    async def scenario() -> None:
        async with make(clock) as client:
            for _ in range(30):
                await client.get(PROJECTS, headers=auth("hxtp_alice"))
            assert (await client.get(PROJECT, headers=auth("hxtp_alice"))).status_code == 429
            assert (await client.get(PROJECTS, headers=auth("hxtw_demo"))).status_code == 200
            assert (await client.get(ME, headers=auth("hxtp_alice"))).status_code == 200
            assert (await client.post(RUNS, headers=auth("hxtp_alice"))).status_code == 200

    run(scenario)


def test_429_carries_the_endpoint_envelope() -> None:
    clock = ManualClock()

    async def scenario() -> None:
        async with make(clock) as client:
            for _ in range(30):
                await client.get(ME, headers=auth("hxtp_bob"))
            new = await client.get(ME, headers=auth("hxtp_bob"))
            assert new.status_code == 429
            assert new.json()["code"] == "TOO_MANY_REQUESTS"
            assert "Retry after" in new.json()["message"]
            assert "hxtp_bob" not in new.text

    run(scenario)


def test_runs_have_their_own_twenty_a_minute_and_sixty_an_hour() -> None:
    clock = ManualClock()

    async def scenario() -> None:
        async with make(clock) as client:
            statuses = []
            for _ in range(4):  # four minutes of 21 attempts each
                for _ in range(21):
                    response = await client.post(RUNS, headers=auth("hxtw_demo"))
                    statuses.append(response.status_code)
                clock.advance(61)
            assert statuses.count(200) == 60
            assert statuses[:21] == [200] * 20 + [429]
            refused = await client.post(RUNS, headers=auth("hxtw_demo"))
            # The hour window frees its first slot an hour after the first run.
            assert int(refused.headers["Retry-After"]) == 3600 - 4 * 61

    run(scenario)


def test_refused_requests_do_not_consume_quota() -> None:
    clock = ManualClock()

    async def scenario() -> None:
        async with make(clock) as client:
            for _ in range(30):
                await client.get(PROJECTS, headers=auth("hxtp_alice"))
            for _ in range(100):  # a client hammering through its 429s
                assert (await client.get(PROJECTS, headers=auth("hxtp_alice"))).status_code == 429
            clock.advance(60)
            statuses = [
                (await client.get(PROJECTS, headers=auth("hxtp_alice"))).status_code
                for _ in range(31)
            ]
            assert statuses == [200] * 30 + [429]

    run(scenario)


def test_embedding_in_test_mode_is_not_counted_and_its_body_reaches_the_api() -> None:
    clock = ManualClock()

    async def scenario() -> None:
        async with make(clock) as client:
            for _ in range(40):
                response = await client.post(
                    EMBED, headers=auth("hxtp_alice"), json={"testMode": True}
                )
                assert response.status_code == 200
            counted = [
                (await client.post(EMBED, headers=auth("hxtp_alice"), json={})).status_code
                for _ in range(31)
            ]
            assert counted == [200] * 30 + [429]

    run(scenario)


def test_control_endpoints_and_tokenless_requests_are_never_limited() -> None:
    clock = ManualClock()

    async def scenario() -> None:
        async with make(clock) as client:
            for _ in range(40):
                assert (await client.get("/_emulator/stats")).status_code == 200
                assert (await client.get(PROJECTS)).status_code == 200  # the API answers 401

    run(scenario)


def test_rate_limits_none_disables_limiting() -> None:
    clock = ManualClock()

    async def scenario() -> None:
        async with make(clock, rate_limits=None) as client:
            for _ in range(100):
                assert (await client.get(PROJECTS, headers=auth("hxtp_alice"))).status_code == 200

    run(scenario)


def test_reset_gives_back_the_quota() -> None:
    clock = ManualClock()

    async def scenario() -> None:
        async with make(clock) as client:
            for _ in range(31):
                last = await client.get(PROJECTS, headers=auth("hxtp_alice"))
            assert last.status_code == 429
            await client.post("/_emulator/reset")
            assert (await client.get(PROJECTS, headers=auth("hxtp_alice"))).status_code == 200

    run(scenario)


def test_on_a_scaled_clock_retry_after_is_real_seconds() -> None:
    clock = Clock(scale=60.0)
    limiter = RateLimiter({"hex-api": (Window(30, 60.0),)}, clock)
    for _ in range(30):
        assert limiter.acquire("t", "hex-api") is None
    refused = limiter.acquire("t", "hex-api")
    assert refused is not None
    assert 59.0 < refused.wait <= 60.0  # emulated seconds…
    assert retry_after_seconds(refused.wait, clock) == 1  # …are one real second
    assert retry_after_seconds(0.01, ManualClock()) == 1  # never 0
    assert retry_after_seconds(59.2, ManualClock()) == 60  # rounded up


@pytest.mark.timeout(10)
def test_a_client_sleeping_retry_after_succeeds_on_a_scaled_clock() -> None:
    clock = Clock(scale=600.0)  # a minute passes in 0.1 s

    async def scenario() -> None:
        async with make(clock, time_scale=600.0) as client:
            for _ in range(31):
                last = await client.get(PROJECTS, headers=auth("hxtp_alice"))
            assert last.status_code == 429
            await anyio.sleep(float(last.headers["Retry-After"]))
            assert (await client.get(PROJECTS, headers=auth("hxtp_alice"))).status_code == 200

    run(scenario)


def test_parse_rate_limits() -> None:
    limits = parse_rate_limits(["hex-api=60/min", "hex-api=2000/h", "hex-run-kernel=5/10s"])
    assert limits["hex-api"] == (Window(60, 60.0), Window(2000, 3600.0))
    assert limits["hex-run-kernel"] == (Window(5, 10.0),)
    assert limits["hex-api-30rpm"] == DEFAULT_RATE_LIMITS["hex-api-30rpm"]
    for bad, why in [
        ("hex-api", "bad --rate-limit 'hex-api'"),
        ("hex-api=0/min", "the limit and its period must be positive"),
        ("nope=3/min", "unknown rate-limit group 'nope'"),
        ("hex-api=3/fortnight", "bad --rate-limit 'hex-api=3/fortnight'"),
    ]:
        with pytest.raises(ConfigError, match=re.escape(why)):
            parse_rate_limits([bad])


def test_limits_on_the_real_emulator(seed: Any, clock: ManualClock) -> None:
    app = create_app(seed, EmulatorConfig(), clock=clock)

    async def scenario() -> None:
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app=app), base_url="http://hex"
        ) as client:
            statuses = [
                (await client.get(ME, headers=auth("hxtp_admin"))).status_code for _ in range(31)
            ]
            assert statuses == [200] * 30 + [429]
            assert (await client.get(ME, headers=auth("hxtp_member"))).status_code == 200
            assert (await client.get("/api/v1/groups", headers=auth("hxtp_admin"))).is_success
            refused = await client.get(ME, headers=auth("hxtp_admin"))
            assert refused.json()["code"] == "TOO_MANY_REQUESTS"
            clock.advance(int(refused.headers["Retry-After"]))
            assert (await client.get(ME, headers=auth("hxtp_admin"))).status_code == 200
            stats = (await client.get("/_emulator/stats")).json()
            assert stats["rate_limited"] == 2

    run(scenario)
