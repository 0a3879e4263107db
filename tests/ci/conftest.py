"""What the CI glue's tests share: the Acme workspace in an emulator, a checkout of its
manifests, and hexsync itself run in process against that emulator.

- ``hex_url`` → an emulator of examples/acme/seed.yaml on a loopback port (token ``HEX_TOKEN``);
- ``checkout`` → a folder holding the example's manifests in ``manifests/``;
- ``emulators`` → the example twice, as a US and an EU workspace, each knowing its own two
  tokens (``ci_support.TOKENS``): ``{"us": URL, "eu": URL}``;
- ``run_hexsync(url, *args)`` → click's result of ``hexsync --api-url URL --rate-limit off ARGS``.
"""

from __future__ import annotations

import copy
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from acme import EXAMPLE_MANIFESTS, EXAMPLE_SEED, serving_example
from ci_support import ORGS, TOKENS

from hexsync.emulator.background import running_emulator
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import Seed


@pytest.fixture
def hex_url() -> Iterator[str]:
    with serving_example() as url:
        yield url


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    shutil.copytree(EXAMPLE_MANIFESTS, tmp_path / "manifests")
    return tmp_path


@pytest.fixture
def emulators() -> Iterator[dict[str, str]]:
    data = yaml.safe_load(EXAMPLE_SEED.read_text(encoding="utf-8"))
    seeds = {}
    for name, tokens in TOKENS.items():
        seed = copy.deepcopy(data)
        seed["org"] = {"id": ORGS[name], "name": f"Acme {name.upper()}"}
        seed["tokens"] = [{"token": t, "kind": "workspace"} for t in tokens.values()]
        seeds[name] = Seed.from_dict(seed, source=f"{name} seed")
    fast = EmulatorConfig(rate_limits=None)
    with running_emulator(seeds["us"], fast) as us, running_emulator(seeds["eu"], fast) as eu:
        yield {"us": us, "eu": eu}
