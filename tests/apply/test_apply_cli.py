"""``hexsync apply`` end to end: the real command line against the emulator on a loopback port."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from acme import EXAMPLE_SEED
from click.testing import CliRunner
from e2e_support import (
    ENV,
    LOCK_WRITES,
    MANIFESTS,
    control,
    copy_manifests,
    duplicates,
    hexsync,
    plan_now,
    state,
    writes,
)
from served_support import run_hexsync, stop

from hexsync.cli.main import cli
from hexsync.emulator.background import running_emulator
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import Seed, load_seed
from hexsync.values.live import LOCK_GROUP
from hexsync.values.plan import Plan, WorkspaceInfo

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def acme_seed() -> Seed:
    return load_seed(EXAMPLE_SEED)


@pytest.fixture
def url(acme_seed: Seed) -> Iterator[str]:
    with running_emulator(acme_seed, EmulatorConfig(rate_limits=None)) as base:
        yield base


def test_apply_examples_then_the_plan_is_empty(url: str) -> None:
    before = hexsync(url, "plan", str(MANIFESTS), "--detailed-exitcode")
    assert before.exit_code == 2
    budget = plan_now(url).requests
    result = hexsync(url, "apply", str(MANIFESTS), "--auto-approve")
    assert result.exit_code == 0, result.output
    assert '+ project "Partner portal"' in result.stdout  # the plan was shown
    assert '[8/8] - user "mallory@acme.com" … done' in result.stderr
    assert "Apply complete: 8 done, 0 failed, 0 skipped" in result.stderr
    # Exactly the requests the plan announced, and the lock group's create and delete.
    assert writes(url) == budget + LOCK_WRITES
    after = hexsync(url, "plan", str(MANIFESTS), "--detailed-exitcode")
    assert after.exit_code == 0, after.output
    assert duplicates(url) == {}
    again = hexsync(url, "apply", str(MANIFESTS), "--auto-approve")
    assert again.exit_code == 0
    assert "No changes" in again.stdout


def test_without_a_terminal_or_auto_approve_it_refuses(url: str) -> None:
    result = hexsync(url, "apply", str(MANIFESTS))
    assert result.exit_code == 1
    assert "--auto-approve" in result.stderr
    assert not plan_now(url).empty  # nothing was applied


def _save(plan: Plan, tmp_path: Path) -> Path:
    path = tmp_path / "plan.json"
    path.write_text(plan.dumps(), encoding="utf-8")
    return path


def test_a_saved_plan_applies_exactly_and_converges(url: str, tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    saved = hexsync(url, "plan", str(MANIFESTS), "--out", str(path))
    assert saved.exit_code == 0, saved.output
    result = hexsync(url, "apply", str(path))
    assert result.exit_code == 0, result.output
    assert "Apply complete: 8 done" in result.stderr
    assert plan_now(url).empty
    # The same saved plan again: every change it makes holds already, so it says just that
    # (a plan only partly carried out is refused as stale: see the killed apply below).
    before = writes(url)
    again = hexsync(url, "apply", str(path))
    assert again.exit_code == 0, again.output
    assert again.stdout == (
        "The saved plan is applied already (the workspace holds all 8 changes): nothing to do.\n"
    )
    assert "stale" not in again.output
    assert writes(url) == before + LOCK_WRITES  # only the apply lock's create and delete


def _revenue_id(url: str) -> str:
    return str(next(p["id"] for p in state(url)["projects"] if p["title"] == "Revenue overview"))


def test_a_saved_plan_made_stale_by_a_sharing_edit_is_refused(url: str, tmp_path: Path) -> None:
    path = _save(plan_now(url), tmp_path)
    revenue = _revenue_id(url)
    bob = next(u["id"] for u in state(url)["users"] if u["email"] == "bob@acme.com")
    httpx.patch(
        f"{url}/api/v1/projects/{revenue}/sharing/users",
        json={"sharing": {"upsert": {"users": [{"user": {"id": bob}, "access": "CAN_VIEW"}]}}},
        headers={"Authorization": "Bearer hxtw_demo"},
    ).raise_for_status()
    before = state(url)
    result = hexsync(url, "apply", str(path))
    assert result.exit_code == 3
    assert (
        f'project "Revenue overview" ({revenue[:8]}…): sharing.users changed since the plan '
        "was made" in result.stderr
    )
    assert state(url) == before  # nothing written


def test_a_saved_plan_made_stale_by_a_new_member_is_refused(url: str, tmp_path: Path) -> None:
    path = _save(plan_now(url), tmp_path)
    now = state(url)
    analysts = next(g["id"] for g in now["groups"] if g["name"] == "Analysts")
    zoe = next(u["id"] for u in now["users"] if u["email"] not in _members(now, "Analysts"))
    httpx.patch(
        f"{url}/api/v1/groups/{analysts}",
        json={"members": {"add": {"users": [{"id": zoe}]}}},
        headers={"Authorization": "Bearer hxtw_demo"},
    ).raise_for_status()
    result = hexsync(url, "apply", str(path))
    assert result.exit_code == 3
    assert 'group "Analysts": members changed since the plan was made' in result.stderr


def _members(now: dict[str, object], group: str) -> list[str]:
    groups = now["groups"]
    assert isinstance(groups, list)
    return list(next(g["members"] for g in groups if g["name"] == group))


def test_a_saved_plan_for_another_workspace_is_refused(url: str, tmp_path: Path) -> None:
    plan = plan_now(url)
    other = Plan(
        WorkspaceInfo(plan.workspace.api_url, "00000000-0000-4000-8000-000000000000"),
        plan.changes,
        plan.relied,
    )
    result = hexsync(url, "apply", str(_save(other, tmp_path)))
    assert result.exit_code == 3
    assert "00000000-0000-4000-8000-000000000000" in result.stderr


def test_an_edited_saved_plan_is_refused_by_its_checksum(url: str, tmp_path: Path) -> None:
    path = _save(plan_now(url), tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["changes"][0]["name"] = "Someone else's"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = hexsync(url, "apply", str(path))
    assert result.exit_code == 1
    assert "checksum mismatch" in result.stderr


def test_creates_committed_then_timed_out_are_adopted(url: str, tmp_path: Path) -> None:
    manifests = copy_manifests(tmp_path)
    with (manifests / "groups.yaml").open("a", encoding="utf-8") as out:
        out.write("  - name: Partners team\n    members: [bob@acme.com, carol@acme.com]\n")
    # CreateGroup twice: the apply lock's own create meets the fault first (and adopts it).
    for op, count in (("CreateGroup", 2), ("CreateProject", 1)):
        control(
            url,
            "/_emulator/faults",
            {"operationId": op, "kind": "commit_then_timeout", "count": count},
        )
    result = hexsync(url, "apply", str(manifests), "--auto-approve")
    assert result.exit_code == 0, result.output
    assert result.stderr.count("adopted id") == 2  # both progress lines say so
    now = state(url)
    assert [g["name"] for g in now["groups"]].count("Partners team") == 1
    assert [p["title"] for p in now["projects"]].count("Partner portal") == 1
    assert duplicates(url) == {}
    assert plan_now(url, manifests).empty


def test_with_random_faults_apply_retries_through_them_without_duplicates(
    acme_seed: Seed,
) -> None:
    # (A run that fails part-way and the next that finishes: test_a_create_that_fails_exits_4….)
    config = EmulatorConfig(
        rate_limits=None, fault_rate=0.2, fault_seed=20240611, fault_delay_seconds=0.05
    )
    with running_emulator(acme_seed, config) as base:
        result = hexsync(base, "apply", str(MANIFESTS), "--auto-approve")
        assert result.exit_code == 0, result.output
        assert "Apply complete: 8 done, 0 failed, 0 skipped" in result.stderr
        assert httpx.get(f"{base}/_emulator/faults").json()["fired"]["total"] > 0
        assert duplicates(base) == {}
        assert plan_now(base).empty


def test_a_create_that_fails_exits_4_and_the_next_run_finishes(url: str, tmp_path: Path) -> None:
    # Hex refuses the new project's status (a name the workspace does not have: 400, never
    # retried): the project is created, its sharing written, the status named as what failed.
    manifests = copy_manifests(tmp_path)
    partners = manifests / "projects" / "partners.yaml"
    text = partners.read_text(encoding="utf-8")
    partners.write_text(text.replace("status: In development", "status: Archived", 1), "utf-8")
    policy = manifests / "policy.yaml"
    policy.write_text(
        policy.read_text(encoding="utf-8").replace("Deprecated]", "Deprecated, Archived]"), "utf-8"
    )
    first = hexsync(url, "apply", str(manifests), "--auto-approve")
    assert first.exit_code == 4, first.output
    portal = next(p for p in state(url)["projects"] if p["title"] == "Partner portal")
    failed = [line for line in first.stderr.splitlines() if line.startswith("  + project")]
    assert len(failed) == 1, failed
    assert failed[0].startswith(
        f'  + project "Partner portal" … failed: created as {portal["id"]}, then: '
        "status: UpdateProject: "
    )
    assert "Archived" in failed[0]
    assert "(HTTP 400)" in failed[0]
    assert "Apply finished partially: 7 done, 1 failed, 0 skipped" in first.stderr
    assert portal["sharing"]["workspace"] == "APP_ONLY"  # the rest of the change was written
    assert "hexsync apply` with the manifests again" in first.stderr

    partners.write_text(text, "utf-8")  # fixed: the next run holds only what is left
    left = plan_now(url, manifests)
    assert [(c.name, [f.path for f in c.fields]) for c in left.changes] == [
        ("Partner portal", ["status"])
    ]
    second = hexsync(url, "apply", str(manifests), "--auto-approve")
    assert second.exit_code == 0, second.output
    assert "Apply complete: 1 done" in second.stderr
    assert plan_now(url, manifests).empty
    assert duplicates(url) == {}


def _hold(url: str, operation_id: str) -> None:
    """The emulator holds the next ``operation_id`` request for a minute: the apply is then
    certainly mid-way when it is stopped, whatever the machine's speed (the test ends, and the
    emulator with it, long before the held request would be served)."""
    control(
        url,
        "/_emulator/faults",
        {"operationId": operation_id, "kind": "delay", "seconds": 60, "count": 1},
    )


def _apply_args(url: str) -> list[str]:
    """``hexsync apply`` of the example's manifests, without a prompt."""
    return ["--api-url", url, "--rate-limit", "off", "apply", str(MANIFESTS), "--auto-approve"]


