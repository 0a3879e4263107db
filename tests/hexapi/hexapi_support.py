"""Helpers shared by the client tests (imported by name: pytest puts this folder on sys.path)."""

from __future__ import annotations

import asyncio

import httpx
from acme import ORG, STATUSES, acme_groups, finance_collection, people, person, warehouse

TOKEN = "hxtw_clienttestsecret0123456789"


class FakeTime:
    """A clock and a sleep that moves it: pacing and backoff run instantly and exactly."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start
        self.slept: list[float] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += max(0.0, seconds)
        await asyncio.sleep(0)


class Script:
    """An httpx.MockTransport handler answering from a list (responses or exceptions to raise).

    Only for the pure retry and backoff mechanics; behaviour tests run against the emulator.
    """

    def __init__(self, *answers: object) -> None:
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []
        self.transport = httpx.MockTransport(self)

    def __call__(self, request: object) -> object:
        assert isinstance(request, httpx.Request)
        self.requests.append(request)
        answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        if isinstance(answer, BaseException):
            raise answer
        return answer


ALICE_TOKEN = "hxtp_alicesecret0123456789"


def small_seed() -> dict[str, object]:
    """A workspace with one of everything the 31 operations touch."""
    return {
        "org": ORG,
        "tokens": [
            {"token": TOKEN, "kind": "workspace"},
            {"token": ALICE_TOKEN, "kind": "personal", "user": "alice@acme.com"},
        ],
        "statuses": STATUSES,
        "users": [*people("alice", "bob"), person("carol", role="EXPLORER"), person("mallory")],
        "groups": acme_groups()[:1],  # Analysts
        "collections": [finance_collection()],
        "projects": [
            {
                "title": "Revenue overview",
                "owner": "alice@acme.com",
                "status": "In development",
                "published": True,
                "sharing": {
                    "workspace": "APP_ONLY",
                    "public_web": "NONE",
                    "users": {"carol@acme.com": "CAN_EDIT"},
                    "groups": {"Analysts": "CAN_VIEW"},
                    "collections": {"Finance": "CAN_VIEW"},
                },
                "queried_tables": [{"connection": "Warehouse", "table": "analytics.revenue"}],
                "inputs": [{"name": "region", "type": "string", "default": "ALL"}],
            }
        ],
        "data_connections": [
            warehouse(
                connection_details={
                    "accountName": "acme",
                    "warehouse": "WH",
                    "database": "ANALYTICS",
                }
            )
        ],
    }


def big_seed(*, projects: int = 0, users: int = 0, groups: int = 0) -> dict[str, object]:
    """A large workspace for pagination: ``users`` extra users, ``projects`` shared projects."""
    seed = small_seed()
    seed["users"] = [
        *seed["users"],  # type: ignore[misc]
        *({"email": f"user{i:05d}@acme.com", "name": f"User {i}"} for i in range(users)),
    ]
    seed["groups"] = [
        *seed["groups"],  # type: ignore[misc]
        *({"name": f"Group {i:05d}"} for i in range(groups)),
    ]
    seed["projects"] = [
        *seed["projects"],  # type: ignore[misc]
        *(
            {
                "title": f"Project {i:05d}",
                "owner": "alice@acme.com",
                "sharing": {"groups": {"Analysts": "CAN_VIEW"}, "workspace": "NONE"},
            }
            for i in range(projects)
        ),
    ]
    return seed
