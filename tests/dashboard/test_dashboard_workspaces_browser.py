"""The dashboard of a ``hexsync serve`` that reconciles two workspaces of a hexsync.yaml (US
and EU, each on its own emulator with its own token), in headless Chromium: the overview has a
row for each, each has its own page, and "Sync now" on one syncs that one alone.
(Helpers and the browser come from test_dashboard_browser.py.)"""

from __future__ import annotations

import re
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("jinja2", reason="the serve extra is not installed")

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "serve"))
from serve_support import ADMIN, HANG, SCALE, VIEWER, Served, serve_emulator, stop, wait_until
from served_support import EXAMPLE_SEED, Proc, run_hexsync
from test_dashboard_browser import axe_violations, chromium, open_tab, shoot, sign_in

pytestmark = pytest.mark.slow

__all__ = ["chromium"]  # the browser fixture, shared with test_dashboard_browser.py

ACME = Path(__file__).resolve().parents[2] / "examples" / "acme"
TOKENS = {"us": "hxtw_us_token_for_dashboard", "eu": "hxtw_eu_token_for_dashboard"}


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    folder = tmp_path_factory.mktemp("two-workspaces")
    seed = EXAMPLE_SEED.read_text(encoding="utf-8")
    emulators: list[Proc] = []
    lines = ["version: 1", "workspaces:"]
    shutil.copytree(ACME / "manifests", folder / "base")
    try:
        for name, token in TOKENS.items():
            path = folder / f"{name}-seed.yaml"
            path.write_text(seed.replace("hxtw_demo", token), encoding="utf-8")
            proc, url = serve_emulator(seed=path)
            emulators.append(proc)
            (folder / name).mkdir()
            (folder / name / "policy.yaml").write_text(
                "version: 1\npolicy:\n  max_destroy: 3\n", encoding="utf-8"
            )
            lines += [
                f"  - name: {name}",
                f"    api_url: {url}",
                f"    token_env: HEX_TOKEN_{name.upper()}",
                f"    manifests: [base/, {name}/]",
            ]
        (folder / "hexsync.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
        server = _start(folder)
        try:
            wait_until(
                lambda: all(w["last_sync"] for w in server.get("/api/status").json()["workspaces"]),
                HANG,
                "a first sync of both",
            )
            yield server
        finally:
            stop(server.proc)
    finally:
        for proc in emulators:
            proc.process.kill()
            proc.finish()


def _start(folder: Path) -> Served:
    proc = run_hexsync(
        "--rate-limit", "off", "serve", "--db",
        f"sqlite:///{folder / 'hexsync.db'}", "--listen", "127.0.0.1:0", "--time-scale", SCALE,
        "--interval", "5m",
        env={
            "HEXSYNC_SERVE_ADMIN_TOKEN": ADMIN,
            "HEXSYNC_SERVE_VIEWER_TOKEN": VIEWER,
            "HEX_TOKEN_US": TOKENS["us"],
            "HEX_TOKEN_EU": TOKENS["eu"],
        },
        cwd=folder,
    )  # fmt: skip
    line = proc.wait_for(r"listening on http://127\.0\.0\.1:\d+", stream="out")
    match = re.search(r"http://127\.0\.0\.1:\d+", line)
    assert match is not None
    return Served(proc, match.group(0))


def test_the_overview_has_a_row_per_workspace_and_each_has_its_page(
    chromium: Any, served: Served
) -> None:
    tab = open_tab(chromium, served)
    try:
        sign_in(tab, ADMIN)
        tab.go("/")
        rows = tab.page.locator("table.overview tbody tr")
        assert rows.count() == 2
        first, second = (" ".join(rows.nth(i).inner_text().split()) for i in range(2))
        assert first.startswith("us ")
        assert "OutOfSync" in first
        assert second.startswith("eu ")
        assert "OutOfSync" in second
        assert "2 workspaces; this process reconciles us, eu." in tab.text()
        assert axe_violations(tab) == []
        shoot(tab, "dashboard-overview-workspaces")
        tab.page.get_by_role("link", name="eu", exact=True).click()
        tab.page.wait_for_url(re.compile(r"/w/eu$"))
        assert tab.text("h1") == "Workspace eu"
        assert re.search(r"\bhex http://127\.0\.0\.1:\d+", tab.text(), re.IGNORECASE)
        tab.page.get_by_role("button", name="Sync now").click()
        tab.page.wait_for_url(re.compile(r"/w/eu\?queued=1$"))
        # EU's sync from the dashboard (a scheduled one may come first on a loaded machine).
        wait_until(
            lambda: any(
                s["trigger"] == "dashboard"
                for s in served.get("/api/syncs", workspace="eu").json()["syncs"]
            ),
            HANG,
            "EU's sync",
        )
        us_syncs = served.get("/api/syncs", workspace="us").json()["syncs"]
        assert all(s["trigger"] != "dashboard" for s in us_syncs)
        tab.go("/w/us/history")
        assert tab.text("h1") == "History of us"
        tab.clean()
    finally:
        tab.page.context.close()
