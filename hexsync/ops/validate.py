"""Checks of manifests, as every face sums them up; and each rule's blast radius (``validate
--live``): how many live projects it matches now."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from hexsync.decide.rules_compiler import count_matches
from hexsync.errors import plural
from hexsync.hexapi import HexClient
from hexsync.manifest import CheckResult
from hexsync.readers.workspace import read_projects
from hexsync.values.desired import Desired

__all__ = ["rule_matches", "summary_line"]


async def rule_matches(
    client: HexClient, desired: Desired, *, tick: Callable[[], None] | None = None
) -> list[dict[str, Any]]:
    """Each rule with the number of live projects it matches now: one project listing."""
    projects = await read_projects(client, desired, tick=tick)
    counts = count_matches(desired.rules, projects, now=dt.datetime.now(dt.timezone.utc))
    limit = desired.policy.max_rule_matches
    out = []
    for rule in (r for r in desired.rules if not r.for_users):  # users rules: plan counts them
        matched = counts[rule.name]
        note = ""
        if matched == 0:
            note = "matches nothing: check its match (names are exact)"
        elif limit is not None and matched > limit:
            note = f"more than policy.max_rule_matches ({limit}): plan refuses it"
        out.append(
            {
                "name": rule.name,
                "enforce": rule.enforce.value,
                "matched": matched,
                "source": str(rule.mark),
                "note": note,
            }
        )
    return out


def summary_line(result: CheckResult) -> str:
    errors = sum(p.severity == "error" for p in result.problems)
    warnings = len(result.problems) - errors
    files = plural(len(result.files), "file")
    if result.desired is None or errors:
        text = f"{plural(errors, 'problem')} in {files}"
    else:
        d = result.desired
        text = (
            f"ok: {files}, {plural(len(d.collections), 'collection')}, "
            f"{plural(len(d.groups), 'group')}, {plural(len(d.users), 'user')}, "
            f"{plural(len(d.projects), 'project')}"
        )
    if warnings:
        text += f" ({plural(warnings, 'warning')})"
    return text
