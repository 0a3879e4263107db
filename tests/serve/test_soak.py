"""A soak: a day of the controller's time (24 syncs at --interval 1h) on a scaled clock, in
--mode heal, against an emulator where one request in five meets a fault (500/502/503, delay,
drop, commit-then-timeout) and someone changes the workspace behind its back now and then.
Seeded and bounded: the same run every time, well under a minute."""

from __future__ import annotations

import asyncio
import datetime as dt
import gc
import random
from pathlib import Path

import httpx
import pytest
from serve_support import wait_until

from hexsync.emulator.background import running_emulator
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import load_seed
from hexsync.hexapi import HexClient
from hexsync.hexapi.retry import RetryPolicy
from hexsync.serve.daemon import Daemon, ScaledClock, ServeSettings
from hexsync.serve.source import ManifestSource
from hexsync.store import Store

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
ACME = ROOT / "examples" / "acme"
SCALE = 6000.0  # a day in under fifteen real seconds
DAY = dt.timedelta(days=1)
REVENUE = "0b3f6a51-5b6e-4c43-a4a8-0b1d2b7f3c11"


def rss_kib() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4


def test_a_day_with_faults_at_one_in_five_records_every_sync_keeps_memory_flat_and_converges(
    tmp_path: Path,
):
    seed = load_seed(ACME / "seed.yaml")
    config = EmulatorConfig(
        rate_limits=None, fault_rate=0.2, fault_seed=21, fault_delay_seconds=1.0
    )
    lines: list[str] = []
    rng = random.Random(21)
    with running_emulator(seed, config) as url, Store(f"sqlite:///{tmp_path / 'soak.db'}") as store:
        clock = ScaledClock(SCALE)
        settings = ServeSettings(
            mode="heal", interval=3600.0, port=0, lock_wait=600.0,
            # The emulator holds a delayed request a real second (its clock is not scaled): a
            # create whose answer was lost may land that much later. Two real seconds, scaled.
            settle=2.0 * SCALE,
        )  # fmt: skip

        async def main() -> tuple[int, list[int], int]:
            async with HexClient(
                seed.token_for(None), url, pacing=False, clock=clock.monotonic, sleep=clock.sleep,
                timeout=0.5,  # a commit-then-timeout fault holds the answer back for good
                # Retries wait on the scaled clock; their deadline is the controller's time too.
                retry=RetryPolicy(deadline=DAY.total_seconds()),
            ) as client, HexClient(seed.token_for(None), url, pacing=False) as meddler:  # fmt: skip
                daemon = Daemon(
                    settings,
                    store=store,
                    client=client,
                    source=ManifestSource([ACME / "manifests"]),
                    clock=clock,
                    out=lines.append,
                    log=lines.append,
                )
                task = asyncio.create_task(daemon.run())
                end = clock.now() + DAY
                samples = []
                meddled = 0
                # Real seconds, within pytest-timeout's 120: a bound for a busy machine (a timeout
                # costs half a real second: the day takes half a minute alone, more when shared).
                cap = asyncio.get_running_loop().time() + 80.0
                while not task.done() and asyncio.get_running_loop().time() < cap:
                    # At least a day, and at least a dozen syncs (each costs real time).
                    if clock.now() >= end and len(store.syncs("default", limit=20)) >= 13:
                        break
                    await asyncio.sleep(0.25)
                    if rng.random() < 0.3:  # someone shares a project in Hex's UI
                        level = rng.choice(["CAN_VIEW", "CAN_EDIT", "NONE"])
                        try:
                            await meddler.edit_project_sharing_workspace_and_public(
                                REVENUE, workspace=level
                            )
                            meddled += 1
                        except Exception:
                            pass
                    gc.collect()
                    samples.append(rss_kib())
                daemon.request_stop()
                return await task, samples, meddled

        async def titles() -> list[str]:
            async with HexClient(seed.token_for(None), url, pacing=False) as reader:
                return [p.title async for p in reader.iter_projects(include_archived=True)]

        code, samples, meddled = asyncio.run(main())
        # A request the emulator still holds (a delay fault outlives the client's timeout) lands
        # first: the emulator says when none is in flight (30 real seconds only bound a hang).
        wait_until(
            lambda: httpx.get(f"{url}/_emulator/stats", timeout=10).json()["in_flight"] == 0,
            30.0,
            "the emulator to end every request",
        )
        projects = asyncio.run(titles())
        syncs = store.syncs("default", limit=1000)
        problems = store.check()
    assert code == 0
    assert problems == []
    # Every cycle recorded and ended: one row per sync the process ran (24 at an hour if syncs took
    # no time; faults cost real time: a timeout is half a real second, hours of the scaled day).
    ran = [line for line in lines if line.startswith("sync #")]
    stopped = sum("stopped and recorded as interrupted" in line for line in lines)
    assert len(syncs) == len(ran) + stopped, "\n".join(lines)
    assert len(syncs) >= 12, "\n".join(lines)
    assert all(s.finished_at is not None for s in syncs)
    outcomes = {s.outcome for s in syncs}
    assert outcomes <= {"synced", "out_of_sync", "healed", "held", "failed", "interrupted"}
    # Held only while a create whose answer a fault lost may still land (docs/serve.md).
    held = [s.note for s in syncs if s.outcome == "held"]
    assert all((note or "").startswith("not created yet: ") for note in held), held
    assert "healed" in outcomes, "\n".join(lines)
    # Never a project created twice, whatever the faults did to the creates' answers.
    assert sorted(t for t in set(projects) if projects.count(t) > 1) == [], "\n".join(lines)
    failed = [s for s in syncs if s.outcome == "failed"]
    # Failures are Hex's (faults the client could not retry away), never a bug of hexsync's.
    assert all("Error:" not in (s.error or "") for s in failed), [s.error for s in failed]
    assert meddled >= 3
    # Memory flat: after the first quarter, it grows by less than 8 MiB over the rest of the day.
    quarter = len(samples) // 4
    assert max(samples[quarter:]) - samples[quarter] < 8 * 1024, (samples[quarter], max(samples))
