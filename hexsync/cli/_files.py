"""Helpers shared by commands that read the workspace and write files (``plan``, ``export``).

Every file hexsync writes (``plan``, ``export``, ``drift``, ``access report``, ``schema``, the
MCP server's ``save_to``) goes through :func:`write_atomically`, and its path through
:func:`resolve_output`; those two and ``check_regular`` are :mod:`hexsync.ops.files` (the MCP
tools write too).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

import click

from hexsync.errors import ConfigError, plural
from hexsync.ops.files import check_regular, resolve_output, write_atomically
from hexsync.readers.tables import TablesProgress
from hexsync.render._common import duration

__all__ = [
    "ReadCounter",
    "check_regular",
    "check_writable_dir",
    "check_writable_file",
    "resolve_output",
    "tables_progress",
    "write_atomically",
]


class ReadCounter:
    """The requests a workspace read has made so far, as ``Reading workspace at URL · N
    requests`` on stderr: redrawn on a TTY, else one line when done. (Not
    :class:`hexsync.apply.report.Progress`, one change of an apply finished.)"""

    def __init__(self, url: str, stream: TextIO) -> None:
        self.url, self.stream = url, stream
        self.tty = stream.isatty()
        self.count = 0

    def line(self) -> str:
        many = "request" if self.count == 1 else "requests"
        return f"Reading workspace at {self.url} · {self.count} {many}"

    def __call__(self, count: int) -> None:
        self.count = count
        if self.tty:
            self.stream.write(f"\r{self.line()}")
            self.stream.flush()

    def done(self) -> None:
        self.stream.write(("\r" if self.tty else "") + self.line() + "\n")
        self.stream.flush()


def tables_progress(stream: TextIO) -> Callable[[TablesProgress], None]:
    """``Queried tables: N of M projects read, about T left`` on ``stream``: at the start, every
    100 projects and at the end (a first read of a large workspace takes hours)."""

    def shown(p: TablesProgress) -> None:
        if p.done == 0 or p.done % 100 == 0 or p.done == p.todo:
            left = p.todo - p.done
            stream.write(
                f"Queried tables: {p.done:,} of {plural(p.todo, 'project')} read"
                + (f", about {duration(p.seconds_left)} left" if left else "")
                + "\n"
            )
            stream.flush()

    return shown


def _nearest_existing(path: Path) -> Path:
    for candidate in (path, *path.parents):
        if candidate.exists():
            return candidate
    return Path(".")


def check_writable_file(path: Path, option: str) -> None:
    """Fail before any request when ``path`` cannot be written (its folder must exist, and
    an existing ``path`` must be a regular file, reached through no other user's link in a
    shared folder)."""
    resolve_output(path, option)
    check_regular(path, option)
    folder = path.parent
    if not folder.is_dir():
        raise ConfigError(
            f"{option} {path}: the folder {folder} does not exist",
            hint=f"create it first (mkdir -p {folder}), or write the file elsewhere",
        )
    if not os.access(folder, os.W_OK):
        raise ConfigError(f"{option} {path}: the folder {folder} is not writable")


def check_writable_dir(path: Path, option: str) -> None:
    """Fail before any request when ``path`` is not, and cannot become, a writable directory
    (reached through no other user's link in a shared folder)."""
    resolve_output(path, option)
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


DEFAULT_MANIFESTS = "manifests"  # where export writes and the pre-commit hook looks by default


def manifest_paths(paths: tuple[str, ...]) -> tuple[str, ...]:
    """``PATHS``, or ``manifests/`` when none is given (as export and the pre-commit hook)."""
    if paths:
        return paths
    ctx = click.get_current_context(silent=True)
    chosen = getattr(ctx.find_root().obj, "workspace_name", None) if ctx is not None else None
    if chosen is not None:
        raise ConfigError(
            f"this command reads one manifest tree, not workspace '{chosen}''s layers",
            hint="give the manifest files or folder to read (with -w, its host and token"
            " are still the workspace's)",
        )
    if not Path(DEFAULT_MANIFESTS).is_dir():
        raise ConfigError(
            f"no manifests given, and there is no ./{DEFAULT_MANIFESTS} directory here",
            hint="give the manifest files or directories, e.g. hexsync plan path/to/manifests",
        )
    return (DEFAULT_MANIFESTS,)
