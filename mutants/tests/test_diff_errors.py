"""Unresolved references are reported in the order of the manifests, with a hint about tokens."""

from __future__ import annotations

from hexsync.diff import Problem, UnresolvedReferenceError
from hexsync.model import Mark


def test_problems_are_listed_in_file_and_line_order() -> None:
    error = UnresolvedReferenceError(
        [
            Problem("c", Mark("b.yaml", 2, 1)),
            Problem("no place"),
            Problem("b", Mark("a.yaml", 10, 3)),
            Problem("a", Mark("a.yaml", 9, 5)),
        ]
    )
    lines = str(error).splitlines()
    assert lines[1:5] == ["  a.yaml:9:5: a", "  a.yaml:10:3: b", "  b.yaml:2:1: c", "  no place"]
    assert "a workspace token sees all" in str(error)
