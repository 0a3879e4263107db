"""Helpers shared by the client tests (imported by name: pytest puts this folder on sys.path)."""

from __future__ import annotations

import asyncio

import httpx

TOKEN = "hxtw_clienttestsecret0123456789"


class FakeTime:
    """A clock and a sleep that moves it: pacing and backoff run instantly and exactly."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start
        self.slept: list[float] = []

    def clock(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += max(0.0, seconds)
        await asyncio.sleep(0)


class Script:
    """An httpx.MockTransport handler answering from a list (responses or exceptions to raise).

    Only for the pure retry and backoff mechanics; behaviour tests run against the emulator.
    """

    def __init__(self, *answers: object) -> None:
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []
        self.transport = httpx.MockTransport(self)

    def __call__(self, request: object) -> object:
        assert isinstance(request, httpx.Request)
        self.requests.append(request)
        answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        if isinstance(answer, BaseException):
            raise answer
        return answer
