"""Plan scenarios as data: every ``tests/cases/*.yaml`` through the real path.

Each case is a small workspace (``seed``: top-level keys replacing those of ``_base.yaml``), the
manifests (``manifests``: YAML text, loaded from a file named ``manifests.yaml``; or ``layers``:
a mapping of layer name to YAML text, each written to ``NAME/manifests.yaml`` and merged in
order as a workspace of ``hexsync.yaml`` merges them (docs/workspaces.md); or, with option
``export: true``, what ``hexsync export`` writes of the seed, followed by ``manifests`` when
given: top-level keys the export does not write, such as ``rules:``),
optional ``options`` (``token``: workspace | admin | member, ``allow_destroy``, ``target``,
``export``, ``now``: the time rules count ``last_viewed`` / ``created`` from and grants'
``expires:`` are judged at, default 2026-06-01) and what the plan must be (``expected``):

- ``changes``: in apply order, all of them, each ``{kind, action, name}`` with its ``fields``
  (strings ``path[key]: old -> new``, ``None`` for absent, then `` (rule NAME)`` when a rule
  asked for it and `` (expired)`` when the grant's ``expires:`` passed; all of them, none when
  omitted) and ``note`` (empty when omitted);
- ``refusals`` / ``warnings``: each as ``"code: message"``, all of them, in order (none expected
  when the key is absent). The message names the address and the objects, so one correct
  refusal cannot hide a missing one, nor a refusal for the wrong object pass as the right one;
  ``at``: ``"code: manifests.yaml:LINE:COLUMN"`` for each of them that points into the manifests
  (refusals, then warnings), the place ``plan`` prints before its message (checked when given;
  ``python tools/fill_case_messages.py`` adds it);
- ``errors``: substrings of the one error the plan raises instead (``manifests.yaml:LINE``),
  one per problem (unresolved reference, or rule conflict);
- ``sources``: ``NAME: FILE:LINE:COLUMN`` for every change that points into the manifests, in
  order (with layers: which layer's line);
- ``problems``: the manifests' errors instead of a plan (a layer loosening a locked field), each
  the first line of the problem as printed, all of them in order;
- ``impact``: lines ``PRINCIPAL gains|loses LEVEL on PROJECT [via GROUP]`` (all of them; none
  when the key is absent);
  ``widening``: the principals whose gains are flagged as high risk;
- ``unmanaged``: counts per kind; ``relied``: ``kind:name`` of every live object relied on;
  ``rules``: ``NAME: N`` for every rule, N the live projects it matched (its blast radius).

The emulator runs in-process; the client, ``read_live``, ``diff`` and ``build_plan`` are real.
"""

from __future__ import annotations

import asyncio
import copy
import datetime as dt
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml

from hexsync.apply.gate import reevaluate
from hexsync.decide.diff import UnresolvedReferenceError, diff
from hexsync.decide.guardrails import DEFAULT_MAX_DESTROY
from hexsync.decide.rules_compiler import RuleConflictError, compile_rules
from hexsync.emulator.app import create_app
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import Seed
from hexsync.export.manifests import export_document
from hexsync.hexapi import HexClient
from hexsync.manifest import ManifestError, load
from hexsync.manifest.layers import load_layers
from hexsync.planning.planner import read_and_plan
from hexsync.planning.saved_plan import uncovered
from hexsync.readers.workspace import read_live
from hexsync.values.desired import Desired, Policy
from hexsync.values.live import Live
from hexsync.values.plan import Action, Change, FieldChange, Plan

CASES = Path(__file__).parent / "cases"
BASE = yaml.safe_load((CASES / "_base.yaml").read_text(encoding="utf-8"))
TOKENS = {"workspace": "hxtw_cases", "admin": "hxtp_admin", "member": "hxtp_member"}
CASE_KEYS = {"description", "seed", "manifests", "layers", "options", "expected"}
EXPECTED_KEYS = {
    "changes",
    "refusals",
    "warnings",
    "at",
    "errors",
    "problems",
    "sources",
    "impact",
    "widening",
    "unmanaged",
    "relied",
    "rules",
}


