"""Helpers shared by commands that read the workspace and write files (``plan``, ``export``)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TextIO

__all__ = ["Progress", "write_atomically"]


class Progress:
    """``Reading workspace at URL · N requests`` on stderr: redrawn on a TTY, else one line."""

    def __init__(self, url: str, stream: TextIO) -> None:
        self.url, self.stream = url, stream
        self.tty = stream.isatty()
        self.count = 0

    def line(self) -> str:
        return f"Reading workspace at {self.url} · {self.count} requests"

    def __call__(self, count: int) -> None:
        self.count = count
        if self.tty:
            self.stream.write(f"\r{self.line()}")
            self.stream.flush()

    def done(self) -> None:
        self.stream.write(("\r" if self.tty else "") + self.line() + "\n")
        self.stream.flush()


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file beside it, so no half file exists."""
    fd, tmp = tempfile.mkstemp(dir=path.parent or Path("."), prefix=f".{path.name}.")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
