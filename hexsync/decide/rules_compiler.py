"""Rules: one policy over every live project it matches, compiled into per-project desired state.

``compile_rules(desired, live, now=…)`` runs *before* the diff. It evaluates each rule's
``match`` / ``except`` on what the project listing returned (no extra request), combines the
rules that cover one project, lets an explicit ``projects:`` entry win for the fields it sets,
and returns a :class:`~hexsync.values.desired.Desired` whose projects carry the rule behind each
field
(``Project.provenance``). The diff stays a pure function of desired against live; guardrails,
apply and the renderers see ordinary project changes that name their rule.

Precedence and combining (docs/rules.md):

- an explicit ``projects:`` entry wins over every rule for the fields it sets (status, and each
  sharing dimension it lists);
- several rules on one dimension of one project: additive ones combine, the highest level per
  principal (and for ``workspace`` / ``public_web``) wins and grants are unioned;
- an authoritative rule and another rule on the same dimension of the same project, or two
  rules asking for different statuses, is a :class:`RuleConflictError` naming both rules and the
  project, unless their ``priority`` differs: then the higher one alone decides that field.

``enforce: check`` rules change nothing: :func:`check_violations` evaluates them on the workspace
as the plan would leave it (:func:`hexsync.decide.projection.project`, the workspace ``hexsync
access --as-planned`` shows), and each violated rule becomes a refusal (exit 3).

Pure: no I/O, and "now" is an argument so that ``last_viewed`` / ``created`` are testable.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace

from hexsync.decide import expiry, projection, user_rules
from hexsync.decide.data_rules import data_problems, reads_evidence
from hexsync.decide.diff import (
    SCALAR_DIMENSIONS,
    SET_DIMENSIONS,
    UnresolvedReference,
    UnresolvedReferenceError,
    diff,
)
from hexsync.decide.rule_effect import as_map, combine, lost_effect, scalar_field
from hexsync.decide.shadowing import Shadows, Slim
from hexsync.errors import HexsyncError, did_you_mean
from hexsync.values.data_classes import DataView, mentions_reads
from hexsync.values.desired import (
    DEFAULT_MATCH_FLOOR,
    DEFAULT_MATCH_SHARE,
    UNMANAGED,
    Desired,
    Enforce,
    Ensure,
    FrozenMap,
    Mark,
    Match,
    Mode,
    Policy,
    Project,
    Rule,
    Sharing,
    Status,
    parse_timestamp,
)
from hexsync.values.kinds import Kind
from hexsync.values.live import Live, LiveProject
from hexsync.values.patterns import compile_pattern
from hexsync.values.plan import Change, PlanWarning, Refusal

__all__ = [
    "Compiled",
    "RuleConflictError",
    "RuleReport",
    "check_violations",
    "compile_rules",
    "count_matches",
    "match_limit",
    "matcher",
    "over_limit",
    "parse_moment",
]

DIMENSIONS = (*SCALAR_DIMENSIONS, *SET_DIMENSIONS)
Predicate = Callable[[LiveProject], bool]
_UNITS = {"h": dt.timedelta(hours=1), "d": dt.timedelta(days=1), "w": dt.timedelta(weeks=1)}
_UNITS["y"] = dt.timedelta(days=365)
_VIOLATIONS_SHOWN = 10


class RuleConflictError(HexsyncError):
    """Rules that ask for different things on one project, with no priority to decide."""

    def __init__(self, conflicts: Sequence[str]) -> None:
        self.conflicts = tuple(conflicts)
        lines = "\n".join(f"  {c}" for c in self.conflicts[:50])
        more = len(self.conflicts) - 50
        tail = f"\n  … and {more} more" if more > 0 else ""
        noun = "conflict" if len(self.conflicts) == 1 else "conflicts"
        super().__init__(
            f"{len(self.conflicts)} rule {noun}:\n{lines}{tail}",
            hint="give one of the rules a higher 'priority:' to let it decide deliberately, "
            "narrow a match with 'except:', or make both rules additive",
        )


@dataclass(frozen=True)
class RuleReport:
    """One rule's blast radius: how many live projects it matches."""

    name: str
    enforce: Enforce
    matched: int
    mark: Mark
    users: bool = False  # a users rule: ``matched`` counts active users


