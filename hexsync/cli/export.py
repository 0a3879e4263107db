"""``hexsync export``: manifests of the live workspace (being built)."""

from __future__ import annotations

import click


@click.command()
def export() -> None:
    """(being built) Write manifests of the live workspace."""
    raise click.UsageError("export is not implemented yet")
