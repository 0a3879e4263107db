"""Retry and backoff mechanics (httpx.MockTransport: which failures retry, how long we wait)."""

from __future__ import annotations

import asyncio
import datetime
import time
from collections.abc import Iterator

import httpx
import pytest
from hexapi_support import TOKEN, FakeTime, Script

from hexsync.hexapi import (
    AmbiguousCreateError,
    ForbiddenError,
    HexClient,
    HexConnectionError,
    HexTimeoutError,
    NotFoundError,
    RateLimit,
    RateLimitedError,
    RetryPolicy,
    ServerError,
    UnauthorizedError,
    UnexpectedResponseError,
    UnprocessableError,
)
from hexsync.hexapi.retry import parse_retry_after

pytestmark = pytest.mark.anyio

GROUP = {"id": "g1", "name": "Analysts", "createdAt": "2026-01-01T00:00:00.000Z"}
CREATED = {"id": "g1", "name": "Analysts", "members": {"users": []}}


def ok(body: object, status: int = 200) -> httpx.Response:
    return httpx.Response(status, json=body)


def legacy(status: int, reason: str, **headers: str) -> httpx.Response:
    return httpx.Response(status, json={"reason": reason, "traceId": "t-123"}, headers=headers)


def client(script: Script, fake_time: FakeTime, **kwargs: object) -> HexClient:
    return HexClient(
        TOKEN,
        "https://acme.hex.tech",
        transport=script.transport,
        clock=fake_time.clock,
        sleep=fake_time.sleep,
        **kwargs,  # type: ignore[arg-type]
    )


async def test_reads_retry_5xx_and_count_it(fake_time: FakeTime) -> None:
    script = Script(legacy(503, "busy"), legacy(502, "bad gateway"), ok(GROUP))
    async with client(script, fake_time) as hex_:
        group = await hex_.get_group("g1")
    assert group.name == "Analysts"
    assert len(script.requests) == 3
    assert hex_.counters.requests["GetGroup"] == 3
    assert hex_.counters.retries["GetGroup"] == 2
    assert hex_.counters.faults == 2
    assert hex_.counters.backoff_wait == pytest.approx(sum(fake_time.slept))


async def test_reads_retry_timeouts_and_dropped_connections(fake_time: FakeTime) -> None:
    script = Script(
        httpx.ReadTimeout("slow"),
        httpx.RemoteProtocolError("dropped"),
        httpx.ReadError("reset"),
        ok(GROUP),
    )
    async with client(script, fake_time) as hex_:
        assert (await hex_.get_group("g1")).id == "g1"
    assert len(script.requests) == 4


async def test_backoff_grows_with_full_jitter(fake_time: FakeTime) -> None:
    script = Script(legacy(500, "boom"))
    policy = RetryPolicy(max_attempts=6, base=1.0, cap=8.0)
    with pytest.raises(ServerError) as info:
        async with client(script, fake_time, retry=policy) as hex_:
            await hex_.get_group("g1")
    assert len(script.requests) == 6
    assert info.value.status == 500
    ceilings = [1.0, 2.0, 4.0, 8.0, 8.0]
    assert len(fake_time.slept) == 5
    assert all(0 <= s <= c for s, c in zip(fake_time.slept, ceilings, strict=True))


async def test_retry_after_is_honoured_and_429_does_not_use_up_attempts(
    fake_time: FakeTime,
) -> None:
    answers = [legacy(429, "slow down", **{"Retry-After": "7"})] * 12 + [ok(GROUP)]
    script = Script(*answers)
    async with client(script, fake_time, retry=RetryPolicy(max_attempts=3)) as hex_:
        assert (await hex_.get_group("g1")).id == "g1"
    assert len(script.requests) == 13
    assert hex_.counters.rate_limited == 12
    # Each wait is the Retry-After (plus at most a little jitter), held by the pacer too.
    assert all(7.0 <= s <= 7.5 for s in fake_time.slept if s > 0.001)


