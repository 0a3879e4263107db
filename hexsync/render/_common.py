"""What the text and markdown renderings share: wording, quoting, grouping of access impact.

Everything here is plain text; the renderers add colour (text) or markup (markdown) around it.
Names come from the workspace and may hold anything, so every name goes through :func:`quote`
(JSON-style: control characters escaped) or :func:`clean` before it is shown. Both also spell out
every other character that does not print (bidi controls U+202A to U+202E and U+2066 to U+2069,
zero-width and other format characters, odd spaces) as a backslash-u escape: a name cannot
reverse or hide the text around it, and a reviewer sees that it is not what it looks like.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from hexsync.errors import plural
from hexsync.values.desired import Access
from hexsync.values.hex_access import level_or_no_access, level_or_none
from hexsync.values.kinds import Kind
from hexsync.values.plan import (
    AccessImpact,
    Action,
    Change,
    FieldChange,
    ImpactItem,
    Plan,
    WorkspaceInfo,
    access_rank,
)

# Every rendering assumes the documented default rate limit; the CLI's header can say more.
RATE_PER_MINUTE = 30

NO_CHANGES = "No changes. The workspace matches the manifests."
# Hex's API has no call to reactivate a user (docs/hex-api.md, "Users and deactivation").
DEACTIVATE_NOTE = "deactivate: irreversible, the API cannot reactivate"

SIGNS = {
    Action.CREATE: "+",
    Action.UPDATE: "~",
    Action.DELETE: "-",
    Action.DEACTIVATE: "-",
}

_ID_PREFIX = 8
_CONTROL = {i: f"\\u{i:04x}" for i in (*range(0x20), 0x7F)}
_CONTROL.update({0x0A: "\\n", 0x0D: "\\r", 0x09: "\\t"})
# Principals listed first are the riskiest to see change.
_PRINCIPAL_ORDER = {"public_web": 0, "workspace": 1, "group": 2, "collection": 3, "user": 4}
_KIND_ORDER = ("collection", "group", "user", "project")


def _spell_out(text: str) -> str:
    """Every character that does not print (but the plain space) as a ``\\u`` escape."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else f"\\u{ord(ch):04x}" for ch in text)


def quote(text: str) -> str:
    """``"text"`` with quotes, backslashes and control characters escaped (one line, no ANSI),
    and bidi, zero-width and other invisible characters spelled out."""
    return _spell_out(json.dumps(text, ensure_ascii=False))


def clean(text: str) -> str:
    """``text`` unquoted, with control characters (newlines, ESC) and invisible characters
    (bidi controls, zero-width ones) made visible."""
    return _spell_out(text.translate(_CONTROL))


def short_id(ident: str) -> str:
    return ident if len(ident) <= _ID_PREFIX else ident[:_ID_PREFIX] + "…"


def workspace_label(ws: WorkspaceInfo) -> str:
    """How prompts and headers name the workspace: its name when Hex gives one, else where it
    is and the start of its org id (``the workspace at app.hex.tech (org 5a8591dd…)``)."""
    if ws.org_name:
        return clean(ws.org_name)
    host = ws.api_url.split("://", 1)[-1].split("/", 1)[0]
    return f"the workspace at {host} (org {short_id(ws.org_id)})"


def headline(change: Change) -> str:
    """``collection "Partners"``, ``project "Revenue overview" (0b3f6a51…)``."""
    text = f"{change.kind.value} {quote(change.name)}"
    if change.kind is Kind.PROJECT and change.id:
        text += f" ({short_id(change.id)})"
    if change.action is Action.DEACTIVATE:
        text += f" ({DEACTIVATE_NOTE})"
    return text


def field_sign(fc: FieldChange) -> str:
    if fc.old is None:
        return "+"
    if fc.new is None:
        return "-"
    return "~"


def _value(fc: FieldChange, value: str) -> str:
    # Access levels are an enum and read best bare; names, descriptions, statuses are quoted.
    return value if fc.is_access else quote(value)


