"""hexsync against the floor and the naive approach: the README's benchmark table.

    .venv/bin/python benchmarks/bench_floor.py --projects 100 1000 10000          # the table
    .venv/bin/python benchmarks/bench_floor.py --json > runs.jsonl               # JSON lines
    .venv/bin/python benchmarks/bench_floor.py --table runs.jsonl                # their table
    .venv/bin/python benchmarks/bench_floor.py --projects 1000 --workload two-groups --check

For each size, the workspace of ``bench_plan.py`` (2,000 users, 50 groups of 10, every project
shared with two users and its group), and for each workload (both unless ``--workload``):

- ``one-group``: the manifests change one user's access on every tenth project: one user-sharing
  write per changed project, all in the users rate-limit group (``hex-api-30rpm``);
- ``two-groups``: on every tenth project, one user's access and the group's: a user-sharing
  write (``hex-api-30rpm``) and a group-sharing write (``hex-api``) per changed project, so
  both groups have as much to do (an ordinary change, and the one that showed the client holding
  its connections while waiting for one group's budget).

It measures:

- plan: the requests ``hexsync plan`` makes (counted by the client) against the read floor and
  the naive approach (one GetProject per project besides the listings); their time at Hex's
  limits; the local time against the zero-latency in-process emulator, in CPU seconds of this
  process (other processes' load left out; on an idle machine the wall time is about the same:
  ``local_wall_s``), broken down: ``read`` (the whole read: emulator, transport and hexsync),
  ``decode`` (hexsync's own part of it: the same read replayed from recorded answers, no
  emulator: HTTP, JSON, typed records, the Live value), ``diff`` (building the plan) and
  ``render`` (text and markdown);
- apply, on the emulator's scaled clock (``--time-scale``: the emulator enforces Hex's limits,
  the client paces on the same clock, time is measured on it): ``hexsync apply`` with the
  manifests, as one CD job runs it, from a budget unspent: the read (the same listings a saved
  plan's freshness check makes), the diff, the writes and the read-back. Against its floor and
  the plan's own estimate;
- plan + apply back to back on one client and one budget (``plan``, then ``apply`` of that saved
  plan: its freshness check reads again), against its floor.

The floor is what Hex's limits make necessary for the requests no correct apply can do
without, each request taking no time: per rate-limit group, the read floor's listings, the
write floor (one request per changed project and sharing dimension: at most 25 principals per
request) and the read-back (a listing page per 100 projects), every group paced at its limits in
parallel with the others. Only the order that safety imposes is kept: every read before the
first write (a stale plan is refused with nothing written), every write before the read-back;
within those stages each group's budget carries over, so a group that spends its burst on reads
waits for it before its writes. ``apply_floor_by_group_s`` is each group's part alone.

The scaled clock multiplies local time too: a second of CPU (the diff of 10,000 projects; the
in-process emulator serving a hundred requests, with the client's side of them) is ``scale``
emulated seconds, and it runs on the one event loop, where Hex would serve requests side by
side. The default scale, 10, keeps that to a few percent of the floor on a busy two-core machine;
a 40-minute apply then takes four minutes, and the whole run (three sizes, both workloads, each
apply twice) about half an hour.

``--json`` prints one JSON object per size and workload instead of the table (times in seconds;
those on the scaled clock are emulated seconds); ``--check`` exits 1 when apply is over 1.05
times its floor, the estimate is off by more than 10%, or any answer was a 429.
"""

from __future__ import annotations

import argparse
import asyncio
import copy
import json
import math
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

import httpx
import yaml

sys.path.insert(0, str(Path(__file__).parent))
from bench_plan import TOKEN, workspace

from hexsync.apply.execute import apply_plan
from hexsync.apply.gate import apply_saved_plan
from hexsync.emulator.app import create_app
from hexsync.emulator.clock import Clock
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import Seed
from hexsync.hexapi import OPS, HexClient, Pacer
from hexsync.hexapi.operations import HEX_API, HEX_API_30RPM
from hexsync.hexapi.pacing import simulate
from hexsync.manifest import load
from hexsync.planning.planner import build_plan, read_and_plan
from hexsync.readers.workspace import read_live
from hexsync.render import render_markdown, render_text
from hexsync.values.desired import Desired
from hexsync.values.kinds import Kind
from hexsync.values.plan import SHARING_PER_REQUEST, Plan

