"""Writing a file hexsync produces (a plan, manifests, a report) for any face: never half a
file, never through a device, a pipe or a directory."""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path

from hexsync.errors import ConfigError

__all__ = ["check_regular", "write_atomically"]


def _not_regular(mode: int) -> str | None:
    """What a file of ``mode`` is, when it is not a regular file (None when it is)."""
    for test, what in (
        (stat.S_ISDIR, "a directory"),
        (stat.S_ISFIFO, "a named pipe (FIFO)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    ):
        if test(mode):
            return what
    return None if stat.S_ISREG(mode) else "not a regular file"


def check_regular(path: Path, option: str = "output") -> None:
    """Refuse an existing ``path`` (symlinks followed) that is not a regular file: hexsync
    never replaces a device, a pipe, a socket or a directory with its output."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise ConfigError(f"{option} {path}: cannot check it: {exc.strerror or exc}") from exc
    what = _not_regular(mode)
    if what is not None:
        raise ConfigError(
            f"{option} {path}: {what}, not a regular file; hexsync writes only regular files",
            hint="give the path of a regular file (or of one to create)",
        )


def write_atomically(path: Path, text: str, *, option: str = "output") -> None:
    """Write ``text`` to ``path`` as an editor would, through a temporary file beside it, so
    no half file ever exists.

    An existing path must be a regular file (:func:`check_regular`); a symlink is written
    through, to its target. A new file gets 0666 less the umask; an overwritten one keeps its
    mode.
    """
    target = Path(os.path.realpath(path))
    check_regular(target, option)
    try:
        keep: int | None = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        keep = None
    folder = target.parent
    while True:
        tmp = folder / f".{target.name}.{secrets.token_hex(6)}.tmp"
        try:
            # O_EXCL: never through a file or link someone else put there; 0o666 & ~umask.
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
            break
        except FileExistsError:
            continue
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        if keep is not None:
            os.chmod(tmp, keep)
        check_regular(target, option)  # still true just before the replace
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
