"""Live → manifests: the inverse of ``load`` (``hexsync export``, docs/export.md). Pure: no I/O.

The output is written so that ``hexsync validate`` accepts it and ``hexsync plan`` against the
same workspace reports no change:

- Projects are pinned by ``id`` and every sharing dimension is written (``NONE`` and ``{}``
  included), so each exported project's sharing is authoritative and equal to live. A project
  owner's own entry is written at its live level (marked ``# owner``); plan never changes it.
  The owner itself, which a manifest cannot set, is a comment on the title's line
  (``title: Revenue  # owner: ana@acme.com``), for the reader only.
- Collections are written with every sharing dimension too (levels as Hex's strings, the
  creator's entry marked ``# creator``).
- Groups list every member: the reader must have read them (``read_live`` with prune.groups on).
- ``users`` is not exported unless asked for: Hex lists only active users and hexsync can only
  deactivate, so the one useful form is a roster of every active user as ``active: true`` (what
  ``policy.prune.users`` needs before it can be turned on).
- ``policy: {allow_public_web: true}`` is written, with a comment naming the projects, when an
  exported project is shared to the public web; without it the export would not validate.
- What a manifest cannot say (a name with spaces at its ends, a principal the workspace does not
  list as active) is left out, never guessed: the object or sharing dimension is left unmanaged,
  a comment says why in the file, and :attr:`Export.notes` says it once more for the CLI.

Determinism: keys in a fixed order (``version, workspace, policy, collections, groups, users,
projects`` at the top, ``id, title, status, sharing`` in a project), lists sorted, no timestamps,
so two exports of an unchanged workspace are byte-identical and a git diff shows real drift.
Scalars are quoted only where YAML needs it (``'yes'``, ``'null'``, ``'1.0'``, ``'a: b'``).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Literal, get_args

import yaml

from hexsync.errors import ConfigError
from hexsync.manifest import schema
from hexsync.values.connections import CONNECTION_LEVELS, PUBLIC_LEVELS, SCHEMA_REFRESH
from hexsync.values.hex_access import collection_level_known, level_or_none
from hexsync.values.live import Live, LiveCollection, LiveGroup, LiveProject, is_lock_name

__all__ = [
    "DEFAULT_KINDS",
    "KINDS",
    "SCHEMA_ID",
    "Export",
    "ExportKind",
    "build_export",
    "export_document",
    "export_files",
    "export_manifests",
    "parse_kinds",
]

ExportKind = Literal["collections", "connections", "groups", "users", "projects"]
KINDS: tuple[ExportKind, ...] = get_args(ExportKind)
DEFAULT_KINDS: frozenset[ExportKind] = frozenset({"collections", "groups", "projects"})
SCHEMA_ID: str = schema()["$id"]
POLICY_FILE = "policy.yaml"

_ABOUT = {
    POLICY_FILE: "Format version, workspace guard and safety policy.",
    "collections.yaml": (
        "Collections (identity: name); every sharing dimension is written, so each list is the"
        " full truth."
    ),
    "connections.yaml": (
        "Data connections' sharing (identity: name); every audience and the groups are written,"
        " so each is the full truth."
    ),
    "groups.yaml": "Groups and their members (authoritative: the full list).",
    "users.yaml": (
        "Every active user, as a roster (needed before policy.prune.users can be turned on)."
    ),
    "projects.yaml": (
        "Projects pinned by id; every sharing dimension is written, so each list is the full truth."
    ),
}
_DIMENSIONS = ("workspace", "public_web", "users", "groups", "collections")
_BREAKS = ("\n", "\r", "\x85", "\u2028", "\u2029")
_UNKNOWN_LEVEL = "the access level {} that manifests do not know"


@dataclass(frozen=True)
class Export:
    """The exported files (relative name → YAML text, in a fixed order) and what was left out."""

    files: Mapping[str, str]
    notes: tuple[str, ...] = ()
    document: str = ""  # the same content as one combined manifest (``--out -``)


def parse_kinds(text: str) -> frozenset[ExportKind]:
    """``--only collections,groups`` (singular names accepted) → the set of kinds."""
    kinds: set[ExportKind] = set()
    for raw in text.split(","):
        word = raw.strip().lower()
        if not word:
            continue
        kind = word if word.endswith("s") else f"{word}s"
        if kind not in KINDS:
            raise ConfigError(
                f"--only {text!r}: unknown kind {raw.strip()!r}",
                hint=f"use a comma-separated list of {', '.join(KINDS)}",
            )
        kinds.add(kind)
    if not kinds:
        raise ConfigError(f"--only {text!r}: no kind given", hint=f"e.g. --only {KINDS[0]}")
    return frozenset(kinds)


def export_files(only: Collection[ExportKind] | None = None) -> tuple[str, ...]:
    """The names of the files an export of ``only`` writes (known before reading anything)."""
    kinds = _kinds(only)
    return (POLICY_FILE, *(f"{k}.yaml" for k in KINDS if k in kinds))


def export_manifests(
    live: Live, *, only: Collection[ExportKind] | None = None, schema_ref: str = SCHEMA_ID
) -> dict[str, str]:
    """Manifests of ``live``: relative file name → YAML text. See the module docstring.

    ``only`` selects kinds (default: collections, groups, projects; users only when asked);
    ``policy.yaml`` (version, workspace, and policy when needed) is always written.
    """
    return dict(build_export(live, only=only, schema_ref=schema_ref).files)


def export_document(
    live: Live, *, only: Collection[ExportKind] | None = None, schema_ref: str = SCHEMA_ID
) -> str:
    """The same export as one manifest document (what ``hexsync export --out -`` prints)."""
    return build_export(live, only=only, schema_ref=schema_ref).document


def build_export(
    live: Live, *, only: Collection[ExportKind] | None = None, schema_ref: str = SCHEMA_ID
) -> Export:
    """The files, the combined document, and notes on what could not be exported."""
    return _Exporter(live, _kinds(only)).run(schema_ref)


def _kinds(only: Collection[ExportKind] | None) -> frozenset[ExportKind]:
    return DEFAULT_KINDS if only is None else frozenset(only)


# ------------------------------------------------------------------------------------ YAML


_PLAIN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9 _.@-]*[A-Za-z0-9])?")
_RESOLVER = yaml.resolver.Resolver()
_STR_TAG = "tag:yaml.org,2002:str"


def scalar(value: str | int | bool | None) -> str:
    """One YAML scalar on one line, quoted only where YAML needs it to read back the same."""
    if (
        isinstance(value, str)
        and _PLAIN.fullmatch(value)
        and _RESOLVER.resolve(yaml.ScalarNode, value, (True, False)) == _STR_TAG  # type: ignore[no-untyped-call]
    ):
        # Fast path (a large export writes hundreds of thousands of names, emails and ids):
        # no indicator character, and YAML would not read it as a number, date, bool or null.
        return value
    return _dumped(value)


@functools.lru_cache(maxsize=4096)
def _dumped(value: str | int | bool | None) -> str:
    text: str = yaml.safe_dump(value, allow_unicode=True, width=2**30, default_flow_style=False)
    text = text.removesuffix("\n...\n").removesuffix("\n")
    if any(b in text for b in _BREAKS):
        # Folded quoted scalars need indented continuation lines; one escaped line is simpler.
        text = yaml.safe_dump(value, allow_unicode=True, width=2**30, default_style='"')
        text = text.removesuffix("\n")
    return text


# PyYAML reads an implicit (``key: value``) key of at most 1,024 characters; a longer one (a
# name of 1,000 characters that quoting doubles) is written as an explicit ``? key``.
_SIMPLE_KEY = 1000


def entry(key: str, value: str) -> list[str]:
    """``key: value`` as the lines of one block mapping entry (two for a long key)."""
    text = scalar(key)
    if len(text) > _SIMPLE_KEY:
        return [f"? {text}", f": {scalar(value)}"]
    return [f"{text}: {scalar(value)}"]


def flow(value: Mapping[str, object]) -> str:
    """``value`` as one flow mapping on one line (``{groups: {Finance: CAN_VIEW}}``).

    A flow collection ends a plain scalar at ``,``, ``[``, ``]``, ``{`` or ``}``, so the names in
    it are quoted by PyYAML's emitter for that context (``{groups: {'Sales, Ops': CAN_VIEW}}``),
    which also writes a key too long to be implicit as ``? key``. A line break in a name makes
    every scalar double-quoted, the break escaped, so the mapping stays on its line.
    """

    def dump(style: str | None) -> str:
        text: str = yaml.safe_dump(
            dict(value),
            allow_unicode=True,
            width=2**30,
            default_flow_style=True,
            default_style=style,
            sort_keys=False,
        )
        return text.removesuffix("\n")

    text = dump(None)
    if "\n" in text or any(b in text for b in _BREAKS):
        text = dump('"')
    return text


def _sort_names(names: Iterable[str]) -> list[str]:
    return sorted(names, key=lambda n: (n.casefold(), n))


class _Text:
    """Lines of YAML built by hand: fixed key order, comments, flow style for empty values."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.items: list[tuple[str, int]] = []  # (sort name, first line) of each list item

    def item(self, name: str) -> None:
        """The next lines are one list item known by ``name`` (where a large file may split)."""
        self.items.append((name, len(self.lines)))

    def add(self, indent: int, text: str, comment: str | None = None) -> None:
        pad = "  " * indent
        self.lines.append(f"{pad}{text}  # {comment}" if comment else f"{pad}{text}")

    def comment(self, indent: int, text: str) -> None:
        self.lines.append(f"{'  ' * indent}# {text}")

    def blank(self) -> None:
        self.lines.append("")


