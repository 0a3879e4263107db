"""``hexsync mcp``: hexsync's operations as Model Context Protocol tools, served over stdio.

This command only builds the session (the client, the server's policy and directory) and
starts the server; the protocol is :mod:`hexsync.mcp.server`, the tools are
:mod:`hexsync.mcp.tools` (each beside its handler, calling :mod:`hexsync.ops` as the commands
do), the policy binding is :mod:`hexsync.mcp.guard`.

Read-only unless ``--allow-writes``; every write tool also wants ``confirm: true``. One
``HexClient`` serves the whole session; the token comes from ``HEX_API_TOKEN`` or
``--token-file`` and is masked in everything the server writes.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from hexsync.cli.client_factory import build_client
from hexsync.errors import ConfigError
from hexsync.hexapi import HexClient, load_token
from hexsync.hexapi.log import RedactingFilter
from hexsync.mcp.app import build_server
from hexsync.mcp.context import ToolContext
from hexsync.mcp.guard import server_policy

if TYPE_CHECKING:
    from hexsync.cli._globals import GlobalOptions


def _log_to_stderr(verbose: int, secrets: tuple[str, ...]) -> None:
    logger = logging.getLogger("hexsync.mcp")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("hexsync mcp: %(message)s"))
    handler.addFilter(RedactingFilter(secrets))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO if verbose else logging.WARNING)
    logger.propagate = False


@click.command()
@click.option(
    "--allow-writes",
    is_flag=True,
    help="Also offer the tools that change the workspace: apply_plan, trigger_run, cancel_run, "
    "create_embed_url, deactivate_user (each still needs confirm: true).",
)
@click.option(
    "--manifests",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Manifests directory: what validate and plan read when the agent names nothing, the "
    "only directory the tools read or write files in, and (without --policy) the policy that "
    "binds every plan.",
)
@click.option(
    "--policy",
    "policy_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A manifest file whose `policy:` binds every plan and write of this server "
    "(default: the policy in --manifests). Manifests the agent gives may only tighten it.",
)
@click.option(
    "--allow-destroy",
    is_flag=True,
    help="Let the agent's plans and deactivate_user go over policy.max_destroy "
    "(allow_destroy: true). Protect is never lifted.",
)
@click.pass_obj
def mcp(
    opts: GlobalOptions,
    allow_writes: bool,
    manifests: Path | None,
    policy_file: Path | None,
    allow_destroy: bool,
) -> None:
    """Serve hexsync's operations to AI agents over MCP (stdio).

    Read-only unless --allow-writes. The token comes from HEX_API_TOKEN or --token-file, as
    for every command. Standard output carries only protocol messages; logs go to stderr.
    The policy of --policy FILE (or of --manifests) binds every plan and write tool.
    """
    policy = server_policy(policy_file, manifests)
    secrets: tuple[str, ...] = ()
    client: HexClient | None = None
    problem: str | None = None
    try:
        token = load_token(opts.token_file)
        secrets = (token.reveal(),)
        client = build_client(opts)
    except ConfigError as exc:
        problem = str(exc)  # validate still works offline; API tools say what is missing
    _log_to_stderr(opts.verbose, secrets)
    if problem:
        logging.getLogger("hexsync.mcp").warning("%s", problem)
    context = ToolContext(
        client,
        client_problem=problem,
        manifests=manifests.resolve() if manifests else None,
        allow_writes=allow_writes,
        policy=policy,
        allow_destroy=allow_destroy,
    )
    server = build_server(context, secrets=secrets)
    protocol_out = sys.stdout.buffer

    async def run() -> None:
        try:
            await server.serve(sys.stdin.buffer, protocol_out)
        finally:
            if client is not None:
                await client.aclose()

    # Anything printed by mistake goes to stderr: stdout carries protocol messages only.
    with contextlib.redirect_stdout(sys.stderr):
        asyncio.run(run())
