"""The example workspace (examples/acme/seed.yaml): loadable, consistent, and the promised size."""

from __future__ import annotations

import importlib.util
from collections import Counter
from typing import Any

import httpx
import pytest
import yaml
from acme import EXAMPLE, EXAMPLE_SEED, EXAMPLE_TOKEN, ORG, REVENUE_ID, STATUSES

from hexsync.emulator.app import create_app
from hexsync.emulator.clock import ManualClock
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import load_seed
from hexsync.emulator.transport import EmulatorTransport

ACCESS = {"NONE", "APP_ONLY", "CAN_VIEW", "CAN_EDIT", "FULL_ACCESS"}


@pytest.fixture(scope="module")
def seed() -> dict[str, Any]:
    data = yaml.safe_load(EXAMPLE_SEED.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def test_has_the_promised_sizes(seed):
    assert seed["org"] == ORG  # as the small test workspaces have it (tests/acme.py)
    assert seed["statuses"] == STATUSES
    assert 38 <= len(seed["users"]) <= 45
    assert len(seed["groups"]) == 8
    assert len(seed["collections"]) == 6
    assert len(seed["projects"]) == 60
    assert sorted(c["type"] for c in seed["data_connections"]) == [
        "bigquery",
        "postgres",
        "snowflake",
    ]


def test_tokens_cover_workspace_admin_and_non_admin(seed):
    roles = {u["email"]: u["role"] for u in seed["users"]}
    kinds = {t["token"]: (t["kind"], roles.get(t.get("user", ""))) for t in seed["tokens"]}
    assert kinds[EXAMPLE_TOKEN] == ("workspace", None)
    assert kinds["hxtp_alice"] == ("personal", "ADMIN")
    assert any(kind == "personal" and role not in ("ADMIN", None) for kind, role in kinds.values())


def test_revenue_overview_has_the_id_the_tests_name(seed):
    ids = {p["title"]: p["id"] for p in seed["projects"]}
    assert ids["Revenue overview"] == REVENUE_ID


def test_roles_are_a_believable_mix(seed):
    roles = Counter(u["role"] for u in seed["users"])
    assert roles["GUEST"] == 1
    assert 1 <= roles["ADMIN"] <= 3
    assert roles["EDITOR"] + roles["EXPLORER"] + roles["MEMBER"] > len(seed["users"]) * 0.7
    assert 1 <= sum(1 for u in seed["users"] if u.get("active") is False) <= 2


def test_every_reference_exists(seed):
    emails = {u["email"] for u in seed["users"]}
    active = {u["email"] for u in seed["users"] if u.get("active", True)}
    groups = {g["name"] for g in seed["groups"]}
    collections = {c["name"] for c in seed["collections"]}
    connections = {c["name"] for c in seed["data_connections"]}
    assert len(emails) == len(seed["users"])
    assert all(e == e.lower() and e.endswith("@acme.com") for e in emails)
    for token in seed["tokens"]:
        if token["kind"] == "personal":
            assert token["user"] in active
    for group in seed["groups"]:
        assert set(group["members"]) <= active, group["name"]
    ids = [p["id"] for p in seed["projects"]]
    titles = [p["title"] for p in seed["projects"]]
    assert len(set(ids)) == len(ids)
    assert len(set(titles)) == len(titles)
    for project in seed["projects"]:
        sharing = project["sharing"]
        assert project["owner"] in active, project["title"]
        assert project["status"] in {*seed["statuses"], None}
        assert set(sharing["users"]) <= active, project["title"]
        assert set(sharing["groups"]) <= groups, project["title"]
        assert set(sharing["collections"]) <= collections, project["title"]
        levels = {
            sharing["workspace"],
            sharing["public_web"],
            *sharing["users"].values(),
            *sharing["groups"].values(),
        }
        assert levels <= ACCESS, project["title"]
        for table in project.get("queried_tables", []):
            assert table["connection"] in connections
        if project.get("inputs"):
            assert project["published"], "runs with inputs need a published version"


def test_variety_worth_demonstrating(seed):
    projects = seed["projects"]
    assert sum(1 for p in projects if p["status"] is None) >= 3
    assert sum(1 for p in projects if not p["published"]) >= 3
    assert [p["title"] for p in projects if p["sharing"]["public_web"] != "NONE"] == [
        "Product status page"
    ]
    assert sum(1 for p in projects if p.get("queried_tables")) >= 3
    assert sum(1 for p in projects if p.get("inputs")) >= 2
    for dimension in ("users", "groups", "collections"):
        assert sum(1 for p in projects if p["sharing"][dimension]) >= 10, dimension
    assert {p["sharing"]["workspace"] for p in projects} >= {"NONE", "APP_ONLY", "CAN_VIEW"}


def test_committed_seed_matches_its_generator():
    script = EXAMPLE / "make_seed.py"
    spec = importlib.util.spec_from_file_location("acme_make_seed", script)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert EXAMPLE_SEED.read_text(encoding="utf-8") == module.render(module.build()), (
        "examples/acme/seed.yaml differs from what make_seed.py generates: run it"
    )


def test_the_emulator_serves_it() -> None:
    loaded = load_seed(EXAMPLE_SEED)
    app = create_app(loaded, EmulatorConfig(rate_limits=None), clock=ManualClock())
    token = {"Authorization": f"Bearer {EXAMPLE_TOKEN}"}
    with httpx.Client(transport=EmulatorTransport(app), base_url="https://app.hex.tech") as client:
        me = client.get("/api/v1/users/me", headers=token).json()
        assert me["org"]["id"] == ORG["id"]
        users = client.get("/api/v1/users", params={"limit": 500}, headers=token).json()
        assert len(users["values"]) == 38  # deactivated users are not listed
        groups = client.get("/api/v1/groups", params={"limit": 500}, headers=token).json()
        assert len(groups["values"]) == 8
        projects = client.get(
            "/api/v1/projects", params={"limit": 100, "includeSharing": "true"}, headers=token
        ).json()
        assert len(projects["values"]) == 60
        alice = client.get(
            "/api/v1/users/me", headers={"Authorization": "Bearer hxtp_alice"}
        ).json()
        assert alice["email"] == "alice@acme.com"