def _apply_command(url: str) -> list[str]:
    """``hexsync apply`` of the example's manifests as its own process (to be killed)."""
    return [str(Path(sys.executable).parent / "hexsync"), *_apply_args(url)]


def _until_writes(url: str, count: int, process: subprocess.Popen[bytes]) -> None:
    """Until the emulator has answered ``count`` writes (the bound only catches a hang)."""
    deadline = time.monotonic() + 90
    while writes(url) < count:
        assert process.poll() is None, f"the apply ended (exit {process.returncode}) first"
        assert time.monotonic() < deadline, f"the apply never reached {count} writes"
        time.sleep(0.02)


# Held: the Analysts membership edit (phase 1, beside the collection's creation), or Revenue
# overview's user sharing (phase 2, beside the other projects' writes).
@pytest.mark.parametrize(
    ("held", "kill_after"),
    [("EditGroup", 2), ("EditProjectSharingUsers", 7)],  # writes counted include the lock's
    ids=["creating", "sharing"],
)
def test_an_apply_killed_half_way_is_finished_by_the_next_one(
    url: str, tmp_path: Path, held: str, kill_after: int
) -> None:
    saved = _save(plan_now(url), tmp_path)
    _hold(url, held)
    process = subprocess.Popen(
        _apply_command(url),
        env={**os.environ, **ENV},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _until_writes(url, kill_after, process)
        assert process.poll() is None, "the apply finished before it could be killed"
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=10)
        httpx.delete(f"{url}/_emulator/faults")  # a hold not reached must not meet the next run
    assert writes(url) >= kill_after
    assert not plan_now(url).empty  # it really was half-way

    # Killed, it could not remove its lock: the next apply says so rather than run beside a
    # live one, and how to clear a lock left behind; the admin deletes the lock group.
    held = hexsync(url, "apply", str(MANIFESTS), "--auto-approve", "--lock-wait", "0")
    assert held.exit_code == 3, held.output
    assert "another apply is running on this workspace" in held.stderr
    assert f"delete the group '{LOCK_GROUP}' in Hex" in held.stderr
    [lock] = [g for g in state(url)["groups"] if g["name"] == LOCK_GROUP]
    httpx.delete(f"{url}/api/v1/groups/{lock['id']}", headers=AUTH).raise_for_status()

    # The plan saved before is stale now, and says what to do instead.
    stale = hexsync(url, "apply", str(saved))
    assert stale.exit_code == 3, stale.output
    assert "the saved plan is stale, nothing was applied" in stale.stderr
    assert "hint: make a new plan" in stale.stderr

    result = hexsync(url, "apply", str(MANIFESTS), "--auto-approve")
    assert result.exit_code == 0, result.output
    assert plan_now(url).empty
    assert duplicates(url) == {}


