"""The plan's time estimate is what apply takes, per rate-limit group, as the pacer runs it.

Measured on the emulator's scaled clock (the client's pacer reads the same clock), so a loaded
machine only adds the requests' own latency, a fraction of a second of emulated time.
"""

from __future__ import annotations

import asyncio

import httpx
import pytest

from hexsync.apply.execute import apply_plan
from hexsync.emulator.app import create_app
from hexsync.emulator.clock import Clock
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import Seed
from hexsync.hexapi import HexClient, Pacer, RateLimit
from hexsync.hexapi.pacing import Task, effective_limits, simulate
from hexsync.planning.estimate import estimate_apply
from hexsync.planning.planner import read_and_plan
from hexsync.render import render_text
from hexsync.values.desired import Access, Desired, FrozenMap, Project, Sharing
from hexsync.values.kinds import Kind
from hexsync.values.live import Live
from hexsync.values.plan import Action, Change, FieldChange, Plan

TOKEN = "hxtw_estimate"
# 12 emulated seconds per real second: the two emulated minutes take ten real seconds, and the
# requests' own latency (a few ms each, more on a loaded machine) stays far below the 10%.
SCALE = 12.0


def _seed(projects: int) -> Seed:
    return Seed.from_dict(
        {
            "org": {"id": "5a8591dd-4039-49df-9202-96385ba3eff8", "name": "Estimate"},
            "tokens": [{"token": TOKEN, "kind": "workspace"}],
            "statuses": ["Production"],
            "users": [
                {"email": "admin@acme.test", "role": "ADMIN"},
                *({"email": f"u{i}@acme.test"} for i in range(projects)),
            ],
            "projects": [{"title": f"P{i}", "owner": "admin@acme.test"} for i in range(projects)],
        }
    )


async def _plan_and_apply(projects: int) -> tuple[Plan, float, int]:
    clock = Clock(SCALE)
    seed = _seed(projects)
    ids = [p["id"] for p in seed.data["projects"]]  # the seed's ids, without reading them
    app = create_app(seed, EmulatorConfig(time_scale=SCALE), clock=clock)

    async def scaled_sleep(seconds: float) -> None:
        await asyncio.sleep(seconds / SCALE)

    transport = httpx.ASGITransport(app=app)
    # The pacer's margin covers the time between its stamp and the emulator's count: a few real
    # milliseconds, tens while the whole suite runs on two cores, are SCALE times as many
    # emulated ones (Hex's quarter second was answered 429 once in a full run).
    pacer = Pacer(clock=clock.now, sleep=scaled_sleep, margin=0.05 * SCALE)
    async with HexClient(
        TOKEN,
        "http://127.0.0.1",
        transport=transport,
        pacer=pacer,
        clock=clock.now,
        sleep=scaled_sleep,
    ) as client:
        # The case: every project gets a status (general group) and a user (the users
        # group), so two 30/minute groups are paced side by side.
        desired = Desired(
            projects=tuple(
                Project(
                    id=ids[i],
                    status="Production",
                    sharing=Sharing(users=FrozenMap({f"u{i}@acme.test": Access.CAN_VIEW})),
                )
                for i in range(projects)
            )
        )
        started = clock.now()
        plan, live = await read_and_plan(client, desired)
        report = await apply_plan(client, plan, live=live)
        took = clock.now() - started
        assert report.failed == ()
        return plan, took, client.counters.rate_limited


@pytest.mark.slow
@pytest.mark.timeout(120)
def test_the_announced_time_is_within_ten_percent_of_the_measured_apply() -> None:
    plan, took, rate_limited = asyncio.run(_plan_and_apply(60))
    assert plan.estimate is not None
    assert dict(plan.estimate.requests) == {"hex-api": 60, "hex-api-30rpm": 60}
    announced = plan.estimate.seconds
    assert abs(announced - took) <= 0.10 * took, (announced, took)
    assert rate_limited == 0  # the pacer kept under the emulator's limits all along
    # The summary line says it per group; the old one-group count (120 requests at 30/min,
    # 4 min) was off by half.
    assert "Apply makes 120 requests (about 2 min" in render_text(plan)
    assert "at 30/min per group: 60 general, 60 users & user sharing)" in render_text(plan)
    assert abs(plan.requests * 2.0 - took) > 0.10 * took


@pytest.mark.parametrize(
    ("phases", "seconds"),
    [
        ([[["hex-api"]] * 30], 0.0),  # a burst of 30 goes at once
        ([[["hex-api"]] * 31], 60.25),  # the 31st waits for the first token to come back
        ([[["hex-api"]] * 30 + [["hex-api-30rpm"]] * 30], 0.0),  # two groups, apart
        ([[["hex-api"]] * 30, [["hex-api"]]], 60.25),  # a later phase still waits its turn
        # each change's requests in order; a request waits for its token before it takes a
        # connection slot, so the users writes of the first 30 changes go with their status
        # writes, and the other 30 changes' pairs a window later: both groups at their limit
        # (holding a slot while waiting, the users writes queued behind the status writes and
        # it took 120.5 s)
        ([[["hex-api", "hex-api-30rpm"]] * 60], 60.25),
        # the next phase starts when the last one has finished, and its group's burst is spent
        ([[["hex-api", "hex-api-30rpm"]] * 60, [["hex-api"]]], 120.5),
        # a task waits for those it names, not for the rest of its phase
        ([[Task(["hex-api"] * 31), Task(["hex-api-30rpm"], after=[0])]], 60.25),
        ([[Task(["hex-api"] * 31), Task(["hex-api-30rpm"] * 30), Task(["hex-api-30rpm"])]], 60.25),
        ([[Task(["hex-api-30rpm"] * 30), Task(["hex-api-30rpm"], after=[0])]], 60.25),
        ([[Task(["hex-api-30rpm"] * 29), Task(["hex-api-30rpm"], after=[0])]], 0.0),
        # 1,800 at 30/minute take 59 windows; the 1,801st waits for the hour and the minute
        ([[["hex-api"]] * 1801], 3615.0),
    ],
)
def test_simulated_pacing(phases: list[list[list[str] | Task]], seconds: float) -> None:
    assert simulate(phases) == pytest.approx(seconds)


def test_a_task_waiting_for_itself_is_refused() -> None:
    with pytest.raises(ValueError, match="cycle"):
        simulate([[Task(["hex-api"], after=[1]), Task(["hex-api"], after=[0])]])


def test_a_rate_limit_cap_slows_the_estimate_and_says_its_rate() -> None:
    changes = [
        Change(Kind.PROJECT, Action.UPDATE, f"P{i}", f"id-{i}", (FieldChange("status", None, "X"),))
        for i in range(40)
    ]
    live = Live(org_id="org")
    plain = estimate_apply(changes, live)
    capped = estimate_apply(changes, live, effective_limits(cap=RateLimit(20, 60.0)))
    assert dict(plain.per_minute) == {"hex-api": 30}
    assert dict(capped.per_minute) == {"hex-api": 20}
    # 40 status writes, then the read-back (a listing, more than three projects): the 31st
    # request waits one window at 30/min; at 20/min the 21st waits one and the 41st two.
    assert plain.seconds == pytest.approx(60.25)
    assert capped.seconds == pytest.approx(120.5)