@dataclass(frozen=True)
class Compiled:
    """What :func:`compile_rules` made: the desired state to diff, and what to tell the user."""

    desired: Desired
    reports: tuple[RuleReport, ...] = ()
    warnings: tuple[PlanWarning, ...] = ()
    refusals: tuple[Refusal, ...] = ()
    # What :func:`hexsync.decide.expiry.resolve` said of the grants written with ``expires:``
    # (the plan keeps those about the objects it plans, ``--target`` or not).
    expiry: tuple[expiry.Notice, ...] = ()
    # The fields of projects: entries that say exactly what the rules yield (``hexsync slim``).
    slims: tuple[Slim, ...] = ()


# ---------------------------------------------------------------- time


def _duration(text: str) -> dt.timedelta:
    return int(text[:-1]) * _UNITS[text[-1]]


def parse_moment(text: str, now: dt.datetime) -> dt.datetime:
    """A manifest moment: a duration before ``now`` (``365d``), a date, or a timestamp (UTC
    when it has no zone)."""
    if text[-1:] in _UNITS and text[:-1].isdigit():
        return now - _duration(text)
    stamp = parse_timestamp(text)
    if stamp is None:  # the manifest loader refuses these; a Python caller may not have
        raise ValueError(f"{text!r} is neither a duration nor a date or timestamp")
    return stamp


def _stamp(text: str | None) -> dt.datetime | None:
    """A timestamp as Hex writes it, or None (absent, or not one)."""
    return parse_timestamp(text) if text else None


# ---------------------------------------------------------------- matching


def matcher(match: Match, now: dt.datetime, view: DataView | None = None) -> Predicate:
    """``match`` as a predicate over live projects (built once per rule, called per project);
    ``view``: the data classes and the tables read, for ``reads`` (none without it)."""
    op, values = match.op, match.values
    if op == "all_of":
        parts = [matcher(c, now, view) for c in match.children]
        return lambda p: all(part(p) for part in parts)
    if op == "any_of":
        parts = [matcher(c, now, view) for c in match.children]
        return lambda p: any(part(p) for part in parts)
    if op == "not":
        inner = matcher(match.children[0], now, view)
        return lambda p: not inner(p)
    if op == "all":
        return _always
    if op == "reads":
        if view is None:
            return _never
        return lambda p: bool(view.reads(match, p.id))
    if op == "status":
        statuses = frozenset(values)
        return lambda p: p.status in statuses
    if op in ("categories", "collection"):
        names = frozenset(v for v in values if v is not None)
        if op == "categories":
            return lambda p: not names.isdisjoint(p.categories)
        return lambda p: not names.isdisjoint(p.sharing.collections)
    if op in ("owner", "creator"):
        emails = frozenset(values)
        return lambda p: getattr(p, op) in emails
    if op == "title":
        glob = str(values[0])
        return lambda p: fnmatch.fnmatchcase(p.title, glob)
    if op == "title_regex":
        found = compile_pattern(str(values[0]))
        return lambda p: found(p.title)
    if op in ("published", "archived", "trashed"):
        want = values[0] == "true"
        return lambda p: getattr(p, op) is want
    if op in ("last_viewed", "created"):
        return _bounded(op, dict(zip(values[::2], values[1::2], strict=True)), now)
    raise ValueError(f"unknown match key {op!r}")


def _always(_project: LiveProject) -> bool:
    return True


def _never(_project: LiveProject) -> bool:
    return False


def _bounded(op: str, bounds: Mapping[str | None, str | None], now: dt.datetime) -> Predicate:
    """``last_viewed: {older_than, newer_than}`` or ``created: {before, after}``."""
    before = [parse_moment(str(t), now) for w, t in bounds.items() if w in ("older_than", "before")]
    after = [parse_moment(str(t), now) for w, t in bounds.items() if w in ("newer_than", "after")]

    def check(t: dt.datetime | None) -> bool:
        # No time at all (never viewed, never created?) is as old as it gets.
        if t is None:
            return not after
        return all(t < limit for limit in before) and all(t >= limit for limit in after)

    def when(p: LiveProject) -> dt.datetime | None:
        if op == "created":
            return _stamp(p.created_at)
        # Never opened: as old as the project itself (a project created yesterday is not stale).
        return _stamp(p.last_viewed_at) or _stamp(p.created_at)

    return lambda p: check(when(p))


def _reads(rule: Rule) -> bool:
    return mentions_reads(rule.match) or mentions_reads(rule.exclude)


def _mentions(match: Match | None, op: str) -> bool:
    return match is not None and (match.op == op or any(_mentions(c, op) for c in match.children))


