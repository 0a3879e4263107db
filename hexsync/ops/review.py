"""Access reviews from git (docs/reviews.md): start, status, close, export.

- :func:`start_review` snapshots effective access (the access engine: principal, project, level,
  every path) into a review file, one item per grant, each with a reviewer (the manifests'
  ``reviewers:``) and ``decision: pending``; the snapshot's hash and time are in the file.
- Reviewers set ``keep`` or ``revoke`` (with a ``reason``, and ``remove`` when there are several
  ways to take the access away) in a pull request: its approval and git history attest them.
- :func:`review_status`: progress per reviewer, and what is overdue.
- :func:`close_review` edits the manifests (:mod:`hexsync.ops.manifest_edit`, comments and order
  kept): each revoke becomes the removal of its grant, and items left pending follow the
  review's ``pending`` policy. The plan that follows is an ordinary plan.
- :func:`export_review`: the evidence pack (:mod:`hexsync.ops.review_evidence`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from hexsync.decide.access_engine import AccessEngine, ProjectAccess
from hexsync.decide.access_engine import Path as AccessPath
from hexsync.errors import ConfigError, HexsyncError
from hexsync.manifest import check
from hexsync.manifest.load import DEFAULT_LIMITS
from hexsync.manifest.yamlsafe import Document, read_document
from hexsync.ops.files import write_atomically
from hexsync.ops.manifest_edit import Edited, ManifestFiles, Removal, round_trip
from hexsync.values.desired import Access, Desired, Reviewers, parse_duration, parse_timestamp
from hexsync.values.live import LiveProject

__all__ = [
    "DECISIONS",
    "Closed",
    "Item",
    "Review",
    "ReviewError",
    "Scope",
    "choices",
    "close_review",
    "read_review",
    "removals",
    "review_status",
    "snapshot_hash",
    "start_review",
]

REVIEW_VERSION = 1
DECISIONS = ("pending", "keep", "revoke")
_SNAPSHOT_KEYS = ("id", "project", "project_id", "principal", "kind", "level", "paths")

_HEADER = """\
# hexsync access review {name} (docs/reviews.md). One item per grant: who (principal) can open
# which project at what level, and every path that gives it.
# Reviewers: set each of your items' decision to keep or revoke (reason: why; decided: the date,
# optional) in a pull request; its approval and the git history are the record. When a grant has
# several ways to be taken away (a group: the membership, or the group's grant), name the one
# you mean with remove: (hexsync review close lists them). Leave the snapshot fields as they
# are: their hash is checked. Items still pending at close follow `pending:` below.
"""


class ReviewError(HexsyncError):
    """A review file that cannot be used as it is, or a close that cannot be written."""


@dataclass(frozen=True)
class Scope:
    """``--scope``: ``all``, ``collection:NAME``, ``group:NAME`` or ``project:TITLE|ID``."""

    kind: str
    name: str = ""

    @classmethod
    def parse(cls, text: str) -> Scope:
        kind, sep, name = text.partition(":")
        kind = kind.strip().lower()
        if kind == "all" and not sep:
            return cls("all")
        if kind in ("collection", "group", "project") and name:
            return cls(kind, name)
        raise ConfigError(
            f"--scope {text!r} is not a scope",
            hint="all, collection:NAME, group:NAME or project:TITLE",
        )

    @property
    def text(self) -> str:
        return self.kind if self.kind == "all" else f"{self.kind}:{self.name}"


# ---------------------------------------------------------------- the snapshot


def _path_data(p: AccessPath) -> dict[str, Any]:
    out: dict[str, Any] = {"via": p.label, "level": p.granted.value}
    if p.group is not None:
        out["group"] = p.group
    if p.collection is not None:
        out["collection"] = p.collection
    return out


def _in_scope(scope: Scope, pa: ProjectAccess) -> bool:
    p = pa.project
    if scope.kind == "collection":
        return scope.name in p.sharing.collections
    if scope.kind == "project":
        return scope.name in (p.title, p.id) or scope.name.lower() == p.id
    return True


def _items(engine: AccessEngine, scope: Scope) -> Iterator[dict[str, Any]]:
    for pa in engine.all():
        if not _in_scope(scope, pa):
            continue
        p = pa.project
        head = {"project": p.title, "project_id": p.id}
        if scope.kind != "group":
            if pa.public_web is not Access.NONE:
                public = [{"via": "public web", "level": pa.public_web.value}]
                yield {
                    **head,
                    "principal": "public web",
                    "kind": "public_web",
                    "level": pa.public_web.value,
                    "paths": public,
                }
            if pa.wide:
                level = max(x.granted for x in pa.wide)
                yield {
                    **head,
                    "principal": "workspace members",
                    "kind": "workspace",
                    "level": level.value,
                    "paths": [_path_data(x) for x in pa.wide],
                }
        for email in sorted(pa.named):
            paths = [x for x in pa.named[email] if x.source != "owner"]
            if scope.kind == "group":
                paths = [x for x in paths if x.group == scope.name]
            if not paths:
                continue  # an owner's own access is never reviewed away
            grant = engine.grant(pa, email)
            level = max(x.granted for x in paths)
            if grant is not None and grant.capped:
                level = min(level, grant.level)
            ordered = sorted(paths, key=lambda x: (-x.granted.rank, x.label))
            yield {
                **head,
                "principal": email,
                "kind": "user",
                "level": level.value,
                "paths": [_path_data(x) for x in ordered],
            }


def reviewer_of(
    item: Mapping[str, Any], project: LiveProject, reviewers: Reviewers | None
) -> str | None:
    """The project's reviewer, else the reviewer of a group the grant goes through, else of a
    collection it goes through (or the project is in), else the fallback, else the owner."""
    r = reviewers or Reviewers()
    for key in (project.title, project.id):
        if key in r.projects:
            return r.projects[key]
    for p in item["paths"]:
        if p.get("group") in r.groups:
            return r.groups[p["group"]]
    named = [p["collection"] for p in item["paths"] if p.get("collection")]
    for name in [*named, *sorted(project.sharing.collections)]:
        if name in r.collections:
            return r.collections[name]
    return r.fallback or project.owner


def snapshot_hash(items: Iterable[Mapping[str, Any]]) -> str:
    """SHA-256 of the snapshot fields of every item, as canonical JSON."""
    body = [{k: item.get(k) for k in _SNAPSHOT_KEYS} for item in items]
    text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _stamp(moment: dt.datetime) -> str:
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def start_review(
    name: str,
    engine: AccessEngine,
    desired: Desired,
    *,
    scope: Scope,
    now: dt.datetime,
    due: str,
    pending: str,
    api_url: str,
    manifests: Sequence[str],
) -> tuple[str, int]:
    """The review file's text, and how many items it holds."""
    if pending not in ("keep", "revoke"):
        raise ConfigError(f"--pending {pending!r}: keep or revoke")
    span = parse_duration(due)
    day = parse_timestamp(due) if span is None else now + span
    if day is None:
        raise ConfigError(f"--due {due!r} is neither a date nor a duration", hint="e.g. 14d")
    if scope.kind == "collection" and scope.name not in engine.live.collections:
        raise ConfigError(f"--scope {scope.text}: no collection of that name in the workspace")
    if scope.kind == "group" and scope.name not in engine.live.groups:
        raise ConfigError(f"--scope {scope.text}: no group of that name in the workspace")
    items = []
    for index, item in enumerate(_items(engine, scope), start=1):
        project = engine.projects[item["project_id"]]
        items.append(
            {
                "id": index,
                **item,
                "reviewer": reviewer_of(item, project, desired.reviewers),
                "decision": "pending",
                "reason": None,
            }
        )
    doc = {
        "review": name,
        "version": REVIEW_VERSION,
        "scope": scope.text,
        "started": _stamp(now),
        "due": day.astimezone(dt.timezone.utc).date().isoformat(),
        "pending": pending,
        "workspace": {"org_id": engine.live.org_id, "api_url": api_url},
        "manifests": list(manifests),
        "snapshot": {"taken": _stamp(now), "sha256": snapshot_hash(items), "items": len(items)},
        "items": items,
    }
    text = yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=100)
    return _HEADER.format(name=name) + text, len(items)


