"""How commands that change the workspace ask first: the same rule for ``apply`` and ``deactivate``.

Without a terminal to ask on (CI, a pipe) and without the command's "do not ask" flag, the
command refuses before anything changes (exit 1, with the flag as the hint). Answering no
changes nothing and exits 0 after a ``Cancelled: …`` line on stderr.
"""

from __future__ import annotations

import sys

from hexsync.errors import ConfigError

__all__ = ["interactive", "no_terminal"]


def interactive() -> bool:
    """Whether a person can answer a prompt: stdin to read the answer, stderr to show it on."""
    return sys.stdin.isatty() and sys.stderr.isatty()


def no_terminal(what: str, flag: str, also: str = "") -> ConfigError:
    """The refusal when a confirmation is needed and nobody can give it."""
    hint = f"pass {flag} to {what} without asking" + (f", {also}" if also else "")
    return ConfigError(
        f"not going to {what}: confirmation needed and there is no terminal to ask on", hint=hint
    )