@pytest.mark.parametrize(("answer", "applied"), [("n\n", False), ("y\n", True)])
def test_on_a_terminal_apply_asks_first(
    url: str, monkeypatch: pytest.MonkeyPatch, answer: str, applied: bool
) -> None:
    monkeypatch.setattr("hexsync.cli.apply.interactive", lambda: True)
    result = CliRunner().invoke(
        cli,
        ["--api-url", url, "--rate-limit", "off", "apply", str(MANIFESTS)],
        env=ENV,
        input=answer,
    )
    assert result.exit_code == 0, result.output
    assert "Apply 8 changes to the workspace at 127.0.0.1:" in result.stderr
    assert plan_now(url).empty is applied
    assert ("Cancelled: nothing was applied." in result.stderr) is not applied


AUTH = {"Authorization": "Bearer hxtw_demo"}


def _ids(url: str, kind: str, key: str = "name") -> dict[str, str]:
    return {item[key]: item["id"] for item in state(url)[kind]}


def _api(url: str, method: str, path: str, body: object = None) -> None:
    httpx.request(method, f"{url}/api/v1{path}", json=body, headers=AUTH).raise_for_status()


def _upsert(kind: str, ident: str, access: str) -> dict[str, object]:
    entity = kind.rstrip("s")
    return {"sharing": {"upsert": {kind: [{entity: {"id": ident}, "access": access}]}}}


