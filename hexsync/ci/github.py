"""The logic of hexsync's GitHub Action (``action.yml``), runnable on any machine.

    python -m hexsync.ci.github plan|apply|drift

Everything the composite action does besides installing hexsync and uploading the artifact is
here, so it can be run and tested locally against a fake GitHub API (``GITHUB_API_URL``) and the
Hex emulator (``HEX_API_URL``). Standard library only (and PyYAML, for hexsync.yaml);
``hexsync`` is the installed command (``HEXSYNC`` overrides it).

The modes are ``hexsync.ci._common``'s, the same as GitLab's; this module is GitHub's side:

With ``HEXSYNC_WORKSPACE`` (the ``workspace`` input) the job is for that workspace of
hexsync.yaml: hexsync runs with ``-w NAME`` (its host and layers), the job's one Hex token is
handed to it in the variable the workspace's ``token_env`` names, and the comment, the drift
issue and the plan artifact (``hexsync-plan-NAME``) are the workspace's own.

- ``plan``: ``hexsync plan --out plan.json --format markdown --detailed-exitcode``; the markdown
  goes to the job summary and to one sticky pull-request comment (found again by a hidden
  marker among the comments the token's own identity wrote, so a new push updates it instead of
  adding another, and nobody else's comment is ever taken for it); outputs ``has-changes``,
  ``exit-code``, ``destructive`` and ``plan-path`` (for the artifact step).
- ``apply``: finds the plan reviewed in the pull request that the pushed commit merged (never
  one still open): the artifact of the newest successful ``pull_request`` run of the plan
  workflow (``HEXSYNC_PLAN_WORKFLOW``, by its file name) on the pull request's head commit; the
  artifact is read up to the size hexsync accepts for a plan. It runs ``hexsync apply plan.json
  --manifests DIR``, which refuses (exit 3) a plan that the manifests on this branch do not
  produce.
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
import zipfile
from collections.abc import Callable, Mapping
from functools import cached_property
from pathlib import Path
from typing import Any

from hexsync.ci._common import (
    PLAN_LIMIT,
    CiError,
    HttpError,
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

# Who the job's GITHUB_TOKEN (an installation token of GitHub Actions) writes as.
ACTIONS_BOT = "github-actions[bot]"


def github_api() -> RestApi:
    """The repository's REST API on ``GITHUB_API_URL``, with the job's token."""
    api = env("GITHUB_API_URL", "https://api.github.com").rstrip("/")
    headers = {
        "Authorization": f"Bearer {env('GITHUB_TOKEN')}",
        "Accept": "application/vnd.github+json",
        "X-GitHub-Api-Version": "2022-11-28",
    }
    return RestApi(api, f"/repos/{env('GITHUB_REPOSITORY')}", headers, "GitHub API")


def artifact_name() -> str:
    """The plan artifact's name: ``HEXSYNC_ARTIFACT``, and with a workspace ``-NAME`` after it,
    so the jobs of a matrix over the workspaces upload (and apply) each its own."""
    base = env("HEXSYNC_ARTIFACT", "hexsync-plan")
    name = workspace()
    return f"{base}-{name}" if name else base


def _event() -> Mapping[str, Any]:
    path = os.environ.get("GITHUB_EVENT_PATH")
    if not path or not Path(path).is_file():
        return {}
    data: Mapping[str, Any] = json.loads(Path(path).read_text(encoding="utf-8"))
    return data


def _append(variable: str, text: str) -> bool:
    path = os.environ.get(variable)
    if path:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write(text)
    return bool(path)


class GitHub:
    """GitHub's side of the modes; the API client is made on first use (a plan outside a pull
    request needs no token)."""

    @cached_property
    def api(self) -> RestApi:
        return github_api()

    @cached_property
    def written_by_token(self) -> Callable[[Mapping[str, Any]], bool]:
        """Whether a comment was written by the token's own identity (its ``user``): the
        account ``GET /user`` answers, by id (a login can be renamed); an installation token
        (the job's GITHUB_TOKEN, a GitHub App's), which GET /user refuses with 403, writes as
        its app's bot: ``HEXSYNC_COMMENT_AUTHOR``, by default ``github-actions[bot]``."""
        try:
            me = self.api.request_root("GET", "/user")
        except HttpError as exc:
            if exc.code != 403:
                raise
            bot = env("HEXSYNC_COMMENT_AUTHOR", ACTIONS_BOT).casefold()
            return lambda c: str((c.get("user") or {}).get("login", "")).casefold() == bot
        ident = me["id"]
        return lambda c: (c.get("user") or {}).get("id") == ident

    def output(self, values: Mapping[str, str]) -> None:
        """Step outputs (``$GITHUB_OUTPUT``); printed when run by hand. A saved plan comes
        with the name of the artifact to upload it as."""
        if "plan-path" in values:
            values = {**values, "artifact": artifact_name()}
        text = "".join(f"{k}={v}\n" for k, v in values.items())
        if not _append("GITHUB_OUTPUT", text):
            print(text, end="")

    def summary(self, name: str, markdown: str) -> None:  # noqa: ARG002 - one summary per job
        _append("GITHUB_STEP_SUMMARY", markdown.rstrip("\n") + "\n")

    def post_plan(self, marker: str, markdown: str) -> None:
        pull = _event().get("pull_request")
        if not isinstance(pull, Mapping) or not isinstance(pull.get("number"), int):
            return
        number = int(pull["number"])
        updated = upsert_sticky(
            self.api,
            marker,
            with_marker(marker, markdown),
            mine=self.written_by_token,
            listing=f"/issues/{number}/comments",
            edit="/issues/comments/{id}",
            method="PATCH",
            create=f"/issues/{number}/comments",
        )
        name = workspace()
        what = f"plan comment of workspace {name}" if name else "plan comment"
        log(f"{what} {'updated' if updated else 'created'} on pull request #{number}")

    def reviewed_plan(self, workdir: Path) -> Path:
        """The newest successful pull_request run of the plan workflow on the merged pull
        request's head, and the plan artifact it uploaded. A pull request that was not merged
        was reviewed by nobody; another workflow (one a pull request may add) may upload an
        artifact of the same name."""
        sha, artifact = env("GITHUB_SHA"), artifact_name()
        workflow = env("HEXSYNC_PLAN_WORKFLOW", "hexsync-plan.yml")
        pulls = self.api.request("GET", f"/commits/{sha}/pulls")
        merged = [p for p in pulls if p.get("merged_at")]
        if not merged:
            raise CiError(
                f"commit {sha[:12]} came from no merged pull request, so no plan was reviewed "
                "for it; merge changes through pull requests (or pass plan-path)"
            )
        pull = merged[0]
        head = pull["head"]["sha"]
        query = urllib.parse.urlencode(
            {"head_sha": head, "event": "pull_request", "status": "success"}
        )
        runs_of = f"/actions/workflows/{urllib.parse.quote(workflow, safe='')}/runs"
        runs = self.api.request("GET", f"{runs_of}?{query}")["workflow_runs"]
        for run in sorted(runs, key=lambda r: r.get("created_at", ""), reverse=True):
            found = self.api.request("GET", f"/actions/runs/{run['id']}/artifacts?name={artifact}")[
                "artifacts"
            ]
            live = [a for a in found if not a.get("expired")]
            if live:
                log(f"applying the plan reviewed in pull request #{pull['number']}")
                # A zip of a plan at the cap, stored rather than deflated, and its headers.
                raw = self.api.download(
                    f"/actions/artifacts/{live[0]['id']}/zip", PLAN_LIMIT + 1_000_000
                )
                return _unzip_plan(raw, workdir / "plan.json")
        raise CiError(
            f"no '{artifact}' artifact from a successful run of {workflow} on pull request "
            f"#{pull['number']} (head {head[:12]}): run the plan workflow on it first"
        )

    def drift_issue(self, marker: str, markdown: str, *, drift: bool) -> None:
        label = env("HEXSYNC_DRIFT_LABEL", "drift")
        query = urllib.parse.urlencode({"labels": label, "state": "open"})
        issues = [
            i
            for i in self.api.pages(f"/issues?{query}")
            if carries(i.get("body"), marker) and "pull_request" not in i
        ]
        body = with_marker(marker, markdown)
        if drift and issues:
            number = int(issues[0]["number"])
            self.api.request("PATCH", f"/issues/{number}", {"body": body})
            log(f"drift issue #{number} updated")
        elif drift:
            title = f"Hex drift: {subject()}"
            made = self.api.request(
                "POST", "/issues", {"title": title, "body": body, "labels": [label]}
            )
            number = int(made["number"])
            log(f"drift issue #{number} opened")
        if drift:
            self.output({"issue": str(number)})
            return
        for issue in issues:
            path = f"/issues/{issue['number']}"
            note = {"body": "No drift any more: Hex matches the manifests."}
            self.api.request("POST", f"{path}/comments", note)
            self.api.request("PATCH", path, {"state": "closed", "state_reason": "completed"})
            log(f"drift issue #{issue['number']} closed")


