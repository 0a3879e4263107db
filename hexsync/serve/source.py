"""Where the controller's manifests come from: a folder, or a git repository that it clones
once and fetches before every sync (with the ``git`` binary), recording the commit it used.
With ``hexsync.yaml``, a workspace's manifests are its :class:`Layers`, read under a root (a
folder, or the checkout) and merged as every command merges them (docs/workspaces.md).

Manifests that did not change since the last sync are not parsed again (10,000 projects take
seconds to load, between two reads that should follow each other closely): a folder's files are
compared by path, size, modification time and change time (a tool may set a file's modification
time back, as ``cp -p`` or ``rsync -t`` do; no tool sets its change time), and a file modified in
the last 2 seconds is always read again (a second edit within the clock's resolution could keep
its times); a repository by the commit, its checkout cleaned of every file the commit does not
hold, so that what is read is the commit and nothing else.
"""

from __future__ import annotations

import asyncio
import os
import re
import time
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Protocol

from hexsync.errors import ConfigError, HexsyncError
from hexsync.manifest import load
from hexsync.manifest.layers import Overrides, load_layers
from hexsync.manifest.load import find_files
from hexsync.values.desired import Desired

__all__ = ["Fetched", "GitSource", "Layers", "ManifestSource", "Source"]

GIT_TIMEOUT = 120.0  # seconds a clone or fetch may take


@dataclass(frozen=True)
class Fetched:
    desired: Desired
    commit: str | None  # None: a plain folder


class Source(Protocol):
    description: str

    async def fetch(self) -> Fetched:
        """The manifests as they are now (raises HexsyncError when they cannot be read)."""


@dataclass(frozen=True)
class Layers:
    """One workspace's layers of ``hexsync.yaml``: paths relative to a root (``base/``,
    ``eu/``), merged in order, then its policy overrides."""

    workspace: str
    relative: tuple[str, ...]
    overrides: Overrides | None = None

    def __post_init__(self) -> None:
        for layer in self.relative:
            pure = PurePosixPath(layer)
            if pure.is_absolute() or ".." in pure.parts:
                raise ConfigError(
                    f"workspace '{self.workspace}': the layer {layer!r} is not inside the"
                    " folder its manifests are read from",
                    hint="hexsync serve reads every layer under one root (--manifests DIR, the"
                    " checkout of --repo, or the folder of hexsync.yaml): keep them below it",
                )

    def under(self, root: Path) -> list[Path]:
        return [root / layer for layer in self.relative]

    def load(self, root: Path) -> Desired:
        return load_layers(
            [[str(path)] for path in self.under(root)],
            overrides=self.overrides,
            relative_to=root,
        )


RACY = 2.0  # seconds: a file modified this recently is read again whatever its time says

Stamp = tuple[tuple[str, int, int, int, int], ...]


def _stamp(paths: list[Path]) -> Stamp | None:
    """Each manifest file's path, size, modification and change times and inode; None when
    one was modified too recently to trust its time (or cannot be seen: then load says why)."""
    files, problems = find_files(paths, Path.cwd())
    if problems:
        return None
    out = []
    now = time.time_ns()
    for path, _shown in files:
        try:
            st = path.stat()
        except OSError:
            return None
        if now - st.st_mtime_ns < RACY * 1e9:
            return None
        out.append((str(path), st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino))
    return tuple(out)


class ManifestSource:
    """``--manifests DIR``: read again at every sync when any file changed (an edit shows at
    the next one). With ``layers``: a workspace's layers under the folder ``root``."""

    def __init__(
        self, paths: list[Path], *, layers: Layers | None = None, root: Path | None = None
    ) -> None:
        self.layers = layers
        self.root = root or Path.cwd()
        self.paths = layers.under(self.root) if layers is not None else paths
        self.description = ", ".join(str(p) for p in self.paths)
        self._last: tuple[Stamp, Fetched] | None = None

    @classmethod
    def layered(cls, root: Path, layers: Layers) -> ManifestSource:
        return cls([], layers=layers, root=root)

    def _load(self) -> Desired:
        if self.layers is not None:
            return self.layers.load(self.root)
        return load([str(p) for p in self.paths])

    async def fetch(self) -> Fetched:
        stamp = await asyncio.to_thread(_stamp, self.paths)
        if stamp is not None and self._last is not None and self._last[0] == stamp:
            return self._last[1]
        desired = await asyncio.to_thread(self._load)
        fetched = Fetched(desired, None)
        self._last = None if stamp is None else (stamp, fetched)
        return fetched


class GitError(HexsyncError):
    """git failed (the message has its own words)."""


# The controller's own secrets, which git, its credential helpers and ssh have no use for.
_WITHHELD = ("HEX_API_TOKEN",)
_WITHHELD_PREFIX = "HEXSYNC_"
_USERINFO = re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://)[^/@\s]*@")


