"""The workspace as a stored snapshot: a :class:`~hexsync.values.live.Live` as plain JSON, and
back, for ``hexsync serve``'s memory and ``access --at``.

Objects are keyed by their Hex id, so two snapshots compare object by object (a renamed group is
one change, not a removal and an addition); sets are sorted lists. What changes without anyone
changing access is left out (when a project was last viewed, the request count), so an idle
workspace snapshots the same every time and the store keeps it once.
"""

from __future__ import annotations

from typing import Any

from hexsync.values.desired import FrozenMap
from hexsync.values.live import (
    Live,
    LiveCollection,
    LiveCollectionSharing,
    LiveGroup,
    LiveProject,
    LiveSharing,
    LiveUser,
)

__all__ = [
    "SNAPSHOT_FORMAT",
    "collection_doc",
    "group_doc",
    "live_of",
    "project_doc",
    "snapshot_of",
    "user_doc",
]

SNAPSHOT_FORMAT = 1


def _map(entries: FrozenMap[str, str]) -> dict[str, str]:
    return dict(entries.items())


def user_doc(u: LiveUser) -> dict[str, Any]:
    """One user as a snapshot keeps it (under its id)."""
    return {"email": u.email, "name": u.name, "role": u.role}


def group_doc(g: LiveGroup) -> dict[str, Any]:
    """One group as a snapshot keeps it (under its id)."""
    return {"name": g.name, "members": None if g.members is None else sorted(g.members)}


def collection_doc(c: LiveCollection) -> dict[str, Any]:
    """One collection as a snapshot keeps it (under its id)."""
    return {
        "name": c.name,
        "description": c.description,
        "creator": c.creator,
        "sharing": {
            "users": _map(c.sharing.users),
            "groups": _map(c.sharing.groups),
            "workspace": c.sharing.workspace,
        },
    }


def project_doc(p: LiveProject) -> dict[str, Any]:
    """One project as a snapshot keeps it (under its id)."""
    return {
        "title": p.title,
        "description": p.description,
        "owner": p.owner,
        "status": p.status,
        "creator": p.creator,
        "categories": sorted(p.categories),
        "published": p.published,
        "archived": p.archived,
        "trashed": p.trashed,
        "created_at": p.created_at,
        "sharing": {
            "users": _map(p.sharing.users),
            "groups": _map(p.sharing.groups),
            "collections": _map(p.sharing.collections),
            "workspace": p.sharing.workspace,
            "public_web": p.sharing.public_web,
        },
    }


def snapshot_of(live: Live) -> dict[str, Any]:
    """``live`` as a JSON document (see the module docstring)."""
    return {
        "format": SNAPSHOT_FORMAT,
        "org": {"id": live.org_id, "name": live.org_name},
        "me": {"email": live.me_email, "role": live.me_role},
        "users": {u.id: user_doc(u) for u in live.users.values()},
        "groups": {g.id: group_doc(g) for g in live.groups.values()},
        "collections": {c.id: collection_doc(c) for c in live.collections.values()},
        "projects": {p.id: project_doc(p) for p in live.projects.values()},
    }


def live_of(document: dict[str, Any]) -> Live:
    """The :class:`Live` a snapshot was made of (as far as it keeps: see the module docstring)."""
    if document.get("format") != SNAPSHOT_FORMAT:
        raise ValueError(f"snapshot format {document.get('format')!r} is not {SNAPSHOT_FORMAT}")
    users = [
        LiveUser(i, u["email"], u.get("name"), u.get("role")) for i, u in document["users"].items()
    ]
    groups = [
        LiveGroup(i, g["name"], None if g.get("members") is None else frozenset(g["members"]))
        for i, g in document["groups"].items()
    ]
    collections = [
        LiveCollection(
            id=i,
            name=c["name"],
            description=c.get("description"),
            creator=c.get("creator"),
            sharing=LiveCollectionSharing(
                users=FrozenMap(c["sharing"]["users"]),
                groups=FrozenMap(c["sharing"]["groups"]),
                workspace=c["sharing"]["workspace"],
            ),
        )
        for i, c in document["collections"].items()
    ]
    projects = [
        LiveProject(
            id=i,
            title=p["title"],
            description=p.get("description"),
            owner=p.get("owner"),
            status=p.get("status"),
            sharing=LiveSharing(
                users=FrozenMap(p["sharing"]["users"]),
                groups=FrozenMap(p["sharing"]["groups"]),
                collections=FrozenMap(p["sharing"]["collections"]),
                workspace=p["sharing"]["workspace"],
                public_web=p["sharing"]["public_web"],
            ),
            creator=p.get("creator"),
            categories=frozenset(p.get("categories", ())),
            published=bool(p.get("published")),
            archived=bool(p.get("archived")),
            trashed=bool(p.get("trashed")),
            created_at=p.get("created_at"),
        )
        for i, p in document["projects"].items()
    ]
    org, me = document["org"], document.get("me", {})
    return Live(
        org_id=org["id"],
        org_name=org.get("name"),
        me_email=me.get("email"),
        me_role=me.get("role"),
        users=FrozenMap((u.email, u) for u in users),
        groups=FrozenMap((g.name, g) for g in groups),
        collections=FrozenMap((c.name, c) for c in collections),
        projects=FrozenMap((p.id, p) for p in projects),
    )
