"""Queried tables read incrementally (docs/data.md): against a 2,000-project workspace the first
read costs one request per project, a second read with nothing edited none, and after editing 5
projects 5 (counted by the emulator); an interrupted first read resumes where it stopped; a
plan without the endpoint is said once."""

from __future__ import annotations

import asyncio
import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner

from hexsync.cli.main import cli
from hexsync.emulator.app import create_app
from hexsync.emulator.background import running_emulator
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.generate import WORKSPACE_TOKEN, generate_seed
from hexsync.emulator.seed import Seed
from hexsync.hexapi import HexClient
from hexsync.ops.tables import TablesAnswer, load_cache, read_tables
from hexsync.readers.tables import TablesProgress
from hexsync.readers.workspace import read_live

PROJECTS = 2000


def _seed_data(plan: str = "ENTERPRISE") -> dict[str, Any]:
    data = generate_seed(projects=PROJECTS, users=30, groups=3, collections=2)
    data["org"] = {**data.get("org", {}), "plan": plan}
    data["data_connections"] = [
        {"name": "Lake", "type": "snowflake"},
        {"name": "App DB", "type": "postgres"},
    ]
    for i, project in enumerate(data["projects"]):
        project["queried_tables"] = [{"connection": "Lake", "table": f"raw.table_{i % 7}"}]
        if i % 3 == 0:
            project["queried_tables"].append({"connection": "App DB", "table": "public.users"})
    return data


@pytest.fixture(scope="module")
def big_seed() -> Seed:
    return Seed.from_dict(_seed_data(), source="generated")


def _queried(app: Any) -> int:
    stats = app.state.stats.snapshot()["requests"].get("GetQueriedTables", {})
    return int(sum(stats.values()))


def _read(
    app: Any, cache: Path, progress: Callable[[TablesProgress], None] | None = None
) -> TablesAnswer:
    async def go() -> TablesAnswer:
        transport = httpx.ASGITransport(app)
        async with HexClient(
            WORKSPACE_TOKEN, "http://127.0.0.1", transport=transport, pacing=False
        ) as client:
            live = await read_live(client)
            return await read_tables(client, live, directory=cache, progress=progress)

    return asyncio.run(go())


def _edit(app: Any, project_id: str, tables: list[dict[str, str]] | None = None) -> None:
    async def go() -> None:
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app), base_url="http://127.0.0.1"
        ) as http:
            body: dict[str, Any] = {"project": project_id}
            if tables is not None:
                body["queried_tables"] = tables
            response = await http.post("/_emulator/edit", json=body)
            assert response.status_code == 200, response.text

    asyncio.run(go())


def test_first_read_one_per_project_then_none_then_only_the_edited(
    big_seed: Seed, tmp_path: Path
) -> None:
    app = create_app(big_seed, EmulatorConfig(rate_limits=None))
    first = _read(app, tmp_path)
    assert _queried(app) == PROJECTS  # each project's tables fit in one page
    assert first.read.read == PROJECTS
    assert first.read.cached == 0
    some = sorted(first.tables.entries)[0]
    assert any(str(t).startswith("Lake:raw.table_") for t in first.tables.tables(some))

    second = _read(app, tmp_path)
    assert _queried(app) == PROJECTS  # nothing edited: not one request
    assert second.read.read == 0
    assert second.read.cached == PROJECTS

    edited = sorted(first.tables.entries)[:5]
    for pid in edited:
        _edit(app, pid, [{"connection": "App DB", "table": "public.payments"}])
    third = _read(app, tmp_path)
    assert _queried(app) == PROJECTS + 5
    assert third.read.read == 5
    assert [str(t) for t in third.tables.tables(edited[0])] == ["App DB:public.payments"]


def test_an_interrupted_first_read_resumes_where_it_stopped(big_seed: Seed, tmp_path: Path) -> None:
    app = create_app(big_seed, EmulatorConfig(rate_limits=None))
    seen: list[TablesProgress] = []

    def stop_at_700(p: TablesProgress) -> None:
        seen.append(p)
        if p.done == 700:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        _read(app, tmp_path, stop_at_700)
    assert _queried(app) == 700
    assert len(load_cache(big_seed.data["org"]["id"], tmp_path).entries) == 700
    # The estimate is the documented 30 a minute before any answer: 2,000 projects, 66 min 40 s.
    assert seen[0].done == 0
    assert seen[0].todo == PROJECTS
    assert seen[0].seconds_left == pytest.approx(PROJECTS * 2.0)

    again = _read(app, tmp_path)
    assert _queried(app) == PROJECTS  # the other 1,300, and none twice
    assert again.read.read == PROJECTS - 700
    assert again.read.cached == 700


def test_without_the_enterprise_plan_it_is_said_once(tmp_path: Path) -> None:
    data = copy.deepcopy(_seed_data(plan="TEAM"))
    data["projects"] = data["projects"][:30]
    seed = Seed.from_dict(data, source="generated")
    with running_emulator(seed, EmulatorConfig(rate_limits=None)) as url:
        env = {"HEX_API_URL": url, "HEX_API_TOKEN": WORKSPACE_TOKEN}
        result = CliRunner().invoke(
            cli,
            ["--rate-limit", "off", "access", "tables", "--cache-dir", str(tmp_path), "--json"],
            env=env,
        )
        assert result.exit_code == 0, result.output
        assert result.stderr.count("does not offer queried tables (Enterprise only)") == 1
        stats = httpx.get(f"{url}/_emulator/stats").json()["requests"]["GetQueriedTables"]
        assert stats == {"403": 1}  # stopped at the first answer, not one per project
        assert '"available": false' in result.stdout