# ------------------------------------------------------------------------------------ export


class _Exporter:
    def __init__(self, live: Live, kinds: frozenset[ExportKind]) -> None:
        self.live = live
        self.kinds = kinds
        defs = schema()["$defs"]
        self.name_ok = _matcher(defs["name"]["pattern"])
        self.email_ok = _matcher(defs["email"]["pattern"])
        self.uuid_ok = _matcher(defs["uuid"]["pattern"])
        self.levels = frozenset(defs["access"]["enum"])
        self.collection_level_ok = _matcher(defs["collection_level"]["pattern"])
        self.notes: list[str] = []

    def note(self, text: str) -> None:
        self.notes.append(text)

    def run(self, schema_ref: str) -> Export:
        if not self.live.full_visibility:
            self.note(
                f"the token acts as {self.live.me_email} ({self.live.me_role}), neither a"
                " workspace token nor an admin: the export holds only what that user can see"
            )
        sections: list[tuple[str, _Text]] = []
        public: list[LiveProject] = []
        bodies: dict[ExportKind, Callable[[], _Text]] = {
            "collections": self.collections,
            "connections": self.connections,
            "groups": self.groups,
            "users": self.users,
            "projects": lambda: self.projects(public),
        }
        for kind in KINDS:
            if kind in self.kinds:
                sections.append((f"{kind}.yaml", bodies[kind]()))
        # Built last, written first: the policy depends on which exported projects are public.
        sections.insert(0, (POLICY_FILE, self.head(public)))
        files: dict[str, str] = {}
        for name, body in sections:
            files.update(split_file(name, body, schema_ref))
        combined: list[str] = []
        for _, body in sections:
            if combined:
                combined.append("")
            combined.extend(body.lines)
        document = _file(
            schema_ref, "Exported by hexsync export: one manifest of the whole export.", combined
        )
        return Export(files, tuple(self.notes), document)

    # ---------------------------------------------------------------- version, workspace, policy

    def head(self, public: list[LiveProject]) -> _Text:
        out = _Text()
        out.add(0, "version: 1")
        if self.uuid_ok(self.live.org_id):
            out.add(0, "workspace:")
            out.add(1, f"org_id: {scalar(self.live.org_id)}")
        else:
            self.note(f"workspace.org_id left out: {self.live.org_id!r} is not a UUID")
        statuses = self.statuses() if "projects" in self.kinds else []
        levels = self.collection_levels() if "collections" in self.kinds else []
        if public or statuses or levels:
            out.blank()
            out.add(0, "policy:")
        if statuses:
            write_statuses(out, statuses)
        if levels:
            out.comment(1, "Collection levels live collections use that hexsync does not know:")
            out.add(1, "collection_levels:")
            for level in levels:
                out.add(2, f"- {scalar(level)}")
        if public:
            count = len(public)
            noun = "project is" if count == 1 else "projects are"
            out.comment(1, f"{count} {noun} shared to the public web live; review:")
            for project in public:
                out.comment(1, f"  {scalar(project.title)} ({project.id})")
            out.add(1, "allow_public_web: true")
        return out

    def collection_levels(self) -> list[str]:
        """Levels live collections carry outside the ones hexsync knows: declared, or the
        exported collections would not validate (docs/collections.md)."""
        found: set[str] = set()
        for c in self.live.collections.values():
            s = c.sharing
            found.update(s.users.values(), s.groups.values(), [s.workspace] if s.workspace else [])
        ok = self.collection_level_ok
        return sorted(lv for lv in found if not collection_level_known(lv) and ok(lv))

    def statuses(self) -> list[str]:
        """The statuses live projects carry: as much of the workspace's list as the API shows."""
        found = {p.status for p in self.live.projects.values() if p.status}
        return _sort_names(s for s in found if self.name_ok(s))

    # ---------------------------------------------------------------- collections

    def collections(self) -> _Text:
        out = _Text()
        kept = []
        for c in self.live.collections.values():
            if self.name_ok(c.name):
                kept.append(c)
            else:
                self.note(
                    f"collection {c.name!r} ({c.id}) left out: a manifest name cannot start or end"
                    " with spaces (rename it in Hex)"
                )
        if not kept:
            out.add(0, "collections: []")
            return out
        out.add(0, "collections:")
        for c in sorted(kept, key=lambda c: (c.name.casefold(), c.name)):
            out.add(1, f"- name: {scalar(c.name)}")
            if c.description is not None:
                out.add(2, f"description: {scalar(c.description)}")
            self.collection_sharing(out, c)
        return out

    def collection_sharing(self, out: _Text, c: LiveCollection) -> None:
        """Every dimension, so the collection's sharing is authoritative and equal to live.

        Levels are Hex's strings, written as read (the policy declares the ones hexsync does not
        know); one a manifest cannot hold (spaces) leaves its dimension alone."""
        s = c.sharing
        label = f"collection {c.name!r} ({c.id})"
        ok = self.collection_level_ok
        out.add(2, "sharing:")
        self.sharing_level(out, label, "workspace", s.workspace, ok)
        self.sharing_map(out, label, "users", s.users, self._why_not_user, c.creator, "creator", ok)
        self.sharing_map(out, label, "groups", s.groups, self._why_not_group, None, "", ok)

    # ---------------------------------------------------------------- data connections

    def connections(self) -> _Text:
        """Every data connection with its audiences, groups and schema refresh access (only
        when asked: ``--only connections``; a plan against the same workspace shows none)."""
        out = _Text()
        kept = []
        for c in self.live.connections.values():
            if self.name_ok(c.name):
                kept.append(c)
            else:
                self.note(
                    f"data connection {c.name!r} ({c.id}) left out: a manifest name cannot start"
                    " or end with spaces (rename it in Hex)"
                )
        if not kept:
            out.add(0, "connections: []")
            return out
        out.add(0, "connections:")
        levels = set(CONNECTION_LEVELS)
        for c in sorted(kept, key=lambda c: (c.name.casefold(), c.name)):
            label = f"data connection {c.name!r} ({c.id})"
            out.item(c.name)
            out.add(1, f"- name: {scalar(c.name)}")
            out.add(2, "sharing:")
            for audience, level in c.audiences.items():
                allowed = PUBLIC_LEVELS if audience == "public" else levels
                if level in allowed:
                    out.add(3, f"{audience}: {level}")
                else:
                    out.comment(3, f"{audience}: left alone, {_UNKNOWN_LEVEL.format(level)}")
                    self.note(f"{label}: sharing.{audience} left unmanaged ({level})")
            self.sharing_map(
                out, label, "groups", c.groups, self._why_not_group, None, "", levels.__contains__
            )
            if c.schema_refresh_access in SCHEMA_REFRESH:
                out.add(2, f"schema_refresh_access: {c.schema_refresh_access}")
        return out

    # ---------------------------------------------------------------- groups

    def groups(self) -> _Text:
        out = _Text()
        kept: list[LiveGroup] = []
        for g in self.live.groups.values():
            if is_lock_name(g.name):
                self.note(
                    f"group {g.name!r} ({g.id}) left out: the name is reserved for hexsync's"
                    " apply lock, and this group has members or grants (rename it in Hex)"
                )
            elif self.name_ok(g.name):
                kept.append(g)
            else:
                self.note(
                    f"group {g.name!r} ({g.id}) left out: a manifest name cannot start or end"
                    " with spaces (rename it in Hex)"
                )
        if not kept:
            out.add(0, "groups: []")
            return out
        out.add(0, "groups:")
        for g in sorted(kept, key=lambda g: (g.name.casefold(), g.name)):
            out.item(g.name)
            out.add(1, f"- name: {scalar(g.name)}")
            if g.members is None:
                # The reader did not read them: say nothing rather than declare an empty group.
                out.comment(2, "members not read: membership left alone")
                self.note(f"group {g.name!r}: members were not read; membership left unmanaged")
                continue
            bad = sorted(e for e in g.members if not self._user_ok(e))
            if bad:
                why = self._why_user(bad[0])
                out.comment(2, f"members left alone: {scalar(bad[0])} {why}")
                self.note(f"group {g.name!r}: members left unmanaged, {bad[0]} {why}")
                continue
            if not g.members:
                out.add(2, "members: []")
                continue
            out.add(2, "members:")
            for email in sorted(g.members):
                out.add(3, f"- {scalar(email)}")
        return out

    def _user_ok(self, email: str) -> bool:
        return email in self.live.users and self.email_ok(email)

    def _why_user(self, email: str) -> str:
        if not self.email_ok(email):
            return "is not an email address a manifest accepts"
        return "is not an active user of this workspace"

    # ---------------------------------------------------------------- users

    def users(self) -> _Text:
        out = _Text()
        kept = []
        for email in self.live.users:
            if self.email_ok(email):
                kept.append(email)
            else:
                self.note(f"user {email!r} left out: not an email address a manifest accepts")
        if not kept:
            out.add(0, "users: []")
            return out
        out.add(0, "users:")
        for email in sorted(kept):
            out.add(1, f"- email: {scalar(email)}")
            out.add(2, "active: true")
        return out

    # ---------------------------------------------------------------- projects

    def projects(self, public: list[LiveProject]) -> _Text:
        out = _Text()
        kept: list[LiveProject] = []
        for p in self.live.projects.values():
            if self.uuid_ok(p.id):
                kept.append(p)
            else:
                self.note(f"project {p.title!r} left out: its id {p.id!r} is not a UUID")
        if not kept:
            out.add(0, "projects: []")
            return out
        out.add(0, "projects:")
        for p in sorted(kept, key=lambda p: (p.title.casefold(), p.title, p.id)):
            out.item(p.title)
            self.project(out, p)
            if level_or_none(p.sharing.public_web) is not None:
                public.append(p)
        return out

    def project(self, out: _Text, p: LiveProject) -> None:
        # Who owns the project, for the reader: a manifest cannot set an owner, so only a comment
        # (on the title's line, or the id's when the title cannot be written) that plan ignores.
        # As Hex lists it; escaped (quoted, on one line) only if it would break the line.
        owner = None
        if p.owner is not None:
            owner = f"owner: {p.owner if p.owner.isprintable() else scalar(p.owner)}"
        if self.name_ok(p.title):
            out.add(1, f"- id: {scalar(p.id)}")
            out.add(2, f"title: {scalar(p.title)}", owner)
        else:
            # The id is the identity; a title the schema refuses is only shown.
            out.add(1, f"- id: {scalar(p.id)}", owner)
            out.comment(2, f"title: {scalar(p.title)} (cannot be written: spaces at its ends)")
        if p.status is None:
            out.add(2, "status: null")
        elif p.status:
            out.add(2, f"status: {scalar(p.status)}")
        else:
            out.comment(2, f"status: {scalar(p.status)} left alone (a manifest cannot write it)")
            self.note(f"project {p.title!r} ({p.id}): status {p.status!r} left unmanaged")
        s = p.sharing
        label = f"project {p.title!r} ({p.id})"
        out.add(2, "sharing:")
        for dimension, level in (("workspace", s.workspace), ("public_web", s.public_web)):
            self.sharing_level(out, label, dimension, level, self.levels.__contains__)
        self.sharing_map(out, label, "users", s.users, self._why_not_user, p.owner, "owner")
        self.sharing_map(out, label, "groups", s.groups, self._why_not_group)
        self.sharing_map(out, label, "collections", s.collections, self._why_not_collection)

    def sharing_level(
        self, out: _Text, label: str, dimension: str, level: str, ok: Callable[[str], bool]
    ) -> None:
        """One scalar dimension; a level a manifest cannot hold leaves it alone, with a note."""
        if ok(level):
            out.add(3, f"{dimension}: {scalar(level)}")
            return
        out.comment(3, f"{dimension}: left alone, {_UNKNOWN_LEVEL.format(scalar(level))}")
        self.note(
            f"{label}: sharing.{dimension} left unmanaged, {_UNKNOWN_LEVEL.format(repr(level))}"
        )

    def sharing_map(
        self,
        out: _Text,
        label: str,
        dimension: str,
        entries: Mapping[str, str],
        why_not: Callable[[str], str | None],
        owner: str | None = None,
        owner_word: str = "",
        level_ok: Callable[[str], bool] | None = None,
    ) -> None:
        """One principal map; ``owner`` (a project's owner, a collection's creator) is marked
        with ``owner_word``; ``level_ok`` says which levels a manifest can hold."""
        ok = level_ok or self.levels.__contains__
        problems: list[tuple[str, str]] = []
        for key, level in entries.items():
            why = why_not(key)
            if why is None and not ok(level):
                why = f"has {_UNKNOWN_LEVEL.format(scalar(level))}"
            if why is not None:
                problems.append((key, why))
        if problems:
            # Listing the others alone would remove this one's access: leave the dimension alone.
            key, why = min(problems)
            out.comment(3, f"{dimension}: left alone, {scalar(key)} {why}")
            self.note(f"{label}: sharing.{dimension} left unmanaged, {key!r} {why}")
            return
        if not entries:
            out.add(3, f"{dimension}: {{}}")
            return
        out.add(3, f"{dimension}:")
        keys = sorted(entries) if dimension == "users" else _sort_names(entries)
        for key in keys:
            marked = owner_word if owner is not None and key == owner else None
            *first, last = entry(key, entries[key])
            for line in first:
                out.add(4, line)
            out.add(4, last, marked)

    def _why_not_user(self, email: str) -> str | None:
        return None if self._user_ok(email) else self._why_user(email)

    def _why_not_group(self, name: str) -> str | None:
        if not self.name_ok(name):
            return "has spaces at its ends, which a manifest name cannot"
        return None if name in self.live.groups else "is not a group this token can see"

    def _why_not_collection(self, name: str) -> str | None:
        if not self.name_ok(name):
            return "has spaces at its ends, which a manifest name cannot"
        return None if name in self.live.collections else "is not a collection this token can see"


