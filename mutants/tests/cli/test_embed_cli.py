"""``hexsync embed PROJECT``."""

from __future__ import annotations

import json
import re

from cli_support import DRAFT_ID, REVENUE_ID


def test_prints_only_the_url(hexsync):
    result = hexsync(
        "embed",
        "Revenue overview",
        "--theme",
        "dark",
        "--export",
        "pdf",
        "--export",
        "csv",
        "--attr",
        "tenant=acme",
        "--input",
        "region=EMEA",
        "--no-footer",
        "--run-button",
        "--expires-in",
        "60000",
    )
    assert result.exit_code == 0, result.output
    assert re.fullmatch(rf"http://127\.0\.0\.1:\d+/embed/{REVENUE_ID}\?\S+\n", result.stdout)


def test_json(hexsync):
    result = hexsync("embed", REVENUE_ID, "--test-mode", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["url"].split("?")[0].endswith(f"/embed/{REVENUE_ID}")
    assert data["project"] == {"id": REVENUE_ID, "title": "Revenue overview"}
    assert data["test_mode"] is True
    assert data["single_use"] is True


def test_expiry_over_five_minutes_is_refused_before_any_request(hexsync, stats):
    result = hexsync("embed", "Revenue overview", "--expires-in", "300001")
    assert result.exit_code == 1
    assert "--expires-in must be between 1 and 300000 ms" in result.stderr
    assert result.stdout == ""
    assert stats()["total"] == 0


def test_unpublished_project(hexsync):
    result = hexsync("embed", DRAFT_ID)
    assert result.exit_code == 1
    assert "no published app to embed" in result.stderr
