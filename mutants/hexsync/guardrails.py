"""Guardrails: the rules that refuse a plan (exit 3) and say what to do about it (SPEC §4).

Pure functions of the changes, the policy and what the token could see. A refused plan is still
a complete plan: it renders, lists its refusals, and ``apply`` will not carry it out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from hexsync.diff import Public
from hexsync.model import Desired, Policy
from hexsync.plan import Action, Change, Kind, Refusal, access_rank

__all__ = ["DEFAULT_MAX_DESTROY", "check_guardrails", "touches_protect"]

# When the manifests set no policy.max_destroy: enough for routine membership and sharing
# clean-ups, small enough that a wrong workspace or a truncated manifest is stopped.
DEFAULT_MAX_DESTROY = 10


from mutmut.mutation.trampoline import wrap_in_trampoline as _mutmut_mutated, MutantDict
mutants_x__lowers__mutmut: MutantDict = {}  # type: ignore


@_mutmut_mutated(mutants_x__lowers__mutmut)
def _lowers(old: str | None, new: str | None) -> bool:
    return access_rank(new) < access_rank(old)


def x__lowers__mutmut_orig(old: str | None, new: str | None) -> bool:
    return access_rank(new) < access_rank(old)


def x__lowers__mutmut_1(old: str | None, new: str | None) -> bool:
    return access_rank(None) < access_rank(old)


def x__lowers__mutmut_2(old: str | None, new: str | None) -> bool:
    return access_rank(new) <= access_rank(old)


def x__lowers__mutmut_3(old: str | None, new: str | None) -> bool:
    return access_rank(new) < access_rank(None)

mutants_x__lowers__mutmut['_mutmut_orig'] = x__lowers__mutmut_orig # type: ignore # mutmut generated
mutants_x__lowers__mutmut['x__lowers__mutmut_1'] = x__lowers__mutmut_1 # type: ignore # mutmut generated
mutants_x__lowers__mutmut['x__lowers__mutmut_2'] = x__lowers__mutmut_2 # type: ignore # mutmut generated
mutants_x__lowers__mutmut['x__lowers__mutmut_3'] = x__lowers__mutmut_3 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut: MutantDict = {}  # type: ignore


@_mutmut_mutated(mutants_x_touches_protect__mutmut)
def touches_protect(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
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
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_orig(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
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
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_1(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = None
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
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
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_2(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = None
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
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
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_3(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE or change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
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
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_4(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP or change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
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
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_5(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is not Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
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
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_6(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is not Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
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
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_7(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
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
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_8(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = None
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
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_9(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(None)
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
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_10(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users | ((members or {}).get(change.name) or frozenset()))
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
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_11(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) and frozenset()))
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
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_12(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(None) or frozenset()))
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
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_13(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members and {}).get(change.name) or frozenset()))
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
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_14(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
        for email in inside:
            out.append(None)
    if change.kind is Kind.GROUP and change.name in groups:
        if change.action is Action.DELETE:
            out.append(f"deletes protected group '{change.name}'")
        removed = [f.key for f in change.fields_at("members") if f.new is None]
        if removed:
            out.append(
                f"removes {', '.join(map(str, removed))} from protected group '{change.name}'"
            )
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_15(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
        for email in inside:
            out.append(f"deletes group '{change.name}', removing protected user {email} from it")
    if change.kind is Kind.GROUP or change.name in groups:
        if change.action is Action.DELETE:
            out.append(f"deletes protected group '{change.name}'")
        removed = [f.key for f in change.fields_at("members") if f.new is None]
        if removed:
            out.append(
                f"removes {', '.join(map(str, removed))} from protected group '{change.name}'"
            )
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_16(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
        for email in inside:
            out.append(f"deletes group '{change.name}', removing protected user {email} from it")
    if change.kind is not Kind.GROUP and change.name in groups:
        if change.action is Action.DELETE:
            out.append(f"deletes protected group '{change.name}'")
        removed = [f.key for f in change.fields_at("members") if f.new is None]
        if removed:
            out.append(
                f"removes {', '.join(map(str, removed))} from protected group '{change.name}'"
            )
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_17(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
        for email in inside:
            out.append(f"deletes group '{change.name}', removing protected user {email} from it")
    if change.kind is Kind.GROUP and change.name not in groups:
        if change.action is Action.DELETE:
            out.append(f"deletes protected group '{change.name}'")
        removed = [f.key for f in change.fields_at("members") if f.new is None]
        if removed:
            out.append(
                f"removes {', '.join(map(str, removed))} from protected group '{change.name}'"
            )
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_18(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
        for email in inside:
            out.append(f"deletes group '{change.name}', removing protected user {email} from it")
    if change.kind is Kind.GROUP and change.name in groups:
        if change.action is not Action.DELETE:
            out.append(f"deletes protected group '{change.name}'")
        removed = [f.key for f in change.fields_at("members") if f.new is None]
        if removed:
            out.append(
                f"removes {', '.join(map(str, removed))} from protected group '{change.name}'"
            )
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_19(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
        for email in inside:
            out.append(f"deletes group '{change.name}', removing protected user {email} from it")
    if change.kind is Kind.GROUP and change.name in groups:
        if change.action is Action.DELETE:
            out.append(None)
        removed = [f.key for f in change.fields_at("members") if f.new is None]
        if removed:
            out.append(
                f"removes {', '.join(map(str, removed))} from protected group '{change.name}'"
            )
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_20(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
        for email in inside:
            out.append(f"deletes group '{change.name}', removing protected user {email} from it")
    if change.kind is Kind.GROUP and change.name in groups:
        if change.action is Action.DELETE:
            out.append(f"deletes protected group '{change.name}'")
        removed = None
        if removed:
            out.append(
                f"removes {', '.join(map(str, removed))} from protected group '{change.name}'"
            )
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_21(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
        for email in inside:
            out.append(f"deletes group '{change.name}', removing protected user {email} from it")
    if change.kind is Kind.GROUP and change.name in groups:
        if change.action is Action.DELETE:
            out.append(f"deletes protected group '{change.name}'")
        removed = [f.key for f in change.fields_at(None) if f.new is None]
        if removed:
            out.append(
                f"removes {', '.join(map(str, removed))} from protected group '{change.name}'"
            )
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_22(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
        for email in inside:
            out.append(f"deletes group '{change.name}', removing protected user {email} from it")
    if change.kind is Kind.GROUP and change.name in groups:
        if change.action is Action.DELETE:
            out.append(f"deletes protected group '{change.name}'")
        removed = [f.key for f in change.fields_at("XXmembersXX") if f.new is None]
        if removed:
            out.append(
                f"removes {', '.join(map(str, removed))} from protected group '{change.name}'"
            )
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_23(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
        for email in inside:
            out.append(f"deletes group '{change.name}', removing protected user {email} from it")
    if change.kind is Kind.GROUP and change.name in groups:
        if change.action is Action.DELETE:
            out.append(f"deletes protected group '{change.name}'")
        removed = [f.key for f in change.fields_at("MEMBERS") if f.new is None]
        if removed:
            out.append(
                f"removes {', '.join(map(str, removed))} from protected group '{change.name}'"
            )
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_24(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
        for email in inside:
            out.append(f"deletes group '{change.name}', removing protected user {email} from it")
    if change.kind is Kind.GROUP and change.name in groups:
        if change.action is Action.DELETE:
            out.append(f"deletes protected group '{change.name}'")
        removed = [f.key for f in change.fields_at("members") if f.new is not None]
        if removed:
            out.append(
                f"removes {', '.join(map(str, removed))} from protected group '{change.name}'"
            )
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_25(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
        for email in inside:
            out.append(f"deletes group '{change.name}', removing protected user {email} from it")
    if change.kind is Kind.GROUP and change.name in groups:
        if change.action is Action.DELETE:
            out.append(f"deletes protected group '{change.name}'")
        removed = [f.key for f in change.fields_at("members") if f.new is None]
        if removed:
            out.append(
                None
            )
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_26(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
        for email in inside:
            out.append(f"deletes group '{change.name}', removing protected user {email} from it")
    if change.kind is Kind.GROUP and change.name in groups:
        if change.action is Action.DELETE:
            out.append(f"deletes protected group '{change.name}'")
        removed = [f.key for f in change.fields_at("members") if f.new is None]
        if removed:
            out.append(
                f"removes {', '.join(None)} from protected group '{change.name}'"
            )
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_27(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
        for email in inside:
            out.append(f"deletes group '{change.name}', removing protected user {email} from it")
    if change.kind is Kind.GROUP and change.name in groups:
        if change.action is Action.DELETE:
            out.append(f"deletes protected group '{change.name}'")
        removed = [f.key for f in change.fields_at("members") if f.new is None]
        if removed:
            out.append(
                f"removes {'XX, XX'.join(map(str, removed))} from protected group '{change.name}'"
            )
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_28(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
        for email in inside:
            out.append(f"deletes group '{change.name}', removing protected user {email} from it")
    if change.kind is Kind.GROUP and change.name in groups:
        if change.action is Action.DELETE:
            out.append(f"deletes protected group '{change.name}'")
        removed = [f.key for f in change.fields_at("members") if f.new is None]
        if removed:
            out.append(
                f"removes {', '.join(map(None, removed))} from protected group '{change.name}'"
            )
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_29(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
        for email in inside:
            out.append(f"deletes group '{change.name}', removing protected user {email} from it")
    if change.kind is Kind.GROUP and change.name in groups:
        if change.action is Action.DELETE:
            out.append(f"deletes protected group '{change.name}'")
        removed = [f.key for f in change.fields_at("members") if f.new is None]
        if removed:
            out.append(
                f"removes {', '.join(map(str, None))} from protected group '{change.name}'"
            )
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_30(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
        for email in inside:
            out.append(f"deletes group '{change.name}', removing protected user {email} from it")
    if change.kind is Kind.GROUP and change.name in groups:
        if change.action is Action.DELETE:
            out.append(f"deletes protected group '{change.name}'")
        removed = [f.key for f in change.fields_at("members") if f.new is None]
        if removed:
            out.append(
                f"removes {', '.join(map(removed))} from protected group '{change.name}'"
            )
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_31(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
        for email in inside:
            out.append(f"deletes group '{change.name}', removing protected user {email} from it")
    if change.kind is Kind.GROUP and change.name in groups:
        if change.action is Action.DELETE:
            out.append(f"deletes protected group '{change.name}'")
        removed = [f.key for f in change.fields_at("members") if f.new is None]
        if removed:
            out.append(
                f"removes {', '.join(map(str, ))} from protected group '{change.name}'"
            )
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_32(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
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
    if change.kind is Kind.USER and change.name in users or change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_33(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
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
    if change.kind is Kind.USER or change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_34(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
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
    if change.kind is not Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_35(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
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
    if change.kind is Kind.USER and change.name not in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_36(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
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
    if change.kind is Kind.USER and change.name in users and change.action is not Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_37(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
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
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(None)
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_38(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
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
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is not Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_39(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
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
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at(None):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_40(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
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
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("XXmembersXX"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_41(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
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
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("MEMBERS"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_42(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
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
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users or change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_43(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
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
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None or f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_44(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
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
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is not None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_45(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
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
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key not in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_46(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
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
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_47(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
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
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(None)
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_48(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
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
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is not Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_49(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
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
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_50(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
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
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(None, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_51(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
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
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, None):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_52(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
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
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_53(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
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
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, ):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_54(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
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
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                break
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_55(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
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
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" or f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_56(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
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
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path != "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_57(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
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
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "XXsharing.usersXX" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_58(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
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
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "SHARING.USERS" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_59(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
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
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key not in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_60(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
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
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(None)
            if f.path == "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_61(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
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
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" or f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_62(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
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
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path != "sharing.groups" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_63(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
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
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "XXsharing.groupsXX" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_64(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
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
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "SHARING.GROUPS" and f.key in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_65(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
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
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key not in groups:
                out.append(f"lowers protected group '{f.key}'s access on '{change.name}'")
    return out


def x_touches_protect__mutmut_66(
    change: Change, policy: Policy, members: Mapping[str, frozenset[str] | None] | None = None
) -> list[str]:
    """What ``change`` would do to a protected group or user, in words (empty: nothing).

    ``members`` (group name → live members, when read) lets a group's deletion count as removing
    each protected member from it, as removing them one by one does."""
    groups, users = policy.protect_groups, policy.protect_users
    out: list[str] = []
    if change.kind is Kind.GROUP and change.action is Action.DELETE and change.name not in groups:
        inside = sorted(users & ((members or {}).get(change.name) or frozenset()))
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
    if change.kind is Kind.USER and change.name in users and change.action is Action.DEACTIVATE:
        out.append(f"deactivates protected user {change.name}")
    if change.kind is Kind.GROUP:
        for f in change.fields_at("members"):
            if f.new is None and f.key in users and change.name not in groups:
                out.append(f"removes protected user {f.key} from group '{change.name}'")
    if change.kind is Kind.PROJECT:
        for f in change.fields:
            if not _lowers(f.old, f.new):
                continue
            if f.path == "sharing.users" and f.key in users:
                out.append(f"lowers protected user {f.key}'s access on '{change.name}'")
            if f.path == "sharing.groups" and f.key in groups:
                out.append(None)
    return out

mutants_x_touches_protect__mutmut['_mutmut_orig'] = x_touches_protect__mutmut_orig # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_1'] = x_touches_protect__mutmut_1 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_2'] = x_touches_protect__mutmut_2 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_3'] = x_touches_protect__mutmut_3 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_4'] = x_touches_protect__mutmut_4 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_5'] = x_touches_protect__mutmut_5 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_6'] = x_touches_protect__mutmut_6 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_7'] = x_touches_protect__mutmut_7 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_8'] = x_touches_protect__mutmut_8 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_9'] = x_touches_protect__mutmut_9 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_10'] = x_touches_protect__mutmut_10 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_11'] = x_touches_protect__mutmut_11 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_12'] = x_touches_protect__mutmut_12 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_13'] = x_touches_protect__mutmut_13 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_14'] = x_touches_protect__mutmut_14 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_15'] = x_touches_protect__mutmut_15 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_16'] = x_touches_protect__mutmut_16 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_17'] = x_touches_protect__mutmut_17 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_18'] = x_touches_protect__mutmut_18 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_19'] = x_touches_protect__mutmut_19 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_20'] = x_touches_protect__mutmut_20 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_21'] = x_touches_protect__mutmut_21 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_22'] = x_touches_protect__mutmut_22 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_23'] = x_touches_protect__mutmut_23 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_24'] = x_touches_protect__mutmut_24 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_25'] = x_touches_protect__mutmut_25 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_26'] = x_touches_protect__mutmut_26 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_27'] = x_touches_protect__mutmut_27 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_28'] = x_touches_protect__mutmut_28 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_29'] = x_touches_protect__mutmut_29 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_30'] = x_touches_protect__mutmut_30 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_31'] = x_touches_protect__mutmut_31 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_32'] = x_touches_protect__mutmut_32 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_33'] = x_touches_protect__mutmut_33 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_34'] = x_touches_protect__mutmut_34 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_35'] = x_touches_protect__mutmut_35 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_36'] = x_touches_protect__mutmut_36 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_37'] = x_touches_protect__mutmut_37 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_38'] = x_touches_protect__mutmut_38 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_39'] = x_touches_protect__mutmut_39 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_40'] = x_touches_protect__mutmut_40 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_41'] = x_touches_protect__mutmut_41 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_42'] = x_touches_protect__mutmut_42 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_43'] = x_touches_protect__mutmut_43 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_44'] = x_touches_protect__mutmut_44 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_45'] = x_touches_protect__mutmut_45 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_46'] = x_touches_protect__mutmut_46 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_47'] = x_touches_protect__mutmut_47 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_48'] = x_touches_protect__mutmut_48 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_49'] = x_touches_protect__mutmut_49 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_50'] = x_touches_protect__mutmut_50 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_51'] = x_touches_protect__mutmut_51 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_52'] = x_touches_protect__mutmut_52 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_53'] = x_touches_protect__mutmut_53 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_54'] = x_touches_protect__mutmut_54 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_55'] = x_touches_protect__mutmut_55 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_56'] = x_touches_protect__mutmut_56 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_57'] = x_touches_protect__mutmut_57 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_58'] = x_touches_protect__mutmut_58 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_59'] = x_touches_protect__mutmut_59 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_60'] = x_touches_protect__mutmut_60 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_61'] = x_touches_protect__mutmut_61 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_62'] = x_touches_protect__mutmut_62 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_63'] = x_touches_protect__mutmut_63 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_64'] = x_touches_protect__mutmut_64 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_65'] = x_touches_protect__mutmut_65 # type: ignore # mutmut generated
mutants_x_touches_protect__mutmut['x_touches_protect__mutmut_66'] = x_touches_protect__mutmut_66 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut: MutantDict = {}  # type: ignore


@_mutmut_mutated(mutants_x_check_guardrails__mutmut)
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
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_orig(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_1(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = True,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_2(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
    policy = None
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_3(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
    policy = desired.policy
    refusals: list[Refusal] = None
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_4(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
    policy = desired.policy
    refusals: list[Refusal] = []
    ws = None
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_5(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
    policy = desired.policy
    refusals: list[Refusal] = []
    ws = desired.workspace
    if ws is not None or ws.org_id != org_id:
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_6(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
    policy = desired.policy
    refusals: list[Refusal] = []
    ws = desired.workspace
    if ws is None and ws.org_id != org_id:
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_7(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
    policy = desired.policy
    refusals: list[Refusal] = []
    ws = desired.workspace
    if ws is not None and ws.org_id == org_id:
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_8(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
    policy = desired.policy
    refusals: list[Refusal] = []
    ws = desired.workspace
    if ws is not None and ws.org_id != org_id:
        refusals.append(
            None
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_9(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
    policy = desired.policy
    refusals: list[Refusal] = []
    ws = desired.workspace
    if ws is not None and ws.org_id != org_id:
        refusals.append(
            Refusal(
                None,
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_10(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
    policy = desired.policy
    refusals: list[Refusal] = []
    ws = desired.workspace
    if ws is not None and ws.org_id != org_id:
        refusals.append(
            Refusal(
                "org_mismatch",
                None,
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_11(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
    policy = desired.policy
    refusals: list[Refusal] = []
    ws = desired.workspace
    if ws is not None and ws.org_id != org_id:
        refusals.append(
            Refusal(
                "org_mismatch",
                f"the manifests are for workspace {ws.org_id}, but the token belongs to {org_id}",
                None,
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_12(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
                None,
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_13(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
    policy = desired.policy
    refusals: list[Refusal] = []
    ws = desired.workspace
    if ws is not None and ws.org_id != org_id:
        refusals.append(
            Refusal(
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_14(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
    policy = desired.policy
    refusals: list[Refusal] = []
    ws = desired.workspace
    if ws is not None and ws.org_id != org_id:
        refusals.append(
            Refusal(
                "org_mismatch",
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_15(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
    policy = desired.policy
    refusals: list[Refusal] = []
    ws = desired.workspace
    if ws is not None and ws.org_id != org_id:
        refusals.append(
            Refusal(
                "org_mismatch",
                f"the manifests are for workspace {ws.org_id}, but the token belongs to {org_id}",
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_16(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_17(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
    policy = desired.policy
    refusals: list[Refusal] = []
    ws = desired.workspace
    if ws is not None and ws.org_id != org_id:
        refusals.append(
            Refusal(
                "XXorg_mismatchXX",
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_18(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
    policy = desired.policy
    refusals: list[Refusal] = []
    ws = desired.workspace
    if ws is not None and ws.org_id != org_id:
        refusals.append(
            Refusal(
                "ORG_MISMATCH",
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_19(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
    policy = desired.policy
    refusals: list[Refusal] = []
    ws = desired.workspace
    if ws is not None and ws.org_id != org_id:
        refusals.append(
            Refusal(
                "org_mismatch",
                f"the manifests are for workspace {ws.org_id}, but the token belongs to {org_id}",
                "XXcheck HEX_API_URL and the token; workspace.org_id guards against applying toXX"
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_20(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
    policy = desired.policy
    refusals: list[Refusal] = []
    ws = desired.workspace
    if ws is not None and ws.org_id != org_id:
        refusals.append(
            Refusal(
                "org_mismatch",
                f"the manifests are for workspace {ws.org_id}, but the token belongs to {org_id}",
                "check hex_api_url and the token; workspace.org_id guards against applying to"
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_21(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
    policy = desired.policy
    refusals: list[Refusal] = []
    ws = desired.workspace
    if ws is not None and ws.org_id != org_id:
        refusals.append(
            Refusal(
                "org_mismatch",
                f"the manifests are for workspace {ws.org_id}, but the token belongs to {org_id}",
                "CHECK HEX_API_URL AND THE TOKEN; WORKSPACE.ORG_ID GUARDS AGAINST APPLYING TO"
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_22(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
    policy = desired.policy
    refusals: list[Refusal] = []
    ws = desired.workspace
    if ws is not None and ws.org_id != org_id:
        refusals.append(
            Refusal(
                "org_mismatch",
                f"the manifests are for workspace {ws.org_id}, but the token belongs to {org_id}",
                "check HEX_API_URL and the token; workspace.org_id guards against applying to"
                "XX the wrong workspaceXX",
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_23(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
    policy = desired.policy
    refusals: list[Refusal] = []
    ws = desired.workspace
    if ws is not None and ws.org_id != org_id:
        refusals.append(
            Refusal(
                "org_mismatch",
                f"the manifests are for workspace {ws.org_id}, but the token belongs to {org_id}",
                "check HEX_API_URL and the token; workspace.org_id guards against applying to"
                " THE WRONG WORKSPACE",
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_24(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
    prunes = None
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_25(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        if on or (kinds is None or kind in kinds)
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_26(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        if on and (kinds is None and kind in kinds)
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_27(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        if on and (kinds is not None or kind in kinds)
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_28(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        if on and (kinds is None or kind not in kinds)
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_29(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
    if prunes or not full_visibility:
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_30(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
    if prunes and full_visibility:
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_31(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        what = None
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_32(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        what = " and ".join(None)
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_33(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        what = "XX and XX".join(f"prune.{k.value}s" for k in prunes)
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_34(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        what = " AND ".join(f"prune.{k.value}s" for k in prunes)
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_35(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
            None
        )
    for change in changes:
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_36(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
                None,
                f"policy {what} is on, but this token cannot see the whole workspace"
                " (neither a workspace token nor an admin's)",
                "plan with a workspace token or an admin's personal token, or turn prune off",
                policy.mark,
            )
        )
    for change in changes:
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_37(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
                None,
                "plan with a workspace token or an admin's personal token, or turn prune off",
                policy.mark,
            )
        )
    for change in changes:
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_38(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
                None,
                policy.mark,
            )
        )
    for change in changes:
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_39(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
                None,
            )
        )
    for change in changes:
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_40(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
                f"policy {what} is on, but this token cannot see the whole workspace"
                " (neither a workspace token nor an admin's)",
                "plan with a workspace token or an admin's personal token, or turn prune off",
                policy.mark,
            )
        )
    for change in changes:
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_41(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
                "plan with a workspace token or an admin's personal token, or turn prune off",
                policy.mark,
            )
        )
    for change in changes:
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_42(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
                policy.mark,
            )
        )
    for change in changes:
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_43(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
                )
        )
    for change in changes:
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_44(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
                "XXprune_visibilityXX",
                f"policy {what} is on, but this token cannot see the whole workspace"
                " (neither a workspace token nor an admin's)",
                "plan with a workspace token or an admin's personal token, or turn prune off",
                policy.mark,
            )
        )
    for change in changes:
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_45(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
                "PRUNE_VISIBILITY",
                f"policy {what} is on, but this token cannot see the whole workspace"
                " (neither a workspace token nor an admin's)",
                "plan with a workspace token or an admin's personal token, or turn prune off",
                policy.mark,
            )
        )
    for change in changes:
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_46(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
                "XX (neither a workspace token nor an admin's)XX",
                "plan with a workspace token or an admin's personal token, or turn prune off",
                policy.mark,
            )
        )
    for change in changes:
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_47(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
                " (NEITHER A WORKSPACE TOKEN NOR AN ADMIN'S)",
                "plan with a workspace token or an admin's personal token, or turn prune off",
                policy.mark,
            )
        )
    for change in changes:
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_48(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
                "XXplan with a workspace token or an admin's personal token, or turn prune offXX",
                policy.mark,
            )
        )
    for change in changes:
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_49(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
                "PLAN WITH A WORKSPACE TOKEN OR AN ADMIN'S PERSONAL TOKEN, OR TURN PRUNE OFF",
                policy.mark,
            )
        )
    for change in changes:
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_50(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(None, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_51(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, None, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_52(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, None):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_53(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_54(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_55(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, ):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_56(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
            refusals.append(
                None
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_57(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
            refusals.append(
                Refusal(
                    None,
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_58(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
            refusals.append(
                Refusal(
                    "protect",
                    None,
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_59(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
            refusals.append(
                Refusal(
                    "protect",
                    f"{change.address}: {what}",
                    None,
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_60(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
            refusals.append(
                Refusal(
                    "protect",
                    f"{change.address}: {what}",
                    "protected groups and users are never deleted, deactivated or stripped of"
                    " access; change the manifests, or remove them from policy.protect",
                    None,
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_61(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
            refusals.append(
                Refusal(
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_62(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
            refusals.append(
                Refusal(
                    "protect",
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_63(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
            refusals.append(
                Refusal(
                    "protect",
                    f"{change.address}: {what}",
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_64(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
            refusals.append(
                Refusal(
                    "protect",
                    f"{change.address}: {what}",
                    "protected groups and users are never deleted, deactivated or stripped of"
                    " access; change the manifests, or remove them from policy.protect",
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_65(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
            refusals.append(
                Refusal(
                    "XXprotectXX",
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_66(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
            refusals.append(
                Refusal(
                    "PROTECT",
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_67(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
            refusals.append(
                Refusal(
                    "protect",
                    f"{change.address}: {what}",
                    "XXprotected groups and users are never deleted, deactivated or stripped ofXX"
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_68(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
            refusals.append(
                Refusal(
                    "protect",
                    f"{change.address}: {what}",
                    "PROTECTED GROUPS AND USERS ARE NEVER DELETED, DEACTIVATED OR STRIPPED OF"
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_69(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
            refusals.append(
                Refusal(
                    "protect",
                    f"{change.address}: {what}",
                    "protected groups and users are never deleted, deactivated or stripped of"
                    "XX access; change the manifests, or remove them from policy.protectXX",
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_70(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
            refusals.append(
                Refusal(
                    "protect",
                    f"{change.address}: {what}",
                    "protected groups and users are never deleted, deactivated or stripped of"
                    " ACCESS; CHANGE THE MANIFESTS, OR REMOVE THEM FROM POLICY.PROTECT",
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_71(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
            refusals.append(
                Refusal(
                    "protect",
                    f"{change.address}: {what}",
                    "protected groups and users are never deleted, deactivated or stripped of"
                    " access; change the manifests, or remove them from policy.protect",
                    change.mark,
                )
            )
    if policy.allow_public_web:
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_72(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
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
                None
            )
    limit = policy.max_destroy if policy.max_destroy is not None else DEFAULT_MAX_DESTROY
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_73(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
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
                    None,
                    f"{p.address}: project '{p.name}' is shared to the public web ({p.level})",
                    "set sharing.public_web: NONE for it, or set policy.allow_public_web: true"
                    " if that is intended",
                    p.mark,
                )
            )
    limit = policy.max_destroy if policy.max_destroy is not None else DEFAULT_MAX_DESTROY
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_74(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
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
                    None,
                    "set sharing.public_web: NONE for it, or set policy.allow_public_web: true"
                    " if that is intended",
                    p.mark,
                )
            )
    limit = policy.max_destroy if policy.max_destroy is not None else DEFAULT_MAX_DESTROY
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_75(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
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
                    None,
                    p.mark,
                )
            )
    limit = policy.max_destroy if policy.max_destroy is not None else DEFAULT_MAX_DESTROY
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_76(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
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
                    None,
                )
            )
    limit = policy.max_destroy if policy.max_destroy is not None else DEFAULT_MAX_DESTROY
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_77(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
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
                    f"{p.address}: project '{p.name}' is shared to the public web ({p.level})",
                    "set sharing.public_web: NONE for it, or set policy.allow_public_web: true"
                    " if that is intended",
                    p.mark,
                )
            )
    limit = policy.max_destroy if policy.max_destroy is not None else DEFAULT_MAX_DESTROY
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_78(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
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
                    "set sharing.public_web: NONE for it, or set policy.allow_public_web: true"
                    " if that is intended",
                    p.mark,
                )
            )
    limit = policy.max_destroy if policy.max_destroy is not None else DEFAULT_MAX_DESTROY
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_79(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
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
                    p.mark,
                )
            )
    limit = policy.max_destroy if policy.max_destroy is not None else DEFAULT_MAX_DESTROY
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_80(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
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
                    )
            )
    limit = policy.max_destroy if policy.max_destroy is not None else DEFAULT_MAX_DESTROY
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_81(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
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
                    "XXpublic_webXX",
                    f"{p.address}: project '{p.name}' is shared to the public web ({p.level})",
                    "set sharing.public_web: NONE for it, or set policy.allow_public_web: true"
                    " if that is intended",
                    p.mark,
                )
            )
    limit = policy.max_destroy if policy.max_destroy is not None else DEFAULT_MAX_DESTROY
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_82(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
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
                    "PUBLIC_WEB",
                    f"{p.address}: project '{p.name}' is shared to the public web ({p.level})",
                    "set sharing.public_web: NONE for it, or set policy.allow_public_web: true"
                    " if that is intended",
                    p.mark,
                )
            )
    limit = policy.max_destroy if policy.max_destroy is not None else DEFAULT_MAX_DESTROY
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_83(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
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
                    "XXset sharing.public_web: NONE for it, or set policy.allow_public_web: trueXX"
                    " if that is intended",
                    p.mark,
                )
            )
    limit = policy.max_destroy if policy.max_destroy is not None else DEFAULT_MAX_DESTROY
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_84(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
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
                    "set sharing.public_web: none for it, or set policy.allow_public_web: true"
                    " if that is intended",
                    p.mark,
                )
            )
    limit = policy.max_destroy if policy.max_destroy is not None else DEFAULT_MAX_DESTROY
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_85(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
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
                    "SET SHARING.PUBLIC_WEB: NONE FOR IT, OR SET POLICY.ALLOW_PUBLIC_WEB: TRUE"
                    " if that is intended",
                    p.mark,
                )
            )
    limit = policy.max_destroy if policy.max_destroy is not None else DEFAULT_MAX_DESTROY
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_86(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
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
                    "XX if that is intendedXX",
                    p.mark,
                )
            )
    limit = policy.max_destroy if policy.max_destroy is not None else DEFAULT_MAX_DESTROY
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_87(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
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
                    " IF THAT IS INTENDED",
                    p.mark,
                )
            )
    limit = policy.max_destroy if policy.max_destroy is not None else DEFAULT_MAX_DESTROY
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_88(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
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
    limit = None
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_89(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
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
    limit = policy.max_destroy if (policy.max_destroy is not None) and False else DEFAULT_MAX_DESTROY
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_90(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
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
    limit = policy.max_destroy if (policy.max_destroy is not None) or True else DEFAULT_MAX_DESTROY
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_91(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
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
    limit = policy.max_destroy if policy.max_destroy is None else DEFAULT_MAX_DESTROY
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_92(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
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
    destroy = None
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_93(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(None)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_94(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit or not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_95(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy >= limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_96(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_97(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = None
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_98(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if (policy.max_destroy is not None) and False else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_99(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if (policy.max_destroy is not None) or True else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_100(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "XXpolicy.max_destroyXX" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_101(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "POLICY.MAX_DESTROY" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_102(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_103(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "XXthe defaultXX"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_104(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "THE DEFAULT"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_105(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            None
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_106(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                None,
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_107(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                None,
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_108(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                None,
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_109(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_110(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_111(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_112(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_113(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_114(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "XXmax_destroyXX",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_115(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "MAX_DESTROY",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_116(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "XXreview them, then plan again with --allow-destroy, or raise policy.max_destroyXX",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_117(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "REVIEW THEM, THEN PLAN AGAIN WITH --ALLOW-DESTROY, OR RAISE POLICY.MAX_DESTROY",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_118(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if (policy.max_destroy is not None) and False else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_119(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if (policy.max_destroy is not None) or True else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_120(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is None else None,
            )
        )
    return tuple(refusals)


def x_check_guardrails__mutmut_121(
    changes: Sequence[Change],
    desired: Desired,
    *,
    org_id: str,
    full_visibility: bool,
    public: Iterable[Public] = (),
    allow_destroy: bool = False,
    kinds: frozenset[Kind] | None = None,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> tuple[Refusal, ...]:
    """Every refusal for ``changes``. ``public`` lists the managed projects that end up public;
    ``kinds`` limits the policy-wide checks to a ``--target``; ``members`` are the live groups'
    members (see :func:`touches_protect`)."""
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
        for what in touches_protect(change, policy, members):
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
    destroy = sum(c.destructive_count for c in changes)
    if destroy > limit and not allow_destroy:
        source = "policy.max_destroy" if policy.max_destroy is not None else "the default"
        refusals.append(
            Refusal(
                "max_destroy",
                f"{destroy} destructive changes, more than {limit} ({source})",
                "review them, then plan again with --allow-destroy, or raise policy.max_destroy",
                policy.mark if policy.max_destroy is not None else None,
            )
        )
    return tuple(None)

mutants_x_check_guardrails__mutmut['_mutmut_orig'] = x_check_guardrails__mutmut_orig # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_1'] = x_check_guardrails__mutmut_1 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_2'] = x_check_guardrails__mutmut_2 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_3'] = x_check_guardrails__mutmut_3 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_4'] = x_check_guardrails__mutmut_4 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_5'] = x_check_guardrails__mutmut_5 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_6'] = x_check_guardrails__mutmut_6 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_7'] = x_check_guardrails__mutmut_7 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_8'] = x_check_guardrails__mutmut_8 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_9'] = x_check_guardrails__mutmut_9 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_10'] = x_check_guardrails__mutmut_10 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_11'] = x_check_guardrails__mutmut_11 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_12'] = x_check_guardrails__mutmut_12 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_13'] = x_check_guardrails__mutmut_13 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_14'] = x_check_guardrails__mutmut_14 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_15'] = x_check_guardrails__mutmut_15 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_16'] = x_check_guardrails__mutmut_16 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_17'] = x_check_guardrails__mutmut_17 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_18'] = x_check_guardrails__mutmut_18 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_19'] = x_check_guardrails__mutmut_19 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_20'] = x_check_guardrails__mutmut_20 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_21'] = x_check_guardrails__mutmut_21 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_22'] = x_check_guardrails__mutmut_22 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_23'] = x_check_guardrails__mutmut_23 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_24'] = x_check_guardrails__mutmut_24 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_25'] = x_check_guardrails__mutmut_25 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_26'] = x_check_guardrails__mutmut_26 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_27'] = x_check_guardrails__mutmut_27 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_28'] = x_check_guardrails__mutmut_28 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_29'] = x_check_guardrails__mutmut_29 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_30'] = x_check_guardrails__mutmut_30 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_31'] = x_check_guardrails__mutmut_31 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_32'] = x_check_guardrails__mutmut_32 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_33'] = x_check_guardrails__mutmut_33 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_34'] = x_check_guardrails__mutmut_34 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_35'] = x_check_guardrails__mutmut_35 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_36'] = x_check_guardrails__mutmut_36 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_37'] = x_check_guardrails__mutmut_37 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_38'] = x_check_guardrails__mutmut_38 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_39'] = x_check_guardrails__mutmut_39 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_40'] = x_check_guardrails__mutmut_40 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_41'] = x_check_guardrails__mutmut_41 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_42'] = x_check_guardrails__mutmut_42 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_43'] = x_check_guardrails__mutmut_43 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_44'] = x_check_guardrails__mutmut_44 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_45'] = x_check_guardrails__mutmut_45 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_46'] = x_check_guardrails__mutmut_46 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_47'] = x_check_guardrails__mutmut_47 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_48'] = x_check_guardrails__mutmut_48 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_49'] = x_check_guardrails__mutmut_49 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_50'] = x_check_guardrails__mutmut_50 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_51'] = x_check_guardrails__mutmut_51 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_52'] = x_check_guardrails__mutmut_52 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_53'] = x_check_guardrails__mutmut_53 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_54'] = x_check_guardrails__mutmut_54 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_55'] = x_check_guardrails__mutmut_55 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_56'] = x_check_guardrails__mutmut_56 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_57'] = x_check_guardrails__mutmut_57 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_58'] = x_check_guardrails__mutmut_58 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_59'] = x_check_guardrails__mutmut_59 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_60'] = x_check_guardrails__mutmut_60 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_61'] = x_check_guardrails__mutmut_61 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_62'] = x_check_guardrails__mutmut_62 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_63'] = x_check_guardrails__mutmut_63 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_64'] = x_check_guardrails__mutmut_64 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_65'] = x_check_guardrails__mutmut_65 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_66'] = x_check_guardrails__mutmut_66 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_67'] = x_check_guardrails__mutmut_67 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_68'] = x_check_guardrails__mutmut_68 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_69'] = x_check_guardrails__mutmut_69 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_70'] = x_check_guardrails__mutmut_70 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_71'] = x_check_guardrails__mutmut_71 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_72'] = x_check_guardrails__mutmut_72 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_73'] = x_check_guardrails__mutmut_73 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_74'] = x_check_guardrails__mutmut_74 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_75'] = x_check_guardrails__mutmut_75 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_76'] = x_check_guardrails__mutmut_76 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_77'] = x_check_guardrails__mutmut_77 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_78'] = x_check_guardrails__mutmut_78 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_79'] = x_check_guardrails__mutmut_79 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_80'] = x_check_guardrails__mutmut_80 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_81'] = x_check_guardrails__mutmut_81 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_82'] = x_check_guardrails__mutmut_82 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_83'] = x_check_guardrails__mutmut_83 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_84'] = x_check_guardrails__mutmut_84 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_85'] = x_check_guardrails__mutmut_85 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_86'] = x_check_guardrails__mutmut_86 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_87'] = x_check_guardrails__mutmut_87 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_88'] = x_check_guardrails__mutmut_88 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_89'] = x_check_guardrails__mutmut_89 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_90'] = x_check_guardrails__mutmut_90 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_91'] = x_check_guardrails__mutmut_91 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_92'] = x_check_guardrails__mutmut_92 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_93'] = x_check_guardrails__mutmut_93 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_94'] = x_check_guardrails__mutmut_94 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_95'] = x_check_guardrails__mutmut_95 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_96'] = x_check_guardrails__mutmut_96 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_97'] = x_check_guardrails__mutmut_97 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_98'] = x_check_guardrails__mutmut_98 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_99'] = x_check_guardrails__mutmut_99 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_100'] = x_check_guardrails__mutmut_100 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_101'] = x_check_guardrails__mutmut_101 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_102'] = x_check_guardrails__mutmut_102 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_103'] = x_check_guardrails__mutmut_103 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_104'] = x_check_guardrails__mutmut_104 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_105'] = x_check_guardrails__mutmut_105 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_106'] = x_check_guardrails__mutmut_106 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_107'] = x_check_guardrails__mutmut_107 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_108'] = x_check_guardrails__mutmut_108 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_109'] = x_check_guardrails__mutmut_109 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_110'] = x_check_guardrails__mutmut_110 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_111'] = x_check_guardrails__mutmut_111 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_112'] = x_check_guardrails__mutmut_112 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_113'] = x_check_guardrails__mutmut_113 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_114'] = x_check_guardrails__mutmut_114 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_115'] = x_check_guardrails__mutmut_115 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_116'] = x_check_guardrails__mutmut_116 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_117'] = x_check_guardrails__mutmut_117 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_118'] = x_check_guardrails__mutmut_118 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_119'] = x_check_guardrails__mutmut_119 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_120'] = x_check_guardrails__mutmut_120 # type: ignore # mutmut generated
mutants_x_check_guardrails__mutmut['x_check_guardrails__mutmut_121'] = x_check_guardrails__mutmut_121 # type: ignore # mutmut generated
