"""Base URL rules, token loading and --rate-limit parsing."""

from __future__ import annotations

from pathlib import Path

import pytest

from hexsync.errors import ConfigError
from hexsync.hexapi import Token, load_token, normalize_base_url, parse_rate_limit
from hexsync.hexapi.config import RateLimit


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("https://app.hex.tech", "https://app.hex.tech/api/v1"),
        ("https://app.hex.tech/", "https://app.hex.tech/api/v1"),
        ("https://eu.hex.tech", "https://eu.hex.tech/api/v1"),
        ("https://acme.hex.tech/api/v1", "https://acme.hex.tech/api/v1"),
        ("https://acme.hex.tech/api/v1/", "https://acme.hex.tech/api/v1"),
        ("https://acme.hex.tech/api", "https://acme.hex.tech/api/v1"),
        ("HTTPS://App.Hex.Tech", "https://app.hex.tech/api/v1"),
        ("http://127.0.0.1:8765", "http://127.0.0.1:8765/api/v1"),
        ("http://127.1.2.3:80/api/v1", "http://127.1.2.3:80/api/v1"),
        ("http://localhost:5000", "http://localhost:5000/api/v1"),
        ("http://[::1]:5000", "http://[::1]:5000/api/v1"),
    ],
)
def test_base_urls_normalise_to_the_api_root(given: str, expected: str) -> None:
    assert normalize_base_url(given) == expected


@pytest.mark.parametrize(
    "given",
    [
        "http://app.hex.tech",  # the token would travel in clear
        "http://10.0.0.5:8000",
        "http://localhost.evil.com",
        "ftp://app.hex.tech",
        "app.hex.tech",
        "https://user:pw@app.hex.tech",
        "https://app.hex.tech/?x=1",
        "https://",
        "",
    ],
)
def test_bad_base_urls_are_refused_with_a_config_error(given: str) -> None:
    with pytest.raises(ConfigError):
        normalize_base_url(given)


def test_plain_http_refusal_says_why() -> None:
    with pytest.raises(ConfigError, match="unencrypted"):
        normalize_base_url("http://app.hex.tech")


def test_token_from_the_environment() -> None:
    token = load_token(environ={"HEX_API_TOKEN": "  hxtp_abc123\n"})
    assert token.reveal() == "hxtp_abc123"
    assert token.kind == "personal"


def test_token_file_wins_over_the_environment(tmp_path: Path) -> None:
    path = tmp_path / "token"
    path.write_text("hxtw_fromfile\n")
    token = load_token(path, environ={"HEX_API_TOKEN": "hxtp_fromenv"})
    assert token.reveal() == "hxtw_fromfile"


def test_missing_token_says_how_to_give_one() -> None:
    with pytest.raises(ConfigError) as info:
        load_token(environ={})
    assert "HEX_API_TOKEN" in str(info.value)
    assert "--token-file" in str(info.value)


def test_unreadable_and_empty_token_files(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read"):
        load_token(tmp_path / "absent", environ={})
    empty = tmp_path / "empty"
    empty.write_text("\n")
    with pytest.raises(ConfigError, match="empty"):
        load_token(empty, environ={})
    two = tmp_path / "two"
    two.write_text("hxtp_a\nhxtp_b\n")
    with pytest.raises(ConfigError, match="single token"):
        load_token(two, environ={})


def test_a_token_never_shows_in_repr_or_str() -> None:
    token = Token("hxtp_verysecretvalue")
    assert "verysecret" not in repr(token)
    assert "verysecret" not in str(token)
    assert "verysecret" not in f"{token}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("20/min", RateLimit(20, 60.0)),
        ("20/minute", RateLimit(20, 60.0)),
        ("20", RateLimit(20, 60.0)),
        ("1000/h", RateLimit(1000, 3600.0)),
        ("2/s", RateLimit(2, 1.0)),
        (" 15 / min ", RateLimit(15, 60.0)),
        ("20/mins", RateLimit(20, 60.0)),
        ("100/hours", RateLimit(100, 3600.0)),
        ("5/secs", RateLimit(5, 1.0)),
    ],
)
def test_rate_limits_parse(text: str, expected: RateLimit) -> None:
    assert parse_rate_limit(text) == expected


@pytest.mark.parametrize(
    "text",
    # 20/ms and 20/hs used to be read as 20/min and 20/h; 20/ was 20/min; ٣ is not an ASCII digit.
    ["", "fast", "0/min", "-3/min", "20/fortnight", "2.5/min", "20/ms", "20/hs", "20/", "٣/min"],
)
def test_bad_rate_limits_are_refused(text: str) -> None:
    with pytest.raises(ConfigError, match="N/min"):
        parse_rate_limit(text)
