"""The ``-v`` request log, and the redaction that keeps tokens out of it (and out of anything).

One line per request attempt on the ``hexsync.hexapi`` logger::

    GET /api/v1/projects?limit=100&includeSharing=true -> 200 12ms ListProjects
    POST /api/v1/groups -> timeout 30001ms CreateGroup (not retried: a create)
    GET /api/v1/users?limit=500 -> 503 3ms ListUsers retry 1 in 0.42s

Lines never hold headers or bodies. Whatever is logged still goes through :func:`redact`, and
:class:`RedactingFilter` redacts every record on a handler it is attached to, so a token that
slips into a message some other way (an exception text, a URL) is masked too.
"""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import Iterable

from hexsync.errors import MASK, mask_secrets

LOGGER_NAME = "hexsync.hexapi"
logger = logging.getLogger(LOGGER_NAME)

# Hex tokens (hxtp_ personal, hxtw_ workspace) and anything after "Bearer".
_BEARER_RE = re.compile(r"(?i)(bearer\s+)[^\s'\",]+")
_AUTH_HEADER_RE = re.compile(r"(?i)(authorization['\"]?\s*[:=]\s*['\"]?(?:\w+\s+)?)[^\s'\",}]+")
REDACTED = MASK


def redact(text: str, secrets: Iterable[str] = ()) -> str:
    """``text`` with tokens, bearer credentials and the given ``secrets`` masked."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, REDACTED)
    text = mask_secrets(text)
    text = _AUTH_HEADER_RE.sub(lambda m: m.group(1) + REDACTED, text)
    return _BEARER_RE.sub(lambda m: m.group(1) + REDACTED, text)


class RedactingFilter(logging.Filter):
    """Redacts the rendered message of every record (message, args and exception text)."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        self._secrets = tuple(s for s in secrets if s)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.exc_info:
            formatter = logging.Formatter()
            message = f"{message}\n{formatter.formatException(record.exc_info)}"
            record.exc_info = None
            record.exc_text = None
        if record.stack_info:
            message = f"{message}\n{record.stack_info}"
            record.stack_info = None
        record.msg = redact(message, self._secrets)
        record.args = None
        return True


def request_line(
    method: str,
    path: str,
    outcome: str,
    elapsed_ms: float,
    operation: str,
    *,
    retry: int = 0,
    note: str = "",
) -> str:
    """One log line; ``outcome`` is the status or what went wrong (timeout, connection)."""
    line = f"{method} {path} -> {outcome} {elapsed_ms:.0f}ms {operation}"
    if retry:
        line += f" (attempt {retry + 1})"
    if note:
        line += f" {note}"
    return redact(line)


def enable_stderr_log(level: int = logging.INFO, secrets: Iterable[str] = ()) -> logging.Handler:
    """Send the request log to stderr, redacted. Idempotent: one handler however often called."""
    for existing in logger.handlers:
        if isinstance(existing, _StderrHandler):
            existing.setLevel(level)
            existing.addFilter(RedactingFilter(secrets))
            logger.setLevel(level)
            return existing
    handler = _StderrHandler()
    handler.setFormatter(logging.Formatter("hexsync: %(message)s"))
    handler.addFilter(RedactingFilter(secrets))
    handler.setLevel(level)
    logger.addHandler(handler)
    logger.setLevel(level)
    return handler


class _StderrHandler(logging.StreamHandler):  # type: ignore[type-arg]
    """Writes to whatever ``sys.stderr`` is at the time (click's test runner swaps it)."""

    def emit(self, record: logging.LogRecord) -> None:
        self.stream = sys.stderr
        super().emit(record)
