"""Entry point of the ``hexsync`` command and the one place exit codes are decided.

Each command group lives in its own module and is registered here; commands parse options, build
their collaborators, call one library function, render, and return. Errors raised as
``HexsyncError`` become a message on stderr and that error's exit code, never a traceback.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO, Any

import click

from hexsync import __version__
from hexsync.cli._globals import GlobalOptions, hoist_global_options
from hexsync.cli._workspaces import root_workspace_options
from hexsync.cli.access import access
from hexsync.cli.apply import apply
from hexsync.cli.collections import collections
from hexsync.cli.completion import completion
from hexsync.cli.connections import connections
from hexsync.cli.demo import demo
from hexsync.cli.doctor import doctor
from hexsync.cli.drift import drift
from hexsync.cli.embed import embed
from hexsync.cli.emulator import emulator
from hexsync.cli.export import export
from hexsync.cli.groups import groups
from hexsync.cli.mcp import mcp
from hexsync.cli.plan import plan
from hexsync.cli.policy import policy
from hexsync.cli.projects import projects
from hexsync.cli.review import review
from hexsync.cli.runs import runs
from hexsync.cli.schema import schema
from hexsync.cli.serve import history, serve
from hexsync.cli.show import show
from hexsync.cli.show_objects import show_collection, show_group, show_user
from hexsync.cli.slim import slim
from hexsync.cli.unlock import unlock
from hexsync.cli.users import users
from hexsync.cli.validate import validate
from hexsync.errors import EXIT_ERROR, HexsyncError, mask_secrets, remember_secret


class _UsageError(click.UsageError):
    """A usage error shown as every other error is: ``error: …`` then ``hint: …``, exit 1."""

    exit_code = EXIT_ERROR

    def __init__(self, message: str, ctx: click.Context | None, hint: str | None = None) -> None:
        super().__init__(message, ctx)
        self.hint = hint

    def show(self, file: IO[Any] | None = None) -> None:
        stream: IO[Any] = file if file is not None else sys.stderr
        hint = self.hint
        if self.ctx is not None:
            click.echo(self.ctx.get_usage(), file=stream, color=False)
            more = f"'{self.ctx.command_path} --help' shows every option"
            hint = f"{hint}; {more}" if hint else more
        click.echo(f"error: {mask_secrets(self.format_message())}", file=stream)
        if hint:
            click.echo(f"hint: {mask_secrets(hint)}", file=stream)


def _usage_error(exc: click.UsageError) -> _UsageError:
    return _UsageError(exc.format_message(), exc.ctx)


def _os_error_message(exc: OSError) -> str:
    """``PATH: reason`` for a file error (no errno, no temporary names), else the error's text."""
    if exc.strerror and exc.filename is not None:
        return f"{os.fsdecode(exc.filename)}: {exc.strerror}"
    return str(exc) or type(exc).__name__


class HexsyncGroup(click.Group):
    """Maps errors to exit codes at the boundary: ``HexsyncError`` to its own, usage errors to 1.

    Click exits 2 on a usage error, but 2 means "changes present" for ``plan
    --detailed-exitcode``: a mistyped option in CI must not read as a plan with changes.
    """

    def list_commands(self, ctx: click.Context) -> list[str]:  # noqa: ARG002 - click API
        """In the order they are registered (the workflow's), not alphabetically."""
        return list(self.commands)

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if ctx.parent is None:
            args = hoist_global_options(self, args)
        return super().parse_args(ctx, args)

    def make_context(
        self,
        info_name: str | None,
        args: list[str],
        parent: click.Context | None = None,
        **extra: Any,
    ) -> click.Context:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.UsageError as exc:
            raise _usage_error(exc) from exc

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except _UsageError:
            raise
        except click.UsageError as exc:
            raise _usage_error(exc) from exc
        except HexsyncError as exc:
            click.echo(f"error: {exc}", err=True)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            ctx.exit(130)
        except OSError as exc:
            # Files and sockets: say what failed instead of a traceback.
            click.echo(f"error: {mask_secrets(_os_error_message(exc))}", err=True)
            ctx.exit(EXIT_ERROR)


@click.group(cls=HexsyncGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="hexsync")
@click.option(
    "--api-url",
    envvar="HEX_API_URL",
    default="https://app.hex.tech",
    show_default=True,
    help="Hex host (EU https://eu.hex.tech, single-tenant https://NAME.hex.tech). Env HEX_API_URL.",
)
@click.option(
    "--token-file",
    # No exists=True: click's "File 'X' does not exist" would echo a token pasted here.
    type=click.Path(path_type=Path),
    help="Read the API token from this file instead of HEX_API_TOKEN (never pass it on argv).",
)
@click.option(
    "--config",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The workspaces file (default: hexsync.yaml here or in a folder above).",
)
@click.option(
    "-w",
    "--workspace",
    metavar="NAME",
    help="The workspace of hexsync.yaml to talk to: its host, its token, its manifest layers.",
)
@click.option("-v", "--verbose", count=True, help="Log requests to stderr (token redacted).")
@click.option("--no-color", is_flag=True, help="No colour in output (also: NO_COLOR set).")
@click.option(
    "--rate-limit",
    metavar="N/min",
    help="Pace requests below your workspace's limit, e.g. 20/min.",
)
@click.pass_context
def cli(
    ctx: click.Context,
    api_url: str,
    token_file: Path | None,
    config: Path | None,
    workspace: str | None,
    verbose: int,
    no_color: bool,
    rate_limit: str | None,
) -> None:
    """Keep a Hex workspace's access model in git."""
    # Known before anything can fail, so that no message ever shows it (an --api-url with the
    # token pasted into it, say); a --token-file's content is remembered when it is read.
    remember_secret(os.environ.get("HEX_API_TOKEN"))
    opts = GlobalOptions(
        api_url=api_url,
        token_file=token_file,
        verbose=verbose,
        color=not no_color and "NO_COLOR" not in os.environ,
        rate_limit=rate_limit,
        config=config,
    )
    ctx.obj = root_workspace_options(ctx, opts, workspace)


cli.add_command(validate)
cli.add_command(plan)
cli.add_command(apply)
cli.add_command(export)
cli.add_command(show)
cli.add_command(access)
cli.add_command(review)
cli.add_command(runs)
cli.add_command(embed)
cli.add_command(users)
cli.add_command(unlock)
cli.add_command(slim)
cli.add_command(groups)
cli.add_command(collections)
cli.add_command(projects)
cli.add_command(connections)
cli.add_command(mcp)
cli.add_command(emulator)
cli.add_command(demo)
cli.add_command(schema)
cli.add_command(drift)
cli.add_command(serve)
cli.add_command(history)
cli.add_command(completion)
cli.add_command(policy)
cli.add_command(doctor)
groups.add_command(show_group)
collections.add_command(show_collection)
users.add_command(show_user)


def main() -> None:
    """Console-script entry point."""
    sys.exit(cli.main(prog_name="hexsync", standalone_mode=True))
