"""Workspace users: the active ones, their JSON view, and deactivating them in order."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from hexsync.errors import HexsyncError, PartialApplyError
from hexsync.hexapi import HexClient, User
from hexsync.ops.resolve import groups_by_name, users_by_email

__all__ = [
    "DIRECTORY_SYNC_WARNING",
    "active_users",
    "deactivate_in_order",
    "user_json",
    "users_to_deactivate",
]

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


async def active_users(client: HexClient, group: str | None = None) -> list[User]:
    """The active users (Hex lists no others), or one group's (exact name), by email."""
    group_id = None
    if group is not None:
        group_id = (await groups_by_name(client, [group]))[0].id
    found = [u async for u in client.iter_users(group_id=group_id)]
    return sorted(found, key=lambda u: u.email.lower())


async def users_to_deactivate(client: HexClient, emails: Sequence[str]) -> list[User]:
    """The users with these emails, each once (an email given twice, in any case, is one
    user); an unknown email stops everything before any change."""
    found = await users_by_email(client, emails)
    return list({u.id: u for u in found}.values())


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