# ---------------------------------------------------------------- reading


@dataclass(frozen=True)
class Item:
    """One item of a review file as reviewers left it."""

    data: Mapping[str, Any]
    line: int

    @property
    def id(self) -> Any:
        return self.data.get("id")

    @property
    def decision(self) -> str:
        return str(self.data.get("decision") or "pending")

    @property
    def reviewer(self) -> str:
        return str(self.data.get("reviewer") or "(unassigned)")

    @property
    def label(self) -> str:
        return f"item {self.id} ({self.data.get('principal')} on {self.data.get('project')!r})"


@dataclass(frozen=True)
class Review:
    """A review file: its header fields and items."""

    path: Path
    data: Mapping[str, Any]
    items: tuple[Item, ...] = field(default=())

    @property
    def name(self) -> str:
        return str(self.data.get("review"))

    @property
    def pending(self) -> str:
        return str(self.data.get("pending", "keep"))

    @property
    def due(self) -> dt.date | None:
        found = parse_timestamp(str(self.data.get("due") or ""))
        return None if found is None else found.date()

    @property
    def closed(self) -> str | None:
        value = self.data.get("closed")
        return None if value is None else str(value)

    def outcome(self, item: Item) -> str:
        """keep or revoke: the decision, or the pending policy."""
        return self.pending if item.decision == "pending" else item.decision


