"""``hexsync connections list|show``: data connections, read only."""

from __future__ import annotations

import click

from hexsync.cli._output import fields, format_options, heading, table, to_json
from hexsync.cli._resolve import options, with_client
from hexsync.hexapi import DataConnection, HexClient
from hexsync.ops.connections import all_connections, connection_json
from hexsync.ops.resolve import find_connection


@click.group(short_help="Data connections: list, show (read only).")
def connections() -> None:
    """Data connections (read only)."""


@connections.command("list")
@format_options(as_bool=True, dest="as_json", help="text: for people; json: {connections: [...]}.")
@click.pass_context
def list_connections(ctx: click.Context, as_json: bool) -> None:
    """List the data connections by name."""

    async def work(client: HexClient) -> list[DataConnection]:
        return await all_connections(client)

    found = with_client(ctx, work)
    if as_json:
        click.echo(to_json({"connections": [connection_json(c) for c in found]}))
        return
    if not found:
        click.echo("No data connections.")
        return
    rows = [(c.name, c.type, c.description, c.id) for c in found]
    click.echo(table(["NAME", "TYPE", "DESCRIPTION", "ID"], rows, color=options(ctx).color))


@connections.command("show")
@click.argument("ref", metavar="NAME|ID")
@format_options(as_bool=True, dest="as_json", help="text: for people; json: {connection: {...}}.")
@click.pass_context
def show_connection(ctx: click.Context, ref: str, as_json: bool) -> None:
    """Show one data connection: settings, connection details, sharing."""

    async def work(client: HexClient) -> DataConnection:
        return await find_connection(client, ref)

    conn = with_client(ctx, work)
    data = connection_json(conn, full=True)
    if as_json:
        click.echo(to_json({"connection": data}))
        return
    color = options(ctx).color
    click.echo(heading(conn.name, color=color))
    click.echo(
        fields(
            [
                ("id", conn.id),
                ("type", conn.type),
                ("description", conn.description),
                ("connect via SSH", conn.connect_via_ssh),
                ("include magic", conn.include_magic),
                ("writeback cells", conn.allow_writeback_cells),
                ("schema refresh", conn.schema_refresh_access),
            ]
        )
    )
    details = data["details"]
    if details:
        click.echo("")
        click.echo(heading("Connection details", color=color))
        click.echo(fields([(k, details[k]) for k in sorted(details)]))
    sharing = data["sharing"]
    rows = [("workspace", who, access) for who, access in sharing["workspace"].items()]
    rows += [("group", name, access) for name, access in sharing["groups"].items()]
    if rows:
        click.echo("")
        click.echo(heading("Sharing", color=color))
        block = table(["KIND", "WHO", "ACCESS"], rows, color=color)
        click.echo("\n".join("  " + line for line in block.splitlines()))
