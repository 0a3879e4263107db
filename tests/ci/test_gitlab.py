"""The GitLab CI template, run locally: each job's script (from the template itself) with
GitLab's environment, against a fake GitLab API on loopback and the Hex emulator."""

from __future__ import annotations

import json
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from acme import EXAMPLE_TOKEN as HEX_TOKEN
from ci_support import ROOT, job_env, needs_apply_manifests, run_hexsync, run_in_job
from fake_gitlab import PROJECT, TOKEN, TOKEN_USER, FakeGitLab, fake_gitlab

pytestmark = pytest.mark.slow

TEMPLATE = ROOT / "examples" / "ci" / "gitlab" / "hexsync.gitlab-ci.yml"
MARKER = "<!-- hexsync:plan manifests=manifests -->"
SHA = "c3" * 20  # the pushed commit (on the default branch)
HEAD = "d4" * 20  # the merged merge request's head


def template() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(TEMPLATE.read_text(encoding="utf-8"))
    return data


@pytest.fixture
def gitlab() -> Iterator[FakeGitLab]:
    with fake_gitlab() as fake:
        yield fake


def run_job(
    job: str, checkout: Path, hex_url: str, gitlab: FakeGitLab, **extra: str
) -> subprocess.CompletedProcess[str]:
    """The job's ``script`` lines from the template, in bash, with GitLab's variables."""
    script = template()[job]["script"]
    env = job_env(
        hex_url,
        CI_API_V4_URL=f"{gitlab.url}/api/v4",
        CI_PROJECT_ID=PROJECT,
        CI_PROJECT_DIR=str(checkout),
        CI_COMMIT_SHA=SHA,
        HEXSYNC_GITLAB_TOKEN=TOKEN,
        HEX_READ_TOKEN=HEX_TOKEN,  # the read-only token of plan and drift, as the header says
        HEXSYNC_MANIFESTS=template()["variables"]["HEXSYNC_MANIFESTS"],
        **extra,
    )
    return run_in_job(["bash", "-euc", "\n".join(script)], checkout, env, TOKEN)


def _plan(hex_url: str, checkout: Path, tmp_path: Path) -> Path:
    reviewed = tmp_path / "reviewed.json"
    made = run_hexsync(hex_url, "plan", str(checkout / "manifests"), "--out", str(reviewed))
    assert made.exit_code == 0, made.output
    return reviewed


def _dotenv(path: Path) -> dict[str, str]:
    return dict(line.split("=", 1) for line in path.read_text(encoding="utf-8").splitlines())


def test_the_template_runs_plan_in_merge_requests_apply_on_main_drift_on_schedule() -> None:
    jobs = template()
    assert jobs["hexsync-plan"]["rules"][0]["if"] == '$CI_PIPELINE_SOURCE == "merge_request_event"'
    assert "hexsync-ci/plan.json" in jobs["hexsync-plan"]["artifacts"]["paths"]
    assert jobs["hexsync-plan"]["artifacts"]["reports"]["dotenv"] == "hexsync-ci/hexsync.env"
    assert "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH" in jobs["hexsync-apply"]["rules"][0]["if"]
    assert jobs["hexsync-apply"]["resource_group"] == "hexsync-apply"  # one apply at a time
    assert jobs["hexsync-drift"]["rules"][0]["if"] == '$CI_PIPELINE_SOURCE == "schedule"'
    # hexsync is pinned, and the glue comes with it
    assert jobs[".hexsync"]["before_script"] == [
        'python -m pip install --quiet "hexsync==${HEXSYNC_VERSION}"'
    ]


def test_plan_writes_one_note_updated_in_place(
    checkout: Path, hex_url: str, gitlab: FakeGitLab
) -> None:
    gitlab.notes[3] = [{"id": 1, "body": "please add Partners"}]
    done = run_job("hexsync-plan", checkout, hex_url, gitlab, CI_MERGE_REQUEST_IID="3")
    assert done.returncode == 0, done.stderr
    env = _dotenv(checkout / "hexsync-ci" / "hexsync.env")
    assert env["HEXSYNC_EXIT_CODE"] == "2"
    assert env["HEXSYNC_HAS_CHANGES"] == "true"
    assert int(env["HEXSYNC_DESTRUCTIVE"]) > 0
    assert (checkout / "hexsync-ci" / "plan.json").is_file()  # the job's artifact
    markdown = (checkout / "hexsync-ci" / "plan.md").read_text(encoding="utf-8")
    assert len(gitlab.notes[3]) == 2
    assert gitlab.notes[3][1]["body"] == MARKER + "\n" + markdown
    assert "plan note created on merge request !3" in done.stderr

    (checkout / "manifests" / "users.yaml").write_text("users: []\n", encoding="utf-8")
    done = run_job("hexsync-plan", checkout, hex_url, gitlab, CI_MERGE_REQUEST_IID="3")
    assert done.returncode == 0
    assert len(gitlab.notes[3]) == 2  # updated in place, with the new plan
    new_markdown = (checkout / "hexsync-ci" / "plan.md").read_text(encoding="utf-8")
    assert new_markdown != markdown
    assert gitlab.notes[3][1]["body"] == MARKER + "\n" + new_markdown
    assert gitlab.notes[3][0]["body"] == "please add Partners"
    assert "plan note updated on merge request !3" in done.stderr


