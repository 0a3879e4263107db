"""The dashboard in a real headless Chromium (Debian's package, driven by Playwright), served by
``hexsync serve`` as a subprocess against the emulator (another subprocess) with the Acme
example's manifests, at --time-scale 60: the controller's ``--interval 5m`` is five real seconds.

One server and one browser for the module. Every page loads with no console error and no
request to any host but the server, and axe-core (from the npm registry: tests/dashboard/
package.json, installed by ``npm ci``) finds no serious or critical violation on it.

Skipped only on a developer machine without Chromium, Playwright or axe-core; in CI (``CI``
set) a missing one fails. ``HEXSYNC_DASHBOARD_SCREENSHOTS=DIR`` saves a screenshot of each page
there (docs/dashboard/ is made that way).
"""

from __future__ import annotations

import os
import re
import shutil
import sys
import tempfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

pytest.importorskip("jinja2", reason="the serve extra is not installed")

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "serve"))
from serve_support import (
    ADMIN,
    HANG,
    VIEWER,
    Served,
    assert_seen_within_one_interval,
    hex_call,
    serve_emulator,
    start_serve,
    stop,
    wait_until,
)

from hexsync.render.access_html import HEADLESS_CHROMIUM_ARGS

pytestmark = pytest.mark.slow

HERE = Path(__file__).resolve().parent
ACME = HERE.parents[1] / "examples" / "acme"
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"
ARR_BRIDGE = "68b5697a-2ad3-56fe-8599-1ae4ce514370"  # workspace APP_ONLY in Hex and manifests
INTERVAL = 300.0  # the controller's seconds between two syncs: --interval 5m (5 s at 60 times)
SHOTS = os.environ.get("HEXSYNC_DASHBOARD_SCREENSHOTS")


def _missing(what: str, hint: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"CI: {what} is missing ({hint})")
    pytest.skip(f"{what} is not installed ({hint})")


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    emulator, hex_url = serve_emulator()
    db = f"sqlite:///{tmp_path_factory.mktemp('dashboard') / 'hexsync.db'}"
    server = start_serve(hex_url, ACME / "manifests", db, "--interval", "5m")
    server.hex_url = hex_url  # type: ignore[attr-defined]
    try:
        wait_until(lambda: server.status()["last_sync"], HANG, "a first sync")
        yield server
    finally:
        stop(server.proc)
        emulator.process.kill()
        emulator.finish()


@pytest.fixture(scope="module")
def chromium() -> Iterator[Any]:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        _missing("chromium", "apt-get install chromium")
    if os.environ.get("CI"):
        import playwright.sync_api as sync_api  # noqa: PLC0415 - in CI a missing one fails
    else:
        sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=path, args=list(HEADLESS_CHROMIUM_ARGS))
        try:
            yield browser
        finally:
            browser.close()


@dataclass
class Tab:
    """A page that remembers what went wrong on it: console errors, uncaught errors, and
    requests to any host but the server (refused)."""

    page: Any
    base: str
    errors: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)

    def go(self, path: str) -> Any:
        response = self.page.goto(self.base + path)
        self.page.wait_for_load_state("load")
        return response

    def clean(self) -> None:
        assert self.errors == [], self.errors
        assert self.foreign == [], self.foreign

    def text(self, selector: str = "main") -> str:
        return " ".join(self.page.inner_text(selector).split())


