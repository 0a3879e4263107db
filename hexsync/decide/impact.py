"""Access impact: who gains and who loses access, per principal, across projects.

Pure. The people's lines come from the access engine (:mod:`hexsync.decide.access_engine`) run
twice: over the
workspace as read and over the workspace as the plan leaves it
(:func:`hexsync.decide.projection.project`).
A person's line is their *effective* change on a project, whichever path caused it (owner, direct,
group, collection, workspace), with the path that decides: "dave@acme.com loses CAN_VIEW on
"Revenue" (via group Analysts)" means dave has no access left there. A grant that changes under a
higher one is "no effective change", listed with the path that keeps the person's level.

What reaches every workspace member (the workspace share, a collection shared with the workspace)
is one line on ``workspace members`` per project, with how many people's access really changes and
how many keep a higher level, rather than a line per member. The grant-level lines of groups,
collections and the public web say what the plan changes on those principals.

A group whose members the plan did not read (one the manifests do not declare members for)
reaches nobody in the people's lines: its own line says what changes; ``hexsync access
--as-planned`` reads every shared group's members for the exact answer.
"""

from __future__ import annotations

from collections.abc import Iterable

from hexsync.decide import projection
from hexsync.decide.access_engine import AccessEngine, Grant, ProjectAccess
from hexsync.values.desired import Access
from hexsync.values.hex_access import capped, reaches_workspace
from hexsync.values.kinds import Kind
from hexsync.values.live import Live
from hexsync.values.plan import AccessImpact, Action, Change, ImpactItem, PlanWarning, access_rank

__all__ = ["access_impact", "affected_projects", "assess", "deactivation_warnings"]

# project sharing path → principal kind, and the fixed name of a principal without a key
_GRANT_PRINCIPALS = {
    "sharing.groups": ("group", None),
    "sharing.collections": ("collection", None),
    "sharing.public_web": ("public_web", "public web"),
}
_KIND_ORDER = {"workspace": 0, "public_web": 1, "group": 2, "collection": 3, "user": 4}
WORKSPACE = "workspace members"
_OWNED_SHOWN = 5


class _Tally:
    def __init__(self) -> None:
        self.gains: dict[tuple[str, str], list[ImpactItem]] = {}
        self.losses: dict[tuple[str, str], list[ImpactItem]] = {}
        self.same: dict[tuple[str, str], list[ImpactItem]] = {}

    def add(self, kind: str, principal: str, item: ImpactItem) -> None:
        key = (kind, principal)
        if access_rank(item.new) > access_rank(item.old):
            self.gains.setdefault(key, []).append(item)
        elif access_rank(item.new) < access_rank(item.old):
            self.losses.setdefault(key, []).append(item)
        else:
            self.same.setdefault(key, []).append(item)

    def result(self) -> tuple[AccessImpact, ...]:
        keys = sorted(
            set(self.gains) | set(self.losses) | set(self.same),
            key=lambda k: (_KIND_ORDER[k[0]], k[1]),
        )

        def order(items: Iterable[ImpactItem]) -> tuple[ImpactItem, ...]:
            return tuple(sorted(items, key=lambda i: (i.project, i.via or "", i.old or "")))

        return tuple(
            AccessImpact(
                principal,
                kind,
                order(self.gains.get((kind, principal), ())),
                order(self.losses.get((kind, principal), ())),
                order(self.same.get((kind, principal), ())),
            )
            for kind, principal in keys
        )


def _level(grant: Grant | None) -> str | None:
    return grant.level.value if grant is not None else None


def _moves_access(change: Change) -> bool:
    """Whether a change can move anyone's access: sharing, membership, a group's deletion (a
    status, a description or a rename cannot)."""
    if change.kind is Kind.GROUP:
        return change.action is Action.DELETE or bool(change.fields_at("members"))
    return any(f.path.startswith("sharing.") for f in change.fields)


def _scope(changes: tuple[Change, ...], before: Live, after: Live) -> list[str]:
    """Project ids whose access the plan can change: those whose sharing it edits, and those
    shared with a group or collection whose members or sharing it edits (before or after)."""
    moving = [c for c in changes if _moves_access(c)]
    ids = {c.id or f"planned:{c.name}" for c in moving if c.kind is Kind.PROJECT}
    groups = {c.name for c in moving if c.kind is Kind.GROUP}
    colls = {c.name for c in moving if c.kind is Kind.COLLECTION}
    for live in (before, after):
        for coll in live.collections.values():
            if coll.sharing.groups.keys() & groups:
                colls.add(coll.name)
        for p in live.projects.values():
            if p.sharing.groups.keys() & groups or p.sharing.collections.keys() & colls:
                ids.add(p.id)
    return sorted(i for i in ids if i in before.projects or i in after.projects)


def affected_projects(changes: Iterable[Change], before: Live, after: Live) -> list[str]:
    """Ids of the projects whose access ``changes`` can move (see ``_scope``): drift weighs the
    same projects the plan's impact does."""
    return _scope(tuple(changes), before, after)


