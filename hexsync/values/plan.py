"""The plan: an ordered, immutable list of typed changes, computed once.

``hexsync plan`` renders a :class:`Plan`; ``hexsync apply`` executes the same value (or one read
back from ``plan.json``). Nothing here does I/O: building a plan is ``diff.py``'s job, carrying it
out is ``apply.py``'s. This module owns the value itself: its types, its order, what counts as
destructive or widening, how many requests it takes, and its JSON form with a checksum.

Vocabulary
- A :class:`Change` is one object (a collection, group, user or project) and what happens to it:
  ``create``, ``update``, ``delete`` or ``deactivate``, with the :class:`FieldChange` s that make
  it up.
- A :class:`FieldChange` is one field: ``path`` is a scalar field (``name``, ``description``,
  ``status``, ``sharing.workspace``, ``sharing.public_web``) or a set-like one (``members``,
  ``sharing.users``, ``sharing.groups``, ``sharing.collections``) with ``key`` naming the member
  email or principal. ``old``/``new`` are JSON scalars; ``None`` means absent (not a member, no
  access, no status). A removal from a sharing set is written to Hex as ``NONE``. On a
  collection, ``sharing.*`` values are Hex's collection levels (opaque strings, ordered by
  ``hexrules.COLLECTION_LEVELS``), not project access levels.
- A :class:`LiveRef` is a live object the plan relies on, with the fields it read; its
  fingerprint binds a saved plan to the workspace it was made against.
"""

from __future__ import annotations

import enum
import hashlib
import hmac
import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from hexsync.errors import HexsyncError, excerpt
from hexsync.values.desired import Access, FrozenMap, Mark
from hexsync.values.hex_access import collection_lowers, collection_widens
from hexsync.values.kinds import Kind

__all__ = [
    "FORMAT_VERSION",
    "MEMBERS_PER_REQUEST",
    "SHARING_PER_REQUEST",
    "AccessImpact",
    "Action",
    "Change",
    "Estimate",
    "FieldChange",
    "ImpactItem",
    "LiveRef",
    "Plan",
    "PlanFileError",
    "PlanPolicy",
    "PlanWarning",
    "Refusal",
    "RuleSummary",
    "WorkspaceInfo",
    "access_rank",
    "apply_phase",
    "groups_made",
    "order_changes",
    "sign_body",
    "waits_for_groups",
]

FORMAT_VERSION = 1
SHARING_PER_REQUEST = 25  # Hex accepts at most 25 entries per sharing upsert
MEMBERS_PER_REQUEST = 100  # and at most 100 member adds (and 100 removes) per group edit


