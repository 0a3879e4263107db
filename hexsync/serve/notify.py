"""Telling people: events queued in the store (once each per target), delivered apart from the
syncs, retried with backoff.

``--notify URL`` (repeatable) gets a POST of JSON for each event: Slack's ``text`` plus the
structured fields (``event``, ``workspace``, ``sync_id``, ``items``/``error``/``report``). The
store keeps a digest of each URL, never the URL (a Slack webhook URL is a secret), and an error
that quotes the URL is stored and logged with its host alone. ``text`` is escaped as Slack asks
(``&``, ``<``, ``>``): a name someone gave a project in Hex cannot mention ``<!channel>`` or
show a disguised link; the structured fields keep names as they are.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
from collections.abc import Callable, Sequence

import httpx

from hexsync.serve.cycle import Event
from hexsync.store import Store

__all__ = ["DELAYS", "QueueNotifier", "deliver_due", "slack_text", "target_of"]

# Seconds before each retry; after the last one the notification is marked failed.
DELAYS = (5.0, 30.0, 120.0, 600.0, 1800.0, 3600.0)
TIMEOUT = 10.0


def target_of(url: str) -> str:
    return hashlib.sha256(url.encode()).hexdigest()[:32]


def slack_text(text: str) -> str:
    """``text`` as Slack shows it literally (its control sequences are ``<…>`` and entities)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class QueueNotifier:
    """The cycle's notifier: queues each event for every ``--notify`` URL."""

    def __init__(self, store: Store, urls: Sequence[str]) -> None:
        self.store = store
        self.targets = {target_of(u): u for u in urls}

    def notify(self, workspace: str, events: list[Event], now: dt.datetime) -> None:
        for event in events:
            self.store.enqueue(
                workspace,
                event_key=event.key,
                event=event.event,
                targets=list(self.targets),
                payload={**event.payload, "text": slack_text(event.text)},
                now=now,
            )


async def deliver_due(
    store: Store,
    targets: dict[str, str],
    http: httpx.AsyncClient,
    now: Callable[[], dt.datetime],
    say: Callable[[str], None] = lambda _text: None,
    *,
    workspaces: Sequence[str] | None = None,
) -> int:
    """Send every notification that is due (of ``workspaces``: those this process reconciles;
    None: all); the number sent. A failure is retried later."""
    due = await asyncio.to_thread(store.due_notifications, now(), workspaces=workspaces)
    sent = 0
    for item in due:
        url = targets.get(item.target)
        if url is None:  # a --notify URL given to an earlier run only
            await asyncio.to_thread(
                store.notification_failed,
                item.id,
                error="no longer a --notify target",
                retry_at=None,
            )
            continue
        try:
            response = await http.post(
                url,
                content=item.payload,
                headers={"Content-Type": "application/json", "User-Agent": "hexsync-serve"},
                timeout=TIMEOUT,
            )
            ok, problem = response.is_success, f"HTTP {response.status_code}"
        except httpx.HTTPError as exc:
            ok, problem = False, f"{type(exc).__name__}: {exc}"
            for quoted in sorted({url, str(httpx.URL(url))}, key=len, reverse=True):
                problem = problem.replace(quoted, f"{httpx.URL(url).host}/…")
        if ok:
            await asyncio.to_thread(store.notification_sent, item.id, now())
            sent += 1
            continue
        retry_at = None
        if item.attempts < len(DELAYS):
            retry_at = now() + dt.timedelta(seconds=DELAYS[item.attempts])
        await asyncio.to_thread(
            store.notification_failed, item.id, error=problem, retry_at=retry_at
        )
        host = httpx.URL(url).host
        later = "will retry" if retry_at is not None else "gave up"
        say(f"notification {item.event} to {host}: {problem}; {later}")
    return sent
