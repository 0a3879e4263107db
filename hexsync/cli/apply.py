"""``hexsync apply``."""

from __future__ import annotations

import click


@click.command()
@click.argument("paths", nargs=-1, required=True)
def apply(paths: tuple[str, ...]) -> None:
    """(being built)"""
    raise click.UsageError(f"apply is not implemented yet ({len(paths)} paths given)")
