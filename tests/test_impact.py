"""The plan's access impact computed directly, for states a case's emulator cannot produce."""

from __future__ import annotations

from hexsync.decide.impact import access_impact
from hexsync.values.desired import FrozenMap
from hexsync.values.kinds import Kind
from hexsync.values.live import Live, LiveGroup, LiveProject, LiveSharing, LiveUser
from hexsync.values.plan import AccessImpact, Action, Change, ImpactItem


def _live(members: frozenset[str] | None) -> Live:
    shared = LiveSharing(groups=FrozenMap({"Analysts": "CAN_VIEW"}))
    return Live(
        org_id="org",
        users=FrozenMap(
            {e: LiveUser(e, e, role="EDITOR") for e in ("alice@acme.com", "bob@acme.com")}
        ),
        groups=FrozenMap({"Analysts": LiveGroup("g1", "Analysts", members)}),
        projects=FrozenMap(
            {
                "p1": LiveProject("p1", "Revenue", owner="alice@acme.com", sharing=shared),
                "p2": LiveProject("p2", "Unrelated", owner="alice@acme.com"),
            }
        ),
    )


DELETE = Change(Kind.GROUP, Action.DELETE, "Analysts", "g1")


def test_a_deleted_group_whose_members_were_not_read_still_loses_its_access() -> None:
    """A token that may not read the group's members still shows what the group takes away."""
    assert access_impact([DELETE], _live(None)) == (
        AccessImpact("Analysts", "group", losses=(ImpactItem("Revenue", "CAN_VIEW", None),)),
    )


def test_a_deleted_group_whose_members_were_read_names_each_member_but_the_owner() -> None:
    """Each member's effective loss; the owner loses nothing on their own project, and the
    impact says so (a shadowed grant is "no effective change", with the path that keeps them)."""
    impact = access_impact([DELETE], _live(frozenset({"alice@acme.com", "bob@acme.com"})))
    assert impact == (
        AccessImpact(
            "alice@acme.com",
            "user",
            unchanged=(ImpactItem("Revenue", "FULL_ACCESS", "FULL_ACCESS", "owner"),),
        ),
        AccessImpact(
            "bob@acme.com",
            "user",
            losses=(ImpactItem("Revenue", "CAN_VIEW", None, "group Analysts"),),
        ),
    )
