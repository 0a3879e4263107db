"""What ``hexsync validate`` says about grants written with ``expires:`` (docs/expiry.md).

Offline, at ``now``: a grant whose time is up is a warning that its line can be deleted (the
plan removes the grant where Hex still has it); one that runs past ``policy.max_grant_duration``
is a warning that the plan refuses it. The plan itself says "expires in N days".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from hexsync.decide.expiry import resolve
from hexsync.manifest import CheckResult, Problem

__all__ = ["with_expiry"]


def with_expiry(result: CheckResult, now: dt.datetime | None = None) -> CheckResult:
    """``result`` with a warning for each grant that has expired at ``now`` (default: the
    clock) or that the plan would refuse for ``policy.max_grant_duration``, in file order."""
    if result.desired is None:
        return result
    now = now or dt.datetime.now(dt.timezone.utc)
    found = []
    for notice in resolve(result.desired, now).notices:
        if notice.code == "expires_soon":
            continue
        message = notice.message
        hint = notice.hint or None
        if notice.code == "max_grant_duration":
            message += ": plan refuses it"
        mark = notice.mark
        found.append(Problem(mark.file, mark.line, mark.column, "", message, hint, "warning"))
    if not found:
        return result
    order = {name: i for i, name in enumerate(result.files)}
    problems = sorted(
        (*result.problems, *found), key=lambda p: (order.get(p.file, -1), p.line, p.column)
    )
    return replace(result, problems=tuple(problems))