def _fail(where: str, message: str, hint: str | None = None) -> ReviewError:
    return ReviewError(f"{where}: {message}", hint=hint)


def read_review(path: Path) -> Review:
    """Read and check a review file: its fields, every decision, and the snapshot's hash."""
    doc = read_document(path, str(path), DEFAULT_LIMITS)
    if not isinstance(doc, Document):
        raise ReviewError(str(doc))
    data = doc.data
    if not isinstance(data, dict) or data.get("version") != REVIEW_VERSION or "items" not in data:
        raise _fail(str(path), "not a hexsync review file (version 1 with items)")
    raw = data["items"]
    if not isinstance(raw, list):
        raise _fail(str(path), "items: expected a list")
    items = []
    problems = []
    for index, entry in enumerate(raw):
        mark = doc.mark(("items", index))
        if not isinstance(entry, dict):
            problems.append(f"{mark}: items[{index}]: expected a mapping")
            continue
        item = Item(entry, mark.line)
        if item.decision not in DECISIONS:
            at = doc.mark(("items", index, "decision"))
            problems.append(
                f"{at}: {item.label}: decision {item.decision!r} is not one of"
                f" {', '.join(DECISIONS)}"
            )
        items.append(item)
    if problems:
        raise ReviewError(
            f"{len(problems)} problem(s) in {path}:\n" + "\n".join(f"  {p}" for p in problems),
            hint="a decision is keep, revoke or pending",
        )
    if data.get("pending", "keep") not in ("keep", "revoke"):
        raise _fail(str(path), "pending: keep or revoke")
    snapshot = data.get("snapshot") or {}
    if snapshot.get("sha256") != snapshot_hash(i.data for i in items):
        raise _fail(
            str(path),
            "the snapshot was changed after the review started (its sha256 does not match the"
            " items' principal, project, level and paths)",
            "only decision, reason, remove and decided are the reviewers' to write; restore the"
            " rest from git",
        )
    return Review(path, data, tuple(items))


# ---------------------------------------------------------------- status


@dataclass(frozen=True)
class ReviewerProgress:
    reviewer: str
    items: int
    keep: int
    revoke: int
    pending: int
    overdue: bool

    @property
    def data(self) -> dict[str, Any]:
        return {
            "reviewer": self.reviewer,
            "items": self.items,
            "keep": self.keep,
            "revoke": self.revoke,
            "pending": self.pending,
            "overdue": self.overdue,
        }


def review_status(review: Review, now: dt.datetime) -> list[ReviewerProgress]:
    """Progress per reviewer (by email); overdue: items still pending after the due day."""
    late = review.due is not None and now.astimezone(dt.timezone.utc).date() > review.due
    by: dict[str, list[Item]] = {}
    for item in review.items:
        by.setdefault(item.reviewer, []).append(item)
    out = []
    for reviewer in sorted(by):
        mine = by[reviewer]
        count = {d: sum(1 for i in mine if i.decision == d) for d in DECISIONS}
        pending = count["pending"]
        out.append(
            ReviewerProgress(
                reviewer,
                len(mine),
                count["keep"],
                count["revoke"],
                pending,
                late and pending > 0 and review.closed is None,
            )
        )
    return out


# ---------------------------------------------------------------- what a revoke removes


def _path_choices(item: Mapping[str, Any], p: Mapping[str, Any]) -> list[tuple[str, Removal]]:
    """The ways to take one path of an item away, each as the reviewer writes it."""
    pid, title, who = item["project_id"], item["project"], item["principal"]
    via, group, coll = p.get("via", ""), p.get("group"), p.get("collection")

    def on_project(dim: str, key: str) -> Removal:
        return Removal("project", pid, title, dim, key)

    if via == "public web":
        return [("public web", Removal("project-level", pid, title, "public_web"))]
    if via == "workspace":
        return [("workspace on the project", Removal("project-level", pid, title, "workspace"))]
    if via == "direct share":
        return [("direct share", on_project("users", who))]
    member = (f"member of group {group}", Removal("member", group or "", "", "members", who))
    if coll is None and group is not None:
        return [member, (f"group {group} on the project", on_project("groups", group))]
    if coll is None:
        return []
    out = [(f"collection {coll} on the project", on_project("collections", coll))]
    if via.endswith(" via workspace"):
        out.append(
            (f"workspace on collection {coll}", Removal("collection-level", coll, "", "workspace"))
        )
    elif group is not None:
        out.append(
            (
                f"group {group} on collection {coll}",
                Removal("collection", coll, "", "groups", group),
            )
        )
        out.append(member)
    else:
        out.append((f"user on collection {coll}", Removal("collection", coll, "", "users", who)))
    return out


