"""Workspace users: their JSON view, and deactivating them in order."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from hexsync.errors import HexsyncError, PartialApplyError
from hexsync.hexapi import HexClient, User

__all__ = ["DIRECTORY_SYNC_WARNING", "deactivate_in_order", "user_json"]

DIRECTORY_SYNC_WARNING = (
    "warning: workspaces with Directory Sync (SCIM) manage users in their identity provider; "
    "deactivate them there too, or the IdP may bring them back"
)


def user_json(user: User) -> dict[str, Any]:
    return {
        "id": user.id,
        "email": user.email,
        "name": user.name,
        "role": user.role,
        "last_login_date": user.last_login_date,
    }


async def deactivate_in_order(
    client: HexClient, users: list[User], *, on_done: Callable[[User], None] | None = None
) -> list[User]:
    """Deactivate ``users`` one after the other; when one fails after others were done, a
    PartialApplyError (exit 4) names who was and who was not deactivated."""
    done: list[User] = []
    for user in users:
        try:
            await client.deactivate_user(user.id)
        except HexsyncError as exc:
            if not done:
                raise
            raise PartialApplyError(
                f"deactivated {', '.join(u.email for u in done)}, "
                f"but not {user.email} (nor any after it): {exc}"
            ) from exc
        done.append(user)
        if on_done is not None:
            on_done(user)
    return done
