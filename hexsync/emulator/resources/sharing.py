"""Project sharing: the four EditProjectSharing* upserts.

Partial success (observed; docs/hex-api.md): an entry Hex cannot apply is named in the 200's
``errors`` (``userIds``/``groupIds``/``collectionIds`` or ``type``, with ``reason``); the others
are applied. The emulator refuses an entry for: an unknown or deactivated user, an unknown group
(deleted in the meantime) or collection, a change to the owner's own access, and public-web
sharing in a workspace whose settings disable Share to web (seed ``org.share_to_web: false``).
A Viewer (role MEMBER) granted more than CAN_VIEW is not refused: the grant is stored capped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from starlette.responses import Response

from hexsync.emulator import bodies
from hexsync.emulator.context import Ctx, ok, path_uuid, validate_body
from hexsync.emulator.hex_access import capped
from hexsync.emulator.permissions import get_project
from hexsync.emulator.resources.projects import project_json
from hexsync.emulator.store import Store


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
        elif dimension == "users":
            target[key] = capped(ctx.store.users[key].role, entry["access"])
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
    errors: list[dict[str, str]] = []
    if "workspace" in sharing:
        project.workspace = sharing["workspace"]
    if "publicWeb" in sharing:
        if sharing["publicWeb"] != "NONE" and not ctx.store.share_to_web:
            reason = "Share to web is disabled in this workspace's settings"
            errors.append({"type": "publicWeb", "reason": reason})
        else:
            project.public_web = sharing["publicWeb"]
    result: dict[str, Any] = {"project": project_json(ctx.store, project, sharing=True)}
    if errors:
        result["errors"] = errors
    return ok(result)
