"""Cursor pagination: every item exactly once, in the documented order, forwards and backwards."""

from __future__ import annotations

from typing import Any

import pytest

TOTAL = 1234


@pytest.fixture
def seed(make_seed):
    # Three projects share each creation minute, so the order depends on the id tie-break.
    projects = [
        {
            "title": f"Project {n:04d}",
            "owner": "alice@acme.com",
            "created_at": f"2025-03-01T{(n // 3) // 60:02d}:{(n // 3) % 60:02d}:00Z",
            "published": n % 2 == 0,
        }
        for n in range(TOTAL)
    ]
    return make_seed(projects=projects)


def walk(client, seed, params: dict[str, Any], direction: str = "after", start: str | None = None):
    headers = {"Authorization": f"Bearer {seed.token_for()}"}
    pages: list[list[dict[str, Any]]] = []
    cursor = start
    while True:
        query = dict(params)
        if cursor:
            query[direction] = cursor
        response = client.get("/api/v1/projects", params=query, headers=headers)
        assert response.status_code == 200, response.text
        body = response.json()
        pages.append(body["values"])
        cursor = body["pagination"][direction]
        if cursor is None:
            return pages, body
        assert len(pages) <= TOTAL, "pagination does not end"


def expected_order(seed, key: str, descending: bool) -> list[str]:
    rows = [(p[key] or "", p["id"]) for p in seed.data["projects"]]
    return [pid for _, pid in sorted(rows, reverse=descending)]


def test_default_order_is_newest_first_each_project_exactly_once(emulator_client, seed):
    pages, _ = walk(emulator_client, seed, {"limit": 100})
    assert [len(p) for p in pages] == [100] * 12 + [34]
    ids = [p["id"] for page in pages for p in page]
    assert ids == expected_order(seed, "created_at", descending=True)
    assert len(set(ids)) == TOTAL


def test_before_walks_back_to_the_first_page(emulator_client, seed):
    forward, last = walk(emulator_client, seed, {"limit": 100})
    # The last page's `before` cursor leads back, page by page, to the first.
    first_of_last = last["pagination"]["before"]
    backward, first = walk(
        emulator_client, seed, {"limit": 100}, direction="before", start=first_of_last
    )
    assert backward == list(reversed(forward[:-1]))
    assert first["pagination"]["before"] is None
    assert first["pagination"]["after"] is not None


@pytest.mark.parametrize(
    ("sort_by", "key"), [("LAST_PUBLISHED_AT", "last_published_at"), ("CREATED_AT", "created_at")]
)
def test_explicit_sort_ascending(emulator_client, seed, sort_by, key):
    pages, _ = walk(emulator_client, seed, {"limit": 97, "sortBy": sort_by, "sortDirection": "ASC"})
    ids = [p["id"] for page in pages for p in page]
    assert ids == expected_order(seed, key, descending=False)


def test_filtered_listing_pages_only_matching_projects(emulator_client, seed):
    token = seed.token_for()
    pages, _ = walk(emulator_client, seed, {"limit": 100, "sortBy": "LAST_PUBLISHED_AT"})
    published = [p for page in pages for p in page if p["lastPublishedAt"] is not None]
    assert len(published) == TOTAL // 2
    # A cursor from one sort order is refused by another.
    cursor = emulator_client.get(
        "/api/v1/projects", params={"limit": 5}, headers={"Authorization": f"Bearer {token}"}
    ).json()["pagination"]["after"]
    response = emulator_client.get(
        "/api/v1/projects",
        params={"limit": 5, "after": cursor, "sortBy": "LAST_EDITED_AT"},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 400
    assert "reason" in response.json()


def test_tampered_cursor_is_a_400(emulator_client, seed):
    headers = {"Authorization": f"Bearer {seed.token_for()}"}
    cursor = emulator_client.get("/api/v1/projects", params={"limit": 5}, headers=headers).json()[
        "pagination"
    ]["after"]
    tampered = cursor[:-3] + ("AAA" if not cursor.endswith("AAA") else "BBB")
    response = emulator_client.get("/api/v1/projects", params={"after": tampered}, headers=headers)
    assert response.status_code == 400


def test_users_page_by_name_and_email(emulator_client, seed):
    headers = {"Authorization": f"Bearer {seed.token_for()}"}
    names = []
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": 1}
        if cursor:
            params["after"] = cursor
        body = emulator_client.get("/api/v1/users", params=params, headers=headers).json()
        names += [u["name"] for u in body["values"]]
        cursor = body["pagination"]["after"]
        if cursor is None:
            break
    assert names == ["Alice", "Bob", "Carol", "Gus"]  # Trent is deactivated: not listed
    body = emulator_client.get(
        "/api/v1/users", params={"sortBy": "EMAIL", "sortDirection": "DESC"}, headers=headers
    ).json()
    assert [u["email"] for u in body["values"]] == [
        "gus@acme.com",
        "carol@acme.com",
        "bob@acme.com",
        "alice@acme.com",
    ]
