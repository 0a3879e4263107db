"""Policies over effective access: what may never be true, per grant (docs/policies.md).

Pure, no I/O. The access engine's answer is read as grants, one principal's access to one
project each (:func:`grants`):

- ``user``: a person reached by a named path (owner, direct, group, a collection shared with
  them or their group), at their effective level with every path, wide ones included;
- ``group``: a group the project is shared with, directly or through a collection shared with
  the group, whether or not anyone is in it;
- ``workspace``: the paths that reach every workspace member (the workspace share, a collection
  shared with the workspace), once per project, never expanded per person;
- ``public``: the public web link.

Each policy's ``deny`` (and ``except``) is compiled once and decided once per distinct input:
the fields an expression reads (:attr:`~hexsync.values.policy_expr.Expression.reads`) are the
key of its answers, so ``principal.role == "GUEST" && rank >= 3`` runs a few dozen times over a
million grants. :func:`check_policies` evaluates every policy on the workspace as it is and as
the plan leaves it (:func:`~hexsync.decide.projection.project`) and says, per violation,
whether the plan introduces, keeps or fixes it; ``refuse`` policies refuse the plan.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import itertools
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from hexsync.decide import projection
from hexsync.decide.access_engine import AccessEngine, Path, level_of
from hexsync.values.data_classes import DataView
from hexsync.values.desired import Access, AccessPolicy, TablePattern, parse_timestamp
from hexsync.values.hex_access import collection_grant, highest
from hexsync.values.live import Live
from hexsync.values.plan import Change, PlanWarning, Refusal
from hexsync.values.policy_expr import (
    FIELDS,
    Expression,
    compile_expression,
    reason,
    render_message,
)

__all__ = [
    "SHOWN",
    "Evaluator",
    "GrantView",
    "Principal",
    "Subject",
    "Violation",
    "check_policies",
    "evaluate",
    "grants",
    "path_text",
]

SHOWN = 20  # violations listed per policy and outcome: a screenful, then a count
_KINDS = {"user": 0, "group": 1, "workspace": 2, "public": 3}


@dataclass(frozen=True, eq=False)
class Principal:
    """Who a grant is to: ``key`` is the email of a user, the name of anyone else; ``fields``
    what an expression sees as ``principal`` (lists as tuples). ``memo`` holds, per compiled
    expression, the part of its input this principal gives (computed once per principal)."""

    kind: str
    key: str
    fields: Mapping[str, Any]
    memo: dict[int, tuple[tuple[int, ...], ...]] = field(default_factory=dict, repr=False)

    @property
    def shown(self) -> str:
        if self.kind == "user":
            role = self.fields.get("role")
            return f"{self.key} ({role})" if role else self.key
        if self.kind == "group":
            return f"group {self.key}"
        return "every workspace member" if self.kind == "workspace" else "the public web"


@dataclass(frozen=True, eq=False)
class Subject:
    """The object of a grant (a project); ``fields`` as an expression sees ``object``;
    ``memo`` as :attr:`Principal.memo`."""

    id: str
    title: str
    fields: Mapping[str, Any]
    memo: dict[int, tuple[tuple[int, ...], ...]] = field(default_factory=dict, repr=False)


class GrantView(NamedTuple):
    """One principal's effective access to one object, and the paths that give it."""

    principal: Principal
    object: Subject
    level: Access
    via: tuple[str, ...]


def path_text(path: Path) -> str:
    """A path as a policy sees it: ``group Contractors → collection Finance``."""
    if path.source == "collection":
        if path.reach == "group":
            return f"group {path.group} → collection {path.collection}"
        if path.reach == "workspace":
            return f"workspace → collection {path.collection}"
        return f"collection {path.collection}"
    return path.label


def _principal(kind: str, key: str, fields: Mapping[str, Any] | None = None) -> Principal:
    base = {
        "kind": kind,
        "email": "",
        "name": key,
        "role": "",
        "groups": (),
        "active": True,
        "last_login": None,
    }
    return Principal(kind, key, {**base, **(fields or {})})