class Action(enum.Enum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    DEACTIVATE = "deactivate"


SET_PATHS = frozenset({"members", "sharing.users", "sharing.groups", "sharing.collections"})
ACCESS_PATHS = frozenset(
    {
        "sharing.workspace",
        "sharing.public_web",
        "sharing.users",
        "sharing.groups",
        "sharing.collections",
    }
)
# Sharing dimensions whose widening is flagged as high risk (docs/plan.md, "Access impact").
WIDE_PATHS = frozenset({"sharing.workspace", "sharing.public_web"})


_RANKS = {a.value: a.rank for a in Access}


def access_rank(access: str | None) -> int:
    """Rank of an access level; absent is NONE; a level hexsync does not know ranks highest."""
    if access is None:
        return 0
    return _RANKS.get(access, len(_RANKS))


@dataclass(frozen=True)
class FieldChange:
    """One field of one object; see the module docstring for ``path``, ``key``, ``old``, ``new``."""

    path: str
    old: str | None
    new: str | None
    key: str | None = None
    rule: str | None = None  # the rule(s) that asked for it (``docs/rules.md``); None: an entry
    expired: bool = False  # a removal because the grant's ``expires:`` passed (docs/expiry.md)
    # Set by Change for a collection's fields: collection levels are Hex's opaque strings,
    # ordered by hexrules.COLLECTION_LEVELS, not the project levels. Derived from the kind.
    collection: bool = field(default=False, compare=False, repr=False)

    @property
    def is_access(self) -> bool:
        return self.path in ACCESS_PATHS

    @property
    def destructive(self) -> bool:
        """A removal from a set, or an access level lowered (what ``max_destroy`` counts)."""
        if self.path in SET_PATHS and self.old is not None and self.new is None:
            return True
        if self.collection:
            return self.is_access and collection_lowers(self.old, self.new)
        return self.is_access and access_rank(self.new) < access_rank(self.old)

    @property
    def widens(self) -> bool:
        """Access raised on the workspace or public web, or raised to FULL_ACCESS: high risk.

        On a collection: the workspace members' level raised, a level raised to MANAGE, or a
        level whose order hexsync does not know (``hexrules.collection_widens``)."""
        if self.collection:
            workspace = self.path == "sharing.workspace"
            return self.is_access and collection_widens(self.old, self.new, workspace=workspace)
        if not self.is_access or access_rank(self.new) <= access_rank(self.old):
            return False
        return self.path in WIDE_PATHS or self.new == Access.FULL_ACCESS.value

    @property
    def data(self) -> dict[str, Any]:
        out: dict[str, Any] = {"path": self.path}
        if self.key is not None:
            out["key"] = self.key
        out["old"] = self.old
        out["new"] = self.new
        if self.rule is not None:
            out["rule"] = self.rule
        if self.expired:
            out["expired"] = True
        return out

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> FieldChange:
        return cls(
            path=data["path"],
            old=data["old"],
            new=data["new"],
            key=data.get("key"),
            rule=data.get("rule"),
            expired=data.get("expired") is True,
        )


# Apply order (docs/apply.md): collections and groups before the sharing that references them,
# membership before sharing, group deletions after the sharing that stops referring to them.
_ORDER: dict[tuple[Kind, Action], int] = {
    (Kind.COLLECTION, Action.CREATE): 0,
    (Kind.COLLECTION, Action.UPDATE): 1,
    (Kind.GROUP, Action.CREATE): 2,
    (Kind.GROUP, Action.UPDATE): 3,
    (Kind.PROJECT, Action.CREATE): 4,
    (Kind.PROJECT, Action.UPDATE): 5,
    (Kind.GROUP, Action.DELETE): 6,
    (Kind.USER, Action.DEACTIVATE): 7,
}


@dataclass(frozen=True)
class Change:
    """One object and what happens to it.

    ``name`` is what a reviewer knows it by (collection or group name, user email, project
    title); ``id`` is its live id (None for a create). ``note`` adds context a reviewer needs
    ("2 members; shared on 1 project"). ``mark`` is where the manifests declare it (None when
    prune removes something the manifests do not mention).
    """

    kind: Kind
    action: Action
    name: str
    id: str | None = None
    fields: tuple[FieldChange, ...] = ()
    note: str = ""
    mark: Mark | None = field(default=None, compare=False)

    def __post_init__(self) -> None:
        if self.kind is Kind.COLLECTION and not all(f.collection for f in self.fields):
            marked = tuple(replace(f, collection=True) for f in self.fields)
            object.__setattr__(self, "fields", marked)

    @property
    def address(self) -> str:
        """A stable identity for messages and ``--target``: ``group:Analysts``, ``project:<id>``."""
        ident = self.id if self.kind is Kind.PROJECT and self.id else self.name
        return f"{self.kind.value}:{ident}"

    @property
    def order_key(self) -> tuple[int, str, str]:
        return (_ORDER[(self.kind, self.action)], self.name, self.id or "")

    @property
    def destructive_count(self) -> int:
        """How many destructive changes this is, as ``max_destroy`` counts them."""
        if self.action in (Action.DELETE, Action.DEACTIVATE):
            return 1
        return sum(1 for f in self.fields if f.destructive)

    @property
    def widens(self) -> bool:
        return any(f.widens for f in self.fields)

    def fields_at(self, path: str) -> tuple[FieldChange, ...]:
        return tuple(f for f in self.fields if f.path == path)

    @property
    def requests(self) -> int:
        """API requests apply makes for this change (the write bound of docs/apply.md, "Order")."""
        if self.action in (Action.DELETE, Action.DEACTIVATE):
            return 1
        if self.kind is Kind.GROUP:
            adds = sum(1 for f in self.fields_at("members") if f.new is not None)
            removes = sum(1 for f in self.fields_at("members") if f.new is None)
            if self.action is Action.CREATE:
                # CreateGroup carries the first 100 members; the rest go by EditGroup.
                return 1 + math.ceil(max(0, adds - MEMBERS_PER_REQUEST) / MEMBERS_PER_REQUEST)
            renamed = 1 if self.fields_at("name") else 0
            edits = max(
                math.ceil(adds / MEMBERS_PER_REQUEST), math.ceil(removes / MEMBERS_PER_REQUEST)
            )
            return max(renamed, edits)
        if self.kind is Kind.COLLECTION:
            return 1
        if self.kind is Kind.PROJECT:
            count = 1 if self.action is Action.CREATE else 0
            if self.fields_at("status") and (
                self.action is Action.UPDATE or self.fields_at("status")[0].new is not None
            ):
                count += 1
            if self.fields_at("sharing.workspace") or self.fields_at("sharing.public_web"):
                count += 1
            for path in ("sharing.users", "sharing.groups", "sharing.collections"):
                count += math.ceil(len(self.fields_at(path)) / SHARING_PER_REQUEST)
            return count
        return 1

    @property
    def operations(self) -> tuple[str, ...]:
        """The Hex operations apply sends for this change, one per request, in the order it
        sends them (as many as :attr:`requests`); the plan's time estimate paces them."""
        if self.action is Action.DEACTIVATE:
            return ("DeactivateUser",)
        if self.action is Action.DELETE:
            return ("DeleteGroup",)
        if self.kind is Kind.COLLECTION:
            return ("CreateCollection" if self.action is Action.CREATE else "EditCollection",)
        if self.kind is Kind.GROUP:
            if self.action is Action.CREATE:
                return ("CreateGroup",) + ("EditGroup",) * (self.requests - 1)
            return ("EditGroup",) * self.requests
        ops: list[str] = []
        if self.action is Action.CREATE:
            ops.append("CreateProject")
        status = self.fields_at("status")
        if status and (self.action is Action.UPDATE or status[0].new is not None):
            ops.append("UpdateProject")
        if self.fields_at("sharing.workspace") or self.fields_at("sharing.public_web"):
            ops.append("EditProjectSharingOrgAndPublic")
        for path, op in (
            ("sharing.users", "EditProjectSharingUsers"),
            ("sharing.groups", "EditProjectSharingGroups"),
            ("sharing.collections", "EditProjectSharingCollections"),
        ):
            ops += [op] * math.ceil(len(self.fields_at(path)) / SHARING_PER_REQUEST)
        return tuple(ops)

    @property
    def data(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": self.kind.value,
            "action": self.action.value,
            "name": self.name,
            "id": self.id,
            "fields": [f.data for f in self.fields],
        }
        if self.note:
            out["note"] = self.note
        if self.mark is not None:
            out["source"] = str(self.mark)
        return out

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Change:
        return cls(
            kind=Kind(data["kind"]),
            action=Action(data["action"]),
            name=data["name"],
            id=data.get("id"),
            fields=tuple(FieldChange.from_data(f) for f in data.get("fields", ())),
            note=data.get("note", ""),
            mark=_parse_mark(data.get("source")),
        )


def _parse_mark(text: str | None) -> Mark | None:
    if not text:
        return None
    file, _, rest = text.rpartition(":")
    file, _, line = file.rpartition(":")
    try:
        return Mark(file, int(line), int(rest))
    except ValueError:
        return None


def order_changes(changes: Iterable[Change]) -> tuple[Change, ...]:
    """The apply order of docs/apply.md; ties by name so the same input always gives the same plan.

    A collection whose sharing names a group this plan creates or renames comes after the
    groups' changes (it needs the group's id), as apply carries it out."""
    ordered = sorted(changes, key=lambda c: c.order_key)
    made = groups_made(ordered)  # once: per change it made ordering quadratic (4 s at 6,000)
    late = [c for c in ordered if waits_for_groups(c, made)]
    if not late:
        return tuple(ordered)
    rest = [c for c in ordered if c not in late]
    after = _ORDER[(Kind.GROUP, Action.UPDATE)]
    at = next((i for i, c in enumerate(rest) if c.order_key[0] > after), len(rest))
    return (*rest[:at], *late, *rest[at:])


def groups_made(changes: Iterable[Change]) -> frozenset[str]:
    """The names of the groups ``changes`` create, and the new names of those they rename."""
    out = set()
    for change in changes:
        if change.kind is not Kind.GROUP:
            continue
        renamed = [f.new for f in change.fields_at("name") if f.new is not None]
        if change.action is Action.CREATE:
            out.add(change.name)
        out.update(renamed)
    return frozenset(out)


def waits_for_groups(change: Change, made: frozenset[str]) -> bool:
    """Whether a collection change's sharing names one of the groups ``made``."""
    return change.kind is Kind.COLLECTION and any(
        f.key in made for f in change.fields_at("sharing.groups")
    )


def apply_phase(change: Change, new_groups: frozenset[str] = frozenset()) -> int:
    """Apply's phase for ``change``, each awaited before the next (``apply.py``; the time
    estimate paces the same phases): 0 collections and groups; 1 collections whose sharing
    names a group this plan creates or renames (they need its id); 2 projects; 3 group
    deletions; 4 deactivations."""
    if waits_for_groups(change, new_groups):
        return 1
    if change.kind in (Kind.COLLECTION, Kind.GROUP) and change.action is not Action.DELETE:
        return 0
    if change.kind is Kind.PROJECT:
        return 2
    if change.kind is Kind.GROUP:
        return 3
    return 4


def _canonical_json(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def _sha256(value: Any) -> str:
    return hashlib.sha256(_canonical_json(value).encode("utf-8")).hexdigest()


def sign_body(body: Mapping[str, Any], key: bytes) -> str:
    """HMAC-SHA256 (lower-case hex) of the canonical JSON of a plan's body (every key but
    ``checksum`` and ``signature``): the recipe of docs/plan-format.md."""
    return hmac.new(key, _canonical_json(dict(body)).encode("utf-8"), hashlib.sha256).hexdigest()


@dataclass(frozen=True)
class LiveRef:
    """A live object the plan read and relies on: what it saw, field by field.

    ``fields`` holds canonical strings only (names, emails, access levels; lists joined
    sorted), never a secret. Apply re-reads the object and names each field that moved.
    """

    kind: Kind
    name: str
    id: str
    fields: FrozenMap[str, str]

    @property
    def address(self) -> str:
        return f"{self.kind.value}:{self.id}"

    @property
    def fingerprint(self) -> str:
        return _sha256(dict(self.fields))

    def moved(self, now: Mapping[str, str]) -> list[str]:
        """The fields whose value differs in ``now`` (a fresh reading of the same object)."""
        keys = sorted(set(self.fields) | set(now))
        return [k for k in keys if self.fields.get(k) != now.get(k)]

    @property
    def data(self) -> dict[str, Any]:
        return {
            "kind": self.kind.value,
            "name": self.name,
            "id": self.id,
            "fields": dict(self.fields),
            "fingerprint": self.fingerprint,
        }

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> LiveRef:
        ref = cls(
            kind=Kind(data["kind"]),
            name=data["name"],
            id=data["id"],
            fields=FrozenMap(data["fields"]),
        )
        if data.get("fingerprint") not in (None, ref.fingerprint):
            raise PlanFileError(f"the fingerprint of {ref.address} does not match its fields")
        return ref


@dataclass(frozen=True)
class PlanWarning:
    """Something a reviewer should know that is not a change (e.g. a title hexsync can't set)."""

    code: str
    message: str
    mark: Mark | None = field(default=None, compare=False)

    @property
    def data(self) -> dict[str, Any]:
        out: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.mark is not None:
            out["source"] = str(self.mark)
        return out

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> PlanWarning:
        return cls(data["code"], data["message"], _parse_mark(data.get("source")))


@dataclass(frozen=True)
class Refusal:
    """A guardrail that refuses this plan (exit 3), with what to do about it."""

    code: str  # max_destroy | public_web | protect | org_mismatch | prune_visibility
    message: str
    hint: str = ""
    mark: Mark | None = field(default=None, compare=False)

    @property
    def data(self) -> dict[str, Any]:
        out: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.hint:
            out["hint"] = self.hint
        if self.mark is not None:
            out["source"] = str(self.mark)
        return out

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Refusal:
        return cls(
            data["code"], data["message"], data.get("hint", ""), _parse_mark(data.get("source"))
        )


@dataclass(frozen=True)
class ImpactItem:
    """One project on which a principal's access changes, and through what.

    For a person, ``old``/``new`` are their *effective* levels and ``via`` the path that decides
    (for a loss, the path they lose). On ``workspace members``, ``people`` counts the members
    whose effective access changes so, and ``unaffected`` those whose level stays as it is, split
    into ``higher``, ``same`` and ``capped`` (below).
    """

    project: str  # title
    old: str | None
    new: str | None
    via: str | None = None  # e.g. "group Analysts"; None for direct sharing
    people: int | None = None
    unaffected: int | None = None
    # ``unaffected`` by why their level stays: a higher level through another path; the very
    # level through another path (a gain: they already had it; a loss: they keep it); a Viewer
    # whom the cap keeps at CAN_VIEW both ways. None in plans made before they were counted.
    higher: int | None = None
    same: int | None = None
    capped: int | None = None

    @property
    def data(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "project": self.project,
            "old": self.old,
            "new": self.new,
            "via": self.via,
        }
        if self.people is not None:
            out["people"] = self.people
        if self.unaffected is not None:
            out["unaffected"] = self.unaffected
        for key in ("higher", "same", "capped"):
            value = getattr(self, key)
            if value is not None:
                out[key] = value
        return out

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> ImpactItem:
        return cls(
            data["project"],
            data["old"],
            data["new"],
            data.get("via"),
            data.get("people"),
            data.get("unaffected"),
            data.get("higher"),
            data.get("same"),
            data.get("capped"),
        )


@dataclass(frozen=True)
class AccessImpact:
    """Who gains and who loses access: one principal and the projects where it changes.

    ``principal`` is an email, a group or collection name, ``workspace members`` or ``public
    web``; ``kind`` says which (user | group | collection | workspace | public_web).
    ``unchanged`` holds the projects where a grant to the principal changes but their effective
    access does not (a higher path shadows it), each with the path that decides.
    """

    principal: str
    kind: str
    gains: tuple[ImpactItem, ...] = ()
    losses: tuple[ImpactItem, ...] = ()
    unchanged: tuple[ImpactItem, ...] = ()

    @property
    def widens(self) -> bool:
        return any(
            access_rank(i.new) > access_rank(i.old)
            and (self.kind in ("workspace", "public_web") or i.new == Access.FULL_ACCESS.value)
            for i in self.gains
        )

    @property
    def data(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "principal": self.principal,
            "kind": self.kind,
            "gains": [i.data for i in self.gains],
            "losses": [i.data for i in self.losses],
        }
        if self.unchanged:
            out["unchanged"] = [i.data for i in self.unchanged]
        return out

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> AccessImpact:
        return cls(
            data["principal"],
            data["kind"],
            tuple(ImpactItem.from_data(i) for i in data.get("gains", ())),
            tuple(ImpactItem.from_data(i) for i in data.get("losses", ())),
            tuple(ImpactItem.from_data(i) for i in data.get("unchanged", ())),
        )


@dataclass(frozen=True)
class WorkspaceInfo:
    """Which workspace the plan was made against (no token, ever)."""

    api_url: str
    org_id: str
    org_name: str | None = None
    full_visibility: bool = False  # a workspace token or an admin: prune is allowed

    @property
    def data(self) -> dict[str, Any]:
        return {
            "api_url": self.api_url,
            "org_id": self.org_id,
            "org_name": self.org_name,
            "full_visibility": self.full_visibility,
        }

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> WorkspaceInfo:
        return cls(
            data["api_url"],
            data["org_id"],
            data.get("org_name"),
            data.get("full_visibility", False),
        )


@dataclass(frozen=True)
class Estimate:
    """How long apply takes as the client paces it at Hex's rate limits, per rate-limit group.

    ``seconds`` comes from replaying apply's requests (its phases, each change's requests in
    order, the reads before and the read-back after) through the client's pacer; ``requests``
    counts apply's writes per group (``hex-api``: most endpoints; ``hex-api-30rpm``: users and
    user sharing), each group with its own 30/minute.
    """

    seconds: float
    requests: FrozenMap[str, int]
    per_minute: FrozenMap[str, int] = field(default_factory=FrozenMap)

    @property
    def data(self) -> dict[str, Any]:
        return {
            "seconds": round(self.seconds, 2),
            "requests": dict(sorted(self.requests.items())),
            "per_minute": dict(sorted(self.per_minute.items())),
        }

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Estimate:
        return cls(
            seconds=float(data["seconds"]),
            requests=FrozenMap({str(k): int(v) for k, v in data["requests"].items()}),
            per_minute=FrozenMap({str(k): int(v) for k, v in data.get("per_minute", {}).items()}),
        )


@dataclass(frozen=True)
class PlanPolicy:
    """What the guardrails were evaluated under when the plan was made, so apply can evaluate
    them again on the plan's own changes: the manifests' policy and workspace guard, and the
    ``--allow-destroy`` and ``--target`` the plan was made with."""

    org_id: str | None = None  # the manifests' workspace.org_id
    max_destroy: int | None = None
    allow_destroy: bool = False
    allow_public_web: bool = False
    protect_groups: tuple[str, ...] = ()
    protect_users: tuple[str, ...] = ()
    prune_groups: bool = False
    prune_users: bool = False
    target: str | None = None

    @property
    def data(self) -> dict[str, Any]:
        return {
            "org_id": self.org_id,
            "max_destroy": self.max_destroy,
            "allow_destroy": self.allow_destroy,
            "allow_public_web": self.allow_public_web,
            "protect": {"groups": list(self.protect_groups), "users": list(self.protect_users)},
            "prune": {"groups": self.prune_groups, "users": self.prune_users},
            "target": self.target,
        }

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> PlanPolicy:
        return cls(
            org_id=data.get("org_id"),
            max_destroy=data.get("max_destroy"),
            allow_destroy=bool(data.get("allow_destroy", False)),
            allow_public_web=bool(data.get("allow_public_web", False)),
            protect_groups=tuple(data.get("protect", {}).get("groups", ())),
            protect_users=tuple(data.get("protect", {}).get("users", ())),
            prune_groups=bool(data.get("prune", {}).get("groups", False)),
            prune_users=bool(data.get("prune", {}).get("users", False)),
            target=data.get("target"),
        )


@dataclass(frozen=True)
class RuleSummary:
    """A manifest rule's blast radius when the plan was made (docs/rules.md)."""

    name: str
    enforce: str  # apply | check | warn
    matched: int  # live projects it matched (active users, for a users rule)
    subject: str = "projects"  # or "users": a users rule (docs/rules.md, "Users rules")

    @property
    def data(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "enforce": self.enforce, "matched": self.matched}
        if self.subject == "users":
            out["subject"] = "users"
        return out

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> RuleSummary:
        subject = "users" if data.get("subject") == "users" else "projects"
        return cls(data["name"], data["enforce"], int(data["matched"]), subject)


class PlanFileError(HexsyncError):
    """A saved plan that cannot be used as it is: unreadable, altered, or of another version."""


@dataclass(frozen=True)
class Plan:
    """The whole plan. ``changes`` are in apply order (see :func:`order_changes`)."""

    workspace: WorkspaceInfo
    changes: tuple[Change, ...] = ()
    relied: tuple[LiveRef, ...] = ()
    warnings: tuple[PlanWarning, ...] = ()
    refusals: tuple[Refusal, ...] = ()
    impact: tuple[AccessImpact, ...] = ()
    unmanaged: FrozenMap[str, int] = field(default_factory=FrozenMap)  # kind → count left alone
    # kind → the names of those objects, sorted (what the reviewer needs to act on them)
    unmanaged_names: FrozenMap[str, tuple[str, ...]] = field(default_factory=FrozenMap)
    read_requests: int = 0  # requests the plan itself made to read the workspace
    policy: PlanPolicy = field(default_factory=PlanPolicy)
    # HMAC-SHA256 of the body under HEXSYNC_PLAN_KEY (see :meth:`signed`); None: unsigned.
    signature: str | None = field(default=None, compare=False)
    rules: tuple[RuleSummary, ...] = ()  # the manifests' rules and what each matched
    estimate: Estimate | None = None  # apply's time at the rate limits (None: not estimated)

    @property
    def empty(self) -> bool:
        return not self.changes

    @property
    def counts(self) -> dict[str, int]:
        """Changes per action, every action present (zeros included) in a fixed order."""
        out = {a.value: 0 for a in Action}
        for change in self.changes:
            out[change.action.value] += 1
        return out

    @property
    def destructive_count(self) -> int:
        return sum(c.destructive_count for c in self.changes)

    @property
    def requests(self) -> int:
        """API requests apply will make."""
        return sum(c.requests for c in self.changes)

    def seconds_at(self, per_minute: float = 30.0) -> float:
        """About how long apply takes: the estimate when the plan has one, else every request
        paced at ``per_minute`` in one group (an upper bound)."""
        if self.estimate is not None:
            return self.estimate.seconds
        return self.requests * 60.0 / per_minute

    @property
    def data(self) -> dict[str, Any]:
        """The JSON form (``docs/plan-format.md``), checksum included, keys in a stable order."""
        body = self._body()
        out = {**body, "checksum": _sha256(body)}
        if self.signature is not None:
            out["signature"] = self.signature
        return out

    def signed(self, key: bytes) -> Plan:
        """This plan with an HMAC-SHA256 ``signature`` of its body under ``key``."""
        return replace(self, signature=sign_body(self._body(), key))

    def _body(self) -> dict[str, Any]:
        body = {
            "format_version": FORMAT_VERSION,
            "workspace": self.workspace.data,
            "policy": self.policy.data,
            "summary": {
                **self.counts,
                "destructive": self.destructive_count,
                "requests": self.requests,
            },
            "changes": [c.data for c in self.changes],
            "relied_on": [r.data for r in self.relied],
            "warnings": [w.data for w in self.warnings],
            "refusals": [r.data for r in self.refusals],
            "access_impact": [i.data for i in self.impact],
            "unmanaged": dict(self.unmanaged),
            "unmanaged_names": {k: list(v) for k, v in self.unmanaged_names.items()},
            "read_requests": self.read_requests,
            # Only with rules, so that plans without any keep their exact form.
            **({"rules": [r.data for r in self.rules]} if self.rules else {}),
        }
        if self.estimate is not None:  # plans made before estimates (or by hand) have none
            body["estimate"] = self.estimate.data
        return body

    def dumps(self) -> str:
        return json.dumps(self.data, indent=2, ensure_ascii=False) + "\n"

    @classmethod
    def from_data(cls, data: Mapping[str, Any], *, source: str = "plan") -> Plan:
        """Read a saved plan back, refusing it if the checksum or the version does not match."""
        if not isinstance(data, Mapping):
            raise PlanFileError(f"{source}: not a hexsync plan (expected a JSON object)")
        version = data.get("format_version")
        if type(version) is not int or version != FORMAT_VERSION:  # not True, not 1.0
            raise PlanFileError(
                f"{source}: plan format_version {excerpt(version)}, this hexsync reads "
                f"{FORMAT_VERSION}",
                hint="make the plan again with this version of hexsync",
            )
        body = {k: v for k, v in data.items() if k not in ("checksum", "signature")}
        if data.get("checksum") != _sha256(body):
            raise PlanFileError(
                f"{source}: checksum mismatch: the plan was changed after it was made",
                hint="make a new plan with `hexsync plan --out`; never edit a saved plan",
            )
        try:
            return cls(
                workspace=WorkspaceInfo.from_data(data["workspace"]),
                changes=tuple(Change.from_data(c) for c in data["changes"]),
                relied=tuple(LiveRef.from_data(r) for r in data.get("relied_on", ())),
                warnings=tuple(PlanWarning.from_data(w) for w in data.get("warnings", ())),
                refusals=tuple(Refusal.from_data(r) for r in data.get("refusals", ())),
                impact=tuple(AccessImpact.from_data(i) for i in data.get("access_impact", ())),
                unmanaged=FrozenMap(data.get("unmanaged", {})),
                unmanaged_names=FrozenMap(
                    (k, tuple(v)) for k, v in data.get("unmanaged_names", {}).items()
                ),
                read_requests=int(data.get("read_requests", 0)),
                policy=PlanPolicy.from_data(data.get("policy", {})),
                signature=data.get("signature"),
                rules=tuple(RuleSummary.from_data(r) for r in data.get("rules", ())),
                estimate=(Estimate.from_data(data["estimate"]) if data.get("estimate") else None),
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise PlanFileError(f"{source}: malformed plan ({exc})") from exc

    @classmethod
    def loads(cls, text: str, *, source: str = "plan") -> Plan:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise PlanFileError(f"{source}:{exc.lineno}:{exc.colno}: not JSON: {exc.msg}") from exc
        return cls.from_data(data, source=source)
