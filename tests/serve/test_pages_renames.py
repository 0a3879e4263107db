"""A snapshot recorded from a page, before the read ends, is what ``access --at`` answers from:
it must hold together. Hex shares by id, the snapshot by name (a group's) and email (a user's):
when a page shows a group renamed, every grant to that group in the rest of the snapshot is
the renamed group's, not a grant to a name that no group has any more."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import httpx
import pytest
import yaml
from test_seen_per_page import TOKEN, WS, AtHexLimits, Heard, Now, _workspace

from hexsync.decide.access_engine import AccessEngine
from hexsync.emulator.app import create_app
from hexsync.emulator.clock import ManualClock
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import Seed
from hexsync.hexapi import Collection as ApiCollection
from hexsync.hexapi import HexClient
from hexsync.hexapi.types import CollectionSharing
from hexsync.ops.history import access_at, find_project_at
from hexsync.ops.snapshot import live_of, snapshot_of
from hexsync.serve.cycle import Collaborators, CycleConfig, run_cycle
from hexsync.serve.pages import Baseline, PageCheck, Scope
from hexsync.serve.source import ManifestSource
from hexsync.store import Store
from hexsync.values.desired import FrozenMap
from hexsync.values.live import (
    Live,
    LiveCollection,
    LiveCollectionSharing,
    LiveProject,
    LiveSharing,
    LiveUser,
)

pytestmark = pytest.mark.anyio


async def test_access_at_any_moment_of_a_read_that_saw_a_group_renamed_keeps_its_grants(
    tmp_path: Path,
) -> None:
    seed_data, manifests = _workspace()
    folder = tmp_path / "manifests"
    folder.mkdir()
    (folder / "acme.yaml").write_text(yaml.safe_dump(manifests))
    app = create_app(
        Seed.from_dict(seed_data, source="test"),
        EmulatorConfig(rate_limits=None),
        clock=ManualClock(),
    )
    now = Now()
    url = "http://127.0.0.1"
    with Store(f"sqlite:///{tmp_path / 'hexsync.db'}") as store:
        async with HexClient(
            TOKEN, url, transport=httpx.ASGITransport(app=AtHexLimits(app, now)), pacing=False
        ) as client:
            c = Collaborators(now, client, store, Heard(store, now), ManifestSource([folder]))
            assert (await run_cycle(c, CycleConfig(WS))).outcome == "synced"
            began = now()

            # "Team 0" is renamed in Hex (and in the manifests, as its owners would).
            [team] = [g async for g in client.iter_groups() if g.name == "Team 0"]
            await client.edit_group(team.id, name="Team Zero")
            text = (folder / "acme.yaml").read_text().replace("Team 0", "Team Zero")
            (folder / "acme.yaml").write_text(text)
            now.at += dt.timedelta(seconds=5)  # a later edit: the manifests are read again
            done = await run_cycle(c, CycleConfig(WS))
            assert done.outcome == "synced", done

            # u001 sees "Project 0003" through the group alone (shared with u003 and Team 0).
            taken = [
                row[0] if isinstance(row[0], dt.datetime) else dt.datetime.fromisoformat(row[0])
                for row in store.raw("SELECT taken_at FROM snapshots ORDER BY taken_at")
            ]
            during = [t.replace(tzinfo=t.tzinfo or dt.timezone.utc) for t in taken]
            during = [t for t in during if t > began]
            assert during  # the rename was recorded, by a page and by the read's end
            for at in during:
                answer = access_at(store, WS, at)
                project = find_project_at(answer.state, "Project 0003")
                grant = answer.state.engine.grant(
                    answer.state.engine.project(project), "u001@acme.test"
                )
                assert grant is not None, f"access --at {at.isoformat()}: u001 lost Project 0003"
                assert grant.deciding.group == "Team Zero"


async def test_a_user_and_a_collection_renamed_on_their_pages_keep_their_grants_elsewhere() -> None:
    ana = LiveUser("u1", "ana@acme.test", "Ana", "EDITOR")
    board = LiveCollection(
        "c1", "Board", sharing=LiveCollectionSharing(users=FrozenMap({"ana@acme.test": "CAN_VIEW"}))
    )
    payroll = LiveProject(
        "p1",
        "Payroll",
        owner="ana@acme.test",
        sharing=LiveSharing(collections=FrozenMap({"Board": "CAN_VIEW"})),
    )
    base = Live(
        org_id="org",
        users=FrozenMap({ana.email: ana}),
        collections=FrozenMap({"Board": board}),
        projects=FrozenMap({"p1": payroll}),
    )
    calls: list[tuple[Live, Scope]] = []

    async def found(live: Live, scope: Scope) -> None:
        calls.append((live, scope))

    check = PageCheck(Baseline(1, snapshot_of(base), base), found)
    # Ana's email changes in Hex, and the collection is renamed: Hex keeps both by id.
    await check.users([LiveUser("u1", "ana@acme.example", "Ana", "EDITOR")])
    await check.collections(
        [ApiCollection("c1", "Board papers", sharing=CollectionSharing(users={"u1": "CAN_VIEW"}))]
    )
    for live in (calls[-1][0], live_of(check.document())):
        engine = AccessEngine(live)
        grant = engine.grant(engine.project("p1"), "ana@acme.example")
        assert grant is not None
        assert {p.label for p in grant.paths} == {"owner", "collection Board papers"}
        assert live.projects["p1"].sharing.collections == {"Board papers": "CAN_VIEW"}
        assert live.collections["Board papers"].sharing.users == {"ana@acme.example": "CAN_VIEW"}
    # The project's page then shows what the renames made of it: nothing new to plan.
    pages = len(calls)
    await check.projects(
        [
            dataclasses.replace(
                payroll,
                owner="ana@acme.example",
                sharing=LiveSharing(collections=FrozenMap({"Board papers": "CAN_VIEW"})),
            )
        ]
    )
    assert len(calls) == pages
