"""What rules yield on one sharing dimension, and what a rule set aside would have done.

Shared by :mod:`hexsync.decide.rules_compiler` (combining the rules that cover a project) and
:mod:`hexsync.decide.shadowing` (entries that take a field from a rule). Pure.
"""

from __future__ import annotations

from collections.abc import Sequence

from hexsync.decide.diff import SCALAR_DIMENSIONS
from hexsync.values.desired import Access, FrozenMap, Mark, Mode, Rule, Sharing
from hexsync.values.hex_access import NO_ACCESS, level_or_none
from hexsync.values.live import LiveProject
from hexsync.values.plan import access_rank

__all__ = ["as_map", "combine", "lost_effect", "scalar_field", "target"]


def combine(
    dim: str, rules: list[Rule]
) -> tuple[Access | FrozenMap[str, Access], dict[str, str], dict[str, Mark]]:
    """The combined value of ``dim`` (highest level wins), its provenance and its marks."""
    provenance: dict[str, str] = {f"sharing.{dim}": ", ".join(r.name for r in rules)}
    marks: dict[str, Mark] = {}
    for r in rules:
        assert r.sharing is not None
        for key, mark in r.sharing.marks.items():
            if key.startswith(f"{dim}\x00"):
                marks.setdefault(key, mark)
    if dim in SCALAR_DIMENSIONS:
        levels = [(getattr(r.sharing, dim), r) for r in rules]
        best = max(level for level, _ in levels)
        provenance[f"sharing.{dim}"] = ", ".join(r.name for level, r in levels if level == best)
        return best, provenance, marks
    merged: dict[str, Access] = {}
    by: dict[str, list[str]] = {}
    for r in rules:
        for key, level in getattr(r.sharing, dim).items():
            if key not in merged or level > merged[key]:
                merged[key], by[key] = level, [r.name]
            elif level == merged[key]:
                by[key].append(r.name)
    for key, names in by.items():
        provenance[f"sharing.{dim}\x00{key}"] = ", ".join(names)
    return FrozenMap(merged), provenance, marks


def scalar_field(value: object) -> Access | None:
    return value if isinstance(value, Access) else None


def as_map(value: object) -> FrozenMap[str, Access] | None:
    return value if isinstance(value, FrozenMap) else None


def target(dim: str, value: object, mode: Mode, live: LiveProject) -> dict[str, str]:
    """What ``dim`` of ``live`` holds once ``value`` is applied in ``mode`` (key "" for a
    scalar), no access left out."""
    now = getattr(live.sharing, dim)
    if dim in SCALAR_DIMENSIONS:
        have = {"": str(now)} if level_or_none(str(now)) is not None else {}
        want = {"": value.value} if isinstance(value, Access) else {}
    else:
        have = {k: v for k, v in now.items() if level_or_none(v) is not None}
        want = {k: v.value for k, v in (value or {}).items()}  # type: ignore[attr-defined]
    if mode is Mode.AUTHORITATIVE:
        return {k: v for k, v in want.items() if level_or_none(v) is not None}
    out = dict(have)
    for key, level in want.items():
        if access_rank(level) > access_rank(out.get(key)):
            out[key] = level
    return out


def lost_effect(
    dim: str, set_aside: Sequence[Rule], decided: Sharing | None, live: LiveProject
) -> str:
    """What the rules ``set_aside`` would do to ``dim`` of ``live`` that the decided sharing
    does not, in words (empty: nothing is lost)."""
    combined, _, _ = combine(dim, list(set_aside))
    mode = (
        Mode.AUTHORITATIVE
        if any(
            r.sharing is not None and r.sharing.mode_of(dim) is Mode.AUTHORITATIVE
            for r in set_aside
        )
        else Mode.ADDITIVE
    )
    theirs = target(dim, combined, mode, live)
    if decided is None or getattr(decided, dim) is None:
        ours = target(dim, None, Mode.ADDITIVE, live)
    else:
        ours = target(dim, getattr(decided, dim), decided.mode_of(dim), live)
    before = target(dim, None, Mode.ADDITIVE, live)
    lines = []
    # Only what the set-aside rules would change on the workspace counts, and only where the
    # plan leaves it otherwise.
    for key in sorted(set(theirs) | set(before)):
        want, got = theirs.get(key), ours.get(key)
        if want == before.get(key) or want == got:
            continue
        who = key or dim
        instead = (
            f"{got or NO_ACCESS} stays"
            if got == before.get(key)
            else f"the plan makes it {got or NO_ACCESS}"
        )
        lines.append(
            f"remove {who} ({instead})" if want is None else f"set {who} to {want} ({instead})"
        )
    shown = lines[:5] + ([f"and {len(lines) - 5} more"] if len(lines) > 5 else [])
    return "; ".join(shown)
