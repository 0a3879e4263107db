"""Contract: every operation answers what the project's contract of Hex's API declares
(tests/contract/hex_api.yaml, written from Hex's API reference; docs/hex-api.md, "The contract"),
success and errors.

Each of the 31 operations (and the 4 legacy run paths) is called at least once successfully and
at least once failing; every response body is validated with openapi-core against the schema the
contract declares for that operation and status. Statuses the contract does not declare for an
endpoint (401, undeclared 404s) are held to that endpoint's error envelope
(docs/hex-api.md, "Error envelopes").

The requests are one table, ``CALLS`` (and ``LEGACY_CALLS``): a row per request with the status
it must answer and, where it matters, what its body must hold. Each row is its own test case,
against a freshly seeded emulator.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from hex_contract import envelope_validator, openapi
from openapi_core import OpenAPI
from openapi_core.testing import MockRequest, MockResponse
from openapi_schema_validator import OAS30Validator

from hexsync.emulator.operations import OPERATIONS, Operation

HOST = "https://app.hex.tech"
NOBODY = "00000000-0000-4000-8000-000000000000"


SPEC_DICT: dict[str, Any] = openapi()
SPEC = OpenAPI.from_dict(SPEC_DICT)
MODERN = {op.operation_id: op for op in OPERATIONS if not op.legacy_path}
LEGACY = next(op for op in OPERATIONS if op.legacy_path)
SPEC_OPERATIONS = {
    op["operationId"]: (method.upper(), "/api" + path)
    for path, item in SPEC_DICT["paths"].items()
    for method, op in item.items()
    if isinstance(op, dict) and "operationId" in op
}


def _envelope_validator(op: Operation) -> OAS30Validator:
    return envelope_validator(op.envelope)


class Checker:
    """Calls the emulator and validates each answer against the contract."""

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


# --- the table: one row per request, what it must answer ----------------------------------------

Check = Callable[[Any], bool]


@dataclass(frozen=True)
class Call:
    """One request to the emulator and what it must answer.

    ``path``, ``json``, ``params`` and the values of ``expect`` are templates: ``{revenue}``,
    ``{bob}`` … name the seed's objects (``names``), ``{nobody}`` an id nothing has, and ``{run}``
    the run that a ``before`` call started. ``before`` calls run first (and are held to the
    contract too). ``expect`` maps a place in the answer's body (``"project.sharing.users"``;
    ``"values.*.email"`` is every value's email; ``""`` the whole body) to what it must equal, or
    to a predicate it must pass.
    """

    operation: str
    path: str
    status: int
    why: str
    token: str | None = "workspace"
    json: Any = None
    params: dict[str, str] | None = None
    headers: dict[str, str] | None = None
    expect: dict[str, Any] = field(default_factory=dict)
    before: tuple[Call, ...] = ()

    @property
    def method(self) -> str:
        return SPEC_OPERATIONS[self.operation][0]  # as the contract declares it

    @property
    def id(self) -> str:
        return f"{self.operation}-{self.status}-{self.why}"


def has_keys(*keys: str) -> Check:
    return lambda value: set(value) == set(keys)


def not_none(value: Any) -> bool:
    return value is not None


def names(check: Checker) -> dict[str, str]:
    s = check.seed
    return {
        "nobody": NOBODY,
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


def fill(template: Any, values: dict[str, str]) -> Any:
    if isinstance(template, str):
        return template.format_map(values)
    if isinstance(template, dict):
        return {key: fill(value, values) for key, value in template.items()}
    if isinstance(template, list):
        return [fill(value, values) for value in template]
    return template


def at(body: Any, place: str) -> Any:
    if not place:
        return body
    key, _, rest = place.partition(".")
    if key == "*":
        return [at(item, rest) for item in body]
    return at(body[int(key)] if isinstance(body, list) else body[key], rest)


PROJECTS = "/api/v1/projects"
REVENUE = "/api/v1/projects/{revenue}"
RUNS = "/api/v1/projects/{revenue}/runs"
LEGACY_RUN = "/api/v1/project/{revenue}/run"
LEGACY_RUNS = "/api/v1/project/{revenue}/runs"
QUERIED = "/api/v1/projects/{revenue}/queriedTables"
SHARING = "/api/v1/projects/{revenue}/sharing"
BOBS_SHARING = "/api/v1/projects/{bobs}/sharing"
USERS = "/api/v1/users"
GROUPS = "/api/v1/groups"
ANALYSTS = "/api/v1/groups/{analysts}"
COLLECTIONS = "/api/v1/collections"
FINANCE = "/api/v1/collections/{finance}"
CONNECTIONS = "/api/v1/data-connections"
WAREHOUSE = "/api/v1/data-connections/{warehouse}"
EMBED = "/api/v1/embedding/createPresignedUrl/{revenue}"
START_RUN = Call("RunProject", RUNS, 201, "start")
START_LEGACY_RUN = Call("RunProject", LEGACY_RUN, 201, "start")
POSTGRES = {
    "postgres": {
        "hostname": "db.internal",
        "port": 5432,
        "database": "app",
        "username": "reader",
        "password": "s3cret-value",
    }
}


def upsert(dimension: str, *entries: dict[str, Any]) -> dict[str, Any]:
    """A project sharing edit's body: ``{"sharing": {"upsert": {dimension: [entries]}}}``."""
    return {"sharing": {"upsert": {dimension: list(entries)}}}


