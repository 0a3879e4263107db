"""Edge cases of finding and reading manifests that are accepted, each with what it yields."""

from __future__ import annotations

import os
import unicodedata
from pathlib import Path

import pytest

from hexsync.manifest import check, load
from hexsync.values.desired import Mode


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_empty_members_empties_the_group_and_omitted_members_leave_it_alone(tmp_path):
    text = "version: 1\ngroups:\n  - {name: E, members: []}\n  - {name: O}\n"
    m = _write(tmp_path / "m.yaml", text)
    desired = load([m])
    empty, omitted = desired.group("E"), desired.group("O")
    assert empty is not None
    assert omitted is not None
    assert empty.members == frozenset()
    assert omitted.members is None


def test_empty_sharing_manages_no_dimension(tmp_path):
    m = _write(tmp_path / "m.yaml", "version: 1\nprojects:\n  - {title: P, sharing: {}}\n")
    (project,) = load([m]).projects
    sharing = project.sharing
    assert sharing is not None
    assert sharing.mode is Mode.AUTHORITATIVE
    assert (sharing.workspace, sharing.public_web, sharing.users) == (None, None, None)
    assert (sharing.groups, sharing.collections) == (None, None)


def test_crlf_a_bom_and_plus_addressed_subdomain_emails(tmp_path):
    m = tmp_path / "m.yaml"
    m.write_bytes(
        b"\xef\xbb\xbfversion: 1\r\ngroups:\r\n  - name: G\r\n"
        b"    members: [Ann+ops@Mail.Acme.co.uk]\r\n"
    )
    result = check([m], relative_to=tmp_path)
    assert result.problems == ()
    assert result.desired is not None
    group = result.desired.group("G")
    assert group is not None
    assert group.members == {"ann+ops@mail.acme.co.uk"}
    assert str(group.member_marks["ann+ops@mail.acme.co.uk"]) == "m.yaml:4:15"


def test_a_very_long_line_is_read(tmp_path):
    comment = "x" * 200_000
    m = _write(tmp_path / "m.yaml", f"version: 1\n# {comment}\ngroups:\n  - name: Analysts\n")
    assert load([m]).group("Analysts") is not None


def test_a_directory_skips_hidden_files_and_editor_backups_and_reads_yml(tmp_path):
    root = tmp_path / "m"
    _write(root / "a.yaml", "version: 1\n")
    _write(root / "b.yml", "groups: [{name: B}]\n")
    for junk in (".#a.yaml", "a.yaml~", "#a.yaml#", ".hidden/c.yaml", "notes.txt"):
        _write(root / junk, "this: [is not read\n")
    result = check([root], relative_to=tmp_path)
    assert result.files == ("m/a.yaml", "m/b.yml")
    assert result.ok


def test_a_file_given_twice_or_also_inside_a_given_directory_is_read_once(tmp_path):
    root = tmp_path / "m"
    a = _write(root / "a.yaml", "version: 1\ngroups: [{name: A}]\n")
    result = check([root, a, a], relative_to=tmp_path)
    assert result.files == ("m/a.yaml",)
    assert result.ok


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_symlinked_directories_are_followed_once_and_a_loop_ends(tmp_path):
    shared = tmp_path / "shared"
    _write(shared / "groups.yaml", "groups: [{name: Shared}]\n")
    root = tmp_path / "m"
    _write(root / "a.yaml", "version: 1\n")
    (root / "shared").symlink_to(shared, target_is_directory=True)
    (root / "again").symlink_to(shared, target_is_directory=True)
    (root / "loop").symlink_to(root, target_is_directory=True)
    result = check([root], relative_to=tmp_path)
    assert result.files == ("m/a.yaml", "shared/groups.yaml")
    assert result.desired is not None
    assert result.desired.group("Shared") is not None


def test_names_that_differ_only_in_unicode_form_are_two_names_with_a_warning(tmp_path):
    nfc, nfd = (unicodedata.normalize(form, "Café") for form in ("NFC", "NFD"))
    m = _write(tmp_path / "m.yaml", f"version: 1\ngroups:\n  - name: {nfc}\n  - name: {nfd}\n")
    result = check([m], relative_to=tmp_path)
    assert result.ok
    assert result.desired is not None
    assert len(result.desired.groups) == 2
    (warning,) = result.problems
    assert warning.severity == "warning"
    assert (warning.line, warning.column, warning.path) == (4, 5, "groups[1]")
    assert "looks the same as the one declared at m.yaml:3:5" in warning.message


def test_the_same_ascii_name_twice_is_still_a_duplicate_not_a_unicode_warning(tmp_path):
    m = _write(tmp_path / "m.yaml", "version: 1\ngroups:\n  - name: A\n  - name: A\n")
    (problem,) = check([m], relative_to=tmp_path).problems
    assert problem.severity == "error"
    assert problem.message.startswith("duplicate group 'A'")
