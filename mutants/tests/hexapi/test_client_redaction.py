"""With -v the request log shows every request and never the token, wherever output goes."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from hexapi_support import TOKEN, Script

from hexsync.cli.client_factory import build_client
from hexsync.errors import ConfigError
from hexsync.hexapi import HexApiError, HexClient, UnauthorizedError, redact
from hexsync.hexapi.log import LOGGER_NAME, RedactingFilter
from hexsync.hexapi.retry import NO_RETRY

pytestmark = pytest.mark.anyio


@dataclass(frozen=True)
class Opts:
    api_url: str = "http://127.0.0.1:9"
    token_file: Path | None = None
    verbose: int = 1
    rate_limit: str | None = "off"


@pytest.fixture(autouse=True)
def _no_leftover_handlers() -> None:
    yield
    logger = logging.getLogger(LOGGER_NAME)
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
    logger.setLevel(logging.NOTSET)


def test_redact_masks_tokens_and_bearer_credentials() -> None:
    text = (
        "Authorization: Bearer hxtw_abc.DEF-123 and hxtp_zzz9, "
        "{'authorization': 'Bearer custom-secret'} custom-secret"
    )
    out = redact(text, ["custom-secret"])
    assert "abc.DEF" not in out
    assert "zzz9" not in out
    assert "custom-secret" not in out
    assert " and " in out  # only the credentials go
    assert out.count("[REDACTED]") == 4


def test_the_filter_redacts_args_and_exception_text(capfd: pytest.CaptureFixture[str]) -> None:
    logger = logging.getLogger("hexsync.test.redaction")
    handler = logging.StreamHandler()
    handler.addFilter(RedactingFilter([TOKEN]))
    logger.addHandler(handler)
    try:
        try:
            raise RuntimeError(f"header was Bearer {TOKEN}")
        except RuntimeError:
            logger.exception("failed with %s", TOKEN)
    finally:
        logger.removeHandler(handler)
    captured = capfd.readouterr()
    assert "failed with" in captured.err
    assert TOKEN not in captured.err + captured.out


async def test_verbose_log_lists_requests_without_the_token(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    token_file = tmp_path / "token"
    token_file.write_text(TOKEN + "\n")
    script = Script(
        httpx.Response(503, json={"reason": "busy"}),
        httpx.Response(200, json={"values": [], "pagination": {"after": None, "before": None}}),
    )
    client = build_client(Opts(token_file=token_file), environ={}, transport=script.transport)
    client.retry = client.retry.__class__(base=0.0)
    async with client as hex_:
        await hex_.list_groups()
    wrong = Script(httpx.Response(401, json={"reason": f"bad token {TOKEN}"}))
    client = build_client(Opts(token_file=token_file), environ={}, transport=wrong.transport)
    async with client as hex_:
        with pytest.raises(UnauthorizedError) as info:
            await hex_.me()
        logging.getLogger(LOGGER_NAME).error("failure: %s", info.value.body)
    captured = capfd.readouterr()
    assert "GET /api/v1/groups?limit=500 -> 503" in captured.err
    assert "GET /api/v1/groups?limit=500 -> 200" in captured.err
    assert "requests (ListGroups 2)" in captured.err
    assert TOKEN not in captured.out
    assert TOKEN not in captured.err
    assert script.requests[0].headers["Authorization"] == f"Bearer {TOKEN}"
    for path in tmp_path.rglob("*"):
        if path.is_file() and path != token_file:
            assert TOKEN not in path.read_text(errors="replace")


def test_the_factory_needs_a_token_and_never_reads_argv() -> None:
    with pytest.raises(ConfigError, match="HEX_API_TOKEN"):
        build_client(Opts(), environ={})
    client = build_client(Opts(api_url="https://eu.hex.tech"), environ={"HEX_API_TOKEN": TOKEN})
    assert client.base_url == "https://eu.hex.tech/api/v1"
    assert TOKEN not in repr(client)


def test_the_factory_refuses_plain_http_off_loopback() -> None:
    with pytest.raises(ConfigError, match="unencrypted"):
        build_client(Opts(api_url="http://app.hex.tech"), environ={"HEX_API_TOKEN": TOKEN})


@pytest.mark.parametrize("token", [TOKEN, "plain-secret-without-a-prefix-42"])
@pytest.mark.parametrize(
    "answer",
    [
        lambda t: httpx.Response(401, json={"reason": f"bad token {t}", "traceId": "t-1"}),
        lambda t: httpx.Response(401, json={"code": "UNAUTHORIZED", "message": f"no: {t}"}),
        lambda t: httpx.Response(502, text=f"<html>proxy saw Bearer {t} and hxtp_other123</html>"),
        lambda t: httpx.Response(200, text=f"not json {t}"),
        lambda t: httpx.Response(200, json={"values": f"{t}"}),
    ],
)
async def test_a_token_echoed_in_an_answer_never_reaches_the_error(
    token: str, answer: Callable[[str], httpx.Response]
) -> None:
    script = Script(answer(token))
    hex_ = HexClient(
        token, "https://acme.hex.tech", transport=script.transport, retry=NO_RETRY, pacing=False
    )
    async with hex_:
        with pytest.raises(HexApiError) as info:
            await hex_.list_groups()
    err = info.value
    shown = " ".join(
        str(part) for part in (err, repr(err), err.api_message, err.body, err.args, err.hint)
    )
    assert token not in shown
    assert "hxtp_other123" not in shown
    assert "[REDACTED]" in shown
