"""The desired state, as typed immutable records shared by the manifest loader and the plan.

Everything here is a frozen dataclass, hashable and canonical: emails are lower-cased, member lists
are ``frozenset``s and sharing maps are :class:`FrozenMap`s, so two manifests that differ only in
order or in the case of an email produce equal values. Every record carries the :class:`Mark` of
its declaration; marks never take part in equality.

``None`` on an optional field means "not declared here: leave the live value alone", except for
``Project.status``, where ``None`` is a declared "no status" and :data:`UNMANAGED` means omitted.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Generic, Literal, TypeAlias, TypeVar

from hexsync.values.windows import SyncWindow

__all__ = [
    "UNMANAGED",
    "Access",
    "AccessPolicy",
    "Collection",
    "CollectionSharing",
    "Connection",
    "ConnectionSharing",
    "Desired",
    "Enforce",
    "Ensure",
    "Expiry",
    "FrozenMap",
    "Group",
    "Mark",
    "Match",
    "Mode",
    "Policy",
    "Project",
    "Reviewers",
    "Rule",
    "Sharing",
    "TablePattern",
    "Unmanaged",
    "User",
    "Workspace",
    "parse_duration",
    "parse_expiry",
    "parse_timestamp",
]


@dataclass(frozen=True, order=True)
class Mark:
    """Where something was declared: a file (as shown to the user), 1-based line and column."""

    file: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}"


NOWHERE = Mark("<none>", 0, 0)

K = TypeVar("K", bound=str)
V = TypeVar("V")


class FrozenMap(Mapping[K, V], Generic[K, V]):
    """An immutable, hashable mapping that iterates in sorted key order."""

    __slots__ = ("_data", "_hash")

    def __init__(self, items: Mapping[K, V] | Iterable[tuple[K, V]] = ()) -> None:
        pairs = items.items() if isinstance(items, Mapping) else items
        self._data: dict[K, V] = dict(sorted(pairs, key=lambda kv: kv[0]))
        self._hash: int | None = None

    def __getitem__(self, key: K) -> V:
        return self._data[key]

    def __iter__(self) -> Iterator[K]:
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(frozenset(self._data.items()))
        return self._hash

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FrozenMap):
            return self._data == other._data
        if isinstance(other, Mapping):
            return self._data == dict(other)
        return NotImplemented

    def __repr__(self) -> str:
        return f"FrozenMap({self._data!r})"


class Access(enum.Enum):
    """A sharing level, ordered from no access to full access (``Access.CAN_VIEW < CAN_EDIT``)."""

    NONE = "NONE"
    APP_ONLY = "APP_ONLY"
    CAN_VIEW = "CAN_VIEW"
    CAN_EDIT = "CAN_EDIT"
    FULL_ACCESS = "FULL_ACCESS"

    @property
    def rank(self) -> int:
        return _ACCESS_RANK[self]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Access):
            return NotImplemented
        return self.rank < other.rank

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Access):
            return NotImplemented
        return self.rank <= other.rank

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Access):
            return NotImplemented
        return self.rank > other.rank

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Access):
            return NotImplemented
        return self.rank >= other.rank


_ACCESS_ORDER = list(Access)
_ACCESS_RANK = {a: i for i, a in enumerate(_ACCESS_ORDER)}  # rank is hot in the access engine


class Mode(enum.Enum):
    """How a declared list is applied: the full truth, or only grants on top of what is live."""

    AUTHORITATIVE = "authoritative"
    ADDITIVE = "additive"


class Ensure(enum.Enum):
    PRESENT = "present"
    ABSENT = "absent"


class Unmanaged(enum.Enum):
    """The type of :data:`UNMANAGED`: a field the manifest did not mention."""

    UNMANAGED = "UNMANAGED"

    def __repr__(self) -> str:
        return "UNMANAGED"


UNMANAGED: Literal[Unmanaged.UNMANAGED] = Unmanaged.UNMANAGED

Status: TypeAlias = "str | Literal[Unmanaged.UNMANAGED] | None"


@dataclass(frozen=True)
class Workspace:
    """Guard: the plan refuses to run against a workspace whose org id differs."""

    org_id: str
    mark: Mark = field(default=NOWHERE, compare=False)


def email_key(email: str) -> str:
    """The one form in which hexsync compares emails: Hex treats them case-insensitively, so
    ``IT-Admin@ACME.com`` and ``it-admin@acme.com`` are one person everywhere (protect, members,
    sharing, a saved plan, an MCP call)."""
    return email.strip().lower()


DEFAULT_PROTECTED_STATUS = "Production"
# A rule that changes projects may match at most this share (percent) of the live projects, once
# that is more than DEFAULT_MATCH_FLOOR of them, unless it or the policy says otherwise
# (docs/rules.md, "Mass changes"): a "not viewed in 180 days" rule that matches every project is
# a mistake more often than not.
DEFAULT_MATCH_SHARE = 50
DEFAULT_MATCH_FLOOR = 10


@dataclass(frozen=True)
class Policy:
    """Safety rules. ``max_destroy=None`` means the manifests set no limit of their own.

    ``expiry_warning``: how long before a grant's ``expires`` the plan says so;
    ``max_grant_duration``: the longest ``expires`` after now a grant may have (None: no cap).
    """

    prune_groups: bool = False
    prune_users: bool = False
    protect_groups: frozenset[str] = frozenset()
    protect_users: frozenset[str] = frozenset()  # lower-cased
    max_destroy: int | None = None
    allow_public_web: bool = False
    statuses: frozenset[str] | None = None  # None: no list declared, any status name is accepted
    max_rule_matches: int | None = None  # a rule matching more live projects is refused
    # ``max_rule_matches: 80%``: the same, as a percentage of the live projects (max_rule_matches
    # is then None). Neither: a rule that changes projects may match at most half of them.
    max_rule_share: int | None = None
    # Collection levels Hex has beyond the ones hexsync knows (hex_access.COLLECTION_LEVELS):
    # any other level on a collection is an error (a project level there is the usual mistake).
    collection_levels: frozenset[str] = frozenset()
    # Statuses a change away from counts as destructive; None: the default (Production, and any
    # status whose name says it is an endorsement), see ``protects_status``.
    protected_statuses: frozenset[str] | None = None
    windows: tuple[SyncWindow, ...] = ()  # when `hexsync serve --mode heal` may write
    expiry_warning: dt.timedelta = dt.timedelta(days=14)
    max_grant_duration: dt.timedelta | None = None
    allow_open_connections: bool = False  # a data connection shared with guests or the public
    mark: Mark = field(default=NOWHERE, compare=False)

    def protects_status(self, status: str | None) -> bool:
        """Whether changing a project away from ``status`` is destructive (docs/rules.md, "Mass
        changes"): one of ``protected_statuses``, or by default Production and any status whose
        name says it is an endorsement (Hex's API tells statuses and endorsements apart by
        nothing but their names)."""
        if status is None:
            return False
        if self.protected_statuses is not None:
            return status in self.protected_statuses
        return status == DEFAULT_PROTECTED_STATUS or "endorse" in status.casefold()


@dataclass(frozen=True)
class CollectionSharing:
    """A collection's declared sharing; a ``None`` dimension was omitted and is left alone.

    Levels are Hex's own strings, kept as written (``hexrules.COLLECTION_LEVELS`` knows some);
    ``NONE`` removes. ``users`` keys are lower-cased emails, ``groups`` keys exact names;
    ``marks``, ``expires`` and ``expired`` as in :class:`Sharing`.
    """

    mode: Mode = Mode.AUTHORITATIVE
    workspace: str | None = None
    users: FrozenMap[str, str] | None = None
    groups: FrozenMap[str, str] | None = None
    mark: Mark = field(default=NOWHERE, compare=False)
    marks: FrozenMap[str, Mark] = field(default_factory=FrozenMap, compare=False)
    expires: FrozenMap[str, Expiry] = field(default_factory=FrozenMap)
    expired: frozenset[str] = frozenset()

    def mark_of(self, dimension: str, key: str = "") -> Mark:
        """Where ``dimension`` (and ``key`` within it) was declared, else the sharing block."""
        return self.marks.get(f"{dimension}\x00{key}", self.mark)


@dataclass(frozen=True)
class Collection:
    """Identity: ``name``, or ``id`` when pinned (then a different live name is a rename)."""

    name: str
    description: str | None = None
    id: str | None = None
    mark: Mark = field(default=NOWHERE, compare=False)
    sharing: CollectionSharing | None = None


@dataclass(frozen=True)
class ConnectionSharing:
    """A data connection's declared sharing (levels as :mod:`hexsync.values.connections` names
    them); a ``None`` audience or ``groups`` was omitted and is left alone. ``marks`` as in
    :class:`Sharing` (``members\x00``, ``groups\x00Finance``)."""

    mode: Mode = Mode.AUTHORITATIVE
    members: str | None = None
    guests: str | None = None
    public: str | None = None
    groups: FrozenMap[str, str] | None = None
    mark: Mark = field(default=NOWHERE, compare=False)
    marks: FrozenMap[str, Mark] = field(default_factory=FrozenMap, compare=False)

    def mark_of(self, dimension: str, key: str = "") -> Mark:
        return self.marks.get(f"{dimension}\x00{key}", self.mark)


@dataclass(frozen=True)
class Connection:
    """A data connection the manifests manage; identity ``id`` when pinned, else ``name``.
    hexsync never creates one (that takes credentials): it must exist."""

    name: str | None = None
    id: str | None = None
    sharing: ConnectionSharing | None = None
    schema_refresh_access: str | None = None  # None: left alone
    mark: Mark = field(default=NOWHERE, compare=False)

    @property
    def key(self) -> str:
        return self.name if self.name is not None else (self.id or "")


@dataclass(frozen=True)
class TablePattern:
    """One entry of a data class (``data.classes``): a data connection's exact name and a glob
    on the table as Hex names it (``schema.table``), matched in any case (docs/data.md)."""

    connection: str
    glob: str
    mark: Mark = field(default=NOWHERE, compare=False)

    def __str__(self) -> str:
        return f"{self.connection}:{self.glob}"


@dataclass(frozen=True)
class Group:
    """A group and its members (lower-cased emails); ``members=None`` leaves membership alone."""

    name: str
    members: frozenset[str] | None = None
    members_mode: Mode = Mode.AUTHORITATIVE
    ensure: Ensure = Ensure.PRESENT
    mark: Mark = field(default=NOWHERE, compare=False)
    member_marks: FrozenMap[str, Mark] = field(default_factory=FrozenMap, compare=False)
    # A member's ``expires`` (by email); once resolved (hexsync.decide.expiry), the members whose
    # time is up are out of ``members`` and in ``expired_members``: removed even when additive.
    member_expires: FrozenMap[str, Expiry] = field(default_factory=FrozenMap)
    expired_members: frozenset[str] = frozenset()


@dataclass(frozen=True)
class User:
    """A user the manifests mention; hexsync can only deactivate (``active=False``)."""

    email: str  # lower-cased
    active: bool = True
    mark: Mark = field(default=NOWHERE, compare=False)


@dataclass(frozen=True)
class Sharing:
    """A project's declared sharing; a ``None`` dimension was omitted and is left alone.

    ``users`` keys are lower-cased emails; ``groups`` and ``collections`` keys are exact names.
    ``marks`` maps ``(dimension, key)`` (e.g. ``("users", "carol@acme.com")``, or
    ``("workspace", "")``) to where that entry was written; ``expires`` the entries written with
    an ``expires:`` to it (same keys). Once resolved against a time
    (:func:`hexsync.decide.expiry.resolve`), an entry whose time is up is out of its map and its
    key in ``expired``: the plan removes that grant, even from an additive dimension.
    """

    mode: Mode = Mode.AUTHORITATIVE
    workspace: Access | None = None
    public_web: Access | None = None
    users: FrozenMap[str, Access] | None = None
    groups: FrozenMap[str, Access] | None = None
    collections: FrozenMap[str, Access] | None = None
    mark: Mark = field(default=NOWHERE, compare=False)
    marks: FrozenMap[str, Mark] = field(default_factory=FrozenMap, compare=False)
    modes: FrozenMap[str, Mode] = field(default_factory=FrozenMap)  # per dimension, over ``mode``
    expires: FrozenMap[str, Expiry] = field(default_factory=FrozenMap)
    expired: frozenset[str] = frozenset()

    def is_expired(self, dimension: str, key: str) -> bool:
        """Whether the grant to ``key`` in ``dimension`` was written and its time is up."""
        return f"{dimension}\x00{key}" in self.expired

    def mode_of(self, dimension: str) -> Mode:
        """The mode of one dimension (rules and merged entries may differ per dimension)."""
        return self.modes.get(dimension, self.mode)

    def mark_of(self, dimension: str, key: str = "") -> Mark:
        """Where ``dimension`` (and ``key`` within it) was declared, else the sharing block."""
        return self.marks.get(f"{dimension}\x00{key}", self.mark)


@dataclass(frozen=True)
class Project:
    """Identity: ``id``; else ``title`` (which must then be unique live, or the project is new)."""

    id: str | None = None
    title: str | None = None
    description: str | None = None
    status: Status = UNMANAGED
    sharing: Sharing | None = None
    mark: Mark = field(default=NOWHERE, compare=False)
    # Which rule set a field (``status``, ``sharing.groups``, ``sharing.groups\x00Finance``),
    # for fields a rule compiled in (hexsync.decide.rules_compiler); an explicit entry's own fields
    # have none.
    provenance: FrozenMap[str, str] = field(default_factory=FrozenMap, compare=False)

    def rule_of(self, path: str, key: str | None = None) -> str | None:
        """The rule(s) behind field ``path`` (and ``key`` in it), or None for the entry itself."""
        if key is not None and (found := self.provenance.get(f"{path}\x00{key}")) is not None:
            return found
        return self.provenance.get(path)

    @property
    def key(self) -> str:
        """A readable identity for messages: the title if any, else the id."""
        return self.title if self.title is not None else (self.id or "")


@dataclass(frozen=True)
class Reviewers:
    """Who reviews what in an access review (docs/reviews.md); emails lower-cased."""

    projects: FrozenMap[str, str] = field(default_factory=FrozenMap)  # title or id → reviewer
    groups: FrozenMap[str, str] = field(default_factory=FrozenMap)
    collections: FrozenMap[str, str] = field(default_factory=FrozenMap)
    fallback: str | None = None
    mark: Mark = field(default=NOWHERE, compare=False)


@dataclass(frozen=True)
class Desired:
    """The merged desired state of all manifest files, each kind sorted by identity."""

    version: int = 1
    workspace: Workspace | None = None
    policy: Policy = Policy()
    collections: tuple[Collection, ...] = ()
    connections: tuple[Connection, ...] = ()
    groups: tuple[Group, ...] = ()
    users: tuple[User, ...] = ()
    projects: tuple[Project, ...] = ()
    rules: tuple[Rule, ...] = ()
    files: tuple[str, ...] = field(default=(), compare=False)
    reviewers: Reviewers | None = None
    policies: tuple[AccessPolicy, ...] = ()  # ``policies:``, in the order declared
    # ``data.classes``: each class of data, the tables it holds (docs/data.md).
    classes: FrozenMap[str, tuple[TablePattern, ...]] = field(default_factory=FrozenMap)

    # Lookups by identity, indexed once: checks call them per reference, so a scan would make
    # loading 10,000 projects quadratic. (cached_property writes the instance __dict__ directly,
    # which a frozen dataclass allows.) The first declaration wins, as in a scan.

    @cached_property
    def _groups_by_name(self) -> dict[str, Group]:
        return {g.name: g for g in reversed(self.groups)}

    @cached_property
    def _collections_by_name(self) -> dict[str, Collection]:
        return {c.name: c for c in reversed(self.collections)}

    @cached_property
    def _users_by_email(self) -> dict[str, User]:
        return {u.email: u for u in reversed(self.users)}

    def group(self, name: str) -> Group | None:
        return self._groups_by_name.get(name)

    def collection(self, name: str) -> Collection | None:
        return self._collections_by_name.get(name)

    def user(self, email: str) -> User | None:
        return self._users_by_email.get(email.lower())


# -------------------------------------------------- rules (hexsync.decide.rules_compiler compiles)


class Enforce(enum.Enum):
    """``apply``: a rule's changes are planned; ``check``: violations refuse the plan;
    ``warn``: violations are reported as warnings and nothing is refused or changed."""

    APPLY = "apply"
    CHECK = "check"
    WARN = "warn"


_TIMESTAMP = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?"
    r"(Z|[+-]\d{2}:?\d{2})?\Z"
)


def parse_timestamp(text: str) -> dt.datetime | None:
    """``YYYY-MM-DD[THH:MM[:SS[.fff]]][Z|±HH[:]MM]`` as an aware datetime (UTC when no zone is
    given), or None when it is not one (a month 13 included). The same on every Python."""
    found = _TIMESTAMP.match(text.strip())
    if found is None:
        return None
    year, month, day, hour, minute, second, fraction, zone = found.groups()
    tz = dt.timezone.utc
    try:
        if zone and zone != "Z":
            sign = -1 if zone[0] == "-" else 1
            digits = zone[1:].replace(":", "")
            offset = dt.timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
            tz = dt.timezone(sign * offset)  # a day or more (+99:00) is no offset: ValueError
        return dt.datetime(
            int(year),
            int(month),
            int(day),
            int(hour or 0),
            int(minute or 0),
            int(second or 0),
            int((fraction or "0")[:6].ljust(6, "0")),
            tzinfo=tz,
        )
    except ValueError:
        return None


_UNITS = {"h": dt.timedelta(hours=1), "d": dt.timedelta(days=1), "w": dt.timedelta(weeks=1)}
_UNITS["y"] = dt.timedelta(days=365)
_DURATION = re.compile(r"([0-9]+)([hdwy])\Z")


def parse_duration(text: str) -> dt.timedelta | None:
    """A manifest duration (``90d``: h, d, w, or y of 365 days), or None when it is not one or
    is too long to be a span of time (the schema bounds it)."""
    found = _DURATION.match(text.strip())
    if found is None:
        return None
    try:
        return int(found.group(1)) * _UNITS[found.group(2)]
    except OverflowError:
        return None


_DATE_ONLY = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
_LATEST = dt.datetime.max.replace(tzinfo=dt.timezone.utc)


@dataclass(frozen=True)
class Expiry:
    """When a grant written with ``expires:`` ends.

    A date is the grant's last day: it ends at the end of that day, UTC (``2027-03-31`` is
    granted through March 31 and gone from April 1, 00:00 UTC). A date-time is the moment itself.
    """

    at: dt.datetime  # the first moment without the grant (aware, UTC)
    text: str  # as written

    @property
    def whole_day(self) -> bool:
        return _DATE_ONLY.match(self.text) is not None

    @property
    def last_day(self) -> dt.date:
        """The last day (UTC) with the grant."""
        if self.whole_day:
            return dt.date.fromisoformat(self.text)
        return (self.at - dt.timedelta(microseconds=1)).date()

    @property
    def shown(self) -> str:
        """``2027-03-31`` (a last day) or ``2027-03-31 12:00 UTC`` (a moment)."""
        if self.whole_day:
            return self.text
        return self.at.strftime("%Y-%m-%d %H:%M UTC")

    def expired(self, now: dt.datetime) -> bool:
        return now >= self.at


def parse_expiry(text: str) -> Expiry | None:
    """``expires:``: ``YYYY-MM-DD`` (the last day, UTC) or a date-time (UTC when no zone), or
    None when it is not a real date."""
    stamp = parse_timestamp(text)
    if stamp is None:
        return None
    stamp = stamp.astimezone(dt.timezone.utc)
    if _DATE_ONLY.match(text.strip()):
        try:
            stamp += dt.timedelta(days=1)
        except OverflowError:  # 9999-12-31: as late as a date goes
            stamp = _LATEST
    return Expiry(stamp, text.strip())


@dataclass(frozen=True)
class Match:
    """One condition of a rule's ``match`` / ``except``, over what ListProjects returns.

    ``op`` is ``all_of``, ``any_of`` or ``not`` (with ``children``), or a leaf key of the
    manifest grammar (``status``, ``title``, ``last_viewed`` …) with its operands in ``values``:
    names or emails (``None`` is "no status"), ``"true"``/``"false"`` for flags, and
    ``("older_than", "365d")``-style pairs flattened for ``last_viewed`` and ``created``.
    """

    op: str
    values: tuple[str | None, ...] = ()
    children: tuple[Match, ...] = ()
    mark: Mark = field(default=NOWHERE, compare=False)


@dataclass(frozen=True)
class Rule:
    """A policy over every live project its ``match`` selects (and ``exclude`` does not).

    A *users rule* (``users_active`` set, always False: deactivate) is a policy over the active
    users its match selects instead (``last_login``, ``role``, ``email``).
    """

    name: str
    match: Match
    exclude: Match | None = None
    status: Status = UNMANAGED
    sharing: Sharing | None = None
    enforce: Enforce = Enforce.APPLY
    priority: int = 0
    mark: Mark = field(default=NOWHERE, compare=False)
    # A rule meant to match nothing yet: names in its match that nothing has are not an error.
    allow_empty: bool = False
    users_active: bool | None = None
    # ``max_matches``: how many live projects this rule may match (a count, or a percentage of
    # the live projects), over policy.max_rule_matches and the default (docs/rules.md).
    max_matches: int | None = None
    max_share: int | None = None

    @property
    def for_users(self) -> bool:
        """A users rule (``users: {active: false}``), not a project rule."""
        return self.users_active is not None

    def as_project(self) -> Project:
        """The rule's status and sharing in a project's shape (for the checks they share)."""
        return Project(title=self.name, status=self.status, sharing=self.sharing, mark=self.mark)


# ------------------------------------------------ policies (hexsync.decide.policies evaluates)


@dataclass(frozen=True)
class AccessPolicy:
    """A ``policies:`` entry: what may never be true of one effective grant (docs/policies.md).

    ``deny`` and ``unless`` (the manifests' ``except:``) are CEL expressions over the grant;
    ``severity`` is ``refuse`` (the plan is refused, exit 3) or ``warn``; ``message`` may name
    the grant's fields (``{principal.email}``). ``marks`` holds where ``deny``, ``except`` and
    ``message`` were written: the place of the expression's first character.
    """

    name: str
    deny: str
    unless: str | None = None
    severity: str = "refuse"
    message: str | None = None
    description: str | None = None
    mark: Mark = field(default=NOWHERE, compare=False)
    marks: FrozenMap[str, Mark] = field(default_factory=FrozenMap, compare=False)
