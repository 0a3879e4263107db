"""Hygiene findings: access nobody uses, or that reaches further than it should (docs/access.md,
"Findings").

``findings(engine, now=…, inactive=…, desired=…)`` looks at the workspace the engine answers for
and returns, each once, with its severity and the manifest change that resolves it (and the line
to change, when the manifests given declare it):

- ``public_web`` (high): a project anyone with the link can open;
- ``workspace_edit`` (high): a project every workspace member can edit, through the workspace
  share or a collection shared with the workspace;
- ``guest_can_edit`` (high): a Guest (not a workspace member) with edit rights or more;
- ``inactive_user`` (medium): an active user who has not signed in for ``inactive`` (Hex's
  ``lastLoginDate``; never signed in counts), with what they can still open and own;
- ``deactivated_grant`` (medium): a grant to a user who is not active: in Hex's sharing, or in the
  manifests (declared ``active: false``, or not an active user at all);
- ``empty_group`` (low): a group with no members (only groups whose members were read).

Pure: no I/O, and ``now`` is an argument.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from hexsync.decide.access_engine import AccessEngine, Grant
from hexsync.values.desired import Access, Desired, Ensure, Mark, Project, parse_timestamp
from hexsync.values.hex_access import highest, reaches_workspace

__all__ = ["SEVERITIES", "Finding", "findings"]

SEVERITIES = ("high", "medium", "low")
_EDIT = Access.CAN_EDIT


@dataclass(frozen=True)
class Finding:
    """One finding: what (``code``), how bad, about whom or what, and how to resolve it."""

    code: str
    severity: str  # high | medium | low
    subject: str  # an email, 'project "Title"', 'group "Name"'
    message: str
    fix: str  # the manifest change that resolves it
    source: Mark | None = None  # where the manifests write what the fix changes

    @property
    def data(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity,
            "subject": self.subject,
            "message": self.message,
            "fix": self.fix,
            "source": None if self.source is None else str(self.source),
        }


class _Manifests:
    """Where the manifests write the things a fix changes (all optional)."""

    def __init__(self, desired: Desired | None) -> None:
        self.d = desired or Desired()
        self.by_id = {p.id.lower(): p for p in self.d.projects if p.id is not None}
        self.by_title = {p.title: p for p in self.d.projects if p.title is not None}

    def project(self, pid: str, title: str) -> Project | None:
        return self.by_id.get(pid) or self.by_title.get(title)

    def sharing_mark(self, pid: str, title: str, dim: str, key: str = "") -> Mark | None:
        p = self.project(pid, title)
        if p is None:
            return None
        if p.sharing is None:
            return p.mark
        return p.sharing.marks.get(f"{dim}\x00{key}", p.sharing.mark)

    def member_mark(self, group: str, email: str) -> Mark | None:
        g = self.d.group(group)
        return None if g is None else g.member_marks.get(email, g.mark)

    def user_mark(self, email: str) -> Mark | None:
        u = self.d.user(email)
        return None if u is None else u.mark


def _q(name: str) -> str:
    return f'"{name}"'


def _last_login(seen: dt.datetime | None, now: dt.datetime) -> str:
    if seen is None:
        return "has never signed in"
    return f"has not signed in since {seen:%Y-%m-%d} ({(now - seen).days} days)"


def _inactive_users(
    engine: AccessEngine, m: _Manifests, now: dt.datetime, span: dt.timedelta
) -> Iterator[Finding]:
    cutoff = now - span
    owned: dict[str, int] = {}
    for p in engine.projects.values():
        if p.owner:
            owned[p.owner] = owned.get(p.owner, 0) + 1
    for email, user in sorted(engine.users.items()):
        seen = parse_timestamp(user.last_login) if user.last_login else None
        if seen is not None and seen >= cutoff:
            continue
        declared = m.d.user(email)
        if declared is not None and not declared.active:
            continue  # the manifests deactivate them already
        grants = engine.of_user(email)
        edit = sum(1 for g in grants if g.level >= _EDIT)
        owns = owned.get(email, 0)
        fix = f"under users: `- {{email: {email}, active: false}}` (or a users rule)"
        if declared is not None:
            fix = f"under users: `active: false` for {email}"
        yield Finding(
            "inactive_user",
            "medium",
            email,
            f"{email} ({user.role or 'role unknown'}) {_last_login(seen, now)} and can still open"
            f" {len(grants)} project{'s' if len(grants) != 1 else ''} ({edit} with edit rights"
            f" or more); owns {owns}",
            fix,
            m.user_mark(email),
        )


def _way_out(g: Grant, title: str, m: _Manifests) -> tuple[str, Mark | None]:
    """How to take ``g``'s deciding path away, and where the manifests write it."""
    path = g.deciding
    where = f"project {_q(title)}"
    if path.source == "direct":
        mark = m.sharing_mark(g.project_id, title, "users", g.email)
        return f"{where}: sharing.users[{g.email}]: CAN_VIEW or less", mark
    if path.source == "group" and path.group is not None:
        mark = m.member_mark(path.group, g.email)
        return f"group {_q(path.group)}: remove member {g.email}", mark
    if path.source == "collection" and path.collection is not None:
        mark = m.sharing_mark(g.project_id, title, "collections", path.collection)
        return f"{where}: sharing.collections[{path.collection}]: CAN_VIEW or less", mark
    return f"{where}: transfer its ownership in Hex (an owner always has full access)", None


