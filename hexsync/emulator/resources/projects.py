"""Projects: ListProjects, GetProject, CreateProject, UpdateProject, GetQueriedTables."""

from __future__ import annotations

import uuid
from typing import Any

from starlette.responses import Response

from hexsync.emulator import bodies
from hexsync.emulator.context import (
    ApiError,
    Ctx,
    ok,
    path_uuid,
    q_bool,
    q_enum,
    q_int,
    q_list,
    q_uuid,
    validate_body,
)
from hexsync.emulator.envelopes import new_trace_id
from hexsync.emulator.pagination import paginate
from hexsync.emulator.permissions import acting_user, effective_access, get_project, require_role
from hexsync.emulator.store import Project, Store


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
            "lastViewedAt": project.last_viewed_at,
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