def _case_files() -> list[Path]:
    return sorted(p for p in CASES.glob("*.yaml") if not p.name.startswith("_"))


def _field(f: FieldChange) -> str:
    key = f"[{f.key}]" if f.key is not None else ""
    rule = f" (rule {f.rule})" if f.rule is not None else ""
    expired = " (expired)" if f.expired else ""
    return f"{f.path}{key}: {f.old} -> {f.new}{rule}{expired}"


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
    """``PRINCIPAL gains|loses LEVEL [(had|keeps LEVEL)] on PROJECT [via PATH] [(N people, M
    unaffected)]``; a shadowed grant is ``PRINCIPAL keeps LEVEL on PROJECT via PATH``."""
    lines = []
    for item in plan.impact:
        parts = (("gains", item.gains), ("loses", item.losses), ("keeps", item.unchanged))
        for verb, items in parts:
            for i in items:
                level = i.old if verb == "loses" else i.new
                other = i.old if verb == "gains" else i.new
                if verb != "keeps" and other not in (None, "NONE"):
                    level += f" ({'had' if verb == 'gains' else 'keeps'} {other})"
                via = f" via {i.via}" if i.via else ""
                count = ""
                if i.people is not None:
                    count = f" ({i.people} people, {i.unaffected} unaffected)"
                lines.append(f"{item.principal} {verb} {level} on {i.project}{via}{count}")
    return lines


def _manifest_files(case: dict[str, Any]) -> list[str]:
    """The case's manifest files, relative to its folder, in layer order."""
    return [f"{name}/manifests.yaml" for name in case.get("layers", {})] or ["manifests.yaml"]


def _load(case: dict[str, Any], tmp_path: Path) -> Desired:
    if "layers" in case:
        layers = [[tmp_path / name] for name in case["layers"]]
        return load_layers(layers, relative_to=tmp_path)
    return load([tmp_path / "manifests.yaml"], relative_to=tmp_path)


def _run(case: dict[str, Any], tmp_path: Path) -> Plan:
    return _run_and_read(case, tmp_path)[0]


def _run_and_read(case: dict[str, Any], tmp_path: Path) -> tuple[Plan, Live]:
    seed_data = copy.deepcopy(BASE)
    seed_data.update(case.get("seed") or {})
    seed = Seed.from_dict(seed_data, source="case seed")
    app = create_app(seed, EmulatorConfig(rate_limits=None))
    tmp_path.mkdir(parents=True, exist_ok=True)
    options = case.get("options") or {}

    def connect() -> HexClient:
        return HexClient(
            TOKENS[options.get("token", "workspace")],
            "https://app.hex.tech",
            transport=httpx.ASGITransport(app),
            pacing=False,
        )

    async def export() -> str:
        async with connect() as client:
            live = await read_live(client, Desired(policy=Policy(prune_groups=True)))
        return export_document(live)

    text = case.get("manifests", "")
    if options.get("export"):  # what export writes, and then the case's own keys (rules:)
        text = asyncio.run(export()) + text
    if "layers" in case:
        for name, layer in case["layers"].items():
            (tmp_path / name).mkdir(exist_ok=True)
            (tmp_path / name / "manifests.yaml").write_text(layer, encoding="utf-8")
    else:
        (tmp_path / "manifests.yaml").write_text(text, encoding="utf-8")
    desired = _load(case, tmp_path)

    async def plan() -> tuple[Plan, Live]:
        async with connect() as client:
            return await read_and_plan(
                client,
                desired,
                allow_destroy=options.get("allow_destroy", False),
                target=options.get("target"),
                now=_now(case),
            )

    return asyncio.run(plan())


