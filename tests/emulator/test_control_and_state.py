"""Control endpoints, state round-trip, and one workspace shared by processes through a file."""

from __future__ import annotations

import asyncio
import json
import stat

import httpx

from hexsync.emulator.app import create_app, token_fingerprint
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import Seed


def headers(seed, email=None):
    return {"Authorization": f"Bearer {seed.token_for(email)}"}


def test_stats_count_every_operation_and_status(emulator_client, seed):
    emulator_client.get("/api/v1/groups", headers=headers(seed))
    emulator_client.get("/api/v1/groups", headers=headers(seed))
    emulator_client.get("/api/v1/users/me")
    emulator_client.get("/_emulator/state")
    stats = emulator_client.get("/_emulator/stats").json()
    assert stats == {
        "requests": {"ListGroups": {"200": 2}, "Me": {"401": 1}},
        "rate_limited": 0,
        "total": 3,
        "in_flight": 0,  # every one has ended
        # by the token they carried, named by a hash (never the token); none: no token at all
        "tokens": {token_fingerprint(seed.token_for()): 2, "none": 1},
    }
    assert seed.token_for() not in str(stats)


def test_reset_goes_back_to_the_seed_and_zeroes_stats(emulator_client, seed):
    group = seed.id_of("groups", "Analysts")
    renamed = emulator_client.patch(
        f"/api/v1/groups/{group}", json={"name": "X"}, headers=headers(seed)
    )
    assert renamed.status_code == 200, renamed.text
    seen = emulator_client.get(f"/api/v1/groups/{group}", headers=headers(seed)).json()
    assert seen["name"] == "X"  # the workspace did move, so the reset has something to undo
    assert emulator_client.post("/_emulator/reset").status_code == 200
    body = emulator_client.get(f"/api/v1/groups/{group}", headers=headers(seed)).json()
    assert body["name"] == "Analysts"
    assert emulator_client.get("/_emulator/stats").json()["requests"] == {"GetGroup": {"200": 1}}


def test_state_is_seed_format_that_loads_back_to_the_same_workspace(emulator_client, seed):
    revenue = seed.id_of("projects", "Revenue overview")
    emulator_client.patch(
        f"/api/v1/projects/{revenue}", json={"status": "Deprecated"}, headers=headers(seed)
    )
    emulator_client.post(f"/api/v1/projects/{revenue}/runs", headers=headers(seed))
    state = emulator_client.get("/_emulator/state").json()
    reloaded = Seed.from_dict(state, source="state")
    assert reloaded.data == state
    project = next(p for p in state["projects"] if p["id"] == revenue)
    assert project["status"] == "Deprecated"
    assert len(state["runs"]) == 1


def test_control_endpoints_refuse_other_hosts(emulator_app):
    async def call():
        transport = httpx.ASGITransport(app=emulator_app, client=("10.1.2.3", 4000))
        async with httpx.AsyncClient(transport=transport, base_url="http://emu") as client:
            return [
                (await client.get("/_emulator/stats")).status_code,
                (await client.post("/_emulator/reset")).status_code,
                (await client.get("/_emulator/state")).status_code,
            ]

    assert asyncio.run(call()) == [403, 403, 403]


def test_two_apps_on_one_state_file_share_the_workspace(tmp_path, seed, serve_emulator):
    config = EmulatorConfig(rate_limits=None, state_path=tmp_path / "state.json")
    one = serve_emulator(seed, config)
    two = serve_emulator(seed, config)
    created = one.post("/api/v1/groups", json={"name": "Partners"}, headers=headers(seed))
    assert created.status_code == 201
    seen = two.get(f"/api/v1/groups/{created.json()['id']}", headers=headers(seed))
    assert seen.json()["name"] == "Partners"
    # The second writes on top of the first's change, not over it.
    two.post("/api/v1/groups", json={"name": "Vendors"}, headers=headers(seed))
    names = {g["name"] for g in json.loads(config.state_path.read_text())["groups"]}
    assert {"Partners", "Vendors"} <= names
    # A restarted emulator starts from the state file, not the seed.
    three = serve_emulator(seed, config)
    listed = three.get("/api/v1/groups", headers=headers(seed)).json()["values"]
    assert {"Partners", "Vendors"} <= {g["name"] for g in listed}


def test_the_state_file_is_created_private_and_keeps_the_mode_its_owner_gives_it(
    tmp_path, seed, serve_emulator
):
    # It holds the seed's tokens: created 0600; a mode chosen afterwards survives every write.
    config = EmulatorConfig(rate_limits=None, state_path=tmp_path / "state.json")
    one = serve_emulator(seed, config)
    assert stat.S_IMODE(config.state_path.stat().st_mode) == 0o600
    config.state_path.chmod(0o640)
    one.post("/api/v1/groups", json={"name": "Partners"}, headers=headers(seed))
    assert "Partners" in config.state_path.read_text()
    assert stat.S_IMODE(config.state_path.stat().st_mode) == 0o640


def test_app_exposes_its_store(seed, clock):
    app = create_app(seed, EmulatorConfig(rate_limits=None), clock=clock)
    assert app.state.store.org_id == seed.org_id
