"""``hexsync export --suggest-rules``: rules that explain most of the live sharing. Pure.

The exporter writes one entry per project; at thousands of projects nobody reviews that. This
module looks for the regularities an admin would write as rules: a group (or user, or the
workspace, or a collection) that has the same access on (nearly) every project of a collection,
a category or a status, or on every project at all. Each proposal is an additive rule whose
``except:`` lists, by exact title, the projects that do not have that access today, so the
suggested file plans as no change; the exceptions are what a reviewer should look at.

How (docs/rules.md, "Suggested rules"): for every selector (``all``, each collection the projects
are shared with, each category, each status) with at least ``min_projects`` projects, and every
principal and level found on them, the candidate covers the projects that have exactly that
level; it qualifies when at least ``min_share`` of the selector's projects have that level or
more. Candidates are chosen greedily, most grants first, each only for the grants no chosen rule
explains yet. Archived and trashed projects are left out (rules leave them out by default).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from hexsync.export.manifests import flow, scalar
from hexsync.values.hex_access import level_or_none
from hexsync.values.live import Live, LiveProject
from hexsync.values.plan import access_rank

__all__ = ["SuggestedRule", "Suggestions", "suggest_rules"]

DIMENSIONS = ("workspace", "groups", "users", "collections")
_NAME = re.compile(r"^\S(.*\S)?$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
_GLOB_SPECIAL = re.compile(r"([*?\[])")

Grant = tuple[str, str, str]  # (project id, dimension, principal; "" for the workspace)


@dataclass(frozen=True)
class SuggestedRule:
    """One proposed rule: who gets what on which projects, and the projects that do not."""

    name: str
    selector: tuple[str, str]  # (match key, value): ("collection", "Finance"), ("all", "")
    dimension: str
    principal: str
    level: str
    projects: int  # projects the selector matches
    explained: int  # grants it explains that no earlier rule did
    exceptions: tuple[str, ...]  # titles of matched projects below ``level`` (sorted)


@dataclass(frozen=True)
class Suggestions:
    rules: tuple[SuggestedRule, ...]
    grants: int  # live grants (a principal with access to a project) on listed projects
    explained: int  # of which the rules explain

    @property
    def share(self) -> float:
        return self.explained / self.grants if self.grants else 1.0

    @property
    def document(self) -> str:
        """``rules.yaml``: a manifest file that validates and, beside the export, plans as no
        change (every rule is additive and excepts the projects below its level)."""
        lines = [
            "# Suggested rules (hexsync export --suggest-rules): review before you rely on them.",
            f"# They explain {self.explained} of {self.grants} live grants"
            f" ({self.share:.0%}) on non-archived projects.",
            "# Each rule is additive; its except: lists the projects that lack the access today.",
            "# An explicit projects: entry wins over a rule for the dimensions it sets, so with",
            "# the exported projects.yaml these rules change nothing until entries are removed.",
            "version: 1",
        ]
        if not self.rules:
            return "\n".join([*lines, "rules: []"]) + "\n"
        lines.append("rules:")
        for r in self.rules:
            key, value = r.selector
            lines.append(f"  - name: {scalar(r.name)}")
            # Names go in flow mappings, where "," "{" "}" "[" "]" end a plain scalar: `flow`
            # quotes them for that place (`{groups: {'Sales, Ops': CAN_EDIT}}`).
            match = {"all": True} if key == "all" else {key: value}
            lines.append(f"    match: {flow(match)}")
            if r.exceptions:
                lines.append(
                    f"    # {len(r.exceptions)} of {r.projects} projects lack it today:"
                    " remove one from except: to grant it"
                )
                lines.append("    except:")
                lines.append("      any_of:")
                lines += [f"        - title: {scalar(_glob_literal(t))}" for t in r.exceptions]
            if r.dimension == "workspace":
                lines.append(f"    sharing: {flow({'workspace': r.level})}")
            else:
                lines.append(f"    sharing: {flow({r.dimension: {r.principal: r.level}})}")
        return "\n".join(lines) + "\n"


def _glob_literal(title: str) -> str:
    """A glob matching exactly ``title`` (``*``, ``?`` and ``[`` in brackets)."""
    return _GLOB_SPECIAL.sub(r"[\1]", title)


def _grants(project: LiveProject) -> dict[tuple[str, str], str]:
    """(dimension, principal) → level, for every access the project gives (owner excepted)."""
    s = project.sharing
    out: dict[tuple[str, str], str] = {}
    if level_or_none(s.workspace) is not None:
        out[("workspace", "")] = s.workspace
    for dim in ("groups", "users", "collections"):
        for key, level in getattr(s, dim).items():
            if dim == "users" and key == project.owner:
                continue  # an owner's access is never changed: nothing to explain
            out[(dim, key)] = level
    return out


def _selectors(projects: Iterable[LiveProject]) -> dict[tuple[str, str], list[LiveProject]]:
    out: dict[tuple[str, str], list[LiveProject]] = {}
    for p in projects:
        out.setdefault(("all", ""), []).append(p)
        for name in p.sharing.collections:
            out.setdefault(("collection", name), []).append(p)
        for name in p.categories:
            out.setdefault(("categories", name), []).append(p)
        if p.status is not None:
            out.setdefault(("status", p.status), []).append(p)
    return out


def _writable(key: str, value: str, dim: str, principal: str) -> bool:
    """Whether a manifest can say it (names without stray spaces, plain emails)."""
    if key != "all" and not _NAME.match(value):
        return False
    if dim == "users":
        return bool(_EMAIL.match(principal))
    return dim == "workspace" or bool(_NAME.match(principal))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "x"


def suggest_rules(live: Live, *, min_projects: int = 3, min_share: float = 0.8) -> Suggestions:
    """Rules that explain most of ``live``'s project sharing; see the module docstring."""
    projects = sorted(
        (p for p in live.projects.values() if not p.hidden), key=lambda p: (p.title, p.id)
    )
    grants = {p.id: _grants(p) for p in projects}
    total = sum(len(g) for g in grants.values())
    candidates = []
    for (key, value), members in _selectors(projects).items():
        if len(members) < min_projects:
            continue
        levels: dict[tuple[str, str], dict[str, int]] = {}
        for p in members:
            for target, level in grants[p.id].items():
                levels.setdefault(target, {})[level] = (
                    levels.setdefault(target, {}).get(level, 0) + 1
                )
        for (dim, principal), counts in levels.items():
            if key == "collection" and dim == "collections" and principal == value:
                continue  # the selector itself
            if not _writable(key, value, dim, principal):
                continue
            level = max(counts, key=lambda lv: (counts[lv], access_rank(lv), lv))
            at_least = sum(n for lv, n in counts.items() if access_rank(lv) >= access_rank(level))
            if at_least < min_share * len(members) or counts[level] < min_projects:
                continue
            candidates.append((key, value, dim, principal, level, members))
    candidates.sort(key=lambda c: (-_exact(c[5], grants, c[2], c[3], c[4]), c[0], c[1], c[2], c[3]))
    explained: set[Grant] = set()
    chosen: list[SuggestedRule] = []
    names: set[str] = set()
    for key, value, dim, principal, level, members in candidates:
        fresh = {
            (p.id, dim, principal) for p in members if grants[p.id].get((dim, principal)) == level
        } - explained
        if len(fresh) < min_projects:
            continue
        explained |= fresh
        below = sorted(
            {
                p.title
                for p in members
                if access_rank(grants[p.id].get((dim, principal))) < access_rank(level)
            }
        )
        who = "workspace" if dim == "workspace" else f"{dim[:-1]}-{principal}"
        name = _slug(f"{value or 'all'}-{who}-{level}")
        while name in names:
            name += "-2"
        names.add(name)
        chosen.append(
            SuggestedRule(
                name=name,
                selector=(key, value),
                dimension=dim,
                principal=principal,
                level=level,
                projects=len(members),
                explained=len(fresh),
                exceptions=tuple(below),
            )
        )
    return Suggestions(tuple(chosen), total, len(explained))


def _exact(
    members: Iterable[LiveProject],
    grants: Mapping[str, Mapping[tuple[str, str], str]],
    dim: str,
    principal: str,
    level: str,
) -> int:
    return sum(1 for p in members if grants[p.id].get((dim, principal)) == level)
