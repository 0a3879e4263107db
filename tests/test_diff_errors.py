"""Unresolved references are reported in the order of the manifests, with a hint about tokens."""

from __future__ import annotations

from hexsync.decide.diff import UnresolvedReference, UnresolvedReferenceError
from hexsync.values.desired import Mark


def test_problems_are_listed_in_file_and_line_order() -> None:
    error = UnresolvedReferenceError(
        [
            UnresolvedReference("c", Mark("b.yaml", 2, 1)),
            UnresolvedReference("no place"),
            UnresolvedReference("b", Mark("a.yaml", 10, 3)),
            UnresolvedReference("a", Mark("a.yaml", 9, 5)),
        ]
    )
    lines = str(error).splitlines()
    assert lines[1:5] == ["  a.yaml:9:5: a", "  a.yaml:10:3: b", "  b.yaml:2:1: c", "  no place"]
    assert "a workspace token sees all" in str(error)


def test_one_unresolved_reference_is_said_in_the_singular_with_the_whole_hint() -> None:
    error = UnresolvedReferenceError(
        [UnresolvedReference("nobody@acme.com is unknown", Mark("m.yaml", 3, 7))]
    )
    assert str(error) == (
        "1 reference does not resolve in the live workspace:\n"
        "  m.yaml:3:7: nobody@acme.com is unknown\n"
        "hint: fix the manifests (or create the missing objects in Hex), then plan again; "
        "a personal token sees only what its user may see: a workspace token sees all"
    )


def test_two_unresolved_references_are_counted_in_the_plural() -> None:
    error = UnresolvedReferenceError([UnresolvedReference("x"), UnresolvedReference("y")])
    assert error.message.splitlines()[0] == "2 references do not resolve in the live workspace:"


def test_problems_go_by_place_before_message() -> None:
    here = Mark("a.yaml", 4, 2)
    error = UnresolvedReferenceError(
        [
            UnresolvedReference("amy", Mark("b.yaml", 1, 1)),
            UnresolvedReference("zed", here),
            UnresolvedReference("bob", here),
        ]
    )
    assert [str(p) for p in error.problems] == [
        "a.yaml:4:2: bob",
        "a.yaml:4:2: zed",
        "b.yaml:1:1: amy",
    ]