async def test_the_deadline_ends_retrying(fake_time: FakeTime) -> None:
    script = Script(legacy(429, "slow down", **{"Retry-After": "30"}))
    with pytest.raises(RateLimitedError) as info:
        async with client(script, fake_time, retry=RetryPolicy(deadline=100.0)) as hex_:
            await hex_.get_group("g1")
    assert info.value.retry_after == 30
    assert 3 <= len(script.requests) <= 5
    assert "--rate-limit" in str(info.value)


async def test_a_create_is_not_retried_after_a_5xx(fake_time: FakeTime) -> None:
    script = Script(legacy(500, "boom"), ok(CREATED, 201))
    with pytest.raises(AmbiguousCreateError) as info:
        async with client(script, fake_time) as hex_:
            await hex_.create_group("Analysts")
    assert len(script.requests) == 1
    assert info.value.operation == "CreateGroup"
    assert "read the current state" in str(info.value)
    assert isinstance(info.value.__cause__, ServerError)


@pytest.mark.parametrize(
    "failure", [httpx.ReadTimeout("lost"), httpx.RemoteProtocolError("dropped")]
)
async def test_a_create_is_not_retried_after_a_timeout_or_drop(
    fake_time: FakeTime, failure: Exception
) -> None:
    script = Script(failure, ok(CREATED, 201))
    with pytest.raises(AmbiguousCreateError):
        async with client(script, fake_time) as hex_:
            await hex_.run_project("p1")
    assert len(script.requests) == 1


async def test_a_create_is_retried_when_it_provably_did_nothing(fake_time: FakeTime) -> None:
    script = Script(
        httpx.ConnectError("refused"),
        legacy(429, "slow down", **{"Retry-After": "1"}),
        ok(CREATED, 201),
    )
    async with client(script, fake_time) as hex_:
        group = await hex_.create_group("Analysts")
    assert group.id == "g1"
    assert group.member_ids == ()
    assert len(script.requests) == 3


async def test_connection_failures_end_in_a_connection_error(fake_time: FakeTime) -> None:
    script = Script(httpx.ConnectError("refused"))
    with pytest.raises(HexConnectionError, match="cannot connect"):
        async with client(script, fake_time, retry=RetryPolicy(max_attempts=2)) as hex_:
            await hex_.me()
    assert len(script.requests) == 2


async def test_timeouts_end_in_a_timeout_error(fake_time: FakeTime) -> None:
    script = Script(httpx.ReadTimeout("slow"))
    with pytest.raises(HexTimeoutError):
        async with client(script, fake_time, retry=RetryPolicy(max_attempts=2)) as hex_:
            await hex_.me()


async def test_a_delete_whose_answer_was_lost_is_done_when_the_retry_finds_404(
    fake_time: FakeTime,
) -> None:
    script = Script(httpx.ReadTimeout("lost"), legacy(404, "Group not found"))
    async with client(script, fake_time) as hex_:
        await hex_.delete_group("g1")
    assert len(script.requests) == 2


async def test_a_plain_404_on_delete_is_not_found(fake_time: FakeTime) -> None:
    script = Script(legacy(404, "Group not found"))
    with pytest.raises(NotFoundError):
        async with client(script, fake_time) as hex_:
            await hex_.delete_group("g1")


@pytest.mark.parametrize("status", [400, 401, 403, 404, 422])
async def test_client_errors_are_never_retried(fake_time: FakeTime, status: int) -> None:
    script = Script(legacy(status, "no"))
    with pytest.raises(Exception):  # noqa: B017, PT011 - the kind is checked elsewhere
        async with client(script, fake_time) as hex_:
            await hex_.get_group("g1")
    assert len(script.requests) == 1


