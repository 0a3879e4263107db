"""Every ``Examples:`` line of every ``--help`` runs as written against the bundled example
(examples/acme: its seed served on loopback, its manifests copied to ./manifests), so a new
admin who copies one from the help meets no error the help did not warn about."""

from __future__ import annotations

import asyncio
import datetime as dt
import shlex
import shutil
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from acme import EXAMPLE_MANIFESTS, EXAMPLE_TOKEN, serving_example
from click.testing import CliRunner

from hexsync.cli.main import cli
from hexsync.hexapi import HexClient
from hexsync.serve.cycle import Collaborators, CycleConfig, run_cycle
from hexsync.serve.notify import QueueNotifier
from hexsync.serve.source import ManifestSource
from hexsync.store import Store

pytestmark = pytest.mark.slow

# Asks for confirmation: without a terminal it refuses as documented (exit 1, nothing applied).
NEEDS_A_TERMINAL = {"hexsync apply manifests/"}
# A server runs until stopped: tests/serve starts `hexsync serve` and stops it.
SERVERS = ("hexsync serve",)


def examples(command: click.Command, path: str = "hexsync") -> Iterator[str]:
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            yield from examples(sub, f"{path} {name}")
        return
    text = command.help or ""
    if "Examples:" not in text:
        return
    for raw in text.split("Examples:", 1)[1].splitlines():
        line = raw.strip()
        if line.startswith("hexsync "):
            yield line.split("  #", 1)[0].split(" | ", 1)[0].split(" > ", 1)[0].strip()


ALL = list(examples(cli))


@pytest.fixture(scope="module")
def acme() -> Iterator[str]:
    with serving_example() as url:
        yield url


def test_there_are_examples_to_check() -> None:
    assert len(ALL) >= 10
    assert any(e.startswith("hexsync plan ") for e in ALL)


def test_every_help_example_runs_on_the_bundled_example(
    acme: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shutil.copytree(EXAMPLE_MANIFESTS, tmp_path / "manifests")
    monkeypatch.chdir(tmp_path)
    env = {"HEX_API_URL": acme, "HEX_API_TOKEN": EXAMPLE_TOKEN, "NO_COLOR": "1"}
    remember(acme, tmp_path)
    failures = []
    for example in ALL:
        if example.startswith(SERVERS):
            continue
        args = shlex.split(example)[1:]
        if args[:1] == ["export"]:
            args += ["--force"]  # ./manifests is there already (the other examples need it)
        result = CliRunner().invoke(cli, ["--rate-limit", "off", *args], env=env)
        expected = {1} if example in NEEDS_A_TERMINAL else {0, 2}
        if result.exit_code not in expected:
            failures.append(f"{example}: exit {result.exit_code}\n{result.output}")
    assert not failures, "\n\n".join(failures)


def remember(url: str, folder: Path) -> None:
    """What `hexsync serve --manifests manifests/` leaves in ./.hexsync-serve after one sync, for
    the examples that read its memory (`history`, `access … --at`)."""
    with Store(f"sqlite:///{folder / '.hexsync-serve' / 'hexsync.db'}") as store:

        async def sync() -> None:
            async with HexClient(EXAMPLE_TOKEN, url, pacing=False) as client:
                collaborators = Collaborators(
                    lambda: dt.datetime.now(dt.timezone.utc),
                    client,
                    store,
                    QueueNotifier(store, ()),
                    ManifestSource([folder / "manifests"]),
                )
                await run_cycle(collaborators, CycleConfig("default"))

        asyncio.run(sync())
