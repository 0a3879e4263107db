"""The two gates before a saved plan's first write: refused plans and stale plans.

Each asserts the whole text the admin reads (exit 3), and that a plan which still holds passes,
against a live reading of the in-process emulator.
"""

from __future__ import annotations

import dataclasses

import pytest
from apply_support import Emulator, change, f, plan_of

from hexsync.apply.execute import apply_plan
from hexsync.apply.gate import refuse_if_refused, refuse_if_stale
from hexsync.apply.verify import AlreadyAppliedError
from hexsync.emulator.seed import Seed
from hexsync.errors import GuardrailError
from hexsync.readers.workspace import read_live
from hexsync.values.desired import FrozenMap
from hexsync.values.kinds import Kind
from hexsync.values.live import Live
from hexsync.values.plan import Change, LiveRef, Plan, Refusal

pytestmark = pytest.mark.anyio


@pytest.fixture
def emu(seed: Seed) -> Emulator:
    return Emulator(seed)


async def _live(emu: Emulator, token: str | None = None) -> Live:
    async with emu.client() if token is None else emu.client(token=token) as client:
        return await read_live(client, member_groups={"Analysts", "Finance"})


def test_a_refused_plan_says_every_refusal_with_its_hint_and_what_to_do() -> None:
    plan = dataclasses.replace(
        plan_of(change("group", "delete", "Finance", id="g-1")),
        refusals=(
            Refusal("max_destroy", "12 destructive changes, more than 10", "raise the limit"),
            Refusal("protect", "group 'Admins' is protected"),
        ),
    )
    with pytest.raises(GuardrailError) as refused:
        refuse_if_refused(plan)
    assert refused.value.exit_code == 3
    assert str(refused.value) == (
        "the plan is refused, nothing was applied:\n"
        "  12 destructive changes, more than 10 (raise the limit)\n"
        "  group 'Admins' is protected\n"
        "hint: fix the manifests or the policy, then plan again"
    )


def test_a_plan_without_refusals_is_not_refused() -> None:
    refuse_if_refused(plan_of(change("group", "delete", "Finance", id="g-1")))


def _add_carol(analysts: str) -> Change:
    return change(
        "group", "update", "Analysts", f("members", None, "member", "carol@acme.com"), id=analysts
    )


def _relying(plan: Plan, live: Live, *refs: tuple[Kind, str], full: bool) -> Plan:
    relied = tuple(r for k, i in refs if (r := live.ref(k, i)) is not None)
    assert len(relied) == len(refs)
    workspace = dataclasses.replace(plan.workspace, full_visibility=full)
    return dataclasses.replace(plan, workspace=workspace, relied=relied)


async def test_a_plan_that_still_holds_passes_with_the_same_kind_of_token(emu: Emulator) -> None:
    analysts = await emu.group_id("Analysts")
    plan = plan_of(_add_carol(analysts))
    workspace = await _live(emu)
    refuse_if_stale(_relying(plan, workspace, (Kind.GROUP, analysts), full=True), workspace)
    member = await _live(emu, "hxtp_member")
    refuse_if_stale(_relying(plan, member, (Kind.GROUP, analysts), full=False), member)


async def test_a_stale_plan_names_each_moved_or_gone_object_and_a_create_that_exists_now(
    emu: Emulator,
) -> None:
    analysts = await emu.group_id("Analysts")
    plan = plan_of(
        _add_carol(analysts),
        change("collection", "create", "Finance"),
    )
    live = await _live(emu)
    plan = _relying(plan, live, (Kind.GROUP, analysts), full=True)
    [read] = plan.relied
    gone = LiveRef(Kind.GROUP, "Interns", "0a000000-0000-4000-8000-0000000000ff", read.fields)
    # as the plan saw Analysts: with other members than now
    moved = dataclasses.replace(read, fields=FrozenMap({**read.fields, "members": "erin@acme.com"}))
    plan = dataclasses.replace(plan, relied=(gone, moved))
    with pytest.raises(GuardrailError) as stale:
        refuse_if_stale(plan, live)
    assert stale.value.exit_code == 3
    assert str(stale.value) == (
        "the saved plan is stale, nothing was applied:\n"
        '  group "Interns": no longer exists\n'
        '  group "Analysts": members changed since the plan was made\n'
        '  collection "Finance": exists now, but the plan was to create it\n'
        "hint: make a new plan (`hexsync plan --out plan.json`), review it, and apply that"
    )


async def test_a_plan_made_seeing_everything_is_stale_for_a_token_that_sees_less(
    emu: Emulator,
) -> None:
    analysts = await emu.group_id("Analysts")
    plan = plan_of(_add_carol(analysts))
    member = await _live(emu, "hxtp_member")
    with pytest.raises(GuardrailError) as stale:
        refuse_if_stale(_relying(plan, member, (Kind.GROUP, analysts), full=True), member)
    assert str(stale.value) == (
        "the saved plan is stale, nothing was applied:\n"
        "  the plan was made with a token that sees the whole workspace, but this token sees"
        " only what its user may see (not a workspace token, not an admin)\n"
        "hint: make a new plan (`hexsync plan --out plan.json`), review it, and apply that"
    )


@pytest.mark.parametrize("count", [1, 2])
async def test_a_stale_plan_whose_changes_all_landed_is_applied_already(
    emu: Emulator, count: int
) -> None:
    analysts, finance = await emu.group_id("Analysts"), await emu.group_id("Finance")
    changes = [
        _add_carol(analysts),
        change(
            "group", "update", "Finance", f("members", None, "member", "bob@acme.com"), id=finance
        ),
    ]
    relied = [(Kind.GROUP, analysts), (Kind.GROUP, finance)][:count]
    plan = _relying(plan_of(*changes[:count]), await _live(emu), *relied, full=True)
    async with emu.client() as client:
        report = await apply_plan(client, plan)
        assert report.ok, [o.reason for o in report.outcomes]
    with pytest.raises(AlreadyAppliedError) as done:
        refuse_if_stale(plan, await _live(emu))
    held = "its one change" if count == 1 else "all 2 changes"
    assert str(done.value) == (
        f"The saved plan is applied already (the workspace holds {held}): nothing to do."
    )
