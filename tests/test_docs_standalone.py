"""The repository stands on its own: nothing in it cites a file that a clone does not have.

- No tracked file cites the founding team's private notes (the sections of their spec, their
  notes on Hex's API, their style guide, a ``shared`` folder beside the checkout): what the code
  relies on is written in docs/ instead (docs/hex-api.md for Hex's API).
- Every markdown link in README.md and docs/ to a repository file points at a file that exists,
  and a link's ``#anchor`` at a heading of its target.
- Every ``docs/…`` file that a tracked file names exists, and a section cited as
  ``docs/<page>.md, "Title"`` is a heading (or a bold lead-in) of that page.
"""

from __future__ import annotations

import re
import subprocess
from functools import cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Spelled in pieces so that this file does not cite them itself.
FORBIDDEN = ("SPEC" + " §", "SPEC" + ".md", "NOTES" + ".md", "STYLE" + ".md", "../" + "shared")

_FENCE = re.compile(r"^\s*(```|~~~).*?^\s*\1", re.MULTILINE | re.DOTALL)
_CODE_SPAN = re.compile(r"`+[^`\n]*`+")
_LINK = re.compile(r"!?\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$", re.MULTILINE)
_LEAD_IN = re.compile(r"^\s*(?:[-*]\s+)?\*\*([^*\n]+?)\*\*", re.MULTILINE)
_DOCS_FILE = re.compile(r"(?<![\w/.-])docs/[\w./-]*\w\.(?:md|json|png|svg|ya?ml)\b")
_SECTION = re.compile(r"(?<![\w/.-])(docs/[\w./-]+\.md),? \"([^\"\n]+)\"")


@cache
def tracked() -> tuple[Path, ...]:
    """The text files git tracks, as paths relative to the repository root."""
    try:
        out = subprocess.run(
            ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout: there is no list of tracked files")
    files = []
    for name in out.decode().split("\0"):
        path = ROOT / name
        if name and path.is_file() and b"\0" not in path.read_bytes():
            files.append(Path(name))
    return tuple(files)


def text(path: Path) -> str:
    return (ROOT / path).read_text(encoding="utf-8", errors="replace")


def citations(content: str) -> list[str]:
    """The private notes ``content`` cites, one entry per line that cites one."""
    return [
        f"{number}: {line.strip()}"
        for number, line in enumerate(content.splitlines(), 1)
        if any(word in line for word in FORBIDDEN)
    ]


def prose(markdown: str) -> str:
    """Markdown without its fenced blocks and code spans, where links and headings are not."""
    return _CODE_SPAN.sub("", _FENCE.sub("", markdown))


def slug(heading: str) -> str:
    """The anchor GitHub gives a heading."""
    plain = re.sub(r"[^\w\- ]", "", heading.replace("`", "").strip().lower())
    return plain.replace(" ", "-")


def anchors(markdown: str) -> set[str]:
    seen: dict[str, int] = {}
    out = set()
    for heading in _HEADING.findall(_FENCE.sub("", markdown)):
        base = slug(heading)
        count = seen.get(base, 0)
        seen[base] = count + 1
        out.add(base if count == 0 else f"{base}-{count}")
    return out


def section_titles(markdown: str) -> list[str]:
    """Headings and bold lead-ins (``**Token.** …``), without backticks, case-folded."""
    body = _FENCE.sub("", markdown)
    titles = _HEADING.findall(body) + _LEAD_IN.findall(body)
    return [t.replace("`", "").strip().casefold() for t in titles]


def broken_links(path: Path, root: Path = ROOT) -> list[str]:
    """The links of the markdown file ``root/path`` whose file or heading does not exist."""
    problems = []
    source = root / path
    for target in _LINK.findall(prose(source.read_text(encoding="utf-8"))):
        if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.IGNORECASE):
            continue  # https:, mailto: — not a repository file
        file_part, _, anchor = target.partition("#")
        resolved = source.parent / file_part if file_part else source
        if not resolved.exists():
            problems.append(f"{path}: {target} (no such file)")
        elif anchor and resolved.suffix == ".md" and anchor not in anchors(resolved.read_text()):
            problems.append(f"{path}: {target} (no such heading)")
    return problems


def test_nothing_cites_the_private_notes():
    found = [f"{path}:{hit}" for path in tracked() for hit in citations(text(path))]
    assert not found, "cites a file the repository does not have:\n" + "\n".join(found)


def test_the_check_finds_each_private_citation():
    # The scanner above must see every spelling it exists to forbid.
    for word in FORBIDDEN:
        assert citations(f"ok\nsee {word} for this\n") == [f"2: see {word} for this"]
    assert citations("docs/hex-api.md, 'Rate limits'; docs/plan.md") == []


def test_markdown_links_point_at_files_and_headings_that_exist():
    pages = [
        p
        for p in tracked()
        if p.suffix == ".md" and (p.parts[0] == "docs" or p == Path("README.md"))
    ]
    assert Path("docs/hex-api.md") in pages
    problems = [problem for page in pages for problem in broken_links(page)]
    assert not problems, "\n".join(problems)


def test_the_link_check_finds_a_missing_file_and_a_missing_heading(tmp_path):
    page = tmp_path / "guide" / "page.md"
    page.parent.mkdir()
    page.write_text(
        "# Page\n\n## Two words\n\n[ok](page.md#two-words) [web](https://example.com/x.md)\n"
        "[gone](missing.md) [bad](page.md#three) `[code](nowhere.md)`\n"
        "```\n[fenced](nowhere.md)\n```\n",
        encoding="utf-8",
    )
    assert broken_links(Path("guide/page.md"), tmp_path) == [
        "guide/page.md: missing.md (no such file)",
        "guide/page.md: page.md#three (no such heading)",
    ]


def test_named_docs_files_and_cited_sections_exist():
    problems = []
    for path in tracked():
        content = text(path)
        for name in _DOCS_FILE.findall(content):
            if not (ROOT / name).exists():
                problems.append(f"{path}: {name} (no such file)")
        for name, title in _SECTION.findall(content):
            page = ROOT / name
            wanted = title.casefold()
            if page.exists() and not any(
                t.startswith(wanted) for t in section_titles(text(Path(name)))
            ):
                problems.append(f'{path}: {name}, "{title}" (no such section)')
    assert not problems, "\n".join(problems)
