"""How long apply takes for a large plan, and how many requests it makes against the budget.

A workspace of N projects, each to be shared with a new group and with 30 users (two sharing
upserts of 25 + 5); the plan is built the way `hexsync plan` builds it, then applied against the
in-process emulator (no rate limits, optional faults):

    .venv/bin/python benchmarks/bench_apply.py --projects 500 --fault-rate 0.1

The time printed is hexsync's and the emulator's own overhead; at Hex's 30/minute the requests
are what matters (the plan's estimate is printed beside them).
"""

from __future__ import annotations

import argparse
import asyncio
import time

import httpx

from hexsync.apply.execute import apply_plan
from hexsync.emulator.app import create_app
from hexsync.emulator.clock import ManualClock
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import Seed
from hexsync.hexapi import HexClient
from hexsync.planning.planner import build_plan
from hexsync.readers.workspace import read_live
from hexsync.values.desired import Access, Desired, FrozenMap, Group, Project, Sharing

TOKEN = "hxtw_benchmark"
USERS = 30


def seed(projects: int) -> Seed:
    return Seed.from_dict(
        {
            "org": {"id": "5a8591dd-4039-49df-9202-96385ba3eff8", "name": "Bench"},
            "tokens": [{"token": TOKEN, "kind": "workspace"}],
            "users": [
                {"email": "admin@bench.test", "role": "ADMIN"},
                *({"email": f"u{i}@bench.test"} for i in range(USERS)),
            ],
            "projects": [{"title": f"P{i}", "owner": "admin@bench.test"} for i in range(projects)],
        }
    )


def desired(projects: int, ids: list[str]) -> Desired:
    users = FrozenMap((f"u{i}@bench.test", Access.CAN_VIEW) for i in range(USERS))
    sharing = Sharing(users=users, groups=FrozenMap({"Readers": Access.APP_ONLY}))
    return Desired(
        groups=(Group("Readers", members=frozenset(f"u{i}@bench.test" for i in range(10))),),
        projects=tuple(Project(id=ident, sharing=sharing) for ident in ids[:projects]),
    )


async def run(args: argparse.Namespace) -> None:
    config = EmulatorConfig(rate_limits=None, fault_rate=args.fault_rate, fault_seed=1)
    app = create_app(seed(args.projects), config, clock=ManualClock())
    transport = httpx.ASGITransport(app=app)
    async with HexClient(TOKEN, "http://127.0.0.1", transport=transport, pacing=False) as client:
        ids = [p.id async for p in client.iter_projects()]
        want = desired(args.projects, ids)
        live = await read_live(client, want)
        plan = build_plan(want, live, api_url=client.base_url)
        before = client.counters.total_requests
        started = time.perf_counter()
        report = await apply_plan(client, plan, live=live)
        seconds = time.perf_counter() - started
        print(report.summary)
        print(
            f"{len(plan.changes)} changes; plan announced {plan.requests} write requests; apply "
            f"made {client.counters.total_requests - before} requests (writes, retries and the "
            f"read-back) in {seconds:.2f} s"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=500)
    parser.add_argument("--fault-rate", type=float, default=0.0)
    asyncio.run(run(parser.parse_args()))


if __name__ == "__main__":
    main()