def _matcher(pattern: str) -> Callable[[str], bool]:
    compiled = re.compile(pattern)
    # jsonschema's "pattern" is a search, which is what this mirrors.
    return lambda text: compiled.search(text) is not None


def _file(schema_ref: str, about: str, body: list[str]) -> str:
    head = [f"# yaml-language-server: $schema={schema_ref}", f"# {about}", ""]
    return "\n".join([*head, *body]) + "\n"


# ------------------------------------------------------------------------------------ statuses


def write_statuses(out: _Text, statuses: list[str]) -> None:
    """``policy.statuses``: with it, validate and plan catch a mistyped status (docs/plan.md)."""
    out.comment(1, "Statuses seen on live projects (the API lists none): add any other Hex has.")
    out.add(1, "statuses:")
    for status in statuses:
        out.add(2, f"- {scalar(status)}")


# ------------------------------------------------------------------------------------ split

# validate and plan refuse a file over 5 MB (manifest.yamlsafe.FileLimits): an exported file stays
# under a fifth of that, so a workspace can grow a good deal before a re-export is needed.
SPLIT_BYTES = 1_000_000
# Kinds whose file may be split, each into a folder of its own name (``projects/a.yaml`` …).
SPLIT_KINDS: tuple[ExportKind, ...] = ("groups", "projects")
_MAX_PREFIX = 8  # beyond this many leading characters, a bucket is cut into numbered parts
_FILE_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def split_file(name: str, body: _Text, schema_ref: str) -> dict[str, str]:
    """``{name: text}``, or, when the text would exceed :data:`SPLIT_BYTES`, the same items
    in files under a folder named after the kind, one per leading characters of the name
    (see docs/export.md "Large workspaces"). Every part is a manifest that merges with the rest.
    """
    whole = _file(schema_ref, _ABOUT[name], body.lines)
    kind = name.removesuffix(".yaml")
    if len(whole.encode("utf-8")) <= SPLIT_BYTES or kind not in SPLIT_KINDS or not body.items:
        return {name: whole}
    head = body.lines[: body.items[0][1]]  # "projects:" (and any comment above the items)
    ends = [start for _, start in body.items[1:]] + [len(body.lines)]
    blocks = [
        (key, body.lines[start:end]) for (key, start), end in zip(body.items, ends, strict=True)
    ]
    parts: dict[str, str] = {}
    for prefix, lines in _buckets(blocks, 1):
        about = f"{_ABOUT[name]} Names starting {prefix!r} (split: see docs/export.md)."
        parts[f"{kind}/{prefix}.yaml"] = _file(_deeper(schema_ref), about, [*head, *lines])
    return dict(sorted(parts.items()))


