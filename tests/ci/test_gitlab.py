"""The GitLab CI template, run locally: each job's script (from the template itself) with
GitLab's environment, against a fake GitLab API on loopback and the Hex emulator."""

from __future__ import annotations

import itertools
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from acme import EXAMPLE_TOKEN as HEX_TOKEN
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
from fake_gitlab import PROJECT, TOKEN, TOKEN_USER, FakeGitLab, fake_gitlab

pytestmark = pytest.mark.slow

TEMPLATE = ROOT / "examples" / "ci" / "gitlab" / "hexsync.gitlab-ci.yml"
WORKSPACES_TEMPLATE = ROOT / "examples" / "ci" / "gitlab" / "hexsync-workspaces.gitlab-ci.yml"
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
    # hexsync is the committed wheel, its dependencies pinned with hashes; the glue comes with it
    assert all(isinstance(line, str) for line in jobs[".hexsync"]["before_script"])
    install = "\n".join(jobs[".hexsync"]["before_script"])
    assert '--require-hashes --only-binary :all: -r "$HEXSYNC_DIR/requirements.txt"' in install
    assert '--no-deps --no-index "$HEXSYNC_DIR"/hexsync-*.whl' in install


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


# ------------------------------------------------- the template included into a real pipeline
# Issue 29, item 10: the template declared `stages: [plan, apply, drift]`, and GitLab replaces
# an included `stages:` by the project's own list: "hexsync-plan job: chosen stage does not
# exist". Without a list of its own, the project's jobs lost GitLab's default stages instead.

RESERVED = {
    "default", "include", "stages", "variables", "workflow", "image", "services", "cache",
    "before_script", "after_script",
}  # fmt: skip
DEFAULT_STAGES = [".pre", "build", "test", "deploy", ".post"]


def gitlab_merge(included: Any, project: Any) -> Any:
    """The configuration GitLab builds from an ``include:``: hashes merged key by key, the
    including file winning; anything else (lists, scalars) replaced, never appended to."""
    if isinstance(included, dict) and isinstance(project, dict):
        merged = dict(included)
        for key, value in project.items():
            merged[key] = gitlab_merge(included[key], value) if key in included else value
        return merged
    return project


def stage_of(config: dict[str, Any], job: str) -> str:
    """A job's stage, through ``extends`` (GitLab's default: ``test``)."""
    spec = config[job]
    if "stage" in spec:
        return str(spec["stage"])
    parents = spec.get("extends", [])
    for parent in [parents] if isinstance(parents, str) else reversed(parents):
        if "stage" in config[parent] or "extends" in config[parent]:
            return stage_of(config, parent)
    return "test"


# What an `include: local:` names, in the project that copied the examples to ci/.
FILES = {
    "ci/hexsync.gitlab-ci.yml": TEMPLATE,
    "ci/hexsync-workspaces.gitlab-ci.yml": WORKSPACES_TEMPLATE,
}


def pipeline(project: dict[str, Any]) -> dict[str, Any]:
    """The configuration GitLab builds from ``project``: each file it includes (with what that
    one includes) first, then the project's own keys merged over them."""
    config: dict[str, Any] = {}
    for entry in project.get("include", []):
        included = yaml.safe_load(FILES[entry["local"]].read_text(encoding="utf-8"))
        config = gitlab_merge(config, pipeline(included))
    return gitlab_merge(config, {k: v for k, v in project.items() if k != "include"})


