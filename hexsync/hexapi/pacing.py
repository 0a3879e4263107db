"""Client-side pacing: stay under Hex's rate limits instead of running into 429.

Each rate-limit group (``hex-api``, ``hex-api-30rpm``, ``hex-run-kernel``) gets a bucket per
documented window (30/minute and 1,800/hour, …). A bucket holds ``limit`` tokens; a request takes
one, and the token comes back exactly one window after it was spent. That is a token bucket whose
refill follows the requests actually made (a sliding-window log), and it is the strictest reading
of "N per window": it never exceeds the limit over *any* window, so it is safe whether Hex counts
in fixed or sliding windows, while still letting a short read go at full speed.

A 429 that gets through anyway (another client on the same token, clock skew) blocks the whole
group until its ``Retry-After``, so concurrent requests do not all run into it too. An attempt
whose connection was never made did not reach Hex, so its token is given back (``refund``):
retries during an outage do not spend the budget of the requests that follow. ``on_wait`` (when
set) hears of every wait before it starts, for progress lines.

Time is injected (``clock`` and ``sleep``) so tests drive it by hand and never really sleep.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import time
from collections import deque
from collections.abc import Awaitable, Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass

from hexsync.hexapi.config import RateLimit
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


@dataclass
class _Bucket:
    limit: RateLimit
    spent: deque[float]

    def ready_at(self, margin: float) -> float:
        """When the next token is available (may be in the past)."""
        if len(self.spent) < self.limit.limit:
            return float("-inf")
        return self.spent[0] + self.limit.seconds + margin

    def take(self, now: float) -> None:
        self.spent.append(now)
        while len(self.spent) > self.limit.limit:
            self.spent.popleft()


class _Group:
    def __init__(self, limits: Iterable[RateLimit]) -> None:
        self.buckets = [_Bucket(limit, deque()) for limit in limits]
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
        self.on_wait: Callable[[str, float], None] | None = None

    def _group(self, name: str) -> _Group:
        group = self._groups.get(name)
        if group is None:
            # An unknown group is paced like the default one, Hex's most common limit.
            group = _Group(self.limits.get(name, self.limits.get(HEX_API, ())))
            self._groups[name] = group
        return group

    async def acquire(self, group_name: str) -> float:
        """Wait for a token of ``group_name``; returns the seconds waited."""
        group = self._group(group_name)
        waited = 0.0
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
                    self.on_wait(group_name, ready - now)
                await self._sleep(ready - now)
                waited += ready - now
            now = self._clock()
            for bucket in group.buckets:
                bucket.take(now)
        return waited

    def refund(self, group_name: str) -> None:
        """Give back the token of the latest request of the group: it never reached Hex."""
        group = self._groups.get(group_name)
        if group is None:
            return
        for bucket in group.buckets:
            if bucket.spent:
                bucket.spent.pop()

    def block(self, group_name: str, seconds: float) -> None:
        """Hold back every request of the group for ``seconds`` (after a 429's Retry-After)."""
        group = self._group(group_name)
        group.blocked_until = max(group.blocked_until, self._clock() + max(0.0, seconds))

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

    async def acquire(self, group_name: str) -> float:  # noqa: ARG002
        return 0.0

    def block(self, group_name: str, seconds: float) -> None:  # noqa: ARG002
        return None

    def refund(self, group_name: str) -> None:  # noqa: ARG002
        return None


def simulate(
    phases: Sequence[Sequence[Sequence[str]]],
    limits: Mapping[str, tuple[RateLimit, ...]] | None = None,
    *,
    concurrency: int = 4,
    margin: float = DEFAULT_MARGIN,
) -> float:
    """Seconds until the last request is sent when a :class:`Pacer` runs ``phases``.

    ``phases`` run one after the other (apply awaits each); a phase is a list of tasks started
    together, and a task is the rate-limit groups of its requests, sent one after the other.
    As in :class:`~hexsync.hexapi.client.HexClient`, at most ``concurrency`` requests hold a
    slot at once (FIFO), a request waits in its slot for its group's token (the group's queue is
    FIFO too), and each token comes back one window after it was spent. Requests take no time
    here: the answer is what pacing costs, the floor that no network can beat.
    """
    pacer = Pacer(limits, margin=margin)
    now = 0.0
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

    for phase in phases:
        tasks = [list(task) for task in phase if task]
        if not tasks:
            continue
        # Events: (time, order, task index); a task's next request arrives when the last ends.
        order = itertools.count()
        events = [(now, next(order), i) for i in range(len(tasks))]
        heapq.heapify(events)
        waiting: deque[tuple[int, float]] = deque()
        free = max(1, concurrency)
        step = [0] * len(tasks)

        while events:
            at, _, index = heapq.heappop(events)
            if index >= 0:  # a request arrives at the slots
                if free:
                    free -= 1
                    done = send(tasks[index][step[index]], at)
                    heapq.heappush(events, (done, next(order), -1 - index))
                else:
                    waiting.append((index, at))
                continue
            index = -1 - index  # a request was sent: its slot passes on, its task goes on
            last = max(last, at)
            if waiting:
                queued, _ = waiting.popleft()
                done = send(tasks[queued][step[queued]], at)
                heapq.heappush(events, (done, next(order), -1 - queued))
            else:
                free += 1
            step[index] += 1
            if step[index] < len(tasks[index]):
                heapq.heappush(events, (at, next(order), index))
        now = last
    return last
