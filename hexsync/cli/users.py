"""``hexsync users list|deactivate``."""

from __future__ import annotations

import click

from hexsync.cli._confirm import interactive, no_terminal
from hexsync.cli._output import format_options, table, to_json, when
from hexsync.cli._resolve import options, with_client
from hexsync.errors import plural
from hexsync.hexapi import HexClient, User
from hexsync.ops.users import (
    DIRECTORY_SYNC_WARNING,
    active_users,
    deactivate_in_order,
    user_json,
    users_to_deactivate,
)


@click.group()
def users() -> None:
    """Workspace users: list, show, deactivate."""


@users.command("list")
@click.option("--group", "group_name", metavar="NAME", help="Only the members of this group.")
@format_options(as_bool=True, dest="as_json", help="text: for people; json: {users: [...]}.")
@click.pass_context
def list_users(ctx: click.Context, group_name: str | None, as_json: bool) -> None:
    """List the workspace's active users, by email.

    Hex does not list deactivated users.
    """

    async def work(client: HexClient) -> list[User]:
        return await active_users(client, group_name)

    found = with_client(ctx, work)
    if as_json:
        click.echo(to_json({"users": [user_json(u) for u in found]}))
        return
    if not found:
        click.echo("No users." if group_name is None else f"No members in group {group_name!r}.")
        return
    rows = [(u.email, u.name, u.role, when(u.last_login_date)) for u in found]
    click.echo(table(["EMAIL", "NAME", "ROLE", "LAST LOGIN"], rows, color=options(ctx).color))


@users.command("deactivate")
@click.argument("emails", nargs=-1, required=True, metavar="EMAIL...")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation (scripts, CI).")
@format_options(as_bool=True, dest="as_json", help="text: for people; json: {deactivated: [...]}.")
@click.pass_context
def deactivate(ctx: click.Context, emails: tuple[str, ...], yes: bool, as_json: bool) -> None:
    """Deactivate users by email. Hex has no way to re-activate them through the API.

    Every email is checked first; an unknown one stops the command before anything changes.
    Asks for confirmation unless --yes; without a terminal to ask on, refuses (exit 1), as
    `apply` does without --auto-approve. Answering no changes nothing (exit 0).
    """

    async def resolve(client: HexClient) -> list[User]:
        return await users_to_deactivate(client, [e.strip() for e in emails])

    targets = with_client(ctx, resolve)
    click.echo(DIRECTORY_SYNC_WARNING, err=True)
    names = ", ".join(u.email for u in targets)
    if not yes:
        if not interactive():
            raise no_terminal(f"deactivate {names}", "--yes")
        question = f"Deactivate {plural(len(targets), 'user')} ({names})? This cannot be undone"
        if not click.confirm(question, default=False, err=True):
            click.echo("Cancelled: nothing was deactivated.", err=True)
            return

    async def work(client: HexClient) -> list[User]:
        def said(user: User) -> None:
            if not as_json:
                click.echo(f"deactivated {user.email}")

        return await deactivate_in_order(client, targets, on_done=said)

    done = with_client(ctx, work)
    if as_json:
        click.echo(to_json({"deactivated": [user_json(u) for u in done]}))
