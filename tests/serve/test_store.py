"""The store on SQLite and on a real PostgreSQL: what the controller remembers, and that it
remembers it once (an idle workspace adds nothing, an event is never counted twice)."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

from sqlalchemy import text

from hexsync.store import DriftObservation, leadership
from hexsync.store.migrate import current_revision, head_revision

T0 = dt.datetime(2027, 1, 3, 10, 0, tzinfo=dt.timezone.utc)
WS = "acme"
PAYROLL = DriftObservation(
    "project", "p-1", "Payroll", "differs", "sharing.workspace", "NONE", "CAN_VIEW"
)


def at(minutes: float) -> dt.datetime:
    return T0 + dt.timedelta(minutes=minutes)


def test_an_unchanged_workspace_adds_no_snapshot_and_a_change_keeps_the_one_before(
    store_url, open_store
):
    store = open_store(store_url)
    first, previous = store.put_snapshot(WS, at(0), {"projects": {"p-1": {"title": "Payroll"}}})
    assert previous is None
    for minute in range(1, 20):  # an idle afternoon
        same, previous = store.put_snapshot(
            WS, at(minute), {"projects": {"p-1": {"title": "Payroll"}}}
        )
        assert (same, previous) == (first, None)
    changed, previous = store.put_snapshot(WS, at(30), {"projects": {"p-1": {"title": "Pay"}}})
    assert changed != first
    assert previous is not None
    assert previous.document["projects"]["p-1"]["title"] == "Payroll"
    assert store.stats()["snapshots"] == 2
    # The snapshot in force at a moment is the last one taken before it.
    assert store.snapshot_at(WS, at(29)).document["projects"]["p-1"]["title"] == "Payroll"
    assert store.snapshot_at(WS, at(31)).document["projects"]["p-1"]["title"] == "Pay"
    assert store.snapshot_at(WS, at(-1)) is None
    assert store.check() == []


def test_drift_opens_once_stays_open_while_seen_and_resolves_when_gone(store_url, open_store):
    store = open_store(store_url)
    syncs = [
        store.begin_sync(WS, started_at=at(i), trigger="schedule", mode="warn") for i in range(4)
    ]
    first = store.observe_drift(WS, syncs[0], at(0), [PAYROLL])
    assert [d.object_name for d in first.opened] == ["Payroll"]
    assert first.resolved == ()
    again = store.observe_drift(WS, syncs[1], at(10), [PAYROLL])
    assert again.opened == ()
    assert again.resolved == ()
    assert again.open_count == 1
    [item] = store.open_drift(WS)
    assert (item.first_seen, item.last_seen, item.live) == (at(0), at(10), "CAN_VIEW")
    undone = store.observe_drift(WS, syncs[2], at(20), [])
    assert [d.resolved_at for d in undone.resolved] == [at(20)]
    assert store.open_drift(WS) == []
    # The same drift coming back is a new item: the first one stays resolved in the history.
    back = store.observe_drift(WS, syncs[3], at(30), [PAYROLL])
    assert len(back.opened) == 1
    assert back.opened[0].id != item.id
    assert len(store.drift_history(WS)) == 2
    for sync in syncs:
        store.finish_sync(sync, finished_at=at(40), outcome="out_of_sync")
    assert store.check() == []


def test_a_process_that_died_mid_heal_leaves_records_that_recovery_closes(store_url, open_store):
    store = open_store(store_url)
    sync = store.begin_sync(WS, started_at=at(0), trigger="schedule", mode="heal")
    intent = store.begin_intent(WS, sync, created_at=at(1), plan={"changes": [1]}, changes=1)
    store.set_intent_lock(intent, "lock-group-id")
    # kill -9 here: the sync is running and the intent pending; recovery closes both.
    recovery = open_store(store_url).recover(WS, at(5))
    assert recovery.syncs == (sync,)
    assert [(i.id, i.lock_id) for i in recovery.intents] == [(intent, "lock-group-id")]
    assert store.sync(sync).outcome == "interrupted"
    assert store.intents(WS)[0].state == "interrupted"
    assert store.check() == []
    assert open_store(store_url).recover(WS, at(6)).syncs == ()  # nothing twice


def test_the_integrity_check_names_what_is_inconsistent(store_url, open_store):
    store = open_store(store_url)
    sync = store.begin_sync(WS, started_at=at(0), trigger="schedule", mode="heal")
    store.begin_intent(WS, sync, created_at=at(1), plan={}, changes=1)
    store.finish_sync(sync, finished_at=at(2), outcome="healed")
    store.observe_drift(WS, sync, at(0), [PAYROLL])
    with store.engine.begin() as c:  # two open items for one field: what a bug would leave
        c.execute(text("DROP INDEX uq_drift_items_open"))
        c.execute(
            text(
                "INSERT INTO drift_items (workspace, key, kind, object_name, state, field,"
                " first_seen, last_seen) SELECT workspace, key, kind, object_name, state, field,"
                " first_seen, last_seen FROM drift_items"
            )
        )
    problems = store.check()
    assert any("pending, but its sync ended" in p for p in problems)
    assert any("is open 2 times" in p for p in problems)


def test_retention_prunes_old_rows_but_keeps_the_snapshot_in_force(store_url, open_store):
    store = open_store(store_url)
    for day in range(10):
        when = at(day * 24 * 60)
        sync = store.begin_sync(WS, started_at=when, trigger="schedule", mode="warn")
        snap, _ = store.put_snapshot(WS, when, {"day": day})
        store.finish_sync(
            sync, finished_at=when, outcome="synced", snapshot_id=snap, plan={"d": day}
        )
    cutoff = at(5 * 24 * 60 + 60)
    counts = store.prune(WS, cutoff)
    assert counts["syncs"] == 6
    assert store.stats()["syncs"] == 4
    # `access --at` at the cutoff still has its snapshot (day 5); before it, nothing.
    assert store.snapshot_at(WS, cutoff).document == {"day": 5}
    assert store.snapshot_at(WS, at(0)) is None
    assert store.check() == []


def test_an_event_is_queued_once_per_target(store_url, open_store):
    store = open_store(store_url)
    args = {"event": "drift_opened", "payload": {"text": "x"}, "now": at(0)}
    assert store.enqueue(WS, event_key="drift-opened:1", targets=["a", "b"], **args) == 2
    assert store.enqueue(WS, event_key="drift-opened:1", targets=["a", "b"], **args) == 0
    due = store.due_notifications(at(0))
    assert len(due) == 2
    store.notification_failed(due[0].id, error="503", retry_at=at(1))
    store.notification_sent(due[1].id, at(0))
    assert [n.id for n in store.due_notifications(at(0))] == []
    assert [n.id for n in store.due_notifications(at(1))] == [due[0].id]


def test_migrations_bring_a_new_database_to_the_head_and_run_again_harmlessly(
    store_url, open_store
):
    open_store(store_url)
    store = open_store(store_url)  # a second process starting: nothing to do
    assert current_revision(store.engine) == head_revision()
    store.ping()


def test_one_reconciler_per_workspace(store_url, open_store):
    store, other = open_store(store_url), open_store(store_url)
    first, second = leadership(store, WS), leadership(other, WS)
    assert first.acquire()
    assert first.held()
    assert not second.acquire()
    elsewhere = leadership(other, "another workspace")
    assert elsewhere.acquire()
    first.release()
    assert second.acquire()
    second.release()
    elsewhere.release()


def test_no_sql_outside_the_store_package():
    root = Path(__file__).resolve().parents[2] / "hexsync"
    users = set()
    for path in root.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        if not any(name in source for name in ("sqlalchemy", "alembic", "psycopg", "sqlite3")):
            continue
        tree = ast.parse(source)
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(
                n.split(".")[0] in {"sqlalchemy", "alembic", "psycopg", "sqlite3"} for n in names
            ):
                users.add(path.relative_to(root).parts[0])
    assert users == {"store"}


def test_the_dashboards_session_secret_and_signed_out_sessions_are_shared_by_replicas(
    store_url, open_store
):
    one, two = open_store(store_url), open_store(store_url)
    now = dt.datetime(2027, 1, 4, 9, 0, tzinfo=dt.timezone.utc)
    key = one.web_secret("dashboard-session", now)
    assert len(key) == 32
    assert two.web_secret("dashboard-session", now) == key
    assert one.web_secret("another", now) != key
    one.revoke_session("sid-1", now + dt.timedelta(hours=8), now)
    one.revoke_session("sid-1", now + dt.timedelta(hours=8), now)  # twice: harmless
    assert two.session_revoked("sid-1")
    assert not two.session_revoked("sid-2")
    # Once it would have expired anyway, it is pruned at the next sign-out.
    two.revoke_session("sid-2", now + dt.timedelta(hours=20), now + dt.timedelta(hours=9))
    assert not one.session_revoked("sid-1")
    assert one.session_revoked("sid-2")


def test_queried_tables_are_kept_per_project_replaced_when_read_again_and_per_org(
    store_url, open_store
):
    store = open_store(store_url)
    store.put_queried_tables(
        WS,
        "org-1",
        [("p-1", "2027-01-01T00:00:00Z", ["App DB:public.users"]), ("p-2", None, [])],
        at(0),
    )
    store.put_queried_tables(WS, "org-1", [], at(1))  # nothing new: nothing lost
    assert sorted(store.queried_tables(WS)) == [
        ("org-1", "p-1", "2027-01-01T00:00:00Z", ["App DB:public.users"]),
        ("org-1", "p-2", None, []),
    ]
    assert store.queried_tables("another workspace") == []
    # Read again after an edit: replaced; a project gone from the listing: forgotten.
    edited = ("p-1", "2027-02-01T00:00:00Z", ["App DB:public.users", "Lake:raw.customers"])
    store.put_queried_tables(WS, "org-1", [edited], at(2), forget=["p-2"])
    assert store.queried_tables(WS) == [("org-1", *edited)]
    # The same workspace name now reads another org (a new token): the old org's rows go.
    store.put_queried_tables(WS, "org-2", [("q-1", None, [])], at(3))
    assert store.queried_tables(WS) == [("org-2", "q-1", None, [])]
    assert store.check() == []
