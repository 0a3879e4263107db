"""Manifest layers merged into one desired state (docs/workspaces.md, "Layers").

A workspace of ``hexsync.yaml`` lists its manifests as layers (``[base/, prod/]``). Within a
layer the manifests' own rules hold (each object once, one ``policy`` block). Across layers:

- an object of a later layer with the identity of an earlier one (a project's id, or its title
  when it has none; a group's, collection's, rule's or policy's name; a user's email; a data
  connection's id, else its name) is merged into it field by field, the later layer winning;
- ``sharing`` merges per dimension and its grants by principal (a user, group or collection
  keeps the earlier layer's level unless the later layer names it); a group's ``members``
  merge by email; ``policy`` merges per field (``prune`` and ``protect`` per key); every other
  field (a rule's ``match``, a status, a list) is replaced whole;
- ``policy.locked`` in a layer names fields no later layer may loosen
  (``allow_public_web``, ``max_destroy`` …), ``grants`` (no grant of that layer lowered or
  given an expiry) and ``policies`` (none of its access policies redefined). Loosening one is
  an error naming both places.

The merged data is one :class:`LayeredDocument` whose every value still knows the file, line
and column it was written at, so each problem and each change of a plan points into the layer
that wrote it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path as FsPath
from typing import Any

from hexsync.manifest.build import ParsedDocument, build_desired
from hexsync.manifest.load import DEFAULT_LIMITS, CheckResult, finish, read_files
from hexsync.manifest.problems import ManifestError, Path, Problem
from hexsync.manifest.schema import schema_problems
from hexsync.manifest.yamlsafe import Document, FileLimits, paused_gc
from hexsync.values.connections import connection_lowers
from hexsync.values.desired import Desired, Mark, parse_duration
from hexsync.values.hex_access import collection_lowers
from hexsync.values.plan import access_rank

__all__ = ["LOCKABLE", "LayeredDocument", "Overrides", "check_layers", "load_layers"]

# What ``policy.locked`` may name: policy fields (dotted below prune and protect), and two sets.
LOCKABLE = (
    "allow_public_web",
    "allow_open_connections",
    "max_destroy",
    "max_rule_matches",
    "max_grant_duration",
    "expiry_warning",
    "prune.groups",
    "prune.users",
    "protect.groups",
    "protect.users",
    "statuses",
    "protected_statuses",
    "collection_levels",
    "grants",
    "policies",
)
_FLAGS = ("allow_public_web", "allow_open_connections", "prune.groups", "prune.users")


@dataclass
class LayeredDocument(Document):
    """Merged layers as one document: ``origins`` maps a path of the merged data to the
    document and path it was written at (the longest recorded prefix of a path decides)."""

    origins: dict[Path, tuple[Document, Path]] = field(default_factory=dict, repr=False)

    def located(self, path: Path) -> tuple[Document, Path]:
        for cut in range(len(path), -1, -1):
            found = self.origins.get(path[:cut])
            if found is not None:
                doc, source = found
                return doc.located((*source, *path[cut:]))
        return super().located(path)

    def mark(self, path: Path) -> Mark:
        doc, where = self.located(path)
        return Mark(self.file, 1, 1) if doc is self else doc.mark(where)

    def key_mark(self, path: Path) -> Mark:
        doc, where = self.located(path)
        return Mark(self.file, 1, 1) if doc is self else doc.key_mark(where)

    def node(self, path: Path) -> Any:
        doc, where = self.located(path)
        return None if doc is self else doc.node(where)


@dataclass(frozen=True)
class Overrides:
    """Policy fields of ``hexsync.yaml`` for one workspace: a last layer of their own."""

    document: Document
    path: Path  # where the workspace's ``policy`` mapping is in it
    policy: Mapping[str, Any]


def _lower(value: Any) -> str | None:
    return value.lower() if isinstance(value, str) else None


def _identity(kind: str, entry: Mapping[str, Any]) -> tuple[str, str] | None:
    """How a later layer names the same object as an earlier one."""
    if kind == "projects":
        if isinstance(entry.get("id"), str):
            return ("id", entry["id"].lower())
        return ("title", entry["title"]) if isinstance(entry.get("title"), str) else None
    if kind == "connections":
        if isinstance(entry.get("id"), str):
            return ("id", entry["id"].lower())
        return ("name", entry["name"]) if isinstance(entry.get("name"), str) else None
    key = "email" if kind == "users" else "name"
    value = entry.get(key)
    if not isinstance(value, str):
        return None
    return (key, value.lower() if kind == "users" else value)


_LISTS = ("collections", "connections", "groups", "users", "projects", "rules", "policies")
_SINGLE = ("version", "workspace", "reviewers")
_SHARED = ("projects", "collections", "connections")  # whose sharing holds grants
_MAPS = ("users", "groups", "collections")  # sharing dimensions that map principals to levels


def _level(value: Any) -> tuple[str | None, bool]:
    """A grant's level and whether it has an ``expires``."""
    if isinstance(value, Mapping):
        return _lower_none(value.get("level")), "expires" in value
    return _lower_none(value), False


