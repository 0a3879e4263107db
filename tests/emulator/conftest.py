"""Fixtures of the emulator tests.

- ``served`` → one ``hexsync emulator serve`` process per module (``test_serve.Served``), for
  the tests that only talk to it (none of them stops it).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from test_serve import Served, serve, stop


@pytest.fixture(scope="module")
def served() -> Iterator[Served]:
    running = serve()
    yield running
    if running.process.poll() is None:
        stop(running.process)
