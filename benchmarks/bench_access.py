"""The effective-access matrix at scale: reads, engine time, report size, browser load time.

A workspace of 10,000 projects, 2,000 users, 200 groups (30 members each) and 100 collections
(each shared with a group, one in five with the workspace too); each project is shared with two
groups, two users and a collection, one in ten with the workspace, one in a hundred on the public
web. Read through the client from the in-process emulator (no rate limits), then:

    .venv/bin/python benchmarks/bench_access.py                      # the full size
    .venv/bin/python benchmarks/bench_access.py --projects 1000 --users 500 --groups 50
    .venv/bin/python benchmarks/bench_access.py --screenshot docs/access-report.png

prints the requests against the read floor, the engine's time for the whole matrix (and for
one person's and one project's answer), the HTML/JSON/CSV sizes, and how long the page takes to
become usable in headless Chromium (when installed) and to filter to one person.
"""

from __future__ import annotations

import argparse
import asyncio
import math
import random
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx
from playwright.sync_api import sync_playwright

from hexsync.emulator.app import create_app
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import Seed
from hexsync.hexapi import HexClient
from hexsync.ops.access import read_access
from hexsync.render.access_html import HEADLESS_CHROMIUM_ARGS, render_access_html
from hexsync.render.access_report import render_access_csv, render_access_json

TOKEN = "hxtw_benchmark"
MEMBERS = 30


def seed(projects: int, users: int, groups: int, collections: int) -> dict[str, Any]:
    rnd = random.Random(12)
    emails = [f"user{i:05d}@bench.test" for i in range(users)]
    roles = ["EDITOR"] * 6 + ["MEMBER"] * 3 + ["GUEST"]
    group_names = [f"Team {i:03d}" for i in range(groups)]
    coll_names = [f"Collection {i:03d}" for i in range(collections)]
    return {
        "org": {"id": "5a8591dd-4039-49df-9202-96385ba3eff8", "name": "Bench"},
        "tokens": [{"token": TOKEN, "kind": "workspace"}],
        "users": [{"email": e, "role": rnd.choice(roles)} for e in emails],
        "groups": [{"name": g, "members": rnd.sample(emails, MEMBERS)} for g in group_names],
        "collections": [
            {
                "name": c,
                "sharing": {
                    "groups": {group_names[i % groups]: "VIEW"},
                    **({"workspace": "MEMBER"} if i % 5 == 0 else {}),
                },
            }
            for i, c in enumerate(coll_names)
        ],
        "projects": [
            {
                "title": f"Project {i:05d}",
                "owner": emails[i % users],
                "sharing": {
                    "workspace": "APP_ONLY" if i % 10 == 0 else "NONE",
                    "public_web": "APP_ONLY" if i % 100 == 0 else "NONE",
                    "users": {
                        emails[(i * 7) % users]: "CAN_EDIT",
                        emails[(i * 13) % users]: "CAN_VIEW",
                    },
                    "groups": {
                        group_names[i % groups]: "CAN_VIEW",
                        group_names[(i * 3) % groups]: "CAN_EDIT",
                    },
                    "collections": {coll_names[i % collections]: "CAN_VIEW"},
                },
            }
            for i in range(projects)
        ],
    }


def floor(projects: int, users: int, groups: int, collections: int) -> int:
    """The read floor of docs/plan.md, with the members of every shared group (30 each here)."""
    return (
        math.ceil(projects / 100)
        + math.ceil(users / 500)
        + math.ceil(groups / 500)
        + math.ceil(collections / 100)
        + groups * math.ceil(MEMBERS / 500)
        + 1
    )


def browser_timings(page_path: Path, person: str, screenshot: str | None) -> str:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        return "chromium not installed: no load time"
    url = page_path.resolve().as_uri()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=list(HEADLESS_CHROMIUM_ARGS))
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        refused: list[str] = []

        def route(r: Any) -> None:
            if r.request.url == url:
                r.continue_()
            else:
                refused.append(r.request.url)
                r.abort()

        page.route("**/*", route)
        start = time.perf_counter()
        page.goto(url)
        page.wait_for_selector("body[data-ready='1']", timeout=120_000)
        loaded = time.perf_counter() - start
        rows = page.eval_on_selector_all("#rows .row", "els => els.length")
        start = time.perf_counter()
        page.fill("#f-person", person)
        page.wait_for_selector(f"#status:has-text('visible to {person}')", timeout=60_000)
        filtered = time.perf_counter() - start
        if screenshot:
            page.screenshot(path=screenshot)
        browser.close()
    return (
        f"browser: usable in {loaded:.2f} s ({rows} rows in the DOM, virtualised);"
        f" person filter {filtered:.2f} s; network requests refused: {len(refused)}"
    )


async def main(args: argparse.Namespace, page_path: Path) -> str:
    data = seed(args.projects, args.users, args.groups, args.collections)
    start = time.perf_counter()
    app = create_app(Seed.from_dict(data, source="bench"), EmulatorConfig(rate_limits=None))
    print(f"seeded in {time.perf_counter() - start:.1f} s")
    transport = httpx.ASGITransport(app)
    async with HexClient(TOKEN, "https://app.hex.tech", transport=transport, pacing=False) as c:
        start = time.perf_counter()
        state = await read_access(c)
        read_s = time.perf_counter() - start
    want = floor(args.projects, args.users, args.groups, args.collections)
    print(f"read: {state.live.read_requests} requests (floor {want}) in {read_s:.1f} s")
    engine = state.engine

    start, cpu = time.perf_counter(), time.process_time()
    report = engine.report(source="live", api_url="https://app.hex.tech")
    matrix_s, matrix_cpu = time.perf_counter() - start, time.process_time() - cpu
    rows = sum(len(p["people"]) for p in report["projects"])
    print(
        f"matrix: {args.projects} projects x {len(report['people'])} people in {matrix_s:.2f} s"
        f" ({matrix_cpu:.2f} s of CPU)"
        f" ({rows} named rows, {len(report['path_sets'])} distinct path sets)"
    )
    person: str = report["people"][0]["email"]
    start = time.perf_counter()
    mine = engine.of_user(person)
    one_user_s = time.perf_counter() - start
    start = time.perf_counter()
    everyone = engine.people(report["projects"][0]["id"])
    one_project_s = time.perf_counter() - start
    print(
        f"one person: {len(mine)} projects in {one_user_s * 1000:.0f} ms (engine warm);"
        f" one project: {len(everyone)} people in {one_project_s * 1000:.0f} ms"
    )

    start = time.perf_counter()
    page = render_access_html(report)
    html_s = time.perf_counter() - start
    sizes = {
        "html": len(page.encode()),
        "json": len(render_access_json(report).encode()),
        "csv": len(render_access_csv(report).encode()),
    }
    print(
        f"render html in {html_s:.2f} s; sizes: "
        + ", ".join(f"{k} {v / 1e6:.1f} MB" for k, v in sizes.items())
    )
    page_path.write_text(page, encoding="utf-8")
    return person


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=10_000)
    parser.add_argument("--users", type=int, default=2_000)
    parser.add_argument("--groups", type=int, default=200)
    parser.add_argument("--collections", type=int, default=100)
    parser.add_argument("--screenshot", help="save a screenshot of the filtered page here")
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        html_path = Path(tmp) / "access.html"
        first = asyncio.run(main(arguments, html_path))
        # After the event loop: the browser driver runs one of its own.
        print(browser_timings(html_path, first, arguments.screenshot))
