"""Cursor pagination shared by the listings: signed cursors, stable ``(key, id)`` order."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from hexsync.emulator.context import ApiError, Ctx
from hexsync.emulator.store import SortKey, Store


def _cursor_key(store: Store) -> bytes:
    return hashlib.sha256(f"hexsync-emulator-cursor:{store.org_id}".encode()).digest()


def encode_cursor(store: Store, scope: str, key: SortKey) -> str:
    payload = json.dumps([scope, list(key)], separators=(",", ":")).encode()
    mac = hmac.new(_cursor_key(store), payload, hashlib.sha256).digest()[:9]
    return base64.urlsafe_b64encode(payload + mac).decode().rstrip("=")


def decode_cursor(store: Store, scope: str, cursor: str, name: str) -> SortKey:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        payload, mac = raw[:-9], raw[-9:]
        expected = hmac.new(_cursor_key(store), payload, hashlib.sha256).digest()[:9]
        if not hmac.compare_digest(mac, expected):
            raise ValueError("signature")
        found_scope, key = json.loads(payload)
    except (ValueError, TypeError) as exc:
        raise ApiError(400, f"{name} is not a valid pagination cursor") from exc
    if found_scope != scope:
        raise ApiError(400, f"{name} is a cursor for a different listing or sort order")
    return tuple(str(part) for part in key)


@dataclass
class Page:
    items: list[Any]
    after: str | None
    before: str | None

    def pagination(self) -> dict[str, str | None]:
        return {"after": self.after, "before": self.before}


def paginate(
    ctx: Ctx,
    *,
    kind: str,
    sort: str,
    descending: bool,
    items: dict[str, Any],
    key: Callable[[Any], SortKey],
    limit: int,
    keep: Callable[[Any], bool] = lambda _: True,
) -> Page:
    """One page of ``items`` in ``(key, id)`` order, starting after/before the given cursor.

    Ties are broken by id, so every item appears exactly once however the pages are walked.
    """
    store = ctx.store
    keys, ids = store.sorted_order(kind, sort, key, items)
    n = len(ids)
    scope = f"{kind}:{sort}"
    after_raw, before_raw = ctx.query("after"), ctx.query("before")
    if after_raw and before_raw:
        raise ApiError(400, "Give either after or before, not both")

    def at(pos: int) -> Any:
        return items[ids[n - 1 - pos] if descending else ids[pos]]

    def key_at(pos: int) -> SortKey:
        return keys[n - 1 - pos] if descending else keys[pos]

    def first_after(cursor: SortKey) -> int:
        if descending:
            return n - Store.lower_bound(keys, cursor)
        return Store.position(keys, cursor)

    def end_before(cursor: SortKey) -> int:
        if descending:
            return n - Store.position(keys, cursor)
        return Store.lower_bound(keys, cursor)

    positions: list[int] = []
    if before_raw:
        pos = end_before(decode_cursor(store, scope, before_raw, "before")) - 1
        while pos >= 0 and len(positions) < limit:
            if keep(at(pos)):
                positions.append(pos)
            pos -= 1
        positions.reverse()
    else:
        pos = first_after(decode_cursor(store, scope, after_raw, "after")) if after_raw else 0
        while pos < n and len(positions) < limit:
            if keep(at(pos)):
                positions.append(pos)
            pos += 1
    if not positions:
        return Page([], None, None)
    more_after = any(keep(at(p)) for p in range(positions[-1] + 1, n))
    more_before = any(keep(at(p)) for p in range(positions[0] - 1, -1, -1))
    return Page(
        [at(p) for p in positions],
        encode_cursor(store, scope, key_at(positions[-1])) if more_after else None,
        encode_cursor(store, scope, key_at(positions[0])) if more_before else None,
    )
