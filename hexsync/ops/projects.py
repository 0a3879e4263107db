"""Projects as every face lists and shows them: the listing with Hex's filters, the tables a
project queries, and their JSON views."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from hexsync.errors import HexsyncError, did_you_mean
from hexsync.hexapi import HexClient, Project, ProjectSharing, QueriedTable
from hexsync.ops.resolve import collection_by_name, find_project

__all__ = [
    "ProjectFilters",
    "project_json",
    "project_ref_json",
    "projects_matching",
    "queried_tables_json",
    "queried_tables_of",
    "refuse_unknown_filters",
    "sharing_json",
]


@dataclass(frozen=True)
class ProjectFilters:
    """Hex's filters of the project listing; ``collection`` is a collection's exact name."""

    statuses: tuple[str, ...] = ()
    categories: tuple[str, ...] = ()
    creator: str | None = None  # email
    owner: str | None = None  # email
    collection: str | None = None
    include_sharing: bool = False
    include_archived: bool = False
    include_trashed: bool = False


async def projects_matching(
    client: HexClient,
    filters: ProjectFilters,
    *,
    title_contains: str | None = None,
    limit: int | None = None,
) -> tuple[list[Project], bool]:
    """The projects the token can see, newest first (as Hex sorts them), and whether more than
    ``limit`` matched (then only the first ``limit`` are returned)."""
    collection_id = None
    if filters.collection is not None:
        collection_id = (await collection_by_name(client, filters.collection)).id
    needle = (title_contains or "").lower()
    found: list[Project] = []
    async for project in client.iter_projects(
        include_sharing=filters.include_sharing,
        include_archived=filters.include_archived,
        include_trashed=filters.include_trashed,
        statuses=filters.statuses,
        categories=filters.categories,
        creator_email=filters.creator,
        owner_email=filters.owner,
        collection_id=collection_id,
    ):
        if needle and needle not in project.title.lower():
            continue
        if len(found) == limit:
            return found, True
        found.append(project)
    return found, False


async def refuse_unknown_filters(client: HexClient, filters: ProjectFilters) -> None:
    """Nothing matched: raise when a filter names a value no project has at all, a typo more
    likely than an empty result (named as ``projects list`` names its options). Costs one more
    listing, to be asked only when nothing matched."""
    seen: dict[str, set[str]] = {"--status": set(), "--category": set(), "email": set()}
    async for p in client.iter_projects(include_archived=True, include_trashed=True):
        if p.status:
            seen["--status"].add(p.status)
        seen["--category"].update(p.categories)
        seen["email"].update(e.lower() for e in (p.owner_email, p.creator_email) if e)
    wanted = [("--status", s) for s in filters.statuses]
    wanted += [("--category", c) for c in filters.categories]
    wanted += [(o, e) for o, e in (("--creator", filters.creator), ("--owner", filters.owner)) if e]
    for option, value in wanted:
        email = option in ("--creator", "--owner")
        known = seen["email"] if email else seen[option]
        probe = value.lower() if email else value
        if probe not in known:
            raise HexsyncError(
                f"{option} {value!r}: no project the token can see has it, so nothing can match",
                hint=did_you_mean(probe, sorted(known), cutoff=0.85 if email else 0.6)
                or (f"known: {', '.join(sorted(known))}" if known else "no project has one"),
            )


async def queried_tables_of(client: HexClient, ref: str) -> tuple[Project, list[QueriedTable]]:
    """The warehouse tables project ``ref`` queries, by connection then table name."""
    project = await find_project(client, ref)
    found = [t async for t in client.iter_queried_tables(project.id)]
    found.sort(key=lambda t: (t.data_connection_name, t.table_name))
    return project, found


def project_ref_json(project: Project) -> dict[str, Any]:
    """A project named in another document: ``{id, title}``."""
    return {"id": project.id, "title": project.title}


def queried_tables_json(project: Project, tables: list[QueriedTable]) -> dict[str, Any]:
    """``projects tables --json`` and the MCP tool ``list_queried_tables``."""
    return {
        "project": project_ref_json(project),
        "tables": [
            {
                "table": t.table_name,
                "connection_name": t.data_connection_name,
                "connection_id": t.data_connection_id,
            }
            for t in tables
        ],
    }


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
