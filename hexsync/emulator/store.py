"""The emulator's workspace state: users, groups, collections, projects, connections, runs.

Objects refer to each other by id (a group rename touches nothing else); names and emails are
indexed so that sharing reads and writes are dictionary look-ups. Sorted orders used by the list
endpoints are cached per sort key and dropped on every write, so paging through 10,000 projects
sorts once, not once per page.

One lock guards everything (handlers hold it for the whole of a request's work). With a state
file, every write is read-modify-write under an ``fcntl`` lock on ``<state>.lock``: the store
reloads the file if another process changed it, applies the change and writes the file
atomically (temporary file + ``os.replace``), so several emulator processes share one workspace.
"""

from __future__ import annotations

import bisect
import contextlib
import json
import os
import stat
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hexsync.emulator.hex_access import capped
from hexsync.emulator.seed import Seed
from hexsync.emulator.seed_format import SeedError, iso_from_seconds, parse_time
from hexsync.errors import HexsyncError

try:  # POSIX only; without it a state file is still written atomically, just not locked.
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


class StateFileError(HexsyncError):
    """The ``--state`` file does not load (not readable, not JSON, not a workspace): its path
    and why. At start-up the emulator refuses to serve; while serving, each request is a 503."""

    def __init__(self, message: str) -> None:
        super().__init__(
            message,
            hint="fix or delete the file, or POST /_emulator/reset to write it anew from the seed",
        )


@dataclass
class User:
    id: str
    email: str
    name: str | None
    role: str
    active: bool = True
    last_login_date: str | None = None


@dataclass
class Group:
    id: str
    name: str
    created_at: str
    members: set[str] = field(default_factory=set)  # user ids


@dataclass
class Collection:
    id: str
    name: str
    description: str | None
    creator_id: str | None
    created_at: str
    users: dict[str, str] = field(default_factory=dict)  # user id → opaque access
    groups: dict[str, str] = field(default_factory=dict)  # group id → opaque access
    workspace: str | None = None


@dataclass
class Project:
    id: str
    title: str
    description: str | None
    owner_id: str
    creator_id: str
    type: str
    status: str | None
    categories: list[str]
    version: int
    created_at: str
    last_edited_at: str
    last_published_at: str | None
    archived_at: str | None
    trashed_at: str | None
    workspace: str = "NONE"
    public_web: str = "NONE"
    support: str = "NONE"
    users: dict[str, str] = field(default_factory=dict)  # user id → access
    groups: dict[str, str] = field(default_factory=dict)  # group id → access
    collections: dict[str, str] = field(default_factory=dict)  # collection id → access
    queried_tables: list[tuple[str, str]] = field(default_factory=list)  # (connection id, table)
    inputs: list[dict[str, Any]] | None = None
    run_result: str = "COMPLETED"
    views: list[dict[str, Any]] = field(default_factory=list)  # {id, name, inputs}
    last_viewed_at: str | None = None  # analytics.lastViewedAt


@dataclass
class DataConnection:
    id: str
    name: str
    type: str
    description: str | None
    details: dict[str, Any]
    connect_via_ssh: bool
    include_magic: bool
    allow_writeback_cells: bool
    schema_refresh_access: str
    workspace: dict[str, str]
    groups: dict[str, str]  # group id → access
    schema: dict[str, dict[str, str | None]] | None
    created_at: str
    schema_filters: dict[str, Any] | None = None
    schema_refresh_schedule: dict[str, Any] | None = None


@dataclass
class Run:
    id: str
    project_id: str
    created: float  # emulated seconds since the epoch
    trigger: str = "API"
    killed_at: float | None = None
    result: str = "COMPLETED"
    version: int = 1
    notifications: list[dict[str, Any]] = field(default_factory=list)
    input_params: dict[str, Any] = field(default_factory=dict)
    dry_run: bool = False  # validated only: resolvable, COMPLETED at once, never listed


@dataclass
class Token:
    token: str
    kind: str  # workspace | personal
    user_id: str | None
    expires_at: str | None


SortKey = tuple[str, ...]


