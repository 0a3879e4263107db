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
from acme import EXAMPLE_MANIFESTS, serving_example


@pytest.fixture
def hex_url() -> Iterator[str]:
    with serving_example() as url:
        yield url


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    shutil.copytree(EXAMPLE_MANIFESTS, tmp_path / "manifests")
    return tmp_path
