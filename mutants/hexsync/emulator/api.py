"""The Hex API operations, served from a ``Store`` (routing, auth, validation, handlers).

Routing goes through the operations table (``operations.resolve``), so the paths, the error
envelope of every endpoint and the legacy run paths are defined in one place. Order of checks for
a request: auth (401) → path parameters (400) → query and body (400) → existence and visibility
(404) → permission (403) → the operation's own rules (422, 503).

Choices where the reference leaves one open (see also ``seed.py``):
- A personal token of a non-admin sees the projects it owns or is shared on (directly, through a
  group, or through workspace access unless the user is a GUEST); others answer 404.
- Writes: sharing needs FULL_ACCESS (or owner, or admin); a status change needs CAN_EDIT; groups,
  data connections and deactivation need ADMIN (groups: MANAGER too); creating a project needs
  ADMIN, MANAGER or EDITOR. A workspace token is an admin.
- A workspace token creating a project makes the token's ``user`` (or the first active ADMIN by
  email) the owner.
- Group and collection names are unique: creating or renaming onto a taken name is a 400.
- DeactivateUser on a deactivated user answers 200 with the user again (a retried POST is safe);
  a deactivated user is no longer listed, no longer a visible group member or sharing entry, and
  their tokens stop working (401).
- RunProject: ``viewId`` with ``inputParams`` is a 400 (contradictory request); ``dryRun``
  validates and answers 201 with a run id that was never started (GetRunStatus on it is a 404).
- Plans (seed ``org.plan``/``org.embedding``): GetQueriedTables on a TEAM plan, and
  CreatePresignedUrl without ENTERPRISE and the embedding add-on, are 403s that say so.
- CreatePresignedUrl: a wrong type is 400; an ``expiresIn`` outside (0, 300000] or an
  unpublished project is 422.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import logging
import re
import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from jsonschema import Draft7Validator
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import Receive, Scope, Send

from hexsync.emulator import bodies
from hexsync.emulator.clock import Clock, to_iso
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.envelopes import error_body, new_trace_id
from hexsync.emulator.operations import Operation, resolve, resolve_path
from hexsync.emulator.seed import parse_time
from hexsync.emulator.store import (
    Collection,
    DataConnection,
    Group,
    Project,
    Run,
    SortKey,
    Store,
    User,
)

logger = logging.getLogger(__name__)
ACCESS_RANK = {level: rank for rank, level in enumerate(bodies.ACCESS_LEVELS)}
UUID_RE = re.compile(bodies.UUID_PATTERN)
TERMINAL = ("COMPLETED", "ERRORED", "KILLED", "UNABLE_TO_ALLOCATE_KERNEL")
MAX_EXPIRES_IN = 300_000
DEFAULT_EXPIRES_IN = 15_000


class ApiError(Exception):
    """An error answer: status, message, and the extras of either envelope."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        issues: list[str] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.issues = issues
        self.extra = extra or {}


@dataclass
class Principal:
    """Who a token acts as. ``user`` is None for a workspace token without an acting user."""

    kind: str  # workspace | personal
    user: User | None
    token_exp: float | None
    group_ids: set[str] = field(default_factory=set)

    @property
    def is_admin(self) -> bool:
        return self.kind == "workspace" or (self.user is not None and self.user.role == "ADMIN")

    def has_role(self, *roles: str) -> bool:
        return self.is_admin or (self.user is not None and self.user.role in roles)


@dataclass
class Ctx:
    request: Request
    op: Operation
    params: dict[str, str]
    body: Any
    store: Store
    clock: Clock
    config: EmulatorConfig
    who: Principal

    def query(self, name: str) -> str | None:
        """A scalar query parameter; given twice (``limit=1&limit=200``) it is a 400."""
        values = self.request.query_params.getlist(name)
        if len(values) > 1:
            raise ApiError(400, f"{name} must be given once, not {len(values)} times")
        return values[0] if values else None

    def base_url(self) -> str:
        return f"{self.request.url.scheme}://{self.request.url.netloc}"


Handler = Callable[[Ctx], Response]


# --- the ASGI app -----------------------------------------------------------------------------


class HexApi:
    """The bare API as an ASGI app (no rate limits, no faults: those wrap it)."""

    def __init__(self, store: Store, config: EmulatorConfig, clock: Clock) -> None:
        self.store = store
        self.config = config
        self.clock = clock

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        request = Request(scope, receive)
        response = await self.handle(request)
        await response(scope, receive, send)

    async def handle(self, request: Request) -> Response:
        # The decoded path as sent: ``request.url.path`` goes through ``urlsplit``, which drops
        # tabs and newlines, so ``/groups/<uuid>%0A`` would be looked up as ``<uuid>``.
        path: str = request.scope["path"]
        op = resolve(request.method, path)
        if op is None:
            served = resolve_path(path)
            if served:
                allowed = sorted({o.method for o in served})
                return JSONResponse(
                    error_body(served[0].envelope, 405, f"Method {request.method} not allowed"),
                    status_code=405,
                    headers={"Allow": ", ".join(allowed)},
                )
            return JSONResponse(
                error_body("new", 404, f"No such endpoint: {request.method} {path}"),
                status_code=404,
            )
        try:
            raw = await request.body()
            return self._run(request, op, raw)
        except ApiError as exc:
            return _error(op, exc)
        except Exception:  # a bug in the emulator: still answer in the endpoint's envelope
            logger.exception("emulator error in %s", op.operation_id)
            return _error(op, ApiError(500, "Internal server error (emulator)"))

    def _run(self, request: Request, op: Operation, raw: bytes) -> Response:
        handler = HANDLERS[op.operation_id]
        params = _path_params(op, request.scope["path"])
        writes = request.method != "GET"
        transaction = self.store.write() if writes else self.store.read()
        with transaction as store:
            who = _authenticate(store, self.clock, request)
            body = _parse_body(raw, op, request.headers.get("content-type", ""))
            ctx = Ctx(request, op, params, body, store, self.clock, self.config, who)
            return handler(ctx)


def _error(op: Operation, exc: ApiError) -> JSONResponse:
    body = error_body(op.envelope, exc.status, exc.message, issues=exc.issues)
    if op.envelope == "legacy" and exc.issues:
        body["details"] = "; ".join(exc.issues)
    body.update(exc.extra)
    return JSONResponse(body, status_code=exc.status)


_PARAM_RE = re.compile(r"\{([A-Za-z]+)\}")


def _path_params(op: Operation, path: str) -> dict[str, str]:
    pattern = _PARAM_RE.sub(lambda m: f"(?P<{m.group(1)}>[^/]+)", op.path)
    match = re.match(f"^{pattern}/?$", path)
    assert match is not None
    return {k: v for k, v in match.groupdict().items() if v is not None}