def jobs_of(config: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The pipeline's jobs; a ``parallel: matrix`` job is one job per combination of its values,
    named as GitLab names them (``hexsync-plan: [eu]``), the values among its variables."""
    jobs: dict[str, dict[str, Any]] = {}
    for name, spec in config.items():
        if name in RESERVED or name.startswith("."):
            continue
        matrix = (spec.get("parallel") or {}).get("matrix")
        if not matrix:
            jobs[name] = spec
            continue
        for entry in matrix:
            axes = {k: v if isinstance(v, list) else [v] for k, v in entry.items()}
            for values in itertools.product(*axes.values()):
                combo = dict(zip(axes, map(str, values), strict=True))
                variables = {**spec.get("variables", {}), **combo}
                jobs[f"{name}: [{', '.join(combo.values())}]"] = {**spec, "variables": variables}
    return jobs


def missing_stages(project_yaml: str) -> dict[str, str]:
    """The jobs whose stage the pipeline does not have, after including the template."""
    config = pipeline(yaml.safe_load(project_yaml))
    stages = config.get("stages", DEFAULT_STAGES[1:-1])
    stages = [".pre", *stages, ".post"]
    jobs = jobs_of(config)
    assert {j.split(":")[0] for j in jobs} >= {"hexsync-plan", "hexsync-apply", "hexsync-drift"}
    full = {**config, **jobs}
    return {job: stage_of(full, job) for job in jobs if stage_of(full, job) not in stages}


def test_gitlab_merge_replaces_an_included_stages_list_as_gitlab_does() -> None:
    merged = gitlab_merge(
        {"stages": ["plan"], "j": {"stage": "plan", "script": ["a"]}},
        {"stages": ["build"], "j": {"stage": "build"}},
    )
    assert merged == {"stages": ["build"], "j": {"stage": "build", "script": ["a"]}}


def test_the_template_included_into_a_pipeline_with_its_own_stages() -> None:
    project = """
include:
  - local: ci/hexsync.gitlab-ci.yml
stages: [build, test, deploy, publish]
compile: {stage: build, script: [make]}
unit: {stage: test, script: [make test]}
ship: {stage: publish, script: [make ship]}
"""
    assert missing_stages(project) == {}


def test_the_template_included_into_a_pipeline_on_gitlabs_default_stages() -> None:
    # No `stages:` in the project: its jobs use GitLab's defaults, which the template must not
    # replace (the old template's list left `build` undefined).
    project = """
include:
  - local: ci/hexsync.gitlab-ci.yml
compile: {stage: build, script: [make]}
unit: {script: [make test]}
"""
    assert missing_stages(project) == {}


def test_a_pipeline_without_test_or_deploy_stages_names_its_own_for_the_jobs() -> None:
    project = """
include:
  - local: ci/hexsync.gitlab-ci.yml
stages: [lint, release]
style: {stage: lint, script: [make lint]}
"""
    assert missing_stages(project) == {
        "hexsync-plan": "test",
        "hexsync-apply": "deploy",
        "hexsync-drift": "test",
    }
    # What the template's header says to write in the project's .gitlab-ci.yml:
    header = TEMPLATE.read_text(encoding="utf-8")
    for line in ("hexsync-plan: {stage: check}", "hexsync-apply: {stage: release}"):
        assert line in header
    fixed = project.replace("[lint, release]", "[lint, check, release]") + (
        "hexsync-plan: {stage: check}\nhexsync-drift: {stage: check}\n"
        "hexsync-apply: {stage: release}\n"
    )
    assert missing_stages(fixed) == {}
    merged = gitlab_merge(template(), yaml.safe_load(fixed))
    assert merged["hexsync-plan"]["script"] == template()["hexsync-plan"]["script"]  # kept


# --------------------------------------------- the matrix over the workspaces of hexsync.yaml
# Issue 26: hexsync-workspaces.gitlab-ci.yml includes the template and runs each job once per
# workspace; each job gets the variables of its own environment, as GitLab scopes them.

WORKSPACES_PROJECT = """
include:
  - local: ci/hexsync-workspaces.gitlab-ci.yml
stages: [build, test, deploy]
compile: {stage: build, script: [make]}
"""
SCOPED = {  # the project's variables, each scoped to one environment
    **{f"hex-{n}-read": {"HEX_WORKSPACE_READ_TOKEN": t["read"]} for n, t in TOKENS.items()},
    **{f"hex-{n}": {"HEX_WORKSPACE_WRITE_TOKEN": t["write"]} for n, t in TOKENS.items()},
}


def _expand(text: str, variables: dict[str, str]) -> str:
    return re.sub(r"\$\{?(\w+)\}?", lambda m: variables[m[1]], text)


def test_the_workspaces_include_runs_each_job_per_workspace_in_its_own_environment() -> None:
    assert missing_stages(WORKSPACES_PROJECT) == {}
    config = pipeline(yaml.safe_load(WORKSPACES_PROJECT))
    jobs = jobs_of(config)
    assert sorted(j for j in jobs if j.startswith("hexsync-")) == [
        "hexsync-apply: [eu]",
        "hexsync-apply: [us]",
        "hexsync-drift: [eu]",
        "hexsync-drift: [us]",
        "hexsync-plan: [eu]",
        "hexsync-plan: [us]",
    ]
    expected = {
        "plan": ("hex-{}-read", "prepare"),
        "drift": ("hex-{}-read", "prepare"),
        "apply": ("hex-{}", None),
    }
    for mode, (environment, action) in expected.items():
        for name in TOKENS:
            job = jobs[f"hexsync-{mode}: [{name}]"]
            assert job["variables"] == {"HEXSYNC_WORKSPACE": name}
            assert _expand(job["environment"]["name"], job["variables"]) == environment.format(name)
            assert job["environment"].get("action") == action  # plan and drift deploy nothing
            assert job["script"] == template()[f"hexsync-{mode}"]["script"]  # the template's
            assert job["extends"] == ".hexsync"
    apply_us = jobs["hexsync-apply: [us]"]
    assert _expand(apply_us["resource_group"], apply_us["variables"]) == "hexsync-apply-us"
    for mode in ("plan", "apply"):
        changes = jobs[f"hexsync-{mode}: [us]"]["rules"][0]["changes"]
        assert changes == ["hexsync.yaml", "base/**/*", "us/**/*", "eu/**/*"]


def run_matrix_job(
    job: str, repo: Path, gitlab: FakeGitLab, **extra: str
) -> subprocess.CompletedProcess[str]:
    """The matrix job ``job`` of the workspaces include as GitLab runs it: the template's
    variables, then the job's own (its workspace), then the project's variables scoped to the
    job's environment, and no others."""
    config = pipeline(yaml.safe_load(WORKSPACES_PROJECT))
    spec = jobs_of(config)[job]
    variables = {**config["variables"], **spec["variables"]}
    environment = _expand(spec["environment"]["name"], variables)
    env = {
        "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin",
        "HOME": os.environ.get("HOME", "/tmp"),
        "HEXSYNC": f"{sys.executable} -m hexsync --rate-limit off",
        **variables,
        "HEX_API_URL": "http://127.0.0.1:9",  # never read with a workspace: hexsync.yaml's host
        "CI_API_V4_URL": f"{gitlab.url}/api/v4",
        "CI_PROJECT_ID": PROJECT,
        "CI_PROJECT_DIR": str(repo),
        "CI_COMMIT_SHA": SHA,
        "HEXSYNC_GITLAB_TOKEN": TOKEN,
        **SCOPED[environment],
        **extra,
    }
    done = run_in_job(["bash", "-euc", "\n".join(spec["script"])], repo, env, TOKEN)
    for token in EVERY_TOKEN:
        assert token not in done.stdout + done.stderr
    return done


@needs_apply_manifests
def test_the_workspaces_matrix_notes_plans_and_applies_each_workspace_with_its_own_token(
    tmp_path: Path, emulators: dict[str, str], gitlab: FakeGitLab
) -> None:
    repo = tmp_path / "project"
    repo.mkdir()
    write_workspaces(repo, emulators)
    plans: dict[str, bytes] = {}

    def plan_all() -> None:
        for name in TOKENS:
            done = run_matrix_job(f"hexsync-plan: [{name}]", repo, gitlab, CI_MERGE_REQUEST_IID="3")
            assert done.returncode == 0, done.stderr
            assert _dotenv(repo / "hexsync-ci" / "hexsync.env")["HEXSYNC_EXIT_CODE"] == "2"
            plans[name] = (repo / "hexsync-ci" / "plan.json").read_bytes()

    plan_all()
    notes = gitlab.notes[3]
    assert [n["body"].split("\n")[0] for n in notes] == [
        "<!-- hexsync:plan workspace=us -->",
        "<!-- hexsync:plan workspace=eu -->",
    ]
    assert "US team" in notes[0]["body"]
    assert "EU team" not in notes[0]["body"]
    assert "EU team" in notes[1]["body"]
    ids = [n["id"] for n in notes]
    for name, url in emulators.items():
        assert tokens_seen(url) == own_tokens(name, "read"), name

    # The next push changes the EU layer: each note is updated in place, none added.
    auditors = "groups:\n  - name: EU team\n  - name: EU auditors\n"
    (repo / "eu" / "groups.yaml").write_text(auditors, encoding="utf-8")
    plan_all()
    assert [n["id"] for n in gitlab.notes[3]] == ids
    assert "EU auditors" in gitlab.notes[3][1]["body"]
    assert "EU auditors" not in gitlab.notes[3][0]["body"]

    # Merged: each apply job takes the plan of its own workspace's matrix job.
    gitlab.mrs_of_commit[SHA] = [{"iid": 3, "state": "merged", "sha": HEAD}]
    gitlab.pipelines[3] = [{"id": 70, "sha": HEAD}]
    gitlab.jobs[70] = [
        {"id": 700, "name": "hexsync-plan: [us]", "status": "success"},
        {"id": 701, "name": "hexsync-plan: [eu]", "status": "success"},
    ]
    gitlab.blobs[700], gitlab.blobs[701] = plans["us"], plans["eu"]
    for name, job in (("eu", 701), ("us", 700)):
        done = run_matrix_job(f"hexsync-apply: [{name}]", repo, gitlab)
        assert done.returncode == 0, done.stderr
        assert f"applying the plan reviewed in merge request !3 (job {job})" in done.stderr
    assert "US team" in groups_of(emulators["us"])
    assert not {"EU team", "EU auditors"} & groups_of(emulators["us"])
    assert {"EU team", "EU auditors"} <= groups_of(emulators["eu"])
    for name, url in emulators.items():
        assert tokens_seen(url) == own_tokens(name, "read", "write"), name  # never another's


def test_a_workspace_job_missing_its_environments_token_says_so(
    tmp_path: Path, emulators: dict[str, str], gitlab: FakeGitLab
) -> None:
    # The EU read token is not scoped to hex-eu-read (a typo in the scope): the job fails with
    # the variable's name, and hands hexsync no other token.
    repo = tmp_path / "project"
    repo.mkdir()
    write_workspaces(repo, emulators)
    done = run_matrix_job(
        "hexsync-plan: [eu]", repo, gitlab, CI_MERGE_REQUEST_IID="3", HEX_WORKSPACE_READ_TOKEN=""
    )
    assert done.returncode != 0
    assert "set HEX_WORKSPACE_READ_TOKEN, the read-only Hex token of the workspace" in done.stderr
    assert gitlab.notes == {}
    assert tokens_seen(emulators["eu"]) == set()
