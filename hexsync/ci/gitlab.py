"""What hexsync's GitLab CI template (examples/ci/gitlab/hexsync.gitlab-ci.yml) runs.

    python -m hexsync.ci.gitlab plan|apply|drift

- ``plan`` (merge-request pipelines): ``hexsync plan --out plan.json --format markdown``, the
  markdown as one merge-request note updated in place (found by a hidden marker), and
  ``hexsync.env`` (a dotenv report: ``HEXSYNC_EXIT_CODE``, ``HEXSYNC_HAS_CHANGES``,
  ``HEXSYNC_DESTRUCTIVE``) beside ``plan.json`` for the job's artifacts.
- ``apply`` (the default branch): finds the merge request the commit merged, the newest
  successful ``hexsync-plan`` job of its pipelines, downloads its ``plan.json`` and runs
  ``hexsync apply plan.json --manifests DIR`` (a plan these manifests do not produce: exit 3).
- ``drift`` (scheduled pipelines): ``hexsync drift``; one issue labelled ``drift`` opened or
  updated while there is drift, closed with a note once there is none.

GitLab's API is ``CI_API_V4_URL``; the token is ``HEXSYNC_GITLAB_TOKEN`` (a project access token
with the ``api`` scope: the job token cannot write notes or issues), sent only there.
"""

from __future__ import annotations

import os
import sys
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from hexsync.ci._common import (
    DRIFT_MARKER,
    PLAN_MARKER,
    CiError,
    call,
    destructive_count,
    download,
    env,
    hexsync,
    log,
    with_marker,
)

NOTE_LIMIT = 1_000_000  # GitLab's limit for a note or an issue description


class GitLab:
    """The few REST calls the template makes, on ``CI_API_V4_URL`` for ``CI_PROJECT_ID``."""

    def __init__(self) -> None:
        self.api = env("CI_API_V4_URL", "https://gitlab.com/api/v4").rstrip("/")
        self.project = f"/projects/{urllib.parse.quote(env('CI_PROJECT_ID'), safe='')}"
        self._headers = {"PRIVATE-TOKEN": env("HEXSYNC_GITLAB_TOKEN")}

    def request(self, method: str, path: str, body: Any = None) -> Any:
        url = f"{self.api}{self.project}{path}"
        return call(method, url, self._headers, body, what="GitLab API")

    def pages(self, path: str) -> Iterator[Any]:
        page = 1
        while True:
            sep = "&" if "?" in path else "?"
            items = self.request("GET", f"{path}{sep}per_page=100&page={page}")
            yield from items
            if len(items) < 100:
                return
            page += 1

    def download(self, path: str) -> bytes:
        return download(f"{self.api}{self.project}{path}", self._headers, what="GitLab API")


def _write_dotenv(path: Path, values: dict[str, str]) -> None:
    path.write_text("".join(f"{k}={v}\n" for k, v in values.items()), encoding="utf-8")


def run_plan(manifests: str, workdir: Path) -> int:
    plan_path = workdir / "plan.json"
    done = hexsync(
        "plan", manifests, "--out", str(plan_path), "--format", "markdown", "--detailed-exitcode"
    )
    code = done.returncode
    destructive = destructive_count(plan_path.read_text()) if plan_path.is_file() else 0
    _write_dotenv(
        workdir / "hexsync.env",
        {
            "HEXSYNC_EXIT_CODE": str(code),
            "HEXSYNC_HAS_CHANGES": "true" if code == 2 else "false",
            "HEXSYNC_DESTRUCTIVE": str(destructive),
        },
    )
    if code not in (0, 2, 3):
        return code
    (workdir / "plan.md").write_text(done.stdout, encoding="utf-8")
    print(done.stdout, end="")
    iid = os.environ.get("CI_MERGE_REQUEST_IID")
    if iid and os.environ.get("HEXSYNC_NOTE", "true") == "true":
        gitlab = GitLab()
        text = with_marker(PLAN_MARKER.format(manifests=manifests), done.stdout, NOTE_LIMIT)
        marker = PLAN_MARKER.format(manifests=manifests)
        notes = gitlab.pages(f"/merge_requests/{iid}/notes?sort=asc")
        mine = next((n for n in notes if marker in (n.get("body") or "")), None)
        if mine is not None:
            gitlab.request("PUT", f"/merge_requests/{iid}/notes/{mine['id']}", {"body": text})
            log(f"plan note updated on merge request !{iid}")
        else:
            gitlab.request("POST", f"/merge_requests/{iid}/notes", {"body": text})
            log(f"plan note created on merge request !{iid}")
    return 0 if code == 2 else code


