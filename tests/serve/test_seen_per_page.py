"""A change made in Hex is seen within one read of it, even in the worst case.

The worst case is a change made just after its page was read: the rest of that read cannot see
it, and had the controller compared only whole reads, it would show when the next read ends,
nearly two reads later. Each page is instead compared with the last snapshot as it arrives, so
the change is seen when its page is next read: one read later.

Time here is Hex's rate limit and nothing else: the controller's manual clock moves 2 s per
request (30 a minute) and not at all between them, so a full read at Hex's limits is the
request floor times 2 s, and every bound below is a count of requests.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import math
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import httpx
import pytest
import yaml

from hexsync.emulator.app import create_app
from hexsync.emulator.clock import ManualClock
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import Seed
from hexsync.hexapi import HexClient
from hexsync.serve.cycle import Collaborators, CycleConfig, Event, run_cycle
from hexsync.serve.source import ManifestSource
from hexsync.store import Store

pytestmark = pytest.mark.anyio

TOKEN, MEDDLER = "hxtw_serve", "hxtw_someone_in_the_ui"
PROJECTS, USERS, GROUPS, MEMBERS = 1000, 40, 3, 5
PER_REQUEST = 2.0  # seconds: Hex's 30 requests a minute
WS = "default"


def _workspace() -> tuple[dict[str, Any], dict[str, Any]]:
    emails = [f"u{i:03d}@acme.test" for i in range(USERS)]
    teams = {f"Team {g}": emails[g * MEMBERS : (g + 1) * MEMBERS] for g in range(GROUPS)}
    projects = [
        {
            "title": f"Project {i:04d}",
            "status": "Production",
            "sharing": {
                "workspace": "NONE",
                "users": {emails[i % USERS]: "CAN_VIEW"},
                "groups": {f"Team {i % GROUPS}": "CAN_VIEW"},
            },
        }
        for i in range(PROJECTS)
    ]
    seed = {
        "org": {"id": "5a8591dd-4039-49df-9202-96385ba3eff8", "name": "Acme"},
        "tokens": [{"token": TOKEN, "kind": "workspace"}, {"token": MEDDLER, "kind": "workspace"}],
        "statuses": ["Production"],
        "users": [{"email": e} for e in emails],
        "groups": [{"name": n, "members": m} for n, m in teams.items()],
        "projects": [{**p, "owner": emails[0]} for p in projects],
    }
    manifests = {
        "version": 1,
        "groups": [{"name": n, "members": m} for n, m in teams.items()],
        "projects": projects,  # what Hex holds: an idle workspace
    }
    return seed, manifests


# The request floor of this workspace: projects 100 a page; users, groups one page each; one
# page of collections; users/me; each group's members (every group is declared).
FLOOR = math.ceil(PROJECTS / 100) + 1 + 1 + 1 + 1 + GROUPS
READ = FLOOR * PER_REQUEST  # one full read at Hex's limits


class Now:
    def __init__(self) -> None:
        self.at = dt.datetime(2027, 1, 4, 9, 0, tzinfo=dt.timezone.utc)

    def __call__(self) -> dt.datetime:
        return self.at


class AtHexLimits:
    """The emulator behind Hex's rate limit, on the controller's clock: the API requests are
    answered one at a time, each taking 2 s of it, and nothing else moves it.
    ``after(method, path, query)`` runs once a request's answer is out."""

    def __init__(self, app: Any, now: Now) -> None:
        self.app = app
        self.now = now
        self.requests = 0
        self.after: Any = None

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        await asyncio.sleep(0)  # a round trip: the other requests in flight get their turn
        await self.app(scope, receive, send)
        if scope["type"] == "http" and scope["path"].startswith("/api/"):
            self.requests += 1
            self.now.at += dt.timedelta(seconds=PER_REQUEST)
            if self.after is not None:
                query = parse_qs(scope["query_string"].decode())
                await self.after(scope["method"], scope["path"], query)


class Heard:
    """The notifier: what it was told, and when; at each call, what the store said then."""

    def __init__(self, store: Store, now: Now) -> None:
        self.store, self.now = store, now
        self.calls: list[tuple[dt.datetime, list[Event], bool, int]] = []

    def notify(self, workspace: str, events: list[Event], when: dt.datetime) -> None:
        running = self.store.last_sync(workspace, finished=False)
        self.calls.append(
            (
                when,
                events,
                running is not None and running.outcome == "running",
                len(self.store.open_drift(workspace)),
            )
        )


