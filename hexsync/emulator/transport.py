"""A synchronous httpx transport that serves requests from an in-process ASGI app.

``httpx.ASGITransport`` only works with ``httpx.AsyncClient``. This runs the app on a private
event loop in a background thread, so a plain ``httpx.Client`` can talk to the emulator with no
socket: ``httpx.Client(transport=EmulatorTransport(app), base_url="https://app.hex.tech")``.
"""

from __future__ import annotations

import asyncio
import threading

import httpx
from starlette.types import ASGIApp


class EmulatorTransport(httpx.BaseTransport):
    """Serve a sync ``httpx.Client`` from ``app``; close it (or the client) when done."""

    def __init__(self, app: ASGIApp, *, client: tuple[str, int] = ("127.0.0.1", 50000)) -> None:
        self._inner = httpx.ASGITransport(app=app, client=client)
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(
            target=self._loop.run_forever, name="emulator-transport", daemon=True
        )
        self._thread.start()
        self._closed = False

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self._closed:
            raise RuntimeError("the emulator transport is closed")
        content = request.read()

        async def call() -> tuple[int, httpx.Headers, bytes]:
            inner_request = httpx.Request(
                request.method, request.url, headers=request.headers, content=content
            )
            response = await self._inner.handle_async_request(inner_request)
            body = await response.aread()
            return response.status_code, response.headers, body

        status, headers, body = asyncio.run_coroutine_threadsafe(call(), self._loop).result()
        # As a stream (not ``content=``), so the client reads it and times it: ``.elapsed`` works.
        return httpx.Response(
            status, headers=headers, stream=httpx.ByteStream(body), request=request
        )

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join()
        self._loop.close()
