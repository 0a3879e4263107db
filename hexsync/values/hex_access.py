"""Hex's access rules, each in one place with the documentation it comes from.

Pure data and tiny functions, no I/O. The planner (to compare against what Hex will really
store), validate (to warn), the access engine and the emulator's documentation all follow these;
a rule that turns out different in Hex is a one-line change here.

Sources: learn.hex.tech "Sharing permissions" and "Project sharing", as docs/hex-api.md sums
them up with what is documented, observed or unconfirmed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from hexsync.values.desired import Access

__all__ = [
    "COLLECTION_LEVELS",
    "CONFIDENCES",
    "DOCUMENTED",
    "NO_ACCESS",
    "OBSERVED",
    "OWNER_ACCESS",
    "ROLES_PAGE",
    "ROLE_REACH",
    "UNCONFIRMED",
    "VIEWER_CAP",
    "VIEWER_ROLES",
    "WORKSPACE_ROLES",
    "RoleCapability",
    "RoleReach",
    "capped",
    "collection_grant",
    "collection_level_known",
    "collection_lowers",
    "collection_rank",
    "collection_widens",
    "has_access",
    "highest",
    "level_or_no_access",
    "level_or_none",
    "reaches_workspace",
    "role_reach",
    "same_access",
]

# No access, as Hex writes it: a project level, and also a collection level (docs/hex-api.md,
# "Sharing"). Hex sends ``NONE`` for a dimension nobody is granted and leaves principals
# without access out of a sharing list, so absent and ``NONE`` are the same access: every
# comparison of levels goes through :func:`level_or_none` / :func:`same_access`, every level
# written to Hex through :func:`level_or_no_access`.
NO_ACCESS: str = Access.NONE.value


def level_or_none(level: str | None) -> str | None:
    """A level as a plan holds it: ``None`` for no access (absent, empty or ``NONE``)."""
    return None if not level or level == NO_ACCESS else level


def level_or_no_access(level: str | None) -> str:
    """A level as Hex writes it: ``NONE`` for no access (absent or empty)."""
    return level or NO_ACCESS


def same_access(a: str | None, b: str | None) -> bool:
    """Whether two levels give the same access: absent and ``NONE`` do."""
    return level_or_none(a) == level_or_none(b)


# "Full Access or Can Edit granted to a user whose workspace role is Viewer is automatically
# downgraded to Can View" (Sharing permissions). The API's role enum has no VIEWER; MEMBER is
# the Viewer role (observed: docs/hex-api.md, "Roles").
VIEWER_ROLES: frozenset[str] = frozenset({"MEMBER"})
VIEWER_CAP: Access = Access.CAN_VIEW

# Sharing with the workspace reaches Admins, Editors and Viewers (H), Managers and Explorers (M),
# never Guests (Project sharing). Embedded and anonymous users are not workspace members either.
WORKSPACE_ROLES: frozenset[str] = frozenset({"ADMIN", "MANAGER", "EDITOR", "EXPLORER", "MEMBER"})


# "The owner of a project always has Full Access to it" (Project sharing: the owner cannot be
# removed from the share dialog and holds every permission of Full Access).
OWNER_ACCESS: Access = Access.FULL_ACCESS


def highest(levels: Iterable[Access]) -> Access:
    """A person's access when several paths reach them: the highest one wins ("Sharing
    permissions": access is additive; a lower grant never takes away a higher one)."""
    return max(levels, default=Access.NONE)


def has_access(active: bool) -> bool:
    """Deactivated users have no access at all (Hex "Deactivate users": a deactivated user cannot
    log in; their grants stay stored but give nothing). Hex's user listing omits them."""
    return active


def collection_grant(project_level: Access, collection_level: str) -> Access:
    """The access a project shared with a collection gives to someone the collection is shared
    with: the project's level to the collection, whatever their own level on the collection
    (docs/hex-api.md, "Access levels": observed in Hex's web app, not documented). Collection
    levels are Hex's undocumented strings, so they do not scale the grant; a rule found to
    differ is a change here."""
    del collection_level  # reaches, but does not scale the grant (see above)
    return project_level