def _rule_predicate(rule: Rule, now: dt.datetime, view: DataView | None = None) -> Predicate:
    if (view is None or not view.known) and _reads(rule):
        return _never  # what it reads is unknown: decide.data_rules says so, never silently
    base = matcher(rule.match, now, view)
    exclude = matcher(rule.exclude, now, view) if rule.exclude is not None else None
    # Like Hex's own listing, a rule leaves archived and trashed projects out unless it asks.
    hidden_ok = _mentions(rule.match, "archived") or _mentions(rule.exclude, "archived")
    trash_ok = _mentions(rule.match, "trashed") or _mentions(rule.exclude, "trashed")

    def predicate(p: LiveProject) -> bool:
        if (p.archived and not hidden_ok) or (p.trashed and not trash_ok):
            return False
        return base(p) and (exclude is None or not exclude(p))

    return predicate


# ---------------------------------------------------------------- combining


def _highest(rules: list[Rule]) -> list[Rule]:
    """The rules of the highest priority among ``rules``."""
    top = max(r.priority for r in rules)
    return [r for r in rules if r.priority == top]


def _status(rules: Sequence[Rule], errors: list[str]) -> tuple[Status, str | None]:
    asking = [r for r in rules if r.status is not UNMANAGED]
    if not asking:
        return UNMANAGED, None
    if len({r.status for r in asking}) > 1:
        asking = _highest(asking)
        if len({r.status for r in asking}) > 1:
            a, b = asking[0], next(r for r in asking if r.status != asking[0].status)
            errors.append(
                f"rule '{a.name}' ({a.mark}) sets status {a.status!r},"
                f" rule '{b.name}' ({b.mark}) sets {b.status!r}"
            )
            return UNMANAGED, None
    return asking[0].status, ", ".join(r.name for r in asking)


def _dimension(
    dim: str, rules: Sequence[Rule], errors: list[str], overridden: list[Rule] | None = None
) -> tuple[list[Rule], Mode] | None:
    """The rules that decide sharing dimension ``dim`` of a project, and its mode; the rules a
    higher priority set aside go to ``overridden``."""
    asking = [r for r in rules if r.sharing is not None and getattr(r.sharing, dim) is not None]
    if not asking:
        return None

    def authoritative(r: Rule) -> bool:
        return r.sharing is not None and r.sharing.mode_of(dim) is Mode.AUTHORITATIVE

    if len(asking) > 1 and any(authoritative(r) for r in asking):
        best = _highest(asking)
        if len(best) > 1 and any(authoritative(r) for r in best):
            a = next(r for r in best if authoritative(r))
            b = next(r for r in best if r is not a)
            errors.append(
                f"rule '{a.name}' ({a.mark}) is authoritative on sharing.{dim},"
                f" and rule '{b.name}' ({b.mark}) also sets it"
            )
            return None
        if overridden is not None:
            overridden.extend(r for r in asking if r not in best)
        asking = best
    mode = Mode.AUTHORITATIVE if any(authoritative(r) for r in asking) else Mode.ADDITIVE
    return asking, mode


@dataclass(frozen=True)
class _Decided:
    """What a set of rules (and an explicit entry) decide for any project they all cover."""

    status: Status
    sharing: Sharing | None
    provenance: FrozenMap[str, str]
    conflicts: tuple[str, ...]
    # Per sharing dimension where a rule was set aside: (dimension, the rules set aside, who
    # won: "the projects: entry" or "rule 'x'", where the winner is written).
    overrides: tuple[tuple[str, tuple[Rule, ...], str, Mark], ...] = ()


