"""Plan assembly: diff, order, guardrails, access impact and the live objects relied on.

``build_plan(desired, live, …)`` is pure; ``make_plan(client, desired, …)`` reads the workspace
first (the one call ``hexsync plan`` and ``hexsync apply`` make). ``--target KIND[:NAME]`` keeps
the changes of one kind (and name), and everything derived from them follows: refusals, relied
objects, warnings, access impact, unresolved references.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from hexsync.diff import UnresolvedReferenceError, diff
from hexsync.errors import ConfigError
from hexsync.guardrails import check_guardrails
from hexsync.hexapi import HexClient
from hexsync.impact import access_impact
from hexsync.live import Live, read_live
from hexsync.model import Desired, FrozenMap
from hexsync.plan import Action, Change, Kind, LiveRef, Plan, WorkspaceInfo, order_changes

__all__ = ["Target", "build_plan", "make_plan"]


@dataclass(frozen=True)
class Target:
    """``--target KIND[:NAME]``: one kind, optionally one object (by name, email, title or id)."""

    kind: Kind
    name: str | None = None

    @classmethod
    def parse(cls, text: str) -> Target:
        kind_text, sep, name = text.partition(":")
        kind_text = kind_text.strip().lower()
        if kind_text.endswith("s") and kind_text[:-1] in {k.value for k in Kind}:
            kind_text = kind_text[:-1]  # "groups" means "group"; "bogus" stays "bogus"
        try:
            kind = Kind(kind_text)
        except ValueError:
            kinds = ", ".join(k.value for k in Kind)
            raise ConfigError(
                f"--target {text!r}: unknown kind {kind_text!r}",
                hint=f"use KIND or KIND:NAME with KIND one of {kinds}",
            ) from None
        if sep and not name:
            raise ConfigError(f"--target {text!r}: no name after ':'", hint="e.g. group:Analysts")
        if kind is Kind.USER and name:
            name = name.lower()
        return cls(kind, name or None)

    def matches(self, kind: Kind, names: set[str]) -> bool:
        return kind is self.kind and (self.name is None or self.name in names)

    def matches_change(self, change: Change) -> bool:
        return self.matches(change.kind, {change.name, change.id or ""})

    def matches_address(self, address: str, live: Live) -> bool:
        kind_text, _, ident = address.partition(":")
        names = {ident}
        project = live.projects.get(ident)
        if project is not None:
            names.add(project.title)
        return self.matches(Kind(kind_text), names)


def _known(sel: Target, desired: Desired, live: Live) -> bool:
    """Whether ``--target``'s name is declared or live: a typo must not plan as "no changes"."""
    name = sel.name or ""
    if sel.kind is Kind.GROUP:
        return desired.group(name) is not None or name in live.groups
    if sel.kind is Kind.COLLECTION:
        declared = any(name in (c.name, c.id) for c in desired.collections)
        return declared or name in live.collections
    if sel.kind is Kind.USER:
        return desired.user(name) is not None or name in live.users
    ident = name.lower()  # project ids match in any case
    declared = any(name == p.title or ident == (p.id or "").lower() for p in desired.projects)
    return declared or ident in live.projects or name in live.projects_by_title


def _prerequisites(selected: list[Change], every: tuple[Change, ...]) -> list[Change]:
    """The creates and renames of groups and collections that the selected sharing changes name
    but ``--target`` left out: without them apply could not resolve those names to ids."""
    named = {
        (_SHARED_KIND[f.path], f.key)
        for c in selected
        for f in c.fields
        if f.path in _SHARED_KIND and f.key is not None and f.new is not None
    }
    if not named:
        return []
    chosen = set(selected)
    out = []
    for c in every:
        if c in chosen or (c.kind, c.name) not in named:
            continue
        if c.action is Action.CREATE or (c.action is Action.UPDATE and c.fields_at("name")):
            out.append(c)
    return out


_SHARED_KIND = {"sharing.groups": Kind.GROUP, "sharing.collections": Kind.COLLECTION}


def build_plan(
    desired: Desired,
    live: Live,
    *,
    allow_destroy: bool = False,
    target: Target | str | None = None,
    api_url: str,
) -> Plan:
    """The plan for ``desired`` against ``live``; raises UnresolvedReferenceError (exit 1) when
    a name in the manifests does not resolve live. Refusals are part of the plan, not raised."""
    sel = Target.parse(target) if isinstance(target, str) else target
    if sel is not None and sel.name is not None and not _known(sel, desired, live):
        raise ConfigError(
            f"--target {sel.kind.value}:{sel.name}: no {sel.kind.value} of that name in the "
            "manifests or the workspace",
            hint="names are exact (emails in any case); projects go by title or id",
        )
    result = diff(desired, live)
    selected = [c for c in result.changes if sel is None or sel.matches_change(c)]
    if sel is not None:
        selected += _prerequisites(selected, result.changes)
    addresses = {c.address for c in selected}

    def wanted(address: str) -> bool:
        return sel is None or address in addresses or sel.matches_address(address, live)

    problems = [p for p in result.problems if wanted(p.address)]
    if problems:
        raise UnresolvedReferenceError(problems)
    changes = order_changes(selected)
    refusals = check_guardrails(
        changes,
        desired,
        org_id=live.org_id,
        full_visibility=live.full_visibility,
        public=[p for p in result.public if wanted(p.address)],
        allow_destroy=allow_destroy,
        kinds=None if sel is None else frozenset({sel.kind}),
        members={g.name: g.members for g in live.groups.values()},
    )
    deps = dict.fromkeys(dep for c in changes for dep in result.depends.get(c, ()))
    refs: list[LiveRef] = [r for k, i in deps if (r := live.ref(k, i)) is not None]
    refs.sort(key=lambda r: (r.kind.value, r.name, r.id))
    unmanaged = {k: v for k, v in result.unmanaged.items() if sel is None or k == sel.kind.value}
    return Plan(
        workspace=WorkspaceInfo(
            api_url=api_url, org_id=live.org_id, full_visibility=live.full_visibility
        ),
        changes=changes,
        relied=tuple(refs),
        warnings=tuple(w for address, w in result.warnings if wanted(address)),
        refusals=refusals,
        impact=access_impact(changes, live),
        unmanaged=FrozenMap(unmanaged),
        read_requests=live.read_requests,
    )


async def read_and_plan(
    client: HexClient,
    desired: Desired,
    *,
    allow_destroy: bool = False,
    target: Target | str | None = None,
    progress: Callable[[int], None] | None = None,
) -> tuple[Plan, Live]:
    """Read the workspace behind ``client`` and build the plan; also the reading, which
    ``apply_plan`` takes so that it need not read principals' ids again."""
    sel = Target.parse(target) if isinstance(target, str) else target
    live = await read_live(client, desired, progress=progress)
    plan = build_plan(
        desired, live, allow_destroy=allow_destroy, target=sel, api_url=client.base_url
    )
    return plan, live


async def make_plan(
    client: HexClient,
    desired: Desired,
    *,
    allow_destroy: bool = False,
    target: Target | str | None = None,
    progress: Callable[[int], None] | None = None,
) -> Plan:
    """Read the workspace behind ``client`` and build the plan (what ``hexsync plan`` runs)."""
    plan, _ = await read_and_plan(
        client, desired, allow_destroy=allow_destroy, target=target, progress=progress
    )
    return plan
