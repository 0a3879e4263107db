"""``hexsync doctor``: the first contact with a real workspace, read-only (docs/workspaces.md).

Each kind of object is read once (one page), nothing is ever written (the reads go through
:mod:`hexsync.hexapi.probe`, which sends GETs only). From the answers: the token's kind and
role and what it may read, whether the plan offers queried tables, the rate limits the headers
show, the clock skew, and every value hexsync does not know (a role, a level, a project type or
a field): the emulator and the access rules are written from Hex's documentation, and a real
workspace is where they meet the truth. Then a verdict, and on request a report with no names,
emails or titles (shapes and counts only) to attach to a bug report.
"""

from __future__ import annotations

import email.utils
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from hexsync import __version__
from hexsync.hexapi.probe import Answer, Read
from hexsync.values.connections import CONNECTION_LEVELS
from hexsync.values.desired import Access
from hexsync.values.hex_access import COLLECTION_LEVELS, ROLE_REACH

__all__ = ["READS", "Diagnosis", "Unknown", "diagnose", "queried_tables_read"]

PAGE = {"limit": "100"}
READS = (
    Read("Me", "/users/me"),
    Read("ListUsers", "/users", PAGE),
    Read("ListGroups", "/groups", PAGE),
    Read("ListCollections", "/collections", PAGE),
    Read("ListProjects", "/projects", {**PAGE, "includeSharing": "true"}),
    Read("ListDataConnections", "/data-connections", PAGE),
)
_WHAT = {
    "ListUsers": "users",
    "ListGroups": "groups",
    "ListCollections": "collections",
    "ListProjects": "projects (with sharing)",
    "ListDataConnections": "data connections",
    "GetQueriedTables": "queried tables",
}

# The fields of each answer as Hex's API reference documents them (hexsync reads these).
_FIELDS: dict[str, frozenset[str]] = {
    "me": frozenset({"id", "name", "email", "role", "lastLoginDate", "org", "token"}),
    "user": frozenset({"id", "name", "email", "role", "lastLoginDate"}),
    "group": frozenset({"id", "name", "createdAt"}),
    "collection": frozenset({"id", "name", "description", "creator", "sharing"}),
    "project": frozenset(
        {
            "id",
            "title",
            "description",
            "type",
            "creator",
            "owner",
            "status",
            "categories",
            "reviews",
            "analytics",
            "lastEditedAt",
            "lastPublishedAt",
            "createdAt",
            "archivedAt",
            "trashedAt",
            "schedules",
            "sharing",
        }
    ),
    "project.sharing": frozenset(
        {"users", "groups", "collections", "workspace", "publicWeb", "support"}
    ),
    "project.status": frozenset({"name"}),
    "collection.sharing": frozenset({"users", "groups", "workspace"}),
    "connection": frozenset(
        {
            "id",
            "name",
            "type",
            "description",
            "connectionDetails",
            "connectViaSsh",
            "includeMagic",
            "allowWritebackCells",
            "schemaRefreshAccess",
            "schemaFilters",
            "schemaRefreshSchedule",
            "sharing",
        }
    ),
    "connection.sharing": frozenset({"workspace", "groups"}),
    "page": frozenset({"values", "pagination"}),
}
_RECORD = {
    "ListUsers": "user",
    "ListGroups": "group",
    "ListCollections": "collection",
    "ListProjects": "project",
    "ListDataConnections": "connection",
}
_PROJECT_TYPES = frozenset({"PROJECT", "COMPONENT"})
_RATE_HEADERS = ("ratelimit", "rate-limit", "retry-after")
SKEW_NOTE_SECONDS = 30.0


@dataclass(frozen=True)
class Unknown:
    """A value (or a field's name) hexsync does not know, where it was seen, how often.

    ``value`` is a role, a level, a type or a field's name: never a name, email or title."""

    kind: str  # role | project level | collection level | connection level | project type | field
    where: str  # users[].role, projects[].sharing.groups[].access, project.<field> …
    value: str
    count: int = 1


@dataclass(frozen=True)
class ReadResult:
    operation: str
    what: str
    status: int
    count: int | None  # items in the page read
    more: bool  # another page exists
    error: str | None = None

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300


