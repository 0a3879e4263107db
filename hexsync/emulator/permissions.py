"""Who may see and do what: a principal's access to a project, and role checks."""

from __future__ import annotations

from hexsync.emulator.context import ACCESS_RANK, ApiError, Ctx, path_uuid
from hexsync.emulator.store import Project, User


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
    if user.role != "GUEST":
        levels.append(project.workspace)
    return max(levels, key=ACCESS_RANK.__getitem__)


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
