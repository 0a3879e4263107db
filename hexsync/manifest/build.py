"""From schema-valid documents to one :class:`~hexsync.values.desired.Desired`, with the checks
that need
more than one node: duplicate identities (across files too), ``version``/``policy``/``workspace``
once, and internal consistency. Nodes that broke the schema are skipped here, so a malformed
entry is reported once, by the schema.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from hexsync.manifest.connections import check_connections, connections_of
from hexsync.manifest.data_classes import check_reads, classes_of, reads_leaf
from hexsync.manifest.policies import access_policy
from hexsync.manifest.problems import Path, Problem, Severity
from hexsync.manifest.yamlsafe import Document
from hexsync.values.desired import (
    UNMANAGED,
    Access,
    AccessPolicy,
    Collection,
    CollectionSharing,
    Connection,
    Desired,
    Enforce,
    Ensure,
    Expiry,
    FrozenMap,
    Group,
    Mark,
    Match,
    Mode,
    Policy,
    Project,
    Reviewers,
    Rule,
    Sharing,
    Status,
    TablePattern,
    User,
    Workspace,
    parse_duration,
    parse_expiry,
    parse_timestamp,
)
from hexsync.values.hex_access import COLLECTION_LEVELS, collection_level_known
from hexsync.values.live import is_lock_name
from hexsync.values.patterns import PatternError, compile_pattern
from hexsync.values.windows import SyncWindow, WindowError

__all__ = ["ParsedDocument", "build_desired"]

_SHARING_MAPS = ("users", "groups", "collections")


@dataclass
class ParsedDocument:
    """A read document and the paths the schema found fault with."""

    doc: Document
    bad: set[Path] = field(default_factory=set)

    def clean(self, path: Path) -> bool:
        """True when nothing at, above or below ``path`` broke the schema."""
        return not any(b[: len(path)] == path or path[: len(b)] == b for b in self.bad if b)

    def items(self, key: str) -> Iterator[tuple[Path, dict[str, Any], bool]]:
        """The mapping entries of list ``key``, each with whether it is wholly schema-valid."""
        data = self.doc.data if isinstance(self.doc.data, dict) else {}
        entries = data.get(key)
        if not isinstance(entries, list):
            return
        for index, entry in enumerate(entries):
            path: Path = (key, index)
            if isinstance(entry, dict):
                yield path, entry, self.clean(path)

    def identity(self, path: Path, entry: dict[str, Any], key: str) -> str | None:
        """``entry[key]`` when it is present and valid, for duplicate checks on broken entries."""
        value = entry.get(key)
        return value if isinstance(value, str) and self.clean((*path, key)) else None


class _Builder:
    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.first: dict[tuple[str, str], Mark] = {}
        # (kind, NFC form) -> the first spelling, to notice names that only look the same
        self.forms: dict[tuple[str, str], tuple[str, Mark]] = {}
        # (record mark, field) -> where that field was written, for the consistency checks
        self.where: dict[tuple[Mark, str], tuple[Mark, Path]] = {}
        self.reads: list[tuple[Match, Path]] = []  # rules' reads: leaves, checked once merged

    def note(
        self, record: Mark, name: str, doc: Document, path: Path, *, key: bool = False
    ) -> Mark:
        mark = doc.key_mark(path) if key else doc.mark(path)
        self.where[(record, name)] = (mark, path)
        return mark

    def error_at(
        self,
        record: Mark,
        name: str,
        message: str,
        hint: str | None = None,
        *,
        severity: Severity = "error",
    ) -> None:
        """A problem at the place where field ``name`` of the record at ``record`` was written."""
        mark, path = self.where.get((record, name), (record, ()))
        self.problems.append(Problem.at(mark, path, message, hint, severity))

    def error(self, mark: Mark, path: Path, message: str, hint: str | None = None) -> None:
        self.problems.append(Problem.at(mark, path, message, hint))

    def unique(self, kind: str, key: str, shown: str, mark: Mark, path: Path) -> bool:
        """Record an identity; a second one is an error naming both places."""
        first = self.first.get((kind, key))
        if first is None:
            self.first[(kind, key)] = mark
            self._same_looking(kind, key, shown, mark, path)
            return True
        self.error(
            mark,
            path,
            f"duplicate {shown}; first declared at {first}",
            "each one may be declared once across all manifest files; remove or merge one",
        )
        return False

    def _same_looking(self, kind: str, key: str, shown: str, mark: Mark, path: Path) -> None:
        """Warn when ``key`` differs from an earlier one only in its Unicode form (é as one
        code point, or as e and an accent): they look the same but are two names to Hex."""
        form = key if key.isascii() else unicodedata.normalize("NFC", key)
        other = self.forms.setdefault((kind, form), (key, mark))
        if other[0] != key:
            self.problems.append(
                Problem.at(
                    mark,
                    path,
                    f"{shown} looks the same as the one declared at {other[1]}, but its"
                    " letters are encoded differently (Unicode NFC and NFD forms): they are"
                    " two different names",
                    "retype one of them so both are the same text",
                    "warning",
                )
            )


def build_desired(
    parsed: Sequence[ParsedDocument], *, all_read: bool = True
) -> tuple[Desired | None, list[Problem]]:
    """Merge documents into the desired state; the state is ``None`` when any error was found.

    ``all_read`` is false when some file could not be read: ``version`` may be in that one.
    """
    b = _Builder()
    version_seen = False
    workspace: Workspace | None = None
    policy: Policy | None = None
    reviewers: Reviewers | None = None
    collections: list[Collection] = []
    groups: list[Group] = []
    users: list[User] = []
    projects: list[Project] = []
    rules: list[Rule] = []
    connections: list[Connection] = []
    seen_connections: dict[tuple[str, str], Mark] = {}
    policies: list[AccessPolicy] = []
    classes: dict[str, tuple[TablePattern, ...]] = {}
    seen_classes: dict[str, Mark] = {}

    for p in parsed:
        doc, data = p.doc, p.doc.data
        if not isinstance(data, dict):
            continue
        found, problems = connections_of(doc, p.clean, seen_connections)
        connections.extend(found)
        b.problems.extend(problems)
        declared, problems = classes_of(doc, p.clean, seen_classes)
        classes.update(declared)
        b.problems.extend(problems)
        if "version" in data:
            version_seen = True
        for key in ("workspace", "policy", "reviewers"):
            if key not in data:
                continue
            if not b.unique(key, "", f"'{key}' block", doc.key_mark((key,)), (key,)):
                continue
            block = data[key]
            if not isinstance(block, dict):
                continue
            if key == "policy":
                # Keep the valid parts of a policy, so its other checks still run.
                policy = _policy({k: v for k, v in block.items() if p.clean((key, k))}, doc, b)
            elif key == "reviewers":
                if p.clean((key,)):
                    reviewers = _reviewers(block, doc.mark((key,)))
            elif p.clean((key,)):
                workspace = Workspace(block["org_id"], doc.mark((key,)))
        for path, entry, whole in p.items("collections"):
            mark = doc.mark(path)
            name = p.identity(path, entry, "name")
            pin = p.identity(path, entry, "id")
            fresh = name is None or b.unique("collection", name, f"collection '{name}'", mark, path)
            if fresh and pin is not None:
                fresh = b.unique("collection-id", pin.lower(), f"collection id {pin}", mark, path)
            if fresh and whole:
                collections.append(_collection(entry, path, doc, b))
        for path, entry, whole in p.items("groups"):
            name = p.identity(path, entry, "name")
            mark = doc.mark(path)
            fresh = name is None or b.unique("group", name, f"group '{name}'", mark, path)
            if fresh and whole:
                groups.append(_group(entry, path, doc, b))
        for path, entry, whole in p.items("users"):
            email = p.identity(path, entry, "email")
            mark = doc.mark(path)
            b.note(mark, "active", doc, (*path, "active"))
            email = email.lower() if email else None
            fresh = email is None or b.unique("user", email, f"user {email}", mark, path)
            if fresh and whole and email:
                users.append(User(email, entry.get("active", True), mark))
        for path, entry, whole in p.items("projects"):
            mark = doc.mark(path)
            pid = p.identity(path, entry, "id")
            title = p.identity(path, entry, "title")
            if pid is not None:
                fresh = b.unique("project-id", pid.lower(), f"project id {pid}", mark, path)
            elif title is not None and "id" not in entry:
                shown = f"project titled '{title}' (without id)"
                fresh = b.unique("project-title", title, shown, mark, path)
            else:
                fresh = True
            if fresh and whole:
                projects.append(_project(entry, path, doc, b))
        for path, entry, whole in p.items("rules"):
            name = p.identity(path, entry, "name")
            mark = doc.mark(path)
            fresh = name is None or b.unique("rule", name, f"rule '{name}'", mark, path)
            if fresh and whole:
                rules.append(_rule(entry, path, doc, b))
        for path, entry, whole in p.items("policies"):
            name = p.identity(path, entry, "name")
            mark = doc.mark(path)
            fresh = name is None or b.unique("access-policy", name, f"policy '{name}'", mark, path)
            if fresh and whole and (compiled := access_policy(entry, path, doc, b.problems)):
                policies.append(compiled)

    readable = all_read and all(isinstance(p.doc.data, dict) for p in parsed)
    if parsed and readable and not version_seen:
        first = parsed[0].doc.file
        b.error(
            Mark(first, 1, 1),
            (),
            "no manifest file declares 'version: 1'",
            "add 'version: 1' at the top of one file (for example the one with the policy)",
        )
    desired = Desired(
        version=1,
        workspace=workspace,
        policy=policy or Policy(),
        collections=tuple(sorted(collections, key=lambda c: c.name)),
        connections=tuple(sorted(connections, key=lambda c: (c.name or "", c.id or ""))),
        groups=tuple(sorted(groups, key=lambda g: g.name)),
        users=tuple(sorted(users, key=lambda u: u.email)),
        projects=tuple(sorted(projects, key=lambda p: (p.id or "", p.title or ""))),
        rules=tuple(sorted(rules, key=lambda r: r.name)),
        files=tuple(p.doc.file for p in parsed),
        reviewers=reviewers,
        policies=tuple(policies),
        classes=FrozenMap(classes),
    )
    _consistency(desired, b)
    b.problems.extend(check_reads(b.reads, desired.classes))
    b.problems.extend(check_connections(desired.connections, desired.groups))
    if any(problem.severity == "error" for problem in b.problems):
        return None, b.problems
    return desired, b.problems


def _windows(entries: list[dict[str, Any]], doc: Document, b: _Builder) -> tuple[SyncWindow, ...]:
    """``policy.windows``: each schedule, duration and time zone read now, so ``validate`` names
    a bad one at its line rather than ``serve`` failing on it later."""
    out = []
    for i, entry in enumerate(entries):
        path = ("policy", "windows", i)
        try:
            out.append(
                SyncWindow.make(
                    entry["kind"], entry["schedule"], entry["duration"], entry.get("timezone")
                )
            )
        except WindowError as exc:
            b.error(doc.mark(path), path, str(exc), "see docs/serve.md, 'Sync windows'")
    return tuple(out)


def _policy(data: dict[str, Any], doc: Document, b: _Builder) -> Policy:
    prune = data.get("prune", {})
    protect = data.get("protect", {})
    statuses = data.get("statuses")
    protected = data.get("protected_statuses")
    durations: dict[str, Any] = {}
    for key in ("expiry_warning", "max_grant_duration"):
        if key in data:
            durations[key] = parse_duration(str(data[key]))
            if durations[key] is None:
                where: Path = ("policy", key)
                b.error(doc.mark(where), where, f"{data[key]!r} is too long a duration")
    return Policy(
        prune_groups=prune.get("groups", False),
        prune_users=prune.get("users", False),
        protect_groups=frozenset(protect.get("groups", ())),
        protect_users=frozenset(e.lower() for e in protect.get("users", ())),
        max_destroy=data.get("max_destroy"),
        allow_public_web=data.get("allow_public_web", False),
        allow_open_connections=data.get("allow_open_connections", False),
        statuses=frozenset(statuses) if statuses is not None else None,
        max_rule_matches=_limit(data.get("max_rule_matches"))[0],
        max_rule_share=_limit(data.get("max_rule_matches"))[1],
        collection_levels=frozenset(data.get("collection_levels", ())),
        protected_statuses=frozenset(protected) if protected is not None else None,
        windows=_windows(data.get("windows", []), doc, b),
        **{k: v for k, v in durations.items() if v is not None},
        mark=doc.mark(("policy",)),
    )


def _reviewers(block: dict[str, Any], mark: Mark) -> Reviewers:
    def emails(key: str) -> FrozenMap[str, str]:
        return FrozenMap((k, v.lower()) for k, v in block.get(key, {}).items())

    fallback = block.get("fallback")
    return Reviewers(
        projects=emails("projects"),
        groups=emails("groups"),
        collections=emails("collections"),
        fallback=fallback.lower() if isinstance(fallback, str) else None,
        mark=mark,
    )


def _group(entry: dict[str, Any], path: Path, doc: Document, b: _Builder) -> Group:
    mark = doc.mark(path)
    if is_lock_name(entry["name"]):
        at: Path = (*path, "name")
        b.error(
            doc.mark(at),
            at,
            f"the group name {entry['name']!r} is reserved: hexsync's apply lock uses it",
            "give the group another name (a group of this name in Hex is never managed)",
        )
    b.note(mark, "ensure", doc, (*path, "ensure"))
    members: frozenset[str] | None = None
    member_marks: dict[str, Mark] = {}
    member_expires: dict[str, Expiry] = {}
    if "members" in entry:
        for index, item in enumerate(entry["members"]):
            where: Path = (*path, "members", index)
            email = item["email"] if isinstance(item, dict) else item
            lowered = email.lower()
            if lowered in member_marks:
                b.error(
                    doc.mark(where),
                    where,
                    f"{email} is listed twice in group '{entry['name']}';"
                    f" first at {member_marks[lowered]}",
                    "emails compare case-insensitively; remove one",
                )
                continue
            member_marks[lowered] = b.note(mark, f"member:{lowered}", doc, where)
            if isinstance(item, dict) and "expires" in item:
                found = _expiry(item["expires"], (*where, "expires"), doc, b)
                if found is not None:
                    member_expires[lowered] = found
        members = frozenset(member_marks)
    ensure = Ensure(entry.get("ensure", "present"))
    if ensure is Ensure.ABSENT and members:
        b.error(
            doc.mark((*path, "members")),
            (*path, "members"),
            f"group '{entry['name']}' is marked 'ensure: absent' but lists members",
            "remove the members, or remove 'ensure: absent' to keep the group",
        )
    return Group(
        name=entry["name"],
        members=members,
        members_mode=Mode(entry.get("members_mode", "authoritative")),
        ensure=ensure,
        mark=mark,
        member_marks=FrozenMap(member_marks),
        member_expires=FrozenMap(member_expires),
    )


def _project(entry: dict[str, Any], path: Path, doc: Document, b: _Builder) -> Project:
    status: Status = entry.get("status", UNMANAGED)
    mark = doc.mark(path)
    b.note(mark, "status", doc, (*path, "status"))
    sharing = None
    if "sharing" in entry:
        sharing = _sharing(entry["sharing"], (*path, "sharing"), doc, b, mark)
    return Project(
        id=entry.get("id"),
        title=entry.get("title"),
        description=entry.get("description"),
        status=status,
        sharing=sharing,
        mark=mark,
    )


def _share_maps(
    data: dict[str, Any],
    path: Path,
    doc: Document,
    b: _Builder,
    record: Mark,
    dims: Sequence[str],
    expires: dict[str, Expiry],
) -> tuple[dict[str, dict[str, str] | None], dict[str, Mark]]:
    """The principal maps of a sharing block (``users`` keys lower-cased, a duplicate email an
    error; a ``{level, expires}`` entry as its level, its expiry into ``expires``) and where
    each entry and scalar dimension was written."""
    marks: dict[str, Mark] = {}
    maps: dict[str, dict[str, str] | None] = {}
    for dim in ("workspace", "public_web"):
        if dim in data:
            marks[f"{dim}\x00"] = b.note(record, f"{dim}\x00", doc, (*path, dim))
    for dim in dims:
        if dim not in data:
            maps[dim] = None
            continue
        entries: dict[str, str] = {}
        for key, value in data[dim].items():
            where: Path = (*path, dim, key)
            level = value["level"] if isinstance(value, dict) else value
            name = key.lower() if dim == "users" else key
            mark_key = f"{dim}\x00{name}"
            if name in entries:
                b.error(
                    doc.key_mark(where),
                    where,
                    f"{key} is listed twice in sharing.users; first at {marks[mark_key]}",
                    "emails compare case-insensitively; keep one entry",
                )
                continue
            entries[name] = level
            marks[mark_key] = b.note(record, mark_key, doc, where, key=True)
            if isinstance(value, dict) and "expires" in value:
                found = _expiry(value["expires"], (*where, "expires"), doc, b)
                if found is not None:
                    expires[mark_key] = found
        maps[dim] = entries
    return maps, marks


def _sharing(
    data: dict[str, Any], path: Path, doc: Document, b: _Builder, project: Mark
) -> Sharing:
    expires: dict[str, Expiry] = {}
    raw, marks = _share_maps(data, path, doc, b, project, _SHARING_MAPS, expires)
    maps = {
        dim: None if entries is None else FrozenMap((k, Access(v)) for k, v in entries.items())
        for dim, entries in raw.items()
    }
    return Sharing(
        mode=Mode(data.get("mode", "authoritative")),
        workspace=Access(data["workspace"]) if "workspace" in data else None,
        public_web=Access(data["public_web"]) if "public_web" in data else None,
        users=maps["users"],
        groups=maps["groups"],
        collections=maps["collections"],
        mark=doc.mark(path),
        marks=FrozenMap(marks),
        expires=FrozenMap(expires),
    )


def _expiry(value: Any, where: Path, doc: Document, b: _Builder) -> Expiry | None:
    """An ``expires:`` value the schema let through, or None (and an error) when its date is
    not one (February 30th)."""
    found = parse_expiry(str(value))
    if found is None:
        b.error(doc.mark(where), where, f"{value!r} is not a date: check the month and day")
    return found


def _collection(entry: dict[str, Any], path: Path, doc: Document, b: _Builder) -> Collection:
    mark = doc.mark(path)
    sharing = None
    if "sharing" in entry:
        where: Path = (*path, "sharing")
        data = entry["sharing"]
        expires: dict[str, Expiry] = {}
        raw, marks = _share_maps(data, where, doc, b, mark, ("users", "groups"), expires)
        sharing = CollectionSharing(
            mode=Mode(data.get("mode", "authoritative")),
            workspace=data.get("workspace"),
            users=None if raw["users"] is None else FrozenMap(raw["users"]),
            groups=None if raw["groups"] is None else FrozenMap(raw["groups"]),
            mark=doc.mark(where),
            marks=FrozenMap(marks),
            expires=FrozenMap(expires),
        )
    return Collection(entry["name"], entry.get("description"), entry.get("id"), mark, sharing)


def _consistency(desired: Desired, b: _Builder) -> None:
    policy = desired.policy
    groups = {g.name: g for g in desired.groups}
    inactive = {u.email for u in desired.users if not u.active}
    listed_active = {u.email for u in desired.users if u.active}
    for group in desired.groups:
        if group.ensure is Ensure.ABSENT and group.name in policy.protect_groups:
            b.error_at(
                group.mark,
                "ensure",
                f"group '{group.name}' is protected by policy.protect.groups"
                " but marked 'ensure: absent'",
                "a protected group is never deleted; remove it from protect, or keep the group",
            )
        members = group.members or frozenset()
        if group.ensure is Ensure.PRESENT:
            for email in sorted(members & inactive):
                b.error_at(
                    group.mark,
                    f"member:{email}",
                    f"{email} is a member of '{group.name}' but is deactivated under users",
                    severity="warning",
                )
        if policy.prune_users:
            for email in sorted(members - listed_active - inactive - policy.protect_users):
                b.error_at(
                    group.mark,
                    f"member:{email}",
                    f"{email} is a member of '{group.name}', but policy.prune.users"
                    " deactivates every user not listed as active under users",
                    f"add '- email: {email}' to users, or turn prune.users off",
                )
    for user in desired.users:
        if not user.active and user.email in policy.protect_users:
            b.error_at(
                user.mark,
                "active",
                f"user {user.email} is protected by policy.protect.users"
                " but marked 'active: false'",
                "a protected user is never deactivated; remove one of the two",
            )
    for rule in (r for r in desired.rules if not r.for_users):
        label = f"every project rule '{rule.name}' matches"
        _check_project(rule.as_project(), desired, groups, inactive, b, label)
    for project in desired.projects:
        _check_project(project, desired, groups, inactive, b)
    for collection in desired.collections:
        _check_collection(collection, desired, groups, inactive, b)


def _check_project(
    project: Project,
    desired: Desired,
    groups: dict[str, Group],
    inactive: set[str],
    b: _Builder,
    label: str = "",
) -> None:
    policy = desired.policy
    label = label or f"project '{project.key}'"
    if (
        isinstance(project.status, str)
        and policy.statuses is not None
        and project.status not in policy.statuses
    ):
        known = sorted(policy.statuses)
        close = [k for k in known if k.lower().startswith(project.status.lower())]
        close = close or difflib.get_close_matches(project.status, known, n=1, cutoff=0.6)
        hint = f"did you mean '{close[0]}'?" if close else "add it to policy.statuses"
        b.error_at(
            project.mark,
            "status",
            f"status '{project.status}' is not one of policy.statuses ({', '.join(known)})",
            hint,
        )
    sharing = project.sharing
    if sharing is None:
        return
    if (
        sharing.public_web is not None
        and sharing.public_web is not Access.NONE
        and not policy.allow_public_web
    ):
        b.error_at(
            project.mark,
            "public_web\x00",
            f"{label} is shared to the public web ({sharing.public_web.value})"
            " but policy.allow_public_web is not true",
            "set public_web: NONE, or set 'allow_public_web: true' under policy if intended",
        )
    _check_principals(
        label, project.mark, sharing.users, sharing.groups, desired, groups, inactive, b
    )


def _check_collection(
    collection: Collection,
    desired: Desired,
    groups: dict[str, Group],
    inactive: set[str],
    b: _Builder,
) -> None:
    sharing = collection.sharing
    if sharing is None:
        return
    label = f"collection '{collection.name}'"
    levels = [("workspace\x00", sharing.workspace)] if sharing.workspace is not None else []
    levels += [(f"users\x00{k}", v) for k, v in (sharing.users or {}).items()]
    levels += [(f"groups\x00{k}", v) for k, v in (sharing.groups or {}).items()]
    known = sorted(COLLECTION_LEVELS)
    declared = desired.policy.collection_levels
    for where, level in levels:
        if collection_level_known(level) or level in declared:
            continue
        b.error_at(
            collection.mark,
            where,
            f"{label}: '{level}' is not a collection level ({', '.join(known)}"
            + (f"; declared: {', '.join(sorted(declared))}" if declared else "")
            + ")",
            _collection_level_hint(level, known),
        )
    _check_principals(
        label, collection.mark, sharing.users, sharing.groups, desired, groups, inactive, b
    )


# A project level written on a collection (the vocabulary people know best): the collection
# level that gives the same kind of access.
_PROJECT_TO_COLLECTION = {
    "APP_ONLY": "VIEW",
    "CAN_VIEW": "VIEW",
    "CAN_EDIT": "MANAGE",
    "FULL_ACCESS": "MANAGE",
}


def _collection_level_hint(level: str, known: Sequence[str]) -> str:
    """What to write instead of an unknown collection level, and how to keep it if Hex has it."""
    keep = "or, if Hex has this level, declare it under policy.collection_levels"
    upper = level.upper()
    if upper in _PROJECT_TO_COLLECTION:
        return (
            f"'{level}' is a project level; collections take {', '.join(known)}:"
            f" did you mean '{_PROJECT_TO_COLLECTION[upper]}'? ({keep})"
        )
    close = [k for k in known if k == upper]
    close = close or difflib.get_close_matches(upper, known, n=1, cutoff=0.6)
    if close:
        case = " (levels are case-sensitive)" if close[0] == upper else ""
        return f"did you mean '{close[0]}'?{case} ({keep})"
    return f"write one of {', '.join(known)}, {keep}"


def _check_principals(
    label: str,
    record: Mark,
    users: Mapping[str, object] | None,
    shared_groups: Mapping[str, object] | None,
    desired: Desired,
    groups: dict[str, Group],
    inactive: set[str],
    b: _Builder,
) -> None:
    """References of a project's or a collection's sharing that the manifests contradict."""
    policy = desired.policy
    for name in shared_groups or {}:
        group = groups.get(name)
        where = f"groups\x00{name}"
        if group is not None and group.ensure is Ensure.ABSENT:
            b.error_at(
                record,
                where,
                f"{label} is shared with group '{name}', which is marked 'ensure: absent'"
                f" at {group.mark}",
                "remove the sharing entry, or keep the group",
            )
        elif group is None and policy.prune_groups and name not in policy.protect_groups:
            b.error_at(
                record,
                where,
                f"{label} is shared with group '{name}', which no manifest declares;"
                " policy.prune.groups would delete it",
                f"declare the group ('- name: {name}' under groups), or protect it",
            )
    for email in users or {}:
        where = f"users\x00{email}"
        if email in inactive:
            b.error_at(
                record,
                where,
                f"{label} is shared with {email}, who is deactivated under users",
                severity="warning",
            )
        elif (
            policy.prune_users and desired.user(email) is None and email not in policy.protect_users
        ):
            b.error_at(
                record,
                where,
                f"{label} is shared with {email}, but policy.prune.users deactivates"
                " every user not listed as active under users",
                f"add '- email: {email}' to users, or turn prune.users off",
            )


# ---------------------------------------------------------------- rules (docs/rules.md)

_LIST_LEAVES = ("categories", "owner", "creator", "collection")
_USER_LEAVES = frozenset({"last_login", "role", "email"})
_BOTH = frozenset({"all", "all_of", "any_of", "not"})
_FLAG_LEAVES = ("published", "archived", "trashed")
_BOUNDED_LEAVES = ("last_viewed", "created", "last_login")


def _rule(entry: dict[str, Any], path: Path, doc: Document, b: _Builder) -> Rule:
    mark = doc.mark(path)
    b.note(mark, "status", doc, (*path, "status"))
    sharing = None
    if "sharing" in entry:
        data = entry["sharing"]
        base = _sharing(
            {k: v for k, v in data.items() if k != "mode"}, (*path, "sharing"), doc, b, mark
        )
        mode = data.get("mode", "additive")  # rules are additive unless they say otherwise
        modes = FrozenMap((k, Mode(v)) for k, v in mode.items()) if isinstance(mode, dict) else None
        sharing = Sharing(
            mode=Mode.ADDITIVE if modes is not None else Mode(mode),
            workspace=base.workspace,
            public_web=base.public_web,
            users=base.users,
            groups=base.groups,
            collections=base.collections,
            mark=base.mark,
            marks=base.marks,
            modes=modes or FrozenMap(),
            expires=base.expires,
        )
        for dim in modes or ():
            if getattr(sharing, dim) is None:
                where: Path = (*path, "sharing", "mode", dim)
                b.error(
                    doc.key_mark(where),
                    where,
                    f"rule '{entry['name']}' sets a mode for sharing.{dim} but does not list"
                    f" sharing.{dim}",
                    f"add sharing.{dim}, or remove its mode",
                )
    if sharing is not None:
        _refuse_additive_none(entry["name"], sharing, (*path, "sharing"), b)
    exclude = None
    if "except" in entry:
        exclude = _match(entry["except"], (*path, "except"), doc, b)
    match = _match(entry["match"], (*path, "match"), doc, b)
    users = "users" in entry
    if users:
        for key in ("status", "sharing"):
            if key in entry:
                where = (*path, key)
                b.error(
                    doc.key_mark(where),
                    where,
                    f"rule '{entry['name']}' is a users rule (users: ...): it cannot set {key}",
                    "write the project policy as a rule of its own",
                )
    for found, part in ((match, "match"), (exclude, "except")):
        _leaves_fit(found, users, entry["name"], (*path, part), doc, b)
    return Rule(
        name=entry["name"],
        match=match,
        exclude=exclude,
        status=entry.get("status", UNMANAGED),
        sharing=sharing,
        enforce=Enforce(entry.get("enforce", "check" if users else "apply")),
        priority=entry.get("priority", 0),
        mark=mark,
        users_active=False if users else None,
        allow_empty=entry.get("allow_empty", False),
        max_matches=_limit(entry.get("max_matches"))[0],
        max_share=_limit(entry.get("max_matches"))[1],
    )


def _limit(value: object) -> tuple[int | None, int | None]:
    """``max_matches`` / ``max_rule_matches`` as (a count, a percentage): ``20`` or ``"80%"``
    (the schema has checked the shape)."""
    if isinstance(value, str):
        return None, int(value.removesuffix("%"))
    return (value if isinstance(value, int) else None), None


def _leaves_fit(
    match: Match | None, users: bool, name: str, path: Path, doc: Document, b: _Builder
) -> None:
    """A users rule matches on users (``last_login``, ``role``, ``email``), a project rule on
    projects: a key of the other kind is an error at the key."""
    if match is None:
        return
    if match.op in _BOTH:
        for child in match.children:
            _leaves_fit(child, users, name, path, doc, b)
        return
    if (match.op in _USER_LEAVES) == users:
        return
    what, other = ("users", "projects") if users else ("projects", "users")
    b.problems.append(
        Problem.at(
            match.mark,
            path,
            f"rule '{name}' matches {what}, but '{match.op}' is a condition on {other}",
            "a users rule (users: {active: false}) matches on last_login, role and email;"
            " a project rule on the project keys",
        )
    )


def _refuse_additive_none(name: str, sharing: Sharing, path: Path, b: _Builder) -> None:
    """A rule's NONE in an additive dimension: it can never change or fail anything.

    Additive sharing only adds access, so "at least NONE" holds on every project: written in an
    ``enforce: check`` rule as "nothing is public on the web", it checks nothing and a public
    project passes. Only ``mode: authoritative`` makes NONE mean "must be NONE".
    """
    for dim in ("workspace", "public_web", "users", "groups", "collections"):
        value = getattr(sharing, dim)
        if value is None or sharing.mode_of(dim) is not Mode.ADDITIVE:
            continue
        keys = [""] if not isinstance(value, FrozenMap) else list(value)
        for key in keys:
            level = value if not key else value[key]
            if level is not Access.NONE:
                continue
            where: Path = (*path, dim, key) if key else (*path, dim)
            b.error(
                sharing.mark_of(dim, key),
                where,
                f"rule '{name}': NONE in additive sharing can never change or fail "
                "anything (additive sharing only adds access, and every project has at least "
                "NONE)",
                f"write 'mode: authoritative' (or 'mode: {{{dim}: authoritative}}') in the rule's "
                f"sharing to mean '{dim} must be NONE'",
            )


def _match(data: dict[str, Any], path: Path, doc: Document, b: _Builder) -> Match:
    """A match mapping: one leaf per key, several keys all holding (an implicit all_of)."""
    leaves = [_leaf(key, value, (*path, key), doc, b) for key, value in data.items()]
    if len(leaves) == 1:
        return leaves[0]
    return Match("all_of", children=tuple(leaves), mark=doc.mark(path))


def _leaf(key: str, value: Any, path: Path, doc: Document, b: _Builder) -> Match:
    mark = doc.mark(path)
    if key in ("all_of", "any_of"):
        children = tuple(_match(v, (*path, i), doc, b) for i, v in enumerate(value))
        return Match(key, children=children, mark=mark)
    if key == "not":
        return Match(key, children=(_match(value, path, doc, b),), mark=mark)
    if key == "all":
        if value is not True:
            b.error(mark, path, "all: false matches no project", "write all: true, or drop the key")
        return Match(key, mark=mark)
    if key in _FLAG_LEAVES:
        return Match(key, ("true" if value else "false",), mark=mark)
    if key == "reads":
        leaf = reads_leaf(value, path, doc, b.problems)
        b.reads.append((leaf, path))
        return leaf
    if key in _BOUNDED_LEAVES:
        for word, moment in value.items():
            text = str(moment)
            if not re.fullmatch(r"\d+[hdwy]", text) and parse_timestamp(text) is None:
                where: Path = (*path, word)
                b.error(doc.mark(where), where, f"{text!r} is not a date: check the month and day")
        pairs = tuple(x for k in sorted(value) for x in (k, str(value[k])))
        return Match(key, pairs, mark=mark)
    if key == "title_regex":
        try:
            compile_pattern(value)
        except PatternError as exc:
            b.error(
                mark,
                path,
                f"title_regex {value!r} is not a pattern hexsync can match in linear time "
                f"(RE2 syntax: no backreferences or lookaround): {exc}",
            )
        return Match(key, (value,), mark=mark)
    items = value if isinstance(value, list) else [value]
    if key in ("owner", "creator", "email"):
        items = [e.lower() for e in items]
    return Match(key, tuple(items), mark=mark)
