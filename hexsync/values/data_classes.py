"""Classes of data: which tables a project reads, and which of them are sensitive (docs/data.md).

``data.classes`` in the manifests names each class's tables (:class:`TablePattern`: a data
connection's exact name, then a glob on the table as Hex names it, in any case);
:class:`DataFacts` is what hexsync read of the workspace to judge them (each project's queried
tables, the connections' names, or why the workspace's plan offers no tables). A rule matches
on them with ``reads:`` (:func:`reads_tables`), a policy sees ``object.classes``
(:func:`classes_of`), the access answers say which classes a project reads.

Pure. :func:`needs_tables` says whether manifests use any of it: plans that do not never read
a table.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

from hexsync.values.desired import Desired, FrozenMap, Match, TablePattern
from hexsync.values.policy_expr import ExpressionError, check
from hexsync.values.tables import TableRef

__all__ = [
    "DataFacts",
    "DataView",
    "classes_of",
    "glob_problem",
    "in_class",
    "matches",
    "mentions_reads",
    "needs_tables",
    "policies_read_classes",
    "reads_tables",
    "split_pattern",
]


@dataclass(frozen=True)
class DataFacts:
    """What hexsync read for the data classes: per project id its queried tables, the names of
    the workspace's data connections, and ``unavailable`` (Hex's answer) when the workspace's
    plan offers no queried tables (Enterprise only): then no project's tables are known."""

    tables: FrozenMap[str, tuple[TableRef, ...]] = field(default_factory=FrozenMap)
    connections: frozenset[str] = frozenset()
    unavailable: str | None = None

    def of(self, project_id: str) -> tuple[TableRef, ...]:
        """The tables the project queries (none for a project the plan creates)."""
        return self.tables.get(project_id, ())


# ------------------------------------------------------------------------------ patterns


def split_pattern(text: str) -> tuple[str, str]:
    """``"App DB:public.users"`` as (connection, glob): split at the last ``:``, as tables are
    named (a table's name has no colon, a connection's may)."""
    connection, _, glob = text.rpartition(":")
    return connection, glob


def glob_problem(text: str) -> str | None:
    """What is wrong with a class entry or a ``reads: {table: …}`` glob, or None."""
    if ":" not in text:
        return "it has no ':' between the connection and the table"
    connection, glob = split_pattern(text)
    if not connection.strip():
        return "it names no connection before the ':'"
    if not glob.strip():
        return "it names no table after the ':'"
    if connection != connection.strip() or glob != glob.strip():
        return "it has spaces around the connection or the table"
    if glob.count("[") != glob.count("]") or re.search(r"\[[^\]]*\[", glob):
        return "a '[' in the table's glob is not closed by one ']'"
    return None


@lru_cache(maxsize=4096)
def _glob(glob: str) -> re.Pattern[str]:
    return re.compile(fnmatch.translate(glob.casefold()))


def matches(pattern: TablePattern, table: TableRef) -> bool:
    """The table is the pattern's connection's, and its name fits the glob (in any case)."""
    return table.connection == pattern.connection and (
        _glob(pattern.glob).match(table.table.casefold()) is not None
    )


def in_class(
    classes: Mapping[str, tuple[TablePattern, ...]], name: str, tables: Iterable[TableRef]
) -> tuple[TableRef, ...]:
    """The tables of ``tables`` that class ``name`` holds."""
    patterns = classes.get(name, ())
    return tuple(t for t in tables if any(matches(p, t) for p in patterns))


def classes_of(
    classes: Mapping[str, tuple[TablePattern, ...]], tables: Iterable[TableRef]
) -> dict[str, tuple[TableRef, ...]]:
    """Each class the tables hold some of, with those tables (classes in name order)."""
    listed = tuple(tables)
    out = {}
    for name in classes:
        found = in_class(classes, name, listed)
        if found:
            out[name] = found
    return out


# ------------------------------------------------------------------------------ reads:


def reads_tables(
    match: Match, classes: Mapping[str, tuple[TablePattern, ...]], tables: Iterable[TableRef]
) -> tuple[TableRef, ...]:
    """The tables a ``reads:`` leaf finds among ``tables``: of one of its classes (when it names
    any) and fitting one of its globs (when it names any)."""
    pairs = list(zip(match.values[::2], match.values[1::2], strict=True))
    names = [str(v) for k, v in pairs if k == "class"]
    globs = [
        TablePattern(*split_pattern(str(v))) for k, v in pairs if k == "table" and v is not None
    ]
    found = []
    for table in tables:
        if names and not any(in_class(classes, n, (table,)) for n in names):
            continue
        if globs and not any(matches(g, table) for g in globs):
            continue
        found.append(table)
    return tuple(found)


def _leaves(match: Match | None) -> Iterator[Match]:
    if match is None:
        return
    if match.children:
        for child in match.children:
            yield from _leaves(child)
    else:
        yield match


def mentions_reads(match: Match | None) -> bool:
    """Whether a rule's match (or except) asks what the project reads."""
    return any(leaf.op == "reads" for leaf in _leaves(match))


def _reads_classes(text: str | None) -> bool:
    if text is None:
        return False
    try:
        found = check(text)
    except ExpressionError:  # the loader refuses it; nothing to read for it
        return False
    return ("object", "classes") in found or ("object", None) in found


def policies_read_classes(desired: Desired) -> list[str]:
    """The policies whose expressions read ``object.classes`` (by name)."""
    return [p.name for p in desired.policies if _reads_classes(p.deny) or _reads_classes(p.unless)]


def needs_tables(desired: Desired) -> bool:
    """Whether planning ``desired`` needs the projects' queried tables: a project rule matches
    on ``reads``, or a policy reads ``object.classes`` while ``data.classes`` names some."""
    for rule in desired.rules:
        if not rule.for_users and (mentions_reads(rule.match) or mentions_reads(rule.exclude)):
            return True
    return bool(desired.classes) and bool(policies_read_classes(desired))


@dataclass(frozen=True)
class DataView:
    """The classes the manifests declare over the facts read: what a ``reads:`` leaf, a
    policy's ``object.classes`` and the access answers ask of one project. ``facts`` None: the
    tables were not read (or cannot be: :attr:`DataFacts.unavailable`), so no project is known
    to read anything."""

    classes: Mapping[str, tuple[TablePattern, ...]] = field(default_factory=FrozenMap)
    facts: DataFacts | None = None

    @property
    def known(self) -> bool:
        """Whether the projects' tables are known."""
        return self.facts is not None and self.facts.unavailable is None

    def tables(self, project_id: str) -> tuple[TableRef, ...]:
        return self.facts.of(project_id) if self.facts is not None else ()

    def reads(self, match: Match, project_id: str) -> tuple[TableRef, ...]:
        """The project's tables a ``reads:`` leaf finds."""
        return reads_tables(match, self.classes, self.tables(project_id))

    def classes_of(self, project_id: str) -> dict[str, tuple[TableRef, ...]]:
        """Each class the project reads, with its tables of that class."""
        return classes_of(self.classes, self.tables(project_id))
