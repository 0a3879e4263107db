"""Collections: ListCollections, GetCollection, CreateCollection, EditCollection."""

from __future__ import annotations

import uuid
from typing import Any

from starlette.responses import Response

from hexsync.emulator import bodies
from hexsync.emulator.context import ApiError, Ctx, ok, path_uuid, q_enum, q_int, validate_body
from hexsync.emulator.pagination import paginate
from hexsync.emulator.permissions import require_role, sees_collection
from hexsync.emulator.store import Collection, Store


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
        keep=lambda x: sees_collection(ctx, x),
    )
    values = [collection_json(ctx.store, x) for x in page.items]
    return ok({"values": values, "pagination": page.pagination()})


def _get_collection(ctx: Ctx) -> Collection:
    collection_id = path_uuid(ctx, "collectionId")
    collection = ctx.store.collections.get(collection_id)
    if collection is None or not sees_collection(ctx, collection):
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
