"""The controller's manifests are parsed again only when they changed: 10,000 projects take
seconds to load, and every sync fetches them."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
import yaml

from hexsync.serve.source import ManifestSource

pytestmark = pytest.mark.anyio


def _write(path: Path, projects: list[str], age: float) -> None:
    doc = {"version": 1, "projects": [{"title": t, "status": "Production"} for t in projects]}
    path.write_text(yaml.safe_dump(doc))
    then = time.time() - age
    os.utime(path, (then, then))


async def test_unchanged_manifests_are_not_parsed_again_and_an_edit_is(tmp_path: Path) -> None:
    folder = tmp_path / "manifests"
    folder.mkdir()
    _write(folder / "a.yaml", ["Payroll"], age=60)
    source = ManifestSource([folder])
    first = await source.fetch()
    assert [p.title for p in first.desired.projects] == ["Payroll"]
    assert (await source.fetch()).desired is first.desired  # the same files: not parsed again

    _write(folder / "a.yaml", ["Payroll", "Revenue"], age=30)  # an edit (older than 2 s)
    edited = await source.fetch()
    assert [p.title for p in edited.desired.projects] == ["Payroll", "Revenue"]

    _write(folder / "b.yaml", ["Churn"], age=30)  # a new file
    assert {p.title for p in (await source.fetch()).desired.projects} == {
        "Payroll",
        "Revenue",
        "Churn",
    }


async def test_a_file_modified_just_now_is_always_read_again(tmp_path: Path) -> None:
    # Within the file system clock's resolution a second edit could keep the first one's time
    # (and size): such a file is never trusted to be unchanged.
    folder = tmp_path / "manifests"
    folder.mkdir()
    _write(folder / "a.yaml", ["Payroll"], age=0)
    source = ManifestSource([folder])
    first = await source.fetch()
    path = folder / "a.yaml"
    stat = path.stat()
    path.write_text(path.read_text().replace("Payroll", "Payrol2"))  # same size
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same time
    again = await source.fetch()
    assert [p.title for p in again.desired.projects] == ["Payrol2"]
    assert again.desired is not first.desired
