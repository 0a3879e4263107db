"""Timing of the plan renderings: linear in the number of changes, and small next to the I/O.

Run: python benchmarks/bench_render.py   ("slowdown" is the time per change at 10,000 over the time
per change at 1,000; 1 is linear. Exits 1 when it reaches 10 or
a rendering of 10,000 changes takes 5 seconds or more)
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from hexsync.render import render_json, render_markdown, render_text
from hexsync.values.desired import FrozenMap
from hexsync.values.kinds import Kind
from hexsync.values.plan import (
    AccessImpact,
    Action,
    Change,
    FieldChange,
    ImpactItem,
    Plan,
    WorkspaceInfo,
    order_changes,
)

WS = WorkspaceInfo("https://app.hex.tech", "5a8591dd-4039-49df-9202-96385ba3eff8", "Acme", True)


def _plan(count: int) -> Plan:
    """``count`` project updates of four fields each, and one user losing access per project."""
    changes = [
        Change(
            Kind.PROJECT,
            Action.UPDATE,
            f"Project {i:06d}",
            id=f"{i:08x}-0000-4000-8000-000000000000",
            fields=(
                FieldChange("status", "In development", "Production"),
                FieldChange("sharing.workspace", "NONE", "APP_ONLY"),
                FieldChange("sharing.groups", "CAN_EDIT", "CAN_VIEW", key="Analysts"),
                FieldChange("sharing.users", "CAN_VIEW", None, key=f"user{i}@acme.com"),
            ),
        )
        for i in range(count)
    ]
    impact = [
        AccessImpact(
            f"user{i}@acme.com",
            "user",
            losses=(ImpactItem(f"Project {i:06d}", "CAN_VIEW", None),),
        )
        for i in range(count)
    ]
    everyone = AccessImpact(
        "workspace members",
        "workspace",
        gains=tuple(ImpactItem(f"Project {i:06d}", "NONE", "APP_ONLY") for i in range(count)),
    )
    return Plan(
        workspace=WS,
        changes=order_changes(changes),
        impact=(everyone, *impact),
        unmanaged=FrozenMap({"group": 3, "project": 41}),
    )


RENDERERS: dict[str, Callable[[Plan], str]] = {
    "text": render_text,
    "text (colour)": lambda plan: render_text(plan, color=True),
    "markdown": render_markdown,
    "json": render_json,
}


def _best_of(fn: Callable[[Plan], str], plan: Plan, runs: int = 3) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        fn(plan)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    small, large = _plan(1_000), _plan(10_000)
    ok = True
    print(f"{'rendering':<16} {'1,000':>10} {'10,000':>10}  {'slowdown':>10}")
    for name, fn in RENDERERS.items():
        t_small, t_large = _best_of(fn, small), _best_of(fn, large)
        ratio = (t_large / 10) / t_small if t_small else 0.0
        verdict = "ok" if ratio < 10 and t_large < 5 else "NOT LINEAR"
        ok = ok and verdict == "ok"
        times = f"{t_small * 1000:8.1f} ms {t_large * 1000:8.1f} ms"
        print(f"{name:<16} {times}  {ratio:10.2f}  {verdict}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
