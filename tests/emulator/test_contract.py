"""Contract: every operation answers what Hex's OpenAPI document declares, success and errors.

Each of the 31 operations (and the 4 legacy run paths) is called at least once successfully and
at least once failing; every response body is validated with openapi-core against the schema the
document declares for that operation and status. Statuses the document does not declare for an
endpoint (401, undeclared 404s) are held to that endpoint's error envelope
(docs/hex-api.md, "Error envelopes").

This is the only place the project reads ``shared/``; CI clones the repo with ``shared/`` beside it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from openapi_core import Config, OpenAPI
from openapi_core.testing import MockRequest, MockResponse
from openapi_schema_validator import OAS30Validator
from shared_reference import envelope_validator, reference_dict, require_reference

from hexsync.emulator.operations import OPERATIONS, Operation

SPEC_PATH = require_reference()
HOST = "https://app.hex.tech"
NOBODY = "00000000-0000-4000-8000-000000000000"


RAW_SPEC: dict[str, Any] = json.loads(SPEC_PATH.read_text(encoding="utf-8"))
SPEC_DICT: dict[str, Any] = reference_dict(SPEC_PATH)
# Hex's document is not itself valid (e.g. ``default: null`` on non-nullable strings): skip the
# spec check, keep the response checks.
SPEC = OpenAPI.from_dict(SPEC_DICT, config=Config(spec_validator_cls=None))
MODERN = {op.operation_id: op for op in OPERATIONS if not op.legacy_path}
LEGACY = next(op for op in OPERATIONS if op.legacy_path)
SPEC_OPERATIONS = {
    op["operationId"]: (method.upper(), "/api" + path)
    for path, item in SPEC_DICT["paths"].items()
    for method, op in item.items()
    if isinstance(op, dict) and "operationId" in op
}


def _envelope_validator(op: Operation) -> OAS30Validator:
    return envelope_validator(SPEC_DICT, op.envelope)


class Checker:
    """Calls the emulator and validates each answer against the reference."""

    def __init__(self, client: Any, seed: Any) -> None:
        self.client = client
        self.seed = seed
        self.seen: list[tuple[str, int]] = []

    def call(
        self,
        operation_id: str,
        method: str,
        path: str,
        expect: int,
        *,
        token: str | None = "workspace",
        json_body: Any = None,
        params: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> Any:
        all_headers = dict(headers or {})
        if token == "workspace":
            all_headers["Authorization"] = f"Bearer {self.seed.token_for()}"
        elif token is not None:
            all_headers["Authorization"] = f"Bearer {token}"
        response = self.client.request(
            method, path, json=json_body, params=params, headers=all_headers
        )
        assert response.status_code == expect, (operation_id, path, response.text)
        self.validate(operation_id, method, path, params, response)
        self.seen.append((operation_id, response.status_code))
        return response.json() if response.content else None

    def validate(
        self, operation_id: str, method: str, path: str, params: Any, response: Any
    ) -> None:
        op = MODERN[operation_id]
        spec_method, template = SPEC_OPERATIONS[operation_id]
        assert spec_method == method
        modern_path = _modern_path(path)
        if modern_path != path and response.status_code >= 400:
            # The legacy run paths answer in the legacy dialect whatever their twin declares.
            _envelope_validator(LEGACY).validate(response.json())
            return
        declared = SPEC_DICT["paths"][template.removeprefix("/api")][method.lower()]["responses"]
        status = str(response.status_code)
        if status not in declared:
            assert response.status_code in (401, 404), f"{operation_id} answered {status}"
            _envelope_validator(op).validate(response.json())
            return
        request = MockRequest(
            HOST,
            method.lower(),
            modern_path,
            args={k: str(v) for k, v in (params or {}).items()},
        )
        mock = MockResponse(
            response.content,
            status_code=response.status_code,
            headers=dict(response.headers),
            content_type=response.headers.get("content-type", "application/json"),
        )
        SPEC.validate_response(request, mock)


def _modern_path(path: str) -> str:
    """A legacy run path as its modern twin (same schemas)."""
    parts = path.split("/")
    if len(parts) > 3 and parts[3] == "project":
        parts[3] = "projects"
        if len(parts) > 5 and parts[5] == "run":
            parts[5] = "runs"
    return "/".join(parts)


@pytest.fixture
def check(emulator_client: Any, seed: Any) -> Checker:
    return Checker(emulator_client, seed)


def ids(check: Checker) -> dict[str, str]:
    s = check.seed
    return {
        "revenue": s.id_of("projects", "Revenue overview"),
        "draft": s.id_of("projects", "Draft analysis"),
        "bobs": s.id_of("projects", "Bob's notebook"),
        "alice": s.id_of("users", "alice@acme.com"),
        "bob": s.id_of("users", "bob@acme.com"),
        "carol": s.id_of("users", "carol@acme.com"),
        "trent": s.id_of("users", "trent@acme.com"),
        "analysts": s.id_of("groups", "Analysts"),
        "finance_group": s.id_of("groups", "Finance"),
        "finance": s.id_of("collections", "Finance"),
        "warehouse": s.id_of("data_connections", "Warehouse"),
    }


# --- one scenario per operation: successes and failures -----------------------------------------


def list_projects(c: Checker, i: dict[str, str]) -> None:
    body = c.call("ListProjects", "GET", "/api/v1/projects", 200, params={"includeSharing": "true"})
    assert {p["title"] for p in body["values"]} >= {"Revenue overview", "Bob's notebook"}
    c.call("ListProjects", "GET", "/api/v1/projects", 400, params={"limit": "101"})
    c.call("ListProjects", "GET", "/api/v1/projects", 400, params={"after": "tampered"})
    c.call("ListProjects", "GET", "/api/v1/projects", 401, token="hxtp_nobody")


def create_project(c: Checker, i: dict[str, str]) -> None:
    body = c.call(
        "CreateProject",
        "POST",
        "/api/v1/projects",
        201,
        json_body={"title": "Partner portal", "description": "For partners"},
    )
    assert body["owner"]["email"] == "alice@acme.com"  # the workspace token's acting admin
    c.call("CreateProject", "POST", "/api/v1/projects", 400, json_body={"description": "x"})
    c.call("CreateProject", "POST", "/api/v1/projects", 400, json_body={"title": "t", "x": 1})
    c.call(
        "CreateProject",
        "POST",
        "/api/v1/projects",
        403,
        token="hxtp_guest",
        json_body={"title": "g"},
    )


def get_project(c: Checker, i: dict[str, str]) -> None:
    path = f"/api/v1/projects/{i['revenue']}"
    body = c.call("GetProject", "GET", path, 200, params={"includeSharing": "true"})
    assert body["sharing"]["groups"] == [{"group": {"name": "Analysts"}, "access": "CAN_VIEW"}]
    c.call("GetProject", "GET", "/api/v1/projects/not-a-uuid", 400)
    c.call("GetProject", "GET", f"/api/v1/projects/{NOBODY}", 404)
    c.call("GetProject", "GET", path, 401, token=None)


def update_project(c: Checker, i: dict[str, str]) -> None:
    path = f"/api/v1/projects/{i['revenue']}"
    body = c.call("UpdateProject", "PATCH", path, 200, json_body={"status": "Deprecated"})
    assert body["status"] == {"name": "Deprecated"}
    body = c.call("UpdateProject", "PATCH", path, 200, json_body={"status": None})
    assert body["status"] is None
    c.call("UpdateProject", "PATCH", path, 400, json_body={"status": "Gold"})
    c.call("UpdateProject", "PATCH", f"/api/v1/projects/{NOBODY}", 404, json_body={"status": None})
    c.call("UpdateProject", "PATCH", path, 403, token="hxtp_member", json_body={"status": None})


def queried_tables(c: Checker, i: dict[str, str]) -> None:
    path = f"/api/v1/projects/{i['revenue']}/queriedTables"
    body = c.call("GetQueriedTables", "GET", path, 200, params={"limit": "1"})
    assert body["values"][0]["tableName"] == "analytics.regions"
    assert body["pagination"]["after"] is not None
    c.call("GetQueriedTables", "GET", path, 400, params={"limit": "0"})
    c.call("GetQueriedTables", "GET", f"/api/v1/projects/{NOBODY}/queriedTables", 404)
    c.call("GetQueriedTables", "GET", path, 401, token="hxtp_wrong")


def sharing_users(c: Checker, i: dict[str, str]) -> None:
    path = f"/api/v1/projects/{i['revenue']}/sharing/users"
    upsert = [
        {"user": {"id": i["bob"]}, "access": "CAN_EDIT"},
        {"user": {"id": i["carol"]}, "access": "NONE"},
        {"user": {"id": NOBODY}, "access": "CAN_VIEW"},
    ]
    body = c.call(
        "EditProjectSharingUsers",
        "PATCH",
        path,
        200,
        json_body={"sharing": {"upsert": {"users": upsert}}},
    )
    assert body["project"]["sharing"]["users"] == [
        {"user": {"email": "bob@acme.com"}, "access": "CAN_EDIT"}
    ]
    assert body["errors"] == [{"userIds": [NOBODY], "reason": "User not found"}]
    too_many = [{"user": {"id": i["bob"]}, "access": "CAN_VIEW"}] * 26
    c.call(
        "EditProjectSharingUsers",
        "PATCH",
        path,
        400,
        json_body={"sharing": {"upsert": {"users": too_many}}},
    )
    c.call(
        "EditProjectSharingUsers",
        "PATCH",
        f"/api/v1/projects/{NOBODY}/sharing/users",
        404,
        json_body={"sharing": {"upsert": {"users": []}}},
    )


def sharing_groups(c: Checker, i: dict[str, str]) -> None:
    path = f"/api/v1/projects/{i['revenue']}/sharing/groups"
    upsert = [
        {"group": {"id": i["finance_group"]}, "access": "APP_ONLY"},
        {"group": {"id": NOBODY}, "access": "APP_ONLY"},
    ]
    body = c.call(
        "EditProjectSharingGroups",
        "PATCH",
        path,
        200,
        json_body={"sharing": {"upsert": {"groups": upsert}}},
    )
    names = {g["group"]["name"] for g in body["project"]["sharing"]["groups"]}
    assert names == {"Analysts", "Finance"}
    assert body["errors"] == [{"groupIds": [NOBODY], "reason": "Group not found"}]
    c.call(
        "EditProjectSharingGroups",
        "PATCH",
        path,
        400,
        json_body={
            "sharing": {"upsert": {"groups": [{"group": {"id": "x"}, "access": "EXPLORE"}]}}
        },
    )
    c.call("EditProjectSharingGroups", "PATCH", path, 401, token=None, json_body={})


def sharing_collections(c: Checker, i: dict[str, str]) -> None:
    path = f"/api/v1/projects/{i['bobs']}/sharing/collections"
    upsert = [
        {"collection": {"id": i["finance"]}, "access": "CAN_VIEW"},
        {"collection": {"id": NOBODY}, "access": "CAN_VIEW"},
    ]
    body = c.call(
        "EditProjectSharingCollections",
        "PATCH",
        path,
        200,
        json_body={"sharing": {"upsert": {"collections": upsert}}},
    )
    assert body["project"]["sharing"]["collections"] == [
        {"collection": {"name": "Finance"}, "access": "CAN_VIEW"}
    ]
    assert body["errors"] == [{"collectionIds": [NOBODY], "reason": "Collection not found"}]
    c.call(
        "EditProjectSharingCollections",
        "PATCH",
        path,
        400,
        json_body={"sharing": {"upsert": {"collections": [{"collection": {"id": "no"}}]}}},
    )
    c.call(
        "EditProjectSharingCollections",
        "PATCH",
        path,
        401,
        token=None,
        json_body={"sharing": {"upsert": {"collections": []}}},
    )


def sharing_workspace(c: Checker, i: dict[str, str]) -> None:
    path = f"/api/v1/projects/{i['revenue']}/sharing/workspaceAndPublic"
    body = c.call(
        "EditProjectSharingOrgAndPublic",
        "PATCH",
        path,
        200,
        json_body={"sharing": {"publicWeb": "APP_ONLY"}},
    )
    sharing = body["project"]["sharing"]
    assert sharing["workspace"] == {"access": "APP_ONLY"}  # omitted: unchanged
    assert sharing["publicWeb"] == {"access": "APP_ONLY"}
    c.call("EditProjectSharingOrgAndPublic", "PATCH", path, 400, json_body={"sharing": {"x": 1}})
    c.call(
        "EditProjectSharingOrgAndPublic",
        "PATCH",
        path,
        403,
        token="hxtp_member",
        json_body={"sharing": {"workspace": "NONE"}},
    )


def run_project(c: Checker, i: dict[str, str]) -> None:
    path = f"/api/v1/projects/{i['revenue']}/runs"
    body = c.call(
        "RunProject",
        "POST",
        path,
        201,
        json_body={
            "inputParams": {"region": "EMEA"},
            "notifications": [
                {"type": "ALL", "includeSuccessScreenshot": False, "userIds": [i["bob"]]}
            ],
        },
    )
    assert body["projectVersion"] == 1
    assert body["notifications"][0]["recipient"]["id"] == i["bob"]
    c.call("RunProject", "POST", path, 400, json_body={"inputParams": {}, "viewId": "v1"})
    unknown = c.call("RunProject", "POST", path, 422, json_body={"inputParams": {"zone": "x"}})
    assert unknown["notFound"] == ["zone"]
    c.call("RunProject", "POST", f"/api/v1/projects/{i['draft']}/runs", 422)


def get_project_runs(c: Checker, i: dict[str, str]) -> None:
    path = f"/api/v1/projects/{i['revenue']}/runs"
    for _ in range(3):
        c.call("RunProject", "POST", path, 201)
    body = c.call("GetProjectRuns", "GET", path, 200, params={"limit": "2"})
    assert len(body["runs"]) == 2
    assert body["nextPage"] is not None
    assert body["previousPage"] is None
    c.call("GetProjectRuns", "GET", path, 400, params={"statusFilter": "DONE"})
    c.call("GetProjectRuns", "GET", f"/api/v1/projects/{NOBODY}/runs", 404)


def get_run_status(c: Checker, i: dict[str, str]) -> None:
    path = f"/api/v1/projects/{i['revenue']}/runs"
    run = c.call("RunProject", "POST", path, 201)
    body = c.call(
        "GetRunStatus",
        "GET",
        f"{path}/{run['runId']}",
        200,
        headers={"enable-expanded-stats": "true"},
    )
    assert body["status"] == "PENDING"
    c.call("GetRunStatus", "GET", f"{path}/nope", 400)
    c.call("GetRunStatus", "GET", f"{path}/{NOBODY}", 404)


def cancel_run(c: Checker, i: dict[str, str]) -> None:
    path = f"/api/v1/projects/{i['revenue']}/runs"
    run = c.call("RunProject", "POST", path, 201)
    c.call("CancelRun", "DELETE", f"{path}/{run['runId']}", 204)
    c.call("CancelRun", "DELETE", f"{path}/{run['runId']}", 422)  # already KILLED
    c.call("CancelRun", "DELETE", f"{path}/{NOBODY}", 404)
    c.call("CancelRun", "DELETE", f"{path}/bad", 400)


def me(c: Checker, i: dict[str, str]) -> None:
    body = c.call("Me", "GET", "/api/v1/users/me", 200)
    assert set(body) == {"org", "token"}
    body = c.call("Me", "GET", "/api/v1/users/me", 200, token="hxtp_admin")
    assert body["email"] == "alice@acme.com"
    c.call("Me", "GET", "/api/v1/users/me", 401, token=None)


def list_users(c: Checker, i: dict[str, str]) -> None:
    body = c.call("ListUsers", "GET", "/api/v1/users", 200, params={"groupId": i["analysts"]})
    assert [u["email"] for u in body["values"]] == ["alice@acme.com", "bob@acme.com"]
    c.call("ListUsers", "GET", "/api/v1/users", 400, params={"limit": "501"})
    c.call("ListUsers", "GET", "/api/v1/users", 404, params={"groupId": NOBODY})


def deactivate_user(c: Checker, i: dict[str, str]) -> None:
    path = f"/api/v1/users/{i['carol']}/deactivate"
    body = c.call("DeactivateUser", "POST", path, 200)
    assert body["user"]["email"] == "carol@acme.com"
    c.call("DeactivateUser", "POST", path, 403, token="hxtp_member")
    c.call("DeactivateUser", "POST", "/api/v1/users/x/deactivate", 400)
    c.call("DeactivateUser", "POST", f"/api/v1/users/{NOBODY}/deactivate", 404)


def list_groups(c: Checker, i: dict[str, str]) -> None:
    body = c.call("ListGroups", "GET", "/api/v1/groups", 200, params={"sortBy": "NAME"})
    assert [g["name"] for g in body["values"]] == ["Analysts", "Finance"]
    c.call("ListGroups", "GET", "/api/v1/groups", 400, params={"sortBy": "SIZE"})
    c.call("ListGroups", "GET", "/api/v1/groups", 401, token=None)


def create_group(c: Checker, i: dict[str, str]) -> None:
    body = c.call(
        "CreateGroup",
        "POST",
        "/api/v1/groups",
        201,
        json_body={"name": "Partners", "members": {"users": [{"id": i["bob"]}]}},
    )
    assert body["members"] == {"users": [{"id": i["bob"]}]}
    c.call("CreateGroup", "POST", "/api/v1/groups", 400, json_body={"name": "Finance"})
    many = {"users": [{"id": i["bob"]}] * 101}
    c.call("CreateGroup", "POST", "/api/v1/groups", 400, json_body={"name": "X", "members": many})
    c.call(
        "CreateGroup", "POST", "/api/v1/groups", 403, token="hxtp_member", json_body={"name": "Y"}
    )


def get_group(c: Checker, i: dict[str, str]) -> None:
    body = c.call("GetGroup", "GET", f"/api/v1/groups/{i['analysts']}", 200)
    assert set(body) == {"id", "name", "createdAt"}
    c.call("GetGroup", "GET", f"/api/v1/groups/{NOBODY}", 404)
    c.call("GetGroup", "GET", "/api/v1/groups/abc", 400)


def edit_group(c: Checker, i: dict[str, str]) -> None:
    path = f"/api/v1/groups/{i['analysts']}"
    members = {"add": {"users": [{"id": i["carol"]}]}, "remove": {"users": [{"id": i["bob"]}]}}
    body = c.call(
        "EditGroup", "PATCH", path, 200, json_body={"name": "Analytics", "members": members}
    )
    assert body["name"] == "Analytics"
    c.call("EditGroup", "PATCH", path, 400, json_body={"members": {"add": {"users": [{}]}}})
    c.call("EditGroup", "PATCH", f"/api/v1/groups/{NOBODY}", 404, json_body={"name": "Z"})


def delete_group(c: Checker, i: dict[str, str]) -> None:
    c.call("DeleteGroup", "DELETE", f"/api/v1/groups/{i['analysts']}", 204)
    c.call("DeleteGroup", "DELETE", f"/api/v1/groups/{i['analysts']}", 404)
    c.call(
        "DeleteGroup", "DELETE", f"/api/v1/groups/{i['finance_group']}", 403, token="hxtp_member"
    )


def list_collections(c: Checker, i: dict[str, str]) -> None:
    body = c.call("ListCollections", "GET", "/api/v1/collections", 200)
    assert [x["name"] for x in body["values"]] == ["Finance"]
    c.call("ListCollections", "GET", "/api/v1/collections", 400, params={"sortBy": "CREATED_AT"})


def create_collection(c: Checker, i: dict[str, str]) -> None:
    body = c.call(
        "CreateCollection",
        "POST",
        "/api/v1/collections",
        201,
        json_body={
            "name": "Partners",
            "sharing": {"users": [{"id": i["bob"], "access": "VIEW"}], "workspace": {}},
        },
    )
    assert body["sharing"]["users"] == [{"access": "VIEW", "id": i["bob"]}]
    c.call("CreateCollection", "POST", "/api/v1/collections", 400, json_body={"title": "x"})


def get_collection(c: Checker, i: dict[str, str]) -> None:
    body = c.call("GetCollection", "GET", f"/api/v1/collections/{i['finance']}", 200)
    assert body["description"] == "Finance team dashboards"
    c.call("GetCollection", "GET", f"/api/v1/collections/{NOBODY}", 404)


def edit_collection(c: Checker, i: dict[str, str]) -> None:
    path = f"/api/v1/collections/{i['finance']}"
    body = c.call(
        "EditCollection",
        "PATCH",
        path,
        200,
        json_body={"name": "Money", "sharing": {"upsert": {"workspace": {"members": "VIEW"}}}},
    )
    assert body["name"] == "Money"
    assert body["sharing"]["workspace"] == {"members": "VIEW"}
    c.call("EditCollection", "PATCH", path, 400, json_body={"name": ""})


def list_connections(c: Checker, i: dict[str, str]) -> None:
    body = c.call("ListDataConnections", "GET", "/api/v1/data-connections", 200)
    assert body["values"][0]["connectionDetails"] == {
        "snowflake": {"accountName": "acme", "warehouse": "WH", "database": "DB"}
    }
    c.call("ListDataConnections", "GET", "/api/v1/data-connections", 400, params={"limit": "x"})
    c.call("ListDataConnections", "GET", "/api/v1/data-connections", 401, token=None)


def get_connection(c: Checker, i: dict[str, str]) -> None:
    body = c.call("GetDataConnection", "GET", f"/api/v1/data-connections/{i['warehouse']}", 200)
    assert body["name"] == "Warehouse"
    c.call("GetDataConnection", "GET", f"/api/v1/data-connections/{NOBODY}", 404)


POSTGRES = {
    "postgres": {
        "hostname": "db.internal",
        "port": 5432,
        "database": "app",
        "username": "reader",
        "password": "s3cret-value",
    }
}


def create_connection(c: Checker, i: dict[str, str]) -> None:
    body = c.call(
        "CreateDataConnection",
        "POST",
        "/api/v1/data-connections",
        201,
        json_body={
            "name": "App DB",
            "type": "postgres",
            "connectionDetails": POSTGRES,
            "sharing": {"groups": [{"group": {"id": i["analysts"]}, "access": "QUERY"}]},
        },
    )
    assert "password" not in json.dumps(body)
    assert body["sharing"]["groups"][0]["group"]["name"] == "Analysts"
    c.call(
        "CreateDataConnection",
        "POST",
        "/api/v1/data-connections",
        400,
        json_body={"name": "X", "type": "postgres", "connectionDetails": {"postgres": {}}},
    )
    c.call(
        "CreateDataConnection",
        "POST",
        "/api/v1/data-connections",
        404,
        json_body={
            "name": "Y",
            "type": "postgres",
            "connectionDetails": POSTGRES,
            "sharing": {"groups": [{"group": {"id": NOBODY}, "access": "QUERY"}]},
        },
    )


def edit_connection(c: Checker, i: dict[str, str]) -> None:
    path = f"/api/v1/data-connections/{i['warehouse']}"
    body = c.call(
        "EditDataConnection",
        "PATCH",
        path,
        201,
        json_body={"description": "Snowflake", "connectionDetails": {"snowflake": {"role": "R"}}},
    )
    assert body["connectionDetails"]["snowflake"]["role"] == "R"
    c.call("EditDataConnection", "PATCH", path, 400, json_body={"connectionDetails": POSTGRES})
    c.call("EditDataConnection", "PATCH", f"/api/v1/data-connections/{NOBODY}", 404, json_body={})


def update_schema(c: Checker, i: dict[str, str]) -> None:
    path = f"/api/v1/data-connections/{i['warehouse']}/schema"
    ok = {"type": "TABLE", "name": "DB.analytics.revenue", "status": "Production"}
    body = c.call("UpdateDataConnectionSchema", "PATCH", path, 200, json_body={"updates": [ok]})
    assert body["updated"]["tables"] == [{"name": "DB.analytics.revenue", "status": "Production"}]
    bad = {"type": "TABLE", "name": "DB.analytics.revenue", "status": "Gold"}
    body = c.call("UpdateDataConnectionSchema", "PATCH", path, 400, json_body={"updates": [bad]})
    assert body["details"][0]["reason"] == "invalid_status"
    gone = {"type": "SCHEMA", "name": "DB.nothing", "status": None}
    body = c.call("UpdateDataConnectionSchema", "PATCH", path, 404, json_body={"updates": [gone]})
    assert body["details"][0]["reason"] == "not_found"


def presigned_url(c: Checker, i: dict[str, str]) -> None:
    path = f"/api/v1/embedding/createPresignedUrl/{i['revenue']}"
    body = c.call(
        "CreatePresignedUrl",
        "POST",
        path,
        200,
        json_body={"hexUserAttributes": {"region": "EMEA"}, "displayOptions": {"theme": "dark"}},
    )
    assert body["url"].startswith(HOST)
    c.call("CreatePresignedUrl", "POST", path, 422, json_body={"expiresIn": 300001})
    c.call("CreatePresignedUrl", "POST", path, 400, json_body={"expiresIn": "soon"})
    c.call("CreatePresignedUrl", "POST", path, 401, token=None, json_body={})


def legacy_run_paths(c: Checker, i: dict[str, str]) -> None:
    base = f"/api/v1/project/{i['revenue']}"
    run = c.call("RunProject", "POST", f"{base}/run", 201)
    c.call("RunProject", "POST", f"/api/v1/project/{i['draft']}/run", 422)
    body = c.call("GetRunStatus", "GET", f"{base}/run/{run['runId']}", 200)
    assert body["runId"] == run["runId"]
    c.call("GetRunStatus", "GET", f"{base}/run/{NOBODY}", 404)
    body = c.call("GetProjectRuns", "GET", f"{base}/runs", 200)
    assert [r["runId"] for r in body["runs"]] == [run["runId"]]
    c.call("GetProjectRuns", "GET", f"{base}/runs", 400, params={"limit": "500"})
    c.call("CancelRun", "DELETE", f"{base}/run/{run['runId']}", 204)
    c.call("CancelRun", "DELETE", f"{base}/run/{run['runId']}", 422)


SCENARIOS: dict[str, Callable[[Checker, dict[str, str]], None]] = {
    "ListProjects": list_projects,
    "CreateProject": create_project,
    "GetProject": get_project,
    "UpdateProject": update_project,
    "GetQueriedTables": queried_tables,
    "EditProjectSharingUsers": sharing_users,
    "EditProjectSharingGroups": sharing_groups,
    "EditProjectSharingCollections": sharing_collections,
    "EditProjectSharingOrgAndPublic": sharing_workspace,
    "RunProject": run_project,
    "GetProjectRuns": get_project_runs,
    "GetRunStatus": get_run_status,
    "CancelRun": cancel_run,
    "Me": me,
    "ListUsers": list_users,
    "DeactivateUser": deactivate_user,
    "ListGroups": list_groups,
    "CreateGroup": create_group,
    "GetGroup": get_group,
    "EditGroup": edit_group,
    "DeleteGroup": delete_group,
    "ListCollections": list_collections,
    "CreateCollection": create_collection,
    "GetCollection": get_collection,
    "EditCollection": edit_collection,
    "ListDataConnections": list_connections,
    "GetDataConnection": get_connection,
    "CreateDataConnection": create_connection,
    "EditDataConnection": edit_connection,
    "UpdateDataConnectionSchema": update_schema,
    "CreatePresignedUrl": presigned_url,
}


def test_scenarios_cover_every_operation_of_the_reference():
    assert len(SPEC_OPERATIONS) == 31
    assert set(SCENARIOS) == set(SPEC_OPERATIONS)


def test_operations_table_matches_the_reference():
    assert {op: (m.method, m.path) for op, m in MODERN.items()} == SPEC_OPERATIONS


@pytest.mark.parametrize("operation_id", sorted(SCENARIOS))
def test_operation_answers_per_contract(check, operation_id):
    SCENARIOS[operation_id](check, ids(check))
    statuses = {status for op, status in check.seen if op == operation_id}
    assert any(s < 300 for s in statuses), f"{operation_id}: no success exercised"
    assert any(s >= 400 for s in statuses), f"{operation_id}: no error exercised"


def test_legacy_run_paths_answer_like_their_modern_twins(check):
    legacy_run_paths(check, ids(check))
    assert {op for op, _ in check.seen} == {
        "RunProject",
        "GetRunStatus",
        "GetProjectRuns",
        "CancelRun",
    }
