"""What apply runs side by side, and what waits (issue #20): a project whose sharing names no
group or collection the plan changes is written beside the groups' and collections' changes (its
user sharing is paced in a rate-limit group of its own, which would otherwise wait idle); one
that names them, by their name before or after a rename, waits for their change; group deletions
still wait for every project, and deactivations for everything.

Against the gated in-process emulator (tests/apply/apply_support.py, ``Gate``): every request
waits at the gate until the client has sent all it will send before hearing back, so
``batches`` are round trips and ``calls`` the order requests went through in.
"""

from __future__ import annotations

import asyncio

import pytest
from apply_support import GatedEmulator, change, f, plan_of

from hexsync.apply.directory import Directory
from hexsync.apply.execute import apply_plan
from hexsync.emulator.seed import Seed
from hexsync.values.plan import Change, apply_stages

pytestmark = pytest.mark.anyio


@pytest.fixture
def emu(seed: Seed) -> GatedEmulator:
    return GatedEmulator(seed)


async def _directory(emu: GatedEmulator) -> Directory:
    async with emu.client() as client:
        return await Directory.read(client)


async def _run(emu: GatedEmulator, *changes: Change) -> list[tuple[str, str]]:
    directory = await _directory(emu)
    async with emu.gated_client() as client:
        task = asyncio.ensure_future(
            apply_plan(client, plan_of(*changes), live=directory, verify=False)
        )
        report = await emu.gate.drive(task)
    assert report.ok, report.data
    return emu.gate.calls


async def test_a_project_naming_no_changed_group_goes_beside_the_group_changes(
    emu: GatedEmulator,
) -> None:
    draft = await emu.project_id("Draft analysis")
    calls = await _run(
        emu,
        change("group", "update", "Analysts", f("members", None, "member", "carol@acme.com")),
        change(
            "project",
            "update",
            "Draft analysis",
            f("sharing.users", None, "CAN_VIEW", "bob@acme.com"),
            id=draft,
        ),
    )
    # One round trip for both: the membership edit and the user sharing went together.
    assert emu.gate.batches == [2]
    assert sorted(method for method, _ in calls) == ["PATCH", "PATCH"]


async def test_a_project_waits_for_the_groups_and_collections_its_sharing_names(
    emu: GatedEmulator,
) -> None:
    revenue = await emu.project_id("Revenue overview")
    bob = await emu.project_id("Bob's notebook")
    draft = await emu.project_id("Draft analysis")
    analysts = await emu.group_id("Analysts")
    calls = await _run(
        emu,
        # Renamed: a project naming the new name needs the rename done (and its members right).
        change(
            "group",
            "update",
            "Analysts",
            f("name", "Analysts", "Data team"),
            f("members", None, "member", "carol@acme.com"),
            id=analysts,
        ),
        change("collection", "create", "Partners"),
        change(
            "project",
            "update",
            "Revenue overview",
            f("sharing.groups", None, "CAN_EDIT", "Data team"),
            id=revenue,
        ),
        change(
            "project",
            "update",
            "Bob's notebook",
            f("sharing.collections", None, "CAN_VIEW", "Partners"),
            id=bob,
        ),
        change(
            "project",
            "update",
            "Draft analysis",
            f("sharing.users", None, "CAN_VIEW", "bob@acme.com"),
            f("sharing.groups", None, "CAN_VIEW", "Finance"),  # a group the plan leaves alone
            id=draft,
        ),
    )

    def at(method: str, fragment: str) -> int:
        [index] = [i for i, (m, path) in enumerate(calls) if m == method and fragment in path]
        return index

    group_edit = at("PATCH", f"/groups/{analysts}")
    collection_create = at("POST", "/collections")
    assert group_edit < at("PATCH", f"/projects/{revenue}/sharing/groups")
    assert collection_create < at("PATCH", f"/projects/{bob}/sharing/collections")
    # The draft names nothing the plan changes: its first write goes in the first round trip,
    # with the group's and the collection's.
    first = emu.gate.batches[0]
    assert first == 3
    assert at("PATCH", f"/projects/{draft}/sharing/users") < first
    assert max(group_edit, collection_create) < first


def test_the_stages_keep_the_dependency_order() -> None:
    changes = (
        change("user", "deactivate", "gus@acme.com", id="u-gus"),
        change("group", "delete", "Finance", id="g-finance"),
        change("project", "update", "A", f("sharing.groups", "CAN_VIEW", None, "Finance"), id="a"),
        # by the name before the rename, and after it
        change("project", "update", "B", f("sharing.groups", "CAN_VIEW", None, "Analysts"), id="b"),
        change("project", "update", "C", f("sharing.groups", None, "CAN_VIEW", "Data"), id="c"),
        change("project", "update", "D", f("sharing.collections", None, "CAN_VIEW", "New"), id="d"),
        change(
            "project", "update", "E", f("sharing.users", None, "CAN_VIEW", "x@acme.com"), id="e"
        ),
        change("group", "update", "Analysts", f("name", "Analysts", "Data"), id="g-analysts"),
        change("collection", "create", "New"),
        change("group", "create", "Partners"),
        # shares with a group the plan creates: after every group and collection change
        change(
            "collection", "update", "Old", f("sharing.groups", None, "VIEW", "Partners"), id="o"
        ),
        change("project", "update", "F", f("sharing.collections", None, "CAN_VIEW", "Old"), id="f"),
    )
    together, deletions, deactivations = apply_stages(changes)
    after = dict(together)
    assert sorted(after) == [2, 3, 4, 5, 6, 7, 8, 9, 10, 11]
    assert after[2] == ()  # A: Finance's deletion comes in the next stage, after every project
    assert after[3] == (7,)  # B: the old name
    assert after[4] == (7,)  # C: the new name
    assert after[5] == (8,)  # D: the new collection
    assert after[6] == ()  # E: names no group or collection
    assert after[7] == after[8] == after[9] == ()
    assert after[10] == (7, 8, 9)  # every phase-0 change, as before
    assert after[11] == (10,)
    assert deletions == ((1, ()),)
    assert deactivations == ((0, ()),)
