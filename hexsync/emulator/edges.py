"""The emulator's edge behaviour around the API: rate limits and fault injection.

``wrap_edges`` wraps the bare API app with the middlewares that ``EmulatorConfig`` asks for.
"""

from __future__ import annotations

from starlette.types import ASGIApp

from hexsync.emulator.clock import Clock
from hexsync.emulator.config import EmulatorConfig


def wrap_edges(app: ASGIApp, config: EmulatorConfig, clock: Clock) -> ASGIApp:
    """The app wrapped in rate limiting and fault injection as configured (placeholder: as is)."""
    del config, clock
    return app
