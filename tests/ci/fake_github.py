"""A fake GitHub REST API on loopback: the few endpoints hexsync's action calls, with state.

The job token comes as a bearer token (401 without it); an artifact's zip is served behind a
redirect to a "storage" path, as GitHub does. The server, the request log and the redirect are
``fake_forge``'s.

The token is the job's ``GITHUB_TOKEN`` by default: ``GET /user`` answers 403 ("Resource not
accessible by integration", as GitHub does for an installation token) and what it writes is
authored by ``github-actions[bot]``. With ``token_user`` set, it is a person's token: ``GET
/user`` answers that user, who authors what the token writes.
"""

from __future__ import annotations

import io
import re
import zipfile
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from typing import Any

from fake_forge import FakeForge, running

TOKEN = "ghs_fake_job_token"
REPO = "acme/infra"
ACTIONS_BOT = {"login": "github-actions[bot]", "id": 41898282, "type": "Bot"}


@dataclass
class FakeGitHub(FakeForge):
    comments: dict[int, list[dict[str, Any]]] = field(default_factory=dict)
    issues: list[dict[str, Any]] = field(default_factory=list)
    pulls_of_commit: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    runs: list[dict[str, Any]] = field(default_factory=list)
    artifacts: dict[int, list[dict[str, Any]]] = field(default_factory=dict)  # run id → list
    token_user: dict[str, Any] | None = None  # None: the Actions GITHUB_TOKEN

    PAGE_SIZE = 30
    DOWNLOAD = rf"/repos/{REPO}/actions/artifacts/(\d+)/zip"  # blobs: artifact id → zip bytes
    BLOB_TYPE = "application/zip"
    UNAUTHORISED = {"message": "Bad credentials"}

    @property
    def author(self) -> dict[str, Any]:
        """Who the token writes as."""
        return self.token_user or ACTIONS_BOT

    def authorised(self, headers: dict[str, str]) -> bool:
        return headers.get("authorization") == f"Bearer {TOKEN}"

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
                return 200, self.page(self.comments.get(number, []), query)
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
            return 200, self.page(found, query)
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


def fake_github() -> AbstractContextManager[FakeGitHub]:
    return running(FakeGitHub())
