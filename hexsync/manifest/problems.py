"""A problem found in manifests, and the error that carries all of them at once."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

from hexsync.errors import HexsyncError
from hexsync.values.desired import Mark

__all__ = ["ManifestError", "Path", "Problem", "Severity", "format_path"]

Path = tuple[str | int, ...]
Severity = Literal["error", "warning"]

_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


def format_path(path: Path) -> str:
    """``("groups", 1, "members", 0)`` → ``groups[1].members[0]``; odd keys are quoted."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        elif _IDENTIFIER.match(part):
            out += f".{part}" if out else part
        else:
            shown = part if len(part) <= 40 else part[:40] + "…"  # a 2 MB key: its start
            out += f"[{json.dumps(shown, ensure_ascii=False)}]"
    return out


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in a manifest: where (file, line, column, path), what, and what to do."""

    file: str
    line: int
    column: int
    path: str
    message: str
    hint: str | None = None
    severity: Severity = "error"

    @classmethod
    def at(
        cls,
        mark: Mark,
        path: Path,
        message: str,
        hint: str | None = None,
        severity: Severity = "error",
    ) -> Problem:
        return cls(mark.file, mark.line, mark.column, format_path(path), message, hint, severity)

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}:{self.column}"
        head = f"{where}: {self.path}: {self.message}" if self.path else f"{where}: {self.message}"
        if self.severity == "warning":
            head = f"{where}: warning: " + head[len(where) + 2 :]
        return f"{head}\n  hint: {self.hint}" if self.hint else head

    def as_dict(self) -> dict[str, object]:
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "path": self.path,
            "message": self.message,
            "hint": self.hint,
            "severity": self.severity,
        }


class ManifestError(HexsyncError):
    """The manifests have problems; ``problems`` holds every one found, in file order."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: Sequence[Problem] = tuple(problems)
        errors = [p for p in self.problems if p.severity == "error"]
        lines = "\n".join(str(p) for p in self.problems)
        super().__init__(
            f"{len(errors)} problem{'s' if len(errors) != 1 else ''} in the manifests:\n{lines}",
            hint="run `hexsync validate PATH` to check manifests offline",
        )
