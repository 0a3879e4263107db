"""The GitHub Action's steps, run locally: ``python -m hexsync.ci.github`` against a fake GitHub
API on loopback and the Hex emulator, as the composite action runs it (same environment)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from ci_support import ROOT, job_env, needs_apply_manifests, run_hexsync, run_in_job
from fake_github import REPO, TOKEN, FakeGitHub, fake_github

pytestmark = pytest.mark.slow

MARKER = "<!-- hexsync:plan manifests=manifests -->"
DRIFT_MARKER = "<!-- hexsync:drift manifests=manifests -->"


@pytest.fixture
def github() -> Iterator[FakeGitHub]:
    with fake_github() as fake:
        yield fake


def run_step(
    mode: str, checkout: Path, hex_url: str, github: FakeGitHub, **extra: str
) -> tuple[subprocess.CompletedProcess[str], dict[str, str], str]:
    """One run of the action's main step: (process, its outputs, its job summary)."""
    runner = checkout / f"runner-{len(github.log)}"
    runner.mkdir()
    outputs, summary = runner / "output", runner / "summary"
    event = runner / "event.json"
    event.write_text(json.dumps({"pull_request": {"number": 7}}), encoding="utf-8")
    env = job_env(
        hex_url,
        GITHUB_API_URL=github.url,
        GITHUB_REPOSITORY=REPO,
        GITHUB_TOKEN=TOKEN,
        GITHUB_EVENT_PATH=str(event),
        GITHUB_OUTPUT=str(outputs),
        GITHUB_STEP_SUMMARY=str(summary),
        GITHUB_SHA="a1" * 20,
        RUNNER_TEMP=str(runner),
        HEXSYNC_MANIFESTS="manifests",
        **extra,
    )
    done = run_in_job([sys.executable, "-m", "hexsync.ci.github", mode], checkout, env, TOKEN)
    pairs = outputs.read_text(encoding="utf-8").splitlines() if outputs.exists() else []
    found = dict(line.split("=", 1) for line in pairs)
    text = summary.read_text(encoding="utf-8") if summary.exists() else ""
    return done, found, text


def test_plan_posts_one_sticky_comment_and_sets_the_outputs(
    checkout: Path, hex_url: str, github: FakeGitHub
) -> None:
    github.comments[7] = [{"id": 1, "body": "LGTM, but let's see the plan"}]
    done, outputs, summary = run_step("plan", checkout, hex_url, github)
    assert done.returncode == 0, done.stderr  # changes present is success for the step
    plan = json.loads(Path(outputs["plan-path"]).read_text(encoding="utf-8"))
    assert outputs["exit-code"] == "2"
    assert outputs["has-changes"] == "true"
    assert outputs["destructive"] == str(plan["summary"]["destructive"]) != "0"
    assert Path(outputs["plan-path"]).name == "plan.json"  # what the artifact step uploads
    assert "Partners" in summary  # the markdown plan is the job summary
    comments = github.comments[7]
    assert len(comments) == 2
    assert comments[0]["body"] == "LGTM, but let's see the plan"  # someone else's: untouched
    ours = comments[1]
    assert ours["body"].startswith(MARKER + "\n")
    assert ours["body"][len(MARKER) + 1 :] == summary
    assert "comment created on pull request #7" in done.stderr

    assert plan["summary"]["deactivate"] == 1

    # A second push (mallory no longer deactivated): the same comment is updated, never a
    # second one, and it holds the new plan.
    first = summary
    (checkout / "manifests" / "users.yaml").write_text("users: []\n", encoding="utf-8")
    done, outputs, summary = run_step("plan", checkout, hex_url, github)
    assert done.returncode == 0, done.stderr
    again = json.loads(Path(outputs["plan-path"]).read_text(encoding="utf-8"))
    assert again["summary"]["deactivate"] == 0
    assert summary != first
    assert [c["id"] for c in github.comments[7]] == [1, ours["id"]]
    assert github.comments[7][1]["body"] == MARKER + "\n" + summary
    assert ("PATCH", f"/repos/{REPO}/issues/comments/{ours['id']}", True) in github.log
    assert "comment updated on pull request #7" in done.stderr


# Someone who can comment on the pull request (its author) posts the marker first, hoping to
# own "the plan comment": to have the job write the plan into a comment whose first lines they
# wrote, or to make it fail on every push where the token may not edit their comment.
FOREIGN = [
    {"id": 1, "body": MARKER + "\nApprove away.", "user": {"login": "mallory", "id": 66}},
    {"id": 2, "body": MARKER + "\n(quoted)", "user": {"login": "other-app[bot]", "id": 9}},
]


