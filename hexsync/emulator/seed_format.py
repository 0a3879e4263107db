"""The seed file's vocabulary (levels, roles, plans…), stable ids and times, and YAML read with
its line numbers, checked by one collector of problems (:class:`_Checker`)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import yaml

from hexsync.errors import HexsyncError

ACCESS_LEVELS = ("NONE", "APP_ONLY", "CAN_VIEW", "CAN_EDIT", "FULL_ACCESS")


ROLES = ("ADMIN", "MANAGER", "EDITOR", "EXPLORER", "MEMBER", "GUEST", "EMBEDDED_USER", "ANONYMOUS")


CONNECTION_TYPES = (
    "athena",
    "bigquery",
    "clickhouse",
    "databricks",
    "postgres",
    "redshift",
    "snowflake",
    "trino",
)


CONNECTION_ACCESS = ("NONE", "QUERY", "VIEW_RESULTS")


SCHEMA_REFRESH_ACCESS = ("ADMINS", "USERS_WITH_QUERY_ACCESS")


# Hex plans with API access (docs/hex-api.md, "Plans"): GetQueriedTables needs ENTERPRISE, embedding
# needs ENTERPRISE and the Embedded Analytics add-on (``org.embedding``).
PLANS = ("ENTERPRISE", "TEAM")


RUN_RESULTS = ("COMPLETED", "ERRORED", "UNABLE_TO_ALLOCATE_KERNEL")


RUN_TRIGGERS = ("API", "SCHEDULED", "APP_REFRESH")


INPUT_TYPES = ("string", "number", "boolean", "date", "datetime", "list", "any")


# Ids the seed does not give are uuid5(NAMESPACE, "<kind>:<key>"): stable across runs.
NAMESPACE = uuid.UUID("6f1c3a52-8e0b-4d7e-9a44-2b5d1f0c7e19")


# Default creation times: this date plus one minute per position in the seed.
BASE_TIME = dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc)


class SeedError(HexsyncError):
    """The seed file is not a valid emulator seed; the message lists every problem with its line."""


def stable_id(kind: str, key: str) -> str:
    """The id the emulator gives an object of ``kind`` named ``key`` when the seed gives none."""
    return str(uuid.uuid5(NAMESPACE, f"{kind}:{key}"))


def iso(value: dt.datetime) -> str:
    value = value.astimezone(dt.timezone.utc)
    return value.strftime("%Y-%m-%dT%H:%M:%S.") + f"{value.microsecond // 1000:03d}Z"


def parse_time(value: str) -> float:
    """Seconds since the epoch of an ISO 8601 timestamp (``Z`` or an offset; naive is UTC)."""
    parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00").replace("z", "+00:00"))
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.timezone.utc)
    return parsed.timestamp()


def iso_from_seconds(seconds: float) -> str:
    return iso(dt.datetime.fromtimestamp(seconds, tz=dt.timezone.utc))


class _Map(dict[Any, Any]):
    line: int = 0
    lines: dict[Any, int]


class _Seq(list[Any]):
    line: int = 0
    lines: list[int]


class _MarkedLoader(yaml.SafeLoader):
    """A safe loader whose mappings and sequences keep the line of every key and item."""


def _construct_map(loader: yaml.SafeLoader, node: yaml.MappingNode) -> _Map:
    loader.flatten_mapping(node)
    result = _Map()
    result.line = node.start_mark.line + 1
    result.lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = key_node.start_mark.line + 1
    return result


def _construct_seq(loader: yaml.SafeLoader, node: yaml.SequenceNode) -> _Seq:
    result = _Seq(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.lines = [child.start_mark.line + 1 for child in node.value]
    return result


_MarkedLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_map)
_MarkedLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _construct_seq)


class _Checker:
    """Collects every problem (with its line) so a bad seed is reported all at once."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[str] = []

    def error(self, line: int, message: str) -> None:
        where = f"{self.source}:{line}" if line else self.source
        self.problems.append(f"{where}: {message}")

    def mapping(self, value: Any, line: int, what: str, allowed: tuple[str, ...]) -> dict[str, Any]:
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.error(line, f"{what} must be a mapping, not {type(value).__name__}")
            return {}
        for key in value:
            if key not in allowed:
                self.error(
                    line_of(value, key, line),
                    f"unknown key {key!r} in {what} (known: {', '.join(allowed)})",
                )
        return value

    def sequence(self, value: Any, line: int, what: str) -> list[Any]:
        if value is None:
            return []
        if not isinstance(value, list):
            self.error(line, f"{what} must be a list, not {type(value).__name__}")
            return []
        return value

    def text(self, value: Any, line: int, what: str, *, required: bool = False) -> str | None:
        if value is None:
            if required:
                self.error(line, f"{what} is required")
            return None
        if not isinstance(value, str) or (required and not value):
            self.error(line, f"{what} must be a non-empty string, not {value!r}")
            return None
        return value

    def boolean(self, value: Any, line: int, what: str, default: bool) -> bool:
        if value is None:
            return default
        if not isinstance(value, bool):
            self.error(line, f"{what} must be true or false, not {value!r}")
            return default
        return value

    def choice(self, value: Any, line: int, what: str, choices: tuple[str, ...]) -> str | None:
        if value is None:
            return None
        if value not in choices:
            self.error(line, f"{what} must be one of {', '.join(choices)}, not {value!r}")
            return None
        return str(value)

    def uuid(self, value: Any, line: int, what: str) -> str | None:
        if value is None:
            return None
        try:
            return str(uuid.UUID(str(value)))
        except ValueError:
            self.error(line, f"{what} must be a UUID, not {value!r}")
            return None

    def timestamp(self, value: Any, line: int, what: str) -> str | None:
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            if value.tzinfo is None:
                value = value.replace(tzinfo=dt.timezone.utc)
            return iso(value)
        if isinstance(value, dt.date):
            return iso(dt.datetime(value.year, value.month, value.day, tzinfo=dt.timezone.utc))
        if isinstance(value, str):
            try:
                return iso_from_seconds(parse_time(value))
            except ValueError:
                pass
        self.error(line, f"{what} must be an ISO 8601 timestamp, not {value!r}")
        return None


def line_of(container: Any, key: Any, default: int) -> int:
    """The line of ``key`` (a mapping key or a list index) in ``container``, if YAML told us."""
    if isinstance(container, _Map):
        return container.lines.get(key, container.line)
    if isinstance(container, _Seq) and isinstance(key, int) and key < len(container.lines):
        return container.lines[key]
    return default


def _line(value: Any, default: int) -> int:
    return getattr(value, "line", default) or default
