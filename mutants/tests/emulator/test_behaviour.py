"""What a user of the emulator notices: runs on the clock, visibility, filters, group deletion."""

from __future__ import annotations

import pytest

from hexsync.emulator.config import EmulatorConfig


def headers(seed, email=None):
    return {"Authorization": f"Bearer {seed.token_for(email)}"}


def runs_path(seed, title="Revenue overview"):
    return f"/api/v1/projects/{seed.id_of('projects', title)}/runs"


def test_run_moves_pending_running_completed_on_the_emulated_clock(emulator_client, seed, clock):
    run = emulator_client.post(runs_path(seed), headers=headers(seed)).json()
    status_url = run["runStatusUrl"]
    assert status_url.endswith(f"/api/v1/projects/{run['projectId']}/runs/{run['runId']}")

    def status():
        return emulator_client.get(status_url, headers=headers(seed)).json()

    assert status()["status"] == "PENDING"
    clock.advance(2.5)
    assert status()["status"] == "RUNNING"
    clock.advance(10)
    done = status()
    assert done["status"] == "COMPLETED"
    assert done["elapsedTime"] == 10_000
    cancel = emulator_client.delete(status_url, headers=headers(seed))
    assert cancel.status_code == 422
    assert "COMPLETED" in cancel.json()["reason"]


def test_cancel_kills_a_running_run(emulator_client, seed, clock):
    run = emulator_client.post(runs_path(seed), headers=headers(seed)).json()
    clock.advance(3)
    url = f"{runs_path(seed)}/{run['runId']}"
    assert emulator_client.delete(url, headers=headers(seed)).status_code == 204
    clock.advance(60)
    assert emulator_client.get(url, headers=headers(seed)).json()["status"] == "KILLED"
    listed = emulator_client.get(
        runs_path(seed), params={"statusFilter": "KILLED"}, headers=headers(seed)
    ).json()
    assert [r["runId"] for r in listed["runs"]] == [run["runId"]]


@pytest.mark.parametrize("flag", ["updateCache", "updatePublishedResults"])
def test_cache_update_with_any_input_params_is_refused(emulator_client, seed, flag):
    response = emulator_client.post(
        runs_path(seed), json={flag: True, "inputParams": {}}, headers=headers(seed)
    )
    assert response.status_code == 422
    assert response.json()["message"] == (
        "Cannot update the cache if specifying custom input parameters"
    )


def test_bad_input_types_are_reported_as_invalid(emulator_client, seed):
    response = emulator_client.post(
        runs_path(seed), json={"inputParams": {"weeks": "many"}}, headers=headers(seed)
    )
    assert response.status_code == 422
    assert response.json()["invalid"][0]["paramName"] == "weeks"


def test_dry_run_starts_nothing(emulator_client, seed):
    response = emulator_client.post(runs_path(seed), json={"dryRun": True}, headers=headers(seed))
    assert response.status_code == 201
    listed = emulator_client.get(runs_path(seed), headers=headers(seed)).json()
    assert listed["runs"] == []


def test_too_many_running_kernels_is_a_503_until_one_finishes(serve_emulator, seed, clock):
    emulator_client = serve_emulator(seed, EmulatorConfig(rate_limits=None, kernel_limit=2))
    for _ in range(2):
        assert emulator_client.post(runs_path(seed), headers=headers(seed)).status_code == 201
    refused = emulator_client.post(runs_path(seed), headers=headers(seed))
    assert refused.status_code == 503
    assert refused.json()["code"] == "SERVICE_UNAVAILABLE"
    clock.advance(13)
    assert emulator_client.post(runs_path(seed), headers=headers(seed)).status_code == 201


def test_runs_list_pages_with_full_urls(emulator_client, seed):
    for _ in range(5):
        emulator_client.post(runs_path(seed), headers=headers(seed))
    first = emulator_client.get(runs_path(seed), params={"limit": 2}, headers=headers(seed)).json()
    assert first["nextPage"].startswith("https://app.hex.tech/api/v1/projects/")
    second = emulator_client.get(first["nextPage"], headers=headers(seed)).json()
    back = emulator_client.get(second["previousPage"], headers=headers(seed)).json()
    assert [r["runId"] for r in back["runs"]] == [r["runId"] for r in first["runs"]]
    third = emulator_client.get(second["nextPage"], headers=headers(seed)).json()
    assert third["nextPage"] is None
    ids = [r["runId"] for page in (first, second, third) for r in page["runs"]]
    assert len(set(ids)) == 5


