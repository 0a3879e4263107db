"""``hexsync.yaml``: read, checked, located; a token written in it refused and never shown."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from hexsync.cli.main import cli
from hexsync.manifest.workspaces import find_config, looks_like_token, read_config

TOKEN = "hxtw_Zk3p9QmX7vLr2TnB8wYc4HdJ"

GOOD = """\
version: 1
workspaces:
  - name: us
    api_url: https://app.hex.tech
    token_env: HEX_TOKEN_US
    manifests: [base/, us/]
  - name: eu
    api_url: https://eu.hex.tech
    token_file: secrets/eu-token
    manifests: [base/, eu/]
    policy: {max_destroy: 3}
"""

MANIFEST = "version: 1\ngroups:\n  - name: Analysts\n"


def _tree(tmp_path: Path, config: str = GOOD) -> Path:
    (tmp_path / "hexsync.yaml").write_text(config, encoding="utf-8")
    for layer in ("base", "us", "eu"):
        (tmp_path / layer).mkdir()
    (tmp_path / "base" / "base.yaml").write_text(MANIFEST, encoding="utf-8")
    (tmp_path / "us" / "us.yaml").write_text("groups:\n  - name: US team\n", encoding="utf-8")
    (tmp_path / "eu" / "eu.yaml").write_text("groups:\n  - name: EU team\n", encoding="utf-8")
    return tmp_path / "hexsync.yaml"


def test_the_workspaces_are_read_with_paths_beside_the_file(tmp_path: Path) -> None:
    config, problems = read_config(_tree(tmp_path), relative_to=tmp_path)
    assert problems == []
    assert config is not None
    assert config.names == ("us", "eu")
    us, eu = config.workspaces
    assert (us.token_env, us.token_file) == ("HEX_TOKEN_US", None)
    assert eu.token_file == tmp_path.resolve() / "secrets" / "eu-token"
    assert eu.layers == (tmp_path.resolve() / "base", tmp_path.resolve() / "eu")
    assert eu.policy == {"max_destroy": 3}
    assert str(eu.mark) == "hexsync.yaml:7:5"


def test_the_file_is_found_from_a_folder_below(tmp_path: Path) -> None:
    path = _tree(tmp_path)
    assert find_config(tmp_path / "us") == path.resolve()
    assert find_config(tmp_path.parent) in (None, *(p / "hexsync.yaml" for p in tmp_path.parents))


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        (
            GOOD.replace("token_env: HEX_TOKEN_US", "token_envv: HEX_TOKEN_US"),
            ["hexsync.yaml:5:5: workspaces[0].token_envv: unknown key 'token_envv' (did you mean"],
        ),
        (
            GOOD.replace("name: eu", "name: us"),
            ["hexsync.yaml:7:11: workspaces[1].name: duplicate workspace name 'us'; first at"],
        ),
        (
            GOOD.replace("name: eu", "name: US"),
            ["hexsync.yaml:7:11: workspaces[1].name: workspace name 'US' differs from 'us' only"],
        ),
        (
            GOOD.replace("    token_file: secrets/eu-token\n", ""),
            ["hexsync.yaml:7:5: workspaces[1]: workspace 'eu' says not where its token is"],
        ),
        (
            GOOD.replace("token_env: HEX_TOKEN_US", "token_env: HEX_TOKEN_US\n    token_file: t"),
            ["hexsync.yaml:3:5: workspaces[0]: workspace 'us' names two token sources"],
        ),
    ],
    ids=[
        "unknown key",
        "duplicate name",
        "a name in another case",
        "no token source",
        "two token sources",
    ],
)
def test_mistakes_are_located(tmp_path: Path, config: str, expected: list[str]) -> None:
    found, problems = read_config(_tree(tmp_path, config), relative_to=tmp_path)
    assert found is None
    shown = [str(p) for p in problems]
    assert len(shown) >= len(expected)
    for want in expected:
        assert any(s.startswith(want) for s in shown), (want, shown)


@pytest.mark.parametrize(
    ("key", "value", "token"),
    [
        ("token_env", TOKEN, True),
        ("token", "anything-at-all", True),
        ("note", "Zk3p9QmX7vLr2TnB8wYc4HdJqq", True),
        ("token_env", "HEX_TOKEN_PRODUCTION_WORKSPACE", False),
        ("token_file", "secrets/hex-token-for-the-eu-workspace", False),
        ("api_url", "https://eu.hex.tech", False),
        ("org", "5a8591dd-4039-49df-9202-96385ba3eff8", False),
    ],
)
def test_what_looks_like_a_token(key: str, value: str, token: bool) -> None:
    assert looks_like_token(key, value) is token


@pytest.mark.parametrize("where", ["token_env", "token"])
def test_validate_refuses_a_token_in_the_file_and_never_prints_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    config = GOOD.replace("token_env: HEX_TOKEN_US", f"{where}: {TOKEN}")
    if where == "token":
        config = config.replace("  - name: us\n", "  - name: us\n    token_env: HEX_TOKEN_US\n")
    _tree(tmp_path, config)
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    result = runner.invoke(cli, ["validate"])
    assert result.exit_code == 1, result.output
    assert "looks like a token written into the file" in result.output
    assert "hexsync.yaml:" in result.output
    as_json = runner.invoke(cli, ["validate", "--format", "json"])
    # -w reads the file too, and refuses it the same way before anything is sent
    chosen = runner.invoke(cli, ["-w", "us", "plan"], env={"HEX_TOKEN_US": "hxtw_x"})
    assert chosen.exit_code == 1
    assert "looks like a token written into the file" in chosen.output
    for output in (result.output, as_json.output, chosen.output):
        assert TOKEN not in output
        assert TOKEN[5:] not in output
    assert json.loads(as_json.output)["ok"] is False


def test_validate_checks_every_workspace_s_layers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _tree(tmp_path)
    (tmp_path / "eu" / "eu.yaml").write_text("groups:\n  - name: 3\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["validate"])
    assert result.exit_code == 1
    assert "eu/eu.yaml:2:11: groups[0].name: expected a string" in result.output
    (tmp_path / "eu" / "eu.yaml").write_text("groups:\n  - name: EU\n", encoding="utf-8")
    assert CliRunner().invoke(cli, ["validate"]).exit_code == 0


def test_an_unknown_workspace_names_the_others(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path / "us")  # found from a folder below
    result = CliRunner().invoke(cli, ["plan", "-w", "euu"])
    assert result.exit_code == 1
    assert "no workspace 'euu' in" in result.output
    assert "did you mean 'eu'?" in result.output


def test_no_file_anywhere_is_a_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["--config", "nope.yaml", "-w", "us", "plan"])
    assert result.exit_code == 1
    assert "--config nope.yaml: no such file" in result.output


def test_a_host_or_token_beside_the_workspace_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["--api-url", "https://x.hex.tech", "-w", "us", "plan"])
    assert result.exit_code == 1
    assert "--api-url and --workspace" in result.output
