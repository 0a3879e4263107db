"""A blocking facade over :class:`~hexsync.hexapi.client.HexClient` for click commands.

The async client lives on an event loop in a background thread (an anyio blocking portal), so
its connection pool and pacing persist across calls::

    with SyncHexClient(HexClient(token, url)) as hex:
        me = hex.call(hex.client.me)
        for project in hex.iterate(hex.client.iter_projects, include_sharing=True):
            ...

A command that does several things at once is usually simpler as one ``async def`` run with
``asyncio.run``; this facade is for commands that want to stay plain functions.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import AbstractContextManager
from typing import Any, ParamSpec, TypeVar

from anyio.from_thread import BlockingPortal, start_blocking_portal

from hexsync.hexapi.client import HexClient
from hexsync.hexapi.counters import Counters

P = ParamSpec("P")
T = TypeVar("T")


class SyncHexClient:
    """Runs a :class:`HexClient` from synchronous code."""

    def __init__(self, client: HexClient) -> None:
        self.client = client
        self._cm: AbstractContextManager[BlockingPortal] | None = None
        self._portal: BlockingPortal | None = None

    @property
    def counters(self) -> Counters:
        return self.client.counters

    def __enter__(self) -> SyncHexClient:
        self._cm = start_blocking_portal()
        self._portal = self._cm.__enter__()
        return self

    def __exit__(self, *exc_info: Any) -> None:
        try:
            if self._portal is not None:
                self._portal.call(self.client.aclose)
        finally:
            if self._cm is not None:
                self._cm.__exit__(None, None, None)
            self._cm = self._portal = None

    def _need_portal(self) -> BlockingPortal:
        if self._portal is None:
            raise RuntimeError("use SyncHexClient in a with statement")
        return self._portal

    def call(self, fn: Callable[P, Awaitable[T]], *args: P.args, **kwargs: P.kwargs) -> T:
        """Run one client method, e.g. ``call(hex.client.get_project, pid)``."""
        portal = self._need_portal()

        async def run() -> T:
            return await fn(*args, **kwargs)

        return portal.call(run)

    def iterate(
        self, fn: Callable[P, AsyncIterator[T]], *args: P.args, **kwargs: P.kwargs
    ) -> Iterator[T]:
        """Iterate a paginating method, e.g. ``iterate(hex.client.iter_users)``."""
        portal = self._need_portal()
        iterator = fn(*args, **kwargs)

        async def step() -> tuple[bool, T | None]:
            try:
                return True, await iterator.__anext__()
            except StopAsyncIteration:
                return False, None

        while True:
            more, value = portal.call(step)
            if not more:
                return
            yield value  # type: ignore[misc]
