"""What the CI glue's tests share: the Acme workspace in an emulator, a checkout of its
manifests, and hexsync itself run in process against that emulator.

- ``hex_url`` → an emulator of examples/acme/seed.yaml on a loopback port (token ``HEX_TOKEN``);
- ``checkout`` → a folder holding the example's manifests in ``manifests/``;
- ``run_hexsync(url, *args)`` → click's result of ``hexsync --api-url URL --rate-limit off ARGS``.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from ci_support import ACME

from hexsync.emulator.background import running_emulator
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import load_seed


@pytest.fixture
def hex_url() -> Iterator[str]:
    with running_emulator(load_seed(ACME / "seed.yaml"), EmulatorConfig(rate_limits=None)) as url:
        yield url


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    shutil.copytree(ACME / "manifests", tmp_path / "manifests")
    return tmp_path
