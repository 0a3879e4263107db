"""One reconcile cycle: a plain async function of injected collaborators (a clock, the Hex
client, the store, the notifier, the manifests' source) that returns what happened.

A cycle reads the workspace at the request floor (plus the members of every shared group, so the
snapshot answers ``access --at``), plans against the manifests, records the sync, the snapshot
(only when the workspace changed), the out-of-band changes since the last snapshot and the drift
items (opened, still open, resolved). In ``heal`` mode, when the plan has changes, no guardrail
refuses it and the sync windows allow it, it records an intent, takes the apply lock, plans again
from a fresh read under the lock, applies, and reads back. Events worth telling people go to the
notifier (each once).

A project create whose answer was lost and that apply could not find by reading back has an
unknown outcome (Hex may still carry the request out, and titles are not unique): for
``CycleConfig.settle`` seconds after that heal ended, no heal creates that title again; the
first heal after it plans from a new read, so it adopts the project if it landed, or creates it
once. The same holds for the project creates of a heal that was interrupted (its writes were cut
short, their answers lost).

Nothing here sleeps or schedules: :mod:`hexsync.serve.daemon` does, around it.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import enum
import time
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, ParamSpec, Protocol, TypeVar

from hexsync.apply.execute import apply_plan
from hexsync.apply.lock import LockHeldError, apply_lock
from hexsync.decide.access_engine import shared_groups
from hexsync.decide.drift import drift_of
from hexsync.errors import HexsyncError
from hexsync.hexapi import HexClient, NotFoundError
from hexsync.ops.snapshot import live_of, snapshot_of
from hexsync.planning.estimate import limits_of
from hexsync.planning.planner import build_plan
from hexsync.readers.workspace import PageWatch, read_live, read_members
from hexsync.serve.changes import compare_snapshots
from hexsync.serve.pages import Baseline, PageCheck, Scope
from hexsync.serve.source import Source
from hexsync.store import DriftObservation, DriftRecord, DriftUpdate, Store, SyncRecord
from hexsync.values.desired import Desired
from hexsync.values.kinds import Kind
from hexsync.values.live import Live, is_lock_name
from hexsync.values.plan import Action, Plan
from hexsync.values.windows import heal_verdict

__all__ = [
    "Collaborators",
    "CycleConfig",
    "CycleResult",
    "Event",
    "Notifier",
    "Phase",
    "StoreDownError",
    "run_cycle",
]

P = ParamSpec("P")
T = TypeVar("T")


class StoreDownError(Exception):
    """The store did not answer: nothing was (or will be) written to Hex this cycle."""


class Phase(enum.Enum):
    IDLE = "idle"
    READING = "reading"
    WRITING = "writing"  # an intent is recorded and writes to Hex may be in flight


@dataclass(frozen=True)
class Event:
    """Something to tell people, once: ``key`` identifies it across cycles and restarts."""

    key: str
    event: str  # drift_opened, drift_resolved, sync_failed, healed
    text: str  # Slack's ``text``
    fields: dict[str, Any]

    @property
    def payload(self) -> dict[str, Any]:
        return {"text": self.text, "event": self.event, **self.fields}


class Notifier(Protocol):
    def notify(self, workspace: str, events: list[Event], now: dt.datetime) -> None:
        """Queue the events (never blocks on delivery)."""


class TablesKnown(Protocol):
    """The projects' queried tables read so far in the background (:mod:`hexsync.serve.tables`)."""

    def facts(self, desired: Desired, live: Live, *, listing: bool = True) -> Live:
        """``live`` with the data facts known so far (unchanged when the manifests use none);
        ``listing``: ``live`` is a whole reading, whose projects are the ones to read."""

    def unread(self, desired: Desired) -> str | None:
        """Which projects' tables were not read when the last plan was made, when the plan of
        ``desired`` depends on them (None: it does not, or all were read): a heal waits."""


@dataclass(frozen=True)
class CycleConfig:
    workspace: str
    mode: str = "warn"  # warn, heal
    trigger: str = "schedule"
    lock_wait: float = 60.0  # seconds a heal waits for another apply's lock
    # Seconds a project create whose outcome is unknown is given to land before a heal creates
    # that title again: longer than Hex (or a proxy) keeps a request whose client has gone.
    settle: float = 300.0