USERS, GROUPS, MEMBERS = 2000, 50, 10
WORKLOADS = ("one-group", "two-groups")
URL = "https://app.hex.tech"
SHARING_GROUP = {
    "sharing.users": OPS["EditProjectSharingUsers"].rate_group,
    "sharing.groups": OPS["EditProjectSharingGroups"].rate_group,
    "sharing.collections": OPS["EditProjectSharingCollections"].rate_group,
}


# ------------------------------------------------------------------------------ floors


def read_floor(projects: int) -> Counter[str]:
    """The read floor per rate-limit group: ceil(P/100) + ceil(G/500) + ceil(C/100) listing
    pages in ``hex-api``; ceil(U/500) + Σ ceil(members/500) + 1 (users/me) in the users group."""
    return Counter(
        {
            HEX_API: math.ceil(projects / 100) + math.ceil(GROUPS / 500) + 1,  # 1: collections
            HEX_API_30RPM: math.ceil(USERS / 500) + GROUPS * math.ceil(MEMBERS / 500) + 1,
        }
    )


def fresh_floor(projects: int, plan: Plan) -> Counter[str]:
    """The freshness check's read floor (``apply plan.json``): the plan's listings, and the
    members only of the groups whose members the plan relied on."""
    relied = sum(1 for r in plan.relied if r.kind is Kind.GROUP and "members" in r.fields)
    out = read_floor(projects)
    out[HEX_API_30RPM] -= GROUPS * math.ceil(MEMBERS / 500) - relied * math.ceil(MEMBERS / 500)
    return out


def write_floor(plan: Plan) -> Counter[str]:
    """One request per changed project and sharing dimension per 25 principals, by group."""
    out: Counter[str] = Counter()
    for change in plan.changes:
        for path, group in SHARING_GROUP.items():
            out[group] += math.ceil(len(change.fields_at(path)) / SHARING_PER_REQUEST)
    return +out


def read_back_floor(projects: int) -> Counter[str]:
    """Apply's read-back of more than three projects: a listing page per 100 projects."""
    return Counter({OPS["ListProjects"].rate_group: math.ceil(projects / 100)})


def floor_seconds(stages: Sequence[Counter[str]]) -> float:
    """Seconds the requests of ``stages`` (one after the other; within a stage, every request
    at once, each group paced at Hex's limits from its budget so far) take: no latency, no
    margin."""
    return simulate(
        [[[group] for group, n in stage.items() for _ in range(n)] for stage in stages],
        margin=0.0,
    )


def naive_seconds(requests: Counter[str]) -> float:
    """Seconds ``requests`` (by operationId) take at Hex's limits, all asked at once."""
    return simulate([[[OPS[op].rate_group] for op, n in requests.items() for _ in range(n)]])


# ------------------------------------------------------------------------------ runs


def desired_for(manifest: dict[str, Any]) -> Desired:
    with TemporaryDirectory() as tmp:
        path = Path(tmp) / "manifests.yaml"
        path.write_text(yaml.safe_dump(manifest, sort_keys=False), encoding="utf-8")
        return load([path])


def manifests_for(manifest: dict[str, Any], workload: str) -> dict[str, Any]:
    """bench_plan's manifests (one user's access on every tenth project) for ``workload``."""
    if workload == "one-group":
        return manifest
    out = copy.deepcopy(manifest)
    for i, project in enumerate(out["projects"]):
        if i % 10 == 0:  # the project's group gets edit access too
            project["sharing"]["groups"] = dict.fromkeys(project["sharing"]["groups"], "CAN_EDIT")
    return out