def _unzip_plan(raw: bytes, target: Path) -> Path:
    """The one JSON file of the artifact, refused by its size before it is unpacked (a few
    kilobytes of zip can unpack to gigabytes), and read no further than the cap."""
    cap = f"the {PLAN_LIMIT / 1_000_000:g} MB a saved plan may be"
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            members = [i for i in archive.infolist() if i.filename.endswith(".json")]
            if len(members) != 1:
                raise CiError(f"the plan artifact holds {len(members)} JSON files, expected 1")
            member = members[0]
            if member.file_size > PLAN_LIMIT:
                size = f"{member.file_size / 1_000_000:.0f} MB"
                raise CiError(f"{member.filename} is {size} unpacked, over {cap}; not unpacked")
            with archive.open(member) as handle:
                data = handle.read(PLAN_LIMIT + 1)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError) as exc:
        raise CiError(f"the plan artifact is not a readable zip: {exc}") from exc
    if len(data) > PLAN_LIMIT:
        raise CiError(f"{member.filename} unpacks to more than {cap}")
    target.write_bytes(data)
    return target


if __name__ == "__main__":
    workdir = Path(os.environ.get("RUNNER_TEMP") or ".") / "hexsync"
    sys.exit(main(sys.argv[1:], "hexsync.ci.github", GitHub, workdir, "::error::"))