def _authenticate(store: Store, clock: Clock, request: Request) -> Principal:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        raise ApiError(401, "Missing bearer token: send 'Authorization: Bearer <token>'")
    token = store.tokens.get(value.strip())
    if token is None:
        raise ApiError(401, "Invalid or expired token")
    exp = None if token.expires_at is None else parse_time(token.expires_at)
    if exp is not None and exp <= clock.now():
        raise ApiError(401, "Invalid or expired token")
    user = store.users.get(token.user_id or "")
    if token.kind == "personal" and (user is None or not user.active):
        raise ApiError(401, "Invalid or expired token: the token's user is deactivated")
    if token.kind == "workspace" and user is None:
        admins = sorted(
            (u for u in store.users.values() if u.active and u.role == "ADMIN"),
            key=lambda u: u.email,
        )
        user = admins[0] if admins else None
    groups = set()
    if user is not None:
        groups = {g.id for g in store.groups.values() if user.id in g.members}
    return Principal(token.kind, user, exp, groups)


def _parse_body(raw: bytes, op: Operation, content_type: str) -> Any:
    """The JSON body, or None when there is none.

    Hex reads a body only as ``application/json``: one sent as anything else (or no type at
    all) never reaches its validation, so here it is a 400 that says why rather than a body
    quietly honoured. ``NaN`` and ``Infinity`` are not JSON either.
    """
    if op.method in ("GET", "DELETE") or not raw.strip():
        return None
    media = content_type.split(";", 1)[0].strip().lower()
    if media != "application/json" and not media.endswith("+json"):
        shown = media or "none"
        raise ApiError(
            400, f"The request body must be sent as Content-Type: application/json, not {shown}"
        )
    try:
        return json.loads(raw, parse_constant=_reject_constant)
    except ValueError as exc:
        raise ApiError(400, f"Request body is not valid JSON: {exc}") from exc


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")


# --- validation helpers -------------------------------------------------------------------------

_VALIDATORS: dict[int, Draft7Validator] = {}


def validate_body(ctx: Ctx, schema: bodies.Schema, *, required: bool = True) -> dict[str, Any]:
    """The body, checked against ``schema``; every problem at once in a 400."""
    body = ctx.body
    if body is None:
        if required:
            raise ApiError(400, "A JSON request body is required")
        return {}
    validator = _VALIDATORS.get(id(schema))
    if validator is None:
        validator = _VALIDATORS[id(schema)] = Draft7Validator(schema)
    problems = []
    for error in sorted(validator.iter_errors(body), key=lambda e: list(e.absolute_path)):
        where = "/".join(str(p) for p in error.absolute_path) or "body"
        problems.append(f"{where}: {error.message}")
    if problems:
        raise ApiError(400, "Invalid request body", issues=problems)
    assert isinstance(body, dict)
    return body


def path_uuid(ctx: Ctx, name: str) -> str:
    value = ctx.params[name]
    if not UUID_RE.fullmatch(value):
        raise ApiError(400, f"{name} must be a UUID, not {value!r}")
    return value.lower()


def q_bool(ctx: Ctx, name: str, default: bool = False) -> bool:
    """A boolean parameter: ``true`` or ``false`` in any case, as Hex's validation reads them.

    ``1``, ``0``, ``yes`` and an empty value are 400s, not quietly true or the default.
    """
    value = ctx.query(name)
    if value is None:
        return default
    if value.lower() == "true":
        return True
    if value.lower() == "false":
        return False
    raise ApiError(400, f"{name} must be true or false, not {value!r}")


_INTEGER_RE = re.compile(r"-?[0-9]+")


def q_int(ctx: Ctx, name: str, default: int, low: int, high: int | None) -> int:
    """An integer parameter within bounds. Only plain digits: Python's ``int`` alone would
    also take ``5_0``, `` 5`` and ``+5``; an empty value is a 400, not the default."""
    value = ctx.query(name)
    if value is None:
        return default
    if not _INTEGER_RE.fullmatch(value):
        raise ApiError(400, f"{name} must be an integer, not {value!r}")
    number = int(value)
    if number < low or (high is not None and number > high):
        bound = f"between {low} and {high}" if high is not None else f"at least {low}"
        raise ApiError(400, f"{name} must be {bound}, not {number}")
    return number


def q_enum(ctx: Ctx, name: str, choices: tuple[str, ...], default: str | None) -> str | None:
    value = ctx.query(name)
    if value is None:
        return default
    if value not in choices:
        raise ApiError(400, f"{name} must be one of {', '.join(choices)}, not {value!r}")
    return value


def q_list(ctx: Ctx, name: str) -> list[str]:
    """An array parameter: repeated, bracketed (``name[]=``) and comma-separated all work."""
    params = ctx.request.query_params
    values: list[str] = []
    for raw in [*params.getlist(name), *params.getlist(f"{name}[]")]:
        values.extend(part.strip() for part in raw.split(",") if part.strip())
    return values


def q_uuid(ctx: Ctx, name: str) -> str | None:
    value = ctx.query(name)
    if value is None or value == "":
        return None
    if not UUID_RE.fullmatch(value):
        raise ApiError(400, f"{name} must be a UUID, not {value!r}")
    return value.lower()


# --- cursor pagination --------------------------------------------------------------------------


def _cursor_key(store: Store) -> bytes:
    return hashlib.sha256(f"hexsync-emulator-cursor:{store.org_id}".encode()).digest()


def encode_cursor(store: Store, scope: str, key: SortKey) -> str:
    payload = json.dumps([scope, list(key)], separators=(",", ":")).encode()
    mac = hmac.new(_cursor_key(store), payload, hashlib.sha256).digest()[:9]
    return base64.urlsafe_b64encode(payload + mac).decode().rstrip("=")


def decode_cursor(store: Store, scope: str, cursor: str, name: str) -> SortKey:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        payload, mac = raw[:-9], raw[-9:]
        expected = hmac.new(_cursor_key(store), payload, hashlib.sha256).digest()[:9]
        if not hmac.compare_digest(mac, expected):
            raise ValueError("signature")
        found_scope, key = json.loads(payload)
    except (ValueError, TypeError) as exc:
        raise ApiError(400, f"{name} is not a valid pagination cursor") from exc
    if found_scope != scope:
        raise ApiError(400, f"{name} is a cursor for a different listing or sort order")
    return tuple(str(part) for part in key)


@dataclass
class Page:
    items: list[Any]
    after: str | None
    before: str | None

    def pagination(self) -> dict[str, str | None]:
        return {"after": self.after, "before": self.before}


