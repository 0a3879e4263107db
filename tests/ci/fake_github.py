"""A fake GitHub REST API on loopback: the few endpoints hexsync's action calls, with state.

It checks the bearer token on every /repos call (401 otherwise), records every request (method,
path, whether it carried the token), and serves an artifact's zip behind a redirect to a
"storage" path, as GitHub does, so a test can see the token was not sent there.

The token is the job's ``GITHUB_TOKEN`` by default: ``GET /user`` answers 403 ("Resource not
accessible by integration", as GitHub does for an installation token) and what it writes is
authored by ``github-actions[bot]``. With ``token_user`` set, it is a person's token: ``GET
/user`` answers that user, who authors what the token writes.
"""

from __future__ import annotations

import io
import json
import re
import threading
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

TOKEN = "ghs_fake_job_token"
REPO = "acme/infra"
ACTIONS_BOT = {"login": "github-actions[bot]", "id": 41898282, "type": "Bot"}


@dataclass
class FakeGitHub:
    url: str = ""
    comments: dict[int, list[dict[str, Any]]] = field(default_factory=dict)
    issues: list[dict[str, Any]] = field(default_factory=list)
    pulls_of_commit: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    runs: list[dict[str, Any]] = field(default_factory=list)
    artifacts: dict[int, list[dict[str, Any]]] = field(default_factory=dict)  # run id → list
    blobs: dict[int, bytes] = field(default_factory=dict)  # artifact id → zip bytes
    log: list[tuple[str, str, bool]] = field(default_factory=list)  # method, path, had token
    token_user: dict[str, Any] | None = None  # None: the Actions GITHUB_TOKEN
    _next_id: int = 1000

    @property
    def author(self) -> dict[str, Any]:
        """Who the token writes as."""
        return self.token_user or ACTIONS_BOT

    def new_id(self) -> int:
        self._next_id += 1
        return self._next_id

    def add_artifact(self, run_id: int, name: str, filename: str, content: bytes) -> None:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(filename, content)
        ident = self.new_id()
        self.artifacts.setdefault(run_id, []).append({"id": ident, "name": name, "expired": False})
        self.blobs[ident] = buffer.getvalue()

    def handle(self, method: str, path: str, query: dict[str, str], body: Any) -> tuple[int, Any]:
        base = f"/repos/{REPO}"
        if path == "/user":
            if self.token_user is None:
                return 403, {"message": "Resource not accessible by integration"}
            return 200, self.token_user
        if m := re.fullmatch(rf"{base}/issues/(\d+)/comments", path):
            number = int(m[1])
            if method == "GET":
                return 200, self._page(self.comments.get(number, []), query)
            comment = {"id": self.new_id(), "body": body["body"], "user": dict(self.author)}
            self.comments.setdefault(number, []).append(comment)
            return 201, comment
        if m := re.fullmatch(rf"{base}/issues/comments/(\d+)", path):
            for comments in self.comments.values():
                for comment in comments:
                    if comment["id"] == int(m[1]):
                        comment["body"] = body["body"]
                        return 200, comment
            return 404, {"message": "Not Found"}
        if path == f"{base}/issues":
            if method == "POST":
                issue = {
                    "number": self.new_id(),
                    "title": body["title"],
                    "body": body["body"],
                    "labels": [{"name": n} for n in body.get("labels", [])],
                    "state": "open",
                }
                self.issues.append(issue)
                return 201, issue
            wanted = set(query.get("labels", "").split(",")) - {""}
            found = [
                i
                for i in self.issues
                if i["state"] == query.get("state", "open")
                and wanted <= {label["name"] for label in i["labels"]}
            ]
            return 200, self._page(found, query)
        if m := re.fullmatch(rf"{base}/issues/(\d+)", path):
            issue = next(i for i in self.issues if i["number"] == int(m[1]))
            issue.update({k: v for k, v in body.items() if k in {"body", "state", "title"}})
            return 200, issue
        if m := re.fullmatch(rf"{base}/commits/(\w+)/pulls", path):
            return 200, self.pulls_of_commit.get(m[1], [])
        if path == f"{base}/actions/runs":
            runs = [r for r in self.runs if r["head_sha"] == query.get("head_sha")]
            return 200, {"total_count": len(runs), "workflow_runs": runs}
        if m := re.fullmatch(rf"{base}/actions/workflows/([^/]+)/runs", path):
            # A workflow by its file name: the runs of .github/workflows/NAME only.
            runs = [
                r
                for r in self.runs
                if r["head_sha"] == query.get("head_sha")
                and r.get("path", ".github/workflows/hexsync-plan.yml")
                == f".github/workflows/{m[1]}"
                and r.get("event", "pull_request") == query.get("event")
                and r.get("conclusion", "success") == query.get("status")
            ]
            return 200, {"total_count": len(runs), "workflow_runs": runs}
        if m := re.fullmatch(rf"{base}/actions/runs/(\d+)/artifacts", path):
            found = [a for a in self.artifacts.get(int(m[1]), []) if a["name"] == query["name"]]
            return 200, {"total_count": len(found), "artifacts": found}
        return 404, {"message": f"no fake for {method} {path}"}

    @staticmethod
    def _page(items: list[Any], query: dict[str, str]) -> list[Any]:
        size, page = int(query.get("per_page", 30)), int(query.get("page", 1))
        return items[(page - 1) * size : page * size]


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


def _json(status: int, value: Any) -> Answer:
    return status, {}, json.dumps(value).encode()


@contextmanager
def fake_github() -> Iterator[FakeGitHub]:
    fake = FakeGitHub()

    def dispatch(
        method: str, path: str, query: dict[str, str], headers: dict[str, str], raw: bytes
    ) -> Answer:
        had_token = headers.get("authorization") == f"Bearer {TOKEN}"
        fake.log.append((method, path, had_token))
        if m := re.fullmatch(r"/storage/(\d+)", path):
            return 200, {"Content-Type": "application/zip"}, fake.blobs[int(m[1])]
        if not had_token:
            return _json(401, {"message": "Bad credentials"})
        if m := re.fullmatch(rf"/repos/{REPO}/actions/artifacts/(\d+)/zip", path):
            return 302, {"Location": f"{fake.url}/storage/{m[1]}"}, b""
        status, answer = fake.handle(method, path, query, json.loads(raw) if raw else None)
        return _json(status, answer)

    with serve(dispatch) as url:
        fake.url = url
        yield fake
