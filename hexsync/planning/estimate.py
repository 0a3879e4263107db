"""How long apply takes at Hex's rate limits, as the client's pacer will run it.

Hex limits each rate-limit group apart (30/minute for most endpoints, another 30/minute for the
users endpoints and user sharing), and apply sends a phase's changes together, each change's
requests one after the other, at most four in flight. Counting every request against one
30/minute (the first estimate) was wrong both ways. Here apply's requests are replayed through
:func:`hexsync.hexapi.pacing.simulate`, the pacer's own buckets, including the reads before the
writes (what the plan or the freshness check read) and the read-back after them, which waits for
a token like any request.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence

from hexsync.hexapi import DEFAULT_LIMITS, OPS, HexClient, NoPacer, RateLimit
from hexsync.hexapi.operations import HEX_API, HEX_API_30RPM
from hexsync.hexapi.pacing import simulate
from hexsync.values.desired import FrozenMap
from hexsync.values.kinds import Kind
from hexsync.values.live import Live
from hexsync.values.plan import Action, Change, Estimate, apply_phase, groups_made

__all__ = ["estimate_apply", "limits_of"]

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


def _read_back(changes: Sequence[Change], live: Live) -> list[str]:
    """Apply's read-back after the writes, in its order (one task: it awaits each read)."""
    reads: list[str] = []
    projects = [c for c in changes if c.kind is Kind.PROJECT]
    if projects:
        if len(projects) <= FEW_PROJECTS:
            reads += [_group("GetProject")] * len(projects)
        else:
            pages = math.ceil(
                (len(live.projects) + sum(c.action is Action.CREATE for c in projects)) / 100
            )
            reads += [_group("ListProjects")] * max(1, pages)
    groups = [c for c in changes if c.kind is Kind.GROUP]
    if groups:
        reads.append(_group("ListGroups"))
        reads += [_group("ListUsers")] * sum(1 for c in groups if c.fields_at("members"))
    if any(c.kind is Kind.COLLECTION for c in changes):
        reads.append(_group("ListCollections"))
    return reads


def estimate_apply(
    changes: Sequence[Change], live: Live, limits: Limits = DEFAULT_LIMITS
) -> Estimate:
    """The time apply takes for ``changes``, paced at ``limits``, and its writes per group."""
    per_group = Counter(_group(op) for c in changes for op in c.operations)
    if not changes:
        return Estimate(0.0, FrozenMap(), FrozenMap())
    phases: list[list[list[str]]] = [_reads_before(live)]
    made = groups_made(changes)
    numbers = [apply_phase(c, made) for c in changes]
    for number in sorted(set(numbers)):
        phases.append(
            [
                [_group(op) for op in c.operations]
                for c, n in zip(changes, numbers, strict=True)
                if n == number
            ]
        )
    phases.append([_read_back(changes, live)])
    seconds = simulate(phases, limits)
    # The tightest per-minute rate of each group's windows (a --rate-limit cap included).
    per_minute = {
        group: round(min((w.per_minute for w in limits.get(group, ())), default=0))
        for group in per_group
    }
    return Estimate(seconds, FrozenMap(sorted(per_group.items())), FrozenMap(per_minute))
