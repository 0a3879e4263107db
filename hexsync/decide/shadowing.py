"""Rules shadowed by ``projects:`` entries: the warning, and what ``hexsync slim`` may drop.

An explicit entry wins over every rule for the fields it sets (docs/rules.md, "Precedence").
After ``hexsync export`` every entry sets every field, so a rule written later changes nothing
("10 projects matched, 0 changed") on the projects those entries pin. :class:`Shadows` gathers,
project by project, each field where an entry and a rule meet:

- the rule would change something the entry keeps: its effect is lost there;
- the entry says exactly what the rules yield there (the same plan without it, and nothing
  written that no rule grants): the field is *repeated*, and ``hexsync slim`` may drop it from
  the entry (:class:`Slim`), after which the rules decide it and the plan is the same.

A field where the entry only says more than the rule (a grant of its own besides the rule's)
is neither: the rule's intent holds, nothing is said. Each rule shadowed somewhere is one
warning (``rule_shadowed``) with counts and a few examples, each at its ``file:line``, so
thousands of exported entries make one readable warning. Pure.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from hexsync.decide.diff import SCALAR_DIMENSIONS, SET_DIMENSIONS
from hexsync.decide.rule_effect import lost_effect, target
from hexsync.errors import plural
from hexsync.values.desired import UNMANAGED, Access, Mark, Mode, Project, Rule, Sharing, Status
from hexsync.values.live import LiveProject
from hexsync.values.plan import PlanWarning

__all__ = ["EXAMPLES", "Shadows", "Slim"]

DIMENSIONS = (*SCALAR_DIMENSIONS, *SET_DIMENSIONS)
EXAMPLES = 3  # projects named in a warning, per kind of shadowing


@dataclass(frozen=True)
class Slim:
    """The fields of one ``projects:`` entry that say exactly what the rules yield on its
    project: ``status`` and ``sharing.DIM``, in that order."""

    project_id: str
    title: str
    entry: Project
    fields: tuple[str, ...]
    # Of ``fields``, the ones the entry holds authoritatively and additive rules would decide:
    # a grant someone adds in Hex is then no longer planned away there.
    loosened: tuple[str, ...] = ()


@dataclass
class _Shadowed:
    """One rule's shadowing, over every project it matches."""

    lost: dict[str, list[str]] = field(default_factory=dict)  # title → "field (file:line) what"
    repeated: dict[str, Mark] = field(default_factory=dict)  # title → where its entry is
    repeated_fields: Counter[str] = field(default_factory=Counter)


def _status_lost(want: Status, got: Status, before: str | None) -> str:
    """What a rule asking status ``want`` would change that the entry's ``got`` does not."""
    if want in (before, got):
        return ""
    instead = f"{got or 'none'} stays" if got == before else f"the plan makes it {got or 'none'}"
    return f"set to {want or 'none'} ({instead})"


def _without_owner(dim: str, grants: dict[str, str], owner: str | None) -> dict[str, str]:
    """An owner's own access is never changed (by an entry or a rule): it does not count."""
    if dim != "users" or owner is None:
        return grants
    return {k: v for k, v in grants.items() if k.lower() != owner.lower()}


def repeats(dim: str, own: Sharing, rules: Sharing | None, live: LiveProject) -> bool:
    """Whether the entry's ``dim`` (``own``) says exactly what the rules' decision (``rules``)
    yields on ``live``: the same result in the workspace, and no grant written that the rules
    do not give at that level."""
    theirs = getattr(rules, dim) if rules is not None else None
    if rules is None or theirs is None:
        return False
    written_with_end = (*own.expires, *own.expired)
    if any(k.startswith(f"{dim}\x00") for k in written_with_end):
        return False  # the entry ends a grant the rules would keep: not the same, over time
    mine = getattr(own, dim)
    owner = live.owner
    ours = _without_owner(dim, target(dim, mine, own.mode_of(dim), live), owner)
    yielded = _without_owner(dim, target(dim, theirs, rules.mode_of(dim), live), owner)
    if ours != yielded:
        return False
    if dim in SCALAR_DIMENSIONS:
        return bool(mine is Access.NONE or mine == theirs)
    written = _without_owner(dim, {k: v.value for k, v in mine.items()}, owner)
    return all(
        level == Access.NONE.value or (k in theirs and theirs[k].value == level)
        for k, level in written.items()
    )


