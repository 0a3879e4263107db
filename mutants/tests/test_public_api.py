"""The public API is what ``hexsync.__all__`` says, and it is enough to run the whole loop."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import httpx

import hexsync
from hexsync.emulator.app import create_app
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import Seed


def test_all_names_exist_and_nothing_public_is_missing() -> None:
    for name in hexsync.__all__:
        assert hasattr(hexsync, name), name
    public = {n for n in vars(hexsync) if not n.startswith("_")}
    modules = {n for n in public if type(getattr(hexsync, n)).__name__ == "module"}
    assert public - modules <= set(hexsync.__all__)


def test_the_docstring_loop_works(make_seed: Callable[..., Seed], tmp_path: Path) -> None:
    (tmp_path / "groups.yaml").write_text(
        "version: 1\ngroups:\n  - name: Analysts\n    members: [alice@acme.com]\n"
    )
    app = create_app(make_seed(), EmulatorConfig(rate_limits=None))
    desired = hexsync.load([str(tmp_path)])

    async def loop() -> tuple[hexsync.Plan, hexsync.ApplyReport, hexsync.Plan]:
        transport = httpx.ASGITransport(app=app)
        async with hexsync.HexClient(
            "hxtw_test", "https://app.hex.tech", transport=transport, pacing=False
        ) as client:
            plan, live = await hexsync.read_and_plan(client, desired)
            report = await hexsync.apply_plan(client, plan, live=live)
            again = await hexsync.make_plan(client, desired)
            return plan, report, again

    plan, report, again = asyncio.run(loop())
    assert [c.address for c in plan.changes] == ["group:Analysts"]
    assert "- member bob@acme.com" in hexsync.render_text(plan)
    assert report.ok
    assert again.empty
