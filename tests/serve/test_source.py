"""The controller's manifests are parsed again only when they changed: 10,000 projects take
seconds to load, and every sync fetches them."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest
import yaml

from hexsync.errors import HexsyncError
from hexsync.serve.source import GitSource, Layers, ManifestSource

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


def _git(*args: str, cwd: Path) -> str:
    done = subprocess.run(
        ["git", "-c", "user.email=t@example.com", "-c", "user.name=t", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        text=True,
    )
    return done.stdout.strip()


def _layered_repo(tmp_path: Path) -> Path:
    """A repository with hexsync.yaml's layout: base/ shared, eu/ on top."""
    repo = tmp_path / "repo"
    (repo / "base").mkdir(parents=True)
    (repo / "eu").mkdir()
    (repo / "base" / "groups.yaml").write_text(
        "version: 1\ngroups:\n  - name: Analysts\n  - name: Finance\n"
    )
    (repo / "base" / "policy.yaml").write_text("policy:\n  max_destroy: 10\n")
    (repo / "eu" / "groups.yaml").write_text("groups:\n  - name: EU team\n")
    _git("init", "-q", "-b", "main", cwd=repo)
    _git("add", "-A", cwd=repo)
    _git("commit", "-qm", "layers", cwd=repo)
    return repo


async def test_a_workspaces_layers_are_read_from_the_repository_and_merged(
    tmp_path: Path,
) -> None:
    repo = _layered_repo(tmp_path)
    layers = Layers("eu", ("base", "eu"))
    source = GitSource(str(repo), "main", ".", tmp_path / "checkouts" / "eu", layers=layers)
    fetched = await source.fetch()
    assert sorted(g.name for g in fetched.desired.groups) == ["Analysts", "EU team", "Finance"]
    assert fetched.desired.policy.max_destroy == 10
    assert fetched.commit == _git("rev-parse", "HEAD", cwd=repo)
    # A folder of hexsync.yaml (or --manifests DIR) as the root: the same merge.
    here = await ManifestSource.layered(repo, layers).fetch()
    assert sorted(g.name for g in here.desired.groups) == ["Analysts", "EU team", "Finance"]


async def test_a_layer_that_leads_out_of_the_repository_is_refused_unread(tmp_path: Path) -> None:
    secret = tmp_path / "server" / "groups.yaml"
    secret.parent.mkdir()
    secret.write_text("version: 1\ngroups:\n  - name: read from the server\n")
    repo = _layered_repo(tmp_path)
    (repo / "eu").rename(repo / "eu-real")
    (repo / "eu").symlink_to(secret.parent)
    _git("add", "-A", cwd=repo)
    _git("commit", "-qm", "eu is a link", cwd=repo)
    source = GitSource(
        str(repo), "main", ".", tmp_path / "checkout", layers=Layers("eu", ("base", "eu"))
    )
    with pytest.raises(HexsyncError, match="a symlink that leads out of the repository: eu"):
        await source.fetch()
    with pytest.raises(HexsyncError, match="is not inside the folder"):
        Layers("eu", ("../elsewhere",))


async def test_git_is_not_given_the_workspaces_token_variables(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = _layered_repo(tmp_path)
    seen = tmp_path / "env.txt"
    hooks = tmp_path / "templates" / "hooks"
    hooks.mkdir(parents=True)
    (hooks / "post-checkout").write_text(f"#!/bin/sh\nenv > {seen}\n")
    (hooks / "post-checkout").chmod(0o755)
    monkeypatch.setenv("GIT_TEMPLATE_DIR", str(tmp_path / "templates"))  # the clone's hooks
    monkeypatch.setenv("HEX_TOKEN_EU", "hxtw_eu_secret_value")
    monkeypatch.setenv("HEX_TOKEN_US", "hxtw_us_secret_value")
    monkeypatch.setenv("SOMETHING_ELSE", "kept")
    source = GitSource(
        f"file://{repo}", "main", ".", tmp_path / "checkout",
        layers=Layers("eu", ("base", "eu")), withheld=("HEX_TOKEN_EU", "HEX_TOKEN_US"),
    )  # fmt: skip
    await source.fetch()
    env = seen.read_text()
    assert "SOMETHING_ELSE=kept" in env
    assert "hxtw_eu_secret_value" not in env
    assert "hxtw_us_secret_value" not in env