def test_a_marked_note_someone_else_wrote_is_never_the_plan_note(
    checkout: Path, hex_url: str, gitlab: FakeGitLab
) -> None:
    # The merge request's author posts the marker first, hoping to own "the plan note".
    foreign = {"id": 1, "body": MARKER + "\nNo changes.", "author": {"id": 66, "username": "mal"}}
    gitlab.notes[3] = [dict(foreign)]
    done = run_job("hexsync-plan", checkout, hex_url, gitlab, CI_MERGE_REQUEST_IID="3")
    assert done.returncode == 0, done.stderr
    assert gitlab.notes[3][0] == foreign  # left alone
    assert len(gitlab.notes[3]) == 2
    ours = gitlab.notes[3][1]
    assert ours["author"] == TOKEN_USER
    assert ours["body"].startswith(MARKER + "\n")
    assert "plan note created on merge request !3" in done.stderr

    done = run_job("hexsync-plan", checkout, hex_url, gitlab, CI_MERGE_REQUEST_IID="3")
    assert done.returncode == 0, done.stderr
    assert [n["id"] for n in gitlab.notes[3]] == [1, ours["id"]]
    assert gitlab.notes[3][0] == foreign
    assert "plan note updated on merge request !3" in done.stderr


@needs_apply_manifests
def test_apply_downloads_the_merge_requests_plan(
    checkout: Path, hex_url: str, gitlab: FakeGitLab, tmp_path: Path
) -> None:
    _merged(gitlab, _plan(hex_url, checkout, tmp_path))
    gitlab.jobs[70].append({"id": 701, "name": "tests", "status": "success"})
    done = run_job("hexsync-apply", checkout, hex_url, gitlab)
    assert done.returncode == 0, done.stderr
    assert "applying the plan reviewed in merge request !3 (job 700)" in done.stderr
    assert [had for _, path, had in gitlab.log if path.startswith("/storage/")] == [False]


def _merged(gitlab: FakeGitLab, reviewed: Path, *, state: str = "merged") -> None:
    """Merge request !3 merged the pushed commit; its head is HEAD, planned in job 700."""
    gitlab.mrs_of_commit[SHA] = [{"iid": 3, "state": state, "sha": HEAD}]
    gitlab.pipelines[3] = [{"id": 70, "sha": HEAD}]
    gitlab.jobs[70] = [{"id": 700, "name": "hexsync-plan", "status": "success"}]
    gitlab.blobs[700] = reviewed.read_bytes()


def test_apply_never_takes_the_plan_of_a_merge_request_that_was_not_merged(
    checkout: Path, hex_url: str, gitlab: FakeGitLab, tmp_path: Path
) -> None:
    _merged(gitlab, _plan(hex_url, checkout, tmp_path), state="opened")
    done = run_job("hexsync-apply", checkout, hex_url, gitlab)
    assert done.returncode == 1, done.stderr
    assert "came from no merged merge request, so no plan was reviewed for it" in done.stderr
    assert not any(path.startswith("/storage/") for _, path, _ in gitlab.log)


def test_apply_takes_the_plan_of_the_merged_head_commit_only(
    checkout: Path, hex_url: str, gitlab: FakeGitLab, tmp_path: Path
) -> None:
    # The newest pipeline of the merge request ran on another commit (an earlier push, or a
    # pipeline someone ran on another ref): its plan is not the one reviewed on the head.
    _merged(gitlab, _plan(hex_url, checkout, tmp_path))
    gitlab.pipelines[3].insert(0, {"id": 71, "sha": "e5" * 20})
    gitlab.jobs[71] = [{"id": 710, "name": "hexsync-plan", "status": "success"}]
    gitlab.blobs[710] = b'{"not": "the reviewed plan"}'
    done = run_job("hexsync-apply", checkout, hex_url, gitlab)
    assert done.returncode == 0, done.stderr
    assert "applying the plan reviewed in merge request !3 (job 700)" in done.stderr
    assert not any(path == "/storage/710" for _, path, _ in gitlab.log)

    del gitlab.pipelines[3][1]  # no pipeline on the head commit at all
    done = run_job("hexsync-apply", checkout, hex_url, gitlab)
    assert done.returncode == 1
    assert f"no successful 'hexsync-plan' job on the head commit {HEAD[:12]}" in done.stderr


