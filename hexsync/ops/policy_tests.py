"""``hexsync policy test``: policy unit tests as data, as ``opa test`` has them.

A ``policies_test.yaml`` lists grants and, for each, the policies that must deny it (none: it
must be allowed). The policies are the manifests' (``policies:``); the grants are written by
hand, so a policy's author sees it deny what it should, and only that, before it meets a
workspace. The format is in docs/policies.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from hexsync.decide.policies import Evaluator, grant_from_data
from hexsync.errors import ConfigError
from hexsync.manifest.problems import Problem
from hexsync.manifest.yamlsafe import FileLimits, read_document
from hexsync.values.desired import AccessPolicy, Mark, parse_timestamp

__all__ = ["TEST_FILE", "PolicyTest", "find_test_files", "run_file"]

TEST_FILE = "policies_test.yaml"
_KEYS = {"name", "grant", "denied_by"}


@dataclass(frozen=True)
class PolicyTest:
    """One test's outcome: ``want`` and ``got`` are policy names, sorted; ``problem`` says why
    the test could not run (a field a grant does not have, a policy no manifest declares)."""

    name: str
    mark: Mark
    want: tuple[str, ...] = ()
    got: tuple[str, ...] = ()
    problem: str | None = None

    @property
    def passed(self) -> bool:
        return self.problem is None and self.want == self.got

    @property
    def line(self) -> str:
        head = f"{self.mark.file}:{self.mark.line}: {self.name}"
        if self.problem is not None:
            return f"ERROR {head}: {self.problem}"
        if self.passed:
            return f"PASS  {head}"
        return (
            f"FAIL  {head}: expected denied by [{', '.join(self.want)}],"
            f" got [{', '.join(self.got)}]"
        )


def find_test_files(root: Path) -> list[Path]:
    """Every ``policies_test.yaml`` under ``root`` (or ``root`` itself), sorted."""
    if root.is_file():
        return [root]
    return sorted(p for p in root.rglob(TEST_FILE) if not any(x.startswith(".") for x in p.parts))


def _now(data: dict[str, Any], file: str) -> dt.datetime:
    given = data.get("now")
    if given is None:
        return dt.datetime.now(dt.timezone.utc)
    found = parse_timestamp(str(given))
    if found is None:
        raise ConfigError(f"{file}: now: {given!r} is not a timestamp", hint="e.g. 2026-06-01")
    return found


def run_file(path: Path, shown: str, policies: Sequence[AccessPolicy]) -> list[PolicyTest]:
    """The tests of one file run against ``policies``; ConfigError when the file is not one."""
    doc = read_document(path, shown, FileLimits())
    if isinstance(doc, Problem):
        raise ConfigError(str(doc))
    data = doc.data
    if not isinstance(data, dict) or not isinstance(data.get("tests"), list):
        raise ConfigError(
            f"{shown}: not policy tests: expected a 'tests:' list",
            hint="see docs/policies.md, 'Testing a policy'",
        )
    evaluator = Evaluator(policies, now=_now(data, shown))
    known = {p.name for p in policies}
    out = []
    for index, entry in enumerate(data["tests"]):
        mark = doc.mark(("tests", index))
        if not isinstance(entry, dict):
            out.append(PolicyTest(f"test {index + 1}", mark, problem="not a mapping"))
            continue
        name = str(entry.get("name", f"test {index + 1}"))
        want = entry.get("denied_by", [])
        problem = None
        if set(entry) - _KEYS:
            problem = f"unknown key {', '.join(sorted(set(entry) - _KEYS))} (a test has name, "
            problem += "grant, denied_by)"
        elif not isinstance(want, list) or not all(isinstance(w, str) for w in want):
            problem = "denied_by: a list of policy names ([] when every policy allows it)"
        elif unknown := sorted(set(want) - known):
            problem = f"denied_by names no policy of the manifests: {', '.join(unknown)}"
        if problem is not None:
            out.append(PolicyTest(name, mark, problem=problem))
            continue
        try:
            grant = grant_from_data(entry.get("grant") or {})
        except ValueError as exc:
            out.append(PolicyTest(name, mark, problem=f"grant: {exc}"))
            continue
        got = sorted({v.policy.name for v in evaluator.violations(grant)})
        out.append(PolicyTest(name, mark, tuple(sorted(want)), tuple(got)))
    return out
