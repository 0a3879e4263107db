"""A new admin's first week (issue 15): each friction met again, through the CLI, as a user would.

Runs ``hexsync`` (click's runner) against the loopback emulator of ``tests/cli/conftest.py``.
"""

from __future__ import annotations

import json
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


# ------------------------------------------------------------------ 7. unmanaged names


def test_not_managed_here_names_them_and_says_what_to_do(hexsync: Hexsync, tmp_path: Path) -> None:
    """A group removed from the YAML is left alone: the plan names it and says how to delete."""
    manifest = write(
        tmp_path / "m.yaml",
        "version: 1\ngroups:\n  - name: Analysts\n    members: [alice@acme.com, bob@acme.com]\n",
    )
    text = hexsync("plan", str(manifest))
    assert text.exit_code == 0, text.output
    assert "Not managed here (left alone):" in text.stdout
    assert '  2 groups: "Empty", "Finance"' in text.stdout
    assert "`ensure: absent`, or set policy.prune.groups: true" in text.stdout
    assert '2 collections: "Finance", "Ops"' in text.stdout
    assert "delete in Hex's UI (the API cannot delete collections)" in text.stdout

    md = hexsync("plan", str(manifest), "--format", "markdown")
    assert "- 2 groups: `Empty`, `Finance` — to remove: declare with" in md.stdout

    data = json.loads(hexsync("plan", str(manifest), "--format", "json").stdout)
    assert data["unmanaged"]["group"] == 2
    assert data["unmanaged_names"]["group"] == ["Empty", "Finance"]
    assert len(data["unmanaged_names"]["project"]) == data["unmanaged"]["project"]
