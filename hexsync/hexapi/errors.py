"""The Hex API error tree: every failure of a request becomes one of these.

::

    HexsyncError
    └── HexApiError                  status, operation, message, trace_id, body (truncated)
        ├── BadRequestError          400
        ├── UnauthorizedError        401  check HEX_API_TOKEN / --token-file
        ├── ForbiddenError           403  with a plan hint where a plan gates the endpoint
        ├── NotFoundError            404
        ├── UnprocessableError       422  ``invalid`` / ``not_found`` run inputs
        ├── RateLimitedError         429  ``retry_after`` (raised only once retries ran out)
        ├── ServerError              5xx
        ├── UnexpectedResponseError  a 2xx (or error) body that is not the JSON expected
        ├── AmbiguousCreateError     a create whose outcome is unknown: re-read, then decide
        └── HexTransportError        no HTTP answer at all
            ├── HexTimeoutError
            └── HexConnectionError
                └── UnreachableError the circuit breaker is open: no answer for a while

Both error envelopes Hex uses (legacy ``{"reason", "details", "traceId"}`` and new
``{"code", "message", "issues"}``) are read by :func:`error_from_response`; a body that is
neither still gives an error with its status. Bodies are truncated, and the message and body
of every error pass through :func:`~hexsync.hexapi.log.redact`: a proxy or an API that echoes
the token back (``hxtp_…``/``hxtw_…``, ``Bearer …``) never gets it into an error. The client also
masks its exact token value, whatever its form, before it builds an error from an answer.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from hexsync.errors import HexsyncError
from hexsync.hexapi.log import redact

BODY_LIMIT = 500  # characters of a response body kept on an error

# Endpoints a plan gates: a 403 there usually means the workspace's plan, not the token.
PLAN_HINTS: dict[str, str] = {
    "GetQueriedTables": "queried tables need the Enterprise plan",
    "CreatePresignedUrl": "embedding needs the Enterprise plan and the Embedded Analytics add-on",
}


def truncate(text: str, limit: int = BODY_LIMIT) -> str:
    """``text`` cut to ``limit`` characters, saying how much was left out."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}… ({len(text) - limit} more characters)"


class HexApiError(HexsyncError):
    """A request to the Hex API failed. ``status`` is None when no HTTP answer came back."""

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        operation: str = "",
        trace_id: str | None = None,
        body: str | None = None,
        hint: str | None = None,
    ) -> None:
        message = redact(message)
        where = f"{operation}: " if operation else ""
        status_part = f" (HTTP {status})" if status is not None else ""
        trace_part = f" [traceId {trace_id}]" if trace_id else ""
        super().__init__(f"{where}{message}{status_part}{trace_part}", hint=hint)
        self.status = status
        self.operation = operation
        self.api_message = message
        self.trace_id = trace_id
        self.body = truncate(redact(body)) if body is not None else None


class BadRequestError(HexApiError):
    """400: the request was malformed or named something the workspace does not have."""


class UnauthorizedError(HexApiError):
    """401: the token is missing, wrong, revoked or expired."""


class ForbiddenError(HexApiError):
    """403: the token's user may not do this, or the workspace's plan does not include it."""


class NotFoundError(HexApiError):
    """404: the object does not exist or the token's user cannot see it."""


class UnprocessableError(HexApiError):
    """422: understood but refused. For RunProject, ``invalid`` and ``not_found`` name inputs."""

    def __init__(
        self,
        message: str,
        *,
        invalid: Sequence[Mapping[str, Any]] = (),
        not_found: Sequence[str] = (),
        **kwargs: Any,
    ) -> None:
        super().__init__(message, **kwargs)
        self.invalid: tuple[Mapping[str, Any], ...] = tuple(invalid)
        self.not_found: tuple[str, ...] = tuple(not_found)


