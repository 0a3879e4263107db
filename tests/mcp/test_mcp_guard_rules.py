"""The rules of hexsync.mcp.guard, one by one: which inline policy loosens the server's,
what the merged policy is, and what a plan or a deactivation is refused for."""

from __future__ import annotations

import pytest

from hexsync.mcp import ToolError
from hexsync.mcp.guard import bind_policy, deactivation_refusals, loosenings, plan_refusals
from hexsync.values.desired import Mark, Policy
from hexsync.values.kinds import Kind
from hexsync.values.plan import Action, Change, FieldChange

SERVER = Policy(
    protect_groups=frozenset({"Admins"}),
    protect_users=frozenset({"root@acme.com"}),
    max_destroy=5,
    statuses=frozenset({"Production"}),
)
HERE = Mark("inline.yaml", 2, 1)


def declared(**kw: object) -> Policy:
    return Policy(mark=HERE, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("given", "said"),
    [
        (declared(prune_groups=True), "prune.groups"),
        (declared(prune_users=True), "prune.users"),
        (declared(max_destroy=6), "max_destroy: 6"),
        (declared(allow_public_web=True), "allow_public_web"),
    ],
)
def test_each_loosening_is_refused_by_name(given: Policy, said: str) -> None:
    assert any(said in x for x in loosenings(SERVER, given))
    with pytest.raises(ToolError, match=r"inline\.yaml"):
        bind_policy(SERVER, given)


def test_what_is_not_looser_is_accepted() -> None:
    assert loosenings(SERVER, declared(max_destroy=5)) == []
    assert loosenings(SERVER, declared()) == []  # protect lists and max_destroy inherit
    permissive = Policy(prune_groups=True, prune_users=True, allow_public_web=True)
    assert loosenings(permissive, declared(prune_groups=True, allow_public_web=True)) == []


def test_no_declared_policy_means_the_servers() -> None:
    assert bind_policy(SERVER, Policy()) is SERVER


def test_the_merge_takes_the_stricter_rule_each_time() -> None:
    permissive = Policy(
        prune_groups=True,
        prune_users=True,
        allow_public_web=True,
        max_destroy=20,
        protect_groups=frozenset({"Admins"}),
    )
    merged = bind_policy(
        permissive,
        declared(
            prune_groups=False,
            prune_users=True,
            allow_public_web=False,
            max_destroy=0,
            protect_groups=frozenset({"Finance"}),
            protect_users=frozenset({"a@acme.com"}),
        ),
    )
    assert (merged.prune_groups, merged.prune_users, merged.allow_public_web) == (
        False,
        True,
        False,
    )
    assert merged.max_destroy == 0
    assert merged.protect_groups == {"Admins", "Finance"}
    assert merged.protect_users == {"a@acme.com"}
    assert bind_policy(SERVER, declared(protect_users=frozenset())).protect_users == {
        "root@acme.com"
    }
    assert bind_policy(SERVER, declared()).max_destroy == 5
    assert bind_policy(SERVER, declared(statuses=frozenset({"Beta"}))).statuses == {"Beta"}
    assert bind_policy(SERVER, declared()).statuses == {"Production"}


def _delete(name: str, ident: str = "g1") -> Change:
    return Change(Kind.GROUP, Action.DELETE, name, id=ident)


def test_plan_refusals_protect_public_web_and_max_destroy() -> None:
    assert plan_refusals([_delete("Admins")], SERVER, allow_destroy=False) == [
        "group:Admins: deletes protected group 'Admins'"
    ]
    inside = plan_refusals(
        [_delete("Ops")], SERVER, allow_destroy=False, members={"Ops": frozenset({"root@acme.com"})}
    )
    assert inside
    assert "removing protected user root@acme.com" in inside[0]
    public = Change(
        Kind.PROJECT,
        Action.UPDATE,
        "Revenue",
        id="p1",
        fields=(FieldChange("sharing.public_web", "NONE", "CAN_VIEW"),),
    )
    assert any(
        "public web (CAN_VIEW)" in r for r in plan_refusals([public], SERVER, allow_destroy=False)
    )
    assert plan_refusals([public], Policy(allow_public_web=True), allow_destroy=False) == []
    six = [_delete(f"G{i}", f"g{i}") for i in range(6)]
    assert plan_refusals(six, SERVER, allow_destroy=False) == [
        "6 destructive changes, more than max_destroy 5"
    ]
    assert plan_refusals(six, SERVER, allow_destroy=True) == []
    assert plan_refusals(six[:5], SERVER, allow_destroy=False) == []


def test_deactivation_refusals() -> None:
    assert deactivation_refusals(["root@acme.com"], SERVER, allow_destroy=True) == [
        "root@acme.com is protected (policy.protect.users)"
    ]
    emails = [f"u{i}@acme.com" for i in range(6)]
    assert deactivation_refusals(emails, SERVER, allow_destroy=False) == [
        "6 deactivations, more than max_destroy 5"
    ]
    assert deactivation_refusals(emails, SERVER, allow_destroy=True) == []
    assert deactivation_refusals(emails[:5] + emails[:5], SERVER, allow_destroy=False) == []
