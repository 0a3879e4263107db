"""The CI glue's shared pieces: bodies that fit the forge, usage, missing settings."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from hexsync.ci._common import BODY_LIMIT, CUT_NOTE, CiError, check_host, env, with_marker


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


@pytest.mark.parametrize(
    ("api_url", "job_api_url", "allowed"),
    [
        ("https://app.hex.tech", "https://app.hex.tech", True),
        ("https://acme.hex.tech/api/v1", "https://app.hex.tech", True),
        ("https://EU.Hex.Tech.", "https://app.hex.tech", True),
        ("http://127.0.0.1:8123", "https://app.hex.tech", True),  # an emulator in the job
        ("https://proxy.acme.example", "https://proxy.acme.example/api/v1", True),
        ("https://proxy.acme.example:8443", "https://proxy.acme.example", False),
        ("http://eu.hex.tech", "https://app.hex.tech", False),
        ("https://hex.tech.attacker.example", "https://app.hex.tech", False),
        ("https://attackerhex.tech", "https://app.hex.tech", False),
        ("https://app.hex.tech@attacker.example", "https://app.hex.tech", False),
        ("https://attacker.example\\.hex.tech", "https://app.hex.tech", False),
        ("https://attacker.example", "", False),
    ],
)
def test_a_workspace_job_sends_its_token_to_hex_or_the_jobs_own_host_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, api_url: str, job_api_url: str, allowed: bool
) -> None:
    (tmp_path / "hexsync.yaml").write_text(
        "version: 1\nworkspaces:\n  - name: us\n"
        f"    api_url: '{api_url}'\n    token_env: HEX_TOKEN_US\n    manifests: [m/]\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HEX_API_URL", job_api_url)
    if allowed:
        check_host("us")
    else:
        with pytest.raises(CiError, match=r"which is not a Hex host|is not the URL of a host"):
            check_host("us")