def capped(role: str | None, access: Access) -> Access:
    """The level Hex really gives a user of ``role`` who is granted ``access``.

    An unknown role (``None``: not read) is not capped.
    """
    if role in VIEWER_ROLES and access > VIEWER_CAP:
        return VIEWER_CAP
    return access


def reaches_workspace(role: str | None) -> bool:
    """Whether sharing with the workspace (or with a collection's workspace members) reaches a
    user of ``role``. An unknown role counts as a member, as most users are."""
    return role is None or role in WORKSPACE_ROLES


# Role-based reach: what a workspace role lets a person do with a project nobody shared with
# them. It is not a grant (Hex lists no such sharing), so it is kept apart from the paths above:
# "who has been given access" and "who could reach it" are two questions. Each capability says
# where hexsync learned it and how sure that is:
# - documented: said in the text of Hex's documentation;
# - observed: seen in Hex's web app, not documented;
# - unconfirmed: hexsync's reading of a page whose marks are not in its text (the roles page's
#   capability table), neither said in words nor observed.
DOCUMENTED = "documented"
OBSERVED = "observed"
UNCONFIRMED = "unconfirmed"
CONFIDENCES: tuple[str, ...] = (DOCUMENTED, OBSERVED, UNCONFIRMED)

ROLES_PAGE = (
    'Hex, "Workspace roles" (learn.hex.tech/docs/collaborate/sharing-and-permissions/roles)'
)
SETTINGS_PAGE = 'Hex, "Workspace settings" (learn.hex.tech/docs/administration/workspace_settings)'


@dataclass(frozen=True)
class RoleCapability:
    """One thing a role can do with any project, without a grant."""

    key: str  # "see" | "grant_self": the JSON and CSV name
    text: str  # "see it", "grant themselves Full Access"
    confidence: str  # documented | observed | unconfirmed
    source: str
    level: Access | None = None  # the level they can give themselves ("grant_self")


@dataclass(frozen=True)
class RoleReach:
    """A role's reach over every project, and why hexsync says so."""

    role: str  # the API's value (ADMIN, MANAGER, …)
    name: str  # Hex's name for it (Admin, Manager, …)
    capabilities: tuple[RoleCapability, ...]
    note: str  # what the sources say, in one sentence

    @property
    def reaches(self) -> bool:
        return bool(self.capabilities)

    @property
    def confidence(self) -> str:
        """The weakest confidence among the capabilities (documented when there are none)."""
        marks = [c.confidence for c in self.capabilities] or [DOCUMENTED]
        return max(marks, key=CONFIDENCES.index)

    @property
    def grants_self(self) -> Access | None:
        return next((c.level for c in self.capabilities if c.level is not None), None)

    @property
    def text(self) -> str:
        """``see it, grant themselves Full Access`` ("" when the role reaches nothing)."""
        return ", ".join(c.text for c in self.capabilities)

    @property
    def data(self) -> dict[str, object]:
        return {
            "role": self.role,
            "name": self.name,
            "can": [c.key for c in self.capabilities],
            "grants_self": None if self.grants_self is None else self.grants_self.value,
            "confidence": self.confidence,
            "capabilities": [
                {"can": c.key, "confidence": c.confidence, "source": c.source}
                for c in self.capabilities
            ],
        }


def _can(key: str, confidence: str, source: str) -> RoleCapability:
    if key == "see":
        return RoleCapability(key, "see it", confidence, source)
    return RoleCapability(
        key, "grant themselves Full Access", confidence, source, Access.FULL_ACCESS
    )


