"""The GitHub Action's steps, run locally: ``python -m hexsync.ci.github`` against a fake GitHub
API on loopback and the Hex emulator, as the composite action runs it (same environment)."""

from __future__ import annotations

import importlib.metadata
import json
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from acme import EXAMPLE_TOKEN as HEX_TOKEN
from actions_runner import Job, Runner, runner_env
from ci_support import (
    EVERY_TOKEN,
    ROOT,
    TOKENS,
    groups_of,
    job_env,
    needs_apply_manifests,
    own_tokens,
    run_hexsync,
    run_in_job,
    tokens_seen,
    write_workspaces,
)
from fake_github import ACTIONS_BOT, REPO, TOKEN, FakeGitHub, fake_github

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


WORKFLOWS = sorted((ROOT / "examples" / "ci" / "github" / "workflows").glob("*.yml"))
WORKSPACE_WORKFLOWS = sorted(
    (ROOT / "examples" / "ci" / "github-workspaces" / "workflows").glob("*.yml")
)
ACTIONS = [
    ROOT / "action.yml",
    ROOT / "examples" / "ci" / "github" / "actions" / "hexsync" / "action.yml",
]
RELEASE = ROOT / ".github" / "workflows" / "release.yml"


def test_the_action_and_the_example_workflows_pass_actionlint(tmp_path: Path) -> None:
    assert [p.name for p in WORKFLOWS] == [
        "hexsync-apply.yml",
        "hexsync-drift.yml",
        "hexsync-plan.yml",
    ]
    assert [p.name for p in WORKSPACE_WORKFLOWS] == [p.name for p in WORKFLOWS]
    done = _runs(["actionlint", "-no-color", *map(str, WORKFLOWS), str(RELEASE)])
    assert done.returncode == 0, done.stdout + done.stderr
    # The matrix workflows, in a repository holding the action they use (its inputs checked).
    repo = tmp_path / "workspaces"
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    shutil.copytree(ROOT / "examples" / "ci" / "github", repo / ".github")
    for path in WORKSPACE_WORKFLOWS:
        shutil.copy(path, repo / ".github" / "workflows" / path.name)
    done = _runs(["actionlint", "-no-color"], cwd=repo)
    assert done.returncode == 0, done.stdout + done.stderr
    # actionlint reads an action when a workflow uses it from a path: every mode and input,
    # of hexsync's own action.yml and of the one the examples copy into .github/actions/.
    for action in ACTIONS:
        repo = tmp_path / action.parent.name
        (repo / ".github" / "workflows").mkdir(parents=True)
        subprocess.run(["git", "init", "-q", str(repo)], check=True)
        shutil.copy(action, repo / "action.yml")
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
        path = repo / ".github" / "workflows" / "t.yml"
        path.write_text(json.dumps(workflow), encoding="utf-8")
        done = _runs(["actionlint", "-no-color"], cwd=repo)
        assert done.returncode == 0, done.stdout + done.stderr
        steps[0]["with"]["nope"] = "1"  # and it would see a wrong input
        path.write_text(json.dumps(workflow), encoding="utf-8")
        done = _runs(["actionlint", "-no-color"], cwd=repo)
        assert 'input "nope" is not defined in action "hexsync"' in done.stdout


def test_every_file_to_copy_into_github_workflows_is_a_workflow() -> None:
    # docs/ci.md: copy examples/ci/github/ as .github/, where GitHub takes every YAML file of
    # workflows/ for a workflow, and finds the action at actions/hexsync/.
    examples = ROOT / "examples" / "ci" / "github"
    assert sorted(p.name for p in examples.iterdir()) == ["actions", "workflows"]
    for path in (examples / "workflows").iterdir():
        workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert {True, "jobs"} <= set(workflow), path.name  # "on:" loads as True in YAML 1.1
    action = examples / "actions" / "hexsync"
    assert sorted(p.name for p in action.iterdir()) == ["action.yml", "requirements.txt"]


