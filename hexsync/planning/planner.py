"""Plan assembly: diff, order, guardrails, access impact and the live objects relied on.

``build_plan(desired, live, …)`` is pure; ``make_plan(client, desired, …)`` reads the workspace
first (the one call ``hexsync plan`` and ``hexsync apply`` make). ``--target KIND[:NAME]`` keeps
the changes of one kind (and name), and everything derived from them follows: refusals, relied
objects, warnings, access impact, unresolved references.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from hexsync.decide import user_rules
from hexsync.decide.data_rules import unknown_tables
from hexsync.decide.diff import Diff, UnresolvedReferenceError, diff
from hexsync.decide.guardrails import check_guardrails
from hexsync.decide.impact import assess
from hexsync.decide.policies import check_policies
from hexsync.decide.rules_compiler import check_violations, compile_rules, warn_violations
from hexsync.errors import ConfigError, GuardrailError, plural
from hexsync.hexapi import DEFAULT_LIMITS, HexClient, Me
from hexsync.manifest.lookalike import lookalikes, visible
from hexsync.planning.estimate import Limits, estimate_apply, limits_of, plan_spent
from hexsync.readers.tables import TablesProgress, TablesStore, read_data
from hexsync.readers.workspace import read_live, read_members
from hexsync.values.data_classes import needs_tables
from hexsync.values.desired import Desired, FrozenMap
from hexsync.values.kinds import Kind
from hexsync.values.live import LOCK_GROUPS, Live
from hexsync.values.plan import (
    Action,
    Change,
    LiveRef,
    Plan,
    PlanPolicy,
    PlanWarning,
    Refusal,
    RuleSummary,
    WorkspaceInfo,
    order_changes,
)

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

    @property
    def text(self) -> str:
        """The ``--target`` text that parses back to this target."""
        return self.kind.value if self.name is None else f"{self.kind.value}:{self.name}"

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
    if sel.kind is Kind.CONNECTION:
        declared = any(name in (c.name, c.id) for c in desired.connections)
        return declared or name in live.connections
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
    limits: Limits | None = None,
    now: dt.datetime | None = None,
    spent: Mapping[str, Sequence[float]] | None = None,
) -> Plan:
    """The plan for ``desired`` against ``live``; raises UnresolvedReferenceError (exit 1) when
    a name in the manifests does not resolve live. Refusals are part of the plan, not raised.
    ``now`` is the time rules' ``last_viewed`` / ``created`` count from (default: the clock);
    ``spent`` the tokens the plan's reads spent, relative to now (the time estimate's
    ``after_plan``; None: every read ``live`` took, as if just now)."""
    now = now or dt.datetime.now(dt.timezone.utc)
    sel = Target.parse(target) if isinstance(target, str) else target
    if sel is not None and sel.name is not None and not _known(sel, desired, live):
        raise ConfigError(
            f"--target {sel.kind.value}:{sel.name}: no {sel.kind.value} of that name in the "
            "manifests or the workspace",
            hint="names are exact (emails in any case); projects go by title or id",
        )
    compiled = compile_rules(desired, live, now=now)
    result = diff(compiled.desired, live)
    ruled = user_rules.evaluate(compiled.desired, live, result.changes, now=now)
    if ruled.changes:
        result = _with_deactivations(result, ruled.changes)
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
        compiled.desired,
        org_id=live.org_id,
        full_visibility=live.full_visibility,
        public=[p for p in result.public if wanted(p.address)],
        allow_destroy=allow_destroy,
        kinds=None if sel is None else frozenset({sel.kind}),
        members={g.name: g.members for g in live.groups.values()},
        whole=None if sel is None else result.changes,
        creators={c.id: c.creator for c in live.collections.values()},
    )
    rules_apply = sel is None or sel.kind is Kind.PROJECT
    if rules_apply:
        refusals += compiled.refusals + check_violations(desired, live, changes, now=now)
        advisories = warn_violations(desired, live, changes, now=now)
    else:
        advisories = ()
    users_apply = sel is None or sel.kind is Kind.USER
    if users_apply:
        refusals += ruled.refusals
    expiring = [n for n in compiled.expiry if _expiry_wanted(n.address, wanted, rules_apply, live)]
    refusals += tuple(
        Refusal(n.code, n.message, n.hint, n.mark)
        for n in expiring
        if n.code == "max_grant_duration"
    )
    deps = dict.fromkeys(dep for c in changes for dep in result.depends.get(c, ()))
    refs: list[LiveRef] = [r for k, i in deps if (r := live.ref(k, i)) is not None]
    refs.sort(key=lambda r: (r.kind.value, r.name, r.id))
    unmanaged = {k: v for k, v in result.unmanaged.items() if sel is None or k == sel.kind.value}
    unmanaged_names = {k: v for k, v in result.unmanaged_names.items() if k in unmanaged}
    impact, notes = assess(changes, live)
    policy_refusals, policy_warnings = check_policies(
        desired.policies, live, changes, now=now, classes=desired.classes
    )
    unknown_refusals, unknown_warnings = unknown_tables(desired, live)
    refusals += policy_refusals + unknown_refusals
    return Plan(
        workspace=WorkspaceInfo(
            api_url=api_url,
            org_id=live.org_id,
            org_name=live.org_name,
            full_visibility=live.full_visibility,
        ),
        changes=changes,
        relied=tuple(refs),
        warnings=(compiled.warnings if rules_apply else ())
        + advisories
        + tuple(w for address, w in result.warnings if wanted(address))
        + tuple(
            PlanWarning(n.code, n.message, n.mark)
            for n in expiring
            if n.code != "max_grant_duration"
        )
        + (ruled.warnings if users_apply else ())
        + tuple(_lookalike_warnings(changes, live))
        + tuple(_protect_warnings(desired, live))
        + tuple(_lock_name_warnings(live))
        + notes
        + policy_warnings
        + unknown_warnings,
        refusals=refusals,
        impact=impact,
        unmanaged=FrozenMap(unmanaged),
        unmanaged_names=FrozenMap(unmanaged_names),
        read_requests=live.read_requests,
        rules=tuple(
            RuleSummary(r.name, r.enforce.value, r.matched, "users" if r.users else "projects")
            for r in compiled.reports
        )
        if rules_apply
        else (),
        estimate=estimate_apply(changes, live, DEFAULT_LIMITS if limits is None else limits, spent),
        policy=plan_policy(desired, allow_destroy=allow_destroy, target=sel),
    )


def _with_deactivations(result: Diff, more: tuple[Change, ...]) -> Diff:
    """``result`` with the users rules' deactivations: each relies on its user, and its user is
    no longer counted among those the plan leaves alone."""
    gone = {c.name for c in more}
    names = {
        k: tuple(n for n in v if k != "user" or n not in gone)
        for k, v in result.unmanaged_names.items()
    }
    names = {k: v for k, v in names.items() if v}
    return replace(
        result,
        changes=result.changes + more,
        depends={**result.depends, **{c: ((Kind.USER, c.id or ""),) for c in more}},
        unmanaged={k: len(v) for k, v in names.items()},
        unmanaged_names=names,
    )


def _expiry_wanted(
    address: str, wanted: Callable[[str], bool], rules_apply: bool, live: Live
) -> bool:
    """Whether a plan (``--target``ed or not) says what :mod:`hexsync.decide.expiry` noted about
    the object at ``address``: a rule's when rules apply; a project named by title also when the
    target names it by id."""
    kind, _, name = address.partition(":")
    if kind == "rule":
        return rules_apply
    if wanted(address):
        return True
    return kind == Kind.PROJECT.value and any(
        wanted(f"{kind}:{p.id}") for p in live.projects_by_title.get(name, ())
    )


def plan_policy(desired: Desired, *, allow_destroy: bool, target: Target | None) -> PlanPolicy:
    """What a saved plan carries so apply can evaluate the guardrails again."""
    policy = desired.policy
    return PlanPolicy(
        org_id=desired.workspace.org_id if desired.workspace is not None else None,
        max_destroy=policy.max_destroy,
        allow_destroy=allow_destroy,
        allow_public_web=policy.allow_public_web,
        allow_open_connections=policy.allow_open_connections,
        protect_groups=tuple(sorted(policy.protect_groups)),
        protect_users=tuple(sorted(policy.protect_users)),
        prune_groups=policy.prune_groups,
        prune_users=policy.prune_users,
        target=None if target is None else target.text,
    )


def _lock_name_warnings(live: Live) -> list[PlanWarning]:
    """A group that holds one of the apply lock's reserved names but has members or grants: the
    reader kept it (it is not hexsync's lock), and the reviewer should know why it is never
    deleted or managed."""
    out = []
    for name in LOCK_GROUPS:
        group = live.groups.get(name)
        if group is None:
            continue
        members = len(group.members or ())
        shared = sum(1 for p in live.projects.values() if name in p.sharing.groups) + sum(
            1 for c in live.collections.values() if name in c.sharing.groups
        )
        out.append(
            PlanWarning(
                "lock_name_taken",
                f"group {name!r} ({plural(members, 'member')}, shared with "
                f"{plural(shared, 'project or collection', 'projects or collections')}) is not "
                "hexsync's apply lock, which is always empty and shared with nothing: someone "
                "made it. hexsync counts its access like any group's, never deletes it, and "
                "takes its lock under another name; rename it in Hex to free the name",
            )
        )
    return out


def _protect_warnings(desired: Desired, live: Live) -> list[PlanWarning]:
    """A ``policy.protect`` entry that names nothing in the workspace protects nothing: a typo,
    or a look-alike (``Admins`` with a Cyrillic first letter), would leave the real object
    unprotected without a word. Groups the manifests create count as named; users are compared
    in any case."""
    policy = desired.policy
    declared = {g.name for g in desired.groups}
    out = []
    for kind, wanted, known in (
        ("group", sorted(policy.protect_groups), set(live.groups) | declared),
        ("user", sorted(policy.protect_users), set(live.users)),
    ):
        missing = [name for name in wanted if name not in known]
        similar = lookalikes(missing, sorted(known))
        for name in missing:
            shown = json.dumps(name, ensure_ascii=False)
            other = similar.get(name)
            if other is not None:
                odd = [visible(ch) for ch in name if ch not in other]
                letters = f" ({', '.join(dict.fromkeys(odd))})" if odd else ""
                detail = (
                    f"it looks like the {kind} {json.dumps(other, ensure_ascii=False)}, which is "
                    "not protected: check the name's letters"
                )
                shown += letters
            else:
                what = "an active user" if kind == "user" else "a group"
                detail = f"no such {kind} is in the workspace (not {what} Hex lists)"
            out.append(
                PlanWarning(
                    "protect_names_nothing",
                    f"policy.protect names {kind} {shown}, which protects nothing: {detail}",
                    policy.mark,
                )
            )
    return out


def _lookalike_warnings(changes: tuple[Change, ...], live: Live) -> list[PlanWarning]:
    """A create whose name reads like a live object's (a Cyrillic i in ``Admins``): the
    reviewer sees a new object where they would think of the existing one."""
    existing = {
        Kind.GROUP: [g.name for g in live.groups.values()],
        Kind.COLLECTION: [c.name for c in live.collections.values()],
        Kind.PROJECT: list(live.projects_by_title),
    }
    out = []
    for change in changes:
        if change.action is not Action.CREATE or change.kind not in existing:
            continue
        other = lookalikes([change.name], existing[change.kind]).get(change.name)
        if other is not None:
            kind = change.kind.value
            odd = [visible(ch) for ch in change.name if ch not in other]
            letters = f" ({', '.join(dict.fromkeys(odd))})" if odd else ""
            out.append(
                PlanWarning(
                    "lookalike",
                    f"{kind} {json.dumps(change.name, ensure_ascii=False)}{letters} would be "
                    f"created, and it looks like the existing {kind} "
                    f"{json.dumps(other, ensure_ascii=False)}: check the name's letters",
                    change.mark,
                )
            )
    return out


async def read_and_plan(
    client: HexClient,
    desired: Desired,
    *,
    allow_destroy: bool = False,
    target: Target | str | None = None,
    progress: Callable[[int], None] | None = None,
    now: dt.datetime | None = None,
    tables: TablesStore | None = None,
    tables_progress: Callable[[TablesProgress], None] | None = None,
) -> tuple[Plan, Live]:
    """Read the workspace behind ``client`` and build the plan; also the reading, which
    ``apply_plan`` takes so that it need not read principals' ids again. When the manifests
    use data classes, the projects' queried tables too, through ``tables`` (the cache; in
    memory when None), with ``tables_progress``; otherwise no table is read."""
    sel = Target.parse(target) if isinstance(target, str) else target
    # Who the token is, first: the wrong workspace stops here, before the whole workspace is read.
    me = await client.me()
    wanted = desired.workspace.org_id if desired.workspace is not None else None
    if wanted is not None and wanted != me.org_id:
        raise GuardrailError(
            f"the manifests are for workspace {wanted} (workspace.org_id), but the token is for"
            f" workspace {me.org_id}; nothing else was read, nothing planned",
            hint="use the token of the workspace the manifests declare, or fix workspace.org_id",
        )
    live = await read_live(client, desired, progress=progress, me=me)
    if needs_tables(desired):
        live = await read_data(client, live, tables, progress=tables_progress)
    if desired.policies:
        # A policy may ask who is in any group (principal.groups), and whom a group reaches.
        live = await read_members(client, live, live.groups)
    try:
        plan = build_plan(
            desired,
            live,
            allow_destroy=allow_destroy,
            target=sel,
            api_url=client.base_url,
            now=now,
            limits=limits_of(client),
            spent=plan_spent(client, live),
        )
    except UnresolvedReferenceError as exc:
        if live.full_visibility or exc.first is not None:
            raise
        raise UnresolvedReferenceError(exc.problems, first=_token_sees_little(me)) from None
    return plan, live


def _token_sees_little(me: Me) -> str:
    """The first thing to say when a token that does not see the whole workspace cannot find
    what the manifests name: most of what follows may exist, unseen."""
    who = me.user.email if me.user is not None else "a user"
    role = me.user.role if me.user is not None else "unknown"
    return (
        f"this is a personal token of {who} (role {role}): it sees only what that user may see,"
        " so the objects below may exist but be invisible to it. Plan with a workspace token"
        " (hxtw_…) or an admin's personal token:"
    )


async def make_plan(
    client: HexClient,
    desired: Desired,
    *,
    allow_destroy: bool = False,
    target: Target | str | None = None,
    progress: Callable[[int], None] | None = None,
    now: dt.datetime | None = None,
    tables: TablesStore | None = None,
    tables_progress: Callable[[TablesProgress], None] | None = None,
) -> Plan:
    """Read the workspace behind ``client`` and build the plan (what ``hexsync plan`` runs)."""
    plan, _ = await read_and_plan(
        client,
        desired,
        allow_destroy=allow_destroy,
        target=target,
        progress=progress,
        now=now,
        tables=tables,
        tables_progress=tables_progress,
    )
    return plan
