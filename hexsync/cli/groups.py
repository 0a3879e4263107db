"""``hexsync groups list``."""

from __future__ import annotations

import asyncio
from typing import Any

import click

from hexsync.cli._output import format_options, table, to_json, when
from hexsync.cli._resolve import options, with_client
from hexsync.hexapi import Group, HexClient


@click.group(short_help="Workspace groups: list, show.")
def groups() -> None:
    """Workspace groups."""


@groups.command("list")
@click.option(
    "--members",
    is_flag=True,
    help="Also list each group's members (one more request per group).",
)
@format_options(as_bool=True, dest="as_json", help="text: for people; json: {groups: [...]}.")
@click.pass_context
def list_groups(ctx: click.Context, members: bool, as_json: bool) -> None:
    """List the groups by name; --members adds their members' emails."""

    async def work(client: HexClient) -> list[tuple[Group, list[str] | None]]:
        found = [g async for g in client.iter_groups()]
        if not members:
            return [(g, None) for g in found]

        # Hex does not return members with a group: one ListUsers?groupId= per group.
        async def emails(group: Group) -> list[str]:
            found_emails = [u.email async for u in client.iter_users(group_id=group.id)]
            return sorted(found_emails, key=str.lower)

        lists = await asyncio.gather(*(emails(g) for g in found))
        return list(zip(found, lists, strict=True))

    result = sorted(with_client(ctx, work), key=lambda pair: pair[0].name.lower())
    if as_json:
        document: dict[str, Any] = {
            "groups": [
                {"id": g.id, "name": g.name, "created_at": g.created_at, "members": m}
                for g, m in result
            ]
        }
        click.echo(to_json(document))
        return
    if not result:
        click.echo("No groups.")
        return
    color = options(ctx).color
    if members:
        # One row per member, the group repeated: aligned for people, greppable for scripts.
        rows = [(g.name, email) for g, m in result for email in (m or [""])]
        click.echo(table(["GROUP", "MEMBER"], rows, color=color))
        return
    rows_plain = [(g.name, when(g.created_at), g.id) for g, _ in result]
    click.echo(table(["NAME", "CREATED", "ID"], rows_plain, color=color))
