"""``hexsync emulator serve`` as users run it: a separate process on a real socket."""

from __future__ import annotations

import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from acme import EXAMPLE_SEED as ACME
from click.testing import CliRunner

from hexsync.cli.main import cli

ROOT = Path(__file__).resolve().parents[2]
ENTRY = "from hexsync.cli.main import main; main()"
WAIT = 20.0  # seconds: generous, only ever waited on when something is wrong


@dataclass
class Served:
    process: subprocess.Popen[str]
    url: str
    banner: str


def start(*args: str) -> tuple[subprocess.Popen[str], queue.Queue[str]]:
    """Run ``hexsync ARGS`` in a fresh interpreter; its stdout lines arrive on the queue."""
    process = subprocess.Popen(
        [sys.executable, "-c", ENTRY, *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    lines: queue.Queue[str] = queue.Queue()

    def pump() -> None:
        assert process.stdout is not None
        with process.stdout:
            for line in process.stdout:
                lines.put(line)

    threading.Thread(target=pump, daemon=True).start()
    return process, lines


def stop(process: subprocess.Popen[str], *, signal_it: bool = True) -> tuple[int, str]:
    """SIGTERM (unless it exits by itself), wait, and return the exit code and stderr."""
    if signal_it and process.poll() is None:
        process.send_signal(signal.SIGTERM)
    try:
        code = process.wait(timeout=WAIT)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=WAIT)
    assert process.stderr is not None
    with process.stderr:
        return code, process.stderr.read()


def first_line(process: subprocess.Popen[str], lines: queue.Queue[str]) -> str | None:
    """The first stdout line, or None if the process ends or WAIT passes first."""
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        try:
            return lines.get(timeout=0.1)
        except queue.Empty:
            if process.poll() is not None and lines.empty():
                return None
    return None


def serve() -> Served:
    """``hexsync emulator serve`` on the acme seed, once it has printed its URL."""
    process, lines = start(
        "emulator", "serve", "--seed", str(ACME), "--port", "0", "--time-scale", "60", "-v"
    )
    banner = first_line(process, lines)
    if banner is None:
        code, err = stop(process)
        pytest.fail(f"the emulator printed no URL (exit {code}): {err}")
    match = re.search(r"http://127\.0\.0\.1:(\d+)", banner)
    assert match, banner
    return Served(process, match.group(0), banner)


@pytest.mark.slow
def test_serve_prints_its_url_and_answers_with_a_seeded_token(served: Served) -> None:
    assert served.banner.startswith("hexsync emulator listening on http://127.0.0.1:")
    assert f"(seed: {ACME})" in served.banner
    assert int(served.url.rsplit(":", 1)[1]) > 0
    response = httpx.get(
        served.url + "/api/v1/users/me",
        headers={"Authorization": "Bearer hxtp_alice"},
        timeout=WAIT,
    )
    assert response.status_code == 200
    assert response.json()["email"] == "alice@acme.com"
    unknown = httpx.get(
        served.url + "/api/v1/users/me", headers={"Authorization": "Bearer hxtp_x"}, timeout=WAIT
    )
    assert unknown.status_code == 401


@pytest.mark.slow
def test_over_a_socket_a_committed_post_can_lose_its_answer(served: Served) -> None:
    token = {"Authorization": "Bearer hxtw_demo"}
    with httpx.Client(base_url=served.url, timeout=WAIT) as client:
        scheduled = client.post(
            "/_emulator/faults",
            json={"operationId": "CreateGroup", "kind": "commit_then_timeout"},
        )
        assert scheduled.status_code == 201
        with pytest.raises(httpx.TransportError):
            client.post("/api/v1/groups", headers=token, json={"name": "Partners"})
        names = [g["name"] for g in client.get("/api/v1/groups", headers=token).json()["values"]]
        assert "Partners" in names

        client.post("/_emulator/faults", json={"operationId": "GetGroup", "kind": "drop"})
        with pytest.raises(httpx.RemoteProtocolError):
            client.get("/api/v1/groups/00000000-0000-0000-0000-000000000000", headers=token)


@pytest.mark.slow
def test_sigterm_stops_it_cleanly_and_requests_are_logged_without_tokens() -> None:
    served = serve()  # its own: stopping the module's would fail the tests that run after
    for token in ("hxtp_alice", "hxtw_demo"):
        me = httpx.get(
            served.url + "/api/v1/users/me",
            headers={"Authorization": f"Bearer {token}"},
            timeout=WAIT,
        )
        assert me.status_code == 200, me.text
    code, err = stop(served.process)
    assert code == 0, err
    assert "Traceback" not in err
    assert "GET /api/v1/users/me" in err  # -v logs requests…
    assert "hxtp_alice" not in err  # …never the token
    assert "hxtw_demo" not in err


@pytest.mark.slow
def test_a_bad_seed_is_one_clear_error_with_file_and_line(tmp_path: Path) -> None:
    seed = tmp_path / "seed.yaml"
    seed.write_text(
        "org: {id: 5a8591dd-4039-49df-9202-96385ba3eff8, name: Acme}\n"
        "users:\n"
        "  - {email: alice@acme.com, role: WIZARD}\n",
        encoding="utf-8",
    )
    process, _ = start("emulator", "serve", "--seed", str(seed), "--port", "0")
    code, err = stop(process, signal_it=False)
    assert code == 1
    assert f"{seed}:3" in err
    assert "Traceback" not in err


def test_a_non_loopback_host_is_refused_without_allow_remote() -> None:
    result = CliRunner().invoke(
        cli, ["emulator", "serve", "--seed", str(ACME), "--host", "0.0.0.0"]
    )
    assert result.exit_code == 1
    assert "not a loopback address" in result.output
    assert "--allow-remote" in result.output


def test_rate_limit_options_are_checked() -> None:
    runner = CliRunner()
    bad = runner.invoke(cli, ["emulator", "serve", "--seed", str(ACME), "--rate-limit", "x=1"])
    assert bad.exit_code == 1
    assert "bad --rate-limit 'x=1'" in bad.output
    both = runner.invoke(
        cli,
        [
            "emulator",
            "serve",
            "--seed",
            str(ACME),
            "--no-rate-limit",
            "--rate-limit",
            "hex-api=1/s",
        ],
    )
    assert both.exit_code == 1
    assert "exclude each other" in both.output