def _timestamp(text: str | None) -> dt.datetime | None:
    """A timestamp as Hex writes it (UTC when it names no zone); None when there is none."""
    return parse_timestamp(text) if text else None


def grants(
    engine: AccessEngine, classes: Mapping[str, tuple[TablePattern, ...]] | None = None
) -> Iterator[GrantView]:
    """Every grant of the engine's workspace, project by project (by title); ``classes``: the
    manifests' data classes, which ``object.classes`` names from the tables read."""
    live = engine.live
    view = DataView(classes or {}, live.data)
    member_of: dict[str, list[str]] = {}
    for name in sorted(live.groups):
        for email in live.groups[name].members or ():
            member_of.setdefault(email, []).append(name)
    people: dict[str, Principal] = {}
    for email, user in engine.users.items():
        people[email] = _principal(
            "user",
            email,
            {
                "email": email,
                "name": user.name or "",
                "role": user.role or "",
                "groups": tuple(member_of.get(email, ())),
                "last_login": _timestamp(user.last_login),
            },
        )
    everyone = _principal("workspace", "workspace")  # one per listing: its memo goes with it
    public = _principal("public", "public web")
    roles = {email: user.role for email, user in engine.users.items()}
    # The engine hands out one tuple per distinct set of paths: its text is made once per
    # tuple, looked up by identity (hashing a tuple of paths costs more). The entry keeps the
    # tuple alive, so no other object can take its id meanwhile.
    vias: dict[int, tuple[tuple[Path, ...], tuple[str, ...]]] = {}

    def via(paths: tuple[Path, ...]) -> tuple[str, ...]:
        found = vias.get(id(paths))
        if found is None:
            found = vias[id(paths)] = (paths, tuple(path_text(p) for p in paths))
        return found[1]

    for pa in engine.all():
        p = pa.project
        subject = Subject(
            p.id,
            p.title,
            {
                "kind": "project",
                "id": p.id,
                "title": p.title,
                "name": p.title,
                "status": p.status or "",
                "collections": tuple(sorted(p.sharing.collections)),
                "owner": p.owner or "",
                "creator": p.creator or "",
                "classes": tuple(view.classes_of(p.id)) if classes else (),
            },
        )
        for email in pa.named:
            decided = engine._decision(pa, email, roles[email])  # Grant, without the object
            if decided is not None:
                yield GrantView(people[email], subject, decided[0], via(decided[1]))
        reach: dict[str, list[Path]] = {}
        for group, text in p.sharing.groups.items():
            level = level_of(text)
            if level is not Access.NONE:
                reach.setdefault(group, []).append(Path("group", level, group=group))
        for coll, text in p.sharing.collections.items():
            level = level_of(text)
            shared = live.collections.get(coll)
            if level is Access.NONE or shared is None:
                continue
            for group, coll_level in shared.sharing.groups.items():
                granted = collection_grant(level, coll_level)
                reach.setdefault(group, []).append(
                    Path("collection", granted, group, coll, "group")
                )
        for group in sorted(reach):
            paths = tuple(sorted(set(reach[group]), key=lambda x: (-x.granted.rank, x.label)))
            team = _principal("group", group, {"groups": (group,)})
            yield GrantView(team, subject, highest(x.granted for x in paths), via(paths))
        if pa.wide:
            yield GrantView(everyone, subject, highest(x.granted for x in pa.wide), via(pa.wide))
        if pa.public_web is not Access.NONE:
            yield GrantView(public, subject, pa.public_web, ("public web",))


# ------------------------------------------------------------------------------- evaluation


def _value(grant: GrantView, name: str, member: str | None, now: dt.datetime) -> Any:
    """What ``name`` (and ``member`` of it) is on ``grant``, as a message shows it."""
    if name in ("principal", "object"):
        fields = grant.principal.fields if name == "principal" else grant.object.fields
        return fields if member is None else fields[member]
    if name == "level":
        return grant.level.value
    if name == "rank":
        return grant.level.rank
    if name == "via":
        return grant.via
    return now


