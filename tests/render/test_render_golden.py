"""The three renderings of a rich plan, compared with reviewed golden files.

After a deliberate change to a rendering: HEXSYNC_UPDATE_GOLDEN=1 pytest tests/render, then read
the diff of tests/render/golden/ before committing it.
"""

from __future__ import annotations

import re

from render_support import assert_golden, rich_plan

from hexsync.render import render_json, render_markdown, render_text

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def test_text_matches_golden() -> None:
    assert_golden("rich.txt", render_text(rich_plan()))


def test_coloured_text_matches_golden() -> None:
    assert_golden("rich.color.txt", render_text(rich_plan(), color=True))


def test_markdown_matches_golden() -> None:
    assert_golden("rich.md", render_markdown(rich_plan()))


def test_json_matches_golden() -> None:
    assert_golden("rich.json", render_json(rich_plan()))


def test_colour_adds_codes_around_the_same_text() -> None:
    plain = render_text(rich_plan())
    coloured = render_text(rich_plan(), color=True)
    assert ANSI.sub("", coloured) == plain
    assert "\x1b[" not in plain
    lines = coloured.splitlines()
    # signs by action: green create, yellow update, red delete; widening in bold red
    assert '  \x1b[32m+\x1b[0m collection "Partners"' in lines
    assert '  \x1b[33m~\x1b[0m group "Analysts"' in lines
    assert (
        '  \x1b[31m-\x1b[0m user "mallory@acme.com"'
        " (deactivate: irreversible, the API cannot reactivate)" in lines
    )
    assert coloured.count("\x1b[1;31m! widens access\x1b[0m") == 4
    assert "\x1b[1;31mRefused\x1b[0m" in lines


def test_a_changed_rendering_fails_with_a_diff_and_the_switch_rewrites(
    tmp_path, monkeypatch
) -> None:
    monkeypatch.delenv("HEXSYNC_UPDATE_GOLDEN", raising=False)
    (tmp_path / "g.txt").write_text("one\ntwo\n", encoding="utf-8")
    try:
        assert_golden("g.txt", "one\nthree\n", directory=tmp_path)
    except AssertionError as exc:
        message = str(exc)
    else:
        raise AssertionError("a differing rendering passed")
    assert "HEXSYNC_UPDATE_GOLDEN=1" in message
    assert "-two\n+three\n" in message
    monkeypatch.setenv("HEXSYNC_UPDATE_GOLDEN", "1")
    assert_golden("g.txt", "one\nthree\n", directory=tmp_path)
    assert (tmp_path / "g.txt").read_text(encoding="utf-8") == "one\nthree\n"
