"""A plain install works anywhere: build the wheel, install it in a fresh virtualenv outside the
repository, and run ``hexsync demo`` there (the issue's "install anywhere")."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


def _run(args: list[str], cwd: Path, timeout: float) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    env["NO_COLOR"] = "1"
    return subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


@pytest.mark.timeout(600)
def test_wheel_installed_in_a_fresh_venv_runs_the_demo_anywhere(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    # The default of `python -m build`: an sdist, then the wheel built from that sdist, so a
    # file the sdist forgets is missing from the wheel too.
    built = _run([sys.executable, "-m", "build", "--outdir", str(dist), str(ROOT)], tmp_path, 300)
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-2000:]
    (wheel,) = dist.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "hexsync/examples/acme/seed.yaml" in names
    assert "hexsync/examples/acme/manifests/policy.yaml" in names
    assert "hexsync/schemas/plan.schema.json" in names
    assert not any(n.endswith("make_seed.py") for n in names)

    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    installed = _run(
        [str(bin_dir / "python"), "-m", "pip", "install", "--quiet", f"{wheel}[emulator]"],
        tmp_path,
        300,
    )
    assert installed.returncode == 0, installed.stderr[-2000:]

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    demo = _run([str(bin_dir / "hexsync"), "demo"], elsewhere, 120)
    assert demo.returncode == 0, demo.stdout[-3000:] + demo.stderr[-2000:]
    assert "ok: 13 files" in demo.stdout
    # It ends with the second plan: no changes.
    last_step = demo.stdout.split("4. Plan again")[1]
    assert "No changes." in last_step
    assert str(ROOT) not in demo.stdout  # the example came from the installed package

    validate = _run([str(bin_dir / "hexsync"), "validate", str(ROOT / "examples")], elsewhere, 60)
    assert validate.returncode == 0, validate.stdout + validate.stderr
