"""The dashboard's pages over HTTP (no browser): sign-in and its cookie, CSRF, who may press
"Sync now", and what each page says, checked against what the store and the CLI's own answers
say. The store is filled by two real syncs of the Acme example (dashboard_support)."""

from __future__ import annotations

import base64
import csv
import html
import io
import random
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

pytest.importorskip("jinja2", reason="the serve extra is not installed")

from dashboard_support import (
    ADMIN,
    REVENUE,
    VIEWER,
    FakeController,
    fill_store,
    make_app,
)

from hexsync.decide.access_engine import AccessEngine
from hexsync.emulator.transport import EmulatorTransport
from hexsync.ops.history import access_at, find_project_at, project_access_doc
from hexsync.ops.snapshot import live_of
from hexsync.render.text import render_text
from hexsync.serve.web.explorer import ExplorerCache, person_grants, resolve_basis
from hexsync.store import Store
from hexsync.values.plan import Plan

WS = "default"


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Store, dict[str, Any]]]:
    path = tmp_path_factory.mktemp("dashboard") / "hexsync.db"
    with Store(f"sqlite:///{path}") as store:
        facts = fill_store(store, WS)
        fill_store(store, "staging")  # another workspace in the store, reconciled elsewhere
        yield store, facts


@pytest.fixture
def controller(filled: tuple[Store, dict[str, Any]]) -> FakeController:
    return FakeController(filled[0], WS)


def browser(controller: FakeController, base: str = "http://127.0.0.1") -> httpx.Client:
    """A client that keeps cookies, as a browser does (redirects are followed by hand)."""
    return httpx.Client(
        transport=EmulatorTransport(make_app(controller.store, controller)), base_url=base
    )


