"""Diff rules that the emulator cannot stage (it never lists what real Hex might), on a Live
built by hand, and desired states that the manifest loader would stop before the plan."""

from __future__ import annotations

from hexsync.diff import diff
from hexsync.live import Live, LiveGroup, LiveProject, LiveSharing, LiveUser
from hexsync.model import Access, Desired, Ensure, FrozenMap, Group, Project, Sharing

PID = "0b000000-0000-4000-8000-000000000001"


def _live(sharing: LiveSharing) -> Live:
    alice = LiveUser("u1", "alice@acme.com")
    project = LiveProject(PID, "Revenue", owner="alice@acme.com", sharing=sharing)
    return Live(
        org_id="org",
        users=FrozenMap({"alice@acme.com": alice}),
        groups=FrozenMap({"Analysts": LiveGroup("g1", "Analysts", frozenset())}),
        projects=FrozenMap({PID: project}),
    )


def test_access_of_a_principal_hex_does_not_list_is_left_with_a_warning() -> None:
    """A sharing entry for a user or group Hex does not list (deactivated, hidden from the token)
    cannot be written by id: no change that apply would fail on, a warning instead."""
    live = _live(
        LiveSharing(
            users=FrozenMap({"ghost@acme.com": "CAN_EDIT"}),
            groups=FrozenMap({"Hidden": "CAN_VIEW", "Analysts": "CAN_VIEW"}),
        )
    )
    desired = Desired(
        projects=(Project(id=PID, sharing=Sharing(users=FrozenMap(), groups=FrozenMap())),)
    )
    result = diff(desired, live)
    assert [(f.path, f.key, f.old, f.new) for c in result.changes for f in c.fields] == [
        ("sharing.groups", "Analysts", "CAN_VIEW", None)
    ]
    assert [w.code for _, w in result.warnings] == ["unaddressable_access"] * 2
    assert not result.problems


def test_sharing_with_a_group_declared_absent_is_a_problem_that_says_so() -> None:
    live = _live(LiveSharing())
    desired = Desired(
        groups=(Group("Analysts", ensure=Ensure.ABSENT),),
        projects=(
            Project(id=PID, sharing=Sharing(groups=FrozenMap({"Analysts": Access.CAN_VIEW}))),
        ),
    )
    result = diff(desired, live)
    assert [p.message for p in result.problems] == [
        "project 'Revenue': group 'Analysts' is declared 'ensure: absent'"
    ]
