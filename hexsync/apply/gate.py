"""The gate a saved plan passes before apply writes anything (``hexsync apply plan.json``).

In order, each refusal a :class:`~hexsync.errors.GuardrailError` (exit 3) before any write:

1. a plan refused when it was made is never applied (:func:`refuse_if_refused`);
2. every change must be covered by what the plan says it read (``uncovered``, in
   :mod:`hexsync.planning.saved_plan`, which also read the file safely);
3. the workspace is read once, and every object and field the plan relied on must be as the
   plan saw it (:func:`check_fresh`, :func:`refuse_if_stale`); a plan whose every change holds
   already is "applied already", not stale;
4. with ``--manifests``, the plan made again from the merged manifests must have exactly the
   saved plan's changes (:func:`compare_changes`); without, every guardrail is evaluated again
   on the plan's own changes under the policy it carries (:func:`reevaluate`).

Then :func:`~hexsync.apply.execute.apply_plan` carries it out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Protocol

from hexsync.apply.execute import apply_plan
from hexsync.apply.report import (
    ApplyReport,
    ProgressCallback,
    describe,
)
from hexsync.apply.verify import AlreadyAppliedError, already_applied
from hexsync.decide.diff import Public
from hexsync.decide.guardrails import check_guardrails
from hexsync.errors import GuardrailError, excerpt
from hexsync.hexapi import (
    HexClient,
)
from hexsync.planning.planner import build_plan
from hexsync.planning.saved_plan import listed, shown, uncovered
from hexsync.readers.tables import TablesStore, read_data
from hexsync.readers.workspace import read_live, read_members
from hexsync.values.data_classes import needs_tables
from hexsync.values.desired import Desired, Policy, Workspace
from hexsync.values.hex_access import level_or_none
from hexsync.values.kinds import Kind
from hexsync.values.live import Live
from hexsync.values.plan import (
    Action,
    Change,
    FieldChange,
    LiveRef,
    Plan,
    Refusal,
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
    target: str | None = None,
    checked: Callable[[Live], None] | None = None,
    tables: TablesStore | None = None,
) -> ApplyReport:
    """Apply a saved plan exactly as reviewed (``hexsync apply plan.json``).

    Refused plans are never applied, nor a change that no ``relied_on`` entry covers. Then the
    workspace is read once and, before the first write, the whole plan is refused
    (GuardrailError) when anything it relies on moved, or a guardrail refuses it again. With
    ``desired`` (``--manifests``) the plan is made again from the manifests, under their policy
    and ``allow_destroy``, and its changes must be the saved plan's; without, the guardrails
    run under the policy the plan carries. The subset re-planned is ``target``, the operator's
    ``--target``, never the plan's own: without one the whole plan made from the manifests
    must match. See docs/apply.md, "Threat model". ``checked`` hears the fresh reading once the
    plan has passed, just before the first write (the CLI announces apply's time then).
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
        if needs_tables(desired):  # as read_and_plan: the rules and policies on data classes
            live = await read_data(client, live, tables)
        if desired.policies:  # as read_and_plan: a policy may ask about any group's members
            live = await read_members(client, live, live.groups)
        _refuse_unless_implied(plan, desired, live, allow_destroy, client.base_url, target)
    else:
        refuse_if_refused(replace(plan, refusals=reevaluate(plan, live)))
    if checked is not None:
        checked(live)
    return await apply_plan(client, plan, live=live, progress=progress)


def _refuse_unless_implied(
    plan: Plan,
    desired: Desired,
    live: Live,
    allow_destroy: bool,
    api_url: str,
    target: str | None,
) -> None:
    """Plan again from the manifests, for the operator's ``target`` (never the file's own: a
    forged plan could name a subset that leaves out what review approved); refuse unless the
    changes are the saved plan's."""
    fresh = build_plan(desired, live, allow_destroy=allow_destroy, target=target, api_url=api_url)
    refuse_if_refused(fresh)
    differ = compare_changes(plan, fresh)
    if differ:
        hint = "apply the plan made from these manifests (`hexsync plan --out`), after review"
        carried = plan.policy.target
        if carried is not None and carried != target:
            hint = (
                f"the saved plan says it was made with --target {carried}; apply never takes a "
                f"plan's word for its subset: if --target {carried} is what was reviewed, give "
                "it to apply too"
            )
        raise GuardrailError(
            "the saved plan is not what the manifests imply, nothing was applied:\n"
            + listed(differ),
            hint=hint,
        )


def _ref_label(ref: LiveRef) -> str:
    if ref.kind is Kind.PROJECT:
        return f'project "{ref.name}" ({ref.id[:8]}…)'
    return f'{ref.kind.value} "{ref.name}"'


# ------------------------------------------------------------------------------------ again


def reevaluate(plan: Plan, live: Live) -> tuple[Refusal, ...]:
    """The guardrails evaluated again on ``plan``'s own changes, under the policy it carries,
    against ``live``, the fresh reading apply makes (its org, visibility, group members and
    collection creators).
    A change to the public web counts when it leaves the project public; ``max_destroy`` counts
    this plan's destructive changes (with ``--target``, the plan-time refusal counted the whole
    plan; only ``--manifests`` can count it again).
    """
    carried = plan.policy
    desired = Desired(
        workspace=Workspace(carried.org_id) if carried.org_id is not None else None,
        policy=Policy(
            prune_groups=carried.prune_groups,
            prune_users=carried.prune_users,
            protect_groups=frozenset(carried.protect_groups),
            protect_users=frozenset(u.lower() for u in carried.protect_users),
            max_destroy=carried.max_destroy,
            allow_public_web=carried.allow_public_web,
            allow_open_connections=carried.allow_open_connections,
        ),
    )
    public = [
        Public(change.address, change.name, level, change.mark)
        for change in plan.changes
        for f in change.fields_at("sharing.public_web")
        if (level := level_or_none(f.new)) is not None
    ]
    kinds = None
    if carried.target is not None:
        kind_text = carried.target.partition(":")[0]
        kinds = frozenset(k for k in Kind if k.value == kind_text) or None
    return check_guardrails(
        plan.changes,
        desired,
        org_id=live.org_id,
        full_visibility=live.full_visibility,
        public=public,
        allow_destroy=carried.allow_destroy,
        kinds=kinds,
        members={g.name: g.members for g in live.groups.values()},
        creators={c.id: c.creator for c in live.collections.values()},
    )


def _identity(change: Change) -> tuple[str, str, str, str]:
    return (change.kind.value, change.action.value, change.name, change.id or "")


def _field_text(change: Change, f: FieldChange | None) -> str:
    head = f"{change.action.value} {change.kind.value} {excerpt(change.name)}"
    if change.kind is Kind.PROJECT and change.id:
        head += f" ({change.id[:8]}…)"
    if f is None:
        return head
    where = f.path if f.key is None else f"{f.path}[{excerpt(f.key)}]"
    return f"{head}: {where}: {shown(f.old)} → {shown(f.new)}"


def compare_changes(saved: Plan, fresh: Plan) -> list[str]:
    """How ``saved``'s changes differ from ``fresh``'s, in any order (empty: the same).

    Each line names a change or a field that only one of them has: ``only in the saved plan:
    delete group 'Admins'``.
    """

    def index(plan: Plan) -> dict[tuple[str, str, str, str], tuple[Change, set[FieldChange]]]:
        return {_identity(c): (c, set(c.fields)) for c in plan.changes}

    mine, theirs = index(saved), index(fresh)
    out: list[str] = []
    for which, a, b in (("saved plan", mine, theirs), ("manifests' plan", theirs, mine)):
        for ident in sorted(a):
            change, fields = a[ident]
            other = b.get(ident)
            if other is None:
                out.append(f"only in the {which}: {_field_text(change, None)}")
                continue
            for f in sorted(fields - other[1], key=lambda f: (f.path, f.key or "")):
                out.append(f"only in the {which}: {_field_text(change, f)}")
    return out
