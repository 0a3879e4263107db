"""The evidence pack of an access review (``hexsync review export``; docs/reviews.md).

What an auditor asks for, in one directory:

- ``snapshot.json``: the effective access as snapshotted (every item's principal, project, level
  and paths), with its SHA-256 and the time it was taken;
- ``decisions.csv``: every item with its reviewer, decision, outcome, reason and date;
- ``revocations.csv``: each revoked item's removals, the plan change that carried each out and
  what apply reported (when the plan and the apply report are given);
- ``summary.html`` and ``summary.csv``: the counts, per reviewer too;
- ``SHA256SUMS``: the hash of every file above and of the review file itself.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import html
import io
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hexsync.ops.files import write_atomically
from hexsync.ops.manifest_edit import Removal
from hexsync.ops.review import Review, ReviewError, removals, review_status
from hexsync.values.kinds import Kind
from hexsync.values.plan import Change, FieldChange, Plan

__all__ = ["Evidence", "export_review"]


@dataclass(frozen=True)
class Evidence:
    """What the pack counts: items, outcomes, and the revocations planned and applied."""

    files: tuple[str, ...]
    counts: Mapping[str, int]


def _carries(change: Change, f: FieldChange, r: Removal) -> bool:
    """Whether field ``f`` of ``change`` is the removal ``r``."""
    if f.new is not None and not (r.what.endswith("-level") and f.new == "NONE"):
        return False
    if r.what == "member":
        return change.kind is Kind.GROUP and change.name == r.target and f.key == r.key
    path = f"sharing.{r.dim}"
    if f.path != path:
        return False
    if r.what.startswith("project"):
        if change.kind is not Kind.PROJECT or (change.id or "").lower() != r.target.lower():
            return False
    elif change.kind is not Kind.COLLECTION or change.name != r.target:
        return False
    if r.what.endswith("-level"):
        return True
    return (f.key or "").lower() == r.key.lower() if r.dim == "users" else f.key == r.key


def _applied(change: Change, f: FieldChange, report: Mapping[str, Any] | None) -> str:
    if report is None:
        return "not given"
    status = next(
        (o["status"] for o in report.get("outcomes", ()) if o.get("address") == change.address),
        "not in the report",
    )
    stuck = any(
        u.get("address") == change.address and u.get("path") == f.path and u.get("key") == f.key
        for u in report.get("unconverged", ())
    )
    return "done, but did not read back" if status == "done" and stuck else str(status)


def _csv(rows: Sequence[Sequence[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for row in rows:
        writer.writerow(["'" + c if isinstance(c, str) and c[:1] in "=+-@" else c for c in row])
    return out.getvalue()


def export_review(
    review: Review,
    out: Path,
    *,
    plan: Plan | None,
    report: Mapping[str, Any] | None,
    now: dt.datetime,
) -> Evidence:
    """Write the pack into ``out`` (created); see the module docstring."""
    out.mkdir(parents=True, exist_ok=True)
    data = review.data
    items = review.items
    snapshot = data.get("snapshot") or {}
    files: dict[str, str] = {}
    files["snapshot.json"] = (
        json.dumps(
            {
                "review": review.name,
                "scope": data.get("scope"),
                "taken": snapshot.get("taken"),
                "sha256": snapshot.get("sha256"),
                "workspace": data.get("workspace"),
                "items": [
                    {
                        k: i.data.get(k)
                        for k in (
                            "id",
                            "project",
                            "project_id",
                            "principal",
                            "kind",
                            "level",
                            "paths",
                        )
                    }
                    for i in items
                ],
            },
            indent=2,
            ensure_ascii=False,
        )
        + "\n"
    )
    decided_default = str(data.get("closed") or "")
    rows: list[list[object]] = [
        [
            "id",
            "project",
            "principal",
            "kind",
            "level",
            "reviewer",
            "decision",
            "outcome",
            "reason",
            "decided",
        ]
    ]
    for i in items:
        rows.append(
            [
                i.id,
                i.data.get("project"),
                i.data.get("principal"),
                i.data.get("kind"),
                i.data.get("level"),
                i.reviewer,
                i.decision,
                review.outcome(i),
                i.data.get("reason") or "",
                str(i.data.get("decided") or decided_default),
            ]
        )
    files["decisions.csv"] = _csv(rows)
    revoked = [i for i in items if review.outcome(i) == "revoke"]
    changes = plan.changes if plan is not None else ()
    lines: list[list[object]] = [
        ["id", "principal", "project", "removal", "plan change", "applied"]
    ]
    planned = applied = 0
    for i in revoked:
        try:
            wanted = removals(i)
        except ReviewError as exc:
            raise ReviewError(f"{review.path}: {exc.message}", hint=exc.hint) from exc
        for r in wanted:
            found = next(((c, f) for c in changes for f in c.fields if _carries(c, f, r)), None)
            if found is None:
                missing = "not in the plan" if plan is not None else "no plan given"
                lines.append(
                    [i.id, i.data.get("principal"), i.data.get("project"), r.text, missing, ""]
                )
                continue
            change, f = found
            planned += 1
            status = _applied(change, f, report)
            applied += status == "done"
            key = f"[{f.key}]" if f.key is not None else ""
            carried = f"{change.action.value} {change.address}: {f.path}{key}: {f.old} -> {f.new}"
            lines.append(
                [i.id, i.data.get("principal"), i.data.get("project"), r.text, carried, status]
            )
    files["revocations.csv"] = _csv(lines)
    outcomes = {o: sum(1 for i in items if review.outcome(i) == o) for o in ("keep", "revoke")}
    counts = {
        "items": len(items),
        "keep": sum(1 for i in items if i.decision == "keep"),
        "revoke": sum(1 for i in items if i.decision == "revoke"),
        "pending": sum(1 for i in items if i.decision == "pending"),
        "kept": outcomes["keep"],
        "revoked": outcomes["revoke"],
        "removals planned": planned,
        "removals applied": applied,
    }
    progress = review_status(review, now)
    summary: list[list[object]] = [["metric", "value"]]
    summary += [[k, v] for k, v in counts.items()]
    summary.append([])
    summary.append(["reviewer", "items", "keep", "revoke", "pending"])
    summary += [[p.reviewer, p.items, p.keep, p.revoke, p.pending] for p in progress]
    files["summary.csv"] = _csv(summary)
    files["summary.html"] = _html(review, counts, progress, plan, report)
    for name, text in files.items():
        write_atomically(out / name, text, option="--out")
    sums = {name: hashlib.sha256(text.encode("utf-8")).hexdigest() for name, text in files.items()}
    sums[review.path.name] = hashlib.sha256(review.path.read_bytes()).hexdigest()
    write_atomically(
        out / "SHA256SUMS",
        "".join(f"{digest}  {name}\n" for name, digest in sorted(sums.items())),
        option="--out",
    )
    return Evidence((*sorted(files), "SHA256SUMS"), counts)


def _html(
    review: Review,
    counts: Mapping[str, int],
    progress: Sequence[Any],
    plan: Plan | None,
    report: Mapping[str, Any] | None,
) -> str:
    e = html.escape
    data = review.data
    snapshot = data.get("snapshot") or {}
    facts = [
        ("Review", review.name),
        ("Scope", str(data.get("scope"))),
        ("Workspace", str((data.get("workspace") or {}).get("org_id"))),
        ("Snapshot taken", str(snapshot.get("taken"))),
        ("Snapshot SHA-256", str(snapshot.get("sha256"))),
        ("Due", str(data.get("due"))),
        ("Closed", str(data.get("closed") or "not yet")),
        ("Items left pending", f"{counts['pending']}, handled as {review.pending}"),
        ("Plan", "given" if plan is not None else "not given"),
        ("Apply report", "given" if report is not None else "not given"),
    ]
    fact_rows = "".join(f"<tr><th>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in facts)
    count_rows = "".join(f"<tr><th>{e(k)}</th><td>{v}</td></tr>" for k, v in counts.items())
    people = "".join(
        f"<tr><td>{e(p.reviewer)}</td><td>{p.items}</td><td>{p.keep}</td><td>{p.revoke}</td>"
        f"<td>{p.pending}</td></tr>"
        for p in progress
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>Access review {e(review.name)}</title>"
        "<style>body{font:14px system-ui,sans-serif;margin:2em}table{border-collapse:collapse;"
        "margin:1em 0}th,td{border:1px solid #ccc;padding:4px 8px;text-align:left}</style>"
        f"</head><body><h1>Access review {e(review.name)}</h1>"
        f"<table>{fact_rows}</table><h2>Outcome</h2><table>{count_rows}</table>"
        "<h2>Reviewers</h2><table><tr><th>reviewer</th><th>items</th><th>keep</th>"
        f"<th>revoke</th><th>pending</th></tr>{people}</table>"
        "<p>Every decision, with its reviewer, reason and date: decisions.csv. The revocations,"
        " with the plan change and the apply outcome of each: revocations.csv. The snapshot:"
        " snapshot.json. The hash of every file: SHA256SUMS. The approvals are the pull"
        " requests that changed the review file (git history).</p></body></html>\n"
    )
