"""``hexsync emulator``: the local Hex API emulator (SPEC §5)."""

from __future__ import annotations

import click


@click.group()
def emulator() -> None:
    """The local Hex API emulator: a faithful stand-in for a Hex workspace."""
