"""Offline checks of manifests, as every face sums them up."""

from __future__ import annotations

from hexsync.errors import plural
from hexsync.manifest import CheckResult

__all__ = ["summary_line"]


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