def field_text(fc: FieldChange) -> str:
    """One field without its sign: ``status: "In development" → "Production"``; a removal
    because the grant's time is up ends ``(expired)``."""
    if fc.expired:
        return _field_text(fc) + " (expired)"
    return _field_text(fc)


def _field_text(fc: FieldChange) -> str:
    if fc.path == "members":
        return f"member {clean(fc.key or '')}"
    label = fc.path if fc.key is None else f"{fc.path}[{quote(fc.key)}]"
    if fc.old is None:
        return f"{label}: {_value(fc, fc.new)}" if fc.new is not None else f"{label}: (none)"
    if fc.new is None:
        return f"{label}: {_value(fc, fc.old)}"
    return f"{label}: {_value(fc, fc.old)} → {_value(fc, fc.new)}"


def lowers(fc: FieldChange) -> bool:
    """An access level lowered but not removed (a removal reads as such on its own)."""
    return fc.destructive and fc.new is not None and fc.path != "members"


def duration(seconds: float) -> str:
    whole = round(seconds)
    if whole < 60:
        return f"{whole} s"
    minutes, secs = divmod(whole, 60)
    if minutes < 60:
        return f"{minutes} min {secs} s" if secs else f"{minutes} min"
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes} min" if minutes else f"{hours} h"


# Hex's rate-limit groups as a reviewer knows them (openapi.json names them hex-api, …).
GROUP_NAMES = {"hex-api": "general", "hex-api-30rpm": "users & user sharing"}


def cost(plan: Plan) -> str:
    """``Apply makes 7 requests (about 14 s at 30/min).``; with the pacer's estimate, per
    rate-limit group: ``(about 2 min at 30/min per group: 60 general, 60 users & …)``."""
    took = duration(plan.seconds_at(RATE_PER_MINUTE))
    estimate = plan.estimate
    if estimate is None or not estimate.requests:
        return (
            f"Apply makes {plural(plan.requests, 'request')} "
            f"(about {took} at {RATE_PER_MINUTE}/min)."
        )
    rates = set(estimate.per_minute.values()) or {RATE_PER_MINUTE}
    rate = f"{rates.pop()}/min" if len(rates) == 1 else "the rate limits"
    groups = ", ".join(f"{n} {GROUP_NAMES.get(g, g)}" for g, n in estimate.requests.items())
    per = " per group" if len(estimate.requests) > 1 else ""
    # Within the bursts nothing waits for the rate limit: only the network's own time is left.
    about = "no pacing wait" if estimate.seconds < 1 else f"about {took}"
    return f"Apply makes {plural(plan.requests, 'request')} ({about} at {rate}{per}: {groups})."


def no_changes_line(plan: Plan) -> str:
    """What an empty plan says: "matches the manifests" only when that was checked and holds."""
    if plan.refusals:
        # e.g. a check rule violated: never "the workspace matches the manifests".
        return "No changes to make, but the plan is refused."
    if plan.policy.target:
        return (
            f"No changes to {plan.policy.target}. The rest of the workspace was not compared"
            " (--target)."
        )
    return NO_CHANGES


def summary_line(plan: Plan) -> str:
    """``Plan: 2 to create, 1 to delete (3 destructive). Apply makes 3 requests (…).``

    The destructive count is what ``max_destroy`` counts (a deletion, a deactivation, each
    removed member or lowered grant), so a reviewer sees Terraform's "to destroy" at a glance.
    """
    if plan.empty:
        return no_changes_line(plan)
    parts = [f"{n} to {action}" for action, n in plan.counts.items() if n]
    destructive = plan.destructive_count
    marked = f" ({destructive} destructive)" if destructive else ""
    return f"Plan: {', '.join(parts)}{marked}. {cost(plan)}"


def _kind_rank(kind: str) -> tuple[int, str]:
    base = kind[:-1] if kind.endswith("s") else kind
    return (_KIND_ORDER.index(base) if base in _KIND_ORDER else len(_KIND_ORDER), base)