def _decide(rules: Sequence[Rule], explicit: Project | None) -> _Decided:
    """The desired status and sharing: the explicit entry's fields, the rules' for the rest."""
    errors: list[str] = []
    provenance: dict[str, str] = {}
    status: Status = explicit.status if explicit is not None else UNMANAGED
    if status is UNMANAGED:
        status, names = _status(rules, errors)
        if names is not None:
            provenance["status"] = names
    own = explicit.sharing if explicit is not None else None
    values: dict[str, object] = {}
    modes: dict[str, Mode] = {}
    marks: dict[str, Mark] = dict(own.marks) if own is not None else {}
    overrides: list[tuple[str, tuple[Rule, ...], str, Mark]] = []
    expired: set[str] = set()
    for dim in DIMENSIONS:
        if own is not None and getattr(own, dim) is not None:
            values[dim] = getattr(own, dim)
            modes[dim] = own.mode_of(dim)
            expired.update(k for k in own.expired if k.startswith(f"{dim}\x00"))
            continue  # the rules it takes the field from: decide.shadowing
        set_aside: list[Rule] = []
        decided = _dimension(dim, rules, errors, set_aside)
        if decided is None:
            continue
        deciders, modes[dim] = decided
        if set_aside:
            winner = deciders[0]
            overrides.append((dim, tuple(set_aside), f"rule '{winner.name}'", winner.mark))
        values[dim], more, dim_marks = combine(dim, deciders)
        provenance.update(more)
        marks.update(dim_marks)
        gone = _expired(dim, deciders, values[dim])
        expired.update(k.removeprefix("sharing.") for k in gone)
        provenance.update(gone)
    sharing = None
    if values:
        first = next(r.sharing for r in rules if r.sharing is not None) if own is None else own
        sharing = Sharing(
            mode=own.mode if own is not None else Mode.ADDITIVE,
            workspace=scalar_field(values.get("workspace")),
            public_web=scalar_field(values.get("public_web")),
            users=as_map(values.get("users")),
            groups=as_map(values.get("groups")),
            collections=as_map(values.get("collections")),
            mark=first.mark if first is not None else rules[0].mark,
            marks=FrozenMap(marks),
            modes=FrozenMap(modes),
            expired=frozenset(expired),
        )
    return _Decided(status, sharing, FrozenMap(provenance), tuple(errors), tuple(overrides))


def _expired(dim: str, rules: Sequence[Rule], combined: object) -> dict[str, str]:
    """The grants of ``dim`` whose time is up in every deciding rule that wrote them (another
    rule's grant of the same key keeps it), each with the rules that wrote them."""
    if dim in SCALAR_DIMENSIONS or not isinstance(combined, FrozenMap):
        return {}
    out: dict[str, list[str]] = {}
    for r in rules:
        for key in r.sharing.expired if r.sharing is not None else ():
            name = key.partition("\x00")[2]
            if key.startswith(f"{dim}\x00") and name not in combined:
                out.setdefault(key, []).append(r.name)
    return {f"sharing.{key}": ", ".join(names) for key, names in out.items()}


# ---------------------------------------------------------------- compiling


def _explicit_ids(desired: Desired, live: Live) -> dict[str, Project]:
    """The live project each explicit entry names (as the diff will resolve it)."""
    out: dict[str, Project] = {}
    for p in desired.projects:
        found: LiveProject | None = None
        if p.id is not None:
            found = live.projects.get(p.id) or live.projects.get(p.id.lower())
        elif p.title is not None:
            matches = live.projects_by_title.get(p.title) or live.projects_by_stripped_title.get(
                p.title, ()
            )
            found = matches[0] if len(matches) == 1 else None
        if found is not None and found.id not in out:
            out[found.id] = p
    return out


def _leaves(match: Match | None) -> Iterator[Match]:
    if match is None:
        return
    if match.children:
        for child in match.children:
            yield from _leaves(child)
    else:
        yield match


def _match_problems(
    rules: Iterable[Rule], desired: Desired, live: Live
) -> list[UnresolvedReference]:
    """A match that names a collection, owner, creator or status nothing has: a typo
    (``collection: Finanse``) would otherwise leave the rule matching nothing, one warning and
    exit 0, the policy quietly dead. ``allow_empty: true`` says the rule means it."""
    projects = list(live.projects.values())
    people = set(live.users) | {u.email for u in desired.users}
    people |= {e for p in projects for e in (p.owner, p.creator) if e is not None}
    statuses = (
        set(desired.policy.statuses)
        if desired.policy.statuses is not None
        else {p.status for p in projects if p.status is not None}
        | {r.status for r in desired.rules if isinstance(r.status, str)}
        | {p.status for p in desired.projects if isinstance(p.status, str)}
    )
    known: dict[str, tuple[str, set[str]]] = {
        "collection": (
            "collection",
            set(live.collections) | {c.name for c in desired.collections},
        ),
        "owner": ("user", people),
        "creator": ("user", people),
        "status": ("status", statuses),
    }
    problems = []
    for rule in rules:
        if rule.allow_empty:
            continue
        # Only match: a name in except that nothing has leaves nothing out, which is no dead rule.
        for leaf in _leaves(rule.match):
            if leaf.op not in known:
                continue
            thing, names = known[leaf.op]
            for value in leaf.values:
                if value is None or value in names:
                    continue
                close = did_you_mean(value, names)
                message = (
                    f"rule '{rule.name}': match {leaf.op} {value!r} is a {thing} nothing in the"
                    " workspace or the manifests has, so the rule can never match through it"
                    + (f"; {close}" if close else "")
                    + " (allow_empty: true on the rule if it is meant to match nothing yet)"
                )
                problems.append(UnresolvedReference(message, leaf.mark, f"rule:{rule.name}"))
    return problems