class _Recorder(httpx.AsyncBaseTransport):
    """Passes requests to ``inner`` and keeps every answer, to replay the read without it."""

    def __init__(self, inner: httpx.AsyncBaseTransport) -> None:
        self.inner = inner
        self.answers: dict[str, tuple[int, bytes]] = {}

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self.inner.handle_async_request(request)
        body = await response.aread()
        self.answers[str(request.url)] = (response.status_code, body)
        return httpx.Response(response.status_code, headers=response.headers, content=body)

    def replay(self) -> httpx.MockTransport:
        def answer(request: httpx.Request) -> httpx.Response:
            status, body = self.answers[str(request.url)]
            return httpx.Response(
                status, content=body, headers={"Content-Type": "application/json"}
            )

        return httpx.MockTransport(answer)


def local_plan(seed: Seed, desired: Desired) -> dict[str, Any]:
    """The plan against the zero-latency unpaced emulator, timed part by part in CPU seconds
    (this process's: the in-process emulator's included, other processes' load left out)."""
    app = create_app(seed, EmulatorConfig(rate_limits=None))
    recorder = _Recorder(httpx.ASGITransport(app))
    kept: dict[str, Any] = {}

    async def read(transport: httpx.AsyncBaseTransport) -> None:
        # The result is kept here, not returned: asyncio.run (3.11) formats the repr of what
        # its coroutine returns when it restores the SIGINT handler, a tenth of a second for
        # a Live of 10,000 projects.
        async with HexClient(TOKEN, URL, transport=transport, pacing=False) as client:
            kept["live"] = await read_live(client, desired)
            kept["requests"] = Counter(client.counters.requests)

    wall = time.perf_counter()
    started = time.process_time()
    asyncio.run(read(recorder))
    read_s = time.process_time() - started
    read_wall = time.perf_counter() - wall
    live, requests = kept["live"], kept["requests"]
    started = time.process_time()
    asyncio.run(read(recorder.replay()))
    decode_s = time.process_time() - started
    wall = time.perf_counter()
    started = time.process_time()
    plan = build_plan(desired, live, api_url=URL)  # at Hex's limits: the estimate is Hex's
    diff_s = time.process_time() - started
    started = time.process_time()
    render_text(plan)
    render_markdown(plan)
    render_s = time.process_time() - started
    return {
        "plan": plan,
        "requests": requests,
        "read_s": read_s,
        "decode_s": decode_s,
        "diff_s": diff_s,
        "render_s": render_s,
        "wall_s": read_wall + time.perf_counter() - wall,
    }


def scaled_client(seed: Seed, scale: float) -> tuple[HexClient, Clock, Any]:
    """A client paced on the emulator's scaled clock, against an emulator enforcing the limits."""
    clock = Clock(scale)
    app = create_app(seed, EmulatorConfig(time_scale=scale), clock=clock)

    async def sleep(seconds: float) -> None:
        await asyncio.sleep(seconds / scale)

    # The pacer's margin covers the jitter of a request's arrival: on a clock running `scale`
    # times faster, the few real milliseconds (tens on a busy machine) between the pacer's
    # stamp and the emulator's count are a fraction of an emulated second.
    pacer = Pacer(clock=clock.now, sleep=sleep, margin=max(0.25, 0.05 * scale))
    client = HexClient(
        TOKEN, URL, transport=httpx.ASGITransport(app), pacer=pacer, clock=clock.now, sleep=sleep
    )
    return client, clock, app


async def apply_scaled(seed: Seed, desired: Desired, scale: float) -> dict[str, Any]:
    """``hexsync apply`` with the manifests (read, plan, write, read back) on a fresh budget;
    then, on a fresh emulator and one client, ``plan`` and ``apply plan.json`` back to back."""
    client, clock, _ = scaled_client(seed, scale)
    async with client:
        started = clock.now()
        plan, live = await read_and_plan(client, desired)
        plan_s = clock.now() - started
        report = await apply_plan(client, plan, live=live)
        apply_s = clock.now() - started
        apply_requests = Counter(client.counters.requests)
        rate_limited = client.counters.rate_limited
    client, clock, _ = scaled_client(seed, scale)
    async with client:
        started = clock.now()
        saved, _ = await read_and_plan(client, desired)
        both = await apply_saved_plan(client, saved)
        plan_apply_s = clock.now() - started
        rate_limited += client.counters.rate_limited
    return {
        "plan": plan,
        "report": report,
        "apply_s": apply_s,
        "plan_s": plan_s,
        "apply_requests": apply_requests,
        "plan_apply_s": plan_apply_s,
        "plan_apply_ok": both.ok,
        "rate_limited": rate_limited,
    }


