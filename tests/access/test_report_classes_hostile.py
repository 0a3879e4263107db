"""The access report's data-class view with names a workspace's people chose (docs/access.md,
"The report"): table names come from Hex's answers and a project's title from anyone who can
edit it; the page sets them as text, never as markup, and names like object properties do not
reach Object.prototype. Headless Chromium, every network request refused (as
test_report_browser.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_engine_cases import live_of
from test_report_browser import _open, _rows, launched_chromium

from hexsync.decide.access_engine import AccessEngine
from hexsync.render.access_html import render_access_html

MARKUP = '<img src=x onerror="window.pwned=1">'
WORKSPACE = {
    "users": {"a@acme.com": "ADMIN", "b@acme.com": "EDITOR"},
    "projects": {
        f"Payroll {MARKUP}": {
            "owner": "a@acme.com",
            "sharing": {"users": {"b@acme.com": "CAN_VIEW"}},
        },
        "Plain": {"owner": "a@acme.com"},
    },
}


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with launched_chromium() as b:
        yield b


def test_hostile_table_and_class_names_are_text_in_the_who_can_see_view(
    browser: Any,
    tmp_path: Path,
) -> None:
    report = dict(AccessEngine(live_of(WORKSPACE)).report(source="live"))
    report["data_classes"] = {"classes": ["pii", "constructor"], "unknown": None}
    for project in report["projects"]:
        reads = project["title"].startswith("Payroll")
        project["classes"] = (
            {"pii": [f"Warehouse:hr.{MARKUP}"], "constructor": ["Warehouse:x.y"]} if reads else {}
        )
    page_path = tmp_path / "access.html"
    page_path.write_text(render_access_html(report), encoding="utf-8")

    page, refused = _open(browser, page_path)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    cells = {r["cells"][0]: r["cells"] for r in _rows(page)}
    assert f"Payroll {MARKUP}" in cells  # the title as text
    badges = page.eval_on_selector_all(
        "#rows .classes .badge", "els => els.map(e => e.textContent)"
    )
    assert badges == ["pii", "constructor"]  # a badge per class, "constructor" one of them
    assert cells["Plain"][4] == "none"
    page.select_option("#f-class", "pii")
    page.wait_for_selector("#who:not([hidden])")
    listed = page.inner_text("#who-list")
    assert f"Payroll {MARKUP} — Warehouse:hr.{MARKUP} — CAN_VIEW" in listed
    page.select_option("#f-class", "constructor")
    page.wait_for_selector("#who-title:has-text('Who can see constructor')")
    assert "Warehouse:x.y" in page.inner_text("#who-list")
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    assert page.evaluate("window.pwned === undefined")
    assert refused == []
    assert errors == []
    page.close()
