"""The dashboard and the API attacked over HTTP: guessing tokens, a copied cookie after sign-out,
a forged cookie, cross-site posts, huge bodies, traversal, formulas in the CSV. Each test is the
attack; it fails if the defence is taken away."""

from __future__ import annotations

import asyncio
import base64
import csv
import datetime as dt
import hashlib
import hmac
import io
import json
import re
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

pytest.importorskip("jinja2", reason="the serve extra is not installed")

from dashboard_support import ADMIN, VIEWER, FakeController

from hexsync.emulator.transport import EmulatorTransport
from hexsync.serve.api import ApiContext, create_api
from hexsync.serve.guard import Throttle, ThrottleLimits
from hexsync.serve.web.explorer import to_csv
from hexsync.serve.web.session import Session, SessionKeeper
from hexsync.store import Store


@pytest.fixture
def store(tmp_path) -> Iterator[Store]:
    with Store(f"sqlite:///{tmp_path / 'hexsync.db'}") as opened:
        yield opened


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def app_of(store: Store, **extra: Any) -> Any:
    return create_api(
        ApiContext(
            store=store,
            workspace="default",
            controller=FakeController(store),
            admin_tokens=(ADMIN,),
            viewer_tokens=(VIEWER,),
            **extra,
        )
    )


def client_of(
    app: Any, address: str = "203.0.113.7", base: str = "http://127.0.0.1"
) -> httpx.Client:
    return httpx.Client(transport=EmulatorTransport(app, client=(address, 50000)), base_url=base)


def plain_http(app: Any) -> Any:
    """``app`` reached over plain HTTP, as a proxy that terminated TLS reaches it."""

    async def hop(scope: Any, receive: Any, send: Any) -> None:
        await app({**scope, "scheme": "http"}, receive, send)

    return hop


