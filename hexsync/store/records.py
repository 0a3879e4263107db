"""What the store hands back and takes in: plain frozen values with a JSON view (``data``), so
the API, ``hexsync history`` and the dashboard print them without knowing a table."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

__all__ = [
    "ChangeObservation",
    "ChangeRecord",
    "DriftObservation",
    "DriftRecord",
    "DriftUpdate",
    "IntentRecord",
    "NotificationRecord",
    "Recovery",
    "SnapshotRecord",
    "SyncRecord",
    "iso",
]


def iso(value: dt.datetime | None) -> str | None:
    """UTC, milliseconds, ``Z``: how every timestamp of the API is written."""
    if value is None:
        return None
    utc = value.astimezone(dt.timezone.utc)
    return utc.isoformat(timespec="milliseconds").replace("+00:00", "Z")


# A sync's outcomes: running until it ends; then how it ended.
RUNNING = "running"
SUCCESSFUL = ("synced", "out_of_sync", "healed", "held", "refused")  # the workspace was read
OUTCOMES = (RUNNING, *SUCCESSFUL, "failed", "interrupted")


@dataclass(frozen=True)
class SyncRecord:
    id: int
    workspace: str
    started_at: dt.datetime
    finished_at: dt.datetime | None
    trigger: str
    mode: str
    commit: str | None
    outcome: str
    changes: int
    drift_count: int
    applied: int
    requests: int
    rate_limited: int
    error: str | None
    note: str | None
    plan_digest: str | None
    report_digest: str | None
    snapshot_id: int | None

    @property
    def successful(self) -> bool:
        return self.outcome in SUCCESSFUL

    @property
    def seconds(self) -> float | None:
        if self.finished_at is None:
            return None
        return (self.finished_at - self.started_at).total_seconds()

    @property
    def data(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "workspace": self.workspace,
            "started_at": iso(self.started_at),
            "finished_at": iso(self.finished_at),
            "seconds": None if self.seconds is None else round(self.seconds, 3),
            "trigger": self.trigger,
            "mode": self.mode,
            "commit": self.commit,
            "outcome": self.outcome,
            "changes": self.changes,
            "drift_count": self.drift_count,
            "applied": self.applied,
            "requests": self.requests,
            "rate_limited": self.rate_limited,
            "error": self.error,
            "note": self.note,
            "has_plan": self.plan_digest is not None,
            "has_report": self.report_digest is not None,
        }


@dataclass(frozen=True)
class DriftObservation:
    """One field of one object that differs from the manifests, as a sync saw it."""

    kind: str
    object_id: str | None
    object_name: str
    state: str  # differs, missing, unexpected, active
    field: str  # "" for the whole object
    manifests: str | None
    live: str | None


@dataclass(frozen=True)
class DriftRecord:
    id: int
    workspace: str
    kind: str
    object_id: str | None
    object_name: str
    state: str
    field: str
    manifests: str | None
    live: str | None
    first_seen: dt.datetime
    last_seen: dt.datetime
    resolved_at: dt.datetime | None
    first_sync_id: int | None = None
    last_sync_id: int | None = None

    @property
    def data(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "object": self.object_name,
            "object_id": self.object_id,
            "state": self.state,
            "field": self.field,
            "manifests": self.manifests,
            "live": self.live,
            "first_seen": iso(self.first_seen),
            "last_seen": iso(self.last_seen),
            "resolved_at": iso(self.resolved_at),
            "first_sync_id": self.first_sync_id,
            "last_sync_id": self.last_sync_id,
        }

    @property
    def label(self) -> str:
        where = f" {self.field}" if self.field else ""
        return f"{self.kind} {self.object_name!r}{where}"


@dataclass(frozen=True)
class DriftUpdate:
    """What one sync's drift did to the open items."""

    opened: tuple[DriftRecord, ...]
    resolved: tuple[DriftRecord, ...]
    open_count: int


@dataclass(frozen=True)
class ChangeObservation:
    """One change in Hex between two consecutive snapshots."""

    kind: str
    object_id: str | None
    object_name: str
    action: str  # added, removed, changed
    path: str  # "" for the object itself
    old: str | None
    new: str | None
    managed: bool
    by_hexsync: bool = False


@dataclass(frozen=True)
class ChangeRecord:
    id: int
    workspace: str
    sync_id: int | None
    seen_at: dt.datetime
    since: dt.datetime | None
    kind: str
    object_id: str | None
    object_name: str
    action: str
    path: str
    old: str | None
    new: str | None
    managed: bool
    by_hexsync: bool

    @property
    def data(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "sync_id": self.sync_id,
            "seen_at": iso(self.seen_at),
            "since": iso(self.since),
            "kind": self.kind,
            "object": self.object_name,
            "object_id": self.object_id,
            "action": self.action,
            "field": self.path,
            "old": self.old,
            "new": self.new,
            "managed": self.managed,
            "by_hexsync": self.by_hexsync,
        }


@dataclass(frozen=True)
class SnapshotRecord:
    id: int
    workspace: str
    taken_at: dt.datetime
    digest: str
    document: dict[str, Any]


@dataclass(frozen=True)
class IntentRecord:
    id: int
    workspace: str
    sync_id: int
    created_at: dt.datetime
    finished_at: dt.datetime | None
    state: str
    changes: int
    plan_digest: str
    lock_id: str | None
    note: str | None


@dataclass(frozen=True)
class Recovery:
    """What a process that stopped without finishing left behind, now closed."""

    syncs: tuple[int, ...]
    intents: tuple[IntentRecord, ...]


@dataclass(frozen=True)
class NotificationRecord:
    id: int
    workspace: str
    event_key: str
    event: str
    target: str
    created_at: dt.datetime
    payload: str
    state: str
    attempts: int
    next_attempt_at: dt.datetime | None
    sent_at: dt.datetime | None
    last_error: str | None