@pytest.mark.parametrize(
    "token_user",
    [None, {"login": "hexsync-ci", "id": 555, "type": "User"}],
    ids=["actions-token", "personal-token"],
)
def test_a_marked_comment_someone_else_wrote_is_never_the_plan_comment(
    checkout: Path, hex_url: str, github: FakeGitHub, token_user: dict[str, Any] | None
) -> None:
    github.token_user = token_user
    github.comments[7] = [dict(c) for c in FOREIGN]
    done, _, summary = run_step("plan", checkout, hex_url, github)
    assert done.returncode == 0, done.stderr
    assert github.comments[7][:2] == FOREIGN  # left alone
    assert len(github.comments[7]) == 3
    ours = github.comments[7][2]
    assert ours["user"] == github.author
    assert ours["body"] == MARKER + "\n" + summary
    assert "comment created on pull request #7" in done.stderr

    # The next push updates the job's own comment, still never the foreign ones.
    (checkout / "manifests" / "users.yaml").write_text("users: []\n", encoding="utf-8")
    done, _, summary = run_step("plan", checkout, hex_url, github)
    assert done.returncode == 0, done.stderr
    assert github.comments[7][:2] == FOREIGN
    assert [c["id"] for c in github.comments[7]] == [1, 2, ours["id"]]
    assert github.comments[7][2]["body"] == MARKER + "\n" + summary
    assert "comment updated on pull request #7" in done.stderr


def test_plan_without_changes_says_so(checkout: Path, hex_url: str, github: FakeGitHub) -> None:
    applied = run_hexsync(hex_url, "apply", str(checkout / "manifests"), "--auto-approve")
    assert applied.exit_code == 0, applied.output
    done, outputs, _ = run_step("plan", checkout, hex_url, github)
    assert done.returncode == 0
    assert outputs["exit-code"] == "0"
    assert outputs["has-changes"] == "false"
    assert outputs["destructive"] == "0"
    assert "No changes" in github.comments[7][0]["body"]


def test_plan_with_broken_manifests_fails_the_step_and_posts_nothing(
    checkout: Path, hex_url: str, github: FakeGitHub
) -> None:
    (checkout / "manifests" / "broken.yaml").write_text("groups: [{nme: X}]\n", encoding="utf-8")
    done, outputs, _ = run_step("plan", checkout, hex_url, github)
    assert done.returncode == 1
    assert outputs["exit-code"] == "1"
    assert "plan-path" not in outputs
    assert github.comments == {}
    assert "unknown key 'nme'" in done.stderr


def _reviewed(github: FakeGitHub, plan_json: bytes) -> None:
    """The pull request the pushed commit merged, its plan run, and that run's artifact."""
    github.pulls_of_commit["a1" * 20] = [
        {"number": 7, "merged_at": "2026-01-01T00:00:00Z", "head": {"sha": "b2" * 20}}
    ]
    github.runs.append({"id": 99, "head_sha": "b2" * 20, "created_at": "2026-01-01T00:00:00Z"})
    github.add_artifact(99, "hexsync-plan", "plan.json", plan_json)


def _plan_json(hex_url: str, manifests: Path, out: Path) -> bytes:
    made = run_hexsync(hex_url, "plan", str(manifests), "--out", str(out))
    assert made.exit_code == 0, made.output
    return out.read_bytes()


@needs_apply_manifests
def test_apply_downloads_the_reviewed_plan_and_applies_it(
    checkout: Path, hex_url: str, github: FakeGitHub
) -> None:
    _reviewed(github, _plan_json(hex_url, checkout / "manifests", checkout / "reviewed.json"))
    done, outputs, summary = run_step("apply", checkout, hex_url, github)
    assert done.returncode == 0, done.stderr
    assert outputs["exit-code"] == "0"
    assert "applying the plan reviewed in pull request #7" in done.stderr
    assert "Apply complete" in summary
    # The artifact's storage got no token; the API got it on every call.
    assert [had for method, path, had in github.log if path.startswith("/storage/")] == [False]
    assert all(had for method, path, had in github.log if path.startswith("/repos/"))
    again = run_hexsync(hex_url, "plan", str(checkout / "manifests"), "--detailed-exitcode")
    assert again.exit_code == 0, again.output  # the workspace matches the manifests