def paginate(
    ctx: Ctx,
    *,
    kind: str,
    sort: str,
    descending: bool,
    items: dict[str, Any],
    key: Callable[[Any], SortKey],
    limit: int,
    keep: Callable[[Any], bool] = lambda _: True,
) -> Page:
    """One page of ``items`` in ``(key, id)`` order, starting after/before the given cursor.

    Ties are broken by id, so every item appears exactly once however the pages are walked.
    """
    store = ctx.store
    keys, ids = store.sorted_order(kind, sort, key, items)
    n = len(ids)
    scope = f"{kind}:{sort}"
    after_raw, before_raw = ctx.query("after"), ctx.query("before")
    if after_raw and before_raw:
        raise ApiError(400, "Give either after or before, not both")

    def at(pos: int) -> Any:
        return items[ids[n - 1 - pos] if descending else ids[pos]]

    def key_at(pos: int) -> SortKey:
        return keys[n - 1 - pos] if descending else keys[pos]

    def first_after(cursor: SortKey) -> int:
        if descending:
            return n - Store.lower_bound(keys, cursor)
        return Store.position(keys, cursor)

    def end_before(cursor: SortKey) -> int:
        if descending:
            return n - Store.position(keys, cursor)
        return Store.lower_bound(keys, cursor)

    positions: list[int] = []
    if before_raw:
        pos = end_before(decode_cursor(store, scope, before_raw, "before")) - 1
        while pos >= 0 and len(positions) < limit:
            if keep(at(pos)):
                positions.append(pos)
            pos -= 1
        positions.reverse()
    else:
        pos = first_after(decode_cursor(store, scope, after_raw, "after")) if after_raw else 0
        while pos < n and len(positions) < limit:
            if keep(at(pos)):
                positions.append(pos)
            pos += 1
    if not positions:
        return Page([], None, None)
    more_after = any(keep(at(p)) for p in range(positions[-1] + 1, n))
    more_before = any(keep(at(p)) for p in range(positions[0] - 1, -1, -1))
    return Page(
        [at(p) for p in positions],
        encode_cursor(store, scope, key_at(positions[-1])) if more_after else None,
        encode_cursor(store, scope, key_at(positions[0])) if more_before else None,
    )


# --- visibility and permissions -------------------------------------------------------------------


def effective_access(ctx: Ctx, project: Project) -> str:
    """The highest access the request's principal has on ``project`` (NONE: cannot see it)."""
    who = ctx.who
    if who.is_admin:
        return "FULL_ACCESS"
    user = who.user
    assert user is not None
    if project.owner_id == user.id:
        return "FULL_ACCESS"
    levels = [project.users.get(user.id, "NONE")]
    levels.extend(access for gid, access in project.groups.items() if gid in who.group_ids)
    if user.role != "GUEST":
        levels.append(project.workspace)
    return max(levels, key=ACCESS_RANK.__getitem__)


def get_project(ctx: Ctx, name: str = "projectId", need: str = "APP_ONLY") -> Project:
    pid = path_uuid(ctx, name)
    project = ctx.store.projects.get(pid)
    access = "NONE" if project is None else effective_access(ctx, project)
    if project is None or access == "NONE":
        raise ApiError(404, f"Project {pid} not found")
    if ACCESS_RANK[access] < ACCESS_RANK[need]:
        raise ApiError(403, f"This needs {need} on project {pid}; the token has {access}")
    return project


def require_role(ctx: Ctx, *roles: str) -> None:
    if not ctx.who.has_role(*roles):
        wanted = " or ".join(("ADMIN", *roles))
        raise ApiError(
            403, f"Insufficient access: this needs a workspace token or a user who is {wanted}"
        )


def acting_user(ctx: Ctx) -> User:
    if ctx.who.user is None:
        raise ApiError(403, "This workspace has no active admin for a workspace token to act as")
    return ctx.who.user


# --- JSON shapes --------------------------------------------------------------------------------


def user_json(user: User) -> dict[str, Any]:
    return {
        "id": user.id,
        "name": user.name,
        "email": user.email,
        "role": user.role,
        "lastLoginDate": user.last_login_date,
    }


def sharing_json(store: Store, project: Project) -> dict[str, Any]:
    users = [
        {"user": {"email": store.users[uid].email}, "access": access}
        for uid, access in project.users.items()
        if store.users[uid].active
    ]
    groups = [
        {"group": {"name": store.groups[gid].name}, "access": access}
        for gid, access in project.groups.items()
    ]
    collections = [
        {"collection": {"name": store.collections[cid].name}, "access": access}
        for cid, access in project.collections.items()
    ]
    return {
        "users": sorted(users, key=lambda e: e["user"]["email"]),
        "collections": sorted(collections, key=lambda e: e["collection"]["name"]),
        "groups": sorted(groups, key=lambda e: e["group"]["name"]),
        "workspace": {"access": project.workspace},
        "publicWeb": {"access": project.public_web},
        "support": {"access": project.support},
    }


def project_json(store: Store, project: Project, *, sharing: bool) -> dict[str, Any]:
    body: dict[str, Any] = {
        "id": project.id,
        "title": project.title,
        "description": project.description,
        "type": project.type,
        "creator": {"email": store.users[project.creator_id].email},
        "owner": {"email": store.users[project.owner_id].email},
        "status": None if project.status is None else {"name": project.status},
        "categories": [
            {"name": name, "description": store.categories.get(name)} for name in project.categories
        ],
        "reviews": {"required": False},
        "analytics": {
            "publishedResultsUpdatedAt": project.last_published_at,
            "lastViewedAt": None,
            "appViews": {
                "lastThirtyDays": 0,
                "lastFourteenDays": 0,
                "lastSevenDays": 0,
                "allTime": 0,
            },
        },
        "lastEditedAt": project.last_edited_at,
        "lastPublishedAt": project.last_published_at,
        "createdAt": project.created_at,
        "archivedAt": project.archived_at,
        "trashedAt": project.trashed_at,
        "schedules": [],
    }
    if sharing:
        body["sharing"] = sharing_json(store, project)
    return body


def group_json(group: Group) -> dict[str, Any]:
    return {"id": group.id, "name": group.name, "createdAt": group.created_at}


def collection_json(store: Store, collection: Collection) -> dict[str, Any]:
    body: dict[str, Any] = {"id": collection.id, "name": collection.name}
    if collection.description is not None:
        body["description"] = collection.description
    creator = store.users.get(collection.creator_id or "")
    if creator is not None:
        body["creator"] = {"email": creator.email, "id": creator.id}
    workspace = {} if collection.workspace is None else {"members": collection.workspace}
    body["sharing"] = {
        "users": [
            {"access": access, "id": uid}
            for uid, access in collection.users.items()
            if store.users[uid].active
        ],
        "groups": [{"access": access, "id": gid} for gid, access in collection.groups.items()],
        "workspace": workspace,
    }
    return body


def connection_json(store: Store, conn: DataConnection) -> dict[str, Any]:
    readable = bodies.READABLE_DETAILS[conn.type]
    details = {k: v for k, v in conn.details.items() if k in readable}
    body: dict[str, Any] = {"id": conn.id, "name": conn.name, "type": conn.type}
    if conn.description is not None:
        body["description"] = conn.description
    body.update(
        {
            "connectionDetails": {conn.type: details},
            "connectViaSsh": conn.connect_via_ssh,
            "includeMagic": conn.include_magic,
            "allowWritebackCells": conn.allow_writeback_cells,
            "schemaRefreshAccess": conn.schema_refresh_access,
            "sharing": {
                "workspace": dict(conn.workspace),
                "groups": [
                    {"group": {"id": gid, "name": store.groups[gid].name}, "access": access}
                    for gid, access in conn.groups.items()
                ],
            },
        }
    )
    if conn.schema_filters is not None:
        body["schemaFilters"] = conn.schema_filters
    if conn.schema_refresh_schedule is not None:
        body["schemaRefreshSchedule"] = conn.schema_refresh_schedule
    return body


