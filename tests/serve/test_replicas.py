"""Two replicas of ``hexsync serve`` on one store, each reconciling two workspaces: the leader
lock is per workspace, so they may split the workspaces between them, but no workspace is ever
reconciled by both at once, and when one replica stops the other takes its workspaces over.
On SQLite (a file) and on PostgreSQL (``store_url``)."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import Callable
from pathlib import Path

from hexsync.emulator.background import running_emulator
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import load_seed
from hexsync.hexapi import HexClient
from hexsync.serve.daemon import ScaledClock
from hexsync.serve.metrics import Metrics
from hexsync.serve.reconciler import Reconciler, Target, WorkspaceTiming
from hexsync.serve.source import ManifestSource
from hexsync.store import Store, leadership

ACME = Path(__file__).resolve().parents[2] / "examples" / "acme"
WORKSPACES = ("us", "eu")
# At 600 scaled seconds per real second: a sync every 0.1 s, a standby tries the lock every
# 1/60 s.
TIMING = WorkspaceTiming(interval=60.0, standby_poll=10.0)
HANG = 60.0  # real seconds


def test_two_replicas_split_the_workspaces_never_share_one_and_take_over(
    store_url: str, open_store: Callable[[str], Store]
) -> None:
    seed = load_seed(ACME / "seed.yaml")
    token = seed.token_for(None)
    config = EmulatorConfig(rate_limits=None)
    clock = ScaledClock(600.0)  # one clock: the syncs' times compare across replicas
    blocker = leadership(open_store(store_url), "eu")  # a third process holds EU at first
    assert blocker.acquire()
    with running_emulator(seed, config) as us_url, running_emulator(seed, config) as eu_url:
        urls = {"us": us_url, "eu": eu_url}

        async def main() -> tuple[list[dict[str, list[str]]], dict[str, list[str]]]:
            clients = [HexClient(token, urls[w], pacing=False) for w in WORKSPACES * 2]
            replicas: dict[str, list[Reconciler]] = {}
            for index, name in enumerate(("a", "b")):
                store = open_store(store_url)  # a replica's own connections, as a process's
                replicas[name] = [
                    Reconciler(
                        Target(
                            w, ManifestSource([ACME / "manifests"]), client=clients[2 * index + i]
                        ),
                        TIMING,
                        store=store,
                        clock=clock,
                        meters=Metrics(),
                        log=lambda _text: None,
                    )
                    for i, w in enumerate(WORKSPACES)
                ]
            samples: list[dict[str, list[str]]] = []

            def sample() -> None:
                samples.append(
                    {
                        w: [n for n, rs in replicas.items() for r in rs if r.name == w and r.leader]
                        for w in WORKSPACES
                    }
                )

            watcher = open_store(store_url)

            def synced(workspace: str) -> int:
                return len(watcher.syncs(workspace, limit=1000))

            async def watch_until(done: Callable[[], bool], what: str) -> None:
                """Sample who leads until ``done`` (real seconds only bound a hang: a loaded
                machine runs fewer syncs in a given time, never different ones)."""
                end = asyncio.get_running_loop().time() + HANG
                while True:
                    sample()
                    if done():
                        return
                    assert asyncio.get_running_loop().time() < end, f"timed out: {what}"
                    await asyncio.sleep(0.005)

            runs = {n: [asyncio.create_task(r.run()) for r in rs] for n, rs in replicas.items()}
            # Both started together: while EU is held elsewhere, US is reconciled (two syncs).
            await watch_until(lambda: synced("us") >= 2, "two syncs of US")
            held_elsewhere = list(samples)
            blocker.release()  # EU is free: one of the two takes it
            await watch_until(lambda: bool(samples[-1]["eu"]) and synced("eu") >= 2, "EU taken")
            split = dict(samples[-1])
            before = {w: synced(w) for w in WORKSPACES}
            for r in replicas["a"]:  # replica a stops (SIGTERM)
                r.stop(5.0)
            await asyncio.gather(*runs["a"])
            await watch_until(
                lambda: (
                    samples[-1] == {"us": ["b"], "eu": ["b"]}
                    and all(synced(w) > before[w] + 1 for w in WORKSPACES)
                ),
                "b to reconcile both",
            )
            for r in replicas["b"]:
                r.stop(5.0)
            await asyncio.gather(*runs["b"])
            for client in clients:
                await client.aclose()
            return samples, {
                "us_first": sorted({n for s in held_elsewhere for n in s["us"]}),
                "eu_first": sorted({n for s in held_elsewhere for n in s["eu"]}),
                "eu": split["eu"],
                "last": samples[-1]["us"],
            }

        samples, seen = asyncio.run(main())
    # At no moment was a workspace reconciled by two replicas.
    assert all(len(leaders) <= 1 for s in samples for leaders in s.values())
    # Both started together: one took US; EU was held elsewhere, by neither of them.
    assert len(seen["us_first"]) == 1
    assert seen["eu_first"] == []
    assert len(seen["eu"]) == 1  # then taken by one of them
    # Once a stopped, b reconciled both.
    assert seen["last"] == ["b"]
    assert any(s == {"us": ["b"], "eu": ["b"]} for s in samples)
    store = open_store(store_url)
    assert store.check() == []
    for workspace in WORKSPACES:
        syncs = sorted(store.syncs(workspace, limit=1000), key=lambda s: s.id)
        assert len(syncs) >= 3
        assert {s.outcome for s in syncs} <= {"synced", "out_of_sync", "interrupted"}
        # One sync after another: none began before the one before it had ended.
        for before, after in itertools.pairwise(syncs):
            assert before.finished_at is not None
            assert after.started_at >= before.finished_at, (workspace, before.id, after.id)
