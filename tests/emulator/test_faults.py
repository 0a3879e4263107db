"""Fault injection: random faults from a seed, scheduled faults, and what a client sees."""

from __future__ import annotations

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
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.edges import wrap_edges

GROUPS = "/api/v1/groups"  # ListGroups / CreateGroup: legacy envelope
ME = "/api/v1/users/me"  # Me: new envelope
TOKEN = {"Authorization": "Bearer hxtw_demo"}
KINDS = {"status_500", "status_502", "status_503", "delay", "drop", "commit_then_timeout"}


class TinyApi:
    """Stands in for the API: CreateGroup commits to a list, everything else answers 200."""

    def __init__(self) -> None:
        self.groups: list[str] = []
        self.app = Starlette(
            routes=[
                Route(GROUPS, self.create_group, methods=["POST"]),
                Route("/{path:path}", self.ok, methods=["GET", "POST", "PATCH", "DELETE"]),
            ]
        )

    async def create_group(self, request: Request) -> JSONResponse:
        name = (await request.json())["name"]
        self.groups.append(name)
        return JSONResponse({"id": str(len(self.groups)), "name": name}, status_code=201)

    async def ok(self, request: Request) -> JSONResponse:
        return JSONResponse({"ok": True})


def client_for(app: Any) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://hex")


def edges(api: TinyApi, clock: ManualClock | None = None, **config: Any) -> Any:
    config.setdefault("rate_limits", None)
    return wrap_edges(api.app, EmulatorConfig(**config), clock or ManualClock())


async def outcome(client: httpx.AsyncClient, method: str, path: str, **kwargs: Any) -> str:
    try:
        response = await client.request(method, path, headers=TOKEN, **kwargs)
    except httpx.ReadTimeout:
        return "ReadTimeout"
    except httpx.RemoteProtocolError:
        return "RemoteProtocolError"
    return str(response.status_code)


def mixed_traffic(fault_rate: float, fault_seed: int) -> tuple[list[str], dict[str, Any], int]:
    api = TinyApi()
    app = edges(api, fault_rate=fault_rate, fault_seed=fault_seed)

    async def scenario() -> tuple[list[str], dict[str, Any]]:
        async with client_for(app) as client:
            seen = []
            for i in range(240):
                if i % 2:
                    seen.append(await outcome(client, "POST", GROUPS, json={"name": f"g{i}"}))
                else:
                    seen.append(await outcome(client, "GET", ME))
            faults = (await client.get("/_emulator/faults")).json()
            return seen, faults

    seen, faults = anyio.run(scenario)
    return seen, faults, len(api.groups)


def test_a_fault_rate_gives_a_deterministic_mix() -> None:
    first, faults, created = mixed_traffic(0.3, 42)
    again, _, created_again = mixed_traffic(0.3, 42)
    other, _, _ = mixed_traffic(0.3, 43)
    assert first == again
    assert created == created_again
    assert first != other
    fired = faults["fired"]
    assert set(fired["by_kind"]) == KINDS
    assert 40 <= fired["total"] <= 110  # about 30 % of 240
    assert set(fired["by_operation"]["Me"]) == KINDS - {"commit_then_timeout"}
    assert {"200", "201", "500", "502", "503", "RemoteProtocolError", "ReadTimeout"} == set(first)
    # Groups that were committed but whose answer was lost exist all the same.
    assert created == first.count("201") + first.count("ReadTimeout")


def test_no_fault_rate_no_faults() -> None:
    seen, faults, created = mixed_traffic(0.0, 42)
    assert set(seen) == {"200", "201"}
    assert faults["fired"]["total"] == 0
    assert created == 120