@pytest.mark.parametrize("mode", ["warn", "heal"])
@pytest.mark.parametrize("what", ["project-sharing", "group-member"])
async def test_a_change_made_just_after_its_page_was_read_is_seen_within_one_read(
    tmp_path: Path, what: str, mode: str
) -> None:
    seed_data, manifests = _workspace()
    (tmp_path / "manifests").mkdir()
    (tmp_path / "manifests" / "acme.yaml").write_text(yaml.safe_dump(manifests))
    app = create_app(
        Seed.from_dict(seed_data, source="test"),
        EmulatorConfig(rate_limits=None),
        clock=ManualClock(),
    )
    now = Now()
    paced = AtHexLimits(app, now)
    raw = httpx.ASGITransport(app=app)
    url = "http://127.0.0.1"
    config = CycleConfig(WS, mode=mode)
    with Store(f"sqlite:///{tmp_path / 'hexsync.db'}") as store:
        heard = Heard(store, now)
        async with (
            HexClient(TOKEN, url, transport=httpx.ASGITransport(app=paced), pacing=False) as client,
            HexClient(MEDDLER, url, transport=raw, pacing=False) as someone,
        ):
            c = Collaborators(now, client, store, heard, ManifestSource([tmp_path / "manifests"]))
            first = await run_cycle(c, config)
            assert (first.outcome, first.requests) == ("synced", FLOOR)

            # What changes, and the request that reads it (the first page of the projects, or
            # the group's members): read early, so nearly all of the read is still ahead.
            if what == "project-sharing":
                target = (await someone.list_projects(limit=100)).values[0].id
                page = ("/api/v1/projects", None)

                async def change() -> None:
                    await someone.edit_project_sharing_workspace_and_public(
                        target, workspace="CAN_EDIT"
                    )
            else:
                [target] = [g.id async for g in someone.iter_groups() if g.name == "Team 0"]
                page = ("/api/v1/users", target)
                [joiner] = [u.id async for u in someone.iter_users() if u.email == "u039@acme.test"]

                async def change() -> None:
                    await someone.edit_group(target, add=[joiner])

            made: list[tuple[dt.datetime, int]] = []

            async def just_after_its_page(method: str, path: str, query: dict[str, Any]) -> None:
                if made or method != "GET" or not path.startswith(page[0]):
                    return
                if page[1] is None and "after" in query:
                    return  # not the first page
                if page[1] is not None and query.get("groupId") != [page[1]]:
                    return
                await change()
                made.append((now(), paced.requests))

            paced.after = just_after_its_page
            during = await run_cycle(c, config)
            paced.after = None
            [(changed_at, at_request)] = made
            began = paced.requests - during.requests
            assert at_request - began <= FLOOR // 2  # its page came early in the read
            # Made after its page was read: this read did not see it.
            assert during.drift_count == 0
            assert not store.open_drift(WS)

            seen = await run_cycle(c, config)
            [item] = [d for d in store.drift_history(WS) if d.object_id == target]
            delay = (item.first_seen - changed_at).total_seconds()
            assert delay <= 1.1 * READ, (delay, READ)
            # Comparing whole reads only, it would have shown when this read ended: nearly
            # two reads after the change.
            ended = store.sync(seen.sync_id).finished_at
            assert (ended - changed_at).total_seconds() >= 1.5 * READ
            assert item.first_seen < ended

            # Seen while the read went on: recorded (the status is OutOfSync from then on) and
            # told at once, with this sync still running; `access --at` agrees from then on.
            [(told_at, events, running, open_then)] = [
                (when, events, running, n)
                for when, events, running, n in heard.calls
                if any(e.event == "drift_opened" for e in events)
            ]
            assert item.first_seen <= told_at <= ended
            assert running
            assert open_then >= 1
            [opened] = [e for e in events if e.event == "drift_opened"]
            assert [i["object_id"] for i in opened.fields["items"]] == [target]
            then = store.snapshot_at(WS, item.first_seen)
            assert then is not None
            if what == "project-sharing":
                assert then.document["projects"][target]["sharing"]["workspace"] == "CAN_EDIT"
            else:
                assert "u039@acme.test" in then.document["groups"][target]["members"]
            # The change log has it once, seen then.
            [logged] = [c for c in store.changes(WS, subject=target) if not c.by_hexsync]
            assert logged.seen_at == item.first_seen

            if mode == "warn":
                # The read stays at the floor: the check sends no request.
                assert (seen.outcome, seen.requests) == ("out_of_sync", FLOOR)
                # One change, seen on its page: the snapshot then is the one the read ends with.
                assert store.sync(seen.sync_id).snapshot_id == then.id
                assert item.resolved_at is None
            else:
                # The heal plans from the whole read, after it: the one change, then read back.
                assert (seen.outcome, seen.applied) == ("healed", 1), seen
                [intent] = store.intents(WS)
                assert intent.created_at > item.first_seen
                assert store.drift_history(WS)[0].resolved_at is not None
                assert (await run_cycle(c, config)).outcome == "synced"
        assert store.check() == []


async def test_a_change_undone_is_resolved_when_its_page_is_read(tmp_path: Path) -> None:
    # Drift that is open resolves as early as it opens: when its page shows it undone.
    seed_data, manifests = _workspace()
    (tmp_path / "manifests").mkdir()
    (tmp_path / "manifests" / "acme.yaml").write_text(yaml.safe_dump(manifests))
    app = create_app(
        Seed.from_dict(seed_data, source="test"),
        EmulatorConfig(rate_limits=None),
        clock=ManualClock(),
    )
    now = Now()
    paced = AtHexLimits(app, now)
    url = "http://127.0.0.1"
    with Store(f"sqlite:///{tmp_path / 'hexsync.db'}") as store:
        heard = Heard(store, now)
        async with (
            HexClient(TOKEN, url, transport=httpx.ASGITransport(app=paced), pacing=False) as client,
            HexClient(MEDDLER, url, transport=httpx.ASGITransport(app=app), pacing=False) as who,
        ):
            c = Collaborators(now, client, store, heard, ManifestSource([tmp_path / "manifests"]))
            await run_cycle(c, CycleConfig(WS))
            last = (await who.list_projects(limit=100, after=None)).values[-1].id
            await who.edit_project_sharing_workspace_and_public(last, workspace="CAN_VIEW")
            opened = await run_cycle(c, CycleConfig(WS))
            assert opened.drift_count == 1
            await who.edit_project_sharing_workspace_and_public(last, workspace="NONE")
            undone = await run_cycle(c, CycleConfig(WS))
            [item] = store.drift_history(WS)
            assert undone.drift_count == 0
            assert item.resolved_at is not None
            assert item.resolved_at < store.sync(undone.sync_id).finished_at
            assert [i.id for i in undone.resolved] == [item.id]
        assert store.check() == []
