"""A fake GitLab REST API (v4) on loopback: the endpoints hexsync.ci.gitlab calls, with state."""

from __future__ import annotations

import re
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any

from fake_forge import FakeForge, running

TOKEN = "glpat-fake-project-token"
PROJECT = "42"
TOKEN_USER = {"id": 77, "username": "project_42_bot_1a2b"}  # the project access token's bot


@dataclass
class FakeGitLab(FakeForge):
    notes: dict[int, list[dict[str, Any]]] = field(default_factory=dict)  # MR iid → notes
    issues: list[dict[str, Any]] = field(default_factory=list)
    issue_notes: dict[int, list[str]] = field(default_factory=dict)
    mrs_of_commit: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    pipelines: dict[int, list[dict[str, Any]]] = field(default_factory=dict)  # MR iid → list
    jobs: dict[int, list[dict[str, Any]]] = field(default_factory=dict)  # pipeline → jobs
    _next_id: int = 500

    PAGE_SIZE = 20
    # blobs: job id → that job's hexsync-ci/plan.json
    DOWNLOAD = rf"/api/v4/projects/{PROJECT}/jobs/(\d+)/artifacts/hexsync-ci/plan.json"
    BLOB_TYPE = "application/octet-stream"
    UNAUTHORISED = {"message": "401 Unauthorized"}

    def authorised(self, headers: dict[str, str]) -> bool:
        return headers.get("private-token") == TOKEN

    def handle(self, method: str, path: str, query: dict[str, str], body: Any) -> tuple[int, Any]:
        base = f"/api/v4/projects/{PROJECT}"
        if path == "/api/v4/user":
            return 200, TOKEN_USER
        if m := re.fullmatch(rf"{base}/merge_requests/(\d+)/notes", path):
            iid = int(m[1])
            if method == "GET":
                return 200, self.page(self.notes.get(iid, []), query)
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
            return 200, self.page(found, query)
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


def fake_gitlab() -> AbstractContextManager[FakeGitLab]:
    return running(FakeGitLab())
