"""Each guardrail's refusal in full, as ``plan`` prints it and a saved plan keeps it: code, the
message naming what it refuses, the hint that says what to do, and the manifest line it points
at. Direct calls, for what manifests cannot express (a deactivation of a protected user is a
manifest error before it can be planned; a forged plan can still carry one)."""

from __future__ import annotations

from hexsync.decide.diff import Public
from hexsync.decide.guardrails import check_guardrails, touches_protect
from hexsync.values.desired import Desired, Mark, Policy, Workspace
from hexsync.values.kinds import Kind
from hexsync.values.plan import Action, Change, FieldChange, Refusal

ORG = "5a8591dd-4039-49df-9202-96385ba3eff8"
POLICY_MARK = Mark("policy.yaml", 2, 1)
CHANGE_MARK = Mark("groups.yaml", 7, 5)


def _refusals(changes=(), *, policy=None, **kwargs) -> list[tuple[str, str, str, str]]:
    out = check_guardrails(
        list(changes),
        Desired(policy=policy or Policy(), workspace=kwargs.pop("workspace", None)),
        org_id=ORG,
        full_visibility=kwargs.pop("full_visibility", True),
        **kwargs,
    )
    return [(r.code, r.message, r.hint, str(r.mark)) for r in out]


def _remove(n: int) -> Change:
    fields = tuple(FieldChange("members", "member", None, f"u{i:02}@acme.com") for i in range(n))
    return Change(Kind.GROUP, Action.UPDATE, "Crowd", "g1", fields, mark=CHANGE_MARK)


def test_max_destroy_by_default_refuses_eleven_and_points_nowhere() -> None:
    assert _refusals([_remove(10)]) == []
    assert _refusals([_remove(11)]) == [
        (
            "max_destroy",
            "11 destructive changes, more than 10 (the default)",
            "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
            "None",
        )
    ]
    assert _refusals([_remove(11)], allow_destroy=True) == []


def test_max_destroy_from_the_policy_points_at_the_policy() -> None:
    policy = Policy(max_destroy=2, mark=POLICY_MARK)
    assert _refusals([_remove(3)], policy=policy) == [
        (
            "max_destroy",
            "3 destructive changes, more than 2 (policy.max_destroy)",
            "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
            "policy.yaml:2:1",
        )
    ]


def test_wrong_workspace() -> None:
    workspace = Workspace("00000000-0000-4000-8000-000000000000", Mark("ws.yaml", 3, 3))
    assert _refusals(workspace=workspace) == [
        (
            "org_mismatch",
            "the manifests are for workspace 00000000-0000-4000-8000-000000000000, but the token"
            f" belongs to {ORG}",
            "check HEX_API_URL and the token; workspace.org_id guards against applying to the"
            " wrong workspace",
            "ws.yaml:3:3",
        )
    ]
    assert _refusals(workspace=Workspace(ORG)) == []


def test_prune_with_a_partial_view_names_both_prunes() -> None:
    policy = Policy(prune_groups=True, prune_users=True, mark=POLICY_MARK)
    assert _refusals(policy=policy, full_visibility=False) == [
        (
            "prune_visibility",
            "policy prune.groups and prune.users is on, but this token cannot see the whole"
            " workspace (neither a workspace token nor an admin's)",
            "plan with a workspace token or an admin's personal token, or turn prune off",
            "policy.yaml:2:1",
        )
    ]
    assert _refusals(policy=policy, full_visibility=True) == []
    assert _refusals(policy=policy, full_visibility=False, kinds=frozenset({Kind.PROJECT})) == []


def test_public_web_without_the_policy() -> None:
    public = [Public("project:p1", "Status page", "APP_ONLY", Mark("p.yaml", 9, 19))]
    expected = (
        "public_web",
        "project:p1: project 'Status page' is shared to the public web (APP_ONLY)",
        "set sharing.public_web: NONE for it, or set policy.allow_public_web: true if that is"
        " intended",
        "p.yaml:9:19",
    )
    assert _refusals(public=public) == [expected]
    assert _refusals(public=public, policy=Policy(allow_public_web=True)) == []


PROTECT = Policy(protect_groups=frozenset({"Admins"}), protect_users=frozenset({"it@acme.com"}))
PROTECT_HINT = (
    "protected groups and users are never deleted, deactivated or stripped of access; change the"
    " manifests, or remove them from policy.protect"
)


def test_protect_refusal_in_full() -> None:
    change = Change(Kind.GROUP, Action.DELETE, "Admins", "g1", mark=CHANGE_MARK)
    assert _refusals([change], policy=PROTECT) == [
        (
            "protect",
            "group:Admins: deletes protected group 'Admins'",
            PROTECT_HINT,
            str(CHANGE_MARK),
        )
    ]


