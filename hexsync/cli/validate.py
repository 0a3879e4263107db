"""``hexsync validate``: offline checks of manifests."""

from __future__ import annotations

import click


@click.command()
@click.argument("paths", nargs=-1, required=True)
def validate(paths: tuple[str, ...]) -> None:
    """Check manifests offline: YAML, schema, duplicates, internal references."""
    raise click.UsageError(f"validate is not implemented yet ({len(paths)} paths given)")