def test_plan_never_writes_through_what_the_merge_request_put_in_the_checkout(
    checkout: Path, hex_url: str, gitlab: FakeGitLab, tmp_path: Path
) -> None:
    # The merge request commits symbolic links where the job writes its files.
    victim = tmp_path / "victim"
    victim.mkdir()
    for name in ("plan.json", "plan.md", "hexsync.env"):
        (victim / name).write_text("precious\n", encoding="utf-8")
        (checkout / name).symlink_to(victim / name)
    done = run_job("hexsync-plan", checkout, hex_url, gitlab, CI_MERGE_REQUEST_IID="3")
    assert done.returncode == 0, done.stderr
    for name in ("plan.json", "plan.md", "hexsync.env"):
        assert (victim / name).read_text(encoding="utf-8") == "precious\n", name
    # The job's files are in a folder of its own, which the artifacts name.
    out = checkout / "hexsync-ci"
    assert _dotenv(out / "hexsync.env")["HEXSYNC_EXIT_CODE"] == "2"
    assert json.loads((out / "plan.json").read_text(encoding="utf-8"))["summary"]
    artifacts = template()["hexsync-plan"]["artifacts"]
    assert artifacts["paths"] == ["hexsync-ci/plan.json", "hexsync-ci/plan.md"]
    assert artifacts["reports"]["dotenv"] == "hexsync-ci/hexsync.env"

    # That folder is never a link the checkout holds either.
    for name in ("plan.json", "plan.md", "hexsync.env"):
        (out / name).unlink()
    out.rmdir()
    out.symlink_to(victim)
    done = run_job("hexsync-plan", checkout, hex_url, gitlab, CI_MERGE_REQUEST_IID="3")
    assert done.returncode == 1
    assert "hexsync-ci is not a folder of the job's own" in done.stderr
    assert sorted(p.name for p in victim.iterdir()) == ["hexsync.env", "plan.json", "plan.md"]
    for name in ("plan.json", "plan.md", "hexsync.env"):
        assert (victim / name).read_text(encoding="utf-8") == "precious\n", name


def test_plan_runs_in_a_merge_request_pipeline_without_the_protected_token(
    checkout: Path, hex_url: str, gitlab: FakeGitLab
) -> None:
    # A protected variable is not given to a merge request's pipeline (its branch is not
    # protected): the plan job reads Hex with its own, read-only token.
    done = run_job(
        "hexsync-plan", checkout, hex_url, gitlab, CI_MERGE_REQUEST_IID="3", HEX_API_TOKEN=""
    )
    assert done.returncode == 0, done.stderr
    assert _dotenv(checkout / "hexsync-ci" / "hexsync.env")["HEXSYNC_EXIT_CODE"] == "2"
    # ... and the write token is the apply job's only.
    jobs = template()
    assert not any("HEX_READ_TOKEN" in line for line in jobs["hexsync-apply"]["script"])
    header = TEMPLATE.read_text(encoding="utf-8").split("\nvariables:")[0]
    assert "HEX_READ_TOKEN" in header
    assert "masked, not protected" in header


def test_apply_without_a_merge_request_says_why(
    checkout: Path, hex_url: str, gitlab: FakeGitLab
) -> None:
    done = run_job("hexsync-apply", checkout, hex_url, gitlab)
    assert done.returncode == 1
    assert "came from no merged merge request, so no plan was reviewed for it" in done.stderr


def test_drift_opens_updates_and_closes_one_issue(
    checkout: Path, hex_url: str, gitlab: FakeGitLab
) -> None:
    done = run_job("hexsync-drift", checkout, hex_url, gitlab)
    assert done.returncode == 0, done.stderr
    assert len(gitlab.issues) == 1
    issue = gitlab.issues[0]
    assert issue["labels"] == ["drift"]
    assert "| group `Analysts` | member `carol@acme.com` |" in issue["description"]
    assert (checkout / "hexsync-ci" / "drift.json").is_file()

    done = run_job("hexsync-drift", checkout, hex_url, gitlab)
    assert len(gitlab.issues) == 1
    assert f"drift issue #{issue['iid']} updated" in done.stderr

    applied = run_hexsync(hex_url, "apply", str(checkout / "manifests"), "--auto-approve")
    assert applied.exit_code == 0
    done = run_job("hexsync-drift", checkout, hex_url, gitlab)
    assert done.returncode == 0
    assert issue["state"] == "closed"
    assert gitlab.issue_notes[issue["iid"]] == ["No drift any more: Hex matches the manifests."]
