"""What hexsync's GitLab CI template (examples/ci/gitlab/hexsync.gitlab-ci.yml) runs.

    python -m hexsync.ci.gitlab plan|apply|drift

Every file a job writes is in ``hexsync-ci/`` of the project's folder (the artifacts name
it): the checkout is the merge request's, and may hold a file or a link by any name.

- ``plan`` (merge-request pipelines): ``hexsync plan --out plan.json --format markdown``, the
  markdown as one merge-request note updated in place (found by a hidden marker among the notes
  the token's own user wrote: ``GET /user``), and
  ``hexsync.env`` (a dotenv report: ``HEXSYNC_EXIT_CODE``, ``HEXSYNC_HAS_CHANGES``,
  ``HEXSYNC_DESTRUCTIVE``) beside ``plan.json`` for the job's artifacts.
- ``apply`` (the default branch): finds the merge request the commit merged (never one still
  open), the newest successful ``hexsync-plan`` job of its pipelines on its head commit (never
  another commit's), downloads its ``plan.json`` (up to the size hexsync accepts) and runs
  ``hexsync apply plan.json --manifests DIR`` (a plan these manifests do not produce: exit 3).
- ``drift`` (scheduled pipelines): ``hexsync drift``; one issue labelled ``drift`` opened or
  updated while there is drift, closed with a note once there is none.

With ``HEXSYNC_WORKSPACE`` (a ``parallel: matrix`` over the workspaces of hexsync.yaml) a job is
for that workspace: hexsync runs with ``-w NAME``, the job's Hex token is handed to it in the
variable the workspace's ``token_env`` names, the note and the drift issue are the workspace's
own, and apply takes the plan of the matrix job of its workspace (``hexsync-plan: [NAME]``).

GitLab's API is ``CI_API_V4_URL``; the token is ``HEXSYNC_GITLAB_TOKEN`` (a project access token
with the ``api`` scope and the Reporter role: the job token cannot write notes or issues), sent
only there.
"""

from __future__ import annotations

import os
import sys
import urllib.parse
from collections.abc import Callable, Mapping
from functools import cached_property
from pathlib import Path
from typing import Any

from hexsync.ci._common import (
    PLAN_LIMIT,
    CiError,
    RestApi,
    carries,
    env,
    log,
    main,
    subject,
    upsert_sticky,
    with_marker,
    workspace,
)

NOTE_LIMIT = 1_000_000  # GitLab's limit for a note or an issue description
OUT_DIR = "hexsync-ci"  # the job's own folder in the project's, for its files and artifacts


def out_dir() -> Path:
    return Path(os.environ.get("CI_PROJECT_DIR") or ".") / OUT_DIR


def gitlab_api() -> RestApi:
    """The project's REST API on ``CI_API_V4_URL``, with ``HEXSYNC_GITLAB_TOKEN``."""
    api = env("CI_API_V4_URL", "https://gitlab.com/api/v4").rstrip("/")
    project = urllib.parse.quote(env("CI_PROJECT_ID"), safe="")
    headers = {"PRIVATE-TOKEN": env("HEXSYNC_GITLAB_TOKEN")}
    return RestApi(api, f"/projects/{project}", headers, "GitLab API")