class Shadows:
    """What the ``projects:`` entries take from the rules, gathered project by project."""

    def __init__(self) -> None:
        self.by_rule: dict[str, _Shadowed] = {}
        self.slims: list[Slim] = []

    def _record(
        self, rule: Rule, entry: Project, title: str, at: tuple[str, Mark], lost: str, rep: bool
    ) -> None:
        """Rule ``rule`` meets ``entry`` on field ``at`` (its path and where the entry writes
        it): ``lost``, what the rule would change that the entry keeps; ``rep``, whether the
        entry repeats what the rules yield there."""
        s = self.by_rule.setdefault(rule.name, _Shadowed())
        path, mark = at
        if lost:
            # lost_effect joins its items with "; ", which here separates projects
            s.lost.setdefault(title, []).append(f"{path} ({mark}) {lost.replace('; ', ', ')}")
        if rep:
            s.repeated[title] = entry.mark
            s.repeated_fields[path] += 1

    def project(
        self,
        covering: Sequence[Rule],
        entry: Project,
        alone: tuple[Status, Sharing | None],
        decided: Sharing | None,
        live: LiveProject,
    ) -> None:
        """The fields ``entry`` sets that a rule of ``covering`` sets too. ``alone``: what the
        rules decide without the entry (status, sharing); ``decided``: the sharing planned."""
        title = live.title
        fields: list[str] = []
        loosened: list[str] = []
        if entry.status is not UNMANAGED:
            asking = [r for r in covering if r.status is not UNMANAGED]
            rep = bool(asking) and alone[0] is not UNMANAGED and alone[0] == entry.status
            for r in asking:
                lost = _status_lost(r.status, entry.status, live.status)
                self._record(r, entry, title, ("status", entry.mark), lost, rep)
            if rep:
                fields.append("status")
        own = entry.sharing
        for dim in DIMENSIONS if own is not None else ():
            assert own is not None
            if getattr(own, dim) is None:
                continue
            asking = [
                r for r in covering if r.sharing is not None and getattr(r.sharing, dim) is not None
            ]
            if not asking:
                continue
            rep = repeats(dim, own, alone[1], live)
            for r in asking:
                lost = lost_effect(dim, [r], decided, live)
                self._record(r, entry, title, (f"sharing.{dim}", own.mark_of(dim)), lost, rep)
            if rep:
                fields.append(f"sharing.{dim}")
                rules = alone[1]
                assert rules is not None  # repeats() holds only where the rules decide dim
                if own.mode_of(dim) is Mode.AUTHORITATIVE and rules.mode_of(dim) is Mode.ADDITIVE:
                    loosened.append(f"sharing.{dim}")
        if fields:
            self.slims.append(Slim(live.id, title, entry, tuple(fields), tuple(loosened)))

    def warnings(self, rules: Sequence[Rule], matched: Mapping[str, int]) -> list[PlanWarning]:
        """One ``rule_shadowed`` warning per rule an entry shadows, in the rules' order."""
        out = []
        for rule in rules:
            s = self.by_rule.get(rule.name)
            if s is None or not (s.lost or s.repeated):
                continue
            of = f"of the {plural(matched.get(rule.name, 0), 'project')} it matches"
            parts = []
            if s.lost:
                n = len(s.lost)
                first = sorted(s.lost)[:EXAMPLES]  # by title: the same whatever Hex's order
                shown = "; ".join(f"'{t}': {', '.join(s.lost[t])}" for t in first)
                more = f"; and {n - len(first)} more" if n > len(first) else ""
                parts.append(
                    f"rule '{rule.name}' is overridden on {n} {of} by their projects: entries,"
                    " which set the same fields (an entry wins for the fields it sets), so it"
                    f" does not do there what it asks: {shown}{more}; take the field"
                    " out of those entries to let the rule decide it, or write it there as the"
                    " rule asks"
                )
            if s.repeated:
                n = len(s.repeated)
                counts = ", ".join(f"{f} {c}" for f, c in sorted(s.repeated_fields.items()))
                first = sorted(s.repeated)[:EXAMPLES]
                named = ", ".join(f"'{t}' ({s.repeated[t]})" for t in first)
                more = f" and {n - len(first)} more" if n > len(first) else ""
                lead = "it" if parts else f"rule '{rule.name}'"
                parts.append(
                    f"{lead} changes nothing on {n} {of}: their projects: entries already say"
                    f" what the rules yield there ({counts}): {named}{more};"
                    " `hexsync slim` drops those fields from the entries, and the plan stays"
                    " the same"
                )
            out.append(PlanWarning("rule_shadowed", "; ".join(parts), rule.mark))
        return out
