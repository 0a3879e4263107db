"""Data classes in a plan: names checked against the workspace, what a rule's ``reads:`` found,
and what the plan says when the queried tables are unknown (docs/data.md).

Pure. The rules compiler matches ``reads:`` through :class:`~hexsync.values.data_classes.
DataView`; this module says the rest:

- :func:`data_problems`: a class entry or a ``reads: {table: …}`` glob naming a data connection
  the workspace does not have (a typo would classify nothing, silently): an error at its line,
  with the closest name;
- :func:`reads_evidence`: the tables that made a project match a rule (named in a check rule's
  violation, beside the grant);
- :func:`unknown_tables`: when the tables are not known (the workspace's plan does not offer
  them, Enterprise only), a rule or policy that asks about them cannot be evaluated. It never
  passes silently: hexsync says so once, an ``enforce: check`` rule or a ``refuse`` policy that
  reads classes refuses the plan, an ``apply`` / ``warn`` rule or a ``warn`` policy warns (an
  apply rule on ``reads`` then matches nothing).
"""

from __future__ import annotations

from collections.abc import Iterator

from hexsync.decide.diff import UnresolvedReference
from hexsync.errors import did_you_mean
from hexsync.values.data_classes import (
    DataView,
    mentions_reads,
    needs_tables,
    policies_read_classes,
    split_pattern,
)
from hexsync.values.desired import Desired, Enforce, Mark, Match, Rule
from hexsync.values.live import Live
from hexsync.values.plan import PlanWarning, Refusal

__all__ = ["data_problems", "reads_evidence", "unknown_tables"]

_SHOWN = 3  # tables named per match, then a count


def _globs(match: Match | None) -> Iterator[tuple[str, Mark]]:
    if match is None:
        return
    for child in match.children:
        yield from _globs(child)
    if match.op == "reads":
        for key, value in zip(match.values[::2], match.values[1::2], strict=True):
            if key == "table" and value is not None:
                yield value, match.mark


def data_problems(desired: Desired, live: Live) -> list[UnresolvedReference]:
    """Each class entry and ``reads`` table glob whose connection the workspace does not have
    (only once the connections were read: when the manifests use data classes)."""
    facts = live.data
    if facts is None:
        return []
    known = facts.connections
    out = []

    def check(connection: str, text: str, where: str, mark: Mark | None) -> None:
        if connection in known:
            return
        close = did_you_mean(connection, known)
        message = f"{where} {text!r}: '{connection}' is not a data connection of this workspace" + (
            f"; {close}" if close else f" (its connections: {', '.join(sorted(known))})"
        )
        out.append(UnresolvedReference(message, mark, "rule:data.classes"))

    for name, patterns in desired.classes.items():
        for pattern in patterns:
            check(pattern.connection, str(pattern), f"data class '{name}':", pattern.mark)
    for rule in desired.rules:
        for match in (rule.match, rule.exclude):
            for text, mark in _globs(match):
                check(split_pattern(text)[0], text, f"rule '{rule.name}': reads table", mark)
    return out


def _positive_reads(match: Match | None) -> Iterator[Match]:
    """The ``reads`` leaves of a match that make it hold (not those under ``not``)."""
    if match is None or match.op == "not":
        return
    if match.op == "reads":
        yield match
    for child in match.children:
        yield from _positive_reads(child)


def reads_evidence(rule: Rule | None, view: DataView, project_id: str) -> str:
    """``reads App DB:public.users (class pii)``: what made the project match the rule's
    ``reads``; empty when the rule asks nothing of what it reads."""
    if rule is None:
        return ""
    parts = []
    for leaf in _positive_reads(rule.match):
        found = [str(t) for t in view.reads(leaf, project_id)]
        if not found:
            continue
        shown = ", ".join(found[:_SHOWN])
        if len(found) > _SHOWN:
            shown += f" and {len(found) - _SHOWN} more"
        pairs = zip(leaf.values[::2], leaf.values[1::2], strict=True)
        names = [v for k, v in pairs if k == "class"]
        classes = [n for n in names if n and view.reads(Match("reads", ("class", n)), project_id)]
        if classes:
            shown += f" (class {', '.join(classes)})"
        parts.append(f"reads {shown}")
    return "; ".join(parts)


def unknown_tables(
    desired: Desired, live: Live
) -> tuple[tuple[Refusal, ...], tuple[PlanWarning, ...]]:
    """What the plan says when the manifests ask what projects read and the tables are not
    known: once why, then each rule and policy that cannot be evaluated (see the module)."""
    facts = live.data
    if not needs_tables(desired) or (facts is not None and facts.unavailable is None):
        return (), ()
    if facts is None:
        why = "hexsync did not read the projects' queried tables"
    else:
        why = (
            "this workspace's plan does not offer the projects' queried tables (Enterprise"
            f" plans only; Hex answered: {facts.unavailable})"
        )
    warnings = [
        PlanWarning(
            "queried_tables_unknown",
            f"{why}: rules that match on reads and policies that read object.classes cannot be"
            " evaluated, and this plan says so for each",
        )
    ]
    refusals = []
    hint = (
        "a check that cannot be evaluated never passes: plan against a workspace whose plan"
        " offers queried tables, or remove the rule's reads (or the rule) while it cannot"
    )
    for rule in desired.rules:
        if rule.for_users or not (mentions_reads(rule.match) or mentions_reads(rule.exclude)):
            continue
        if rule.enforce is Enforce.CHECK:
            refusals.append(
                Refusal(
                    "reads_unknown",
                    f"rule '{rule.name}' (enforce: check) matches on what projects read, which"
                    " is not known: it cannot be checked",
                    hint,
                    rule.mark,
                )
            )
        else:
            warnings.append(
                PlanWarning(
                    "reads_unknown",
                    f"rule '{rule.name}' (enforce: {rule.enforce.value}) matches on what projects"
                    " read, which is not known: it matched no project",
                    rule.mark,
                )
            )
    if desired.classes:
        reading = set(policies_read_classes(desired))
        for policy in desired.policies:
            if policy.name not in reading:
                continue
            text = (
                f"policy '{policy.name}' reads object.classes, which is not known: it was"
                " evaluated as if no project read any class"
            )
            if policy.severity == "refuse":
                refusals.append(Refusal("reads_unknown", text, hint, policy.mark))
            else:
                warnings.append(PlanWarning("reads_unknown", text, policy.mark))
    return tuple(refusals), tuple(warnings)
