"""Hex's access rules as the emulator models them, written from docs/hex-api.md.

The client keeps its own reading of the same rules (``hexsync.values.hex_access``); the emulator
imports
nothing of the client, so that the two can disagree and a test can find out. Sources:
learn.hex.tech "Sharing permissions" and "Project sharing" (docs/hex-api.md, "Access levels").
The choices are documented in docs/emulator.md, "Access rules".
"""

from __future__ import annotations

from hexsync.emulator.bodies import ACCESS_LEVELS

ACCESS_RANK = {level: rank for rank, level in enumerate(ACCESS_LEVELS)}

# "Full Access or Can Edit granted to a user whose workspace role is Viewer is automatically
# downgraded to Can View." The API's role enum has no VIEWER; MEMBER is Hex's Viewer (M). Where
# Hex keeps the grant is undocumented (L): the emulator stores the downgraded level, so a read
# shows what the Viewer really has.
VIEWER_ROLES = frozenset({"MEMBER"})
VIEWER_CAP = "CAN_VIEW"

# Sharing with the workspace (directly, or through a collection's workspace sharing) reaches
# workspace members, never Guests; embedded and anonymous users are not members either.
NOT_WORKSPACE_MEMBERS = frozenset({"GUEST", "EMBEDDED_USER", "ANONYMOUS"})


def capped(role: str, access: str) -> str:
    """The level a user of ``role`` really holds when granted ``access``."""
    if role in VIEWER_ROLES and ACCESS_RANK[access] > ACCESS_RANK[VIEWER_CAP]:
        return VIEWER_CAP
    return access


def reaches(role: str) -> bool:
    """Whether sharing with the workspace reaches a user of ``role``."""
    return role not in NOT_WORKSPACE_MEMBERS
