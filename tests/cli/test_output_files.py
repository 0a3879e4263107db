"""Files hexsync writes: never over a device, pipe, socket or directory; modes as an editor's;
never through another user's symbolic link in a shared folder.

``plan --out``, ``export --out``, the MCP ``save_to`` and the emulator's ``--state`` as a user
runs them (click's runner, the emulator on loopback, real files, a real FIFO).
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import socket
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from acme import EXAMPLE_MANIFESTS as MANIFESTS
from acme import EXAMPLE_SEED, EXAMPLE_TOKEN, serving_example
from click.testing import CliRunner, Result

from hexsync.cli.main import cli
from hexsync.hexapi import HexClient
from hexsync.manifest import load
from hexsync.mcp.context import ToolContext
from hexsync.mcp.server import ToolError
from hexsync.mcp.tools.manifests import plan as plan_tool

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


# Another user's symbolic link in a shared folder (/tmp, or any sticky or world-writable one):
# resolved in user space, it bypasses the kernel's protected_symlinks, and as root hexsync would
# replace whatever file the link points at. The test runs as root, as this machine does.
as_root = pytest.mark.skipif(os.geteuid() != 0, reason="needs root: lchown to another user")
NOBODY = 65534
PRECIOUS = "root's own, 0600\n"


@pytest.fixture
def foreign_link(tmp_path: Path) -> Path:
    """``shared/out.json`` (shared: sticky and world-writable, as /tmp) is a link that another
    user owns, pointing at root's 0600 ``private/secret``."""
    secret = tmp_path / "private" / "secret"
    secret.parent.mkdir()
    secret.write_text(PRECIOUS, encoding="utf-8")
    secret.chmod(0o600)
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    link = shared / "out.json"
    link.symlink_to(secret)
    os.lchown(link, NOBODY, NOBODY)
    return link


def _untouched(link: Path) -> None:
    secret = link.parent.parent / "private" / "secret"
    assert secret.read_text(encoding="utf-8") == PRECIOUS
    assert mode(secret) == 0o600
    assert link.is_symlink()
    assert sorted(p.name for p in link.parent.iterdir()) == ["out.json"]  # no stray temp file


def _refused(result: Result, link: Path) -> None:
    line = one_error_line(result)
    assert f"{link} is a symbolic link owned by uid {NOBODY}" in line, line
    assert "hexsync does not follow another user's link there" in line
    _untouched(link)


@as_root
@pytest.mark.parametrize(
    "command",
    [
        ["plan", str(MANIFESTS), "--out"],
        ["drift", str(MANIFESTS), "--out"],
        ["access", "report", "--out"],
        ["schema", "--out"],
    ],
    ids=["plan", "drift", "access-report", "schema"],
)
def test_out_through_another_users_link_in_a_shared_folder_is_refused(
    url: str, foreign_link: Path, command: list[str]
) -> None:
    result = run(url, *command, str(foreign_link))
    _refused(result, foreign_link)
    assert "Reading workspace" not in result.stderr  # refused before any request


@as_root
def test_export_into_another_users_link_in_a_shared_folder_is_refused(
    url: str, tmp_path: Path
) -> None:
    elsewhere = tmp_path / "private"
    elsewhere.mkdir(mode=0o700)
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    link = shared / "manifests"
    link.symlink_to(elsewhere)
    os.lchown(link, NOBODY, NOBODY)
    result = run(url, "export", "--out", str(link))
    line = one_error_line(result)
    assert f"{link} is a symbolic link owned by uid {NOBODY}" in line, line
    assert list(elsewhere.iterdir()) == []


@as_root
def test_mcp_save_to_through_another_users_link_is_refused(url: str, tmp_path: Path) -> None:
    root = tmp_path / "server"
    shutil.copytree(MANIFESTS, root / "manifests")
    secret = root / "private" / "secret.json"
    secret.parent.mkdir()
    secret.write_text(PRECIOUS, encoding="utf-8")
    secret.chmod(0o600)
    shared = root / "shared"
    shared.mkdir()
    shared.chmod(0o1777)
    link = shared / "plan.json"
    link.symlink_to(secret)
    os.lchown(link, NOBODY, NOBODY)

    async def save() -> str:
        async with HexClient(EXAMPLE_TOKEN, url, pacing=False) as client:
            manifests = root / "manifests"
            policy = load([str(manifests)]).policy  # the server's, as --manifests gives it
            context = ToolContext(
                client, manifests=manifests, root=root, allow_writes=True, policy=policy
            )
            with pytest.raises(ToolError) as refused:
                await plan_tool(context, {"save_to": "shared/plan.json"})
            return str(refused.value)

    message = asyncio.run(save())
    assert f"is a symbolic link owned by uid {NOBODY}" in message, message
    assert secret.read_text(encoding="utf-8") == PRECIOUS
    assert link.is_symlink()


@as_root
def test_links_the_user_or_the_folders_owner_made_are_still_followed(
    url: str, foreign_link: Path, tmp_path: Path
) -> None:
    os.lchown(foreign_link, 0, 0)  # root's own link in the shared folder
    assert run(url, "schema", "--out", str(foreign_link)).exit_code == 0
    secret = tmp_path / "private" / "secret"
    assert json.loads(secret.read_text(encoding="utf-8"))["$schema"]
    # Another user's link in that user's own folder, which nobody else can write to.
    theirs = tmp_path / "theirs"
    theirs.mkdir(mode=0o755)
    os.chown(theirs, NOBODY, NOBODY)
    link = theirs / "out.json"
    link.symlink_to(tmp_path / "private" / "other")
    os.lchown(link, NOBODY, NOBODY)
    assert run(url, "schema", "--out", str(link)).exit_code == 0
    assert (tmp_path / "private" / "other").is_file()
