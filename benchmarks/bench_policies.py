"""Seconds to judge five policies over the effective access of a large workspace (no I/O: the
live state is built in memory, as ``read_live`` would return it with every group's members).

    .venv/bin/python benchmarks/bench_policies.py                      # 10,000 x 2,000
    .venv/bin/python benchmarks/bench_policies.py --engine cel-python  # the other CEL engine
    .venv/bin/python benchmarks/bench_policies.py --projects 1000 --users 500 --plan

A workspace of 10,000 projects and 2,000 users (one in ten a Guest, one in twenty a
contractor), 200 groups of 30 members and 100 collections (each shared with a group, one in five
with the workspace too); each project is shared with two groups, two users and a collection, one
in ten with the workspace. The five policies: the four of docs/policies.md and one on stale
accounts (``last_login``, a different value for every person). Prints the grants, the time to
list them from the access engine, the time to judge them (and how many expression runs that
took: each expression is decided once per distinct input), and with ``--plan`` the time of
``check_policies`` (the workspace and the projection of a small plan, both judged).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import random
import time

from hexsync.decide.access_engine import AccessEngine
from hexsync.decide.policies import Evaluator, check_policies, evaluate, grants
from hexsync.values.desired import AccessPolicy, FrozenMap
from hexsync.values.kinds import Kind
from hexsync.values.live import (
    Live,
    LiveCollection,
    LiveCollectionSharing,
    LiveGroup,
    LiveProject,
    LiveSharing,
    LiveUser,
)
from hexsync.values.plan import Action, Change, FieldChange
from hexsync.values.policy_expr import ENGINES, default_engine

NOW = dt.datetime(2026, 6, 1, tzinfo=dt.timezone.utc)
POLICIES = (
    AccessPolicy(
        "no-guest-edits", 'principal.kind == "user" && principal.role == "GUEST" && rank >= 3'
    ),
    AccessPolicy(
        "finance-stays-in-finance",
        '"Finance" in object.collections && !("Finance" in principal.groups)',
        unless='principal.role == "ADMIN"',
    ),
    AccessPolicy("nothing-editable-by-everyone", 'principal.kind == "workspace" && rank >= 3'),
    AccessPolicy(
        "no-contractor-on-pii",
        '("PII" in object.collections || "pii" in object.classes) && '
        '(principal.kind == "workspace" || "Contractors" in principal.groups)',
    ),
    AccessPolicy(
        "stale-accounts-cannot-edit",
        'principal.kind == "user" && principal.last_login != null && '
        'principal.last_login < now - duration("2160h") && rank >= 3',
        severity="warn",
    ),
)


def workspace(projects: int, users: int, groups: int, collections: int) -> Live:
    rnd = random.Random(25)
    emails = [f"user{i:05d}@bench.test" for i in range(users)]
    roles = ["EDITOR"] * 6 + ["MEMBER"] * 2 + ["ADMIN"] + ["GUEST"]
    people = {
        e: LiveUser(
            f"u{i}",
            e,
            f"User {i}",
            rnd.choice(roles),
            (NOW - dt.timedelta(days=rnd.randint(0, 400))).isoformat(),
        )
        for i, e in enumerate(emails)
    }
    names = ["Finance", "Contractors"] + [f"Team {i:03d}" for i in range(groups - 2)]
    teams = {
        n: LiveGroup(f"g{i}", n, frozenset(rnd.sample(emails, 30))) for i, n in enumerate(names)
    }
    colls = ["Finance", "PII"] + [f"Collection {i:03d}" for i in range(collections - 2)]
    shelves = {
        c: LiveCollection(
            f"c{i}",
            c,
            sharing=LiveCollectionSharing(
                groups=FrozenMap({names[i % groups]: "VIEW"}),
                workspace="MEMBER" if i % 5 == 4 else "NONE",
            ),
        )
        for i, c in enumerate(colls)
    }
    levels = ["APP_ONLY", "CAN_VIEW", "CAN_EDIT", "FULL_ACCESS"]
    made = {}
    for i in range(projects):
        pid = f"p{i:05d}"
        made[pid] = LiveProject(
            pid,
            f"Project {i:05d}",
            owner=emails[i % users],
            sharing=LiveSharing(
                users=FrozenMap(
                    {
                        emails[(i * 7) % users]: rnd.choice(levels),
                        emails[(i * 13) % users]: "CAN_VIEW",
                    }
                ),
                groups=FrozenMap(
                    {names[i % groups]: "CAN_VIEW", names[(i * 3) % groups]: rnd.choice(levels)}
                ),
                collections=FrozenMap({colls[i % collections]: "CAN_VIEW"}),
                workspace="CAN_VIEW" if i % 10 == 0 else "NONE",
            ),
        )
    return Live(
        org_id="bench",
        users=FrozenMap(people),
        groups=FrozenMap(teams),
        collections=FrozenMap(shelves),
        projects=FrozenMap(made),
    )


def _load() -> str:
    try:
        return f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    except OSError:
        return "load average unknown"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--projects", type=int, default=10_000)
    parser.add_argument("--users", type=int, default=2_000)
    parser.add_argument("--groups", type=int, default=200)
    parser.add_argument("--collections", type=int, default=100)
    parser.add_argument("--engine", choices=sorted(ENGINES), default=default_engine())
    parser.add_argument("--plan", action="store_true", help="also time check_policies")
    args = parser.parse_args()

    print(f"{_load()}; times are wall clock (CPU time of this process in brackets)")
    start = time.perf_counter()
    live = workspace(args.projects, args.users, args.groups, args.collections)
    print(f"workspace built in {time.perf_counter() - start:.2f} s")

    gc.disable()  # as evaluate() does: a million acyclic objects, no collection to walk them
    start, cpu = time.perf_counter(), time.process_time()
    listed = list(grants(AccessEngine(live)))
    listing, listing_cpu = time.perf_counter() - start, time.process_time() - cpu
    kinds: dict[str, int] = {}
    for g in listed:
        kinds[g.principal.kind] = kinds.get(g.principal.kind, 0) + 1
    detail = ", ".join(f"{n:,} {k}" for k, n in kinds.items())
    print(f"{len(listed):,} grants ({detail}) listed in {listing:.2f} s ({listing_cpu:.2f} s)")

    evaluator = Evaluator(POLICIES, now=NOW, engine=args.engine)
    start, cpu = time.perf_counter(), time.process_time()
    found = [v for g in listed for v in evaluator.violations(g)]
    judging, judging_cpu = time.perf_counter() - start, time.process_time() - cpu
    gc.enable()
    runs = sum(len(d.answers) for d in (*evaluator._deny, *evaluator._unless) if d is not None)
    print(
        f"{len(POLICIES)} policies judged on {args.engine} in {judging:.2f} s "
        f"({judging_cpu:.2f} s): "
        f"{len(found):,} violations, {runs:,} expression runs "
        f"for {len(listed) * len(POLICIES):,} decisions"
    )
    print(f"listing and judging: {listing + judging:.2f} s")
    del listed, found
    start, cpu = time.perf_counter(), time.process_time()
    again = evaluate(Evaluator(POLICIES, now=NOW, engine=args.engine), live)
    print(
        f"evaluate() from the workspace, sorted: {time.perf_counter() - start:.2f} s "
        f"({time.process_time() - cpu:.2f} s)"
    )
    del again
    if args.plan:
        some = sorted(live.projects)[:50]
        changes = [
            Change(
                Kind.PROJECT,
                Action.UPDATE,
                live.projects[pid].title,
                pid,
                (FieldChange("sharing.workspace", "NONE", "CAN_EDIT"),),
            )
            for pid in some
        ]
        start, cpu = time.perf_counter(), time.process_time()
        refusals, warnings = check_policies(POLICIES, live, changes, now=NOW, engine=args.engine)
        print(
            f"check_policies (the workspace and the plan's projection) in "
            f"{time.perf_counter() - start:.2f} s ({time.process_time() - cpu:.2f} s): "
            f"{len(refusals)} refusals, "
            f"{len(warnings)} warnings listed"
        )


if __name__ == "__main__":
    main()
