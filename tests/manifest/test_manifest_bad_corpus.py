"""Every file (or directory) under bad/ holds one mistake and declares the line validate must print.

The first line of the file is ``# expect: LINE:COLUMN: PATH: MESSAGE``; an optional second line
``# hint: TEXT`` is the hint that must follow. For a directory case, the file carrying the
``# expect`` line is the one the problem must name.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from hexsync.cli.main import cli

BAD = Path(__file__).parent / "bad"
CASES = sorted(p.name for p in BAD.iterdir() if not p.name.startswith("."))


def _expectation(case: Path) -> tuple[str, str, str | None]:
    files = sorted(case.rglob("*")) if case.is_dir() else [case]
    for file in files:
        if not file.is_file():
            continue
        lines = file.read_bytes().decode("utf-8", "replace").splitlines()
        if lines and lines[0].startswith("# expect: "):
            hint = lines[1].removeprefix("# hint: ") if lines[1].startswith("# hint: ") else None
            return file.relative_to(BAD).as_posix(), lines[0].removeprefix("# expect: "), hint
    raise AssertionError(f"{case} declares no '# expect:' line")


def test_the_corpus_is_big_enough():
    assert len(CASES) >= 40


@pytest.mark.timeout(10)
@pytest.mark.parametrize("case", CASES)
def test_bad_manifest_is_refused_with_its_location_and_message(case, monkeypatch):
    shown, expected, hint = _expectation(BAD / case)
    monkeypatch.chdir(BAD)
    result = CliRunner().invoke(cli, ["validate", case])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    assert not isinstance(result.exception, Exception) or isinstance(result.exception, SystemExit)
    lines = result.output.splitlines()
    assert f"{shown}:{expected}" in lines, result.output
    if hint is not None:
        assert lines[lines.index(f"{shown}:{expected}") + 1] == f"  hint: {hint}"
