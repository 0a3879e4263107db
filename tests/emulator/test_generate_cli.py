"""``hexsync emulator seed`` writes a test workspace of any size; ``emulator serve`` says which
tokens to use and when it stops (issue 29, item 14)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from click.testing import CliRunner

from hexsync.cli.main import cli
from hexsync.emulator.seed import load_seed


def _generate(tmp_path: Path, name: str, *args: str) -> Path:
    out = tmp_path / name
    result = CliRunner().invoke(cli, ["emulator", "seed", "--out", str(out), *args])
    assert result.exit_code == 0, result.output
    assert f"Wrote {out}: " in result.stdout
    return out


def test_a_generated_seed_has_what_was_asked_and_loads(tmp_path: Path) -> None:
    out = _generate(
        tmp_path,
        "big.yaml",
        "--projects",
        "250",
        "--users",
        "40",
        "--groups",
        "7",
        "--collections",
        "3",
    )
    seed = load_seed(out)
    data = seed.data
    assert (len(data["projects"]), len(data["users"])) == (250, 40)
    assert (len(data["groups"]), len(data["collections"])) == (7, 3)
    assert {u["role"] for u in data["users"]} >= {"ADMIN", "GUEST"}
    assert any(p["sharing"]["public_web"] != "NONE" for p in data["projects"])


def test_the_same_numbers_give_the_same_file(tmp_path: Path) -> None:
    a = _generate(tmp_path, "a.yaml", "--projects", "20", "--seed-number", "7")
    b = _generate(tmp_path, "b.yaml", "--projects", "20", "--seed-number", "7")
    c = _generate(tmp_path, "c.yaml", "--projects", "20", "--seed-number", "8")
    assert a.read_bytes() == b.read_bytes()
    assert a.read_bytes() != c.read_bytes()


def test_serve_prints_the_tokens_and_says_when_it_stops(tmp_path: Path) -> None:
    out = _generate(tmp_path, "s.yaml", "--projects", "5", "--users", "3")
    process = subprocess.Popen(
        [sys.executable, "-m", "hexsync", "emulator", "serve", "--seed", str(out), "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "NO_COLOR": "1"},
    )
    try:
        assert process.stdout is not None
        lines = [process.stdout.readline() for _ in range(4)]
        assert lines[0].startswith("hexsync emulator listening on http://127.0.0.1:")
        assert "token hxtw_generated (workspace)" in "".join(lines)
        assert "token hxtp_generated_admin (personal of user00000@example.test)" in "".join(lines)
        time.sleep(0.2)
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0
    assert "hexsync emulator stopped" in err
