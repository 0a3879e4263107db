"""Asked on a terminal, apply does not hold the workspace's lock while a person reads the plan;
once approved it takes the lock, plans again, and applies only if the plan is still the one
approved (issue #9 item 4)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from click.testing import Result

from hexsync.values.live import LOCK_GROUP


def _manifests(tmp_path: Path) -> Path:
    directory = tmp_path / "m"
    directory.mkdir()
    (directory / "g.yaml").write_text(
        "version: 1\ngroups:\n  - name: Reviewers\n  - name: Auditors\n", encoding="utf-8"
    )
    return directory


def _groups(url: str) -> list[str]:
    return [g["name"] for g in httpx.get(f"{url}/_emulator/state").json()["groups"]]


@pytest.mark.parametrize("meanwhile", [False, True])
def test_a_plan_that_changed_during_review_is_refused(
    hexsync: Callable[..., Result],
    emulator_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    meanwhile: bool,
) -> None:
    async def approve(question: str) -> bool:
        assert LOCK_GROUP not in _groups(emulator_url)  # not locked while the person reads
        if meanwhile:  # another apply creates one of the groups during the review
            httpx.post(
                f"{emulator_url}/api/v1/groups",
                json={"name": "Reviewers"},
                headers={"Authorization": "Bearer hxtw_cli"},
            ).raise_for_status()
        return True

    monkeypatch.setattr("hexsync.cli.apply.interactive", lambda: True)
    monkeypatch.setattr("hexsync.cli.apply.ask", approve)
    result = hexsync("apply", str(_manifests(tmp_path)))
    names = _groups(emulator_url)
    assert LOCK_GROUP not in names  # released either way
    if meanwhile:
        assert result.exit_code == 3, result.output
        assert "the workspace changed while the plan was being reviewed" in result.stderr
        assert names.count("Reviewers") == 1
        assert "Auditors" not in names  # nothing of the approved plan was applied
    else:
        assert result.exit_code == 0, result.output
        assert {"Reviewers", "Auditors"} <= set(names)


def test_a_held_lock_is_never_pruned_planned_or_exported(
    hexsync: Callable[..., Result], emulator_url: str, tmp_path: Path
) -> None:
    httpx.post(
        f"{emulator_url}/api/v1/groups",
        json={"name": LOCK_GROUP},
        headers={"Authorization": "Bearer hxtw_cli"},
    ).raise_for_status()
    manifests = tmp_path / "m"
    manifests.mkdir()
    (manifests / "p.yaml").write_text(
        "version: 1\npolicy: {prune: {groups: true}, max_destroy: 50}\ngroups:\n"
        "  - name: Analysts\n  - name: Finance\n  - name: Empty\n",
        encoding="utf-8",
    )
    plan = hexsync("plan", str(manifests))
    assert plan.exit_code == 0, plan.output
    assert LOCK_GROUP not in plan.output
    exported = hexsync("export", "--out", str(tmp_path / "out"))
    assert exported.exit_code == 0, exported.output
    assert LOCK_GROUP not in "".join(
        p.read_text(encoding="utf-8") for p in (tmp_path / "out").rglob("*.yaml")
    )
    assert LOCK_GROUP in _groups(emulator_url)  # still there: nothing touched it