def _lower_none(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _lowers(kind: str, old: str | None, new: str | None) -> bool:
    if kind == "collections":
        return collection_lowers(old, new)
    if kind == "connections":
        return connection_lowers(old, new)
    return access_rank(new) < access_rank(old)


@dataclass(frozen=True)
class _Lock:
    name: str
    value: Any
    value_mark: Mark | None
    lock_mark: Mark


@dataclass(frozen=True)
class _Grant:
    level: str | None
    expires: bool
    mark: Mark
    lock_mark: Mark


def _policy_get(policy: Mapping[str, Any], name: str) -> tuple[bool, Any]:
    head, _, tail = name.partition(".")
    if head not in policy:
        return False, None
    value = policy[head]
    if not tail:
        return True, value
    if not isinstance(value, Mapping) or tail not in value:
        return False, None
    return True, value[tail]


def _loosens(name: str, locked: Any, new: Any) -> bool:
    """Whether ``new`` is looser than the locked value (a change without an order is)."""
    if new == locked:
        return False
    if name in ("allow_public_web", "allow_open_connections"):
        return bool(new) and not bool(locked)
    if name == "max_destroy":
        return not isinstance(new, int) or not isinstance(locked, int) or new > locked
    if name == "max_rule_matches":
        if isinstance(new, int) and isinstance(locked, int):
            return new > locked
        if isinstance(new, str) and isinstance(locked, str):
            return int(new.rstrip("%")) > int(locked.rstrip("%"))
        return True
    if name in ("max_grant_duration", "expiry_warning"):
        before, after = parse_duration(str(locked)), parse_duration(str(new))
        if before is None or after is None:
            return True
        return after > before if name == "max_grant_duration" else after < before
    if name in ("protect.groups", "protect.users", "protected_statuses"):
        users = name == "protect.users"

        def fold(items: Any) -> set[str]:
            return {str(x).lower() if users else str(x) for x in items or ()}

        return not fold(new) >= fold(locked)
    return True


class _Origins(dict[Path, tuple[Document, Path]]):
    """Origins that know which paths have something recorded below them: replacing a value
    then looks for its stale descendants only where there are some (large layers stay linear)."""

    def __init__(self) -> None:
        super().__init__()
        self.below: set[Path] = set()

    def __setitem__(self, path: Path, origin: tuple[Document, Path]) -> None:
        super().__setitem__(path, origin)
        self.below.update(path[:cut] for cut in range(len(path)))

    def drop_below(self, path: Path) -> None:
        if path not in self.below:
            return
        for known in [p for p in self if len(p) > len(path) and p[: len(path)] == path]:
            del self[known]
        self.below.discard(path)


class _Merger:
    """Layer after layer into one mapping, with ``origins`` for every value's place."""

    def __init__(self, first: Document) -> None:
        self.data: dict[str, Any] = {}
        self.origins = _Origins()
        self.origins[()] = (first, ())
        self.index: dict[tuple[str, tuple[str, str]], int] = {}
        self.locks: dict[str, _Lock] = {}
        self.grants: dict[tuple[str, tuple[str, str], str, str], _Grant] = {}
        self.policies: dict[str, tuple[Mark, Mark]] = {}  # name → (declared, locked)
        self.problems: list[Problem] = []

    # ------------------------------------------------------------ places

    def where(self, path: Path) -> Mark:
        doc, source = self._resolve(path)
        return doc.mark(source)

    def _resolve(self, path: Path) -> tuple[Document, Path]:
        for cut in range(len(path), -1, -1):
            found = self.origins.get(path[:cut])
            if found is not None:
                return found[0], (*found[1], *path[cut:])
        raise AssertionError("the root always has an origin")  # pragma: no cover

    def _set(self, path: Path, doc: Document, source: Path) -> None:
        """``path`` now comes from ``source`` in ``doc``; what was recorded below it is gone."""
        self.origins.drop_below(path)
        self.origins[path] = (doc, source)

    def _pin(self, value: Any, path: Path) -> None:
        """Record where each child of ``value`` came from, before ``path`` points elsewhere."""
        keys: list[str | int] = list(value) if isinstance(value, dict) else list(range(len(value)))
        for key in keys:
            child = (*path, key)
            if child not in self.origins:
                self.origins[child] = self._resolve(child)

    # ------------------------------------------------------------ merging

    def layer(self, docs: Sequence[Document]) -> None:
        seen: set[tuple[str, tuple[str, str]]] = set()
        singles: dict[str, Mark] = {}
        for doc in docs:
            data = doc.data if isinstance(doc.data, dict) else {}
            for key, value in data.items():
                if key in _LISTS and isinstance(value, list):
                    for index, entry in enumerate(value):
                        if isinstance(entry, dict):
                            self._entry(key, entry, doc, (key, index), seen)
                elif key in (*_SINGLE, "policy"):
                    mark = doc.key_mark((key,))
                    if key in singles:
                        self.problems.append(
                            Problem.at(
                                mark,
                                (key,),
                                f"duplicate '{key}' block; first declared at {singles[key]}",
                                "one per layer: remove or merge one",
                            )
                        )
                        continue
                    singles[key] = mark
                    if key == "policy" and isinstance(value, dict):
                        self._policy(value, doc)
                    else:
                        self.data[key] = value
                        self._set((key,), doc, (key,))
        self._record_locks(docs)

    def _entry(
        self,
        kind: str,
        entry: dict[str, Any],
        doc: Document,
        source: Path,
        seen: set[tuple[str, tuple[str, str]]],
    ) -> None:
        items: list[Any] = self.data.setdefault(kind, [])
        if (kind,) not in self.origins:
            self.origins[(kind,)] = (doc, (kind,))
        ident = _identity(kind, entry)
        key = (kind, ident) if ident is not None else None
        if key is None or key not in self.index or key in seen:
            # New here, or twice in one layer (the duplicate is reported as in one layer).
            if key is not None:
                seen.add(key)
                self.index.setdefault(key, len(items))
            self._set((kind, len(items)), doc, source)
            items.append(dict(entry))
            return
        seen.add(key)
        at = self.index[key]
        target: dict[str, Any] = items[at]
        path: Path = (kind, at)
        if kind == "policies" and ident is not None and ident[1] in self.policies:
            declared, locked = self.policies[ident[1]]
            self.problems.append(
                Problem.at(
                    doc.mark(source),
                    source,
                    f"policy '{ident[1]}' is declared at {declared} and locked at {locked}"
                    " (policy.locked: policies): a later layer may not redefine it",
                    "give this policy another name, or change it in the layer that locks it",
                )
            )
            return
        if kind in _SHARED and ident is not None:
            self._check_grants(kind, ident, entry, doc, source)
        self._pin(target, path)
        self.origins[path] = (doc, source)
        for name, value in entry.items():
            here, there = (*path, name), (*source, name)
            old = target.get(name)
            if name == "sharing" and isinstance(value, dict) and isinstance(old, dict):
                self._sharing(old, here, value, doc, there)
            elif name == "members" and isinstance(value, list) and isinstance(old, list):
                self._members(old, here, value, doc, there)
            else:
                target[name] = value
                self._set(here, doc, there)

    def _sharing(
        self,
        target: dict[str, Any],
        path: Path,
        incoming: dict[str, Any],
        doc: Document,
        source: Path,
    ) -> None:
        self._pin(target, path)
        self.origins[path] = (doc, source)
        for dim, value in incoming.items():
            here, there = (*path, dim), (*source, dim)
            old = target.get(dim)
            if isinstance(value, dict) and isinstance(old, dict) and dim != "mode":
                self._pin(old, here)
                self.origins[here] = (doc, there)
                merged = dict(old)
                for principal, level in value.items():
                    # Emails compare case-insensitively: one grant per person.
                    same = [k for k in merged if dim == "users" and _lower(k) == _lower(principal)]
                    for k in same:
                        del merged[k]
                        self.origins.pop((*here, k), None)
                    merged[principal] = level
                    self._set((*here, principal), doc, (*there, principal))
                target[dim] = merged
            else:
                target[dim] = value
                self._set(here, doc, there)

    def _members(
        self, target: list[Any], path: Path, incoming: list[Any], doc: Document, source: Path
    ) -> None:
        def email(item: Any) -> str | None:
            return _lower(item.get("email") if isinstance(item, dict) else item)

        self._pin(target, path)
        self.origins[path] = (doc, source)
        at = {email(item): i for i, item in enumerate(target)}
        for index, item in enumerate(incoming):
            key = email(item)
            if key in at:
                target[at[key]] = item
                self._set((*path, at[key]), doc, (*source, index))
            else:
                at[key] = len(target)
                self._set((*path, len(target)), doc, (*source, index))
                target.append(item)

    def _policy(self, incoming: dict[str, Any], doc: Document) -> None:
        target: dict[str, Any] = self.data.setdefault("policy", {})
        path: Path = ("policy",)
        if path in self.origins and target:
            self._pin(target, path)
        self.origins[path] = (doc, path)
        for name, lock in self.locks.items():
            present, value = _policy_get(incoming, name)
            if present and _loosens(name, lock.value, value):
                where = ("policy", *name.split("."))
                was = f" ({lock.value_mark})" if lock.value_mark is not None else ""
                self.problems.append(
                    Problem.at(
                        doc.mark(where),
                        where,
                        f"{_shown(value)} loosens a locked field: it is"
                        f" {_shown(lock.value)}{was}, locked at {lock.lock_mark}",
                        "a later layer may keep a locked field or make it stricter; change"
                        " it in the layer that locks it, if it must change",
                    )
                )
        for name, value in incoming.items():
            here = (*path, name)
            old = target.get(name)
            if name in ("prune", "protect") and isinstance(value, dict) and isinstance(old, dict):
                self._pin(old, here)
                self.origins[here] = (doc, here)
                old.update(value)
                for key in value:
                    self._set((*here, key), doc, (*here, key))
            elif name == "locked" and isinstance(value, list):
                target[name] = [*(old or []), *(v for v in value if v not in (old or []))]
            else:
                target[name] = dict(value) if isinstance(value, dict) else value
                self._set(here, doc, here)

    # ------------------------------------------------------------ locks

    def _record_locks(self, docs: Sequence[Document]) -> None:
        """This layer's ``policy.locked``: held against every later layer."""
        for doc in docs:
            data = doc.data if isinstance(doc.data, dict) else {}
            policy = data.get("policy")
            names = policy.get("locked") if isinstance(policy, dict) else None
            if not isinstance(names, list):
                continue
            for index, name in enumerate(names):
                where: Path = ("policy", "locked", index)
                lock_mark = doc.mark(where)
                if name == "grants":
                    self._lock_grants(lock_mark)
                elif name == "policies":
                    for i, entry in enumerate(self.data.get("policies", [])):
                        if isinstance(entry, dict) and isinstance(entry.get("name"), str):
                            self.policies[entry["name"]] = (self.where(("policies", i)), lock_mark)
                else:
                    self._lock_field(name, lock_mark, where)

    def _lock_field(self, name: str, lock_mark: Mark, where: Path) -> None:
        present, value = _policy_get(self.data.get("policy", {}), name)
        if not present and name not in _FLAGS:
            self.problems.append(
                Problem.at(
                    lock_mark,
                    where,
                    f"policy.locked names {name}, which no layer up to this one sets",
                    f"set policy.{name} in this layer (the value later layers must keep)",
                )
            )
            return
        value_mark = self.where(("policy", *name.split("."))) if present else None
        self.locks[name] = _Lock(name, value if present else False, value_mark, lock_mark)

    def _lock_grants(self, lock_mark: Mark) -> None:
        for kind in _SHARED:
            for index, entry in enumerate(self.data.get(kind, [])):
                ident = _identity(kind, entry) if isinstance(entry, dict) else None
                sharing = entry.get("sharing") if isinstance(entry, dict) else None
                if ident is None or not isinstance(sharing, dict):
                    continue
                base: Path = (kind, index, "sharing")
                for dim, value in sharing.items():
                    if dim == "mode":
                        continue
                    pairs = value.items() if isinstance(value, dict) else [("", value)]
                    for principal, level in pairs:
                        found, expires = _level(level)
                        at = (*base, dim, principal) if principal else (*base, dim)
                        key = (kind, ident, dim, _lower(principal) or "")
                        self.grants[key] = _Grant(found, expires, self.where(at), lock_mark)

    def _check_grants(
        self,
        kind: str,
        ident: tuple[str, str],
        entry: Mapping[str, Any],
        doc: Document,
        source: Path,
    ) -> None:
        sharing = entry.get("sharing")
        if not isinstance(sharing, dict):
            return
        for dim, value in sharing.items():
            if dim == "mode":
                continue
            pairs = value.items() if isinstance(value, dict) else [("", value)]
            for principal, level in pairs:
                grant = self.grants.get((kind, ident, dim, _lower(principal) or ""))
                if grant is None:
                    continue
                new, expires = _level(level)
                lowered = _lowers(kind, grant.level, new)
                if not lowered and not (expires and not grant.expires):
                    continue
                where: Path = (*source, "sharing", dim, *((principal,) if principal else ()))
                how = f"lowered to {new}" if lowered else "given an expiry"
                self.problems.append(
                    Problem.at(
                        doc.key_mark(where) if principal else doc.mark(where),
                        where,
                        f"{how} here, but the grant of {grant.level} at"
                        f" {grant.mark} is locked at {grant.lock_mark} (policy.locked: grants)",
                        "a later layer may raise a locked grant, never lower or remove it",
                    )
                )


def _shown(value: Any) -> str:
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, list):
        return "[" + ", ".join(str(v) for v in value) + "]"
    return str(value)


