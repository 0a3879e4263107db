"""``hexsync groups list``."""

from __future__ import annotations

import click

from hexsync.cli._output import format_options, table, to_json, when
from hexsync.cli._resolve import options, with_client
from hexsync.hexapi import Group, HexClient
from hexsync.ops.groups import all_groups, group_json


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
        return await all_groups(client, with_members=members)

    result = with_client(ctx, work)
    if as_json:
        click.echo(to_json({"groups": [group_json(g, m) for g, m in result]}))
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
