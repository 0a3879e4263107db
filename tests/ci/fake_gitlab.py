"""A fake GitLab REST API (v4) on loopback: the endpoints hexsync.ci.gitlab calls, with state."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from fake_github import Answer, _json, serve

TOKEN = "glpat-fake-project-token"
PROJECT = "42"
TOKEN_USER = {"id": 77, "username": "project_42_bot_1a2b"}  # the project access token's bot


@dataclass
class FakeGitLab:
    url: str = ""
    notes: dict[int, list[dict[str, Any]]] = field(default_factory=dict)  # MR iid → notes
    issues: list[dict[str, Any]] = field(default_factory=list)
    issue_notes: dict[int, list[str]] = field(default_factory=dict)
    mrs_of_commit: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    pipelines: dict[int, list[dict[str, Any]]] = field(default_factory=dict)  # MR iid → list
    jobs: dict[int, list[dict[str, Any]]] = field(default_factory=dict)  # pipeline → jobs
    files: dict[int, bytes] = field(default_factory=dict)  # job id → plan.json
    log: list[tuple[str, str, bool]] = field(default_factory=list)
    _next: int = 500

    def new_id(self) -> int:
        self._next += 1
        return self._next

    def handle(self, method: str, path: str, query: dict[str, str], body: Any) -> tuple[int, Any]:
        base = f"/api/v4/projects/{PROJECT}"
        if path == "/api/v4/user":
            return 200, TOKEN_USER
        if m := re.fullmatch(rf"{base}/merge_requests/(\d+)/notes", path):
            iid = int(m[1])
            if method == "GET":
                return 200, self._page(self.notes.get(iid, []), query)
            note = {"id": self.new_id(), "body": body["body"], "author": dict(TOKEN_USER)}
            self.notes.setdefault(iid, []).append(note)
            return 201, note
        if m := re.fullmatch(rf"{base}/merge_requests/(\d+)/notes/(\d+)", path):
            note = next(n for n in self.notes[int(m[1])] if n["id"] == int(m[2]))
            note["body"] = body["body"]
            return 200, note
        if path == f"{base}/issues":
            if method == "POST":
                issue = {
                    "iid": self.new_id(),
                    "title": body["title"],
                    "description": body["description"],
                    "labels": body["labels"].split(","),
                    "state": "opened",
                }
                self.issues.append(issue)
                return 201, issue
            found = [
                i
                for i in self.issues
                if i["state"] == query.get("state") and query.get("labels") in i["labels"]
            ]
            return 200, self._page(found, query)
        if m := re.fullmatch(rf"{base}/issues/(\d+)/notes", path):
            self.issue_notes.setdefault(int(m[1]), []).append(body["body"])
            return 201, {"id": self.new_id()}
        if m := re.fullmatch(rf"{base}/issues/(\d+)", path):
            issue = next(i for i in self.issues if i["iid"] == int(m[1]))
            if "description" in body:
                issue["description"] = body["description"]
            if body.get("state_event") == "close":
                issue["state"] = "closed"
            return 200, issue
        if m := re.fullmatch(rf"{base}/repository/commits/(\w+)/merge_requests", path):
            return 200, self.mrs_of_commit.get(m[1], [])
        if m := re.fullmatch(rf"{base}/merge_requests/(\d+)/pipelines", path):
            return 200, self.pipelines.get(int(m[1]), [])
        if m := re.fullmatch(rf"{base}/pipelines/(\d+)/jobs", path):
            return 200, [j for j in self.jobs.get(int(m[1]), []) if j["status"] == "success"]
        return 404, {"message": f"no fake for {method} {path}"}

    @staticmethod
    def _page(items: list[Any], query: dict[str, str]) -> list[Any]:
        size, page = int(query.get("per_page", 20)), int(query.get("page", 1))
        return items[(page - 1) * size : page * size]


@contextmanager
def fake_gitlab() -> Iterator[FakeGitLab]:
    fake = FakeGitLab()

    def dispatch(
        method: str, path: str, query: dict[str, str], headers: dict[str, str], raw: bytes
    ) -> Answer:
        had_token = headers.get("private-token") == TOKEN
        fake.log.append((method, path, had_token))
        if m := re.fullmatch(r"/storage/(\d+)", path):
            return 200, {"Content-Type": "application/octet-stream"}, fake.files[int(m[1])]
        if not had_token:
            return _json(401, {"message": "401 Unauthorized"})
        if m := re.fullmatch(
            rf"/api/v4/projects/{PROJECT}/jobs/(\d+)/artifacts/hexsync-ci/plan.json", path
        ):
            return 302, {"Location": f"{fake.url}/storage/{m[1]}"}, b""
        status, answer = fake.handle(method, path, query, json.loads(raw) if raw else None)
        return _json(status, answer)

    with serve(dispatch) as url:
        fake.url = url
        yield fake
