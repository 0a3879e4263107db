"""What the fake forges (``fake_github.py``, ``fake_gitlab.py``) share: a server on loopback, the
request log, the token check, JSON answers, and artifact downloads behind a redirect.

A forge's fake subclasses ``FakeForge`` with its state and its API (``handle``), and says how a
request carries the token (``authorised``), what a request without it is answered
(``UNAUTHORISED``), which path downloads an artifact (``DOWNLOAD``, a pattern whose group is the
blob's id) and the blob's content type (``BLOB_TYPE``). Every request is logged as (method, path,
whether it carried the token); a download is redirected to ``/storage/ID``, which serves
``blobs[ID]`` without a token, as the forges' object storage does, so a test can see the token
was not sent there. ``running(fake)`` serves a fake and sets its ``url``.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar, TypeVar
from urllib.parse import parse_qs, urlsplit

Answer = tuple[int, dict[str, str], bytes]
Dispatch = Callable[[str, str, dict[str, str], dict[str, str], bytes], Answer]


@contextmanager
def serve(dispatch: Dispatch) -> Iterator[str]:
    """An HTTP server on a loopback port calling ``dispatch(method, path, query, headers, body)``;
    yields its base URL."""

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def _serve(self, method: str) -> None:
            parts = urlsplit(self.path)
            query = {k: v[0] for k, v in parse_qs(parts.query).items()}
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            lowered = {k.lower(): v for k, v in self.headers.items()}
            status, headers, data = dispatch(method, parts.path, query, lowered, body)
            self.send_response(status)
            for name, value in {"Content-Type": "application/json", **headers}.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_GET(self) -> None:
            self._serve("GET")

        def do_POST(self) -> None:
            self._serve("POST")

        def do_PATCH(self) -> None:
            self._serve("PATCH")

        def do_PUT(self) -> None:
            self._serve("PUT")

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def json_answer(status: int, value: Any) -> Answer:
    return status, {}, json.dumps(value).encode()


@dataclass
class FakeForge:
    url: str = ""
    blobs: dict[int, bytes] = field(default_factory=dict)  # id → what /storage/ID serves
    log: list[tuple[str, str, bool]] = field(default_factory=list)  # method, path, had token
    _next_id: int = 1000

    PAGE_SIZE: ClassVar[int]
    DOWNLOAD: ClassVar[str]
    BLOB_TYPE: ClassVar[str]
    UNAUTHORISED: ClassVar[dict[str, str]]

    def new_id(self) -> int:
        self._next_id += 1
        return self._next_id

    def page(self, items: list[Any], query: dict[str, str]) -> list[Any]:
        """The page of ``items`` that ``per_page`` and ``page`` ask for."""
        size, page = int(query.get("per_page", self.PAGE_SIZE)), int(query.get("page", 1))
        return items[(page - 1) * size : page * size]

    def authorised(self, headers: dict[str, str]) -> bool:
        raise NotImplementedError

    def handle(self, method: str, path: str, query: dict[str, str], body: Any) -> tuple[int, Any]:
        raise NotImplementedError

    def dispatch(
        self, method: str, path: str, query: dict[str, str], headers: dict[str, str], raw: bytes
    ) -> Answer:
        had_token = self.authorised(headers)
        self.log.append((method, path, had_token))
        if m := re.fullmatch(r"/storage/(\d+)", path):
            return 200, {"Content-Type": self.BLOB_TYPE}, self.blobs[int(m[1])]
        if not had_token:
            return json_answer(401, self.UNAUTHORISED)
        if m := re.fullmatch(self.DOWNLOAD, path):
            return 302, {"Location": f"{self.url}/storage/{m[1]}"}, b""
        status, answer = self.handle(method, path, query, json.loads(raw) if raw else None)
        return json_answer(status, answer)


Forge = TypeVar("Forge", bound=FakeForge)


@contextmanager
def running(fake: Forge) -> Iterator[Forge]:
    """``fake`` served on a loopback port, its ``url`` set."""
    with serve(fake.dispatch) as url:
        fake.url = url
        yield fake
