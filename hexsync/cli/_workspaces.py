"""``hexsync.yaml`` for the commands: the workspace chosen with ``-w``, its layers, ``--all``.

With a workspace chosen, its ``api_url`` and token source replace ``--api-url``/``HEX_API_URL``
and ``--token-file``/``HEX_API_TOKEN``: a token is only ever sent to its own workspace's host.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

import click

from hexsync.cli._files import manifest_paths
from hexsync.cli._globals import GlobalOptions
from hexsync.errors import (
    EXIT_CHANGES,
    EXIT_ERROR,
    EXIT_OK,
    EXIT_REFUSED,
    ConfigError,
    HexsyncError,
)
from hexsync.hexapi.config import normalize_base_url
from hexsync.manifest import CheckResult, Problem, check, load
from hexsync.manifest.layers import Overrides, check_layers, load_layers
from hexsync.manifest.workspaces import (
    CONFIG_NAME,
    WorkspaceConfig,
    WorkspacesFile,
    find_config,
    load_config,
    read_config,
)
from hexsync.values.desired import Desired

__all__ = [
    "Section",
    "check_for",
    "combine_exit_codes",
    "desired_for",
    "each_workspace",
    "overrides_for",
    "read_workspaces",
    "run_all_workspaces",
    "validate_all",
    "with_workspace",
]


def read_workspaces(config: Path | None) -> WorkspacesFile:
    """``--config FILE``, else ``hexsync.yaml`` here or in a folder above."""
    path = config if config is not None else find_config(Path.cwd())
    if path is None:
        raise ConfigError(
            f"no {CONFIG_NAME} in this folder or any above it",
            hint=f"run from the repository that holds {CONFIG_NAME}, or pass --config FILE"
            " (docs/workspaces.md)",
        )
    if not path.is_file():
        raise ConfigError(f"--config {path}: no such file")
    return load_config(path)


def with_workspace(
    opts: GlobalOptions, config: WorkspacesFile, workspace: WorkspaceConfig
) -> GlobalOptions:
    """``opts`` for ``workspace``: its host, its token source and nothing of another's."""
    try:
        normalize_base_url(workspace.api_url)
    except ConfigError as exc:
        raise ConfigError(
            f"{workspace.mark}: workspace '{workspace.name}': {exc.message}", hint=exc.hint
        ) from None
    return replace(
        opts,
        api_url=workspace.api_url,
        token_file=workspace.token_file,
        token_env=workspace.token_env,
        workspaces=config,
        workspace=workspace,
    )


def _overrides(config: WorkspacesFile, workspace: WorkspaceConfig) -> Overrides | None:
    if workspace.policy is None:
        return None
    return Overrides(config.document, ("workspaces", workspace.index, "policy"), workspace.policy)


def overrides_for(config: WorkspacesFile, workspace: WorkspaceConfig) -> Overrides | None:
    """The workspace's ``policy:`` in hexsync.yaml as a last layer (``serve`` reads each
    workspace's layers under a root of its own)."""
    return _overrides(config, workspace)


def _layers(workspace: WorkspaceConfig) -> list[list[str]]:
    return [[str(layer)] for layer in workspace.layers]


def desired_for(
    opts: GlobalOptions,
    paths: tuple[str, ...],
    on_warning: Callable[[Problem], None] | None = None,
) -> Desired:
    """The manifests at ``paths``; with none given and a workspace chosen, its layers merged."""
    if not paths and opts.workspace is not None and opts.workspaces is not None:
        return load_layers(
            _layers(opts.workspace),
            overrides=_overrides(opts.workspaces, opts.workspace),
            on_warning=on_warning,
        )
    return load(manifest_paths(paths), on_warning=on_warning)


def check_for(opts: GlobalOptions, paths: tuple[str, ...]) -> CheckResult:
    """``desired_for`` without raising: every problem, for ``validate``."""
    if not paths and opts.workspace is not None and opts.workspaces is not None:
        return check_layers(
            _layers(opts.workspace), overrides=_overrides(opts.workspaces, opts.workspace)
        )
    return check(manifest_paths(paths))


@dataclass(frozen=True)
class Section:
    """One workspace of ``--all``: its options, or the error that stopped it before any
    request (a missing token, a bad host), which fails that workspace alone."""

    workspace: WorkspaceConfig
    opts: GlobalOptions | None
    error: ConfigError | None = None

    @property
    def heading(self) -> str:
        return f"Workspace {self.workspace.name} ({self.workspace.api_url})"


