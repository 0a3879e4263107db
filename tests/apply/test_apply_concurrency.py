"""Two applies at once never duplicate anything (issue #9 item 4).

- ``hexsync apply`` takes the workspace's lock group before its first write: two concurrent
  applies of the same manifests (separate processes, one served emulator) create each project
  once; the second waits, plans again and finds nothing to do.
- A lock left behind is cleared once stale (by its ``createdAt``); a held one makes the other
  apply wait, or give up with exit 3 after ``--lock-wait``.
- The lock group never shows: not in plans, ``groups list``, export.
- Immediately before each project create the newest projects are read again, and after the
  apply every created title is counted: a duplicate made behind hexsync's back is reported
  with both ids (the report is not ok: exit 4)."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from apply_support import TOKEN, Emulator, change, f, plan_of
from served_support import run_hexsync, serve_emulator, stop

from hexsync.apply.execute import apply_plan
from hexsync.apply.lock import LockHeldError, apply_lock
from hexsync.emulator.seed import Seed
from hexsync.readers.workspace import read_live
from hexsync.values.live import LOCK_GROUP

pytestmark = pytest.mark.anyio

ROUNDS = 5
PROJECTS = 10


def _write_round(directory: Path, round_no: int) -> None:
    directory.mkdir(parents=True, exist_ok=True)
    titles = "\n".join(
        f"  - title: Round {round_no} report {i:02d}\n    status: Production"
        for i in range(PROJECTS)
    )
    (directory / "projects.yaml").write_text(f"version: 1\nprojects:\n{titles}\n", "utf-8")


def _state(url: str) -> dict[str, Any]:
    data: dict[str, Any] = httpx.get(f"{url}/_emulator/state").json()
    return data


# Ten processes in all, and each round's second apply looks at the held lock every two seconds:
# on a loaded two-core machine the rounds take well over the suite's 120 s per test, so the
# bounds here (the test's and each process's) only catch a hang.
@pytest.mark.slow
@pytest.mark.timeout(900)
def test_two_concurrent_applies_never_duplicate_in_five_rounds(tmp_path: Path) -> None:
    emulator, url = serve_emulator()
    env = {"HEX_API_TOKEN": "hxtw_demo"}
    try:
        for round_no in range(ROUNDS):
            manifests = tmp_path / f"round{round_no}"
            _write_round(manifests, round_no)
            args = ("--api-url", url, "--rate-limit", "off", "apply", str(manifests))
            first = run_hexsync(*args, "--auto-approve", env=env)
            second = run_hexsync(*args, "--auto-approve", env=env)
            results = [first.finish(timeout=300), second.finish(timeout=300)]
            codes = [code for code, _, _ in results]
            assert codes == [0, 0], results
            did = [r for r in results if f"Apply complete: {PROJECTS} done" in r[2]]
            idle = [r for r in results if "Apply complete" not in r[2]]
            assert len(did) == 1, results  # one carried the changes out ...
            assert len(idle) == 1, results  # ... the other, once it had the lock, found none
            assert "+ project" not in idle[0][1]
            titles = Counter(p["title"] for p in _state(url)["projects"])
            made = {t: n for t, n in titles.items() if t.startswith(f"Round {round_no} ")}
            assert len(made) == PROJECTS
            assert set(made.values()) == {1}, made  # no duplicates
            assert LOCK_GROUP not in {g["name"] for g in _state(url)["groups"]}  # released
    finally:
        stop(emulator)


@pytest.mark.slow
def test_a_held_lock_makes_the_other_apply_give_up_with_exit_3_and_a_hint(
    tmp_path: Path,
) -> None:
    emulator, url = serve_emulator()
    auth = {"Authorization": "Bearer hxtw_demo"}
    try:
        # Another apply holds the lock (just created: not stale).
        httpx.post(f"{url}/api/v1/groups", json={"name": LOCK_GROUP}, headers=auth)
        _write_round(tmp_path / "m", 0)
        held = run_hexsync(
            "--api-url",
            url,
            "--rate-limit",
            "off",
            "apply",
            str(tmp_path / "m"),
            "--auto-approve",
            "--lock-wait",
            "3",
            env={"HEX_API_TOKEN": "hxtw_demo"},
        )
        code, out, err = held.finish(timeout=60)
        assert code == 3, err
        assert "waiting for another apply to finish" in err  # said while it waited
        assert "another apply is running on this workspace" in err
        assert "nothing was applied" in err
        assert not any(p["title"].startswith("Round 0") for p in _state(url)["projects"])
        # A plan never shows the held lock.
        planned = run_hexsync(
            "--api-url", url, "plan", str(tmp_path / "m"), env={"HEX_API_TOKEN": "hxtw_demo"}
        )
        code, out, _ = planned.finish()
        assert code == 0
        assert LOCK_GROUP not in out
        assert "Round 0" in out
    finally:
        stop(emulator)


async def test_a_stale_lock_is_removed_and_taken(make_seed: Callable[..., Seed]) -> None:
    emu = Emulator(make_seed())
    async with emu.client() as client:
        await client.create_group(LOCK_GROUP)
        lines: list[str] = []
        # The emulator's createdAt is on its own clock: "now" is read from it.
        later = emu.clock.utcnow() + datetime.timedelta(hours=2)
        async with apply_lock(client, notify=lines.append, now=lambda: later):
            held = [g for g in (await emu.state())["groups"] if g["name"] == LOCK_GROUP]
            assert len(held) == 1  # the old one went, this apply's is there
        assert any("removing a stale apply lock" in line for line in lines)
        assert LOCK_GROUP not in {g["name"] for g in (await emu.state())["groups"]}
        # A fresh lock is not stale: with no wait the second apply gives up at once.
        await client.create_group(LOCK_GROUP)
        with pytest.raises(LockHeldError, match="another apply is running"):
            async with apply_lock(client, wait=0, now=emu.clock.utcnow):
                pytest.fail("entered a held lock")
        # The reader knows it for a lock (empty, shared with nothing) and leaves it out: a plan,
        # prune or export never sees it; the client itself hides nothing.
        live = await read_live(client)
        assert LOCK_GROUP not in live.groups
        assert live.locks == (LOCK_GROUP,)
        assert LOCK_GROUP in {g.name async for g in client.iter_groups()}


async def test_a_duplicate_made_behind_hexsyncs_back_is_reported_with_both_ids(
    make_seed: Callable[..., Seed],
) -> None:
    """Someone creates the same title between apply's re-read and its create: the check
    after the apply finds two projects with the title and names both."""
    emu = Emulator(make_seed())
    inner = emu.transport

    class Racer(httpx.AsyncBaseTransport):
        raced = False

        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            if (
                request.method == "POST"
                and request.url.path.endswith("/projects")
                and not self.raced
            ):
                self.raced = True
                async with httpx.AsyncClient(transport=inner, base_url="http://127.0.0.1") as c:
                    await c.post(
                        "/api/v1/projects",
                        json={"title": "Portal"},
                        headers={"Authorization": f"Bearer {TOKEN}"},
                    )
            return await inner.handle_async_request(request)

    emu.transport = Racer()  # type: ignore[assignment]
    async with emu.client() as client:
        report = await apply_plan(
            client, plan_of(change("project", "create", "Portal", f("status", None, "Production")))
        )
    assert not report.ok
    [duplicate] = report.duplicates
    ids = sorted(p["id"] for p in (await emu.state())["projects"] if p["title"] == "Portal")
    assert len(ids) == 2
    assert duplicate == f'project title "Portal" is held by 2 projects: ids {ids[0]}, {ids[1]}'
    assert "1 duplicate project titles" in report.summary
    assert report.data["duplicates"] == [duplicate]


async def test_a_token_that_may_not_create_groups_goes_on_without_the_lock_and_says_so(
    make_seed: Callable[..., Seed],
) -> None:
    emu = Emulator(make_seed())
    lines: list[str] = []
    entered = False
    async with emu.client("hxtp_member") as client:  # an EDITOR: CreateGroup answers 403
        lock = apply_lock(client, notify=lines.append, now=emu.clock.utcnow)
        async with lock:
            entered = True
    assert entered
    assert any("this token may not create groups" in line for line in lines)
    assert LOCK_GROUP not in {g["name"] for g in (await emu.state())["groups"]}
