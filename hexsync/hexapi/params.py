"""Query parameters and request bodies that several of the client's endpoint methods share.

They map the client's keyword arguments onto the names the Hex API takes. A query parameter
left None is not sent (:meth:`~hexsync.hexapi.pipeline.Pipeline.call` drops it).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any


def project_filters(
    include_sharing: bool,
    include_archived: bool,
    include_trashed: bool,
    include_components: bool,
    statuses: Sequence[str],
    categories: Sequence[str],
    creator_email: str | None,
    owner_email: str | None,
    collection_id: str | None,
    sort_by: str | None,
    sort_direction: str | None,
) -> dict[str, Any]:
    return {
        "includeSharing": True if include_sharing else None,
        "includeArchived": True if include_archived else None,
        "includeTrashed": True if include_trashed else None,
        "includeComponents": True if include_components else None,
        # Repeated parameters (statuses=A&statuses=B): the form the emulator and Hex accept.
        "statuses": list(statuses) or None,
        "categories": list(categories) or None,
        "creatorEmail": creator_email,
        "ownerEmail": owner_email,
        "collectionId": collection_id,
        "sortBy": sort_by,
        "sortDirection": sort_direction,
    }


def user_filters(
    group_id: str | None,
    user_ids: Sequence[str],
    sort_by: str | None,
    sort_direction: str | None,
) -> dict[str, Any]:
    return {
        "groupId": group_id,
        "userIds": ",".join(user_ids) if user_ids else None,
        "sortBy": sort_by,
        "sortDirection": sort_direction,
    }


def collection_sharing(
    user_access: Mapping[str, str] | None,
    group_access: Mapping[str, str] | None,
    workspace_members: str | None,
) -> dict[str, Any]:
    sharing: dict[str, Any] = {}
    if user_access:
        sharing["users"] = [{"id": i, "access": a} for i, a in sorted(user_access.items())]
    if group_access:
        sharing["groups"] = [{"id": i, "access": a} for i, a in sorted(group_access.items())]
    if workspace_members is not None:
        sharing["workspace"] = {"members": workspace_members}
    return sharing
