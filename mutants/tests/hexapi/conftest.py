"""Fixtures of the client tests: an asyncio backend for anyio and a clock that never sleeps."""

from __future__ import annotations

import pytest
from hexapi_support import FakeTime


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()
