"""apply under adversity: random and scheduled faults, unclear creates, partial failures, rate
limits, concurrency and order. In process (no socket), so the whole file runs in a few seconds."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from apply_support import (
    TOKEN,
    Emulator,
    GatedEmulator,
    HoldsTheCreate,
    change,
    compact_workspace,
    duplicate_names,
    f,
    many_users,
    plan_of,
)

from hexsync.apply.directory import Directory
from hexsync.apply.execute import apply_plan
from hexsync.apply.report import ApplyReport
from hexsync.emulator.config import DEFAULT_RATE_LIMITS, EmulatorConfig
from hexsync.emulator.seed import Seed
from hexsync.hexapi import HexClient, RetryPolicy
from hexsync.manifest import load
from hexsync.planning.planner import read_and_plan
from hexsync.values.plan import Change

pytestmark = pytest.mark.anyio

ATTEMPTS = RetryPolicy().max_attempts


def _named(state: dict[str, Any], kind: str, name: str) -> list[dict[str, Any]]:
    key = "title" if kind == "projects" else "name"
    return [item for item in state[kind] if item[key] == name]


async def _directory(emu: Emulator) -> Directory:
    """Principal ids read before any fault is scheduled (as a plan's own read would have)."""
    async with emu.client() as client:
        return await Directory.read(client)


async def _apply(
    emu: Emulator, *changes: Change, directory: Directory | None = None
) -> ApplyReport:
    async with emu.client() as client:
        return await apply_plan(client, plan_of(*changes), live=directory)


# ------------------------------------------------------------------------ random faults


CREATES = ("CreateGroup", "CreateCollection", "CreateProject")


@pytest.mark.parametrize("fault_seed", range(10))
async def test_random_faults_never_duplicate_and_two_runs_converge(
    fault_seed: int, tmp_path: Path
) -> None:
    seed_data, manifest = compact_workspace()
    path = tmp_path / "workspace.yaml"
    path.write_text(yaml.safe_dump(manifest, sort_keys=False), encoding="utf-8")
    desired = load([str(path)])
    config = EmulatorConfig(rate_limits=None, fault_rate=0.3, fault_seed=fault_seed)
    emu = Emulator(Seed.from_dict(seed_data, source="compact"), config)
    # Random faults rarely hit a create with commit-then-timeout, the fault that duplicates:
    # each seed meets one on each kind of create, on top of its random mix.
    for create in CREATES:
        await emu.fault(create, "commit_then_timeout")

    async with emu.client() as client:
        plan, live = await read_and_plan(client, desired)
        assert len(plan.changes) == 14
        for _ in range(2):
            report = await apply_plan(client, plan, live=live)
            plan, live = await read_and_plan(client, desired)
            # The report is accurate: whatever is left was reported failed, skipped or unconverged.
            reported = {
                (o.change.kind, o.change.name) for o in (*report.failed, *report.skipped)
            } | {(u.change.kind, u.change.name) for u in report.unconverged}
            assert {(c.kind, c.name) for c in plan.changes} <= reported
            assert report.ok == (
                not report.failed and not report.skipped and not report.unconverged
            )
            if plan.empty:
                break
    assert plan.empty, [c.address for c in plan.changes]
    assert duplicate_names(await emu.state()) == {}
    fired = (await emu.control("GET", "/_emulator/faults"))["fired"]["by_operation"]
    for create in CREATES:
        assert fired[create]["commit_then_timeout"] >= 1, fired
    assert sum(sum(kinds.values()) for kinds in fired.values()) > len(CREATES), fired


# ------------------------------------------------------------------------ unclear creates

BIG_GROUP = change(
    "group",
    "create",
    "Big",
    *(f("members", None, "member", f"m{i:03d}@acme.com") for i in range(150)),
)
NEW_PROJECT = change(
    "project",
    "create",
    "Portal",
    f("description", None, "Partner apps"),
    f("status", None, "Production"),
    f("sharing.workspace", None, "APP_ONLY"),
    f("sharing.users", None, "CAN_VIEW", "bob@acme.com"),
    f("sharing.groups", None, "CAN_EDIT", "Analysts"),
)
NEW_COLLECTION = change("collection", "create", "Partners", f("description", None, "Partner apps"))


@pytest.fixture
def big_seed(make_seed: Callable[..., Seed]) -> Seed:
    base = [
        {"email": "alice@acme.com", "role": "ADMIN"},
        {"email": "bob@acme.com", "role": "EDITOR"},
        {"email": "carol@acme.com", "role": "EDITOR"},
        {"email": "gus@acme.com", "role": "GUEST"},
    ]
    return make_seed(users=[*base, *many_users(150)])


@pytest.mark.parametrize("fault", ["commit_then_timeout", "drop", "status_503"])
@pytest.mark.parametrize(
    ("operation", "plan_change", "listing"),
    [
        ("CreateGroup", BIG_GROUP, "groups"),
        ("CreateCollection", NEW_COLLECTION, "collections"),
        ("CreateProject", NEW_PROJECT, "projects"),
    ],
)
async def test_an_unclear_create_ends_with_exactly_one_complete_object(
    big_seed: Seed, fault: str, operation: str, plan_change: Change, listing: str
) -> None:
    emu = Emulator(big_seed)
    await emu.fault(operation, fault)
    report = await _apply(emu, plan_change)

    committed = fault == "commit_then_timeout"
    if not committed and listing == "projects":
        # Absent when read back, a project may still land (titles are not unique in Hex): it is
        # not sent again in this apply, but by the next, from a new read.
        [unknown] = report.outcomes
        assert unknown.status == "failed", report.data
        assert unknown.unknown, report.data
        assert (await emu.writes())[operation] == 1
        assert _named(await emu.state(), listing, plan_change.name) == []
        report = await _apply(emu, plan_change)
    assert report.ok, report.data
    assert ("adopted id" in report.outcomes[0].reason) is committed
    # Committed: adopted, never sent again. Not committed: read back, absent, sent once more
    # (a group or collection in the same apply: Hex keeps their names unique).
    assert (await emu.writes())[operation] == (1 if committed else 2)
    [made] = _named(await emu.state(), listing, plan_change.name)
    assert made["id"] == report.outcomes[0].id
    if listing == "groups":
        assert len(made["members"]) == 150  # 100 in the create, 50 added after
    if listing == "collections":
        assert made["description"] == "Partner apps"
    if listing == "projects":
        assert made["status"] == "Production"
        assert made["sharing"]["workspace"] == "APP_ONLY"
        assert made["sharing"]["users"] == {"bob@acme.com": "CAN_VIEW"}
        assert made["sharing"]["groups"] == {"Analysts": "CAN_EDIT"}


async def test_a_project_create_carried_out_after_its_read_back_is_never_sent_again(
    emu: Emulator,
) -> None:
    held = HoldsTheCreate(emu.transport)
    async with emu.client(transport=held) as client:
        report = await apply_plan(client, plan_of(NEW_PROJECT))
    await held.land()  # Hex carries the held create out, after the apply's read-back
    assert len(_named(await emu.state(), "projects", "Portal")) == 1  # never two
    assert (await emu.writes())["CreateProject"] == 1
    # Read back at once, the project was not there yet: its outcome is unknown, not "absent".
    [outcome] = report.outcomes
    assert outcome.status == "failed"
    assert outcome.unknown
    assert "outcome is unknown" in outcome.reason
    assert "not created again" in outcome.reason
    assert not report.ok
    # A plan that still creates it (one made before it landed) finds it by title first.
    async with emu.client() as client:
        again = await apply_plan(client, plan_of(NEW_PROJECT))
    assert 'a project titled "Portal" exists now' in again.outcomes[0].reason
    assert len(_named(await emu.state(), "projects", "Portal")) == 1


async def test_a_create_that_keeps_failing_is_tried_again_only_after_reading_back(
    emu: Emulator,
) -> None:
    # A 503 storm that outlasts the client: every create is read back (absent) before the next.
    await emu.fault("CreateCollection", "status_503", count=ATTEMPTS - 1)
    report = await _apply(emu, NEW_COLLECTION)
    assert report.ok, report.data
    stats = (await emu.control("GET", "/_emulator/stats"))["requests"]
    assert sum(stats["CreateCollection"].values()) == ATTEMPTS
    assert sum(stats["ListCollections"].values()) >= ATTEMPTS - 1  # one read-back per failure
    assert len(_named(await emu.state(), "collections", "Partners")) == 1


async def test_a_create_whose_read_back_fails_says_it_may_exist_and_holds_back_dependents(
    big_seed: Seed,
) -> None:
    emu = Emulator(big_seed)
    directory = await _directory(emu)
    revenue = await emu.project_id("Revenue overview")
    await emu.fault("CreateGroup", "commit_then_timeout")
    await emu.fault("ListGroups", "status_500", count=50)
    uses_big = change(
        "project",
        "update",
        "Revenue overview",
        f("sharing.groups", None, "CAN_VIEW", "Big"),
        id=revenue,
    )
    independent = change(
        "project",
        "update",
        "Bob's notebook",
        f("status", None, "Production"),
        id=await emu.project_id("Bob's notebook"),
    )
    report = await _apply(emu, BIG_GROUP, uses_big, independent, directory=directory)

    group, sharing, other = report.outcomes
    assert group.status == "failed"
    assert "outcome is unknown" in group.reason
    assert "reading back to find out failed too: ListGroups" in group.reason
    assert "may exist now" in group.reason
    assert sharing.status == "skipped"
    assert sharing.reason.startswith('group "Big" may or may not have been created: ')
    assert other.status == "done"
    assert (await emu.writes())["CreateGroup"] == 1  # never sent again without knowing
    assert len(_named(await emu.state(), "groups", "Big")) == 1


async def test_two_projects_with_the_title_after_an_unclear_create_are_never_picked_from(
    emu: Emulator,
) -> None:
    async with emu.client() as client:
        await client.create_project("Portal")  # someone else, meanwhile
    await emu.fault("CreateProject", "commit_then_timeout")
    report = await _apply(emu, NEW_PROJECT)
    [failed] = report.failed
    # Read again just before the create, the title is taken: not created a second time.
    assert 'a project titled "Portal" exists now' in failed.reason
    assert "not created a second time" in failed.reason
    writes = await emu.writes()
    assert writes["CreateProject"] == 1  # the one above only
    assert writes["UpdateProject"] == writes["EditProjectSharingUsers"] == 0


async def test_a_group_created_whose_member_adds_fail_lets_its_sharing_go_on(
    big_seed: Seed,
) -> None:
    emu = Emulator(big_seed)
    directory = await _directory(emu)
    revenue = await emu.project_id("Revenue overview")
    await emu.fault("EditGroup", "status_500", count=50)
    uses_big = change(
        "project",
        "update",
        "Revenue overview",
        f("sharing.groups", None, "CAN_VIEW", "Big"),
        id=revenue,
    )
    report = await _apply(emu, BIG_GROUP, uses_big, directory=directory)

    group, sharing = report.outcomes
    [made] = _named(await emu.state(), "groups", "Big")
    assert group.status == "failed"
    assert group.id == made["id"]
    assert group.reason.startswith(f"created as {made['id']}, then: EditGroup: ")
    assert sharing.status == "done"  # the group exists: "was not created" would be false
    project = next(p for p in (await emu.state())["projects"] if p["id"] == revenue)
    assert project["sharing"]["groups"]["Big"] == "CAN_VIEW"


# ------------------------------------------------------------------------ partial failure


async def test_a_rejected_status_fails_by_field_and_the_rest_of_the_change_is_written(
    emu: Emulator,
) -> None:
    revenue = await emu.project_id("Revenue overview")
    notebook = await emu.project_id("Bob's notebook")
    report = await _apply(
        emu,
        change(
            "project",
            "update",
            "Revenue overview",
            f("status", "Production", "Nonexistent status"),
            f("sharing.workspace", "APP_ONLY", "CAN_VIEW"),
            f("sharing.users", None, "CAN_VIEW", "bob@acme.com"),
            id=revenue,
        ),
        change("project", "update", "Bob's notebook", f("status", None, "Production"), id=notebook),
    )
    failed, other = report.outcomes
    assert failed.status == "failed"
    assert failed.reason.startswith("status: UpdateProject: ")
    assert "(HTTP 400)" in failed.reason
    assert other.status == "done"
    project = next(p for p in (await emu.state())["projects"] if p["id"] == revenue)
    assert project["status"] == "Production"
    assert project["sharing"]["workspace"] == "CAN_VIEW"  # independent of the status: written
    assert project["sharing"]["users"]["bob@acme.com"] == "CAN_VIEW"


async def test_sharing_hex_refuses_for_an_unknown_id_names_field_principal_and_reason(
    emu: Emulator,
) -> None:
    revenue = await emu.project_id("Revenue overview")
    directory = await _directory(emu)
    directory.users["gus@acme.com"] = "00000000-0000-4000-8000-00000000dead"  # gone since
    report = await _apply(
        emu,
        change(
            "project",
            "update",
            "Revenue overview",
            f("sharing.users", None, "CAN_VIEW", "bob@acme.com"),
            f("sharing.users", None, "CAN_VIEW", "gus@acme.com"),
            id=revenue,
        ),
        directory=directory,
    )
    [failed] = report.failed
    assert failed.reason.startswith("sharing.users gus@acme.com: Hex refused it: ")
    project = next(p for p in (await emu.state())["projects"] if p["id"] == revenue)
    assert project["sharing"]["users"]["bob@acme.com"] == "CAN_VIEW"


async def test_a_group_deletion_that_keeps_failing_fails_alone(emu: Emulator) -> None:
    finance = await emu.group_id("Finance")
    notebook = await emu.project_id("Bob's notebook")
    await emu.fault("DeleteGroup", "status_500", count=50)
    report = await _apply(
        emu,
        change(
            "project",
            "update",
            "Bob's notebook",
            f("sharing.groups", "CAN_VIEW", None, "Finance"),
            id=notebook,
        ),
        change("group", "delete", "Finance", id=finance),
    )
    sharing, deletion = report.outcomes
    assert sharing.status == "done"
    assert deletion.status == "failed"
    assert deletion.reason.startswith("DeleteGroup: Internal server error (HTTP 500)")
    assert (await emu.writes())["DeleteGroup"] == ATTEMPTS
    assert "Apply finished partially: 1 done, 1 failed, 0 skipped" in report.summary


async def test_a_group_deleted_by_someone_else_meanwhile_is_done(emu: Emulator) -> None:
    finance = await emu.group_id("Finance")
    async with emu.client() as client:
        await client.delete_group(finance)
    report = await _apply(emu, change("group", "delete", "Finance", id=finance))
    assert report.ok, report.data
    assert report.outcomes[0].reason == "already gone"


async def test_a_failed_rename_holds_back_sharing_by_the_new_name(emu: Emulator) -> None:
    finance = next(c["id"] for c in (await emu.state())["collections"] if c["name"] == "Finance")
    revenue = await emu.project_id("Revenue overview")
    await emu.fault("EditCollection", "status_500", count=50)
    report = await _apply(
        emu,
        change("collection", "update", "Money", f("name", "Finance", "Money"), id=finance),
        change(
            "project",
            "update",
            "Revenue overview",
            f("sharing.collections", None, "CAN_EDIT", "Money"),
            id=revenue,
        ),
    )
    rename, sharing = report.outcomes
    assert rename.status == "failed"
    assert sharing.status == "skipped"
    assert sharing.reason.startswith('collection "Money" was not renamed: EditCollection: ')


async def test_a_proxy_error_page_is_one_readable_line_in_the_report(emu: Emulator) -> None:
    revenue = await emu.project_id("Revenue overview")
    await emu.fault("EditProjectSharingUsers", "status_502", count=50)
    report = await _apply(
        emu,
        change(
            "project",
            "update",
            "Revenue overview",
            f("sharing.users", None, "CAN_VIEW", "bob@acme.com"),
            id=revenue,
        ),
    )
    [failed] = report.failed
    assert "\n" not in failed.reason
    assert "\n" not in failed.line
    assert failed.reason.startswith("sharing.users: EditProjectSharingUsers: ")
    assert "502 Bad Gateway" in failed.reason


# ------------------------------------------------------------------------ rate limits


async def test_at_hex_rate_limits_pacing_meets_no_429_and_writes_equal_the_plan(
    make_seed: Callable[..., Seed],
) -> None:
    projects = [{"title": f"P{i:02d}", "owner": "alice@acme.com"} for i in range(40)]
    emu = Emulator(make_seed(projects=projects), EmulatorConfig(rate_limits=DEFAULT_RATE_LIMITS))
    state = await emu.state()
    ids = {p["title"]: p["id"] for p in state["projects"]}
    plan = plan_of(
        *(
            change(
                "project",
                "update",
                title,
                f("status", None, "Production"),
                f("sharing.users", None, "CAN_VIEW", "bob@acme.com"),
                id=ident,
            )
            for title, ident in sorted(ids.items())
        )
    )

    async def sleep(seconds: float) -> None:  # the client waits on the emulator's own clock
        emu.clock.advance(seconds)
        await asyncio.sleep(0)

    started = emu.clock.now()
    async with HexClient(
        TOKEN, "http://127.0.0.1", transport=emu.transport, clock=emu.clock.now, sleep=sleep
    ) as client:
        report = await apply_plan(client, plan)
        assert client.counters.rate_limited == 0

    assert report.ok, report.data
    stats = await emu.control("GET", "/_emulator/stats")
    assert stats["rate_limited"] == 0
    assert sum((await emu.writes()).values()) == plan.requests == 80
    assert emu.clock.now() - started > 60  # 80 writes at 30/minute: paced, not bursted


async def test_429s_from_a_quota_spent_elsewhere_never_fail_a_change(
    make_seed: Callable[..., Seed],
) -> None:
    emu = Emulator(make_seed(), EmulatorConfig(rate_limits=DEFAULT_RATE_LIMITS))
    revenue = await emu.project_id("Revenue overview")
    directory = await _directory(emu)
    # Another job on the same token spends the minute's quota: apply's first requests meet 429.
    async with httpx.AsyncClient(transport=emu.transport, base_url="http://127.0.0.1") as other:
        for _ in range(40):
            await other.get("/api/v1/groups", headers={"Authorization": f"Bearer {TOKEN}"})

    async def sleep(seconds: float) -> None:
        emu.clock.advance(seconds)
        await asyncio.sleep(0)

    async with HexClient(
        TOKEN, "http://127.0.0.1", transport=emu.transport, clock=emu.clock.now, sleep=sleep
    ) as client:
        report = await apply_plan(
            client,
            plan_of(
                change("group", "create", "Partners team"),
                change(
                    "project",
                    "update",
                    "Revenue overview",
                    f("status", None, "Deprecated"),
                    id=revenue,
                ),
            ),
            live=directory,
        )
        assert client.counters.rate_limited > 0

    assert report.ok, report.data
    stats = (await emu.control("GET", "/_emulator/stats"))["requests"]
    assert stats["CreateGroup"].get("201") == 1  # a create refused with 429 is sent again
    assert len(_named(await emu.state(), "groups", "Partners team")) == 1


# ------------------------------------------------------------------------ concurrency, order


async def test_independent_changes_go_four_at_a_time(make_seed: Callable[..., Seed]) -> None:
    projects = [{"title": f"P{i:02d}", "owner": "alice@acme.com"} for i in range(20)]
    emu = GatedEmulator(make_seed(projects=projects))
    directory = await _directory(emu)
    state = await emu.state()
    plan = plan_of(
        *(
            change("project", "update", p["title"], f("status", None, "Production"), id=p["id"])
            for p in state["projects"]
        )
    )
    async with emu.gated_client() as client:
        task = asyncio.ensure_future(apply_plan(client, plan, live=directory, verify=False))
        report = await emu.gate.drive(task)
    assert report.ok, report.data
    # 20 writes through the client's 4 connections: 5 round trips of 4, not 20 of 1.
    assert emu.gate.batches == [4, 4, 4, 4, 4]


@pytest.mark.parametrize("listed", ["in phase order", "backwards"])
async def test_sharing_waits_for_its_group_and_a_deletion_for_the_sharing(
    emu_gated: GatedEmulator, listed: str
) -> None:
    """The order of execution comes from the dependencies, not from the order the plan lists its
    changes in: a plan listing the deletion before the sharing that stops naming the group (a
    hand-edited or forged one) still unshares first."""
    emu = emu_gated
    directory = await _directory(emu)
    finance = await emu.group_id("Finance")
    state = await emu.state()
    projects = {p["title"]: p["id"] for p in state["projects"]}
    changes = (
        change("group", "create", "Partners team", f("members", None, "member", "bob@acme.com")),
        *(
            change(
                "project",
                "update",
                title,
                f("sharing.groups", None, "CAN_VIEW", "Partners team"),
                *(
                    (f("sharing.groups", "CAN_VIEW", None, "Finance"),)
                    if title == "Bob's notebook"
                    else ()
                ),
                id=ident,
            )
            for title, ident in sorted(projects.items())
        ),
        change("group", "delete", "Finance", id=finance),
        change("user", "deactivate", "gus@acme.com"),
    )
    plan = plan_of(*(changes if listed == "in phase order" else reversed(changes)))
    async with emu.gated_client() as client:
        task = asyncio.ensure_future(apply_plan(client, plan, live=directory, verify=False))
        report = await emu.gate.drive(task)
    assert report.ok, report.data
    order = [(method, path.split("/")[3]) for method, path in emu.gate.calls]
    create = order.index(("POST", "groups"))
    sharing = [i for i, op in enumerate(order) if op == ("PATCH", "projects")]
    delete = order.index(("DELETE", "groups"))
    deactivate = order.index(("POST", "users"))
    assert len(sharing) == len(projects)
    assert create < min(sharing)
    assert max(sharing) < delete < deactivate


@pytest.fixture
def emu_gated(seed: Seed) -> GatedEmulator:
    return GatedEmulator(seed)


@pytest.fixture
def emu(seed: Seed) -> Emulator:
    return Emulator(seed)


async def test_a_collection_shared_with_a_new_group_waits_for_it_and_a_project_for_both(
    emu_gated: GatedEmulator,
) -> None:
    """The group is created first, then the collection that names it (sent together, the
    collection would have no id to share with), then the project shared with that collection."""
    emu = emu_gated
    directory = await _directory(emu)
    revenue = await emu.project_id("Revenue overview")
    plan = plan_of(
        change(
            "collection",
            "create",
            "Partners",
            f("sharing.groups", None, "CAN_VIEW", "Partners team"),
        ),
        change("group", "create", "Partners team", f("members", None, "member", "bob@acme.com")),
        change(
            "project",
            "update",
            "Revenue overview",
            f("sharing.collections", None, "CAN_VIEW", "Partners"),
            id=revenue,
        ),
    )
    async with emu.gated_client() as client:
        task = asyncio.ensure_future(apply_plan(client, plan, live=directory, verify=False))
        report = await emu.gate.drive(task)
    assert report.ok, report.data
    writes = [(m, p.split("/")[3]) for m, p in emu.gate.calls if m != "GET"]
    group, collection = writes.index(("POST", "groups")), writes.index(("POST", "collections"))
    assert group < collection < writes.index(("PATCH", "projects"))
    state = await emu.state()
    [partners] = [c for c in state["collections"] if c["name"] == "Partners"]
    assert partners["sharing"]["groups"] == {"Partners team": "CAN_VIEW"}
