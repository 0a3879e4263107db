"""``hexsync completion bash|zsh|fish``: the shell's completion script, from click's own.

click completes commands, options and file paths once the shell has its script; this command
prints that script so nobody has to remember ``_HEXSYNC_COMPLETE=bash_source``.
"""

from __future__ import annotations

import click
from click.shell_completion import get_completion_class

SHELLS = ("bash", "zsh", "fish")


@click.command(short_help="Print the shell completion script (bash, zsh, fish).")
@click.argument("shell", type=click.Choice(SHELLS))
@click.pass_context
def completion(ctx: click.Context, shell: str) -> None:
    """Print the completion script for SHELL on stdout.

    \b
    Install it:
      eval "$(hexsync completion bash)"      # in ~/.bashrc
      eval "$(hexsync completion zsh)"       # in ~/.zshrc
      hexsync completion fish > ~/.config/fish/completions/hexsync.fish
    """
    root = ctx.find_root()
    cls = get_completion_class(shell)
    assert cls is not None  # every name in SHELLS is one of click's
    script = cls(root.command, {}, "hexsync", "_HEXSYNC_COMPLETE").source()
    click.echo(script)
