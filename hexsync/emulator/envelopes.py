"""Error bodies in the envelope each endpoint uses (docs/hex-api.md, "Error envelopes").

Legacy endpoints answer ``{"reason", "details"?, "traceId"?}``; the others
``{"code", "message", "issues"?}``. Statuses an endpoint does not declare (401 on legacy
endpoints, undeclared 404s, 429 everywhere) still carry that endpoint's envelope.
"""

from __future__ import annotations

import uuid
from typing import Any

from starlette.responses import JSONResponse

from hexsync.emulator.operations import Envelope

CODES: dict[int, str] = {
    400: "BAD_REQUEST",
    401: "UNAUTHORIZED",
    403: "FORBIDDEN",
    404: "NOT_FOUND",
    405: "BAD_REQUEST",  # the document lists no code for it; the request is what is wrong
    422: "UNPROCESSABLE_CONTENT",
    429: "TOO_MANY_REQUESTS",
    500: "INTERNAL_SERVER_ERROR",
    502: "INTERNAL_SERVER_ERROR",
    503: "SERVICE_UNAVAILABLE",
    504: "SERVICE_UNAVAILABLE",
}


def new_trace_id() -> str:
    return uuid.uuid4().hex


def error_body(
    envelope: Envelope,
    status: int,
    message: str,
    *,
    details: str | None = None,
    issues: list[str] | None = None,
) -> dict[str, Any]:
    """The JSON body of an error, shaped for ``envelope``."""
    if envelope == "legacy":
        body: dict[str, Any] = {"reason": message, "traceId": new_trace_id()}
        if details:
            body["details"] = details
        return body
    body = {"code": CODES.get(status, "INTERNAL_SERVER_ERROR"), "message": message}
    if issues:
        body["issues"] = [{"message": issue} for issue in issues]
    return body


def error_response(
    envelope: Envelope,
    status: int,
    message: str,
    *,
    details: str | None = None,
    issues: list[str] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    return JSONResponse(
        error_body(envelope, status, message, details=details, issues=issues),
        status_code=status,
        headers=headers,
    )