def run(projects: int, workload: str, scale: float) -> dict[str, Any]:
    seed_data, manifest = workspace(projects, USERS, GROUPS)
    seed = Seed.from_dict(seed_data, source="bench")
    desired = desired_for(manifests_for(manifest, workload))
    local = local_plan(seed, desired)
    scaled = asyncio.run(apply_scaled(seed, desired, scale))
    plan: Plan = scaled["plan"]
    report = scaled["report"]
    reads = local["requests"]
    floor_reads = read_floor(projects)
    floor_fresh = fresh_floor(projects, plan)
    floor_writes = write_floor(plan)
    floor_back = read_back_floor(projects)
    writes = Counter(OPS[op].rate_group for c in plan.changes for op in c.operations)
    stages = (floor_reads, floor_writes, floor_back)
    per_group = {
        group: floor_seconds([Counter({group: stage[group]}) for stage in stages])
        for group in sorted(set(floor_reads) | set(floor_writes) | set(floor_back))
    }
    naive = reads + Counter({"GetProject": projects})
    return {
        "projects": projects,
        "workload": workload,
        "changes": len(plan.changes),
        "plan_requests": sum(reads.values()),
        "plan_floor": sum(floor_reads.values()),
        "plan_naive": sum(naive.values()),
        "plan_paced_s": round(naive_seconds(reads), 2),
        "plan_naive_paced_s": round(naive_seconds(naive), 2),
        "local_s": round(local["read_s"] + local["diff_s"] + local["render_s"], 3),
        "local_wall_s": round(local["wall_s"], 3),
        "local_read_s": round(local["read_s"], 3),
        "local_decode_s": round(local["decode_s"], 3),
        "local_diff_s": round(local["diff_s"], 3),
        "local_render_s": round(local["render_s"], 3),
        "apply_writes": report.writes,
        "apply_writes_by_group": dict(sorted(writes.items())),
        "apply_floor_writes": sum(floor_writes.values()),
        "apply_requests": sum(scaled["apply_requests"].values()),
        "apply_ok": report.ok,
        "apply_measured_s": round(scaled["apply_s"], 2),
        "apply_read_s": round(scaled["plan_s"], 2),
        "apply_floor_s": round(floor_seconds(stages), 2),
        "apply_floor_by_group_s": {g: round(s, 2) for g, s in per_group.items()},
        "estimate_s": round(plan.seconds_at(), 2),
        "plan_apply_measured_s": round(scaled["plan_apply_s"], 2),
        "plan_apply_floor_s": round(
            floor_seconds([floor_reads, floor_fresh, floor_writes, floor_back]), 2
        ),
        "plan_apply_ok": scaled["plan_apply_ok"],
        "answers_429": scaled["rate_limited"],
        "time_scale": scale,
    }


# ------------------------------------------------------------------------------ output


def duration(seconds: float) -> str:
    if seconds < 60:
        return f"{seconds:.0f} s"
    if seconds < 3600:
        return f"{seconds / 60:.1f} min"
    return f"{seconds / 3600:.1f} h"


def problems(row: dict[str, Any]) -> list[str]:
    """The bounds a run must keep (``--check``)."""
    out = []
    name = f"{row['projects']:,} projects, {row['workload']}"
    ratio = row["apply_measured_s"] / row["apply_floor_s"] if row["apply_floor_s"] else 1.0
    if ratio > 1.05:
        out.append(f"{name}: apply took {ratio:.3f} times its floor (bound 1.05)")
    off = abs(row["estimate_s"] - row["apply_measured_s"]) / row["apply_measured_s"]
    if off > 0.10:
        out.append(f"{name}: the estimate is {off:.1%} off the measured apply (bound 10%)")
    if row["answers_429"]:
        out.append(f"{name}: {row['answers_429']} answers 429")
    if not (row["apply_ok"] and row["plan_apply_ok"]):
        out.append(f"{name}: an apply did not finish ok")
    return out