def titles(client, seed, email=None, **params):
    response = client.get("/api/v1/projects", params=params, headers=headers(seed, email))
    assert response.status_code == 200, response.text
    return sorted(p["title"] for p in response.json()["values"])


def test_a_member_sees_only_what_is_shared_with_them(emulator_client, seed):
    everything = ["Bob's notebook", "Draft analysis", "Revenue overview"]
    assert titles(emulator_client, seed) == everything
    assert titles(emulator_client, seed, "alice@acme.com") == everything
    # Bob: his own, and Revenue overview through the Analysts group (and workspace access).
    assert titles(emulator_client, seed, "bob@acme.com") == ["Bob's notebook", "Revenue overview"]
    # A guest does not get workspace-wide access.
    assert titles(emulator_client, seed, "gus@acme.com") == []
    hidden = seed.id_of("projects", "Draft analysis")
    response = emulator_client.get(
        f"/api/v1/projects/{hidden}", headers=headers(seed, "bob@acme.com")
    )
    assert response.status_code == 404


def test_list_filters_accept_every_array_encoding(emulator_client, seed):
    for params in (
        {"statuses": "Production"},
        {"statuses[]": "Production"},
        {"statuses": "Production,Deprecated"},
    ):
        assert titles(emulator_client, seed, **params) == ["Revenue overview"]
    assert titles(emulator_client, seed, ownerEmail="bob@acme.com") == ["Bob's notebook"]
    assert titles(emulator_client, seed, categories="Finance") == ["Revenue overview"]
    finance = seed.id_of("collections", "Finance")
    assert titles(emulator_client, seed, collectionId=finance) == ["Revenue overview"]


def test_archived_trashed_and_components_only_when_asked(serve_emulator, make_seed):
    def project(title, **extra):
        return {"title": title, "owner": "alice@acme.com", **extra}

    seed = make_seed(
        projects=[
            project("Live"),
            project("Archived", archived=True),
            project("Trashed", trashed_at="2025-06-01T00:00:00Z"),
            project("Component", type="COMPONENT"),
        ]
    )
    client = serve_emulator(seed)
    assert titles(client, seed) == ["Live"]
    assert titles(client, seed, includeArchived="true") == ["Archived", "Live"]
    assert titles(client, seed, includeTrashed="true") == ["Live", "Trashed"]
    assert titles(client, seed, includeComponents="true") == ["Component", "Live"]


def test_deleting_a_group_removes_its_sharing(emulator_client, seed):
    revenue = seed.id_of("projects", "Revenue overview")
    group = seed.id_of("groups", "Analysts")

    def shared_groups() -> list[str]:
        project = emulator_client.get(
            f"/api/v1/projects/{revenue}", params={"includeSharing": "true"}, headers=headers(seed)
        ).json()
        return [g["group"]["name"] for g in project["sharing"]["groups"]]

    assert shared_groups() == ["Analysts"]
    assert (
        emulator_client.delete(f"/api/v1/groups/{group}", headers=headers(seed)).status_code == 204
    )
    assert shared_groups() == []


def test_deactivated_user_disappears_and_their_token_stops_working(emulator_client, seed):
    bob = seed.id_of("users", "bob@acme.com")
    analysts = seed.id_of("groups", "Analysts")
    first = emulator_client.post(f"/api/v1/users/{bob}/deactivate", headers=headers(seed))
    again = emulator_client.post(f"/api/v1/users/{bob}/deactivate", headers=headers(seed))
    assert first.status_code == again.status_code == 200  # a retried POST is harmless
    members = emulator_client.get(
        "/api/v1/users", params={"groupId": analysts}, headers=headers(seed)
    ).json()
    assert [u["email"] for u in members["values"]] == ["alice@acme.com"]
    me = emulator_client.get("/api/v1/users/me", headers=headers(seed, "bob@acme.com"))
    assert me.status_code == 401


def test_unknown_path_is_404_and_wrong_method_is_405(emulator_client, seed):
    missing = emulator_client.get("/api/v1/nothing", headers=headers(seed))
    assert missing.status_code == 404
    assert missing.json()["code"] == "NOT_FOUND"
    wrong = emulator_client.put("/api/v1/groups", headers=headers(seed))
    assert wrong.status_code == 405
    assert wrong.headers["allow"] == "GET, POST"
    assert "reason" in wrong.json()  # groups answer in the legacy envelope
    wrong_new = emulator_client.put("/api/v1/users", headers=headers(seed))
    assert wrong_new.status_code == 405
    assert wrong_new.json()["code"] == "BAD_REQUEST"