CALLS: list[Call] = [
    # projects
    Call(
        "ListProjects",
        PROJECTS,
        200,
        "with-sharing",
        params={"includeSharing": "true"},
        expect={"values.*.title": lambda t: set(t) >= {"Revenue overview", "Bob's notebook"}},
    ),
    Call("ListProjects", PROJECTS, 400, "limit-over-100", params={"limit": "101"}),
    Call("ListProjects", PROJECTS, 400, "tampered-cursor", params={"after": "tampered"}),
    Call("ListProjects", PROJECTS, 401, "unknown-token", token="hxtp_nobody"),
    Call(
        "CreateProject",
        PROJECTS,
        201,
        "owned-by-the-acting-admin",  # the workspace token's
        json={"title": "Partner portal", "description": "For partners"},
        expect={"owner.email": "alice@acme.com"},
    ),
    Call("CreateProject", PROJECTS, 400, "no-title", json={"description": "x"}),
    Call("CreateProject", PROJECTS, 400, "unknown-key", json={"title": "t", "x": 1}),
    Call("CreateProject", PROJECTS, 403, "guest", token="hxtp_guest", json={"title": "g"}),
    Call(
        "GetProject",
        REVENUE,
        200,
        "with-sharing",
        params={"includeSharing": "true"},
        expect={"sharing.groups": [{"group": {"name": "Analysts"}, "access": "CAN_VIEW"}]},
    ),
    Call("GetProject", PROJECTS + "/not-a-uuid", 400, "not-a-uuid"),
    Call("GetProject", PROJECTS + "/{nobody}", 404, "unknown"),
    Call("GetProject", REVENUE, 401, "no-token", token=None),
    Call(
        "UpdateProject",
        REVENUE,
        200,
        "status",
        json={"status": "Deprecated"},
        expect={"status": {"name": "Deprecated"}},
    ),
    Call(
        "UpdateProject",
        REVENUE,
        200,
        "status-cleared",
        json={"status": None},
        expect={"status": None},
    ),
    Call("UpdateProject", REVENUE, 400, "unknown-status", json={"status": "Gold"}),
    Call("UpdateProject", PROJECTS + "/{nobody}", 404, "unknown", json={"status": None}),
    Call("UpdateProject", REVENUE, 403, "member", token="hxtp_member", json={"status": None}),
    Call(
        "GetQueriedTables",
        QUERIED,
        200,
        "first-page",
        params={"limit": "1"},
        expect={"values.0.tableName": "analytics.regions", "pagination.after": not_none},
    ),
    Call("GetQueriedTables", QUERIED, 400, "limit-0", params={"limit": "0"}),
    Call("GetQueriedTables", PROJECTS + "/{nobody}/queriedTables", 404, "unknown"),
    Call("GetQueriedTables", QUERIED, 401, "wrong-token", token="hxtp_wrong"),
    # project sharing
    Call(
        "EditProjectSharingUsers",
        SHARING + "/users",
        200,
        "upsert-and-remove",
        json=upsert(
            "users",
            {"user": {"id": "{bob}"}, "access": "CAN_EDIT"},
            {"user": {"id": "{carol}"}, "access": "NONE"},
            {"user": {"id": "{nobody}"}, "access": "CAN_VIEW"},
        ),
        expect={
            "project.sharing.users": [{"user": {"email": "bob@acme.com"}, "access": "CAN_EDIT"}],
            "errors": [{"userIds": ["{nobody}"], "reason": "User not found"}],
        },
    ),
    Call(
        "EditProjectSharingUsers",
        SHARING + "/users",
        400,
        "over-25-users",
        json=upsert("users", *[{"user": {"id": "{bob}"}, "access": "CAN_VIEW"}] * 26),
    ),
    Call(
        "EditProjectSharingUsers",
        PROJECTS + "/{nobody}/sharing/users",
        404,
        "unknown-project",
        json=upsert("users"),
    ),
    Call(
        "EditProjectSharingGroups",
        SHARING + "/groups",
        200,
        "upsert",
        json=upsert(
            "groups",
            {"group": {"id": "{finance_group}"}, "access": "APP_ONLY"},
            {"group": {"id": "{nobody}"}, "access": "APP_ONLY"},
        ),
        expect={
            "project.sharing.groups.*.group.name": lambda n: set(n) == {"Analysts", "Finance"},
            "errors": [{"groupIds": ["{nobody}"], "reason": "Group not found"}],
        },
    ),
    Call(
        "EditProjectSharingGroups",
        SHARING + "/groups",
        400,
        "unknown-access",
        json=upsert("groups", {"group": {"id": "x"}, "access": "EXPLORE"}),
    ),
    Call("EditProjectSharingGroups", SHARING + "/groups", 401, "no-token", token=None, json={}),
    Call(
        "EditProjectSharingCollections",
        BOBS_SHARING + "/collections",
        200,
        "upsert",
        json=upsert(
            "collections",
            {"collection": {"id": "{finance}"}, "access": "CAN_VIEW"},
            {"collection": {"id": "{nobody}"}, "access": "CAN_VIEW"},
        ),
        expect={
            "project.sharing.collections": [
                {"collection": {"name": "Finance"}, "access": "CAN_VIEW"}
            ],
            "errors": [{"collectionIds": ["{nobody}"], "reason": "Collection not found"}],
        },
    ),
    Call(
        "EditProjectSharingCollections",
        BOBS_SHARING + "/collections",
        400,
        "no-access",
        json=upsert("collections", {"collection": {"id": "no"}}),
    ),
    Call(
        "EditProjectSharingCollections",
        BOBS_SHARING + "/collections",
        401,
        "no-token",
        token=None,
        json=upsert("collections"),
    ),
    Call(
        "EditProjectSharingOrgAndPublic",
        SHARING + "/workspaceAndPublic",
        200,
        "public-web",
        json={"sharing": {"publicWeb": "APP_ONLY"}},
        expect={
            "project.sharing.workspace": {"access": "APP_ONLY"},  # omitted: unchanged
            "project.sharing.publicWeb": {"access": "APP_ONLY"},
        },
    ),
    Call(
        "EditProjectSharingOrgAndPublic",
        SHARING + "/workspaceAndPublic",
        400,
        "unknown-key",
        json={"sharing": {"x": 1}},
    ),
    Call(
        "EditProjectSharingOrgAndPublic",
        SHARING + "/workspaceAndPublic",
        403,
        "member",
        token="hxtp_member",
        json={"sharing": {"workspace": "NONE"}},
    ),
    # runs
    Call(
        "RunProject",
        RUNS,
        201,
        "inputs-and-notifications",
        json={
            "inputParams": {"region": "EMEA"},
            "notifications": [
                {"type": "ALL", "includeSuccessScreenshot": False, "userIds": ["{bob}"]}
            ],
        },
        expect={"projectVersion": 1, "notifications.0.recipient.id": "{bob}"},
    ),
    Call("RunProject", RUNS, 400, "view-id", json={"inputParams": {}, "viewId": "v1"}),
    Call(
        "RunProject",
        RUNS,
        422,
        "unknown-input",
        json={"inputParams": {"zone": "x"}},
        expect={"notFound": ["zone"]},
    ),
    Call("RunProject", "/api/v1/projects/{draft}/runs", 422, "unpublished"),
    Call(
        "GetProjectRuns",
        RUNS,
        200,
        "first-page",
        params={"limit": "2"},
        before=(START_RUN, START_RUN, START_RUN),
        expect={"runs": lambda runs: len(runs) == 2, "nextPage": not_none, "previousPage": None},
    ),
    Call("GetProjectRuns", RUNS, 400, "unknown-status", params={"statusFilter": "DONE"}),
    Call("GetProjectRuns", PROJECTS + "/{nobody}/runs", 404, "unknown-project"),
    Call(
        "GetRunStatus",
        RUNS + "/{run}",
        200,
        "expanded-stats",
        headers={"enable-expanded-stats": "true"},
        before=(START_RUN,),
        expect={"status": "PENDING"},
    ),
    Call("GetRunStatus", RUNS + "/nope", 400, "not-a-uuid"),
    Call("GetRunStatus", RUNS + "/{nobody}", 404, "unknown"),
    Call("CancelRun", RUNS + "/{run}", 204, "pending", before=(START_RUN,)),
    Call(
        "CancelRun",
        RUNS + "/{run}",
        422,
        "already-killed",
        before=(START_RUN, Call("CancelRun", RUNS + "/{run}", 204, "first")),
    ),
    Call("CancelRun", RUNS + "/{nobody}", 404, "unknown"),
    Call("CancelRun", RUNS + "/bad", 400, "not-a-uuid"),
    # users
    Call("Me", USERS + "/me", 200, "workspace-token", expect={"": has_keys("org", "token")}),
    Call(
        "Me",
        USERS + "/me",
        200,
        "personal-token",
        token="hxtp_admin",
        expect={"email": "alice@acme.com"},
    ),
    Call("Me", USERS + "/me", 401, "no-token", token=None),
    Call(
        "ListUsers",
        USERS,
        200,
        "of-a-group",
        params={"groupId": "{analysts}"},
        expect={"values.*.email": ["alice@acme.com", "bob@acme.com"]},
    ),
    Call("ListUsers", USERS, 400, "limit-over-500", params={"limit": "501"}),
    Call("ListUsers", USERS, 404, "unknown-group", params={"groupId": "{nobody}"}),
    Call(
        "DeactivateUser",
        USERS + "/{carol}/deactivate",
        200,
        "editor",
        expect={"user.email": "carol@acme.com"},
    ),
    Call("DeactivateUser", USERS + "/{carol}/deactivate", 403, "member", token="hxtp_member"),
    Call("DeactivateUser", USERS + "/x/deactivate", 400, "not-a-uuid"),
    Call("DeactivateUser", USERS + "/{nobody}/deactivate", 404, "unknown"),
    # groups
    Call(
        "ListGroups",
        GROUPS,
        200,
        "by-name",
        params={"sortBy": "NAME"},
        expect={"values.*.name": ["Analysts", "Finance"]},
    ),
    Call("ListGroups", GROUPS, 400, "unknown-sort", params={"sortBy": "SIZE"}),
    Call("ListGroups", GROUPS, 401, "no-token", token=None),
    Call(
        "CreateGroup",
        GROUPS,
        201,
        "with-a-member",
        json={"name": "Partners", "members": {"users": [{"id": "{bob}"}]}},
        expect={"members": {"users": [{"id": "{bob}"}]}},
    ),
    Call("CreateGroup", GROUPS, 400, "name-taken", json={"name": "Finance"}),
    Call(
        "CreateGroup",
        GROUPS,
        400,
        "over-100-members",
        json={"name": "X", "members": {"users": [{"id": "{bob}"}] * 101}},
    ),
    Call("CreateGroup", GROUPS, 403, "member", token="hxtp_member", json={"name": "Y"}),
    Call("GetGroup", ANALYSTS, 200, "known", expect={"": has_keys("id", "name", "createdAt")}),
    Call("GetGroup", GROUPS + "/{nobody}", 404, "unknown"),
    Call("GetGroup", GROUPS + "/abc", 400, "not-a-uuid"),
    Call(
        "EditGroup",
        ANALYSTS,
        200,
        "rename-and-members",
        json={
            "name": "Analytics",
            "members": {
                "add": {"users": [{"id": "{carol}"}]},
                "remove": {"users": [{"id": "{bob}"}]},
            },
        },
        expect={"name": "Analytics"},
    ),
    Call(
        "EditGroup",
        ANALYSTS,
        400,
        "member-without-id",
        json={"members": {"add": {"users": [{}]}}},
    ),
    Call("EditGroup", GROUPS + "/{nobody}", 404, "unknown", json={"name": "Z"}),
    Call("DeleteGroup", ANALYSTS, 204, "known"),
    Call(
        "DeleteGroup",
        ANALYSTS,
        404,
        "already-deleted",
        before=(Call("DeleteGroup", ANALYSTS, 204, "first"),),
    ),
    Call("DeleteGroup", GROUPS + "/{finance_group}", 403, "member", token="hxtp_member"),
    # collections
    Call("ListCollections", COLLECTIONS, 200, "all", expect={"values.*.name": ["Finance"]}),
    Call("ListCollections", COLLECTIONS, 400, "unknown-sort", params={"sortBy": "CREATED_AT"}),
    Call(
        "CreateCollection",
        COLLECTIONS,
        201,
        "with-sharing",
        json={
            "name": "Partners",
            "sharing": {"users": [{"id": "{bob}", "access": "VIEW"}], "workspace": {}},
        },
        expect={"sharing.users": [{"access": "VIEW", "id": "{bob}"}]},
    ),
    Call("CreateCollection", COLLECTIONS, 400, "no-name", json={"title": "x"}),
    Call("GetCollection", FINANCE, 200, "known", expect={"description": "Finance team dashboards"}),
    Call("GetCollection", COLLECTIONS + "/{nobody}", 404, "unknown"),
    Call(
        "EditCollection",
        FINANCE,
        200,
        "rename-and-share",
        json={"name": "Money", "sharing": {"upsert": {"workspace": {"members": "VIEW"}}}},
        expect={"name": "Money", "sharing.workspace": {"members": "VIEW"}},
    ),
    Call("EditCollection", FINANCE, 400, "empty-name", json={"name": ""}),
    # data connections
    Call(
        "ListDataConnections",
        CONNECTIONS,
        200,
        "all",
        expect={
            "values.0.connectionDetails": {
                "snowflake": {"accountName": "acme", "warehouse": "WH", "database": "DB"}
            }
        },
    ),
    Call("ListDataConnections", CONNECTIONS, 400, "bad-limit", params={"limit": "x"}),
    Call("ListDataConnections", CONNECTIONS, 401, "no-token", token=None),
    Call("GetDataConnection", WAREHOUSE, 200, "known", expect={"name": "Warehouse"}),
    Call("GetDataConnection", CONNECTIONS + "/{nobody}", 404, "unknown"),
    Call(
        "CreateDataConnection",
        CONNECTIONS,
        201,
        "shared-with-a-group",
        json={
            "name": "App DB",
            "type": "postgres",
            "connectionDetails": POSTGRES,
            "sharing": {"groups": [{"group": {"id": "{analysts}"}, "access": "QUERY"}]},
        },
        expect={
            "": lambda body: "password" not in json.dumps(body),
            "sharing.groups.0.group.name": "Analysts",
        },
    ),
    Call(
        "CreateDataConnection",
        CONNECTIONS,
        400,
        "no-details",
        json={"name": "X", "type": "postgres", "connectionDetails": {"postgres": {}}},
    ),
    Call(
        "CreateDataConnection",
        CONNECTIONS,
        404,
        "unknown-group",
        json={
            "name": "Y",
            "type": "postgres",
            "connectionDetails": POSTGRES,
            "sharing": {"groups": [{"group": {"id": "{nobody}"}, "access": "QUERY"}]},
        },
    ),
    Call(
        "EditDataConnection",
        WAREHOUSE,
        201,
        "details",
        json={"description": "Snowflake", "connectionDetails": {"snowflake": {"role": "R"}}},
        expect={"connectionDetails.snowflake.role": "R"},
    ),
    Call("EditDataConnection", WAREHOUSE, 400, "other-type", json={"connectionDetails": POSTGRES}),
    Call("EditDataConnection", CONNECTIONS + "/{nobody}", 404, "unknown", json={}),
    Call(
        "UpdateDataConnectionSchema",
        WAREHOUSE + "/schema",
        200,
        "table-status",
        json={
            "updates": [{"type": "TABLE", "name": "DB.analytics.revenue", "status": "Production"}]
        },
        expect={"updated.tables": [{"name": "DB.analytics.revenue", "status": "Production"}]},
    ),
    Call(
        "UpdateDataConnectionSchema",
        WAREHOUSE + "/schema",
        400,
        "unknown-status",
        json={"updates": [{"type": "TABLE", "name": "DB.analytics.revenue", "status": "Gold"}]},
        expect={"details.0.reason": "invalid_status"},
    ),
    Call(
        "UpdateDataConnectionSchema",
        WAREHOUSE + "/schema",
        404,
        "unknown-schema",
        json={"updates": [{"type": "SCHEMA", "name": "DB.nothing", "status": None}]},
        expect={"details.0.reason": "not_found"},
    ),
    # embedding
    Call(
        "CreatePresignedUrl",
        EMBED,
        200,
        "with-options",
        json={"hexUserAttributes": {"region": "EMEA"}, "displayOptions": {"theme": "dark"}},
        expect={"url": lambda url: url.startswith(HOST)},
    ),
    Call("CreatePresignedUrl", EMBED, 422, "expiry-too-long", json={"expiresIn": 300001}),
    Call("CreatePresignedUrl", EMBED, 400, "expiry-not-a-number", json={"expiresIn": "soon"}),
    Call("CreatePresignedUrl", EMBED, 401, "no-token", token=None, json={}),
]