async def test_both_envelopes_give_message_status_operation_and_trace(fake_time: FakeTime) -> None:
    script = Script(legacy(401, "Invalid token"))
    with pytest.raises(UnauthorizedError) as info:
        async with client(script, fake_time) as hex_:
            await hex_.list_groups()
    err = info.value
    assert (err.status, err.operation, err.api_message, err.trace_id) == (
        401,
        "ListGroups",
        "Invalid token",
        "t-123",
    )
    assert "HEX_API_TOKEN" in str(err)

    script = Script(
        httpx.Response(
            404, json={"code": "NOT_FOUND", "message": "Project not found", "issues": []}
        )
    )
    with pytest.raises(NotFoundError) as info2:
        async with client(script, fake_time) as hex_:
            await hex_.get_project("p1")
    assert info2.value.api_message == "Project not found"
    assert info2.value.status == 404


async def test_forbidden_on_a_plan_gated_endpoint_says_which_plan(fake_time: FakeTime) -> None:
    script = Script(legacy(403, "Forbidden"))
    with pytest.raises(ForbiddenError, match="Enterprise"):
        async with client(script, fake_time) as hex_:
            await hex_.get_queried_tables("p1")


async def test_run_input_errors_are_carried(fake_time: FakeTime) -> None:
    body = {
        "traceId": "t-9",
        "invalid": [
            {"paramName": "n", "paramValue": "x", "dataType": "NUMBER", "inputCellType": "NUMBER"}
        ],
        "notFound": ["region"],
    }
    script = Script(httpx.Response(422, json=body))
    with pytest.raises(UnprocessableError) as info:
        async with client(script, fake_time) as hex_:
            await hex_.run_project("p1", input_params={"n": "x", "region": "EU"})
    assert info.value.not_found == ("region",)
    assert info.value.invalid[0]["paramName"] == "n"
    assert info.value.trace_id == "t-9"
    assert "region" in str(info.value)


async def test_a_non_json_answer_is_an_unexpected_response(fake_time: FakeTime) -> None:
    script = Script(httpx.Response(200, text="<html>proxy login</html>"))
    with pytest.raises(UnexpectedResponseError, match="not JSON"):
        async with client(script, fake_time) as hex_:
            await hex_.get_group("g1")


async def test_long_error_bodies_are_truncated(fake_time: FakeTime) -> None:
    script = Script(httpx.Response(400, text="x" * 5000))
    with pytest.raises(Exception) as info:  # noqa: PT011
        async with client(script, fake_time) as hex_:
            await hex_.get_group("g1")
    err = info.value
    assert len(str(err)) < 600
    assert err.body is not None  # type: ignore[attr-defined]
    assert len(err.body) < 600  # type: ignore[attr-defined]


async def test_requests_carry_user_agent_and_bearer_and_no_token_elsewhere(
    fake_time: FakeTime,
) -> None:
    script = Script(ok(GROUP))
    async with client(script, fake_time) as hex_:
        await hex_.get_group("g1")
        assert TOKEN not in repr(hex_)
    request = script.requests[0]
    assert request.headers["User-Agent"].startswith("hexsync/")
    assert request.headers["Authorization"] == f"Bearer {TOKEN}"
    assert str(request.url) == "https://acme.hex.tech/api/v1/groups/g1"
    assert TOKEN not in str(request.url)


async def test_ids_cannot_escape_their_path_segment(fake_time: FakeTime) -> None:
    script = Script(ok(GROUP))
    async with client(script, fake_time) as hex_:
        await hex_.get_group("a/../../users")
        with pytest.raises(ValueError, match="non-empty id"):
            await hex_.get_group("..")
    assert script.requests[0].url.raw_path == b"/api/v1/groups/a%2F..%2F..%2Fusers"


