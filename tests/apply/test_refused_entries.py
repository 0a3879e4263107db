"""``apply.refused_entries``: the one place a 200's per-entry ``errors`` become failure lines."""

from __future__ import annotations

from hexsync.apply.execute import refused_entries
from hexsync.hexapi import SharingError

NAMES = {"u1": "dora@acme.com", "u2": "erin@acme.com"}


def test_each_entry_is_named_by_field_and_principal_with_hexs_reason() -> None:
    errors = [
        SharingError("User is deactivated", ids=("u1", "u2")),
        SharingError("User not found", ids=("u9",)),
    ]
    assert refused_entries("sharing.users", errors, NAMES) == [
        "sharing.users dora@acme.com, erin@acme.com: Hex refused it: User is deactivated",
        "sharing.users u9: Hex refused it: User not found",  # an id the plan has no name for
    ]


def test_workspace_and_public_web_entries_are_named_by_their_plan_field() -> None:
    errors = [
        SharingError("Share to web is disabled", type="publicWeb"),
        SharingError("Not allowed", type="workspace"),
        SharingError("Something new", type="support"),
    ]
    assert refused_entries("sharing.workspace and sharing.public_web", errors) == [
        "sharing.public_web: Hex refused it: Share to web is disabled",
        "sharing.workspace: Hex refused it: Not allowed",
        "sharing.support: Hex refused it: Something new",
    ]


def test_an_entry_without_ids_or_type_names_the_write_and_reasons_stay_on_one_line() -> None:
    lines = refused_entries("sharing.groups", [SharingError("Group\nnot   found")])
    assert lines == ["sharing.groups: Hex refused it: Group not found"]


def test_no_errors_no_lines() -> None:
    assert refused_entries("sharing.users", [], NAMES) == []
