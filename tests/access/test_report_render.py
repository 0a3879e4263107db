"""The report renderers on hostile names: the page's data block cannot be closed early, the
CSV does not hand a spreadsheet a formula."""

from __future__ import annotations

import csv
import io
import json

from test_engine_cases import live_of

from hexsync.decide.access_engine import AccessEngine
from hexsync.render.access_html import render_access_html
from hexsync.render.access_report import render_access_csv, render_access_csv_compact

HOSTILE = '</script><script>alert("x")</script>\u2028'


def _report() -> dict[str, object]:
    live = live_of(
        {
            "users": {"a@acme.com": "EDITOR"},
            "projects": {HOSTILE: {"owner": "a@acme.com", "sharing": {"public_web": "APP_ONLY"}}},
        }
    )
    return AccessEngine(live).report(source="live")


def test_the_html_data_block_survives_a_hostile_title() -> None:
    page = render_access_html(_report(), title="<b>Acme</b>")
    assert "<title>&lt;b&gt;Acme&lt;/b&gt;</title>" in page
    start = page.index('<script id="report-data" type="application/json">') + len(
        '<script id="report-data" type="application/json">'
    )
    block = page[start : page.index("</script>", start)]
    # Had "</script>" not been escaped, the block would end inside the title and not parse.
    assert json.loads(block)["projects"][0]["title"] == HOSTILE


def test_csv_cells_never_start_a_formula() -> None:
    live = live_of(
        {
            "users": {"a@acme.com": "EDITOR"},
            "groups": {"=HYPERLINK(1)": ["a@acme.com"]},
            "projects": {
                "+SUM(1)": {
                    "owner": "a@acme.com",
                    "sharing": {"groups": {"=HYPERLINK(1)": "CAN_VIEW"}},
                }
            },
        }
    )
    rows = list(
        csv.reader(io.StringIO(render_access_csv(AccessEngine(live).report(source="live"))))
    )[1:]  # the first line says what the report is evidence of
    assert rows[1][1] == "'+SUM(1)"
    assert rows[1][7] == "owner (FULL_ACCESS); group =HYPERLINK(1) (CAN_VIEW)"
    compact = list(
        csv.reader(io.StringIO(render_access_csv_compact(AccessEngine(live).report(source="live"))))
    )[1:]
    assert compact[1][1] == "'+SUM(1)"
    assert compact[1][6] == "owner (FULL_ACCESS); group =HYPERLINK(1) (CAN_VIEW)"
