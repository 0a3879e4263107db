"""Groups: ListGroups, GetGroup, CreateGroup, EditGroup, DeleteGroup."""

from __future__ import annotations

import uuid
from typing import Any

from starlette.responses import Response

from hexsync.emulator import bodies
from hexsync.emulator.context import ApiError, Ctx, ok, path_uuid, q_enum, q_int, validate_body
from hexsync.emulator.pagination import paginate
from hexsync.emulator.permissions import require_role
from hexsync.emulator.store import Group


def group_json(group: Group) -> dict[str, Any]:
    return {"id": group.id, "name": group.name, "createdAt": group.created_at}


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
