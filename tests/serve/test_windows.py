"""Sync windows: when a heal may write, and what the operator is told when it may not."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hexsync.manifest import check
from hexsync.values.windows import SyncWindow, WindowError, heal_verdict, parse_duration

BERLIN_WEEKEND = SyncWindow.make("deny", "0 22 * * FRI", "60h", "Europe/Berlin")


def utc(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=dt.timezone.utc)


def test_a_weekend_freeze_holds_heals_from_friday_night_to_monday_morning():
    # 2027-01-08 is a Friday; 22:00 in Berlin is 21:00 UTC in winter.
    assert heal_verdict((BERLIN_WEEKEND,), utc(2027, 1, 8, 20, 59)).allowed
    held = heal_verdict((BERLIN_WEEKEND,), utc(2027, 1, 9, 12, 0))
    assert not held.allowed
    assert held.until == utc(2027, 1, 11, 9, 0)
    assert "deny window '0 22 * * FRI' for 60h (Europe/Berlin) until 2027-01-11 09:00 UTC" in (
        held.reason
    )
    assert heal_verdict((BERLIN_WEEKEND,), utc(2027, 1, 11, 9, 0)).allowed


def test_deny_wins_over_allow_and_allow_windows_alone_close_the_rest_of_the_day():
    office = SyncWindow.make("allow", "0 9 * * MON-FRI", "8h")
    lunch_freeze = SyncWindow.make("deny", "0 12 * * *", "1h")
    assert heal_verdict((office, lunch_freeze), utc(2027, 1, 11, 10, 0)).allowed
    assert not heal_verdict((office, lunch_freeze), utc(2027, 1, 11, 12, 30)).allowed
    night = heal_verdict((office,), utc(2027, 1, 11, 20, 0))
    assert not night.allowed
    assert night.reason == "held: no allow window is open; the next opens at 2027-01-12 09:00 UTC"
    assert heal_verdict((), utc(2027, 1, 11, 20, 0)).allowed


def test_cron_day_of_month_and_day_of_week_match_either_when_both_are_given():
    first_or_monday = SyncWindow.make("allow", "0 0 1 * MON", "1h")
    assert first_or_monday.open_until(utc(2027, 2, 1, 0, 30)) is not None  # the 1st, a Monday
    assert first_or_monday.open_until(utc(2027, 1, 1, 0, 30)) is not None  # the 1st, a Friday
    assert first_or_monday.open_until(utc(2027, 1, 4, 0, 30)) is not None  # a Monday
    assert first_or_monday.open_until(utc(2027, 1, 5, 0, 30)) is None


@pytest.mark.parametrize(
    ("text", "seconds"), [("30s", 30), ("10m", 600), ("1h", 3600), ("2d", 172800), ("1.5h", 5400)]
)
def test_durations_are_written_as_a_number_and_a_unit(text, seconds):
    assert parse_duration(text).total_seconds() == seconds


def test_a_bad_window_is_named_at_its_line_by_validate(tmp_path: Path):
    (tmp_path / "policy.yaml").write_text(
        "version: 1\npolicy:\n  windows:\n"
        "    - {kind: deny, schedule: '0 22 * * FRI', duration: 60h, timezone: Europe/Berlin}\n"
        "    - {kind: deny, schedule: '0 22 * * FRY', duration: 1h}\n"
        "    - {kind: allow, schedule: '0 9 * * *', duration: 1h, timezone: Mars/Olympus}\n"
    )
    result = check([str(tmp_path)])
    messages = [str(p) for p in result.problems]
    assert len(messages) == 2
    assert "policy.yaml:5" in messages[0]
    assert "'FRY' is not a number in the day of week field" in messages[0]
    assert "'Mars/Olympus' is not an IANA time zone" in messages[1]
    with pytest.raises(WindowError, match="five fields"):
        SyncWindow.make("deny", "0 22 * *", "1h")
