"""Export at scale: a 20,000-project workspace with rich sharing exports into files that each stay
well under the 5 MB that validate and plan read, and the files plan as no change.

The CLI runs for real (click's runner); the emulator is in process behind httpx.ASGITransport
(no socket, no rate limits) so the round trip takes seconds, not the hours pacing would.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner, Result

from hexsync.cli import client_factory
from hexsync.cli.main import cli
from hexsync.emulator.app import create_app
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import Seed
from hexsync.manifest.yamlsafe import FileLimits

ORG = "5a8591dd-4039-49df-9202-96385ba3eff8"
TOKEN = "hxtw_big"
LEVELS = ("CAN_VIEW", "CAN_EDIT", "FULL_ACCESS", "APP_ONLY")
WORDS = ("Revenue", "Churn", "Copy of", "Ops", "Pipeline", "Weekly", "Émissions", "42 metrics")


def big_seed(projects: int, *, users: int = 300, groups: int = 60, collections: int = 40) -> Seed:
    """A workspace built by rule: every project shared to users, groups and collections."""
    emails = [f"user{i:04d}@acme.com" for i in range(users)]
    group_names = [f"Team {i:02d}" for i in range(groups)]
    coll_names = [f"Area {i:02d}" for i in range(collections)]
    statuses = ["Exploratory", "In development", "Production", "Deprecated"]
    seed: dict[str, Any] = {
        "org": {"id": ORG, "name": "Bigco"},
        "tokens": [{"token": TOKEN, "kind": "workspace"}],
        "statuses": statuses,
        "users": [{"email": e, "name": e.split("@")[0], "role": "EDITOR"} for e in emails],
        "groups": [
            {"name": g, "members": emails[i * 5 : i * 5 + 12]} for i, g in enumerate(group_names)
        ],
        "collections": [{"name": c} for c in coll_names],
        "projects": [],
    }
    for i in range(projects):
        n = i * 7919  # a stride, so neighbours do not share everything
        seed["projects"].append(
            {
                "id": str(uuid.UUID(int=i + 1, version=4)),
                "title": f"{WORDS[i % len(WORDS)]} {i:05d}",
                "owner": emails[n % users],
                "status": statuses[i % 5] if i % 5 < 4 else None,
                "sharing": {
                    "workspace": ("NONE", "APP_ONLY", "CAN_VIEW")[i % 3],
                    "users": {emails[(n + k) % users]: LEVELS[k % 3] for k in range(1, 4)},
                    "groups": {group_names[(n + k) % groups]: LEVELS[k % 2] for k in range(2)},
                    "collections": {coll_names[n % collections]: "CAN_VIEW"},
                },
            }
        )
    return Seed.from_dict(seed, source="tests/test_export_split.py")


@pytest.fixture
def in_process(monkeypatch: pytest.MonkeyPatch) -> Callable[[Seed], None]:
    """Route every client the CLI builds to an in-process emulator serving ``seed``."""

    def serve(seed: Seed) -> None:
        app = create_app(seed, EmulatorConfig(rate_limits=None))
        real = client_factory.build_client

        def build(opts: Any, **kwargs: Any) -> Any:
            return real(opts, **{**kwargs, "transport": httpx.ASGITransport(app=app)})

        for module in ("export", "plan", "validate"):
            monkeypatch.setattr(f"hexsync.cli.{module}.build_client", build, raising=False)

    return serve


def run(*args: str) -> Result:
    env = {"HEX_API_TOKEN": TOKEN, "NO_COLOR": "1", "HEX_API_URL": "https://app.hex.tech"}
    return CliRunner().invoke(cli, ["--rate-limit", "off", *args], env=env)


def test_20k_projects_export_split_and_plan_as_no_change(
    in_process: Callable[[Seed], None], tmp_path: Path
) -> None:
    in_process(big_seed(20_000))
    out = tmp_path / "manifests"
    exported = run("export", "--out", str(out))
    assert exported.exit_code == 0, exported.output
    assert not (out / "projects.yaml").exists()
    parts = sorted((out / "projects").glob("*.yaml"))
    assert len(parts) > 5
    limit = FileLimits().max_bytes
    total = 0
    for part in parts:
        size = part.stat().st_size
        total += size
        assert size < limit / 2, f"{part.name} is {size} bytes"
    assert total > limit  # one file would have been refused by validate and plan
    assert "projects split into" in exported.stderr
    validated = run("validate", str(out))
    assert validated.exit_code == 0, validated.output
    assert "20000 projects" in validated.stdout
    planned = run("plan", str(out), "--detailed-exitcode")
    assert planned.exit_code == 0, planned.output
    assert "No changes" in planned.stdout


def test_reexport_replaces_the_split_files_and_leaves_no_duplicate(
    in_process: Callable[[Seed], None], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Shrinking below the budget on re-export removes the old parts (with --force only)."""
    monkeypatch.setattr("hexsync.export.manifests.SPLIT_BYTES", 20_000)
    in_process(big_seed(200))
    out = tmp_path / "m"
    assert run("export", "--out", str(out)).exit_code == 0
    parts = sorted(p.name for p in (out / "projects").glob("*.yaml"))
    assert len(parts) > 3
    assert not (out / "projects.yaml").exists()

    monkeypatch.setattr("hexsync.export.manifests.SPLIT_BYTES", 10_000_000)
    refused = run("export", "--out", str(out))
    assert refused.exit_code == 1
    assert f"projects/{parts[0]}" in refused.output  # named, and left alone
    forced = run("export", "--out", str(out), "--force")
    assert forced.exit_code == 0, forced.output
    assert (out / "projects.yaml").is_file()
    assert not (out / "projects").exists()
    assert "removed" in forced.stdout
    planned = run("plan", str(out), "--detailed-exitcode")
    assert planned.exit_code == 0, planned.output
