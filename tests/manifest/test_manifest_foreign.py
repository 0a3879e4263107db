"""YAML files in a manifest tree that are not manifests: one line naming what they look like.

Found while walking a directory they are skipped with a warning (the Acme example keeps its
emulator seed beside its manifests); named on their own they are an error. A manifest with a
typo is never taken for a foreign file.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from hexsync.cli.main import cli
from hexsync.manifest import check
from hexsync.manifest.foreign import foreign_kind
from hexsync.manifest.yamlsafe import Document, FileLimits, read_document

ROOT = Path(__file__).resolve().parents[2]
MANIFEST = "version: 1\ngroups:\n  - name: Analysts\n    members: [bob@acme.com]\n"


def test_validate_the_whole_examples_folder(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(cli, ["validate", "examples/"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert (
        "examples/acme/seed.yaml:1:1: warning: not a manifest, skipped: "
        "this looks like an emulator seed"
    ) in lines
    # The seed is one line, not a schema error per key; the manifests are all read.
    assert sum("seed.yaml" in line for line in lines) == 1
    # examples/policies: the policies are a manifest, their unit tests are skipped in one line
    assert (
        "examples/policies/policies_test.yaml:1:1: warning: not a manifest, skipped: "
        "this looks like policy tests (`hexsync policy test` reads them)"
    ) in lines
    assert "ok: 14 files, 7 collections, 8 groups, 3 users, 61 projects" in lines[-1]


def test_a_seed_named_on_its_own_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(cli, ["validate", "examples/acme/seed.yaml"])
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "examples/acme/seed.yaml:1:1: not a manifest: this looks like an emulator seed",
        "1 problem in 1 file",
    ]


WORKFLOW = "name: plan\non: [pull_request]\njobs:\n  plan:\n    runs-on: ubuntu-latest\n"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (WORKFLOW, "a GitHub Actions workflow"),
        ("name: x\ninputs: {}\nruns:\n  using: composite\n", "a GitHub Action (action.yml)"),
        ("stages: [plan]\nplan:\n  script: [hexsync plan m/]\n", "a GitLab CI configuration"),
        # a pipeline that includes the template and overrides its jobs: no script of its own
        (
            "include:\n  - local: ci/hexsync.gitlab-ci.yml\nhexsync-plan:\n  parallel:\n"
            "    matrix: [{HEXSYNC_WORKSPACE: [us, eu]}]\n",
            "a GitLab CI configuration",
        ),
        ("hexsync-apply:\n  resource_group: apply-eu\n", "a GitLab CI configuration"),
        ("repos: []\n", "a pre-commit configuration"),
        ("rules:\n  unpinned-uses: {}\n", "a zizmor configuration"),
        ("org: {name: Acme}\nusers: []\n", "an emulator seed"),
        ("tokens: [{token: hxtw_x, kind: workspace}]\n", "an emulator seed"),
    ],
)
def test_foreign_files_in_a_tree_are_named_and_skipped(
    tmp_path: Path, text: str, kind: str
) -> None:
    (tmp_path / "a.yaml").write_text(MANIFEST, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(text, encoding="utf-8")
    result = check([tmp_path], relative_to=tmp_path)
    assert result.ok
    assert [str(p) for p in result.problems] == [
        f"b.yaml:1:1: warning: not a manifest, skipped: this looks like {kind}"
    ]
    assert result.files == ("a.yaml",)
    assert result.desired is not None
    assert [g.name for g in result.desired.groups] == ["Analysts"]


@pytest.mark.parametrize(
    "text",
    [
        MANIFEST,
        # a manifest key makes it a manifest, whatever else is there: checked, so the typo shows
        "version: 1\njobs: {}\non: push\n",
        "groups: []\nservices: {}\n",
        # a seed needs its own marks (org with id/name, tokens with token): a bare org is a typo
        "version: 1\norg: Acme\n",
        "org: 5a8591dd\ngroups: []\n",
        "users: [{email: a@acme.com, name: A, role: ADMIN}]\n",
        "grups: []\n",
        "rules: []\n",  # manifests' own rules (a list)
    ],
)
def test_anything_that_may_be_a_manifest_is_checked_as_one(text: str, tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(text, encoding="utf-8")
    doc = read_document(path, "m.yaml", FileLimits())
    assert isinstance(doc, Document)
    assert foreign_kind(doc.data) is None


def test_plan_says_it_skipped_a_seed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "m.yaml").write_text("version: 1\n", encoding="utf-8")
    (tmp_path / "seed.yaml").write_text("org: {name: Acme}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    # No token: plan stops before any request, after reading the manifests.
    result = CliRunner().invoke(cli, ["plan", "."], env={"HEX_API_TOKEN": None})
    assert result.exit_code == 1
    assert (
        "seed.yaml:1:1: warning: not a manifest, skipped: this looks like an emulator seed"
        in result.stderr
    )
