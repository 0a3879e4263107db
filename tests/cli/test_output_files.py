"""Files hexsync writes: never over a device, pipe, socket or directory; modes as an editor's.

``plan --out``, ``export --out``, the MCP ``save_to`` and the emulator's ``--state`` as a user
runs them (click's runner, the emulator on loopback, real files, a real FIFO).
"""

from __future__ import annotations

import json
import os
import socket
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from acme import EXAMPLE_MANIFESTS as MANIFESTS
from acme import EXAMPLE_SEED, EXAMPLE_TOKEN, serving_example
from click.testing import CliRunner, Result

from hexsync.cli.main import cli

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def url() -> Iterator[str]:
    with serving_example() as b:
        yield b


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(old)


def run(url: str, *args: str) -> Result:
    env = {"HEX_API_URL": url, "HEX_API_TOKEN": EXAMPLE_TOKEN, "NO_COLOR": "1"}
    return CliRunner().invoke(cli, ["--rate-limit", "off", *args], env=env)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def one_error_line(result: Result) -> str:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    lines = [line for line in result.stderr.splitlines() if not line.startswith("hint: ")]
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_plan_out_to_a_fifo_is_refused_and_the_fifo_stays(url: str, tmp_path: Path) -> None:
    fifo = tmp_path / "plan.json"
    os.mkfifo(fifo)
    result = run(url, "plan", str(MANIFESTS), "--out", str(fifo))
    line = one_error_line(result)
    assert line == (
        f"error: --out {fifo}: a named pipe (FIFO), not a regular file; hexsync writes only "
        "regular files"
    )
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert "Reading workspace" not in result.stderr  # refused before any request


def test_plan_out_to_a_socket_and_through_a_symlink_to_a_fifo_are_refused(
    url: str, tmp_path: Path
) -> None:
    sock_path = tmp_path / "s.json"
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind(str(sock_path))
        line = one_error_line(run(url, "plan", str(MANIFESTS), "--out", str(sock_path)))
        assert "a socket, not a regular file" in line
        assert stat.S_ISSOCK(os.lstat(sock_path).st_mode)
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    link = tmp_path / "link.json"
    link.symlink_to(fifo)
    line = one_error_line(run(url, "plan", str(MANIFESTS), "--out", str(link)))
    assert "a named pipe (FIFO)" in line
    assert link.is_symlink()
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_export_refuses_a_fifo_where_a_manifest_would_go(url: str, tmp_path: Path) -> None:
    out = tmp_path / "manifests"
    out.mkdir()
    os.mkfifo(out / "groups.yaml")
    result = run(url, "export", "--out", str(out), "--force")
    line = one_error_line(result)
    assert f"--out {out / 'groups.yaml'}: a named pipe (FIFO)" in line
    assert stat.S_ISFIFO(os.lstat(out / "groups.yaml").st_mode)
    assert sorted(p.name for p in out.iterdir()) == ["groups.yaml"]  # nothing else written


def test_emulator_state_that_is_a_fifo_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "state.json"
    os.mkfifo(fifo)
    result = CliRunner().invoke(
        cli,
        ["emulator", "serve", "--seed", str(EXAMPLE_SEED), "--state", str(fifo)],
    )
    line = one_error_line(result)
    assert f"--state {fifo}: a named pipe (FIFO)" in line
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_new_files_are_0644_under_umask_022_and_overwritten_ones_keep_their_mode(
    url: str, tmp_path: Path, umask_022: None
) -> None:
    plan = tmp_path / "plan.json"
    assert run(url, "plan", str(MANIFESTS), "--out", str(plan)).exit_code == 0
    assert mode(plan) == 0o644  # not mkstemp's 0600
    plan.chmod(0o640)
    assert run(url, "plan", str(MANIFESTS), "--out", str(plan)).exit_code == 0
    assert mode(plan) == 0o640
    assert json.loads(plan.read_text(encoding="utf-8"))["format_version"] == 1
    out = tmp_path / "manifests"
    assert run(url, "export", "--out", str(out)).exit_code == 0
    assert {p.name: mode(p) for p in out.iterdir()} == {
        "collections.yaml": 0o644,
        "groups.yaml": 0o644,
        "manifest.schema.json": 0o644,  # the local copy the files' $schema points at
        "policy.yaml": 0o644,
        "projects.yaml": 0o644,
    }
    assert run(url, "export", "--out", str(out), "--force").exit_code == 0
    assert {mode(p) for p in out.iterdir()} == {0o644}  # --force keeps 0644


def test_a_stricter_umask_is_respected_and_a_symlink_is_written_through(
    url: str, tmp_path: Path
) -> None:
    old = os.umask(0o027)
    try:
        target = tmp_path / "real.json"
        link = tmp_path / "plan.json"
        link.symlink_to(target)
        assert run(url, "plan", str(MANIFESTS), "--out", str(link)).exit_code == 0
    finally:
        os.umask(old)
    assert link.is_symlink()  # the link stays a link, as an editor leaves it
    assert mode(target) == 0o640
    assert json.loads(target.read_text(encoding="utf-8"))["format_version"] == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.json", "real.json"]