# One entry per role of the API's enum. The roles page has a capability table ("View all
# Projects, Components, and Collections", "Grant themselves Full Access to projects and
# components") whose check marks are images, not text; the workspace settings page says in words
# that Admins "view certain private project details, such as title" and manage access.
ROLE_REACH: dict[str, RoleReach] = {
    "ADMIN": RoleReach(
        "ADMIN",
        "Admin",
        (
            _can("see", DOCUMENTED, f"{ROLES_PAGE}; {SETTINGS_PAGE}"),
            _can("grant_self", DOCUMENTED, ROLES_PAGE),
        ),
        "Admins view all projects (a private project's title and details) and can grant"
        " themselves Full Access.",
    ),
    "MANAGER": RoleReach(
        "MANAGER",
        "Manager",
        (
            _can("see", UNCONFIRMED, ROLES_PAGE),
            _can("grant_self", UNCONFIRMED, ROLES_PAGE),
        ),
        "The roles page's capability table marks Managers with Admins for both capabilities;"
        " its marks are not in its text, and no other page says it in words.",
    ),
    "EDITOR": RoleReach("EDITOR", "Editor", (), "Reached by sharing only."),
    "EXPLORER": RoleReach("EXPLORER", "Explorer", (), "Reached by sharing only."),
    "MEMBER": RoleReach("MEMBER", "Viewer", (), "Reached by sharing only, capped at Can View."),
    "GUEST": RoleReach(
        "GUEST",
        "Guest",
        (),
        "Never: a Guest reaches only what is shared with them or a group they are in"
        " (documented: Workspace roles).",
    ),
    "EMBEDDED_USER": RoleReach("EMBEDDED_USER", "Embedded user", (), "Not a workspace member."),
    "ANONYMOUS": RoleReach("ANONYMOUS", "Anonymous", (), "Not a workspace member."),
}


def role_reach(role: str | None) -> RoleReach | None:
    """What ``role`` reaches without a grant, or None when it reaches nothing (an unknown role,
    not read, reaches nothing: hexsync never guesses a reach upward)."""
    found = ROLE_REACH.get(role or "")
    return found if found is not None and found.reaches else None


# Collection sharing levels. Hex's spec types them as an opaque string (CollectionAccess,
# ``EnumValues_typeofCollectionAccess_``: no enum) and its docs do not list them (docs/hex-api.md).
# The values hexsync knows, how it learned them, and their order (0: no access, higher: more):
# - MEMBER: a public MCP server for Hex sends ``workspace: {members: "MEMBER"}``: a
#   collection member sees the projects shared with the collection.
# - VIEW, MANAGE: the emulator's seed format (``hexsync/emulator/seed.py``): see the collection,
#   or also manage it (its projects and sharing). hexsync's own model, not confirmed by Hex.
# A level outside this table is kept as written (never rewritten), warned about by validate and
# plan, and treated as "cannot tell" by the destructive and widening marks below.
COLLECTION_LEVELS: dict[str, int] = {NO_ACCESS: 0, "MEMBER": 1, "VIEW": 1, "MANAGE": 2}
_TOP = max(COLLECTION_LEVELS.values())


def collection_level_known(level: str) -> bool:
    return level in COLLECTION_LEVELS


def collection_rank(level: str | None) -> int | None:
    """Rank of a collection level: absent is NONE (0); ``None`` for a level not in the table."""
    if level is None:
        return 0
    return COLLECTION_LEVELS.get(level)


def collection_lowers(old: str | None, new: str | None) -> bool:
    """Whether ``old`` → ``new`` may take access away: a removal, a lower level, or a change
    from or to a level whose order is unknown (counted: ``max_destroy`` errs on the safe side)."""
    if old == new or old is None:
        return False
    before, after = collection_rank(old), collection_rank(new)
    if before is None or after is None:
        return True
    return after < before


def collection_widens(old: str | None, new: str | None, *, workspace: bool) -> bool:
    """Whether ``old`` → ``new`` is a high-risk grant: the workspace members' level raised, a
    level raised to the top (MANAGE), or a change to a level whose order is unknown."""
    if old == new or new is None:
        return False
    before, after = collection_rank(old), collection_rank(new)
    if after is None:
        return True
    if before is None or after <= before:
        return False
    return workspace or after == _TOP
