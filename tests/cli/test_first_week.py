"""A new admin's first week (issue 15): each friction met again, through the CLI, as a user would.

Runs ``hexsync`` (click's runner) against the loopback emulator of ``tests/cli/conftest.py``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from cli_support import REVENUE_ID
from click.testing import Result

Hexsync = Callable[..., Result]


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# ------------------------------------------------------------------ 2. a status typo at plan


def test_a_status_typo_is_a_located_error_at_plan_with_the_close_match(
    hexsync: Hexsync, tmp_path: Path
) -> None:
    manifest = write(
        tmp_path / "manifests" / "projects.yaml",
        f"version: 1\nprojects:\n  - id: {REVENUE_ID}\n    status: Productoin\n",
    )
    assert hexsync("validate", str(manifest)).exit_code == 0  # offline, nothing to compare with
    planned = hexsync("plan", str(manifest))
    assert planned.exit_code == 1
    assert "projects.yaml:3:5:" in planned.stderr
    assert "status 'Productoin' is not a status of this workspace" in planned.stderr
    assert "did you mean 'Production'?" in planned.stderr
    assert "Traceback" not in planned.output


def test_exported_statuses_make_validate_catch_a_typo_offline(
    hexsync: Hexsync, tmp_path: Path
) -> None:
    out = tmp_path / "manifests"
    assert hexsync("export", "--out", str(out)).exit_code == 0
    policy = (out / "policy.yaml").read_text(encoding="utf-8")
    assert "statuses:\n    - In development\n    - Production\n" in policy
    projects = out / "projects.yaml"
    text = projects.read_text(encoding="utf-8")
    projects.write_text(text.replace("status: Production", "status: Productoin"), "utf-8")
    checked = hexsync("validate", str(out))
    assert checked.exit_code == 1
    assert "did you mean 'Production'?" in checked.output