@dataclass
class Diagnosis:
    """What doctor found about one workspace."""

    name: str
    host: str
    token_kind: str
    role: str | None = None
    reads: list[ReadResult] = field(default_factory=list)
    queried_tables: str = "not checked (no project was readable)"
    rate_limits: dict[str, str] = field(default_factory=dict)
    skew_seconds: float | None = None
    unknown: list[Unknown] = field(default_factory=list)
    error: str | None = None

    @property
    def authenticated(self) -> bool:
        return any(r.operation == "Me" and r.ok for r in self.reads)

    @property
    def notes(self) -> list[str]:
        out = []
        if self.unknown:
            out.append(
                f"{len(self.unknown)} value(s) hexsync does not know: plans may misjudge"
                " access there (attach `doctor --report` to a bug report)"
            )
        refused = [r.what for r in self.reads if not r.ok and r.operation != "Me"]
        if refused:
            out.append(f"the token may not read {', '.join(refused)}")
        if self.skew_seconds is not None and abs(self.skew_seconds) > SKEW_NOTE_SECONDS:
            out.append(
                f"this machine's clock is {abs(self.skew_seconds):.0f} s"
                f" {'behind' if self.skew_seconds > 0 else 'ahead of'} Hex's: grants'"
                " expires: are judged on it"
            )
        return out

    @property
    def verdict(self) -> str:
        """``ready``, ``ready, with notes`` or ``not ready``."""
        if self.error is not None or not self.authenticated:
            return "not ready"
        if any(not r.ok for r in self.reads if r.operation in _RECORD):
            return "not ready"
        return "ready, with notes" if self.notes else "ready"

    def report(self) -> dict[str, Any]:
        """The anonymised report: shapes and counts only (no names, emails, titles, ids,
        host names of single-tenant workspaces)."""
        return {
            "hexsync": __version__,
            "host": _host_kind(self.host),
            "token": {"kind": self.token_kind, "role": self.role},
            "reads": [
                {
                    "operation": r.operation,
                    "status": r.status,
                    "count": r.count,
                    "more_pages": r.more,
                }
                for r in self.reads
            ],
            "queried_tables": self.queried_tables.split(" (")[0],  # Hex's reason may name things
            "rate_limit_headers": dict(sorted(self.rate_limits.items())),
            "clock_skew_seconds": None if self.skew_seconds is None else round(self.skew_seconds),
            "unknown": [
                {"kind": u.kind, "where": u.where, "value": u.value, "count": u.count}
                for u in self.unknown
            ],
            "verdict": self.verdict,
        }


