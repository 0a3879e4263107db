"""What apply tells: each outcome, the fields that did not take, the report, progress events."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from hexsync.values.kinds import Kind
from hexsync.values.plan import (
    Action,
    Change,
)

Status = Literal["done", "failed", "skipped"]


def describe(change: Change) -> str:
    """How a change is named in progress lines and the report: ``project "Revenue" (0b3f6a51…)``."""
    text = f'{change.kind.value} "{change.name}"'
    if change.kind is Kind.PROJECT and change.id:
        text += f" ({change.id[:8]}…)"
    return text


_SIGN = {Action.CREATE: "+", Action.UPDATE: "~", Action.DELETE: "-", Action.DEACTIVATE: "-"}


@dataclass(frozen=True)
class Outcome:
    """What happened to one change of the plan."""

    change: Change
    status: Status
    reason: str = ""  # why it failed or was skipped; for a done change, a note (adopted …)
    id: str | None = None  # the object's id (a created object's new id)
    # A create sent whose answer was lost and that reading back did not settle: the object may
    # appear later (Hex may still carry the request out). Never sent again without a new read.
    unknown: bool = False

    @property
    def address(self) -> str:
        return self.change.address

    @property
    def line(self) -> str:
        """``~ project "Revenue overview" (0b3f6a51…) … done``."""
        text = f"{_SIGN[self.change.action]} {describe(self.change)} … {self.status}"
        return f"{text}: {self.reason}" if self.reason else text

    @property
    def data(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "address": self.address,
            "kind": self.change.kind.value,
            "action": self.change.action.value,
            "name": self.change.name,
            "id": self.id or self.change.id,
            "status": self.status,
        }
        if self.reason:
            out["reason"] = self.reason
        if self.unknown:
            out["outcome_unknown"] = True
        return out


@dataclass(frozen=True)
class Unconverged:
    """A field apply wrote that the workspace does not show afterwards."""

    change: Change
    path: str
    key: str | None
    expected: str | None
    found: str | None

    @property
    def message(self) -> str:
        where = f'{self.path}["{self.key}"]' if self.key is not None else self.path
        return (
            f"{describe(self.change)}: {where} is {_show(self.found)} after apply, "
            f"expected {_show(self.expected)}"
        )

    @property
    def data(self) -> dict[str, Any]:
        return {
            "address": self.change.address,
            "path": self.path,
            "key": self.key,
            "expected": self.expected,
            "found": self.found,
        }


def _show(value: str | None) -> str:
    return "absent" if value is None else f'"{value}"'


@dataclass(frozen=True)
class ApplyReport:
    """Every change of the plan with its outcome, in plan order, and what the re-read found."""

    outcomes: tuple[Outcome, ...] = ()
    requests: int = 0  # API requests made, reads included
    writes: int = 0  # of which carried out the changes (retries and create read-backs included)
    seconds: float = 0.0
    unconverged: tuple[Unconverged, ...] = ()
    notes: tuple[str, ...] = ()  # warnings that are not failures (e.g. the re-read itself failed)
    duplicates: tuple[str, ...] = ()  # titles held by two projects or more after the apply

    def _with(self, status: Status) -> tuple[Outcome, ...]:
        return tuple(o for o in self.outcomes if o.status == status)

    @property
    def done(self) -> tuple[Outcome, ...]:
        return self._with("done")

    @property
    def failed(self) -> tuple[Outcome, ...]:
        return self._with("failed")

    @property
    def skipped(self) -> tuple[Outcome, ...]:
        return self._with("skipped")

    @property
    def ok(self) -> bool:
        """Everything done, and everything done reads back as planned."""
        return not self.failed and not self.skipped and not self.unconverged and not self.duplicates

    @property
    def summary(self) -> str:
        """``Apply complete: 5 done, 0 failed, 0 skipped · 9 writes, 4 reads in 4.1 s``."""
        head = "Apply complete" if self.ok else "Apply finished partially"
        if self.failed and not self.done:
            head = "Apply failed"  # nothing was carried out: not "partially"
        text = (
            f"{head}: {len(self.done)} done, {len(self.failed)} failed, "
            f"{len(self.skipped)} skipped · {self.writes} writes, "
            f"{self.requests - self.writes} reads in {self.seconds:.1f} s"
        )
        if self.unconverged:
            text += f" · {len(self.unconverged)} fields did not converge"
        if self.duplicates:
            text += f" · {len(self.duplicates)} duplicate project titles"
        return text

    @property
    def data(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "summary": {
                "done": len(self.done),
                "failed": len(self.failed),
                "skipped": len(self.skipped),
                "unconverged": len(self.unconverged),
                "requests": self.requests,
                "writes": self.writes,
                "seconds": round(self.seconds, 3),
            },
            "outcomes": [o.data for o in self.outcomes],
            "unconverged": [u.data for u in self.unconverged],
            "notes": list(self.notes),
            "duplicates": list(self.duplicates),
        }


@dataclass(frozen=True)
class Progress:
    """One change finished: ``position`` of ``total`` (1-based, in the order they finished)."""

    position: int
    total: int
    outcome: Outcome

    @property
    def line(self) -> str:
        return f"[{self.position}/{self.total}] {self.outcome.line}"


ProgressCallback = Callable[[Progress], None]
