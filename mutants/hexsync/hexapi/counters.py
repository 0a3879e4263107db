"""What the client did: requests per operation, retries, 429s, time spent waiting."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Counters:
    """Mutable tallies kept by one client (for ``-v`` and benchmarks)."""

    requests: Counter[str] = field(default_factory=Counter)  # attempts sent, by operationId
    retries: Counter[str] = field(default_factory=Counter)  # attempts after the first
    rate_limited: int = 0  # 429 answers received
    faults: int = 0  # 5xx answers, timeouts and dropped connections seen
    pacing_wait: float = 0.0  # seconds held back by client-side pacing
    backoff_wait: float = 0.0  # seconds slept between retries (incl. Retry-After)

    @property
    def total_requests(self) -> int:
        return sum(self.requests.values())

    @property
    def total_retries(self) -> int:
        return sum(self.retries.values())

    @property
    def waited(self) -> float:
        return self.pacing_wait + self.backoff_wait

    def as_dict(self) -> dict[str, Any]:
        return {
            "requests": dict(sorted(self.requests.items())),
            "total_requests": self.total_requests,
            "retries": dict(sorted(self.retries.items())),
            "total_retries": self.total_retries,
            "rate_limited": self.rate_limited,
            "faults": self.faults,
            "pacing_wait_s": round(self.pacing_wait, 3),
            "backoff_wait_s": round(self.backoff_wait, 3),
        }

    def summary(self) -> str:
        """One line: ``12 requests (ListProjects 10, Me 1, ListUsers 1), 2 retries, …``."""
        per_op = ", ".join(f"{op} {n}" for op, n in self.requests.most_common())
        return (
            f"{_count(self.total_requests, 'request')} ({per_op or 'none'}), "
            f"{_count(self.total_retries, 'retry', 'retries')}, "
            f"{self.rate_limited} rate-limited (429), "
            f"waited {self.pacing_wait:.1f}s pacing + {self.backoff_wait:.1f}s backoff"
        )


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"
