"""apply_plan against the in-process emulator, on hand-made plans: order, batching, failures."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from apply_support import Emulator, change, f, plan_of

from hexsync.apply.directory import Directory
from hexsync.apply.execute import apply_plan
from hexsync.apply.gate import apply_saved_plan
from hexsync.apply.report import ApplyReport, Outcome, Progress
from hexsync.emulator.seed import Seed
from hexsync.errors import GuardrailError
from hexsync.hexapi import RetryPolicy
from hexsync.readers.workspace import read_live
from hexsync.values.kinds import Kind
from hexsync.values.plan import Refusal

pytestmark = pytest.mark.anyio


@pytest.fixture
def emu(seed: Seed) -> Emulator:
    return Emulator(seed)


def _by_name(items: list[dict[str, Any]], key: str = "name") -> dict[str, dict[str, Any]]:
    return {item[key]: item for item in items}


async def test_a_whole_plan_lands_in_order_within_its_request_budget(emu: Emulator) -> None:
    revenue = await emu.project_id("Revenue overview")
    finance = await emu.group_id("Finance")
    analysts = await emu.group_id("Analysts")
    plan = plan_of(
        change("collection", "create", "Partners", f("description", None, "Partner apps")),
        change(
            "group",
            "create",
            "Partners team",
            f("members", None, "member", "bob@acme.com"),
            f("members", None, "member", "carol@acme.com"),
        ),
        change(
            "group",
            "update",
            "Analysts",
            f("members", None, "member", "carol@acme.com"),
            f("members", "member", None, "bob@acme.com"),
            id=analysts,
        ),
        change(
            "project",
            "update",
            "Revenue overview",
            f("status", "Production", "Deprecated"),
            f("sharing.workspace", "APP_ONLY", "CAN_VIEW"),
            f("sharing.users", "CAN_EDIT", None, "carol@acme.com"),
            f("sharing.groups", None, "CAN_VIEW", "Partners team"),
            f("sharing.collections", None, "CAN_VIEW", "Partners"),
            id=revenue,
        ),
        change(
            "project",
            "create",
            "Partner portal",
            f("description", None, "For partners"),
            f("status", None, "Exploratory"),
            f("sharing.workspace", None, "APP_ONLY"),
            f("sharing.groups", None, "CAN_EDIT", "Partners team"),
        ),
        change("group", "delete", "Finance", id=finance),
        change("user", "deactivate", "gus@acme.com"),
    )
    seen: list[Progress] = []
    async with emu.client() as client:
        report = await apply_plan(client, plan, progress=seen.append)

    assert report.ok, report.data
    assert [o.status for o in report.outcomes] == ["done"] * 7
    assert [p.position for p in seen] == list(range(1, 8))
    assert all(p.total == 7 for p in seen)
    # Writes stay within what the plan said apply would make (the write bound, docs/apply.md).
    assert sum((await emu.writes()).values()) == plan.requests
    assert report.writes == plan.requests

    state = await emu.state()
    groups = _by_name(state["groups"])
    assert "Finance" not in groups
    assert sorted(groups["Partners team"]["members"]) == ["bob@acme.com", "carol@acme.com"]
    assert sorted(groups["Analysts"]["members"]) == ["alice@acme.com", "carol@acme.com"]
    projects = _by_name(state["projects"], "title")
    rev = projects["Revenue overview"]
    assert rev["status"] == "Deprecated"
    assert rev["sharing"]["workspace"] == "CAN_VIEW"
    assert "carol@acme.com" not in rev["sharing"]["users"]
    assert rev["sharing"]["groups"]["Partners team"] == "CAN_VIEW"
    assert rev["sharing"]["collections"]["Partners"] == "CAN_VIEW"
    portal = projects["Partner portal"]
    assert portal["status"] == "Exploratory"
    assert portal["sharing"]["groups"] == {"Partners team": "CAN_EDIT"}
    users = _by_name(state["users"], "email")
    assert users["gus@acme.com"]["active"] is False


async def test_a_failed_create_skips_its_dependents_and_the_rest_goes_on(emu: Emulator) -> None:
    revenue = await emu.project_id("Revenue overview")
    # Every CreateGroup answers 500: the client calls that ambiguous, apply reads back (nothing
    # there), tries again, as many times as the client retries a fault, and gives up.
    await emu.fault("CreateGroup", "status_500", count=50)
    plan = plan_of(
        change("group", "create", "Partners team"),
        change("collection", "create", "Partners"),
        change(
            "project",
            "update",
            "Revenue overview",
            f("sharing.groups", None, "CAN_VIEW", "Partners team"),
            id=revenue,
        ),
        change(
            "project",
            "create",
            "Partner portal",
            f("sharing.collections", None, "CAN_VIEW", "Partners"),
        ),
    )
    async with emu.client() as client:
        report = await apply_plan(client, plan)

    status = {o.change.name: o.status for o in report.outcomes}
    assert status == {
        "Partners team": "failed",
        "Partners": "done",
        "Revenue overview": "skipped",
        "Partner portal": "done",
    }
    skipped = report.skipped[0]
    assert 'group "Partners team" was not created' in skipped.reason
    assert not report.ok
    assert "1 failed, 1 skipped" in report.summary
    writes = await emu.writes()
    # Each attempt after the first only once a read-back found nothing: never a duplicate.
    assert writes["CreateGroup"] == RetryPolicy().max_attempts
    assert "tried 8 times, and each time reading back found no group" in report.failed[0].reason
    assert writes["EditProjectSharingGroups"] == 0
    assert "Partners team" not in {g["name"] for g in (await emu.state())["groups"]}


GROUP_CREATE = change(
    "group", "create", "Partners team", f("members", None, "member", "bob@acme.com")
)
PROJECT_CREATE = change(
    "project", "create", "Partner portal", f("sharing.workspace", None, "APP_ONLY")
)


@pytest.mark.parametrize(
    ("operation", "plan_change", "listing"),
    [
        ("CreateGroup", GROUP_CREATE, "groups"),
        ("CreateCollection", change("collection", "create", "Partners"), "collections"),
        ("CreateProject", PROJECT_CREATE, "projects"),
    ],
)
async def test_a_create_committed_then_timed_out_is_adopted_not_duplicated(
    emu: Emulator, operation: str, plan_change: Any, listing: str
) -> None:
    await emu.fault(operation, "commit_then_timeout")
    async with emu.client() as client:
        report = await apply_plan(client, plan_of(plan_change))

    assert report.ok, report.data
    assert "adopted" in report.outcomes[0].reason
    key = "title" if listing == "projects" else "name"
    named = [o for o in (await emu.state())[listing] if o[key] == plan_change.name]
    assert len(named) == 1
    assert (await emu.writes())[operation] == 1
    if listing == "groups":
        assert named[0]["members"] == ["bob@acme.com"]
    if listing == "projects":
        assert named[0]["sharing"]["workspace"] == "APP_ONLY"


async def test_a_create_lost_before_commit_is_made_once_more(emu: Emulator) -> None:
    await emu.fault("CreateGroup", "drop")
    async with emu.client() as client:
        report = await apply_plan(client, plan_of(change("group", "create", "Partners team")))
    assert report.ok, report.data
    assert (await emu.writes())["CreateGroup"] == 2
    assert [g["name"] for g in (await emu.state())["groups"]].count("Partners team") == 1


async def test_sharing_that_hex_partly_refuses_fails_the_change_with_its_reason(
    emu: Emulator,
) -> None:
    revenue = await emu.project_id("Revenue overview")
    plan = plan_of(
        change(
            "project",
            "update",
            "Revenue overview",
            f("sharing.users", None, "CAN_VIEW", "bob@acme.com"),
            f("sharing.users", "FULL_ACCESS", None, "alice@acme.com"),  # the owner
            id=revenue,
        )
    )
    async with emu.client() as client:
        report = await apply_plan(client, plan)
    [outcome] = report.failed
    assert "alice@acme.com" in outcome.reason
    assert "owner" in outcome.reason
    project = next(p for p in (await emu.state())["projects"] if p["id"] == revenue)
    assert project["sharing"]["users"]["bob@acme.com"] == "CAN_VIEW"  # the rest was applied


async def test_an_unknown_principal_fails_the_change_before_any_write(emu: Emulator) -> None:
    revenue = await emu.project_id("Revenue overview")
    plan = plan_of(
        change(
            "project",
            "update",
            "Revenue overview",
            f("status", "Production", "Deprecated"),
            f("sharing.users", None, "CAN_VIEW", "nobody@acme.com"),
            id=revenue,
        )
    )
    async with emu.client() as client:
        report = await apply_plan(client, plan)
    [outcome] = report.failed
    assert "nobody@acme.com" in outcome.reason
    assert sum((await emu.writes()).values()) == 0


async def test_a_write_that_does_not_read_back_is_reported_by_field(emu: Emulator) -> None:
    revenue = await emu.project_id("Revenue overview")
    async with emu.client() as client:
        directory = await Directory.read(client)
    # A principal resolved to the wrong id: the write succeeds, but on someone else.
    directory.users["carol@acme.com"] = directory.users["bob@acme.com"]
    plan = plan_of(
        change(
            "project",
            "update",
            "Revenue overview",
            f("sharing.users", "CAN_EDIT", "FULL_ACCESS", "carol@acme.com"),
            id=revenue,
        )
    )
    async with emu.client() as client:
        report = await apply_plan(client, plan, live=directory)
    assert report.outcomes[0].status == "done"
    [unconverged] = report.unconverged
    assert unconverged.path == "sharing.users"
    assert unconverged.key == "carol@acme.com"
    assert unconverged.found == "CAN_EDIT"
    assert 'sharing.users["carol@acme.com"] is "CAN_EDIT" after apply' in unconverged.message
    assert not report.ok


async def test_a_refused_plan_is_never_applied(emu: Emulator) -> None:
    plan = plan_of(change("group", "create", "Partners team"))
    plan = type(plan)(plan.workspace, plan.changes, refusals=(Refusal("max_destroy", "too much"),))
    async with emu.client() as client:
        with pytest.raises(GuardrailError, match="refused and is never applied: too much"):
            await apply_plan(client, plan)
    assert sum((await emu.writes()).values()) == 0


async def test_deactivating_a_user_already_gone_is_done_without_a_request(emu: Emulator) -> None:
    async with emu.client() as client:
        report = await apply_plan(client, plan_of(change("user", "deactivate", "trent@acme.com")))
    assert report.ok
    assert "already deactivated" in report.outcomes[0].reason
    assert sum((await emu.writes()).values()) == 0


def test_summary_line_counts() -> None:
    report = ApplyReport(
        outcomes=(Outcome(change("group", "create", "A"), "done"),),
        requests=9,
        writes=2,
        seconds=4.12,
    )
    assert (
        report.summary == "Apply complete: 1 done, 0 failed, 0 skipped · 2 writes, 7 reads in 4.1 s"
    )


async def test_a_new_project_whose_status_fails_says_it_was_created(emu: Emulator) -> None:
    await emu.fault("UpdateProject", "status_503", count=20)  # outlasts the client's retries
    plan = plan_of(change("project", "create", "Partner portal", f("status", None, "Exploratory")))
    async with emu.client() as client:
        report = await apply_plan(client, plan)
    [outcome] = report.failed
    portal = await emu.project_id("Partner portal")
    assert outcome.reason.startswith(f"created as {portal}, then: status: UpdateProject")


async def test_a_bug_in_one_change_fails_that_change_and_the_rest_still_lands(
    emu: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    finance = await emu.group_id("Finance")
    plan = plan_of(
        change("collection", "create", "Partners", f("description", None, "Partner apps")),
        change("group", "delete", "Finance", id=finance),
    )
    async with emu.client() as client:

        async def broken(*args: object, **kwargs: object) -> None:
            raise KeyError("simulated bug")

        monkeypatch.setattr(client, "delete_group", broken)
        report = await apply_plan(client, plan)

    [failed] = report.failed
    assert failed.change.name == "Finance"
    assert "internal error: KeyError" in failed.reason
    assert [o.change.name for o in report.done] == ["Partners"]
    assert "Partners" in _by_name((await emu.state())["collections"])


async def test_a_saved_plan_is_refused_with_a_token_that_sees_less(emu: Emulator) -> None:
    analysts = await emu.group_id("Analysts")
    plan = plan_of(
        change(
            "group",
            "update",
            "Analysts",
            f("members", None, "member", "carol@acme.com"),
            id=analysts,
        ),
    )
    async with emu.client() as client:  # what the plan read, with a workspace token
        ref = (await read_live(client, member_groups={"Analysts"})).ref(Kind.GROUP, analysts)
    assert ref is not None
    plan = dataclasses.replace(
        plan,
        workspace=dataclasses.replace(plan.workspace, full_visibility=True),
        relied=(ref,),
    )
    async with emu.client(token="hxtp_member") as client:  # bob: an editor, not an admin
        with pytest.raises(GuardrailError, match="sees only what its user may see"):
            await apply_saved_plan(client, plan)
    assert await emu.writes() == {}
