"""What the admin commands share: running a client, and parsing ``NAME=VALUE`` options.

The resolvers (a project's title, a user's email … to the object) are :mod:`hexsync.ops.resolve`.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

import click

from hexsync.cli.client_factory import build_client
from hexsync.errors import ConfigError
from hexsync.hexapi import HexClient

if TYPE_CHECKING:
    from hexsync.cli._globals import GlobalOptions

T = TypeVar("T")


def options(ctx: click.Context) -> GlobalOptions:
    """The global options the root command stored on ``ctx.obj``."""
    opts: GlobalOptions = ctx.find_root().obj
    return opts


def with_client(ctx: click.Context, work: Callable[[HexClient], Awaitable[T]]) -> T:
    """Build the client from the global options, run ``work`` with it, close it, return."""
    opts = options(ctx)

    async def main() -> T:
        async with build_client(opts) as client:
            return await work(client)

    return asyncio.run(main())


def parse_pairs(values: Sequence[str], option: str) -> dict[str, str]:
    """``NAME=VALUE`` options into a dict; a malformed or repeated name is a ConfigError."""
    out: dict[str, str] = {}
    for item in values:
        name, sep, value = item.partition("=")
        name = name.strip()
        if not sep or not name:
            raise ConfigError(f"{option} expects NAME=VALUE, got {item!r}")
        if name in out:
            raise ConfigError(f"{option} {name} is given twice")
        out[name] = value
    return out


def input_value(text: str) -> Any:
    """An input's value: JSON when it parses (``12``, ``true``, ``["a","b"]``, ``"12"``),
    otherwise the text itself (``EMEA``)."""
    try:
        return json.loads(text)
    except ValueError:
        return text


def parse_inputs(values: Sequence[str], option: str = "--input") -> dict[str, Any]:
    return {name: input_value(v) for name, v in parse_pairs(values, option).items()}
