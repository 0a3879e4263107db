"""The one exception tree of hexsync.

Library code raises these; the CLI boundary (``hexsync.cli.main``) maps them to exit codes, so an
exit code is decided in exactly one place. Every message says where, what, and what to do.

Exit codes, as the README states them: 0 success / no changes; 1 error; 2 changes present
(``plan --detailed-exitcode``); 3 refused by a guardrail; 4 apply finished partially.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_CHANGES = 2
EXIT_REFUSED = 3
EXIT_PARTIAL = 4


# Token values this process knows (HEX_API_TOKEN, a --token-file's content): masked in every
# message, whatever carried them there (an --api-url with the token pasted into its path, an
# error body echoing a header). Token-shaped words (hxtp_…, hxtw_…) are masked too.
_SECRETS: set[str] = set()
_TOKEN_SHAPE = re.compile(r"\bhxt[pw]_[A-Za-z0-9_\-.~+/=]{4,}")
MASK = "[REDACTED]"
_SHORTEST_SECRET = 8  # masking a shorter value would garble ordinary words


def remember_secret(value: str | None) -> None:
    """Mask ``value`` in every message from now on (the token, once it is known)."""
    if value and len(value.strip()) >= _SHORTEST_SECRET:
        _SECRETS.add(value.strip())


def mask_secrets(text: str) -> str:
    """``text`` with every remembered secret and every token-shaped word masked."""
    for secret in sorted(_SECRETS, key=len, reverse=True):
        text = text.replace(secret, MASK)
    return _TOKEN_SHAPE.sub(lambda m: m.group(0)[:5] + MASK, text)


class HexsyncError(Exception):
    """Base of every error hexsync raises on purpose; ``exit_code`` is what the CLI exits with."""

    exit_code: int = EXIT_ERROR

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        if self.hint:
            return mask_secrets(f"{self.message}\nhint: {self.hint}")
        return mask_secrets(self.message)


class ConfigError(HexsyncError):
    """Bad command-line options, environment, or files given to hexsync (not the manifests)."""


class GuardrailError(HexsyncError):
    """A safety rule refused the operation (policy, max_destroy, stale plan, wrong workspace)."""

    exit_code = EXIT_REFUSED


class PartialApplyError(HexsyncError):
    """Apply finished, but some changes failed; the report says which."""

    exit_code = EXIT_PARTIAL


def plural(count: int, word: str, many: str | None = None) -> str:
    """``1 change``, ``2 changes``; ``many`` for irregular words (``"entry", "entries"``)."""
    return f"{count} {word if count == 1 else (many or word + 's')}"


def did_you_mean(wanted: str, known: Iterable[str], cutoff: float = 0.6) -> str | None:
    """``did you mean 'Production'?`` for the close matches of ``wanted`` in ``known`` (or ones
    that differ only in case), else None: the hint of every "not found" a person may mistype."""
    names = list(known)
    close = difflib.get_close_matches(wanted, names, n=3, cutoff=cutoff)
    if not close:
        close = [k for k in names if k.lower() == wanted.lower()][:3]
    if not close:
        return None
    return "did you mean " + " or ".join(repr(c) for c in close) + "?"


def excerpt(value: object, limit: int = 40) -> str:
    """``value`` quoted for a message (a string as ``repr`` quotes it), at most ``limit``
    characters of it: a 2 MB name or a control character must not flood or break a line."""
    if not isinstance(value, str):
        text = str(value)
        return text if len(text) <= limit else f"{text[:limit]}… ({len(text):,} characters)"
    if len(value) <= limit:
        return repr(value)
    shown = repr(value[:limit])
    return f"{shown[:-1]}…{shown[-1]} ({len(value):,} characters)"


def line_column(text: str | bytes, index: int) -> tuple[int, int]:
    """The 1-based line and column of ``index`` in ``text`` (columns count bytes in bytes)."""
    if isinstance(text, bytes):
        return text.count(b"\n", 0, index) + 1, index - text.rfind(b"\n", 0, index)
    return text.count("\n", 0, index) + 1, index - text.rfind("\n", 0, index)
