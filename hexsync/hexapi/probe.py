"""Raw reads for ``hexsync doctor``: GET requests only, each answer kept whole (status,
headers, JSON) with the local time around it, for what the typed client sets aside (unknown
fields and values, rate-limit headers, the server's clock).

There is no way to send anything but a GET through this module: ``doctor`` never writes.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import httpx

from hexsync.hexapi.config import Token, normalize_base_url
from hexsync.hexapi.log import redact

__all__ = ["Answer", "Read", "probe"]


@dataclass(frozen=True)
class Read:
    """One GET: the operation's name, its path below the API root, its query."""

    operation: str
    path: str
    params: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Answer:
    """What one GET got: ``status`` 0 when no answer came (``error`` says why)."""

    read: Read
    status: int
    headers: Mapping[str, str]
    body: Any
    sent_at: float  # local clock (time.time()) before and after
    received_at: float
    error: str | None = None


async def probe(
    token: Token,
    api_url: str,
    reads: Sequence[Read],
    *,
    transport: httpx.AsyncBaseTransport | None = None,
    timeout: float = 30.0,
) -> list[Answer]:
    """Each of ``reads`` sent once, in order, as a GET to ``api_url`` (the token's own host)."""
    base = normalize_base_url(api_url)
    answers: list[Answer] = []
    headers = {"Authorization": f"Bearer {token.reveal()}", "Accept": "application/json"}
    async with httpx.AsyncClient(
        base_url=base, headers=headers, transport=transport, timeout=timeout
    ) as client:
        for read in reads:
            sent = time.time()
            try:
                response = await client.get(base + read.path, params=dict(read.params))
            except httpx.HTTPError as exc:
                text = redact(str(exc) or type(exc).__name__).replace(token.reveal(), "…")
                answers.append(Answer(read, 0, {}, None, sent, time.time(), text))
                continue
            received = time.time()
            try:
                body = response.json()
            except ValueError:
                body = None
            answers.append(
                Answer(read, response.status_code, dict(response.headers), body, sent, received)
            )
    return answers