# The legacy run paths (/project/{id}/run…): they answer like their modern twins.
LEGACY_CALLS: list[Call] = [
    START_LEGACY_RUN,
    Call("RunProject", "/api/v1/project/{draft}/run", 422, "unpublished"),
    Call(
        "GetRunStatus",
        LEGACY_RUN + "/{run}",
        200,
        "known",
        before=(START_LEGACY_RUN,),
        expect={"runId": "{run}"},
    ),
    Call("GetRunStatus", LEGACY_RUN + "/{nobody}", 404, "unknown"),
    Call(
        "GetProjectRuns",
        LEGACY_RUNS,
        200,
        "one-run",
        before=(START_LEGACY_RUN,),
        expect={"runs.*.runId": ["{run}"]},
    ),
    Call("GetProjectRuns", LEGACY_RUNS, 400, "limit-500", params={"limit": "500"}),
    Call("CancelRun", LEGACY_RUN + "/{run}", 204, "pending", before=(START_LEGACY_RUN,)),
    Call(
        "CancelRun",
        LEGACY_RUN + "/{run}",
        422,
        "already-killed",
        before=(
            START_LEGACY_RUN,
            Call("CancelRun", LEGACY_RUN + "/{run}", 204, "first"),
        ),
    ),
]


@pytest.fixture
def check(emulator_client: Any, seed: Any) -> Checker:
    return Checker(emulator_client, seed)


