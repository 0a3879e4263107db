"""docs/rules.md: every manifest snippet is valid, and the worked example plans as documented."""

from __future__ import annotations

import asyncio
import datetime as dt
import re
from pathlib import Path

import httpx
import yaml

from hexsync.emulator.app import create_app
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import Seed
from hexsync.hexapi import HexClient
from hexsync.manifest import check, load
from hexsync.planning.planner import make_plan
from hexsync.render.text import render_text

DOC = Path(__file__).resolve().parents[1] / "docs" / "rules.md"
BLOCKS = re.findall(r"```yaml\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
SEED = """\
org: {id: 5a8591dd-4039-49df-9202-96385ba3eff8, name: Acme}
tokens: [{token: hxtw_demo, kind: workspace}]
statuses: [Exploratory, In development, Production, Endorsed, Deprecated]
users: [{email: alice@acme.com, role: ADMIN}, {email: bob@acme.com}]
groups: [{name: Finance, members: [bob@acme.com]}]
collections: [{name: Finance}]
projects:
  - {title: Revenue overview, owner: alice@acme.com, status: Production,
     last_viewed_at: 2026-05-20T00:00:00Z,
     sharing: {workspace: CAN_VIEW, collections: {Finance: CAN_VIEW}}}
  - {title: Budget 2024, owner: alice@acme.com, last_viewed_at: 2024-11-02T00:00:00Z,
     sharing: {workspace: APP_ONLY, collections: {Finance: CAN_VIEW}, groups: {Finance: CAN_VIEW}}}
  - {title: Status page, owner: bob@acme.com, status: Endorsed,
     last_viewed_at: 2026-05-30T00:00:00Z, sharing: {workspace: APP_ONLY, public_web: APP_ONLY}}
  - {title: Launch teaser, owner: bob@acme.com, last_viewed_at: 2026-05-01T00:00:00Z,
     sharing: {public_web: APP_ONLY}}
"""


def test_every_rules_snippet_validates(tmp_path: Path) -> None:
    assert len(BLOCKS) >= 3
    for i, block in enumerate(BLOCKS):
        data = yaml.safe_load(block)
        if "version" not in data:  # a fragment: put it where it belongs
            data = {"version": 1, "rules": data["rules"]} if "rules" in data else None
            if data is None:
                continue
        path = tmp_path / f"block{i}.yaml"
        path.write_text(yaml.safe_dump(data), encoding="utf-8")
        result = check([path])
        assert result.ok, [str(p) for p in result.problems]


def test_the_worked_example_plans_as_documented(tmp_path: Path) -> None:
    policies = next(b for b in BLOCKS if "no-public-web-unless-endorsed" in b)
    (tmp_path / "policies.yaml").write_text(policies, encoding="utf-8")
    desired = load([tmp_path / "policies.yaml"], relative_to=tmp_path)
    app = create_app(
        Seed.from_dict(yaml.safe_load(SEED), source="doc"), EmulatorConfig(rate_limits=None)
    )

    async def plan() -> str:
        transport = httpx.ASGITransport(app)
        async with HexClient("hxtw_demo", "https://app.hex.tech", transport=transport) as client:
            now = dt.datetime(2026, 6, 1, tzinfo=dt.timezone.utc)
            return render_text(await make_plan(client, desired, now=now))

    text = asyncio.run(plan())
    documented = DOC.read_text(encoding="utf-8")
    shown = documented.split("$ hexsync plan manifests/\n", 1)[1].split("```", 1)[0]
    # The documented output is the real one, up to the ids (uuid5 of the titles) and the tail.
    assert shown.rstrip("\n") in text
