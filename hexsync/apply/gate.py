"""The gate a saved plan passes before apply writes anything."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Protocol

from hexsync.apply.execute import apply_plan
from hexsync.apply.report import (
    ApplyReport,
    ProgressCallback,
    describe,
)
from hexsync.apply.verify import AlreadyAppliedError, already_applied
from hexsync.errors import GuardrailError
from hexsync.hexapi import (
    HexClient,
)
from hexsync.planning.planner import build_plan
from hexsync.planning.saved_plan import compare_changes, listed, reevaluate, uncovered
from hexsync.readers.workspace import read_live
from hexsync.values.desired import Desired
from hexsync.values.kinds import Kind
from hexsync.values.live import Live
from hexsync.values.plan import (
    Action,
    LiveRef,
    Plan,
)


class LiveRefs(Protocol):
    """A fresh read of the workspace that can say how it sees an object now."""

    def ref(self, kind: Kind, ident: str) -> LiveRef | None: ...


@dataclass(frozen=True)
class StaleField:
    """One way the workspace moved since the plan was made."""

    ref: LiveRef | None
    message: str


def check_fresh(
    plan: Plan,
    now: LiveRefs,
    *,
    org_id: str,
    existing: Mapping[Kind, Iterable[str]] | None = None,
) -> list[StaleField]:
    """Every object and field that moved since ``plan`` was made (empty: the plan still holds).

    ``now`` is a fresh read covering the plan's objects; ``org_id`` the workspace the client
    is on; ``existing`` the names (titles for projects) that exist now, so that a create whose
    object has appeared meanwhile (someone else, or an interrupted apply) is caught too.
    """
    stale: list[StaleField] = []
    if org_id != plan.workspace.org_id:
        stale.append(
            StaleField(
                None,
                f"the plan was made for workspace {plan.workspace.org_id}, "
                f"but the token is for workspace {org_id}",
            )
        )
        return stale
    for ref in plan.relied:
        current = now.ref(ref.kind, ref.id)
        label = _ref_label(ref)
        if current is None:
            stale.append(StaleField(ref, f"{label}: no longer exists"))
            continue
        for name in ref.moved(current.fields):
            stale.append(StaleField(ref, f"{label}: {name} changed since the plan was made"))
    now_named = {kind: set(names) for kind, names in (existing or {}).items()}
    for change in plan.changes:
        if change.action is not Action.CREATE:
            continue
        if change.name in now_named.get(change.kind, ()):
            stale.append(
                StaleField(
                    None,
                    f"{describe(change)}: exists now, but the plan was to create it",
                )
            )
    return stale


def refuse_if_refused(plan: Plan) -> None:
    """Raise GuardrailError (exit 3) when a guardrail refused ``plan``: it is never applied."""
    if plan.refusals:
        lines = [f"  {r.message}" + (f" ({r.hint})" if r.hint else "") for r in plan.refusals]
        raise GuardrailError(
            "the plan is refused, nothing was applied:\n" + "\n".join(lines),
            hint="fix the manifests or the policy, then plan again",
        )


def refuse_if_stale(plan: Plan, live: Live) -> None:
    """Raise GuardrailError (exit 3) naming every object and field that moved since ``plan``."""
    existing = {
        Kind.GROUP: live.groups.keys(),
        Kind.COLLECTION: live.collections.keys(),
        Kind.PROJECT: live.projects_by_title.keys(),
    }
    stale = check_fresh(plan, live, org_id=live.org_id, existing=existing)
    if plan.workspace.full_visibility and not live.full_visibility and not stale:
        stale.append(
            StaleField(
                None,
                "the plan was made with a token that sees the whole workspace, but this token "
                "sees only what its user may see (not a workspace token, not an admin)",
            )
        )
    if stale and already_applied(plan, live):
        raise AlreadyAppliedError(
            "The saved plan is applied already (the workspace holds "
            + ("its one change" if len(plan.changes) == 1 else f"all {len(plan.changes)} changes")
            + "): nothing to do."
        )
    if stale:
        raise GuardrailError(
            "the saved plan is stale, nothing was applied:\n"
            + "\n".join(f"  {s.message}" for s in stale),
            hint="make a new plan (`hexsync plan --out plan.json`), review it, and apply that",
        )


async def apply_saved_plan(
    client: HexClient,
    plan: Plan,
    *,
    progress: ProgressCallback | None = None,
    desired: Desired | None = None,
    allow_destroy: bool = False,
) -> ApplyReport:
    """Apply a saved plan exactly as reviewed (``hexsync apply plan.json``).

    Refused plans are never applied, nor a change that no ``relied_on`` entry covers. Then the
    workspace is read once and, before the first write, the whole plan is refused
    (GuardrailError) when anything it relies on moved, or a guardrail refuses it again. With
    ``desired`` (``--manifests``) the plan is made again from the manifests, under their policy
    and ``allow_destroy``, and its changes must be the saved plan's; without, the guardrails
    run under the policy the plan carries. See docs/apply.md, "Threat model".
    """
    refuse_if_refused(plan)
    gaps = uncovered(plan)
    if gaps:
        raise GuardrailError(
            "the saved plan has changes that nothing it read covers, nothing was applied:\n"
            + listed(gaps),
            hint="the file was edited after `hexsync plan --out` made it: make a new plan",
        )
    # Members are read for the groups whose members the plan relied on, so they can be compared.
    groups = {r.name for r in plan.relied if r.kind is Kind.GROUP and "members" in r.fields}
    live = await read_live(client, desired, member_groups=groups, hidden=True)  # rules: archived
    refuse_if_stale(plan, live)
    if desired is not None:
        _refuse_unless_implied(plan, desired, live, allow_destroy, client.base_url)
    else:
        refuse_if_refused(replace(plan, refusals=reevaluate(plan, live)))
    return await apply_plan(client, plan, live=live, progress=progress)


def _refuse_unless_implied(
    plan: Plan, desired: Desired, live: Live, allow_destroy: bool, api_url: str
) -> None:
    """Plan again from the manifests; refuse unless the changes are the saved plan's."""
    fresh = build_plan(
        desired, live, allow_destroy=allow_destroy, target=plan.policy.target, api_url=api_url
    )
    refuse_if_refused(fresh)
    differ = compare_changes(plan, fresh)
    if differ:
        raise GuardrailError(
            "the saved plan is not what the manifests imply, nothing was applied:\n"
            + listed(differ),
            hint="apply the plan made from these manifests (`hexsync plan --out`), after review",
        )


def _ref_label(ref: LiveRef) -> str:
    if ref.kind is Kind.PROJECT:
        return f'project "{ref.name}" ({ref.id[:8]}…)'
    return f'{ref.kind.value} "{ref.name}"'