def test_scheduled_commit_then_timeout_commits_but_the_client_never_hears() -> None:
    api = TinyApi()
    app = edges(api)

    async def scenario() -> None:
        async with client_for(app) as client:
            scheduled = await client.post(
                "/_emulator/faults",
                json={"operationId": "CreateGroup", "kind": "commit_then_timeout", "count": 1},
            )
            assert scheduled.status_code == 201
            assert (await client.get(GROUPS, headers=TOKEN)).status_code == 200  # not CreateGroup
            with pytest.raises(httpx.ReadTimeout):
                await client.post(GROUPS, headers=TOKEN, json={"name": "Partners"})
            assert api.groups == ["Partners"]
            # A naive retry creates the group a second time, as with Hex itself.
            retry = await client.post(GROUPS, headers=TOKEN, json={"name": "Partners"})
            assert retry.status_code == 201
            assert api.groups == ["Partners", "Partners"]
            fired = (await client.get("/_emulator/faults")).json()
            assert fired["scheduled"] == []
            assert fired["fired"]["by_operation"] == {"CreateGroup": {"commit_then_timeout": 1}}
            assert fired["fired"]["recent"][0]["source"] == "scheduled"

    anyio.run(scenario)


def test_scheduled_drop_happens_before_the_handler() -> None:
    api = TinyApi()
    app = edges(api)

    async def scenario() -> None:
        async with client_for(app) as client:
            await client.post("/_emulator/faults", json={"kind": "drop", "count": 2})
            for _ in range(2):
                with pytest.raises(httpx.RemoteProtocolError):
                    await client.post(GROUPS, headers=TOKEN, json={"name": "Partners"})
            assert api.groups == []
            ok = await client.post(GROUPS, headers=TOKEN, json={"name": "Partners"})
            assert ok.status_code == 201

    anyio.run(scenario)


def test_error_statuses_use_the_endpoint_envelope_and_502_looks_like_a_proxy() -> None:
    app = edges(TinyApi())

    async def scenario() -> None:
        async with client_for(app) as client:
            await client.post(
                "/_emulator/faults",
                json=[
                    {"operationId": "ListGroups", "kind": "status_500"},
                    {"operationId": "Me", "kind": "status_503"},
                    {"operationId": "Me", "kind": "status_502"},
                ],
            )
            legacy = await client.get(GROUPS, headers=TOKEN)
            assert legacy.status_code == 500
            assert set(legacy.json()) >= {"reason", "traceId"}
            new = await client.get(ME, headers=TOKEN)
            assert new.status_code == 503
            assert new.json()["code"] == "SERVICE_UNAVAILABLE"
            proxy = await client.get(ME, headers=TOKEN)
            assert proxy.status_code == 502
            assert proxy.headers["content-type"].startswith("text/html")
            assert "502 Bad Gateway" in proxy.text
            assert (await client.get(ME, headers=TOKEN)).status_code == 200

    anyio.run(scenario)


def test_a_delay_passes_on_the_emulator_clock() -> None:
    clock = ManualClock()
    app = edges(TinyApi(), clock)

    async def scenario() -> None:
        async with client_for(app) as client:
            await client.post("/_emulator/faults", json={"kind": "delay", "seconds": 90})
            before = clock.now()
            assert (await client.get(ME, headers=TOKEN)).status_code == 200
            assert clock.now() - before == 90

    anyio.run(scenario)


def test_control_endpoints_are_never_faulted_and_clear_works() -> None:
    app = edges(TinyApi(), fault_rate=1.0, fault_seed=1)

    async def scenario() -> None:
        async with client_for(app) as client:
            for _ in range(20):
                assert (await client.get("/_emulator/stats")).status_code == 200
            assert (await client.get("/_emulator/faults")).json()["fired"]["total"] == 0
            await outcome(client, "GET", ME)  # an API call, at rate 1.0, is faulted
            assert (await client.get("/_emulator/faults")).json()["fired"]["total"] == 1
            await client.post("/_emulator/faults", json={"operationId": "Me", "kind": "drop"})
            cleared = await client.delete("/_emulator/faults")
            assert cleared.json()["cleared"] == 1
            assert cleared.json()["scheduled"] == []

    anyio.run(scenario)