# What to do about a live object the manifests do not mention, per kind (docs/plan.md).
UNMANAGED_HINTS = {
    "collection": "to remove: delete in Hex's UI (the API cannot delete collections)",
    "group": "to remove: declare with `ensure: absent`, or set policy.prune.groups: true",
    "project": "to remove: archive in Hex's UI (the API cannot delete projects);"
    " to manage: declare (hexsync export writes them)",
    "user": "to remove: declare with `active: false` under users, or set policy.prune.users: true",
}
UNMANAGED_SHOWN = 5  # names listed per kind in text and markdown; JSON has them all


@dataclass(frozen=True)
class UnmanagedKind:
    """One kind of the "Not managed here" note: how many, the first names, what to do."""

    kind: str
    count: int
    names: tuple[str, ...]  # the first UNMANAGED_SHOWN (none from a plan saved without them)
    hint: str

    @property
    def label(self) -> str:
        return plural(self.count, self.kind)

    @property
    def more(self) -> int:
        return self.count - len(self.names) if self.names else 0


def unmanaged_kinds(plan: Plan) -> list[UnmanagedKind]:
    """The unmanaged objects per kind, in the order collection, group, user, project."""
    counts = [(_kind_rank(kind), kind, n) for kind, n in plan.unmanaged.items() if n]
    out = []
    for (_, base), kind, n in sorted(counts):
        names = tuple(plan.unmanaged_names.get(kind, ()))[:UNMANAGED_SHOWN]
        out.append(UnmanagedKind(base, n, names, UNMANAGED_HINTS.get(base, "")))
    return out


def unmanaged_note(plan: Plan) -> str:
    """``Not managed here (left alone):`` then per kind the count, the first names and what to
    do to remove them; "" when nothing is unmanaged."""
    kinds = unmanaged_kinds(plan)
    if not kinds:
        return ""
    lines = ["Not managed here (left alone):"]
    for k in kinds:
        names = ", ".join(quote(n) for n in k.names)
        more = f" and {k.more} more" if k.more else ""
        lines.append(f"  {k.label}" + (f": {names}{more}" if names else ""))
        if k.hint:
            lines.append(f"      {k.hint}")
    return "\n".join(lines)


@dataclass(frozen=True)
class ImpactLine:
    """Projects on which one principal's access moves the same way, through the same path.

    ``same``: a grant changed but the principal's effective access did not (a higher path keeps
    it); ``level`` is then the level kept and ``via`` the path that keeps it. ``people`` and
    ``unaffected`` are the items' largest counts (on ``workspace members``), None without any.
    """

    gain: bool
    level: str  # the level gained, or lost, or kept (same)
    other: str | None  # the level kept (loss) or held before (gain), when there is one
    via: str | None
    projects: tuple[str, ...]
    widens: bool
    same: bool = False
    people: int | None = None
    unaffected: int | None = None
    higher: int | None = None
    kept_same: int | None = None
    capped: int | None = None

    def verb(self, kind: str) -> str:
        # "workspace members gain", "dave@acme.com gains", "bob@acme.com keeps"
        many = kind == "workspace"
        if self.same:
            return "keep" if many else "keeps"
        if self.gain:
            return "gain" if many else "gains"
        return "lose" if many else "loses"

    @property
    def level_text(self) -> str:
        if self.same:
            return f"{self.level} (no effective change)"
        if self.other is None:
            return self.level
        return (
            f"{self.level} (had {self.other})"
            if self.gain
            else f"{self.level} (keeps {self.other})"
        )

    @property
    def where(self) -> str:
        return (
            quote(self.projects[0])
            if len(self.projects) == 1
            else plural(len(self.projects), "project")
        )

    @property
    def counts(self) -> str:
        """``4 people gain it; 2 keep a higher level; 1 already has it`` for a workspace line on
        one project: each count a reviewer can check, none that is zero. On several projects,
        the largest per project (``up to 40 people per project gain it; …``); else ""."""
        if self.people is None:
            return ""
        many = len(self.projects) > 1
        up = "up to " if many else ""

        def verb(n: int, one: str, several: str) -> str:
            return one if n == 1 and not many else several

        if self.same:
            gone = "no one's access changes"
        elif self.people:
            gone = f"{up}{plural(self.people, 'person', 'people')}{' per project' if many else ''}"
            if self.gain:
                gone += f" {verb(self.people, 'gains', 'gain')} it"
            else:
                gone += f" {verb(self.people, 'loses', 'lose')} it"
        else:
            gone = "no one's access changes"
        parts = [gone]
        if self.same:  # the level did not move: nobody's access did
            return gone
        if self.higher is None and self.kept_same is None and self.capped is None:
            if self.unaffected:  # a plan made before the split was counted
                parts.append(
                    f"{up}{self.unaffected} {verb(self.unaffected, 'keeps', 'keep')} their level"
                )
            return "; ".join(parts)
        if self.higher:
            parts.append(f"{up}{self.higher} {verb(self.higher, 'keeps', 'keep')} a higher level")
        if self.kept_same:
            n = self.kept_same
            if self.gain or self.same:
                parts.append(f"{up}{n} already {verb(n, 'has', 'have')} it")
            else:
                parts.append(f"{up}{n} {verb(n, 'keeps', 'keep')} it through another path")
        if self.capped:
            n = self.capped
            parts.append(f"{up}{n} {verb(n, 'Viewer stays', 'Viewers stay')} at CAN_VIEW (capped)")
        return "; ".join(parts)


