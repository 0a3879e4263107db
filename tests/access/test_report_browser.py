"""The HTML access report opened in a real headless Chromium (the system package, driven by
Playwright): it loads with every network request refused, the person filter finds a person and
shows their levels with the path, and a public project is highlighted. Names chosen to blank the
page (an HTML comment opener before ``<script`` in the data block, a group named like a property
of every JavaScript object) leave it working.

Skipped only on a developer machine without Chromium; in CI (``CI`` set) a missing browser
fails. ``HEXSYNC_SCREENSHOT=PATH`` saves a screenshot of the filtered page (docs/access-report.png
is made that way).
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from access_seed import WORKSPACE_TOKEN
from acme import ORG_ID
from click.testing import CliRunner
from test_engine_cases import live_of

from hexsync._version import __version__
from hexsync.cli.main import cli
from hexsync.decide.access_engine import AccessEngine
from hexsync.render.access_html import HEADLESS_CHROMIUM_ARGS, render_access_html
from hexsync.render.access_report import data_digest


def chromium_path() -> str | None:
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


@contextlib.contextmanager
def launched_chromium() -> Iterator[Any]:
    """The system's headless Chromium under Playwright; skipped without one, except in CI
    (``CI`` set), where a missing browser or driver fails."""
    path = chromium_path()
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("CI: chromium is missing (.ci/run installs it with apt-get)")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    if os.environ.get("CI"):
        import playwright.sync_api as sync_api  # noqa: PLC0415 - in CI a missing one fails
    else:
        sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=list(HEADLESS_CHROMIUM_ARGS))
        try:
            yield b
        finally:
            b.close()


@pytest.fixture(scope="module")
def report_html(access_url: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The report of the seeded workspace, written by the CLI before the browser starts (its
    driver runs an event loop of its own)."""
    out = tmp_path_factory.mktemp("report") / "access.html"
    env = {"HEX_API_URL": access_url, "HEX_API_TOKEN": WORKSPACE_TOKEN, "NO_COLOR": "1"}
    args = ["--rate-limit", "off", "access", "report", "--out", str(out)]
    result = CliRunner().invoke(cli, args, env=env)
    assert result.exit_code == 0, result.output
    return out


PLANNED = """\
version: 1
users:
  - email: bob@acme.com
    active: false
projects:
  - id: 0b3f6a51-5b6e-4c43-a4a8-0b1d2b7f3c11
    sharing:
      groups: {Analysts: CAN_EDIT}
      workspace: APP_ONLY
"""


