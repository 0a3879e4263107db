"""``read_live`` and ``Live.ref``: canonical, deterministic snapshots that notice what moved."""

from __future__ import annotations

import asyncio
import gc
from typing import Any

import httpx
import pytest

from hexsync.emulator.app import create_app
from hexsync.hexapi import HexClient, UnauthorizedError
from hexsync.readers.workspace import read_live
from hexsync.values.desired import Desired, Group, Policy
from hexsync.values.kinds import Kind
from hexsync.values.live import Live

DESIRED = Desired(groups=(Group("Analysts", frozenset({"alice@acme.com"})),))


def _read(app: Any, token: str = "hxtw_test", desired: Desired = DESIRED) -> Live:
    async def run() -> Live:
        transport = httpx.ASGITransport(app)
        async with HexClient(token, "https://app.hex.tech", transport=transport) as client:
            return await read_live(client, desired)

    return asyncio.run(run())


def test_live_is_canonical_and_reads_members_of_declared_groups_only(emulator_app: Any) -> None:
    live = _read(emulator_app)
    assert live.full_visibility
    assert "trent@acme.com" not in live.users  # deactivated: Hex does not list it
    assert live.groups["Analysts"].members == {"alice@acme.com", "bob@acme.com"}
    assert live.groups["Finance"].members is None  # not declared: not read
    revenue = live.projects_by_title["Revenue overview"][0]
    assert revenue.owner == "alice@acme.com"
    assert dict(revenue.sharing.users) == {"carol@acme.com": "CAN_EDIT"}
    assert revenue.sharing.public_web == "NONE"


def test_prune_groups_reads_every_groups_members(emulator_app: Any) -> None:
    desired = Desired(policy=Policy(prune_groups=True))
    live = _read(emulator_app, desired=desired)
    assert live.groups["Finance"].members == {"carol@acme.com"}


def test_refs_are_deterministic_and_name_the_fields_that_moved(
    emulator_app: Any, emulator_client: httpx.Client
) -> None:
    first = _read(emulator_app)
    again = _read(emulator_app)
    revenue = first.projects_by_title["Revenue overview"][0]
    ref = first.ref(Kind.PROJECT, revenue.id)
    assert ref is not None
    assert ref == again.ref(Kind.PROJECT, revenue.id)
    assert ref.fields["sharing.users"] == "carol@acme.com=CAN_EDIT"
    assert ref.fields["sharing.groups"] == "Analysts=CAN_VIEW"
    analysts = first.groups["Analysts"]
    group_ref = first.ref(Kind.GROUP, analysts.id)
    assert group_ref is not None
    assert group_ref.fields["members"] == "alice@acme.com\nbob@acme.com"

    headers = {"Authorization": "Bearer hxtw_test"}
    carol = first.users["carol@acme.com"].id
    edit = emulator_client.patch(
        f"/api/v1/projects/{revenue.id}/sharing/users",
        json={"sharing": {"upsert": {"users": [{"user": {"id": carol}, "access": "CAN_VIEW"}]}}},
        headers=headers,
    )
    assert edit.status_code == 200, edit.text
    later = _read(emulator_app).ref(Kind.PROJECT, revenue.id)
    assert later is not None
    assert ref.moved(later.fields) == ["sharing.users"]
    assert later.fingerprint != ref.fingerprint
    assert first.ref(Kind.GROUP, "no-such-id") is None


def test_a_personal_token_of_a_non_admin_does_not_see_everything(emulator_app: Any) -> None:
    live = _read(emulator_app, token="hxtp_member")
    assert not live.full_visibility
    assert live.me_email == "bob@acme.com"


def test_collection_sharing_is_read_with_the_listing_by_email_and_group_name(
    make_seed: Any, emulator_config: Any, clock: Any
) -> None:
    seed = make_seed(
        collections=[
            {
                "name": "Finance",
                "creator": "alice@acme.com",
                "sharing": {
                    "users": {"Bob@acme.com": "VIEW", "carol@acme.com": "NONE"},
                    "groups": {"Analysts": "MANAGE"},
                    "workspace": "VIEW",
                },
            },
            {"name": "Empty"},
        ]
    )
    live = _read(create_app(seed, emulator_config, clock=clock))
    finance = live.collections["Finance"]
    assert finance.creator == "alice@acme.com"
    assert dict(finance.sharing.users) == {"bob@acme.com": "VIEW"}  # NONE is no access
    assert dict(finance.sharing.groups) == {"Analysts": "MANAGE"}
    assert finance.sharing.workspace == "VIEW"
    empty = live.collections["Empty"].sharing
    assert (dict(empty.users), dict(empty.groups), empty.workspace) == ({}, {}, "NONE")


def test_a_read_leaves_the_garbage_collector_as_it_found_it(emulator_app: Any) -> None:
    """The read collects less often while it runs (workspace.py, _fewer_collections); a library
    user's or the MCP server's setting is back afterwards, also after a read that failed."""
    before = gc.get_threshold()
    _read(emulator_app)
    assert gc.get_threshold() == before
    with pytest.raises(UnauthorizedError):
        _read(emulator_app, token="hxtw_not_a_token")
    assert gc.get_threshold() == before
