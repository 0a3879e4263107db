"""One process, several workspaces (docs/serve.md, "Several workspaces"): what goes wrong for one
of them stays with it. In process, against the bundled emulator, on a scaled clock."""

from __future__ import annotations

import asyncio
import datetime as dt
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.exc import OperationalError

from hexsync.emulator.background import running_emulator
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import load_seed
from hexsync.hexapi import HexClient
from hexsync.serve.daemon import Daemon, ScaledClock, ServeSettings, Target
from hexsync.serve.source import ManifestSource
from hexsync.store import Recovery, Store

pytestmark = pytest.mark.slow

ACME = Path(__file__).resolve().parents[2] / "examples" / "acme"
SCALE = 600.0  # an interval of 60 s is a tenth of a real second


class _FlakyStore(Store):
    """A store that fails once for one workspace at the moment its lock is taken (a database
    busy or failing over right then)."""

    def __init__(self, url: str, flaky: str) -> None:
        super().__init__(url)
        self.flaky = flaky
        self.failed = 0

    def recover(self, workspace: str, now: dt.datetime) -> Recovery:
        if workspace == self.flaky and not self.failed:
            self.failed += 1
            raise OperationalError("UPDATE syncs", {}, Exception("database is locked"))
        return super().recover(workspace, now)


def _serve(
    store: Store,
    names: tuple[str, ...],
    until: Callable[[Daemon], bool],
    lines: list[str],
    *,
    wait: float = 30.0,
) -> tuple[int, Daemon]:
    seed = load_seed(ACME / "seed.yaml")
    clock = ScaledClock(SCALE)
    settings = ServeSettings(interval=60.0, port=0, backoff_base=10.0, standby_poll=10.0)
    with running_emulator(seed, EmulatorConfig(rate_limits=None)) as url:

        async def main() -> tuple[int, Daemon]:
            clients = [
                HexClient(seed.token_for(None), url, pacing=False, clock=clock.monotonic)
                for _ in names
            ]
            targets = [
                Target(n, ManifestSource([ACME / "manifests"]), client=c)
                for n, c in zip(names, clients, strict=True)
            ]
            daemon = Daemon(
                settings, store=store, targets=targets, clock=clock, out=lines.append,
                log=lines.append,
            )  # fmt: skip
            task = asyncio.create_task(daemon.run())
            deadline = asyncio.get_running_loop().time() + wait
            while not task.done() and not until(daemon):
                if asyncio.get_running_loop().time() > deadline:
                    break
                await asyncio.sleep(0.02)
            daemon.request_stop()
            try:
                code = await asyncio.wait_for(task, 20.0)
            finally:
                for client in clients:
                    await client.aclose()
            return code, daemon

        return asyncio.run(main())


def _synced(store: Store, name: str) -> int:
    return sum(1 for s in store.syncs(name, limit=100) if s.outcome in ("synced", "out_of_sync"))


def test_the_store_failing_as_one_workspace_takes_its_lock_fails_that_one_alone(
    tmp_path: Path,
) -> None:
    lines: list[str] = []
    store = _FlakyStore(f"sqlite:///{tmp_path / 'serve.db'}", flaky="eu")
    with store:
        code, daemon = _serve(
            store,
            ("us", "eu"),
            lambda _d: _synced(store, "us") >= 3 and _synced(store, "eu") >= 1,
            lines,
        )
        assert store.failed == 1  # EU's recovery did fail once
        # The process lived on: US synced on, EU was tried again and synced too.
        assert _synced(store, "us") >= 3, lines
        assert _synced(store, "eu") >= 1, lines
        assert code == 0
        assert store.check() == []
    said = [line for line in lines if "database is locked" in line]
    assert said, lines
    assert all(line.startswith("[eu] ") for line in said)  # told as EU's, not US's
    # The store answered again: EU's status no longer says it does not.
    assert daemon.reconcilers["eu"].store_error is None


def test_two_long_workspace_names_that_begin_alike_are_both_reconciled(tmp_path: Path) -> None:
    # hexsync.yaml allows names of 63 characters: these two differ in their last ones only.
    us, eu = (
        "acme-analytics-production-" + "x" * 34 + "-us",
        "acme-analytics-production-" + "x" * 34 + "-eu",
    )
    lines: list[str] = []
    with Store(f"sqlite:///{tmp_path / 'serve.db'}") as store:
        code, _daemon = _serve(
            store,
            (us, eu),
            lambda _d: _synced(store, us) >= 1 and _synced(store, eu) >= 1,
            lines,
            wait=10.0,
        )
        assert code == 0
        # One process, both workspaces: neither stands by for the other's lock.
        assert _synced(store, us) >= 1, lines
        assert _synced(store, eu) >= 1, lines
    assert not [line for line in lines if "standing by" in line]