@pytest.mark.parametrize("path", _case_files(), ids=lambda p: p.stem)
def test_plan_case(path: Path, tmp_path: Path) -> None:
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert set(case) <= CASE_KEYS, f"unknown case keys {set(case) - CASE_KEYS}"
    expected = case["expected"]
    assert set(expected) <= EXPECTED_KEYS, f"unknown keys {set(expected) - EXPECTED_KEYS}"

    if "problems" in expected:
        with pytest.raises(ManifestError) as refused:
            _run(case, tmp_path)
        found = [str(p).splitlines()[0] for p in refused.value.problems if p.severity == "error"]
        assert found == expected["problems"]
        return

    if "errors" in expected:
        with pytest.raises((UnresolvedReferenceError, RuleConflictError)) as caught:
            _run(case, tmp_path)
        text = str(caught.value)
        for fragment in expected["errors"]:
            assert fragment in text, f"{fragment!r} not in:\n{text}"
        error = caught.value
        found = error.problems if isinstance(error, UnresolvedReferenceError) else error.conflicts
        assert len(found) == len(expected["errors"]), text
        if isinstance(error, UnresolvedReferenceError):
            # Each problem whole (file:line:column: message), and said again by a plan
            # `--target`ed at the object it belongs to: narrowing a plan never hides it.
            assert [str(p) for p in error.problems] == expected["errors"]
            _check_targeted(case, error, tmp_path)
        return

    plan, live = _run_and_read(case, tmp_path)
    assert [_change(c) for c in plan.changes] == [_expected_change(w) for w in expected["changes"]]
    for key, items in (("refusals", plan.refusals), ("warnings", plan.warnings)):
        wanted = expected.get(key, [])
        assert all(": " in w for w in wanted), (
            f"{key} are written 'code: message'; `python tools/fill_case_messages.py` fills them"
            " in from the plan (read each before committing)"
        )
        assert [f"{i.code}: {i.message}" for i in items] == wanted
    if "sources" in expected:
        assert [f"{c.name}: {c.mark}" for c in plan.changes if c.mark] == expected["sources"]
    if "at" in expected:
        marked = [i for i in (*plan.refusals, *plan.warnings) if i.mark is not None]
        assert [f"{i.code}: {i.mark}" for i in marked] == expected["at"]
    assert _impact(plan) == expected.get("impact", [])
    if "widening" in expected:
        assert [i.principal for i in plan.impact if i.widens] == expected["widening"]
    if "unmanaged" in expected:
        assert dict(plan.unmanaged) == expected["unmanaged"]
    # what plan lists under "not managed" is named, one name per object counted
    assert {k: len(set(v)) for k, v in plan.unmanaged_names.items()} == dict(plan.unmanaged)
    if "rules" in expected:
        assert [f"{r.name}: {r.matched}" for r in plan.rules] == expected["rules"]
    if "relied" in expected:
        assert [f"{r.kind.value}:{r.name}" for r in plan.relied] == expected["relied"]
    # The time estimate paces exactly the requests apply sends (Change.operations).
    assert [len(c.operations) for c in plan.changes] == [c.requests for c in plan.changes]
    _check_targeted_warnings(case, plan, live, tmp_path)
    _check_change_marks(plan, tmp_path, _manifest_files(case))
    # Whatever the case, the plan survives its own JSON form unchanged, every change is covered
    # by what it read, and its guardrails evaluated again on its own changes (as apply does for
    # a saved plan) refuse what the plan refused.
    assert Plan.loads(plan.dumps()) == plan
    assert uncovered(plan) == []
    again = reevaluate(plan, live)
    assert sorted(r.code for r in again) == sorted(_reevaluated(case, plan))


def _check_targeted(case: dict[str, Any], error: UnresolvedReferenceError, tmp_path: Path) -> None:
    options = case.get("options") or {}
    if options.get("target"):
        return
    for problem in error.problems:
        if problem.address.startswith("rule:"):
            continue  # a rule is not a --target kind: rules are checked whole
        assert problem.address.partition(":")[2], f"{problem} belongs to no object"
        targeted = {**case, "options": {**options, "target": problem.address}}
        with pytest.raises(UnresolvedReferenceError) as again:
            _run(targeted, tmp_path / "targeted")
        assert str(problem) in [str(p) for p in again.value.problems], problem.address


