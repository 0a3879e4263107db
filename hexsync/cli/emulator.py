"""``hexsync emulator``: the local Hex API emulator (docs/emulator.md)."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from hexsync.cli._files import check_regular
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.ratelimit import parse_rate_limits
from hexsync.emulator.serve import DEFAULT_PORT, serve


@click.group(short_help="The local Hex API emulator (serve).")
def emulator() -> None:
    """The local Hex API emulator: a faithful stand-in for a Hex workspace."""


@emulator.command("serve")
@click.option(
    "--seed",
    "seed_path",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The workspace to start from (JSON or YAML), e.g. examples/acme/seed.yaml.",
)
@click.option(
    "--state",
    "state_path",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Persist the state to this file, so separate processes see one workspace.",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=DEFAULT_PORT,
    show_default=True,
    help="Port to listen on; 0 picks a free one (the URL printed says which).",
)
@click.option(
    "--allow-remote",
    is_flag=True,
    help="Allow a non-loopback --host. The control endpoints (/_emulator/*) have no auth.",
)
@click.option(
    "--time-scale",
    type=click.FloatRange(min=0, min_open=True),
    default=1.0,
    show_default=True,
    help="Emulated seconds per real second: 60 makes a minute of rate limit pass in a second.",
)
@click.option(
    "--fault-rate",
    type=click.FloatRange(0, 1),
    default=0.0,
    show_default=True,
    help="Share of API requests that meet a fault (500/502/503, delay, drop, commit-then-timeout).",
)
@click.option(
    "--fault-seed",
    type=int,
    help="Seed of the fault sequence: the same requests meet the same faults.",
)
@click.option(
    "--fault-delay",
    type=click.FloatRange(min=0),
    default=EmulatorConfig().fault_delay_seconds,
    show_default=True,
    help="Emulated seconds a 'delay' fault holds a request.",
)
@click.option(
    "--rate-limit",
    "rate_limits",
    multiple=True,
    metavar="GROUP=N/UNIT",
    help="Override a rate-limit group (hex-api, hex-api-30rpm, hex-run-kernel), unit s, min or "
    "h; repeat for more windows, e.g. --rate-limit hex-api=60/min --rate-limit hex-api=2000/h.",
)
@click.option("--no-rate-limit", is_flag=True, help="Do not enforce rate limits at all.")
@click.option(
    "--kernel-limit",
    type=click.IntRange(min=1),
    default=EmulatorConfig().kernel_limit,
    show_default=True,
    help="Running kernels per workspace before RunProject answers 503.",
)
@click.option(
    "--strict-bodies",
    is_flag=True,
    help="Refuse unknown keys in request bodies (400) on every write; by default they are "
    "ignored where Hex's published document allows them, refused where it forbids them.",
)
@click.option(
    "--tls",
    is_flag=True,
    help="Serve HTTPS with a throwaway certificate and print the CA file clients should trust "
    "(needs the 'tls' extra: pip install 'hexsync[tls]').",
)
@click.option("-v", "--verbose", count=True, help="Log every request (never its headers).")
@click.pass_context
def serve_command(
    ctx: click.Context,
    seed_path: Path,
    state_path: Path | None,
    host: str,
    port: int,
    allow_remote: bool,
    time_scale: float,
    fault_rate: float,
    fault_seed: int | None,
    fault_delay: float,
    rate_limits: tuple[str, ...],
    no_rate_limit: bool,
    kernel_limit: int,
    strict_bodies: bool,
    tls: bool,
    verbose: int,
) -> None:
    """Serve the emulator over HTTP until stopped (Ctrl-C or SIGTERM).

    It prints the URL it listens on once the socket is bound; point hexsync at it with
    --api-url (or HEX_API_URL) and a token from the seed.
    """
    if no_rate_limit and rate_limits:
        raise click.UsageError("--no-rate-limit and --rate-limit exclude each other")
    if state_path is not None:
        check_regular(state_path, "--state")
    config = EmulatorConfig(
        time_scale=time_scale,
        rate_limits=None if no_rate_limit else parse_rate_limits(rate_limits),
        fault_rate=fault_rate,
        fault_seed=fault_seed,
        fault_delay_seconds=fault_delay,
        state_path=state_path,
        kernel_limit=kernel_limit,
        strict_bodies=strict_bodies,
    )
    verbose += getattr(ctx.obj, "verbose", 0)
    if verbose:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(asctime)s %(message)s"))
        logging.getLogger("uvicorn").addHandler(handler)

    def ready(url: str) -> None:
        click.echo(f"hexsync emulator listening on {url}  (seed: {seed_path})")
        for line in _token_lines(seed_path):
            click.echo(line)

    def trust(ca_path: Path) -> None:
        click.echo(
            f"TLS: a throwaway certificate, removed when the emulator stops; clients trust the"
            f" CA at {ca_path} (e.g. SSL_CERT_FILE={ca_path})"
        )

    serve(
        seed_path,
        config,
        host=host,
        port=port,
        allow_remote=allow_remote,
        access_log=verbose > 0,
        on_ready=ready,
        tls=tls,
        on_tls=trust,
    )
    click.echo("hexsync emulator stopped", err=True)


def _token_lines(seed_path: Path) -> list[str]:
    """The seed's tokens, to use as HEX_API_TOKEN: the emulator's own, never a Hex one."""
    from hexsync.emulator.seed import load_seed  # noqa: PLC0415 - loaded once it listens

    lines = []
    for token in load_seed(seed_path).tokens:
        who = f" of {token['user']}" if token.get("user") else ""
        lines.append(f"  token {token['token']} ({token.get('kind', 'workspace')}{who})")
    if lines:
        lines.insert(0, "The seed's tokens (HEX_API_TOKEN; the emulator's own, not Hex's):")
    return lines


@emulator.command("seed", short_help="Write a test workspace of any size (a seed file).")
@click.option(
    "--projects", type=click.IntRange(min=0), default=100, show_default=True, help="Projects."
)
@click.option("--users", type=click.IntRange(min=1), default=50, show_default=True, help="Users.")
@click.option("--groups", type=click.IntRange(min=0), default=10, show_default=True, help="Groups.")
@click.option(
    "--collections",
    type=click.IntRange(min=0),
    default=5,
    show_default=True,
    help="Collections.",
)
@click.option(
    "--members", type=click.IntRange(min=0), default=20, show_default=True, help="Per group."
)
@click.option(
    "--seed-number", type=int, default=1, show_default=True, help="The same number, the same file."
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    required=True,
    help="Where to write the seed (YAML).",
)
def seed_command(
    projects: int,
    users: int,
    groups: int,
    collections: int,
    members: int,
    seed_number: int,
    out: Path,
) -> None:
    """Write a test workspace of any size for `emulator serve --seed` (deterministic).

    Serve it with: emulator serve --seed FILE --port 0 (it prints the tokens to use).

    \b
    Examples:
      hexsync emulator seed --projects 200 --users 50 --out big.yaml
    """
    import yaml  # noqa: PLC0415 - only this command writes YAML

    from hexsync.cli._files import check_writable_file, write_atomically  # noqa: PLC0415
    from hexsync.emulator.generate import generate_seed  # noqa: PLC0415

    check_writable_file(out, "--out")
    data = generate_seed(
        projects=projects,
        users=users,
        groups=groups,
        collections=collections,
        members=members,
        seed_number=seed_number,
    )
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    write_atomically(out, text)
    click.echo(
        f"Wrote {out}: {projects} projects, {users} users, {groups} groups, "
        f"{collections} collections; serve it with: hexsync emulator serve --seed {out}"
    )
