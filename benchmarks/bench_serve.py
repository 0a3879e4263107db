"""hexsync serve at scale: the numbers of docs/serve.md, "At 10,000 projects".

    .venv/bin/python benchmarks/bench_serve.py --projects 10000 --trials 3

The workspace of ``bench_plan.py`` (2,000 users, 50 groups of 10, every project shared with two
users and a group), with manifests that match it (an idle workspace):

- requests per idle cycle, against the floor (the listings at 100 projects and 500 users or
  groups per request, ``users/me``, and Σ ceil(members/500) of the groups projects are shared
  with, which the snapshot keeps so that ``access --at`` can answer);
- store growth per idle cycle (SQLite, bytes of the database file after a checkpoint);
- ``access project --at`` answered from the store (the access engine over a stored snapshot),
  in a process of its own as the command runs (the interpreter's start not counted);
- how soon a change made in Hex is seen: the emulator enforces Hex's limits on a scaled clock,
  the controller paces its client on the same scale and syncs back to back; the delay from the
  change to its drift item being in the store, against the time of one full read at 30 requests
  a minute, and against what a read takes at Hex's limits (Hex counts the users listings apart
  from the others, each group at 30 a minute: the larger group's requests set the pace). Two
  kinds of trials: the worst case (a project of the first page changed just after the
  controller read that page, so the rest of that read cannot see it) and a random moment.

The scaled clock multiplies the controller's own work too (planning, the snapshot: a second or
two of real time per sync at 10,000 projects, more on a busy machine): pick ``--scale`` so that
this stays well under the minute a sliding window of Hex's limit gives back, as it does at 1.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import math
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
import yaml

sys.path.insert(0, str(Path(__file__).parent))
from bench_plan import TOKEN, workspace

from hexsync.emulator.background import running_emulator
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import Seed
from hexsync.hexapi import HexClient
from hexsync.hexapi.retry import RetryPolicy
from hexsync.ops.history import access_at, find_project_at, project_access_doc
from hexsync.serve.cycle import Collaborators, CycleConfig, run_cycle
from hexsync.serve.daemon import Daemon, ScaledClock, ServeSettings
from hexsync.serve.source import ManifestSource
from hexsync.store import Store

USERS, GROUPS = 2000, 50
MEDDLER = "hxtw_someone_else"  # a token of its own: Hex's limits count per token


class _FirstPage(httpx.AsyncBaseTransport):
    """The controller's transport, which tells when the first page of a projects listing has
    been answered: a change to one of its projects made then is the worst case."""

    def __init__(self) -> None:
        self.inner = httpx.AsyncHTTPTransport()
        self.answered = asyncio.Event()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self.inner.handle_async_request(request)
        first = "after" not in request.url.params or not request.url.params["after"]
        if request.url.path.endswith("/projects") and first and response.status_code == 200:
            self.answered.set()
        return response

    async def aclose(self) -> None:
        await self.inner.aclose()


class _Quiet:
    def notify(self, *_args: Any) -> None:
        return None


def _idle_manifests(seed: dict[str, Any], manifest: dict[str, Any], folder: Path) -> Path:
    projects = [
        {"title": p["title"], "status": p["status"], "sharing": p["sharing"]}
        for p in seed["projects"]
    ]
    (folder / "m.yaml").write_text(yaml.safe_dump({**manifest, "projects": projects}))
    return folder


def _floor(seed: dict[str, Any]) -> tuple[int, int]:
    """The requests of one read, per rate-limit group of Hex: (``hex-api``: the projects,
    groups and collections listings; the 30-a-minute group: users, users/me, members)."""
    projects, users = len(seed["projects"]), len(seed["users"])
    members = {g["name"]: len(g["members"]) for g in seed["groups"]}
    shared = {name for p in seed["projects"] for name in p["sharing"].get("groups", {})}
    declared = set(members)  # the manifests declare every group: their members are read
    hex_api = (
        math.ceil(projects / 100) + math.ceil(len(members) / 500) + 1  # collections (one page)
    )
    per_minute = (
        math.ceil(users / 500)
        + 1  # users/me
        + sum(math.ceil(members[g] / 500) for g in shared | declared)
    )
    return hex_api, per_minute


async def _idle(url: str, manifests: Path, db: Path, cycles: int, projects: int) -> dict[str, Any]:
    store = Store(f"sqlite:///{db}")
    clock = lambda: dt.datetime.now(dt.timezone.utc)  # noqa: E731
    async with HexClient(TOKEN, url, pacing=False) as client:
        collab = Collaborators(clock, client, store, _Quiet(), ManifestSource([manifests]))
        first = await run_cycle(collab, CycleConfig("bench"))
        store.raw("PRAGMA wal_checkpoint(TRUNCATE)")
        before = db.stat().st_size
        results = []
        for _ in range(cycles):
            started = time.monotonic()
            results.append(
                (await run_cycle(collab, CycleConfig("bench")), time.monotonic() - started)
            )
        with store.engine.connect() as c:
            c.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        after = db.stat().st_size
    store.close()
    # `hexsync access project --at`: a process of its own (not this one, which holds the
    # emulator's workspace too), each answer from the store, timed from the store's opening.
    answers = subprocess.run(
        [sys.executable, __file__, "--answer-at", str(db), str(projects)],
        check=True,
        capture_output=True,
        text=True,
    )
    at_seconds, people = json.loads(answers.stdout)
    return {
        "first_drift": first.drift_count,
        "requests": [r.requests for r, _ in results],
        "drift": [r.drift_count for r, _ in results],
        "growth": (after - before) / cycles,
        "cycle_seconds": statistics.median(s for _, s in results),
        "at_seconds": at_seconds,
        "people": people,
    }


async def _latency(
    seed: Seed, manifests: Path, db: Path, trials: int, scale: float
) -> dict[str, list[float]]:
    """Seconds (the controller's clock) from a change in Hex to its drift item, per kind of
    trial: ``worst`` (just after its page was read) and ``random``."""
    config = EmulatorConfig(time_scale=scale)  # Hex's limits, scaled
    with running_emulator(seed, config) as url:
        store = Store(f"sqlite:///{db}")
        clock = ScaledClock(scale)
        watched = _FirstPage()
        async with HexClient(
            TOKEN, url, clock=clock.monotonic, sleep=clock.sleep,
            retry=RetryPolicy(deadline=86400.0), transport=watched,
        ) as client, HexClient(MEDDLER, url, pacing=False) as meddler:  # fmt: skip
            settings = ServeSettings(workspace="bench", interval=1.0, port=0)
            daemon = Daemon(
                settings,
                store=store,
                client=client,
                source=ManifestSource([manifests]),
                clock=clock,
                out=lambda _t: None,
                log=lambda _t: None,
            )
            task = asyncio.create_task(daemon.run())
            while store.last_success("bench") is None:
                await asyncio.sleep(0.2)
            projects = [p async for p in meddler.iter_projects(include_sharing=True)]
            first_page = projects[:100]  # the listing's order: the first page of every read
            rng = random.Random(20)
            delays: dict[str, list[float]] = {"worst": [], "random": []}
            for trial in range(2 * trials):
                kind = "worst" if trial % 2 == 0 else "random"
                if kind == "worst":
                    # Just after Hex answered the first page of the controller's next read.
                    watched.answered.clear()
                    await watched.answered.wait()
                    target = rng.choice(first_page)
                else:
                    await asyncio.sleep(rng.uniform(0, 5.0))
                    target = rng.choice(projects)
                changed_at = clock.now()
                # Shared with the whole workspace (no project of the seed is): drift.
                await meddler.edit_project_sharing_workspace_and_public(
                    target.id, workspace="CAN_EDIT"
                )
                while not any(d.object_id == target.id for d in store.open_drift("bench")):
                    await asyncio.sleep(0.05)
                delays[kind].append((clock.now() - changed_at).total_seconds())
                print(
                    f"trial {trial + 1} ({kind}): seen after {delays[kind][-1]:.0f} s",
                    file=sys.stderr,
                )
                # Put it back and wait until it is resolved, so the next trial starts clean.
                await meddler.edit_project_sharing_workspace_and_public(
                    target.id, workspace=target.sharing.workspace if target.sharing else "NONE"
                )
                while store.open_drift("bench"):
                    await asyncio.sleep(0.05)
            daemon.request_stop()
            await task
        store.close()
    return delays


def _answer_at(db: str, projects: int) -> None:
    """Five answers of ``access project --at`` from the store at ``db``: seconds each, and how
    many people the last one names (JSON on stdout)."""
    seconds, people = [], 0
    for i in range(5):
        t0 = time.perf_counter()
        store = Store(f"sqlite:///{db}", migrate=False)
        answer = access_at(store, "bench", dt.datetime.now(dt.timezone.utc))
        project = find_project_at(answer.state, f"Project {projects * i // 5:05d}")
        people = len(project_access_doc(answer, project)["people"])
        store.close()
        seconds.append(time.perf_counter() - t0)
    print(json.dumps([seconds, people]))


def main() -> None:
    if sys.argv[1:2] == ["--answer-at"]:
        _answer_at(sys.argv[2], int(sys.argv[3]))
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=10_000)
    parser.add_argument("--cycles", type=int, default=3, help="idle cycles measured")
    parser.add_argument("--trials", type=int, default=3, help="changes timed, of each kind")
    parser.add_argument("--scale", type=float, default=10.0, help="time scale of the latency run")
    args = parser.parse_args()
    seed_data, manifest = workspace(args.projects, USERS, GROUPS)
    tokens = seed_data["tokens"]
    assert isinstance(tokens, list)
    seed_data["tokens"] = [*tokens, {"token": MEDDLER, "kind": "workspace"}]
    seed = Seed.from_dict(seed_data, source="bench")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        manifests = _idle_manifests(seed_data, manifest, folder)
        with running_emulator(seed, EmulatorConfig(rate_limits=None)) as url:
            idle = asyncio.run(
                _idle(url, manifests, folder / "idle.db", args.cycles, args.projects)
            )
        hex_api, per_minute = _floor(seed_data)
        floor = hex_api + per_minute
        read_seconds = floor / 30 * 60  # one full read at 30 requests a minute
        # Hex counts its two groups apart: a read back to back with the last one takes the
        # larger group's requests at 30 a minute, the other group's going on beside them.
        paced_seconds = max(hex_api, per_minute) / 30 * 60
        delays = asyncio.run(
            _latency(seed, manifests, folder / "latency.db", args.trials, args.scale)
        )
    print(f"| projects | {args.projects:,} |")
    print(f"| drift in the idle workspace | {idle['first_drift']} then {idle['drift']} |")
    print(f"| requests per idle cycle | {idle['requests']} (floor {floor}) |")
    print(f"| store growth per idle cycle | {idle['growth']:.0f} bytes |")
    print(f"| local time of an idle cycle (no rate limits) | {idle['cycle_seconds']:.1f} s |")
    at_ms = sorted(s * 1000 for s in idle["at_seconds"])
    print(
        f"| access project --at | median {statistics.median(at_ms):.0f} ms, max {at_ms[-1]:.0f} ms "
        f"({idle['people']} people) |"
    )
    print(f"| one full read: {floor} requests at 30/min | {read_seconds:.0f} s |")
    print(
        f"| one read at Hex's limits, its groups apart ({hex_api} hex-api, {per_minute} "
        f"30/min) | {paced_seconds:.0f} s |"
    )
    for kind, label in (("worst", "just after its page was read"), ("random", "at random")):
        seen = delays[kind] or [0.0]
        print(
            f"| a change made {label}, seen after | {', '.join(f'{d:.0f} s' for d in seen)}: "
            f"max {max(seen) / read_seconds:.2f}x of {read_seconds:.0f} s, "
            f"{max(seen) / paced_seconds:.2f}x of {paced_seconds:.0f} s |"
        )


if __name__ == "__main__":
    main()