def ok(body: Any, status: int = 200) -> JSONResponse:
    return JSONResponse(body, status_code=status)


# --- projects ---------------------------------------------------------------------------------

PROJECT_SORTS = {
    "CREATED_AT": lambda p: (p.created_at,),
    "LAST_EDITED_AT": lambda p: (p.last_edited_at,),
    "LAST_PUBLISHED_AT": lambda p: (p.last_published_at or "",),
}


def list_projects(ctx: Ctx) -> Response:
    store = ctx.store
    include_archived = q_bool(ctx, "includeArchived")
    include_trashed = q_bool(ctx, "includeTrashed")
    include_components = q_bool(ctx, "includeComponents")
    include_sharing = q_bool(ctx, "includeSharing")
    statuses = set(q_list(ctx, "statuses"))
    categories = set(q_list(ctx, "categories"))
    creator = (ctx.query("creatorEmail") or "").lower() or None
    owner = (ctx.query("ownerEmail") or "").lower() or None
    collection_id = q_uuid(ctx, "collectionId")
    limit = q_int(ctx, "limit", 25, 1, 100)
    sort = q_enum(ctx, "sortBy", tuple(PROJECT_SORTS), "CREATED_AT") or "CREATED_AT"
    direction = q_enum(ctx, "sortDirection", ("DESC", "ASC"), "DESC")
    creator_id = store.user_by_email[creator].id if creator in store.user_by_email else "-"
    owner_id = store.user_by_email[owner].id if owner in store.user_by_email else "-"

    def keep(p: Project) -> bool:
        if (p.archived_at and not include_archived) or (p.trashed_at and not include_trashed):
            return False
        if p.type == "COMPONENT" and not include_components:
            return False
        if statuses and p.status not in statuses:
            return False
        if categories and not categories.intersection(p.categories):
            return False
        if creator is not None and p.creator_id != creator_id:
            return False
        if owner is not None and p.owner_id != owner_id:
            return False
        if collection_id is not None and collection_id not in p.collections:
            return False
        return effective_access(ctx, p) != "NONE"

    page = paginate(
        ctx,
        kind="projects",
        sort=sort,
        descending=direction == "DESC",
        items=store.projects,
        key=PROJECT_SORTS[sort],
        limit=limit,
        keep=keep,
    )
    values = [project_json(store, p, sharing=include_sharing) for p in page.items]
    return ok({"values": values, "pagination": page.pagination()})


def get_project_op(ctx: Ctx) -> Response:
    include_sharing = q_bool(ctx, "includeSharing")
    project = get_project(ctx)
    return ok(project_json(ctx.store, project, sharing=include_sharing))


def create_project(ctx: Ctx) -> Response:
    body = validate_body(ctx, bodies.CREATE_PROJECT)
    if not body["title"].strip():
        raise ApiError(400, "title must not be empty")
    require_role(ctx, "MANAGER", "EDITOR")
    owner = acting_user(ctx)
    now = ctx.clock.isoformat()
    project = Project(
        id=str(uuid.uuid4()),
        title=body["title"],
        description=body.get("description"),
        owner_id=owner.id,
        creator_id=owner.id,
        type="PROJECT",
        status=None,
        categories=[],
        version=1,
        created_at=now,
        last_edited_at=now,
        last_published_at=None,
        archived_at=None,
        trashed_at=None,
    )
    ctx.store.projects[project.id] = project
    return ok(project_json(ctx.store, project, sharing=False), 201)


def update_project(ctx: Ctx) -> Response:
    project_id = path_uuid(ctx, "projectId")
    body = validate_body(ctx, bodies.UPDATE_PROJECT)
    project = get_project(ctx, need="CAN_EDIT")
    del project_id
    if "status" in body:
        status = body["status"]
        if status is not None and status not in ctx.store.statuses:
            known = ", ".join(ctx.store.statuses) or "none defined"
            raise ApiError(400, f"Unknown status {status!r} (this workspace has: {known})")
        project.status = status
    return ok(project_json(ctx.store, project, sharing=False))


def queried_tables(ctx: Ctx) -> Response:
    limit = q_int(ctx, "limit", 25, 1, 100)
    project = get_project(ctx)
    if ctx.store.plan != "ENTERPRISE":
        raise ApiError(403, "Queried tables are available on the Enterprise plan only")
    store = ctx.store
    items = {
        f"{conn_id}:{table}": (store.connections[conn_id], table)
        for conn_id, table in project.queried_tables
    }
    page = paginate(
        ctx,
        kind=f"queried:{project.id}",
        sort="NAME",
        descending=False,
        items=items,
        key=lambda item: (item[0].name, item[1]),
        limit=limit,
    )
    values = [
        {"dataConnectionId": conn.id, "dataConnectionName": conn.name, "tableName": table}
        for conn, table in page.items
    ]
    return ok({"values": values, "pagination": page.pagination(), "traceId": new_trace_id()})


# --- sharing ----------------------------------------------------------------------------------


def _sharing_write(
    ctx: Ctx,
    schema: bodies.Schema,
    dimension: str,
    principal: str,
    lookup: Callable[[Store, str], str | None],
    error_key: str,
) -> Response:
    path_uuid(ctx, "projectId")
    body = validate_body(ctx, schema)
    project = get_project(ctx, need="FULL_ACCESS")
    target: dict[str, str] = getattr(project, dimension)
    failures: dict[str, list[str]] = {}
    for entry in body["sharing"]["upsert"][dimension]:
        raw_id = entry[principal]["id"]
        reason = lookup(ctx.store, raw_id)
        key = raw_id.lower()
        owner = dimension == "users" and key == project.owner_id
        if reason is None and owner and entry["access"] != "FULL_ACCESS":
            reason = "The project owner's access cannot be changed"
        if reason is not None:
            failures.setdefault(reason, []).append(raw_id)
            continue
        if entry["access"] == "NONE":
            target.pop(key, None)
        else:
            target[key] = entry["access"]
    result: dict[str, Any] = {"project": project_json(ctx.store, project, sharing=True)}
    if failures:
        result["errors"] = [{error_key: ids, "reason": reason} for reason, ids in failures.items()]
    return ok(result)


def _user_problem(store: Store, raw_id: str) -> str | None:
    user = store.users.get(raw_id.lower())
    if user is None:
        return "User not found"
    if not user.active:
        return "User is deactivated"
    return None


def sharing_users(ctx: Ctx) -> Response:
    return _sharing_write(ctx, bodies.SHARING_USERS, "users", "user", _user_problem, "userIds")


def sharing_groups(ctx: Ctx) -> Response:
    return _sharing_write(
        ctx,
        bodies.SHARING_GROUPS,
        "groups",
        "group",
        lambda s, i: None if i.lower() in s.groups else "Group not found",
        "groupIds",
    )


def sharing_collections(ctx: Ctx) -> Response:
    return _sharing_write(
        ctx,
        bodies.SHARING_COLLECTIONS,
        "collections",
        "collection",
        lambda s, i: None if i.lower() in s.collections else "Collection not found",
        "collectionIds",
    )