def _most(values: Iterable[int | None]) -> int | None:
    """The largest count among a line's projects (counts of people are per project: summing
    them would count one person once per project)."""
    known = [v for v in values if v is not None]
    return max(known) if known else None


def impact_lines(impact: AccessImpact) -> list[ImpactLine]:
    """Gains, losses, then unchanged, grouped by (level, level kept or held, via), stably."""
    lines: list[ImpactLine] = []
    for gain, same, items in (
        (True, False, impact.gains),
        (False, False, impact.losses),
        (False, True, impact.unchanged),
    ):
        groups: dict[tuple[str, str | None, str | None], list[ImpactItem]] = {}
        for item in items:
            level = level_or_no_access(item.new if gain or same else item.old)
            other = None if same else level_or_none(item.old if gain else item.new)
            groups.setdefault((level, other, item.via), []).append(item)
        for (level, other, via), group in sorted(
            groups.items(),
            key=lambda kv: (kv[0][2] or "", -access_rank(kv[0][0]), kv[0][0], kv[0][1] or ""),
        ):
            wide = gain and any(
                access_rank(i.new) > access_rank(i.old)
                and (
                    impact.kind in ("workspace", "public_web") or i.new == Access.FULL_ACCESS.value
                )
                for i in group
            )
            projects = tuple(sorted({i.project for i in group}))
            lines.append(
                ImpactLine(
                    gain,
                    level,
                    other,
                    via,
                    projects,
                    wide,
                    same,
                    _most(i.people for i in group),
                    _most(i.unaffected for i in group),
                    _most(i.higher for i in group),
                    _most(i.same for i in group),
                    _most(i.capped for i in group),
                )
            )
    return lines


def quiet_lines(impacts: Iterable[AccessImpact]) -> str:
    """One line for every person whose grant changes under a higher one (their level stays):
    ``3 people keep their level on 4 projects although a grant under it changes; `hexsync
    plan --json` lists them``; "" when none. Their lines say nothing a reviewer acts on."""
    people: set[str] = set()
    projects: set[str] = set()
    for impact in impacts:
        if impact.kind == "user" and impact.unchanged:
            people.add(impact.principal)
            projects.update(i.project for i in impact.unchanged)
    if not people:
        return ""
    return (
        f"{plural(len(people), 'person', 'people')} keep{'s' if len(people) == 1 else ''}"
        f" their level on {plural(len(projects), 'project')} although a grant under it"
        " changes; `hexsync plan --json` lists them"
    )