@dataclass
class Collaborators:
    clock: Callable[[], dt.datetime]
    client: HexClient
    store: Store
    notifier: Notifier
    source: Source
    stopping: Callable[[], bool] = lambda: False  # SIGTERM: no write begins any more
    phase: Phase = Phase.IDLE  # what the cycle is doing now (the daemon reads it on SIGTERM)
    say: Callable[[str], None] = lambda _text: None  # a line for the log
    # The last snapshot recorded and the reading it was made of: each page of the next read is
    # compared with it as it arrives (hexsync.serve.pages). None: loaded from the store.
    memory: Baseline | None = None
    tables: TablesKnown | None = None  # the queried tables read in the background, if any


@dataclass(frozen=True)
class CycleResult:
    sync_id: int
    outcome: str
    commit: str | None = None
    changes: int = 0
    drift_count: int = 0
    applied: int = 0
    requests: int = 0
    rate_limited: int = 0
    requests_by_operation: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    error: str | None = None
    note: str | None = None
    opened: tuple[DriftRecord, ...] = ()
    resolved: tuple[DriftRecord, ...] = ()
    logged: int = 0  # out-of-band changes recorded
    snapshot_changed: bool = False
    events: tuple[Event, ...] = ()

    @property
    def successful(self) -> bool:
        return self.outcome not in ("failed", "interrupted")


