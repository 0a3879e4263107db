"""A test workspace of any size for the emulator (``hexsync emulator seed``), deterministic.

The same numbers and ``seed_number`` always give the same file: users with a mix of roles (one
in ten a Guest, a few Admins), groups with members, collections shared with a group (every fifth
with the workspace), and projects with an owner, a status, a category, and sharing to users,
groups, collections and now and then the workspace or the public web; a workspace token and a
personal token of the first Admin. Ids are left to the emulator (stable ids from the names).
"""

from __future__ import annotations

import random
from typing import Any

__all__ = ["generate_seed"]

STATUSES = ["Exploratory", "In development", "Production", "Deprecated"]
CATEGORIES = ["Finance", "Growth", "Operations", "Product", "Sales"]
WORKSPACE_TOKEN = "hxtw_generated"  # noqa: S105 - the emulator's own demo token
ADMIN_TOKEN = "hxtp_generated_admin"  # noqa: S105 - likewise


def generate_seed(
    *,
    projects: int,
    users: int,
    groups: int,
    collections: int,
    members: int = 20,
    seed_number: int = 1,
    domain: str = "example.test",
) -> dict[str, Any]:
    """A seed (the dict :meth:`~hexsync.emulator.seed.Seed.from_dict` reads)."""
    rnd = random.Random(seed_number)  # noqa: S311 - a reproducible workspace, not a secret
    users = max(users, 1)
    emails = [f"user{i:05d}@{domain}" for i in range(users)]
    roles = ["EDITOR"] * 5 + ["EXPLORER"] * 2 + ["MEMBER"] * 2 + ["GUEST"]
    people = [
        {"email": e, "name": f"User {i:05d}", "role": "ADMIN" if i < 2 else rnd.choice(roles)}
        for i, e in enumerate(emails)
    ]
    group_names = [f"Team {i:03d}" for i in range(groups)]
    coll_names = [f"Collection {i:03d}" for i in range(collections)]
    data: dict[str, Any] = {
        "org": {"id": "5a8591dd-4039-49df-9202-96385ba3eff8", "name": "Generated"},
        "tokens": [
            {"token": WORKSPACE_TOKEN, "kind": "workspace"},
            {"token": ADMIN_TOKEN, "kind": "personal", "user": emails[0]},
        ],
        "statuses": STATUSES,
        "users": people,
        "groups": [
            {"name": g, "members": sorted(rnd.sample(emails, min(members, users)))}
            for g in group_names
        ],
        "collections": [
            {
                "name": c,
                "sharing": {
                    **({"groups": {group_names[i % groups]: "VIEW"}} if groups else {}),
                    **({"workspace": "MEMBER"} if i % 5 == 0 else {}),
                },
            }
            for i, c in enumerate(coll_names)
        ],
        "projects": [],
    }
    for i in range(projects):
        sharing: dict[str, Any] = {
            "workspace": "APP_ONLY" if i % 10 == 0 else "NONE",
            "public_web": "APP_ONLY" if i % 100 == 99 else "NONE",
            "users": {emails[(i * 7 + 1) % users]: rnd.choice(["CAN_VIEW", "CAN_EDIT"])},
        }
        if groups:
            sharing["groups"] = {group_names[i % groups]: "CAN_VIEW"}
        if collections:
            sharing["collections"] = {coll_names[i % collections]: "CAN_VIEW"}
        data["projects"].append(
            {
                "title": f"Project {i:05d}",
                "owner": emails[i % users],
                "status": rnd.choice(STATUSES),
                "categories": [rnd.choice(CATEGORIES)],
                "sharing": sharing,
            }
        )
    return data
