"""The workspace the ``hexsync access`` tests read: every path, a Viewer, a Guest, a public
project, a collection shared with a group and one shared with the workspace."""

from __future__ import annotations

from typing import Any

from acme import ORG, REVENUE_ID, people

WORKSPACE_TOKEN = "hxtw_access"
MEMBER_TOKEN = "hxtp_access_bob"  # bob, EDITOR: sees only what is shared with him
STATUS_ID = "0b3f6a51-5b6e-4c43-a4a8-0b1d2b7f3c12"

SEED: dict[str, Any] = {
    "org": ORG,
    "tokens": [
        {"token": WORKSPACE_TOKEN, "kind": "workspace"},
        {"token": MEMBER_TOKEN, "kind": "personal", "user": "bob@acme.com"},
    ],
    "users": people("alice", "bob", "carol", "vic", "gus", "trent"),
    "groups": [
        {"name": "Analysts", "members": ["bob@acme.com", "vic@acme.com"]},
        {"name": "Finance team", "members": ["carol@acme.com"]},
        {"name": "Unshared", "members": ["alice@acme.com"]},
    ],
    "collections": [
        {"name": "Finance", "sharing": {"groups": {"Finance team": "VIEW"}}},
        {"name": "Everyone", "sharing": {"workspace": "MEMBER"}},
    ],
    "projects": [
        {
            "id": REVENUE_ID,
            "title": "Revenue overview",
            "owner": "alice@acme.com",
            "sharing": {
                "users": {"gus@acme.com": "CAN_VIEW"},
                "groups": {"Analysts": "CAN_EDIT"},
                "collections": {"Finance": "CAN_VIEW"},
            },
        },
        {
            "id": STATUS_ID,
            "title": "Status page",
            "owner": "bob@acme.com",
            "sharing": {"public_web": "APP_ONLY", "collections": {"Everyone": "APP_ONLY"}},
        },
        {"title": "Scratch", "owner": "carol@acme.com"},
    ],
}
