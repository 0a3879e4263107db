"""hexsync against the floor and the naive approach: the README's benchmark table.

    .venv/bin/python benchmarks/bench_floor.py --projects 1000 10000

For each size, the workspace of ``bench_plan.py`` (2,000 users, 50 groups of 10, every project
shared with two users and a group; the manifests change one user on every tenth project):

- plan: the requests ``hexsync plan`` makes (counted by the client) against the read floor
  and the naive approach (one GetProject per project besides the listings); the time those
  requests take at Hex's limits (30/minute and 1,800/hour per group, replayed through the
  client's pacer), and the local time to read, diff and render against the zero-latency
  in-process emulator;
- apply: the writes apply makes (counted by the emulator) against the write floor (one request
  per project whose user sharing changes: at most 25 principals per request);
- apply time on a scaled clock: plan + apply against the emulator enforcing Hex's limits at
  ``--time-scale`` (60: a minute passes in a second, and the in-process emulator's few
  milliseconds per request become Hex-like 0.1-0.3 s), measured on the emulator's clock, against
  the pacing floor (the writes alone at 30/minute per group, no reads, no latency) and the
  plan's own estimate.

Numbers are printed as markdown table rows; the README's table is their output.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import sys
import time
from collections import Counter
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

import httpx
import yaml

sys.path.insert(0, str(Path(__file__).parent))
from bench_plan import TOKEN, workspace

from hexsync.apply.execute import apply_plan
from hexsync.emulator.app import create_app
from hexsync.emulator.clock import Clock
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import Seed
from hexsync.hexapi import OPS, HexClient, Pacer
from hexsync.hexapi.pacing import simulate
from hexsync.manifest import load
from hexsync.planning.planner import read_and_plan
from hexsync.render import render_markdown, render_text
from hexsync.values.desired import Desired

USERS, GROUPS, MEMBERS = 2000, 50, 10


def read_floor(projects: int) -> int:
    """Floor: ceil(P/100) + ceil(U/500) + ceil(G/500) + ceil(C/100) + Σ ceil(members/500) + 1."""
    return (
        math.ceil(projects / 100)
        + math.ceil(USERS / 500)
        + math.ceil(GROUPS / 500)
        + 1  # collections: one page, even when empty
        + GROUPS * math.ceil(MEMBERS / 500)
        + 1  # users/me
    )


def paced(requests: Counter[str]) -> float:
    """Seconds ``requests`` (by operationId) take at Hex's limits, all asked at once."""
    tasks = [[OPS[op].rate_group] for op, n in requests.items() for _ in range(n)]
    return simulate([tasks], concurrency=10**6)


def duration(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:.0f} s"
    if seconds < 3600:
        return f"{seconds / 60:.1f} min"
    return f"{seconds / 3600:.1f} h"


def desired_for(manifest: dict[str, Any]) -> Desired:
    with TemporaryDirectory() as tmp:
        path = Path(tmp) / "manifests.yaml"
        path.write_text(yaml.safe_dump(manifest, sort_keys=False), encoding="utf-8")
        return load([path])


async def plan_unpaced(seed: Seed, desired: Desired) -> tuple[Counter[str], float]:
    app = create_app(seed, EmulatorConfig(rate_limits=None))
    transport = httpx.ASGITransport(app)
    async with HexClient(TOKEN, "https://app.hex.tech", transport=transport, pacing=False) as c:
        started = time.perf_counter()
        plan, _ = await read_and_plan(c, desired)
        render_text(plan)
        render_markdown(plan)
        return Counter(c.counters.requests), time.perf_counter() - started


async def plan_and_apply_scaled(seed: Seed, desired: Desired, scale: float) -> dict[str, Any]:
    clock = Clock(scale)
    app = create_app(seed, EmulatorConfig(time_scale=scale), clock=clock)

    async def sleep(seconds: float) -> None:
        await asyncio.sleep(seconds / scale)

    transport = httpx.ASGITransport(app)
    # The pacer's margin covers the jitter of a request's arrival; on a clock running `scale`
    # times faster, a few real milliseconds of jitter are a fraction of an emulated second.
    pacer = Pacer(clock=clock.now, sleep=sleep, margin=1.0)
    async with HexClient(
        TOKEN, "http://127.0.0.1", transport=transport, pacer=pacer, clock=clock.now, sleep=sleep
    ) as client:
        started = clock.now()
        plan, live = await read_and_plan(client, desired)
        planned = clock.now()
        report = await apply_plan(client, plan, live=live)
        ended = clock.now()
    return {
        "plan": plan,
        "report": report,
        "plan_s": planned - started,
        "total_s": ended - started,
        "rate_limited": client.counters.rate_limited,
    }


def pacing_floor(plan_writes: Counter[str]) -> float:
    """The writes alone, each group at 30/minute from a full burst: no reads, no latency."""
    return max(
        (simulate([[[group]] * n], concurrency=10**6) for group, n in plan_writes.items()),
        default=0.0,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, nargs="+", default=[1000, 10_000])
    parser.add_argument("--time-scale", type=float, default=60.0)
    args = parser.parse_args()

    rows: dict[str, list[str]] = {}
    for projects in args.projects:
        seed_data, manifest = workspace(projects, USERS, GROUPS)
        seed = Seed.from_dict(seed_data, source="bench")
        desired = desired_for(manifest)
        reads, local_s = asyncio.run(plan_unpaced(seed, desired))
        naive = reads + Counter({"GetProject": projects})
        scaled = asyncio.run(plan_and_apply_scaled(seed, desired, args.time_scale))
        plan, report = scaled["plan"], scaled["report"]
        writes = Counter(OPS[op].rate_group for c in plan.changes for op in c.operations)
        write_floor = sum(1 for c in plan.changes if c.fields_at("sharing.users"))
        apply_s = scaled["total_s"] - scaled["plan_s"]
        cells = {
            "plan requests: hexsync / floor / naive": (
                f"{sum(reads.values()):,} / {read_floor(projects):,} / {sum(naive.values()):,}"
            ),
            "plan time at Hex's limits: hexsync / naive": (
                f"{duration(paced(reads))} / {duration(paced(naive))}"
            ),
            "plan time, local (read + diff + render, no latency)": f"{local_s:.1f} s",
            "apply writes: hexsync / floor": f"{report.writes:,} / {write_floor:,}",
            "plan + apply on the scaled clock: measured / plan's estimate": (
                f"{duration(scaled['total_s'])} / {duration(plan.seconds_at())}"
            ),
            "apply on the scaled clock: measured / pacing floor": (
                f"{duration(apply_s)} / {duration(pacing_floor(writes))}"
            ),
            "429 answers": str(scaled["rate_limited"]),
        }
        for key, value in cells.items():
            rows.setdefault(key, []).append(value)
        print(
            f"{projects} projects: {len(plan.changes)} changes, groups {dict(writes)}, "
            f"{report.summary}",
            file=sys.stderr,
        )
    header = " | ".join(f"{p:,} projects" for p in args.projects)
    print(f"| | {header} |")
    print("|---|" + "---|" * len(args.projects))
    for key, values in rows.items():
        print(f"| {key} | {' | '.join(values)} |")


if __name__ == "__main__":
    main()
