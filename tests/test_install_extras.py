"""What a plain install brings: everything plan, apply and drift need, and not the emulator's web
stack (starlette, uvicorn), which a CI job holding the admin token used to get with hexsync
(issue 29, item 8). The emulator is the `emulator` extra; without it, the two commands that serve
it say which extra to install."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from importlib.metadata import requires
from pathlib import Path

import pytest
from acme import EXAMPLE_MANIFESTS, EXAMPLE_TOKEN, serving_example
from click.testing import CliRunner

from hexsync.cli.main import cli

WEB_STACK = ("starlette", "uvicorn")


def _name(requirement: str) -> str:
    """The distribution's name of a requirement (``uvicorn>=0.29; extra == "emulator"``)."""
    return re.split(r"[\s;\[<>=!~]", requirement, maxsplit=1)[0]


def test_a_plain_install_does_not_bring_the_emulators_web_stack() -> None:
    declared = requires("hexsync") or []
    plain = {_name(r).lower() for r in declared if "extra ==" not in r}
    emulator = {_name(r).lower() for r in declared if 'extra == "emulator"' in r}
    assert {"httpx", "click", "pyyaml"} <= plain  # what plan, apply and drift run on
    assert not plain & set(WEB_STACK)
    assert emulator == set(WEB_STACK)


# A fresh interpreter where starlette and uvicorn cannot be imported, as in a CI job's venv
# installed from the plain requirements.
WITHOUT_WEB_STACK = (
    "import sys\n"
    "sys.modules['starlette'] = sys.modules['uvicorn'] = None\n"
    "from hexsync.cli._entry import main\n"
    "sys.argv = ['hexsync', *sys.argv[1:]]\n"
    "main()\n"
)


def _without_web_stack(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "HEX_API_TOKEN": EXAMPLE_TOKEN, "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-c", WITHOUT_WEB_STACK, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.mark.slow
def test_plan_and_drift_run_without_the_web_stack(tmp_path: Path) -> None:
    with serving_example() as url:
        plan = _without_web_stack(
            "--api-url", url, "--rate-limit", "off", "plan", str(EXAMPLE_MANIFESTS),
            "--out", str(tmp_path / "plan.json"), "--detailed-exitcode",
        )  # fmt: skip
        assert plan.returncode == 2, plan.stderr
        assert (tmp_path / "plan.json").is_file()
        drift = _without_web_stack(
            "--api-url", url, "--rate-limit", "off", "drift", str(EXAMPLE_MANIFESTS)
        )
        assert drift.returncode == 2, drift.stderr


@pytest.mark.parametrize(
    ("args", "command"),
    [
        (["emulator", "serve", "--seed", "seed.yaml", "--port", "0"], "emulator serve"),
        (["demo"], "demo"),
    ],
)
def test_serving_the_emulator_without_its_extra_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, args: list[str], command: str
) -> None:
    for name in WEB_STACK:
        monkeypatch.setitem(sys.modules, name, None)  # not installed
    done = CliRunner().invoke(cli, args)
    assert done.exit_code == 1
    assert f"`hexsync {command}` serves the emulator, which needs starlette and uvicorn" in (
        done.output
    )
    assert "hint: pip install 'hexsync[emulator]'" in done.output
    assert "Traceback" not in done.output
