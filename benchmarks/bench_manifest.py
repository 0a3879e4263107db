"""Timing of manifest reading: hostile files are refused within a second, large ones load fast.

Run: python benchmarks/bench_manifest.py [--projects 10000]
(exits 1 when a refusal takes a second or more)

The large manifest is the one ``bench_plan.py`` plans against (every project with status and
sharing, 2,000 users, 50 groups); its time is shown per stage: YAML to values with marks, the
schema, and the typed desired state with its checks.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import yaml
from bench_plan import workspace

from hexsync.manifest import check
from hexsync.manifest.build import ParsedDocument, build_desired
from hexsync.manifest.schema import schema_problems
from hexsync.manifest.yamlsafe import Document, FileLimits, paused_gc, read_document

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


def _stages(path: Path, rounds: int) -> None:
    """Best of ``rounds`` for each stage of loading one large file, as ``check`` runs them."""
    best = {"read (YAML, marks)": 1e9, "schema": 1e9, "build + checks": 1e9, "total": 1e9}
    for _ in range(rounds):
        with paused_gc():
            times = _stage_times(path)
        for label, took in zip(best, times, strict=True):
            best[label] = min(best[label], took)
    for label, took in best.items():
        print(f"  {label:<26} {took * 1000:8.1f} ms")
    start = time.perf_counter()
    result = check([path], limits=FileLimits(max_bytes=50_000_000))
    took = time.perf_counter() - start
    assert result.ok, result.problems
    print(f"  {'check() once, cold':<26} {took * 1000:8.1f} ms")


def _stage_times(path: Path) -> tuple[float, float, float, float]:
    start = time.perf_counter()
    doc = read_document(path, path.name, FileLimits(max_bytes=50_000_000))
    assert isinstance(doc, Document), doc
    read = time.perf_counter()
    problems, bad = schema_problems(doc)
    checked = time.perf_counter()
    desired, more = build_desired([ParsedDocument(doc, bad)])
    built = time.perf_counter()
    assert desired is not None, more
    assert not problems, problems
    return read - start, checked - read, built - checked, built - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    ok = _timed("billion laughs", [LAUGHS], 1.0)
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "big.yaml"
        big.write_bytes(b"version: 1\n" + b"# padding\n" * 5_000_000)
        ok = _timed("50 MB file", [big], 1.0) and ok
        large = Path(tmp) / "projects.yaml"
        _, manifest = workspace(args.projects, 2_000, 50)
        large.write_text(yaml.safe_dump(manifest, sort_keys=False), encoding="utf-8")
        size = large.stat().st_size / 1_000_000
        print(f"{args.projects:,} projects ({size:.1f} MB), best of {args.rounds}:")
        _stages(large, args.rounds)
    _timed("examples/acme/manifests", [EXAMPLES], None)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