def sharing_workspace(ctx: Ctx) -> Response:
    path_uuid(ctx, "projectId")
    body = validate_body(ctx, bodies.SHARING_WORKSPACE)
    project = get_project(ctx, need="FULL_ACCESS")
    sharing = body["sharing"]
    if "workspace" in sharing:
        project.workspace = sharing["workspace"]
    if "publicWeb" in sharing:
        project.public_web = sharing["publicWeb"]
    return ok({"project": project_json(ctx.store, project, sharing=True)})


# --- runs -------------------------------------------------------------------------------------


def run_state(
    run: Run, now: float, config: EmulatorConfig
) -> tuple[str, float | None, float | None]:
    """(status, start, end) of ``run`` at emulated time ``now``: PENDING → RUNNING → result."""
    started = run.created + config.run_pending_seconds
    done = started + config.run_running_seconds
    if run.killed_at is not None:
        return "KILLED", (started if run.killed_at >= started else None), run.killed_at
    if now < started:
        return "PENDING", None, None
    if run.result == "UNABLE_TO_ALLOCATE_KERNEL":
        return run.result, None, started
    if now < done:
        return "RUNNING", started, None
    return run.result, started, done


def run_urls(ctx: Ctx, run_id: str, project_id: str) -> tuple[str, str]:
    base = ctx.base_url()
    return (
        f"{base}/app/projects/{project_id}/runs/{run_id}",
        f"{base}/api/v1/projects/{project_id}/runs/{run_id}",
    )


def run_json(ctx: Ctx, run: Run, *, expanded: bool = False) -> dict[str, Any]:
    now = ctx.clock.now()
    status, start, end = run_state(run, now, ctx.config)
    elapsed = None
    if start is not None:
        elapsed = round(((end if end is not None else now) - start) * 1000)
    body: dict[str, Any] = {
        "projectId": run.project_id,
        "projectVersion": str(run.version),
        "runId": run.id,
        "runUrl": run_urls(ctx, run.id, run.project_id)[0],
        "status": status,
        "runTrigger": run.trigger,
        "startTime": None if start is None else to_iso(start),
        "endTime": None if end is None else to_iso(end),
        "elapsedTime": elapsed,
        "traceId": new_trace_id(),
    }
    if run.notifications:
        body["notifications"] = run.notifications
    if expanded:
        events = [("PENDING", run.created)]
        if start is not None:
            events.append(("RUNNING", start))
        if end is not None:
            events.append((status, end))
        body["stateEvents"] = [
            {"type": "STATUS", "value": value, "timestamp": to_iso(at)} for value, at in events
        ]
    return body


def _check_inputs(project: Project, params: dict[str, Any]) -> None:
    if project.inputs is None:
        return
    declared = {i["name"]: i for i in project.inputs}
    not_found = [name for name in params if name not in declared]
    invalid = []
    cell_types = {
        "string": "TEXT_INPUT",
        "number": "NUMBER_INPUT",
        "boolean": "CHECKBOX",
        "date": "DATE_INPUT",
        "datetime": "DATE_INPUT",
        "list": "MULTISELECT",
        "any": "TEXT_INPUT",
    }
    for name, value in params.items():
        spec = declared.get(name)
        if spec is None:
            continue
        kind = spec["type"]
        good = {
            "string": isinstance(value, str),
            "number": isinstance(value, (int, float)) and not isinstance(value, bool),
            "boolean": isinstance(value, bool),
            "date": isinstance(value, str),
            "datetime": isinstance(value, str),
            "list": isinstance(value, list),
            "any": True,
        }[kind]
        if not good:
            invalid.append(
                {
                    "paramName": name,
                    "paramValue": json.dumps(value),
                    "dataType": kind.upper(),
                    "inputCellType": cell_types[kind],
                }
            )
    if not_found or invalid:
        parts = []
        if not_found:
            parts.append(f"unknown inputs: {', '.join(not_found)}")
        if invalid:
            parts.append(f"invalid values for: {', '.join(i['paramName'] for i in invalid)}")
        raise ApiError(
            422,
            "Invalid input parameters (" + "; ".join(parts) + ")",
            extra={"traceId": new_trace_id(), "invalid": invalid, "notFound": not_found},
        )


