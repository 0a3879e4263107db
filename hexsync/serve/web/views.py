"""What the dashboard's pages show, shaped from the controller's status and the store: plain
dictionaries and strings for the templates, no HTML here."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from hexsync.errors import HexsyncError
from hexsync.render.text import render_text
from hexsync.store import Store, SyncRecord, iso
from hexsync.values.plan import Plan

__all__ = [
    "OUTCOMES",
    "STATES",
    "event_row",
    "plan_text",
    "report_view",
    "store_status",
    "window_text",
]

# How each sync status and outcome is told: a word and a symbol, never colour alone.
STATES = {
    "Synced": ("synced", "✓"),
    "OutOfSync": ("out-of-sync", "⚠"),
    "Unknown": ("unknown", "?"),
}
OUTCOMES = {
    "running": ("running", "…", "running"),
    "synced": ("ok", "✓", "synced"),
    "out_of_sync": ("warn", "⚠", "out of sync"),
    "healed": ("ok", "✓", "healed"),
    "held": ("warn", "⏸", "held"),
    "refused": ("bad", "✗", "refused"),
    "failed": ("bad", "✗", "failed"),
    "interrupted": ("warn", "■", "interrupted"),
}


def store_status(store: Store, workspace: str) -> dict[str, Any]:
    """The status line of a workspace this process does not reconcile, from the store alone
    (the same fields as ``GET /api/status`` where the store knows them)."""
    last = store.last_sync(workspace)
    current = store.last_sync(workspace, finished=False)
    success = store.last_success(workspace)
    drift = len(store.open_drift(workspace))
    reason = None
    if last is None:
        state, reason = "Unknown", "no sync has finished yet"
    elif not last.successful:
        state, reason = "Unknown", last.error or last.outcome
    else:
        state = "OutOfSync" if drift else "Synced"
    return {
        "name": workspace,
        "sync_status": state,
        "reason": reason,
        "mode": last.mode if last is not None else None,
        "role": "elsewhere",
        "syncing": current is not None and current.outcome == "running",
        "last_sync": None if last is None else last.data,
        "last_success_at": None if success is None else iso(success.finished_at),
        "commit": None if success is None else success.commit,
        "drift_count": drift,
        "held": last.note if last is not None and last.outcome == "held" else None,
        "window": None,
        "interval": None,
        "next_sync_at": None,
        "source": None,
    }


def window_text(status: dict[str, Any]) -> tuple[str, str | None]:
    """(what the sync windows say now, when that ends as ISO or None)."""
    window = status.get("window")
    if window is None and status.get("role") == "elsewhere":
        return ("not known here (another process reconciles this workspace)", None)
    if window is None:
        return ("not known yet (the manifests were not read)", None)
    if not window["windows"]:
        return ("none declared: heals may write at any time", None)
    opened = window["open"]
    if window["heals_allowed"]:
        if opened:
            first = opened[0]
            return (f"heals allowed: the {first['window']} is open", first["until"])
        return ("heals allowed: no deny window is open", None)
    return (window["reason"] or "heals held", window["until"])


def plan_text(store: Store, digest: str | None, sync_id: int) -> str | None:
    """The stored plan as ``hexsync plan`` prints it (None: the sync planned nothing)."""
    if digest is None:
        return None
    document = store.document(digest)
    if document is None:
        return f"(the plan of sync #{sync_id} is no longer in the store)"
    try:
        return render_text(Plan.from_data(document, source=f"sync #{sync_id}"))
    except HexsyncError as exc:  # a plan written by another version: show its JSON
        return f"({exc.message})\n\n" + json.dumps(document, indent=2, ensure_ascii=False)


def report_view(store: Store, sync: SyncRecord) -> dict[str, Any] | None:
    if sync.report_digest is None:
        return None
    document = store.document(sync.report_digest)
    if not isinstance(document, dict):
        return None
    return {
        "ok": document.get("ok"),
        "summary": document.get("summary", {}),
        "outcomes": document.get("outcomes", []),
        "unconverged": document.get("unconverged", []),
        "notes": document.get("notes", []),
    }


def _value(text: str | None) -> str:
    return "(none)" if text is None else text


def event_row(event: dict[str, Any]) -> dict[str, Any]:
    """One line of the history page: when, what kind (a word), a sentence, and a sync to
    link to."""
    kind = event["type"]
    if kind == "sync":
        css, symbol, word = OUTCOMES.get(event["outcome"], ("", "", event["outcome"]))
        parts = [f"{event['mode']} mode", f"{event['requests']} requests"]
        parts.append(f"{event['drift_count']} drift")
        if event.get("applied"):
            parts.append(f"{event['applied']} applied")
        text = f"{word} ({', '.join(parts)}; trigger: {event['trigger']})"
        if event.get("note"):
            text += f": {event['note']}"
        if event.get("error"):
            text += f": {event['error']}"
        return {
            "at": event["at"],
            "label": f"Sync #{event['id']}",
            "css": css,
            "symbol": symbol,
            "text": text,
            "sync_id": event["id"],
            "commit": event.get("commit"),
        }
    target = f"{event['kind']} {event['object']}"
    field = f" · {event['field']}" if event.get("field") else ""
    if kind == "change":
        if event["action"] == "changed":
            what = f"{_value(event['old'])} → {_value(event['new'])}"
        else:
            value = event["new"] if event["action"] == "added" else event["old"]
            what = event["action"] + (f" {value}" if value is not None and event["field"] else "")
        notes = []
        if not event["managed"]:
            notes.append("not in the manifests")
        if event["by_hexsync"]:
            notes.append("a heal of hexsync serve")
        return {
            "at": event["at"],
            "label": "Healed" if event["by_hexsync"] else "Changed in Hex",
            "css": "info",
            "symbol": "✎",
            "text": f"{target}{field}: {what}" + (f" ({'; '.join(notes)})" if notes else ""),
            "sync_id": event.get("sync_id"),
            "commit": None,
        }
    if kind == "drift_opened":
        return {
            "at": event["at"],
            "label": "Drift opened",
            "css": "warn",
            "symbol": "⚠",
            "text": f"{target}{field}: manifests {_value(event['manifests'])}, "
            f"Hex {_value(event['live'])}",
            "sync_id": event.get("first_sync_id"),
            "commit": None,
        }
    return {
        "at": event["at"],
        "label": "Drift resolved",
        "css": "ok",
        "symbol": "✓",
        "text": f"{target}{field}",
        "sync_id": event.get("last_sync_id"),
        "commit": None,
    }


def utc_text(value: str | dt.datetime | None) -> str:
    """``2027-01-03 10:00:00 UTC`` for an ISO time or a datetime."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
        except ValueError:
            return str(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.timezone.utc)
    return value.astimezone(dt.timezone.utc).strftime("%Y-%m-%d %H:%M:%S UTC")
