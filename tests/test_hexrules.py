"""Hex's access rules as hexsync models them (learn.hex.tech; docs/hex-api.md, "Access levels")."""

from __future__ import annotations

import pytest

from hexsync.values.desired import Access
from hexsync.values.hex_access import capped, reaches_workspace


@pytest.mark.parametrize(
    ("role", "granted", "real"),
    [
        ("MEMBER", Access.FULL_ACCESS, Access.CAN_VIEW),  # a Viewer is capped at Can View
        ("MEMBER", Access.CAN_EDIT, Access.CAN_VIEW),
        ("MEMBER", Access.CAN_VIEW, Access.CAN_VIEW),
        ("MEMBER", Access.APP_ONLY, Access.APP_ONLY),  # below the cap: unchanged
        ("EDITOR", Access.FULL_ACCESS, Access.FULL_ACCESS),
        ("GUEST", Access.CAN_EDIT, Access.CAN_EDIT),  # guests are not capped, only not members
        (None, Access.FULL_ACCESS, Access.FULL_ACCESS),  # role unknown: as granted
    ],
)
def test_viewer_grants_above_can_view_are_capped(
    role: str | None, granted: Access, real: Access
) -> None:
    assert capped(role, granted) is real


@pytest.mark.parametrize(
    ("role", "reached"),
    [
        ("ADMIN", True),
        ("MANAGER", True),
        ("EDITOR", True),
        ("EXPLORER", True),
        ("MEMBER", True),
        ("GUEST", False),
        ("EMBEDDED_USER", False),
        ("ANONYMOUS", False),
        (None, True),
    ],
)
def test_workspace_sharing_never_reaches_guests(role: str | None, reached: bool) -> None:
    assert reaches_workspace(role) is reached
