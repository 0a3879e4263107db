"""Seconds to read, diff and render a large plan against the zero-latency in-process emulator.

    .venv/bin/python benchmarks/bench_plan.py --projects 10000 --users 2000 --groups 50

The manifests manage every project (status and all sharing dimensions) and every group, with a
change on every tenth project, so diff and render do real work. docs/plan.md: a 10,000-project plan
finishes in seconds on a laptop; the read is bounded by the emulator's own serving time.
"""

from __future__ import annotations

import argparse
import asyncio
import time
from pathlib import Path
from tempfile import TemporaryDirectory

import httpx
import yaml

from hexsync.emulator.app import create_app
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import Seed
from hexsync.hexapi import HexClient
from hexsync.manifest import load
from hexsync.planning.planner import build_plan
from hexsync.readers.workspace import read_live
from hexsync.render import render_json, render_markdown, render_text
from hexsync.values.live import Live

TOKEN = "hxtw_benchmark"


def workspace(
    projects: int, users: int, groups: int
) -> tuple[dict[str, object], dict[str, object]]:
    emails = [f"u{i:05d}@bench.test" for i in range(users)]
    team = {f"Team {g:03d}": emails[g * 10 : g * 10 + 10] for g in range(groups)}
    seed_projects = []
    manifest_projects = []
    for i in range(projects):
        sharing = {
            "workspace": "APP_ONLY" if i % 3 else "NONE",
            "users": {emails[i % users]: "CAN_VIEW", emails[(i + 7) % users]: "CAN_EDIT"},
            "groups": {f"Team {i % groups:03d}": "CAN_VIEW"},
        }
        seed_projects.append(
            {
                "title": f"Project {i:05d}",
                "owner": emails[0],
                "status": "Production",
                "sharing": sharing,
            }
        )
        wanted = dict(sharing)
        if i % 10 == 0:  # a change on every tenth project
            wanted = {**sharing, "users": {emails[i % users]: "CAN_EDIT"}}
        manifest_projects.append(
            {"title": f"Project {i:05d}", "status": "Production", "sharing": wanted}
        )
    seed: dict[str, object] = {
        "org": {"id": "5a8591dd-4039-49df-9202-96385ba3eff8", "name": "Bench"},
        "tokens": [{"token": TOKEN, "kind": "workspace"}],
        "statuses": ["Production"],
        "users": [{"email": e} for e in emails],
        "groups": [{"name": n, "members": m} for n, m in team.items()],
        "projects": seed_projects,
    }
    manifests: dict[str, object] = {
        "version": 1,
        "policy": {"max_destroy": projects},
        "groups": [{"name": n, "members": m} for n, m in team.items()],
        "projects": manifest_projects,
    }
    return seed, manifests


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=10_000)
    parser.add_argument("--users", type=int, default=2_000)
    parser.add_argument("--groups", type=int, default=50)
    args = parser.parse_args()

    seed_data, manifest_data = workspace(args.projects, args.users, args.groups)
    app = create_app(Seed.from_dict(seed_data, source="bench"), EmulatorConfig(rate_limits=None))
    with TemporaryDirectory() as tmp:
        path = Path(tmp) / "manifests.yaml"
        path.write_text(yaml.safe_dump(manifest_data, sort_keys=False), encoding="utf-8")
        started = time.perf_counter()
        desired = load([path])
        load_s = time.perf_counter() - started

    async def read() -> tuple[Live, int]:
        transport = httpx.ASGITransport(app)
        # Pacing off: this measures hexsync and the emulator, not Hex's 30/minute.
        async with HexClient(
            TOKEN, "https://app.hex.tech", transport=transport, pacing=False
        ) as client:
            live = await read_live(client, desired)
            return live, client.counters.total_requests

    started = time.perf_counter()
    live, requests = asyncio.run(read())
    read_s = time.perf_counter() - started

    started = time.perf_counter()
    plan = build_plan(desired, live, api_url="https://app.hex.tech")
    diff_s = time.perf_counter() - started

    started = time.perf_counter()
    text = render_text(plan, color=False)
    markdown = render_markdown(plan)
    saved = render_json(plan)
    render_s = time.perf_counter() - started

    print(
        f"{args.projects} projects, {args.users} users, {args.groups} groups:"
        f" {len(plan.changes)} changes, {len(plan.relied)} relied objects"
    )
    print(f"  load manifests {load_s:6.2f} s")
    print(f"  read           {read_s:6.2f} s  ({requests} requests)")
    print(f"  diff + plan    {diff_s:6.2f} s")
    print(
        f"  render         {render_s:6.2f} s  (text {len(text):,} chars,"
        f" markdown {len(markdown):,}, json {len(saved):,})"
    )


if __name__ == "__main__":
    main()
