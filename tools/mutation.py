"""Mutation testing of the code that decides what may reach a workspace (docs/testing.md).

    python tools/mutation.py                 # every module below, then the scores
    python tools/mutation.py guardrails      # one or more of them
    python tools/mutation.py --report        # scores and survivors of the last run, no run

A wrapper around mutmut (configured in pyproject.toml, ``[tool.mutmut]``): it runs the mutants of
the chosen modules against the tests that cover them, then prints the score per module and every
surviving mutant as a diff. For apply/execute.py only the ordering counts (the rest is I/O,
tested end to end). Not part of CI: it takes minutes. Run it before a
release and whenever these modules change, and keep docs/testing.md's table and survivor list in
step with what it prints.
"""

from __future__ import annotations

import argparse
import fnmatch
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# name → (mutmut's module, the functions that count; None: all of them)
MODULES: dict[str, tuple[str, tuple[str, ...] | None]] = {
    "guardrails": ("hexsync.decide.guardrails", None),
    "impact": ("hexsync.decide.impact", None),
    "access": ("hexsync.decide.access_engine", None),
    "diff": ("hexsync.decide.diff", None),
    "apply": (
        "hexsync.apply.execute",
        ("ǁ_Runǁrun", "ǁ_Runǁ_after", "ǁ_Runǁ_block_dependents", "ǁ_Runǁ_check_prerequisites"),
    ),
    # the saved-plan gate: all but apply_saved_plan, which only calls the others and reads
    "gate": (
        "hexsync.apply.gate",
        (
            "check_fresh",
            "refuse_if_refused",
            "refuse_if_stale",
            "_refuse_unless_implied",
            "_ref_label",
            "reevaluate",
            "_identity",
            "_field_text",
            "compare_changes",
        ),
    ),
    "saved_plan": ("hexsync.planning.saved_plan", None),
    "hex_access": ("hexsync.values.hex_access", None),
    "rules": ("hexsync.decide.rules_compiler", None),
    "rule_effect": ("hexsync.decide.rule_effect", None),
    "shadowing": ("hexsync.decide.shadowing", None),
    "projection": ("hexsync.decide.projection", None),
    "build": ("hexsync.manifest.build", None),
    "policies": ("hexsync.decide.policies", None),
    "expiry": ("hexsync.decide.expiry", None),
    "connections": ("hexsync.decide.connections", None),
    "findings": ("hexsync.decide.findings", None),
}


def _patterns(name: str) -> list[str]:
    module, functions = MODULES[name]
    if functions is None:
        return [f"{module}.*"]
    return [f"{module}.x{'_' if not f.startswith('ǁ') else ''}{f}__mutmut_*" for f in functions]


def _results() -> dict[str, str]:
    out = subprocess.run(
        ["mutmut", "results", "--all", "true"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout
    results = {}
    for line in out.splitlines():
        name, _, status = line.strip().rpartition(": ")
        if name:
            results[name] = status
    return results


def _show(mutant: str) -> str:
    diff = subprocess.run(
        ["mutmut", "show", mutant], cwd=ROOT, capture_output=True, text=True, check=False
    ).stdout
    return "\n".join(
        line for line in diff.splitlines() if line[:1] in "+-" and line[:3] not in ("+++", "---")
    )


def report(names: list[str]) -> int:
    results = _results()
    worst = 100.0
    for name in names:
        patterns = _patterns(name)
        mine = {m: s for m, s in results.items() if any(fnmatch.fnmatch(m, p) for p in patterns)}
        counted = {m: s for m, s in mine.items() if s != "not checked"}
        killed = sum(1 for s in counted.values() if s in ("killed", "timeout"))
        total = len(counted)
        score = 100.0 * killed / total if total else 0.0
        worst = min(worst, score)
        print(f"{name:<12} {killed:>4}/{total:<4} killed  {score:5.1f}%")
        for mutant, status in sorted(counted.items()):
            if status not in ("killed", "timeout"):
                print(f"  {status}: {mutant}")
                for line in _show(mutant).splitlines():
                    print(f"      {line}")
    return 0 if worst >= 95.0 else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("modules", nargs="*", choices=[*MODULES, []], metavar="MODULE")
    parser.add_argument("--report", action="store_true", help="only print the last run's results")
    parser.add_argument("--max-children", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args()
    names = args.modules or list(MODULES)
    if not args.report:
        patterns = [p for n in names for p in _patterns(n)]
        command = ["mutmut", "run", "--max-children", str(args.max_children), *patterns]
        run = subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, check=False)
        if run.returncode not in (0, 1):
            print(f"mutmut run failed (exit {run.returncode})", file=sys.stderr)
            return run.returncode
    return report(names)


if __name__ == "__main__":
    sys.exit(main())
