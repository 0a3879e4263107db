"""A store filled by real reconcile cycles (the Acme example against the in-process emulator),
and the dashboard served over it with a stand-in for the running process.

The Acme manifests differ from its seed in a few ways, so the first sync is out of sync with a
plan and drift items; then someone shares "Revenue overview" with the workspace in Hex, and a
second sync sees that change.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hexsync.emulator.background import running_emulator
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import load_seed
from hexsync.hexapi import HexClient
from hexsync.serve.api import ApiContext, create_api
from hexsync.serve.cycle import Collaborators, CycleConfig, run_cycle
from hexsync.serve.source import ManifestSource
from hexsync.serve.web.views import store_status
from hexsync.store import Store

ROOT = Path(__file__).resolve().parents[2]
ACME = ROOT / "examples" / "acme"
REVENUE = "0b3f6a51-5b6e-4c43-a4a8-0b1d2b7f3c11"  # "Revenue overview"
ADMIN = "admin-token-for-dashboard-tests"
VIEWER = "viewer-token-for-dashboard-tests"
T0 = dt.datetime(2027, 1, 4, 9, 0, tzinfo=dt.timezone.utc)


class _Quiet:
    def notify(self, workspace: str, events: list[Any], now: dt.datetime) -> None:
        del workspace, events, now


def fill_store(store: Store, workspace: str = "default") -> dict[str, Any]:
    """Two warn-mode syncs of the Acme example, an hour apart, with a change in Hex between
    them; the moments and ids a test asks about."""
    seed = load_seed(ACME / "seed.yaml")
    moments = iter([T0 + dt.timedelta(minutes=m) for m in range(0, 600)])
    clock_now = [T0]

    def clock() -> dt.datetime:
        return clock_now[0]

    with running_emulator(seed, EmulatorConfig(rate_limits=None)) as url:

        async def main() -> list[int]:
            ids = []
            async with HexClient(seed.token_for(None), url, pacing=False) as client:
                collab = Collaborators(
                    clock=clock,
                    client=client,
                    store=store,
                    notifier=_Quiet(),
                    source=ManifestSource([ACME / "manifests"]),
                )
                config = CycleConfig(workspace, "warn", "schedule")
                clock_now[0] = next(moments)
                ids.append((await run_cycle(collab, config)).sync_id)
                await client.edit_project_sharing_workspace_and_public(
                    REVENUE, workspace="CAN_VIEW"
                )
                clock_now[0] = T0 + dt.timedelta(hours=1)
                ids.append((await run_cycle(collab, config)).sync_id)
            return ids

        first, second = asyncio.run(main())
    return {"first": first, "second": second, "before_share": T0 + dt.timedelta(minutes=30)}


@dataclass
class FakeController:
    """The process as the pages see it: its status from the store, and "Sync now" counted."""

    store: Store
    workspace: str = "default"
    triggered: list[str] = field(default_factory=list)

    def workspaces(self) -> list[str]:
        return [self.workspace]

    def status(self, workspace: str) -> dict[str, Any]:
        out = store_status(self.store, workspace)
        out.update(
            role="reconciling",
            interval="10m",
            next_sync_at="2027-01-04T10:10:00.000Z",
            source=str(ACME / "manifests"),
            window={"windows": 0, "open": [], "heals_allowed": True, "reason": None,
                    "until": None},
        )  # fmt: skip
        return out

    def trigger(self, reason: str, workspace: str | None = None) -> list[str]:
        chosen = workspace or self.workspace
        if chosen != self.workspace:
            return []
        self.triggered.append(reason)
        return [chosen]

    def affected(self, paths: Any) -> list[str]:
        del paths
        return [self.workspace]

    def ready(self, workspace: str | None = None) -> tuple[bool, str]:
        del workspace
        return True, "ok"

    def metrics(self) -> bytes:
        return b""


def make_app(store: Store, controller: FakeController) -> Any:
    return create_api(
        ApiContext(
            store=store,
            workspace=controller.workspace,
            controller=controller,
            admin_tokens=(ADMIN,),
            viewer_tokens=(VIEWER,),
            clock=lambda: T0 + dt.timedelta(hours=2),
        )
    )
