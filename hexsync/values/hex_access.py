"""Hex's access rules, each in one place with the documentation it comes from.

Pure data and tiny functions, no I/O. The planner (to compare against what Hex will really
store), validate (to warn), the access engine and the emulator's documentation all follow these;
a rule that turns out different in Hex is a one-line change here.

Sources: learn.hex.tech "Sharing permissions" and "Project sharing", as docs/hex-api.md sums
them up with what is documented, observed or unconfirmed.
"""

from __future__ import annotations

from collections.abc import Iterable

from hexsync.values.desired import Access

__all__ = [
    "COLLECTION_LEVELS",
    "NO_ACCESS",
    "OWNER_ACCESS",
    "VIEWER_CAP",
    "VIEWER_ROLES",
    "WORKSPACE_ROLES",
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
