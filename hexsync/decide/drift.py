"""Drift: what in Hex no longer matches the manifests, as a value (``hexsync drift``).

Drift is read off the plan, never computed a second way: the plan's diff already knows the
manifests' modes (additive members, authoritative sharing, the owner's own access), so a field
is drift exactly when ``plan`` would change it, and the two commands can never disagree. Each
field says what the manifests hold and what Hex holds now (a plan's ``new`` and ``old``).

Pure: ``drift_of(plan)`` does no I/O; rendering is in ``render/drift.py``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from hexsync.values.desired import Mark
from hexsync.values.plan import Action, Change, Plan, WorkspaceInfo

__all__ = ["DRIFT_FORMAT_VERSION", "Drift", "DriftField", "DriftItem", "drift_of"]

DRIFT_FORMAT_VERSION = 1

# What each plan action says about the workspace, read the other way round.
_STATE = {
    Action.UPDATE: "differs",  # the object is there; some fields no longer match
    Action.CREATE: "missing",  # declared in the manifests, not (or no longer) in Hex
    Action.DELETE: "unexpected",  # in Hex, though the manifests say absent (or prune it)
    Action.DEACTIVATE: "active",  # a user the manifests deactivate is active in Hex
}


@dataclass(frozen=True)
class DriftField:
    """One field that no longer matches: ``manifests`` is what git says, ``live`` what Hex has
    (``None``: absent — not a member, no access, no status)."""

    path: str
    key: str | None
    manifests: str | None
    live: str | None

    @property
    def label(self) -> str:
        return self.path if self.key is None else f"{self.path}[{self.key}]"

    @property
    def data(self) -> dict[str, Any]:
        return {"path": self.path, "key": self.key, "manifests": self.manifests, "live": self.live}


@dataclass(frozen=True)
class DriftItem:
    """One object of the workspace that drifted, and where the manifests declare it."""

    kind: str
    name: str
    id: str | None
    state: str
    fields: tuple[DriftField, ...]
    mark: Mark | None = None

    @property
    def where(self) -> str | None:
        return None if self.mark is None else f"{self.mark.file}:{self.mark.line}"

    @property
    def data(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "name": self.name,
            "id": self.id,
            "state": self.state,
            "declared_at": self.where,
            "fields": [f.data for f in self.fields],
        }


@dataclass(frozen=True)
class Drift:
    """Every object that drifted, in the plan's order, and the workspace it was read from."""

    workspace: WorkspaceInfo
    items: tuple[DriftItem, ...]
    read_requests: int = 0

    @property
    def found(self) -> bool:
        return bool(self.items)

    @property
    def field_count(self) -> int:
        return sum(max(1, len(item.fields)) for item in self.items)

    @property
    def data(self) -> dict[str, Any]:
        return {
            "format_version": DRIFT_FORMAT_VERSION,
            "drift": self.found,
            "workspace": {
                "api_url": self.workspace.api_url,
                "org_id": self.workspace.org_id,
                "org_name": self.workspace.org_name,
            },
            "objects": [item.data for item in self.items],
        }


def _item(change: Change) -> DriftItem:
    fields = tuple(DriftField(f.path, f.key, f.new, f.old) for f in change.fields)
    return DriftItem(
        kind=change.kind.value,
        name=change.name,
        id=change.id,
        state=_STATE[change.action],
        fields=fields,
        mark=change.mark,
    )


def drift_of(plan: Plan) -> Drift:
    """The drift a plan reveals: each change read as "Hex differs from the manifests here"."""
    return Drift(plan.workspace, tuple(_item(c) for c in plan.changes), plan.read_requests)