class GitLab:
    """GitLab's side of the modes; the API client is made on first use."""

    def __init__(self) -> None:
        self.workdir = out_dir()

    @cached_property
    def api(self) -> RestApi:
        return gitlab_api()

    @cached_property
    def written_by_token(self) -> Callable[[Mapping[str, Any]], bool]:
        """Whether a note was written by the token's own user (``GET /user``; a project access
        token's is its bot user), by the note's ``author.id``."""
        ident = self.api.request_root("GET", "/user")["id"]
        return lambda n: (n.get("author") or {}).get("id") == ident

    def output(self, values: Mapping[str, str]) -> None:
        """``hexsync.env``, a dotenv report: ``HEXSYNC_EXIT_CODE=2`` … The plan's path is left
        out: a later job must never be handed a plan file by a variable."""
        path = self.workdir / "hexsync.env"
        lines = [
            f"HEXSYNC_{k.upper().replace('-', '_')}={v}\n"
            for k, v in values.items()
            if k != "plan-path"
        ]
        with path.open("a", encoding="utf-8") as handle:
            handle.writelines(lines)

    def summary(self, name: str, markdown: str) -> None:
        """The job log, and ``plan.md`` beside ``plan.json`` for the artifacts."""
        print(markdown, end="" if markdown.endswith("\n") else "\n")
        if name == "plan":
            (self.workdir / "plan.md").write_text(markdown, encoding="utf-8")

    def post_plan(self, marker: str, markdown: str) -> None:
        iid = os.environ.get("CI_MERGE_REQUEST_IID")
        if not iid:
            return
        updated = upsert_sticky(
            self.api,
            marker,
            with_marker(marker, markdown, NOTE_LIMIT),
            mine=self.written_by_token,
            listing=f"/merge_requests/{iid}/notes?sort=asc",
            edit=f"/merge_requests/{iid}/notes/{{id}}",
            method="PUT",
            create=f"/merge_requests/{iid}/notes",
        )
        name = workspace()
        what = f"plan note of workspace {name}" if name else "plan note"
        log(f"{what} {'updated' if updated else 'created'} on merge request !{iid}")

    def reviewed_plan(self, workdir: Path) -> Path:
        """The newest successful plan job of the merged merge request's pipelines on its head
        commit, and its ``plan.json``. A merge request that was not merged was reviewed by
        nobody; a pipeline of another commit planned something else."""
        sha, job_name = env("CI_COMMIT_SHA"), env("HEXSYNC_PLAN_JOB", "hexsync-plan")
        requests = self.api.request("GET", f"/repository/commits/{sha}/merge_requests")
        merged = [m for m in requests if m.get("state") == "merged"]
        if not merged:
            raise CiError(
                f"commit {sha[:12]} came from no merged merge request, so no plan was reviewed "
                "for it; merge changes through merge requests (or set HEXSYNC_PLAN_PATH)"
            )
        iid, head = int(merged[0]["iid"]), str(merged[0].get("sha") or "")
        for pipeline in self.api.request("GET", f"/merge_requests/{iid}/pipelines"):
            if not head or pipeline.get("sha") != head:
                continue
            jobs = self.api.request("GET", f"/pipelines/{pipeline['id']}/jobs?scope[]=success")
            job = next((j for j in jobs if _plans(str(j.get("name")), job_name)), None)
            if job is not None:
                target = workdir / "reviewed-plan.json"
                path = f"/jobs/{job['id']}/artifacts/{OUT_DIR}/plan.json"
                target.write_bytes(self.api.download(path, PLAN_LIMIT))
                log(f"applying the plan reviewed in merge request !{iid} (job {job['id']})")
                return target
        raise CiError(
            f"no successful '{job_name}' job on the head commit {head[:12] or '(unknown)'} of "
            f"merge request !{iid}: run its pipeline first"
        )

    def drift_issue(self, marker: str, markdown: str, *, drift: bool) -> None:
        label = env("HEXSYNC_DRIFT_LABEL", "drift")
        query = urllib.parse.urlencode({"labels": label, "state": "opened"})
        issues = [
            i for i in self.api.pages(f"/issues?{query}") if carries(i.get("description"), marker)
        ]
        text = with_marker(marker, markdown, NOTE_LIMIT)
        if drift and issues:
            self.api.request("PUT", f"/issues/{issues[0]['iid']}", {"description": text})
            log(f"drift issue #{issues[0]['iid']} updated")
        elif drift:
            title = f"Hex drift: {subject()}"
            made = self.api.request(
                "POST", "/issues", {"title": title, "description": text, "labels": label}
            )
            log(f"drift issue #{made['iid']} opened")
        if drift:
            return
        for issue in issues:
            note = {"body": "No drift any more: Hex matches the manifests."}
            self.api.request("POST", f"/issues/{issue['iid']}/notes", note)
            self.api.request("PUT", f"/issues/{issue['iid']}", {"state_event": "close"})
            log(f"drift issue #{issue['iid']} closed")


def _plans(name: str, job_name: str) -> bool:
    """Whether the job called ``name`` is the plan job of this job's workspace: ``job_name``
    itself, or with a workspace one of its ``parallel: matrix`` jobs (``hexsync-plan: [eu]``,
    as GitLab names them) whose values hold the workspace."""
    if name == job_name:
        return True
    ours, prefix = workspace(), f"{job_name}: ["
    if ours is None or not (name.startswith(prefix) and name.endswith("]")):
        return False
    return ours in name[len(prefix) : -1].split(", ")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:], "hexsync.ci.gitlab", GitLab, out_dir(), "error: "))
