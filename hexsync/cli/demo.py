"""``hexsync demo``: the whole loop against a local emulator, no Hex account needed.

It serves the Acme example's ``seed.yaml`` on a loopback port, validates its ``manifests/``,
plans, applies, and plans again, through exactly the functions ``validate``, ``plan`` and
``apply`` use. Nothing outside the emulator (which lives only as long as the command) is
touched. The example ships inside the package (``hexsync/examples`` is the repository's
``examples/``), so the demo runs from any directory after a plain install.
"""

from __future__ import annotations

import asyncio
import sys
from importlib import resources
from pathlib import Path

import click

from hexsync.apply.execute import apply_plan
from hexsync.cli._output import heading
from hexsync.cli.apply import ProgressPrinter, finish_report
from hexsync.emulator.background import running_emulator
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import load_seed
from hexsync.errors import ConfigError
from hexsync.hexapi import HexClient
from hexsync.manifest import check
from hexsync.ops.validate import summary_line
from hexsync.planning.planner import make_plan, read_and_plan
from hexsync.render import render_text
from hexsync.values.plan import Plan


def packaged_example() -> Path:
    """The Acme example inside the installed package (a real folder: wheels install unzipped)."""
    return Path(str(resources.files("hexsync") / "examples" / "acme"))


def _step(number: int, title: str, color: bool) -> None:
    click.echo("\n" + heading(f"{number}. {title}", color=color))


@click.command(short_help="The whole loop against a built-in emulator (no account).")
@click.option(
    "--example",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="A folder with seed.yaml (the emulated workspace) and manifests/ "
    "[default: the Acme example shipped with hexsync].",
)
@click.option(
    "--keep-serving",
    is_flag=True,
    help="Leave the emulator running afterwards (Ctrl-C stops it) to try commands by hand.",
)
@click.pass_context
def demo(ctx: click.Context, example: Path | None, keep_serving: bool) -> None:
    """Validate, plan, apply and plan again against a built-in Hex emulator.

    Runs from any directory: the Acme example ships with hexsync. The emulator is seeded with
    the example's seed.yaml; the manifests differ from it in a few ways the plan shows.
    """
    if example is None:
        example = packaged_example()
    seed_path, manifests = example / "seed.yaml", example / "manifests"
    if not seed_path.is_file() or not manifests.is_dir():
        raise ConfigError(
            f"no example at {example}: expected {seed_path} and {manifests}/",
            hint="pass --example a folder with seed.yaml and manifests/, "
            "or leave it out for the example shipped with hexsync",
        )
    seed = load_seed(seed_path)
    color = ctx.obj.color and sys.stdout.isatty()
    click.echo(heading("hexsync demo: the whole loop against a local Hex emulator", color=color))

    _step(1, f"Validate {manifests}", color)
    result = check([str(manifests)])
    for problem in result.problems:
        click.echo(str(problem))
    click.echo(summary_line(result))
    if result.desired is None or not result.ok:
        raise ConfigError(f"the example manifests in {manifests} do not validate")
    desired = result.desired

    # No rate limits here: the emulator is local. The plan still says what apply costs at Hex's.
    with running_emulator(seed, EmulatorConfig(rate_limits=None)) as url:
        token = seed.token_for(None)
        click.echo(f"\nEmulator: {seed_path} served on {url} (workspace token from the seed)")

        async def loop() -> tuple[Plan, Plan]:
            async with HexClient(token, url, pacing=False) as client:
                _step(2, "Plan: what applying the manifests would change", color)
                first, live = await read_and_plan(client, desired)
                click.echo(render_text(first, color=color), nl=False)
                if not first.empty and not first.refusals:
                    _step(3, "Apply that plan", color)
                    progress = ProgressPrinter(sys.stdout, tty=sys.stdout.isatty())
                    try:
                        report = await apply_plan(client, first, live=live, progress=progress)
                    finally:
                        progress.close()
                    finish_report(report, sys.stdout)
                _step(4, "Plan again: the workspace now matches the manifests", color)
                second = await make_plan(client, desired)
                click.echo(render_text(second, color=color), nl=False)
                return first, second

        first, second = asyncio.run(loop())
        click.echo(
            "\nTry it by hand: hexsync emulator serve --seed "
            f"{seed_path} --port 0, then\n  HEX_API_URL=<its URL> HEX_API_TOKEN={token} "
            f"hexsync plan {manifests}\n(the emulator's demo token from the seed, not a Hex one)"
        )
        if keep_serving:
            click.echo(f"\nThe emulator keeps serving on {url}; Ctrl-C stops it.")
            try:
                while True:
                    asyncio.run(asyncio.sleep(3600))
            except KeyboardInterrupt:
                click.echo("stopped")
    if first.refusals or not second.empty:
        raise ConfigError("the demo did not converge: the second plan still has changes")