def each_workspace(opts: GlobalOptions) -> Iterator[Section]:
    """Every workspace of ``hexsync.yaml`` in its order, for ``plan --all`` and ``drift --all``."""
    config = opts.workspaces or read_workspaces(opts.config)
    for workspace in config.workspaces:
        try:
            yield Section(workspace, with_workspace(opts, config, workspace))
        except ConfigError as exc:
            yield Section(workspace, None, exc)


def _files_of(workspace: str) -> Callable[[Path | None], Path | None]:
    """A file option's value with ``{workspace}`` replaced by ``workspace``'s name."""

    def named(path: Path | None) -> Path | None:
        return Path(str(path).replace("{workspace}", workspace)) if path else None

    return named


def run_all_workspaces(
    opts: GlobalOptions,
    paths: tuple[str, ...],
    output: str,
    *,
    verb: str,
    files: Mapping[str, tuple[Path | None, str]],
    run: Callable[[GlobalOptions, Callable[[Path | None], Path | None]], int],
) -> int:
    """``--all`` of ``plan`` and ``drift``: every workspace of hexsync.yaml in turn, one section
    each under its heading; the worst exit code wins. A workspace that fails (its token
    missing, its host bad, any error of its run) fails alone, its error in its section.

    ``verb`` says what the command does to every workspace (the usage error's words).
    ``files``: each file option (``--out``) → its value and an example of a name holding
    ``{workspace}``, which a set value must hold. ``run(opts, named)`` runs one workspace with
    its options; ``named`` turns a file option's value into that workspace's file."""
    if paths or opts.workspace is not None:
        raise click.UsageError(f"--all {verb} every workspace of hexsync.yaml: no PATHS, no -w")
    if output == "json":
        raise click.UsageError("--all prints one section per workspace: text or markdown")
    for option, (value, example) in files.items():
        if value is not None and "{workspace}" not in str(value):
            raise click.UsageError(
                f"{option} with --all: put {{workspace}} in the name, e.g. {example}"
            )
    codes = []
    for section in each_workspace(opts):
        heading = section.heading
        click.echo(f"## {heading}\n" if output == "markdown" else f"=== {heading} ===")
        try:
            if section.error is not None:
                raise section.error
            assert section.opts is not None
            code = run(section.opts, _files_of(section.workspace.name))
        except HexsyncError as exc:
            click.echo(f"error: {exc}")
            code = exc.exit_code
        codes.append(code)
        click.echo("")
    return combine_exit_codes(codes)


# Worst last: nothing to do, changes, refused by a guardrail, and an error (no plan at all).
_SEVERITY = (EXIT_OK, EXIT_CHANGES, EXIT_REFUSED, EXIT_ERROR)


def combine_exit_codes(codes: list[int]) -> int:
    """The worst of the workspaces' exit codes (docs/workspaces.md): error, then refused,
    then changes, then none; a code not in that order (4: some writes failed) counts as an
    error's peer and wins over refused."""
    worst = EXIT_OK
    for code in codes:
        rank = _SEVERITY.index(code) if code in _SEVERITY else len(_SEVERITY)
        if rank > (_SEVERITY.index(worst) if worst in _SEVERITY else len(_SEVERITY)):
            worst = code
    return worst


def root_workspace_options(
    ctx: click.Context, opts: GlobalOptions, workspace: str | None
) -> GlobalOptions:
    """The root's options once ``--workspace`` is read (refusing a host or token given beside
    it: the workspace names its own)."""
    if workspace is None:
        return opts
    for name, option in (("api_url", "--api-url"), ("token_file", "--token-file")):
        if ctx.get_parameter_source(name) is click.core.ParameterSource.COMMANDLINE:
            raise click.UsageError(
                f"{option} and --workspace: the workspace names its host and token source in"
                f" {CONFIG_NAME}"
            )
    config = read_workspaces(opts.config)
    return with_workspace(opts, config, config.get(workspace))


def validate_all(opts: GlobalOptions) -> CheckResult | None:
    """``validate`` with no path, beside a ``hexsync.yaml`` (or with ``--config``): the file
    itself, then every workspace's layers merged; None when there is no such file."""
    path = opts.config if opts.config is not None else find_config(Path.cwd())
    if path is None:
        return None
    config, problems = read_config(path)
    if config is None:
        return CheckResult(None, tuple(problems), (str(path),))
    found: dict[Problem, None] = {}  # the base layer's problems once, not once per workspace
    files: dict[str, None] = {config.shown: None}
    desired = None
    ok = True
    for workspace in config.workspaces:
        result = check_layers(_layers(workspace), overrides=_overrides(config, workspace))
        found.update(dict.fromkeys(result.problems))
        files.update(dict.fromkeys(result.files))
        ok = ok and result.ok
        desired = result.desired
    return CheckResult(desired if ok else None, tuple(found), tuple(files))