class Store:
    """The workspace. Use ``read()`` / ``write()`` around every request's work."""

    def __init__(self, seed: Seed, state_path: Path | None = None) -> None:
        self.seed = seed
        self.state_path = state_path
        self.lock = threading.RLock()
        self.version = 0
        self._file_sig: tuple[int, int, int] | None = None
        self._sorted: dict[tuple[str, str], tuple[int, list[SortKey], list[str]]] = {}
        self._load(seed.copy_data())
        if state_path is not None:
            with self._file_lock():
                if state_path.exists():
                    self._reload_file()
                else:
                    self._save()

    # --- state in and out ------------------------------------------------------------------

    def _load(self, data: dict[str, Any]) -> None:
        self.org_id: str = data["org"]["id"]
        self.org_name: str = data["org"]["name"]
        self.plan: str = data["org"].get("plan", "ENTERPRISE")
        self.embedding: bool = data["org"].get("embedding", True)
        self.share_to_web: bool = data["org"].get("share_to_web", True)
        self.statuses: list[str] = list(data["statuses"])
        self.undocumented_roles: list[str] = list(data.get("undocumented_roles", ()))
        self.categories: dict[str, str | None] = {
            c["name"]: c["description"] for c in data["categories"]
        }
        self.users: dict[str, User] = {}
        self.user_by_email: dict[str, User] = {}
        for u in data["users"]:
            user = User(
                u["id"], u["email"], u["name"], u["role"], u["active"], u["last_login_date"]
            )
            self.users[user.id] = user
            self.user_by_email[user.email] = user
        uid = {email: u.id for email, u in self.user_by_email.items()}
        role = {u.id: u.role for u in self.users.values()}
        self.groups: dict[str, Group] = {}
        for g in data["groups"]:
            self.groups[g["id"]] = Group(
                g["id"], g["name"], g["created_at"], {uid[m] for m in g["members"]}
            )
        gid = {g.name: g.id for g in self.groups.values()}
        self.collections: dict[str, Collection] = {}
        for x in data["collections"]:
            s = x["sharing"]
            self.collections[x["id"]] = Collection(
                x["id"],
                x["name"],
                x["description"],
                uid.get(x["creator"] or ""),
                x["created_at"],
                {uid[k]: v for k, v in s["users"].items()},
                {gid[k]: v for k, v in s["groups"].items()},
                s["workspace"],
            )
        cid = {x.name: x.id for x in self.collections.values()}
        self.connections: dict[str, DataConnection] = {}
        for d in data["data_connections"]:
            self.connections[d["id"]] = DataConnection(
                id=d["id"],
                name=d["name"],
                type=d["type"],
                description=d["description"],
                details=dict(d["connection_details"]),
                connect_via_ssh=d["connect_via_ssh"],
                include_magic=d["include_magic"],
                allow_writeback_cells=d["allow_writeback_cells"],
                schema_refresh_access=d["schema_refresh_access"],
                workspace=dict(d["sharing"]["workspace"]),
                groups={gid[k]: v for k, v in d["sharing"]["groups"].items()},
                schema=d["schema"],
                created_at=d["created_at"],
                schema_filters=d.get("schema_filters"),
                schema_refresh_schedule=d.get("schema_refresh_schedule"),
            )
        dcid = {d.name: d.id for d in self.connections.values()}
        self.projects: dict[str, Project] = {}
        for p in data["projects"]:
            s = p["sharing"]
            self.projects[p["id"]] = Project(
                id=p["id"],
                title=p["title"],
                description=p["description"],
                owner_id=uid[p["owner"]],
                creator_id=uid[p["creator"]],
                type=p["type"],
                status=p["status"],
                categories=list(p["categories"]),
                version=p["version"],
                created_at=p["created_at"],
                last_edited_at=p["last_edited_at"],
                last_published_at=p["last_published_at"],
                archived_at=p["archived_at"],
                trashed_at=p["trashed_at"],
                workspace=s["workspace"],
                public_web=s["public_web"],
                support=s["support"],
                # Hex never holds more than CAN_VIEW for a Viewer: a seed that says so is capped.
                users={uid[k]: capped(role[uid[k]], v) for k, v in s["users"].items()},
                groups={gid[k]: v for k, v in s["groups"].items()},
                collections={cid[k]: v for k, v in s["collections"].items()},
                queried_tables=[(dcid[t["connection"]], t["table"]) for t in p["queried_tables"]],
                inputs=p["inputs"],
                run_result=p["run_result"],
                views=[dict(v) for v in p.get("views", [])],
                last_viewed_at=p.get("last_viewed_at"),
            )
        self.runs: dict[str, Run] = {}
        for r in data["runs"]:
            self.runs[r["id"]] = Run(
                id=r["id"],
                project_id=r["project"],
                created=parse_time(r["created_at"]),
                trigger=r["trigger"],
                killed_at=None if r["killed_at"] is None else parse_time(r["killed_at"]),
                result=r["result"],
                version=r["version"],
                notifications=list(r["notifications"]),
                input_params=dict(r["input_params"]),
                dry_run=r.get("dry_run", False),
            )
        self.tokens: dict[str, Token] = {
            t["token"]: Token(t["token"], t["kind"], uid.get(t["user"] or ""), t["expires_at"])
            for t in data["tokens"]
        }
        self.touch()

    def to_seed_dict(self) -> dict[str, Any]:
        """The whole state in seed format (explicit ids, every default filled in)."""
        with self.lock:
            return self._to_seed_dict()

    def _to_seed_dict(self) -> dict[str, Any]:
        email = {u.id: u.email for u in self.users.values()}
        gname = {g.id: g.name for g in self.groups.values()}
        cname = {x.id: x.name for x in self.collections.values()}
        dname = {d.id: d.name for d in self.connections.values()}
        return {
            "org": {
                "id": self.org_id,
                "name": self.org_name,
                "plan": self.plan,
                "embedding": self.embedding,
                "share_to_web": self.share_to_web,
            },
            "tokens": [
                {
                    "token": t.token,
                    "kind": t.kind,
                    "user": email.get(t.user_id or ""),
                    "expires_at": t.expires_at,
                }
                for t in self.tokens.values()
            ],
            "statuses": list(self.statuses),
            **({"undocumented_roles": self.undocumented_roles} if self.undocumented_roles else {}),
            "categories": [{"name": k, "description": v} for k, v in self.categories.items()],
            "users": [
                {
                    "id": u.id,
                    "email": u.email,
                    "name": u.name,
                    "role": u.role,
                    "active": u.active,
                    "last_login_date": u.last_login_date,
                }
                for u in self.users.values()
            ],
            "groups": [
                {
                    "id": g.id,
                    "name": g.name,
                    "members": sorted(email[m] for m in g.members),
                    "created_at": g.created_at,
                }
                for g in self.groups.values()
            ],
            "collections": [
                {
                    "id": x.id,
                    "name": x.name,
                    "description": x.description,
                    "creator": email.get(x.creator_id or ""),
                    "sharing": {
                        "users": {email[k]: v for k, v in x.users.items()},
                        "groups": {gname[k]: v for k, v in x.groups.items()},
                        "workspace": x.workspace,
                    },
                    "created_at": x.created_at,
                }
                for x in self.collections.values()
            ],
            "projects": [
                {
                    "id": p.id,
                    "title": p.title,
                    "description": p.description,
                    "owner": email[p.owner_id],
                    "creator": email[p.creator_id],
                    "type": p.type,
                    "status": p.status,
                    "categories": list(p.categories),
                    "published": p.last_published_at is not None,
                    "version": p.version,
                    "created_at": p.created_at,
                    "last_edited_at": p.last_edited_at,
                    "last_published_at": p.last_published_at,
                    "archived_at": p.archived_at,
                    "trashed_at": p.trashed_at,
                    "last_viewed_at": p.last_viewed_at,
                    "sharing": {
                        "workspace": p.workspace,
                        "public_web": p.public_web,
                        "support": p.support,
                        "users": {email[k]: v for k, v in p.users.items()},
                        "groups": {gname[k]: v for k, v in p.groups.items()},
                        "collections": {cname[k]: v for k, v in p.collections.items()},
                    },
                    "queried_tables": [
                        {"connection": dname[c], "table": t} for c, t in p.queried_tables
                    ],
                    "inputs": p.inputs,
                    "run_result": p.run_result,
                    "views": [dict(v) for v in p.views],
                }
                for p in self.projects.values()
            ],
            "data_connections": [
                {
                    "id": d.id,
                    "name": d.name,
                    "type": d.type,
                    "description": d.description,
                    "connection_details": dict(d.details),
                    "connect_via_ssh": d.connect_via_ssh,
                    "include_magic": d.include_magic,
                    "allow_writeback_cells": d.allow_writeback_cells,
                    "schema_refresh_access": d.schema_refresh_access,
                    "sharing": {
                        "workspace": dict(d.workspace),
                        "groups": {gname[k]: v for k, v in d.groups.items()},
                    },
                    "schema": d.schema,
                    "created_at": d.created_at,
                }
                for d in self.connections.values()
            ],
            "runs": [
                {
                    "id": r.id,
                    "project": r.project_id,
                    "created_at": iso_from_seconds(r.created),
                    "trigger": r.trigger,
                    "killed_at": None if r.killed_at is None else iso_from_seconds(r.killed_at),
                    "result": r.result,
                    "version": r.version,
                    "notifications": r.notifications,
                    "input_params": r.input_params,
                    "dry_run": r.dry_run,
                }
                for r in self.runs.values()
            ],
        }

    def reset(self) -> None:
        """Back to the seed (and the state file too)."""
        with self.lock, self._file_lock():
            self._load(self.seed.copy_data())
            if self.state_path is not None:
                self._save()

    # --- indexes ---------------------------------------------------------------------------

    def touch(self) -> None:
        """Note a change: cached sort orders are stale."""
        self.version += 1
        self._sorted.clear()

    def group_named(self, name: str) -> Group | None:
        for group in self.groups.values():
            if group.name == name:
                return group
        return None

    def collection_named(self, name: str) -> Collection | None:
        for collection in self.collections.values():
            if collection.name == name:
                return collection
        return None

    def sorted_order(
        self, kind: str, sort: str, key: Callable[[Any], SortKey], items: dict[str, Any]
    ) -> tuple[list[SortKey], list[str]]:
        """``items`` in ascending ``(key, id)`` order, cached until the next write."""
        cached = self._sorted.get((kind, sort))
        if cached is not None and cached[0] == self.version:
            return cached[1], cached[2]
        pairs = sorted(((*key(item), item_id) for item_id, item in items.items()))
        keys = [tuple(p) for p in pairs]
        ids = [p[-1] for p in pairs]
        self._sorted[(kind, sort)] = (self.version, keys, ids)
        return keys, ids

    @staticmethod
    def position(keys: list[SortKey], cursor: SortKey) -> int:
        """Index of the first key strictly after ``cursor`` in ascending ``keys``."""
        return bisect.bisect_right(keys, cursor)

    @staticmethod
    def lower_bound(keys: list[SortKey], cursor: SortKey) -> int:
        """Index of the first key at or after ``cursor`` in ascending ``keys``."""
        return bisect.bisect_left(keys, cursor)

    # --- transactions and persistence ------------------------------------------------------

    @contextlib.contextmanager
    def read(self) -> Iterator[Store]:
        """Hold the store for a read, after picking up another process's writes."""
        with self.lock:
            self._refresh()
            yield self

    @contextlib.contextmanager
    def write(self) -> Iterator[Store]:
        """Hold the store (and the state file's lock) for a change, then persist it."""
        with self.lock, self._file_lock():
            self._refresh()
            try:
                yield self
            finally:
                self.touch()
                if self.state_path is not None:
                    self._save()

    @contextlib.contextmanager
    def _file_lock(self) -> Iterator[None]:
        if self.state_path is None or fcntl is None:
            yield
            return
        lock_path = self.state_path.with_name(self.state_path.name + ".lock")
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)
            os.close(fd)

    def _signature(self) -> tuple[int, int, int] | None:
        assert self.state_path is not None
        try:
            st = os.stat(self.state_path)
        except FileNotFoundError:
            return None
        return (st.st_mtime_ns, st.st_size, st.st_ino)

    def _refresh(self) -> None:
        if self.state_path is None:
            return
        sig = self._signature()
        if sig is not None and sig != self._file_sig:
            self._reload_file()

    def _reload_file(self) -> None:
        assert self.state_path is not None
        path = self.state_path
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if not isinstance(data, dict):
                raise ValueError(f"a JSON object was expected, not {type(data).__name__}")
            seed = Seed.from_dict(data, source=str(path))
        except OSError as exc:
            raise StateFileError(f"{path}: cannot read the state file: {exc.strerror}") from exc
        except ValueError as exc:  # not UTF-8, not JSON, not a workspace
            raise StateFileError(f"{path}: the state file does not load: {exc}") from exc
        except SeedError as exc:  # its message starts with the path too
            detail = exc.message.removeprefix(f"{path}: ")
            raise StateFileError(f"{path}: the state file does not load: {detail}") from exc
        self._load(seed.copy_data())
        self._file_sig = self._signature()

    def _save(self) -> None:
        assert self.state_path is not None
        directory = self.state_path.parent
        directory.mkdir(parents=True, exist_ok=True)
        try:
            existing: int | None = os.stat(self.state_path).st_mode
        except FileNotFoundError:
            existing = None
        if existing is not None and not stat.S_ISREG(existing):
            raise OSError(
                f"{self.state_path}: not a regular file; the state is never written there"
            )
        # A new state file is 0600 (mkstemp): it holds the seed's tokens. An existing one keeps
        # the mode its owner gave it.
        fd, tmp = tempfile.mkstemp(prefix=self.state_path.name + ".", dir=directory)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(self._to_seed_dict(), handle, indent=1)
            if existing is not None:
                os.chmod(tmp, stat.S_IMODE(existing))
            os.replace(tmp, self.state_path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        self._file_sig = self._signature()
