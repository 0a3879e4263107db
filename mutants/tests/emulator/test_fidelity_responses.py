"""Fidelity of response bodies in every state the workspace can be in, not only the happy seed.

The contract test validates one scenario per operation; here the workspace holds the corners
(archived, trashed and component projects, no description, no status, a deactivated user still
shared on a project, unnamed users, collections without description or creator, runs in every
status and trigger) and every listing and read is validated against the reference's schema.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest
from openapi_core.testing import MockRequest, MockResponse
from test_contract import HOST, SPEC, _modern_path

from hexsync.emulator.seed import Seed

EPOCH = "2026-01-01T00:00:00Z"  # the ManualClock's start
RUN_IDS = {
    "completed": "11111111-1111-4111-8111-111111111111",
    "errored": "22222222-2222-4222-8222-222222222222",
    "no_kernel": "33333333-3333-4333-8333-333333333333",
    "killed": "44444444-4444-4444-8444-444444444444",
    "scheduled": "55555555-5555-4555-8555-555555555555",
}


@pytest.fixture
def seed(make_seed: Callable[..., Seed]) -> Seed:
    users = [
        {"email": "alice@acme.com", "name": "Alice", "role": "ADMIN"},
        {"email": "nameless@acme.com", "name": None, "role": "EXPLORER"},
        {
            "email": "seen@acme.com",
            "name": "Seen",
            "role": "MANAGER",
            "last_login_date": "2025-06-01T10:00:00Z",
        },
        {"email": "gone@acme.com", "name": "Gone", "role": "EDITOR", "active": False},
    ]
    projects = [
        {
            "title": "Plain",
            "owner": "alice@acme.com",
            "published": True,
            "sharing": {"users": {"gone@acme.com": "CAN_VIEW", "seen@acme.com": "CAN_EDIT"}},
        },
        {"title": "Archived", "owner": "alice@acme.com", "archived": "2025-05-01T00:00:00Z"},
        {"title": "Trashed", "owner": "alice@acme.com", "trashed": "2025-05-02T00:00:00Z"},
        {"title": "Component", "owner": "alice@acme.com", "type": "COMPONENT"},
        {
            "title": "Described",
            "description": "With everything",
            "owner": "seen@acme.com",
            "creator": "alice@acme.com",
            "status": "Production",
            "categories": ["Finance"],
            "published": True,
            "sharing": {"workspace": "CAN_VIEW", "public_web": "APP_ONLY", "support": "CAN_VIEW"},
        },
    ]
    plain = "Plain"
    runs = [
        {"id": RUN_IDS["completed"], "project": plain, "created_at": "2025-12-31T00:00:00Z"},
        {
            "id": RUN_IDS["errored"],
            "project": plain,
            "created_at": "2025-12-31T00:01:00Z",
            "result": "ERRORED",
        },
        {
            "id": RUN_IDS["no_kernel"],
            "project": plain,
            "created_at": "2025-12-31T00:02:00Z",
            "result": "UNABLE_TO_ALLOCATE_KERNEL",
        },
        {
            "id": RUN_IDS["killed"],
            "project": plain,
            "created_at": "2025-12-31T00:03:00Z",
            "killed_at": "2025-12-31T00:03:01Z",
        },
        {
            "id": RUN_IDS["scheduled"],
            "project": plain,
            "created_at": "2025-12-31T00:04:00Z",
            "trigger": "SCHEDULED",
        },
    ]
    data = make_seed(
        users=users,
        groups=[{"name": "Empty", "members": []}],
        collections=[{"name": "Bare"}],
        projects=projects,
        tokens=[
            {"token": "hxtw_test", "kind": "workspace"},
            {"token": "hxtp_nameless", "kind": "personal", "user": "nameless@acme.com"},
            {
                "token": "hxtp_seen",
                "kind": "personal",
                "user": "seen@acme.com",
                "expires_at": "2027-01-01T00:00:00Z",
            },
        ],
        categories=[{"name": "Finance", "description": None}],
        data_connections=[],
    ).data
    # Runs name their project by id in the seed format.
    for run in runs:
        run["project"] = next(p["id"] for p in data["projects"] if p["title"] == run["project"])
    data["runs"] = runs
    return Seed.from_dict(data, source="test_fidelity_responses")


def get(client: httpx.Client, path: str, token: str = "hxtw_test", **params: Any) -> Any:
    headers = {"Authorization": f"Bearer {token}", "enable-expanded-stats": "true"}
    response = client.get(path, params=params, headers=headers)
    assert response.status_code == 200, response.text
    request = MockRequest(
        HOST, "get", _modern_path(path), args={k: str(v) for k, v in params.items()}
    )
    mock = MockResponse(
        response.content,
        status_code=200,
        headers=dict(response.headers),
        content_type=response.headers["content-type"],
    )
    SPEC.validate_response(request, mock)
    return response.json()


def test_every_project_in_every_listing_mode_matches_the_schema(emulator_client, seed):
    everything = get(
        emulator_client,
        "/api/v1/projects",
        includeArchived="true",
        includeTrashed="true",
        includeComponents="true",
        includeSharing="true",
    )
    assert sorted(p["title"] for p in everything["values"]) == [
        "Archived",
        "Component",
        "Described",
        "Plain",
        "Trashed",
    ]
    default = get(emulator_client, "/api/v1/projects")
    assert sorted(p["title"] for p in default["values"]) == ["Described", "Plain"]
    for project in everything["values"]:
        body = get(emulator_client, f"/api/v1/projects/{project['id']}", includeSharing="true")
        assert body == project
    plain = next(p for p in everything["values"] if p["title"] == "Plain")
    # The deactivated user is no longer listed in the project's sharing.
    assert plain["sharing"]["users"] == [{"user": {"email": "seen@acme.com"}, "access": "CAN_EDIT"}]
    described = next(p for p in everything["values"] if p["title"] == "Described")
    assert described["sharing"]["support"] == {"access": "CAN_VIEW"}
    assert described["categories"] == [{"name": "Finance", "description": None}]


def test_runs_in_every_status_and_trigger_match_the_schema(emulator_client, seed, clock):
    plain = seed.id_of("projects", "Plain")
    started = emulator_client.post(
        f"/api/v1/projects/{plain}/runs", json={}, headers={"Authorization": "Bearer hxtw_test"}
    ).json()["runId"]
    statuses = {}
    for moment in (0.0, 5.0):  # PENDING, then RUNNING
        clock.advance(moment)
        body = get(emulator_client, f"/api/v1/projects/{plain}/runs/{started}")
        statuses[body["status"]] = body
    for run_id in RUN_IDS.values():
        body = get(emulator_client, f"/api/v1/projects/{plain}/runs/{run_id}")
        statuses[body["status"]] = body
    assert set(statuses) == {
        "PENDING",
        "RUNNING",
        "COMPLETED",
        "ERRORED",
        "KILLED",
        "UNABLE_TO_ALLOCATE_KERNEL",
    }
    assert statuses["PENDING"]["startTime"] is None
    assert statuses["RUNNING"]["endTime"] is None
    assert statuses["COMPLETED"]["elapsedTime"] == 10_000
    listing = get(emulator_client, f"/api/v1/projects/{plain}/runs", limit=2)
    assert listing["nextPage"] is not None
    scheduled = get(emulator_client, f"/api/v1/projects/{plain}/runs", runTriggerFilter="SCHEDULED")
    assert [r["runId"] for r in scheduled["runs"]] == [RUN_IDS["scheduled"]]
    assert scheduled["runs"][0]["runTrigger"] == "SCHEDULED"
    killed = get(emulator_client, f"/api/v1/projects/{plain}/runs", statusFilter="KILLED")
    assert [r["runId"] for r in killed["runs"]] == [RUN_IDS["killed"]]


def test_users_me_groups_and_collections_in_their_corners(emulator_client, seed):
    users = get(emulator_client, "/api/v1/users")["values"]
    assert [u["email"] for u in users] == ["nameless@acme.com", "alice@acme.com", "seen@acme.com"]
    assert users[0]["name"] is None
    assert users[2]["lastLoginDate"] == "2025-06-01T10:00:00.000Z"
    by_email = get(emulator_client, "/api/v1/users", sortBy="EMAIL", sortDirection="DESC")
    assert [u["email"] for u in by_email["values"]] == [
        "seen@acme.com",
        "nameless@acme.com",
        "alice@acme.com",
    ]
    me = get(emulator_client, "/api/v1/users/me", token="hxtp_nameless")
    assert me["name"] is None
    assert me["token"] == {"exp": None}
    me = get(emulator_client, "/api/v1/users/me", token="hxtp_seen")
    assert me["role"] == "MANAGER"
    assert isinstance(me["token"]["exp"], (int, float))
    group = get(emulator_client, "/api/v1/groups")["values"][0]
    assert get(emulator_client, f"/api/v1/groups/{group['id']}") == group
    members = get(emulator_client, "/api/v1/users", groupId=group["id"])
    assert members["values"] == []
    collection = get(emulator_client, "/api/v1/collections")["values"][0]
    assert get(emulator_client, f"/api/v1/collections/{collection['id']}") == collection
    assert collection == {
        "id": collection["id"],
        "name": "Bare",
        "sharing": {"users": [], "groups": [], "workspace": {}},
    }
