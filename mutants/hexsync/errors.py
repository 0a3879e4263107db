"""The one exception tree of hexsync.

Library code raises these; the CLI boundary (``hexsync.cli.main``) maps them to exit codes, so an
exit code is decided in exactly one place. Every message says where, what, and what to do.

Exit codes (SPEC §3): 0 success / no changes; 1 error; 2 changes present (``plan
--detailed-exitcode``); 3 refused by a guardrail; 4 apply finished partially.
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_CHANGES = 2
EXIT_REFUSED = 3
EXIT_PARTIAL = 4


class HexsyncError(Exception):
    """Base of every error hexsync raises on purpose; ``exit_code`` is what the CLI exits with."""

    exit_code: int = EXIT_ERROR

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        if self.hint:
            return f"{self.message}\nhint: {self.hint}"
        return self.message


class ConfigError(HexsyncError):
    """Bad command-line options, environment, or files given to hexsync (not the manifests)."""


class GuardrailError(HexsyncError):
    """A safety rule refused the operation (policy, max_destroy, stale plan, wrong workspace)."""

    exit_code = EXIT_REFUSED


class PartialApplyError(HexsyncError):
    """Apply finished, but some changes failed; the report says which."""

    exit_code = EXIT_PARTIAL
