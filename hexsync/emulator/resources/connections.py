"""Data connections: list, get, create, edit, and UpdateDataConnectionSchema."""

from __future__ import annotations

import uuid
from typing import Any

from starlette.responses import Response

from hexsync.emulator import bodies
from hexsync.emulator.context import ApiError, Ctx, ok, path_uuid, q_enum, q_int, validate_body
from hexsync.emulator.pagination import paginate
from hexsync.emulator.permissions import require_role, sees_connection
from hexsync.emulator.store import DataConnection, Store


def connection_json(store: Store, conn: DataConnection) -> dict[str, Any]:
    readable = bodies.READABLE_DETAILS[conn.type]
    details = {k: v for k, v in conn.details.items() if k in readable and v is not None}
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
        keep=lambda d: sees_connection(ctx, d),
    )
    values = [connection_json(ctx.store, d) for d in page.items]
    return ok({"values": values, "pagination": page.pagination()})


def _get_connection(ctx: Ctx) -> DataConnection:
    conn_id = path_uuid(ctx, "dataConnectionId")
    conn = ctx.store.connections.get(conn_id)
    if conn is None or not sees_connection(ctx, conn):
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
        # The schema let exactly one type through (with lenient bodies, beside unknown keys).
        kind = next(k for k in details if k in bodies.SECRET_DETAILS)
        if kind != conn.type:
            raise ApiError(400, f"connectionDetails are for {kind}, the connection is {conn.type}")
        readable = bodies.READABLE_DETAILS[kind]
        for key, value in details[kind].items():
            if key not in readable:
                continue  # secrets are never stored, unknown keys never honoured
            if value is None:
                conn.details.pop(key, None)  # a nullable field cleared: reads leave it out
            else:
                conn.details[key] = value
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
    try:
        body = validate_body(ctx, bodies.UPDATE_SCHEMA)
    except ApiError as exc:
        # This endpoint's 400 declares ``details`` as a list of per-object problems, which a
        # malformed body has none of: the problems go in ``reason``, and no ``details``.
        if not exc.issues:
            raise
        raise ApiError(exc.status, f"{exc.message}: {'; '.join(exc.issues)}") from exc
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
