"""Hostile files through the real command: each refused within a second, memory bounded.

Run: python benchmarks/bench_hostile.py
(exits 1 when a refusal takes a second or more, or its process peaks over 200 MB)

Each case runs ``hexsync validate`` or ``hexsync apply`` in a fresh process, as a user meets it,
and reports wall time, the time beyond ``hexsync --version`` (interpreter start and imports,
which a loaded machine stretches), peak resident memory and the error line. The budget applies
to the time beyond start.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HEXSYNC = str(Path(sys.executable).parent / "hexsync")
BUDGET_SECONDS = 1.0
BUDGET_MB = 200


def _cases(folder: Path) -> list[tuple[str, list[str]]]:
    deep = folder / "deep.yaml"
    deep.write_text("version: 1\ngroups: " + "[" * 1000 + "]" * 1000 + "\n", "utf-8")
    name = folder / "name.yaml"
    name.write_text("version: 1\ngroups:\n  - name: " + "A" * 2_000_000 + "\n", "utf-8")
    brackets = folder / "brackets.json"
    brackets.write_text("[" * 100_000, "utf-8")
    ff = folder / "ff.json"
    ff.write_bytes(b'{"format_version": 1, "x": "\xff"}')
    huge = folder / "huge.json"
    with huge.open("wb") as handle:
        handle.truncate(300 * 1024 * 1024)
    return [
        ("manifest nested 1,000 deep", ["validate", str(deep)]),
        ("manifest 2 MB group name", ["validate", str(name)]),
        ("plan.json of 100k '['", ["apply", str(brackets)]),
        ("plan.json with a byte 0xff", ["apply", str(ff)]),
        ("plan.json of 300 MB", ["apply", str(huge)]),
    ]


def _run(args: list[str]) -> tuple[float, subprocess.CompletedProcess[str]]:
    start = time.perf_counter()
    done = subprocess.run([HEXSYNC, *args], capture_output=True, text=True, check=False)
    return time.perf_counter() - start, done


def main() -> int:
    ok = True
    baseline = min(_run(["--version"])[0] for _ in range(3))
    print(f"{'hexsync --version':<28} {baseline * 1000:7.0f} ms (start-up, subtracted below)")
    with tempfile.TemporaryDirectory() as tmp:
        for label, args in _cases(Path(tmp)):
            took, done = _run(args)
            beyond = max(0.0, took - baseline)
            peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
            fine = beyond < BUDGET_SECONDS and peak_mb < BUDGET_MB and done.returncode == 1
            ok = ok and fine
            first = (done.stderr or done.stdout).splitlines()[0][:80]
            verdict = "ok" if fine else "FAIL"
            print(
                f"{label:<28} {took * 1000:7.0f} ms (+{beyond * 1000:5.0f}) {peak_mb:5.0f} MB"
                f"  {verdict:<4} {first}"
            )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
