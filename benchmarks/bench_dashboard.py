"""The dashboard's access explorer at 10,000 projects by 2,000 people, in headless Chromium.

    .venv/bin/python benchmarks/bench_dashboard.py
    .venv/bin/python benchmarks/bench_dashboard.py --projects 1000 --users 500 --trials 3

The workspace of ``bench_access.py`` (200 groups of 30, 100 collections each shared with a
group and one in five with the workspace; every project shared with two users, two groups and a
collection, one in ten with the workspace) is written straight into a store as one snapshot (the
controller's own format), and the dashboard is served over it by uvicorn on a loopback port, as
``hexsync serve`` serves it. Then Chromium (Debian's, driven by Playwright) signs in and times:

- the first explorer page, opened right after signing in (the store's snapshot read, the
  access engine and the search index built once per snapshot, then kept; the overview, where
  signing in lands, starts that in the background);
- a project that every workspace member can open (2,000 rows, shown 200 to a page);
- a person's answer (every project they can open);
- a group's and a collection's answer;
- a search as you type: from the last key pressed to the matches shown;
- the CSV of the largest answer.

Each is the median of ``--trials`` runs; the server's own time for the search and the first
build is printed beside them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import socket
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import uvicorn
from playwright.sync_api import sync_playwright

from hexsync.render.access_html import HEADLESS_CHROMIUM_ARGS
from hexsync.serve.api import ApiContext, create_api
from hexsync.serve.web.explorer import ExplorerCache, resolve_basis
from hexsync.serve.web.views import store_status
from hexsync.store import Store

WS = "default"
ADMIN = "bench-admin-token"
MEMBERS = 30
T0 = dt.datetime(2027, 1, 4, 9, 0, tzinfo=dt.timezone.utc)


def snapshot(projects: int, users: int, groups: int, collections: int) -> dict[str, Any]:
    """The workspace as the controller stores it (``hexsync.ops.snapshot``'s format)."""
    rnd = random.Random(12)
    emails = [f"user{i:05d}@bench.test" for i in range(users)]
    roles = ["EDITOR"] * 6 + ["MEMBER"] * 3 + ["GUEST"]
    group_names = [f"Team {i:03d}" for i in range(groups)]
    coll_names = [f"Collection {i:03d}" for i in range(collections)]
    return {
        "format": 1,
        "org": {"id": "5a8591dd-4039-49df-9202-96385ba3eff8", "name": "Bench"},
        "me": {"email": emails[0], "role": "ADMIN"},
        "users": {
            f"u-{i:05d}": {"email": e, "name": f"User {i:05d}", "role": rnd.choice(roles)}
            for i, e in enumerate(emails)
        },
        "groups": {
            f"g-{i:03d}": {"name": g, "members": sorted(rnd.sample(emails, MEMBERS))}
            for i, g in enumerate(group_names)
        },
        "collections": {
            f"c-{i:03d}": {
                "name": c,
                "description": None,
                "creator": None,
                "sharing": {
                    "users": {},
                    "groups": {group_names[i % groups]: "VIEW"},
                    "workspace": "MEMBER" if i % 5 == 0 else "NONE",
                },
            }
            for i, c in enumerate(coll_names)
        },
        "projects": {
            f"p-{i:05d}": {
                "title": f"Project {i:05d}",
                "description": None,
                "owner": emails[i % users],
                "status": None,
                "creator": None,
                "categories": [],
                "published": False,
                "archived": False,
                "trashed": False,
                "created_at": None,
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
        },
    }


class StandIn:
    """The running process as the pages see it (no Hex here: the store alone)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def workspaces(self) -> list[str]:
        return [WS]

    def status(self, workspace: str) -> dict[str, Any]:
        return store_status(self.store, workspace)

    def trigger(self, reason: str, workspace: str | None = None) -> list[str]:
        del reason, workspace
        return []

    def affected(self, paths: Any) -> list[str]:
        del paths
        return [WS]

    def ready(self, workspace: str | None = None) -> tuple[bool, str]:
        del workspace
        return True, "benchmark"

    def metrics(self) -> bytes:
        return b""


def serve(store: Store) -> tuple[uvicorn.Server, threading.Thread, str]:
    app = create_api(
        ApiContext(store=store, workspace=WS, controller=StandIn(store), admin_tokens=(ADMIN,))
    )
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(app, log_config=None, access_log=False, lifespan="off", log_level=30)
    )
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.01)
    return server, thread, f"http://127.0.0.1:{port}"


def timed(fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def median_ms(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1000:,.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=10_000)
    parser.add_argument("--users", type=int, default=2_000)
    parser.add_argument("--groups", type=int, default=200)
    parser.add_argument("--collections", type=int, default=100)
    parser.add_argument("--trials", type=int, default=5)
    args = parser.parse_args()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        raise SystemExit("chromium is not installed (apt-get install chromium)")

    folder = Path(tempfile.mkdtemp(prefix="bench-dashboard-"))
    store = Store(f"sqlite:///{folder / 'hexsync.db'}")
    document = snapshot(args.projects, args.users, args.groups, args.collections)
    sync = store.begin_sync(WS, started_at=T0, trigger="start", mode="warn")
    snapshot_id, _ = store.put_snapshot(WS, T0, document)
    store.finish_sync(sync, finished_at=T0, outcome="synced", snapshot_id=snapshot_id)

    # The server's own share: the first build, then a search, without a browser.
    cache = ExplorerCache(store)
    basis = resolve_basis(store, WS, at=None, as_planned=False)
    build = timed(lambda: cache.get(basis))
    explorer = cache.get(basis)
    search = [timed(lambda: explorer.search("project 0123")) for _ in range(args.trials)]
    person = "user00007@bench.test"
    of_user = timed(lambda: explorer.view("person", person))
    print(
        f"workspace: {args.projects:,} projects, {args.users:,} people, {args.groups} groups, "
        f"{args.collections} collections"
    )
    print(f"server: first build (snapshot read, engine, index) {build * 1000:,.0f} ms; search "
          f"{median_ms(search)}; one person's answer (first) {of_user * 1000:,.0f} ms")  # fmt: skip

    server, thread, url = serve(store)
    rows: list[tuple[str, str]] = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=list(HEADLESS_CHROMIUM_ARGS))
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.set_default_timeout(120_000)
            page.goto(url + "/signin")
            page.get_by_label("Viewer's or admin's token").fill(ADMIN)
            page.get_by_role("button", name="Sign in").click()
            page.wait_for_url(url + "/")

            def load(path: str) -> float:
                def go() -> None:
                    page.goto(url + path)
                    page.wait_for_load_state("load")

                return timed(go)

            # The overview, where signing in lands, starts building the engine in the
            # background; the explorer opened right after waits for what is left of it.
            rows.append(("first explorer page, right after signing in", _ms(load(
                "/w/default/access"))))  # fmt: skip
            everyone = "Project 00010"  # shared with the workspace: every member
            for label, path in [
                ("explorer page (warm)", "/w/default/access"),
                (f"a project every member can open ({everyone})",
                 f"/w/default/access?kind=project&q={everyone.replace(' ', '+')}"),
                (f"a person's answer ({person})", f"/w/default/access?kind=person&q={person}"),
                ("a group's answer (Team 007)", "/w/default/access?kind=group&q=Team+007"),
                ("a collection's answer (Collection 005)",
                 "/w/default/access?kind=collection&q=Collection+005"),
            ]:  # fmt: skip
                rows.append((label, median_ms([load(path) for _ in range(args.trials)])))

            page.goto(url + "/w/default/access")
            typed = []
            for n in range(args.trials):
                target = f"Project {(n * 1237) % args.projects:05d}"
                box = page.get_by_label("Name", exact=True)
                box.fill("")
                box.type(target[:-1])
                start = time.perf_counter()
                page.keyboard.type(target[-1])  # the last key, then the matches shown
                page.wait_for_function(
                    "t => document.querySelector('#matches')?.getAttribute('data-query') === t"
                    " && document.querySelector('#matches a')?.textContent.includes(t)",
                    arg=target,
                )
                typed.append(time.perf_counter() - start)
            rows.append(("search as you type (last key → matches shown, 120 ms debounce)",
                         median_ms(typed)))  # fmt: skip

            csv_path = f"/w/default/access.csv?kind=project&q={everyone.replace(' ', '+')}"
            sizes: list[int] = []
            rows.append((
                f"CSV of {everyone} (every member)",
                median_ms([timed(lambda: sizes.append(len(page.request.get(url + csv_path)
                           .body()))) for _ in range(args.trials)]),
            ))  # fmt: skip
            rows.append(("  its size", f"{sizes[0]:,} bytes"))
            browser.close()
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        store.close()
        shutil.rmtree(folder, ignore_errors=True)
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        print(f"{label.ljust(width)}  {value}")


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:,.0f} ms"


if __name__ == "__main__":
    main()