def shown_lines(impact: AccessImpact) -> list[ImpactLine]:
    """The lines a text or markdown plan shows of one principal: a person's "no effective
    change" lines are left to :func:`quiet_lines`."""
    return [ln for ln in impact_lines(impact) if not (ln.same and impact.kind == "user")]


def sorted_impact(impacts: Iterable[AccessImpact]) -> list[AccessImpact]:
    """Public web and workspace first (the widest), then groups, collections, users; by name."""
    return sorted(
        impacts,
        key=lambda i: (
            _PRINCIPAL_ORDER.get(i.kind, len(_PRINCIPAL_ORDER)),
            i.principal.casefold(),
            i.principal,
        ),
    )


@dataclass(frozen=True)
class RuleGroup:
    """The changes one rule asks for: each distinct field change with how many projects get it,
    and the projects (in plan order) with their fields from this rule."""

    rule: str
    summary: tuple[tuple[str, int], ...]  # (``+ sharing.groups["Finance"]: CAN_VIEW``, count)
    projects: tuple[tuple[Change, tuple[FieldChange, ...]], ...]
    matched: int | None = None  # live projects the rule matched, when the plan says
    check: str | None = None  # ``check`` or ``warn``: the rule changes nothing
    deactivated: int | None = None  # a users rule: the deactivations noting it

    @property
    def headline(self) -> str:
        """``10 projects matched, 1 changed`` (or ``2 projects changed`` when not known); a
        users rule: ``4 users matched, 2 deactivated``."""
        if self.deactivated is not None:
            matched = f"{plural(self.matched or 0, 'user')} matched"
            if self.check:
                return f"{matched} (enforce: {self.check}, changes nothing)"
            return f"{matched}, {self.deactivated} deactivated"
        changed = len(self.projects)
        if self.matched is None:
            return f"{plural(changed, 'project')} changed"
        matched = f"{plural(self.matched, 'project')} matched"
        if self.check:
            return f"{matched} (enforce: {self.check}, changes nothing)"
        return f"{matched}, {changed} changed"


def rule_names(fc: FieldChange) -> list[str]:
    """The rules behind a field change (several when rules combined on it)."""
    return [name for name in (fc.rule or "").split(", ") if name]


def rule_note(fc: FieldChange) -> str:
    """`` (rule finance-visible)`` after a field a rule asked for; "" for an entry's own field."""
    names = rule_names(fc)
    if not names:
        return ""
    return f" (rule{'s' if len(names) > 1 else ''} {', '.join(clean(n) for n in names)})"


def rule_groups(plan: Plan) -> list[RuleGroup]:
    """The plan's changes grouped by the rule behind them, by rule name (docs/rules.md)."""
    by_rule: dict[str, list[tuple[Change, tuple[FieldChange, ...]]]] = {}
    for change in plan.changes:
        mine: dict[str, list[FieldChange]] = {}
        for fc in change.fields:
            for name in rule_names(fc):
                mine.setdefault(name, []).append(fc)
        for name, fields in mine.items():
            by_rule.setdefault(name, []).append((change, tuple(fields)))
    known = {r.name: r for r in plan.rules}
    out = []
    for name in sorted(set(by_rule) | set(known)):
        counts: dict[str, int] = {}
        for _, chosen in by_rule.get(name, ()):
            for fc in chosen:
                text = f"{field_sign(fc)} {field_text(fc)}"
                counts[text] = counts.get(text, 0) + 1
        summary = tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
        summary_of = known.get(name)
        deactivated = None
        if summary_of is not None and summary_of.subject == "users":
            noted = f"rule '{name}':"
            deactivated = sum(
                1
                for c in plan.changes
                if c.action is Action.DEACTIVATE and c.note.startswith(noted)
            )
        out.append(
            RuleGroup(
                name,
                summary,
                tuple(by_rule.get(name, ())),
                summary_of.matched if summary_of is not None else None,
                summary_of.enforce
                if summary_of is not None and summary_of.enforce in ("check", "warn")
                else None,
                deactivated,
            )
        )
    return out
