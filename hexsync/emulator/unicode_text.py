"""Strings that are not Unicode text: a lone UTF-16 surrogate (U+D800 to U+DFFF).

JSON lets a string escape one (``"\\ud800"``) and Python's ``json`` reads it, but no UTF-8 can
carry it: stored, it made every later answer that shows it fail to encode (a 500 on each
listing, and across restarts through a state file). The emulator refuses such a string before
storing anything, in a request body, a seed or a state file; so does Hex, which reads JSON as
UTF-8 text.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["not_unicode", "shown"]

_SURROGATE = re.compile("[\ud800-\udfff]")


def shown(text: str) -> str:
    """``text`` safe to put in a message: a lone surrogate spelled ``\\ud800``."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _problem(text: str) -> str | None:
    if text.isascii():
        return None
    found = _SURROGATE.search(text)
    if found is None:
        return None
    return f"\\u{ord(found.group()):04x} is a lone UTF-16 surrogate, not a Unicode character"


def not_unicode(value: Any, limit: int = 10) -> list[str]:
    """``where: what`` for each string in ``value`` (keys included) that is not Unicode text,
    at most ``limit`` of them; ``where`` is the path of keys and indexes joined by ``/``
    (``body`` for the value itself). Walked without recursion: a body may nest deep."""
    found: list[str] = []
    stack: list[tuple[tuple[str, ...], Any]] = [((), value)]
    while stack and len(found) < limit:
        path, item = stack.pop()
        if isinstance(item, str):
            problem = _problem(item)
            if problem is not None:
                found.append(f"{'/'.join(path) or 'body'}: {problem}")
        elif isinstance(item, dict):
            for key, child in reversed(list(item.items())):
                # The key's own problem comes first: pushed last, popped first.
                stack.append(((*path, shown(str(key))), child))
                if isinstance(key, str) and _problem(key) is not None:
                    stack.append(((*path, f"{shown(key)} (a key)"), key))
        elif isinstance(item, list):
            stack.extend(((*path, str(i)), child) for i, child in reversed(list(enumerate(item))))
    return found