def check_layers(
    layers: Sequence[Sequence[str | os.PathLike[str]]],
    *,
    overrides: Overrides | None = None,
    limits: FileLimits = DEFAULT_LIMITS,
    relative_to: FsPath | None = None,
) -> CheckResult:
    """Read each layer (files and folders, as ``check`` reads them), merge them in order and
    check the result; every problem located in the file that holds it."""
    with paused_gc():
        return _check_layers(layers, overrides, limits, relative_to)


def _check_layers(
    layers: Sequence[Sequence[str | os.PathLike[str]]],
    overrides: Overrides | None,
    limits: FileLimits,
    relative_to: FsPath | None,
) -> CheckResult:
    base = (relative_to or FsPath.cwd()).resolve()
    reads = [read_files(paths, limits, base) for paths in layers]
    problems = [p for read in reads for p in read.problems]
    files = [shown for read in reads for _, shown in read.files]
    docs = [[p.doc for p in read.parsed] for read in reads]
    if overrides is not None:
        view = LayeredDocument(
            overrides.document.file,
            {"policy": dict(overrides.policy)},
            origins={
                (): (overrides.document, overrides.path[:-1]),
                ("policy",): (overrides.document, overrides.path),
            },
        )
        problems += schema_problems(view)[0]
        docs.append([view])
        files.append(overrides.document.file)
    all_read = all(read.all_read for read in reads)
    if any(p.severity == "error" for p in problems) or not any(docs):
        return CheckResult(None, finish(None, problems, files).problems, _shown_files(reads))
    first = next(doc for layer in docs for doc in layer)
    merger = _Merger(first)
    for layer in docs:
        merger.layer(layer)
    merged = LayeredDocument(first.file, merger.data, origins=merger.origins)
    desired, more = build_desired([ParsedDocument(merged)], all_read=all_read)
    if desired is not None:
        desired = replace(desired, files=tuple(f for read in reads for f in read.shown))
    result = finish(desired, [*problems, *merger.problems, *more], files)
    return CheckResult(result.desired, result.problems, _shown_files(reads))


def _shown_files(reads: Sequence[Any]) -> tuple[str, ...]:
    return tuple(f for read in reads for f in read.shown)


def load_layers(
    layers: Sequence[Sequence[str | os.PathLike[str]]],
    *,
    overrides: Overrides | None = None,
    limits: FileLimits = DEFAULT_LIMITS,
    relative_to: FsPath | None = None,
    on_warning: Callable[[Problem], None] | None = None,
) -> Desired:
    """The desired state of merged layers, or ``ManifestError`` with every problem."""
    result = check_layers(layers, overrides=overrides, limits=limits, relative_to=relative_to)
    if on_warning is not None and result.desired is not None:
        for problem in result.problems:
            if problem.severity == "warning":
                on_warning(problem)
    if result.desired is None:
        raise ManifestError(result.problems)
    return result.desired
