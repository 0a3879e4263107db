"""Helpers shared by commands that read the workspace and write files (``plan``, ``export``)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import TextIO

from hexsync.errors import ConfigError

__all__ = ["Progress", "check_writable_dir", "check_writable_file", "write_atomically"]


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


def _nearest_existing(path: Path) -> Path:
    for candidate in (path, *path.parents):
        if candidate.exists():
            return candidate
    return Path(".")


def check_writable_file(path: Path, option: str) -> None:
    """Fail before any request when ``path`` cannot be written (its folder must exist)."""
    folder = path.parent
    if not folder.is_dir():
        raise ConfigError(
            f"{option} {path}: the folder {folder} does not exist",
            hint=f"create it first (mkdir -p {folder}), or write the file elsewhere",
        )
    if not os.access(folder, os.W_OK):
        raise ConfigError(f"{option} {path}: the folder {folder} is not writable")


def check_writable_dir(path: Path, option: str) -> None:
    """Fail before any request when ``path`` is not, and cannot become, a writable directory."""
    existing = _nearest_existing(path)
    if existing == path and not path.is_dir():
        raise ConfigError(f"{option} {path}: not a directory", hint="give a directory, or '-'")
    if not existing.is_dir():
        raise ConfigError(
            f"{option} {path}: {existing} is a file, so no directory can be made there",
            hint="give a directory, or '-'",
        )
    if not os.access(existing, os.W_OK):
        raise ConfigError(f"{option} {path}: {existing} is not writable")