@needs_apply_manifests
def test_apply_refuses_a_plan_the_merged_manifests_do_not_produce(
    checkout: Path, hex_url: str, github: FakeGitHub, tmp_path: Path
) -> None:
    other = tmp_path / "other"
    shutil.copytree(checkout / "manifests", other)
    (other / "users.yaml").write_text("users: []\n", encoding="utf-8")
    _reviewed(github, _plan_json(hex_url, other, tmp_path / "forged.json"))
    done, outputs, _ = run_step("apply", checkout, hex_url, github)
    assert done.returncode == 3, done.stderr + done.stdout
    assert outputs["exit-code"] == "3"


def test_apply_never_takes_the_plan_of_a_pull_request_that_was_not_merged(
    checkout: Path, hex_url: str, github: FakeGitHub
) -> None:
    # The pushed commit is also the head of an open pull request that has a plan run: pushed
    # straight to main, it was reviewed by nobody.
    _reviewed(github, _plan_json(hex_url, checkout / "manifests", checkout / "plan.json"))
    github.pulls_of_commit["a1" * 20][0]["merged_at"] = None
    done, outputs, _ = run_step("apply", checkout, hex_url, github)
    assert done.returncode == 1, done.stderr
    assert "came from no merged pull request, so no plan was reviewed for it" in done.stderr
    assert "exit-code" not in outputs  # nothing was applied
    assert not any(path.startswith("/storage/") for _, path, _ in github.log)


def test_apply_takes_the_artifact_of_the_plan_workflow_only(
    checkout: Path, hex_url: str, github: FakeGitHub
) -> None:
    # Another workflow of the pull request (one its author added) uploaded an artifact of the
    # plan's name; the plan workflow itself left none.
    _reviewed(github, _plan_json(hex_url, checkout / "manifests", checkout / "plan.json"))
    github.runs[0]["path"] = ".github/workflows/innocent-lint.yml"
    done, outputs, _ = run_step("apply", checkout, hex_url, github)
    assert done.returncode == 1, done.stderr
    assert "no 'hexsync-plan' artifact from a successful run of hexsync-plan.yml" in done.stderr
    assert "exit-code" not in outputs
    assert not any(path.startswith("/storage/") for _, path, _ in github.log)

    # The plan workflow is the plan-workflow input's (by its file name).
    done, outputs, _ = run_step(
        "apply", checkout, hex_url, github, HEXSYNC_PLAN_WORKFLOW="innocent-lint.yml"
    )
    assert "applying the plan reviewed in pull request #7" in done.stderr


def test_apply_refuses_an_artifact_that_unpacks_past_the_plan_size_cap(
    checkout: Path, hex_url: str, github: FakeGitHub
) -> None:
    # 60 MB of blanks pack into a small zip: the member must be refused by its size, before
    # it is unpacked (in memory, or on the runner's disk).
    _reviewed(github, b" " * 60_000_000 + b"{}")
    done, outputs, _ = run_step("apply", checkout, hex_url, github)
    assert done.returncode == 1, done.stderr
    assert "plan.json is 60 MB unpacked, over the 50 MB a saved plan may be" in done.stderr
    assert "exit-code" not in outputs
    assert not list(checkout.glob("runner-*/hexsync/plan.json"))


def test_apply_without_a_reviewed_plan_says_why(
    checkout: Path, hex_url: str, github: FakeGitHub
) -> None:
    done, outputs, _ = run_step("apply", checkout, hex_url, github)
    assert done.returncode == 1
    assert "came from no merged pull request, so no plan was reviewed for it" in done.stderr
    assert "exit-code" not in outputs  # nothing was applied


def test_drift_opens_updates_and_closes_one_issue(
    checkout: Path, hex_url: str, github: FakeGitHub
) -> None:
    github.issues.append(
        {
            "number": 1,
            "title": "unrelated",
            "body": "x",
            "labels": [{"name": "drift"}],
            "state": "open",
        }
    )
    done, outputs, summary = run_step("drift", checkout, hex_url, github)
    assert done.returncode == 0, done.stderr
    assert outputs["drift"] == "true"
    assert outputs["exit-code"] == "2"
    ours = [i for i in github.issues if DRIFT_MARKER in i["body"]]
    assert len(ours) == 1
    assert ours[0]["labels"] == [{"name": "drift"}]
    assert ours[0]["body"] == DRIFT_MARKER + "\n" + summary
    assert "| group `Analysts` | member `carol@acme.com` |" in summary
    assert outputs["issue"] == str(ours[0]["number"])

    done, outputs, _ = run_step("drift", checkout, hex_url, github)
    assert done.returncode == 0
    assert len([i for i in github.issues if DRIFT_MARKER in i["body"]]) == 1  # updated, not new
    assert f"drift issue #{ours[0]['number']} updated" in done.stderr

    applied = run_hexsync(hex_url, "apply", str(checkout / "manifests"), "--auto-approve")
    assert applied.exit_code == 0
    done, outputs, _ = run_step("drift", checkout, hex_url, github)
    assert done.returncode == 0
    assert outputs["drift"] == "false"
    assert ours[0]["state"] == "closed"
    assert github.issues[0]["state"] == "open"  # not ours: left alone
    assert f"drift issue #{ours[0]['number']} closed" in done.stderr