def test_sigterm_while_both_workspaces_read_their_tables_exits_0_and_leaves_nothing_pending(
    tmp_path: Path,
) -> None:
    # The Acme manifests declare data classes: each workspace's job reads its projects' tables,
    # one at a time at Hex's documented 30 a minute (the clients pace on the scaled clock).
    seed = load_seed(ACME / "seed.yaml")
    clock = ScaledClock(60.0)
    settings = ServeSettings(interval=3600.0, port=0)
    lines: list[str] = []
    names = ("us", "eu")
    with (
        running_emulator(seed, EmulatorConfig(rate_limits=None)) as url,
        Store(f"sqlite:///{tmp_path / 'serve.db'}") as store,
    ):

        async def main() -> tuple[int, dict[str, int], list[str], list[str]]:
            problems: list[str] = []
            loop = asyncio.get_running_loop()
            loop.set_exception_handler(lambda _loop, context: problems.append(context["message"]))
            clients = [
                HexClient(seed.token_for(None), url, clock=clock.monotonic, sleep=clock.sleep)
                for _ in names
            ]
            targets = [
                Target(n, ManifestSource([ACME / "manifests"]), client=c)
                for n, c in zip(names, clients, strict=True)
            ]
            daemon = Daemon(
                settings, store=store, targets=targets, clock=clock, out=lines.append,
                log=lines.append,
            )  # fmt: skip
            task = asyncio.create_task(daemon.run())

            def reading() -> bool:
                jobs = [daemon.reconcilers[n].tables for n in names]
                return all(j.reading and j.read_count >= 2 for j in jobs)

            deadline = loop.time() + 30.0
            while not reading() and not task.done() and loop.time() < deadline:
                await asyncio.sleep(0.01)
            assert reading(), lines
            daemon.request_stop()  # as SIGTERM does
            code = await asyncio.wait_for(task, 20.0)
            read = {n: daemon.reconcilers[n].tables.read_count for n in names}
            for client in clients:
                await client.aclose()
            await asyncio.sleep(0)
            left = [repr(t) for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            return code, read, left, problems

        code, read, left, problems = asyncio.run(main())
        assert code == 0
        assert left == []  # no task of the daemon's left running
        assert problems == []  # nor a task destroyed pending, nor an exception never retrieved
        # What was read before the stop is kept: a restart does not read it again.
        for name in names:
            kept = store.queried_tables(name)
            assert 2 <= len(kept) == read[name] < 60, name  # stopped in the middle, all kept
            assert len({org for org, *_ in kept}) == 1
        assert store.check() == []
        for name in names:
            assert all(s.outcome != "running" for s in store.syncs(name, limit=100)), name
    assert lines[-1] == "stopped"


class _SlowEnd(Store):
    """A store whose write of a sync's end waits until the test lets it go on."""

    def __init__(self, url: str) -> None:
        super().__init__(url)
        self.entered = threading.Event()
        self.release = threading.Event()

    def finish_sync(self, sync_id: int, **fields: Any) -> None:
        if fields["outcome"] != "interrupted" and not self.entered.is_set():
            self.entered.set()
            self.release.wait(20.0)
        super().finish_sync(sync_id, **fields)


def test_sigterm_as_a_sync_is_written_records_it_whole_and_queues_its_notifications(
    tmp_path: Path,
) -> None:
    seed = load_seed(ACME / "seed.yaml")
    clock = ScaledClock(SCALE)
    # A webhook that answers nothing: the notifications stay queued in the store.
    settings = ServeSettings(interval=3600.0, port=0, notify=("http://127.0.0.1:9/hook",))
    lines: list[str] = []
    store = _SlowEnd(f"sqlite:///{tmp_path / 'serve.db'}")
    with running_emulator(seed, EmulatorConfig(rate_limits=None)) as url, store:

        async def main() -> int:
            async with HexClient(seed.token_for(None), url, pacing=False) as client:
                target = Target("eu", ManifestSource([ACME / "manifests"]), client=client)
                daemon = Daemon(
                    settings, store=store, targets=[target], clock=clock, out=lines.append,
                    log=lines.append,
                )  # fmt: skip
                task = asyncio.create_task(daemon.run())
                assert await asyncio.to_thread(store.entered.wait, 20.0)
                daemon.request_stop()  # SIGTERM while the first sync's end is being written
                await asyncio.sleep(0.2)
                store.release.set()
                return await asyncio.wait_for(task, 20.0)

        code = asyncio.run(main())
        assert code == 0
        (sync,) = store.syncs("eu", limit=10)
        assert sync.outcome == "out_of_sync"  # Acme's manifests and its seed differ
        assert sync.drift_count > 0
        # The new drift is told: its notification was queued with the sync's end.
        events = {n.event for n in store.notifications("eu")}
        assert "drift_opened" in events, lines
        assert store.check() == []
    assert any(line.startswith(f"sync #{sync.id} (start): out_of_sync") for line in lines), lines
    assert not any("recorded as interrupted" in line for line in lines)


def test_one_workspace_planning_at_length_does_not_hold_up_another_s_syncs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # EU's plan takes long (a workspace of 10,000 projects plans for seconds): meanwhile US syncs
    # on, and the process answers; EU's plan goes on when US has synced.
    import hexsync.serve.cycle as cycle  # noqa: PLC0415

    seed = load_seed(ACME / "seed.yaml")
    clock = ScaledClock(SCALE)
    settings = ServeSettings(interval=60.0, port=0)
    lines: list[str] = []
    store = Store(f"sqlite:///{tmp_path / 'serve.db'}")
    planning, us_synced = threading.Event(), threading.Event()
    seen: list[bool] = []
    real_plan = cycle.build_plan

    def slow_plan(desired: Any, live: Any, **kwargs: Any) -> Any:
        if kwargs["api_url"].startswith(eu_url) and not planning.is_set():
            planning.set()
            seen.append(us_synced.wait(10.0))  # US syncs while EU plans (or never, if it waits)
        return real_plan(desired, live, **kwargs)

    def watch() -> None:  # another thread: counts US's syncs once EU began to plan
        if not planning.wait(20.0):
            return
        before = _synced(store, "us")
        while not us_synced.is_set() and _synced(store, "us") <= before:
            if not planning.is_set():
                return
            threading.Event().wait(0.02)
        us_synced.set()

    monkeypatch.setattr(cycle, "build_plan", slow_plan)
    config = EmulatorConfig(rate_limits=None)
    with (
        running_emulator(seed, config) as us_url,
        running_emulator(seed, config) as eu_url,
        store,
    ):
        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()

        async def main() -> int:
            clients = [
                HexClient(seed.token_for(None), u, pacing=False, clock=clock.monotonic)
                for u in (us_url, eu_url)
            ]
            targets = [
                Target(n, ManifestSource([ACME / "manifests"]), client=c)
                for n, c in zip(("us", "eu"), clients, strict=True)
            ]
            daemon = Daemon(
                settings, store=store, targets=targets, clock=clock, out=lines.append,
                log=lines.append,
            )  # fmt: skip
            task = asyncio.create_task(daemon.run())
            loop = asyncio.get_running_loop()
            deadline = loop.time() + 30.0
            while not (seen and _synced(store, "eu") >= 1) and loop.time() < deadline:
                await asyncio.sleep(0.02)
            daemon.request_stop()
            try:
                return await asyncio.wait_for(task, 20.0)
            finally:
                for client in clients:
                    await client.aclose()

        code = asyncio.run(main())
        us_synced.set()
        watcher.join(5.0)
    assert code == 0
    assert seen == [True], lines  # US synced while EU was planning
    assert _synced(store, "eu") >= 1  # and EU's sync ended too


class _SlowRecovery(Store):
    """A store whose recovery (as a workspace's lock is taken) waits for the test."""

    def __init__(self, url: str) -> None:
        super().__init__(url)
        self.entered = threading.Event()
        self.release = threading.Event()

    def recover(self, workspace: str, now: dt.datetime) -> Recovery:
        self.entered.set()
        self.release.wait(20.0)
        return super().recover(workspace, now)


def test_sigterm_as_the_lock_is_taken_starts_no_sync(tmp_path: Path) -> None:
    seed = load_seed(ACME / "seed.yaml")
    clock = ScaledClock(SCALE)
    settings = ServeSettings(interval=3600.0, port=0)
    lines: list[str] = []
    store = _SlowRecovery(f"sqlite:///{tmp_path / 'serve.db'}")
    with running_emulator(seed, EmulatorConfig(rate_limits=None)) as url, store:

        async def main() -> int:
            async with HexClient(seed.token_for(None), url, pacing=False) as client:
                target = Target("eu", ManifestSource([ACME / "manifests"]), client=client)
                daemon = Daemon(
                    settings, store=store, targets=[target], clock=clock, out=lines.append,
                    log=lines.append,
                )  # fmt: skip
                task = asyncio.create_task(daemon.run())
                assert await asyncio.to_thread(store.entered.wait, 20.0)
                daemon.request_stop()  # SIGTERM while the lock is being taken
                store.release.set()
                return await asyncio.wait_for(task, 20.0)

        code = asyncio.run(main())
        assert code == 0
        # Stopped before any sync began: no read of Hex after SIGTERM.
        assert store.syncs("eu", limit=10) == [], lines
    assert lines[-1] == "stopped"
