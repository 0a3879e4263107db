"""``hexsync demo``: the README's first command, end to end against the bundled emulator."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from hexsync.cli.main import cli

ROOT = Path(__file__).resolve().parents[1]


def test_demo_plans_applies_and_converges(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(cli, ["--no-color", "demo"])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "ok: 13 files" in out
    # The first plan shows the example's deliberate differences (examples/acme/README.md) …
    first = out.split("3. Apply that plan")[0]
    for line in (
        '+ collection "Partners"',
        '+ sharing.groups["Sales Ops"]: VIEW',  # created with its sharing
        '~ collection "Finance"',
        '- sharing.users["peggy@acme.com"]: VIEW',
        '+ sharing.groups["Executives"]: VIEW',
        "+ member carol@acme.com",
        "- member dave@acme.com",
        '- group "Legacy contractors"',
        '- user "mallory@acme.com" (deactivate: irreversible, the API cannot reactivate)',
        '~ status: "In development" → "Production"',
        '+ project "Partner portal"',
    ):
        assert line in first
    assert "Plan: 2 to create, 4 to update, 1 to delete, 1 to deactivate (6 destructive)." in first
    # 13 requests, within both rate-limit groups' bursts: the deactivation and erin's removal
    # go to the users group, the rest to the general one.
    assert (
        "Apply makes 13 requests (no pacing wait at 30/min per group: "
        "11 general, 2 users & user sharing)." in first
    )
    # … apply carries all of it out with the requests the plan announced …
    assert "Apply complete: 8 done, 0 failed, 0 skipped · 13 writes" in out
    # … and the second plan is empty.
    assert out.split("4. Plan again")[1].count("No changes.") == 1
    # The hint to try it by hand names the seed's real token, so it works as pasted.
    assert "HEX_API_TOKEN=hxtw_demo hexsync plan" in out


def test_demo_runs_from_any_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["--no-color", "demo"])
    assert result.exit_code == 0, result.output
    assert "ok: 13 files" in result.output
    assert result.output.split("4. Plan again")[1].count("No changes.") == 1
    assert list(tmp_path.iterdir()) == []  # nothing written where it ran


def test_demo_with_a_folder_that_is_not_an_example_says_what_it_needs(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["demo", "--example", str(tmp_path)])
    assert result.exit_code == 1
    assert f"no example at {tmp_path}: expected {tmp_path}/seed.yaml" in result.output
    assert "leave it out for the example shipped with hexsync" in result.output
