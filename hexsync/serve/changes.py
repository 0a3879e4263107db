"""The out-of-band change log: two consecutive snapshots of the workspace compared into "what
changed in Hex, and when", unmanaged objects included.

Objects are matched by id. The ones present in both snapshots and equal (a dict comparison, in C)
are skipped; the nested comparison of the others is deepdiff's (``ignore_order`` for member
lists, always down to the single key, so a share given to one person is one line). At 10,000
projects an idle comparison costs milliseconds (benchmarks/bench_serve.py).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any

from deepdiff import DeepDiff

from hexsync.store import ChangeObservation

__all__ = ["Managed", "compare_snapshots"]

# kind (as plan and drift say it), the snapshot's section, the field that names an object
SECTIONS = (
    ("user", "users", "email"),
    ("group", "groups", "name"),
    ("collection", "collections", "name"),
    ("project", "projects", "title"),
)

Managed = Callable[[str, str, str], bool]  # (kind, id, name) → the manifests declare it

_ACTIONS = {
    "values_changed": "changed",
    "type_changes": "changed",
    "dictionary_item_added": "added",
    "dictionary_item_removed": "removed",
    "iterable_item_added": "added",
    "iterable_item_removed": "removed",
}


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _field(path: list[Any]) -> str:
    """``['sharing', 'users', 'a@x']`` → ``sharing.users[a@x]``; a list index is dropped
    (``members``: the value says who)."""
    names = [str(p) for p in path if not isinstance(p, int)]
    if len(names) >= 3 and names[0] == "sharing":
        return f"{names[0]}.{names[1]}[{'.'.join(names[2:])}]"
    return ".".join(names)


def _object_changes(
    kind: str, ident: str, name: str, old: dict[str, Any], new: dict[str, Any], managed: bool
) -> Iterator[ChangeObservation]:
    diff = DeepDiff(
        old, new, ignore_order=True, view="tree", verbose_level=2, threshold_to_diff_deeper=0
    )
    for report, levels in diff.items():
        action = _ACTIONS.get(report)
        if action is None:
            continue
        for level in levels:
            path = level.path(output_format="list")
            before = None if action == "added" else _text(level.t1)
            after = None if action == "removed" else _text(level.t2)
            yield ChangeObservation(kind, ident, name, action, _field(path), before, after, managed)


def compare_snapshots(
    old: dict[str, Any],
    new: dict[str, Any],
    managed: Managed,
    *,
    by_hexsync: bool = False,
) -> list[ChangeObservation]:
    """Every change from ``old`` to ``new``: objects added and removed, and each field (each
    share, each member) changed; ``by_hexsync`` marks them as a heal's own writes."""
    out: list[ChangeObservation] = []
    for kind, section, name_field in SECTIONS:
        before: dict[str, Any] = old.get(section, {})
        after: dict[str, Any] = new.get(section, {})
        for ident in sorted(before.keys() | after.keys()):
            a, b = before.get(ident), after.get(ident)
            if a == b:
                continue
            name = str((b or a or {}).get(name_field) or ident)
            is_managed = managed(kind, ident, name)
            if a is None:
                out.append(
                    ChangeObservation(kind, ident, name, "added", "", None, name, is_managed)
                )
            elif b is None:
                out.append(
                    ChangeObservation(kind, ident, name, "removed", "", name, None, is_managed)
                )
            else:
                out.extend(_object_changes(kind, ident, name, a, b, is_managed))
    for key in ("org", "me"):
        if old.get(key) != new.get(key):
            out.extend(
                _object_changes("workspace", key, key, old.get(key) or {}, new.get(key) or {}, True)
            )
    if by_hexsync:
        out = [
            ChangeObservation(
                c.kind, c.object_id, c.object_name, c.action, c.path, c.old, c.new, c.managed, True
            )
            for c in out
        ]
    return out