def open_tab(
    chromium: Any,
    served: Served,
    *,
    width: int = 1280,
    height: int = 900,
    zone: str = "UTC",
    script: bool = True,
) -> Tab:
    context = chromium.new_context(
        viewport={"width": width, "height": height},
        timezone_id=zone,
        locale="en-GB",
        java_script_enabled=script,
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    tab = Tab(page, served.url)
    origin = urlsplit(served.url).netloc

    def route(r: Any) -> None:
        if urlsplit(r.request.url).netloc == origin:
            r.continue_()
        else:
            tab.foreign.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.on("console", lambda m: tab.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: tab.errors.append(str(e)))
    return tab


def sign_in(tab: Tab, token: str, path: str = "/") -> None:
    tab.go(path)
    assert urlsplit(tab.page.url).path == "/signin"
    tab.page.get_by_label("Viewer's or admin's token").fill(token)
    tab.page.get_by_role("button", name="Sign in").click()
    tab.page.wait_for_url(lambda url: urlsplit(url).path != "/signin")


@pytest.fixture(scope="module")
def admin(chromium: Any, served: Served) -> Iterator[Tab]:
    tab = open_tab(chromium, served, zone="America/New_York")
    sign_in(tab, ADMIN)
    yield tab
    tab.page.context.close()


def axe_violations(tab: Tab) -> list[str]:
    """Serious and critical violations of axe-core's rules (WCAG 2.x A and AA, best practices)."""
    if not AXE.is_file():
        _missing("axe-core", "npm ci --prefix tests/dashboard")
    tab.page.evaluate(AXE.read_text(encoding="utf-8") + "\n;0")
    found = tab.page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 3)}))"
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {v['nodes']}"
        for v in found
        if v["impact"] in ("serious", "critical")
    ]


