"""The controller's HTTP API (Starlette), served by the same process as the reconciler.

Reads (``GET /api/…``) need a viewer's or an admin's token, writes an admin's
(``Authorization: Bearer``), checked in one middleware (:class:`TokenAuth`) in constant time
and throttled per address (:mod:`~hexsync.serve.guard`); tokens are never logged. ``/healthz``,
``/readyz`` and ``/metrics`` are open (probes and scrapers); ``/hooks/github`` and
``/hooks/gitlab`` carry their own shared secret. Every answer is JSON but ``/metrics``. The
shapes are in docs/serve.md, "The API".

A process may reconcile several workspaces (``hexsync.yaml``): the reads take ``?workspace=NAME``
(the first workspace when it is not given), ``POST /api/sync`` syncs the one it names or all,
and a push syncs the workspaces whose manifests it changed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import math
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.types import ASGIApp, Receive, Scope, Send

from hexsync.errors import HexsyncError
from hexsync.ops.history import (
    access_at,
    find_project_at,
    history_events,
    parse_when,
    project_access_doc,
)
from hexsync.serve.guard import (
    BodyLimit,
    Replays,
    Throttle,
    Tokens,
    TrustedProxies,
    same_secret,
)
from hexsync.serve.web import create_web
from hexsync.store import Store, iso

__all__ = ["ApiContext", "Controller", "TokenAuth", "address_of", "create_api", "too_many"]

MAX_LIMIT = 500
MAX_BODY = 64 * 1024  # bytes of a request's body: forms, the API
MAX_HOOK_BODY = 5 * 1024 * 1024  # bytes of a webhook's body (a push of many commits)


class Controller(Protocol):
    """What the API asks of the running process."""

    def workspaces(self) -> list[str]:
        """The workspaces this process reconciles, in order."""

    def status(self, workspace: str) -> dict[str, Any]:
        """The workspace's line of ``GET /api/status``."""

    def trigger(self, reason: str, workspace: str | None = None) -> list[str]:
        """Ask for a sync now of ``workspace`` (None: all); the workspaces queued (none on a
        replica that stands by)."""

    def affected(self, paths: Collection[str] | None) -> list[str]:
        """The workspaces whose manifests a push that changed ``paths`` may have changed."""

    def ready(self, workspace: str | None = None) -> tuple[bool, str]: ...

    def metrics(self) -> bytes: ...


@dataclass
class ApiContext:
    store: Store
    workspace: str  # the default of ``?workspace=`` (the first the process reconciles)
    controller: Controller
    admin_tokens: Sequence[str] = ()
    viewer_tokens: Sequence[str] = ()
    webhook_secret: str | None = None
    branch: str | None = None  # pushes to other branches trigger nothing
    clock: Callable[[], dt.datetime] = field(default=lambda: dt.datetime.now(dt.timezone.utc))
    # Failed guesses at the API's tokens (bearer and sign-in alike), and at the webhook secret.
    throttle: Throttle = field(default_factory=Throttle)
    # Proxies whose X-Forwarded-For / X-Forwarded-Proto are believed (--trusted-proxy).
    trusted_proxies: Sequence[str] = ("127.0.0.1", "::1")
    hook_throttle: Throttle = field(default_factory=Throttle)
    deliveries: Replays = field(default_factory=Replays)  # webhook deliveries seen lately


def _json(data: Any, status: int = 200) -> JSONResponse:
    return JSONResponse(data, status_code=status)


def _error(status: int, message: str, **extra: Any) -> JSONResponse:
    return _json({"error": message, **extra}, status)


def address_of(scope: Scope) -> str:
    """The client's address (uvicorn takes it from X-Forwarded-For only from a trusted proxy)."""
    client = scope.get("client")
    return str(client[0]) if client else "unknown"


def too_many(seconds: float) -> JSONResponse:
    response = _error(
        429, f"too many failed attempts from this address; try again in {Throttle.words(seconds)}"
    )
    response.headers["Retry-After"] = str(max(1, math.ceil(seconds)))
    return response


class TokenAuth:
    """The one place access to ``/api/`` is decided: 401 without a known token, 403 for a
    viewer's token on a write."""

    def __init__(self, app: ASGIApp, context: ApiContext) -> None:
        self.app = app
        self.context = context
        self.tokens = Tokens(context.admin_tokens, context.viewer_tokens)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not scope["path"].startswith("/api/"):
            await self.app(scope, receive, send)
            return
        header = dict(scope["headers"]).get(b"authorization", b"").decode("latin-1")
        scheme, _, token = header.partition(" ")
        token = token.strip() if scheme.lower() == "bearer" else ""
        role = None
        if token:
            address = address_of(scope)
            wait = self.context.throttle.wait(address)
            if wait > 0:  # refused before the token is looked at: a guess learns nothing
                await too_many(wait)(scope, receive, send)
                return
            role = self.tokens.role_of(token)
            if role is None:
                self.context.throttle.failed(address)
            else:
                self.context.throttle.succeeded(address)
        response: Response
        if role is None:
            response = _error(401, "a viewer's or an admin's token is needed")
            response.headers["WWW-Authenticate"] = 'Bearer realm="hexsync"'
        elif scope["method"] not in ("GET", "HEAD") and role != "admin":
            response = _error(403, "this needs an admin's token")
        else:
            await self.app(scope, receive, send)
            return
        await response(scope, receive, send)