def csrf_of(page: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', page)
    assert found is not None, "the page has no form with a CSRF token"
    return found.group(1)


def try_token(client: httpx.Client, token: str) -> httpx.Response:
    form = client.get("/signin")
    return client.post("/signin", data={"csrf": csrf_of(form.text), "token": token, "next": "/"})


# ------------------------------------------------------------------------------ guessing tokens


def test_guessing_tokens_at_the_sign_in_is_throttled_per_address(store):
    """An attacker guesses: after ten wrong tokens from one address even the right one is
    refused (429, nothing said about the token) for a while; another address is not held up."""
    clock = Clock()
    app = app_of(store, throttle=Throttle(clock=clock))
    with client_of(app) as attacker:
        for n in range(10):
            assert try_token(attacker, f"guess-{n}").status_code == 401
        held = try_token(attacker, ADMIN)
        assert held.status_code == 429
        assert "Too many tokens were not accepted from here. Try again in 10 minutes." in held.text
        assert int(held.headers["retry-after"]) == 600
        assert attacker.get("/").status_code == 303  # not signed in
        with client_of(app, "198.51.100.9") as someone_else:
            assert try_token(someone_else, VIEWER).status_code == 303
        clock.now += 601
        assert try_token(attacker, ADMIN).status_code == 303


def test_a_viewer_cannot_reset_the_count_by_signing_in_between_guesses(store):
    """A viewer guessing the admin's token, their own token in between: still throttled."""
    app = app_of(store, throttle=Throttle(clock=Clock()))
    with client_of(app) as viewer:
        for n in range(10):
            assert try_token(viewer, VIEWER).status_code == 303
            viewer.cookies.clear()
            assert try_token(viewer, f"admin-guess-{n}").status_code == 401
        assert try_token(viewer, ADMIN).status_code == 429


def test_guessing_from_many_addresses_is_throttled_overall_but_not_for_people_signed_in(store):
    clock = Clock()
    limits = ThrottleLimits(per_address=10, overall=30)
    app = app_of(store, throttle=Throttle(limits, clock=clock))
    with client_of(app, "192.0.2.1") as regular:
        assert try_token(regular, VIEWER).status_code == 303
    for n in range(30):
        with client_of(app, f"10.0.{n}.1") as bot:
            assert try_token(bot, f"guess-{n}").status_code == 401
    with client_of(app, "10.9.9.9") as newcomer:
        assert try_token(newcomer, ADMIN).status_code == 429
    with client_of(app, "192.0.2.1") as regular:  # known here: still let in
        assert try_token(regular, ADMIN).status_code == 303


def test_guessing_bearer_tokens_at_the_api_is_throttled_and_shares_the_count(store):
    clock = Clock()
    app = app_of(store, throttle=Throttle(clock=clock))
    with client_of(app) as attacker:
        for n in range(5):
            assert try_token(attacker, f"guess-{n}").status_code == 401
        for n in range(5):
            wrong = attacker.get("/api/status", headers={"Authorization": f"Bearer guess-{n}"})
            assert wrong.status_code == 401
        right = attacker.get("/api/status", headers={"Authorization": f"Bearer {ADMIN}"})
        assert right.status_code == 429
        assert right.json()["error"].startswith("too many failed attempts from this address")
        assert right.headers["retry-after"] == "600"
        # No token at all is not a guess: a probe without one is told 401 as before.
        clock.now += 601
        assert attacker.get("/api/status").status_code == 401
        assert attacker.get("/api/status", headers={"Authorization": f"Bearer {ADMIN}"}).is_success


# ------------------------------------------------------------------------------ the cookie


def test_a_copied_cookie_is_refused_by_every_replica_once_signed_out(tmp_path):
    """Someone copies an admin's cookie; the admin signs out on one replica; the copy is then
    refused by the other replica too (they share the store), not only by the first."""
    url = f"sqlite:///{tmp_path / 'hexsync.db'}"
    with Store(url) as one, Store(url) as two:
        first, second = app_of(one), app_of(two)
        with client_of(first) as admin:
            assert try_token(admin, ADMIN).status_code == 303
            copied = dict(admin.cookies)
            with client_of(second) as thief:
                thief.cookies.update(copied)
                assert thief.get("/").status_code == 200  # replicas accept each other's cookie
                page = admin.get("/")
                assert admin.post("/signout", data={"csrf": csrf_of(page.text)}).status_code == 303
                assert thief.get("/").status_code == 303
                assert thief.get("/w/default/history").status_code == 303
        # A restart of either replica forgets nothing.
        with client_of(app_of(two)) as later:
            later.cookies.update(copied)
            assert later.get("/").status_code == 303


def test_a_cookie_is_no_way_to_check_guesses_at_the_tokens_offline(store):
    """Anyone gets a signed cookie from the sign-in page without a token. Were its key made of
    the tokens alone, a guess at them (here: the right one) could be checked against it
    offline, at any speed, past every throttle."""
    with client_of(app_of(store)) as stranger:
        stranger.get("/signin")
        cookie = stranger.cookies["hexsync_session"]
    body, signature = cookie.split(".")
    for admin_guess, viewer_guess in [(ADMIN, VIEWER), (ADMIN, ""), ("", VIEWER)]:
        material = "\0".join(
            [
                "hexsync dashboard session",
                admin_guess,
                "\1",
                *([viewer_guess] if viewer_guess else []),
            ]
        )
        for key in (
            hashlib.sha256(material.encode()).digest(),
            material.encode(),
            ADMIN.encode(),
            VIEWER.encode(),
        ):
            mac = hmac.new(key, body.encode(), hashlib.sha256).digest()
            assert base64.urlsafe_b64encode(mac).rstrip(b"=").decode() != signature


def test_whoever_reads_the_store_cannot_forge_a_cookie(store):
    """The store holds a random secret, but not the tokens: with the secret alone an admin's
    cookie cannot be made."""
    secret = store.web_secret("dashboard-session", dt.datetime.now(dt.timezone.utc))
    forged = SessionKeeper((), (), secret=secret).encode(
        Session("sid", "admin", "csrf", time.time() + 3600)
    )
    with client_of(app_of(store)) as forger:
        forger.cookies.set("hexsync_session", forged)
        assert forger.get("/").status_code == 303
    assert ADMIN.encode() not in b"".join(
        str(v).encode() for row in store.raw("SELECT * FROM web_secrets") for v in row
    )


# ------------------------------------------------------------------------------ behind a proxy


def test_behind_a_named_proxy_the_cookie_is_secure_and_guesses_count_per_real_client(store):
    """TLS ends at a proxy on 10.0.0.5 (``--trusted-proxy 10.0.0.0/24``): the cookie must be
    ``Secure``, and each client behind the proxy has its own count of guesses (one attacker
    does not lock everyone out)."""
    clock = Clock()
    app = app_of(store, throttle=Throttle(clock=clock), trusted_proxies=("10.0.0.0/24",))

    def through_proxy(client_address: str) -> httpx.Client:
        # The browser sees https (the proxy's); the app is reached over plain HTTP.
        client = client_of(plain_http(app), "10.0.0.5", base="https://hexsync.example")
        client.headers.update(
            {"X-Forwarded-Proto": "https", "X-Forwarded-For": f"{client_address}, 10.0.0.7"}
        )
        return client

    with through_proxy("198.51.100.20") as person:
        signed_in = try_token(person, VIEWER)
        assert signed_in.status_code == 303
        assert "secure" in [f.strip().lower() for f in signed_in.headers["set-cookie"].split(";")]
    with through_proxy("203.0.113.66") as attacker:
        for n in range(10):
            assert try_token(attacker, f"guess-{n}").status_code == 401
        assert try_token(attacker, ADMIN).status_code == 429
    with through_proxy("198.51.100.21") as another_person:
        assert try_token(another_person, ADMIN).status_code == 303


def test_nobody_else_can_claim_tls_or_another_address(store):
    """The same headers from an address that is not a named proxy are ignored: no ``Secure``
    claimed over plain HTTP... and no new address for every guess."""
    app = app_of(store, throttle=Throttle(clock=Clock()), trusted_proxies=("10.0.0.0/24",))
    with client_of(app, "203.0.113.66") as attacker:
        for n in range(10):
            attacker.headers.update(
                {"X-Forwarded-For": f"192.0.2.{n}", "X-Forwarded-Proto": "https"}
            )
            assert try_token(attacker, f"guess-{n}").status_code == 401
        attacker.headers.update({"X-Forwarded-For": "192.0.2.200"})
        held = try_token(attacker, VIEWER)
        assert held.status_code == 429
        assert "secure" not in held.headers.get("set-cookie", "").lower()


# ------------------------------------------------------------------------------ huge requests


def _drive(app: Any, path: str, chunks: int, *, length: int | None = None) -> tuple[int, int]:
    """POST ``chunks`` chunks of 64 KiB to ``path`` straight through ASGI, as a client that
    never stops sending would; (the status, the bytes the app pulled)."""
    chunk = b"a" * 65536
    pulled = 0
    status: list[int] = []
    headers = [(b"content-type", b"application/x-www-form-urlencoded")]
    if length is not None:
        headers.append((b"content-length", str(length).encode()))
    scope = {
        "type": "http", "http_version": "1.1", "method": "POST", "scheme": "http",
        "path": path, "raw_path": path.encode(), "query_string": b"", "root_path": "",
        "headers": headers, "client": ("203.0.113.7", 50000), "server": ("127.0.0.1", 80),
    }  # fmt: skip

    async def receive() -> dict[str, Any]:
        nonlocal pulled
        if pulled >= chunks * len(chunk):
            return {"type": "http.disconnect"}
        pulled += len(chunk)
        return {"type": "http.request", "body": chunk, "more_body": pulled < chunks * len(chunk)}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            status.append(message["status"])

    asyncio.run(app(scope, receive, send))
    return status[0], pulled


@pytest.mark.parametrize("path", ["/signin", "/signout", "/w/default/sync", "/api/sync"])
def test_a_body_that_never_ends_is_refused_without_being_read(store, path):
    """1.6 GB sent to a form (or the API) must not be held in memory: 413 after 64 KiB."""
    status, pulled = _drive(app_of(store), path, chunks=25_000)
    assert status == 413
    assert pulled <= 2 * 65536
    status, pulled = _drive(app_of(store), path, chunks=25_000, length=25_000 * 65536)
    assert status == 413
    assert pulled == 0


def test_a_webhook_body_is_bounded_too(store):
    app = app_of(store, webhook_secret="hook-secret")
    status, pulled = _drive(app, "/hooks/github", chunks=25_000)
    assert status == 413
    assert pulled <= 5 * 1024 * 1024 + 65536


# ------------------------------------------------------------------------------ cross-site


@pytest.mark.parametrize(
    "headers",
    [
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site"},  # a sibling subdomain, perhaps someone else's
        {"Origin": "https://evil.example"},
        {"Origin": "null"},  # a sandboxed frame or a data: page
    ],
)
def test_a_post_from_another_site_starts_no_sync_even_with_the_token(store, headers):
    """Should the CSRF token ever leak (a screenshot, a proxy's log), a form on another site
    still cannot press "Sync now": the browser says where the POST came from."""
    controller = FakeController(store)
    app = create_api(
        ApiContext(store=store, workspace="default", controller=controller, admin_tokens=(ADMIN,))
    )
    with client_of(app) as admin:
        assert try_token(admin, ADMIN).status_code == 303
        page = admin.get("/w/default")
        forged = admin.post("/w/default/sync", data={"csrf": csrf_of(page.text)}, headers=headers)
        assert forged.status_code == 403
        assert controller.triggered == []
        same = {"Sec-Fetch-Site": "same-origin", "Origin": "http://127.0.0.1"}
        pressed = admin.post("/w/default/sync", data={"csrf": csrf_of(page.text)}, headers=same)
        assert pressed.status_code == 303
        assert controller.triggered == ["dashboard"]


# ------------------------------------------------------------------------------ webhooks


def _signed(body: bytes, secret: str = "hook-secret") -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def test_a_replayed_github_delivery_starts_no_second_sync(store):
    """Someone who saw one signed push (a proxy's log) sends it again, with a new delivery id:
    the signature still matches, but no sync starts. A new push does."""
    controller = FakeController(store)
    app = create_api(
        ApiContext(
            store=store, workspace="default", controller=controller, webhook_secret="hook-secret"
        )
    )
    push = json.dumps({"ref": "refs/heads/main", "after": "a" * 40}).encode()
    with client_of(app) as sender:
        for n in range(3):
            answer = sender.post(
                "/hooks/github",
                content=push,
                headers={
                    "X-GitHub-Event": "push",
                    "X-GitHub-Delivery": f"delivery-{n}",
                    "X-Hub-Signature-256": _signed(push),
                },
            )
            assert answer.is_success
        assert controller.triggered == ["webhook"]
        assert answer.json() == {
            "triggered": False,
            "reason": "a replay of a delivery already seen",
        }
        newer = json.dumps({"ref": "refs/heads/main", "after": "b" * 40}).encode()
        fresh = sender.post(
            "/hooks/github",
            content=newer,
            headers={"X-GitHub-Event": "push", "X-Hub-Signature-256": _signed(newer)},
        )
        assert fresh.status_code == 202
        assert controller.triggered == ["webhook", "webhook"]


def test_guessing_the_webhook_secret_is_throttled(store):
    controller = FakeController(store)
    app = create_api(
        ApiContext(
            store=store, workspace="default", controller=controller, webhook_secret="hook-secret"
        )
    )
    with client_of(app) as guesser:
        for n in range(10):
            wrong = guesser.post(
                "/hooks/gitlab",
                content=b"{}",
                headers={"X-Gitlab-Event": "Push Hook", "X-Gitlab-Token": f"guess-{n}"},
            )
            assert wrong.status_code == 401
        right = guesser.post(
            "/hooks/gitlab",
            content=b"{}",
            headers={"X-Gitlab-Event": "Push Hook", "X-Gitlab-Token": "hook-secret"},
        )
        assert right.status_code == 429
    assert controller.triggered == []


# ------------------------------------------------------------------------------ the CSV


@pytest.mark.parametrize(
    "name",
    [
        '=HYPERLINK("https://evil.test","Revenue")',
        '  =HYPERLINK("https://evil.test","Revenue")',  # spreadsheets skip leading spaces
        "\n=1+2",
        "\uff1d1+2",  # a full-width equals sign, which some spreadsheets read as "="
        "\uff20SUM(A1)",
        "+1+2",
        "-1+2",
        "@SUM(A1)",
        "\t=1",
    ],
)
def test_a_name_from_hex_is_never_a_formula_in_the_csv(name):
    """Anyone who can name a project in Hex names it as a formula; the CSV download must show
    it as text (prefixed with ')."""
    table = to_csv(("name", "level"), [{"name": name, "level": "CAN_VIEW"}])
    (cell, level) = next(csv.reader(io.StringIO(table[table.index("\r\n") + 2 :])))
    assert cell == "'" + name
    assert level == "CAN_VIEW"


# ------------------------------------------------------------------------------ judged fine


@pytest.mark.parametrize(
    "nxt",
    [
        "//evil.test/",
        "/\\evil.test",
        "/\t/evil.test",
        "/%2F/evil.test",
        "https://evil.test/",
        "\\\\evil.test",
        "/\r\nSet-Cookie: x=1",
    ],
)
def test_sign_in_never_sends_anyone_to_another_site(store, nxt):
    with client_of(app_of(store)) as person:
        form = person.get("/signin", params={"next": nxt})
        assert form.status_code == 200
        signed_in = person.post(
            "/signin", data={"csrf": csrf_of(form.text), "token": VIEWER, "next": nxt}
        )
        assert signed_in.status_code == 303
        target = httpx.URL("http://127.0.0.1/").join(signed_in.headers["location"])
        assert target.host == "127.0.0.1"
        assert "set-cookie: x" not in str(signed_in.headers).lower()


@pytest.mark.parametrize(
    "path",
    [
        "/static/../app.py",
        "/static/%2e%2e/app.py",
        "/static/..%2fapp.py",
        "/static/%2e%2e%2fapp.py",
    ],
)
def test_static_files_stay_inside_the_static_folder(store, path):
    with client_of(app_of(store)) as stranger:
        answer = stranger.get(path)
        assert answer.status_code == 404
        assert "create_web" not in answer.text


def test_what_a_page_echoes_is_escaped(store):
    with client_of(app_of(store)) as person:
        assert try_token(person, VIEWER).status_code == 303
        script = "<script>alert(1)</script>"
        for path, params in [
            (f"/w/{script}", {}),
            (f"/w/{script}/history", {}),
            ("/w/default/access", {"q": script, "kind": "project"}),
            ("/w/default/access", {"when": "at", "at": script, "tz": script}),
            ("/w/default/history", {"object": script, "person": script}),
        ]:
            page = person.get(path, params=params)
            assert script not in page.text, path
            assert "default-src 'self'" in page.headers["content-security-policy"]
            assert "unsafe-inline" not in page.headers["content-security-policy"]
            assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
            assert page.headers["x-content-type-options"] == "nosniff"
            assert page.headers["referrer-policy"] == "same-origin"
