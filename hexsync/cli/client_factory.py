"""Build the Hex API client from the global command-line options (docs/client.md).

The token comes from ``--token-file`` or ``HEX_API_TOKEN``, never from argv. ``-v`` turns on the
redacted request log on stderr and, when the client closes, a one-line summary of its counters.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Awaitable, Callable, Mapping
from pathlib import Path
from typing import Any, Protocol

import httpx

from hexsync.hexapi import TOKEN_ENV, HexClient, Token, load_token, parse_rate_limit
from hexsync.hexapi.log import disable_stderr_log, enable_stderr_log


class ClientOptions(Protocol):
    """The part of ``hexsync.cli._globals.GlobalOptions`` the client needs."""

    @property
    def api_url(self) -> str: ...

    @property
    def token_file(self) -> os.PathLike[str] | None: ...

    @property
    def verbose(self) -> int: ...

    @property
    def rate_limit(self) -> str | None: ...


def token_for(opts: ClientOptions, *, environ: Mapping[str, str] | None = None) -> Token:
    """The token of ``opts``: ``--token-file`` or ``HEX_API_TOKEN``; with ``--workspace``, the
    workspace's own variable or file (hexsync.yaml), never ``HEX_API_TOKEN``."""
    env_name = getattr(opts, "token_env", None) or TOKEN_ENV
    workspace = getattr(opts, "workspace_name", None)
    return load_token(
        Path(opts.token_file) if opts.token_file is not None else None,
        environ=environ,
        env_name=env_name,
        owner=f"workspace '{workspace}'" if workspace else None,
    )


def build_client(
    opts: ClientOptions,
    *,
    environ: Mapping[str, str] | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
    clock: Callable[[], float] | None = None,
    sleep: Callable[[float], Awaitable[None]] | None = None,
) -> HexClient:
    """A ready (not yet used) :class:`HexClient` for ``opts``; raises ConfigError on bad input.

    ``--rate-limit off`` turns client-side pacing off (a local emulator without limits).
    ``clock`` and ``sleep`` replace the client's time (``serve --time-scale``).
    """
    token = token_for(opts, environ=environ)
    pacing = True
    cap = None
    if opts.rate_limit is not None:
        if opts.rate_limit.strip().lower() in {"off", "none", "0"}:
            pacing = False
        else:
            cap = parse_rate_limit(opts.rate_limit)
    if opts.verbose:
        enable_stderr_log(logging.INFO, secrets=[token.reveal()])
    else:
        disable_stderr_log()
    timing: dict[str, Any] = {}
    if clock is not None:
        timing["clock"] = clock
    if sleep is not None:
        timing["sleep"] = sleep
    return HexClient(
        token,
        opts.api_url,
        transport=transport,
        rate_limit=cap,
        pacing=pacing,
        notify=_progress_line,
        **timing,
    )


def _progress_line(text: str) -> None:
    """The client's progress lines (long reads, rate-limit waits, retries): on stderr, TTY or
    not, so that a CI log shows why a step takes minutes; stdout stays the command's output."""
    # On a terminal, apply's counter line may be open (rewritten in place): take its place.
    start = "\r\033[K" if sys.stderr.isatty() else ""
    sys.stderr.write(f"{start}hexsync: {text}\n")
    sys.stderr.flush()
