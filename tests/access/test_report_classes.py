"""Data classes in the access report's JSON (docs/access.md, docs/data.md), on the Acme
example: ``access report --manifests`` writes which classes each project reads, ``--from``
keeps them, and a report without ``--manifests`` reads no table. (The page is held in
test_report_classes_browser.py.)"""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
from acme import EXAMPLE_MANIFESTS, EXAMPLE_TOKEN, serving_example
from click.testing import CliRunner, Result

from hexsync.cli.main import cli

MANIFESTS = str(EXAMPLE_MANIFESTS)


def _run(url: str, *args: str) -> Result:
    env = {"HEX_API_URL": url, "HEX_API_TOKEN": EXAMPLE_TOKEN, "NO_COLOR": "1"}
    return CliRunner().invoke(cli, ["--rate-limit", "off", *args], env=env)


def _table_reads(url: str) -> int:
    stats = httpx.get(f"{url.removesuffix('/api/v1')}/_emulator/stats").json()
    return sum(stats["requests"].get("GetQueriedTables", {}).values())


def test_the_json_report_carries_the_classes_and_from_keeps_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with serving_example() as url:
        plain = _run(url, "access", "report", "--out", "plain.json")
        assert plain.exit_code == 0, plain.output
        assert _table_reads(url) == 0  # no classes asked: no table read
        done = _run(url, "access", "report", "--out", "access.json", "--manifests", MANIFESTS)
        assert done.exit_code == 0, done.output
        assert _table_reads(url) == 60
    assert "data_classes" not in json.loads((tmp_path / "plain.json").read_text("utf-8"))
    report = json.loads((tmp_path / "access.json").read_text("utf-8"))
    assert report["data_classes"] == {"classes": ["finance", "pii"], "unknown": None}
    by_title = {p["title"]: p["classes"] for p in report["projects"]}
    assert by_title["Invoice aging"] == {
        "finance": ["Warehouse:finance.invoices"],
        "pii": ["Warehouse:raw.stripe_customers"],
    }
    assert by_title["2023 planning model"] == {}
    # Answered again from the saved JSON (checked against its schema and digest): the same.
    again = _run(
        "http://127.0.0.1:9/api/v1",
        "access",
        "report",
        "--from",
        "access.json",
        "--out",
        "again.json",
    )
    assert again.exit_code == 0, again.output
    assert json.loads((tmp_path / "again.json").read_text("utf-8")) == report
