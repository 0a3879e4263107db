"""The desired-state records: ordered access levels, canonical maps, marks outside equality."""

from __future__ import annotations

import pytest

from hexsync.values.desired import Access, FrozenMap, Group, Mark, Sharing


def test_access_levels_are_ordered_from_none_to_full():
    assert sorted(Access, reverse=True)[0] is Access.FULL_ACCESS
    assert Access.NONE < Access.APP_ONLY < Access.CAN_VIEW < Access.CAN_EDIT < Access.FULL_ACCESS
    assert max(Access.CAN_VIEW, Access.APP_ONLY) is Access.CAN_VIEW
    with pytest.raises(TypeError):
        _ = Access.NONE < "NONE"  # type: ignore[operator]


def test_frozen_map_is_hashable_and_order_free():
    one = FrozenMap({"b": Access.NONE, "a": Access.CAN_VIEW})
    two = FrozenMap([("a", Access.CAN_VIEW), ("b", Access.NONE)])
    assert one == two
    assert hash(one) == hash(two)
    assert list(one) == ["a", "b"]
    assert one == {"a": Access.CAN_VIEW, "b": Access.NONE}
    assert one != FrozenMap({"a": Access.CAN_VIEW})


def test_marks_do_not_take_part_in_equality():
    here = Group("Analysts", frozenset({"a@acme.com"}), mark=Mark("a.yaml", 3, 5))
    there = Group("Analysts", frozenset({"a@acme.com"}), mark=Mark("b.yaml", 9, 1))
    assert here == there
    assert hash(here) == hash(there)


def test_sharing_tells_where_each_entry_was_written():
    sharing = Sharing(
        users=FrozenMap({"carol@acme.com": Access.CAN_EDIT}),
        mark=Mark("p.yaml", 5, 5),
        marks=FrozenMap({"users\x00carol@acme.com": Mark("p.yaml", 7, 9)}),
    )
    assert str(sharing.mark_of("users", "carol@acme.com")) == "p.yaml:7:9"
    assert str(sharing.mark_of("groups", "Analysts")) == "p.yaml:5:5"