def choices(item: Item) -> list[list[tuple[str, Removal]]]:
    """Per path of ``item``, the ways to take it away."""
    return [
        _path_choices(item.data, p) for p in item.data.get("paths") or () if isinstance(p, dict)
    ]


def removals(item: Item) -> list[Removal]:
    """What revoking ``item`` removes from the manifests: every path's one way, or the ways its
    ``remove:`` names; a path with several ways and no ``remove:`` is a ReviewError listing
    them."""
    per_path = choices(item)
    named = item.data.get("remove")
    if named is not None:
        wanted = [named] if isinstance(named, str) else list(named)
        known = {label: removal for ways in per_path for label, removal in ways}
        unknown = [w for w in wanted if w not in known]
        if unknown:
            raise ReviewError(
                f"{item.label}: remove {', '.join(map(repr, unknown))} is not one of its choices:"
                f" {', '.join(repr(k) for k in known)}"
            )
        return [known[w] for w in wanted]
    ambiguous = [ways for ways in per_path if len(ways) > 1]
    if ambiguous:
        listed = "; ".join(" or ".join(repr(label) for label, _ in ways) for ways in ambiguous)
        raise ReviewError(
            f"{item.label}: revoke is ambiguous: {listed}",
            hint="write remove: with the one you mean (a list for several) in the item",
        )
    return [ways[0][1] for ways in per_path if ways]


# ---------------------------------------------------------------- close


@dataclass(frozen=True)
class Closed:
    """What ``review close`` did: the manifest edits per item, and the outcome counts."""

    edits: Mapping[Any, tuple[Edited, ...]]
    outcomes: Mapping[str, int]
    files: tuple[str, ...]


def close_review(
    review: Review,
    paths: Sequence[str | os.PathLike[str]],
    desired: Desired,
    now: dt.datetime,
) -> Closed:
    """Edit the manifests at ``paths`` so that every revoked item's grant is removed (items
    left pending follow the review's policy), then mark the review closed. Nothing is written
    when any revocation cannot be: the error lists them all."""
    if review.closed is not None:
        raise ReviewError(f"{review.path}: the review was closed at {review.closed}")
    files = ManifestFiles(paths, desired)
    errors: list[str] = []
    done: dict[Removal, Edited] = {}
    edits: dict[Any, tuple[Edited, ...]] = {}
    outcomes = {"keep": 0, "revoke": 0, "pending kept": 0, "pending revoked": 0}
    for item in review.items:
        outcome = review.outcome(item)
        if item.decision == "pending":
            outcomes["pending kept" if outcome == "keep" else "pending revoked"] += 1
        else:
            outcomes[outcome] += 1
        if outcome != "revoke":
            continue
        try:
            wanted = removals(item)
        except ReviewError as exc:
            errors.append(exc.message + (f" ({exc.hint})" if exc.hint else ""))
            continue
        mine = []
        for removal in wanted:
            if removal not in done:
                try:
                    done[removal] = files.remove(removal)
                except ValueError as exc:
                    errors.append(f"{item.label}: {exc}")
                    continue
            mine.append(done[removal])
        edits[item.id] = tuple(mine)
    if errors:
        raise ReviewError(
            f"the review cannot be closed, nothing was written ({len(errors)} problem(s)):\n"
            + "\n".join(f"  {e}" for e in errors),
            hint="fix the items (remove:) or the manifests, then close again",
        )
    originals = files.originals()
    for path, text in files.texts().items():
        _write(path, text)
    result = check(list(paths))
    if not result.ok:
        for path, text in originals.items():
            _write(path, text)
        raise ReviewError(
            "the edited manifests do not validate, so they were restored:\n"
            + "\n".join(f"  {p}" for p in result.problems if p.severity == "error")
        )
    _mark_closed(review, edits, now)
    return Closed(edits, outcomes, tuple(sorted(files.changed)))


def _write(path: Path, text: str) -> None:
    write_atomically(path, text, option="review close")


def _mark_closed(review: Review, edits: Mapping[Any, tuple[Edited, ...]], now: dt.datetime) -> None:
    """Record the close in the review file itself, keeping the reviewers' comments."""
    text = review.path.read_text(encoding="utf-8")
    y = round_trip(text)
    data = y.load(text)
    data["closed"] = _stamp(now)
    for entry in data["items"]:
        item = Item(entry, 0)
        entry["outcome"] = review.outcome(item)
        found = edits.get(item.id)
        if found:
            entry["removed"] = [e.text for e in found]
    buffer = io.StringIO()
    y.dump(data, buffer)
    _write(review.path, buffer.getvalue())