def _reference_problems(
    rules: Iterable[Rule], desired: Desired, live: Live
) -> list[UnresolvedReference]:
    """Names the rules share with that neither the workspace nor the manifests know: once per
    rule and name, not once per matched project."""
    inactive = {u.email for u in desired.users if not u.active}
    groups = set(live.groups) | {g.name for g in desired.groups if g.ensure is Ensure.PRESENT}
    groups -= {g.name for g in desired.groups if g.ensure is Ensure.ABSENT}
    collections = set(live.collections) | {c.name for c in desired.collections}
    users = {e for e in live.users if e not in inactive}
    known = {"users": users, "groups": groups, "collections": collections}
    what = {
        "users": "{} is not an active user of this workspace",
        "groups": "group '{}' is neither a live group nor declared",
        "collections": "collection '{}' is neither a live collection nor declared",
    }
    problems = _match_problems(rules, desired, live)
    for rule in rules:
        s = rule.sharing
        if s is None:
            continue
        for dim in SET_DIMENSIONS:
            for key in getattr(s, dim) or {}:
                if key not in known[dim]:
                    message = f"rule '{rule.name}': " + what[dim].format(key)
                    problems.append(
                        UnresolvedReference(message, s.mark_of(dim, key), f"rule:{rule.name}")
                    )
    return problems


def _compile(
    rules: Sequence[Rule],
    explicit: Mapping[str, Project],
    live: Live,
    now: dt.datetime,
    shadows: Shadows | None = None,
    view: DataView | None = None,
) -> tuple[dict[str, Project], dict[str, int], list[str], list[PlanWarning]]:
    """(live id → the desired state of each project the rules cover, matches per rule,
    conflicts, rules a higher priority overrode on a field to some effect); the fields an
    explicit entry takes from a rule go to ``shadows``."""
    predicates = [(rule, _rule_predicate(rule, now, view)) for rule in rules]
    matched = {rule.name: 0 for rule in rules}
    projects: dict[str, Project] = {}
    errors: list[str] = []
    warnings: list[PlanWarning] = []
    # Thousands of projects share a handful of rule combinations: decide each combination once.
    decided: dict[tuple[int, ...], _Decided] = {}
    for project in live.projects.values():
        covering = [rule for rule, predicate in predicates if predicate(project)]
        if not covering:
            continue
        for rule in covering:
            matched[rule.name] += 1
        entry = explicit.get(project.id)
        key = tuple(id(r) for r in covering)
        alone = decided.get(key)
        if alone is None:
            alone = decided[key] = _decide(covering, None)
        found = alone if entry is None else _decide(covering, entry)
        if entry is not None and shadows is not None:
            shadows.project(covering, entry, (alone.status, alone.sharing), found.sharing, project)
        errors.extend(f"project '{project.title}' ({project.id}): {c}" for c in found.conflicts)
        for dim, set_aside, winner, mark in found.overrides:
            lost = lost_effect(dim, set_aside, found.sharing, project)
            if lost:
                names = ", ".join(f"'{r.name}'" for r in set_aside)
                word = "rule" if len(set_aside) == 1 else "rules"
                warnings.append(
                    PlanWarning(
                        "rule_overridden",
                        f"project '{project.title}': sharing.{dim}: {winner} overrides {word}"
                        f" {names} on this field, so this plan does not do what the {word}"
                        f" {'asks' if len(set_aside) == 1 else 'ask'}: {lost}",
                        mark,
                    )
                )
        if entry is not None:
            projects[project.id] = replace(
                entry, status=found.status, sharing=found.sharing, provenance=found.provenance
            )
        else:
            projects[project.id] = Project(
                id=project.id,
                title=project.title.strip(),
                status=found.status,
                sharing=found.sharing,
                mark=covering[0].mark,
                provenance=found.provenance,
            )
    return projects, matched, errors, warnings


