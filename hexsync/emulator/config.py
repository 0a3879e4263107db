"""How an emulator instance behaves beyond its seed: clock, rate limits, faults, persistence."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from hexsync.emulator.operations import HEX_API, HEX_API_30RPM, HEX_RUN_KERNEL

MINUTE = 60.0
HOUR = 3600.0


@dataclass(frozen=True)
class Window:
    """At most ``limit`` requests per ``seconds`` (emulated time), counted per token."""

    limit: int
    seconds: float


# The documented defaults (docs/hex-api.md, "Rate limits").
DEFAULT_RATE_LIMITS: dict[str, tuple[Window, ...]] = {
    HEX_API: (Window(30, MINUTE), Window(1800, HOUR)),
    HEX_API_30RPM: (Window(30, MINUTE),),
    HEX_RUN_KERNEL: (Window(20, MINUTE), Window(60, HOUR)),
}


@dataclass(frozen=True)
class EmulatorConfig:
    """Everything but the seed. The defaults are a well-behaved workspace at Hex's own limits."""

    time_scale: float = 1.0
    # None: no rate limiting at all (the default for in-process tests that are not about limits).
    rate_limits: dict[str, tuple[Window, ...]] | None = field(
        default_factory=lambda: dict(DEFAULT_RATE_LIMITS)
    )
    fault_rate: float = 0.0
    fault_seed: int | None = None
    fault_delay_seconds: float = 3.0  # emulated seconds a ``delay`` fault holds a request
    state_path: Path | None = None
    kernel_limit: int = 25  # running kernels per workspace before RunProject answers 503
    run_pending_seconds: float = 2.0  # emulated seconds a run stays PENDING
    run_running_seconds: float = 10.0  # then RUNNING, then COMPLETED
    # Unknown keys in a request body: ignored where Hex's published document allows them and a
    # 400 where it forbids them (False), or a 400 on every write (True: ``emulator serve
    # --strict-bodies``; hexsync's own tests use it). See ``bodies``.
    strict_bodies: bool = False
