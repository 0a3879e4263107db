"""Client-side pacing: stay under Hex's rate limits instead of running into 429.

Each rate-limit group (``hex-api``, ``hex-api-30rpm``, ``hex-run-kernel``) gets a bucket per
documented window (30/minute and 1,800/hour, …). A bucket holds ``limit`` tokens; a request takes
one, and the token comes back exactly one window after it was spent. That is a token bucket whose
refill follows the requests actually made (a sliding-window log), and it is the strictest reading
of "N per window": it never exceeds the limit over *any* window, so it is safe whether Hex counts
in fixed or sliding windows, while still letting a short read go at full speed.

A request waits for its token *before* it takes one of the client's connection slots
(:mod:`~hexsync.hexapi.pipeline`): a request waiting for a spent group holds no slot, so each
group is paced at its own limit whatever the other groups are doing. When the slot comes a little
after the token (the slots were busy), the token is stamped again with the time the request
really left (``restamp``), so the buckets count what Hex sees.

A 429 that gets through anyway (another client on the same token, clock skew) blocks the whole
group until its ``Retry-After``, so concurrent requests do not all run into it too. An attempt
whose connection was never made did not reach Hex, so its token is given back (``refund``):
retries during an outage do not spend the budget of the requests that follow. ``on_wait`` (when
set) hears of every wait before it starts, and again every 15 s while a long one goes on, for
progress lines.

Time is injected (``clock`` and ``sleep``) so tests drive it by hand and never really sleep.
"""

from __future__ import annotations

import asyncio
import bisect
import heapq
import itertools
import time
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from hexsync.hexapi.config import RateLimit
from hexsync.hexapi.notices import wait_step
from hexsync.hexapi.operations import HEX_API, HEX_API_30RPM, HEX_RUN_KERNEL

Clock = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]

MINUTE = 60.0
HOUR = 3600.0

# The documented defaults (docs/hex-api.md, "Rate limits").
DEFAULT_LIMITS: dict[str, tuple[RateLimit, ...]] = {
    HEX_API: (RateLimit(30, MINUTE), RateLimit(1800, HOUR)),
    HEX_API_30RPM: (RateLimit(30, MINUTE),),
    HEX_RUN_KERNEL: (RateLimit(20, MINUTE), RateLimit(60, HOUR)),
}

# Requests arrive at Hex a little after they leave here; a token comes back this much later
# than the window alone says, so a slow request cannot make Hex count two in one window.
DEFAULT_MARGIN = 0.25


class OnWait(Protocol):
    """Hears of a wait before it starts: the group, the seconds left, the operation waiting
    (``""`` when not told), and ``still``: a wait already heard of goes on (a long wait is told
    again every :data:`~hexsync.hexapi.notices.STILL_EVERY` seconds)."""

    def __call__(self, group: str, seconds: float, operation_id: str, still: bool) -> None: ...


@dataclass
class _Bucket:
    limit: RateLimit
    spent: list[float]  # the times of the latest ``limit`` tokens spent, oldest first

    def ready_at(self, margin: float) -> float:
        """When the next token is available (may be in the past)."""
        if len(self.spent) < self.limit.limit:
            return float("-inf")
        return self.spent[0] + self.limit.seconds + margin

    def take(self, now: float) -> None:
        bisect.insort(self.spent, now)
        if len(self.spent) > self.limit.limit:
            del self.spent[: len(self.spent) - self.limit.limit]

    def give_back(self, at: float | None) -> None:
        """Forget the token spent at ``at`` (the latest one when None or no longer kept)."""
        if not self.spent:
            return
        index = len(self.spent) - 1
        if at is not None:
            found = bisect.bisect_left(self.spent, at)
            if found < len(self.spent) and self.spent[found] == at:
                index = found
        del self.spent[index]

    def move(self, at: float, now: float) -> None:
        """The token spent at ``at`` was really used at ``now`` (later): stamp it so."""
        found = bisect.bisect_left(self.spent, at)
        if found < len(self.spent) and self.spent[found] == at:
            del self.spent[found]
        # Not kept any more (older than the latest ``limit``): counting it now is on the safe side.
        self.take(now)


class _Group:
    def __init__(self, limits: Iterable[RateLimit]) -> None:
        self.buckets = [_Bucket(limit, []) for limit in limits]
        self.lock = asyncio.Lock()
        self.blocked_until = float("-inf")


