"""Seconds to match, compile and diff rules over a large workspace (no I/O: the live state is
built in memory, as ``read_live`` would return it).

    .venv/bin/python benchmarks/bench_rules.py --projects 10000

Four rules like docs/rules.md's (a collection's projects for a group, Production app-only,
stale projects lose workspace access, nothing public unless Production as a check), over every
project. The issue's bar: a rule over 10,000 projects diffs in well under a second.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from pathlib import Path
from tempfile import TemporaryDirectory

from hexsync.decide.diff import diff
from hexsync.decide.rules_compiler import compile_rules
from hexsync.manifest import load
from hexsync.planning.planner import build_plan
from hexsync.values.desired import FrozenMap
from hexsync.values.live import Live, LiveCollection, LiveGroup, LiveProject, LiveSharing, LiveUser

NOW = dt.datetime(2026, 6, 1, tzinfo=dt.timezone.utc)
RULES = """\
version: 1
policy: {max_destroy: 100000, allow_public_web: true}
rules:
  - name: finance-visible
    match: {collection: Finance}
    sharing: {groups: {Finance: CAN_VIEW}}
  - name: production-app-only
    match: {status: Production}
    sharing: {mode: authoritative, workspace: APP_ONLY}
  - name: stale-loses-workspace
    match: {last_viewed: {older_than: 365d}}
    except: {status: Production}
    sharing: {mode: authoritative, workspace: NONE}
  - name: no-public-web-unless-production
    match: {all: true}
    except: {status: Production}
    enforce: check
    sharing: {mode: authoritative, public_web: NONE}
"""


def live(projects: int) -> Live:
    users = [LiveUser(f"u{i}", f"u{i:04d}@bench.test") for i in range(200)]
    groups = [LiveGroup("g1", "Finance"), LiveGroup("g2", "Analysts")]
    projects_list = [
        LiveProject(
            id=f"p{i:06d}",
            title=f"Project {i:05d}",
            owner=users[i % 200].email,
            status="Production" if i % 5 == 0 else None,
            sharing=LiveSharing(
                users=FrozenMap({users[(i + 1) % 200].email: "CAN_VIEW"}),
                groups=FrozenMap({"Analysts": "CAN_EDIT"}),
                collections=FrozenMap({"Finance": "CAN_VIEW"} if i % 2 else {}),
                workspace="CAN_VIEW" if i % 7 == 0 else "NONE",
            ),
            created_at="2023-01-01T00:00:00Z",
            last_viewed_at="2024-01-01T00:00:00Z" if i % 3 == 0 else "2026-05-01T00:00:00Z",
        )
        for i in range(projects)
    ]
    return Live(
        org_id="bench",
        users=FrozenMap((u.email, u) for u in users),
        groups=FrozenMap((g.name, g) for g in groups),
        collections=FrozenMap({"Finance": LiveCollection("c1", "Finance")}),
        projects=FrozenMap((p.id, p) for p in projects_list),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=10_000)
    args = parser.parse_args()
    workspace = live(args.projects)
    with TemporaryDirectory() as tmp:
        path = Path(tmp) / "rules.yaml"
        path.write_text(RULES, encoding="utf-8")
        desired = load([path])

    started = time.perf_counter()
    compiled = compile_rules(desired, workspace, now=NOW)
    compile_s = time.perf_counter() - started

    started = time.perf_counter()
    result = diff(compiled.desired, workspace)
    diff_s = time.perf_counter() - started

    started = time.perf_counter()
    plan = build_plan(desired, workspace, api_url="https://app.hex.tech", now=NOW)
    plan_s = time.perf_counter() - started

    print(
        f"{args.projects} projects, {len(desired.rules)} rules:"
        f" {len(compiled.desired.projects)} projects covered, {len(result.changes)} changes,"
        f" {len(plan.refusals)} refusals"
    )
    print(f"  match + compile      {compile_s:6.3f} s")
    print(f"  diff                 {diff_s:6.3f} s")
    print(f"  whole plan (+check)  {plan_s:6.3f} s  (+ guardrails, check rules, impact)")


if __name__ == "__main__":
    main()