def find_reviewed_plan(gitlab: GitLab, sha: str, job_name: str) -> tuple[int, int]:
    """(merge request iid, job id) of the plan job reviewed in the merge request ``sha`` merged."""
    requests = gitlab.request("GET", f"/repository/commits/{sha}/merge_requests")
    merged = [m for m in requests if m.get("state") == "merged"] or requests
    if not merged:
        raise CiError(
            f"commit {sha[:12]} came from no merge request, so no plan was reviewed for it; "
            "merge changes through merge requests (or set HEXSYNC_PLAN_PATH)"
        )
    iid = int(merged[0]["iid"])
    for pipeline in gitlab.request("GET", f"/merge_requests/{iid}/pipelines"):
        jobs = gitlab.request("GET", f"/pipelines/{pipeline['id']}/jobs?scope[]=success")
        for job in jobs:
            if job.get("name") == job_name:
                return iid, int(job["id"])
    raise CiError(
        f"no successful '{job_name}' job in the pipelines of merge request !{iid}: "
        "run its pipeline first"
    )


def run_apply(manifests: str, workdir: Path) -> int:
    given = os.environ.get("HEXSYNC_PLAN_PATH", "")
    if given:
        plan_path = Path(given)
    else:
        gitlab = GitLab()
        iid, job = find_reviewed_plan(
            gitlab, env("CI_COMMIT_SHA"), env("HEXSYNC_PLAN_JOB", "hexsync-plan")
        )
        plan_path = workdir / "reviewed-plan.json"
        plan_path.write_bytes(gitlab.download(f"/jobs/{job}/artifacts/plan.json"))
        log(f"applying the plan reviewed in merge request !{iid} (job {job})")
    done = hexsync("apply", str(plan_path), "--manifests", manifests)
    print(done.stdout, end="")
    return done.returncode


def run_drift(manifests: str, workdir: Path) -> int:
    done = hexsync("drift", manifests, "--format", "markdown", "--out", str(workdir / "drift.json"))
    code = done.returncode
    if code not in (0, 2):
        return code
    print(done.stdout, end="")
    if os.environ.get("HEXSYNC_ISSUE", "true") != "true":
        return 0
    gitlab = GitLab()
    label = env("HEXSYNC_DRIFT_LABEL", "drift")
    marker = DRIFT_MARKER.format(manifests=manifests)
    query = urllib.parse.urlencode({"labels": label, "state": "opened"})
    issues = [i for i in gitlab.pages(f"/issues?{query}") if marker in (i.get("description") or "")]
    text = with_marker(marker, done.stdout, NOTE_LIMIT)
    if code == 2:
        if issues:
            gitlab.request("PUT", f"/issues/{issues[0]['iid']}", {"description": text})
            log(f"drift issue #{issues[0]['iid']} updated")
        else:
            made = gitlab.request(
                "POST",
                "/issues",
                {"title": f"Hex drift: {manifests}", "description": text, "labels": label},
            )
            log(f"drift issue #{made['iid']} opened")
        return 0
    for issue in issues:
        gitlab.request(
            "POST",
            f"/issues/{issue['iid']}/notes",
            {"body": "No drift any more: Hex matches the manifests."},
        )
        gitlab.request("PUT", f"/issues/{issue['iid']}", {"state_event": "close"})
        log(f"drift issue #{issue['iid']} closed")
    return 0


MODES = {"plan": run_plan, "apply": run_apply, "drift": run_drift}


def main(argv: list[str]) -> int:
    if len(argv) != 1 or argv[0] not in MODES:
        print(f"usage: python -m hexsync.ci.gitlab {'|'.join(MODES)}", file=sys.stderr)
        return 1
    manifests = os.environ.get("HEXSYNC_MANIFESTS", "manifests")
    workdir = Path(os.environ.get("CI_PROJECT_DIR") or ".")
    try:
        return MODES[argv[0]](manifests, workdir)
    except CiError as exc:
        print(f"error: hexsync {argv[0]}: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
