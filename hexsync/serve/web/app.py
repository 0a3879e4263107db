"""The dashboard's pages (Starlette + Jinja2), mounted at ``/`` beside the API.

Every page is rendered on the server and works without JavaScript; ``static/app.js`` adds a
little (times in the viewer's zone, the overview and workspace pages refreshed when a sync ends,
search as you type). Every asset is in this package: no CDN, no external font, and the Content
Security Policy allows nothing but this server.

Pages need a signed-in session (:mod:`~hexsync.serve.web.session`); every form carries the
session's CSRF token, and only an admin's session may press "Sync now".
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import math
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any, Protocol
from urllib.parse import parse_qs, quote, urlencode, urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import (
    FileResponse,
    HTMLResponse,
    JSONResponse,
    RedirectResponse,
    Response,
)
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from hexsync._version import __version__
from hexsync.errors import HexsyncError
from hexsync.ops.history import history_events, parse_when
from hexsync.serve.guard import Throttle
from hexsync.serve.web.explorer import KINDS, ExplorerCache, View, resolve_basis, to_csv
from hexsync.serve.web.session import COOKIE, LIFETIME, Session, SessionKeeper
from hexsync.serve.web.views import (
    OUTCOMES,
    STATES,
    event_row,
    plan_text,
    report_view,
    store_status,
    utc_text,
    window_text,
)
from hexsync.store import Store, iso

__all__ = ["WebContext", "WebController", "create_web"]

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
PAGE_ROWS = 200  # rows of an access answer per page (the CSV has them all)
HISTORY_LIMITS = (100, 200, 500)
MAX_FORM = 16 * 1024  # bytes of a form's body
POLL_SECONDS = 2  # how often the overview asks whether a sync ended


class WebController(Protocol):
    def workspaces(self) -> list[str]: ...

    def status(self, workspace: str) -> dict[str, Any]: ...

    def trigger(self, reason: str, workspace: str | None = None) -> list[str]: ...


class WebContext(Protocol):
    """What the dashboard needs of the process (the API's context has all of it)."""

    @property
    def store(self) -> Store: ...

    @property
    def workspace(self) -> str: ...

    @property
    def controller(self) -> WebController: ...

    @property
    def admin_tokens(self) -> Sequence[str]: ...

    @property
    def viewer_tokens(self) -> Sequence[str]: ...

    @property
    def clock(self) -> Callable[[], dt.datetime]: ...

    @property
    def throttle(self) -> Throttle: ...


CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; "
    "object-src 'none'"
)


class SecurityHeaders:
    """The headers every dashboard answer carries: nothing but this server may be loaded, no
    framing, no sniffing, no page cached."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        static = scope["path"].startswith("/static/")

        async def wrapped(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [
                    (b"content-security-policy", CSP.encode()),
                    (b"x-frame-options", b"DENY"),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"same-origin"),
                    (b"cache-control", b"private, max-age=3600" if static else b"no-store"),
                ]
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, wrapped)


def _asset_version() -> str:
    digest = hashlib.sha256()
    for path in sorted(STATIC.iterdir()):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


def _time(value: str | dt.datetime | None) -> Markup:
    """A ``<time>`` in UTC; app.js shows it in the viewer's zone, UTC on hover."""
    if value is None or value == "":
        return Markup('<span class="none">never</span>')
    text = utc_text(value)
    stamp = value if isinstance(value, str) else iso(value)
    return Markup('<time datetime="{0}" title="{1}">{1}</time>').format(stamp, text)


def _safe_next(value: str | None) -> str:
    """Where to go after signing in: a path of this site only (no ``//host``)."""
    if not value or not value.startswith("/") or value.startswith("//") or "\\" in value:
        return "/"
    return value


