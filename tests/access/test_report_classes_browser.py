"""Data classes in the access report (docs/access.md, docs/data.md), on the Acme example:
``access report --manifests`` writes which classes each project reads (JSON, kept by
``--from``), and the page, opened in a real headless Chromium (Debian's, driven by Playwright,
every network request refused, axe-core from tests/dashboard's node_modules), shows a data-class
column and a "who can see <class>" view: each person who can open a project reading the class,
with the projects, their tables and the path. (The JSON is held in test_report_classes.py.)

Skipped only on a developer machine without Chromium, Playwright or axe-core; in CI (``CI``
set) a missing one fails.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from acme import EXAMPLE_MANIFESTS, EXAMPLE_SEED, EXAMPLE_TOKEN, serving_example
from click.testing import CliRunner, Result
from test_report_browser import _open, _rows, launched_chromium

from hexsync.cli.main import cli
from hexsync.emulator.background import running_emulator
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import Seed

MANIFESTS = str(EXAMPLE_MANIFESTS)
AXE = Path(__file__).resolve().parents[1] / "dashboard" / "node_modules" / "axe-core" / "axe.min.js"


def _run(url: str, *args: str) -> Result:
    env = {"HEX_API_URL": url, "HEX_API_TOKEN": EXAMPLE_TOKEN, "NO_COLOR": "1"}
    return CliRunner().invoke(cli, ["--rate-limit", "off", *args], env=env)


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The Acme example's report with its data classes (page and JSON), one without, and one
    of the same workspace on a plan without queried tables; written before the browser starts
    (its driver runs an event loop of its own). The tables' cache goes in a folder of its own."""
    folder = tmp_path_factory.mktemp("classes")
    team = yaml.safe_load(EXAMPLE_SEED.read_text(encoding="utf-8"))
    team["org"]["plan"] = "TEAM"
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(folder)
        with serving_example() as url:
            for name, extra in (("classes.html", ["--manifests", MANIFESTS]), ("plain.html", [])):
                done = _run(url, "access", "report", "--out", str(folder / name), *extra)
                assert done.exit_code == 0, done.output
        mp.chdir(tmp_path_factory.mktemp("team"))  # a cache of its own: the same org id
        with running_emulator(
            Seed.from_dict(team, source="team"), EmulatorConfig(rate_limits=None)
        ) as url:
            done = _run(
                url,
                "access",
                "report",
                "--out",
                str(folder / "team.html"),
                "--manifests",
                MANIFESTS,
            )
            assert done.exit_code == 0, done.output
            assert "which data classes the projects read is not known" in done.stderr
    return {name: folder / name for name in ("classes.html", "plain.html", "team.html")}


@pytest.fixture(scope="module")
def browser(pages: dict[str, Path]) -> Iterator[Any]:
    del pages  # written first: see pages
    with launched_chromium() as b:
        yield b


def axe_violations(page: Any) -> list[str]:
    """Serious and critical violations of axe-core's rules (WCAG 2.x A and AA, best practices)."""
    if not AXE.is_file():
        if os.environ.get("CI"):
            pytest.fail("CI: axe-core is missing (npm ci --prefix tests/dashboard)")
        pytest.skip("axe-core is not installed (npm ci --prefix tests/dashboard)")
    page.evaluate(AXE.read_text(encoding="utf-8") + "\n;0")
    found = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 3)}))"
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {v['nodes']}"
        for v in found
        if v["impact"] in ("serious", "critical")
    ]


def _by_title(page: Any) -> dict[str, list[str]]:
    """Each drawn row's cells by the project's title (its badges taken off)."""
    out = {}
    for row in _rows(page):
        title = row["cells"][0].removeprefix("PUBLIC").removeprefix("WORKSPACE")
        out[title] = row["cells"]
    return out