def _guests(engine: AccessEngine, m: _Manifests) -> Iterator[Finding]:
    for email, user in sorted(engine.users.items()):
        if reaches_workspace(user.role):
            continue  # only Guests (and other non-members)
        editing = [g for g in engine.of_user(email) if g.level >= _EDIT]
        if not editing:
            continue
        titles = engine.projects
        shown = ", ".join(
            f"{_q(titles[g.project_id].title)} ({g.level.value} via {g.deciding.label})"
            for g in editing[:5]
        )
        more = f" and {len(editing) - 5} more" if len(editing) > 5 else ""
        fixes = [_way_out(g, titles[g.project_id].title, m) for g in editing]
        yield Finding(
            "guest_can_edit",
            "high",
            email,
            f"{email} is a {user.role or 'Guest'} (not a workspace member) and can edit"
            f" {len(editing)} project{'s' if len(editing) != 1 else ''}: {shown}{more}",
            "; ".join(dict.fromkeys(text for text, _ in fixes)),
            next((mark for _, mark in fixes if mark is not None), None),
        )


def _projects(engine: AccessEngine, m: _Manifests) -> Iterator[Finding]:
    for pa in engine.all():
        p = pa.project
        subject = f"project {_q(p.title)}"
        if pa.public_web is not Access.NONE:
            yield Finding(
                "public_web",
                "high",
                subject,
                f"{subject} is shared to the public web ({pa.public_web.value}): anyone with the"
                " link can open it",
                f"{subject}: sharing.public_web: NONE",
                m.sharing_mark(p.id, p.title, "public_web"),
            )
        wide = highest(x.granted for x in pa.wide)
        if wide >= _EDIT:
            paths = [x for x in pa.wide if x.granted >= _EDIT]
            via = ", ".join(x.label for x in paths)
            fixes = []
            for x in paths:
                if x.source == "workspace":
                    fixes.append(f"{subject}: sharing.workspace: CAN_VIEW or less")
                else:
                    fixes.append(
                        f"{subject}: sharing.collections[{x.collection}]: CAN_VIEW or less, or"
                        f" collection {_q(x.collection or '')}: sharing.workspace: NONE"
                    )
            dim, key = (
                ("workspace", "")
                if paths[0].source == "workspace"
                else (
                    "collections",
                    paths[0].collection or "",
                )
            )
            yield Finding(
                "workspace_edit",
                "high",
                subject,
                f"every workspace member can edit {subject} ({wide.value} via {via})",
                "; ".join(fixes),
                m.sharing_mark(p.id, p.title, dim, key),
            )


