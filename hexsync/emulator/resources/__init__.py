"""The API's handlers by resource, mirroring the client's operations (``hexapi/operations.py``)."""

from __future__ import annotations

from hexsync.emulator.context import Handler
from hexsync.emulator.resources import (
    collections,
    connections,
    embedding,
    groups,
    projects,
    runs,
    sharing,
    users,
)

HANDLERS: dict[str, Handler] = {
    "ListProjects": projects.list_projects,
    "CreateProject": projects.create_project,
    "GetProject": projects.get_project_op,
    "UpdateProject": projects.update_project,
    "GetQueriedTables": projects.queried_tables,
    "EditProjectSharingUsers": sharing.sharing_users,
    "EditProjectSharingGroups": sharing.sharing_groups,
    "EditProjectSharingCollections": sharing.sharing_collections,
    "EditProjectSharingOrgAndPublic": sharing.sharing_workspace,
    "RunProject": runs.run_project,
    "GetProjectRuns": runs.get_project_runs,
    "GetRunStatus": runs.get_run_status,
    "CancelRun": runs.cancel_run,
    "Me": users.me,
    "ListUsers": users.list_users,
    "DeactivateUser": users.deactivate_user,
    "ListGroups": groups.list_groups,
    "CreateGroup": groups.create_group,
    "GetGroup": groups.get_group,
    "EditGroup": groups.edit_group,
    "DeleteGroup": groups.delete_group,
    "ListCollections": collections.list_collections,
    "CreateCollection": collections.create_collection,
    "GetCollection": collections.get_collection,
    "EditCollection": collections.edit_collection,
    "ListDataConnections": connections.list_connections,
    "CreateDataConnection": connections.create_connection,
    "GetDataConnection": connections.get_connection,
    "EditDataConnection": connections.edit_connection,
    "UpdateDataConnectionSchema": connections.update_connection_schema,
    "CreatePresignedUrl": embedding.create_presigned_url,
}