class _Wide:
    """Workspace members whose only paths to a project are the wide ones, counted by role class
    (capped or not) instead of one by one."""

    def __init__(self, engine: AccessEngine, skip: set[str]) -> None:
        self.classes: dict[str | None, int] = {}
        for email, user in engine.users.items():
            if email in skip or not reaches_workspace(user.role):
                continue
            role = "MEMBER" if capped(user.role, Access.FULL_ACCESS) < Access.FULL_ACCESS else None
            self.classes[role] = self.classes.get(role, 0) + 1


def _kept(role: str | None, level: Access, old: Access, new: Access) -> str:
    """Why a member's level stays as it is while the workspace-wide level moves ``old`` →
    ``new``: ``capped`` (a Viewer: the cap makes both the same), ``higher`` (another path gives
    them more than either), ``same`` (another path gives them the very level: for a gain, they
    already had it; for a loss, they keep it)."""
    if old == new:  # the wide paths moved, not their level: nobody's changes
        return "same"
    c_old, c_new = capped(role, old), capped(role, new)
    if c_old == c_new and level <= c_new:
        return "capped"
    return "higher" if level > max(c_old, c_new) else "same"


def _wide_level(pa: ProjectAccess | None, role: str | None) -> Access:
    if pa is None or not pa.wide:
        return Access.NONE
    return max(capped(role, p.granted) for p in pa.wide)


def access_impact(changes: Iterable[Change], live: Live) -> tuple[AccessImpact, ...]:
    """Gains, losses and unchanged grants per principal, for everything the plan changes."""
    return assess(changes, live)[0]


def assess(
    changes: Iterable[Change], live: Live
) -> tuple[tuple[AccessImpact, ...], tuple[PlanWarning, ...]]:
    """The access impact and what a reviewer must know about it: the projects whose people's
    lines leave out groups whose members were not read, and the owners a plan deactivates.

    Only the projects the plan can affect are evaluated (plus every project of a deactivated
    user); people reached only through the workspace are counted by role class, never one by
    one, so the cost stays linear in the plan and the sharing it touches.
    """
    changes = tuple(changes)
    if not changes:
        return (), ()
    tally = _Tally()
    after_live = projection.project(live, changes)
    before, after = AccessEngine(live), AccessEngine(after_live)
    gone = {e for e in live.users if e not in after_live.users}

    for change in changes:
        if change.kind is not Kind.PROJECT:
            continue
        for f in change.fields:
            spec = _GRANT_PRINCIPALS.get(f.path)
            if spec is not None:
                kind, fixed = spec
                tally.add(kind, fixed or f.key or "", ImpactItem(change.name, f.old, f.new))

    for change in changes:
        # A group the token could not read the members of still takes its grants away: say so
        # on the group, since no person's line can.
        if change.kind is Kind.GROUP and change.action is Action.DELETE:
            found = live.groups.get(change.name)
            if found is not None and found.members is None:
                for p in live.projects.values():
                    level = p.sharing.groups.get(change.name)
                    if level is not None:
                        tally.add("group", change.name, ImpactItem(p.title, level, None))
    for email in sorted(gone):
        for g in before.of_user(email):
            title = live.projects[g.project_id].title
            tally.add("user", email, ImpactItem(title, g.level.value, None, g.deciding.via))

    wide = _Wide(before, gone)
    partial: dict[str, set[str]] = {}  # unread group → titles of the projects it reaches
    for pid in _scope(changes, live, after_live):
        pa_b = before.project(pid) if pid in live.projects else None
        pa_a = after.project(pid) if pid in after_live.projects else None
        title = (pa_a or pa_b).project.title  # type: ignore[union-attr]
        named = set(pa_b.named if pa_b else ()) | set(pa_a.named if pa_a else ())
        named -= gone
        people = 0
        kept = {"higher": 0, "same": 0, "capped": 0}  # why an unaffected member's level stays
        old_wide = max((p.granted for p in (pa_b.wide if pa_b else ())), default=Access.NONE)
        new_wide = max((p.granted for p in (pa_a.wide if pa_a else ())), default=Access.NONE)
        unread = before.unread_on(pid) | after.unread_on(pid)
        for group in unread:
            partial.setdefault(group, set()).add(title)
        for email in sorted(named):
            g_b = before.grant(pa_b, email) if pa_b else None
            g_a = after.grant(pa_a, email) if pa_a else None
            if g_b == g_a:
                continue
            own_b = pa_b.named.get(email, ()) if pa_b else ()
            own_a = pa_a.named.get(email, ()) if pa_a else ()
            if set(own_b) == set(own_a):
                # Only the wide paths moved: counted on the workspace line.
                if _level(g_b) != _level(g_a):
                    people += 1
                elif g_b is not None:
                    kept[_kept(g_b.role, g_b.level, old_wide, new_wide)] += 1
                continue
            tally.add("user", email, ImpactItem(title, _level(g_b), _level(g_a), _via(g_b, g_a)))
        wide_b = pa_b.wide if pa_b else ()
        wide_a = pa_a.wide if pa_a else ()
        if wide_b == wide_a:
            continue
        listed = {e for e in named if e in before.users}
        for role, count in wide.classes.items():
            # Members of this class named on the project were handled one by one above.
            rest = count - sum(
                1
                for e in listed
                if reaches_workspace(before.users[e].role)
                and (capped(before.users[e].role, Access.FULL_ACCESS) < Access.FULL_ACCESS)
                == (role is not None)
            )
            if _wide_level(pa_b, role) != _wide_level(pa_a, role):
                people += rest
            else:
                kept["capped"] += rest  # the same level both ways: only a Viewer's cap does that
        old = max((p.granted for p in wide_b), default=Access.NONE)
        new = max((p.granted for p in wide_a), default=Access.NONE)
        decides_paths = wide_b if new < old else wide_a
        via = decides_paths[0].via if decides_paths and decides_paths[0].reach else None
        tally.add(
            "workspace",
            WORKSPACE,
            ImpactItem(
                title,
                old.value if old is not Access.NONE else None,
                new.value if new is not Access.NONE else None,
                via,
                None if unread else people,  # counts that leave some people out: none at all
                None if unread else sum(kept.values()),
                None if unread else kept["higher"],
                None if unread else kept["same"],
                None if unread else kept["capped"],
            ),
        )
    return tally.result(), _unread_warnings(partial) + deactivation_warnings(changes, live)


