"""Grants that end on their own: when a grant's ``expires:`` is judged to have passed, what the
plan and validate say about it, and the bounds that must never become a traceback.

The plan scenarios (tests/cases/expiry_*.yaml) show the plan; these pin the edges of time.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from hexsync.cli.main import cli
from hexsync.decide.expiry import Notice, resolve
from hexsync.manifest import load
from hexsync.values.desired import Access, parse_expiry

UTC = dt.timezone.utc


def _at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=UTC)


def _desired(tmp_path: Path, text: str):
    path = tmp_path / "m.yaml"
    path.write_text("version: 1\n" + text, encoding="utf-8")
    return load([path], relative_to=tmp_path)


GRANT = """
projects:
  - title: Revenue overview
    sharing:
      users:
        erin@acme.com: {level: CAN_EDIT, expires: EXPIRES}
"""


def _notices(tmp_path: Path, expires: str, now: str, policy: str = "") -> list[str]:
    desired = _desired(tmp_path, policy + GRANT.replace("EXPIRES", expires))
    return [f"{n.code}: {n.message}" for n in resolve(desired, _at(now)).notices]


def test_a_date_is_the_last_day_granted_through_its_end_in_utc() -> None:
    expiry = parse_expiry("2027-03-31")
    assert expiry is not None
    assert expiry.last_day == dt.date(2027, 3, 31)
    assert not expiry.expired(_at("2027-03-31T23:59:59"))
    assert expiry.expired(_at("2027-04-01T00:00:00"))


def test_a_date_time_is_the_moment_it_ends() -> None:
    expiry = parse_expiry("2027-03-31T12:00Z")
    assert expiry is not None
    assert not expiry.expired(_at("2027-03-31T11:59:59"))
    assert expiry.expired(_at("2027-03-31T12:00:00"))
    assert expiry.last_day == dt.date(2027, 3, 31)
    midnight = parse_expiry("2027-04-01T00:00:00Z")
    assert midnight is not None
    assert midnight.last_day == dt.date(2027, 3, 31)


def test_the_last_date_there_is_does_not_overflow() -> None:
    expiry = parse_expiry("9999-12-31")
    assert expiry is not None
    assert not expiry.expired(_at("9999-12-31T23:00:00"))


def test_a_grant_still_desired_keeps_its_level_and_one_whose_time_is_up_is_gone(
    tmp_path: Path,
) -> None:
    desired = _desired(tmp_path, GRANT.replace("EXPIRES", "2027-03-31"))
    before = resolve(desired, _at("2027-03-31T23:00:00")).desired.projects[0].sharing
    after = resolve(desired, _at("2027-04-01T00:00:00")).desired.projects[0].sharing
    assert before is not None
    assert after is not None
    assert before.users == {"erin@acme.com": Access.CAN_EDIT}
    assert not before.is_expired("users", "erin@acme.com")
    assert after.users == {}
    assert after.is_expired("users", "erin@acme.com")


@pytest.mark.parametrize(
    ("now", "said"),
    [
        ("2027-03-16T12:00:00", None),  # 15 days before the last day: outside 14 days
        ("2027-03-17T00:00:00", "expires in 14 days"),
        ("2027-03-30T08:00:00", "expires in 1 day "),
        ("2027-03-31T23:59:00", "expires today"),
        ("2027-04-01T00:00:00", "has expired"),
    ],
)
def test_the_default_window_is_fourteen_days(tmp_path: Path, now: str, said: str | None) -> None:
    found = _notices(tmp_path, "2027-03-31", now)
    if said is None:
        assert found == []
    else:
        assert len(found) == 1, found
        assert said in found[0]


def test_the_window_is_the_policys(tmp_path: Path) -> None:
    policy = "policy: {expiry_warning: 2d}\n"
    assert _notices(tmp_path, "2027-03-31", "2027-03-28T00:00:00", policy) == []
    assert "expires in 2 days" in _notices(tmp_path, "2027-03-31", "2027-03-29T00:00:00", policy)[0]


def test_max_grant_duration_counts_from_now(tmp_path: Path) -> None:
    policy = "policy: {max_grant_duration: 90d}\n"
    now = "2026-06-01T10:00:00"
    assert _notices(tmp_path, "2026-08-30", now, policy) == []
    over = _notices(tmp_path, "2026-08-31", now, policy)
    assert len(over) == 1, over
    assert over[0].startswith("max_grant_duration: ")
    moment = _notices(tmp_path, "2026-08-30T10:00:01Z", now, policy)
    assert len(moment) == 1
    assert "longer than policy.max_grant_duration (90d)" in moment[0]


def test_a_cap_past_the_last_date_caps_nothing(tmp_path: Path) -> None:
    policy = "policy: {max_grant_duration: 999y}\n"  # now + 999 years is past year 9999
    assert _notices(tmp_path, "9999-12-31", "9500-01-01T00:00:00", policy) == []


def test_a_huge_duration_is_one_located_line(tmp_path: Path) -> None:
    (tmp_path / "m.yaml").write_text(
        "version: 1\npolicy:\n  max_grant_duration: 99999999999999999d\n", encoding="utf-8"
    )
    result = CliRunner().invoke(cli, ["validate", str(tmp_path / "m.yaml")])
    assert result.exit_code == 1, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "m.yaml:3:" in result.output
    assert "too long a duration" in result.output


def test_validate_says_an_expired_line_can_be_deleted(tmp_path: Path) -> None:
    (tmp_path / "m.yaml").write_text(
        "version: 1\n"
        "groups:\n"
        "  - name: Analysts\n"
        "    members:\n"
        "      - alice@acme.com\n"
        "      - {email: bob@acme.com, expires: 2020-03-31}\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["validate", str(tmp_path / "m.yaml")])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].endswith(
        "m.yaml:6:9: warning: group 'Analysts': member bob@acme.com has expired: its last day"
        " was 2020-03-31 (UTC). It is no longer granted (the plan removes it where Hex still has"
        " it), and the line can be deleted"
    )
    assert lines[-1] == "ok: 1 file, 0 collections, 1 group, 0 users, 0 projects (1 warning)"


def _found(tmp_path: Path, expires: str, now: str, policy: str = "") -> list[tuple[str, str, str]]:
    desired = _desired(tmp_path, policy + GRANT.replace("EXPIRES", expires))
    return [(n.code, n.message, n.hint) for n in resolve(desired, _at(now)).notices]


def test_a_cap_in_hours_is_said_in_hours_with_the_latest_moment_allowed(tmp_path: Path) -> None:
    policy = "policy: {max_grant_duration: 36h}\n"
    found = _found(tmp_path, "2026-06-04T00:00Z", "2026-06-01T10:00:00", policy)
    assert found == [
        (
            "max_grant_duration",
            "project 'Revenue overview': sharing.users[erin@acme.com] CAN_EDIT expires on"
            " 2026-06-04 00:00 UTC, 2 days from now: longer than policy.max_grant_duration (36h)",
            "grant it for at most 36h (expires: 2026-06-02T22:00Z at the latest), or raise"
            " policy.max_grant_duration",
        )
    ]


def test_a_grant_over_its_cap_ending_tomorrow_is_one_day_from_now(tmp_path: Path) -> None:
    policy = "policy: {max_grant_duration: 12h}\n"
    found = _found(tmp_path, "2026-06-02T12:00Z", "2026-06-01T10:00:00", policy)
    assert [message for _, message, _ in found] == [
        "project 'Revenue overview': sharing.users[erin@acme.com] CAN_EDIT expires on"
        " 2026-06-02 12:00 UTC, 1 day from now: longer than policy.max_grant_duration (12h)"
    ]


def test_a_capped_last_day_is_told_the_last_day_allowed(tmp_path: Path) -> None:
    policy = "policy: {max_grant_duration: 90d}\n"
    found = _found(tmp_path, "2026-09-15", "2026-06-01T10:00:00", policy)
    assert len(found) == 1, found
    assert found[0][2] == (
        "grant it for at most 90d (expires: 2026-08-30 at the latest), or raise"
        " policy.max_grant_duration"
    )


def test_a_moment_exactly_at_the_cap_is_allowed(tmp_path: Path) -> None:
    policy = "policy: {max_grant_duration: 90d, expiry_warning: 1d}\n"
    assert _found(tmp_path, "2026-08-30T10:00Z", "2026-06-01T10:00:00", policy) == []


@pytest.mark.parametrize(
    ("now", "said"),
    [
        ("2027-03-17T11:59:00", None),  # 14 days and a minute before the moment
        ("2027-03-17T12:00:00", "expires in 14 days (at 2027-03-31 12:00 UTC)"),
    ],
)
def test_a_moments_window_counts_from_the_moment_not_its_day(
    tmp_path: Path, now: str, said: str | None
) -> None:
    found = _notices(tmp_path, "2027-03-31T12:00Z", now)
    if said is None:
        assert found == []
    else:
        assert len(found) == 1, found
        assert said in found[0]


@pytest.fixture
def far_east_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The machine's local time set to UTC+14: what expires when must not move with it."""
    monkeypatch.setenv("TZ", "KIR-14")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_the_days_left_count_in_utc_whatever_the_machines_time_zone(
    tmp_path: Path, far_east_clock: None
) -> None:
    assert dt.datetime(2027, 3, 30, 12, tzinfo=UTC).astimezone().day == 31  # the zone is in use
    found = _notices(tmp_path, "2027-03-31", "2027-03-30T12:00:00")
    assert len(found) == 1, found
    assert "expires in 1 day " in found[0]


