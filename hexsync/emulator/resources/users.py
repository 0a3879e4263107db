"""Users: Me, ListUsers, DeactivateUser."""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from hexsync.emulator.context import UUID_RE, ApiError, Ctx, ok, path_uuid, q_enum, q_int, q_uuid
from hexsync.emulator.pagination import paginate
from hexsync.emulator.permissions import require_role
from hexsync.emulator.store import User


def user_json(user: User) -> dict[str, Any]:
    return {
        "id": user.id,
        "name": user.name,
        "email": user.email,
        "role": user.role,
        "lastLoginDate": user.last_login_date,
    }


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
