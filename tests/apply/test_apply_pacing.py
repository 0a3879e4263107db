"""Apply keeps each rate-limit group at its limit, all of them at once (issue #20).

On the emulator's scaled clock, which enforces Hex's limits and which the client paces on: the
result is a ratio to the pacing floor, never an absolute time, so a loaded machine (the
requests' own latency) moves it by a few percent where the fault it guards against doubled it.
"""

from __future__ import annotations

import asyncio

import httpx
import pytest
from apply_support import change, f, plan_of

from hexsync.apply.directory import Directory
from hexsync.apply.execute import apply_plan
from hexsync.emulator.app import create_app
from hexsync.emulator.clock import Clock
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import Seed
from hexsync.hexapi import HexClient, Pacer

TOKEN = "hxtw_pacing"
SCALE = 10.0  # ten emulated seconds per real second: the minute below takes about seven
PER_GROUP = 60  # two windows' worth in each group


def _seed() -> Seed:
    return Seed.from_dict(
        {
            "org": {"id": "5a8591dd-4039-49df-9202-96385ba3eff8", "name": "Pacing"},
            "tokens": [{"token": TOKEN, "kind": "workspace"}],
            "statuses": ["Production"],
            "users": [
                {"email": "admin@acme.test", "role": "ADMIN"},
                *({"email": f"u{i}@acme.test"} for i in range(PER_GROUP)),
            ],
            "projects": [
                {"title": f"P{i}", "owner": "admin@acme.test"} for i in range(2 * PER_GROUP)
            ],
        }
    )


@pytest.mark.slow
@pytest.mark.timeout(120)
def test_two_rate_limit_groups_are_each_kept_at_their_limit_in_one_apply() -> None:
    """60 projects get a status (the general group), 60 others a user's access (the users
    group): two windows of 30 in each group, side by side, one minute's wait in all. A client
    that let a request wait for its token while holding one of its four connections kept the
    connections waiting for the general group's next window while the user shares, with their
    own budget untouched, queued behind: they went only once the status writes were through,
    and the apply took twice the floor."""
    seed = _seed()
    ids = [p["id"] for p in seed.data["projects"]]
    users = {u["email"]: u["id"] for u in seed.data["users"]}
    plan = plan_of(
        *(
            change("project", "update", f"P{i}", f("status", None, "Production"), id=ids[i])
            for i in range(PER_GROUP)
        ),
        *(
            change(
                "project",
                "update",
                f"P{PER_GROUP + i}",
                f("sharing.users", None, "CAN_VIEW", f"u{i}@acme.test"),
                id=ids[PER_GROUP + i],
            )
            for i in range(PER_GROUP)
        ),
    )
    # Each group at 30 a minute: a burst of 30, the other 30 one window later.
    floor = 60.0

    async def run() -> tuple[float, int]:
        clock = Clock(SCALE)
        app = create_app(seed, EmulatorConfig(time_scale=SCALE), clock=clock)

        async def sleep(seconds: float) -> None:
            await asyncio.sleep(seconds / SCALE)

        # A one-second margin: on a clock ten times faster, the few milliseconds a request
        # takes to reach the in-process emulator are tenths of an emulated second.
        pacer = Pacer(clock=clock.now, sleep=sleep, margin=1.0)
        async with HexClient(
            TOKEN,
            "http://127.0.0.1",
            transport=httpx.ASGITransport(app=app),
            pacer=pacer,
            clock=clock.now,
            sleep=sleep,
        ) as client:
            started = clock.now()
            report = await apply_plan(client, plan, live=Directory(users=users), verify=False)
            took = clock.now() - started
            assert report.ok, report.data
            assert report.writes == 2 * PER_GROUP
            return took, client.counters.rate_limited

    took, rate_limited = asyncio.run(run())
    assert rate_limited == 0
    assert took / floor < 1.5, f"apply took {took:.0f} s where pacing needs {floor:.0f} s"
