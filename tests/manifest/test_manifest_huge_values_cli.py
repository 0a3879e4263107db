"""Huge durations and numbers in a manifest: `validate` and `plan` print one located line and
exit 1, never a traceback (they used to: OverflowError in plan, ValueError past 4,300 digits)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from hexsync.cli.main import cli
from hexsync.emulator.background import running_emulator
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import load_seed

pytestmark = pytest.mark.slow

ACME = Path(__file__).resolve().parents[2] / "examples" / "acme"
RULE = """version: 1
groups:
  - name: Analysts
rules:
  - name: stale
    match: {{last_viewed: {{older_than: {older}}}, created: {{after: {after}}}}}
    sharing: {{groups: {{Analysts: CAN_VIEW}}}}
"""
DIGITS = "7" * 4400  # past Python's 4,300-digit limit on reading a whole number

# (manifest, the located line validate and plan must print)
HUGE = {
    "days": (
        RULE.format(older="9999999999d", after="1d"),
        "m.yaml:6:39: rules[0].match.last_viewed.older_than: '9999999999d' is too long a duration",
    ),
    "years": (
        RULE.format(older="1d", after="100000y"),
        "m.yaml:6:61: rules[0].match.created.after: '100000y' is too long a duration",
    ),
    "zone offset": (
        RULE.format(older="1d", after="'2024-01-01T00:00+99:00'"),
        "m.yaml:6:61: rules[0].match.created.after: '2024-01-01T00:00+99:00'"
        " is not a date or a duration",
    ),
    "digits in a priority": (
        RULE.format(older="1d", after="1d") + f"    priority: {DIGITS}\n",
        "m.yaml:8:15: rules[0].priority: the number 77777777777777777777… (4,400 characters)"
        " is too large",
    ),
    "digits in a member list": (
        f"version: 1\ngroups:\n  - name: Analysts\n    members: [{DIGITS}]\n",
        "m.yaml:4:15: groups[0].members[0]: the number 77777777777777777777… (4,400 characters)"
        " is too large",
    ),
    "a huge max_destroy": (
        "version: 1\npolicy:\n  max_destroy: 100000000000000000000\n",
        "m.yaml:3:16: policy.max_destroy: the number 100000000000000000000 is too large",
    ),
}


@pytest.fixture(scope="module")
def url() -> Iterator[str]:
    with running_emulator(load_seed(ACME / "seed.yaml"), EmulatorConfig(rate_limits=None)) as base:
        yield base


def _run(args: list[str], url: str) -> Result:
    env = {"HEX_API_URL": url, "HEX_API_TOKEN": "hxtw_demo", "NO_COLOR": "1"}
    return CliRunner().invoke(cli, args, env=env)


def _refused_with(result: Result, line: str) -> None:
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    assert line in result.output.splitlines(), result.output


@pytest.mark.timeout(30)
@pytest.mark.parametrize("case", sorted(HUGE))
def test_validate_refuses_a_huge_value_with_one_located_line(case, tmp_path, monkeypatch, url):
    text, line = HUGE[case]
    (tmp_path / "m.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _refused_with(_run(["validate", "m.yaml"], url), line)


@pytest.mark.timeout(30)
@pytest.mark.parametrize("case", sorted(HUGE))
def test_plan_refuses_a_huge_value_with_one_located_line(case, tmp_path, monkeypatch, url):
    text, line = HUGE[case]
    (tmp_path / "m.yaml").write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _refused_with(_run(["plan", "m.yaml"], url), line)


@pytest.mark.parametrize("longest", ["999y", "9999w", "99999d", "999999h"])
def test_the_longest_durations_allowed_still_plan(longest, tmp_path, monkeypatch, url):
    (tmp_path / "m.yaml").write_text(RULE.format(older=longest, after=longest), "utf-8")
    monkeypatch.chdir(tmp_path)
    result = _run(["plan", "m.yaml", "--format", "json"], url)
    assert result.exit_code == 0, result.output