def perform(check: Checker, call: Call) -> None:
    """``call``'s ``before`` calls, then ``call``; each answer is held to the contract (the
    checker) and ``call``'s to its ``expect``."""
    values = names(check)
    for step in (*call.before, call):
        body = check.call(
            step.operation,
            step.method,
            fill(step.path, values),
            step.status,
            token=step.token,
            json_body=fill(step.json, values),
            params=fill(step.params, values),
            headers=step.headers,
        )
        if step is not call and isinstance(body, dict) and "runId" in body:
            values["run"] = body["runId"]
    for place, wanted in call.expect.items():
        found = at(body, place)
        if callable(wanted):
            assert wanted(found), (place, found)
        else:
            assert found == fill(wanted, values), place


def test_the_table_covers_every_operation_of_the_contract():
    assert len(SPEC_OPERATIONS) == 31
    assert {call.operation for call in CALLS} == set(SPEC_OPERATIONS)


def test_operations_table_matches_the_contract():
    assert {op: (m.method, m.path) for op, m in MODERN.items()} == SPEC_OPERATIONS


@pytest.mark.parametrize("operation_id", sorted(SPEC_OPERATIONS))
def test_each_operation_is_called_to_succeed_and_to_fail(operation_id):
    statuses = {call.status for call in CALLS if call.operation == operation_id}
    assert any(s < 300 for s in statuses), f"{operation_id}: no success exercised"
    assert any(s >= 400 for s in statuses), f"{operation_id}: no error exercised"


@pytest.mark.parametrize("call", CALLS, ids=[call.id for call in CALLS])
def test_operation_answers_per_contract(check, call):
    perform(check, call)


@pytest.mark.parametrize("call", LEGACY_CALLS, ids=[call.id for call in LEGACY_CALLS])
def test_legacy_run_paths_answer_like_their_modern_twins(check, call):
    perform(check, call)


def test_the_legacy_table_covers_the_four_run_operations():
    assert {call.operation for call in LEGACY_CALLS} == {
        "RunProject",
        "GetRunStatus",
        "GetProjectRuns",
        "CancelRun",
    }
