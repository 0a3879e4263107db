"""The plan's time estimate is what apply takes, per rate-limit group, as the pacer runs it.

Measured on a virtual clock shared by the emulator and the client's pacer (``virtual_time``):
its time passes only while every task waits on it, so the measured wait is the waits the pacer
asked for, the same on an idle machine and a loaded one, and the estimate is checked against it
to a fixed fraction of a second. (How long such a run takes in real time is a benchmark's
business, never a test's.)
"""

from __future__ import annotations

import json
import random

import httpx
import pytest
from virtual_time import VirtualClock

from hexsync.apply.execute import apply_plan
from hexsync.apply.gate import apply_saved_plan
from hexsync.cli.apply import _announce
from hexsync.emulator.app import create_app
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import Seed
from hexsync.hexapi import HexClient, Pacer, RateLimit, RetryPolicy
from hexsync.hexapi.pacing import Task, effective_limits, simulate
from hexsync.planning.estimate import Announcement, announce, estimate_apply
from hexsync.planning.planner import read_and_plan
from hexsync.planning.saved_plan import parse_plan
from hexsync.render import duration, render_text
from hexsync.values.desired import Access, Desired, FrozenMap, Project, Sharing
from hexsync.values.kinds import Kind
from hexsync.values.live import Live
from hexsync.values.plan import Action, Change, FieldChange, Plan

TOKEN = "hxtw_estimate"
# What a measured wait may differ from the estimate by, when the pacer alone makes it wait: on
# the virtual clock the requests themselves take no time, so only floating-point sums differ.
SLACK = 1e-6
# When a 429 makes it wait (a run that cannot know of another's requests), the client sleeps
# Hex's whole seconds of ``Retry-After`` plus up to half a second of jitter, the estimate its
# quarter-second margin past the window: the two differ by the jitter, at most half a second.
JITTER = RetryPolicy().base


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


async def _plan_and_apply(clock: VirtualClock, projects: int) -> tuple[Plan, float, int]:
    seed = _seed(projects)
    ids = [p["id"] for p in seed.data["projects"]]  # the seed's ids, without reading them
    app = create_app(seed, EmulatorConfig(), clock=clock)
    async with _client(app, clock) as client:
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
        # `hexsync apply manifests/` announces, before its first write, the time from there on,
        # from this client's buckets (the plan's reads in them).
        told = announce(client, plan, live)
        writing = clock.now()
        report = await apply_plan(client, plan, live=live)
        took = clock.now() - started
        assert report.failed == ()
        assert told is not None
        assert told.after_plan is None
        rest = clock.now() - writing
        assert told.seconds == pytest.approx(rest, abs=SLACK)
        return plan, took, client.counters.rate_limited


def test_the_announced_time_is_the_measured_apply() -> None:
    clock = VirtualClock()
    plan, took, rate_limited = clock.run(_plan_and_apply(clock, 60))
    assert plan.estimate is not None
    assert dict(plan.estimate.requests) == {"hex-api": 60, "hex-api-30rpm": 60}
    announced = plan.estimate.seconds
    assert announced == pytest.approx(took, abs=SLACK)
    assert took == pytest.approx(120.5)  # each group's 31st request waits a window, twice
    assert rate_limited == 0  # the pacer kept under the emulator's limits all along
    # The summary line says it per group; the old one-group count (120 requests at 30/min,
    # 4 min) was off by half.
    assert "Apply makes 120 requests (about 2 min" in render_text(plan)
    assert "at 30/min per group: 60 general, 60 users & user sharing)" in render_text(plan)
    assert abs(plan.requests * 2.0 - took) > 0.10 * took


def _client(app: object, clock: VirtualClock) -> HexClient:
    """A client of its own (its own pacer, at its default margin) on the emulator, both on the
    virtual clock: one ``hexsync`` run."""
    return HexClient(
        TOKEN,
        "http://127.0.0.1",
        transport=httpx.ASGITransport(app=app),  # type: ignore[arg-type]
        pacer=Pacer(clock=clock.now, sleep=clock.sleep),
        clock=clock.now,
        sleep=clock.sleep,
        retry=RetryPolicy(rng=random.Random(0)),  # the jitter on a 429's wait, the same each run
    )


