"""Writing a file hexsync produces (a plan, manifests, a report) for any face: never half a
file, never through a device, a pipe or a directory, nor through another user's symbolic link
in a shared folder."""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path

from hexsync.errors import ConfigError

__all__ = ["check_regular", "resolve_output", "write_atomically"]

_MAX_LINKS = 40  # as the kernel's ELOOP


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


def _owner(uid: int) -> str:
    try:
        import pwd  # noqa: PLC0415 - POSIX only

        return f"uid {uid} ({pwd.getpwuid(uid).pw_name})"
    except (ImportError, KeyError):
        return f"uid {uid}"


def resolve_output(path: Path, option: str = "output") -> Path:
    """``path`` with every symbolic link on it resolved, refusing (ConfigError) to follow a link
    in a folder that is sticky or that anyone can write to (``/tmp``) unless the user or the
    folder's owner owns the link.

    Resolving in user space (``realpath``) bypasses the kernel's ``fs.protected_symlinks``: as
    root, another user's link in ``/tmp`` would otherwise point hexsync's output at any file.
    This is the kernel's rule, made stricter (a world-writable folder without the sticky bit
    counts too). A part that does not exist is taken as written (``..`` after it goes back).
    """
    geteuid = getattr(os, "geteuid", None)
    if geteuid is None:  # no owners to compare (Windows)
        return Path(os.path.realpath(path))
    uid = geteuid()
    todo = list(Path(path).parts)
    current = Path(os.getcwd())  # already free of links
    hops = 0
    while todo:
        part = todo.pop(0)
        if Path(part).is_absolute():
            current = Path(part)
            continue
        if part in ("", "."):
            continue
        if part == "..":
            current = current.parent
            continue
        candidate = current / part
        try:
            info = os.lstat(candidate)
        except (FileNotFoundError, NotADirectoryError):
            current = candidate  # missing: taken as it is written, as realpath does
            continue
        except OSError as exc:
            raise ConfigError(f"{option} {path}: cannot check it: {exc.strerror or exc}") from exc
        if not stat.S_ISLNK(info.st_mode):
            current = candidate
            continue
        hops += 1
        if hops > _MAX_LINKS:
            raise ConfigError(f"{option} {path}: too many levels of symbolic links")
        folder = os.stat(current)
        shared = folder.st_mode & (stat.S_ISVTX | stat.S_IWOTH)
        if shared and info.st_uid not in (uid, folder.st_uid):
            kind = "sticky" if folder.st_mode & stat.S_ISVTX else "world-writable"
            raise ConfigError(
                f"{option} {path}: {candidate} is a symbolic link owned by "
                f"{_owner(info.st_uid)} in {current}, a {kind} folder that others write to; "
                "hexsync does not follow another user's link there (it could point at any "
                "file you can write)",
                hint="write to a path of your own, not through that link",
            )
        todo = list(Path(os.readlink(candidate)).parts) + todo
    return current


def write_atomically(path: Path, text: str, *, option: str = "output") -> None:
    """Write ``text`` to ``path`` as an editor would, through a temporary file beside it, so
    no half file ever exists.

    An existing path must be a regular file (:func:`check_regular`); a symlink is written
    through, to its target, unless it is another user's in a shared folder
    (:func:`resolve_output`). A new file gets 0666 less the umask; an overwritten one keeps its
    mode.
    """
    target = resolve_output(path, option)
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
