"""The Hex API as an ASGI app: routing, auth and body parsing in front of the handlers.

Routing goes through the operations table (``operations.resolve``), so the paths, the error
envelope of every endpoint and the legacy run paths are defined in one place. The handlers live by
resource in ``resources/`` (mirroring the client's operations), over ``context`` (request context,
parameter checks), ``pagination`` and ``permissions``. Order of checks for a request: auth (401)
→ path parameters (400) → query and body (400) → existence and visibility (404) → permission (403)
→ the operation's own rules (422, 503).

Choices where the reference leaves one open (see also ``seed.py``):
- A personal token of a non-admin sees the projects it owns or is shared on (directly, through a
  group, or through workspace access unless the user is a GUEST); others answer 404. Likewise
  collections and data connections (``permissions.sees_collection``/``sees_connection``).
- Writes: sharing needs FULL_ACCESS (or owner, or admin); a status change needs CAN_EDIT; groups,
  data connections and deactivation need ADMIN (groups: MANAGER too); creating a project needs
  ADMIN, MANAGER or EDITOR. A workspace token is an admin.
- A workspace token creating a project makes the token's ``user`` (or the first active ADMIN by
  email) the owner.
- Group and collection names are unique: creating or renaming onto a taken name is a 400.
- DeactivateUser on a deactivated user answers 200 with the user again (a retried POST is safe);
  a deactivated user is no longer listed, no longer a visible group member or sharing entry, and
  their tokens stop working (401).
- RunProject: ``viewId`` with ``inputParams`` is a 400 (contradictory request), a ``viewId`` the
  project has no saved view for a 422 naming it; ``dryRun`` validates and answers 201 with a run
  id that resolves (COMPLETED, nothing ran, never listed). A JSON ``null`` body is a 400.
- Request bodies: unknown keys ignored, or a 400 everywhere with ``strict_bodies``; the legacy
  run paths answer a bad body with 422 and every error as ``{reason, traceId}``. A string
  holding a lone UTF-16 surrogate (``"\\ud800"``), anywhere in a body, is a 400 before
  anything is stored.
- A state file that no longer loads (edited, or written by another process) is a 503 naming
  it, never a 500; ``/_emulator/reset`` writes it anew from the seed.
- Every choice is documented for users in docs/emulator.md.
- Plans (seed ``org.plan``/``org.embedding``): GetQueriedTables on a TEAM plan, and
  CreatePresignedUrl without ENTERPRISE and the embedding add-on, are 403s that say so.
- CreatePresignedUrl: a wrong type is 400; an ``expiresIn`` outside (0, 300000] or an
  unpublished project is 422.
"""

from __future__ import annotations

import json
import logging
import re
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import Receive, Scope, Send

from hexsync.emulator.clock import Clock
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.context import NO_BODY, ApiError, Ctx, Principal
from hexsync.emulator.envelopes import error_body
from hexsync.emulator.operations import Operation, resolve, resolve_path
from hexsync.emulator.resources import HANDLERS
from hexsync.emulator.seed_format import parse_time
from hexsync.emulator.store import StateFileError, Store
from hexsync.emulator.unicode_text import not_unicode

logger = logging.getLogger(__name__)


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
        except StateFileError as exc:  # not a bug: say which file, without a traceback
            logger.error("%s", exc.message)
            return _error(op, ApiError(503, f"{exc.message} ({exc.hint})"))
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
    match = re.fullmatch(f"{pattern}/?", path)
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
    """The JSON body, or ``NO_BODY`` when there is none (a JSON ``null`` is ``None``).

    Hex reads a body only as ``application/json``: one sent as anything else (or no type at
    all) never reaches its validation, so here it is a 400 that says why rather than a body
    quietly honoured. ``NaN`` and ``Infinity`` are not JSON either.
    """
    if op.method in ("GET", "DELETE") or not raw.strip():
        return NO_BODY
    status = 422 if op.legacy_path else 400  # the legacy run paths' dialect (Hex's older spec)
    media = content_type.split(";", 1)[0].strip().lower()
    if media != "application/json" and not media.endswith("+json"):
        shown = media or "none"
        raise ApiError(
            status, f"The request body must be sent as Content-Type: application/json, not {shown}"
        )
    try:
        body = json.loads(raw, parse_constant=_reject_constant)
    except ValueError as exc:
        raise ApiError(status, f"Request body is not valid JSON: {exc}") from exc
    problems = not_unicode(body)  # "\ud800": stored, it would break every answer showing it
    if problems:  # in the message, like a JSON error (UpdateDataConnectionSchema's details differ)
        raise ApiError(status, f"Request body is not Unicode text: {'; '.join(problems)}")
    return body


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")