def _no_network() -> list[str]:
    """``unshare -n``: run without any network (root with util-linux, as CI is), proving the
    linters work offline; elsewhere nothing (they are still run with --offline)."""
    if shutil.which("unshare") is None:
        return []
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True, check=False)
    return ["unshare", "-n"] if probe.returncode == 0 else []


def _runs(args: list[str], cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*_no_network(), *args], cwd=cwd, capture_output=True, text=True, timeout=120, check=False
    )


def test_the_action_and_the_example_workflows_pass_actionlint(tmp_path: Path) -> None:
    workflows = sorted((ROOT / "examples" / "ci" / "github").glob("hexsync-*.yml"))
    assert len(workflows) == 3
    done = _runs(["actionlint", "-no-color", *map(str, workflows)])
    assert done.returncode == 0, done.stdout + done.stderr
    # actionlint reads action.yml when a workflow uses it locally: every mode and input.
    repo = tmp_path / "repo"
    (repo / ".github" / "workflows").mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    shutil.copy(ROOT / "action.yml", repo / "action.yml")
    steps: list[dict[str, Any]] = [
        {"uses": "./", "with": {"mode": mode, "hex-token": "${{ secrets.HEX_API_TOKEN }}"}}
        for mode in ("plan", "apply", "drift")
    ]
    workflow = {
        "name": "t",
        "on": "push",
        "permissions": {},
        "jobs": {"t": {"runs-on": "ubuntu-latest", "steps": steps}},
    }
    (repo / ".github" / "workflows" / "t.yml").write_text(json.dumps(workflow), encoding="utf-8")
    done = _runs(["actionlint", "-no-color"], cwd=repo)
    assert done.returncode == 0, done.stdout + done.stderr
    steps[0]["with"]["nope"] = "1"  # and it would see a wrong input
    (repo / ".github" / "workflows" / "t.yml").write_text(json.dumps(workflow), encoding="utf-8")
    done = _runs(["actionlint", "-no-color"], cwd=repo)
    assert 'input "nope" is not defined in action "hexsync"' in done.stdout


def test_every_file_to_copy_into_github_workflows_is_a_workflow() -> None:
    # The README: copy examples/ci/github/'s files into .github/workflows/, where GitHub takes
    # every YAML file for a workflow; anything else (zizmor's configuration) lives apart.
    examples = ROOT / "examples" / "ci" / "github"
    files = sorted(p for p in examples.iterdir() if p.is_file())
    assert [p.name for p in files] == ["hexsync-apply.yml", "hexsync-drift.yml", "hexsync-plan.yml"]
    for path in files:
        workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert {True, "jobs"} <= set(workflow), path.name  # "on:" loads as True in YAML 1.1


def test_the_action_and_the_example_workflows_pass_zizmor() -> None:
    workflows = sorted(str(p) for p in (ROOT / "examples" / "ci" / "github").glob("hexsync-*.yml"))
    config = ROOT / "examples" / "ci" / "github" / "zizmor" / "zizmor.yml"
    done = _runs(
        ["zizmor", "--offline", "--no-progress", "--config", str(config), "action.yml", *workflows]
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No findings to report" in done.stdout + done.stderr


def test_a_refused_plan_fails_the_step_but_still_says_what_it_would_change(
    checkout: Path, hex_url: str, github: FakeGitHub
) -> None:
    policy = checkout / "manifests" / "policy.yaml"
    policy.write_text(
        policy.read_text(encoding="utf-8").replace("max_destroy: 10", "max_destroy: 0"),
        encoding="utf-8",
    )
    assert "max_destroy: 0" in policy.read_text(encoding="utf-8")
    done, outputs, _ = run_step("plan", checkout, hex_url, github)
    assert done.returncode == 3  # refused: the step fails, the pull request cannot go green
    assert outputs["exit-code"] == "3"
    assert outputs["has-changes"] == "true"
    assert outputs["destructive"] != "0"
    assert "max_destroy" in github.comments[7][0]["body"]  # the reviewer sees why
