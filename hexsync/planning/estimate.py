"""How long apply takes at Hex's rate limits, as the client's pacer will run it.

Hex limits each rate-limit group apart (30/minute for most endpoints, another 30/minute for the
users endpoints and user sharing). Apply's requests are replayed through
:func:`hexsync.hexapi.pacing.simulate`, the pacer's own buckets, as apply sends them: the reads
before the writes (what the plan or the freshness check read), the writes in apply's order
(:func:`~hexsync.values.plan.apply_stages`: a change starts once the changes it depends on have
finished, its own requests one after the other), and the read-back after them. As in the client,
a request waits for its group's token before it takes a connection slot, so each group is paced
at its own limit: two groups with work to do run side by side.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from hexsync.hexapi import DEFAULT_LIMITS, OPS, HexClient, NoPacer, RateLimit
from hexsync.hexapi.operations import HEX_API, HEX_API_30RPM
from hexsync.hexapi.pacing import DEFAULT_MARGIN, MINUTE, Task, simulate
from hexsync.values.desired import FrozenMap
from hexsync.values.kinds import Kind
from hexsync.values.live import Live
from hexsync.values.plan import Action, Change, Estimate, Plan, apply_stages

__all__ = ["Announcement", "announce", "estimate_apply", "limits_of", "plan_spent"]

Limits = Mapping[str, tuple[RateLimit, ...]]
FEW_PROJECTS = 3  # as apply.FEW_PROJECTS: up to this many projects are read back one by one


def limits_of(client: HexClient) -> Limits:
    """The limits ``client`` paces at; Hex's defaults when it does not pace (a local emulator):
    the estimate is about Hex, not about the test bench."""
    if isinstance(client.pacer, NoPacer) or not client.pacer.limits:
        return DEFAULT_LIMITS
    return client.pacer.limits


def _group(operation: str) -> str:
    return OPS[operation].rate_group


def _reads_before(live: Live) -> list[list[str]]:
    """The plan's (or the freshness check's) reads: listings in ``hex-api``, users and each
    declared group's members in ``hex-api-30rpm``; one request each."""
    general = math.ceil(len(live.projects) / 100) + 2  # projects pages, groups, collections
    users = max(0, live.read_requests - general)
    return [[HEX_API]] * min(general, live.read_requests) + [[HEX_API_30RPM]] * users


def _project_pages(live: Live, changes: Sequence[Change]) -> int:
    created = sum(c.kind is Kind.PROJECT and c.action is Action.CREATE for c in changes)
    return max(1, math.ceil((len(live.projects) + created) / 100))


def _read_back(changes: Sequence[Change], live: Live) -> list[list[str]]:
    """Apply's read-back after the writes (``apply/verify.py``): the projects, the groups and
    the collections are read side by side, each as a task awaiting its own pages."""
    tasks: list[list[str]] = []
    projects = [c for c in changes if c.kind is Kind.PROJECT]
    if projects:
        if len(projects) <= FEW_PROJECTS:
            tasks.append([_group("GetProject")] * len(projects))
        else:
            tasks.append([_group("ListProjects")] * _project_pages(live, changes))
    groups = [c for c in changes if c.kind is Kind.GROUP]
    if groups:
        tasks.append([_group("ListGroups")])
        members = [c for c in groups if c.action is not Action.DELETE and c.fields_at("members")]
        tasks += [[_group("ListUsers")]] * len(members)
    if any(c.kind is Kind.COLLECTION for c in changes):
        tasks.append([_group("ListCollections")])
    return tasks


def _writes(changes: Sequence[Change]) -> list[list[Task]]:
    """Apply's writes, stage by stage, each change a task after the changes it waits for."""
    phases = []
    for stage in apply_stages(changes):
        position = {index: at for at, (index, _) in enumerate(stage)}
        phases.append(
            [
                Task(
                    [_group(op) for op in changes[index].operations],
                    [position[before] for before in after],
                )
                for index, after in stage
            ]
        )
    return phases


def _phases(
    changes: Sequence[Change], live: Live, *, reads: bool = True
) -> list[Sequence[Sequence[str] | Task]]:
    """Apply's requests, phase by phase: the reads before (unless ``reads`` is False: they were
    made already), the writes, the read-back."""
    phases: list[Sequence[Sequence[str] | Task]] = [
        *([_reads_before(live)] if reads else []),
        *_writes(changes),
        _read_back(changes, live),
    ]
    if any(c.kind is Kind.PROJECT and c.action is Action.CREATE for c in changes):
        # Every title created counted once more in a full listing (duplicate_titles).
        phases.append([[_group("ListProjects")] * _project_pages(live, changes)])
    return phases