def shoot(tab: Tab, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        tab.page.screenshot(path=str(Path(SHOTS) / f"{name}.png"))  # what the screen shows


PAGES = [
    ("overview", "/", "Overview"),
    ("workspace", "/w/default", "Workspace default"),
    ("history", "/w/default/history", "History of default"),
    ("sync", "/w/default/syncs/LAST", "Sync #"),
    ("access-project", "/w/default/access?kind=project&q=Revenue+overview", "Access"),
    ("access-person", "/w/default/access?kind=person&q=carol%40acme.com", "Access"),
    ("access-group", "/w/default/access?kind=group&q=Analysts", "Access"),
    ("access-collection", "/w/default/access?kind=collection&q=Product", "Access"),
    ("access-planned", "/w/default/access?kind=project&q=Revenue+overview&when=planned", "Access"),
    ("access-search", "/w/default/access?kind=project&q=an", "Access"),
]


@pytest.mark.parametrize(("name", "path", "heading"), PAGES, ids=[p[0] for p in PAGES])
def test_every_page_loads_clean_offline_and_accessible(served, admin, name, path, heading):
    path = path.replace("LAST", str(served.status()["last_sync"]["id"]))
    response = admin.go(path)
    assert response.status == 200, path
    assert admin.page.inner_text("h1").startswith(heading), path
    assert axe_violations(admin) == [], path
    shoot(admin, f"dashboard-{name}")
    admin.clean()


def test_the_sign_in_page_loads_clean_offline_and_accessible(chromium, served):
    visitor = open_tab(chromium, served)
    visitor.go("/")
    assert visitor.page.inner_text("h1") == "Sign in"
    assert axe_violations(visitor) == []
    shoot(visitor, "dashboard-signin")
    visitor.clean()
    visitor.page.context.close()


def test_readable_on_a_phone_with_nothing_wider_than_the_screen(chromium, served):
    phone = open_tab(chromium, served, width=390, height=844)
    sign_in(phone, VIEWER)
    for name, path in [
        ("overview", "/"),
        ("workspace", "/w/default"),
        ("access", "/w/default/access?kind=project&q=Revenue+overview"),
    ]:
        phone.go(path)
        # The page itself never scrolls sideways; wide tables scroll inside their own region.
        widths = phone.page.evaluate(
            "() => [document.documentElement.scrollWidth, window.innerWidth]"
        )
        assert widths[0] <= widths[1], (path, widths)
        assert axe_violations(phone) == [], path
        shoot(phone, f"dashboard-phone-{name}")
    phone.clean()
    phone.page.context.close()


def test_times_are_in_the_viewers_zone_with_utc_on_hover(admin):
    admin.go("/w/default")
    stamp = admin.page.locator("main time").first
    shown, title, iso = (
        stamp.inner_text(),
        stamp.get_attribute("title"),
        stamp.get_attribute("datetime"),
    )
    assert re.search(r"GMT-[45]|E[SD]T", shown), shown  # New York, summer or winter
    assert "UTC" not in shown
    assert title.startswith("UTC: ")
    assert title.endswith(" UTC")
    assert title[5:21] == iso[:16].replace("T", " ")
    admin.clean()


def test_a_viewer_has_no_sync_now_and_a_wrong_token_is_told_so(chromium, served):
    tab = open_tab(chromium, served)
    tab.go("/w/default/history")
    tab.page.get_by_label("Viewer's or admin's token").fill("not-a-token")
    tab.page.get_by_role("button", name="Sign in").click()
    alert = tab.page.get_by_role("alert")
    assert alert.inner_text().strip() == "✗ That token was not accepted."
    assert "not-a-token" not in tab.page.content()
    tab.errors = [e for e in tab.errors if "401" not in e]  # the answer's status, logged
    tab.page.get_by_label("Viewer's or admin's token").fill(VIEWER)
    tab.page.get_by_role("button", name="Sign in").click()
    tab.page.wait_for_url("**/w/default/history")  # back where they were going
    tab.go("/w/default")
    assert tab.page.get_by_role("button", name="Sync now").count() == 0
    assert "only an admin can start a sync" in tab.text()
    assert "Signed in as a viewer" in tab.text("header")
    tab.page.get_by_role("button", name="Sign out").click()
    tab.page.wait_for_url("**/signin?signed_out=1")
    assert tab.page.get_by_role("status").inner_text() == "You are signed out."
    tab.go("/w/default")
    assert urlsplit(tab.page.url).path == "/signin"
    tab.clean()
    tab.page.context.close()


def test_an_admin_presses_sync_now_and_the_sync_shows_in_the_history(admin, served):
    admin.go("/w/default")
    button = admin.page.get_by_role("button", name="Sync now")
    button.focus()
    admin.page.keyboard.press("Enter")  # by keyboard
    admin.page.wait_for_selector("text=A sync was queued")

    def shown() -> bool:
        admin.go("/w/default/history?type=sync")
        return "trigger: dashboard" in admin.text()

    wait_until(shown, HANG, "the dashboard's sync in the history")
    row = admin.page.locator("tr", has_text="trigger: dashboard").first
    row.get_by_role("link").click()
    admin.page.wait_for_selector("h1:has-text('Sync #')")
    assert "trigger dashboard" in admin.text().lower()
    admin.clean()


def test_a_post_without_the_csrf_token_is_403(admin):
    admin.go("/w/default")
    before = len(admin.page.context.cookies())
    status = admin.page.evaluate(
        "async () => (await fetch('/w/default/sync', {method: 'POST', headers:"
        " {'content-type': 'application/x-www-form-urlencoded'}, body: ''})).status"
    )
    assert status == 403
    forged = admin.page.evaluate(
        "async () => (await fetch('/signout', {method: 'POST', headers:"
        " {'content-type': 'application/x-www-form-urlencoded'}, body: 'csrf=guess'})).status"
    )
    assert forged == 403
    admin.go("/")  # still signed in: the forged sign-out did nothing
    assert admin.page.inner_text("h1") == "Overview"
    assert len(admin.page.context.cookies()) == before
    admin.errors = [e for e in admin.errors if "403" not in e]  # the two refusals, logged


def share_arr_bridge(served: Served, level: str) -> None:
    """Someone changes the workspace in Hex (through Hex's API), behind the controller's back;
    from a thread of its own: Playwright's driver runs an event loop in this one."""
    with ThreadPoolExecutor(1) as pool:
        pool.submit(
            hex_call,
            served.hex_url,  # type: ignore[attr-defined]
            lambda c: c.edit_project_sharing_workspace_and_public(ARR_BRIDGE, workspace=level),
        ).result()


def test_a_drift_made_behind_the_controllers_back_shows_on_the_overview_within_an_interval(
    admin, served
):
    admin.go("/")
    count = admin.page.locator("#workspaces tbody tr:first-child td:nth-of-type(4)")
    before = int(count.inner_text().split()[0])
    newest_before = served.syncs()[0]["id"]
    share_arr_bridge(served, "CAN_EDIT")
    newest_after = served.syncs()[0]["id"]
    try:
        # No reload: the page looks at /state.json every two seconds and refreshes itself (the
        # wall clock only bounds a hang).
        admin.page.wait_for_function(
            "n => parseInt(document.querySelector('#workspaces td a[href$=\"#drift\"]')"
            "?.textContent || '0') > n",
            arg=before,
            timeout=HANG * 1000,
        )
        # Seen within one interval on the controller's clock (and shown at the page's next look).
        [item] = [
            i for i in served.get("/api/drift").json()["items"] if i["object"] == "ARR bridge"
        ]
        assert_seen_within_one_interval(served, item, newest_before, newest_after, INTERVAL)
        admin.go("/w/default")
        row = admin.page.locator("#current tbody tr", has_text="ARR bridge")
        cells = [c.strip() for c in row.locator("td").all_inner_texts()]
        assert cells[1:4] == ["sharing.workspace", "APP_ONLY", "CAN_EDIT"]
    finally:
        share_arr_bridge(served, "APP_ONLY")
    admin.clean()


def test_the_explorer_searches_as_you_type_and_is_used_by_keyboard(admin):
    admin.go("/w/default/access")
    admin.page.get_by_label("Look up", exact=True).select_option("person")
    box = admin.page.get_by_label("Name", exact=True)
    box.focus()
    admin.page.keyboard.type("carol")
    admin.page.wait_for_selector("#matches a:has-text('carol@acme.com')")
    admin.page.keyboard.press("Tab")  # from the box to the first match
    assert (
        admin.page.evaluate("() => document.activeElement.textContent")
        .strip()
        .endswith("carol@acme.com")
    )
    admin.page.keyboard.press("Enter")
    admin.page.wait_for_selector("#view-title:has-text('carol@acme.com')")
    assert "They can open" in admin.text()
    with admin.page.expect_download() as download:
        admin.page.get_by_role("link", name="Download CSV").click()
    target = Path(tempfile.mkdtemp()) / "carol.csv"
    download.value.save_as(target)
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "project,id,level,paths"
    shown = admin.page.locator("table.access tbody tr").count()
    assert len(lines) - 1 == shown
    admin.clean()


def test_the_pages_work_without_javascript(chromium, served):
    tab = open_tab(chromium, served, zone="Asia/Tokyo", script=False)
    sign_in(tab, ADMIN, "/w/default/access")
    tab.page.get_by_label("Name", exact=True).fill("revenue")
    tab.page.get_by_role("button", name="Show").click()
    tab.page.get_by_role("link", name="Revenue overview").click()  # a match, then its answer
    tab.page.wait_for_selector("#view-title:has-text('Revenue overview')")
    assert "people can open it" in tab.text()
    tab.page.get_by_label("as of").check()
    tab.page.get_by_label("the moment, in UTC").fill("2020-01-01T00:00:00")
    tab.page.get_by_role("button", name="Show").click()
    assert "no snapshot from that moment or before" in tab.page.get_by_role("alert").inner_text()
    tab.go("/")
    assert "UTC" in tab.page.locator("main time").first.inner_text()  # no script: UTC
    tab.go("/w/default")
    tab.page.get_by_role("button", name="Sync now").click()
    tab.page.wait_for_selector("text=A sync was queued")
    tab.errors = [e for e in tab.errors if "400" not in e]  # the refused moment, logged
    tab.clean()
    tab.page.context.close()
