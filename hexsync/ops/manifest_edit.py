"""Edit manifest files in place, keeping their comments, order and style (``review close``).

PyYAML reads a file into plain values and writes it back without its comments, in its own order
and style: a review that closes by rewriting the manifests that way would lose every comment a
team wrote. ruamel.yaml's round-trip mode keeps them, and the flow or block style of each
mapping and list; only the entries removed (and the lines they were on) go.

A :class:`Removal` names one grant as the manifests write it; :func:`remove` finds it in the
files and deletes it (or sets a ``workspace`` / ``public_web`` level to ``NONE``), or says why it
cannot: the grant is not written there, it is in an additive list (deleting it would not remove
it), or a rule grants it.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.util import load_yaml_guess_indent

from hexsync.manifest import find_files
from hexsync.values.desired import Desired

__all__ = ["Edited", "ManifestFiles", "Removal", "round_trip"]


@dataclass(frozen=True)
class Removal:
    """One grant to take away, as the manifests write it.

    ``what``: ``project`` (``sharing.DIM[KEY]`` of project ``target`` (id) / ``title``),
    ``project-level`` (its ``sharing.DIM`` set to NONE), ``member`` (``KEY`` from group
    ``target``'s members), ``collection`` (``sharing.DIM[KEY]`` of collection ``target``),
    ``collection-level`` (its ``sharing.workspace`` set to NONE).
    """

    what: str
    target: str
    title: str
    dim: str
    key: str = ""

    @property
    def text(self) -> str:
        if self.what == "member":
            return f"group '{self.target}': member {self.key}"
        if self.what.startswith("project"):
            where = f"project '{self.title}'"
        else:
            where = f"collection '{self.target}'"
        if self.what.endswith("-level"):
            return f"{where}: sharing.{self.dim}: NONE"
        return f"{where}: sharing.{self.dim}[{self.key}]"


@dataclass(frozen=True)
class Edited:
    """A removal carried out: where it was written."""

    removal: Removal
    file: str
    line: int

    @property
    def text(self) -> str:
        return f"{self.file}:{self.line}: {self.removal.text}"


def round_trip(text: str) -> YAML:
    """A round-trip YAML reader and writer in the indentation ``text`` uses."""
    _, indent, offset = load_yaml_guess_indent(text)
    y = YAML()
    y.preserve_quotes = True
    y.width = 4096
    mapping = indent - offset if indent and indent > offset else 2
    y.indent(mapping=mapping, sequence=indent or 2, offset=offset or 0)
    return y


class ManifestFiles:
    """The manifest files at ``paths``, read for round-trip editing."""

    def __init__(self, paths: Sequence[str | os.PathLike[str]], desired: Desired) -> None:
        found, problems = find_files(paths, Path.cwd().resolve())
        if problems:
            raise ValueError("; ".join(p.message for p in problems))
        self.desired = desired
        self.files: list[tuple[Path, str, YAML, Any, str]] = []
        for path, shown in found:
            text = path.read_text(encoding="utf-8")
            y = round_trip(text)
            self.files.append((path, shown, y, y.load(text), text))
        self.changed: set[str] = set()

    def _entries(self, key: str) -> Iterator[tuple[str, CommentedSeq, int, CommentedMap]]:
        for _, shown, _, data, _ in self.files:
            if not isinstance(data, CommentedMap):
                continue
            entries = data.get(key)
            if not isinstance(entries, CommentedSeq):
                continue
            for index, entry in enumerate(entries):
                if isinstance(entry, CommentedMap):
                    yield shown, entries, index, entry

    def _project(self, pid: str, title: str) -> tuple[str, CommentedMap] | None:
        for shown, _, _, entry in self._entries("projects"):
            ident = entry.get("id")
            if isinstance(ident, str) and ident.lower() == pid.lower():
                return shown, entry
        for shown, _, _, entry in self._entries("projects"):
            if "id" not in entry and entry.get("title") == title:
                return shown, entry
        return None

    def _named(self, key: str, name: str) -> tuple[str, CommentedMap] | None:
        for shown, _, _, entry in self._entries(key):
            if entry.get("name") == name:
                return shown, entry
        return None

    def _rule_granting(self, r: Removal) -> str:
        for rule in self.desired.rules:
            shared = getattr(rule.sharing, r.dim, None) if rule.sharing is not None else None
            if shared is not None and r.key.lower() in {k.lower() for k in shared}:
                return f"; rule '{rule.name}' ({rule.mark}) grants it: narrow the rule instead"
        return ""

    def remove(self, r: Removal) -> Edited:
        """Carry out ``r``, or raise ValueError saying why it cannot be written."""
        if r.what == "member":
            return self._member(r)
        if r.what.startswith("project"):
            found = self._project(r.target, r.title)
            label = f"project '{r.title}'"
        else:
            found = self._named("collections", r.target)
            label = f"collection '{r.target}'"
        if found is None:
            raise ValueError(
                f"{r.text}: {label} is not declared in the manifests{self._rule_granting(r)}"
                " (declare it, hexsync export writes it, or remove the grant in Hex)"
            )
        shown, entry = found
        sharing = entry.get("sharing")
        if r.what.endswith("-level"):
            return self._level(r, shown, entry, sharing)
        if not isinstance(sharing, CommentedMap) or not isinstance(
            sharing.get(r.dim), CommentedMap
        ):
            raise ValueError(
                f"{r.text}: {label} does not list sharing.{r.dim}{self._rule_granting(r)}"
                " (adding the dimension would remove every other grant in it)"
            )
        if _additive(sharing, r.dim):
            raise ValueError(
                f"{r.text}: sharing.{r.dim} of {label} is additive: deleting the"
                " entry would not remove the grant; make it authoritative first"
            )
        grants: CommentedMap = sharing[r.dim]
        key = next((k for k in grants if _same(r.dim, k, r.key)), None)
        if key is None:
            raise ValueError(f"{r.text}: not written in {label}{self._rule_granting(r)}")
        line = grants.lc.key(key)[0] + 1
        del grants[key]
        self.changed.add(shown)
        return Edited(r, shown, line)

    def _level(self, r: Removal, shown: str, entry: CommentedMap, sharing: Any) -> Edited:
        if sharing is None:
            entry["sharing"] = sharing = CommentedMap()
        if not isinstance(sharing, CommentedMap):
            raise ValueError(f"{r.text}: its sharing is not a mapping")
        if _additive(sharing, r.dim):
            raise ValueError(f"{r.text}: sharing.{r.dim} is additive: NONE would not lower it")
        line = (sharing.lc.key(r.dim)[0] if r.dim in sharing else entry.lc.line) + 1
        sharing[r.dim] = "NONE"
        self.changed.add(shown)
        return Edited(r, shown, line)

    def _member(self, r: Removal) -> Edited:
        found = None
        for shown, _, _, entry in self._entries("groups"):
            if entry.get("name") == r.target:
                found = shown, entry
                break
        if found is None:
            raise ValueError(f"{r.text}: group '{r.target}' is not declared in the manifests")
        shown, entry = found
        members = entry.get("members")
        if not isinstance(members, CommentedSeq):
            raise ValueError(f"{r.text}: group '{r.target}' does not list its members")
        if entry.get("members_mode") == "additive":
            raise ValueError(
                f"{r.text}: group '{r.target}' lists its members additively:"
                " deleting the line would not remove them"
            )
        for index, item in enumerate(members):
            email = item.get("email") if isinstance(item, CommentedMap) else item
            if isinstance(email, str) and email.lower() == r.key.lower():
                line = members.lc.item(index)[0] + 1
                del members[index]
                self.changed.add(shown)
                return Edited(r, shown, line)
        raise ValueError(f"{r.text}: not a member listed in group '{r.target}'")

    def texts(self) -> dict[Path, str]:
        """The new text of every file changed."""
        out = {}
        for path, shown, y, data, _ in self.files:
            if shown in self.changed:
                buffer = io.StringIO()
                y.dump(data, buffer)
                out[path] = buffer.getvalue()
        return out

    def originals(self) -> dict[Path, str]:
        return {path: text for path, shown, _, _, text in self.files if shown in self.changed}


def _additive(sharing: CommentedMap, dim: str) -> bool:
    mode = sharing.get("mode", "authoritative")
    if isinstance(mode, CommentedMap):
        return bool(mode.get(dim) == "additive")
    return bool(mode == "additive")


def _same(dim: str, written: object, key: str) -> bool:
    if not isinstance(written, str):
        return False
    return written.lower() == key.lower() if dim == "users" else written == key
