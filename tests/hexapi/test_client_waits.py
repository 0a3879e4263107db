"""Rate-limit waits as a person watching a CI log meets them: said in words, and said again
while a long one goes on (stderr, the emulator's clock moved by the client's own sleeps)."""

from __future__ import annotations

import asyncio
import logging
import re

import httpx
import pytest
from hexapi_support import TOKEN, small_seed

from hexsync.cli.client_factory import _progress_line
from hexsync.emulator.app import create_app
from hexsync.emulator.clock import ManualClock
from hexsync.emulator.config import DEFAULT_RATE_LIMITS, EmulatorConfig
from hexsync.emulator.seed import Seed
from hexsync.hexapi import OPS, HexClient
from hexsync.hexapi.operations import PHRASES

pytestmark = pytest.mark.anyio


class _Workspace:
    """The emulator at Hex's limits, and a client whose sleeps move its clock (stamped lines)."""

    def __init__(self) -> None:
        self.clock = ManualClock()
        app = create_app(
            Seed.from_dict(small_seed()),
            EmulatorConfig(rate_limits=DEFAULT_RATE_LIMITS),
            clock=self.clock,
        )
        self.transport = httpx.ASGITransport(app=app)
        self.said: list[tuple[float, str]] = []

    async def sleep(self, seconds: float) -> None:
        self.clock.advance(seconds)
        await asyncio.sleep(0)

    def note(self, line: str) -> None:
        self.said.append((self.clock.now(), line))
        _progress_line(line)  # what the CLI prints: on stderr, TTY or not

    def client(self) -> HexClient:
        return HexClient(
            TOKEN,
            "http://127.0.0.1",
            transport=self.transport,
            clock=self.clock.now,
            sleep=self.sleep,
            notify=self.note,
        )


async def test_a_minute_long_wait_says_so_in_words_and_again_every_15_s(
    capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    ws = _Workspace()
    async with ws.client() as client:
        for _ in range(30):  # the users group's burst
            await client.me()
        start = ws.clock.now()
        with caplog.at_level(logging.INFO, logger="hexsync"):
            await client.me()  # the 31st waits for the first token to come back
    assert ws.clock.now() - start == pytest.approx(60.25)
    captured = capsys.readouterr()
    assert captured.out == ""  # stdout stays the command's output (--json)
    assert captured.err.splitlines() == [
        "hexsync: waiting 60 s for the rate limit before checking the token",
        "hexsync: still waiting (45 s left) before checking the token",
        "hexsync: still waiting (30 s left) before checking the token",
        "hexsync: still waiting (15 s left) before checking the token",
    ]
    assert [at - start for at, _ in ws.said] == pytest.approx([0, 15, 30, 45])
    # The operation's id is still in the -v log.
    assert any(
        re.search(r"\bMe waits 60\.2 s for rate-limit group hex-api-30rpm", r.message)
        for r in caplog.records
    )


async def test_a_short_wait_is_said_once(capsys: pytest.CaptureFixture[str]) -> None:
    ws = _Workspace()
    async with ws.client() as client:
        for _ in range(30):
            await client.me()
        ws.clock.advance(48)
        await client.me()  # 12 s left of the minute
    assert capsys.readouterr().err.splitlines() == [
        "hexsync: waiting 12 s for the rate limit before checking the token"
    ]


async def test_a_429_wait_says_what_waits_and_that_it_goes_on(
    capsys: pytest.CaptureFixture[str],
) -> None:
    ws = _Workspace()
    async with httpx.AsyncClient(transport=ws.transport, base_url="http://127.0.0.1") as other:
        for _ in range(30):  # another job spent this minute's quota: the read meets 429
            await other.get("/api/v1/groups", headers={"Authorization": f"Bearer {TOKEN}"})
    async with ws.client() as client:
        groups = [g.name async for g in client.iter_groups()]
    assert groups == ["Analysts"]
    lines = capsys.readouterr().err.splitlines()
    assert re.fullmatch(
        r"hexsync: waiting 6\d s for the rate limit before reading groups", lines[0]
    )
    assert [re.sub(r"\d+", "N", line) for line in lines[1:]] == [
        "hexsync: still waiting (N s left) before reading groups"
    ] * 3
    assert len(lines) == 4, lines


def test_every_operation_has_words_for_people() -> None:
    assert set(PHRASES) == set(OPS)
    for op in OPS.values():
        # Lower-case words a sentence can carry ("waiting 40 s … before reading users"), never
        # the operation's id.
        assert re.fullmatch(r"[a-z][a-z' ]+[a-z]", op.phrase), op.phrase
        assert op.operation_id.lower() not in op.phrase.replace(" ", "")
    assert len(set(PHRASES.values())) == len(PHRASES)  # two operations never read the same