def test_deactivating_a_protected_user_is_refused_and_another_user_is_not() -> None:
    protected = Change(Kind.USER, Action.DEACTIVATE, "it@acme.com", "u1")
    other = Change(Kind.USER, Action.DEACTIVATE, "bob@acme.com", "u2")
    assert touches_protect(protected, PROTECT) == ["deactivates protected user it@acme.com"]
    assert touches_protect(other, PROTECT) == []
    # A group that happens to share the protected user's name is not the user.
    named_like = Change(Kind.GROUP, Action.DELETE, "it@acme.com", "g9")
    assert touches_protect(named_like, PROTECT) == []


def test_removing_members_of_a_protected_group_names_every_one() -> None:
    change = Change(
        Kind.GROUP,
        Action.UPDATE,
        "Admins",
        "g1",
        (
            FieldChange("members", "member", None, "a@acme.com"),
            FieldChange("members", None, "member", "n@acme.com"),
            FieldChange("members", "member", None, "b@acme.com"),
        ),
    )
    assert touches_protect(change, PROTECT) == [
        "removes a@acme.com, b@acme.com from protected group 'Admins'"
    ]


def test_every_lowered_field_of_a_project_is_checked_not_only_the_first() -> None:
    change = Change(
        Kind.PROJECT,
        Action.UPDATE,
        "Revenue",
        "p1",
        (
            FieldChange("sharing.users", "CAN_VIEW", "CAN_EDIT", "someone@acme.com"),
            FieldChange("sharing.users", "CAN_EDIT", "CAN_VIEW", "it@acme.com"),
            FieldChange("sharing.groups", "CAN_EDIT", None, "Admins"),
        ),
    )
    assert touches_protect(change, PROTECT) == [
        "lowers protected user it@acme.com's access on 'Revenue'",
        "lowers protected group 'Admins's access on 'Revenue'",
    ]


def test_an_unchanged_level_is_not_a_lowering() -> None:
    """A field whose level stays the same (a hand-edited plan can carry one) lowers nothing."""
    change = Change(
        Kind.PROJECT,
        Action.UPDATE,
        "Revenue",
        "p1",
        (FieldChange("sharing.users", "CAN_EDIT", "CAN_EDIT", "it@acme.com"),),
    )
    assert touches_protect(change, PROTECT) == []


def test_refusals_come_in_a_fixed_order() -> None:
    """org, prune, protect, public web, max_destroy: the order plan prints them in."""
    policy = Policy(
        prune_groups=True,
        protect_groups=frozenset({"Admins"}),
        max_destroy=0,
        mark=POLICY_MARK,
    )
    codes = [
        code
        for code, *_ in _refusals(
            [Change(Kind.GROUP, Action.DELETE, "Admins", "g1")],
            policy=policy,
            workspace=Workspace("other"),
            full_visibility=False,
            public=[Public("project:p1", "Status", "CAN_VIEW", None)],
        )
    ]
    assert codes == ["org_mismatch", "prune_visibility", "protect", "public_web", "max_destroy"]


def test_refusal_round_trips() -> None:
    refusal = Refusal("protect", "m", "h", CHANGE_MARK)
    assert Refusal.from_data(refusal.data) == refusal


def test_a_collection_creator_lowered_or_removed_is_refused_others_are_not() -> None:
    """diff never plans this (the creator's level is left with a warning); a hand-edited saved
    plan can still carry it, and apply re-runs the guardrails on it."""
    coll = Mark("collections.yaml", 3, 5)
    change = Change(
        Kind.COLLECTION,
        Action.UPDATE,
        "Finance",
        "c1",
        (
            FieldChange("sharing.users", None, "MANAGE", "carol@acme.com"),  # a grant
            FieldChange("sharing.groups", "VIEW", None, "Analysts"),
            FieldChange("sharing.users", "VIEW", None, "erin@acme.com"),
            FieldChange("sharing.users", "MANAGE", "VIEW", "bob@acme.com"),
        ),
        mark=coll,
    )
    assert _refusals([change], creators={"c1": "bob@acme.com", "c2": "erin@acme.com"}) == [
        (
            "protect",
            "collection:Finance: lowers the access of bob@acme.com, who created it, on"
            " collection 'Finance'",
            "protected groups and users are never deleted, deactivated or stripped of access;"
            " change the manifests, or remove them from policy.protect",
            "collections.yaml:3:5",
        )
    ]
    assert _refusals([change]) == []
    assert touches_protect(change, Policy(), creators={"c1": "erin@acme.com"}) == [
        "lowers the access of erin@acme.com, who created it, on collection 'Finance'"
    ]