# Each moves one thing the acme plan relies on, through the API, after the plan was saved.
STALE_CASES = {
    "status": lambda url, p, g, c, u: _api(
        url, "PATCH", f"/projects/{p}", {"status": "Deprecated"}
    ),
    "sharing.workspace": lambda url, p, g, c, u: _api(
        url,
        "PATCH",
        f"/projects/{p}/sharing/workspaceAndPublic",
        {"sharing": {"workspace": "CAN_EDIT"}},
    ),
    "sharing.public_web": lambda url, p, g, c, u: _api(
        url,
        "PATCH",
        f"/projects/{p}/sharing/workspaceAndPublic",
        {"sharing": {"publicWeb": "APP_ONLY"}},
    ),
    "sharing.groups": lambda url, p, g, c, u: _api(
        url, "PATCH", f"/projects/{p}/sharing/groups", _upsert("groups", g["Finance"], "CAN_EDIT")
    ),
    "sharing.collections": lambda url, p, g, c, u: _api(
        url,
        "PATCH",
        f"/projects/{p}/sharing/collections",
        _upsert("collections", c["Executive"], "CAN_VIEW"),
    ),
    "no longer exists": lambda url, p, g, c, u: _api(
        url, "DELETE", f"/groups/{g['Legacy contractors']}"
    ),
    "user gone": lambda url, p, g, c, u: _api(
        url, "POST", f"/users/{u['dave@acme.com']}/deactivate"
    ),
    "exists now": lambda url, p, g, c, u: _api(url, "POST", "/collections", {"name": "Partners"}),
}
STALE_MESSAGES = {
    "status": 'project "Revenue overview" ({rev}…): status changed since the plan was made',
    "sharing.workspace": 'project "Revenue overview" ({rev}…): sharing.workspace changed',
    "sharing.public_web": 'project "Revenue overview" ({rev}…): sharing.public_web changed',
    "sharing.groups": 'project "Revenue overview" ({rev}…): sharing.groups changed',
    "sharing.collections": 'project "Revenue overview" ({rev}…): sharing.collections changed',
    "no longer exists": 'group "Legacy contractors": no longer exists',
    "user gone": 'user "dave@acme.com": no longer exists',
    "exists now": 'collection "Partners": exists now, but the plan was to create it',
}