def _notification_recipients(ctx: Ctx, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    store = ctx.store
    recipients: list[dict[str, Any]] = []
    missing: list[str] = []
    for item in items:
        common = {
            "type": item["type"],
            "includeSuccessScreenshot": item["includeSuccessScreenshot"],
        }
        if "subject" in item:
            common["subject"] = item["subject"]
        if "body" in item:
            common["body"] = item["body"]
        if "screenshotFormat" in item:
            common["screenshotFormat"] = [item["screenshotFormat"]]
        for channel in item.get("slackChannelIds", []):
            recipients.append(
                {
                    **common,
                    "recipientType": "SLACK_CHANNEL",
                    "recipient": {"id": channel, "name": channel, "isPrivate": False},
                }
            )
        for raw in item.get("userIds", []):
            user = store.users.get(raw.lower())
            if user is None or not user.active:
                missing.append(f"user {raw}")
                continue
            recipients.append(
                {
                    **common,
                    "recipientType": "USER",
                    "recipient": {"id": user.id, "name": user.name or user.email},
                }
            )
        for raw in item.get("groupIds", []):
            group = store.groups.get(raw.lower())
            if group is None:
                missing.append(f"group {raw}")
                continue
            recipients.append(
                {
                    **common,
                    "recipientType": "GROUP",
                    "recipient": {"id": group.id, "name": group.name},
                }
            )
    if missing:
        raise ApiError(422, f"Unknown notification recipients: {', '.join(missing)}")
    return recipients


def run_project(ctx: Ctx) -> Response:
    path_uuid(ctx, "projectId")
    body = validate_body(ctx, bodies.RUN_PROJECT, required=False)
    project = get_project(ctx)
    has_inputs = "inputParams" in body
    if "viewId" in body and has_inputs:
        raise ApiError(400, "viewId and inputParams cannot be given together")
    if has_inputs and (body.get("updateCache") or body.get("updatePublishedResults")):
        raise ApiError(422, "Cannot update the cache if specifying custom input parameters")
    if project.last_published_at is None:
        raise ApiError(422, f"Project {project.id} has never been published: publish it to run it")
    _check_inputs(project, body.get("inputParams", {}))
    notifications = _notification_recipients(ctx, body.get("notifications", []))
    now = ctx.clock.now()
    run_id = str(uuid.uuid4())
    if not body.get("dryRun", False):
        active = sum(
            1 for r in ctx.store.runs.values() if run_state(r, now, ctx.config)[0] not in TERMINAL
        )
        if active >= ctx.config.kernel_limit:
            raise ApiError(503, f"No kernel available: {active} runs already in progress")
        ctx.store.runs[run_id] = Run(
            id=run_id,
            project_id=project.id,
            created=now,
            result=project.run_result,
            version=project.version,
            notifications=notifications,
            input_params=dict(body.get("inputParams", {})),
        )
    run_url, status_url = run_urls(ctx, run_id, project.id)
    result: dict[str, Any] = {
        "projectId": project.id,
        "runId": run_id,
        "runUrl": run_url,
        "runStatusUrl": status_url,
        "traceId": new_trace_id(),
        "projectVersion": project.version,
    }
    if notifications:
        result["notifications"] = notifications
    return ok(result, 201)


def _get_run(ctx: Ctx) -> tuple[Project, Run]:
    path_uuid(ctx, "projectId")
    run_id = path_uuid(ctx, "runId")
    project = get_project(ctx)
    run = ctx.store.runs.get(run_id)
    if run is None or run.project_id != project.id:
        raise ApiError(404, f"Run {run_id} not found in project {project.id}")
    return project, run


def get_run_status(ctx: Ctx) -> Response:
    _, run = _get_run(ctx)
    expanded = ctx.request.headers.get("enable-expanded-stats", "").lower() == "true"
    return ok(run_json(ctx, run, expanded=expanded))


def cancel_run(ctx: Ctx) -> Response:
    _, run = _get_run(ctx)
    now = ctx.clock.now()
    status = run_state(run, now, ctx.config)[0]
    if status in TERMINAL:
        raise ApiError(
            422, f"Run {run.id} is {status}: only PENDING or RUNNING runs can be cancelled"
        )
    run.killed_at = now
    return Response(status_code=204)


RUN_STATUSES = ("PENDING", "RUNNING", "ERRORED", "COMPLETED", "KILLED", "UNABLE_TO_ALLOCATE_KERNEL")


def get_project_runs(ctx: Ctx) -> Response:
    path_uuid(ctx, "projectId")
    limit = q_int(ctx, "limit", 25, 1, 100)
    offset = q_int(ctx, "offset", 0, 0, None)
    status_filter = q_enum(ctx, "statusFilter", RUN_STATUSES, None)
    trigger = q_enum(ctx, "runTriggerFilter", ("SCHEDULED", "API", "APP_REFRESH", "ALL"), "ALL")
    project = get_project(ctx)
    now = ctx.clock.now()
    runs = sorted(
        (r for r in ctx.store.runs.values() if r.project_id == project.id),
        key=lambda r: (-r.created, r.id),
    )
    if trigger != "ALL":
        runs = [r for r in runs if r.trigger == trigger]
    if status_filter is not None:
        runs = [r for r in runs if run_state(r, now, ctx.config)[0] == status_filter]
    page = runs[offset : offset + limit]
    url = ctx.request.url
    next_page = None
    if offset + limit < len(runs):
        next_page = str(url.include_query_params(limit=limit, offset=offset + limit))
    previous_page = None
    if offset > 0:
        previous_page = str(url.include_query_params(limit=limit, offset=max(0, offset - limit)))
    return ok(
        {
            "runs": [run_json(ctx, r) for r in page],
            "nextPage": next_page,
            "previousPage": previous_page,
            "traceId": new_trace_id(),
        }
    )


# --- users --------------------------------------------------------------------------------------


def me(ctx: Ctx) -> Response:
    who = ctx.who
    token = {"exp": who.token_exp}
    org = {"id": ctx.store.org_id}
    if who.kind == "workspace":
        return ok({"org": org, "token": token})
    assert who.user is not None
    return ok({**user_json(who.user), "org": org, "token": token})


USER_SORTS = {
    "NAME": lambda u: ((u.name or "").casefold(), u.email),
    "EMAIL": lambda u: (u.email,),
}


def list_users(ctx: Ctx) -> Response:
    store = ctx.store
    limit = q_int(ctx, "limit", 25, 1, 500)
    sort = q_enum(ctx, "sortBy", ("NAME", "EMAIL"), "NAME") or "NAME"
    direction = q_enum(ctx, "sortDirection", ("ASC", "DESC"), "ASC")
    group_id = q_uuid(ctx, "groupId")
    wanted: set[str] | None = None
    raw_ids = ctx.query("userIds")
    if raw_ids:
        wanted = set()
        for raw_part in raw_ids.split(","):
            part = raw_part.strip()
            if not UUID_RE.fullmatch(part):
                raise ApiError(400, f"userIds must be comma-separated UUIDs; {part!r} is not one")
            wanted.add(part.lower())
    members: set[str] | None = None
    if group_id is not None:
        group = store.groups.get(group_id)
        if group is None:
            raise ApiError(404, f"Group {group_id} not found")
        members = group.members

    def keep(u: User) -> bool:
        if not u.active:
            return False
        if members is not None and u.id not in members:
            return False
        return wanted is None or u.id in wanted

    page = paginate(
        ctx,
        kind="users",
        sort=sort,
        descending=direction == "DESC",
        items=store.users,
        key=USER_SORTS[sort],
        limit=limit,
        keep=keep,
    )
    return ok({"values": [user_json(u) for u in page.items], "pagination": page.pagination()})


def deactivate_user(ctx: Ctx) -> Response:
    user_id = path_uuid(ctx, "userId")
    require_role(ctx)
    user = ctx.store.users.get(user_id)
    if user is None:
        raise ApiError(404, f"User {user_id} not found")
    if ctx.who.kind == "personal" and ctx.who.user is not None and ctx.who.user.id == user.id:
        raise ApiError(400, "You cannot deactivate yourself")
    user.active = False
    return ok({"user": user_json(user)})


# --- groups -------------------------------------------------------------------------------------

GROUP_SORTS = {
    "CREATED_AT": lambda g: (g.created_at,),
    "NAME": lambda g: (g.name.casefold(),),
}


def list_groups(ctx: Ctx) -> Response:
    limit = q_int(ctx, "limit", 25, 1, 500)
    sort = q_enum(ctx, "sortBy", ("CREATED_AT", "NAME"), "CREATED_AT") or "CREATED_AT"
    direction = q_enum(ctx, "sortDirection", ("DESC", "ASC"), "ASC")
    page = paginate(
        ctx,
        kind="groups",
        sort=sort,
        descending=direction == "DESC",
        items=ctx.store.groups,
        key=GROUP_SORTS[sort],
        limit=limit,
    )
    return ok({"values": [group_json(g) for g in page.items], "pagination": page.pagination()})


def _get_group(ctx: Ctx) -> Group:
    group_id = path_uuid(ctx, "groupId")
    group = ctx.store.groups.get(group_id)
    if group is None:
        raise ApiError(404, f"Group {group_id} not found")
    return group


def _member_ids(ctx: Ctx, members: dict[str, Any] | None) -> list[str]:
    ids = [m["id"].lower() for m in (members or {}).get("users", [])]
    unknown = [i for i in ids if i not in ctx.store.users or not ctx.store.users[i].active]
    if unknown:
        raise ApiError(400, f"Unknown or deactivated users: {', '.join(unknown)}")
    return ids


def _check_group_name(ctx: Ctx, name: str, group_id: str | None) -> None:
    taken = ctx.store.group_named(name)
    if taken is not None and taken.id != group_id:
        raise ApiError(400, f"A group named {name!r} already exists")


def get_group(ctx: Ctx) -> Response:
    return ok(group_json(_get_group(ctx)))


def create_group(ctx: Ctx) -> Response:
    body = validate_body(ctx, bodies.CREATE_GROUP)
    require_role(ctx, "MANAGER")
    _check_group_name(ctx, body["name"], None)
    members = _member_ids(ctx, body.get("members"))
    group = Group(str(uuid.uuid4()), body["name"], ctx.clock.isoformat(), set(members))
    ctx.store.groups[group.id] = group
    listed = [{"id": m} for m in dict.fromkeys(members)]
    return ok({"id": group.id, "name": group.name, "members": {"users": listed}}, 201)


def edit_group(ctx: Ctx) -> Response:
    path_uuid(ctx, "groupId")
    body = validate_body(ctx, bodies.EDIT_GROUP)
    group = _get_group(ctx)
    require_role(ctx, "MANAGER")
    members = body.get("members") or {}
    add = _member_ids(ctx, members.get("add"))
    remove = [m["id"].lower() for m in (members.get("remove") or {}).get("users", [])]
    if "name" in body:
        _check_group_name(ctx, body["name"], group.id)
        group.name = body["name"]
    group.members.update(add)
    group.members.difference_update(remove)
    return ok(group_json(group))


def delete_group(ctx: Ctx) -> Response:
    group = _get_group(ctx)
    require_role(ctx, "MANAGER")
    store = ctx.store
    del store.groups[group.id]
    # Its sharing disappears everywhere it was granted.
    shares: list[dict[str, str]] = [p.groups for p in store.projects.values()]
    shares += [x.groups for x in store.collections.values()]
    shares += [d.groups for d in store.connections.values()]
    for granted in shares:
        granted.pop(group.id, None)
    return Response(status_code=204)


# --- collections --------------------------------------------------------------------------------


def list_collections(ctx: Ctx) -> Response:
    limit = q_int(ctx, "limit", 25, 1, 100)
    q_enum(ctx, "sortBy", ("NAME",), "NAME")
    page = paginate(
        ctx,
        kind="collections",
        sort="NAME",
        descending=False,
        items=ctx.store.collections,
        key=lambda x: (x.name.casefold(),),
        limit=limit,
    )
    values = [collection_json(ctx.store, x) for x in page.items]
    return ok({"values": values, "pagination": page.pagination()})


def _get_collection(ctx: Ctx) -> Collection:
    collection_id = path_uuid(ctx, "collectionId")
    collection = ctx.store.collections.get(collection_id)
    if collection is None:
        raise ApiError(404, f"Collection {collection_id} not found")
    return collection


def _apply_collection_sharing(ctx: Ctx, collection: Collection, sharing: dict[str, Any]) -> None:
    store = ctx.store
    unknown = [e["id"] for e in sharing.get("users", []) if e["id"].lower() not in store.users]
    unknown += [e["id"] for e in sharing.get("groups", []) if e["id"].lower() not in store.groups]
    if unknown:
        raise ApiError(400, f"Unknown users or groups in sharing: {', '.join(unknown)}")
    for dimension in ("users", "groups"):
        target: dict[str, str] = getattr(collection, dimension)
        for entry in sharing.get(dimension, []):
            if entry["access"] == "NONE":
                target.pop(entry["id"].lower(), None)
            else:
                target[entry["id"].lower()] = entry["access"]
    if "members" in sharing.get("workspace", {}):
        members = sharing["workspace"]["members"]
        collection.workspace = None if members == "NONE" else members


def _check_collection_name(ctx: Ctx, name: str, collection_id: str | None) -> None:
    taken = ctx.store.collection_named(name)
    if taken is not None and taken.id != collection_id:
        raise ApiError(400, f"A collection named {name!r} already exists")


def get_collection(ctx: Ctx) -> Response:
    return ok(collection_json(ctx.store, _get_collection(ctx)))


def create_collection(ctx: Ctx) -> Response:
    body = validate_body(ctx, bodies.CREATE_COLLECTION)
    require_role(ctx, "MANAGER", "EDITOR")
    if not body["name"].strip():
        raise ApiError(400, "name must not be empty")
    _check_collection_name(ctx, body["name"], None)
    creator = ctx.who.user
    collection = Collection(
        id=str(uuid.uuid4()),
        name=body["name"],
        description=body.get("description"),
        creator_id=None if creator is None else creator.id,
        created_at=ctx.clock.isoformat(),
    )
    _apply_collection_sharing(ctx, collection, body.get("sharing", {}))
    ctx.store.collections[collection.id] = collection
    return ok(collection_json(ctx.store, collection), 201)


def edit_collection(ctx: Ctx) -> Response:
    path_uuid(ctx, "collectionId")
    body = validate_body(ctx, bodies.EDIT_COLLECTION)
    collection = _get_collection(ctx)
    is_creator = ctx.who.user is not None and ctx.who.user.id == collection.creator_id
    if not is_creator:
        require_role(ctx, "MANAGER")
    if "name" in body:
        _check_collection_name(ctx, body["name"], collection.id)
    _apply_collection_sharing(ctx, collection, (body.get("sharing") or {}).get("upsert", {}))
    if "name" in body:
        collection.name = body["name"]
    if "description" in body:
        collection.description = body["description"]
    return ok(collection_json(ctx.store, collection))


# --- data connections ---------------------------------------------------------------------------

CONNECTION_SORTS = {
    "NAME": lambda d: (d.name.casefold(),),
    "CREATED_AT": lambda d: (d.created_at,),
}


def list_connections(ctx: Ctx) -> Response:
    limit = q_int(ctx, "limit", 25, 1, 100)
    sort = q_enum(ctx, "sortBy", ("NAME", "CREATED_AT"), "NAME") or "NAME"
    direction = q_enum(ctx, "sortDirection", ("ASC", "DESC"), "ASC")
    page = paginate(
        ctx,
        kind="connections",
        sort=sort,
        descending=direction == "DESC",
        items=ctx.store.connections,
        key=CONNECTION_SORTS[sort],
        limit=limit,
    )
    values = [connection_json(ctx.store, d) for d in page.items]
    return ok({"values": values, "pagination": page.pagination()})


def _get_connection(ctx: Ctx) -> DataConnection:
    conn_id = path_uuid(ctx, "dataConnectionId")
    conn = ctx.store.connections.get(conn_id)
    if conn is None:
        raise ApiError(404, f"Data connection {conn_id} not found")
    return conn


def get_connection(ctx: Ctx) -> Response:
    return ok(connection_json(ctx.store, _get_connection(ctx)))


def _connection_fields(ctx: Ctx, conn: DataConnection, body: dict[str, Any]) -> None:
    """Apply the fields create and edit share; secrets are accepted and never stored."""
    store = ctx.store
    sharing = body.get("sharing") or {}
    groups = sharing.get("groups", [])
    entries = groups.get("upsert", []) if isinstance(groups, dict) else groups
    unknown = [e["group"]["id"] for e in entries if e["group"]["id"].lower() not in store.groups]
    if unknown:
        raise ApiError(404, f"Groups not found: {', '.join(unknown)}")
    details = body.get("connectionDetails")
    if details is not None:
        ((kind, values),) = details.items()
        if kind != conn.type:
            raise ApiError(400, f"connectionDetails are for {kind}, the connection is {conn.type}")
        readable = bodies.READABLE_DETAILS[kind]
        conn.details.update({k: v for k, v in values.items() if k in readable})
    simple = {
        "connectViaSsh": "connect_via_ssh",
        "includeMagic": "include_magic",
        "allowWritebackCells": "allow_writeback_cells",
        "schemaRefreshAccess": "schema_refresh_access",
        "description": "description",
        "schemaFilters": "schema_filters",
        "schemaRefreshSchedule": "schema_refresh_schedule",
    }
    for key, attr in simple.items():
        if key in body:
            setattr(conn, attr, body[key])
    conn.workspace.update(sharing.get("workspace", {}))
    for entry in entries:
        gid = entry["group"]["id"].lower()
        if entry["access"] == "NONE":
            conn.groups.pop(gid, None)
        else:
            conn.groups[gid] = entry["access"]


def _check_connection_name(ctx: Ctx, name: str, conn_id: str | None) -> None:
    for other in ctx.store.connections.values():
        if other.name == name and other.id != conn_id:
            raise ApiError(400, f"A data connection named {name!r} already exists")


def create_connection(ctx: Ctx) -> Response:
    body = validate_body(ctx, bodies.CREATE_CONNECTION)
    require_role(ctx)
    _check_connection_name(ctx, body["name"], None)
    conn = DataConnection(
        id=str(uuid.uuid4()),
        name=body["name"],
        type=body["type"],
        description=None,
        details={},
        connect_via_ssh=False,
        include_magic=True,
        allow_writeback_cells=False,
        schema_refresh_access="ADMINS",
        workspace={"members": "NONE", "guests": "NONE", "public": "NONE"},
        groups={},
        schema=None,
        created_at=ctx.clock.isoformat(),
    )
    _connection_fields(ctx, conn, body)
    ctx.store.connections[conn.id] = conn
    return ok(connection_json(ctx.store, conn), 201)


def edit_connection(ctx: Ctx) -> Response:
    path_uuid(ctx, "dataConnectionId")
    body = validate_body(ctx, bodies.EDIT_CONNECTION)
    conn = _get_connection(ctx)
    require_role(ctx)
    if "name" in body:
        if not body["name"].strip():
            raise ApiError(400, "name must not be empty")
        _check_connection_name(ctx, body["name"], conn.id)
    # Every check passes before anything changes: a refused edit leaves the connection as it was.
    _connection_fields(ctx, conn, body)
    if "name" in body:
        conn.name = body["name"]
    return ok(connection_json(ctx.store, conn), 201)


_SCHEMA_KINDS = {"DATABASE": ("databases", 1), "SCHEMA": ("schemas", 2), "TABLE": ("tables", 3)}


def update_connection_schema(ctx: Ctx) -> Response:
    path_uuid(ctx, "dataConnectionId")
    body = validate_body(ctx, bodies.UPDATE_SCHEMA)
    conn = _get_connection(ctx)
    require_role(ctx)
    bad: list[dict[str, Any]] = []
    missing: list[dict[str, Any]] = []
    for update in body["updates"]:
        plural, parts = _SCHEMA_KINDS[update["type"]]
        detail = {"name": update["name"], "type": update["type"]}
        status = update["status"]
        if len(update["name"].split(".")) != parts or not all(update["name"].split(".")):
            bad.append({**detail, "reason": "invalid_name_format"})
        elif status is not None and status not in ctx.store.statuses:
            bad.append({**detail, "reason": "invalid_status", "value": status})
        elif conn.schema is not None and update["name"] not in conn.schema[plural]:
            missing.append({**detail, "reason": "not_found"})
    if bad or missing:
        status_code, details = (400, bad) if bad else (404, missing)
        raise ApiError(
            status_code,
            "Some schema objects could not be updated",
            extra={"details": details},
        )
    updated: dict[str, list[dict[str, Any]]] = {"databases": [], "schemas": [], "tables": []}
    for update in body["updates"]:
        plural, _ = _SCHEMA_KINDS[update["type"]]
        if conn.schema is not None:
            conn.schema[plural][update["name"]] = update["status"]
        updated[plural].append({"name": update["name"], "status": update["status"]})
    return ok({"updated": updated})


# --- embedding ----------------------------------------------------------------------------------


def create_presigned_url(ctx: Ctx) -> Response:
    path_uuid(ctx, "projectId")
    body = validate_body(ctx, bodies.EMBEDDING)
    project = get_project(ctx)
    if ctx.store.plan != "ENTERPRISE" or not ctx.store.embedding:
        raise ApiError(
            403,
            "Embedding needs the Enterprise plan with the Embedded Analytics add-on",
        )
    expires = body.get("expiresIn", DEFAULT_EXPIRES_IN)
    if not 0 < expires <= MAX_EXPIRES_IN:
        raise ApiError(422, f"expiresIn must be more than 0 and at most {MAX_EXPIRES_IN} ms")
    unknown_scope = [s for s in body.get("scope", []) if s not in ("EXPORT_PDF", "EXPORT_CSV")]
    if unknown_scope:
        raise ApiError(422, f"Unknown scope: {', '.join(unknown_scope)}")
    if project.last_published_at is None:
        raise ApiError(422, f"Project {project.id} has no published app to embed")
    signature = secrets.token_urlsafe(24)
    expiry = int((ctx.clock.now() * 1000) + expires)
    url = f"{ctx.base_url()}/embed/{project.id}?expires={expiry}&signature={signature}"
    return ok({"url": url})


HANDLERS: dict[str, Handler] = {
    "ListProjects": list_projects,
    "CreateProject": create_project,
    "GetProject": get_project_op,
    "UpdateProject": update_project,
    "GetQueriedTables": queried_tables,
    "EditProjectSharingUsers": sharing_users,
    "EditProjectSharingGroups": sharing_groups,
    "EditProjectSharingCollections": sharing_collections,
    "EditProjectSharingOrgAndPublic": sharing_workspace,
    "RunProject": run_project,
    "GetProjectRuns": get_project_runs,
    "GetRunStatus": get_run_status,
    "CancelRun": cancel_run,
    "Me": me,
    "ListUsers": list_users,
    "DeactivateUser": deactivate_user,
    "ListGroups": list_groups,
    "CreateGroup": create_group,
    "GetGroup": get_group,
    "EditGroup": edit_group,
    "DeleteGroup": delete_group,
    "ListCollections": list_collections,
    "CreateCollection": create_collection,
    "GetCollection": get_collection,
    "EditCollection": edit_collection,
    "ListDataConnections": list_connections,
    "CreateDataConnection": create_connection,
    "GetDataConnection": get_connection,
    "EditDataConnection": edit_connection,
    "UpdateDataConnectionSchema": update_connection_schema,
    "CreatePresignedUrl": create_presigned_url,
}
