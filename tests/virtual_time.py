"""A virtual clock for tests that measure waits: time passes only while every task waits on it
(imported by name: pytest puts tests/ on sys.path).

``VirtualClock`` is an emulator clock (``create_app(..., clock=clock)``) whose ``now`` moves
only when the driver moves it, and whose ``sleep`` parks the caller until that time comes (give
it to the client and its pacer: ``clock=clock.now, sleep=clock.sleep``). ``clock.run(main())``
runs ``main`` on a fresh event loop beside a driver that, each time the loop has nothing else
ready to run (the emulator is in-process, behind ``httpx.ASGITransport``: every request is
callbacks on this loop, never a thread or a socket), moves the clock to the earliest sleeper's
deadline and wakes it. So a wait measured on the clock is the waits the code asked for, to the
float, however loaded the machine: the requests' own latency is zero emulated seconds.

The loop's real timers (``anyio.fail_after`` in the client) still run in real time; the real
time a run takes is only its requests' latency, never the waits.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
from collections.abc import Coroutine
from typing import Any, TypeVar

from hexsync.emulator.clock import Clock

T = TypeVar("T")


class VirtualClock(Clock):
    """Emulated seconds that pass only while every task is asleep on this clock."""

    def __init__(self, start: float = 1_767_225_600.0) -> None:  # 2026-01-01T00:00:00Z
        super().__init__(1.0, start=start)
        self._now = start
        self._sleepers: list[tuple[float, int, asyncio.Future[None]]] = []
        self._order = itertools.count()  # sleepers due at once wake in the order they slept

    def now(self) -> float:
        return self._now

    def advance(self, seconds: float) -> None:
        self._now += seconds

    def real_seconds(self, emulated_seconds: float) -> float:
        """``Retry-After`` in this clock's seconds: those its client sleeps."""
        return emulated_seconds

    async def sleep(self, seconds: float) -> None:
        if seconds <= 0:
            await asyncio.sleep(0)
            return
        waker: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._sleepers, (self.now() + seconds, next(self._order), waker))
        await waker

    def run(self, main: Coroutine[Any, Any, T]) -> T:
        """``asyncio.run(main)``, the clock moving whenever nothing else can."""
        return asyncio.run(self._drive(main))

    async def _drive(self, main: Coroutine[Any, Any, T]) -> T:
        loop = asyncio.get_running_loop()
        task = loop.create_task(main)
        while not task.done():
            await asyncio.sleep(0)
            # The loop's queue of callbacks ready to run (CPython's, the event loop's own
            # bookkeeping): anything in it is work still to do at this instant.
            if loop._ready or task.done():  # type: ignore[attr-defined]
                continue
            if not self._wake_next():
                # Nothing asleep here either: something waits on the loop's real timers or I/O
                # (none does in these tests); let real time pass rather than spin.
                await asyncio.sleep(0.001)
        return task.result()

    def _wake_next(self) -> bool:
        """Move to the earliest live sleeper's deadline and wake every sleeper due then."""
        while self._sleepers and self._sleepers[0][2].cancelled():
            heapq.heappop(self._sleepers)
        if not self._sleepers:
            return False
        deadline = self._sleepers[0][0]
        self._now = max(self._now, deadline)
        while self._sleepers and self._sleepers[0][0] <= deadline:
            _, _, waker = heapq.heappop(self._sleepers)
            if not waker.done():
                waker.set_result(None)
        return True
