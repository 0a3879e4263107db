"""Grants that end on their own: ``expires:`` resolved against a time (docs/expiry.md).

``resolve(desired, now)`` runs first, before the rules are compiled and the diff is made. Every
grant written with ``expires:`` (a project's, a collection's or a rule's sharing entry for a
user, group or collection, and a group membership) is, at ``now``:

- still desired, as if it had no ``expires``, and within ``policy.expiry_warning`` of its end a
  notice ``expires_soon`` says "expires in N days";
- or no longer desired: it leaves its map and its key goes to the record's ``expired`` set, so the
  diff removes that grant where Hex still has it (even from an additive dimension), as a change
  marked expired, which ``max_destroy`` counts like any removal; a notice ``expired`` says the line
  can be deleted. An ``enforce: check`` rule's expired grant is simply no longer required.

A grant that ends more than ``policy.max_grant_duration`` after ``now`` is a notice
``max_grant_duration``, which the plan turns into a refusal.

Pure: no I/O, and ``now`` is an argument.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from typing import TypeVar

from hexsync.values.desired import (
    Collection,
    CollectionSharing,
    Desired,
    Expiry,
    FrozenMap,
    Group,
    Mark,
    Policy,
    Project,
    Rule,
    Sharing,
)
from hexsync.values.kinds import Kind

__all__ = ["Notice", "Resolved", "duration_text", "resolve"]

_SHARING_MAPS = ("users", "groups", "collections")
_COLLECTION_MAPS = ("users", "groups")
_DAY = dt.timedelta(days=1)

V = TypeVar("V")


@dataclass(frozen=True)
class Notice:
    """What the plan (and ``validate``) says about one grant with an ``expires:``.

    ``code``: ``expires_soon`` | ``expired`` | ``max_grant_duration``; ``address`` the object it
    belongs to (``project:Revenue overview``, ``group:Analysts``, ``rule:finance``), for
    ``--target``; ``hint`` what to do (for a refusal).
    """

    code: str
    address: str
    message: str
    mark: Mark
    hint: str = ""


@dataclass(frozen=True)
class Resolved:
    """The desired state at ``now`` and what to say about its expiring grants."""

    desired: Desired
    notices: tuple[Notice, ...] = ()


@dataclass(frozen=True)
class _Grant:
    """One grant written with ``expires:``, in words: ``project 'X': sharing.users[a] CAN_EDIT``."""

    address: str
    what: str
    expiry: Expiry
    mark: Mark
    rule: str = ""  # a rule's grant: "apply" or "check", on every project the rule matches


def duration_text(span: dt.timedelta) -> str:
    """A policy duration as a manifest writes it: ``90d``, ``36h``."""
    if span % _DAY == dt.timedelta(0):
        return f"{span // _DAY}d"
    return f"{int(span.total_seconds() // 3600)}h"


def _days_left(expiry: Expiry, now: dt.datetime) -> int:
    """Whole days from today (UTC) to the grant's last day: 0 on the last day itself."""
    return (expiry.last_day - now.astimezone(dt.timezone.utc).date()).days


def _when(expiry: Expiry) -> str:
    return f"last day {expiry.shown}, UTC" if expiry.whole_day else f"at {expiry.shown}"


def _notice(grant: _Grant, now: dt.datetime, policy: Policy) -> Notice | None:
    expiry = grant.expiry
    where = " on every project the rule matches" if grant.rule else ""
    if expiry.expired(now):
        ended = (
            f"its last day was {expiry.shown} (UTC)"
            if expiry.whole_day
            else f"it ended at {expiry.shown}"
        )
        effect = f"no longer granted (the plan removes it{where} where Hex still has it)"
        if grant.rule == "check":
            effect = "no longer required of the projects the rule matches"
        return Notice(
            "expired",
            grant.address,
            f"{grant.what} has expired: {ended}. It is {effect}, and the line can be deleted",
            grant.mark,
        )
    left = _days_left(expiry, now)
    cap = policy.max_grant_duration
    try:
        latest = None if cap is None else (now + cap).astimezone(dt.timezone.utc)
    except OverflowError:  # a cap past the year 9999 caps nothing
        latest = None
    if cap is not None and latest is not None:
        over = expiry.last_day > latest.date() if expiry.whole_day else expiry.at > latest
        if over:
            allowed = latest.date().isoformat() if expiry.whole_day else f"{latest:%Y-%m-%dT%H:%MZ}"
            return Notice(
                "max_grant_duration",
                grant.address,
                f"{grant.what} expires on {expiry.shown},"
                f" {left} day{'' if left == 1 else 's'} from now:"
                f" longer than policy.max_grant_duration ({duration_text(cap)})",
                grant.mark,
                f"grant it for at most {duration_text(cap)} (expires: {allowed} at the latest),"
                " or raise policy.max_grant_duration",
            )
    soon = (
        left * _DAY <= policy.expiry_warning
        if expiry.whole_day
        else (expiry.at - now <= policy.expiry_warning)
    )
    if not soon:
        return None
    when = "today" if left == 0 else f"in {left} day{'s' if left != 1 else ''}"
    return Notice(
        "expires_soon",
        grant.address,
        f"{grant.what} expires {when} ({_when(expiry)}); after that the plan removes it{where}"
        " (a later expires: renews it)",
        grant.mark,
    )


