"""A credential pasted in the wrong place is never printed back (issue #9 item 7, #15 item 6).

Each case runs the real command line; the secret must be absent from stdout and stderr, and the
error must still say what is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from hexsync.cli.main import cli

SECRET = "s3cr3tPassw0rd"
TOKEN = "hxtw_0123456789abcdefSECRET"


def _run(args: list[str], env: dict[str, str]) -> tuple[int, str]:
    result = CliRunner().invoke(cli, args, env={"HEX_API_TOKEN": "hxtw_x", **env})
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.exit_code, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("url", "said"),
    [
        (f"https://u:{SECRET}@host:abc", "must not contain credentials"),
        (f"https://u:{SECRET}@app.hex.tech", "must not contain credentials"),
        (f"https://app.hex.tech/?token={SECRET}", "query"),
        (f"https://app.hex.tech/#{SECRET}", "query or fragment"),
        (f"https://{TOKEN}@host:x", "must not contain credentials"),
        (f"{SECRET}@app.hex.tech", "no scheme"),
        (f"https://app.hex.tech:{SECRET}/?a=b", "query"),
        (f"https://u:a@{SECRET}@host/", "credentials"),
    ],
)
def test_a_credential_in_the_api_url_is_never_echoed(url: str, said: str) -> None:
    secret = TOKEN if TOKEN in url else SECRET
    for args, env in (
        (["--api-url", url, "groups", "list"], {}),
        (["groups", "list"], {"HEX_API_URL": url}),
    ):
        code, out = _run(args, env)
        assert code == 1, out
        assert said in out
        assert secret not in out
        assert "[REDACTED]" in out


def test_a_port_that_is_not_a_number_names_the_problem_without_the_url_text() -> None:
    code, out = _run(["--api-url", f"https://host:{SECRET}", "groups", "list"], {})
    assert code == 1
    assert "port that is not a number" in out
    assert SECRET not in out  # port text could be a pasted token: urllib's message quotes it


@pytest.mark.parametrize("value", [TOKEN, "hxtp_personalSECRET", "notatoken-but-secret"])
def test_a_token_given_to_token_file_is_never_echoed(
    value: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # a relative name that does not exist, as a pasted token is
    code, out = _run(["--token-file", value, "groups", "list"], {})
    assert code == 1
    assert "cannot read the file given to --token-file" in out
    assert "No such file" in out
    assert value not in out
    assert value[5:] not in out


def test_a_token_file_that_is_a_directory_is_refused_without_its_name(tmp_path: Path) -> None:
    folder = tmp_path / TOKEN
    folder.mkdir()
    code, out = _run(["--token-file", str(folder), "groups", "list"], {})
    assert code == 1
    assert "--token-file" in out
    assert TOKEN not in out


@pytest.mark.parametrize(
    "token", ["plainvalue0123456789", "hxtw_0123456789abcdefPATH"], ids=["unprefixed", "prefixed"]
)
@pytest.mark.parametrize("command", [["users", "list"], ["plan", "MANIFESTS"]])
def test_the_token_pasted_into_the_api_url_path_is_masked(
    token: str, command: list[str], tmp_path: Path
) -> None:
    # Issue 27, item 15: the URL was quoted whole in "is a page of a workspace, not its host".
    (tmp_path / "m.yaml").write_text("version: 1\ngroups: [{name: Analysts}]\n")
    command = [str(tmp_path) if c == "MANIFESTS" else c for c in command]
    url = f"http://127.0.0.1:9/{token}"
    result = CliRunner().invoke(cli, ["--api-url", url, *command], env={"HEX_API_TOKEN": token})
    out = result.stdout + result.stderr
    assert result.exit_code == 1, out
    assert "is a page of a workspace, not its host" in out
    assert token not in out
    assert "[REDACTED]" in out


def test_a_token_read_from_a_file_is_masked_in_later_messages(tmp_path: Path) -> None:
    token = "fromafile0123456789xyz"
    (tmp_path / "token").write_text(token)
    url = f"http://127.0.0.1:9/api/v1/{token}"
    result = CliRunner().invoke(
        cli, ["--api-url", url, "--token-file", str(tmp_path / "token"), "users", "list"], env={}
    )
    out = result.stdout + result.stderr
    assert result.exit_code == 1, out
    assert token not in out
