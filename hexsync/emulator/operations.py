"""The table of operations the emulator serves: the seam between routing, rate limits and faults.

Written from Hex's OpenAPI document and docs/hex-api.md (not from the client). Each operation has
the error envelope its endpoint uses (legacy ``{"reason"}`` or new ``{"code", "message"}``) and the
rate-limit group it counts against.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Envelope = Literal["legacy", "new"]

# Rate-limit group names as openapi.json spells them.
HEX_API = "hex-api"
HEX_API_30RPM = "hex-api-30rpm"
HEX_RUN_KERNEL = "hex-run-kernel"


@dataclass(frozen=True)
class Operation:
    operation_id: str
    method: str
    path: str  # Starlette-style template under the server root, e.g. /api/v1/projects/{projectId}
    envelope: Envelope
    rate_group: str
    legacy_path: bool = False  # an old path Hex's Airflow provider still calls

    @property
    def regex(self) -> re.Pattern[str]:
        return _compile(self.path)


def _op(
    operation_id: str,
    method: str,
    path: str,
    envelope: Envelope,
    rate_group: str = HEX_API,
    *,
    legacy_path: bool = False,
) -> Operation:
    return Operation(operation_id, method, "/api" + path, envelope, rate_group, legacy_path)


OPERATIONS: tuple[Operation, ...] = (
    # Projects
    _op("ListProjects", "GET", "/v1/projects", "legacy"),
    _op("CreateProject", "POST", "/v1/projects", "new"),
    _op("GetProject", "GET", "/v1/projects/{projectId}", "new"),
    _op("UpdateProject", "PATCH", "/v1/projects/{projectId}", "new"),
    _op("GetQueriedTables", "GET", "/v1/projects/{projectId}/queriedTables", "legacy"),
    # Sharing
    _op(
        "EditProjectSharingUsers",
        "PATCH",
        "/v1/projects/{projectId}/sharing/users",
        "new",
        HEX_API_30RPM,
    ),
    _op("EditProjectSharingGroups", "PATCH", "/v1/projects/{projectId}/sharing/groups", "new"),
    _op(
        "EditProjectSharingCollections",
        "PATCH",
        "/v1/projects/{projectId}/sharing/collections",
        "legacy",
    ),
    _op(
        "EditProjectSharingOrgAndPublic",
        "PATCH",
        "/v1/projects/{projectId}/sharing/workspaceAndPublic",
        "new",
    ),
    # Runs
    _op("RunProject", "POST", "/v1/projects/{projectId}/runs", "new", HEX_RUN_KERNEL),
    _op("GetProjectRuns", "GET", "/v1/projects/{projectId}/runs", "new"),
    _op("GetRunStatus", "GET", "/v1/projects/{projectId}/runs/{runId}", "new"),
    _op("CancelRun", "DELETE", "/v1/projects/{projectId}/runs/{runId}", "legacy"),
    # Users
    _op("Me", "GET", "/v1/users/me", "new", HEX_API_30RPM),
    _op("ListUsers", "GET", "/v1/users", "new", HEX_API_30RPM),
    _op("DeactivateUser", "POST", "/v1/users/{userId}/deactivate", "new", HEX_API_30RPM),
    # Groups
    _op("ListGroups", "GET", "/v1/groups", "legacy"),
    _op("CreateGroup", "POST", "/v1/groups", "legacy"),
    _op("GetGroup", "GET", "/v1/groups/{groupId}", "legacy"),
    _op("EditGroup", "PATCH", "/v1/groups/{groupId}", "legacy"),
    _op("DeleteGroup", "DELETE", "/v1/groups/{groupId}", "legacy"),
    # Collections
    _op("ListCollections", "GET", "/v1/collections", "legacy"),
    _op("CreateCollection", "POST", "/v1/collections", "legacy"),
    _op("GetCollection", "GET", "/v1/collections/{collectionId}", "legacy"),
    _op("EditCollection", "PATCH", "/v1/collections/{collectionId}", "legacy"),
    # Data connections
    _op("ListDataConnections", "GET", "/v1/data-connections", "new"),
    _op("CreateDataConnection", "POST", "/v1/data-connections", "legacy"),
    _op("GetDataConnection", "GET", "/v1/data-connections/{dataConnectionId}", "new"),
    _op("EditDataConnection", "PATCH", "/v1/data-connections/{dataConnectionId}", "legacy"),
    _op(
        "UpdateDataConnectionSchema",
        "PATCH",
        "/v1/data-connections/{dataConnectionId}/schema",
        "legacy",
    ),
    # Embedding
    _op("CreatePresignedUrl", "POST", "/v1/embedding/createPresignedUrl/{projectId}", "legacy"),
    # Legacy run paths (observed: docs/hex-api.md): the behaviour of their modern twins, in the
    # legacy dialect of Hex's older spec: ``{reason, traceId}`` errors, 422 for a bad body.
    _op(
        "RunProject",
        "POST",
        "/v1/project/{projectId}/run",
        "legacy",
        HEX_RUN_KERNEL,
        legacy_path=True,
    ),
    _op("GetRunStatus", "GET", "/v1/project/{projectId}/run/{runId}", "legacy", legacy_path=True),
    _op("CancelRun", "DELETE", "/v1/project/{projectId}/run/{runId}", "legacy", legacy_path=True),
    _op("GetProjectRuns", "GET", "/v1/project/{projectId}/runs", "legacy", legacy_path=True),
)

OPERATION_IDS: frozenset[str] = frozenset(op.operation_id for op in OPERATIONS)


def _compile(template: str) -> re.Pattern[str]:
    pattern = re.sub(r"\{[A-Za-z]+\}", "[^/]+", template)
    # \Z, not $: "$" also matches before a final newline, so /projects%0A would be /projects.
    return re.compile(f"^{pattern}/?\\Z")


_COMPILED = [(op, _compile(op.path)) for op in OPERATIONS]


def resolve(method: str, path: str) -> Operation | None:
    """The operation a request targets, or None (unknown path, or a method the path lacks)."""
    for op, regex in _COMPILED:
        if op.method == method.upper() and regex.match(path):
            return op
    return None


def resolve_path(path: str) -> list[Operation]:
    """Every operation served at ``path`` whatever the method (to tell 404 from 405)."""
    return [op for op, regex in _COMPILED if regex.match(path)]