def _prefix(name: str, depth: int) -> str:
    text = name.strip().casefold()[:depth]
    return "".join(c if c in _FILE_CHARS else "_" for c in text) or "_"


def _size(blocks: list[tuple[str, list[str]]]) -> int:
    return sum(len(line.encode("utf-8")) + 1 for _, lines in blocks for line in lines)


def _buckets(blocks: list[tuple[str, list[str]]], depth: int) -> list[tuple[str, list[str]]]:
    """(file prefix, lines) per bucket of names sharing their first ``depth`` characters; a
    bucket over the budget is split by one more character, then into numbered parts."""
    grouped: dict[str, list[tuple[str, list[str]]]] = {}
    for block in blocks:
        grouped.setdefault(_prefix(block[0], depth), []).append(block)
    out: list[tuple[str, list[str]]] = []
    for prefix, members in grouped.items():
        if _size(members) <= SPLIT_BYTES:
            out.append((prefix, [line for _, lines in members for line in lines]))
        elif depth < _MAX_PREFIX and len({_prefix(k, depth + 1) for k, _ in members}) > 1:
            out.extend(_buckets(members, depth + 1))
        else:
            out.extend(_numbered(prefix, members))
    return out


def _numbered(prefix: str, blocks: list[tuple[str, list[str]]]) -> list[tuple[str, list[str]]]:
    out: list[tuple[str, list[str]]] = []
    current: list[str] = []
    size = 0
    for _, lines in blocks:
        cost = sum(len(line.encode("utf-8")) + 1 for line in lines)
        if current and size + cost > SPLIT_BYTES:
            out.append((f"{prefix}-{len(out) + 1}", current))
            current, size = [], 0
        current.extend(lines)
        size += cost
    out.append((f"{prefix}-{len(out) + 1}", current))
    return out


def _deeper(schema_ref: str) -> str:
    """A relative ``$schema`` path as seen from one folder further down; a URL as it is."""
    if "://" in schema_ref or schema_ref.startswith("/"):
        return schema_ref
    return f"../{schema_ref}"