async def _db(fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
    """A store call off the event loop (a slow database never stalls /healthz); any failure of
    the store is StoreDownError."""
    try:
        return await asyncio.to_thread(fn, *args, **kwargs)
    except Exception as exc:
        raise StoreDownError(f"the store did not answer: {type(exc).__name__}: {exc}") from exc


def _observations(plan: Plan) -> list[DriftObservation]:
    out = []
    for item in drift_of(plan).items:
        name = item.name
        if not item.fields:
            out.append(DriftObservation(item.kind, item.id, name, item.state, "", None, None))
        for f in item.fields:
            out.append(
                DriftObservation(item.kind, item.id, name, item.state, f.label, f.manifests, f.live)
            )
    return out


def _managed(desired: Desired) -> Callable[[str, str, str], bool]:
    groups = {g.name for g in desired.groups}
    collections = {c.name for c in desired.collections} | {
        c.id for c in desired.collections if c.id
    }
    users = {u.email for u in desired.users}
    titles = {p.title for p in desired.projects}
    ids = {(p.id or "").lower() for p in desired.projects}

    def managed(kind: str, ident: str, name: str) -> bool:
        if kind == Kind.GROUP.value:
            return name in groups
        if kind == Kind.COLLECTION.value:
            return name in collections or ident in collections
        if kind == Kind.USER.value:
            return name.lower() in users
        return name in titles or ident.lower() in ids

    return managed


def unknown_creates(
    store: Store, workspace: str, now: dt.datetime, settle: float
) -> dict[str, dt.datetime]:
    """Project title → until when a heal must not create it again: the creates with an unknown
    outcome (``outcome_unknown`` in the apply report) of heals that ended less than ``settle``
    seconds ago, and every project create of such a heal that left no report (interrupted)."""
    span = dt.timedelta(seconds=settle)
    out: dict[str, dt.datetime] = {}
    for intent in store.intents(workspace, finished_since=now - span):
        if intent.state == "done" or intent.finished_at is None:
            continue
        sync = store.sync(intent.sync_id)
        report = store.document(sync.report_digest) if sync and sync.report_digest else None
        if isinstance(report, Mapping):
            titles = [
                str(o.get("name"))
                for o in report.get("outcomes", ())
                if o.get("outcome_unknown") and o.get("kind") == Kind.PROJECT.value
            ]
        else:
            plan = store.document(intent.plan_digest)
            titles = [
                str(c.get("name"))
                for c in (plan.get("changes", ()) if isinstance(plan, Mapping) else ())
                if c.get("kind") == Kind.PROJECT.value and c.get("action") == Action.CREATE.value
            ]
        for title in titles:
            until = intent.finished_at + span
            out[title] = max(out.get(title, until), until)
    return out


def _holding(plan: Plan, waiting: Mapping[str, dt.datetime]) -> tuple[Plan, str | None]:
    """The plan without the project creates still ``waiting`` for an earlier one's outcome, and
    a note naming them (None: none held back)."""
    held = [
        c
        for c in plan.changes
        if c.kind is Kind.PROJECT and c.action is Action.CREATE and c.name in waiting
    ]
    if not held:
        return plan, None
    names = ", ".join(
        f"{c.name!r} (until {waiting[c.name].strftime('%Y-%m-%dT%H:%M:%SZ')})" for c in held
    )
    note = (
        f"not created yet: {names}; an earlier create's answer was lost and Hex may still "
        "carry it out"
    )
    return replace(plan, changes=tuple(c for c in plan.changes if c not in held)), note


def _drift_text(item: DriftRecord) -> str:
    field = f" {item.field}" if item.field else ""
    return (
        f"{item.kind} {item.object_name!r}{field}: manifests {item.manifests or '(none)'}, "
        f"Hex {item.live or '(none)'}"
    )


def _events(workspace: str, sync_id: int, update: DriftUpdate, part: str = "") -> list[Event]:
    """The events of one drift update; ``part`` tells apart the updates of one sync (a page
    read before the rest: ``:page3``)."""
    events = []
    if update.opened:
        lines = [_drift_text(i) for i in update.opened]
        events.append(
            Event(
                f"drift-opened:{workspace}:{sync_id}{part}",
                "drift_opened",
                f"hexsync: {len(lines)} new drift in {workspace}: "
                + "; ".join(lines[:10])
                + (f"; and {len(lines) - 10} more" if len(lines) > 10 else ""),
                {
                    "workspace": workspace,
                    "sync_id": sync_id,
                    "items": [i.data for i in update.opened],
                },
            )
        )
    if update.resolved:
        lines = [f"{i.kind} {i.object_name!r} {i.field}".rstrip() for i in update.resolved]
        events.append(
            Event(
                f"drift-resolved:{workspace}:{sync_id}{part}",
                "drift_resolved",
                f"hexsync: {len(lines)} drift resolved in {workspace}: " + "; ".join(lines[:10]),
                {
                    "workspace": workspace,
                    "sync_id": sync_id,
                    "items": [i.data for i in update.resolved],
                },
            )
        )
    return events


class _Run:
    """The state of one cycle while it runs."""

    def __init__(self, c: Collaborators, config: CycleConfig) -> None:
        self.c = c
        self.config = config
        self.ws = config.workspace
        self.started = time.monotonic()
        self.requests_at_start = Counter(c.client.counters.requests)
        self.rate_limited_at_start = c.client.counters.rate_limited
        self.sync_id = 0
        self.commit: str | None = None
        self.opened: list[DriftRecord] = []
        self.resolved: list[DriftRecord] = []
        self.events: list[Event] = []  # told when the sync ends
        self.told: list[Event] = []  # told while it ran (pages read before the rest)
        self.logged = 0
        self.snapshot_changed = False
        self.snapshot_id: int | None = None
        self.intent_id: int | None = None
        self.previous: SyncRecord | None = None

    def counts(self) -> tuple[int, int, dict[str, int]]:
        counters = self.c.client.counters
        per_op = counters.requests - self.requests_at_start
        return (
            sum(per_op.values()),
            counters.rate_limited - self.rate_limited_at_start,
            dict(sorted(per_op.items())),
        )

    def plan(self, desired: Desired, live: Live) -> Plan:
        client = self.c.client
        if self.c.tables is not None:  # the tables known now (a page's reading too)
            live = self.c.tables.facts(desired, live, listing=False)
        return build_plan(
            desired,
            live,
            api_url=client.base_url,
            now=self.c.clock(),
            limits=limits_of(client),
        )

    async def read(self, desired: Desired, watch: PageWatch | None = None) -> tuple[Live, Plan]:
        client = self.c.client
        live = await read_live(client, desired, watch=watch)
        live = await read_members(client, live, shared_groups(live), watch=watch)
        if self.c.tables is not None:  # a whole reading: its projects are the ones to read
            live = self.c.tables.facts(desired, live)
        # Off the event loop (10,000 projects plan for seconds): the other workspaces' syncs,
        # the API and the probes go on meanwhile.
        return live, await asyncio.to_thread(self.plan, desired, live)

    async def baseline(self) -> Baseline | None:
        """The last snapshot recorded, to compare each page with (None: there is none yet,
        or it cannot be used; the read's end sees every change then)."""
        c = self.c
        latest = await _db(c.store.latest_snapshot_id, self.ws)
        if latest is None:
            return None
        if c.memory is not None and c.memory.snapshot_id == latest:
            return c.memory
        record = await _db(c.store.snapshot_at, self.ws)
        if record is None:
            return None
        try:
            live = await asyncio.to_thread(live_of, record.document)
        except (ValueError, KeyError, TypeError) as exc:
            c.say(f"the last snapshot cannot be compared page by page: {exc}")
            return None
        c.memory = Baseline(record.id, record.document, live)
        return c.memory

    def page_check(self, desired: Desired, baseline: Baseline) -> PageCheck:
        """A check of each page against ``baseline`` that records the drift of the objects a
        page shows changed at once (and tells people), before the read ends."""
        c = self.c

        async def found(live: Live, scope: Scope) -> None:
            read_at = c.clock()  # when Hex was seen so: the items' first (or last) seen
            plan = await asyncio.to_thread(self.plan, desired, live)
            update = await _db(
                c.store.observe_drift,
                self.ws,
                self.sync_id,
                read_at,
                _observations(plan),
                scope=scope,
            )
            self.opened += update.opened
            self.resolved += update.resolved
            events = _events(self.ws, self.sync_id, update, f":page{check.changed_pages}")
            self.told += events
            if events:
                await asyncio.to_thread(c.notifier.notify, self.ws, events, c.clock())
            # What is known of the workspace now, so that `access --at` agrees with the drift.
            await self.snapshot(check.document(), read_at, desired, by_hexsync=False)

        check = PageCheck(baseline, found, c.say)
        return check

    async def record(self, live: Live, plan: Plan, desired: Desired, *, by_hexsync: bool) -> int:
        """Snapshot, change log and drift for one reading; the open drift count."""
        now = self.c.clock()
        document = await asyncio.to_thread(snapshot_of, live)
        snapshot_id = await self.snapshot(document, now, desired, by_hexsync=by_hexsync)
        self.c.memory = Baseline(snapshot_id, document, live)
        update = await _db(
            self.c.store.observe_drift, self.ws, self.sync_id, now, _observations(plan)
        )
        self.opened += update.opened
        self.resolved += update.resolved
        self.events += _events(self.ws, self.sync_id, update)
        return update.open_count

    async def snapshot(
        self, document: dict[str, Any], now: dt.datetime, desired: Desired, *, by_hexsync: bool
    ) -> int:
        """Record ``document`` as the snapshot taken at ``now`` (when it differs from the last
        one) and the changes since the last one; the snapshot's id."""
        snapshot_id, previous = await _db(self.c.store.put_snapshot, self.ws, now, document)
        self.snapshot_id = snapshot_id
        if previous is not None:
            self.snapshot_changed = True
            found = await asyncio.to_thread(
                compare_snapshots,
                previous.document,
                document,
                _managed(desired),
                by_hexsync=by_hexsync,
            )
            since = self.previous.started_at if self.previous is not None else previous.taken_at
            await _db(
                self.c.store.add_changes,
                self.ws,
                self.sync_id,
                seen_at=now,
                since=since,
                items=found,
            )
            self.logged += len(found)
        return snapshot_id

    async def drop_own_lock(self) -> None:
        """Delete the apply lock the previous heal took, if it is still there: letting go of it
        failed (the network went as it did), and this controller would otherwise wait on its
        own lock, heal after heal, until it is stale. It is ours: its id is recorded with that
        heal's intent, and only the leader heals."""
        c = self.c
        earlier = await _db(
            c.store.intents, self.ws, finished_since=c.clock() - dt.timedelta(days=1)
        )
        lock_id = next((i.lock_id for i in reversed(earlier) if i.lock_id), None)
        if lock_id is None:
            return
        try:
            group = await c.client.get_group(lock_id)
            if is_lock_name(group.name):
                await c.client.delete_group(lock_id)
                c.say(f"heal: removed the apply lock an earlier heal left (group id {lock_id})")
        except NotFoundError:
            return
        except HexsyncError as exc:  # the lock code waits on it, or finds it stale, as before
            c.say(f"heal: could not check the apply lock an earlier heal took: {exc.message}")

    async def heal(
        self, desired: Desired, plan: Plan, waiting: Mapping[str, dt.datetime]
    ) -> tuple[str, str | None, int, Any]:
        """(outcome, note, changes applied, the report's data) of a heal that may write;
        ``waiting``: the project titles not to create yet (:func:`unknown_creates`)."""
        c, store = self.c, self.c.store
        client = c.client
        intent = await _db(
            store.begin_intent,
            self.ws,
            self.sync_id,
            created_at=c.clock(),
            plan=plan.data,
            changes=len(plan.changes),
        )
        self.intent_id = intent
        c.phase = Phase.WRITING
        await self.drop_own_lock()

        def taken(lock_id: str) -> None:
            try:
                store.set_intent_lock(intent, lock_id)
            except Exception as exc:  # the intent is recorded; only the lock's id is not
                c.say(f"heal: could not record the apply lock's id: {exc}")

        try:
            async with apply_lock(
                client,
                wait=self.config.lock_wait,
                notify=lambda text: c.say(f"heal: {text}"),
                taken=taken,
            ):
                # Another apply may have run between the read and the lock: plan again.
                _live, again = await self.read(desired)
                again, holding = _holding(again, waiting)
                if again.refusals:
                    await _db(
                        store.finish_intent, intent, finished_at=c.clock(), state="done",
                        note="refused when planned again under the lock",
                    )  # fmt: skip
                    return "refused", _refusal_note(again), 0, None
                if again.empty:
                    await _db(
                        store.finish_intent, intent, finished_at=c.clock(), state="done",
                        note=holding or "nothing left to do under the lock",
                    )  # fmt: skip
                    return ("held", holding, 0, None) if holding else ("synced", None, 0, None)
                if c.stopping():  # SIGTERM came while the lock was being taken: no write began
                    await _db(
                        store.finish_intent, intent, finished_at=c.clock(), state="done",
                        note="not started: the process is stopping",
                    )  # fmt: skip
                    self.intent_id = None
                    return "out_of_sync", "not healed: the process is stopping", 0, None
                c.say(f"heal: applying {len(again.changes)} change(s) (intent #{intent})")
                report = await apply_plan(client, again, live=_live)
        except LockHeldError as exc:
            await _db(
                store.finish_intent, intent, finished_at=c.clock(), state="done", note=exc.message
            )
            self.intent_id = None
            return "held", f"another apply holds the lock: {exc.message}", 0, None
        except (HexsyncError, OSError) as exc:  # Hex failed mid-heal: the next sync plans again
            note = exc.message if isinstance(exc, HexsyncError) else str(exc)
            await _db(store.finish_intent, intent, finished_at=c.clock(), state="failed", note=note)
            self.intent_id = None
            raise
        state = "done" if report.ok else "failed"
        await _db(
            store.finish_intent, intent, finished_at=c.clock(), state=state, note=report.summary
        )
        self.intent_id = None
        c.phase = Phase.READING
        applied = len(report.done)
        if applied:
            self.events.append(
                Event(
                    f"healed:{self.ws}:{self.sync_id}",
                    "healed",
                    f"hexsync: healed {self.ws}: {report.summary}",
                    {"workspace": self.ws, "sync_id": self.sync_id, "report": report.data},
                )
            )
        return (
            ("healed" if report.ok else "failed"),
            (holding if report.ok else report.summary),
            applied,
            report.data,
        )


def _refusal_note(plan: Plan) -> str:
    return "refused: " + "; ".join(r.message for r in plan.refusals)


async def run_cycle(c: Collaborators, config: CycleConfig) -> CycleResult:
    """One sync of ``config.workspace`` (see the module docstring). Raises StoreDownError when
    the store does not answer (then nothing was written to Hex); every other failure is a
    ``failed`` sync, recorded and returned."""
    run = _Run(c, config)
    store = c.store
    run.previous = await _db(store.last_success, run.ws)
    begin = asyncio.ensure_future(
        _db(
            store.begin_sync,
            run.ws,
            started_at=c.clock(),
            trigger=config.trigger,
            mode=config.mode,
        )
    )
    try:
        run.sync_id = await asyncio.shield(begin)
    except asyncio.CancelledError:  # SIGTERM while the row was written: it ends interrupted
        begun = await begin
        await _db(
            store.finish_sync,
            begun,
            finished_at=c.clock(),
            outcome="interrupted",
            error="stopped (SIGTERM) before the sync ended",
        )
        raise
    outcome, note, error, applied = "failed", None, None, 0
    plan: Plan | None = None
    report: Any = None
    drift_count = 0
    c.phase = Phase.READING
    try:
        try:
            fetched = await c.source.fetch()
            run.commit = fetched.commit
            desired = fetched.desired
            baseline = await run.baseline()
            watch = run.page_check(desired, baseline) if baseline is not None else None
            _live, plan = await run.read(desired, watch)
            drift_count = await run.record(_live, plan, desired, by_hexsync=False)
            outcome = "out_of_sync" if drift_count else "synced"
            unread = c.tables.unread(desired) if c.tables is not None else None
            if config.mode == "heal" and not plan.empty:
                verdict = heal_verdict(desired.policy.windows, c.clock())
                if unread is not None:  # a data-class rule may decide otherwise once read
                    outcome, note = "held", f"not healed before the tables are read: {unread}"
                elif plan.refusals:
                    outcome, note = "refused", _refusal_note(plan)
                elif not verdict.allowed:
                    outcome, note = "held", verdict.reason
                elif c.stopping():
                    note = "not healed: the process is stopping"
                else:
                    waiting = await _db(unknown_creates, store, run.ws, c.clock(), config.settle)
                    rest, holding = _holding(plan, waiting)
                    if rest.empty:  # only creates still waiting: no intent, no lock
                        outcome, note = "held", holding
                    else:
                        outcome, note, applied, report = await run.heal(desired, plan, waiting)
                    if applied or outcome == "failed":
                        after_live, after = await run.read(desired)
                        drift_count = await run.record(after_live, after, desired, by_hexsync=True)
                        if outcome == "healed" and drift_count:
                            outcome = "out_of_sync"
                            note = note or "healed, but drift remains"
            note = note or unread
        except StoreDownError:
            raise
        except HexsyncError as exc:
            outcome, error = "failed", exc.message
        except Exception as exc:  # a daemon records a bug as a failed sync, not a crash loop
            outcome, error = "failed", f"{type(exc).__name__}: {exc}"
            c.say(f"sync {run.sync_id} failed unexpectedly: {error}")
    except asyncio.CancelledError:
        # SIGTERM: record how far it got, then let the cancellation go on.
        requests, limited, _ = run.counts()
        with_intent = run.intent_id is not None
        if with_intent:
            await _db(
                store.finish_intent,
                run.intent_id,  # type: ignore[arg-type]
                finished_at=c.clock(),
                state="interrupted",
                note="stopped (SIGTERM) during the heal; the next sync plans what is left",
            )
        await _db(
            store.finish_sync,
            run.sync_id,
            finished_at=c.clock(),
            outcome="interrupted",
            commit=run.commit,
            requests=requests,
            rate_limited=limited,
            error="stopped (SIGTERM) before the sync ended",
            snapshot_id=run.snapshot_id,
        )
        c.phase = Phase.IDLE
        raise
    # The sync's end is written whole even when SIGTERM comes meanwhile: a store call cancelled
    # while it waits for a worker thread is never made, and the sync would stay "running" with
    # its outcome, its plan and its notifications lost. It is then told as it ended.
    ending = asyncio.ensure_future(
        _end(c, run, outcome, note, error, applied, plan, report, drift_count)
    )
    try:
        return await asyncio.shield(ending)
    except asyncio.CancelledError:
        return await ending


async def _end(
    c: Collaborators,
    run: _Run,
    outcome: str,
    note: str | None,
    error: str | None,
    applied: int,
    plan: Plan | None,
    report: Any,
    drift_count: int,
) -> CycleResult:
    """Record how the sync ended and queue its notifications: its result."""
    store = c.store
    requests, limited, per_op = run.counts()
    if outcome == "failed":
        streak = await _db(store.failures_since_success, run.ws)
        first = streak[0].id if streak else run.sync_id
        message = error or note or "failed"
        run.events.append(
            Event(
                f"sync-failed:{run.ws}:{first}",
                "sync_failed",
                f"hexsync: sync of {run.ws} failed: {message}",
                {"workspace": run.ws, "sync_id": run.sync_id, "error": message},
            )
        )
    await _db(
        store.finish_sync,
        run.sync_id,
        finished_at=c.clock(),
        outcome=outcome,
        commit=run.commit,
        changes=len(plan.changes) if plan is not None else 0,
        drift_count=drift_count,
        applied=applied,
        requests=requests,
        rate_limited=limited,
        error=error,
        note=note,
        plan=plan.data if plan is not None and not plan.empty else None,
        report=report,
        snapshot_id=run.snapshot_id,
    )
    c.phase = Phase.IDLE
    if run.events:
        try:
            await asyncio.to_thread(c.notifier.notify, run.ws, run.events, c.clock())
        except Exception as exc:  # telling people never fails a sync
            c.say(f"could not queue notifications: {exc}")
    return CycleResult(
        sync_id=run.sync_id,
        outcome=outcome,
        commit=run.commit,
        changes=len(plan.changes) if plan is not None else 0,
        drift_count=drift_count,
        applied=applied,
        requests=requests,
        rate_limited=limited,
        requests_by_operation=per_op,
        seconds=time.monotonic() - run.started,
        error=error,
        note=note,
        opened=tuple(run.opened),
        resolved=tuple(run.resolved),
        logged=run.logged,
        snapshot_changed=run.snapshot_changed,
        events=(*run.told, *run.events),
    )
