"""How long the client takes to read a large workspace, and how many requests it makes.

Runs against the in-process emulator (no rate limits, optional faults) and prints the counters:

    .venv/bin/python benchmarks/bench_client.py --projects 10000 --users 5000 --fault-rate 0.3

Requests are the number that matters at Hex's 30/minute: the time printed is the client's own
overhead plus the emulator's, not Hex's latency.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from collections.abc import AsyncIterator

import httpx

from hexsync.emulator.app import create_app
from hexsync.emulator.clock import ManualClock
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import Seed
from hexsync.hexapi import HexClient, RetryPolicy
from hexsync.hexapi.pacing import Pacer

TOKEN = "hxtw_benchmark"


def seed(projects: int, users: int, groups: int) -> Seed:
    return Seed.from_dict(
        {
            "org": {"id": "5a8591dd-4039-49df-9202-96385ba3eff8", "name": "Bench"},
            "tokens": [{"token": TOKEN, "kind": "workspace"}],
            "users": [
                {"email": "admin@bench.test", "role": "ADMIN"},
                *({"email": f"u{i}@bench.test"} for i in range(users)),
            ],
            "groups": [{"name": f"G{i}"} for i in range(groups)],
            "projects": [
                {
                    "title": f"P{i}",
                    "owner": "admin@bench.test",
                    "sharing": {
                        "workspace": "APP_ONLY",
                        "users": {f"u{i % max(users, 1)}@bench.test": "CAN_VIEW"},
                    }
                    if users
                    else {"workspace": "APP_ONLY"},
                }
                for i in range(projects)
            ],
        }
    )


async def read_all(args: argparse.Namespace) -> None:
    config = EmulatorConfig(
        rate_limits=None, fault_rate=args.fault_rate, fault_seed=1, time_scale=1e6
    )
    app = create_app(seed(args.projects, args.users, args.groups), config, clock=ManualClock())

    async def no_sleep(_: float) -> None:
        await asyncio.sleep(0)

    client = HexClient(
        TOKEN,
        "http://127.0.0.1",
        transport=httpx.ASGITransport(app=app),
        pacing=False,
        retry=RetryPolicy(max_attempts=20),
        sleep=no_sleep,
    )
    started = time.perf_counter()
    async with client as hex_:

        async def count(iterator: AsyncIterator[object]) -> int:
            return sum([1 async for _ in iterator])

        projects, users, groups = await asyncio.gather(
            count(hex_.iter_projects(include_sharing=True)),
            count(hex_.iter_users()),
            count(hex_.iter_groups()),
        )
    elapsed = time.perf_counter() - started
    print(f"read {projects} projects, {users} users, {groups} groups in {elapsed:.2f}s")
    print(client.counters.summary())
    at_limit = Pacer().wait_estimate("hex-api", client.counters.total_requests)
    print(f"at Hex's default 30/min these requests need about {at_limit:.0f}s of pacing")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=5000)
    parser.add_argument("--users", type=int, default=2000)
    parser.add_argument("--groups", type=int, default=200)
    parser.add_argument("--fault-rate", type=float, default=0.0)
    asyncio.run(read_all(parser.parse_args()))


if __name__ == "__main__":
    main()