def count_matches(
    rules: Sequence[Rule],
    projects: Iterable[LiveProject],
    *,
    now: dt.datetime,
    view: DataView | None = None,
) -> dict[str, int]:
    """How many of ``projects`` each rule matches (``validate --live``'s blast radius)."""
    predicates = [
        (rule.name, _rule_predicate(rule, now, view)) for rule in rules if not rule.for_users
    ]
    counts = dict.fromkeys((name for name, _ in predicates), 0)
    for project in projects:
        for name, predicate in predicates:
            if predicate(project):
                counts[name] += 1
    return counts


def compile_rules(desired: Desired, live: Live, *, now: dt.datetime) -> Compiled:
    """``desired`` with its ``enforce: apply`` rules compiled into project entries (see the
    module docstring). Raises :class:`RuleConflictError` and, for names no one knows,
    :class:`~hexsync.decide.diff.UnresolvedReferenceError`."""
    titles = {pid: p.title for pid, p in live.projects.items()}
    resolved = expiry.resolve(desired, now, titles=titles)
    desired = resolved.desired
    if not desired.rules:
        return Compiled(desired, expiry=resolved.notices)
    problems = _reference_problems(desired.rules, desired, live) + data_problems(desired, live)
    if problems:
        raise UnresolvedReferenceError(problems)
    apply_rules = [r for r in desired.rules if r.enforce is Enforce.APPLY and not r.for_users]
    explicit = _explicit_ids(desired, live)
    shadows = Shadows()
    view = DataView(desired.classes, live.data)
    projects, matched, errors, overridden = _compile(
        apply_rules, explicit, live, now, shadows, view
    )
    if errors:
        raise RuleConflictError(errors)
    check_rules = [r for r in desired.rules if r.enforce is not Enforce.APPLY and not r.for_users]
    # A check rule's blast radius is counted on the workspace as it is (before the plan).
    matched.update(count_matches(check_rules, live.projects.values(), now=now, view=view))
    for rule in (r for r in desired.rules if r.for_users):  # its blast radius: active users
        matched[rule.name] = len(user_rules.matched_users(rule, live.users.values(), now))
    # Entries merged into a rule-compiled project are that project now (kept by identity: two
    # entries may be equal values, and a second entry for one project stays, for diff to report).
    absorbed = {id(p) for pid, p in explicit.items() if pid in projects}
    merged = [p for p in desired.projects if id(p) not in absorbed] + list(projects.values())
    reports = tuple(
        RuleReport(r.name, r.enforce, matched[r.name], r.mark, r.for_users) for r in desired.rules
    )
    by_name = {r.name: r for r in desired.rules}
    warnings = (
        tuple(
            PlanWarning(
                "rule_no_match",
                f"rule '{r.name}' matches no live project; check its match (names are exact)",
                r.mark,
            )
            for r in reports
            if r.matched == 0
            and not by_name[r.name].for_users  # no dormant user: all is well
            and (view.known or not _reads(by_name[r.name]))  # unknown reads: data_rules says
        )
        + tuple(overridden)
        + tuple(shadows.warnings(apply_rules, matched))
    )
    listed = sum(1 for p in live.projects.values() if not p.hidden)
    refusals = tuple(
        Refusal(
            "max_rule_matches",
            f"rule '{r.name}' matches {r.matched} {text}",
            hint,
            r.mark,
        )
        for r in reports
        if not by_name[r.name].for_users
        for text, hint in [over_limit(by_name[r.name], desired.policy, r.matched, listed)]
        if text
    )
    return Compiled(
        replace(desired, projects=tuple(merged)),
        reports,
        warnings,
        refusals,
        resolved.notices,
        tuple(shadows.slims),
    )


# ---------------------------------------------------------------- blast radius


def match_limit(rule: Rule, policy: Policy, listed: int) -> tuple[int, str] | None:
    """The most live projects ``rule`` may match (``listed``: the live projects a rule sees,
    archived and trashed ones left out), and where that limit comes from; None: no limit."""

    def share(percent: int) -> int:
        return listed * percent // 100

    if rule.max_matches is not None:
        return rule.max_matches, f"its max_matches ({rule.max_matches})"
    if rule.max_share is not None:
        return share(rule.max_share), f"its max_matches ({rule.max_share}%)"
    if policy.max_rule_matches is not None:
        return policy.max_rule_matches, f"policy.max_rule_matches ({policy.max_rule_matches})"
    if policy.max_rule_share is not None:
        return share(policy.max_rule_share), f"policy.max_rule_matches ({policy.max_rule_share}%)"
    # The default guards the rules that change projects; {all: true} says it means all of them.
    if rule.enforce is not Enforce.APPLY or rule.match.op == "all":
        return None
    limit = max(share(DEFAULT_MATCH_SHARE), DEFAULT_MATCH_FLOOR)
    return limit, (
        f"the default for a rule that changes projects ({limit}: {DEFAULT_MATCH_SHARE}% of them,"
        f" never under {DEFAULT_MATCH_FLOOR})"
    )


