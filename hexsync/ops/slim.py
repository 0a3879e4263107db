"""``hexsync slim``: drop from ``projects:`` entries what the rules already yield (docs/rules.md).

After ``hexsync export`` every entry sets every field, and an entry wins over a rule for the
fields it sets, so the rules written afterwards change nothing on those projects. Slimming
removes from each entry the fields that say exactly what the rules yield on its project
(:class:`~hexsync.decide.shadowing.Slim`: the same plan without them, and nothing written there
that no rule grants), so that the rules decide them. The files are edited in place (comments,
order and style kept: ruamel.yaml's round trip), written atomically, then checked: the edited
manifests must validate and plan exactly the changes they planned before, or every file is put
back as it was.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml.comments import CommentedMap

from hexsync.decide.rules_compiler import compile_rules
from hexsync.errors import HexsyncError
from hexsync.manifest import check, load
from hexsync.ops.files import write_atomically
from hexsync.ops.manifest_edit import ManifestFiles
from hexsync.planning.planner import build_plan
from hexsync.values.desired import Desired
from hexsync.values.live import Live
from hexsync.values.plan import Plan

__all__ = ["Dropped", "Slimmed", "slim_manifests"]


@dataclass(frozen=True)
class Dropped:
    """The fields taken out of one entry, where the entry is."""

    file: str
    line: int
    title: str
    fields: tuple[str, ...]
    # Fields the entry held authoritatively that additive rules now decide: a grant someone
    # adds in Hex is no longer planned away there.
    loosened: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return f"{self.file}:{self.line}: project '{self.title}': dropped {', '.join(self.fields)}"


@dataclass(frozen=True)
class Slimmed:
    """What ``slim`` did (or, with ``write=False``, would do)."""

    dropped: tuple[Dropped, ...]
    files: tuple[str, ...]  # the files changed, as shown
    written: bool

    @property
    def fields(self) -> int:
        return sum(len(d.fields) for d in self.dropped)

    @property
    def loosened(self) -> int:
        return sum(len(d.loosened) for d in self.dropped)


def _drop(entry: CommentedMap, fields: Sequence[str]) -> tuple[str, ...]:
    """Delete ``fields`` (``status``, ``sharing.DIM``) from ``entry``, with a per-dimension
    ``mode`` that no longer has a dimension, and ``sharing`` when nothing is left in it."""
    done = []
    sharing = entry.get("sharing")
    for name in fields:
        if name == "status":
            if "status" in entry:
                del entry["status"]
                done.append(name)
            continue
        dim = name.removeprefix("sharing.")
        if not isinstance(sharing, CommentedMap) or dim not in sharing:
            continue
        del sharing[dim]
        done.append(name)
        mode = sharing.get("mode")
        if isinstance(mode, CommentedMap) and dim in mode:
            del mode[dim]
            if not mode:
                del sharing["mode"]
    if isinstance(sharing, CommentedMap) and not set(sharing) - {"mode"}:
        del entry["sharing"]
    return tuple(done)


def slim_manifests(
    paths: Sequence[str | os.PathLike[str]],
    desired: Desired,
    live: Live,
    before: Plan,
    *,
    now: dt.datetime,
    write: bool = True,
    editable: Collection[Path] | None = None,
) -> Slimmed:
    """Drop from the entries of the manifests at ``paths`` (loaded as ``desired``) what the
    rules yield on ``live``; ``before`` is the plan they make now, which the slimmed manifests
    must make again. ``editable``: only entries in these files are touched (default: all).
    Raises :class:`~hexsync.errors.HexsyncError` (files restored) when the result does not
    validate or plans differently."""
    slims = compile_rules(desired, live, now=now).slims
    files = ManifestFiles(paths, desired)
    allowed = None if editable is None else {Path(p).resolve() for p in editable}
    shown_paths = {shown: path.resolve() for path, shown, *_ in files.files}
    dropped: list[Dropped] = []
    for slim in slims:
        found = files.project(slim.project_id, slim.entry.title or slim.title)
        if found is None:
            continue
        shown, entry = found
        if allowed is not None and shown_paths[shown] not in allowed:
            continue
        line = entry.lc.line + 1
        done = _drop(entry, slim.fields)
        if done:
            files.changed.add(shown)
            loosened = tuple(f for f in done if f in slim.loosened)
            dropped.append(Dropped(shown, line, slim.title, done, loosened))
    dropped.sort(key=lambda d: (d.file, d.line))
    result = Slimmed(tuple(dropped), tuple(sorted(files.changed)), write and bool(dropped))
    if not result.written:
        return result
    originals = files.originals()
    for path, text in files.texts().items():
        write_atomically(path, text, option="slim")
    problem = _verify(paths, live, before, now)
    if problem:
        for path, text in originals.items():
            write_atomically(path, text, option="slim")
        raise HexsyncError(
            f"slimming would change what the manifests mean, so every file was put back: {problem}",
            hint="report this with the manifests (it is a hexsync bug); nothing was changed",
        )
    return result


def _verify(
    paths: Sequence[str | os.PathLike[str]], live: Live, before: Plan, now: dt.datetime
) -> str:
    """What is wrong with the slimmed manifests ("" when nothing): they must validate and plan
    the same changes as before."""
    result = check(list(paths))
    if not result.ok:
        return "; ".join(str(p) for p in result.problems if p.severity == "error")
    after = build_plan(load(list(paths)), live, api_url=before.workspace.api_url, now=now)
    if set(after.changes) != set(before.changes):
        only = set(after.changes) ^ set(before.changes)
        return f"{len(only)} change(s) differ, e.g. {sorted(c.address for c in only)[:3]}"
    return ""
