"""The controller parses its manifests again only when they changed; no change may be missed
for it: an edit that keeps a file's size and time, or a checkout that holds what its commit
does not."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
import yaml

from hexsync.serve import source as source_module
from hexsync.serve.source import GitSource, ManifestSource

pytestmark = pytest.mark.anyio

ACME = Path(__file__).resolve().parents[2] / "examples" / "acme" / "manifests"


def _projects(titles: list[str]) -> str:
    doc = {"version": 1, "projects": [{"title": t, "status": "Production"} for t in titles]}
    return yaml.safe_dump(doc)


class _Later:
    """The source's clock, ``ahead`` seconds after the real one: every file is old to it."""

    def __init__(self, ahead: float) -> None:
        self.ahead = ahead

    def time_ns(self) -> int:
        return time.time_ns() + int(self.ahead * 1e9)


async def test_an_edit_that_keeps_the_files_size_and_time_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A copy that keeps times (cp -p onto the file, rsync -t --inplace, touch -r): the same
    # size, the same old modification time, other content.
    monkeypatch.setattr(source_module, "time", _Later(60))  # every sync well after the edits
    folder = tmp_path / "manifests"
    folder.mkdir()
    path = folder / "a.yaml"
    path.write_text(_projects(["Payroll"]))
    old = time.time_ns() - 3_600 * 10**9
    os.utime(path, ns=(old, old))
    source = ManifestSource([folder])
    first = await source.fetch()
    assert (await source.fetch()).desired is first.desired  # unchanged: not parsed again
    time.sleep(0.05)  # the file system's clock ticks every few milliseconds
    path.write_text(_projects(["Payrol2"]))  # the same size
    os.utime(path, ns=(old, old))  # the same time
    assert path.stat().st_size == len(_projects(["Payroll"]))
    again = await source.fetch()
    assert [p.title for p in again.desired.projects] == ["Payrol2"]


def _git(*args: str, cwd: Path) -> None:
    subprocess.run(
        ["git", "-c", "user.email=a@acme.test", "-c", "user.name=a", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


async def test_a_sync_reads_exactly_the_commit_it_records_before_and_after_a_restart(
    tmp_path: Path,
) -> None:
    repo = tmp_path / "repo"
    repo.mkdir()
    shutil.copytree(ACME, repo / "manifests")
    _git("init", "-q", "-b", "main", cwd=repo)
    _git("add", "-A", cwd=repo)
    _git("commit", "-qm", "manifests", cwd=repo)
    checkout = tmp_path / "state" / "checkout"
    source = GitSource(str(repo), "main", "manifests", checkout)
    first = await source.fetch()
    titles = sorted(p.title for p in first.desired.projects)

    # A file the commit does not hold appears in the controller's checkout (a leftover, or
    # someone with a shell on the server): no sync reads it, whichever process makes it.
    (checkout / "manifests" / "zz-extra.yaml").write_text(_projects(["Not reviewed"]))
    for fetched in (await source.fetch(), await GitSource(*_args(repo, checkout)).fetch()):
        assert fetched.commit == first.commit
        assert sorted(p.title for p in fetched.desired.projects) == titles


def _args(repo: Path, checkout: Path) -> tuple[str, str, str, Path]:
    return (str(repo), "main", "manifests", checkout)
