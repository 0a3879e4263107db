"""Find manifest files, read them safely, check them, and merge them into one desired state."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from hexsync.manifest.build import ParsedDocument, build_desired
from hexsync.manifest.foreign import foreign_kind
from hexsync.manifest.lookalike import findings
from hexsync.manifest.problems import ManifestError, Problem
from hexsync.manifest.schema import schema_problems
from hexsync.manifest.yamlsafe import FileLimits, paused_gc, read_document
from hexsync.values.desired import Desired

__all__ = ["CheckResult", "check", "find_files", "load"]

SUFFIXES = (".yaml", ".yml")
DEFAULT_LIMITS = FileLimits()


@dataclass(frozen=True)
class CheckResult:
    """What ``check`` found: the desired state when there is no error, and every problem."""

    desired: Desired | None
    problems: tuple[Problem, ...]
    files: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return self.desired is not None and not any(p.severity == "error" for p in self.problems)


def _display(path: Path, base: Path) -> str:
    try:
        return path.resolve().relative_to(base).as_posix()
    except ValueError:
        return path.as_posix()


def _manifests_in(root: Path) -> list[Path]:
    """The manifest files under ``root``, sorted by their path below it.

    Hidden files and directories (``.git``, an editor's ``.#x.yaml``) are skipped; symlinked
    directories are followed (a manifest tree may link a shared folder in), each real directory
    once, so a link back up the tree is no loop.
    """
    found: list[Path] = []
    visited: set[str] = set()
    for current, dirs, files in os.walk(root, followlinks=True):
        real = os.path.realpath(current)
        if real in visited:
            dirs.clear()
            continue
        visited.add(real)
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        here = Path(current)
        found += (
            here / f
            for f in files
            if not f.startswith(".") and f.endswith(SUFFIXES) and (here / f).is_file()
        )
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


def find_files(
    paths: Iterable[str | os.PathLike[str]], base: Path
) -> tuple[list[tuple[Path, str]], list[Problem]]:
    """Expand files and directories (recursively, sorted; hidden entries skipped) to files."""
    found: list[tuple[Path, str]] = []
    problems: list[Problem] = []
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        shown = _display(path, base)
        if path.is_dir():
            inside = _manifests_in(path)
            if not inside:
                problems.append(
                    Problem(shown, 1, 1, "", "no *.yaml or *.yml files in this directory")
                )
            candidates = inside
        elif path.exists():
            candidates = [path]
        else:
            problems.append(Problem(shown, 1, 1, "", "no such file or directory", "check the path"))
            continue
        for candidate in candidates:
            key = candidate.resolve()
            if key not in seen:
                seen.add(key)
                found.append((candidate, _display(candidate, base)))
    return found, problems


def check(
    paths: Sequence[str | os.PathLike[str]],
    *,
    limits: FileLimits = DEFAULT_LIMITS,
    relative_to: Path | None = None,
) -> CheckResult:
    """Read and check manifests offline, gathering every problem before returning.

    File names in marks and problems are relative to ``relative_to`` (default: the current
    directory) when the file is under it.
    """
    with paused_gc():  # see paused_gc: the collector would walk every value again and again
        return _check(paths, limits, relative_to)


@dataclass
class ReadFiles:
    """Manifest files read and schema-checked, not yet merged."""

    files: list[tuple[Path, str]]
    parsed: list[ParsedDocument]
    problems: list[Problem]
    all_read: bool
    skipped: set[str]

    @property
    def shown(self) -> tuple[str, ...]:
        return tuple(shown for _, shown in self.files if shown not in self.skipped)


def read_files(
    paths: Sequence[str | os.PathLike[str]], limits: FileLimits, base: Path
) -> ReadFiles:
    """The files at ``paths`` read safely and checked against the schema, each problem located."""
    files, problems = find_files(paths, base)
    named = {Path(p).resolve() for p in paths if Path(p).is_file()}
    read = ReadFiles(files, [], problems, True, set())
    for path, shown in files:
        doc = read_document(path, shown, limits)
        if isinstance(doc, Problem):
            problems.append(doc)
            read.all_read = False
            continue
        kind = foreign_kind(doc.data)
        if kind is not None:
            is_named = path.resolve() in named
            problems.append(_foreign(shown, kind, named=is_named))
            if not is_named:
                read.skipped.add(shown)
            continue
        found, bad = schema_problems(doc)
        problems.extend(found)
        read.parsed.append(ParsedDocument(doc, bad))
    return read


def finish(desired: Desired | None, problems: list[Problem], files: Sequence[str]) -> CheckResult:
    """The look-alike warnings, problems in file order, and no desired state with an error."""
    if desired is not None:
        problems.extend(
            Problem(f.mark.file, f.mark.line, f.mark.column, "", f.message, f.hint, "warning")
            for f in findings(desired)
        )
    if any(p.severity == "error" for p in problems):
        desired = None
    order = {shown: i for i, shown in enumerate(files)}
    problems.sort(key=lambda p: (order.get(p.file, -1), p.line, p.column))
    return CheckResult(desired, tuple(problems), tuple(files))


def _check(
    paths: Sequence[str | os.PathLike[str]], limits: FileLimits, relative_to: Path | None
) -> CheckResult:
    base = (relative_to or Path.cwd()).resolve()
    read = read_files(paths, limits, base)
    desired, more = build_desired(read.parsed, all_read=read.all_read)
    result = finish(desired, [*read.problems, *more], [shown for _, shown in read.files])
    return CheckResult(result.desired, result.problems, read.shown)


def _foreign(shown: str, kind: str, *, named: bool) -> Problem:
    """One line for a YAML file that is not a manifest. Found in a directory it is skipped with
    a warning (seeds and CI files may sit beside manifests); named on its own it is an error."""
    if named:
        return Problem(shown, 1, 1, "", f"not a manifest: this looks like {kind}")
    return Problem(
        shown, 1, 1, "", f"not a manifest, skipped: this looks like {kind}", severity="warning"
    )


def load(
    paths: Sequence[str | os.PathLike[str]],
    *,
    limits: FileLimits = DEFAULT_LIMITS,
    relative_to: Path | None = None,
    on_warning: Callable[[Problem], None] | None = None,
) -> Desired:
    """The desired state of the manifests at ``paths``; raises ``ManifestError`` with every
    problem when there is any error (warnings alone do not stop it: each goes to
    ``on_warning``, e.g. a seed skipped in a manifest tree)."""
    result = check(paths, limits=limits, relative_to=relative_to)
    if on_warning is not None and result.desired is not None:
        for problem in result.problems:
            if problem.severity == "warning":
                on_warning(problem)
    if result.desired is None:
        raise ManifestError(result.problems)
    return result.desired
