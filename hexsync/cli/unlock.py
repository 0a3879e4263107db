"""``hexsync unlock``: remove an apply lock left behind (Terraform's ``force-unlock``)."""

from __future__ import annotations

import click

from hexsync.apply.lock import STALE_AFTER, HeldLock, held_locks, remove_lock
from hexsync.cli._confirm import interactive, no_terminal
from hexsync.cli._resolve import with_client
from hexsync.errors import EXIT_REFUSED
from hexsync.hexapi import HexClient


def _age(held: HeldLock) -> str:
    if held.age is None:
        return "of unknown age"
    minutes = held.age / 60
    return f"created {minutes:.0f} min ago" if minutes >= 2 else f"created {held.age:.0f} s ago"


@click.command(short_help="Remove an apply lock left behind by an apply that died.")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation (scripts, CI).")
@click.pass_context
def unlock(ctx: click.Context, yes: bool) -> None:
    """Remove the workspace's apply lock, left behind by an apply that died.

    An apply killed with SIGKILL (or a second Ctrl-C) leaves its lock group
    (hexsync-apply-lock); the next apply waits for it and, after 60 minutes, takes it over.
    unlock removes it now. It only ever deletes hexsync's own lock, an empty group shared with
    nothing, checked again just before the delete; a group of that name with members or grants
    is someone's and is left alone. Make sure no apply is running: removing the lock of a
    running apply lets another one write at the same time. Asks unless --yes.

    \b
    Examples:
      hexsync unlock          # show the lock and ask
      hexsync unlock --yes    # in a script
    """

    async def find(client: HexClient) -> list[HeldLock]:
        return await held_locks(client)

    found = with_client(ctx, find)
    locks = [h for h in found if h.is_lock]
    for held in found:
        if not held.is_lock:
            click.echo(
                f"group {held.group.name!r} ({held.group.id}) is not an apply lock: "
                f"{held.why_not}; left alone (rename it in Hex to free the name)",
                err=True,
            )
    if not locks:
        click.echo("No apply lock is held: nothing to remove.")
        if found:
            ctx.exit(EXIT_REFUSED)
        return
    for held in locks:
        stale = " (stale: an apply would take it over)" if (held.age or 0) > STALE_AFTER else ""
        click.echo(f"apply lock {held.group.name!r} ({held.group.id}), {_age(held)}{stale}")
        if not yes:
            if not interactive():
                raise no_terminal("remove the apply lock", "--yes")
            question = "Remove it? Only if no apply is running on this workspace"
            if not click.confirm(question, default=False, err=True):
                click.echo("Cancelled: the lock was left as it was.", err=True)
                return

        async def remove(client: HexClient, held: HeldLock = held) -> bool:
            return await remove_lock(client, held)

        removed = with_client(ctx, remove)
        click.echo(
            f"removed the apply lock {held.group.name!r}"
            if removed
            else f"the apply lock {held.group.name!r} was gone already"
        )
