"""The apply confirmation on a real terminal: a real ``hexsync apply`` in a pseudo-terminal,
against the acme workspace served on loopback. Ctrl-C at the prompt ends it at once (no Enter
needed), exit 130, nothing applied; ``y`` applies, ``n`` cancels."""

from __future__ import annotations

import os
import pty
import select
import signal
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from acme import serving_example
from e2e_support import ENV, MANIFESTS, writes

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX"),
]

PROMPT = b"[y/N]: "


@pytest.fixture
def url() -> Iterator[str]:
    with serving_example() as base:
        yield base


class Terminal:
    """``hexsync ARGS`` with a pseudo-terminal as its controlling terminal (stdin, out, err)."""

    def __init__(self, *args: str) -> None:
        command = [str(Path(sys.executable).parent / "hexsync"), *args]
        env = {**os.environ, **ENV}
        env.pop("NO_COLOR", None)
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: becomes hexsync, the pty its controlling terminal
            os.execve(command[0], command, env)
        self.seen = b""

    def read_until(self, wanted: bytes, timeout: float = 60) -> bytes:
        deadline = time.monotonic() + timeout
        while wanted not in self.seen:
            left = deadline - time.monotonic()
            assert left > 0, f"no {wanted!r} in:\n{self.seen.decode(errors='replace')}"
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready and not self._read():
                break
        return self.seen

    def _read(self) -> bool:
        try:
            data = os.read(self.fd, 4096)
        except OSError:  # the child closed the terminal (EIO on Linux)
            return False
        self.seen += data
        return bool(data)

    def send(self, data: bytes) -> None:
        os.write(self.fd, data)

    def wait(self, timeout: float = 30) -> int:
        """The exit status, reading what is left; fails if the child is still running."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.fd], [], [], 0.1)
            if ready:
                self._read()
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                while self._read():
                    pass
                os.close(self.fd)
                return os.waitstatus_to_exitcode(status)
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        os.close(self.fd)
        raise AssertionError(f"still running:\n{self.seen.decode(errors='replace')}")


def apply_on_a_terminal(url: str) -> Terminal:
    return Terminal("--api-url", url, "--rate-limit", "off", "apply", str(MANIFESTS))


def test_ctrl_c_at_the_prompt_stops_at_once_with_nothing_applied(url: str) -> None:
    term = apply_on_a_terminal(url)
    screen = term.read_until(PROMPT)
    assert b"Apply 8 changes to the workspace at 127.0.0.1:" in screen
    term.send(b"\x03")  # Ctrl-C, through the terminal's line discipline (SIGINT), no Enter
    assert term.wait(timeout=20) == 130
    text = term.seen.decode(errors="replace")
    assert "Traceback" not in text
    assert "nothing was applied" in text
    assert "stale" not in text
    assert "Apply interrupted" not in text
    assert writes(url) == 0


def test_no_at_the_prompt_cancels_and_yes_applies(url: str) -> None:
    term = apply_on_a_terminal(url)
    term.read_until(PROMPT)
    term.send(b"maybe\r")
    term.read_until(b"Please answer y or n.")
    term.send(b"n\r")
    assert term.wait() == 0
    assert "Cancelled: nothing was applied." in term.seen.decode(errors="replace")
    assert writes(url) == 0

    term = apply_on_a_terminal(url)
    term.read_until(PROMPT)
    term.send(b"y\r")
    assert term.wait() == 0, term.seen.decode(errors="replace")
    assert writes(url) > 0
