# ruff: noqa: RUF001, RUF002 - a table of confusable characters holds confusables
"""Names that look like other names: mixed scripts, invisible characters, confusables.

A group named ``Admіns`` (a Cyrillic ``і``) plans as a new group that reads exactly like
``Admins``; a title with U+202E (right-to-left override) shows reversed text. ``validate`` warns
on each (warnings, not errors: such a name can be meant), and ``plan`` warns when something it
would create looks like something live (:func:`lookalikes`).

The skeleton follows Unicode TR39 ("Security Mechanisms", section 4): compatibility-decompose
(NFKD: fullwidth and mathematical letters become plain ones), drop invisible format characters,
map each character to its prototype with a table, decompose again. No library fits: the PyPI
packages that ship the full ``confusables.txt`` are unmaintained, so the table below is the
subset of TR39's data that maps onto Latin letters and digits — Cyrillic and Greek
homoglyphs, dotless and small-capital forms, ``rn``/``m``, ``vv``/``w``, ``l``/``I``/``1``,
``0``/``O`` — which covers names written in Latin script, the common case for groups and emails.
Two names in other scripts that only look alike to each other are not detected.

Mixed script follows TR39's "highly restrictive" level: letters of one script, or Latin with
Han and Japanese kana, Han and Bopomofo, or Han and Hangul.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from hexsync.values.desired import Desired, Mark

__all__ = ["Finding", "findings", "lookalikes", "mixed_scripts", "skeleton", "visible"]

# Prototype (TR39 confusables.txt, the Latin-target subset) for each confusable character.
_TABLE: dict[str, str] = {
    # Cyrillic
    "а": "a",
    "в": "b",
    "е": "e",
    "һ": "h",
    "і": "i",
    "ј": "j",
    "к": "k",
    "ӏ": "l",
    "м": "m",
    "н": "h",
    "о": "o",
    "р": "p",
    "ԛ": "q",
    "ѕ": "s",
    "т": "t",
    "у": "y",
    "х": "x",
    "ԝ": "w",
    "ԁ": "d",
    "ɡ": "g",
    "ү": "y",
    "с": "c",
    "ь": "b",
    "ѵ": "v",
    "А": "A",
    "В": "B",
    "Е": "E",
    "Н": "H",
    "І": "l",
    "Ј": "J",
    "К": "K",
    "М": "M",
    "О": "O",
    "Р": "P",
    "Ѕ": "S",
    "С": "C",
    "Т": "T",
    "Х": "X",
    "У": "Y",
    "Ү": "Y",
    "Ԝ": "W",
    "Ԛ": "Q",
    # Greek
    "α": "a",
    "ο": "o",
    "ρ": "p",
    "ν": "v",
    "ι": "i",
    "κ": "k",
    "τ": "t",
    "υ": "u",
    "χ": "x",
    "γ": "y",
    "ϲ": "c",
    "ϳ": "j",
    "Α": "A",
    "Β": "B",
    "Ε": "E",
    "Ζ": "Z",
    "Η": "H",
    "Ι": "l",
    "Κ": "K",
    "Μ": "M",
    "Ν": "N",
    "Ο": "O",
    "Ρ": "P",
    "Τ": "T",
    "Υ": "Y",
    "Χ": "X",
    "Ϲ": "C",
    # Latin look-alikes of other Latin letters and digits
    "ı": "i",
    "ɩ": "i",
    "ȷ": "j",
    "ɑ": "a",
    "ɒ": "a",
    "ʟ": "L",
    "ɪ": "l",
    "ᴍ": "M",
    "ɴ": "N",
    "ʀ": "R",
    "ᴛ": "T",
    "ᴜ": "U",
    "ᴠ": "V",
    "ᴡ": "W",
    "ʏ": "Y",
    "ᴢ": "Z",
    "ꜱ": "S",
    "I": "l",
    "1": "l",
    "|": "l",
    "ǀ": "l",
    "0": "O",
    "ø": "o",
}
_SEQUENCES = (("rn", "m"), ("vv", "w"), ("cl", "d"))
_COMPATIBLE = (
    frozenset({"LATIN", "HAN", "HIRAGANA", "KATAKANA"}),
    frozenset({"LATIN", "HAN", "BOPOMOFO"}),
    frozenset({"LATIN", "HAN", "HANGUL"}),
)
_SCRIPT_WORDS = (
    "LATIN",
    "CYRILLIC",
    "GREEK",
    "ARMENIAN",
    "HEBREW",
    "ARABIC",
    "DEVANAGARI",
    "BENGALI",
    "THAI",
    "GEORGIAN",
    "HANGUL",
    "HIRAGANA",
    "KATAKANA",
    "BOPOMOFO",
    "CHEROKEE",
    "ETHIOPIC",
    "COPTIC",
    "RUNIC",
    "OGHAM",
    "TAMIL",
    "TELUGU",
    "KANNADA",
    "MALAYALAM",
    "GUJARATI",
    "GURMUKHI",
    "ORIYA",
    "SINHALA",
    "LAO",
    "TIBETAN",
    "MYANMAR",
    "KHMER",
    "MONGOLIAN",
)


def _invisible(ch: str) -> bool:
    """Format characters: bidi controls, zero-width ones, the soft hyphen, a BOM … (Unicode
    category Cf). Tabs and other controls are shown escaped by every renderer already."""
    return unicodedata.category(ch) == "Cf"


def visible(ch: str) -> str:
    """``і`` → ``U+0456 CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I``."""
    return f"U+{ord(ch):04X} {unicodedata.name(ch, 'unnamed character')}"


def skeleton(text: str) -> str:
    """TR39's skeleton of ``text`` (over the table above): equal skeletons look alike."""
    decomposed = unicodedata.normalize("NFKD", text)
    mapped = "".join(_TABLE.get(ch, ch) for ch in decomposed if not _invisible(ch))
    for seq, proto in _SEQUENCES:
        mapped = mapped.replace(seq, proto)
    return unicodedata.normalize("NFKD", mapped)


