"""Asking about people and projects by the names people type (issue #28, item 8): each message
as a person sees it. A name that is not an email, or an address of nobody active, fails after
the users listing alone and points at nobody else but for a one-character typo; a project is
found by a unique beginning or part of its title, and several matches are listed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from click.testing import Result

from hexsync.errors import HexsyncError
from hexsync.ops.access import resolve_user
from hexsync.values.live import LiveUser

Run = Callable[..., Result]
Stats = Callable[[], dict[str, Any]]


def _requests(stats: Stats) -> dict[str, int]:
    return {op: sum(v.values()) for op, v in stats()["requests"].items()}


def test_a_name_that_is_not_an_email_fails_after_the_users_listing_only(
    hexsync: Run, stats: Stats
) -> None:
    result = hexsync("access", "user", "vic")
    assert result.exit_code == 1
    assert result.stderr == (
        "error: 'vic' is not an email address\nhint: did you mean vic@acme.com (Vic)?\n"
    )
    assert _requests(stats) == {"ListUsers": 1}


def test_a_deactivated_user_is_not_pointed_at_another_person(hexsync: Run, stats: Stats) -> None:
    result = hexsync("access", "user", "trent@acme.com")  # deactivated: Hex does not list him
    assert result.exit_code == 1
    assert result.stderr == (
        "error: trent@acme.com is not an active user of this workspace\n"
        "hint: Hex lists only active users: a deactivated user (who has no access) and an"
        " address Hex does not know read alike; list them with: hexsync users list\n"
    )
    assert _requests(stats) == {"ListUsers": 1}


def test_a_one_character_typo_of_an_address_is_named_as_another_address(hexsync: Run) -> None:
    result = hexsync("access", "user", "vik@acme.com")
    assert result.exit_code == 1
    assert result.stderr == (
        "error: vik@acme.com is not an active user of this workspace\n"
        "hint: did you mean 'vic@acme.com'? (another address)\n"
    )


ACME = {
    e: LiveUser(e, e, n, "EDITOR")
    for e, n in (
        ("maya@acme.com", "Maya Goldberg"),
        ("judy@acme.com", "Judy Alvarez"),
        ("judith@acme.com", "Judith Judy Moss"),
        ("erin@acme.com", "Erin Nakamura"),
    )
}


@pytest.mark.parametrize(
    ("asked", "message", "hint"),
    [
        (
            "mallory@acme.com",  # deactivated in the example: not maya, another person
            "mallory@acme.com is not an active user of this workspace",
            "Hex lists only active users: a deactivated user (who has no access) and an address"
            " Hex does not know read alike; list them with: hexsync users list",
        ),
        (
            "judy",
            "'judy' is not an email address",
            "it could be judith@acme.com (Judith Judy Moss), judy@acme.com (Judy Alvarez)",
        ),
        (
            "Nakamura",
            "'Nakamura' is not an email address",
            "did you mean erin@acme.com (Erin Nakamura)?",
        ),
        (
            "nobody",
            "'nobody' is not an email address",
            "give the person's email; list them with: hexsync users list",
        ),
        (
            "erni@acme.com",  # two letters swapped
            "erni@acme.com is not an active user of this workspace",
            "did you mean 'erin@acme.com'? (another address)",
        ),
    ],
)
def test_each_unknown_person_reads_as_it_should(asked: str, message: str, hint: str) -> None:
    with pytest.raises(HexsyncError) as caught:
        resolve_user(ACME, asked)
    assert (caught.value.message, caught.value.hint) == (message, hint)
    assert resolve_user(ACME, " Judy@ACME.com ").email == "judy@acme.com"


def test_a_project_is_found_by_a_unique_beginning_or_part_of_its_title(hexsync: Run) -> None:
    result = hexsync("access", "project", "revenue")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Revenue overview (")
    assert (
        "note: 'revenue' is taken as \"Revenue overview\", the only project title that begins"
        " with it.\n" in result.stderr
    )
    part = hexsync("access", "project", "page")
    assert part.exit_code == 0, part.output
    assert part.stdout.startswith("Status page (")
    assert "note: 'page' is taken as \"Status page\", the only project title that contains it." in (
        part.stderr
    )


def test_several_matching_projects_are_listed(hexsync: Run) -> None:
    result = hexsync("access", "project", "S")
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-2:] == [
        'error: \'S\' matches 2 projects: "Scratch", "Status page"',
        "hint: give the whole title, or the id",
    ]
    none = hexsync("access", "project", "Revenue overvew")
    assert none.exit_code == 1
    assert none.stderr.splitlines()[-2:] == [
        "error: no project titled 'Revenue overvew'",
        "hint: did you mean 'Revenue overview'?",
    ]