# ---------------------------------------------------------------- the records


def _without(values: Mapping[str, V] | None, dim: str, gone: set[str]) -> FrozenMap[str, V] | None:
    if values is None:
        return None
    return FrozenMap((k, v) for k, v in values.items() if f"{dim}\x00{k}" not in gone)


def _sharing_grants(
    sharing: Sharing | CollectionSharing, address: str, label: str, *, rule: str = ""
) -> Iterator[tuple[str, _Grant]]:
    dims = _SHARING_MAPS if isinstance(sharing, Sharing) else _COLLECTION_MAPS
    for dim in dims:
        entries: Mapping[str, object] | None = getattr(sharing, dim)
        for key, level in (entries or {}).items():
            expiry = sharing.expires.get(f"{dim}\x00{key}")
            if expiry is None:
                continue
            shown = level.value if hasattr(level, "value") else str(level)
            yield (
                f"{dim}\x00{key}",
                _Grant(
                    address,
                    f"{label}: sharing.{dim}[{key}] {shown}",
                    expiry,
                    sharing.mark_of(dim, key),
                    rule,
                ),
            )


class _Resolver:
    def __init__(self, desired: Desired, now: dt.datetime, titles: Mapping[str, str]) -> None:
        self.now = now
        self.policy = desired.policy
        self.titles = titles
        self.notices: list[Notice] = []

    def judge(self, grant: _Grant) -> bool:
        """Note what to say about ``grant``; whether its time is up."""
        notice = _notice(grant, self.now, self.policy)
        if notice is not None:
            self.notices.append(notice)
        return grant.expiry.expired(self.now)

    def project_sharing(
        self, sharing: Sharing, address: str, label: str, *, rule: str = ""
    ) -> Sharing:
        gone = {k for k, g in _sharing_grants(sharing, address, label, rule=rule) if self.judge(g)}
        if not gone:
            return sharing
        return replace(
            sharing,
            users=_without(sharing.users, "users", gone),
            groups=_without(sharing.groups, "groups", gone),
            collections=_without(sharing.collections, "collections", gone),
            expired=sharing.expired if rule == "check" else sharing.expired | gone,
        )

    def project(self, p: Project) -> Project:
        if p.sharing is None or not p.sharing.expires:
            return p
        address = f"{Kind.PROJECT.value}:{p.id or p.title}"
        title = p.title or self.titles.get((p.id or "").lower(), p.key)
        return replace(p, sharing=self.project_sharing(p.sharing, address, f"project '{title}'"))

    def rule(self, r: Rule) -> Rule:
        if r.sharing is None or not r.sharing.expires:
            return r
        sharing = self.project_sharing(
            r.sharing, f"rule:{r.name}", f"rule '{r.name}'", rule=r.enforce.value
        )
        return replace(r, sharing=sharing)

    def collection(self, c: Collection) -> Collection:
        s = c.sharing
        if s is None or not s.expires:
            return c
        address = f"{Kind.COLLECTION.value}:{c.name}"
        label = f"collection '{c.name}'"
        gone = {k for k, g in _sharing_grants(s, address, label) if self.judge(g)}
        if not gone:
            return c
        shared = replace(
            s,
            users=_without(s.users, "users", gone),
            groups=_without(s.groups, "groups", gone),
            expired=s.expired | gone,
        )
        return replace(c, sharing=shared)

    def group(self, g: Group) -> Group:
        if g.members is None or not g.member_expires:
            return g
        address = f"{Kind.GROUP.value}:{g.name}"
        gone = set()
        for email in sorted(g.members):
            expiry = g.member_expires.get(email)
            if expiry is None:
                continue
            mark = g.member_marks.get(email, g.mark)
            if self.judge(_Grant(address, f"group '{g.name}': member {email}", expiry, mark)):
                gone.add(email)
        if not gone:
            return g
        return replace(g, members=g.members - gone, expired_members=g.expired_members | gone)


def resolve(
    desired: Desired, now: dt.datetime, *, titles: Mapping[str, str] | None = None
) -> Resolved:
    """``desired`` as it stands at ``now`` (see the module docstring), and its notices in the
    order of the manifests. ``titles`` (live id → title) names projects declared by id."""
    r = _Resolver(desired, now, titles or {})
    resolved = replace(
        desired,
        collections=tuple(r.collection(c) for c in desired.collections),
        groups=tuple(r.group(g) for g in desired.groups),
        projects=tuple(r.project(p) for p in desired.projects),
        rules=tuple(r.rule(x) for x in desired.rules),
    )
    if not r.notices:
        return Resolved(desired)
    notices = sorted(r.notices, key=lambda n: (n.mark, n.code, n.message))
    return Resolved(resolved, tuple(notices))
