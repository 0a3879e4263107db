"""Helpers of the CI glue's tests (see conftest.py)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from acme import EXAMPLE_TOKEN as HEX_TOKEN
from click.testing import CliRunner, Result

from hexsync.cli.main import cli

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