class RateLimitedError(HexApiError):
    """429 that outlasted the retry deadline. ``retry_after`` in seconds when Hex said."""

    def __init__(self, message: str, *, retry_after: float | None = None, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.retry_after = retry_after


class ServerError(HexApiError):
    """5xx: Hex failed. Reads were already retried; this is what was left."""


class UnexpectedResponseError(HexApiError):
    """The answer was not the JSON the API documents (a proxy page, a truncated body …)."""


class AmbiguousCreateError(HexApiError):
    """A create (group, collection, project, run, data connection) may or may not have happened.

    The request was sent but no clear answer came back (timeout, dropped connection, 5xx).
    Hex has no idempotency keys, so retrying could create a duplicate or start a second run:
    the client never does. Re-read (list groups, list runs …) and only then decide.
    """


class HexTransportError(HexApiError):
    """No HTTP answer: the connection failed or the request timed out."""


class HexTimeoutError(HexTransportError):
    """The request took longer than the timeout."""


class HexConnectionError(HexTransportError):
    """The connection could not be made or was dropped."""


class UnreachableError(HexConnectionError):
    """Not sent: no request has had an answer for a while (the client's circuit breaker)."""


_BY_STATUS: dict[int, type[HexApiError]] = {
    400: BadRequestError,
    401: UnauthorizedError,
    403: ForbiddenError,
    404: NotFoundError,
    422: UnprocessableError,
    429: RateLimitedError,
}


def _hint(status: int, operation: str) -> str | None:
    if status == 401:
        return (
            "check HEX_API_TOKEN (or the file given to --token-file): the token may be wrong, "
            "revoked or expired, or belong to another Hex host than --api-url"
        )
    if status == 403:
        plan = PLAN_HINTS.get(operation)
        if plan:
            return f"{plan}; if the workspace has it, the token's user may lack the permission"
        return "the token's user lacks the permission; an admin or a workspace token may be needed"
    if status == 404:
        return "check the id; a token sees only what its user may see"
    if status == 429:
        return "lower the pace with --rate-limit N/min, or wait a minute and run again"
    if status >= 500:
        return "Hex failed on its side; try again later and quote the traceId if it persists"
    return None


def parse_error_body(data: Any) -> tuple[str | None, str | None]:
    """(message, traceId) from either envelope; (None, None) when the body is neither."""
    if not isinstance(data, Mapping):
        return None, None
    trace = data.get("traceId")
    trace_id = trace if isinstance(trace, str) else None
    message: str | None = None
    for key in ("message", "reason"):
        value = data.get(key)
        if isinstance(value, str) and value:
            message = value
            break
    extra: list[str] = []
    details = data.get("details")
    if isinstance(details, str) and details:
        extra.append(details)
    issues = data.get("issues")
    if isinstance(issues, list):
        extra.extend(
            str(issue["message"])
            for issue in issues
            if isinstance(issue, Mapping) and isinstance(issue.get("message"), str)
        )
    if extra:
        message = "; ".join([message or "", *extra]).lstrip("; ")
    return message, trace_id


def error_from_response(
    status: int,
    operation: str,
    text: str,
    data: Any,
    *,
    retry_after: float | None = None,
) -> HexApiError:
    """The error for a non-2xx answer. ``data`` is the parsed JSON body, or None."""
    message, trace_id = parse_error_body(data)
    if not message and status == 422 and isinstance(data, Mapping):
        message = _run_inputs_message(data)
    if not message:
        message = "Hex answered without an error message" if not text else truncate(text, 200)
    cls: type[HexApiError] = _BY_STATUS.get(status, ServerError if status >= 500 else HexApiError)
    common: dict[str, Any] = {
        "status": status,
        "operation": operation,
        "trace_id": trace_id,
        "body": text,
        "hint": _hint(status, operation),
    }
    if cls is UnprocessableError and isinstance(data, Mapping):
        invalid = data.get("invalid")
        not_found = data.get("notFound")
        return UnprocessableError(
            message,
            invalid=[i for i in invalid if isinstance(i, Mapping)]
            if isinstance(invalid, list)
            else (),
            not_found=[str(n) for n in not_found] if isinstance(not_found, list) else (),
            **common,
        )
    if cls is RateLimitedError:
        return RateLimitedError(message, retry_after=retry_after, **common)
    return cls(message, **common)


def _run_inputs_message(data: Mapping[str, Any]) -> str | None:
    parts: list[str] = []
    invalid = data.get("invalid")
    if isinstance(invalid, list) and invalid:
        names = [str(i.get("paramName")) for i in invalid if isinstance(i, Mapping)]
        parts.append("invalid input values: " + ", ".join(names))
    not_found = data.get("notFound")
    if isinstance(not_found, list) and not_found:
        parts.append("no such inputs in the published app: " + ", ".join(map(str, not_found)))
    return "; ".join(parts) or None