def _empty_groups(engine: AccessEngine, m: _Manifests) -> Iterator[Finding]:
    live = engine.live
    for name, group in sorted(live.groups.items()):
        if group.members is None or group.members:
            continue
        projects = sum(1 for p in live.projects.values() if name in p.sharing.groups)
        collections = sum(1 for c in live.collections.values() if name in c.sharing.groups)
        shared = ""
        if projects or collections:
            shared = f"; it is shared with {projects} project(s) and {collections} collection(s)"
        declared = m.d.group(name)
        yield Finding(
            "empty_group",
            "low",
            f"group {_q(name)}",
            f"group {_q(name)} has no members{shared}",
            f"groups: `- {{name: {name}, ensure: absent}}` (its grants go with it)"
            if declared is None or declared.ensure is Ensure.PRESENT
            else f"group {_q(name)} is already marked ensure: absent",
            None if declared is None else declared.mark,
        )


def _deactivated(engine: AccessEngine, m: _Manifests) -> Iterator[Finding]:
    live, d = engine.live, m.d
    active = set(live.users)
    seen: set[tuple[str, str]] = set()
    for p in engine.projects.values():
        for email, level in sorted(p.sharing.users.items()):
            if email in active or (email, p.id) in seen:
                continue
            seen.add((email, p.id))
            subject = f"project {_q(p.title)}"
            yield Finding(
                "deactivated_grant",
                "medium",
                email,
                f"{subject} is shared with {email} ({level}), who is not an active user",
                f"{subject}: remove sharing.users[{email}]",
                m.sharing_mark(p.id, p.title, "users", email),
            )
    inactive = {u.email for u in d.users if not u.active}
    gone = inactive | {e for e in _declared_emails(d) if e not in active}

    def why(email: str) -> str:
        if email in inactive:
            return "declared active: false under users"
        return "not an active user of the workspace"

    for g in d.groups:
        for email in sorted((g.members or frozenset()) & gone):
            if (email, f"group:{g.name}") in seen:
                continue
            seen.add((email, f"group:{g.name}"))
            yield Finding(
                "deactivated_grant",
                "medium",
                email,
                f"group {_q(g.name)} lists {email} as a member, who is {why(email)}",
                f"group {_q(g.name)}: delete the member line of {email}",
                g.member_marks.get(email, g.mark),
            )
    for project in d.projects:
        s = project.sharing
        if s is None:
            continue
        by_title = live.projects_by_title.get(project.title or "", ())
        found = live.projects.get((project.id or "").lower()) or (by_title[0] if by_title else None)
        ident = found.id if found is not None else project.key
        for email in sorted(set(s.users or {}) & gone):
            if (email, ident) in seen:
                continue
            seen.add((email, ident))
            subject = f"project {_q(found.title if found is not None else project.key)}"
            yield Finding(
                "deactivated_grant",
                "medium",
                email,
                f"{subject} is shared with {email} in the manifests, who is {why(email)}",
                f"{subject}: delete sharing.users[{email}]",
                s.mark_of("users", email),
            )
    for c in d.collections:
        cs = c.sharing
        if cs is None:
            continue
        for email in sorted(set(cs.users or {}) & gone):
            yield Finding(
                "deactivated_grant",
                "medium",
                email,
                f"collection {_q(c.name)} is shared with {email} in the manifests, who is"
                f" {why(email)}",
                f"collection {_q(c.name)}: delete sharing.users[{email}]",
                cs.mark_of("users", email),
            )


def _declared_emails(d: Desired) -> set[str]:
    out: set[str] = set()
    for g in d.groups:
        out.update(g.members or ())
    for p in d.projects:
        out.update((p.sharing.users or {}) if p.sharing is not None else ())
    for c in d.collections:
        out.update((c.sharing.users or {}) if c.sharing is not None else ())
    return out


def findings(
    engine: AccessEngine,
    *,
    now: dt.datetime,
    inactive: dt.timedelta,
    desired: Desired | None = None,
) -> list[Finding]:
    """Every finding about the workspace ``engine`` answers for, most severe first, then by
    kind and subject; ``desired`` (optional) points each fix at its manifest line."""
    m = _Manifests(desired)
    found = [
        *_projects(engine, m),
        *_guests(engine, m),
        *_inactive_users(engine, m, now, inactive),
        *_deactivated(engine, m),
        *_empty_groups(engine, m),
    ]
    rank = {s: i for i, s in enumerate(SEVERITIES)}
    return sorted(found, key=lambda f: (rank[f.severity], f.code, f.subject, f.message))