class _StoreRevocations:
    """Signed-out sessions kept in the store, for every replica."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def revoke(self, sid: str, expires: float) -> None:
        # A session's expiry is wall-clock time (the cookie's), not the controller's clock.
        until = dt.datetime.fromtimestamp(expires, dt.timezone.utc)
        self.store.revoke_session(sid, until, dt.datetime.now(dt.timezone.utc))

    def revoked(self, sid: str) -> bool:
        return self.store.session_revoked(sid)


def _same_origin(request: Request) -> bool:
    """Whether a POST came from a page of this site, as the browser tells it: ``Sec-Fetch-Site``
    (not ``cross-site`` nor ``same-site``), or else ``Origin`` (this host). A client that sends
    neither (not a browser) is judged by the CSRF token alone."""
    site = request.headers.get("sec-fetch-site")
    if site is not None:
        return site in ("same-origin", "none")
    origin = request.headers.get("origin")
    if origin is None:
        return True
    host = request.headers.get("host", "")
    return origin != "null" and urlsplit(origin).netloc.lower() == host.lower()


def create_web(context: WebContext) -> ASGIApp:
    store, home = context.store, context.workspace
    keeper = SessionKeeper(
        context.admin_tokens,
        context.viewer_tokens,
        secret=store.web_secret("dashboard-session", context.clock()),
        revocations=_StoreRevocations(store),
    )
    explorers = ExplorerCache(store)
    env = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["when"] = _time
    env.globals.update(
        version=__version__,
        assets=_asset_version(),
        states=STATES,
        outcomes=OUTCOMES,
        poll_seconds=POLL_SECONDS,
    )

    # --------------------------------------------------------------------------- plumbing

    def session_of(request: Request) -> Session | None:
        return keeper.decode(request.cookies.get(COOKIE))

    def set_cookie(request: Request, response: Response, session: Session) -> None:
        response.set_cookie(
            COOKIE,
            keeper.encode(session),
            max_age=int(LIFETIME),
            path="/",
            httponly=True,
            secure=request.url.scheme == "https",
            samesite="strict",
        )

    def render(
        request: Request,
        template: str,
        session: Session | None,
        status: int = 200,
        **values: Any,
    ) -> HTMLResponse:
        fresh = session is None
        session = session or keeper.new()
        html = env.get_template(template).render(
            request=request,
            me=session,
            csrf=session.csrf,
            home=home,
            workspaces=workspaces(),
            **values,
        )
        response = HTMLResponse(html, status_code=status)
        if fresh:
            set_cookie(request, response, session)
        return response

    def workspaces() -> list[str]:
        """The workspaces this process reconciles, in order, then the others the store holds."""
        own = reconciled()
        try:
            known = store.workspaces()
        except Exception:
            known = []
        return [*own, *[w for w in known if w not in own]]

    def reconciled() -> list[str]:
        return context.controller.workspaces() or [home]

    def refuse(request: Request, session: Session | None, status: int, message: str) -> Response:
        return render(request, "error.html", session, status, title=message, message=message)

    async def form_of(request: Request) -> dict[str, str]:
        body = await request.body()
        if len(body) > MAX_FORM:
            return {}
        parsed = parse_qs(body.decode("utf-8", "replace"), keep_blank_values=True)
        return {k: v[0] for k, v in parsed.items()}

    # Handlers are plain functions run in a worker thread: the store is read synchronously and
    # an explorer may take a moment to build, and the reconciler shares this event loop.

    def page(
        handler: Callable[[Request, Session], Response],
    ) -> Callable[[Request], Awaitable[Response]]:
        """A page for signed-in people; others are sent to sign in and brought back."""

        async def guarded(request: Request) -> Response:
            session = session_of(request)
            if session is None or not session.signed_in:
                target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
                if request.url.path.endswith(".json"):
                    return JSONResponse({"error": "sign in first"}, status_code=401)
                return RedirectResponse(f"/signin?next={quote(target)}", status_code=303)
            return await run_in_threadpool(handler, request, session)

        return guarded

    def posted(
        handler: Callable[[Request, Session, dict[str, str]], Response],
    ) -> Callable[[Request], Awaitable[Response]]:
        """A form's POST: the session's CSRF token must come with it (403 otherwise)."""

        async def checked(request: Request) -> Response:
            session = session_of(request)
            form = await form_of(request)
            if (
                session is None
                or not _same_origin(request)
                or not SessionKeeper.csrf_ok(session, form.get("csrf"))
            ):
                return await run_in_threadpool(
                    refuse,
                    request,
                    session,
                    403,
                    "This form did not come from this page (its security token is missing or "
                    "out of date). Reload the page and try again.",
                )
            return await run_in_threadpool(handler, request, session, form)

        return checked

    def known(name: str) -> bool:
        return name in workspaces()

    def warm(name: str) -> None:
        """Build the explorer over the latest snapshot before anyone opens it."""
        with contextlib.suppress(HexsyncError):
            explorers.warm(resolve_basis(store, name, at=None, as_planned=False))

    def status_of(name: str) -> dict[str, Any]:
        if name in context.controller.workspaces():
            return context.controller.status(name)
        return store_status(store, name)

    # --------------------------------------------------------------------------- sign-in

    def signin(request: Request) -> Response:
        session = session_of(request)
        nxt = _safe_next(request.query_params.get("next"))
        if session is not None and session.signed_in:
            return RedirectResponse(nxt, status_code=303)
        return render(
            request,
            "signin.html",
            session,
            next=nxt,
            configured=keeper.configured,
            signed_out="signed_out" in request.query_params,
        )

    def signin_post(request: Request, session: Session, form: dict[str, str]) -> Response:
        nxt = _safe_next(form.get("next"))
        client = request.client.host if request.client else "unknown"
        wait = context.throttle.wait(client)
        if wait > 0:  # refused before the token is looked at: a guess learns nothing
            refused = render(
                request,
                "signin.html",
                session,
                429,
                next=nxt,
                configured=keeper.configured,
                error="Too many tokens were not accepted from here. Try again in "
                f"{Throttle.words(wait)}.",
            )
            refused.headers["Retry-After"] = str(max(1, math.ceil(wait)))
            return refused
        role = keeper.role_of(form.get("token", ""))
        if role is None:
            context.throttle.failed(client)
            return render(
                request,
                "signin.html",
                session,
                401,
                next=nxt,
                configured=keeper.configured,
                error="That token was not accepted.",
            )
        context.throttle.succeeded(client)
        response = RedirectResponse(nxt, status_code=303)
        set_cookie(request, response, keeper.new(role))  # a new session: no fixation
        return response

    def signout(request: Request, session: Session, form: dict[str, str]) -> Response:
        del request, form
        keeper.forget(session)
        response = RedirectResponse("/signin?signed_out=1", status_code=303)
        response.delete_cookie(COOKIE, path="/")
        return response

    # --------------------------------------------------------------------------- pages

    def overview(request: Request, session: Session) -> Response:
        rows = []
        for name in workspaces():
            st = status_of(name)
            window, window_until = window_text(st)
            rows.append({"status": st, "window": window, "window_until": window_until})
            warm(name)
        return render(
            request,
            "overview.html",
            session,
            rows=rows,
            reconciled=", ".join(context.controller.workspaces()),
            active="overview",
        )

    def state(request: Request, session: Session) -> Response:
        """What changes when a sync ends (app.js refreshes the page when it does)."""
        del request, session
        out = {}
        for name in workspaces():
            last = store.last_sync(name, finished=False)
            drift = len(store.open_drift(name))
            out[name] = f"{last.id if last else 0}:{last.outcome if last else ''}:{drift}"
            warm(name)
        return JSONResponse({"state": out})

    def workspace(request: Request, session: Session) -> Response:
        name = request.path_params["ws"]
        if not known(name):
            return refuse(request, session, 404, f"There is no workspace {name!r} here.")
        st = status_of(name)
        success = store.last_success(name)
        plan = None
        if success is not None:
            plan = plan_text(store, success.plan_digest, success.id)
        window, window_until = window_text(st)
        warm(name)
        return render(
            request,
            "workspace.html",
            session,
            ws=name,
            st=st,
            success=success,
            plan=plan,
            drift=store.open_drift(name),
            window=window,
            window_until=window_until,
            can_sync=session.admin and name in context.controller.workspaces(),
            queued=request.query_params.get("queued"),
            active="workspace",
        )

    def sync_now(request: Request, session: Session, form: dict[str, str]) -> Response:
        del form
        name = request.path_params["ws"]
        if not session.admin:
            return refuse(request, session, 403, "Only an admin can start a sync.")
        if name not in context.controller.workspaces():
            return refuse(request, session, 404, f"This process does not reconcile {name!r}.")
        queued = name in context.controller.trigger("dashboard", name)
        said = "1" if queued else "standby"
        if not queued and context.controller.status(name).get("role") == "failed":
            said = "failed"  # its client cannot be made (a missing token): the status says why
        return RedirectResponse(f"/w/{quote(name)}?queued={said}", status_code=303)

    def history(request: Request, session: Session) -> Response:
        name = request.path_params["ws"]
        if not known(name):
            return refuse(request, session, 404, f"There is no workspace {name!r} here.")
        q = request.query_params
        obj = q.get("object", "").strip()
        person = q.get("person", "").strip()
        kind = q.get("type", "")
        try:
            limit = int(q.get("limit", HISTORY_LIMITS[0]))
        except ValueError:
            limit = HISTORY_LIMITS[0]
        limit = max(1, min(HISTORY_LIMITS[-1], limit))
        subject = obj or person or None
        events = history_events(store, name, subject=subject, limit=limit)
        if obj and person:
            needle = person.lower()
            events = [e for e in events if needle in " ".join(map(str, e.values())).lower()]
        if kind:
            wanted = {"drift": ("drift_opened", "drift_resolved")}.get(kind, (kind,))
            events = [e for e in events if e["type"] in wanted]
        rows = [event_row(e) for e in events]
        more = None
        if len(events) >= limit and limit < HISTORY_LIMITS[-1]:
            bigger = next(n for n in HISTORY_LIMITS if n > limit)
            more = "?" + urlencode({**dict(q), "limit": bigger})
        return render(
            request,
            "history.html",
            session,
            ws=name,
            rows=rows,
            obj=obj,
            person=person,
            kind=kind,
            more=more,
            active="history",
        )

    def one_sync(request: Request, session: Session) -> Response:
        name = request.path_params["ws"]
        ident = request.path_params["ident"]
        found = store.sync(ident)
        if found is None or found.workspace != name:
            return refuse(request, session, 404, f"There is no sync #{ident} of {name!r}.")
        return render(
            request,
            "sync.html",
            session,
            ws=name,
            sync=found,
            outcome=OUTCOMES.get(found.outcome, ("", "", found.outcome)),
            plan=plan_text(store, found.plan_digest, found.id),
            report=report_view(store, found),
            active="history",
        )

    def asked(request: Request) -> dict[str, Any]:
        """The explorer's question, as the form and the CSV link give it."""
        q = request.query_params
        kind = q.get("kind", "project")
        return {
            "kind": kind if kind in KINDS else "project",
            "q": q.get("q", "").strip(),
            "when": q.get("when", "now") if q.get("when") in ("now", "at", "planned") else "now",
            "at": q.get("at", "").strip(),
            "tz": q.get("tz", "").strip(),
            "page": q.get("page", "1"),
        }

    def moment(question: dict[str, Any]) -> dt.datetime | None:
        if question["when"] != "at" or not question["at"]:
            return None
        text = question["at"]
        zone: dt.tzinfo = dt.timezone.utc
        if question["tz"]:
            try:
                zone = ZoneInfo(question["tz"])
            except (ZoneInfoNotFoundError, ValueError):
                raise HexsyncError(f"the time zone {question['tz']!r} is not known") from None
        try:
            written = dt.datetime.fromisoformat(text)
        except ValueError:
            written = None
        if written is not None and written.tzinfo is None:
            return written.replace(tzinfo=zone)  # written in the viewer's zone
        return parse_when(text, now=context.clock(), option="as of")

    def answer(name: str, question: dict[str, Any]) -> dict[str, Any]:
        """The explorer's answer: the basis, search matches, and the view when one thing is
        named exactly."""
        at = moment(question)
        basis = resolve_basis(store, name, at=at, as_planned=question["when"] == "planned")
        explorer = explorers.get(basis)
        out: dict[str, Any] = {"basis": basis, "counts": explorer.counts(), "view": None}
        query = question["q"]
        if query:
            key = explorer.find(question["kind"], query)
            if key is not None:
                out["view"] = explorer.view(question["kind"], key)
            else:
                out["matches"] = explorer.search(query, question["kind"])
        return out

    def access(request: Request, session: Session) -> Response:
        name = request.path_params["ws"]
        if not known(name):
            return refuse(request, session, 404, f"There is no workspace {name!r} here.")
        question = asked(request)
        error = None
        result: dict[str, Any] = {}
        try:
            result = answer(name, question)
        except HexsyncError as exc:
            error = exc.message + (f" ({exc.hint})" if exc.hint else "")
        view: View | None = result.get("view")
        page_no, pages, rows = 1, 1, []
        if view is not None:
            pages = max(1, -(-len(view.rows) // PAGE_ROWS))
            try:
                page_no = max(1, min(pages, int(question["page"])))
            except ValueError:
                page_no = 1
            rows = view.rows[(page_no - 1) * PAGE_ROWS : page_no * PAGE_ROWS]
        base = {k: v for k, v in question.items() if k != "page" and v}
        return render(
            request,
            "access.html",
            session,
            400 if error else 200,
            ws=name,
            question=question,
            error=error,
            result=result,
            view=view,
            rows=rows,
            page_no=page_no,
            pages=pages,
            query_of=lambda **kw: "?" + urlencode({**base, **kw}),
            csv_link=f"/w/{quote(name)}/access.csv?" + urlencode(base),
            kinds=KINDS,
            active="access",
        )

    def access_search(request: Request, session: Session) -> Response:
        """The matches alone (app.js fills the list as someone types)."""
        name = request.path_params["ws"]
        question = asked(request)
        if not known(name) or not question["q"]:
            return render(request, "_matches.html", session, ws=name, matches=[], question=question)
        try:
            result = answer(name, {**question, "q": question["q"]})
        except HexsyncError as exc:
            return render(request, "_matches.html", session, ws=name, error=exc.message,
                          matches=[], question=question)  # fmt: skip
        matches = result.get("matches")
        if matches is None and result["view"] is not None:
            v = result["view"]
            matches = [{"kind": v.kind, "key": v.key, "label": v.title, "detail": "exact match"}]
        return render(
            request,
            "_matches.html",
            session,
            ws=name,
            matches=matches or [],
            question=question,
        )

    def access_csv(request: Request, session: Session) -> Response:
        del session
        name = request.path_params["ws"]
        if not known(name):
            return Response("no such workspace\n", status_code=404, media_type="text/plain")
        question = asked(request)
        try:
            result = answer(name, question)
        except HexsyncError as exc:
            return Response(exc.message + "\n", status_code=400, media_type="text/plain")
        view: View | None = result["view"]
        if view is None:
            columns: tuple[str, ...] = ("kind", "name", "detail")
            rows = [
                {"kind": m.kind, "name": m.key, "detail": m.detail}
                for m in result.get("matches", [])
            ]
            stem = "search"
        else:
            columns, rows, stem = view.columns, view.rows, f"{view.kind}-{view.key}"
        basis = result["basis"]
        when = "planned" if basis.source == "planned" else utc_text(basis.at or context.clock())
        filename = "".join(c if c.isalnum() or c in "-_." else "_" for c in f"{stem}-{when}")
        return Response(
            to_csv(columns, rows),
            media_type="text/csv; charset=utf-8",
            headers={"content-disposition": f'attachment; filename="{filename}.csv"'},
        )

    async def favicon(_request: Request) -> Response:
        return FileResponse(STATIC / "favicon.svg", media_type="image/svg+xml")

    def not_found(request: Request, exc: Exception) -> Response:
        del exc
        return refuse(request, session_of(request), 404, "There is no such page here.")

    def ws_route(path: str, handler: Any, methods: Sequence[str] = ("GET",)) -> Route:
        return Route("/w/{ws}" + path, handler, methods=list(methods))

    app = Starlette(
        routes=[
            Route("/", page(overview), methods=["GET"]),
            Route("/state.json", page(state), methods=["GET"]),
            Route("/signin", signin, methods=["GET"]),
            Route("/signin", posted(signin_post), methods=["POST"]),
            Route("/signout", posted(signout), methods=["POST"]),
            ws_route("", page(workspace)),
            ws_route("/sync", posted(sync_now), methods=("POST",)),
            ws_route("/history", page(history)),
            ws_route("/syncs/{ident:int}", page(one_sync)),
            ws_route("/access", page(access)),
            ws_route("/access/search", page(access_search)),
            ws_route("/access.csv", page(access_csv)),
            Route("/favicon.ico", favicon, methods=["GET"]),
            Mount("/static", StaticFiles(directory=STATIC), name="static"),
        ],
        exception_handlers={404: not_found},
    )
    return SecurityHeaders(app)