def shown_url(url: str) -> str:
    """A repository URL fit to show: a ``scheme://`` URL's user and password (a token is
    often given as either) replaced by ``***``."""
    return _USERINFO.sub(r"\1***@", url)


async def _git(*args: str, cwd: Path | None = None, withheld: tuple[str, ...] = ()) -> str:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in _WITHHELD and k not in withheld and not k.startswith(_WITHHELD_PREFIX)
    }
    env.update(GIT_TERMINAL_PROMPT="0", GIT_ASKPASS="echo", LC_ALL="C")
    process = await asyncio.create_subprocess_exec(
        "git",
        *args,
        cwd=cwd,
        env=env,
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        out, err = await asyncio.wait_for(process.communicate(), GIT_TIMEOUT)
    except (asyncio.TimeoutError, asyncio.CancelledError):
        process.kill()
        await process.wait()
        raise
    if process.returncode != 0:
        lines = err.decode(errors="replace").strip().splitlines()
        said = shown_url(lines[-1]) if lines else "no message"
        raise GitError(f"git {args[0]} failed: {said}")
    return out.decode().strip()


def _links_out(folder: Path, root: Path) -> list[str]:
    """The symlinks at or under ``folder`` whose target is not inside ``root`` (relative to
    ``root``). A repository may hold symlinks; one that leads out of the checkout would make
    the sync read a file of the server (a token, a key) and show it in its error."""
    real_root = root.resolve()
    out: list[str] = []

    def outside(path: Path) -> bool:
        target = path.resolve()
        return target != real_root and real_root not in target.parents

    if outside(folder):  # itself a link out, or below a folder that is one
        return [folder.relative_to(root).as_posix()]
    for current, dirs, files in os.walk(folder):  # links are not followed: each is checked
        here = Path(current)
        for name in [*dirs, *files]:
            path = here / name
            if path.is_symlink() and outside(path):
                out.append(path.relative_to(root).as_posix())
    return sorted(out)


class GitSource:
    """``--repo URL_OR_PATH --branch B [--path manifests/]``: cloned into ``checkout`` once;
    before each sync ``git fetch`` and a detached checkout of what the branch points at. With
    ``layers``: a workspace's layers, under the folder ``path`` of the repository."""

    def __init__(
        self,
        url: str,
        branch: str,
        path: str,
        checkout: Path,
        *,
        layers: Layers | None = None,
        withheld: tuple[str, ...] = (),
    ) -> None:
        if Path(path).is_absolute() or ".." in Path(path).parts:
            raise ConfigError(f"--path {path!r} must be a folder inside the repository")
        self.url = url
        self.branch = branch
        self.path = path
        self.checkout = checkout
        self.layers = layers
        self.withheld = withheld  # more variables git is not given (hexsync.yaml's token_env)
        shown = path if layers is None else ", ".join(layers.relative)
        self.description = f"{shown_url(url)} ({branch}, {shown})"
        self._last: Fetched | None = None

    async def fetch(self) -> Fetched:
        if not (self.checkout / ".git").is_dir():
            self.checkout.parent.mkdir(parents=True, exist_ok=True)
            await _git(
                "clone", "--quiet", "--no-tags", "--single-branch", "--branch", self.branch,
                "--", self.url, str(self.checkout), withheld=self.withheld,
            )  # fmt: skip
        else:
            await _git(
                "fetch", "--quiet", "--no-tags", "origin", self.branch,
                cwd=self.checkout, withheld=self.withheld,
            )  # fmt: skip
            await _git(
                "checkout", "--quiet", "--detach", "--force", "FETCH_HEAD",
                cwd=self.checkout, withheld=self.withheld,
            )  # fmt: skip
        # The checkout is the controller's own: a file the commit does not hold (a leftover, a
        # file put there by hand) would be read with it, by a fresh process and not by one that
        # read the commit already. What a sync reads is the commit it records, and no more.
        await _git("clean", "-ffdxq", cwd=self.checkout, withheld=self.withheld)
        commit = await _git("rev-parse", "HEAD", cwd=self.checkout, withheld=self.withheld)
        if self._last is not None and self._last.commit == commit:
            return self._last
        folder = self.checkout / self.path
        places = [folder] if self.layers is None else self.layers.under(folder)
        leaving = sorted({link for place in places for link in _links_out(place, self.checkout)})
        if leaving:
            shown = ", ".join(leaving[:5]) + (
                f" and {len(leaving) - 5} more" if len(leaving) > 5 else ""
            )
            raise ConfigError(
                f"commit {commit[:10]} has a symlink that leads out of the repository: {shown};"
                " nothing was read",
                hint="make it a file of its own, or a link to a file inside the repository",
            )
        if not folder.is_dir():
            raise ConfigError(f"commit {commit[:10]} has no folder {self.path!r}")
        if self.layers is not None:
            desired = await asyncio.to_thread(self.layers.load, folder)
        else:
            desired = await asyncio.to_thread(load, [str(folder)], relative_to=self.checkout)
        self._last = Fetched(desired, commit)
        return self._last
