"""``hexsync serve``: the controller (docs/serve.md); ``hexsync history``: what it remembers.

Both need the ``serve`` extra; they import it when run, so a plain install stays light.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib.util
import ipaddress
import os
import secrets
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from hexsync.cli._output import format_options, to_json
from hexsync.errors import ConfigError

if TYPE_CHECKING:
    from hexsync.manifest.workspaces import WorkspacesFile
    from hexsync.serve.daemon import ScaledClock, ServeSettings, Target
    from hexsync.store import Store

DEFAULT_STATE_DIR = ".hexsync-serve"
DB_ENV = "HEXSYNC_SERVE_DB"
F = TypeVar("F", bound=Callable[..., Any])


def need_extra() -> None:
    """Fail with the install line when the ``serve`` extra is missing."""
    for module in ("sqlalchemy", "alembic", "deepdiff", "prometheus_client", "jinja2"):
        if importlib.util.find_spec(module) is None:
            raise ConfigError(
                f"this command needs the serve extra ({module} is missing)",
                hint="pip install 'hexsync[serve]'",
            )


def default_db(state_dir: Path) -> str:
    return f"sqlite:///{(state_dir / 'hexsync.db').absolute()}"


def open_store(db: str | None, state_dir: Path = Path(DEFAULT_STATE_DIR), *, create: bool) -> Store:
    need_extra()
    from hexsync.store import Store  # noqa: PLC0415 - the serve extra

    url = db or os.environ.get(DB_ENV) or default_db(state_dir)
    if not create and url.startswith("sqlite:///"):
        path = Path(url.removeprefix("sqlite:///"))
        if not path.is_file():
            raise ConfigError(
                f"no store at {path}",
                hint="give --db (or HEXSYNC_SERVE_DB) as `hexsync serve` was given it",
            )
    try:
        return Store(url)
    except ConfigError:
        raise
    except Exception as exc:
        raise ConfigError(f"the store does not answer: {type(exc).__name__}: {exc}") from None


def _secret(path: Path | None, env: str, what: str) -> str | None:
    if path is not None:
        try:
            text = path.read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise ConfigError(f"cannot read the {what} file: {exc.strerror or exc}") from None
        if not text:
            raise ConfigError(f"the {what} file is empty")
        return text
    value = os.environ.get(env, "").strip()
    return value or None


def _listen(text: str) -> tuple[str, int]:
    host, sep, port = text.rpartition(":")
    if not sep or not port.isdigit() or not host:
        raise click.BadParameter(f"{text!r}: write HOST:PORT, e.g. 127.0.0.1:8080 (port 0: any)")
    return host, int(port)


def _proxies(given: tuple[str, ...]) -> tuple[str, ...]:
    if not given:
        return ("127.0.0.1", "::1")
    for text in given:
        try:
            ipaddress.ip_network(text.strip(), strict=False)
        except ValueError:
            raise click.BadParameter(
                f"{text!r} is not an address or a network (e.g. 10.0.0.5 or 10.0.0.0/8)",
                param_hint="--trusted-proxy",
            ) from None
    return tuple(t.strip() for t in given)


def _duration(text: str, option: str) -> float:
    from hexsync.values.windows import WindowError, parse_duration  # noqa: PLC0415

    try:
        return parse_duration(text).total_seconds()
    except WindowError as exc:
        raise click.BadParameter(str(exc), param_hint=option) from None


def _store_options(*, db_help: str, state_dir_help: str) -> Callable[[F], F]:
    """``--db`` and ``--state-dir``: where the store is (``serve`` keeps it, ``history`` reads
    it); each command says it in its own words."""

    def decorate(function: F) -> F:
        function = click.option(
            "--state-dir",
            type=click.Path(file_okay=False, path_type=Path),
            default=DEFAULT_STATE_DIR,
            show_default=True,
            help=state_dir_help,
        )(function)
        return click.option("--db", help=db_help)(function)

    return decorate


@click.command(short_help="The controller: reconcile continuously, remember, serve an API.")
@click.option(
    "--manifests",
    "manifests",
    multiple=True,
    type=click.Path(exists=True, path_type=Path),
    help="Manifests folder (read again before every sync). Repeatable.",
)
@click.option(
    "--repo", help="A git repository (URL or path) to clone and fetch the manifests from."
)
@click.option("--branch", default="main", show_default=True, help="With --repo: the branch.")
@click.option(
    "--path", "repo_path", default="manifests", show_default=True, help="With --repo: the folder."
)
@click.option(
    "--mode",
    type=click.Choice(["warn", "heal"]),
    default="warn",
    show_default=True,
    help="warn: record and notify drift; heal: also apply the plan (every guardrail applies).",
)
@click.option("--interval", default="10m", show_default=True, help="Between scheduled syncs.")
@_store_options(
    db_help="The store: sqlite:///PATH or postgresql://USER@HOST/DB (env HEXSYNC_SERVE_DB) "
    "[default: STATE_DIR/hexsync.db].",
    state_dir_help="The git checkout and the default SQLite store go here.",
)
@click.option(
    "--listen",
    default="127.0.0.1:8080",
    show_default=True,
    help="HOST:PORT of the API (port 0: any).",
)
@click.option(
    "-w",
    "--workspace",
    "workspaces",
    multiple=True,
    metavar="NAME",
    help="With hexsync.yaml: a workspace of it to reconcile (repeatable) [default: all of"
    " them]. Without one: the workspace's name in the store [default: default].",
)
@click.option(
    "--admin-token-file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The API's admin token (else HEXSYNC_SERVE_ADMIN_TOKEN).",
)
@click.option(
    "--viewer-token-file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The API's read-only token (else HEXSYNC_SERVE_VIEWER_TOKEN).",
)
@click.option(
    "--webhook-secret-file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Shared secret of /hooks/github and /hooks/gitlab (else HEXSYNC_SERVE_WEBHOOK_SECRET).",
)
@click.option(
    "--trusted-proxy",
    "trusted_proxies",
    multiple=True,
    metavar="ADDR",
    help="A proxy (address or network, e.g. 10.0.0.0/8) whose X-Forwarded-For and "
    "X-Forwarded-Proto are believed. Repeatable. [default: 127.0.0.1 and ::1]",
)
@click.option(
    "--notify", multiple=True, metavar="URL", help="POST events here as JSON. Repeatable."
)
@click.option("--retention", help="Prune history older than this (e.g. 90d) [default: keep all].")
@click.option(
    "--lock-wait",
    default="60s",
    show_default=True,
    help="A heal waits this long for another apply.",
)
@click.option(
    "--time-scale",
    type=click.FloatRange(min=0, min_open=True),
    default=1.0,
    show_default=True,
    help="Seconds of the controller's time per real second (tests and demos, as the emulator's).",
)
@click.option("--demo", is_flag=True, help="Run against the bundled emulator and the Acme example.")
@click.pass_context
def serve(ctx: click.Context, /, **options: Any) -> None:
    """Reconcile workspaces continuously against their manifests, remember every sync, drift
    and change made in Hex, and serve an HTTP API (docs/serve.md).

    Beside a hexsync.yaml (here or in a folder above, or --config FILE), every workspace of it
    (or those named with -w), each with its own host, token, layers, schedule and lock
    (docs/workspaces.md). Without one, the workspace of --api-url and HEX_API_TOKEN.

    \b
    Examples:
      hexsync serve --demo
      hexsync serve --manifests manifests/ --admin-token-file admin.token
      hexsync serve --repo https://github.com/acme/hex-access --branch main --mode heal \\
          --db postgresql://hexsync@db/hexsync --notify https://hooks.slack.com/services/…
      hexsync serve -w us -w eu --admin-token-file admin.token   # beside a hexsync.yaml
    """
    need_extra()
    if options["demo"]:
        _demo(ctx, options)
        return
    if options["manifests"] and options["repo"]:
        raise click.UsageError("--manifests and --repo exclude each other")
    config = _config_of(ctx)
    if config is not None:
        _run_config(ctx, options, config)
        return
    if not options["manifests"] and not options["repo"]:
        raise click.UsageError("give --manifests DIR or --repo URL (or --demo)")
    if len(options["workspaces"]) > 1:
        raise click.UsageError(
            "several workspaces need a hexsync.yaml (docs/workspaces.md); without one, -w names"
            " the one workspace in the store"
        )
    _run(ctx, options, api_url=ctx.obj.api_url)


def _config_of(ctx: click.Context) -> WorkspacesFile | None:
    """hexsync.yaml, when there is one (--config, or here or in a folder above)."""
    from hexsync.cli._workspaces import read_workspaces  # noqa: PLC0415
    from hexsync.manifest.workspaces import find_config  # noqa: PLC0415

    opts = ctx.obj
    if opts.workspaces is not None:  # the root's -w read it already
        return opts.workspaces  # type: ignore[no-any-return]
    if opts.config is None and find_config(Path.cwd()) is None:
        return None
    return read_workspaces(opts.config)


def _settings(options: dict[str, Any], workspace: str) -> ServeSettings:
    from hexsync.serve.daemon import ServeSettings  # noqa: PLC0415

    host, port = _listen(options["listen"])
    settings = ServeSettings(
        workspace=workspace,
        mode=options["mode"],
        interval=_duration(options["interval"], "--interval"),
        host=host,
        port=port,
        admin_tokens=tuple(
            t
            for t in [
                _secret(options["admin_token_file"], "HEXSYNC_SERVE_ADMIN_TOKEN", "admin token")
            ]
            if t
        ),
        viewer_tokens=tuple(
            t
            for t in [
                _secret(options["viewer_token_file"], "HEXSYNC_SERVE_VIEWER_TOKEN", "viewer token")
            ]
            if t
        ),
        webhook_secret=_secret(
            options["webhook_secret_file"], "HEXSYNC_SERVE_WEBHOOK_SECRET", "webhook secret"
        ),
        branch=options["branch"] if options["repo"] else None,
        trusted_proxies=_proxies(options["trusted_proxies"]),
        notify=tuple(options["notify"]),
        retention=_duration(options["retention"], "--retention") if options["retention"] else None,
        lock_wait=_duration(options["lock_wait"], "--lock-wait"),
    )
    if settings.interval <= 0:
        raise click.BadParameter("must be more than 0s", param_hint="--interval")
    return settings


def _run(
    ctx: click.Context,
    options: dict[str, Any],
    *,
    api_url: str,
    token: str | None = None,
    rate_limit_off: bool = False,
) -> None:
    """One workspace: --api-url and HEX_API_TOKEN (or --token-file), as before hexsync.yaml."""
    from hexsync.cli.client_factory import build_client  # noqa: PLC0415
    from hexsync.serve.daemon import ScaledClock, Target  # noqa: PLC0415
    from hexsync.serve.source import GitSource, ManifestSource, Source  # noqa: PLC0415

    state_dir: Path = options["state_dir"]
    chosen = options["workspaces"] or (ctx.obj.workspace_name,)
    settings = _settings(options, chosen[0] or "default")
    source: Source
    if options["repo"]:
        source = GitSource(
            options["repo"], options["branch"], options["repo_path"], state_dir / "checkout"
        )
    else:
        source = ManifestSource(list(options["manifests"]))
    clock = ScaledClock(options["time_scale"])
    opts = ctx.obj
    if token is not None or rate_limit_off:
        from dataclasses import replace  # noqa: PLC0415

        opts = replace(
            opts, api_url=api_url, rate_limit="off" if rate_limit_off else opts.rate_limit
        )
    environ = {**os.environ, "HEX_API_TOKEN": token} if token is not None else None
    client = build_client(opts, environ=environ, clock=clock.monotonic, sleep=clock.sleep)
    target = Target(settings.workspace, source, client=client, api_url=opts.api_url)
    _serve(ctx, options, settings, [target], clock, client)


def _run_config(ctx: click.Context, options: dict[str, Any], config: WorkspacesFile) -> None:
    """Every workspace of hexsync.yaml (or those named with -w): each its own host, token,
    layers, schedule and lock. A workspace whose client cannot be made fails alone."""
    from hexsync.cli._workspaces import overrides_for, with_workspace  # noqa: PLC0415
    from hexsync.cli.client_factory import build_client  # noqa: PLC0415
    from hexsync.hexapi import HexClient  # noqa: PLC0415
    from hexsync.manifest.workspaces import WorkspaceConfig  # noqa: PLC0415
    from hexsync.serve.daemon import ScaledClock, Target  # noqa: PLC0415
    from hexsync.serve.source import GitSource, Layers, ManifestSource, Source  # noqa: PLC0415

    root_ctx = ctx.find_root()
    for name, option in (("api_url", "--api-url"), ("token_file", "--token-file")):
        if root_ctx.get_parameter_source(name) is click.core.ParameterSource.COMMANDLINE:
            raise click.UsageError(
                f"{option} and {config.shown}: each workspace names its host and token source there"
            )
    if len(options["manifests"]) > 1:
        raise click.UsageError(
            f"with {config.shown}, --manifests names one folder: the root its workspaces'"
            " layers are read under"
        )
    opts = ctx.obj
    names = [*options["workspaces"], *([opts.workspace_name] if opts.workspace_name else [])]
    chosen = [config.get(n) for n in dict.fromkeys(names)] or list(config.workspaces)
    state_dir: Path = options["state_dir"]
    settings = _settings(options, chosen[0].name)
    clock = ScaledClock(options["time_scale"])
    folder = config.path.parent
    repo_root = options["repo_path"] if _given(ctx, "repo_path") else "."
    withheld = tuple(sorted({w.token_env for w in config.workspaces if w.token_env}))

    def connect(workspace: WorkspaceConfig) -> Callable[[], HexClient]:
        def make() -> HexClient:
            ws_opts = with_workspace(opts, config, workspace)
            return build_client(ws_opts, clock=clock.monotonic, sleep=clock.sleep)

        return make

    targets: list[Target] = []
    for workspace in chosen:
        relative = tuple(
            Path(os.path.relpath(layer, folder)).as_posix() for layer in workspace.layers
        )
        layers = Layers(workspace.name, relative, overrides_for(config, workspace))
        source: Source
        if options["repo"]:
            source = GitSource(
                options["repo"],
                options["branch"],
                repo_root,
                state_dir / "checkouts" / workspace.name,
                layers=layers,
                withheld=withheld,
            )
            watched = tuple(os.path.normpath(f"{repo_root}/{r}") for r in relative)
        else:
            root = options["manifests"][0] if options["manifests"] else folder
            source = ManifestSource.layered(Path(root), layers)
            watched = relative
        targets.append(
            Target(
                workspace.name,
                source,
                connect=connect(workspace),
                api_url=workspace.api_url,
                watched=watched,
            )
        )
    _serve(ctx, options, settings, targets, clock)


def _given(ctx: click.Context, name: str) -> bool:
    return ctx.get_parameter_source(name) is click.core.ParameterSource.COMMANDLINE


def _serve(
    ctx: click.Context,
    options: dict[str, Any],
    settings: ServeSettings,
    targets: list[Target],
    clock: ScaledClock,
    client: Any = None,
) -> None:
    """Run the daemon over ``targets`` until it stops; ``client`` (one workspace's) is closed
    at the end."""
    from hexsync.serve.daemon import Daemon  # noqa: PLC0415

    store = open_store(options["db"], options["state_dir"], create=True)

    def out(text: str) -> None:
        click.echo(text)
        sys.stdout.flush()

    async def main() -> int:
        async with contextlib.AsyncExitStack() as stack:
            if client is not None:
                await stack.enter_async_context(client)
            return await Daemon(settings, store=store, targets=targets, clock=clock, out=out).run()

    try:
        code = asyncio.run(main())
    finally:
        store.close()
    ctx.exit(code)


def _demo(ctx: click.Context, options: dict[str, Any]) -> None:
    from hexsync.cli.demo import packaged_example  # noqa: PLC0415
    from hexsync.emulator.background import running_emulator  # noqa: PLC0415
    from hexsync.emulator.config import EmulatorConfig  # noqa: PLC0415
    from hexsync.emulator.seed import load_seed  # noqa: PLC0415

    example = packaged_example()
    seed = load_seed(example / "seed.yaml")
    folder = Path(tempfile.mkdtemp(prefix="hexsync-serve-demo-"))
    admin = folder / "admin.token"
    admin.write_text(secrets.token_urlsafe(24) + "\n", encoding="utf-8")
    admin.chmod(0o600)
    options = {
        **options,
        "manifests": (example / "manifests",),
        "repo": None,
        "admin_token_file": admin,
        "state_dir": folder,
        "db": options["db"] or default_db(folder),
    }
    if options["interval"] == "10m":
        options["interval"] = "30s"
    with running_emulator(seed, EmulatorConfig(rate_limits=None)) as url:
        click.echo(
            f"hexsync serve --demo: the Acme example's manifests against an emulated workspace on"
            f" {url}\n  the store: {options['db']}\n  the API's admin token is in {admin}:\n"
            f'  curl -H "Authorization: Bearer $(cat {admin})" http://HOST:PORT/api/status\n'
            "  the dashboard: http://HOST:PORT/ (sign in with that token)\n"
            "  Ctrl-C stops it.",
            err=True,
        )
        _run(ctx, options, api_url=url, token=seed.token_for(None), rate_limit_off=True)


@click.command(short_help="What hexsync serve remembers: syncs, drift, changes made in Hex.")
@click.option(
    "--since", help="From this time (2027-01-03, 2027-01-03T10:00, or 7d for 7 days ago)."
)
@click.option(
    "--object", "subject", metavar="NAME", help="Only what names this object, field or person."
)
@_store_options(
    db_help="The store, as given to `hexsync serve` (env HEXSYNC_SERVE_DB).",
    state_dir_help="As given to `hexsync serve` (the default store is there).",
)
@click.option(
    "--store-workspace",
    "workspace",
    help="The workspace's name in the store, when it holds several (default: -w's, when given).",
)
@click.option(
    "--limit", type=click.IntRange(min=1), default=200, show_default=True, help="At most this many."
)
@format_options(help="text for people, json for scripts.")
def history(
    since: str | None,
    subject: str | None,
    db: str | None,
    state_dir: Path,
    workspace: str | None,
    limit: int,
    output: str,
) -> None:
    """The timeline of syncs, drift opened and resolved, and changes made in Hex (by anyone;
    hexsync's own heals are marked), newest first. Reads the store only: no Hex token.

    \b
    Examples:
      hexsync history --since 7d
      hexsync history --object "Revenue overview" --db sqlite:///.hexsync-serve/hexsync.db
      hexsync history --object alice@acme.com --json
    """
    from hexsync.ops.history import event_line, history_events, parse_when, pick_workspace  # noqa: PLC0415

    store = open_store(db, state_dir, create=False)
    try:
        chosen = getattr(click.get_current_context().obj, "workspace_name", None)
        name = pick_workspace(store, workspace or chosen)
        when = parse_when(since, option="--since") if since else None
        events = history_events(store, name, since=when, subject=subject, limit=limit)
    finally:
        store.close()
    if output == "json":
        click.echo(to_json({"workspace": name, "events": events}))
        return
    if not events:
        click.echo(
            "Nothing recorded"
            + (" about that" if subject else "")
            + (" since then." if since else ".")
        )
        return
    for event in events:
        click.echo(event_line(event))
