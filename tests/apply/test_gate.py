"""The saved-plan gate's decisions without I/O (hexsync/apply/gate.py): the guardrails evaluated
again on a saved plan's own changes (``reevaluate``), and how a saved plan differs from the plan
the manifests make now (``compare_changes``).

A forged plan.json (tests/apply/test_saved_plan_guards.py forges them end to end) reaches these
with its refusals removed and its checksum recomputed: each refusal here is the last thing
between it and the workspace, so each is checked whole, with where it points.
"""

from __future__ import annotations

from apply_support import ORG_ID, change, f, plan_of

from hexsync.apply.gate import compare_changes, reevaluate
from hexsync.values.desired import FrozenMap
from hexsync.values.live import Live, LiveCollection
from hexsync.values.plan import Change, Plan, PlanPolicy

PID = "0b3f6a51-5b6e-4c43-a4a8-0b1d2b7f3c11"
OTHER = "7c1d9e02-3a4b-4f5c-8d6e-9f0a1b2c3d4e"
PROTECT = "protected groups and users are never deleted, deactivated or stripped of access;"
PROTECT += " change the manifests, or remove them from policy.protect"
WORKSPACE_TOKEN = Live(ORG_ID)  # a workspace token: sees the whole workspace


def carrying(policy: PlanPolicy, *changes: Change) -> Plan:
    base = plan_of(*changes)
    return Plan(base.workspace, base.changes, policy=policy)


def again(plan: Plan, live: Live = WORKSPACE_TOKEN) -> list[tuple[str, str, str]]:
    """The refusals as apply shows them (``refuse_if_refused``: the message and its hint)."""
    return [(r.code, r.message, r.hint) for r in reevaluate(plan, live)]


# ------------------------------------------------------------------------------------ reevaluate


def test_a_project_left_public_is_refused() -> None:
    plan = carrying(
        PlanPolicy(),
        change(
            "project",
            "update",
            "Revenue overview",
            f("sharing.public_web", "NONE", "CAN_VIEW"),
            id=PID,
        ),
        change(
            "project", "update", "Forecast", f("sharing.public_web", "APP_ONLY", "NONE"), id=OTHER
        ),
    )
    assert again(plan) == [
        (
            "public_web",
            f"project:{PID}: project 'Revenue overview' is shared to the public web (CAN_VIEW)",
            "set sharing.public_web: NONE for it, or set policy.allow_public_web: true"
            " if that is intended",
        )
    ]
    assert again(carrying(PlanPolicy(allow_public_web=True), *plan.changes)) == []


def test_pruning_users_with_a_token_that_sees_less_is_refused() -> None:
    deactivate = change("user", "deactivate", "mallory@acme.com", id="u-mallory")
    editor = Live(ORG_ID, me_email="bob@acme.com", me_role="EDITOR")
    assert again(carrying(PlanPolicy(prune_users=True), deactivate), editor) == [
        (
            "prune_visibility",
            "policy prune.users is on, but this token cannot see the whole workspace"
            " (neither a workspace token nor an admin's)",
            "plan with a workspace token or an admin's personal token, or turn prune off",
        )
    ]
    assert again(carrying(PlanPolicy(prune_users=True), deactivate)) == []


def test_a_plan_targeted_at_a_kind_is_checked_as_it_was_made() -> None:
    # `--target group`: prune.users is not this plan's business, at plan time nor at apply.
    editor = Live(ORG_ID, me_email="bob@acme.com", me_role="EDITOR")
    add = change("group", "update", "Analysts", f("members", None, "member", "carol@acme.com"))
    targeted = PlanPolicy(prune_users=True, target="group")
    assert again(carrying(targeted, add), editor) == []
    whole = PlanPolicy(prune_users=True, prune_groups=True, target="group")
    assert [r[1][:27] for r in again(carrying(whole, add), editor)] == [
        "policy prune.groups is on, "
    ]


