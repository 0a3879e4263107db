"""Hostile or accidental inputs are refused quickly, with a message that says why."""

from __future__ import annotations

from pathlib import Path

import pytest

from hexsync.manifest import FileLimits, check

BAD = Path(__file__).parent / "bad"


@pytest.mark.timeout(5)
def test_a_billion_laughs_file_is_refused(tmp_path):
    result = check([BAD / "billion_laughs.yaml"], relative_to=BAD)
    assert not result.ok
    (problem,) = result.problems
    assert problem.file == "billion_laughs.yaml"
    assert problem.message.startswith("aliases expand to more than 10000 nodes")


@pytest.mark.timeout(5)
def test_a_50_mb_file_is_refused_before_it_is_parsed(tmp_path):
    big = tmp_path / "huge.yaml"
    with big.open("wb") as handle:
        handle.write(b"version: 1\ngroups:\n")
        handle.write(b"  - name: g\n" * (50_000_000 // 12))
    result = check([big], relative_to=tmp_path)
    (problem,) = result.problems
    assert (problem.file, problem.line) == ("huge.yaml", 1)
    assert problem.message == "the file is 50.0 MB; manifest files are limited to 5 MB"
    assert "split it" in (problem.hint or "")


def test_the_size_limit_is_configurable(tmp_path):
    small = tmp_path / "m.yaml"
    small.write_text("version: 1\ncollections:\n  - name: Finance\n", encoding="utf-8")
    assert check([small], relative_to=tmp_path).ok
    result = check([small], limits=FileLimits(max_bytes=10), relative_to=tmp_path)
    assert "limited to 1e-05 MB" in result.problems[0].message


def test_aliases_within_the_bound_are_fine(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text(
        "version: 1\n"
        "groups:\n"
        "  - name: Analysts\n"
        "    members: &team [alice@acme.com, bob@acme.com]\n"
        "  - name: Reviewers\n"
        "    members: *team\n",
        encoding="utf-8",
    )
    result = check([path], relative_to=tmp_path)
    assert result.ok, result.problems
    assert result.desired is not None
    reviewers = result.desired.group("Reviewers")
    assert reviewers is not None
    assert reviewers.members == {"alice@acme.com", "bob@acme.com"}


def test_utf16_is_explained(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_bytes("version: 1\n".encode("utf-16"))
    (problem,) = check([path], relative_to=tmp_path).problems
    assert problem.message == "the file is UTF-16 encoded"


def test_a_utf8_byte_order_mark_is_accepted(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_bytes(b"\xef\xbb\xbfversion: 1\n")
    assert check([path], relative_to=tmp_path).ok