def _host_kind(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    if host in ("app.hex.tech", "eu.hex.tech"):
        return host
    if host.endswith(".hex.tech"):
        return "single-tenant (*.hex.tech)"
    return "other (a proxy or a local emulator)"


def queried_tables_read(answers: Sequence[Answer]) -> Read | None:
    """The one GetQueriedTables to send, on the first project read, if any."""
    for answer in answers:
        if answer.read.operation == "ListProjects" and answer.status == 200:
            values = _values(answer.body)
            if values and isinstance(values[0].get("id"), str):
                return Read("GetQueriedTables", f"/projects/{values[0]['id']}/queriedTables", {})
    return None


def _values(body: Any) -> list[dict[str, Any]]:
    values = body.get("values") if isinstance(body, Mapping) else None
    return [v for v in values if isinstance(v, dict)] if isinstance(values, list) else []


def _entries(value: Any) -> Iterator[dict[str, Any]]:
    if isinstance(value, list):
        yield from (v for v in value if isinstance(v, dict))


class _Collector:
    def __init__(self) -> None:
        self.found: dict[tuple[str, str, str], int] = {}

    def add(self, kind: str, where: str, value: Any) -> None:
        key = (kind, where, str(value))
        self.found[key] = self.found.get(key, 0) + 1

    def fields(self, record: Mapping[str, Any], known: str, where: str) -> None:
        for key in record:
            if key not in _FIELDS[known]:
                self.add("field", where, key)

    def level(self, kind: str, where: str, value: Any, known: Any) -> None:
        if isinstance(value, str) and value not in known:
            self.add(kind, where, value)

    def result(self) -> list[Unknown]:
        return [Unknown(k, w, v, n) for (k, w, v), n in sorted(self.found.items())]


_PROJECT_LEVELS = frozenset(a.value for a in Access)
_ROLES = frozenset(ROLE_REACH)


def _unknown(answers: Sequence[Answer]) -> list[Unknown]:
    c = _Collector()
    for answer in answers:
        body, op = answer.body, answer.read.operation
        if answer.status != 200 or not isinstance(body, dict):
            continue
        if op == "Me":
            c.fields(body, "me", "users/me")
            c.level("role", "users/me.role", body.get("role"), _ROLES)
            continue
        if op not in _RECORD:
            continue
        c.fields(body, "page", op)
        record = _RECORD[op]
        for item in _values(body):
            c.fields(item, record, f"{record}s[]")
            if record == "user":
                c.level("role", "users[].role", item.get("role"), _ROLES)
            elif record == "project":
                _project(c, item)
            elif record == "collection":
                _collection(c, item)
            elif record == "connection":
                _connection(c, item)
    return c.result()


def _project(c: _Collector, item: Mapping[str, Any]) -> None:
    c.level("project type", "projects[].type", item.get("type"), _PROJECT_TYPES)
    status = item.get("status")
    if isinstance(status, dict):
        c.fields(status, "project.status", "projects[].status")
    sharing = item.get("sharing")
    if not isinstance(sharing, dict):
        return
    c.fields(sharing, "project.sharing", "projects[].sharing")
    for dim in ("users", "groups", "collections"):
        for entry in _entries(sharing.get(dim)):
            where = f"projects[].sharing.{dim}[].access"
            c.level("project level", where, entry.get("access"), _PROJECT_LEVELS)
    for dim in ("workspace", "publicWeb", "support"):
        value = sharing.get(dim)
        if isinstance(value, dict):
            where = f"projects[].sharing.{dim}.access"
            c.level("project level", where, value.get("access"), _PROJECT_LEVELS)


def _collection(c: _Collector, item: Mapping[str, Any]) -> None:
    sharing = item.get("sharing")
    if not isinstance(sharing, dict):
        return
    c.fields(sharing, "collection.sharing", "collections[].sharing")
    for dim in ("users", "groups"):
        for entry in _entries(sharing.get(dim)):
            where = f"collections[].sharing.{dim}[].access"
            c.level("collection level", where, entry.get("access"), COLLECTION_LEVELS)
    workspace = sharing.get("workspace")
    if isinstance(workspace, dict):
        where = "collections[].sharing.workspace.members"
        c.level("collection level", where, workspace.get("members"), COLLECTION_LEVELS)


def _connection(c: _Collector, item: Mapping[str, Any]) -> None:
    sharing = item.get("sharing")
    if not isinstance(sharing, dict):
        return
    c.fields(sharing, "connection.sharing", "connections[].sharing")
    workspace = sharing.get("workspace")
    if isinstance(workspace, dict):
        for audience in ("members", "guests", "public"):
            where = f"connections[].sharing.workspace.{audience}"
            c.level("connection level", where, workspace.get(audience), CONNECTION_LEVELS)
    for entry in _entries(sharing.get("groups")):
        where = "connections[].sharing.groups[].access"
        c.level("connection level", where, entry.get("access"), CONNECTION_LEVELS)


def _skew(answers: Sequence[Answer]) -> float | None:
    """Hex's clock minus this machine's, from the ``Date`` headers (median of the answers)."""
    found = []
    for answer in answers:
        header = answer.headers.get("date") or answer.headers.get("Date")
        if not header:
            continue
        try:
            server = email.utils.parsedate_to_datetime(header).timestamp()
        except (TypeError, ValueError):
            continue
        found.append(server - (answer.sent_at + answer.received_at) / 2)
    if not found:
        return None
    found.sort()
    return found[len(found) // 2]


def _error_of(answer: Answer) -> str | None:
    if answer.error is not None:
        return answer.error
    if answer.status >= 400 and isinstance(answer.body, dict):
        reason = answer.body.get("reason") or answer.body.get("message")
        return str(reason)[:200] if reason else f"HTTP {answer.status}"
    return None


def diagnose(name: str, host: str, token_kind: str, answers: Sequence[Answer]) -> Diagnosis:
    """The diagnosis of one workspace from its answers (pure: no request here)."""
    found = Diagnosis(name, host, token_kind)
    for answer in answers:
        op = answer.read.operation
        values = _values(answer.body)
        more = isinstance(answer.body, dict) and bool(
            (answer.body.get("pagination") or {}).get("after")
        )
        count = len(values) if op in _RECORD else None
        found.reads.append(
            ReadResult(op, _WHAT.get(op, op), answer.status, count, more, _error_of(answer))
        )
        for header, value in answer.headers.items():
            if any(word in header.lower() for word in _RATE_HEADERS):
                found.rate_limits[header.lower()] = value
        if op == "Me" and answer.status == 200 and isinstance(answer.body, dict):
            role = answer.body.get("role")
            found.role = role if isinstance(role, str) else None
            if found.token_kind == "unknown":  # noqa: S105 - a kind, not a token
                found.token_kind = "personal" if answer.body.get("id") else "workspace"
        if op == "GetQueriedTables":
            if answer.status == 200:
                found.queried_tables = "offered"
            elif answer.status in (402, 403, 404):
                found.queried_tables = (
                    f"not offered (HTTP {answer.status}: {_error_of(answer) or 'no reason'})"
                )
            else:
                found.queried_tables = f"unknown (HTTP {answer.status})"
    found.skew_seconds = _skew(answers)
    found.unknown = _unknown(answers)
    if not found.authenticated:
        me = next((r for r in found.reads if r.operation == "Me"), None)
        found.error = (me.error if me else None) or "the token was not accepted"
    return found
