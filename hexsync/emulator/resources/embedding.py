"""Embedding: CreatePresignedUrl."""

from __future__ import annotations

import secrets

from starlette.responses import Response

from hexsync.emulator import bodies
from hexsync.emulator.context import ApiError, Ctx, ok, path_uuid, validate_body
from hexsync.emulator.permissions import get_project

MAX_EXPIRES_IN = 300_000
DEFAULT_EXPIRES_IN = 15_000


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