def _cel(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


_SLOTS = itertools.count()


class _Decided:
    """One expression, decided once per distinct input: the fields of the principal and of the
    object it reads (numbered once per principal and per object), and the level and paths when
    it reads them."""

    def __init__(self, expression: Expression, now: dt.datetime) -> None:
        self.expression = expression
        self.now = now
        reads = expression.reads
        self.principal = _fields("principal", reads)
        self.object = _fields("object", reads)
        self.level = ("level", None) in reads or ("rank", None) in reads
        self.via = ("via", None) in reads
        self.now_read = ("now", None) in reads
        self.parts: dict[tuple[bool, tuple[Any, ...]], int] = {}
        self.answers: dict[tuple[Any, ...], bool | str] = {}

    def part(self, holder: Principal | Subject) -> int:
        """The number of what ``holder`` gives this expression (equal fields, equal numbers)."""
        is_principal = isinstance(holder, Principal)
        fields = self.principal if is_principal else self.object
        key = (is_principal, tuple(holder.fields[f] for f in fields))
        found = self.parts.get(key)
        if found is None:
            found = self.parts[key] = len(self.parts)
        return found

    def run(self, grant: GrantView) -> bool | str:
        """True or False on ``grant``, or why it could not be decided (no cache)."""
        try:
            result = self.expression.run(self._activation(grant))
        except Exception as exc:  # whatever the engine raises is the answer
            return reason(exc)
        return result if isinstance(result, bool) else f"it gave {result!r}"

    def decider(self) -> Callable[[int, int, int, tuple[str, ...], GrantView], bool | str]:
        """``decide(who, what, rank, via, grant)``: the answer on ``grant``, whose principal
        and object give :meth:`part` ``who`` and ``what``; run once per distinct key. (A
        closure over locals: this runs millions of times.)"""
        answers = self.answers
        get = answers.get
        run = self.run
        level, via_read = self.level, self.via

        def decide(who: int, what: int, rank: int, via: tuple[str, ...], grant: GrantView) -> Any:
            key = (who, what, rank if level else None, via if via_read else None)
            found = get(key)
            if found is None:
                found = answers[key] = run(grant)
            return found

        return decide

    def _activation(self, grant: GrantView) -> dict[str, Any]:
        """The values the expression reads, in the shape CEL reads them (only those:
        converting the rest into CEL values would cost more than the evaluation)."""
        out: dict[str, Any] = {}
        if self.principal:
            out["principal"] = {f: _cel(grant.principal.fields[f]) for f in self.principal}
        if self.object:
            out["object"] = {f: _cel(grant.object.fields[f]) for f in self.object}
        if self.level:
            out["level"] = grant.level.value
            out["rank"] = grant.level.rank
        if self.via:
            out["via"] = list(grant.via)
        if self.now_read:
            out["now"] = self.now
        return out


def _fields(name: str, reads: frozenset[tuple[str, str | None]]) -> tuple[str, ...]:
    """The fields of ``name`` an expression reads, in the grant's order (all when it reads
    the whole value)."""
    known = FIELDS[name] or ()
    if (name, None) in reads:
        return known
    return tuple(f for f in known if (name, f) in reads)


@dataclass(frozen=True)
class Violation:
    """A grant a policy denies. ``error``: the policy could not be decided on it (counted as a
    violation: a policy that cannot say no must not say yes)."""

    policy: AccessPolicy
    grant: GrantView
    text: str = ""
    error: str | None = None

    @property
    def key(self) -> tuple[str, str, str, str]:
        p = self.grant.principal
        return (self.policy.name, p.kind, p.key, self.grant.object.id)

    @property
    def order(self) -> tuple[str, str, int, str]:
        g = self.grant
        return (g.object.title, g.object.id, _KINDS.get(g.principal.kind, 9), g.principal.key)

    def line(self, outcome: str) -> str:
        """``policy 'x': erin@acme.com (GUEST) has CAN_EDIT on 'Payroll' via group
        Contractors → collection Finance (introduced by this plan): the message``."""
        g = self.grant
        via = ", ".join(g.via) or "no path"
        out = (
            f"policy '{self.policy.name}': {g.principal.shown} has {g.level.value} on "
            f"'{g.object.title}' via {via} ({outcome})"
        )
        if self.error is not None:
            out += f"; could not be decided ({self.error}), so counted as a violation"
        return f"{out}: {self.text}" if self.text else out


class Evaluator:
    """The policies compiled once; :meth:`violations` of one grant."""

    def __init__(
        self,
        policies: Sequence[AccessPolicy],
        *,
        now: dt.datetime,
        engine: str | None = None,
    ) -> None:
        self.now = now
        self.policies = tuple(policies)
        self._deny = [_Decided(compile_expression(p.deny, engine), now) for p in self.policies]
        self._unless = [
            _Decided(compile_expression(p.unless, engine), now) if p.unless else None
            for p in self.policies
        ]
        self._decide = [
            (i, p, self._deny[i].decider(), u.decider() if (u := self._unless[i]) else None)
            for i, p in enumerate(self.policies)
        ]
        self._slot = next(_SLOTS)

    def _parts(self, holder: Principal | Subject) -> tuple[tuple[int, ...], ...]:
        """Per policy, :meth:`_Decided.part` of ``holder`` for its deny and its except: once
        per principal and per object, kept on them."""
        found = holder.memo.get(self._slot)
        if found is None:
            found = holder.memo[self._slot] = tuple(
                (deny.part(holder), *(u.part(holder) for u in (self._unless[i],) if u is not None))
                for i, deny in enumerate(self._deny)
            )
        return found

    def violations(self, grant: GrantView) -> list[Violation]:
        out: list[Violation] = []
        who = self._parts(grant.principal)
        what = self._parts(grant.object)
        rank = grant.level.rank
        via = grant.via
        for i, policy, deny, unless in self._decide:
            denied = deny(who[i][0], what[i][0], rank, via, grant)
            if denied is False:
                continue
            error = None if denied is True else str(denied)
            if error is None and unless is not None:
                allowed = unless(who[i][1], what[i][1], rank, via, grant)
                if allowed is True:
                    continue
                if allowed is not False:
                    error = f"except: {allowed}"
            text = ""
            if policy.message:
                text = render_message(policy.message, lambda n, m: _value(grant, n, m, self.now))
            out.append(Violation(policy, grant, text, error))
        return out


@contextlib.contextmanager
def _paused_gc() -> Iterator[None]:
    """No cyclic collection while a million grants are made and dropped: they hold no cycle,
    and each full collection would walk every one of them (a third of the time at scale)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def evaluate(
    evaluator: Evaluator,
    live: Live,
    classes: Mapping[str, tuple[TablePattern, ...]] | None = None,
) -> list[Violation]:
    """Every violation in ``live``, ordered by policy, object and principal."""
    with _paused_gc():
        found = [v for g in grants(AccessEngine(live), classes) for v in evaluator.violations(g)]
    rank = {p.name: i for i, p in enumerate(evaluator.policies)}
    return sorted(found, key=lambda v: (rank[v.policy.name], v.order))


# ------------------------------------------------------------------------------- the plan

_HINT = (
    "change the manifests (or Hex) so that no path gives this access, or narrow the policy"
    " with except:"
)


def _listed(items: Sequence[tuple[Violation, str]], name: str) -> list[str]:
    lines = [v.line(outcome) for v, outcome in items[:SHOWN]]
    more = len(items) - SHOWN
    if more > 0:
        counts: dict[str, int] = {}
        for _, outcome in items:
            counts[outcome] = counts.get(outcome, 0) + 1
        detail = ", ".join(f"{n} {o.split(' ')[0]}" for o, n in counts.items())
        lines.append(f"policy '{name}': {more} more not listed ({len(items)} in all: {detail})")
    return lines


def check_policies(
    policies: Sequence[AccessPolicy],
    live: Live,
    changes: Iterable[Change],
    *,
    now: dt.datetime,
    engine: str | None = None,
    classes: Mapping[str, tuple[TablePattern, ...]] | None = None,
) -> tuple[tuple[Refusal, ...], tuple[PlanWarning, ...]]:
    """The policies judged on the workspace as ``changes`` leave it, against the workspace as
    it is: a ``refuse`` policy still violated after the plan refuses it (one refusal per
    violation, at most :data:`SHOWN` per policy and outcome, then a count); a ``warn`` policy
    warns; violations the plan removes are said as ``policy_fixed`` warnings."""
    if not policies:
        return (), ()
    evaluator = Evaluator(policies, now=now, engine=engine)
    after_live = projection.project(live, changes)
    before = evaluate(evaluator, live, classes)
    after = evaluate(evaluator, after_live, classes)
    was = {v.key for v in before}
    stays = {v.key for v in after}
    refusals: list[Refusal] = []
    warnings: list[PlanWarning] = []
    for policy in evaluator.policies:
        now_true = [
            (v, "kept by this plan" if v.key in was else "introduced by this plan")
            for v in after
            if v.policy is policy
        ]
        now_true.sort(key=lambda item: item[1] != "introduced by this plan")
        fixed = [(v, "fixed by this plan") for v in before if v.policy is policy]
        fixed = [item for item in fixed if item[0].key not in stays]
        for line in _listed(now_true, policy.name):
            if policy.severity == "refuse":
                refusals.append(Refusal("policy", line, _HINT, policy.mark))
            else:
                warnings.append(PlanWarning("policy", line, policy.mark))
        warnings.extend(
            PlanWarning("policy_fixed", line, policy.mark) for line in _listed(fixed, policy.name)
        )
    return tuple(refusals), tuple(warnings)


# ------------------------------------------------------------------------------- tests as data


def grant_from_data(data: Mapping[str, Any]) -> GrantView:
    """A grant written in a ``policies_test.yaml`` (``principal``, ``object``, ``level``,
    ``via``); what it leaves out is empty, a user at CAN_VIEW. ValueError names a field a
    grant does not have, or a level Hex does not have."""
    unknown = set(data) - {"principal", "object", "level", "via"}
    if unknown:
        raise ValueError(f"a grant has no {', '.join(sorted(unknown))}")
    who = dict(data.get("principal") or {})
    what = dict(data.get("object") or {})
    for name, written in (("principal", who), ("object", what)):
        known = FIELDS[name] or ()
        wrong = sorted(set(written) - set(known))
        if wrong:
            raise ValueError(f"{name} has no {', '.join(wrong)} (its fields: {', '.join(known)})")
    kind = str(who.get("kind", "user"))
    if kind not in _KINDS:
        raise ValueError(f"principal.kind {kind!r}: one of {', '.join(_KINDS)}")
    key = str(who.get("email") or who.get("name") or kind)
    given = {k: tuple(v) if isinstance(v, list) else v for k, v in who.items()}
    if given.get("last_login") is not None:
        given["last_login"] = _timestamp(str(given["last_login"]))
    principal = _principal(kind, key, given)
    title = str(what.get("title") or what.get("name") or "a project")
    fields: dict[str, Any] = {
        "kind": "project",
        "id": title,
        "title": title,
        "name": title,
        "status": "",
        "collections": (),
        "owner": "",
        "creator": "",
        "classes": (),
    }
    fields.update({k: tuple(v) if isinstance(v, list) else v for k, v in what.items()})
    text = str(data.get("level", "CAN_VIEW"))
    level = Access.__members__.get(text)
    if level is None:
        raise ValueError(f"no level {text!r}: one of {', '.join(a.value for a in Access)}")
    subject = Subject(str(fields["id"]), title, fields)
    return GrantView(principal, subject, level, tuple(data.get("via") or ()))