def effective_limits(
    limits: Mapping[str, tuple[RateLimit, ...]] | None = None,
    cap: RateLimit | None = None,
) -> dict[str, tuple[RateLimit, ...]]:
    """The limits per group: the defaults (or ``limits``), each further capped by ``cap``."""
    base = dict(DEFAULT_LIMITS if limits is None else limits)
    if cap is None:
        return base
    return {group: (*windows, cap) for group, windows in base.items()}


class Pacer:
    """Waits before each request until its group's buckets allow it."""

    def __init__(
        self,
        limits: Mapping[str, tuple[RateLimit, ...]] | None = None,
        *,
        cap: RateLimit | None = None,
        clock: Clock = time.monotonic,
        sleep: Sleep = asyncio.sleep,
        margin: float = DEFAULT_MARGIN,
    ) -> None:
        self.limits = effective_limits(limits, cap)
        self._clock = clock
        self._sleep = sleep
        self._margin = margin
        self._groups: dict[str, _Group] = {}
        self.on_wait: OnWait | None = None

    def _group(self, name: str) -> _Group:
        group = self._groups.get(name)
        if group is None:
            # An unknown group is paced like the default one, Hex's most common limit.
            group = _Group(self.limits.get(name, self.limits.get(HEX_API, ())))
            self._groups[name] = group
        return group

    async def acquire(self, group_name: str, operation_id: str = "") -> float:
        """Wait for a token of ``group_name``; returns the seconds waited."""
        waited, _ = await self.take(group_name, operation_id)
        return waited

    async def take(self, group_name: str, operation_id: str = "") -> tuple[float, float]:
        """Wait for a token of ``group_name`` (for a request of ``operation_id``, which
        ``on_wait`` hears); returns the seconds waited and the time the token is stamped with
        (for :meth:`restamp` and :meth:`refund`)."""
        group = self._group(group_name)
        waited = 0.0
        still = False
        # The lock keeps waiters in order: the first to ask is the first to go.
        async with group.lock:
            while True:
                now = self._clock()
                ready = max(
                    [group.blocked_until, *(b.ready_at(self._margin) for b in group.buckets)]
                )
                if ready <= now:
                    break
                if self.on_wait is not None:
                    self.on_wait(group_name, ready - now, operation_id, still)
                # A long wait wakes now and then to say it goes on (a CI log must not look hung).
                step = wait_step(ready - now)
                await self._sleep(step)
                waited += step
                still = True
            now = self._clock()
            for bucket in group.buckets:
                bucket.take(now)
        return waited, now

    def refund(self, group_name: str, at: float | None = None) -> None:
        """Give back the token spent at ``at`` (else the group's latest): it never reached Hex."""
        group = self._groups.get(group_name)
        if group is None:
            return
        for bucket in group.buckets:
            bucket.give_back(at)

    def restamp(self, group_name: str, at: float) -> float:
        """The request whose token was stamped ``at`` leaves only now (it waited for a
        connection slot): its token counts from now, as Hex counts the request. Returns the
        token's stamp now."""
        group = self._groups.get(group_name)
        now = self._clock()
        if group is None or now <= at:
            return at
        for bucket in group.buckets:
            bucket.move(at, now)
        return now

    def block(self, group_name: str, seconds: float) -> None:
        """Hold back every request of the group for ``seconds`` (after a 429's Retry-After)."""
        group = self._group(group_name)
        group.blocked_until = max(group.blocked_until, self._clock() + max(0.0, seconds))

    def spent(self) -> dict[str, tuple[float, ...]]:
        """The tokens each group has spent that still count against one of its windows, as
        times relative to now (each at most 0): what the next requests of this client meet,
        for :func:`simulate` to start from (apply's announcement)."""
        now = self._clock()
        out: dict[str, tuple[float, ...]] = {}
        for name, group in self._groups.items():
            # Every bucket of a group takes the same tokens; the largest keeps the most.
            kept = max(group.buckets, key=lambda b: b.limit.limit, default=None)
            if kept is None:
                continue
            horizon = max(b.limit.seconds for b in group.buckets) + self._margin
            stamps = tuple(t - now for t in kept.spent if now - t < horizon)
            if stamps:
                out[name] = stamps
        return out

    def wait_estimate(self, group_name: str, requests: int) -> float:
        """Seconds ``requests`` more requests of the group would take from now (for plans)."""
        windows = self.limits.get(group_name, self.limits.get(HEX_API, ()))
        total = 0.0
        for window in windows:
            extra = requests - window.limit
            if extra > 0:
                total = max(
                    total, (extra // window.limit + (extra % window.limit > 0)) * window.seconds
                )
        return total


class NoPacer(Pacer):
    """No client-side pacing at all (a local emulator without limits, benchmarks)."""

    def __init__(self) -> None:
        super().__init__({})

    async def take(self, group_name: str, operation_id: str = "") -> tuple[float, float]:  # noqa: ARG002
        return 0.0, 0.0

    def block(self, group_name: str, seconds: float) -> None:  # noqa: ARG002
        return None

    def refund(self, group_name: str, at: float | None = None) -> None:  # noqa: ARG002
        return None

    def restamp(self, group_name: str, at: float) -> float:  # noqa: ARG002
        return at


@dataclass(frozen=True)
class Task:
    """One task of :func:`simulate`: the rate-limit groups of its requests, sent one after the
    other, and the tasks of the same phase (by index) it starts after (all of them finished)."""

    requests: Sequence[str]
    after: Sequence[int] = ()


def simulate(
    phases: Sequence[Sequence[Sequence[str] | Task]],
    limits: Mapping[str, tuple[RateLimit, ...]] | None = None,
    *,
    margin: float = DEFAULT_MARGIN,
    spent: Mapping[str, Iterable[float]] | None = None,
) -> float:
    """Seconds until the last request is sent when a :class:`Pacer` runs ``phases``.

    ``spent``: tokens already spent when the phases start, per group, as times relative to the
    start (at most 0): the requests a client made just before (:meth:`Pacer.spent`, or a plan's
    reads still counting when apply starts right after it). None: every bucket full.

    ``phases`` run one after the other (apply awaits each); a phase is a list of tasks, each
    started as soon as the tasks it waits for (:class:`Task` ``after``; a plain list of groups
    waits for none) have finished, and a task is the rate-limit groups of its requests, sent one
    after the other. As in :class:`~hexsync.hexapi.client.HexClient`, a request waits for its
    group's token before it takes a connection slot, each group's queue is FIFO, and each token
    comes back one window after it was spent. Requests take no time here, so connection slots
    never bind: the answer is what pacing costs, the floor that no network can beat.
    """
    pacer = Pacer(limits, margin=margin)
    for name, stamps in (spent or {}).items():
        buckets = pacer._group(name).buckets
        for stamp in sorted(stamps):
            for bucket in buckets:
                bucket.take(min(0.0, stamp))
    last = 0.0
    group_last: dict[str, float] = {}

    def send(name: str, at: float) -> float:
        """The time the pacer lets a request of group ``name`` that asked at ``at`` go."""
        group = pacer._group(name)
        ready = max([at, group_last.get(name, at), *(b.ready_at(margin) for b in group.buckets)])
        for bucket in group.buckets:
            bucket.take(ready)
        group_last[name] = ready
        return ready

    now = 0.0
    for phase in phases:
        tasks = [task if isinstance(task, Task) else Task(tuple(task)) for task in phase]
        if not tasks:
            continue
        waiting = [len(set(task.after)) for task in tasks]
        followers: list[list[int]] = [[] for _ in tasks]
        for index, task in enumerate(tasks):
            for before in set(task.after):
                followers[before].append(index)
        # Events: (time, order, task index, step): the task asks for its request ``step`` then.
        order = itertools.count()
        events = [(now, next(order), i, 0) for i in range(len(tasks)) if not waiting[i]]
        heapq.heapify(events)
        started = 0
        end = now
        while events:
            at, _, index, step = heapq.heappop(events)
            if step == 0:
                started += 1
            requests = tasks[index].requests
            if step < len(requests):
                sent = send(requests[step], at)
                last = max(last, sent)
                heapq.heappush(events, (sent, next(order), index, step + 1))
                continue
            end = max(end, at)  # the task has finished: those waiting for it may start
            for follower in followers[index]:
                waiting[follower] -= 1
                if not waiting[follower]:
                    heapq.heappush(events, (at, next(order), follower, 0))
        if started < len(tasks):
            raise ValueError("simulate: a task waits for itself (a cycle in `after`)")
        now = end
    return last