def table(rows: list[dict[str, Any]]) -> str:
    sizes = sorted({r["projects"] for r in rows})
    workloads = [w for w in WORKLOADS if any(r["workload"] == w for r in rows)]
    by = {(r["projects"], r["workload"]): r for r in rows}
    lines = []
    # The plan does not depend on the workload: its rows come from the first one.
    plan_cells: dict[str, Callable[[dict[str, Any]], str]] = {
        "plan requests: hexsync / floor / naive": lambda r: (
            f"{r['plan_requests']:,} / {r['plan_floor']:,} / {r['plan_naive']:,}"
        ),
        "plan time at Hex's limits: hexsync / naive": lambda r: (
            f"{duration(r['plan_paced_s'])} / {duration(r['plan_naive_paced_s'])}"
        ),
        "plan time, local CPU: read (of it decode) + diff + render": lambda r: (
            f"{r['local_read_s']:.2f} ({r['local_decode_s']:.2f}) + {r['local_diff_s']:.2f}"
            f" + {r['local_render_s']:.2f} = {r['local_s']:.1f} s"
        ),
    }
    apply_cells: dict[str, Callable[[dict[str, Any]], str]] = {
        "apply writes: hexsync / floor": lambda r: (
            f"{r['apply_writes']:,} / {r['apply_floor_writes']:,}"
        ),
        "apply (scaled clock): measured / floor / estimate": lambda r: (
            f"{duration(r['apply_measured_s'])} / {duration(r['apply_floor_s'])} / "
            f"{duration(r['estimate_s'])}"
        ),
        "apply: measured ÷ floor, estimate ÷ measured": lambda r: (
            f"{r['apply_measured_s'] / r['apply_floor_s']:.3f}, "
            f"{r['estimate_s'] / r['apply_measured_s']:.3f}"
        ),
        "plan + apply back to back: measured / floor": lambda r: (
            f"{duration(r['plan_apply_measured_s'])} / {duration(r['plan_apply_floor_s'])}"
        ),
        "429 answers": lambda r: str(r["answers_429"]),
    }
    lines.append("| | " + " | ".join(f"{p:,} projects" for p in sizes) + " |")
    lines.append("|---|" + "---|" * len(sizes))
    for key, cell in plan_cells.items():
        first = [by[(p, workloads[0])] for p in sizes]
        lines.append(f"| {key} | " + " | ".join(cell(r) for r in first) + " |")
    for workload in workloads:
        for key, cell in apply_cells.items():
            cells = [cell(by[(p, workload)]) for p in sizes]
            lines.append(f"| {workload}: {key} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, nargs="+", default=[100, 1000, 10_000])
    parser.add_argument("--workload", choices=WORKLOADS, help="one of the two (default: both)")
    parser.add_argument("--time-scale", type=float, default=10.0)
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    parser.add_argument("--check", action="store_true", help="exit 1 when a bound is not kept")
    parser.add_argument(
        "--table",
        type=Path,
        metavar="JSONL",
        help="print the table of an earlier --json run's output instead of running",
    )
    args = parser.parse_args()

    rows = []
    if args.table is not None:
        lines = args.table.read_text(encoding="utf-8").splitlines()
        rows = [json.loads(line) for line in lines if line.startswith("{")]
    for projects in args.projects if args.table is None else ():
        for workload in [args.workload] if args.workload else WORKLOADS:
            row = run(projects, workload, args.time_scale)
            rows.append(row)
            if args.json:
                print(json.dumps(row), flush=True)
            print(
                f"{projects} projects, {workload}: apply {row['apply_measured_s']:.0f} s, floor "
                f"{row['apply_floor_s']:.0f} s, estimate {row['estimate_s']:.0f} s, "
                f"{row['answers_429']} answers 429",
                file=sys.stderr,
                flush=True,
            )
    if not args.json:
        print(table(rows))
    failed = [p for row in rows for p in problems(row)]
    for problem in failed:
        print(f"bound not kept: {problem}", file=sys.stderr)
    if args.check and failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
