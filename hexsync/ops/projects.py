"""Projects as every face shows them: the JSON view of a project and of its sharing."""

from __future__ import annotations

from typing import Any

from hexsync.hexapi import Project, ProjectSharing

__all__ = ["project_json", "sharing_json"]


def sharing_json(sharing: ProjectSharing | None) -> dict[str, Any] | None:
    if sharing is None:
        return None
    return {
        "workspace": sharing.workspace,
        "public_web": sharing.public_web,
        "support": sharing.support,
        "users": dict(sorted(sharing.users.items())),
        "groups": dict(sorted(sharing.groups.items())),
        "collections": dict(sorted(sharing.collections.items())),
    }


def project_json(project: Project) -> dict[str, Any]:
    return {
        "id": project.id,
        "title": project.title,
        "description": project.description,
        "type": project.type,
        "status": project.status,
        "categories": list(project.categories),
        "owner_email": project.owner_email,
        "creator_email": project.creator_email,
        "created_at": project.created_at,
        "last_edited_at": project.last_edited_at,
        "last_published_at": project.last_published_at,
        "archived_at": project.archived_at,
        "trashed_at": project.trashed_at,
        "sharing": sharing_json(project.sharing),
    }
