"""Each page of a read compared with the last snapshot: which objects a page shows changed, and
the reading the controller plans their drift on (the last one, with them as just read)."""

from __future__ import annotations

import dataclasses

import pytest

from hexsync.hexapi import Collection as ApiCollection
from hexsync.hexapi.types import CollectionSharing
from hexsync.ops.snapshot import snapshot_of
from hexsync.serve.pages import Baseline, PageCheck, Scope
from hexsync.values.desired import FrozenMap
from hexsync.values.live import (
    Live,
    LiveCollection,
    LiveCollectionSharing,
    LiveGroup,
    LiveProject,
    LiveSharing,
    LiveUser,
)

pytestmark = pytest.mark.anyio

ANA = LiveUser("u1", "ana@acme.test", "Ana", "EDITOR")
BO = LiveUser("u2", "bo@acme.test", "Bo", "VIEWER")
FINANCE = LiveGroup("g1", "Finance", frozenset({"ana@acme.test"}))
BOARD = LiveCollection(
    "c1", "Board", sharing=LiveCollectionSharing(groups=FrozenMap({"Finance": "CAN_VIEW"}))
)
PAYROLL = LiveProject(
    "p1", "Payroll", sharing=LiveSharing(groups=FrozenMap({"Finance": "CAN_VIEW"}))
)
REVENUE = LiveProject("p2", "Revenue", sharing=LiveSharing(workspace="APP_ONLY"))
LIVE = Live(
    org_id="org",
    users=FrozenMap({u.email: u for u in (ANA, BO)}),
    groups=FrozenMap({"Finance": FINANCE}),
    collections=FrozenMap({"Board": BOARD}),
    projects=FrozenMap({p.id: p for p in (PAYROLL, REVENUE)}),
)


class Found:
    def __init__(self) -> None:
        self.calls: list[tuple[Live, Scope]] = []

    async def __call__(self, live: Live, scope: Scope) -> None:
        self.calls.append((live, scope))


def _check() -> tuple[PageCheck, Found]:
    found = Found()
    return PageCheck(Baseline(1, snapshot_of(LIVE), LIVE), found), found


def _board(level: str) -> ApiCollection:
    return ApiCollection("c1", "Board", sharing=CollectionSharing(groups={"g1": level}))


async def test_a_page_as_the_snapshot_has_it_is_nothing_to_plan() -> None:
    check, found = _check()
    await check.projects([PAYROLL, REVENUE])
    await check.users([ANA, BO])
    await check.groups([LiveGroup("g1", "Finance")])
    await check.members(FINANCE)
    await check.collections([_board("CAN_VIEW")])
    assert found.calls == []


async def test_the_changed_projects_of_a_page_are_planned_on_the_last_reading() -> None:
    check, found = _check()
    shared = dataclasses.replace(REVENUE, sharing=LiveSharing(workspace="CAN_EDIT"))
    await check.projects([PAYROLL, shared])
    [(live, scope)] = found.calls
    assert scope == {("project", "p2")}
    assert live.projects["p2"] == shared
    assert live.projects["p1"] == PAYROLL
    assert live.users == LIVE.users
    # Seen once per read: the same page again is nothing new.
    await check.projects([PAYROLL, shared])
    assert len(found.calls) == 1


async def test_users_groups_members_and_collections_are_compared_too() -> None:
    check, found = _check()
    await check.users([dataclasses.replace(BO, role="ADMIN"), ANA])
    await check.groups([LiveGroup("g1", "Finance team")])  # renamed: members not read yet
    await check.members(LiveGroup("g1", "Finance team", FINANCE.members))  # as before
    await check.members(LiveGroup("g1", "Finance team", frozenset({"bo@acme.test"})))
    await check.collections([_board("CAN_EDIT")])
    scopes = [scope for _live, scope in found.calls]
    assert scopes == [
        {("user", "u2")},
        {("group", "g1")},
        {("group", "g1")},
        {("collection", "c1")},
    ]
    renamed = found.calls[1][0]
    assert set(renamed.groups) == {"Finance team"}
    assert renamed.groups["Finance team"].members == FINANCE.members  # kept from the snapshot
    last = found.calls[-1][0]
    assert last.users["bo@acme.test"].role == "ADMIN"  # each change builds on the earlier ones
    assert last.groups["Finance team"].members == {"bo@acme.test"}
    assert last.collections["Board"].sharing.groups == {"Finance team": "CAN_EDIT"}  # by id


async def test_an_apply_lock_is_left_to_the_end_of_the_read() -> None:
    # Whether a group of a lock's name is a lock depends on the rest of the read.
    check, found = _check()
    await check.groups([LiveGroup("g9", "hexsync-apply-lock")])
    await check.members(LiveGroup("g9", "hexsync-apply-lock", frozenset()))
    assert found.calls == []


async def test_a_check_that_fails_stops_for_the_rest_of_the_read() -> None:
    said: list[str] = []

    async def broken(_live: Live, _scope: Scope) -> None:
        raise RuntimeError("the store went away")

    check = PageCheck(Baseline(1, snapshot_of(LIVE), LIVE), broken, said.append)
    await check.projects([dataclasses.replace(PAYROLL, title="Payroll 2")])
    await check.projects([dataclasses.replace(REVENUE, title="Revenue 2")])  # not checked
    assert len(said) == 1
    assert "the store went away" in said[0]
    assert "seen when the read ends" in said[0]