def _check_change_marks(plan: Plan, tmp_path: Path, files: list[str]) -> None:
    """Each change points at the manifest line that declares its object (markdown plans print
    it as "Declared at"): a create or update always, a delete or deactivation when an entry asks
    for it (prune has none). Changes a rule made point at the rule, not checked here. With
    layers, the line is in the layer that declared the object last."""
    lines = {f: (tmp_path / f).read_text(encoding="utf-8").splitlines() for f in files}
    for c in plan.changes:
        if any(f.rule for f in c.fields):
            continue
        if c.mark is None:
            assert c.action not in (Action.CREATE, Action.UPDATE), f"{c.address} has no mark"
            continue
        assert c.mark.file in lines, c.mark
        line = _line_text(lines[c.mark.file][c.mark.line - 1]).lower()  # ids, emails any case
        assert any(n.strip().lower() in line for n in (c.name, c.id) if n), (c.address, line)


def _line_text(line: str) -> str:
    """A manifest line as written and as YAML reads it (``"An\\u0430lysts"`` is escaped)."""
    try:
        value = yaml.safe_load(line.strip().removeprefix("- "))
    except yaml.YAMLError:
        value = None
    return f"{line} {value}"


def _now(case: dict[str, Any]) -> dt.datetime:
    options = case.get("options") or {}
    return dt.datetime.fromisoformat(str(options.get("now", "2026-06-01T00:00:00+00:00")))


def _check_targeted_warnings(case: dict[str, Any], plan: Plan, live: Live, tmp_path: Path) -> None:
    """Each warning the diff gives about one object is given again by a plan ``--target``ed at
    that object: narrowing a plan never hides what it says about the object in view."""
    if (case.get("options") or {}).get("target") or not plan.warnings:
        return
    desired = _load(case, tmp_path)
    found = diff(compile_rules(desired, live, now=_now(case)).desired, live).warnings
    for address, warning in found:
        if address.startswith("rule:") or warning not in plan.warnings:
            continue
        assert address.partition(":")[2], f"{warning.message} belongs to no object"
        targeted = {**case, "options": {**(case.get("options") or {}), "target": address}}
        again = _run(targeted, tmp_path / "targeted")
        assert warning in again.warnings, f"--target {address} hides: {warning.message}"


def _reevaluated(case: dict[str, Any], plan: Plan) -> list[str]:
    """The refusals apply finds again on the saved plan alone: all of the plan's, but the
    rules' own, a ``--target``'s max_destroy counted over changes the plan left out, and a
    project that stays public without a change in this plan."""
    # Rules and policies are in the manifests, not the plan: only `apply --manifests` checks
    # them again. So are grants' expires: (max_grant_duration).
    manifests_only = ("rule_check", "max_rule_matches", "max_grant_duration", "policy")
    manifests_only += ("reads_unknown",)  # the rules and policies on data classes
    codes = [r.code for r in plan.refusals if r.code not in manifests_only]
    targeted = (case.get("options") or {}).get("target")
    if targeted and "max_destroy" in codes and plan.destructive_count <= _limit(case):
        codes.remove("max_destroy")
    if "public_web" in codes and not any(
        f.new not in (None, "NONE") for c in plan.changes for f in c.fields_at("sharing.public_web")
    ):
        codes = [c for c in codes if c != "public_web"]
    return codes


def _limit(case: dict[str, Any]) -> int:
    texts = case["layers"].values() if "layers" in case else [case["manifests"]]
    policy: dict[str, Any] = {}
    for text in texts:
        policy.update((yaml.safe_load(text) or {}).get("policy") or {})
    limit = policy.get("max_destroy")
    return DEFAULT_MAX_DESTROY if limit is None else int(limit)


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