def plan_spent(client: HexClient, live: Live) -> dict[str, tuple[float, ...]]:
    """The tokens the plan just made on ``client`` spent that still count, per group, as times
    relative to now (:meth:`~hexsync.hexapi.pacing.Pacer.spent`); without pacing (nothing
    recorded when), every read the plan made, by group, as if made just now."""
    if isinstance(client.pacer, NoPacer) or not client.pacer.limits:
        return _all_now(Counter(group for [group] in _reads_before(live)))
    return client.pacer.spent()


def _all_now(counts: Mapping[str, int]) -> dict[str, tuple[float, ...]]:
    return {group: (0.0,) * n for group, n in sorted(counts.items()) if n > 0}


def estimate_apply(
    changes: Sequence[Change],
    live: Live,
    limits: Limits = DEFAULT_LIMITS,
    spent: Mapping[str, Sequence[float]] | None = None,
) -> Estimate:
    """The time apply takes for ``changes``, paced at ``limits``, and its writes per group.

    ``spent``: the tokens the plan's own reads spent, per group, as times relative to the end
    of the plan (:func:`plan_spent`; None: every read ``live`` took, as if made at the end).
    Hex counts per minute, so apply starting right after the plan meets them on top of its own
    requests: ``after_plan`` says how long it then takes, when that is longer, and
    ``recent_reads`` counts those inside the last minute (what apply, in another run that cannot
    know when the plan was made, counts as just spent for its "up to").
    """
    per_group = Counter(_group(op) for c in changes for op in c.operations)
    if not changes:
        return Estimate(0.0, FrozenMap(), FrozenMap())
    phases = _phases(changes, live)
    seconds = simulate(phases, limits)
    if spent is None:
        spent = _all_now(Counter(group for [group] in _reads_before(live)))
    after = simulate(phases, limits, spent=spent)
    recent = {
        group: n
        for group, stamps in sorted(spent.items())
        if (n := sum(-t < MINUTE + DEFAULT_MARGIN for t in stamps))
    }
    # The tightest per-minute rate of each group's windows (a --rate-limit cap included).
    per_minute = {
        group: round(min((w.per_minute for w in limits.get(group, ())), default=0))
        for group in per_group
    }
    return Estimate(
        seconds,
        FrozenMap(sorted(per_group.items())),
        FrozenMap(per_minute),
        recent_reads=FrozenMap(recent),
        after_plan=after if after - seconds >= 1 else None,
    )


@dataclass(frozen=True)
class Announcement:
    """How long apply takes from now on a client: ``seconds`` from the client's own buckets as
    they stand; ``after_plan`` (None: no different) also counting a saved plan's recent reads,
    should the plan have been made right before this run (another process: this client cannot
    know when), as spent when this client sent its first request (an upper bound)."""

    seconds: float
    after_plan: float | None = None


def announce(
    client: HexClient,
    plan: Plan,
    live: Live,
    *,
    reads: bool = False,
    saved: bool = False,
) -> Announcement | None:
    """How long apply of ``plan`` takes from now on ``client`` (None: the client does not pace,
    so nothing waits). ``reads``: apply still makes its reads (they are not in the buckets
    yet); ``saved``: the plan was made by another run, whose recent reads may still count."""
    if isinstance(client.pacer, NoPacer) or not client.pacer.limits or not plan.changes:
        return None
    limits = client.pacer.limits
    phases = _phases(plan.changes, live, reads=reads)
    spent = {group: list(stamps) for group, stamps in client.pacer.spent().items()}
    seconds = simulate(phases, limits, spent=spent)
    recent = plan.estimate.recent_reads if saved and plan.estimate is not None else {}
    if not recent:
        return Announcement(seconds)
    # The plan was made before this run's first request: its reads count from then at the latest.
    since = min((t for stamps in spent.values() for t in stamps), default=0.0)
    for group, n in recent.items():
        spent.setdefault(group, []).extend([since] * n)
    after = simulate(phases, limits, spent=spent)
    return Announcement(seconds, after if after - seconds >= 1 else None)