async def _plan_then_apply_at_once(
    clock: VirtualClock, projects: int, changed: int
) -> tuple[Plan, float, Announcement | None, float]:
    """``hexsync plan --out plan.json`` then, at once, ``hexsync apply plan.json``: two runs,
    each with its own client, on one workspace whose per-minute windows both count in."""
    seed = _seed(projects)
    ids = [p["id"] for p in seed.data["projects"]]
    app = create_app(seed, EmulatorConfig(), clock=clock)
    desired = Desired(
        projects=tuple(
            Project(
                id=ids[i],
                status="Production",
                sharing=Sharing(users=FrozenMap({f"u{i}@acme.test": Access.CAN_VIEW})),
            )
            for i in range(changed)
        )
    )
    async with _client(app, clock) as planner:
        made, _ = await read_and_plan(planner, desired)
    saved = parse_plan(json.dumps(made.data))  # what apply reads from plan.json
    told: list[tuple[Announcement | None, float]] = []

    def checked(live: Live) -> None:
        # What apply announces once the plan is checked, and when, as the CLI prints it.
        _announce(applier, saved, live, saved=True)
        told.append((announce(applier, saved, live, saved=True), clock.now()))

    async with _client(app, clock) as applier:
        started = clock.now()
        report = await apply_saved_plan(applier, saved, checked=checked)
        took = clock.now() - started
    assert report.failed == ()
    [(announced, at)] = told
    return saved, took, announced, clock.now() - at


def test_apply_right_after_the_plan_waits_as_long_as_the_plan_said(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # 1,200 projects: the plan reads 12 pages and the groups and collections (14 general
    # requests); apply reads them again, writes 3 statuses and 3 user shares, and reads the 3
    # projects back. Alone that is 20 general requests, within the burst: no pacing wait. Right
    # after the plan, whose 14 reads still count in Hex's minute, 4 of them wait for it to end.
    clock = VirtualClock()
    plan, took, told, rest = clock.run(_plan_then_apply_at_once(clock, 1200, 3))
    assert plan.estimate is not None
    text = render_text(plan)
    assert "Apply makes 6 requests (no pacing wait at 30/min per group: " in text
    assert plan.estimate.after_plan is not None
    announced = duration(plan.estimate.after_plan)
    assert f"; up to {announced} if apply starts within a minute of this plan, whose own " in text
    # The wait the person met is the one the plan told them of.
    assert took > 30  # it did wait: the reads of the plan counted
    assert plan.estimate.after_plan == pytest.approx(took, abs=JITTER)
    # Apply, in a run of its own, cannot know when the plan was made: its buckets hold only its
    # own reads, so it says both. Its "up to" counts the plan's reads as made when apply began
    # (here they were: the plan's reads took no time on the virtual clock): what it met.
    assert told is not None
    assert told.seconds < 1
    assert told.after_plan is not None
    assert told.after_plan == pytest.approx(rest, abs=JITTER)
    line = (
        f"Applying 3 changes: no pacing wait at the rate limits; up to "
        f"{duration(told.after_plan)} if the plan was made within the last minute, whose "
        "reads still count against the rate limits.\n"
    )
    assert capsys.readouterr().err == line


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


def test_tokens_spent_before_the_phases_count_until_their_window_ends() -> None:
    # A plan's 30 reads 10 s before apply: its first request waits the other 50 s (and margin).
    assert simulate([[["hex-api"]]], spent={"hex-api": [-10.0] * 30}) == pytest.approx(50.25)
    # 29 of them leave room for one; the other group is not concerned.
    assert simulate([[["hex-api"]]], spent={"hex-api": [-10.0] * 29}) == 0.0
    assert simulate([[["hex-api-30rpm"]]], spent={"hex-api": [-10.0] * 30}) == 0.0
    # Older than the window: spent for nothing.
    assert simulate([[["hex-api"]] * 30], spent={"hex-api": [-61.0] * 30}) == 0.0


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