@pytest.fixture(scope="module")
def planned_html(access_url: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The as-planned report of PLANNED, written before the browser starts too."""
    folder = tmp_path_factory.mktemp("planned")
    (folder / "m.yaml").write_text(PLANNED, encoding="utf-8")
    out = folder / "after.html"
    env = {"HEX_API_URL": access_url, "HEX_API_TOKEN": WORKSPACE_TOKEN, "NO_COLOR": "1"}
    args = ["--rate-limit", "off", "access", "report", "--out", str(out)]
    result = CliRunner().invoke(cli, [*args, "--as-planned", str(folder / "m.yaml")], env=env)
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture(scope="module")
def browser(report_html: Path, planned_html: Path) -> Iterator[Any]:
    del report_html, planned_html  # made first: see report_html
    with launched_chromium() as b:
        yield b


def _open(browser: Any, page_path: Path) -> tuple[Any, list[str]]:
    url = page_path.resolve().as_uri()
    refused: list[str] = []
    page = browser.new_page(viewport={"width": 1280, "height": 900})

    def route(r: Any) -> None:
        if r.request.url == url:
            r.continue_()
        else:
            refused.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.goto(url)
    page.wait_for_selector("body[data-ready='1']", timeout=15_000)
    return page, refused


def _rows(page: Any) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = page.eval_on_selector_all(
        "#rows .row",
        "els => els.map(e => ({cells: [...e.children].map(c => c.textContent),"
        " cls: e.className, bg: getComputedStyle(e).backgroundColor}))",
    )
    return rows


def test_report_loads_offline_filters_a_person_and_highlights_public(
    browser: Any, report_html: Path
) -> None:
    page, refused = _open(browser, report_html)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))

    summary = page.text_content("#summary")
    assert summary.startswith("3 projects · 5 people")
    assert "1 public on the web" in summary
    titles = [r["cells"][0] for r in _rows(page)]
    assert titles == ["Revenue overview", "Scratch", "PUBLICWORKSPACEStatus page"]

    # A public project is highlighted (class and colour), a private one is not.
    by_title = {r["cells"][0]: r for r in _rows(page)}
    status = by_title["PUBLICWORKSPACEStatus page"]
    assert "public" in status["cls"].split()
    assert status["bg"] == "rgb(253, 232, 232)"
    assert "public" not in by_title["Revenue overview"]["cls"].split()

    # The person filter finds vic and shows their level on each project, with the path.
    page.fill("#f-person", "vic")
    page.wait_for_selector("#status:has-text('visible to vic@acme.com')")
    rows = _rows(page)
    assert [(r["cells"][0].removeprefix("PUBLICWORKSPACE"), r["cells"][5]) for r in rows] == [
        ("Revenue overview", "CAN_VIEW  via group Analysts (CAN_EDIT)"),
        ("Status page", "APP_ONLY  via collection Everyone via workspace (APP_ONLY)"),
    ]
    tip = page.get_attribute("#rows .row >> nth=0 >> div >> nth=5", "title")
    assert tip.endswith("capped at CAN_VIEW (Viewer role)")

    # A Guest is not reached by the workspace-wide share of the public project.
    page.fill("#f-person", "gus@acme.com")
    page.wait_for_selector("#status:has-text('visible to gus@acme.com')")
    assert [r["cells"][0] for r in _rows(page)] == ["Revenue overview"]

    # The group filter finds projects shared with the group directly or through a collection.
    page.fill("#f-person", "")
    page.select_option("#f-group", "Finance team")
    page.wait_for_selector("#status:has-text('1 of 3 projects')")
    assert [r["cells"][0] for r in _rows(page)] == ["Revenue overview"]
    page.select_option("#f-group", "")

    # Sorting by the number of people with access, most first.
    page.click("#thead div[data-key='count']")
    page.wait_for_selector("#thead div[data-key='count'][aria-sort='descending']")
    counts = [int(r["cells"][4]) for r in _rows(page)]
    assert counts == sorted(counts, reverse=True)
    assert counts[0] == 5

    # The public-web filter keeps only the public project; a click explains everyone's path.
    page.fill("#f-person", "")
    page.check("#f-public")
    page.wait_for_selector("#status:has-text('1 of 3 projects')")
    page.click("#rows .row")
    detail = page.text_content("#detail")
    assert "every other workspace member" in detail
    assert "as owner (FULL_ACCESS)" in detail

    shot = os.environ.get("HEXSYNC_SCREENSHOT")
    if shot:
        page.uncheck("#f-public")
        page.fill("#f-person", "vic")
        page.wait_for_selector("#status:has-text('visible to vic@acme.com')")
        page.screenshot(path=shot, full_page=True)
    assert refused == []
    assert errors == []
    page.close()


# Workspaces whose names would each blank the page had the data block or the script's indexing
# trusted them: "<!--" then "<script" (in one title, or across two names) puts the HTML parser in
# a state where the data block's "</script>" no longer ends it, so the page's own script is
# swallowed; a group named "constructor" or "__proto__" hits Object.prototype in a "{}" index.
_OWNER = {"owner": "a@acme.com"}
BLANKING = {
    "comment-then-script in one title": {
        "users": {"a@acme.com": "ADMIN"},
        "projects": {"x <!--<script> y": _OWNER, "Plain": _OWNER},
    },
    "comment and script in two names": {
        "users": {"a@acme.com": "ADMIN"},
        "groups": {"<!-- opens": ["a@acme.com"]},
        "projects": {"Plain": _OWNER, "then <script>": _OWNER},
    },
    "groups named like object properties": {
        "users": {"a@acme.com": "ADMIN", "b@acme.com": "EDITOR"},
        "groups": {"constructor": ["b@acme.com"], "__proto__": ["b@acme.com"]},
        "collections": {"Shared": {"groups": {"constructor": "VIEW", "__proto__": "VIEW"}}},
        "projects": {
            "Plain": {**_OWNER, "sharing": {"collections": {"Shared": "CAN_VIEW"}}},
            "Direct": {**_OWNER, "sharing": {"groups": {"__proto__": "CAN_VIEW"}}},
        },
    },
}


@pytest.mark.parametrize("case", list(BLANKING))
def test_hostile_names_do_not_blank_the_page(browser: Any, tmp_path: Path, case: str) -> None:
    workspace = BLANKING[case]
    page_path = tmp_path / "access.html"
    report = AccessEngine(live_of(workspace)).report(source="live")
    page_path.write_text(render_access_html(report), encoding="utf-8")

    page, refused = _open(browser, page_path)  # waits for the script to have run to the end
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    titles = sorted(r["cells"][0] for r in _rows(page))
    assert titles == sorted(workspace["projects"])

    for group in workspace.get("groups", {}):
        # Every group is offered and filters: both projects reach b through "constructor" (the
        # collection) and "__proto__" (the collection, and directly).
        page.select_option("#f-group", group)
        page.wait_for_selector(f"#status:has-text('of {len(titles)} projects')")
        shown = sorted(r["cells"][0] for r in _rows(page))
        if group in ("constructor", "__proto__"):
            expected = ["Direct", "Plain"] if group == "__proto__" else ["Plain"]
            assert shown == expected, group
    assert refused == []
    assert errors == []
    page.close()


# --- the report as evidence (issue #28, item 3) --------------------------------------------------


def _embedded(page_path: Path) -> dict[str, Any]:
    text = page_path.read_text(encoding="utf-8")
    start = text.index('<script id="report-data" type="application/json">') + len(
        '<script id="report-data" type="application/json">'
    )
    data: dict[str, Any] = json.loads(text[start : text.index("</script>", start)])
    return data


def test_the_page_says_which_workspace_when_by_what_and_its_digest(
    browser: Any, report_html: Path
) -> None:
    data = _embedded(report_html)
    assert data["data_sha256"] == data_digest(data)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", data["read_at"])
    page, refused = _open(browser, report_html)
    assert page.text_content("#provenance") == (
        f"workspace (org {ORG_ID}), as read at {data['read_at']} by hexsync"
        f" {__version__}, data sha256 {data['data_sha256']}"
    )
    assert refused == []
    page.close()


def test_a_group_filter_shows_the_group_s_own_grant(browser: Any, report_html: Path) -> None:
    page, _ = _open(browser, report_html)
    page.select_option("#f-group", "Analysts")
    page.wait_for_selector("#thead div[data-key='level']:has-text('Grant to group Analysts')")
    # Not alice's FULL_ACCESS as owner, the highest anyone has: the group's CAN_EDIT.
    assert [(r["cells"][0], r["cells"][5]) for r in _rows(page)] == [
        ("Revenue overview", "CAN_EDIT  via group Analysts (CAN_EDIT)")
    ]
    page.select_option("#f-group", "Finance team")
    page.wait_for_selector("#thead div[data-key='level']:has-text('Grant to group Finance team')")
    assert [(r["cells"][0], r["cells"][5]) for r in _rows(page)] == [
        (
            "Revenue overview",
            "CAN_VIEW  via collection Finance (shared with the group) (CAN_VIEW)",
        )
    ]
    page.close()


def test_an_admin_s_role_reach_shows_apart_from_grants(browser: Any, report_html: Path) -> None:
    page, _ = _open(browser, report_html)
    page.fill("#f-person", "alice@acme.com")
    page.wait_for_selector("#status:has-text('visible to alice@acme.com')")
    rows = {r["cells"][0].removeprefix("PUBLICWORKSPACE"): r["cells"][5] for r in _rows(page)}
    assert rows["Scratch"] == (
        "NONE  through the Admin role: can see it, grant themselves FULL_ACCESS (documented)"
    )
    assert rows["Revenue overview"] == "FULL_ACCESS  as owner (FULL_ACCESS)"
    page.fill("#f-person", "")
    page.wait_for_selector("#status:not(:has-text('visible to'))")
    page.click("#rows .row >> nth=1")  # Scratch
    reach = page.eval_on_selector_all(
        "#detail tr.role-reach", "els => els.map(e => [...e.children].map(c => c.textContent))"
    )
    assert reach == [
        [
            "alice@acme.com",
            "ADMIN",
            "-",
            "through the Admin role: can see it, grant themselves FULL_ACCESS (documented)",
        ]
    ]
    page.close()


def test_the_filtered_view_downloads_as_csv_without_a_request(
    browser: Any, report_html: Path, tmp_path: Path
) -> None:
    page, refused = _open(browser, report_html)
    page.fill("#f-person", "vic")
    page.wait_for_selector("#status:has-text('visible to vic@acme.com')")
    with page.expect_download() as info:
        page.click("#export")
    saved = tmp_path / "view.csv"
    info.value.save_as(saved)
    lines = saved.read_text(encoding="utf-8").splitlines()
    digest = _embedded(report_html)["data_sha256"]
    assert lines[0].startswith("# hexsync access report, filtered view (person=vic): workspace")
    assert lines[0].endswith(f"data sha256 {digest}")
    rows = list(csv.DictReader(io.StringIO("\n".join(lines[1:]))))
    assert [(r["project"], r["Level of vic@acme.com / path"]) for r in rows] == [
        ("Revenue overview", "CAN_VIEW  via group Analysts (CAN_EDIT)"),
        ("Status page", "APP_ONLY  via collection Everyone via workspace (APP_ONLY)"),
    ]
    assert refused == []
    page.close()


def test_find_reaches_a_row_outside_the_virtual_window(browser: Any, tmp_path: Path) -> None:
    many = {
        "users": {"a@acme.com": "EDITOR", "b@acme.com": "EDITOR"},
        "projects": {f"Project {n:03}": {"owner": "a@acme.com"} for n in range(400)},
    }
    many["projects"]["Project 350"]["sharing"] = {"users": {"b@acme.com": "CAN_EDIT"}}
    page_path = tmp_path / "many.html"
    page_path.write_text(
        render_access_html(AccessEngine(live_of(many)).report(source="live")), encoding="utf-8"
    )
    page, refused = _open(browser, page_path)
    drawn = [r["cells"][0] for r in _rows(page)]
    assert "Project 350" not in drawn  # the virtual list draws the first rows only
    assert len(drawn) < 60
    page.fill("#f-find", "b@acme.com")  # in no title: only in the level column's path…
    page.wait_for_selector("#find-status:has-text('no match')")  # …which the default view hides
    page.fill("#f-find", "project 350")
    page.wait_for_selector("#find-status:has-text('match 1 of 1')")
    found = [r for r in _rows(page) if "found" in r["cls"].split()]
    assert [r["cells"][0] for r in found] == ["Project 350"]
    page.fill("#f-find", "Project 34")
    page.wait_for_selector("#find-status:has-text('match 1 of 10')")
    page.press("#f-find", "Enter")
    page.wait_for_selector("#find-status:has-text('match 2 of 10')")
    assert [r["cells"][0] for r in _rows(page) if "found" in r["cls"].split()] == ["Project 341"]
    assert refused == []
    page.close()


def test_an_as_planned_page_marks_what_would_change_against_live(
    browser: Any, planned_html: Path
) -> None:
    page, refused = _open(browser, planned_html)
    assert page.text_content("#summary").endswith(
        "as the manifests would leave it: 2 projects would change against live"
    )
    assert "as planned (not applied)" in page.text_content("#provenance")
    titles = [r["cells"][0] for r in _rows(page)]
    assert titles == [
        "WORKSPACECHANGESRevenue overview",
        "Scratch",
        "PUBLICWORKSPACECHANGESStatus page",
    ]
    page.click("#rows .row >> nth=0")
    changes = page.eval_on_selector_all(
        "#detail ul.vs-live li", "els => els.map(e => e.textContent)"
    )
    assert changes == [
        "workspace members: NONE → APP_ONLY",
        "bob@acme.com: CAN_EDIT → no access",
    ]
    # The owner bob is deactivated by the plan: his project says so.
    page.check("#f-changed")
    page.wait_for_selector("#status:has-text('2 of 3 projects')")
    owners = {r["cells"][0]: r["cells"][1] for r in _rows(page)}
    assert owners["PUBLICWORKSPACECHANGESStatus page"] == "bob@acme.com (deactivated)"
    assert refused == []
    page.close()