async def test_pause_waits_on_the_injected_clock_and_counts_as_backoff(
    fake_time: FakeTime,
) -> None:
    # apply re-creates after a read-back found nothing; it waits through the client so that
    # the wait is on the client's clock (instant in tests) and shows in the counters.
    async with client(Script(ok(GROUP)), fake_time) as hex_:
        await hex_.pause(1.5)
        await hex_.pause(-1.0)
    assert fake_time.slept == [1.5, 0.0]
    assert hex_.counters.backoff_wait == 1.5
    assert hex_.counters.total_requests == 0


async def test_the_deadline_counts_from_sending_not_from_queueing_behind_the_pacer(
    fake_time: FakeTime,
) -> None:
    # apply gathers a whole phase at once: the last requests wait in the pacer far longer than
    # the retry deadline before they are even sent, and a 429 or 503 must still be retried.
    calls = 0

    def answer(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        if calls in (12, 13):
            return (
                legacy(429, "slow down", **{"Retry-After": "5"})
                if calls == 12
                else legacy(503, "busy")
            )
        return ok(GROUP)

    hex_ = HexClient(
        TOKEN,
        "https://acme.hex.tech",
        transport=httpx.MockTransport(answer),
        rate_limit=RateLimit(1, 60.0),
        retry=RetryPolicy(deadline=120.0),
        clock=fake_time.clock,
        sleep=fake_time.sleep,
    )
    start = fake_time.now
    async with hex_:
        groups = await asyncio.gather(*(hex_.get_group("g1") for _ in range(12)))
    assert [g.id for g in groups] == ["g1"] * 12
    assert calls == 14
    assert fake_time.now - start > 11 * 60  # the last one was sent long after the deadline


async def test_a_cancel_whose_answer_was_lost_is_done_when_the_retry_finds_the_run_ended(
    fake_time: FakeTime,
) -> None:
    killed = httpx.Response(422, json={"reason": "Run r1 is KILLED", "traceId": "t-9"})
    script = Script(httpx.ReadTimeout("lost"), killed)
    async with client(script, fake_time) as hex_:
        await hex_.cancel_run("p1", "r1")
    assert len(script.requests) == 2
    assert [r.method for r in script.requests] == ["DELETE", "DELETE"]


async def test_a_plain_422_on_cancel_still_says_the_run_has_ended(fake_time: FakeTime) -> None:
    script = Script(httpx.Response(422, json={"reason": "Run r1 is COMPLETED"}))
    with pytest.raises(UnprocessableError, match="COMPLETED"):
        async with client(script, fake_time) as hex_:
            await hex_.cancel_run("p1", "r1")


@pytest.fixture
def new_york_time(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("new_york_time")
@pytest.mark.parametrize(
    "header",
    ["Wed, 21 Oct 2015 07:28:00 GMT", "Wed, 21 Oct 2015 07:28:00 -0000", "21 Oct 2015 07:28:00"],
)
def test_retry_after_as_an_http_date_is_gmt_whatever_the_local_zone(header: str) -> None:
    now = datetime.datetime(2015, 10, 21, 7, 27, 50, tzinfo=datetime.timezone.utc).timestamp()
    assert parse_retry_after(header, now=now) == pytest.approx(10.0)


@pytest.mark.parametrize(
    ("header", "expected"),
    [("12", 12.0), (" 1.5 ", 1.5), ("-3", 0.0), ("99999", 3600.0), ("nan", None), ("soon", None)],
)
def test_retry_after_in_seconds(header: str, expected: float | None) -> None:
    assert parse_retry_after(header) == expected


async def test_a_garbled_compressed_answer_is_a_dropped_connection(fake_time: FakeTime) -> None:
    script = Script(httpx.DecodingError("Error -3 while decompressing data"), ok(GROUP))
    async with client(script, fake_time) as hex_:
        assert (await hex_.get_group("g1")).id == "g1"
    script = Script(httpx.DecodingError("Error -3 while decompressing data"))
    with pytest.raises(AmbiguousCreateError):
        async with client(script, fake_time) as hex_:
            await hex_.create_group("Analysts")
    assert len(script.requests) == 1
