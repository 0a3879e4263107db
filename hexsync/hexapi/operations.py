"""The 31 operations the client calls, as the client understands them (from openapi.json).

Each operation knows its method and path, the rate-limit group it counts against, how it may be
retried, and what it does in a person's words (``phrase``, for progress and wait lines). Written
from Hex's OpenAPI document and docs/hex-api.md, independently of the emulator's own table, so
that the two can disagree and a test will notice.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from urllib.parse import quote

# Rate-limit groups as openapi.json names them.
HEX_API = "hex-api"
HEX_API_30RPM = "hex-api-30rpm"
HEX_RUN_KERNEL = "hex-run-kernel"


class Retry(enum.Enum):
    """How an operation may be retried after a failure whose outcome is unknown.

    - SAFE: reads, upserts (PATCH), deletes, deactivation and presigned URLs. Doing them twice
      leaves the workspace as doing them once, so timeouts, dropped connections, 5xx and 429 are
      retried.
    - CREATE: POSTs that create something (project, group, collection, data connection) or start
      a run. Hex has no idempotency keys, so these are retried only when the request provably did
      nothing: the connection was never made, or Hex answered 429. Anything else after the request
      was sent raises :class:`~hexsync.hexapi.errors.AmbiguousCreateError`.
    """

    SAFE = "safe"
    CREATE = "create"


@dataclass(frozen=True)
class Op:
    operation_id: str
    method: str
    path: str  # under the API root (``…/api/v1``), with ``{name}`` placeholders
    rate_group: str = HEX_API
    retry: Retry = Retry.SAFE
    max_page: int | None = None  # the largest ``limit`` a paginated operation accepts
    # Statuses that, on a retry after an attempt whose answer was lost, say that attempt did
    # the job: the group is already gone (404), the run already ended (422).
    done_on_retry: frozenset[int] = frozenset()

    @property
    def phrase(self) -> str:
        """What the operation does, for people: ``reading users``, ``sharing a project …``."""
        return PHRASES[self.operation_id]

    def url_path(self, **params: str) -> str:
        """The path with each placeholder filled in, percent-encoded as one path segment."""
        path = self.path
        for name, value in params.items():
            if not isinstance(value, str) or not value or value in {".", ".."}:
                raise ValueError(f"{self.operation_id}: {name} must be a non-empty id")
            path = path.replace("{" + name + "}", quote(value, safe=""))
        if "{" in path:
            raise ValueError(f"{self.operation_id}: missing path parameter in {self.path}")
        return path


# What each operation does, in the words a person reading a progress line expects ("waiting
# 40 s for the rate limit before reading users"); the ids stay in the -v request log.
PHRASES: dict[str, str] = {
    "ListProjects": "reading projects",
    "GetProject": "reading a project",
    "CreateProject": "creating a project",
    "UpdateProject": "setting a project's status",
    "GetQueriedTables": "reading a project's queried tables",
    "EditProjectSharingUsers": "sharing a project with users",
    "EditProjectSharingGroups": "sharing a project with groups",
    "EditProjectSharingCollections": "adding a project to collections",
    "EditProjectSharingOrgAndPublic": "setting a project's workspace and public access",
    "RunProject": "running a project",
    "GetProjectRuns": "reading a project's runs",
    "GetRunStatus": "checking a run",
    "CancelRun": "cancelling a run",
    "Me": "checking the token",
    "ListUsers": "reading users",
    "DeactivateUser": "deactivating a user",
    "ListGroups": "reading groups",
    "GetGroup": "reading a group",
    "CreateGroup": "creating a group",
    "EditGroup": "editing a group",
    "DeleteGroup": "deleting a group",
    "ListCollections": "reading collections",
    "GetCollection": "reading a collection",
    "CreateCollection": "creating a collection",
    "EditCollection": "editing a collection",
    "ListDataConnections": "reading data connections",
    "GetDataConnection": "reading a data connection",
    "CreateDataConnection": "creating a data connection",
    "EditDataConnection": "editing a data connection",
    "UpdateDataConnectionSchema": "updating a data connection's schema",
    "CreatePresignedUrl": "making an embedding link",
}

_GONE = frozenset({404})
_GONE_OR_ENDED = frozenset({404, 422})


def _ops(*ops: Op) -> dict[str, Op]:
    return {op.operation_id: op for op in ops}


OPS: dict[str, Op] = _ops(
    # Projects
    Op("ListProjects", "GET", "/projects", max_page=100),
    Op("GetProject", "GET", "/projects/{projectId}"),
    Op("CreateProject", "POST", "/projects", retry=Retry.CREATE),
    Op("UpdateProject", "PATCH", "/projects/{projectId}"),
    Op("GetQueriedTables", "GET", "/projects/{projectId}/queriedTables", max_page=100),
    # Sharing (upserts)
    Op("EditProjectSharingUsers", "PATCH", "/projects/{projectId}/sharing/users", HEX_API_30RPM),
    Op("EditProjectSharingGroups", "PATCH", "/projects/{projectId}/sharing/groups"),
    Op("EditProjectSharingCollections", "PATCH", "/projects/{projectId}/sharing/collections"),
    Op(
        "EditProjectSharingOrgAndPublic",
        "PATCH",
        "/projects/{projectId}/sharing/workspaceAndPublic",
    ),
    # Runs
    Op("RunProject", "POST", "/projects/{projectId}/runs", HEX_RUN_KERNEL, Retry.CREATE),
    Op("GetProjectRuns", "GET", "/projects/{projectId}/runs", max_page=100),
    Op("GetRunStatus", "GET", "/projects/{projectId}/runs/{runId}"),
    # 422 is Hex refusing to cancel a run that has ended: after a lost answer, ours ended it.
    Op("CancelRun", "DELETE", "/projects/{projectId}/runs/{runId}", done_on_retry=_GONE_OR_ENDED),
    # Users
    Op("Me", "GET", "/users/me", HEX_API_30RPM),
    Op("ListUsers", "GET", "/users", HEX_API_30RPM, max_page=500),
    # Deactivating twice leaves the user deactivated: safe to retry.
    Op("DeactivateUser", "POST", "/users/{userId}/deactivate", HEX_API_30RPM),
    # Groups
    Op("ListGroups", "GET", "/groups", max_page=500),
    Op("GetGroup", "GET", "/groups/{groupId}"),
    Op("CreateGroup", "POST", "/groups", retry=Retry.CREATE),
    Op("EditGroup", "PATCH", "/groups/{groupId}"),
    Op("DeleteGroup", "DELETE", "/groups/{groupId}", done_on_retry=_GONE),
    # Collections
    Op("ListCollections", "GET", "/collections", max_page=100),
    Op("GetCollection", "GET", "/collections/{collectionId}"),
    Op("CreateCollection", "POST", "/collections", retry=Retry.CREATE),
    Op("EditCollection", "PATCH", "/collections/{collectionId}"),
    # Data connections
    Op("ListDataConnections", "GET", "/data-connections", max_page=100),
    Op("GetDataConnection", "GET", "/data-connections/{dataConnectionId}"),
    Op("CreateDataConnection", "POST", "/data-connections", retry=Retry.CREATE),
    Op("EditDataConnection", "PATCH", "/data-connections/{dataConnectionId}"),
    Op("UpdateDataConnectionSchema", "PATCH", "/data-connections/{dataConnectionId}/schema"),
    # Embedding: a second presigned URL is harmless (each is single use), so it may retry.
    Op("CreatePresignedUrl", "POST", "/embedding/createPresignedUrl/{projectId}"),
)

RATE_GROUPS: tuple[str, ...] = (HEX_API, HEX_API_30RPM, HEX_RUN_KERNEL)
