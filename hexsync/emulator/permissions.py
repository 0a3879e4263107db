"""Who may see and do what: a principal's access to a project, collection or connection, and
role checks. Hex's rules (Viewer cap, workspace sharing never reaching Guests) are in ``rules``."""

from __future__ import annotations

from hexsync.emulator.context import ApiError, Ctx, path_uuid
from hexsync.emulator.hex_access import ACCESS_RANK, capped, reaches
from hexsync.emulator.store import Collection, DataConnection, Project, User


def effective_access(ctx: Ctx, project: Project) -> str:
    """The highest access the request's principal has on ``project`` (NONE: cannot see it)."""
    who = ctx.who
    if who.is_admin:
        return "FULL_ACCESS"
    user = who.user
    assert user is not None
    if project.owner_id == user.id:
        return "FULL_ACCESS"
    levels = [project.users.get(user.id, "NONE")]
    levels.extend(access for gid, access in project.groups.items() if gid in who.group_ids)
    if reaches(user.role):
        levels.append(project.workspace)
    # A group's CAN_EDIT does not let a Viewer edit either: the cap is on what they hold.
    return capped(user.role, max(levels, key=ACCESS_RANK.__getitem__))


def sees_collection(ctx: Ctx, collection: Collection) -> bool:
    """Admins see every collection; others those they created or that are shared with them,
    with a group they are in, or with the workspace (which never reaches Guests)."""
    who = ctx.who
    if who.is_admin:
        return True
    user = who.user
    assert user is not None
    return (
        collection.creator_id == user.id
        or user.id in collection.users
        or any(gid in who.group_ids for gid in collection.groups)
        or (collection.workspace is not None and reaches(user.role))
    )


def sees_connection(ctx: Ctx, conn: DataConnection) -> bool:
    """Admins see every data connection; others those shared with a group they are in, or with
    the workspace's members (``members``) or, for a Guest, its guests (``guests``)."""
    who = ctx.who
    if who.is_admin:
        return True
    user = who.user
    assert user is not None
    if any(gid in who.group_ids and access != "NONE" for gid, access in conn.groups.items()):
        return True
    audience = "members" if reaches(user.role) else "guests"
    return conn.workspace.get(audience, "NONE") != "NONE"


def get_project(ctx: Ctx, name: str = "projectId", need: str = "APP_ONLY") -> Project:
    pid = path_uuid(ctx, name)
    project = ctx.store.projects.get(pid)
    access = "NONE" if project is None else effective_access(ctx, project)
    if project is None or access == "NONE":
        raise ApiError(404, f"Project {pid} not found")
    if ACCESS_RANK[access] < ACCESS_RANK[need]:
        raise ApiError(403, f"This needs {need} on project {pid}; the token has {access}")
    return project


def require_role(ctx: Ctx, *roles: str) -> None:
    if not ctx.who.has_role(*roles):
        wanted = " or ".join(("ADMIN", *roles))
        raise ApiError(
            403, f"Insufficient access: this needs a workspace token or a user who is {wanted}"
        )


def acting_user(ctx: Ctx) -> User:
    if ctx.who.user is None:
        raise ApiError(403, "This workspace has no active admin for a workspace token to act as")
    return ctx.who.user