def over_limit(rule: Rule, policy: Policy, matched: int, listed: int) -> tuple[str, str]:
    """(what to say after "rule 'x' matches N", the hint) when ``rule`` matches more live
    projects than :func:`match_limit` allows; ("", "") when it does not."""
    found = match_limit(rule, policy, listed)
    if found is None or matched <= found[0]:
        return "", ""
    return f"of the {listed} live projects, more than {found[1]}", (
        "narrow the rule's match (or add an except); if it is meant to cover that many, say so"
        " on the rule (max_matches: 100%, or a number) or raise policy.max_rule_matches"
    )


# ---------------------------------------------------------------- check mode


def check_violations(
    desired: Desired, live: Live, changes: Sequence[Change], *, now: dt.datetime
) -> tuple[Refusal, ...]:
    """One refusal per ``enforce: check`` rule that the workspace, as ``changes`` would leave
    it, violates; each names the projects and what the rule requires of them."""
    return tuple(
        Refusal(
            "rule_check",
            message,
            "fix those projects (in Hex, or with a projects: entry or an apply rule), or"
            " change the rule; a check rule never changes anything itself",
            rule.mark,
        )
        for rule, message in _violations(desired, live, changes, now, Enforce.CHECK)
    )


def warn_violations(
    desired: Desired, live: Live, changes: Sequence[Change], *, now: dt.datetime
) -> tuple[PlanWarning, ...]:
    """One warning per ``enforce: warn`` rule the workspace, as ``changes`` would leave it,
    violates (advisory, as Conftest's warn and Sentinel's advisory: nothing is refused)."""
    return tuple(
        PlanWarning("rule_warn", message, rule.mark)
        for rule, message in _violations(desired, live, changes, now, Enforce.WARN)
    )


def _violations(
    desired: Desired,
    live: Live,
    changes: Sequence[Change],
    now: dt.datetime,
    enforce: Enforce,
) -> list[tuple[Rule, str]]:
    """Each rule of ``enforce`` the workspace as ``changes`` leave it violates, with a message
    naming the projects and what the rule requires of them."""
    if not any(r.enforce is enforce and not r.for_users for r in desired.rules):
        return []
    desired = expiry.resolve(desired, now).desired  # a check rule's expired grant: not required
    rules = [r for r in desired.rules if r.enforce is enforce and not r.for_users]
    after = projection.project(live, changes, now=now)
    view = DataView(desired.classes, after.data)
    projects, _, errors, _ = _compile(rules, {}, after, now, view=view)
    if errors:
        raise RuleConflictError(errors)
    found = diff(replace(desired, projects=tuple(projects.values()), rules=()), after)
    by_rule: dict[str, list[str]] = {}
    named = {r.name: r for r in rules}
    for change in found.changes:
        if change.kind is not Kind.PROJECT:
            continue
        for f in change.fields:
            for name in (f.rule or "").split(", "):
                if name:
                    key = f"[{f.key}]" if f.key is not None else ""
                    what = f"{f.path}{key} is {f.old or 'none'}, must be {f.new or 'none'}"
                    why = reads_evidence(named.get(name), view, change.id or "")
                    what += f"; {why}" if why else ""
                    by_rule.setdefault(name, []).append(f"'{change.name}' ({what})")
    out = []
    for rule in rules:
        found_here = by_rule.get(rule.name)
        if not found_here:
            continue
        shown = "; ".join(found_here[:_VIOLATIONS_SHOWN])
        more = len(found_here) - _VIOLATIONS_SHOWN
        tail = f"; and {more} more" if more > 0 else ""
        out.append(
            (
                rule,
                f"rule '{rule.name}' (enforce: {enforce.value}) is violated {len(found_here)}"
                f" time{'s' if len(found_here) != 1 else ''}: {shown}{tail}",
            )
        )
    return out
