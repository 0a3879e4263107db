"""``groups show NAME``, ``collections show NAME``, ``users show EMAIL``: one object, whole.

(``hexsync show plan.json``, a saved plan, is ``show.py``.)

Beside ``projects show``: each answers "what is this and who does it reach?" with the fewest
requests Hex allows. Project sharing comes from ListProjects with ``includeSharing`` (one request
per 100 projects, never one per project); a group's members from ListUsers with ``groupId``.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any, TypeVar

import click

from hexsync.cli._output import fields, format_options, heading, table, to_json, when
from hexsync.cli._resolve import options, with_client
from hexsync.hexapi import Collection, Group, HexClient, Project, User
from hexsync.ops.collections import collection_json
from hexsync.ops.resolve import collection_by_name, groups_by_name, users_by_email
from hexsync.ops.users import user_json

T = TypeVar("T")


def _echo_block(
    title: str, headers: list[str], rows: list[tuple[Any, ...]], empty: str, *, color: bool
) -> None:
    """A titled, indented table (or ``empty`` when there are no rows)."""
    click.echo("")
    click.echo(heading(title, color=color))
    if not rows:
        click.echo(f"  {empty}")
        return
    block = table(headers, rows, color=color)
    click.echo("\n".join("  " + line for line in block.splitlines()))


async def _shared_projects(client: HexClient, kind: str, name: str) -> list[tuple[str, str, str]]:
    """(title, id, access) of the projects shared directly to the ``kind`` (group or user)
    ``name``, from the project listing with sharing."""
    found: list[tuple[str, str, str]] = []
    async for project in client.iter_projects(include_sharing=True):
        sharing = project.sharing
        if sharing is None:
            continue
        entries = {"group": sharing.groups, "user": sharing.users}[kind]
        for principal, access in entries.items():
            # Emails compare case-insensitively, names exactly (as the manifests do).
            if principal == name or (kind == "user" and principal.lower() == name.lower()):
                found.append((project.title, project.id, access))
    return sorted(found, key=lambda row: (row[0].lower(), row[1]))


def _projects_json(rows: list[tuple[str, str, str]]) -> list[dict[str, str]]:
    return [{"title": t, "id": i, "access": a} for t, i, a in rows]


# --- groups show -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _GroupView:
    group: Group
    members: list[User]
    projects: list[tuple[str, str, str]]
    collections: list[tuple[str, str]]  # (collection name, access)


@click.command("show", short_help="One group: members, and what is shared to it.")
@click.argument("name")
@format_options(as_bool=True, dest="as_json", help="text: for people; json: {group: {...}}.")
@click.pass_context
def show_group(ctx: click.Context, name: str, as_json: bool) -> None:
    """Show one group: its members, and the projects and collections shared to it.

    NAME is the group's exact name (``hexsync groups list`` lists them).
    """

    async def work(client: HexClient) -> _GroupView:
        group = (await groups_by_name(client, [name]))[0]
        members_, projects_, collections_ = await asyncio.gather(
            _list(client.iter_users(group_id=group.id)),
            _shared_projects(client, "group", group.name),
            _list(client.iter_collections()),
        )
        shared = sorted(
            (c.name, c.sharing.groups[group.id])
            for c in collections_
            if group.id in c.sharing.groups
        )
        members_.sort(key=lambda u: u.email.lower())
        return _GroupView(group, members_, projects_, shared)

    view = with_client(ctx, work)
    if as_json:
        document = {
            "group": {
                "id": view.group.id,
                "name": view.group.name,
                "created_at": view.group.created_at,
                "members": [u.email for u in view.members],
                "projects": _projects_json(view.projects),
                "collections": [{"name": n, "access": a} for n, a in view.collections],
            }
        }
        click.echo(to_json(document))
        return
    color = options(ctx).color
    click.echo(heading(view.group.name, color=color))
    click.echo(
        fields(
            [
                ("id", view.group.id),
                ("created", when(view.group.created_at)),
                ("members", len(view.members)),
            ]
        )
    )
    rows = [(u.email, u.name, u.role) for u in view.members]
    _echo_block("Members", ["EMAIL", "NAME", "ROLE"], rows, "(no members)", color=color)
    _echo_block(
        "Projects", ["TITLE", "ACCESS", "ID"], _reorder(view.projects), "(none)", color=color
    )
    _echo_block("Collections", ["NAME", "ACCESS"], view.collections, "(none)", color=color)


def _reorder(rows: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    return [(title, access, id_) for title, id_, access in rows]


async def _list(iterator: AsyncIterator[T]) -> list[T]:
    return [item async for item in iterator]


# --- collections show --------------------------------------------------------------------------


@dataclass(frozen=True)
class _CollectionView:
    collection: Collection
    users: dict[str, str]  # user id → email
    groups: dict[str, str]  # group id → name
    projects: list[Project]


@click.command("show", short_help="One collection: its sharing and its projects.")
@click.argument("name")
@format_options(as_bool=True, dest="as_json", help="text: for people; json: {collection: {...}}.")
@click.pass_context
def show_collection(ctx: click.Context, name: str, as_json: bool) -> None:
    """Show one collection: who it is shared with, and its projects with their access.

    NAME is the collection's exact name (``hexsync collections list`` lists them).
    """

    async def work(client: HexClient) -> _CollectionView:
        collection = await collection_by_name(client, name)
        users_, groups_, projects_ = await asyncio.gather(
            _list(client.iter_users()),
            _list(client.iter_groups()),
            _list(client.iter_projects(include_sharing=True, collection_id=collection.id)),
        )
        return _CollectionView(
            collection,
            {u.id: u.email for u in users_},
            {g.id: g.name for g in groups_},
            sorted(projects_, key=lambda p: (p.title.lower(), p.id)),
        )

    view = with_client(ctx, work)
    collection = view.collection

    def access_of(project: Project) -> str | None:
        if project.sharing is None:
            return None
        return project.sharing.collections.get(collection.name)

    if as_json:
        document = collection_json(collection)
        document["projects"] = [
            {"title": p.title, "id": p.id, "access": access_of(p)} for p in view.projects
        ]
        click.echo(to_json({"collection": document}))
        return
    color = options(ctx).color
    click.echo(heading(collection.name, color=color))
    click.echo(
        fields(
            [
                ("id", collection.id),
                ("description", collection.description),
                ("creator", collection.creator_email),
                ("projects", len(view.projects)),
            ]
        )
    )
    sharing = collection.sharing
    rows: list[tuple[Any, ...]] = []
    if sharing.workspace_members is not None:
        rows.append(("workspace", "all members", sharing.workspace_members))
    rows.extend(
        ("user", view.users.get(uid, uid), access) for uid, access in sorted(sharing.users.items())
    )
    rows.extend(
        ("group", view.groups.get(gid, gid), access)
        for gid, access in sorted(sharing.groups.items())
    )
    _echo_block("Sharing", ["KIND", "WHO", "ACCESS"], rows, "(not shared)", color=color)
    project_rows = [(p.title, access_of(p), p.id) for p in view.projects]
    _echo_block("Projects", ["TITLE", "ACCESS", "ID"], project_rows, "(no projects)", color=color)


# --- users show --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _UserView:
    user: User
    groups: list[str]
    projects: list[tuple[str, str, str]]


@click.command("show", short_help="One user: role, groups, projects shared to them.")
@click.argument("email")
@format_options(as_bool=True, dest="as_json", help="text: for people; json: {user: {...}}.")
@click.pass_context
def show_user(ctx: click.Context, email: str, as_json: bool) -> None:
    """Show one active user: role, last login, groups, and the projects shared to them directly.

    Finding the user's groups reads each group's members (one request per group).
    """

    async def work(client: HexClient) -> _UserView:
        user = (await users_by_email(client, [email.strip()]))[0]
        all_groups = await _list(client.iter_groups())

        async def has_member(group: Group) -> bool:
            return any([u.id == user.id async for u in client.iter_users(group_id=group.id)])

        flags, projects_ = await asyncio.gather(
            asyncio.gather(*(has_member(g) for g in all_groups)),
            _shared_projects(client, "user", user.email),
        )
        names = sorted(
            (g.name for g, member in zip(all_groups, flags, strict=True) if member),
            key=str.lower,
        )
        return _UserView(user, names, projects_)

    view = with_client(ctx, work)
    if as_json:
        document = user_json(view.user) | {
            "groups": view.groups,
            "projects": _projects_json(view.projects),
        }
        click.echo(to_json({"user": document}))
        return
    color = options(ctx).color
    user = view.user
    click.echo(heading(user.email, color=color))
    click.echo(
        fields(
            [
                ("id", user.id),
                ("name", user.name),
                ("role", user.role),
                ("last login", when(user.last_login_date) or "never"),
                ("groups", view.groups or "(none)"),
            ]
        )
    )
    _echo_block(
        "Projects shared directly",
        ["TITLE", "ACCESS", "ID"],
        _reorder(view.projects),
        "(none)",
        color=color,
    )
