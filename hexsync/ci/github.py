"""The logic of hexsync's GitHub Action (``action.yml``), runnable on any machine.

    python -m hexsync.ci.github plan|apply|drift

Everything the composite action does besides installing hexsync and uploading the artifact is
here, so it can be run and tested locally against a fake GitHub API (``GITHUB_API_URL``) and the
Hex emulator (``HEX_API_URL``). Standard library only; ``hexsync`` is the installed command
(``HEXSYNC`` overrides it).

- ``plan``: ``hexsync plan --out plan.json --format markdown --detailed-exitcode``; the markdown
  goes to the job summary and to one sticky pull-request comment (found again by a hidden
  marker, so a new push updates it instead of adding another); outputs ``has-changes``,
  ``exit-code``, ``destructive`` and ``plan-path`` (for the artifact step).
- ``apply``: finds the plan reviewed in the pull request that the pushed commit merged (its
  workflow run's artifact), downloads it, and runs ``hexsync apply plan.json --manifests DIR``,
  which refuses (exit 3) a plan that the manifests on this branch do not produce.
- ``drift``: ``hexsync drift``; opens or updates one issue labelled ``drift`` while there is
  drift, and closes it (with a comment) once there is none.

Exit status: hexsync's, except that 2 ("changes present", "drift found") is success for the
step: the outputs say it. The GitHub token is sent only to ``GITHUB_API_URL``, never to the
artifact storage an artifact download redirects to, and never printed.
"""

from __future__ import annotations

import io
import json
import os
import sys
import urllib.parse
import urllib.request
import zipfile
from collections.abc import Iterator, Mapping
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


def set_output(name: str, value: str) -> None:
    """One step output (``$GITHUB_OUTPUT``); printed too when run by hand."""
    path = os.environ.get("GITHUB_OUTPUT")
    if path:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(f"{name}={value}\n")
    else:
        print(f"{name}={value}")


def add_summary(markdown: str) -> None:
    path = os.environ.get("GITHUB_STEP_SUMMARY")
    if path:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(markdown.rstrip("\n") + "\n")


# ------------------------------------------------------------------------------- GitHub API


class GitHub:
    """The few REST calls the action makes, with the job's token, on ``GITHUB_API_URL``."""

    def __init__(self) -> None:
        self.api = env("GITHUB_API_URL", "https://api.github.com").rstrip("/")
        self.repo = env("GITHUB_REPOSITORY")
        self._token = env("GITHUB_TOKEN")

    def request(self, method: str, path: str, body: Any = None) -> Any:
        headers = {
            "Authorization": f"Bearer {self._token}",
            "Accept": "application/vnd.github+json",
            "X-GitHub-Api-Version": "2022-11-28",
        }
        return call(method, f"{self.api}{path}", headers, body, what="GitHub API")

    def pages(self, path: str, key: str | None = None) -> Iterator[Any]:
        """Every item of a paginated listing (100 per page)."""
        page = 1
        while True:
            sep = "&" if "?" in path else "?"
            found = self.request("GET", f"{path}{sep}per_page=100&page={page}")
            items = found[key] if key is not None else found
            yield from items
            if len(items) < 100:
                return
            page += 1

    def download(self, path: str) -> bytes:
        """An artifact's zip (GitHub redirects to storage, which never gets the token)."""
        headers = {
            "Authorization": f"Bearer {self._token}",
            "Accept": "application/vnd.github+json",
        }
        return download(f"{self.api}{path}", headers, what="GitHub API")


# ------------------------------------------------------------------------------------- plan


def _event() -> Mapping[str, Any]:
    path = os.environ.get("GITHUB_EVENT_PATH")
    if not path or not Path(path).is_file():
        return {}
    data: Mapping[str, Any] = json.loads(Path(path).read_text(encoding="utf-8"))
    return data


def pull_request_number() -> int | None:
    pull = _event().get("pull_request")
    if isinstance(pull, Mapping) and isinstance(pull.get("number"), int):
        return int(pull["number"])
    return None


def upsert_comment(github: GitHub, number: int, marker: str, body: str) -> str:
    """Create the sticky comment, or update the one that carries ``marker``; says which."""
    text = with_marker(marker, body)
    comments = github.pages(f"/repos/{github.repo}/issues/{number}/comments")
    for comment in comments:
        if marker in (comment.get("body") or ""):
            github.request(
                "PATCH", f"/repos/{github.repo}/issues/comments/{comment['id']}", {"body": text}
            )
            return "updated"
    github.request("POST", f"/repos/{github.repo}/issues/{number}/comments", {"body": text})
    return "created"


def run_plan(manifests: str, workdir: Path) -> int:
    plan_path = workdir / "plan.json"
    done = hexsync(
        "plan", manifests, "--out", str(plan_path), "--format", "markdown", "--detailed-exitcode"
    )
    code = done.returncode
    set_output("exit-code", str(code))
    set_output("has-changes", "true" if code == 2 else "false")
    destructive = 0
    if plan_path.is_file():
        destructive = destructive_count(plan_path.read_text(encoding="utf-8"))
        set_output("plan-path", str(plan_path))
    set_output("destructive", str(destructive))
    if code not in (0, 2, 3):
        return code  # an error: hexsync said why on stderr; nothing to post
    markdown = done.stdout
    add_summary(markdown)
    number = pull_request_number()
    if number is not None and os.environ.get("HEXSYNC_COMMENT", "true") == "true":
        how = upsert_comment(GitHub(), number, PLAN_MARKER.format(manifests=manifests), markdown)
        log(f"plan comment {how} on pull request #{number}")
    return 0 if code == 2 else code


