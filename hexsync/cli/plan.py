"""``hexsync plan``."""

from __future__ import annotations

import click


@click.command()
@click.argument("paths", nargs=-1, required=True)
def plan(paths: tuple[str, ...]) -> None:
    """(being built)"""
    raise click.UsageError(f"plan is not implemented yet ({len(paths)} paths given)")
