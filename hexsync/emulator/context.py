"""What every handler works with: the request context, its error, and parameter checks."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from jsonschema import Draft7Validator
from jsonschema.exceptions import best_match
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from hexsync.emulator import bodies
from hexsync.emulator.clock import Clock
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.operations import Operation
from hexsync.emulator.store import Store, User

UUID_RE = re.compile(bodies.UUID_PATTERN)


class ApiError(Exception):
    """An error answer: status, message, and the extras of either envelope."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        issues: list[str] | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.issues = issues
        self.extra = extra or {}


@dataclass
class Principal:
    """Who a token acts as. ``user`` is None for a workspace token without an acting user."""

    kind: str  # workspace | personal
    user: User | None
    token_exp: float | None
    group_ids: set[str] = field(default_factory=set)

    @property
    def is_admin(self) -> bool:
        return self.kind == "workspace" or (self.user is not None and self.user.role == "ADMIN")

    def has_role(self, *roles: str) -> bool:
        return self.is_admin or (self.user is not None and self.user.role in roles)


@dataclass
class Ctx:
    request: Request
    op: Operation
    params: dict[str, str]
    body: Any
    store: Store
    clock: Clock
    config: EmulatorConfig
    who: Principal

    def query(self, name: str) -> str | None:
        """A scalar query parameter; given twice (``limit=1&limit=200``) it is a 400."""
        values = self.request.query_params.getlist(name)
        if len(values) > 1:
            raise ApiError(400, f"{name} must be given once, not {len(values)} times")
        return values[0] if values else None

    def base_url(self) -> str:
        return f"{self.request.url.scheme}://{self.request.url.netloc}"


Handler = Callable[[Ctx], Response]


# --- validation helpers -------------------------------------------------------------------------


class NoBody:
    """The request had no body at all (told apart from a JSON ``null``, which is a bad body)."""

    def __repr__(self) -> str:
        return "NO_BODY"


NO_BODY: Any = NoBody()
_JSON_TYPES = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
_VALIDATORS: dict[tuple[int, bool], Draft7Validator] = {}


def body_status(ctx: Ctx) -> int:
    """The status of a malformed body: 400, but 422 on the legacy run paths (Hex's older spec)."""
    return 422 if ctx.op.legacy_path else 400


def validate_body(ctx: Ctx, schema: bodies.Schema, *, required: bool = True) -> dict[str, Any]:
    """The body, checked against ``schema``; every problem at once in a 400.

    With ``strict_bodies`` unknown keys are problems too; without, they are ignored (see
    ``bodies.lenient``). A body that is there but not an object (``null`` included) is a 400
    even where the body is optional.
    """
    body = ctx.body
    if body is NO_BODY:
        if required:
            raise ApiError(body_status(ctx), "A JSON request body is required")
        return {}
    if not isinstance(body, dict):
        shown = "null" if body is None else _JSON_TYPES.get(type(body), "a number")
        raise ApiError(body_status(ctx), f"The request body must be a JSON object, not {shown}")
    strict = ctx.config.strict_bodies
    validator = _VALIDATORS.get((id(schema), strict))
    if validator is None:
        checked = schema if strict else bodies.lenient(schema)
        validator = _VALIDATORS[(id(schema), strict)] = Draft7Validator(checked)
    problems = []
    for found in sorted(validator.iter_errors(body), key=lambda e: list(e.absolute_path)):
        # Into an anyOf/oneOf: the branch that fits best says what is wrong ("'colour' was
        # unexpected" in a nullable schedule, not "not valid under any of the given schemas").
        error = best_match([found]) or found
        where = "/".join(str(p) for p in error.absolute_path) or "body"
        problems.append(f"{where}: {error.message}")
    if problems:
        raise ApiError(body_status(ctx), "Invalid request body", issues=problems)
    return body


def path_uuid(ctx: Ctx, name: str) -> str:
    value = ctx.params[name]
    if not UUID_RE.fullmatch(value):
        raise ApiError(400, f"{name} must be a UUID, not {value!r}")
    return value.lower()


def q_bool(ctx: Ctx, name: str, default: bool = False) -> bool:
    """A boolean parameter: ``true`` or ``false`` in any case, as Hex's validation reads them.

    ``1``, ``0``, ``yes`` and an empty value are 400s, not quietly true or the default.
    """
    value = ctx.query(name)
    if value is None:
        return default
    if value.lower() == "true":
        return True
    if value.lower() == "false":
        return False
    raise ApiError(400, f"{name} must be true or false, not {value!r}")


_INTEGER_RE = re.compile(r"-?[0-9]+")


def q_int(ctx: Ctx, name: str, default: int, low: int, high: int | None) -> int:
    """An integer parameter within bounds. Only plain digits: Python's ``int`` alone would
    also take ``5_0``, `` 5`` and ``+5``; an empty value is a 400, not the default."""
    value = ctx.query(name)
    if value is None:
        return default
    if not _INTEGER_RE.fullmatch(value):
        raise ApiError(400, f"{name} must be an integer, not {value!r}")
    number = int(value)
    if number < low or (high is not None and number > high):
        bound = f"between {low} and {high}" if high is not None else f"at least {low}"
        raise ApiError(400, f"{name} must be {bound}, not {number}")
    return number


def q_enum(ctx: Ctx, name: str, choices: tuple[str, ...], default: str | None) -> str | None:
    value = ctx.query(name)
    if value is None:
        return default
    if value not in choices:
        raise ApiError(400, f"{name} must be one of {', '.join(choices)}, not {value!r}")
    return value


def q_list(ctx: Ctx, name: str) -> list[str]:
    """An array parameter: repeated, bracketed (``name[]=``) and comma-separated all work."""
    params = ctx.request.query_params
    values: list[str] = []
    for raw in [*params.getlist(name), *params.getlist(f"{name}[]")]:
        values.extend(part.strip() for part in raw.split(",") if part.strip())
    return values


def q_uuid(ctx: Ctx, name: str) -> str | None:
    value = ctx.query(name)
    if value is None or value == "":
        return None
    if not UUID_RE.fullmatch(value):
        raise ApiError(400, f"{name} must be a UUID, not {value!r}")
    return value.lower()


def ok(body: Any, status: int = 200) -> JSONResponse:
    return JSONResponse(body, status_code=status)
