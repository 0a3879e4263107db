"""``hexsync drift``: apply the example, change the workspace behind hexsync's back through the
API, and drift names exactly those changes (old and new value), in text, markdown and JSON."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from acme import REVENUE_ID as REVENUE
from acme import serving_example
from e2e_support import MANIFESTS, TOKEN, hexsync

from hexsync.hexapi import HexClient

pytestmark = pytest.mark.slow


@pytest.fixture
def applied() -> Iterator[str]:
    """An emulator of the Acme seed with the example's manifests applied."""
    with serving_example() as url:
        result = hexsync(url, "apply", str(MANIFESTS), "--auto-approve")
        assert result.exit_code == 0, result.output
        yield url


def _behind_our_back(url: str) -> None:
    """What an admin might do in Hex's UI: three edits through the public API."""

    async def edit() -> None:
        async with HexClient(TOKEN, url, pacing=False) as client:
            groups = {g.name: g async for g in client.iter_groups()}
            users = {u.email: u async for u in client.iter_users()}
            await client.edit_group(groups["Analysts"].id, add=[users["dave@acme.com"].id])
            await client.update_project(REVENUE, status="Deprecated")
            await client.edit_project_sharing_workspace_and_public(REVENUE, workspace="CAN_VIEW")

    asyncio.run(edit())


def test_no_drift_right_after_apply(applied: str) -> None:
    result = hexsync(applied, "drift", str(MANIFESTS))
    assert result.exit_code == 0, result.output
    assert (
        result.stdout.strip()
        == f"No drift: the workspace at {applied}/api/v1 matches the manifests."
    )
    as_json = json.loads(hexsync(applied, "drift", str(MANIFESTS), "--format", "json").stdout)
    assert as_json["drift"] is False
    assert as_json["objects"] == []


def test_drift_reports_exactly_the_changes_made_behind_its_back(applied: str) -> None:
    _behind_our_back(applied)
    result = hexsync(applied, "drift", str(MANIFESTS), "--format", "json")
    assert result.exit_code == 2, result.output
    report = json.loads(result.stdout)
    assert report["format_version"] == 1
    assert report["drift"] is True
    assert report["workspace"]["api_url"] == f"{applied}/api/v1"
    assert report["objects"] == [
        {
            "kind": "group",
            "name": "Analysts",
            "id": report["objects"][0]["id"],
            "state": "differs",
            "declared_at": report["objects"][0]["declared_at"],
            "origin": None,
            "fields": [
                {
                    "path": "members",
                    "key": "dave@acme.com",
                    "manifests": None,
                    "live": "member",
                    "rules": [],
                    "origin": None,
                }
            ],
        },
        {
            "kind": "project",
            "name": "Revenue overview",
            "id": REVENUE,
            "state": "differs",
            "declared_at": report["objects"][1]["declared_at"],
            "origin": None,
            "fields": [
                {
                    "path": "status",
                    "key": None,
                    "manifests": "Production",
                    "live": "Deprecated",
                    "rules": [],
                    "origin": None,
                },
                {
                    "path": "sharing.workspace",
                    "key": None,
                    "manifests": "APP_ONLY",
                    "live": "CAN_VIEW",
                    "rules": [],
                    "origin": None,
                },
            ],
        },
    ]
    assert report["objects"][0]["declared_at"].endswith("groups.yaml:9")
    assert report["objects"][1]["declared_at"].endswith("finance.yaml:5")


def test_drift_as_text_and_markdown(applied: str, tmp_path: Path) -> None:
    _behind_our_back(applied)
    out = tmp_path / "drift.json"
    text = hexsync(applied, "drift", str(MANIFESTS), "--out", str(out))
    assert text.exit_code == 2
    lines = [line.strip() for line in text.stdout.splitlines()]
    assert lines[0] == (
        f"Drift: 2 objects in the workspace at {applied}/api/v1 no longer match the manifests "
        "(3 differences)."
    )
    assert "member dave@acme.com: in Hex, not in the manifests" in lines
    assert "status: manifests Production, Hex Deprecated" in lines
    assert "sharing.workspace: manifests APP_ONLY, Hex CAN_VIEW" in lines
    assert json.loads(out.read_text())["drift"] is True  # --out: the JSON report beside it

    md = hexsync(applied, "drift", str(MANIFESTS), "--format", "markdown")
    assert md.exit_code == 2
    assert "| object | field | manifests | Hex now |" in md.stdout
    assert "| group `Analysts` | member `dave@acme.com` | — | `member` |" in md.stdout
    assert "| project `Revenue overview` | status | `Production` | `Deprecated` |" in md.stdout


def test_drift_after_apply_restores_is_gone(applied: str) -> None:
    _behind_our_back(applied)
    assert hexsync(applied, "apply", str(MANIFESTS), "--auto-approve").exit_code == 0
    assert hexsync(applied, "drift", str(MANIFESTS)).exit_code == 0


def test_drift_with_bad_manifests_is_an_error_not_drift(applied: str, tmp_path: Path) -> None:
    bad = tmp_path / "m.yaml"
    bad.write_text("version: 1\ngroups: [{name: Analysts, member: []}]\n", encoding="utf-8")
    result = hexsync(applied, "drift", str(bad))
    assert result.exit_code == 1
    assert "unknown key 'member'" in result.stderr