def test_protected_emails_are_matched_in_any_case() -> None:
    # Matched in any case; each message names the person as the plan spells them.
    policy = PlanPolicy(protect_users=("Admin@Acme.com",))
    plan = carrying(
        policy,
        change("group", "update", "Analysts", f("members", "member", None, "ADMIN@acme.com")),
        change(
            "project",
            "update",
            "Revenue overview",
            f("sharing.users", "FULL_ACCESS", "CAN_VIEW", "admin@ACME.com"),
            id=PID,
        ),
        change("user", "deactivate", "Admin@ACME.com", id="u-admin"),
    )
    assert again(plan) == [
        (
            "protect",
            "group:Analysts: removes protected user ADMIN@acme.com from group 'Analysts'",
            PROTECT,
        ),
        (
            "protect",
            f"project:{PID}: lowers protected user admin@ACME.com's access on 'Revenue overview'",
            PROTECT,
        ),
        (
            "protect",
            "user:Admin@ACME.com: deactivates protected user Admin@ACME.com",
            PROTECT,
        ),
    ]


def test_the_creator_of_a_collection_keeps_their_access_to_it() -> None:
    live = Live(
        ORG_ID,
        collections=FrozenMap(
            {"Finance": LiveCollection("c-finance", "Finance", creator="bob@acme.com")}
        ),
    )
    stripped = change(
        "collection",
        "update",
        "Finance",
        f("sharing.users", "MANAGE", "VIEW", "Bob@Acme.com"),
        id="c-finance",
    )
    assert again(carrying(PlanPolicy(), stripped), live) == [
        (
            "protect",
            "collection:Finance: lowers the access of Bob@Acme.com, who created it, on"
            " collection 'Finance'",
            PROTECT,
        )
    ]


# ------------------------------------------------------------------------------------ compare


def test_identical_changes_in_any_order_do_not_differ() -> None:
    a = change("group", "update", "Analysts", f("members", None, "member", "carol@acme.com"))
    b = change("project", "update", "Forecast", f("status", None, "Production"), id=OTHER)
    assert compare_changes(plan_of(a, b), plan_of(b, a)) == []


def test_every_difference_is_named_in_order() -> None:
    saved = plan_of(
        change("user", "deactivate", "mallory@acme.com", id="u-mallory"),
        change("group", "delete", "Admins", id="g-admins"),
        change(
            "group",
            "update",
            "Analysts",
            f("name", "Analysts team", "Analysts"),
            f("members", "member", None, "erin@a.io"),
            f("members", "member", None, "dave@a.io"),
            f("members", None, "member", "ivan@a.io"),
            f("members", None, "member", "carol@a.io"),
            f("members", None, "member", "bob@a.io"),
            f("members", None, "member", "grace@a.io"),
            f("members", "member", None, "heidi@a.io"),
            f("members", None, "member", "frank@a.io"),
        ),
        # the same title, another project: not the change the manifests make
        change("project", "update", "Forecast", f("status", None, "Production"), id=PID),
    )
    fresh = plan_of(
        change("group", "update", "Analysts", f("members", None, "member", "carol@a.io")),
        change("project", "update", "Forecast", f("status", None, "Production"), id=OTHER),
    )
    analysts = "only in the saved plan: update group 'Analysts'"
    assert compare_changes(saved, fresh) == [
        "only in the saved plan: delete group 'Admins'",
        f"{analysts}: members['bob@a.io']: null → 'member'",
        f"{analysts}: members['dave@a.io']: 'member' → null",
        f"{analysts}: members['erin@a.io']: 'member' → null",
        f"{analysts}: members['frank@a.io']: null → 'member'",
        f"{analysts}: members['grace@a.io']: null → 'member'",
        f"{analysts}: members['heidi@a.io']: 'member' → null",
        f"{analysts}: members['ivan@a.io']: null → 'member'",
        f"{analysts}: name: 'Analysts team' → 'Analysts'",
        "only in the saved plan: update project 'Forecast' (0b3f6a51…)",
        "only in the saved plan: deactivate user 'mallory@acme.com'",
        "only in the manifests' plan: update project 'Forecast' (7c1d9e02…)",
    ]


def test_a_field_of_a_project_is_named_with_the_project_id() -> None:
    saved = plan_of(
        change(
            "project", "update", "Forecast", f("sharing.users", "CAN_VIEW", None, "d@a.io"), id=PID
        )
    )
    fresh = plan_of(change("project", "update", "Forecast", id=PID))
    assert compare_changes(saved, fresh) == [
        "only in the saved plan: update project 'Forecast' (0b3f6a51…): "
        "sharing.users['d@a.io']: 'CAN_VIEW' → null"
    ]
