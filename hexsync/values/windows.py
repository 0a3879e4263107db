"""Sync windows (``policy.windows``) and the durations they and ``hexsync serve`` are written in.

A window is ``kind`` (``allow`` or ``deny``), a cron ``schedule`` (five fields: minute, hour,
day of month, month, day of week; ``*``, lists, ranges, steps, and names such as ``MON`` or
``JAN``), a ``duration`` (``30m``, ``2h``, ``1d``) and a ``timezone`` (IANA, default UTC). It is
open from each time the schedule fires until ``duration`` later. As in Argo CD, deny wins: a
heal is held while any deny window is open, or, when there are allow windows, while none is.
Reading and recording go on; only writes to Hex wait.

Pure: no I/O, the standard library only (``zoneinfo``), so ``validate`` checks windows without
the ``serve`` extra.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = [
    "Cron",
    "SyncWindow",
    "Verdict",
    "WindowError",
    "format_duration",
    "heal_verdict",
    "parse_duration",
]

MAX_DURATION = dt.timedelta(days=7)  # a window longer than a week is better written as two
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd])\s*$")
_MONTHS = "JAN FEB MAR APR MAY JUN JUL AUG SEP OCT NOV DEC"
_WEEKDAYS = "SUN MON TUE WED THU FRI SAT"
_NAMES = {
    3: {m: i for i, m in enumerate(_MONTHS.split(" "), 1)},
    4: {d: i for i, d in enumerate(_WEEKDAYS.split(" "))},
}
_RANGES = ((0, 59), (0, 23), (1, 31), (1, 12), (0, 7))
_FIELD_NAMES = ("minute", "hour", "day of month", "month", "day of week")


class WindowError(ValueError):
    """A schedule, duration or time zone that cannot be read (the message says why)."""


def parse_duration(text: str) -> dt.timedelta:
    """``30s``, ``10m``, ``1h``, ``2d`` (a number and one unit) as a timedelta."""
    match = _DURATION.match(str(text))
    if match is None:
        raise WindowError(f"{text!r} is not a duration: write a number and s, m, h or d (e.g. 10m)")
    return dt.timedelta(seconds=float(match.group(1)) * _UNITS[match.group(2)])


def format_duration(delta: dt.timedelta) -> str:
    """The shortest exact way to write ``delta`` (``90s`` → ``90s``, 3600 s → ``1h``)."""
    seconds = delta.total_seconds()
    for unit in ("d", "h", "m"):
        if seconds >= _UNITS[unit] and seconds % _UNITS[unit] == 0:
            return f"{int(seconds // _UNITS[unit])}{unit}"
    return f"{seconds:g}s"


def _field(text: str, index: int) -> frozenset[int]:
    low, high = _RANGES[index]
    names = _NAMES.get(index, {})
    out: set[int] = set()

    def number(part: str) -> int:
        if part.upper() in names:
            return names[part.upper()]
        if not part.isdigit():
            raise WindowError(f"{part!r} is not a number in the {_FIELD_NAMES[index]} field")
        value = int(part)
        if not low <= value <= high:
            raise WindowError(f"{value} is outside {low}-{high} in the {_FIELD_NAMES[index]} field")
        return value

    for item in text.split(","):
        base, _, step_text = item.partition("/")
        step = 1
        if step_text:
            if not step_text.isdigit() or int(step_text) == 0:
                raise WindowError(f"{item!r}: the step must be a positive number")
            step = int(step_text)
        if base == "*":
            start, end = low, high
        elif "-" in base:
            a, _, b = base.partition("-")
            start, end = number(a), number(b)
            if start > end:
                raise WindowError(f"{item!r}: the range runs backwards")
        else:
            start = end = number(base)
            if step_text:
                end = high
        out.update(range(start, end + 1, step))
    if index == 4 and 7 in out:  # 7 is Sunday too
        out = (out - {7}) | {0}
    return frozenset(out)


@dataclass(frozen=True)
class Cron:
    """A five-field cron schedule."""

    text: str
    minutes: frozenset[int]
    hours: frozenset[int]
    days: frozenset[int]
    months: frozenset[int]
    weekdays: frozenset[int]  # 0 is Sunday
    any_day: bool
    any_weekday: bool

    @classmethod
    def parse(cls, text: str) -> Cron:
        parts = str(text).split()
        if len(parts) != 5:
            raise WindowError(
                f"{text!r} is not a cron schedule: five fields (minute hour day-of-month month "
                "day-of-week), e.g. '0 22 * * FRI'"
            )
        minutes, hours, days, months, weekdays = (_field(p, i) for i, p in enumerate(parts))
        return cls(
            text,
            minutes,
            hours,
            days,
            months,
            weekdays,
            any_day=parts[2] == "*",
            any_weekday=parts[4] == "*",
        )

    def matches(self, at: dt.datetime) -> bool:
        """Whether the schedule fires at ``at``'s minute (``at`` in the schedule's zone)."""
        if at.minute not in self.minutes or at.hour not in self.hours:
            return False
        if at.month not in self.months:
            return False
        day = at.day in self.days
        weekday = (at.isoweekday() % 7) in self.weekdays
        if self.any_day or self.any_weekday:  # cron: a restricted field alone decides
            return day and weekday
        return day or weekday  # both restricted: either one


@dataclass(frozen=True)
class SyncWindow:
    kind: str  # allow, deny
    schedule: Cron
    duration: dt.timedelta
    timezone: str = "UTC"

    @classmethod
    def make(
        cls, kind: str, schedule: str, duration: str, timezone: str | None = None
    ) -> SyncWindow:
        if kind not in ("allow", "deny"):
            raise WindowError(f"kind {kind!r}: a window is 'allow' or 'deny'")
        length = parse_duration(duration)
        if not dt.timedelta(minutes=1) <= length <= MAX_DURATION:
            raise WindowError(f"duration {duration!r}: between 1m and 7d")
        zone = timezone or "UTC"
        try:
            ZoneInfo(zone)
        except (ZoneInfoNotFoundError, ValueError):
            raise WindowError(
                f"timezone {zone!r} is not an IANA time zone (e.g. Europe/Berlin)"
            ) from None
        return cls(kind, Cron.parse(schedule), length, zone)

    @property
    def label(self) -> str:
        return (
            f"{self.kind} window '{self.schedule.text}' for {format_duration(self.duration)}"
            f" ({self.timezone})"
        )

    def open_until(self, at: dt.datetime) -> dt.datetime | None:
        """When the occurrence open at ``at`` closes (the latest, if they overlap); None when
        the window is closed at ``at``."""
        zone = ZoneInfo(self.timezone)
        minute = at.astimezone(dt.timezone.utc).replace(second=0, microsecond=0)
        steps = int(self.duration.total_seconds() // 60)
        for back in range(steps + 1):
            start = minute - dt.timedelta(minutes=back)
            if self.schedule.matches(start.astimezone(zone)):
                end = start + self.duration
                return end if end > at else None
        return None

    def next_open(
        self, at: dt.datetime, horizon: dt.timedelta = MAX_DURATION
    ) -> dt.datetime | None:
        """The next time after ``at`` the window opens (within ``horizon``)."""
        zone = ZoneInfo(self.timezone)
        minute = at.astimezone(dt.timezone.utc).replace(second=0, microsecond=0)
        for ahead in range(1, int(horizon.total_seconds() // 60) + 1):
            start = minute + dt.timedelta(minutes=ahead)
            if self.schedule.matches(start.astimezone(zone)):
                return start
        return None


@dataclass(frozen=True)
class Verdict:
    """Whether a heal may write now; when not, why and until when (if known)."""

    allowed: bool
    reason: str = ""
    until: dt.datetime | None = None


def _stamp(at: dt.datetime) -> str:
    return at.astimezone(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


def heal_verdict(windows: tuple[SyncWindow, ...], at: dt.datetime) -> Verdict:
    """Deny wins; with allow windows, a heal needs one of them open."""
    denies = [(w, w.open_until(at)) for w in windows if w.kind == "deny"]
    open_denies = [(w, end) for w, end in denies if end is not None]
    if open_denies:
        window, end = max(open_denies, key=lambda pair: pair[1] or at)
        return Verdict(False, f"held by the {window.label} until {_stamp(end)}" if end else "", end)
    allows = [w for w in windows if w.kind == "allow"]
    if allows and not any(w.open_until(at) is not None for w in allows):
        nexts = [n for w in allows if (n := w.next_open(at)) is not None]
        until = min(nexts) if nexts else None
        when = f"; the next opens at {_stamp(until)}" if until else ""
        return Verdict(False, f"held: no allow window is open{when}", until)
    return Verdict(True)
