"""Diff rules that the emulator cannot stage (it never lists what real Hex might), on a Live
built by hand, and desired states that the manifest loader would stop before the plan."""

from __future__ import annotations

from hexsync.decide.diff import diff
from hexsync.values.desired import Access, Desired, Ensure, FrozenMap, Group, Project, Sharing, User
from hexsync.values.live import Live, LiveGroup, LiveProject, LiveSharing, LiveUser

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


def _viewer_live(held: str) -> Live:
    alice = LiveUser("u1", "alice@acme.com", role="ADMIN")
    vic = LiveUser("u2", "vic@acme.com", role="MEMBER")
    project = LiveProject(
        PID,
        "Revenue",
        owner="alice@acme.com",
        sharing=LiveSharing(users=FrozenMap({"vic@acme.com": held})),
    )
    return Live(
        org_id="org",
        users=FrozenMap({"alice@acme.com": alice, "vic@acme.com": vic}),
        projects=FrozenMap({PID: project}),
    )


def _declare(level: Access) -> Desired:
    users = FrozenMap({"vic@acme.com": level})
    return Desired(projects=(Project(id=PID, sharing=Sharing(users=users)),))


def test_a_viewer_grant_hex_stored_as_given_is_no_change_when_it_caps_the_same() -> None:
    """Where Hex keeps a Viewer's grant is undocumented: stored as CAN_EDIT (not downgraded), a
    declared FULL_ACCESS gives the same CAN_VIEW in Hex, so no change, only the warning."""
    result = diff(_declare(Access.FULL_ACCESS), _viewer_live("CAN_EDIT"))
    assert result.changes == ()
    assert [w.code for _, w in result.warnings] == ["viewer_capped"]


def test_a_viewer_lowered_below_the_cap_is_still_a_change() -> None:
    result = diff(_declare(Access.APP_ONLY), _viewer_live("CAN_EDIT"))
    assert [(f.key, f.old, f.new) for c in result.changes for f in c.fields] == [
        ("vic@acme.com", "CAN_EDIT", "APP_ONLY")
    ]
    assert result.warnings == ()


def test_a_user_whose_role_is_unknown_is_not_capped() -> None:
    live = _viewer_live("CAN_VIEW")
    unknown = Live(
        org_id="org",
        users=FrozenMap({**live.users, "vic@acme.com": LiveUser("u2", "vic@acme.com")}),
        projects=live.projects,
    )
    result = diff(_declare(Access.CAN_EDIT), unknown)
    assert [(f.old, f.new) for c in result.changes for f in c.fields] == [("CAN_VIEW", "CAN_EDIT")]
    assert result.warnings == ()


def test_a_viewer_declared_inactive_is_set_aside_without_a_cap_warning() -> None:
    users = FrozenMap({"vic@acme.com": Access.CAN_EDIT})
    desired = Desired(
        users=(User("vic@acme.com", active=False),),
        projects=(Project(id=PID, sharing=Sharing(users=users)),),
    )
    result = diff(desired, _viewer_live("CAN_VIEW"))
    assert "viewer_capped" not in [w.code for _, w in result.warnings]
    assert not [f for c in result.changes for f in c.fields if f.path == "sharing.users"]
