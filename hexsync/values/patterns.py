"""Regular expressions written in manifests (``match: {title_regex: …}``), matched in linear time.

A pattern comes from a pull request, and the plan job runs it over every project title: with a
backtracking engine (Python's ``re``) ``(\\w|\\s|.)*!$`` takes seconds on a 60-character title and
doubles per character, enough to hang a CI job or the MCP server. RE2 (Google's engine, through
the ``google-re2`` binding) guarantees time linear in the title's length for every pattern, at
the price of what cannot be matched in linear time: backreferences (``\\1``) and lookaround
(``(?=…)``, ``(?<!…)``), which :func:`compile_pattern` refuses with RE2's reason. Syntax:
https://github.com/google/re2/wiki/Syntax
"""

from __future__ import annotations

from collections.abc import Callable

import re2

__all__ = ["PatternError", "compile_pattern"]


class PatternError(ValueError):
    """The pattern is not one RE2 accepts; the message is RE2's reason."""


def _options() -> re2.Options:
    options = re2.Options()
    options.log_errors = False  # RE2 would print its own line on stderr for every bad pattern
    return options


def compile_pattern(pattern: str) -> Callable[[str], bool]:
    """``pattern`` as a predicate "found anywhere in the text" (``re.search``'s meaning)."""
    try:
        search = re2.compile(pattern, _options()).search
    except re2.error as exc:
        reason = exc.args[0] if exc.args else exc
        text = reason.decode("utf-8", "replace") if isinstance(reason, bytes) else str(reason)
        raise PatternError(text) from None
    return lambda text: search(text) is not None