@pytest.mark.parametrize("case", sorted(STALE_CASES))
def test_a_saved_plan_is_refused_naming_whatever_moved(url: str, tmp_path: Path, case: str) -> None:
    path = _save(plan_now(url), tmp_path)
    revenue = _revenue_id(url)
    STALE_CASES[case](
        url,
        revenue,
        _ids(url, "groups"),
        _ids(url, "collections"),
        _ids(url, "users", "email"),
    )
    before = state(url)
    result = hexsync(url, "apply", str(path))
    assert result.exit_code == 3, result.output
    assert STALE_MESSAGES[case].format(rev=revenue[:8]) in result.stderr
    assert "hint: make a new plan" in result.stderr
    assert state(url) == before  # nothing written


def test_a_saved_plan_is_not_stale_because_an_unrelated_object_moved(
    url: str, tmp_path: Path
) -> None:
    plan = plan_now(url)
    path = _save(plan, tmp_path)
    relied = {r.id for r in plan.relied}
    other = next(p for p in state(url)["projects"] if p["id"] not in relied)
    _api(url, "PATCH", f"/projects/{other['id']}", {"status": "Deprecated"})
    _api(url, "POST", "/groups", {"name": "Made in the UI"})
    result = hexsync(url, "apply", str(path))
    assert result.exit_code == 0, result.output
    # What is left is the drift made meanwhile, which the saved plan never covered.
    assert [c.id for c in plan_now(url).changes] == [other["id"]]


def test_verbose_output_never_shows_the_token(url: str) -> None:
    control(url, "/_emulator/faults", {"operationId": "EditGroup", "kind": "status_503"})
    result = hexsync(url, "-v", "apply", str(MANIFESTS), "--auto-approve")
    assert result.exit_code == 0, result.output
    assert "PATCH" in result.stderr  # the request log was on
    assert "retry" in result.stderr
    assert "hxtw_demo" not in result.output
    assert "hxtw_demo" not in result.stderr
    # Non-TTY progress: one plain line per change, no carriage returns or escapes.
    progress = [line for line in result.stderr.splitlines() if line.startswith("[")]
    assert [line.split("]")[0] for line in progress] == [f"[{i}/8" for i in range(1, 9)]
    assert "\r" not in result.stderr
    assert "\033" not in result.stderr
    # The next command in the same process, without -v, logs no request.
    quiet = hexsync(url, "plan", str(MANIFESTS))
    assert "GET /api" not in quiet.stderr, quiet.stderr