def csrf_of(page: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', page)
    assert found is not None, "the page has no form with a CSRF token"
    return found.group(1)


def sign_in(client: httpx.Client, token: str) -> httpx.Response:
    form = client.get("/signin")
    assert form.status_code == 200
    return client.post(
        "/signin", data={"csrf": csrf_of(form.text), "token": token, "next": "/w/default"}
    )


def text_of(page: str) -> str:
    """The words a person reads: tags dropped, entities decoded, spaces squeezed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page)).split())


@pytest.fixture
def admin(controller: FakeController) -> Iterator[httpx.Client]:
    with browser(controller) as client:
        assert sign_in(client, ADMIN).status_code == 303
        yield client


@pytest.fixture
def viewer(controller: FakeController) -> Iterator[httpx.Client]:
    with browser(controller) as client:
        assert sign_in(client, VIEWER).status_code == 303
        yield client


def test_pages_ask_to_sign_in_and_a_wrong_token_is_refused_without_saying_why(controller):
    with browser(controller) as client:
        first = client.get("/w/default/history?object=Revenue")
        assert first.status_code == 303
        assert first.headers["location"] == "/signin?next=/w/default/history%3Fobject%3DRevenue"
        wrong = sign_in(client, "admin-token-for-dashboard-tests-but-not-quite")
        assert wrong.status_code == 401
        said = text_of(wrong.text)
        assert "That token was not accepted." in said
        assert "admin-token-for-dashboard-tests-but-not-quite" not in wrong.text
        assert "viewer" not in said.split("That token was not accepted.")[1].split("Sign in")[0]
        assert client.get("/").status_code == 303  # still not signed in
        # The right token brings the person back where they were going.
        right = client.post(
            "/signin",
            data={
                "csrf": csrf_of(wrong.text),
                "token": VIEWER,
                "next": "/w/default/history?object=Revenue",
            },
        )
        assert right.status_code == 303
        assert right.headers["location"] == "/w/default/history?object=Revenue"
        assert client.get(right.headers["location"]).status_code == 200
        # A "next" that leaves the site is not followed.
        with browser(controller) as other:
            form = other.get("/signin").text
            away = other.post(
                "/signin", data={"csrf": csrf_of(form), "token": VIEWER, "next": "//evil.test/"}
            )
            assert away.headers["location"] == "/"


@pytest.mark.parametrize("scheme", ["http", "https"])
def test_the_session_cookie_is_httponly_strict_secure_over_tls_and_holds_no_token(
    controller, scheme
):
    with browser(controller, f"{scheme}://127.0.0.1") as client:
        response = sign_in(client, ADMIN)
        cookie = response.headers["set-cookie"]
        flags = [f.strip().lower() for f in cookie.split(";")[1:]]
        assert "httponly" in flags
        assert "samesite=strict" in flags
        assert ("secure" in flags) is (scheme == "https")
        value = cookie.split(";")[0].split("=", 1)[1]
        body = value.split(".")[0]
        decoded = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)).decode()
        assert ADMIN not in decoded
        assert ADMIN not in value


def test_a_post_without_the_csrf_token_is_403_and_starts_no_sync(admin, controller):
    page = admin.get("/w/default")
    assert "Sync now" in page.text
    assert admin.post("/w/default/sync", data={}).status_code == 403
    forged = admin.post("/w/default/sync", data={"csrf": "a guess"})
    assert forged.status_code == 403
    assert "security token" in text_of(forged.text)
    assert controller.triggered == []
    done = admin.post("/w/default/sync", data={"csrf": csrf_of(page.text)})
    assert done.status_code == 303
    assert controller.triggered == ["dashboard"]
    queued = admin.get(done.headers["location"])
    assert "A sync was queued" in text_of(queued.text)


def test_a_viewer_sees_no_sync_now_and_cannot_start_one(viewer, controller):
    page = viewer.get("/w/default")
    assert page.status_code == 200
    assert "Sync now" not in page.text
    assert "only an admin can start a sync" in text_of(page.text)
    refused = viewer.post("/w/default/sync", data={"csrf": csrf_of(page.text)})
    assert refused.status_code == 403
    assert "Only an admin can start a sync." in text_of(refused.text)
    assert controller.triggered == []


def test_signing_out_ends_the_session_even_for_a_copy_of_its_cookie(admin):
    page = admin.get("/")
    kept = dict(admin.cookies)
    out = admin.post("/signout", data={"csrf": csrf_of(page.text)})
    assert out.status_code == 303
    assert out.headers["location"] == "/signin?signed_out=1"
    assert admin.get("/").status_code == 303
    admin.cookies.clear()
    admin.cookies.update(kept)  # someone kept the old cookie
    assert admin.get("/").status_code == 303


def test_the_overview_shows_status_mode_last_sync_drift_next_sync_and_window(admin, filled):
    store, facts = filled
    page = admin.get("/").text
    drift = len(store.open_drift(WS))
    assert drift > 0
    # One row per workspace: the one this process reconciles first, then the store's others.
    rows = [text_of(r) for r in re.findall(r"<tr>\s*<th scope=\"row\">(.*?)</tr>", page, re.S)]
    assert len(rows) == 2, rows
    assert rows[0] == (
        f"default ⚠ OutOfSync warn #{facts['second']} ⚠ out of sync 2027-01-04 10:00:00 UTC"
        f" {drift} items 2027-01-04 10:10:00 UTC (every 10m)"
        " none declared: heals may write at any time"
    )
    assert "2 workspaces; this process reconciles default." in text_of(page)
    # A workspace this process does not reconcile: from the store alone, no Sync now.
    assert rows[1].startswith("staging ⚠ OutOfSync warn (not reconciled by this process)")
    assert rows[1].endswith(
        "not scheduled here not known here (another process reconciles this workspace)"
    )
    # The workspace's page has the rest: the commit and the requests its last sync used.
    said = text_of(admin.get("/w/default").text)
    assert "Commit a folder (no commit)" in said
    last = store.sync(facts["second"])
    assert f"Requests used {last.requests}" in said
    assert "Next sync 2027-01-04 10:10:00 UTC (every 10m)" in said
    staging = admin.get("/w/staging")
    assert staging.status_code == 200
    assert "Sync now" not in staging.text
    assert admin.post("/w/staging/sync", data={"csrf": csrf_of(staging.text)}).status_code == 404
    assert admin.get("/w/nowhere").status_code == 404


def test_the_workspace_page_shows_the_plan_as_plan_prints_it_and_every_open_drift_item(
    admin, filled
):
    store, facts = filled
    page = admin.get("/w/default").text
    shown = re.search(r'<pre class="plan"[^>]*>(.*?)</pre>', page, re.S)
    assert shown is not None
    sync = store.sync(facts["second"])
    expected = render_text(Plan.from_data(store.document(sync.plan_digest)))
    assert html.unescape(shown.group(1)) == expected
    rows = re.findall(r"<tr>\s*<td><span class=\"kind\">(.*?)</tr>", page, re.S)
    assert len(rows) == len(store.open_drift(WS))
    said = text_of(page)
    assert (
        "project Revenue overview sharing.workspace APP_ONLY CAN_VIEW "
        "2027-01-04 09:00:00 UTC 2027-01-04 10:00:00 UTC"  # first seen by the first sync
    ) in said


def test_the_history_filters_by_object_and_by_person_and_each_sync_has_its_page(admin, filled):
    _store, facts = filled
    everything = text_of(admin.get("/w/default/history").text)
    assert f"Sync #{facts['first']}" in everything
    assert "Changed in Hex project Revenue overview · sharing.workspace: NONE → CAN_VIEW" in (
        everything
    )
    revenue = admin.get("/w/default/history", params={"object": "Revenue overview"}).text
    rows = re.findall(r"<tr>\s*<td class=\"when\">.*?</tr>", revenue, re.S)
    assert rows
    assert all("Revenue overview" in r for r in rows)
    assert not any("Sync #" in r for r in rows)
    erin = admin.get("/w/default/history", params={"person": "erin@acme.com"}).text
    erin_rows = re.findall(r"<tr>\s*<td class=\"when\">.*?</tr>", erin, re.S)
    assert erin_rows
    assert all("erin@acme.com" in r for r in erin_rows)
    both = admin.get(
        "/w/default/history", params={"object": "Partner portal", "person": "erin@acme.com"}
    ).text
    assert "Nothing recorded that matches." in text_of(both)
    # The sync's own page: its plan, its facts; warn mode applies nothing.
    one = admin.get(f"/w/default/syncs/{facts['second']}").text
    said = text_of(one)
    assert f"Sync #{facts['second']} ⚠ out of sync" in said
    assert "Trigger schedule" in said
    assert 'project "Revenue overview"' in html.unescape(one)
    assert "Warn mode: nothing is written to Hex." in said
    assert admin.get("/w/default/syncs/999").status_code == 404


def _people(page: str) -> list[tuple[str, str]]:
    """(email, level) of each row of a project's answer."""
    return re.findall(
        r'<td><a href="[^"]*kind=person[^"]*">([^<]+)</a></td>.*?<span class="level [^"]+">'
        r"([A-Z_]+)</span>",
        page,
        re.S,
    )


def test_the_explorer_answers_now_as_of_and_as_planned_as_access_at_does(admin, filled):
    store, facts = filled
    ask = {"kind": "project", "q": "Revenue overview"}
    now = admin.get("/w/default/access", params=ask).text
    assert "Every workspace member workspace (CAN_VIEW)" in text_of(now)
    answer = access_at(store, WS, store.sync(facts["second"]).finished_at)
    doc = project_access_doc(answer, find_project_at(answer.state, "Revenue overview"))
    assert sorted(_people(now)) == sorted((p["email"], p["level"]) for p in doc["people"])
    # As of a moment before the share (in Berlin's time: 10:30 there is 09:30 UTC).
    before = admin.get(
        "/w/default/access",
        params={**ask, "when": "at", "at": "2027-01-04T10:30", "tz": "Europe/Berlin"},
    ).text
    said = text_of(before)
    assert "the snapshot read at 2027-01-04 09:00:00 UTC was in force" in said
    assert "Every workspace member no" in said
    earlier = access_at(store, WS, facts["before_share"])
    old = project_access_doc(earlier, find_project_at(earlier.state, "Revenue overview"))
    assert sorted(_people(before)) == sorted((p["email"], p["level"]) for p in old["people"])
    # As planned: the manifests share it with the workspace as APP_ONLY, not CAN_VIEW.
    planned = admin.get("/w/default/access", params={**ask, "when": "planned"}).text
    assert "Every workspace member workspace (APP_ONLY)" in text_of(planned)
    assert f"The workspace as sync #{facts['second']} would leave it" in text_of(planned)
    # Before the store's memory starts: said so, with when it starts.
    none = admin.get("/w/default/access", params={**ask, "when": "at", "at": "2026-12-01T00:00"})
    assert none.status_code == 400
    assert "no snapshot from that moment or before" in text_of(none.text)


def test_person_group_and_collection_answers_and_search(admin):
    person = text_of(
        admin.get("/w/default/access", params={"kind": "person", "q": "erin@acme.com"}).text
    )
    assert "Revenue overview 0b3f6a51-5b6e-4c43-a4a8-0b1d2b7f3c11 CAN_EDIT direct share" in person
    group = text_of(admin.get("/w/default/access", params={"kind": "group", "q": "finance"}).text)
    assert "group Finance" in group
    assert "Members 6" in group
    collection = text_of(
        admin.get("/w/default/access", params={"kind": "collection", "q": "Product"}).text
    )
    assert "Shared with the workspace MEMBER" in collection
    assert "People it reaches every workspace member" in collection
    # A part of a name searches; each match links to its answer.
    found = admin.get("/w/default/access/search", params={"kind": "project", "q": "reven"}).text
    assert f"kind=project&amp;q={REVENUE}" in found
    assert "Revenue overview" in text_of(found)
    nobody = admin.get("/w/default/access/search", params={"kind": "person", "q": "zzz"}).text
    assert "Nothing found for “zzz”." in text_of(nobody)


def test_the_csv_holds_every_row_shown(admin):
    ask = {"kind": "project", "q": REVENUE}
    page = admin.get("/w/default/access", params=ask).text
    download = admin.get("/w/default/access.csv", params=ask)
    assert download.status_code == 200
    assert download.headers["content-type"].startswith("text/csv")
    assert "attachment" in download.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(download.text)))
    assert [(r["email"], r["level"]) for r in rows] == _people(page)
    assert all(r["paths"] for r in rows)


