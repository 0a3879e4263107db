"""Guardrails: the rules that refuse a plan (exit 3) and say what to do about it (docs/plan.md).

Pure functions of the changes, the policy and what the token could see. A refused plan is still
a complete plan: it renders, lists its refusals, and ``apply`` will not carry it out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from hexsync.decide.diff import Public
from hexsync.errors import plural
from hexsync.values.desired import Desired, Policy, email_key
from hexsync.values.kinds import Kind
from hexsync.values.plan import Action, Change, Refusal, access_rank

__all__ = ["DEFAULT_MAX_DESTROY", "check_guardrails", "touches_protect"]

# When the manifests set no policy.max_destroy: enough for routine membership and sharing
# clean-ups, small enough that a wrong workspace or a truncated manifest is stopped.
DEFAULT_MAX_DESTROY = 10


def _lowers(old: str | None, new: str | None) -> bool:
    return access_rank(new) < access_rank(old)


def touches_protect(
    change: Change,
    policy: Policy,
    members: Mapping[str, frozenset[str] | None] | None = None,
    creators: Mapping[str, str | None] | None = None,
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does. ``creators`` (collection
    id → creator email) protects each collection's creator on their own collection."""
    groups = policy.protect_groups
    users = frozenset(email_key(u) for u in policy.protect_users)

    def protected(email: str | None) -> bool:
        return email is not None and email_key(email) in users

    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        held = (members or {}).get(change.name) or frozenset()
        inside = sorted({email_key(m) for m in held} & users)
        for email in inside:
            out.append(f"deletes group '{change.name}', removing protected user {email} from it")
    if change.kind is Kind.GROUP and change.name in groups:
        if change.action is Action.DELETE:
            out.append(f"deletes protected group '{change.name}'")
        removed = [f.key for f in change.fields_at("members") if f.new is None]
        if removed:
            out.append(
                f"removes {', '.join(map(str, removed))} from protected group '{change.name}'"
            )
    if change.kind is Kind.USER and protected(change.name) and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and protected(f.key) and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and protected(f.key):
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    if change.kind is Kind.COLLECTION:
        creator = (creators or {}).get(change.id or "")
        for f in change.fields:
            # FieldChange.destructive knows collection levels (an unknown one counts).
            if not f.destructive:
                continue
            where = f"on collection '{change.name}'"
            if f.path == "sharing.users" and protected(f.key):
                out.append(f"lowers protected user {f.key}'s access {where}")
            elif (
                f.path == "sharing.users"
                and f.key is not None
                and creator is not None
                and email_key(f.key) == email_key(creator)
            ):
                out.append(f"lowers the access of {f.key}, who created it, {where}")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access {where}")
    return out


def check_guardrails(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
    whole: Sequence[Change] | None = None,
    creators: Mapping[str, str | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members and ``creators`` the live collections' creators (see :func:`touches_protect`);
    ``whole`` is the whole plan when ``changes`` are a ``--target``'s: ``max_destroy`` counts
    all of it, so a refusal cannot be split."""
    policy = desired.policy
    refusals: list[Refusal] = []
    ws = desired.workspace
    if ws is not None and ws.org_id != org_id:
        refusals.append(
            Refusal(
                "org_mismatch",
                f"the manifests are for workspace {ws.org_id}, but the token belongs to {org_id}",
                "check HEX_API_URL and the token; workspace.org_id guards against applying to"
                " the wrong workspace",
                ws.mark,
            )
        )
    prunes = [
        kind
        for kind, on in ((Kind.GROUP, policy.prune_groups), (Kind.USER, policy.prune_users))
        if on and (kinds is None or kind in kinds)
    ]
    if prunes and not full_visibility:
        what = " and ".join(f"prune.{k.value}s" for k in prunes)
        refusals.append(
            Refusal(
                "prune_visibility",
                f"policy {what} is on, but this token cannot see the whole workspace"
                " (neither a workspace token nor an admin's)",
                "plan with a workspace token or an admin's personal token, or turn prune off",
                policy.mark,
            )
        )
    for change in changes:
        for what in touches_protect(change, policy, members, creators):
            refusals.append(
                Refusal(
                    "protect",
                    f"{change.address}: {what}",
                    "protected groups and users are never deleted, deactivated or stripped of"
                    " access; change the manifests, or remove them from policy.protect",
                    change.mark,
                )
            )
    if not policy.allow_public_web:
        for p in public:
            refusals.append(
                Refusal(
                    "public_web",
                    f"{p.address}: project '{p.name}' is shared to the public web ({p.level})",
                    "set sharing.public_web: NONE for it, or set policy.allow_public_web: true"
                    " if that is intended",
                    p.mark,
                )
            )
    limit = policy.max_destroy if policy.max_destroy is not None else DEFAULT_MAX_DESTROY
    destroy = sum(c.destructive_count for c in (changes if whole is None else whole))
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        scope = "" if whole is None else " in the whole plan (--target does not split the count)"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{plural(destroy, 'destructive change')}{scope}, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)