def _limit(request: Request, default: int = 50) -> int:
    try:
        value = int(request.query_params.get("limit", default))
    except ValueError:
        value = default
    return max(1, min(MAX_LIMIT, value))


MAX_LISTED_COMMITS = 2048  # GitHub lists at most this many commits of a push


def changed_paths(body: Any) -> set[str] | None:
    """The paths a push (GitHub's or GitLab's payload) added, modified or removed; None when
    the payload does not list them all (a new branch, a force-push, more commits than listed)."""
    if not isinstance(body, dict):
        return None
    commits = body.get("commits")
    if not isinstance(commits, list) or not commits or len(commits) >= MAX_LISTED_COMMITS:
        return None
    total = body.get("total_commits_count")  # GitLab lists the first 20 of a larger push
    if isinstance(total, int) and total > len(commits):
        return None
    if body.get("created") or body.get("forced") or body.get("deleted"):
        return None
    paths: set[str] = set()
    for commit in commits:
        if not isinstance(commit, dict):
            return None
        for key in ("added", "modified", "removed"):
            listed = commit.get(key)
            if not isinstance(listed, list) or not all(isinstance(p, str) for p in listed):
                return None
            paths.update(listed)
    return paths


def create_api(context: ApiContext) -> ASGIApp:
    store = context.store

    def known() -> list[str]:
        own = context.controller.workspaces()
        try:
            others = [w for w in store.workspaces() if w not in own]
        except Exception:
            others = []
        return [*own, *others]

    def chosen(request: Request) -> str | Response:
        """``?workspace=NAME`` (the first workspace when not given), or a 404 naming them."""
        name = request.query_params.get("workspace") or context.workspace
        if name == context.workspace or name in known():
            return name
        return _error(404, f"no workspace {name!r} here", workspaces=known())

    def status(_request: Request) -> Response:
        try:
            controller = context.controller
            return _json({"workspaces": [controller.status(w) for w in controller.workspaces()]})
        except Exception as exc:
            return _error(503, f"the store does not answer: {type(exc).__name__}")

    def drift(request: Request) -> Response:
        workspace = chosen(request)
        if isinstance(workspace, Response):
            return workspace
        items = store.open_drift(workspace)
        return _json(
            {"workspace": workspace, "count": len(items), "items": [i.data for i in items]}
        )

    def syncs(request: Request) -> Response:
        workspace = chosen(request)
        if isinstance(workspace, Response):
            return workspace
        before = request.query_params.get("before")
        limit = _limit(request)
        found = store.syncs(
            workspace, limit=limit, before_id=int(before) if before and before.isdigit() else None
        )
        more = len(found) == limit
        return _json(
            {
                "workspace": workspace,
                "syncs": [s.data for s in found],
                "next_before": found[-1].id if more else None,
            }
        )

    def one_sync(request: Request) -> Response:
        ident = request.path_params["ident"]
        found = store.sync(ident)
        asked = request.query_params.get("workspace")
        if found is None or found.workspace not in known() or asked not in (None, found.workspace):
            return _error(404, f"no sync {ident}")
        return _json(
            {
                "sync": found.data,
                "plan": store.document(found.plan_digest) if found.plan_digest else None,
                "report": store.document(found.report_digest) if found.report_digest else None,
            }
        )

    def history(request: Request) -> Response:
        workspace = chosen(request)
        if isinstance(workspace, Response):
            return workspace
        since_text = request.query_params.get("since")
        try:
            since = (
                parse_when(since_text, now=context.clock(), option="since") if since_text else None
            )
        except HexsyncError as exc:
            return _error(400, exc.message)
        events = history_events(
            store,
            workspace,
            since=since,
            subject=request.query_params.get("object") or None,
            limit=_limit(request, 200),
        )
        return _json({"workspace": workspace, "events": events})

    def access_project(request: Request) -> Response:
        workspace = chosen(request)
        if isinstance(workspace, Response):
            return workspace
        at_text = request.query_params.get("at")
        try:
            at = (
                parse_when(at_text, now=context.clock(), option="at")
                if at_text
                else context.clock()
            )
            answer = access_at(store, workspace, at)
            project = find_project_at(answer.state, request.path_params["name"])
        except HexsyncError as exc:
            return _error(404, exc.message, hint=exc.hint)
        return _json(project_access_doc(answer, project))

    async def sync_now(request: Request) -> Response:
        """A sync now of ``?workspace=NAME`` (or ``{"workspace": NAME}``), else of every
        workspace this process reconciles."""
        name = request.query_params.get("workspace")
        body = await request.body()
        if name is None and body.strip():
            try:
                given = json.loads(body)
            except ValueError:
                return _error(400, 'the body is not JSON: send {"workspace": NAME} or nothing')
            if not isinstance(given, dict) or not isinstance(given.get("workspace", ""), str):
                return _error(400, 'send {"workspace": NAME} or nothing')
            name = given.get("workspace") or None
        own = context.controller.workspaces()
        if name is not None and name not in own:
            return _error(404, f"this process does not reconcile {name!r}", workspaces=own)
        queued = context.controller.trigger("api", name)
        if not queued:
            return _error(
                409,
                "this replica stands by; another one reconciles the workspace"
                + ("" if name is not None or len(own) == 1 else "s"),
            )
        return _json({"queued": True, "workspaces": queued, "at": iso(context.clock())}, 202)

    async def github(request: Request) -> Response:
        if context.webhook_secret is None:
            return _error(404, "webhooks are off (no --webhook-secret-file)")
        address = address_of(request.scope)
        wait = context.hook_throttle.wait(address)
        if wait > 0:
            return too_many(wait)
        body = await request.body()
        expected = (
            "sha256=" + hmac.new(context.webhook_secret.encode(), body, hashlib.sha256).hexdigest()
        )
        given = request.headers.get("x-hub-signature-256", "")
        if not same_secret(given, expected):
            context.hook_throttle.failed(address)
            return _error(401, "the signature (X-Hub-Signature-256) does not match")
        event = request.headers.get("x-github-event", "")
        if event == "ping":
            return _json({"triggered": False, "reason": "ping"})
        # The signature covers the body alone, so a replay may come with any delivery id: a
        # body seen before is a replay (a new push has a new "after" commit).
        if event == "push" and not context.deliveries.first(hashlib.sha256(body).hexdigest()):
            return _json({"triggered": False, "reason": "a replay of a delivery already seen"})
        return _push(event == "push", body)

    async def gitlab(request: Request) -> Response:
        if context.webhook_secret is None:
            return _error(404, "webhooks are off (no --webhook-secret-file)")
        address = address_of(request.scope)
        wait = context.hook_throttle.wait(address)
        if wait > 0:
            return too_many(wait)
        given = request.headers.get("x-gitlab-token", "")
        if not same_secret(given, context.webhook_secret):
            context.hook_throttle.failed(address)
            return _error(401, "the token (X-Gitlab-Token) does not match")
        body = await request.body()
        is_push = request.headers.get("x-gitlab-event", "") == "Push Hook"
        delivery = request.headers.get("x-gitlab-event-uuid") or hashlib.sha256(body).hexdigest()
        if is_push and not context.deliveries.first(f"gitlab:{delivery}"):
            return _json({"triggered": False, "reason": "a replay of a delivery already seen"})
        return _push(is_push, body)

    def _push(is_push: bool, body: bytes) -> Response:
        if not is_push:
            return _json({"triggered": False, "reason": "not a push"})
        try:
            payload = json.loads(body or b"{}")
            ref = payload.get("ref")
        except (ValueError, AttributeError):
            payload, ref = None, None
        if context.branch is not None and ref not in (None, f"refs/heads/{context.branch}"):
            return _json({"triggered": False, "reason": f"a push to {ref}, not {context.branch}"})
        affected = context.controller.affected(changed_paths(payload))
        if not affected:
            return _json(
                {"triggered": False, "reason": "the push changes no workspace's manifests"}
            )
        queued = [w for w in affected if context.controller.trigger("webhook", w)]
        return _json({"triggered": bool(queued), "workspaces": queued}, 202 if queued else 200)

    def healthz(_request: Request) -> Response:
        return _json({"ok": True})

    def readyz(request: Request) -> Response:
        name = request.query_params.get("workspace")
        if name is not None and name not in context.controller.workspaces():
            return _json(
                {"ready": False, "reason": f"this process does not reconcile {name!r}"}, 404
            )
        ready, reason = context.controller.ready(name)
        return _json({"ready": ready, "reason": reason}, 200 if ready else 503)

    def metrics(_request: Request) -> Response:
        return Response(context.controller.metrics(), media_type="text/plain; version=0.0.4")

    app = Starlette(
        routes=[
            Route("/api/status", status, methods=["GET"]),
            Route("/api/drift", drift, methods=["GET"]),
            Route("/api/syncs", syncs, methods=["GET"]),
            Route("/api/syncs/{ident:int}", one_sync, methods=["GET"]),
            Route("/api/history", history, methods=["GET"]),
            Route("/api/access/project/{name:path}", access_project, methods=["GET"]),
            Route("/api/sync", sync_now, methods=["POST"]),
            Route("/hooks/github", github, methods=["POST"]),
            Route("/hooks/gitlab", gitlab, methods=["POST"]),
            Route("/healthz", healthz, methods=["GET"]),
            Route("/readyz", readyz, methods=["GET"]),
            Route("/metrics", metrics, methods=["GET"]),
            Mount("", app=create_web(context)),  # the dashboard (docs/dashboard.md)
        ]
    )
    bounded = BodyLimit(TokenAuth(app, context), MAX_BODY, {"/hooks/": MAX_HOOK_BODY})
    return TrustedProxies(bounded, context.trusted_proxies)
