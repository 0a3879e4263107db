"""``hexsync projects list|show|tables``."""

from __future__ import annotations

from typing import Any

import click

from hexsync.cli._output import fields, format_options, heading, table, to_json, when
from hexsync.cli._resolve import options, with_client
from hexsync.errors import plural
from hexsync.hexapi import HexClient, Project, ProjectSharing, QueriedTable
from hexsync.ops.projects import (
    ProjectFilters,
    project_json,
    projects_matching,
    queried_tables_json,
    queried_tables_of,
    refuse_unknown_filters,
)
from hexsync.ops.resolve import find_project
from hexsync.values.hex_access import level_or_none


def _state(project: Project) -> str:
    if project.trashed_at:
        return "trashed"
    if project.archived_at:
        return "archived"
    return "active"


def _sharing_summary(sharing: ProjectSharing | None) -> str | None:
    """One cell: ``workspace APP_ONLY, 2 users, 1 group`` (NONE and empty parts left out)."""
    if sharing is None:
        return None
    parts = []
    if level_or_none(sharing.workspace) is not None:
        parts.append(f"workspace {sharing.workspace}")
    if level_or_none(sharing.public_web) is not None:
        parts.append(f"PUBLIC WEB {sharing.public_web}")
    for count, word in (
        (len(sharing.users), "user"),
        (len(sharing.groups), "group"),
        (len(sharing.collections), "collection"),
    ):
        if count:
            parts.append(plural(count, word))
    return ", ".join(parts) or "owner only"


def sharing_rows(sharing: ProjectSharing) -> list[tuple[str, str, str]]:
    """(kind, principal, access) for every principal the project is shared with."""
    rows: list[tuple[str, str, str]] = []
    if sharing.workspace is not None:
        rows.append(("workspace", "all members", sharing.workspace))
    if sharing.public_web is not None:
        rows.append(("public web", "anyone with the link", sharing.public_web))
    if sharing.support is not None:
        rows.append(("support", "Hex support", sharing.support))
    for kind, entries in (
        ("user", sharing.users),
        ("group", sharing.groups),
        ("collection", sharing.collections),
    ):
        rows.extend((kind, name, access) for name, access in sorted(entries.items()))
    return rows


@click.group(short_help="Projects: list, show, tables.")
def projects() -> None:
    """Projects: list (with the API's filters), show one, the tables it queries."""


@projects.command("list", short_help="List projects (filters: status, category, owner…).")
@click.option("--status", "statuses", multiple=True, metavar="S", help="Status name (repeatable).")
@click.option("--category", "categories", multiple=True, metavar="C", help="Category (repeatable).")
@click.option("--creator", metavar="EMAIL", help="Only projects this user created.")
@click.option("--owner", metavar="EMAIL", help="Only projects this user owns.")
@click.option("--collection", "collection_name", metavar="NAME", help="Only this collection's.")
@click.option("--include-archived", is_flag=True, help="Archived projects too.")
@click.option("--include-trashed", is_flag=True, help="Trashed projects too.")
@click.option("--sharing", is_flag=True, help="Read and show sharing (no extra requests).")
@format_options(as_bool=True, dest="as_json", help="text: for people; json: {projects: [...]}.")
@click.pass_context
def list_projects(
    ctx: click.Context,
    statuses: tuple[str, ...],
    categories: tuple[str, ...],
    creator: str | None,
    owner: str | None,
    collection_name: str | None,
    include_archived: bool,
    include_trashed: bool,
    sharing: bool,
    as_json: bool,
) -> None:
    """List the projects the token can see, newest first (as Hex sorts them).

    \b
    Examples:
      hexsync projects list --status Production --owner alice@acme.com
      hexsync projects list --collection Finance --sharing --json | jq '.projects[].title'
    """

    filters = ProjectFilters(
        statuses=statuses,
        categories=categories,
        creator=creator,
        owner=owner,
        collection=collection_name,
        include_sharing=sharing,
        include_archived=include_archived,
        include_trashed=include_trashed,
    )

    async def work(client: HexClient) -> list[Project]:
        found, _ = await projects_matching(client, filters)
        if not found and (statuses or categories or creator or owner):
            await refuse_unknown_filters(client, filters)
        return found

    found = with_client(ctx, work)
    if as_json:
        click.echo(to_json({"projects": [project_json(p) for p in found]}))
        return
    if not found:
        click.echo("No projects match.")
        return
    headers = ["ID", "TITLE", "STATUS", "OWNER", "CATEGORIES"]
    show_state = include_archived or include_trashed
    if show_state:
        headers.append("STATE")
    if sharing:
        headers.append("SHARING")
    rows = []
    for p in found:
        row: list[Any] = [p.id, p.title, p.status, p.owner_email, p.categories]
        if show_state:
            row.append(_state(p))
        if sharing:
            row.append(_sharing_summary(p.sharing))
        rows.append(row)
    click.echo(table(headers, rows, color=options(ctx).color))


@projects.command("show")
@click.argument("project_ref", metavar="PROJECT")
@format_options(as_bool=True, dest="as_json", help="text: for people; json: {project: {...}}.")
@click.pass_context
def show_project(ctx: click.Context, project_ref: str, as_json: bool) -> None:
    """Show one project and who it is shared with. PROJECT is an id or an exact, unique title."""

    async def work(client: HexClient) -> Project:
        return await find_project(client, project_ref, include_sharing=True)

    project = with_client(ctx, work)
    if as_json:
        click.echo(to_json({"project": project_json(project)}))
        return
    color = options(ctx).color
    click.echo(heading(project.title, color=color))
    click.echo(
        fields(
            [
                ("id", project.id),
                ("description", project.description),
                ("status", project.status),
                ("categories", project.categories),
                ("owner", project.owner_email),
                ("creator", project.creator_email),
                ("type", project.type),
                ("state", _state(project)),
                ("created", when(project.created_at)),
                ("last edited", when(project.last_edited_at)),
                ("last published", when(project.last_published_at) or "never"),
            ]
        )
    )
    click.echo("")
    click.echo(heading("Sharing", color=color))
    if project.sharing is None:
        click.echo("  (Hex did not return sharing for this project)")
        return
    rows = sharing_rows(project.sharing)
    block = table(["KIND", "WHO", "ACCESS"], rows, color=color)
    click.echo("\n".join("  " + line for line in block.splitlines()))


@projects.command("tables")
@click.argument("project_ref", metavar="PROJECT")
@format_options(as_bool=True, dest="as_json", help="text: for people; json: {project, tables}.")
@click.pass_context
def queried_tables(ctx: click.Context, project_ref: str, as_json: bool) -> None:
    """The warehouse tables a project queries (Hex's Enterprise plan)."""

    async def work(client: HexClient) -> tuple[Project, list[QueriedTable]]:
        return await queried_tables_of(client, project_ref)

    project, found = with_client(ctx, work)
    if as_json:
        click.echo(to_json(queried_tables_json(project, found)))
        return
    if not found:
        click.echo(f"{project.title!r} queries no tables.")
        return
    rows = [(t.table_name, t.data_connection_name, t.data_connection_id) for t in found]
    click.echo(table(["TABLE", "CONNECTION", "CONNECTION ID"], rows, color=options(ctx).color))