def test_an_apply_stopped_by_sigterm_says_where_it_stopped_and_what_to_do(url: str) -> None:
    _hold(url, "EditProjectSharingUsers")
    applying = run_hexsync(*_apply_args(url), env=ENV)
    try:
        # Stopped once a change has finished as the apply itself counts it (a progress line):
        # a write the emulator has answered may not have reached the apply yet.
        applying.wait_for(r"^\[\d+/8\] .* done$", timeout=90)
        assert applying.process.poll() is None, "the apply finished before it could be stopped"
        applying.process.send_signal(signal.SIGTERM)  # a cancelled CD job
        code, _, err = applying.finish(timeout=90)
    finally:
        stop(applying)
        httpx.delete(f"{url}/_emulator/faults")
    assert code == 130, err
    # Issue 29, item 11: said at once, before the wait for the lock's release.
    assert "hexsync: stopping: finishing the request in flight and releasing the apply lock" in (
        err
    )
    assert "`hexsync unlock` removes it" in err
    assert "Apply interrupted: " in err
    assert " of 8 changes finished (" in err
    assert "Run `hexsync apply` with the manifests again" in err
    assert "Traceback" not in err
    result = hexsync(url, "apply", str(MANIFESTS), "--auto-approve")
    assert result.exit_code == 0, result.output
    assert plan_now(url).empty
    assert duplicates(url) == {}


def test_a_refused_plan_never_reaches_the_prompt(
    url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """On a terminal, a plan a guardrail refuses is not put to the user: exit 3 before the
    question, 'refused, nothing was applied', and not one write reaches the workspace."""
    manifests = copy_manifests(tmp_path)
    policy = manifests / "policy.yaml"
    text = policy.read_text("utf-8")
    assert "max_destroy: 10" in text
    policy.write_text(text.replace("max_destroy: 10", "max_destroy: 0"), "utf-8")
    monkeypatch.setattr("hexsync.cli.apply.interactive", lambda: True)
    before = writes(url)
    result = CliRunner().invoke(
        cli,
        ["--api-url", url, "--rate-limit", "off", "apply", str(manifests)],
        env=ENV,
        input="y\n",
    )
    assert result.exit_code == 3, result.output
    assert "Apply these" not in result.stderr
    assert "the plan is refused, nothing was applied:" in result.stderr
    assert "destructive changes, more than 0 (policy.max_destroy)" in result.stderr
    assert writes(url) == before


def test_stopped_before_any_change_finished_says_so_without_calling_a_plan_stale(
    url: str,
) -> None:
    _hold(url, "EditGroup")  # the only write of this targeted apply waits in the emulator
    args = ("apply", str(MANIFESTS), "--target", "group:Analysts", "--auto-approve")
    applying = run_hexsync("--api-url", url, "--rate-limit", "off", *args, env=ENV)
    try:
        # The plan is printed, and apply begins without a pause (no await in between).
        applying.wait_for(r"^Plan: ", stream="out", timeout=90)
        applying.process.send_signal(signal.SIGTERM)
        code, _, err = applying.finish(timeout=90)
    finally:
        stop(applying)
        httpx.delete(f"{url}/_emulator/faults")
    assert code == 130, err
    assert "Apply interrupted before any of its 1 change finished." in err
    assert "stale" not in err
    assert "Traceback" not in err
    again = hexsync(url, *args)
    assert again.exit_code == 0, again.output


def test_an_apply_where_every_change_fails_is_failed_not_partial(url: str, tmp_path: Path) -> None:
    """Archived is no status of this workspace and close to none: plan can only warn, Hex
    refuses it, and nothing at all was done."""
    manifest = tmp_path / "m.yaml"
    manifest.write_text(
        "version: 1\nprojects:\n  - title: Revenue overview\n    status: Archived\n",
        encoding="utf-8",
    )
    planned = hexsync(url, "plan", str(manifest))
    assert "no live project has status 'Archived'" in planned.stdout
    result = hexsync(url, "apply", str(manifest), "--auto-approve")
    assert result.exit_code == 4
    assert "Apply failed: 0 done, 1 failed, 0 skipped" in result.stderr
    assert "error: apply failed: no change was made (1 failed, 0 skipped)" in result.stderr
    assert "would fail the same way" in result.stderr
    assert "finished partially" not in result.stderr
