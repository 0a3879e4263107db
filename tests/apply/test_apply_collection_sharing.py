"""Collection sharing end to end: declared in manifests, applied over HTTP, read back, planned
again as no change; and what apply says when Hex does not take an entry."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner, Result

from hexsync.apply.execute import apply_plan
from hexsync.cli.main import cli
from hexsync.emulator.app import create_app
from hexsync.emulator.background import running_emulator
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import Seed
from hexsync.hexapi import HexClient
from hexsync.manifest import load
from hexsync.planning.planner import read_and_plan
from hexsync.values.kinds import Kind
from hexsync.values.plan import Action, Change, FieldChange, Plan, WorkspaceInfo

TOKEN = "hxtw_test"

MANIFESTS = """\
version: 1
groups:
  - name: New team
    members: [carol@acme.com]
collections:
  - name: Finance
    sharing:
      workspace: MEMBER
      users: {Carol@acme.com: MANAGE, bob@acme.com: MANAGE}
      groups: {Finance: VIEW}
  - name: Partners
    description: Partner-facing apps
    sharing:
      users: {alice@acme.com: VIEW}
      groups: {New team: MANAGE}
"""


@pytest.fixture
def workspace(make_seed: Callable[..., Seed]) -> Seed:
    return make_seed(
        collections=[
            {
                "name": "Finance",
                "creator": "bob@acme.com",
                "sharing": {
                    "users": {"bob@acme.com": "MANAGE", "alice@acme.com": "VIEW"},
                    "groups": {"Analysts": "VIEW"},
                },
            }
        ]
    )


@pytest.fixture
def url(workspace: Seed) -> Iterator[str]:
    with running_emulator(workspace, EmulatorConfig(rate_limits=None)) as base:
        yield base


def run(url: str, *args: str) -> Result:
    env = {"HEX_API_URL": url, "HEX_API_TOKEN": TOKEN, "NO_COLOR": "1"}
    return CliRunner().invoke(cli, [*args], env=env, catch_exceptions=False)


def collections(url: str) -> dict[str, dict[str, Any]]:
    state = httpx.get(f"{url}/_emulator/state").json()
    return {c["name"]: c["sharing"] for c in state["collections"]}


def test_declared_collection_sharing_is_applied_read_back_and_plans_clean(
    url: str, tmp_path: Path
) -> None:
    manifests = tmp_path / "m.yaml"
    manifests.write_text(MANIFESTS, encoding="utf-8")
    planned = run(url, "plan", str(manifests))
    assert planned.exit_code == 0, planned.output
    for line in ('~ collection "Finance"', '+ collection "Partners"', "sharing.workspace"):
        assert line in planned.stdout

    applied = run(url, "--rate-limit", "off", "apply", str(manifests), "--auto-approve")
    assert applied.exit_code == 0, applied.output
    assert "Apply complete" in applied.output

    shared = collections(url)
    assert shared["Finance"] == {
        "users": {"bob@acme.com": "MANAGE", "carol@acme.com": "MANAGE"},
        "groups": {"Finance": "VIEW"},
        "workspace": "MEMBER",
    }
    assert shared["Partners"] == {
        "users": {"alice@acme.com": "VIEW"},
        "groups": {"New team": "MANAGE"},
        "workspace": None,
    }
    stats = httpx.get(f"{url}/_emulator/stats").json()["requests"]
    # The new collection carried its sharing in its one CreateCollection (after its group);
    # the existing one took one EditCollection for every entry.
    assert sum(stats["CreateCollection"].values()) == 1
    assert sum(stats["EditCollection"].values()) == 1

    again = run(url, "plan", str(manifests), "--detailed-exitcode")
    assert again.exit_code == 0, again.output
    assert "No changes" in again.stdout


def test_an_entry_hex_does_not_keep_fails_the_collection_and_the_rest_lands(
    workspace: Seed, tmp_path: Path
) -> None:
    """A user deactivated between plan and apply: Hex accepts the upsert but the collection it
    answers with does not list them. Apply reports the change failed (exit 4 at the CLI),
    naming the entry; the other entries were written."""
    (tmp_path / "m.yaml").write_text(MANIFESTS, encoding="utf-8")
    desired = load([tmp_path / "m.yaml"], relative_to=tmp_path)
    app = create_app(workspace, EmulatorConfig(rate_limits=None))

    async def go() -> Any:
        transport = httpx.ASGITransport(app)
        async with HexClient(TOKEN, "http://127.0.0.1", transport=transport, pacing=False) as c:
            plan, live = await read_and_plan(c, desired)
            await c.deactivate_user(live.users["carol@acme.com"].id)
            return await apply_plan(c, plan, live=live)

    report = asyncio.run(go())
    assert not report.ok
    failed = {o.change.name: o.reason for o in report.failed}
    assert "Finance" in failed
    assert "sharing.users carol@acme.com: Hex answered NONE, not MANAGE" in failed["Finance"]

    async def state() -> dict[str, Any]:
        async with httpx.AsyncClient(
            transport=httpx.ASGITransport(app), base_url="http://127.0.0.1"
        ) as http:
            return dict((await http.get("/_emulator/state")).json())

    finance = next(c for c in asyncio.run(state())["collections"] if c["name"] == "Finance")
    assert finance["sharing"]["workspace"] == "MEMBER"
    assert finance["sharing"]["groups"] == {"Finance": "VIEW"}


def test_a_saved_plan_is_stale_once_the_collections_sharing_moved(url: str, tmp_path: Path) -> None:
    """The plan relies on the collection's sharing as read: someone sharing it with another
    group meanwhile makes apply refuse the saved plan (exit 3), naming what moved."""
    manifests = tmp_path / "m.yaml"
    manifests.write_text(MANIFESTS, encoding="utf-8")
    saved = tmp_path / "plan.json"
    assert run(url, "plan", str(manifests), "--out", str(saved)).exit_code == 0
    state = httpx.get(f"{url}/_emulator/state").json()
    finance = next(c["id"] for c in state["collections"] if c["name"] == "Finance")
    group = next(g["id"] for g in state["groups"] if g["name"] == "Finance")
    edited = httpx.patch(
        f"{url}/api/v1/collections/{finance}",
        headers={"Authorization": f"Bearer {TOKEN}"},
        json={"sharing": {"upsert": {"groups": [{"id": group, "access": "MANAGE"}]}}},
    )
    assert edited.status_code == 200, edited.text
    refused = run(url, "apply", str(saved))
    assert refused.exit_code == 3, refused.output
    assert 'collection "Finance": sharing.groups changed since the plan was made' in refused.output
    assert (
        sum(httpx.get(f"{url}/_emulator/stats").json()["requests"]["EditCollection"].values()) == 1
    )


def test_unknown_grants_fail_before_any_write_and_gone_removals_are_done(
    workspace: Seed,
) -> None:
    """Hand-made plans (as a saved plan could be): a grant to a user the workspace does not list
    fails the collection's change before anything is written; removing a group deleted
    meanwhile is already done, and the rest of the change lands."""
    app = create_app(workspace, EmulatorConfig(rate_limits=None))
    transport = httpx.ASGITransport(app)
    ws = WorkspaceInfo("http://127.0.0.1", "5a8591dd-4039-49df-9202-96385ba3eff8")

    async def go() -> tuple[Any, Any, dict[str, Any]]:
        async with HexClient(TOKEN, "http://127.0.0.1", transport=transport, pacing=False) as c:
            [finance] = [x.id async for x in c.iter_collections() if x.name == "Finance"]
            unknown = Change(
                Kind.COLLECTION,
                Action.UPDATE,
                "Finance",
                finance,
                (
                    FieldChange("sharing.workspace", None, "MEMBER"),
                    FieldChange("sharing.users", None, "VIEW", "nobody@acme.com"),
                ),
            )
            first = await apply_plan(c, Plan(ws, (unknown,)))
            gone = Change(
                Kind.COLLECTION,
                Action.UPDATE,
                "Finance",
                finance,
                (
                    FieldChange("sharing.users", None, "VIEW", "carol@acme.com"),
                    FieldChange("sharing.groups", "VIEW", None, "Deleted meanwhile"),
                ),
            )
            second = await apply_plan(c, Plan(ws, (gone,)))
            shared = (await c.get_collection(finance)).sharing
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as http:
            stats = (await http.get("/_emulator/stats")).json()["requests"]
        return first, second, {"shared": shared, "stats": stats}

    first, second, seen = asyncio.run(go())
    [failed] = first.failed
    assert "no such user in the workspace: nobody@acme.com" in failed.reason
    assert sum(seen["stats"]["EditCollection"].values()) == 1  # only the second plan's
    assert second.ok, second
    assert seen["shared"].workspace_members is None
    assert sorted(seen["shared"].users.values()) == ["MANAGE", "VIEW", "VIEW"]


class _WithErrors:
    """The emulator, but EditCollection's 200 carries an ``errors`` list naming one user, the
    way Hex reports entries it refused on project sharing (its spec shows none for collections:
    should it ever send one, apply must not call the change done)."""

    def __init__(self, app: Any, user_id: str) -> None:
        self.app, self.user_id = app, user_id

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["method"] != "PATCH":
            await self.app(scope, receive, send)
            return
        held: list[dict[str, Any]] = []

        async def hold(message: dict[str, Any]) -> None:
            held.append(message)

        await self.app(scope, receive, hold)
        body = json.loads(b"".join(m.get("body", b"") for m in held[1:]))
        body["errors"] = [{"userIds": [self.user_id], "reason": "not allowed here"}]
        data = json.dumps(body).encode()
        headers = [(k, v) for k, v in held[0]["headers"] if k.lower() != b"content-length"]
        await send({**held[0], "headers": [*headers, (b"content-length", str(len(data)).encode())]})
        await send({"type": "http.response.body", "body": data})


def test_an_errors_list_in_hexs_answer_fails_the_change_naming_who(
    workspace: Seed, tmp_path: Path
) -> None:
    (tmp_path / "m.yaml").write_text(MANIFESTS, encoding="utf-8")
    desired = load([tmp_path / "m.yaml"], relative_to=tmp_path)
    app = create_app(workspace, EmulatorConfig(rate_limits=None))

    async def go() -> Any:
        plain = httpx.ASGITransport(app)
        async with HexClient(TOKEN, "http://127.0.0.1", transport=plain, pacing=False) as c:
            plan, live = await read_and_plan(c, desired)
        wrapped = httpx.ASGITransport(_WithErrors(app, live.users["carol@acme.com"].id))
        async with HexClient(TOKEN, "http://127.0.0.1", transport=wrapped, pacing=False) as c:
            return await apply_plan(c, plan, live=live)

    report = asyncio.run(go())
    failed = {o.change.name: o.reason for o in report.failed}
    assert list(failed) == ["Finance"]
    assert "sharing carol@acme.com: Hex refused it: not allowed here" in failed["Finance"]


def test_a_created_collection_adopted_after_a_timeout_gets_its_sharing(workspace: Seed) -> None:
    """CreateCollection committed, then its answer lost: apply finds the collection by name,
    adopts it (never a second one) and writes its sharing once more, checking Hex's answer."""
    app = create_app(workspace, EmulatorConfig(rate_limits=None))
    transport = httpx.ASGITransport(app)
    ws = WorkspaceInfo("http://127.0.0.1", "5a8591dd-4039-49df-9202-96385ba3eff8")
    create = Change(
        Kind.COLLECTION,
        Action.CREATE,
        "Partners",
        None,
        (
            FieldChange("sharing.workspace", None, "MEMBER"),
            FieldChange("sharing.users", None, "MANAGE", "carol@acme.com"),
        ),
    )

    async def go() -> tuple[Any, dict[str, Any]]:
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as http:
            fault = {"operationId": "CreateCollection", "kind": "commit_then_timeout", "count": 1}
            (await http.post("/_emulator/faults", json=fault)).raise_for_status()
            async with HexClient(TOKEN, "http://127.0.0.1", transport=transport, pacing=False) as c:
                report = await apply_plan(c, Plan(ws, (create,)))
            return report, (await http.get("/_emulator/state")).json()

    report, state = asyncio.run(go())
    assert report.ok, report.data
    assert "adopted" in report.outcomes[0].reason
    [partners] = [c for c in state["collections"] if c["name"] == "Partners"]
    assert partners["sharing"]["users"] == {"carol@acme.com": "MANAGE"}
    assert partners["sharing"]["workspace"] == "MEMBER"
