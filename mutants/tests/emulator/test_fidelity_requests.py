"""Fidelity: requests Hex would refuse are refused here too, in the endpoint's envelope.

Each test names a way the emulator used to be more lenient than Hex's API reference, which let a
client bug pass against the emulator and fail against Hex.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

NOBODY = "00000000-0000-4000-8000-000000000000"


def assert_envelope(response: httpx.Response, envelope: str, status: int = 400) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    if envelope == "legacy":
        assert "reason" in body, body
        assert set(body) <= {"reason", "details", "traceId"}, body
    else:
        assert {"code", "message"} <= set(body) <= {"code", "message", "issues"}, body
    return body


def ws(seed: Any) -> dict[str, str]:
    return {"Authorization": f"Bearer {seed.token_for()}"}


# (path template, envelope, largest page) for every listing with a limit.
LISTINGS = [
    ("/api/v1/projects", "legacy", 100),
    ("/api/v1/projects/{revenue}/queriedTables", "legacy", 100),
    ("/api/v1/projects/{revenue}/runs", "new", 100),
    ("/api/v1/users", "new", 500),
    ("/api/v1/groups", "legacy", 500),
    ("/api/v1/collections", "legacy", 100),
    ("/api/v1/data-connections", "new", 100),
]


def _path(template: str, seed: Any) -> str:
    return template.format(revenue=seed.id_of("projects", "Revenue overview"))


@pytest.mark.parametrize(("template", "envelope", "largest"), LISTINGS)
def test_limit_bounds_of_every_listing(emulator_client, seed, template, envelope, largest):
    path = _path(template, seed)
    assert emulator_client.get(path, params={"limit": largest}, headers=ws(seed)).status_code == 200
    assert emulator_client.get(path, params={"limit": 1}, headers=ws(seed)).status_code == 200
    for bad in (largest + 1, 0, -1):
        response = emulator_client.get(path, params={"limit": bad}, headers=ws(seed))
        assert_envelope(response, envelope)


@pytest.mark.parametrize(("template", "envelope", "largest"), LISTINGS)
@pytest.mark.parametrize("value", ["5_0", " 5", "+5", "", "2.0", "1e1"])
def test_limit_must_be_plain_digits(emulator_client, seed, template, envelope, largest, value):
    # Python's int() takes "5_0" (50), " 5" and "+5"; Hex's validation does not.
    response = emulator_client.get(_path(template, seed), params={"limit": value}, headers=ws(seed))
    body = assert_envelope(response, envelope)
    assert "limit" in (body.get("reason") or body.get("message"))


def test_a_scalar_parameter_given_twice_is_refused(emulator_client, seed):
    # The second value used to win silently: limit=1&limit=200 was checked as 200 only, and
    # limit=200&limit=1 passed as 1.
    response = emulator_client.get("/api/v1/projects?limit=200&limit=1", headers=ws(seed))
    assert_envelope(response, "legacy")
    response = emulator_client.get("/api/v1/users?sortBy=NAME&sortBy=EMAIL", headers=ws(seed))
    assert_envelope(response, "new")


def test_array_parameters_may_still_repeat(emulator_client, seed):
    response = emulator_client.get(
        "/api/v1/projects?statuses=Production&statuses=Deprecated", headers=ws(seed)
    )
    assert [p["title"] for p in response.json()["values"]] == ["Revenue overview"]


@pytest.mark.parametrize("value", ["1", "0", "yes", ""])
def test_booleans_are_true_or_false_only(emulator_client, seed, value):
    revenue = seed.id_of("projects", "Revenue overview")
    response = emulator_client.get(
        "/api/v1/projects", params={"includeSharing": value}, headers=ws(seed)
    )
    assert_envelope(response, "legacy")
    response = emulator_client.get(
        f"/api/v1/projects/{revenue}", params={"includeSharing": value}, headers=ws(seed)
    )
    assert_envelope(response, "new")


def test_booleans_in_any_case(emulator_client, seed):
    revenue = seed.id_of("projects", "Revenue overview")
    for value, shared in (("TRUE", True), ("True", True), ("false", False)):
        body = emulator_client.get(
            f"/api/v1/projects/{revenue}", params={"includeSharing": value}, headers=ws(seed)
        ).json()
        assert ("sharing" in body) is shared


@pytest.mark.parametrize("value", ["", "created_at"])
def test_an_empty_or_miscased_enum_is_refused(emulator_client, seed, value):
    response = emulator_client.get("/api/v1/projects", params={"sortBy": value}, headers=ws(seed))
    assert_envelope(response, "legacy")


def test_a_path_uuid_with_a_trailing_newline_is_a_400_not_a_lookup(emulator_client, seed):
    analysts = seed.id_of("groups", "Analysts")
    response = emulator_client.get(f"/api/v1/groups/{analysts}%0A", headers=ws(seed))
    assert_envelope(response, "legacy")


def test_a_body_not_sent_as_json_is_refused_and_creates_nothing(emulator_client, seed):
    headers = {**ws(seed), "Content-Type": "text/plain"}
    response = emulator_client.post(
        "/api/v1/projects", content=b'{"title": "Sent as text"}', headers=headers
    )
    body = assert_envelope(response, "new")
    assert "application/json" in body["message"]
    titles = [
        p["title"]
        for p in emulator_client.get("/api/v1/projects", headers=ws(seed)).json()["values"]
    ]
    assert "Sent as text" not in titles


def test_a_run_body_without_a_json_type_does_not_start_a_run(emulator_client, seed):
    # Hex ignores such a body: a run with unknown inputs would start with the defaults. Here it
    # is a 400, so a client that forgets the header finds out.
    revenue = seed.id_of("projects", "Revenue overview")
    response = emulator_client.post(
        f"/api/v1/projects/{revenue}/runs", content=b'{"inputParams": {}}', headers=ws(seed)
    )
    assert_envelope(response, "new")
    runs = emulator_client.get(f"/api/v1/projects/{revenue}/runs", headers=ws(seed)).json()
    assert runs["runs"] == []


def test_json_with_a_charset_is_json(emulator_client, seed):
    headers = {**ws(seed), "Content-Type": "application/json; charset=utf-8"}
    response = emulator_client.post(
        "/api/v1/groups", content=b'{"name": "Partners"}', headers=headers
    )
    assert response.status_code == 201


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_nan_and_infinity_are_not_json(emulator_client, seed, constant):
    revenue = seed.id_of("projects", "Revenue overview")
    response = emulator_client.post(
        f"/api/v1/embedding/createPresignedUrl/{revenue}",
        content=f'{{"expiresIn": {constant}}}'.encode(),
        headers={**ws(seed), "Content-Type": "application/json"},
    )
    assert_envelope(response, "legacy")


def test_a_refused_connection_edit_changes_nothing(emulator_client, seed):
    # The rename used to be applied before the connectionDetails check refused the request.
    warehouse = seed.id_of("data_connections", "Warehouse")
    path = f"/api/v1/data-connections/{warehouse}"
    response = emulator_client.patch(
        path,
        json={"name": "Renamed", "connectionDetails": {"postgres": {"password": "x"}}},
        headers=ws(seed),
    )
    assert_envelope(response, "legacy")
    response = emulator_client.patch(
        path,
        json={
            "name": "Renamed",
            "sharing": {"groups": {"upsert": [{"group": {"id": NOBODY}, "access": "QUERY"}]}},
        },
        headers=ws(seed),
    )
    assert_envelope(response, "legacy", 404)
    assert emulator_client.get(path, headers=ws(seed)).json()["name"] == "Warehouse"


@pytest.mark.parametrize(
    ("org", "queried", "embed"),
    [
        ({}, 200, 200),
        ({"plan": "ENTERPRISE", "embedding": False}, 200, 403),
        ({"plan": "team"}, 403, 403),
    ],
)
def test_plan_gated_endpoints_are_403_on_a_smaller_plan(
    serve_emulator, make_seed, org, queried, embed
):
    seed = make_seed(org={"id": "5a8591dd-4039-49df-9202-96385ba3eff8", "name": "Acme", **org})
    client = serve_emulator(seed)
    revenue = seed.id_of("projects", "Revenue overview")
    response = client.get(f"/api/v1/projects/{revenue}/queriedTables", headers=ws(seed))
    assert response.status_code == queried
    if queried == 403:
        assert "Enterprise" in assert_envelope(response, "legacy", 403)["reason"]
    response = client.post(
        f"/api/v1/embedding/createPresignedUrl/{revenue}", json={}, headers=ws(seed)
    )
    assert response.status_code == embed
    if embed == 403:
        assert "Embedded Analytics" in assert_envelope(response, "legacy", 403)["reason"]
    # The plan survives the state round trip.
    state = client.get("/_emulator/state").json()
    assert state["org"]["plan"] == org.get("plan", "ENTERPRISE").upper()
