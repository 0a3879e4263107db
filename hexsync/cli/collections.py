"""``hexsync collections list``."""

from __future__ import annotations

import click

from hexsync.cli._output import format_options, table, to_json
from hexsync.cli._resolve import options, with_client
from hexsync.hexapi import Collection, HexClient
from hexsync.ops.collections import all_collections, collection_json


@click.group(short_help="Workspace collections: list, show.")
def collections() -> None:
    """Workspace collections."""


@collections.command("list")
@format_options(as_bool=True, dest="as_json", help="text: for people; json: {collections: [...]}.")
@click.pass_context
def list_collections(ctx: click.Context, as_json: bool) -> None:
    """List the collections by name."""

    async def work(client: HexClient) -> list[Collection]:
        return await all_collections(client)

    found = with_client(ctx, work)
    if as_json:
        click.echo(to_json({"collections": [collection_json(c) for c in found]}))
        return
    if not found:
        click.echo("No collections.")
        return
    rows = [(c.name, c.description, c.creator_email, c.id) for c in found]
    click.echo(table(["NAME", "DESCRIPTION", "CREATOR", "ID"], rows, color=options(ctx).color))
