"""Fidelity under concurrency: many writes at once, listings walked while the workspace changes,
and two processes on one ``--state`` file."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from hexsync.emulator.app import create_app
from hexsync.emulator.clock import ManualClock
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import Seed

USERS = 60


@pytest.fixture
def seed(make_seed: Callable[..., Seed]) -> Seed:
    users = [{"email": "alice@acme.com", "name": "Alice", "role": "ADMIN"}] + [
        {"email": f"user{n:02d}@acme.com", "name": f"User {n:02d}", "role": "EDITOR"}
        for n in range(USERS)
    ]
    projects = [
        {"title": f"Project {n:02d}", "owner": "alice@acme.com", "published": True}
        for n in range(30)
    ]
    return make_seed(
        users=users,
        groups=[],
        projects=projects,
        tokens=[{"token": "hxtw_test", "kind": "workspace"}],
    )


def headers() -> dict[str, str]:
    return {"Authorization": "Bearer hxtw_test"}


def client_for(app: Any) -> httpx.AsyncClient:
    return httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://hex")


def test_concurrent_sharing_patches_on_one_project_all_land(seed, clock):
    app = create_app(seed, EmulatorConfig(rate_limits=None), clock=clock)
    project = seed.id_of("projects", "Project 00")
    user_ids = [seed.id_of("users", f"user{n:02d}@acme.com") for n in range(USERS)]

    async def main() -> list[int]:
        async with client_for(app) as c:
            responses = await asyncio.gather(
                *(
                    c.patch(
                        f"/api/v1/projects/{project}/sharing/users",
                        json={"sharing": {"upsert": {"users": [{"user": {"id": u}, "access": a}]}}},
                        headers=headers(),
                    )
                    for u, a in zip(
                        user_ids, ["CAN_VIEW", "APP_ONLY", "CAN_EDIT"] * 20, strict=True
                    )
                )
            )
            return [r.status_code for r in responses]

    assert asyncio.run(main()) == [200] * USERS

    async def read() -> dict[str, Any]:
        async with client_for(app) as c:
            r = await c.get(f"/api/v1/projects/{project}?includeSharing=true", headers=headers())
            body: dict[str, Any] = r.json()
            return body

    shared = asyncio.run(read())["sharing"]["users"]
    assert len(shared) == USERS
    assert sorted(e["user"]["email"] for e in shared) == [
        f"user{n:02d}@acme.com" for n in range(USERS)
    ]


def test_concurrent_creates_of_one_name_make_one_group(seed, clock):
    app = create_app(seed, EmulatorConfig(rate_limits=None), clock=clock)

    async def main() -> tuple[list[int], list[str]]:
        async with client_for(app) as c:
            same = [
                c.post("/api/v1/groups", json={"name": "Dup"}, headers=headers()) for _ in range(20)
            ]
            distinct = [
                c.post("/api/v1/groups", json={"name": f"G{n:02d}"}, headers=headers())
                for n in range(20)
            ]
            responses = await asyncio.gather(*same, *distinct)
            listed = await c.get("/api/v1/groups?limit=500", headers=headers())
            return [r.status_code for r in responses], [g["name"] for g in listed.json()["values"]]

    statuses, names = asyncio.run(main())
    assert sorted(statuses[:20]) == [201] + [400] * 19
    assert statuses[20:] == [201] * 20
    assert sorted(names) == ["Dup"] + [f"G{n:02d}" for n in range(20)]


def _walk_while(
    c: httpx.Client, path: str, params: dict[str, Any], between: Callable[[int], None]
) -> list[str]:
    seen: list[str] = []
    after: str | None = None
    page_no = 0
    while True:
        query = dict(params, **({"after": after} if after else {}))
        body = c.get(path, params=query, headers=headers()).json()
        seen.extend(v["id"] for v in body["values"])
        after = body["pagination"]["after"]
        if after is None:
            return seen
        between(page_no)
        page_no += 1


@pytest.mark.parametrize("direction", ["DESC", "ASC"])
def test_projects_created_between_pages_never_repeat_or_hide_another(
    emulator_client, seed, clock, direction
):
    before = {seed.id_of("projects", f"Project {n:02d}") for n in range(30)}
    created: list[str] = []

    def create(page_no: int) -> None:
        clock.advance(60)
        r = emulator_client.post(
            "/api/v1/projects", json={"title": f"Mid {page_no}"}, headers=headers()
        )
        created.append(r.json()["id"])

    seen = _walk_while(
        emulator_client, "/api/v1/projects", {"limit": 4, "sortDirection": direction}, create
    )
    assert len(seen) == len(set(seen)), "an item appeared twice"
    assert before <= set(seen), "an item that existed throughout was skipped"
    if direction == "ASC":  # the new ones sort after the cursor: all of them are reached
        assert set(created) <= set(seen)
    else:  # newest first: they sort before the cursor, behind the walk
        assert not set(created) & set(seen)


def test_groups_created_and_deleted_between_pages_by_name(emulator_client, seed):
    names = [f"Group {chr(ord('a') + n)}{chr(ord('a') + n)}" for n in range(20)]  # aa … tt
    ids = {}
    for name in names:
        ids[name] = emulator_client.post(
            "/api/v1/groups", json={"name": name}, headers=headers()
        ).json()["id"]
    deleted: list[str] = []

    def churn(page_no: int) -> None:
        # A name that sorts into the pages already read, one ahead, and a deletion ahead.
        emulator_client.post(
            "/api/v1/groups", json={"name": f"Group a{page_no}"}, headers=headers()
        )
        emulator_client.post(
            "/api/v1/groups", json={"name": f"Group z{page_no}"}, headers=headers()
        )
        victim = names[-1 - page_no]
        response = emulator_client.delete(f"/api/v1/groups/{ids[victim]}", headers=headers())
        assert response.status_code == 204
        deleted.append(ids[victim])

    seen = _walk_while(emulator_client, "/api/v1/groups", {"limit": 3, "sortBy": "NAME"}, churn)
    assert len(seen) == len(set(seen))
    survivors = {gid for gid in ids.values() if gid not in deleted}
    assert survivors <= set(seen)


def test_two_processes_writing_one_state_file_lose_nothing(tmp_path: Path, seed: Seed) -> None:
    state = tmp_path / "state.json"
    seed_file = tmp_path / "seed.json"
    seed_file.write_text(json.dumps(seed.data), encoding="utf-8")
    script = textwrap.dedent(
        """
        import sys
        from pathlib import Path
        import httpx
        from hexsync.emulator.app import create_app
        from hexsync.emulator.config import EmulatorConfig
        from hexsync.emulator.seed import load_seed
        from hexsync.emulator.transport import EmulatorTransport

        tag, seed_path, state_path = sys.argv[1], sys.argv[2], sys.argv[3]
        config = EmulatorConfig(rate_limits=None, state_path=Path(state_path))
        app = create_app(load_seed(Path(seed_path)), config)
        auth = {"Authorization": "Bearer hxtw_test"}
        with httpx.Client(transport=EmulatorTransport(app), base_url="https://hex") as c:
            for n in range(25):
                r = c.post("/api/v1/groups", json={"name": f"{tag}-{n:02d}"}, headers=auth)
                assert r.status_code == 201, r.text
        """
    )
    # Create the state file first so neither process races to write the seed over the other.
    create_app(seed, EmulatorConfig(rate_limits=None, state_path=state), clock=ManualClock())
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", script, tag, str(seed_file), str(state)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        for tag in ("one", "two")
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err.decode()
    names = {g["name"] for g in json.loads(state.read_text(encoding="utf-8"))["groups"]}
    assert names == {f"{tag}-{n:02d}" for tag in ("one", "two") for n in range(25)}
