"""Plan scenarios as data: every ``tests/cases/*.yaml`` through the real path.

Each case is a small workspace (``seed``: top-level keys replacing those of ``_base.yaml``), the
manifests (``manifests``: YAML text, loaded from a file named ``manifests.yaml``), optional
``options`` (``token``: workspace | admin | member, ``allow_destroy``, ``target``) and what the
plan must be (``expected``):

- ``changes``: in apply order, all of them, each ``{kind, action, name}`` with its ``fields``
  (strings ``path[key]: old -> new``, ``None`` for absent; all of them, none when omitted) and
  ``note`` (empty when omitted);
- ``refusals`` / ``warnings``: each as ``"code: message"``, all of them, in order (none expected
  when the key is absent). The message names the address and the objects, so one correct
  refusal cannot hide a missing one, nor a refusal for the wrong object pass as the right one;
- ``errors``: substrings of the one error the plan raises instead (``manifests.yaml:LINE``);
- ``impact``: lines ``PRINCIPAL gains|loses LEVEL on PROJECT [via GROUP]`` (all of them; none
  when the key is absent);
  ``widening``: the principals whose gains are flagged as high risk;
- ``unmanaged``: counts per kind; ``relied``: ``kind:name`` of every live object relied on.

The emulator runs in-process; the client, ``read_live``, ``diff`` and ``build_plan`` are real.
"""

from __future__ import annotations

import asyncio
import copy
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from hexsync.diff import UnresolvedReferenceError
from hexsync.emulator.app import create_app
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import Seed
from hexsync.hexapi import HexClient
from hexsync.manifest import load
from hexsync.plan import Change, FieldChange, Plan
from hexsync.planner import make_plan

CASES = Path(__file__).parent / "cases"
BASE = yaml.safe_load((CASES / "_base.yaml").read_text(encoding="utf-8"))
TOKENS = {"workspace": "hxtw_cases", "admin": "hxtp_admin", "member": "hxtp_member"}
CASE_KEYS = {"description", "seed", "manifests", "options", "expected"}
EXPECTED_KEYS = {
    "changes",
    "refusals",
    "warnings",
    "errors",
    "impact",
    "widening",
    "unmanaged",
    "relied",
}


def _case_files() -> list[Path]:
    return sorted(p for p in CASES.glob("*.yaml") if not p.name.startswith("_"))


def _field(f: FieldChange) -> str:
    key = f"[{f.key}]" if f.key is not None else ""
    return f"{f.path}{key}: {f.old} -> {f.new}"


def _change(c: Change) -> dict[str, Any]:
    return {
        "kind": c.kind.value,
        "action": c.action.value,
        "name": c.name,
        "fields": [_field(f) for f in c.fields],
        "note": c.note,
    }


def _expected_change(want: dict[str, Any]) -> dict[str, Any]:
    """A case's change in full: no ``fields`` means no field changes, no ``note`` an empty one."""
    return {"fields": [], "note": "", **want}


def _impact(plan: Plan) -> list[str]:
    lines = []
    for item in plan.impact:
        for verb, items in (("gains", item.gains), ("loses", item.losses)):
            for i in items:
                level = i.new if verb == "gains" else i.old
                via = f" via {i.via}" if i.via else ""
                lines.append(f"{item.principal} {verb} {level} on {i.project}{via}")
    return lines


def _run(case: dict[str, Any], tmp_path: Path) -> Plan:
    seed_data = copy.deepcopy(BASE)
    seed_data.update(case.get("seed") or {})
    seed = Seed.from_dict(seed_data, source="case seed")
    app = create_app(seed, EmulatorConfig(rate_limits=None))
    tmp_path.mkdir(parents=True, exist_ok=True)
    (tmp_path / "manifests.yaml").write_text(case["manifests"], encoding="utf-8")
    desired = load([tmp_path / "manifests.yaml"], relative_to=tmp_path)
    options = case.get("options") or {}

    async def plan() -> Plan:
        async with HexClient(
            TOKENS[options.get("token", "workspace")],
            "https://app.hex.tech",
            transport=httpx.ASGITransport(app),
            pacing=False,
        ) as client:
            return await make_plan(
                client,
                desired,
                allow_destroy=options.get("allow_destroy", False),
                target=options.get("target"),
            )

    return asyncio.run(plan())


@pytest.mark.parametrize("path", _case_files(), ids=lambda p: p.stem)
def test_plan_case(path: Path, tmp_path: Path) -> None:
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert set(case) <= CASE_KEYS, f"unknown case keys {set(case) - CASE_KEYS}"
    expected = case["expected"]
    assert set(expected) <= EXPECTED_KEYS, f"unknown keys {set(expected) - EXPECTED_KEYS}"

    if "errors" in expected:
        with pytest.raises(UnresolvedReferenceError) as caught:
            _run(case, tmp_path)
        text = str(caught.value)
        for fragment in expected["errors"]:
            assert fragment in text, f"{fragment!r} not in:\n{text}"
        assert len(caught.value.problems) == len(expected["errors"]), text
        return

    plan = _run(case, tmp_path)
    assert [_change(c) for c in plan.changes] == [_expected_change(w) for w in expected["changes"]]
    assert [f"{r.code}: {r.message}" for r in plan.refusals] == expected.get("refusals", [])
    assert [f"{w.code}: {w.message}" for w in plan.warnings] == expected.get("warnings", [])
    assert _impact(plan) == expected.get("impact", [])
    if "widening" in expected:
        assert [i.principal for i in plan.impact if i.widens] == expected["widening"]
    if "unmanaged" in expected:
        assert dict(plan.unmanaged) == expected["unmanaged"]
    if "relied" in expected:
        assert [f"{r.kind.value}:{r.name}" for r in plan.relied] == expected["relied"]
    # Whatever the case, the plan survives its own JSON form unchanged.
    assert Plan.loads(plan.dumps()) == plan


def test_there_are_enough_cases() -> None:
    assert len(_case_files()) >= 30


def _reversed(value: Any) -> Any:
    """The same seed with every list and mapping in the opposite order."""
    if isinstance(value, dict):
        return {k: _reversed(v) for k, v in reversed(list(value.items()))}
    if isinstance(value, list):
        return [_reversed(v) for v in reversed(value)]
    return value


def test_the_same_input_gives_byte_identical_plans(tmp_path: Path) -> None:
    """Twice the same case, then the seed in reverse order (lists and keys): one plan text."""
    case = yaml.safe_load((CASES / "guard_max_destroy_counts_exactly.yaml").read_text("utf-8"))
    case["manifests"] += "  - title: Brand new\n    sharing: {groups: {Analysts: CAN_VIEW}}\n"
    first = _run(case, tmp_path / "a").dumps()
    again = _run(case, tmp_path / "b").dumps()
    backwards = dict(case, seed=_reversed({**copy.deepcopy(BASE), **(case.get("seed") or {})}))
    mirrored = _run(backwards, tmp_path / "c").dumps()
    assert first == again == mirrored
    plan = Plan.loads(first)
    # A plan with something in every part, so that each part's order is put to the test.
    assert plan.changes
    assert plan.impact
    assert plan.relied