def _who(page: Any) -> dict[str, list[str]]:
    """The "who can see" table: per person, their projects' lines."""
    rows = page.eval_on_selector_all(
        "#who tr.who-person",
        "els => els.map(e => [e.children[0].textContent,"
        " [...e.querySelectorAll('li')].map(li => li.textContent)])",
    )
    return dict(rows)


def test_the_page_shows_each_project_s_classes_and_who_can_see_pii(
    browser: Any, pages: dict[str, Path]
) -> None:
    page, refused = _open(browser, pages["classes.html"])
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    heads = page.eval_on_selector_all("#thead div", "els => els.map(e => e.textContent)")
    assert heads[4] == "Data classes"
    assert "reading a class of data: finance 4, pii 6" in page.text_content("#summary")
    assert axe_violations(page) == []

    # A project that reads pii and finance shows both; one that reads no class shows none.
    page.fill("#f-project", "payroll")
    page.wait_for_selector("#status:has-text('1 of 60 projects')")
    assert _by_title(page)["Payroll summary"][4] == "financepii"
    page.fill("#f-project", "planning model")
    page.wait_for_selector("#rows .row:has-text('2023 planning model')")
    assert list(_by_title(page)) == ["2023 planning model"]
    assert _by_title(page)["2023 planning model"][4] == "none"
    page.click("#rows .row")
    assert page.text_content("#detail p.reads") == "Reads no table of a declared class"
    page.fill("#f-project", "")

    # Reads class pii: the six projects that read it, and who can see them.
    assert page.is_hidden("#who")
    page.select_option("#f-class", "pii")
    page.wait_for_selector("#status:has-text('6 of 60 projects')")
    assert sorted(_by_title(page)) == [
        "Customer 360",
        "Customer health score",
        "Invoice aging",
        "NPS verbatims",
        "Payroll summary",
        "Support ticket trends",
    ]
    assert page.text_content("#who h2") == "Who can see pii"
    assert page.text_content("#who-summary") == (
        "37 people can open the 6 projects that read pii (given access, by any path)."
    )
    who = _who(page)
    # Judy (a Viewer) owns Payroll summary, capped at CAN_VIEW; the workspace share reaches her
    # on Customer 360; the Guest is never reached through the workspace.
    judy = who["judy@acme.com"]
    assert (
        "Payroll summary — Warehouse:hr.payroll — CAN_VIEW as owner (FULL_ACCESS);"
        " capped at CAN_VIEW (Viewer role)"
    ) in judy
    assert "Customer 360 — App DB:public.users — APP_ONLY via workspace (APP_ONLY)" in judy
    assert len(judy) == 5  # not Customer health score, shared with Sales Ops only
    assert "victor@acme.com" not in who
    reach = page.text_content("#who-list p")
    assert reach.startswith("Through their role, not a grant: alice@acme.com (Admin) reaches all 6")
    assert axe_violations(page) == []

    # The person filter narrows the view to one person.
    page.fill("#f-person", "judy@acme.com")
    page.wait_for_selector("#who-summary:has-text('Shown: judy@acme.com')")
    assert list(_who(page)) == ["judy@acme.com"]
    assert refused == []
    assert errors == []
    page.close()


def test_a_report_without_classes_shows_no_class_column(
    browser: Any, pages: dict[str, Path]
) -> None:
    page, refused = _open(browser, pages["plain.html"])
    heads = page.eval_on_selector_all("#thead div", "els => els.map(e => e.textContent)")
    assert "Data classes" not in heads
    assert page.is_hidden("#class-filter")
    assert page.is_hidden("#who")
    assert refused == []
    page.close()


def test_unknown_tables_are_said_so_never_shown_as_none(
    browser: Any, pages: dict[str, Path]
) -> None:
    page, refused = _open(browser, pages["team.html"])
    assert "data classes not known (" in page.text_content("#summary")
    assert "Enterprise plan only" in page.text_content("#summary")
    cells = {row[4] for row in _by_title(page).values()}
    assert cells == {"unknown"}
    assert page.is_hidden("#class-filter")  # nothing to filter on
    assert refused == []
    page.close()
