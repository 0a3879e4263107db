"""The CI glue's shared pieces: bodies that fit the forge, usage, missing settings."""

from __future__ import annotations

import subprocess
import sys

import pytest

from hexsync.ci._common import BODY_LIMIT, CUT_NOTE, CiError, env, with_marker


def test_a_body_too_long_for_a_comment_is_cut_with_a_note_and_keeps_its_marker() -> None:
    text = with_marker("<!-- m -->", "x" * (2 * BODY_LIMIT))
    assert len(text) == BODY_LIMIT
    assert text.startswith("<!-- m -->\n")
    assert text.endswith(CUT_NOTE)
    short = with_marker("<!-- m -->", "plan")
    assert short == "<!-- m -->\nplan"


def test_a_missing_setting_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_REPOSITORY", raising=False)
    with pytest.raises(CiError, match="GITHUB_REPOSITORY is not set"):
        env("GITHUB_REPOSITORY")
    assert env("GITHUB_REPOSITORY", "fallback") == "fallback"


@pytest.mark.parametrize("module", ["hexsync.ci.github", "hexsync.ci.gitlab"])
def test_an_unknown_mode_prints_the_usage(module: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", module, "destroy"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 1
    assert done.stderr.strip() == f"usage: python -m {module} plan|apply|drift"
