"""The client's total timeout holds over a real socket, and cancelling a request stops it.

Both go through the same guard around each request: a slow answer becomes a timeout error
(for a create: the distinct ambiguous-create error), and a cancellation (Ctrl-C, SIGTERM) is
never swallowed, even when it meets a request that is just finishing.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

import httpx
import pytest

from hexsync.emulator.background import running_emulator
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import Seed
from hexsync.hexapi import AmbiguousCreateError, HexClient


def _hold(url: str, operation_id: str, seconds: float) -> None:
    fault = {"operationId": operation_id, "kind": "delay", "seconds": seconds, "count": 1}
    httpx.post(f"{url}/_emulator/faults", json=fault).raise_for_status()


def test_a_slow_create_times_out_as_ambiguous(make_seed: Callable[..., Seed]) -> None:
    with running_emulator(make_seed(), EmulatorConfig(rate_limits=None)) as url:
        _hold(url, "CreateGroup", 30)

        async def create() -> None:
            async with HexClient("hxtw_test", url, pacing=False, timeout=0.3) as client:
                await client.create_group("Slow")

        with pytest.raises(AmbiguousCreateError, match="outcome is unknown"):
            asyncio.run(create())


def test_cancelling_a_held_request_ends_it_at_once(make_seed: Callable[..., Seed]) -> None:
    with running_emulator(make_seed(), EmulatorConfig(rate_limits=None)) as url:
        _hold(url, "ListGroups", 30)

        async def cancel_mid_request() -> None:
            async with HexClient("hxtw_test", url, pacing=False) as client:
                task = asyncio.ensure_future(client.list_groups())
                await asyncio.sleep(0.2)
                task.cancel()
                # Swallowed, the request would instead finish after the hold with its groups.
                with pytest.raises(asyncio.CancelledError):
                    await task

        asyncio.run(cancel_mid_request())
