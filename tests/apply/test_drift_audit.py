"""``hexsync drift`` as evidence (issue #28, item 4), on the example applied from a saved plan:
a group made in Hex's UI, holding a leaver and shared with Payroll, is drift with whom it
reaches; the access the drift moves is counted per project; and with the plan last applied
(``--last-applied plan.json``) a change merged but not yet applied is told apart from a change
made in Hex since."""

from __future__ import annotations

import asyncio
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from acme import REVENUE_ID as REVENUE
from acme import serving_example
from e2e_support import MANIFESTS, TOKEN, hexsync

from hexsync.hexapi import HexClient

pytestmark = pytest.mark.slow
PAYROLL = "9185a166-1d5b-55ff-96fa-be7a320186d0"


@pytest.fixture
def drifted(tmp_path: Path) -> Iterator[tuple[str, Path, Path]]:
    """The example applied from plan.json; then a merge not yet applied (Revenue overview to
    CAN_VIEW for the workspace, ted leaving) and, in Hex's UI, Revenue overview's status and a
    group "Payroll helpers" (ted and zoe) shared with Payroll summary."""
    plan = tmp_path / "plan.json"
    with serving_example() as url:
        made = hexsync(url, "plan", str(MANIFESTS), "--out", str(plan))
        assert made.exit_code in (0, 2), made.output
        applied = hexsync(url, "apply", str(plan))
        assert applied.exit_code == 0, applied.output
        merged = tmp_path / "manifests"
        shutil.copytree(MANIFESTS, merged)
        finance = merged / "projects" / "finance.yaml"
        text = finance.read_text(encoding="utf-8")
        finance.write_text(
            text.replace("workspace: APP_ONLY       # live: NONE", "workspace: CAN_VIEW", 1),
            encoding="utf-8",
        )
        users = merged / "users.yaml"
        users.write_text(
            users.read_text(encoding="utf-8") + "  - email: ted@acme.com\n    active: false\n",
            encoding="utf-8",
        )

        async def in_the_ui() -> None:
            async with HexClient(TOKEN, url, pacing=False) as client:
                ids = {u.email: u.id async for u in client.iter_users()}
                await client.update_project(REVENUE, status="Deprecated")
                group = await client.create_group(
                    "Payroll helpers", member_ids=[ids["ted@acme.com"], ids["zoe@acme.com"]]
                )
                await client.edit_project_sharing_groups(PAYROLL, {group.id: "CAN_VIEW"})

        asyncio.run(in_the_ui())
        yield url, merged, plan


def test_a_ui_group_granting_access_is_drift_with_whom_it_reaches(
    drifted: tuple[str, Path, Path],
) -> None:
    url, merged, plan = drifted
    result = hexsync(url, "drift", str(merged), "--last-applied", str(plan), "--format", "json")
    assert result.exit_code == 2, result.output
    report = json.loads(result.stdout)
    helpers = next(o for o in report["objects"] if o["name"] == "Payroll helpers")
    assert (helpers["kind"], helpers["state"], helpers["origin"]) == ("group", "unmanaged", "hex")
    assert helpers["reach"] == [
        {
            "project": "Payroll summary",
            "id": PAYROLL,
            "level": "CAN_VIEW",
            "people": 2,
            "only_through_it": ["ted@acme.com", "zoe@acme.com"],
        }
    ]
    assert helpers["leavers"] == ["ted@acme.com"]
    payroll = next(a for a in report["access"] if a["id"] == PAYROLL)
    assert payroll["more"] == ["ted@acme.com", "zoe@acme.com"]

    text = hexsync(url, "drift", str(merged), "--last-applied", str(plan))
    lines = [" ".join(line.split()) for line in text.stdout.splitlines()]
    assert (
        '? group "Payroll helpers": not in the manifests, and people reach projects through it'
        " [changed in Hex since the last apply]"
    ) in lines
    assert (
        '"Payroll summary": CAN_VIEW to 2 people, 2 of them only through it (ted@acme.com,'
        " zoe@acme.com)"
    ) in lines
    assert "members the manifests deactivate: ted@acme.com" in lines
    assert (
        '"Payroll summary": 2 more people can open it in Hex than the manifests allow'
        " (ted@acme.com, zoe@acme.com)"
    ) in lines


def test_a_merged_change_not_yet_applied_is_told_from_a_change_made_in_hex(
    drifted: tuple[str, Path, Path],
) -> None:
    url, merged, plan = drifted
    result = hexsync(url, "drift", str(merged), "--last-applied", str(plan), "--format", "json")
    report = json.loads(result.stdout)
    assert report["last_applied"] == str(plan)
    revenue = next(o for o in report["objects"] if o["id"] == REVENUE)
    origins = {f["path"]: (f["manifests"], f["live"], f["origin"]) for f in revenue["fields"]}
    assert origins == {
        # The apply set Production; someone changed it in Hex since.
        "status": ("Production", "Deprecated", "hex"),
        # Hex holds the APP_ONLY the apply wrote; the manifests say CAN_VIEW since the merge.
        "sharing.workspace": ("CAN_VIEW", "APP_ONLY", "manifests"),
    }
    text = hexsync(url, "drift", str(merged), "--last-applied", str(plan))
    lines = [" ".join(line.split()) for line in text.stdout.splitlines()]
    assert "status: manifests Production, Hex Deprecated [changed in Hex since the last apply]" in (
        lines
    )
    assert "sharing.workspace: manifests CAN_VIEW, Hex APP_ONLY [merged, not yet applied]" in lines
    assert lines[1].startswith(
        f"Against the last applied plan ({plan}): 1 merged, not yet applied;"
    )
    # Without the last applied plan, the same differences carry no origin.
    bare = json.loads(hexsync(url, "drift", str(merged), "--format", "json").stdout)
    assert all(f["origin"] is None for o in bare["objects"] for f in o["fields"])