def test_no_page_shows_a_token(admin, viewer, filled):
    _store, facts = filled
    paths = [
        "/",
        "/w/default",
        "/w/default/history",
        f"/w/default/syncs/{facts['first']}",
        "/w/default/access?kind=project&q=Revenue+overview",
        "/state.json",
    ]
    for client in (admin, viewer):
        for path in paths:
            response = client.get(path)
            assert response.status_code == 200, path
            assert ADMIN not in response.text
            assert VIEWER not in response.text
            assert response.headers["cache-control"] == "no-store"
            assert "default-src 'self'" in response.headers["content-security-policy"]


def test_every_asset_is_served_by_the_package():
    root = Path(__file__).resolve().parents[2] / "hexsync" / "serve" / "web"
    templates = "".join(p.read_text() for p in (root / "templates").glob("*.html"))
    static = "".join(p.read_text() for p in (root / "static").iterdir())
    assert not re.search(r"(src|href)=\"(https?:)?//", templates)
    assert "url(" not in static  # no font or image from anywhere
    assert "@import" not in static


def _random_workspace(seed: int) -> dict[str, Any]:
    """A small workspace in the snapshot's format where every way of reaching a project
    occurs: owners, direct, group and collection shares, the workspace, Viewers (MEMBER),
    Guests, unread groups, hidden projects, levels Hex may send that hexsync does not know."""
    rnd = random.Random(seed)
    emails = [f"p{i}@acme.test" for i in range(40)]
    levels = ["NONE", "APP_ONLY", "CAN_VIEW", "CAN_EDIT", "FULL_ACCESS", "SOMETHING_NEW"]
    groups = [f"G{i}" for i in range(8)]
    colls = [f"C{i}" for i in range(6)]

    def some(pool: list[str], most: int, values: list[str]) -> dict[str, str]:
        return {k: rnd.choice(values) for k in rnd.sample(pool, rnd.randint(0, most))}

    return {
        "format": 1,
        "org": {"id": "org", "name": "Random"},
        "users": {
            f"u{i}": {
                "email": e,
                "name": None,
                "role": rnd.choice(["ADMIN", "EDITOR", "EXPLORER", "MEMBER", "GUEST", None]),
            }
            for i, e in enumerate(emails)
        },
        "groups": {
            f"g{i}": {
                "name": g,
                "members": None
                if i == 7
                else rnd.sample([*emails, "gone@acme.test"], rnd.randint(0, 12)),
            }
            for i, g in enumerate(groups)
        },
        "collections": {
            f"c{i}": {
                "name": c,
                "sharing": {
                    "users": some(emails, 3, ["VIEW", "MANAGE"]),
                    "groups": some(groups, 2, ["VIEW", "MEMBER"]),
                    "workspace": rnd.choice(["NONE", "MEMBER", ""]),
                },
            }
            for i, c in enumerate(colls)
        },
        "projects": {
            f"pr{i}": {
                "title": f"Project {i % 25}",  # some titles twice
                "owner": rnd.choice([*emails, None, "gone@acme.test"]),
                "archived": i % 17 == 0,
                "sharing": {
                    "users": some([*emails, "gone@acme.test"], 4, levels),
                    "groups": some(groups, 3, levels),
                    "collections": some([*colls, "Deleted"], 2, levels),
                    "workspace": rnd.choice(levels),
                    "public_web": rnd.choice(levels),
                },
            }
            for i in range(60)
        },
    }


@pytest.mark.parametrize("seed", range(5))
def test_a_persons_answer_is_the_engines_for_everyone(seed):
    live = live_of(_random_workspace(seed))
    engine = AccessEngine(live)
    for email in live.users:
        assert person_grants(engine, email) == engine.of_user(email), email


def test_a_persons_answer_is_the_engines_on_the_stored_workspace_now_and_as_planned(filled):
    store, _facts = filled
    for planned_too in (False, True):
        basis = resolve_basis(store, WS, at=None, as_planned=planned_too)
        explorer = ExplorerCache(store).get(basis)
        for email in explorer.engine.users:
            assert person_grants(explorer.engine, email) == explorer.engine.of_user(email)
