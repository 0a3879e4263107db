"""Every query of ``hexsync serve``'s store, and nothing else touches its tables.

:class:`Store` opens a database by URL (SQLite or PostgreSQL, the same code), brings its tables
to the current migration, and offers the reads and writes the controller, ``hexsync history``,
``hexsync access --at``, the HTTP API and the dashboard need. Documents (snapshots, plans,
reports) are stored once per content (SHA-256 of their canonical JSON, zlib-compressed).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import secrets
import zlib
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Row, and_, delete, func, insert, or_, select, text, union, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from hexsync.store.engine import make_engine, redacted, sqlite_path
from hexsync.store.migrate import current_revision, head_revision, upgrade
from hexsync.store.records import (
    RUNNING,
    SUCCESSFUL,
    ChangeObservation,
    ChangeRecord,
    DriftObservation,
    DriftRecord,
    DriftUpdate,
    IntentRecord,
    NotificationRecord,
    Recovery,
    SnapshotRecord,
    SyncRecord,
)
from hexsync.store.schema import (
    blobs,
    changes,
    drift_items,
    intents,
    notifications,
    queried_tables,
    revoked_sessions,
    snapshots,
    syncs,
    web_secrets,
)

__all__ = ["Store", "canonical", "digest_of"]


def canonical(document: Any) -> bytes:
    """The canonical JSON of a document: sorted keys, no spaces, UTF-8."""
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def digest_of(document: Any) -> str:
    return hashlib.sha256(canonical(document)).hexdigest()


def _drift_key(kind: str, object_id: str | None, name: str, field: str) -> str:
    return hashlib.sha256(
        json.dumps([kind, object_id or "", "" if object_id else name, field]).encode()
    ).hexdigest()


class Store:
    """The controller's memory in one database (see the module docstring)."""

    def __init__(self, url: str, *, migrate: bool = True) -> None:
        self.url = redacted(url)
        self.path = sqlite_path(url)
        self.engine = make_engine(url)
        self.backend = self.engine.dialect.name
        if migrate:
            upgrade(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # ------------------------------------------------------------------------------- plumbing

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        with self.engine.connect() as plain:
            connection = plain.execution_options(immediate=True)
            with connection.begin():
                yield connection

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        with self.engine.connect() as connection, connection.begin():
            yield connection

    def ping(self) -> None:
        """Raise unless the database answers and its tables are at the current migration."""
        with self._read() as c:
            c.execute(select(func.count()).select_from(syncs))
        if current_revision(self.engine) != head_revision():
            raise RuntimeError("the store's tables are not at the current migration")

    def _put_blob(self, c: Connection, kind: str, document: Any, now: dt.datetime) -> str:
        raw = canonical(document)
        digest = hashlib.sha256(raw).hexdigest()
        found = c.execute(select(blobs.c.digest).where(blobs.c.digest == digest)).first()
        if found is None:
            c.execute(
                insert(blobs).values(
                    digest=digest,
                    kind=kind,
                    size=len(raw),
                    data=zlib.compress(raw, 6),
                    created_at=now,
                )
            )
        return digest

    @staticmethod
    def _blob(c: Connection, digest: str) -> Any:
        row = c.execute(select(blobs.c.data).where(blobs.c.digest == digest)).first()
        if row is None:
            return None
        return json.loads(zlib.decompress(row.data))

    def document(self, digest: str) -> Any:
        """A stored plan, report or snapshot by its digest (None: not stored)."""
        with self._read() as c:
            return self._blob(c, digest)

    def workspaces(self) -> list[str]:
        with self._read() as c:
            query = union(select(syncs.c.workspace), select(snapshots.c.workspace))
            return sorted(r[0] for r in c.execute(query))

    # ------------------------------------------------------------------------------- syncs

    def begin_sync(
        self,
        workspace: str,
        *,
        started_at: dt.datetime,
        trigger: str,
        mode: str,
        commit: str | None = None,
    ) -> int:
        with self._write() as c:
            result = c.execute(
                insert(syncs).values(
                    workspace=workspace,
                    started_at=started_at,
                    trigger=trigger,
                    mode=mode,
                    commit=commit,
                    outcome=RUNNING,
                    changes=0,
                    drift_count=0,
                    applied=0,
                    requests=0,
                    rate_limited=0,
                )
            )
            key = result.inserted_primary_key
            assert key is not None
            return int(key[0])

    def finish_sync(
        self,
        sync_id: int,
        *,
        finished_at: dt.datetime,
        outcome: str,
        commit: str | None = None,
        changes: int = 0,
        drift_count: int = 0,
        applied: int = 0,
        requests: int = 0,
        rate_limited: int = 0,
        error: str | None = None,
        note: str | None = None,
        plan: Any = None,
        report: Any = None,
        snapshot_id: int | None = None,
    ) -> None:
        """Close a sync; its plan and report are stored when given (once per content)."""
        with self._write() as c:
            values: dict[str, Any] = {
                "finished_at": finished_at,
                "outcome": outcome,
                "changes": changes,
                "drift_count": drift_count,
                "applied": applied,
                "requests": requests,
                "rate_limited": rate_limited,
                "error": error,
                "note": note,
                "snapshot_id": snapshot_id,
            }
            if commit is not None:
                values["commit"] = commit
            if plan is not None:
                values["plan_digest"] = self._put_blob(c, "plan", plan, finished_at)
            if report is not None:
                values["report_digest"] = self._put_blob(c, "report", report, finished_at)
            c.execute(update(syncs).where(syncs.c.id == sync_id).values(**values))

    @staticmethod
    def _sync(row: Row[Any]) -> SyncRecord:
        m = row._mapping
        return SyncRecord(**{k: m[k] for k in SyncRecord.__dataclass_fields__})

    def sync(self, sync_id: int) -> SyncRecord | None:
        with self._read() as c:
            row = c.execute(select(syncs).where(syncs.c.id == sync_id)).first()
            return None if row is None else self._sync(row)

    def syncs(
        self, workspace: str | None = None, *, limit: int = 50, before_id: int | None = None
    ) -> list[SyncRecord]:
        """The newest syncs first (``before_id``: older than that one, for paging)."""
        query = select(syncs).order_by(syncs.c.id.desc()).limit(limit)
        if workspace is not None:
            query = query.where(syncs.c.workspace == workspace)
        if before_id is not None:
            query = query.where(syncs.c.id < before_id)
        with self._read() as c:
            return [self._sync(r) for r in c.execute(query)]

    def last_sync(self, workspace: str, *, finished: bool = True) -> SyncRecord | None:
        query = select(syncs).where(syncs.c.workspace == workspace)
        if finished:
            query = query.where(syncs.c.outcome != RUNNING)
        with self._read() as c:
            row = c.execute(query.order_by(syncs.c.id.desc()).limit(1)).first()
            return None if row is None else self._sync(row)

    def last_success(self, workspace: str) -> SyncRecord | None:
        """The last sync that read the workspace and recorded what it saw."""
        query = (
            select(syncs)
            .where(syncs.c.workspace == workspace, syncs.c.outcome.in_(SUCCESSFUL))
            .order_by(syncs.c.id.desc())
            .limit(1)
        )
        with self._read() as c:
            row = c.execute(query).first()
            return None if row is None else self._sync(row)

    def failures_since_success(self, workspace: str) -> list[SyncRecord]:
        """The failed syncs after the last successful one, oldest first (a failing streak)."""
        last = self.last_success(workspace)
        query = select(syncs).where(syncs.c.workspace == workspace, syncs.c.outcome == "failed")
        if last is not None:
            query = query.where(syncs.c.id > last.id)
        with self._read() as c:
            return [self._sync(r) for r in c.execute(query.order_by(syncs.c.id))]

    def recover(self, workspace: str, now: dt.datetime) -> Recovery:
        """Close what a process that died left open: its running syncs (``interrupted``) and
        its pending intents. Only the workspace's reconciler (the leader) calls this."""
        with self._write() as c:
            running = [
                r.id
                for r in c.execute(
                    select(syncs.c.id).where(
                        syncs.c.workspace == workspace, syncs.c.outcome == RUNNING
                    )
                )
            ]
            pending = [
                self._intent(r)
                for r in c.execute(
                    select(intents).where(
                        intents.c.workspace == workspace, intents.c.state == "pending"
                    )
                )
            ]
            if running:
                c.execute(
                    update(syncs)
                    .where(syncs.c.id.in_(running))
                    .values(
                        outcome="interrupted",
                        finished_at=now,
                        error="the process stopped during this sync; the next one read again",
                    )
                )
            if pending:
                c.execute(
                    update(intents)
                    .where(intents.c.id.in_([i.id for i in pending]))
                    .values(
                        state="interrupted",
                        finished_at=now,
                        note="the process stopped during this heal; the next sync read the "
                        "workspace again and planned only what was left",
                    )
                )
        return Recovery(tuple(running), tuple(pending))

    # ------------------------------------------------------------------------------- intents

    @staticmethod
    def _intent(row: Row[Any]) -> IntentRecord:
        m = row._mapping
        return IntentRecord(**{k: m[k] for k in IntentRecord.__dataclass_fields__})

    def begin_intent(
        self, workspace: str, sync_id: int, *, created_at: dt.datetime, plan: Any, changes: int
    ) -> int:
        """Record, before the first write to Hex, that a heal is about to write."""
        with self._write() as c:
            digest = self._put_blob(c, "plan", plan, created_at)
            result = c.execute(
                insert(intents).values(
                    workspace=workspace,
                    sync_id=sync_id,
                    created_at=created_at,
                    state="pending",
                    changes=changes,
                    plan_digest=digest,
                )
            )
            key = result.inserted_primary_key
            assert key is not None
            return int(key[0])

    def set_intent_lock(self, intent_id: int, lock_id: str) -> None:
        with self._write() as c:
            c.execute(update(intents).where(intents.c.id == intent_id).values(lock_id=lock_id))

    def finish_intent(
        self, intent_id: int, *, finished_at: dt.datetime, state: str, note: str | None = None
    ) -> None:
        with self._write() as c:
            c.execute(
                update(intents)
                .where(intents.c.id == intent_id)
                .values(finished_at=finished_at, state=state, note=note)
            )

    def intents(
        self, workspace: str, *, finished_since: dt.datetime | None = None
    ) -> list[IntentRecord]:
        """The workspace's intents, oldest first; with ``finished_since``, those finished then
        or later."""
        with self._read() as c:
            query = select(intents).where(intents.c.workspace == workspace)
            if finished_since is not None:
                query = query.where(intents.c.finished_at >= finished_since)
            return [self._intent(r) for r in c.execute(query.order_by(intents.c.id))]

    # ------------------------------------------------------------------------------- snapshots

    def put_snapshot(
        self, workspace: str, taken_at: dt.datetime, document: Any
    ) -> tuple[int, SnapshotRecord | None]:
        """Record what a read saw. Unchanged since the last snapshot: nothing is added and the
        last one's id is returned with None; changed: the new id and the previous snapshot."""
        digest = digest_of(document)
        with self._write() as c:
            last = c.execute(
                select(snapshots)
                .where(snapshots.c.workspace == workspace)
                .order_by(snapshots.c.taken_at.desc(), snapshots.c.id.desc())
                .limit(1)
            ).first()
            if last is not None and last.digest == digest:
                return int(last.id), None
            self._put_blob(c, "snapshot", document, taken_at)
            result = c.execute(
                insert(snapshots).values(workspace=workspace, taken_at=taken_at, digest=digest)
            )
            key = result.inserted_primary_key
            assert key is not None
            previous = None
            if last is not None:
                previous = SnapshotRecord(
                    int(last.id), workspace, last.taken_at, last.digest, self._blob(c, last.digest)
                )
            return int(key[0]), previous

    def snapshot_at(self, workspace: str, at: dt.datetime | None = None) -> SnapshotRecord | None:
        """The snapshot in force at ``at`` (the last taken at or before it; None: the newest)."""
        query = select(snapshots).where(snapshots.c.workspace == workspace)
        if at is not None:
            query = query.where(snapshots.c.taken_at <= at)
        query = query.order_by(snapshots.c.taken_at.desc(), snapshots.c.id.desc()).limit(1)
        with self._read() as c:
            row = c.execute(query).first()
            if row is None:
                return None
            return SnapshotRecord(
                int(row.id), workspace, row.taken_at, row.digest, self._blob(c, row.digest)
            )

    def latest_snapshot_id(self, workspace: str) -> int | None:
        """The id of the newest snapshot (its document not read)."""
        query = (
            select(snapshots.c.id)
            .where(snapshots.c.workspace == workspace)
            .order_by(snapshots.c.taken_at.desc(), snapshots.c.id.desc())
            .limit(1)
        )
        with self._read() as c:
            value = c.execute(query).scalar()
        return None if value is None else int(value)

    def latest_time(self, workspace: str) -> dt.datetime | None:
        """The latest time recorded for the workspace (a restarted clock resumes after it)."""
        with self._read() as c:
            values = [
                c.execute(select(func.max(column)).where(table.c.workspace == workspace)).scalar()
                for table, column in (
                    (syncs, syncs.c.started_at),
                    (syncs, syncs.c.finished_at),
                    (snapshots, snapshots.c.taken_at),
                )
            ]
        found = [v for v in values if isinstance(v, dt.datetime)]
        return max(found) if found else None

    def first_snapshot_time(self, workspace: str) -> dt.datetime | None:
        with self._read() as c:
            value = c.execute(
                select(func.min(snapshots.c.taken_at)).where(snapshots.c.workspace == workspace)
            ).scalar()
            return value if isinstance(value, dt.datetime) else None

    # ------------------------------------------------------------------------------- changes

    def add_changes(
        self,
        workspace: str,
        sync_id: int | None,
        *,
        seen_at: dt.datetime,
        since: dt.datetime | None,
        items: Sequence[ChangeObservation],
    ) -> None:
        if not items:
            return
        rows = [
            {
                "workspace": workspace,
                "sync_id": sync_id,
                "seen_at": seen_at,
                "since": since,
                "kind": i.kind,
                "object_id": i.object_id,
                "object_name": i.object_name,
                "action": i.action,
                "path": i.path,
                "old": i.old,
                "new": i.new,
                "managed": i.managed,
                "by_hexsync": i.by_hexsync,
            }
            for i in items
        ]
        with self._write() as c:
            c.execute(insert(changes), rows)

    def changes(
        self,
        workspace: str | None = None,
        *,
        since: dt.datetime | None = None,
        until: dt.datetime | None = None,
        subject: str | None = None,
        limit: int = 500,
    ) -> list[ChangeRecord]:
        """The change log, newest first; ``subject`` matches an object's id exactly, or a part
        of its name, the field or a value, in any case (a person's email finds their shares)."""
        query = select(changes).order_by(changes.c.seen_at.desc(), changes.c.id.desc())
        if workspace is not None:
            query = query.where(changes.c.workspace == workspace)
        if since is not None:
            query = query.where(changes.c.seen_at >= since)
        if until is not None:
            query = query.where(changes.c.seen_at <= until)
        if subject is not None:
            needle = subject.lower()
            query = query.where(
                or_(
                    changes.c.object_id == subject,
                    func.lower(changes.c.object_name).contains(needle, autoescape=True),
                    func.lower(changes.c.path).contains(needle, autoescape=True),
                    func.lower(func.coalesce(changes.c.old, "")).contains(needle, autoescape=True),
                    func.lower(func.coalesce(changes.c.new, "")).contains(needle, autoescape=True),
                )
            )
        with self._read() as c:
            return [
                ChangeRecord(**{k: r._mapping[k] for k in ChangeRecord.__dataclass_fields__})
                for r in c.execute(query.limit(limit))
            ]

    # ------------------------------------------------------------------------------- drift

    @staticmethod
    def _drift(row: Row[Any]) -> DriftRecord:
        m = row._mapping
        return DriftRecord(**{k: m[k] for k in DriftRecord.__dataclass_fields__})

    def observe_drift(
        self,
        workspace: str,
        sync_id: int,
        now: dt.datetime,
        observed: Iterable[DriftObservation],
        *,
        scope: Collection[tuple[str, str]] | None = None,
    ) -> DriftUpdate:
        """Match what a sync saw with the open items: new ones open, seen ones are touched,
        open ones no longer seen are resolved (each event exactly once).

        ``scope``: (kind, object id) pairs, when the sync saw only these objects so far (a page
        read before the rest): only their items are matched, observations of other objects are
        left out, and the other open items are left as they are."""
        seen: dict[str, DriftObservation] = {}
        for o in observed:
            if scope is not None and (o.kind, o.object_id or "") not in scope:
                continue
            seen.setdefault(_drift_key(o.kind, o.object_id, o.object_name, o.field), o)
        with self._write() as c:
            open_rows = {
                r.key: r
                for r in c.execute(
                    select(drift_items).where(
                        drift_items.c.workspace == workspace, drift_items.c.resolved_at.is_(None)
                    )
                )
            }
            elsewhere = 0
            if scope is not None:
                inside = {
                    k: r for k, r in open_rows.items() if (r.kind, r.object_id or "") in scope
                }
                elsewhere = len(open_rows) - len(inside)
                open_rows = inside
            opened: list[int] = []
            for key, o in seen.items():
                row = open_rows.get(key)
                values = {
                    "object_name": o.object_name,
                    "state": o.state,
                    "manifests": o.manifests,
                    "live": o.live,
                    "last_seen": now,
                    "last_sync_id": sync_id,
                }
                if row is not None:
                    c.execute(update(drift_items).where(drift_items.c.id == row.id).values(values))
                    continue
                result = c.execute(
                    insert(drift_items).values(
                        workspace=workspace,
                        key=key,
                        kind=o.kind,
                        object_id=o.object_id,
                        field=o.field,
                        first_seen=now,
                        first_sync_id=sync_id,
                        **values,
                    )
                )
                pk = result.inserted_primary_key
                assert pk is not None
                opened.append(int(pk[0]))
            gone = [r.id for k, r in open_rows.items() if k not in seen]
            if gone:
                c.execute(
                    update(drift_items).where(drift_items.c.id.in_(gone)).values(resolved_at=now)
                )
            ids = opened + gone
            rows = {
                r.id: self._drift(r)
                for r in c.execute(select(drift_items).where(drift_items.c.id.in_(ids)))
            }
        return DriftUpdate(
            tuple(rows[i] for i in opened),
            tuple(rows[i] for i in gone),
            open_count=len(seen) + elsewhere,
        )

    def open_drift(self, workspace: str | None = None) -> list[DriftRecord]:
        query = select(drift_items).where(drift_items.c.resolved_at.is_(None))
        if workspace is not None:
            query = query.where(drift_items.c.workspace == workspace)
        query = query.order_by(drift_items.c.kind, drift_items.c.object_name, drift_items.c.field)
        with self._read() as c:
            return [self._drift(r) for r in c.execute(query)]

    def drift_history(
        self, workspace: str | None = None, *, since: dt.datetime | None = None, limit: int = 500
    ) -> list[DriftRecord]:
        """Drift items opened or resolved since ``since``, newest first."""
        query = select(drift_items).order_by(drift_items.c.first_seen.desc()).limit(limit)
        if workspace is not None:
            query = query.where(drift_items.c.workspace == workspace)
        if since is not None:
            query = query.where(
                or_(drift_items.c.first_seen >= since, drift_items.c.resolved_at >= since)
            )
        with self._read() as c:
            return [self._drift(r) for r in c.execute(query)]

    # ------------------------------------------------------------------------------- notifications

    def enqueue(
        self,
        workspace: str,
        *,
        event_key: str,
        event: str,
        targets: Sequence[str],
        payload: Any,
        now: dt.datetime,
    ) -> int:
        """Queue an event for each target once (an event already queued is not again); the
        number queued."""
        if not targets:
            return 0
        body = json.dumps(payload, sort_keys=True)
        queued = 0
        with self._write() as c:
            known = {
                r.target
                for r in c.execute(
                    select(notifications.c.target).where(notifications.c.event_key == event_key)
                )
            }
            for target in targets:
                if target in known:
                    continue
                c.execute(
                    insert(notifications).values(
                        workspace=workspace,
                        event_key=event_key,
                        event=event,
                        target=target,
                        created_at=now,
                        payload=body,
                        state="pending",
                        attempts=0,
                        next_attempt_at=now,
                    )
                )
                queued += 1
        return queued

    @staticmethod
    def _notification(row: Row[Any]) -> NotificationRecord:
        m = row._mapping
        return NotificationRecord(**{k: m[k] for k in NotificationRecord.__dataclass_fields__})

    def due_notifications(
        self,
        now: dt.datetime,
        *,
        limit: int = 20,
        workspaces: Sequence[str] | None = None,
    ) -> list[NotificationRecord]:
        """The pending notifications due at ``now`` (of ``workspaces`` only, when given)."""
        query = (
            select(notifications)
            .where(notifications.c.state == "pending", notifications.c.next_attempt_at <= now)
            .order_by(notifications.c.id)
            .limit(limit)
        )
        if workspaces is not None:
            query = query.where(notifications.c.workspace.in_(list(workspaces)))
        with self._read() as c:
            return [self._notification(r) for r in c.execute(query)]

    def notifications(
        self, workspace: str | None = None, *, limit: int = 100
    ) -> list[NotificationRecord]:
        query = select(notifications).order_by(notifications.c.id.desc()).limit(limit)
        if workspace is not None:
            query = query.where(notifications.c.workspace == workspace)
        with self._read() as c:
            return [self._notification(r) for r in c.execute(query)]

    def notification_sent(self, notification_id: int, now: dt.datetime) -> None:
        with self._write() as c:
            c.execute(
                update(notifications)
                .where(notifications.c.id == notification_id)
                .values(
                    state="sent",
                    sent_at=now,
                    attempts=notifications.c.attempts + 1,
                    last_error=None,
                )
            )

    def notification_failed(
        self, notification_id: int, *, error: str, retry_at: dt.datetime | None
    ) -> None:
        """An attempt failed: try again at ``retry_at``, or give up (None)."""
        with self._write() as c:
            c.execute(
                update(notifications)
                .where(notifications.c.id == notification_id)
                .values(
                    state="pending" if retry_at is not None else "failed",
                    next_attempt_at=retry_at,
                    attempts=notifications.c.attempts + 1,
                    last_error=error[:500],
                )
            )

    # ------------------------------------------------------------------------ dashboard sessions

    def web_secret(self, name: str, now: dt.datetime) -> bytes:
        """A random 32-byte key by name, made on first use and the same for every process on
        this store (the dashboard signs its cookies with it)."""
        query = select(web_secrets.c.value).where(web_secrets.c.name == name)
        with self._read() as c:
            found = c.execute(query).scalar()
        if found is None:
            try:
                with self._write() as c:
                    c.execute(
                        insert(web_secrets).values(
                            name=name, value=secrets.token_hex(32), created_at=now
                        )
                    )
            except IntegrityError:  # another process made it first: theirs is read below
                pass
            with self._read() as c:
                found = c.execute(query).scalar_one()
        return bytes.fromhex(found)

    def revoke_session(self, sid: str, expires_at: dt.datetime, now: dt.datetime) -> None:
        """Remember that a session was signed out, until it would have expired."""
        with self._write() as c:
            c.execute(delete(revoked_sessions).where(revoked_sessions.c.expires_at < now))
            known = c.execute(select(revoked_sessions.c.sid).where(revoked_sessions.c.sid == sid))
            if known.first() is None:
                c.execute(insert(revoked_sessions).values(sid=sid, expires_at=expires_at))

    def session_revoked(self, sid: str) -> bool:
        with self._read() as c:
            found = c.execute(
                select(revoked_sessions.c.sid).where(revoked_sessions.c.sid == sid)
            ).first()
        return found is not None

    # ------------------------------------------------------------------------------- retention

    def prune(self, workspace: str, before: dt.datetime) -> dict[str, int]:
        """Delete what is older than ``before``: syncs, their intents, the change log, resolved
        drift, sent notifications, and snapshots but the one in force at ``before`` (so
        ``access --at`` still answers from then on); then the documents nothing refers to."""
        counts: dict[str, int] = {}
        with self._write() as c:
            old_syncs = select(syncs.c.id).where(
                syncs.c.workspace == workspace,
                syncs.c.started_at < before,
                syncs.c.outcome != RUNNING,
            )
            counts["changes"] = c.execute(
                delete(changes).where(
                    changes.c.workspace == workspace,
                    or_(changes.c.seen_at < before, changes.c.sync_id.in_(old_syncs)),
                )
            ).rowcount
            counts["drift_items"] = c.execute(
                delete(drift_items).where(
                    drift_items.c.workspace == workspace, drift_items.c.resolved_at < before
                )
            ).rowcount
            for column in (drift_items.c.first_sync_id, drift_items.c.last_sync_id):
                c.execute(
                    update(drift_items).where(column.in_(old_syncs)).values({column.name: None})
                )
            counts["notifications"] = c.execute(
                delete(notifications).where(
                    notifications.c.workspace == workspace,
                    notifications.c.created_at < before,
                    notifications.c.state != "pending",
                )
            ).rowcount
            c.execute(delete(intents).where(intents.c.sync_id.in_(old_syncs)))
            counts["syncs"] = c.execute(
                delete(syncs).where(syncs.c.id.in_(old_syncs.scalar_subquery()))
            ).rowcount
            keep = c.execute(
                select(snapshots.c.id)
                .where(snapshots.c.workspace == workspace, snapshots.c.taken_at <= before)
                .order_by(snapshots.c.taken_at.desc(), snapshots.c.id.desc())
                .limit(1)
            ).scalar()
            if keep is not None:
                referenced = select(syncs.c.snapshot_id).where(syncs.c.snapshot_id.is_not(None))
                counts["snapshots"] = c.execute(
                    delete(snapshots).where(
                        snapshots.c.workspace == workspace,
                        snapshots.c.taken_at < before,
                        snapshots.c.id != keep,
                        snapshots.c.id.not_in(referenced),
                    )
                ).rowcount
            used = union(
                select(snapshots.c.digest),
                select(syncs.c.plan_digest).where(syncs.c.plan_digest.is_not(None)),
                select(syncs.c.report_digest).where(syncs.c.report_digest.is_not(None)),
                select(intents.c.plan_digest),
            ).subquery()
            counts["blobs"] = c.execute(
                delete(blobs).where(blobs.c.digest.not_in(select(used.c[0])))
            ).rowcount
        return counts

    # ------------------------------------------------------------------------------- checks

    def stats(self) -> dict[str, int]:
        """Rows per table and the bytes the documents take, compressed and not."""
        out: dict[str, int] = {}
        with self._read() as c:
            for table in (syncs, snapshots, blobs, changes, drift_items, intents, notifications):
                out[table.name] = int(
                    c.execute(select(func.count()).select_from(table)).scalar() or 0
                )
            out["blob_bytes"] = int(
                c.execute(select(func.sum(func.length(blobs.c.data)))).scalar() or 0
            )
            out["blob_raw_bytes"] = int(c.execute(select(func.sum(blobs.c.size))).scalar() or 0)
        return out

    # ------------------------------------------------------------------------- queried tables

    def queried_tables(self, workspace: str) -> list[tuple[str, str, str | None, list[str]]]:
        """The queried tables kept for ``workspace`` (docs/data.md): per project (org id,
        project id, the lastEditedAt it was read at, its tables as ``Connection:schema.table``).
        """
        with self._read() as c:
            rows = c.execute(
                select(queried_tables).where(queried_tables.c.workspace == workspace)
            ).all()
        out = []
        for r in rows:
            try:
                found = json.loads(r.tables)
            except ValueError:
                found = []
            names = [str(t) for t in found] if isinstance(found, list) else []
            out.append((r.org_id, r.project_id, r.last_edited_at, names))
        return out

    def put_queried_tables(
        self,
        workspace: str,
        org_id: str,
        entries: Sequence[tuple[str, str | None, Sequence[str]]],
        now: dt.datetime,
        *,
        forget: Iterable[str] = (),
    ) -> None:
        """Keep ``entries`` (project id, lastEditedAt read at, tables), each replacing what was
        kept of its project; drop the projects of ``forget`` and every other org's rows."""
        ids = [e[0] for e in entries] + list(forget)
        with self._write() as c:
            c.execute(
                delete(queried_tables).where(
                    queried_tables.c.workspace == workspace, queried_tables.c.org_id != org_id
                )
            )
            for start in range(0, len(ids), 500):
                c.execute(
                    delete(queried_tables).where(
                        queried_tables.c.workspace == workspace,
                        queried_tables.c.project_id.in_(ids[start : start + 500]),
                    )
                )
            if entries:
                c.execute(
                    insert(queried_tables),
                    [
                        {
                            "workspace": workspace,
                            "project_id": pid,
                            "org_id": org_id,
                            "last_edited_at": at,
                            "tables": json.dumps(list(tables), ensure_ascii=False),
                            "read_at": now,
                        }
                        for pid, at, tables in entries
                    ],
                )

    def check(self) -> list[str]:
        """Every way the store is inconsistent (empty: it is sound): the database's own check,
        dangling references, a document whose content no longer matches its digest, two open
        drift items for one field, more than one sync running, an intent left pending by a
        sync that ended."""
        problems: list[str] = []
        with self._read() as c:
            if self.backend == "sqlite":
                result = [r[0] for r in c.exec_driver_sql("PRAGMA integrity_check")]
                if result != ["ok"]:
                    problems.append("sqlite integrity_check: " + "; ".join(result))
                for row in c.exec_driver_sql("PRAGMA foreign_key_check"):
                    problems.append(f"dangling reference in {row[0]} (rowid {row[1]})")
            for row in c.execute(select(blobs.c.digest, blobs.c.data, blobs.c.size)):
                raw = zlib.decompress(row.data)
                if hashlib.sha256(raw).hexdigest() != row.digest or len(raw) != row.size:
                    problems.append(f"document {row.digest[:12]} does not match its digest")
            running = c.execute(
                select(syncs.c.workspace, func.count())
                .where(syncs.c.outcome == RUNNING)
                .group_by(syncs.c.workspace)
                .having(func.count() > 1)
            ).all()
            problems += [f"{n} syncs running at once in workspace {w!r}" for w, n in running]
            unfinished = c.execute(
                select(func.count())
                .select_from(syncs)
                .where(syncs.c.outcome != RUNNING, syncs.c.finished_at.is_(None))
            ).scalar()
            if unfinished:
                problems.append(f"{unfinished} syncs ended without an end time")
            doubled = c.execute(
                select(drift_items.c.key, func.count())
                .where(drift_items.c.resolved_at.is_(None))
                .group_by(drift_items.c.workspace, drift_items.c.key)
                .having(func.count() > 1)
            ).all()
            problems += [f"drift item {k[:12]} is open {n} times" for k, n in doubled]
            orphans = c.execute(
                select(intents.c.id)
                .join(syncs, syncs.c.id == intents.c.sync_id)
                .where(and_(intents.c.state == "pending", syncs.c.outcome != RUNNING))
            ).all()
            problems += [f"intent {r.id} is pending, but its sync ended" for r in orphans]
        return problems

    def integrity_ok(self) -> bool:
        return not self.check()

    def raw(self, sql: str) -> list[tuple[Any, ...]]:
        """Run one read-only statement (tests and benchmarks look inside with it)."""
        with self._read() as c:
            return [tuple(r) for r in c.execute(text(sql))]