def test_the_cap_counts_in_utc_whatever_the_machines_time_zone(
    tmp_path: Path, far_east_clock: None
) -> None:
    policy = "policy: {max_grant_duration: 90d}\n"
    found = _found(tmp_path, "2026-08-31", "2026-06-01T12:00:00", policy)
    assert len(found) == 1, found
    assert found[0][0] == "max_grant_duration"
    assert "(expires: 2026-08-30 at the latest)" in found[0][2]
    moment = _found(tmp_path, "2026-08-30T13:00Z", "2026-06-01T12:00:00", policy)
    assert [hint for _, _, hint in moment] == [
        "grant it for at most 90d (expires: 2026-08-30T12:00Z at the latest), or raise"
        " policy.max_grant_duration"
    ]


BY_ID = """
projects:
  - id: 0B000000-0000-4000-8000-000000000001
    sharing:
      users:
        erin@acme.com: {level: CAN_EDIT, expires: 2026-05-15}
"""


def test_a_project_declared_by_id_is_named_by_its_live_title_and_targeted_by_its_id(
    tmp_path: Path,
) -> None:
    desired = _desired(tmp_path, BY_ID)
    titles = {"0b000000-0000-4000-8000-000000000001": "Revenue overview"}
    (notice,) = resolve(desired, _at("2026-06-01T00:00:00"), titles=titles).notices
    assert notice.address == "project:0B000000-0000-4000-8000-000000000001"
    assert notice.message.startswith(
        "project 'Revenue overview': sharing.users[erin@acme.com] CAN_EDIT has expired"
    )
    (unknown,) = resolve(desired, _at("2026-06-01T00:00:00")).notices  # validate: no workspace
    assert unknown.message.startswith(
        "project '0B000000-0000-4000-8000-000000000001': sharing.users[erin@acme.com] CAN_EDIT"
    )


def test_a_project_declared_by_title_is_targeted_by_its_title(tmp_path: Path) -> None:
    (notice,) = _resolved_notices(tmp_path, "2026-05-15", "2026-06-01T00:00:00")
    assert notice.address == "project:Revenue overview"


def _resolved_notices(tmp_path: Path, expires: str, now: str) -> tuple[Notice, ...]:
    desired = _desired(tmp_path, GRANT.replace("EXPIRES", expires))
    return resolve(desired, _at(now)).notices