def _script(ch: str) -> str | None:
    if unicodedata.category(ch) not in ("Lu", "Ll", "Lt", "Lo"):
        return None  # digits, punctuation, spaces, modifier letters (ー): common to all
    words = unicodedata.name(ch, "").split()
    if "CJK" in words or "IDEOGRAPHIC" in words:
        return "HAN"
    for word in _SCRIPT_WORDS:
        if word in words:
            return word
    return words[0] if words else None


def mixed_scripts(text: str) -> dict[str, str] | None:
    """Script → its first letter in ``text``, when the scripts do not go together."""
    first: dict[str, str] = {}
    for ch in text:
        script = _script(ch)
        if script is not None:
            first.setdefault(script, ch)
    if len(first) < 2 or any(set(first) <= allowed for allowed in _COMPATIBLE):
        return None
    return first


@dataclass(frozen=True)
class Finding:
    """One look-alike warning: where, what, and what to do."""

    mark: Mark
    message: str
    hint: str


_HINT = "retype it in one script (or copy it from Hex); ignore this warning if the name is meant"


def _name_findings(what: str, name: str, mark: Mark) -> Iterator[Finding]:
    hidden = [ch for ch in name if _invisible(ch)]
    if hidden:
        yield Finding(
            mark,
            f"{what} {_shown(name)} holds invisible or direction-changing characters: "
            + ", ".join(dict.fromkeys(visible(ch) for ch in hidden)),
            "remove them: they make the name read differently from what it is",
        )
    mixed = mixed_scripts(name)
    if mixed is not None:
        scripts = " and ".join(s.title() for s in mixed)
        foreign = [ch for s, ch in mixed.items() if s != "LATIN"] or list(mixed.values())[1:]
        yield Finding(
            mark,
            f"{what} {_shown(name)} mixes {scripts} letters ({visible(foreign[0])}): it can look "
            "exactly like another name",
            _HINT,
        )
    else:
        # All Latin, but through a look-alike letter (dotless i, a small capital …).
        lookalike = next((ch for ch in name if not ch.isascii() and ch in _TABLE), None)
        if lookalike is not None and all(_script(ch) in (None, "LATIN") for ch in name):
            yield Finding(
                mark,
                f"{what} {_shown(name)} uses a look-alike letter ({visible(lookalike)})",
                _HINT,
            )


def _shown(name: str) -> str:
    """The name quoted with its invisible characters spelled out, safe on any terminal."""
    out = "".join(f"\\u{ord(ch):04x}" if _invisible(ch) else ch for ch in name)
    return f"'{out}'"


def _pairs(what: str, named: Iterable[tuple[str, Mark]]) -> Iterator[Finding]:
    seen: dict[str, tuple[str, Mark]] = {}
    for name, mark in named:
        key = skeleton(name)
        other = seen.get(key)
        if other is None:
            seen[key] = (name, mark)
        elif unicodedata.normalize("NFC", other[0]) != unicodedata.normalize("NFC", name):
            # (The same name in two Unicode forms is warned about where identities are read.)
            yield Finding(
                mark,
                f"{what} {_shown(name)} looks like {what} {_shown(other[0])} ({other[1]})",
                "two names that read the same are easy to mix up in review; rename one",
            )


def findings(desired: Desired) -> list[Finding]:
    """Every look-alike warning for the manifests' groups, collections, project titles and
    emails (users, group members)."""
    out: list[Finding] = []
    kinds: list[tuple[str, list[tuple[str, Mark]]]] = [
        ("group", [(g.name, g.mark) for g in desired.groups]),
        ("collection", [(c.name, c.mark) for c in desired.collections]),
        ("project", [(p.title, p.mark) for p in desired.projects if p.title is not None]),
    ]
    emails: dict[str, Mark] = {u.email: u.mark for u in desired.users}
    for group in desired.groups:
        for email in sorted(group.members or ()):
            emails.setdefault(email, group.member_marks.get(email, group.mark))
    kinds.append(("email", sorted(emails.items())))
    for what, named in kinds:
        for name, mark in named:
            out.extend(_name_findings(what, name, mark))
        out.extend(_pairs(what, named))
    return out


def lookalikes(new: Iterable[str], existing: Iterable[str]) -> dict[str, str]:
    """Each name in ``new`` that looks like (same skeleton, other text) one in ``existing``."""
    by_skeleton: dict[str, str] = {}
    for name in existing:
        by_skeleton.setdefault(skeleton(name), name)
    out: dict[str, str] = {}
    for name in new:
        other = by_skeleton.get(skeleton(name))
        if other is not None and other != name:
            out[name] = other
    return out