def test_the_action_and_the_example_workflows_pass_zizmor() -> None:
    # No configuration: every action they use is pinned by commit SHA but the one from a path.
    done = _runs(
        [
            "zizmor",
            "--offline",
            "--no-progress",
            *map(str, ACTIONS + WORKFLOWS + WORKSPACE_WORKFLOWS),
            str(RELEASE),
        ]
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "No findings to report" in done.stdout + done.stderr


def test_the_examples_use_no_placeholder_release_only_pinned_actions_and_the_copied_one() -> None:
    # The mistake met: `uses: OWNER/hexsync@v0.1.0`, a release that does not exist.
    for path in WORKFLOWS + WORKSPACE_WORKFLOWS:
        text = path.read_text(encoding="utf-8")
        for uses in re.findall(r"uses: (\S+)", text):
            assert uses == "./.github/actions/hexsync" or re.fullmatch(
                r"[\w-]+/[\w-]+@[0-9a-f]{40}", uses
            ), f"{path.name}: {uses}"
        assert "./.github/actions/hexsync" in text


def test_the_copied_action_is_hexsyncs_action_but_for_its_install_step() -> None:
    own, copied = (yaml.safe_load(p.read_text(encoding="utf-8")) for p in ACTIONS)
    assert copied["inputs"] == own["inputs"]
    assert copied["outputs"] == own["outputs"]
    assert copied["runs"]["steps"][1:] == own["runs"]["steps"][1:]
    assert "--require-hashes" in copied["runs"]["steps"][0]["run"]
    assert 'install --quiet "$GITHUB_ACTION_PATH"' in own["runs"]["steps"][0]["run"]  # its source


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _pins(path: Path) -> dict[str, list[str]]:
    """``name==version`` (with its marker) → its hashes, of a hashed requirements file."""
    pins: dict[str, list[str]] = {}
    text = path.read_text(encoding="utf-8").replace("\\\n", " ")
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            requirement, *hashes = line.split("--hash=")
            pins[" ".join(requirement.split())] = [h.strip() for h in hashes]
    return pins


def test_the_action_installs_only_what_the_job_runs_pinned_with_hashes() -> None:
    # The mistake met: unpinned dependencies, and starlette and uvicorn (the emulator's) in the
    # job that holds the admin token.
    requirements = ROOT / "examples" / "ci" / "github" / "actions" / "hexsync" / "requirements.txt"
    pins = _pins(requirements)
    names = {_normal(re.split(r"[=;\s]", p, maxsplit=1)[0]) for p in pins}
    assert not names & {"starlette", "uvicorn"}
    plain = {
        _normal(re.split(r"[\s;\[<>=!~]", r, maxsplit=1)[0])
        for r in importlib.metadata.requires("hexsync") or []
        if "extra ==" not in r
    }
    assert plain <= names  # every dependency hexsync declares, and the ones they need
    for requirement, hashes in pins.items():
        assert re.match(r"[\w.-]+==[\w.]+( ;|$)", requirement), requirement
        assert hashes
        assert all(re.fullmatch(r"sha256:[0-9a-f]{64}", h) for h in hashes)
    # GitLab's template installs the same pins.
    gitlab = ROOT / "examples" / "ci" / "gitlab" / "hexsync" / "requirements.txt"
    assert gitlab.read_bytes() == requirements.read_bytes()


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


# ----------------------------------------------------------- the examples, copied as they are
# Issue 29, items 7-9: the examples named a placeholder release (OWNER/hexsync@v0.1.0) that
# nobody could run, installed unpinned dependencies and the emulator's web stack into the job
# holding the admin token, and never signed the plan. Here they are copied into a fresh
# repository as docs/ci.md says (examples/ci/github/ as .github/, the wheel beside the action)
# and run, job by job, by a small runner (actions_runner.py) against the emulator and the fake
# GitHub: the action from its path, its pinned install, the plan signed and verified.

EXAMPLES = ROOT / "examples" / "ci" / "github"
PLAN_KEY = "k3y-0f-the-plan-job-and-the-apply-job"
MERGED, HEAD_SHA = "e5" * 20, "f6" * 20


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """hexsync's wheel, built from this checkout (tools/release.sh build does the same)."""
    dist = tmp_path_factory.mktemp("dist")
    built = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert built.returncode == 0, built.stdout[-2000:] + built.stderr[-2000:]
    (found,) = dist.glob("hexsync-*.whl")
    return found


def _copied_repository(base: Path, wheel: Path | None) -> Path:
    repo = base / "repo"
    shutil.copytree(EXAMPLES, repo / ".github")
    shutil.copytree(ROOT / "examples" / "acme" / "manifests", repo / "manifests")
    if wheel is not None:
        shutil.copy(wheel, repo / ".github" / "actions" / "hexsync")
    return repo


def _runner(repo: Path, base: Path, github: FakeGitHub, hex_url: str, **env: str) -> Runner:
    """A fresh hosted runner for one job; the one setting not in the examples is the Hex host
    (the emulator), as an EU workspace would set ``api-url``."""
    temp = base / f"runner-{len(list(base.glob('runner-*')))}"
    event = temp / "event.json"
    temp.mkdir()
    event.write_text(json.dumps({"pull_request": {"number": 7}}), encoding="utf-8")
    return Runner(
        repo=repo,
        env=runner_env(
            temp,
            sys._base_executable,  # the runner's own python3, without this test's packages
            GITHUB_API_URL=github.url,
            GITHUB_REPOSITORY=REPO,
            GITHUB_EVENT_PATH=str(event),
            GITHUB_STEP_SUMMARY=str(temp / "summary"),
            **env,
        ),
        secrets={"HEX_READ_TOKEN": HEX_TOKEN, "HEXSYNC_PLAN_KEY": PLAN_KEY},
        environments={"hex-production": {"HEX_API_TOKEN": HEX_TOKEN}},
        github_token=TOKEN,
        inputs={"api-url": hex_url},
    )


def _merged(github: FakeGitHub, plan: bytes) -> None:
    github.pulls_of_commit[MERGED] = [
        {"number": 7, "merged_at": "2026-01-01T00:00:00Z", "head": {"sha": HEAD_SHA}}
    ]
    github.runs.append({"id": 98, "head_sha": HEAD_SHA, "created_at": "2026-01-01T00:00:00Z"})
    github.add_artifact(98, "hexsync-plan", "plan.json", plan)


def _secrets_unseen(job: Job) -> None:
    assert HEX_TOKEN not in job.log
    assert PLAN_KEY not in job.log
    assert TOKEN not in job.log


@pytest.mark.timeout(600)  # two jobs, each installing hexsync in a fresh venv
def test_the_examples_copied_into_a_repository_plan_sign_and_apply(
    tmp_path: Path, wheel: Path, hex_url: str, github: FakeGitHub
) -> None:
    repo = _copied_repository(tmp_path, wheel)
    plan_runner = _runner(repo, tmp_path, github, hex_url, GITHUB_SHA=HEAD_SHA)
    plan = plan_runner.job("hexsync-plan.yml", "plan")
    _secrets_unseen(plan)
    assert plan.ok, plan.log[-3000:]
    assert plan.outputs["hexsync"]["has-changes"] == "true"
    assert plan.outputs["hexsync"]["destructive"] != "0"
    assert "::warning::the plan holds" in plan.log  # the workflow's own step ran on the output
    assert "installed hexsync, version 0.1.0 and its pinned dependencies" in plan.log
    # The job's hexsync has what plan, apply and drift run, and not the emulator's web stack.
    venv = Path(plan_runner.env["RUNNER_TEMP"]) / "hexsync-venv"
    listed = subprocess.run(
        [str(venv / "bin" / "python"), "-m", "pip", "list", "--format", "json"],
        capture_output=True,
        text=True,
        check=True,
    )
    installed = {p["name"].lower() for p in json.loads(listed.stdout)}
    assert {"hexsync", "httpx", "click"} <= installed
    assert not installed & {"starlette", "uvicorn"}
    # The plan was signed with the key, and posted for review.
    signed = json.loads(plan_runner.artifacts["hexsync-plan"])
    assert signed.get("signature")
    assert "Partners" in github.comments[7][0]["body"]

    _merged(github, plan_runner.artifacts["hexsync-plan"])
    apply = _runner(repo, tmp_path, github, hex_url, GITHUB_SHA=MERGED).job(
        "hexsync-apply.yml", "apply"
    )
    _secrets_unseen(apply)
    assert apply.ok, apply.log[-3000:]
    assert "applying the plan reviewed in pull request #7" in apply.log
    assert "no plan key" not in apply.log
    again = run_hexsync(hex_url, "plan", str(repo / "manifests"), "--detailed-exitcode")
    assert again.exit_code == 0, again.output  # the workspace matches the manifests


@pytest.mark.timeout(600)  # two jobs, each installing hexsync in a fresh venv
def test_the_apply_job_refuses_an_unsigned_plan_in_the_artifact(
    tmp_path: Path, wheel: Path, hex_url: str, github: FakeGitHub
) -> None:
    # Someone who can write the artifact, but does not hold the key, swaps in their own plan.
    repo = _copied_repository(tmp_path, wheel)
    _merged(github, _plan_json(hex_url, repo / "manifests", tmp_path / "unsigned.json"))
    apply = _runner(repo, tmp_path, github, hex_url, GITHUB_SHA=MERGED).job(
        "hexsync-apply.yml", "apply"
    )
    _secrets_unseen(apply)
    assert not apply.ok
    assert "the plan is not signed, and HEXSYNC_PLAN_KEY is set" in apply.log
    again = run_hexsync(hex_url, "plan", str(repo / "manifests"), "--detailed-exitcode")
    assert again.exit_code == 2  # nothing was applied


def test_the_copied_action_without_a_wheel_says_where_to_put_one(
    tmp_path: Path, hex_url: str, github: FakeGitHub
) -> None:
    # Copied the examples, forgot the wheel: one line saying where it goes, nothing installed.
    repo = _copied_repository(tmp_path, None)
    runner = _runner(repo, tmp_path, github, hex_url, GITHUB_SHA=HEAD_SHA)
    plan = runner.job("hexsync-plan.yml", "plan")
    assert not plan.ok
    assert "::error::no hexsync wheel in " in plan.log
    assert "put the wheel of the version to run beside action.yml and commit it" in plan.log
    assert not (Path(runner.env["RUNNER_TEMP"]) / "hexsync-venv").exists()
    assert github.comments == {}


def _jobs(name: str) -> dict[str, Any]:
    data = yaml.safe_load((EXAMPLES / "workflows" / name).read_text(encoding="utf-8"))
    jobs: dict[str, Any] = data["jobs"]
    return jobs


def test_only_the_apply_job_behind_its_environment_holds_the_token_that_writes() -> None:
    # The mistake met: the plan job handed the write-capable Hex token to every pull request
    # from a branch of the repository.
    plan, apply, drift = (_jobs(f"hexsync-{mode}.yml")[mode] for mode in ("plan", "apply", "drift"))
    for job in (plan, drift):
        assert "HEX_API_TOKEN" not in json.dumps(job)
        assert "environment" not in job
    (step,) = [s for s in plan["steps"] if s.get("uses") == "./.github/actions/hexsync"]
    assert step["with"]["hex-token"] == "${{ secrets.HEX_READ_TOKEN }}"
    assert apply["environment"] == "hex-production"
    (step,) = [s for s in apply["steps"] if s.get("uses") == "./.github/actions/hexsync"]
    assert step["with"]["hex-token"] == "${{ secrets.HEX_API_TOKEN }}"
    # Plans are signed in the plan job and verified in the apply job, with the same key.
    for job in (plan, apply):
        (step,) = [s for s in job["steps"] if s.get("uses") == "./.github/actions/hexsync"]
        assert step["with"]["plan-key"] == "${{ secrets.HEXSYNC_PLAN_KEY }}"


def test_each_workspace_job_holds_its_own_environments_token_only() -> None:
    # A secret named by the matrix (secrets[format(…)]) would hand the runner every secret of
    # the repository; a job's environment holds its workspace's token, and no other's.
    plan, apply, drift = (
        yaml.safe_load(
            (ROOT / "examples/ci/github-workspaces/workflows" / name).read_text("utf-8")
        )["jobs"][mode]
        for name, mode in (
            ("hexsync-plan.yml", "plan"),
            ("hexsync-apply.yml", "apply"),
            ("hexsync-drift.yml", "drift"),
        )
    )
    for job, environment, secret in (
        (plan, "hex-${{ matrix.workspace }}-read", "HEX_WORKSPACE_READ_TOKEN"),
        (drift, "hex-${{ matrix.workspace }}-read", "HEX_WORKSPACE_READ_TOKEN"),
        (apply, "hex-${{ matrix.workspace }}", "HEX_WORKSPACE_WRITE_TOKEN"),
    ):
        assert job["strategy"]["matrix"] == {"workspace": ["us", "eu"]}
        assert job["strategy"]["fail-fast"] is False
        assert job["environment"] == environment
        text = json.dumps(job)
        assert "secrets[" not in text
        assert set(re.findall(r"secrets\.(\w+)", text)) <= {secret, "HEXSYNC_PLAN_KEY"}
        (step,) = [s for s in job["steps"] if s.get("uses") == "./.github/actions/hexsync"]
        assert step["with"]["workspace"] == "${{ matrix.workspace }}"
        assert step["with"]["hex-token"] == f"${{{{ secrets.{secret} }}}}"
    assert apply["concurrency"]["group"] == "hexsync-apply-${{ matrix.workspace }}"


def test_a_plan_key_secret_that_is_not_set_plans_unsigned_and_says_so(
    checkout: Path, hex_url: str, github: FakeGitHub
) -> None:
    # `plan-key: ${{ secrets.HEXSYNC_PLAN_KEY }}` with no such secret reaches the job empty:
    # hexsync itself would refuse an empty key; the job plans unsigned and says so.
    done, outputs, _ = run_step("plan", checkout, hex_url, github, HEXSYNC_PLAN_KEY="")
    assert done.returncode == 0, done.stderr
    assert "no plan key (HEXSYNC_PLAN_KEY is not set): the plan is made unsigned" in done.stderr
    assert "signature" not in json.loads(Path(outputs["plan-path"]).read_text(encoding="utf-8"))
    done, outputs, _ = run_step("plan", checkout, hex_url, github, HEXSYNC_PLAN_KEY=PLAN_KEY)
    assert "no plan key" not in done.stderr
    assert json.loads(Path(outputs["plan-path"]).read_text(encoding="utf-8"))["signature"]


# ------------------------------------------------ the matrix over the workspaces of hexsync.yaml
# Issue 26: one repository, a US and an EU workspace (docs/workspaces.md), planned and applied
# by examples/ci/github-workspaces/ (the same action): a job per workspace, each holding its own
# workspace's token alone (an environment's secret), its own sticky comment, its own artifact.

WORKSPACE_EXAMPLES = ROOT / "examples" / "ci" / "github-workspaces"


def _ws_marker(name: str) -> str:
    return f"<!-- hexsync:plan workspace={name} -->"


def _workspaces_repository(base: Path, wheel: Path, emulators: dict[str, str]) -> Path:
    """The examples copied as docs/workspaces.md says: the action as for one workspace, the
    matrix workflows instead of the others; hexsync.yaml with a base layer (the Acme manifests)
    and a layer per workspace."""
    repo = _copied_repository(base, wheel)
    shutil.rmtree(repo / ".github" / "workflows")
    shutil.copytree(WORKSPACE_EXAMPLES / "workflows", repo / ".github" / "workflows")
    (repo / "manifests").rename(repo / "base")
    write_workspaces(repo, emulators)
    return repo


@pytest.mark.timeout(900)  # six jobs on one runner, hexsync installed once
def test_the_matrix_over_the_workspaces_gives_each_its_comment_its_token_and_its_plan(
    tmp_path: Path, wheel: Path, emulators: dict[str, str], github: FakeGitHub
) -> None:
    repo = _workspaces_repository(tmp_path, wheel, emulators)
    temp = tmp_path / "runner"
    temp.mkdir()
    event = temp / "event.json"
    event.write_text(json.dumps({"pull_request": {"number": 7}}), encoding="utf-8")
    # One runner running the jobs in turn (its virtualenv kept: the install is tested above).
    runner = Runner(
        repo=repo,
        env=runner_env(
            temp,
            sys._base_executable,
            GITHUB_API_URL=github.url,
            GITHUB_REPOSITORY=REPO,
            GITHUB_EVENT_PATH=str(event),
            GITHUB_STEP_SUMMARY=str(temp / "summary"),
            GITHUB_SHA=HEAD_SHA,
        ),
        secrets={"HEXSYNC_PLAN_KEY": PLAN_KEY},
        environments={
            **{f"hex-{n}-read": {"HEX_WORKSPACE_READ_TOKEN": t["read"]} for n, t in TOKENS.items()},
            **{f"hex-{n}": {"HEX_WORKSPACE_WRITE_TOKEN": t["write"]} for n, t in TOKENS.items()},
        },
        github_token=TOKEN,
    )

    def run(workflow: str, job: str) -> dict[str, Job]:
        matrix = runner.matrix(workflow, job)
        assert matrix == [{"workspace": "us"}, {"workspace": "eu"}]
        done = {m["workspace"]: runner.job(workflow, job, m) for m in matrix}
        for name, result in done.items():
            assert result.ok, (name, result.log[-3000:])
            assert not any(token in result.log for token in [*EVERY_TOKEN, PLAN_KEY, TOKEN])
        return done

    plans = run("hexsync-plan.yml", "plan")
    comments = github.comments[7]
    assert [c["body"].split("\n", 1)[0] for c in comments] == [_ws_marker("us"), _ws_marker("eu")]
    us_comment, eu_comment = (dict(c) for c in comments)
    assert "US team" in us_comment["body"]
    assert "EU team" not in us_comment["body"]
    assert "EU team" in eu_comment["body"]
    assert "US team" not in eu_comment["body"]
    assert "plan comment of workspace eu created on pull request #7" in plans["eu"].log
    # Each job uploaded its own workspace's signed plan, under its own name.
    assert sorted(runner.artifacts) == ["hexsync-plan-eu", "hexsync-plan-us"]
    for name in TOKENS:
        plan = json.loads(runner.artifacts[f"hexsync-plan-{name}"])
        assert plan.get("signature")
        assert f"{name.upper()} team" in json.dumps(plan["changes"])
    # Each emulator was read with its own read-only token, and nothing else.
    for name, url in emulators.items():
        assert tokens_seen(url) == own_tokens(name, "read"), name

    # A second push, to the EU layer only: both comments are updated, none added.
    auditors = "groups:\n  - name: EU team\n  - name: EU auditors\n"
    (repo / "eu" / "groups.yaml").write_text(auditors, encoding="utf-8")
    plans = run("hexsync-plan.yml", "plan")
    assert [c["id"] for c in github.comments[7]] == [us_comment["id"], eu_comment["id"]]
    assert "EU auditors" in github.comments[7][1]["body"]
    assert "EU auditors" not in github.comments[7][0]["body"]
    assert github.comments[7][0]["body"] == us_comment["body"]  # the same plan, rewritten
    assert "plan comment of workspace us updated on pull request #7" in plans["us"].log

    # Merged: each apply job applies its own workspace's reviewed plan with its write token.
    github.pulls_of_commit[MERGED] = [
        {"number": 7, "merged_at": "2026-01-01T00:00:00Z", "head": {"sha": HEAD_SHA}}
    ]
    github.runs.append({"id": 98, "head_sha": HEAD_SHA, "created_at": "2026-01-01T00:00:00Z"})
    for name in TOKENS:
        artifact = f"hexsync-plan-{name}"
        github.add_artifact(98, artifact, "plan.json", runner.artifacts[artifact])
    runner.env["GITHUB_SHA"] = MERGED
    applies = run("hexsync-apply.yml", "apply")
    for result in applies.values():
        assert "applying the plan reviewed in pull request #7" in result.log
        assert "no plan key" not in result.log
    assert {"US team"} <= groups_of(emulators["us"])
    assert not {"EU team", "EU auditors"} & groups_of(emulators["us"])
    assert {"EU team", "EU auditors"} <= groups_of(emulators["eu"])
    assert "US team" not in groups_of(emulators["eu"])
    for name, url in emulators.items():
        assert tokens_seen(url) == own_tokens(name, "read", "write"), name  # never another's


def _one_workspace(checkout: Path, url: str, source: str = "token_env: HEX_TOKEN_US") -> None:
    """hexsync.yaml with the workspace ``us`` at ``url``: the Acme manifests, one layer."""
    (checkout / "hexsync.yaml").write_text(
        f"version: 1\nworkspaces:\n  - name: us\n    api_url: {url}\n    {source}\n"
        "    manifests: [manifests/]\n",
        encoding="utf-8",
    )


def test_a_workspace_job_plans_with_its_own_marker_artifact_and_token_variable(
    checkout: Path, hex_url: str, github: FakeGitHub
) -> None:
    _one_workspace(checkout, hex_url)
    github.comments[7] = [{"id": 1, "body": MARKER + "\nthe manifests' plan", "user": ACTIONS_BOT}]
    # The job's one token is HEX_API_TOKEN; hexsync -w us reads HEX_TOKEN_US only.
    done, outputs, summary = run_step("plan", checkout, hex_url, github, HEXSYNC_WORKSPACE="us")
    assert done.returncode == 0, done.stderr
    assert outputs["exit-code"] == "2"
    assert outputs["artifact"] == "hexsync-plan-us"
    assert "workspace us of hexsync.yaml: hexsync -w us" in done.stderr
    # The comment without a workspace is not this job's: a second one, the workspace's.
    assert github.comments[7][0]["body"] == MARKER + "\nthe manifests' plan"
    assert github.comments[7][1]["body"] == "<!-- hexsync:plan workspace=us -->\n" + summary
    done, outputs, _ = run_step("plan", checkout, hex_url, github)
    assert outputs["artifact"] == "hexsync-plan"  # no workspace: the names of before
    assert [c["body"].split("\n")[0] for c in github.comments[7]] == [MARKER, _ws_marker("us")]


@pytest.mark.parametrize(
    ("workspace", "source", "token", "said"),
    [
        ("eu", "token_env: HEX_TOKEN_US", HEX_TOKEN, "no workspace 'eu' in hexsync.yaml (its"),
        ("us", "token_env: HEX_TOKEN_US", "", "no Hex token for workspace 'us': the job was"),
        ("us", "token_file: us.token", HEX_TOKEN, "workspace 'us' has no token_env in hexsync"),
        ("us", "token_env: PATH", HEX_TOKEN, "token_env 'PATH' in hexsync.yaml is not a var"),
        ("../us", "token_env: HEX_TOKEN_US", HEX_TOKEN, "HEXSYNC_WORKSPACE='../us' is no work"),
    ],
    ids=["unknown", "empty-token", "token-file", "job-variable", "bad-name"],
)
def test_a_workspace_job_that_cannot_get_its_token_says_why_and_posts_nothing(
    checkout: Path,
    hex_url: str,
    github: FakeGitHub,
    workspace: str,
    source: str,
    token: str,
    said: str,
) -> None:
    _one_workspace(checkout, hex_url, source)
    done, outputs, _ = run_step(
        "plan", checkout, hex_url, github, HEXSYNC_WORKSPACE=workspace, HEX_API_TOKEN=token
    )
    assert done.returncode == 1
    assert said in done.stderr
    assert outputs == {}
    assert github.comments == {}
    stats = httpx.get(f"{hex_url}/_emulator/stats").json()
    assert stats["total"] == 0  # nothing was sent to Hex


@needs_apply_manifests
def test_a_workspace_apply_takes_its_own_artifact_and_refuses_a_plan_its_layers_do_not_make(
    checkout: Path, hex_url: str, github: FakeGitHub, tmp_path: Path
) -> None:
    _one_workspace(checkout, hex_url)
    other = tmp_path / "other"
    shutil.copytree(checkout / "manifests", other)
    (other / "users.yaml").write_text("users: []\n", encoding="utf-8")
    _reviewed(github, _plan_json(hex_url, other, tmp_path / "forged.json"))  # hexsync-plan
    github.add_artifact(99, "hexsync-plan-eu", "plan.json", b"{}")  # another workspace's
    done, outputs, _ = run_step("apply", checkout, hex_url, github, HEXSYNC_WORKSPACE="us")
    assert done.returncode == 1
    assert "no 'hexsync-plan-us' artifact from a successful run of hexsync-plan.yml" in done.stderr

    # Its own artifact, but made from other manifests than the workspace's layers: refused.
    github.add_artifact(99, "hexsync-plan-us", "plan.json", (tmp_path / "forged.json").read_bytes())
    done, outputs, _ = run_step("apply", checkout, hex_url, github, HEXSYNC_WORKSPACE="us")
    assert done.returncode == 3, done.stderr
    assert outputs["exit-code"] == "3"
    assert "the saved plan is not what the manifests imply" in done.stderr

    # The plan of its layers is applied.
    reviewed = _plan_json(hex_url, checkout / "manifests", tmp_path / "reviewed.json")
    github.artifacts[99] = []
    github.add_artifact(99, "hexsync-plan-us", "plan.json", reviewed)
    done, outputs, _ = run_step("apply", checkout, hex_url, github, HEXSYNC_WORKSPACE="us")
    assert done.returncode == 0, done.stderr
    again = run_hexsync(hex_url, "plan", str(checkout / "manifests"), "--detailed-exitcode")
    assert again.exit_code == 0, again.output
