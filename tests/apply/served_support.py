"""Subprocess helpers: ``hexsync emulator serve`` and ``hexsync …`` as separate processes, as
an admin runs them (imported by name: pytest puts this folder on sys.path)."""

from __future__ import annotations

import os
import queue
import re
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from acme import EXAMPLE_SEED

ROOT = Path(__file__).resolve().parents[2]
ENTRY = "from hexsync.cli.main import main; main()"
WAIT = 60.0  # seconds; only ever waited out when something is wrong (a loaded CI machine is slow)


@dataclass
class Proc:
    """A process whose stdout and stderr lines are collected as they arrive."""

    process: subprocess.Popen[str]
    lines: queue.Queue[tuple[str, str]] = field(default_factory=queue.Queue)
    out: list[str] = field(default_factory=list)
    err: list[str] = field(default_factory=list)
    pumps: list[threading.Thread] = field(default_factory=list)

    def wait_for(self, pattern: str, stream: str = "err", timeout: float = WAIT) -> str:
        """The first line of ``stream`` matching ``pattern`` (earlier lines are kept)."""
        regex = re.compile(pattern)
        for line in self.out if stream == "out" else self.err:
            if regex.search(line):
                return line
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                which, line = self.lines.get(timeout=0.1)
            except queue.Empty:
                if self.process.poll() is not None and self.lines.empty():
                    break
                continue
            (self.out if which == "out" else self.err).append(line)
            if which == stream and regex.search(line):
                return line
        raise AssertionError(
            f"no {stream} line matching {pattern!r}; stdout: {''.join(self.out)} "
            f"stderr: {''.join(self.err)}"
        )

    def finish(self, timeout: float = WAIT) -> tuple[int, str, str]:
        """Wait for the exit; (code, stdout, stderr)."""
        try:
            code = self.process.wait(timeout=timeout)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait()
        # Every line is queued once both pumps met the end of their pipe (the process is gone:
        # only a grandchild still holding a pipe open could keep one reading).
        for pump in self.pumps:
            pump.join(timeout=WAIT)
        while not self.lines.empty():
            which, line = self.lines.get()
            (self.out if which == "out" else self.err).append(line)
        return code, "".join(self.out), "".join(self.err)


def run_hexsync(*args: str, env: dict[str, str] | None = None, cwd: Path = ROOT) -> Proc:
    """``hexsync ARGS`` in a fresh interpreter, stdin closed, no terminal."""
    process = subprocess.Popen(
        [sys.executable, "-c", ENTRY, *args],
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1", "NO_COLOR": "1", **(env or {})},
    )
    proc = Proc(process)

    def pump(which: str) -> None:
        stream = process.stdout if which == "out" else process.stderr
        assert stream is not None
        with stream:
            for line in stream:
                proc.lines.put((which, line))

    for which in ("out", "err"):
        thread = threading.Thread(target=pump, args=(which,), daemon=True)
        thread.start()
        proc.pumps.append(thread)
    return proc


def serve_emulator(*args: str, seed: Path = EXAMPLE_SEED) -> tuple[Proc, str]:
    """``hexsync emulator serve --port 0`` on ``seed``; (process, URL) once it listens."""
    proc = run_hexsync(
        "emulator", "serve", "--seed", str(seed), "--port", "0", "--time-scale", "60", *args
    )
    line = proc.wait_for(r"http://127\.0\.0\.1:\d+", stream="out")
    match = re.search(r"http://127\.0\.0\.1:\d+", line)
    assert match is not None
    return proc, match.group(0)


def stop(proc: Proc) -> None:
    if proc.process.poll() is None:
        proc.process.terminate()
        try:
            proc.process.wait(timeout=WAIT)
        except subprocess.TimeoutExpired:
            proc.process.kill()
            proc.process.wait()
