"""Helpers of the CI glue's tests (see conftest.py)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from acme import EXAMPLE_MANIFESTS
from acme import EXAMPLE_TOKEN as HEX_TOKEN
from click.testing import CliRunner, Result

from hexsync.cli.main import cli
from hexsync.emulator.app import token_fingerprint

ROOT = Path(__file__).resolve().parents[2]


def run_hexsync(url: str, *args: str) -> Result:
    """``hexsync --api-url URL --rate-limit off ARGS`` in process, the token from the env."""
    return CliRunner().invoke(
        cli, ["--api-url", url, "--rate-limit", "off", *args], env={"HEX_API_TOKEN": HEX_TOKEN}
    )


def has_apply_manifests() -> bool:
    """Whether ``apply plan.json --manifests DIR`` (the saved-plan hardening) is there."""
    return "--manifests" in CliRunner().invoke(cli, ["apply", "--help"]).output


needs_apply_manifests = pytest.mark.skipif(
    not has_apply_manifests(), reason="`apply plan.json --manifests` (saved-plan issue) missing"
)


def job_env(hex_url: str, **more: str) -> dict[str, str]:
    """The environment both forges' jobs share: hexsync on PATH, pointed at the emulator."""
    return {
        "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin",
        "HOME": os.environ.get("HOME", "/tmp"),
        "HEXSYNC": f"{sys.executable} -m hexsync --rate-limit off",
        "HEX_API_URL": hex_url,
        "HEX_API_TOKEN": HEX_TOKEN,
        "NO_COLOR": "1",
        **more,
    }


def run_in_job(
    args: list[str], cwd: Path, env: dict[str, str], forge_token: str
) -> subprocess.CompletedProcess[str]:
    """``args`` run as a job runs them: in ``cwd`` with only ``env``, two minutes at most. Neither
    the forge's token nor the Hex token may show in what it prints."""
    done = subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert forge_token not in done.stdout + done.stderr
    assert HEX_TOKEN not in done.stdout + done.stderr
    return done


# Two workspaces of one repository (docs/workspaces.md), each an emulator of the example knowing
# its own two tokens: read (plan, drift) and write (apply).
TOKENS = {
    "us": {"read": "hxtw_us_read_token", "write": "hxtw_us_write_token"},
    "eu": {"read": "hxtw_eu_read_token", "write": "hxtw_eu_write_token"},
}
ORGS = {"us": "0f000000-0000-4000-8000-0000000000a1", "eu": "0f000000-0000-4000-8000-0000000000e1"}
EVERY_TOKEN = [token for tokens in TOKENS.values() for token in tokens.values()]


def write_workspaces(repo: Path, emulators: dict[str, str]) -> None:
    """hexsync.yaml in ``repo``: the workspaces at ``emulators``, each reading its token from
    ``HEX_TOKEN_<NAME>`` and its layers ``base/`` (the example's manifests) then its own (its
    org and a group, "US team" or "EU team")."""
    if not (repo / "base").exists():
        shutil.copytree(EXAMPLE_MANIFESTS, repo / "base")
    for name in emulators:
        (repo / name).mkdir()
        team = f"groups:\n  - name: {name.upper()} team\n"
        (repo / name / "groups.yaml").write_text(team, encoding="utf-8")
        own = f"version: 1\nworkspace:\n  org_id: {ORGS[name]}\n"  # the base layer's: Acme's
        (repo / name / "workspace.yaml").write_text(own, encoding="utf-8")
    (repo / "hexsync.yaml").write_text(
        "version: 1\nworkspaces:\n"
        + "".join(
            f"  - name: {name}\n    api_url: {url}\n    token_env: HEX_TOKEN_{name.upper()}\n"
            f"    manifests: [base/, {name}/]\n"
            for name, url in emulators.items()
        ),
        encoding="utf-8",
    )


def tokens_seen(url: str) -> set[str]:
    """The tokens an emulator received, by their fingerprints."""
    stats = httpx.get(f"{url}/_emulator/stats").json()
    return set(stats["tokens"])


def own_tokens(name: str, *kinds: str) -> set[str]:
    return {token_fingerprint(TOKENS[name][kind]) for kind in kinds}


def groups_of(url: str) -> set[str]:
    return {g["name"] for g in httpx.get(f"{url}/_emulator/state").json()["groups"]}
