"""Access impact: who gains and who loses access, per principal, across projects (SPEC §4).

Pure: computed from the plan's changes and the live sharing. Each path to a project counts on
its own (direct sharing, a group's sharing through membership, workspace members, the public
web): "dave@acme.com loses CAN_VIEW on 12 projects (via group Analysts)" says what this plan takes
away through that group, whether or not dave keeps access some other way.
"""

from __future__ import annotations

from collections.abc import Iterable

from hexsync.live import Live
from hexsync.plan import AccessImpact, Action, Change, ImpactItem, Kind, access_rank

__all__ = ["access_impact"]

# sharing path → (principal kind, how the principal is named when the path has no key)
_PRINCIPALS = {
    "sharing.users": ("user", None),
    "sharing.groups": ("group", None),
    "sharing.collections": ("collection", None),
    "sharing.workspace": ("workspace", "workspace members"),
    "sharing.public_web": ("public_web", "public web"),
}
_KIND_ORDER = {"workspace": 0, "public_web": 1, "group": 2, "collection": 3, "user": 4}


_rank = access_rank


class _Tally:
    def __init__(self) -> None:
        self.gains: dict[tuple[str, str], list[ImpactItem]] = {}
        self.losses: dict[tuple[str, str], list[ImpactItem]] = {}

    def add(self, kind: str, principal: str, item: ImpactItem) -> None:
        if _rank(item.new) > _rank(item.old):
            self.gains.setdefault((kind, principal), []).append(item)
        elif _rank(item.new) < _rank(item.old):
            self.losses.setdefault((kind, principal), []).append(item)

    def result(self) -> tuple[AccessImpact, ...]:
        keys = sorted(set(self.gains) | set(self.losses), key=lambda k: (_KIND_ORDER[k[0]], k[1]))

        def order(items: Iterable[ImpactItem]) -> tuple[ImpactItem, ...]:
            return tuple(sorted(items, key=lambda i: (i.project, i.via or "", i.old or "")))

        return tuple(
            AccessImpact(
                principal,
                kind,
                order(self.gains.get((kind, principal), ())),
                order(self.losses.get((kind, principal), ())),
            )
            for kind, principal in keys
        )


def access_impact(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains and losses per principal, from direct sharing changes and group membership.

    Linear in the live sharing plus the size of the result: the live projects are scanned once,
    never once per change.
    """
    changes = tuple(changes)
    tally = _Tally()
    touched = {c.name for c in changes if c.kind is Kind.GROUP}
    deactivated = {c.name for c in changes if c.kind is Kind.USER and c.action is Action.DEACTIVATE}
    # A group's access per project before the plan, and after the plan's sharing changes:
    # group → project id → (title, level, owner).
    before: dict[str, dict[str, _Share]] = {g: {} for g in touched}
    direct: dict[str, list[tuple[str, str]]] = {u: [] for u in deactivated}
    if touched or deactivated:
        for project in live.projects.values():
            for name, level in project.sharing.groups.items():
                if name in touched:
                    before[name][project.id] = (project.title, level, project.owner)
            for email, level in project.sharing.users.items():
                if email in deactivated:
                    direct[email].append((project.title, level))
    after = {g: dict(v) for g, v in before.items()}
    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        pid = change.id or f"new:{change.name}"
        read = live.projects.get(change.id or "")
        owner = read.owner if read is not None else None
        for f in change.fields:
            spec = _PRINCIPALS.get(f.path)
            if spec is None:
                continue
            kind, fixed = spec
            principal = fixed or f.key or ""
            tally.add(kind, principal, ImpactItem(change.name, f.old, f.new))
            group = f.key if f.path == "sharing.groups" else None
            if group is not None and group in after:
                if f.new is None:
                    after[group].pop(pid, None)
                else:
                    after[group][pid] = (change.name, f.new, owner)
    for change in changes:
        if change.kind is Kind.GROUP:
            _group(change, live, before, after, tally)
    for email in sorted(deactivated):
        for title, level in direct[email]:
            tally.add("user", email, ImpactItem(title, level, None))
    return tally.result()


_Share = tuple[str, str, "str | None"]  # (project title, the group's level, project owner)


def _group(
    change: Change,
    live: Live,
    before: dict[str, dict[str, _Share]],
    after: dict[str, dict[str, _Share]],
    tally: _Tally,
) -> None:
    """Members' gains and losses through the group. A project's owner is left out on their own
    project: they have full access as its owner whatever happens to the group."""
    via = f"group {change.name}"
    if change.action is Action.DELETE:
        group = live.groups.get(change.name)
        members = group.members if group is not None else None
        for title, level, owner in before.get(change.name, {}).values():
            if members is None:
                tally.add("group", change.name, ImpactItem(title, level, None))
            for email in sorted(members or ()):
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
        return
    for f in change.fields_at("members"):
        email = f.key or ""
        if f.new is not None:
            for title, level, owner in after.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, None, level, via))
        else:
            for title, level, owner in before.get(change.name, {}).values():
                if email != owner:
                    tally.add("user", email, ImpactItem(title, level, None, via))
