"""Global options after the command: ``hexsync plan -v manifests/`` as kubectl and gh allow.

click only knows a group's options before the subcommand's name. Before parsing, the root
moves its own options found after the command name to the front, unless the command (or a
subcommand on its path) defines an option of that name itself, in which case that one wins.
Values of the command's own options are skipped, so ``--out -v`` is never read as ``-v``;
``--`` ends the search.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from hexsync.manifest.workspaces import WorkspaceConfig, WorkspacesFile


def _names(params: list[click.Parameter]) -> tuple[set[str], set[str]]:
    """(every option name, the names of options that take a value)."""
    every: set[str] = set()
    valued: set[str] = set()
    for param in params:
        if not isinstance(param, click.Option) or not param.expose_value:
            continue  # --version acts at once wherever it is: not moved
        names = set(param.opts) | set(param.secondary_opts)
        every |= names
        if not param.is_flag and not param.count:
            valued |= set(param.opts)
    return every, valued


def hoist_global_options(root: click.Group, args: list[str]) -> list[str]:
    """``args`` with the root's options that follow the command name moved before it."""
    global_names, global_valued = _names(root.params)
    # The command path: the root's own options come first, then names of (sub)commands.
    i = 0
    while i < len(args) and args[i].startswith("-") and args[i] != "--":
        i += 1 + (args[i] in global_valued)
    if i >= len(args) or args[i] == "--":
        return args
    head, rest = args[:i], args[i:]
    own: set[str] = set()
    own_valued: set[str] = set()
    command: click.Command = root
    # Descend through nested groups named at the start of ``rest`` (``runs trigger``).
    depth = 0
    while isinstance(command, click.Group) and depth < len(rest):
        sub = command.commands.get(rest[depth])
        if sub is None:
            break
        command = sub
        names, valued = _names(command.params)
        own |= names
        own_valued |= valued
        depth += 1
    if depth == 0:
        return args  # an unknown command: let click say so
    moved: list[str] = []
    kept: list[str] = rest[:depth]
    j = depth
    while j < len(rest):
        arg = rest[j]
        if arg == "--":
            kept.extend(rest[j:])
            break
        name = arg.split("=", 1)[0]
        if name in own:
            kept.append(arg)
            if name in own_valued and "=" not in arg and j + 1 < len(rest):
                kept.append(rest[j + 1])
                j += 1
        elif name in global_names or _is_short_count(arg, global_names):
            moved.append(arg)
            if name in global_valued and "=" not in arg and j + 1 < len(rest):
                moved.append(rest[j + 1])
                j += 1
        else:
            kept.append(arg)
        j += 1
    return head + moved + kept


def _is_short_count(arg: str, global_names: set[str]) -> bool:
    """``-vv``: a repeated short flag of the root (``-v`` is its only short option)."""
    return (
        len(arg) > 2
        and arg[0] == "-"
        and arg[1] != "-"
        and all(f"-{c}" in global_names for c in arg[1:])
        and arg[1:] == arg[1] * (len(arg) - 1)
    )


@dataclass(frozen=True)
class GlobalOptions:
    """Options every command shares; stored on ``ctx.obj``. The token itself is never kept here."""

    api_url: str
    token_file: Path | None
    verbose: int
    color: bool
    rate_limit: str | None
    # hexsync.yaml (docs/workspaces.md): the file named with --config, the one read, and the
    # workspace chosen with --workspace, whose host and token source replace the two above.
    config: Path | None = None
    workspaces: WorkspacesFile | None = None
    workspace: WorkspaceConfig | None = None
    token_env: str | None = None

    @property
    def workspace_name(self) -> str | None:
        return self.workspace.name if self.workspace is not None else None