# ------------------------------------------------------------------------------------ apply


def find_reviewed_plan(github: GitHub, sha: str, artifact: str) -> tuple[int, int]:
    """(pull request number, artifact id) of the plan reviewed for the pull request that the
    commit ``sha`` merged: the newest successful pull_request run on the PR's head."""
    pulls = github.request("GET", f"/repos/{github.repo}/commits/{sha}/pulls")
    merged = [p for p in pulls if p.get("merged_at")] or pulls
    if not merged:
        raise CiError(
            f"commit {sha[:12]} came from no pull request, so no plan was reviewed for it; "
            "merge changes through pull requests (or pass plan-path)"
        )
    pull = merged[0]
    head = pull["head"]["sha"]
    query = urllib.parse.urlencode({"head_sha": head, "event": "pull_request", "status": "success"})
    runs = github.request("GET", f"/repos/{github.repo}/actions/runs?{query}")["workflow_runs"]
    for run in sorted(runs, key=lambda r: r.get("created_at", ""), reverse=True):
        found = github.request(
            "GET", f"/repos/{github.repo}/actions/runs/{run['id']}/artifacts?name={artifact}"
        )["artifacts"]
        live = [a for a in found if not a.get("expired")]
        if live:
            return int(pull["number"]), int(live[0]["id"])
    raise CiError(
        f"no '{artifact}' artifact from a successful plan run on pull request "
        f"#{pull['number']} (head {head[:12]}): run the plan workflow on it first"
    )


def download_plan(github: GitHub, artifact_id: int, target: Path) -> Path:
    raw = github.download(f"/repos/{github.repo}/actions/artifacts/{artifact_id}/zip")
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        names = [n for n in archive.namelist() if n.endswith(".json")]
        if len(names) != 1:
            raise CiError(f"the plan artifact holds {len(names)} JSON files, expected 1")
        target.write_bytes(archive.read(names[0]))
    return target


def run_apply(manifests: str, workdir: Path) -> int:
    given = os.environ.get("HEXSYNC_PLAN_PATH", "")
    if given:
        plan_path = Path(given)
    else:
        github = GitHub()
        number, artifact_id = find_reviewed_plan(
            github, env("GITHUB_SHA"), env("HEXSYNC_ARTIFACT", "hexsync-plan")
        )
        plan_path = download_plan(github, artifact_id, workdir / "plan.json")
        log(f"applying the plan reviewed in pull request #{number}")
    done = hexsync("apply", str(plan_path), "--manifests", manifests, keep_stderr=True)
    print(done.stdout, end="")
    report = "\n".join(part.strip() for part in (done.stdout, done.stderr) if part.strip())
    add_summary(f"### hexsync apply\n\n```\n{report}\n```\n")
    set_output("exit-code", str(done.returncode))
    return done.returncode


# ------------------------------------------------------------------------------------ drift


def run_drift(manifests: str, workdir: Path) -> int:
    report = workdir / "drift.json"
    done = hexsync("drift", manifests, "--format", "markdown", "--out", str(report))
    code = done.returncode
    set_output("exit-code", str(code))
    set_output("drift", "true" if code == 2 else "false")
    if code not in (0, 2):
        return code
    add_summary(done.stdout)
    if os.environ.get("HEXSYNC_ISSUE", "true") != "true":
        return 0
    github = GitHub()
    label = env("HEXSYNC_DRIFT_LABEL", "drift")
    marker = DRIFT_MARKER.format(manifests=manifests)
    query = urllib.parse.urlencode({"labels": label, "state": "open"})
    issues = [
        i
        for i in github.pages(f"/repos/{github.repo}/issues?{query}")
        if marker in (i.get("body") or "") and "pull_request" not in i
    ]
    body = with_marker(marker, done.stdout)
    if code == 2:
        if issues:
            number = int(issues[0]["number"])
            github.request("PATCH", f"/repos/{github.repo}/issues/{number}", {"body": body})
            log(f"drift issue #{number} updated")
        else:
            made = github.request(
                "POST",
                f"/repos/{github.repo}/issues",
                {"title": f"Hex drift: {manifests}", "body": body, "labels": [label]},
            )
            number = int(made["number"])
            log(f"drift issue #{number} opened")
        set_output("issue", str(number))
        return 0
    for issue in issues:
        path = f"/repos/{github.repo}/issues/{issue['number']}"
        github.request(
            "POST", f"{path}/comments", {"body": "No drift any more: Hex matches the manifests."}
        )
        github.request("PATCH", path, {"state": "closed", "state_reason": "completed"})
        log(f"drift issue #{issue['number']} closed")
    return 0


MODES = {"plan": run_plan, "apply": run_apply, "drift": run_drift}


def main(argv: list[str]) -> int:
    if len(argv) != 1 or argv[0] not in MODES:
        print(f"usage: python -m hexsync.ci.github {'|'.join(MODES)}", file=sys.stderr)
        return 1
    manifests = os.environ.get("HEXSYNC_MANIFESTS", "manifests")
    workdir = Path(os.environ.get("RUNNER_TEMP") or ".") / "hexsync"
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        return MODES[argv[0]](manifests, workdir)
    except CiError as exc:
        print(f"::error::hexsync {argv[0]}: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
