"""``hexsync access findings`` (and the access report's ``findings``): hygiene findings over the
workspace, each with its severity and the manifest change that resolves it (docs/access.md,
"Findings").

Reads what ``hexsync access`` reads, and the members of every group (an empty group is a
finding): Σ ceil(members/500) more requests, never a request per project.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from hexsync.decide.access_engine import AccessEngine
from hexsync.decide.expiry import duration_text
from hexsync.decide.findings import SEVERITIES, Finding, findings
from hexsync.errors import ConfigError
from hexsync.hexapi import HexClient
from hexsync.readers.workspace import read_live, read_members
from hexsync.values.desired import Desired, parse_duration
from hexsync.values.live import Live

__all__ = ["DEFAULT_INACTIVE", "Findings", "findings_doc", "inactive_span", "read_findings"]

DEFAULT_INACTIVE = "90d"


@dataclass(frozen=True)
class Findings:
    """The findings, what they were judged at, and the reading behind them."""

    found: tuple[Finding, ...]
    now: dt.datetime
    inactive: dt.timedelta
    live: Live


def inactive_span(text: str) -> dt.timedelta:
    """``--inactive 90d`` as a span of time; anything else is a usage error."""
    span = parse_duration(text)
    if span is None:
        raise ConfigError(
            f"--inactive {text!r} is not a duration",
            hint="a number and a unit: h, d, w or y (365 days), like 90d",
        )
    return span


async def read_findings(
    client: HexClient,
    desired: Desired | None = None,
    *,
    now: dt.datetime,
    inactive: dt.timedelta,
    progress: Callable[[int], None] | None = None,
) -> Findings:
    """Read the workspace with every group's members and judge it at ``now``; ``desired``
    (optional) points each fix at the manifest line it changes."""
    live = await read_live(client, progress=progress)
    live = await read_members(client, live, live.groups)
    engine = AccessEngine(live)
    found = findings(engine, now=now, inactive=inactive, desired=desired)
    return Findings(tuple(found), now, inactive, live)


def findings_doc(
    found: Sequence[Finding], *, now: dt.datetime, inactive: dt.timedelta
) -> dict[str, Any]:
    """The JSON form: ``{now, inactive, counts: {high, medium, low}, findings: [...]}``."""
    return {
        "now": now.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "inactive": duration_text(inactive),
        "counts": {s: sum(1 for f in found if f.severity == s) for s in SEVERITIES},
        "findings": [f.data for f in found],
    }
