"""The client over a real loopback socket (uvicorn in a thread), -v included."""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn
from hexapi_support import TOKEN, small_seed

from hexsync.emulator.app import create_app
from hexsync.emulator.clock import Clock
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import Seed
from hexsync.hexapi import AmbiguousCreateError, HexClient, RetryPolicy

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def server_url() -> Iterator[str]:
    seed = Seed.from_dict(small_seed())
    config = EmulatorConfig(rate_limits=None, time_scale=1000.0)
    app = create_app(seed, config, clock=Clock(config.time_scale))
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="critical", access_log=False))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "emulator did not start"
        time.sleep(0.01)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


def _schedule(url: str, spec: object) -> None:
    httpx.post(f"{url}/_emulator/faults", json=spec).raise_for_status()


def test_the_client_reads_over_loopback_and_retries_a_dropped_connection(
    server_url: str,
) -> None:
    async def run() -> tuple[object, list[str], list[str], HexClient]:
        async with HexClient(TOKEN, server_url, pacing=False, retry=RetryPolicy(base=0.01)) as c:
            me = await c.me()
            users = [u.email async for u in c.iter_users()]
            _schedule(server_url, {"operationId": "ListGroups", "kind": "drop", "count": 1})
            groups = [g.name async for g in c.iter_groups()]
            return me, users, groups, c

    me, users, groups, client = asyncio.run(run())
    assert me.org_id  # type: ignore[attr-defined]
    assert "alice@acme.com" in users
    assert groups[:1] == ["Analysts"]
    assert client.counters.retries["ListGroups"] == 1  # the dropped connection was retried


def test_a_create_cut_off_over_a_socket_is_ambiguous_and_sent_once(server_url: str) -> None:
    _schedule(server_url, {"operationId": "CreateCollection", "kind": "commit_then_timeout"})

    async def run() -> tuple[list[str], HexClient]:
        async with HexClient(TOKEN, server_url, pacing=False, timeout=5.0) as c:
            with pytest.raises(AmbiguousCreateError):
                await c.create_collection("Loopback")
            return [x.name async for x in c.iter_collections()], c

    names, client = asyncio.run(run())
    assert client.counters.requests["CreateCollection"] == 1
    assert names.count("Loopback") == 1


SCRIPT = """
import sys
from dataclasses import dataclass
from pathlib import Path
import asyncio
from hexsync.cli.client_factory import build_client
from hexsync.hexapi import HexApiError

@dataclass(frozen=True)
class Opts:
    api_url: str
    token_file: Path | None = None
    verbose: int = 1
    rate_limit: str | None = "20/min"

async def main() -> None:
    async with build_client(Opts(sys.argv[1])) as client:
        print((await client.me()).org_id)
        print(len([p async for p in client.iter_projects(include_sharing=True)]))
        try:
            await client.get_group("00000000-0000-0000-0000-000000000000")
        except HexApiError as exc:
            print(f"error: {exc}", file=sys.stderr)

asyncio.run(main())
"""


def test_verbose_output_of_a_real_process_never_holds_the_token(
    server_url: str, tmp_path: Path
) -> None:
    script = tmp_path / "use_client.py"
    script.write_text(SCRIPT)
    env = {**os.environ, "HEX_API_TOKEN": TOKEN, "NO_COLOR": "1"}
    done = subprocess.run(
        [sys.executable, str(script), server_url],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "GET /api/v1/users/me -> 200" in done.stderr
    assert "GET /api/v1/projects?includeSharing=true&limit=100 -> 200" in done.stderr
    assert "-> 404" in done.stderr
    assert "error: GetGroup:" in done.stderr
    assert TOKEN not in done.stdout
    assert TOKEN not in done.stderr
    for path in tmp_path.rglob("*"):
        if path.is_file():
            assert TOKEN not in path.read_text(errors="replace")
    assert json.dumps(TOKEN) not in done.stderr
