"""Hex's access rules, each in one place with the documentation it comes from.

Pure data and tiny functions, no I/O. The planner (to compare against what Hex will really
store), validate (to warn), the access engine and the emulator's documentation all follow these;
a rule that turns out different in Hex is a one-line change here.

Sources: learn.hex.tech "Sharing permissions" and "Project sharing"; ``hex-api/NOTES.md``
"Access semantics".
"""

from __future__ import annotations

from hexsync.model import Access

__all__ = [
    "VIEWER_CAP",
    "VIEWER_ROLES",
    "WORKSPACE_ROLES",
    "capped",
    "reaches_workspace",
]

# "Full Access or Can Edit granted to a user whose workspace role is Viewer is automatically
# downgraded to Can View" (Sharing permissions). The API's role enum has no VIEWER; MEMBER is
# the Viewer role (NOTES.md, confidence M).
VIEWER_ROLES: frozenset[str] = frozenset({"MEMBER"})
VIEWER_CAP: Access = Access.CAN_VIEW

# Sharing with the workspace reaches Admins, Editors and Viewers (H), Managers and Explorers (M),
# never Guests (Project sharing). Embedded and anonymous users are not workspace members either.
WORKSPACE_ROLES: frozenset[str] = frozenset({"ADMIN", "MANAGER", "EDITOR", "EXPLORER", "MEMBER"})


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
