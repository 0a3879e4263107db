"""Users rules: a policy over the workspace's active users (docs/rules.md, "Users rules").

A rule with ``users: {active: false}`` matches active users on what the user listing returns
(``last_login``: Hex's ``lastLoginDate``, ``role``, ``email``) and deactivates them. It is
``enforce: check`` unless it says otherwise: each user it matches then refuses the plan (exit 3)
until someone deactivates them (an ``active: false`` entry) or the rule is set to apply;
``enforce: warn`` lists them in a warning and refuses nothing.

Never matched: a user the manifests list under ``users`` (the entry decides), a protected one
(``policy.protect.users``, said in a warning), the token's own user, and one the plan already
deactivates. The deactivations are ordinary plan changes: ``max_destroy`` counts them and apply
carries them out last.

Pure: no I/O, and ``now`` is an argument.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from hexsync.values.desired import Desired, Enforce, Match, Rule, parse_duration, parse_timestamp
from hexsync.values.kinds import Kind
from hexsync.values.live import Live, LiveUser
from hexsync.values.plan import Action, Change, PlanWarning, Refusal

__all__ = ["UserRules", "evaluate", "last_login_text", "matched_users", "user_matcher"]

UserPredicate = Callable[[LiveUser], bool]
_SHOWN = 10


def user_matcher(match: Match, now: dt.datetime) -> UserPredicate:
    """``match`` as a predicate over active users."""
    op, values = match.op, match.values
    if op in ("all_of", "any_of"):
        parts = [user_matcher(c, now) for c in match.children]
        combine = all if op == "all_of" else any
        return lambda u: combine(part(u) for part in parts)
    if op == "not":
        inner = user_matcher(match.children[0], now)
        return lambda u: not inner(u)
    if op == "all":
        return lambda _u: True
    if op == "role":
        roles = frozenset(v for v in values if v is not None)
        return lambda u: (u.role or "") in roles
    if op == "email":
        emails = frozenset(values)
        return lambda u: u.email in emails
    if op == "last_login":
        bounds = dict(zip(values[::2], values[1::2], strict=True))
        return _login(bounds, now)
    raise ValueError(f"{op!r} is not a condition on users")


def _login(bounds: Mapping[str | None, str | None], now: dt.datetime) -> UserPredicate:
    def limit(word: str) -> dt.datetime | None:
        text = bounds.get(word)
        span = parse_duration(str(text)) if text is not None else None
        return None if span is None else now - span

    older, newer = limit("older_than"), limit("newer_than")

    def check(u: LiveUser) -> bool:
        seen = parse_timestamp(u.last_login) if u.last_login else None
        if seen is None:  # never signed in: as long ago as it gets
            return newer is None
        return (older is None or seen < older) and (newer is None or seen >= newer)

    return check


def matched_users(rule: Rule, users: Iterable[LiveUser], now: dt.datetime) -> list[LiveUser]:
    """The users ``rule`` matches (and its ``except`` does not), by email."""
    base = user_matcher(rule.match, now)
    exclude = user_matcher(rule.exclude, now) if rule.exclude is not None else None
    found = [u for u in users if base(u) and (exclude is None or not exclude(u))]
    return sorted(found, key=lambda u: u.email)


def last_login_text(user: LiveUser, now: dt.datetime) -> str:
    """``last signed in 2025-11-01 (212 days ago)``, or ``never signed in``."""
    seen = parse_timestamp(user.last_login) if user.last_login else None
    if seen is None:
        return "never signed in"
    days = (now - seen).days
    return f"last signed in {seen:%Y-%m-%d}, {days} day{'s' if days != 1 else ''} ago"


@dataclass(frozen=True)
class UserRules:
    """What the users rules make of the workspace: deactivations (apply), refusals (check),
    warnings, and how many active users each rule matched."""

    changes: tuple[Change, ...] = ()
    refusals: tuple[Refusal, ...] = ()
    warnings: tuple[PlanWarning, ...] = ()
    matched: Mapping[str, int] = field(default_factory=dict)


def evaluate(
    desired: Desired, live: Live, planned: Sequence[Change], *, now: dt.datetime
) -> UserRules:
    """The users rules of ``desired`` over ``live``'s active users (see the module docstring);
    ``planned`` are the plan's other changes (a user they deactivate is not matched again)."""
    rules = [r for r in desired.rules if r.for_users]
    if not rules:
        return UserRules()
    listed = {u.email for u in desired.users}
    protected = desired.policy.protect_users
    gone = {c.name for c in planned if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    changes: dict[str, Change] = {}
    refusals: list[Refusal] = []
    warnings: list[PlanWarning] = []
    matched: dict[str, int] = {}
    for rule in rules:
        found = matched_users(rule, live.users.values(), now)
        matched[rule.name] = len(found)
        violations = []
        for user in found:
            if user.email in listed or user.email in gone:
                continue
            why = last_login_text(user, now)
            if user.email in protected or user.email == live.me_email:
                reason = (
                    "protected by policy.protect.users"
                    if user.email in protected
                    else "the token's own user"
                )
                warnings.append(
                    PlanWarning(
                        "rule_protected",
                        f"rule '{rule.name}' matches {user.email} ({why}), {reason}: left active",
                        rule.mark,
                    )
                )
                continue
            if rule.enforce is not Enforce.APPLY:
                violations.append(f"{user.email} ({why})")
            elif user.email not in changes:
                changes[user.email] = Change(
                    Kind.USER,
                    Action.DEACTIVATE,
                    user.email,
                    user.id,
                    note=f"rule '{rule.name}': {why}",
                )
        if violations:
            shown = "; ".join(violations[:_SHOWN])
            more = len(violations) - _SHOWN
            tail = f"; and {more} more" if more > 0 else ""
            count = len(violations)
            if rule.enforce is Enforce.WARN:  # advisory: said, nothing refused or changed
                warnings.append(
                    PlanWarning(
                        "rule_warn",
                        f"rule '{rule.name}' (enforce: warn) is violated {count}"
                        f" time{'s' if count != 1 else ''}: {shown}{tail}",
                        rule.mark,
                    )
                )
                continue
            refusals.append(
                Refusal(
                    "rule_check",
                    f"rule '{rule.name}' (enforce: check) is violated {count}"
                    f" time{'s' if count != 1 else ''}: {shown}{tail}",
                    "deactivate them (an 'active: false' entry under users, or 'enforce: apply'"
                    " on the rule), or change the rule; a check rule never changes anything"
                    " itself",
                    rule.mark,
                )
            )
    return UserRules(
        tuple(changes[e] for e in sorted(changes)), tuple(refusals), tuple(warnings), matched
    )