def test_a_held_request_is_in_flight_until_clear_lets_it_go(seed: Any) -> None:
    """A delay an hour long on a real clock: the write is held (counted in flight, its change not
    made) until ``DELETE /_emulator/faults`` lets it go; then it is carried out as usual."""
    app = create_app(seed, EmulatorConfig(rate_limits=None), clock=Clock())
    token = {"Authorization": "Bearer hxtw_test"}

    async def names(client: httpx.AsyncClient) -> list[str]:
        listed = (await client.get(GROUPS, headers=token)).json()["values"]
        return [group["name"] for group in listed]

    async def scenario() -> None:
        async with client_for(app) as client:
            await client.post(
                "/_emulator/faults",
                json={"operationId": "CreateGroup", "kind": "delay", "seconds": 3600},
            )
            answers: list[int] = []

            async def create() -> None:
                response = await client.post(GROUPS, headers=token, json={"name": "Partners"})
                answers.append(response.status_code)

            # Only a hang waits this out: the request is held until it is let go, not an hour.
            with anyio.fail_after(30):
                async with anyio.create_task_group() as tasks:
                    tasks.start_soon(create)
                    while (await client.get("/_emulator/faults")).json()["held"] != 1:
                        await anyio.sleep(0.01)
                    assert (await client.get("/_emulator/stats")).json()["in_flight"] == 1
                    assert "Partners" not in await names(client)  # held: not carried out yet
                    released = (await client.delete("/_emulator/faults")).json()
                    assert (released["released"], released["held"]) == (1, 0)
            assert answers == [201]
            assert "Partners" in await names(client)
            stats = (await client.get("/_emulator/stats")).json()
            assert stats["in_flight"] == 0
            assert stats["requests"]["CreateGroup"] == {"201": 1}

    anyio.run(scenario)


def test_reset_replays_the_same_random_faults() -> None:
    app = edges(TinyApi(), fault_rate=0.5, fault_seed=9)

    async def scenario() -> tuple[list[str], list[str]]:
        async with client_for(app) as client:
            first = [await outcome(client, "GET", ME) for _ in range(30)]
            await client.post("/_emulator/reset")
            second = [await outcome(client, "GET", ME) for _ in range(30)]
            return first, second

    first, second = anyio.run(scenario)
    assert first == second
    assert set(first) != {"200"}


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"kind": "explode"}, "kind must be one of"),
        ({"kind": "drop", "operationId": "MakeCoffee"}, "unknown operationId"),
        ({"kind": "drop", "count": 0}, "count must be a positive integer"),
        ({"kind": "delay", "seconds": -1}, "seconds must be a non-negative number"),
        ({"kind": "drop", "when": "now"}, "unknown keys"),
        ([{"kind": "drop"}, "drop"], "a fault is a JSON object"),
    ],
)
def test_bad_fault_requests_are_refused_whole(body: Any, message: str) -> None:
    app = edges(TinyApi())

    async def scenario() -> None:
        async with client_for(app) as client:
            response = await client.post("/_emulator/faults", json=body)
            assert response.status_code == 400
            assert message in response.json()["error"]
            assert (await client.get("/_emulator/faults")).json()["scheduled"] == []

    anyio.run(scenario)


def test_control_endpoint_answers_loopback_clients_only() -> None:
    app = edges(TinyApi())
    transport = httpx.ASGITransport(app=app, client=("192.0.2.7", 40000))

    async def scenario() -> None:
        async with httpx.AsyncClient(transport=transport, base_url="http://hex") as client:
            refused = await client.post("/_emulator/faults", json={"kind": "drop"})
            assert refused.status_code == 403
            assert (await client.get(ME, headers=TOKEN)).status_code == 200

    anyio.run(scenario)


def test_commit_then_timeout_on_the_real_emulator(seed: Any, clock: ManualClock) -> None:
    app = create_app(seed, EmulatorConfig(rate_limits=None), clock=clock)
    token = {"Authorization": "Bearer hxtw_test"}

    async def scenario() -> None:
        async with client_for(app) as client:
            await client.post(
                "/_emulator/faults",
                json={"operationId": "CreateGroup", "kind": "commit_then_timeout"},
            )
            with pytest.raises(httpx.ReadTimeout):
                await client.post(GROUPS, headers=token, json={"name": "Partners"})
            listed = (await client.get(GROUPS, headers=token)).json()["values"]
            assert "Partners" in [group["name"] for group in listed]
            fired = (await client.get("/_emulator/faults")).json()["fired"]
            assert fired["by_operation"] == {"CreateGroup": {"commit_then_timeout": 1}}

    anyio.run(scenario)
