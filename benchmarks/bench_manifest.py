"""Timing of manifest reading: hostile files are refused within a second, the example loads fast.

Run: python benchmarks/bench_manifest.py   (exits 1 when a refusal takes a second or more)
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from hexsync.manifest import check

ROOT = Path(__file__).resolve().parents[1]
LAUGHS = ROOT / "tests" / "manifest" / "bad" / "billion_laughs.yaml"
EXAMPLES = ROOT / "examples" / "acme" / "manifests"


def _timed(label: str, paths: list[Path], budget: float | None) -> bool:
    start = time.perf_counter()
    result = check(paths)
    took = time.perf_counter() - start
    verdict = "ok" if budget is None or took < budget else "TOO SLOW"
    first = result.problems[0].message if result.problems else "no problems"
    print(f"{label:<28} {took * 1000:8.1f} ms  {verdict:<8} {first}")
    return budget is None or took < budget


def main() -> int:
    ok = _timed("billion laughs", [LAUGHS], 1.0)
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big.yaml"
        big.write_bytes(b"version: 1\n" + b"# padding\n" * 5_000_000)
        ok = _timed("50 MB file", [big], 1.0) and ok
    _timed("examples/acme/manifests", [EXAMPLES], None)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