def _unread_warnings(partial: dict[str, set[str]]) -> tuple[PlanWarning, ...]:
    if not partial:
        return ()
    groups = ", ".join(f"'{g}'" for g in sorted(partial))
    titles = sorted(set().union(*partial.values()))
    shown = ", ".join(f'"{t}"' for t in titles[:_OWNED_SHOWN])
    if len(titles) > _OWNED_SHOWN:
        shown += f" and {len(titles) - _OWNED_SHOWN} more"
    return (
        PlanWarning(
            "impact_partial",
            f"access changes on {shown} leave out the members of {groups} (not read: the"
            " manifests do not declare them); the exact answer: `hexsync access project"
            " PROJECT --as-planned MANIFESTS`",
        ),
    )


def _via(before: Grant | None, after: Grant | None) -> str | None:
    """The path to name on a person's line: for a loss the path that gave the old level, for a
    gain the one that gives the new level; with no effective change, the path that keeps them
    at their level (one they had before and still have), else the one that now decides."""
    if after is None or (before is not None and after.level < before.level):
        return before.deciding.via if before is not None else None
    if before is not None and after.level == before.level:
        kept = set(before.paths)
        for path in after.paths:  # highest first
            if path in kept and capped(after.role, path.granted) == after.level:
                return path.via
    return after.deciding.via


def deactivation_warnings(changes: Iterable[Change], live: Live) -> tuple[PlanWarning, ...]:
    """What a reviewer must know of deactivations, in every plan, not only the one that
    deactivates (docs/plan.md, "Diff rules"):

    - a warning per user the plan deactivates who owns projects: Hex keeps a deactivated owner,
      so the projects keep an owner nobody can sign in as; transfer them first;
    - a warning per owner who is already not an active user (Hex does not list them) and still
      owns projects: the same, after the fact;
    - one warning when the plan deactivates anyone: a workspace with directory sync (SCIM)
      manages users in its identity provider, which may bring them back.
    """
    out = []
    visible = [p for p in live.projects.values() if not p.hidden]
    leaving = []
    for change in changes:
        if change.kind is not Kind.USER or change.action is not Action.DEACTIVATE:
            continue
        email = change.name.lower()
        leaving.append(email)
        owned = sorted(p.title for p in visible if p.owner == email)
        if owned:
            out.append(
                PlanWarning(
                    "deactivated_owner",
                    f"{email} owns {_owned(owned)}; deactivating them leaves the projects owned"
                    " by a user who cannot sign in: transfer ownership in Hex first",
                    change.mark,
                )
            )
    if live.users:
        gone: dict[str, list[str]] = {}
        for p in visible:
            if p.owner and p.owner not in live.users and p.owner not in leaving:
                gone.setdefault(p.owner, []).append(p.title)
        for email, titles in sorted(gone.items()):
            out.append(
                PlanWarning(
                    "deactivated_owner",
                    f"{email} is not an active user (deactivated) and still owns"
                    f" {_owned(sorted(titles))}: nobody can sign in as their owner; transfer"
                    " ownership in Hex",
                )
            )
    if leaving:
        out.append(
            PlanWarning(
                "directory_sync",
                f"deactivating {', '.join(sorted(leaving))} in Hex does not reach an identity"
                " provider: with directory sync (SCIM), deactivate them there too, or it may"
                " bring them back",
            )
        )
    return tuple(out)


def _owned(titles: list[str]) -> str:
    """``2 projects ("A", "B")``, the first few titles named."""
    shown = ", ".join(f'"{t}"' for t in titles[:_OWNED_SHOWN])
    more = len(titles) - _OWNED_SHOWN
    if more > 0:
        shown += f" and {more} more"
    return f"{len(titles)} project{'' if len(titles) == 1 else 's'} ({shown})"
