"""A saved plan cannot carry what review did not approve (issue 9, item 1).

Each test forges ``plan.json`` as an attacker with write access to the artifact would: edit it,
then recompute the checksum with the public recipe of docs/plan-format.md. ``hexsync apply``
runs for real against the emulator on a loopback port, and the emulator's state and request
statistics show that nothing was written.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from acme import serving_example
from click.testing import CliRunner, Result
from e2e_support import (
    MANIFESTS,
    TOKEN,
    copy_manifests,
    plan_now,
    state,
    writes_besides_the_lock,
)

from hexsync.cli.main import cli
from hexsync.values.plan import Plan

pytestmark = pytest.mark.slow

KEY = "correct horse battery staple 7f3a"


@pytest.fixture
def url() -> Iterator[str]:
    with serving_example() as b:
        yield b


def run(url: str, *args: str, key: str | None = None) -> Result:
    env = {"HEX_API_TOKEN": TOKEN, "NO_COLOR": "1", "HEXSYNC_PLAN_KEY": key}
    return CliRunner().invoke(
        cli, ["--api-url", url, "--rate-limit", "off", *args], env=env, catch_exceptions=False
    )


def _canonical(body: dict[str, Any]) -> bytes:
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def forge(path: Path, data: dict[str, Any], *, summary: bool = True) -> None:
    """Write ``data`` as a careful forger would: the summary made to agree with the changes
    (unless ``summary`` is false), the checksum recomputed as docs/plan-format.md says. A
    signature, if any, is kept as it was: the forger does not hold the key."""

    def checksum() -> str:
        body = {k: v for k, v in data.items() if k not in ("checksum", "signature")}
        return hashlib.sha256(_canonical(body)).hexdigest()

    if summary:
        data["checksum"] = checksum()
        data["summary"] = Plan.from_data(data).data["summary"]
    data["checksum"] = checksum()
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")


def saved(url: str, tmp_path: Path, *extra: str, key: str | None = None) -> Path:
    path = tmp_path / "plan.json"
    made = run(url, "plan", str(MANIFESTS), "--out", str(path), *extra, key=key)
    assert made.exit_code in (0, 3), made.output
    return path


def load(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def group(url: str, name: str) -> dict[str, Any]:
    return next(g for g in state(url)["groups"] if g["name"] == name)


def relied_group(url: str, name: str) -> dict[str, Any]:
    """A relied_on entry for a live group, exactly as a plan would record it."""
    g = group(url, name)
    emails = {u["id"]: u["email"].lower() for u in state(url)["users"]}
    members = "\n".join(sorted(emails.get(m, str(m).lower()) for m in g["members"]))
    fields = {"name": name, "members": members}
    return {
        "kind": "group",
        "name": name,
        "id": g["id"],
        "fields": fields,
        "fingerprint": hashlib.sha256(_canonical(fields)).hexdigest(),
    }


def add_group_delete(url: str, data: dict[str, Any], live: str, shown: str = "") -> None:
    """Add the deletion of the live group ``live`` (named ``shown`` in the change) with a
    relied_on entry true to the workspace, so that nothing else gives it away."""
    ref = relied_group(url, live)
    data["changes"].append(
        {"kind": "group", "action": "delete", "name": shown or live, "id": ref["id"], "fields": []}
    )
    data["relied_on"].append(ref)


def refused(
    url: str, code: int, *args: str, says: tuple[str, ...], key: str | None = None
) -> Result:
    """``hexsync ARGS`` exits ``code`` naming each of ``says``, and writes nothing."""
    before = state(url)
    result = run(url, *args, key=key)
    assert_refused(result, code, *says)
    assert_nothing_written(url, before)
    return result


def assert_refused(result: Result, code: int, *fragments: str) -> None:
    assert result.exit_code == code, result.output
    for fragment in fragments:
        assert fragment in result.stderr, result.stderr
    assert "Traceback" not in result.output


def assert_nothing_written(url: str, before: dict[str, Any]) -> None:
    # The apply lock (taken before the workspace is read) may have been created and deleted.
    assert writes_besides_the_lock(url) == 0
    assert state(url) == before


def test_a_plan_with_nonsense_fields_is_refused_by_the_schema(url: str, tmp_path: Path) -> None:
    path = saved(url, tmp_path)
    data = load(path)
    data["changes"][0]["fields"].append({"path": "owner", "old": None, "new": "mallory@acme.com"})
    forge(path, data)
    result = refused(
        url, 1, "apply", str(path), says=(f"{path}: changes[0].fields[", "'owner' is not one of")
    )
    assert result.stderr.startswith("error: ")


def test_deleting_a_protected_group_is_refused_when_the_guardrails_run_again(
    url: str, tmp_path: Path
) -> None:
    # The forger adds the deletion of Admins (protected by the manifests' policy, which the plan
    # carries) with a relied_on entry true to the workspace, so nothing else gives it away.
    path = saved(url, tmp_path)
    data = load(path)
    add_group_delete(url, data, "Admins")
    forge(path, data)
    refused(
        url,
        3,
        "apply",
        str(path),
        says=(
            "deletes protected group 'Admins'",
            "nothing was applied",
        ),
    )


def test_a_refused_plan_whose_refusals_were_removed_is_refused_again(
    url: str, tmp_path: Path
) -> None:
    manifests = copy_manifests(tmp_path)
    policy = manifests / "policy.yaml"
    policy.write_text(policy.read_text("utf-8").replace("max_destroy: 10", "max_destroy: 1"))
    path = tmp_path / "plan.json"
    made = run(url, "plan", str(manifests), "--out", str(path))
    assert made.exit_code == 3  # the reviewer saw a refused plan
    data = load(path)
    assert [r["code"] for r in data["refusals"]] == ["max_destroy"]
    data["refusals"] = []
    forge(path, data)
    refused(
        url, 3, "apply", str(path), says=("destructive changes, more than 1 (policy.max_destroy)",)
    )


def test_a_change_no_relied_on_entry_covers_is_refused(url: str, tmp_path: Path) -> None:
    path = saved(url, tmp_path)
    data = load(path)
    finance = group(url, "Finance")
    data["changes"].append(
        {"kind": "group", "action": "delete", "name": "Finance", "id": finance["id"], "fields": []}
    )
    forge(path, data)
    refused(
        url,
        3,
        "apply",
        str(path),
        says=("group:Finance (delete): no relied_on entry for this group",),
    )


def test_an_old_value_altered_to_hide_a_removal_is_refused(url: str, tmp_path: Path) -> None:
    # Analysts loses dave: the forger writes old: null so the removal no longer counts as
    # destructive; what the plan read says dave was a member.
    path = saved(url, tmp_path)
    data = load(path)
    analysts = next(c for c in data["changes"] if c["name"] == "Analysts")
    removal = next(f for f in analysts["fields"] if f["key"] == "dave@acme.com")
    removal["old"] = None
    forge(path, data)
    refused(
        url,
        3,
        "apply",
        str(path),
        says=(
            "group:Analysts (update): members['dave@acme.com']: the plan says it was null, "
            "relied_on read 'member'",
        ),
    )


def test_a_change_aimed_at_another_id_under_a_harmless_name_is_refused(
    url: str, tmp_path: Path
) -> None:
    path = saved(url, tmp_path)
    data = load(path)
    add_group_delete(url, data, "Admins", shown="Temp")
    forge(path, data)
    refused(
        url,
        3,
        "apply",
        str(path),
        says=("group:Temp (delete): relied_on reads this id as 'Admins'",),
    )


def test_with_manifests_a_plan_whose_policy_was_forged_too_is_refused(
    url: str, tmp_path: Path
) -> None:
    # The forger empties the carried policy's protect list as well: the guardrails re-run on the
    # file alone would pass. --manifests plans again from the reviewed manifests.
    path = saved(url, tmp_path)
    data = load(path)
    add_group_delete(url, data, "Admins")
    data["policy"]["protect"] = {"groups": [], "users": []}
    forge(path, data)
    refused(
        url,
        3,
        "apply",
        str(path),
        "--manifests",
        str(MANIFESTS),
        says=(
            "error: the saved plan is not what the manifests imply, nothing was applied:\n"
            "  only in the saved plan: delete group 'Admins'\n"
            "hint: apply the plan made from these manifests (`hexsync plan --out`), after review\n",
        ),
    )


def test_with_manifests_a_missing_change_and_an_altered_field_are_both_named(
    url: str, tmp_path: Path
) -> None:
    path = saved(url, tmp_path)
    data = load(path)
    dropped = next(c for c in data["changes"] if c["kind"] == "user")
    data["changes"].remove(dropped)
    portal = next(c for c in data["changes"] if c["name"] == "Partner portal")
    ws = next(f for f in portal["fields"] if f["path"] == "sharing.workspace")
    ws["new"] = "CAN_EDIT"
    forge(path, data)
    refused(
        url,
        3,
        "apply",
        str(path),
        "--manifests",
        str(MANIFESTS),
        says=(
            "only in the saved plan: create project 'Partner portal': sharing.workspace: null → "
            "'CAN_EDIT'",
            "only in the manifests' plan: create project 'Partner portal': sharing.workspace: "
            "null → 'APP_ONLY'",
            f"only in the manifests' plan: deactivate user '{dropped['name']}'",
        ),
    )


def test_with_manifests_the_reviewed_plan_applies_in_any_order(url: str, tmp_path: Path) -> None:
    path = saved(url, tmp_path)
    data = load(path)
    data["changes"].reverse()  # apply order is the plan's own; equality ignores it
    for change in data["changes"]:
        change["fields"].reverse()
    forge(path, data)
    result = run(url, "apply", str(path), "--manifests", str(MANIFESTS))
    assert result.exit_code == 0, result.output
    assert "Checking the saved plan against the manifests and the workspace" in result.stderr
    assert f"Apply complete: {len(data['changes'])} done, 0 failed" in result.stderr
    assert plan_now(url).empty


def test_with_manifests_the_manifests_policy_decides_not_the_plans(
    url: str, tmp_path: Path
) -> None:
    # A plan made with --allow-destroy carries it; with --manifests apply needs it given again.
    manifests = copy_manifests(tmp_path)
    policy = manifests / "policy.yaml"
    policy.write_text(policy.read_text("utf-8").replace("max_destroy: 10", "max_destroy: 1"))
    path = tmp_path / "plan.json"
    made = run(url, "plan", str(manifests), "--out", str(path), "--allow-destroy")
    assert made.exit_code == 0, made.output
    refused(
        url, 3, "apply", str(path), "--manifests", str(manifests), says=("more than 1 (policy",)
    )
    allowed = run(url, "apply", str(path), "--manifests", str(manifests), "--allow-destroy")
    assert allowed.exit_code == 0, allowed.output


def test_allow_destroy_with_a_plan_alone_is_a_usage_error(url: str, tmp_path: Path) -> None:
    result = run(url, "apply", str(saved(url, tmp_path)), "--allow-destroy")
    assert result.exit_code == 1
    assert "--allow-destroy with a saved plan needs --manifests" in result.stderr


def test_a_signed_plan_applies_with_its_key_and_the_key_is_never_shown(
    url: str, tmp_path: Path
) -> None:
    path = saved(url, tmp_path, key=KEY)
    text = path.read_text(encoding="utf-8")
    data = json.loads(text)
    body = {k: v for k, v in data.items() if k not in ("checksum", "signature")}
    assert data["signature"] == hmac.new(KEY.encode(), _canonical(body), "sha256").hexdigest()
    assert KEY not in text
    result = run(url, "apply", str(path), key=KEY)
    assert result.exit_code == 0, result.output
    assert KEY not in result.output
    assert plan_now(url).empty


@pytest.mark.parametrize(
    ("signed_with", "applied_with", "fragment"),
    [
        (None, KEY, "the plan is not signed, and HEXSYNC_PLAN_KEY is set"),
        ("another key entirely", KEY, "the signature does not match"),
        (KEY, None, "the plan is signed, but HEXSYNC_PLAN_KEY is not set here"),
    ],
    ids=["unsigned", "wrong-key", "key-unset-at-apply"],
)
def test_a_plan_whose_signature_cannot_be_verified_is_refused(
    url: str, tmp_path: Path, signed_with: str | None, applied_with: str | None, fragment: str
) -> None:
    path = saved(url, tmp_path, key=signed_with)
    result = refused(url, 3, "apply", str(path), says=(fragment,), key=applied_with)
    for key in (signed_with, applied_with):
        assert key is None or key not in result.output


def test_a_signed_plan_edited_and_re_checksummed_is_refused(url: str, tmp_path: Path) -> None:
    path = saved(url, tmp_path, key=KEY)
    data = load(path)
    data["changes"] = [c for c in data["changes"] if c["kind"] != "user"]
    forge(path, data)
    refused(url, 3, "apply", str(path), says=("the signature does not match",), key=KEY)


def test_target_cannot_split_a_max_destroy_refusal(url: str, tmp_path: Path) -> None:
    # The example removes dave from Analysts and deactivates 3 users: 4 destructive changes.
    # With max_destroy 3 the whole plan is refused; so is each --target that alone is under it.
    manifests = copy_manifests(tmp_path)
    policy = manifests / "policy.yaml"
    policy.write_text(policy.read_text("utf-8").replace("max_destroy: 10", "max_destroy: 3"))
    whole = run(url, "plan", str(manifests))
    assert_refused(whole, 3)
    assert "destructive changes, more than 3" in whole.stdout
    before = state(url)
    for target in ("group:Analysts", "user", "user:mallory@acme.com"):
        result = run(url, "apply", str(manifests), "--target", target, "--auto-approve")
        assert result.exit_code == 3, (target, result.output)
        assert "in the whole plan (--target does not split the count)" in result.stderr
    assert_nothing_written(url, before)
    assert httpx.get(f"{url}/_emulator/stats").json()["requests"].get("DeactivateUser") is None


def test_with_manifests_a_targeted_plan_applies_under_the_operators_target(
    url: str, tmp_path: Path
) -> None:
    path = saved(url, tmp_path, "--target", "group:Analysts")
    assert load(path)["policy"]["target"] == "group:Analysts"
    assert [c["name"] for c in load(path)["changes"]] == ["Analysts"]
    result = run(
        url, "apply", str(path), "--manifests", str(MANIFESTS), "--target", "group:Analysts"
    )
    assert result.exit_code == 0, result.output
    assert "Apply complete: 1 done" in result.stderr


def test_with_manifests_a_plan_cannot_choose_its_own_target(url: str, tmp_path: Path) -> None:
    # Issue 27, item 1: the forger keeps the harmless collection changes, drops the reviewed
    # deactivations, group edits and removals, and claims the plan was made for collections only.
    path = saved(url, tmp_path)
    data = load(path)
    reviewed = len(data["changes"])
    data["changes"] = [c for c in data["changes"] if c["kind"] == "collection"]
    assert 0 < len(data["changes"]) < reviewed
    data["policy"]["target"] = "collection"
    forge(path, data)
    result = refused(
        url,
        3,
        "apply",
        str(path),
        "--manifests",
        str(MANIFESTS),
        says=(
            "the saved plan is not what the manifests imply",
            "only in the manifests' plan: deactivate user",
            "apply never takes a plan's word for its subset",
        ),
    )
    assert "Apply complete" not in result.output


def test_target_with_a_saved_plan_alone_is_a_usage_error(url: str, tmp_path: Path) -> None:
    result = run(url, "apply", str(saved(url, tmp_path)), "--target", "collection")
    assert result.exit_code == 1
    assert "--target with a saved plan needs --manifests" in result.stderr


def test_a_summary_that_understates_the_changes_is_refused(url: str, tmp_path: Path) -> None:
    # A CI gate reading `.summary.destructive` must not be told 0 by a forged file.
    path = saved(url, tmp_path)
    data = load(path)
    assert data["summary"]["destructive"] > 0
    data["summary"]["destructive"] = 0
    forge(path, data, summary=False)
    refused(
        url,
        1,
        "apply",
        str(path),
        says=(f"{path}: summary.destructive is 0, but the changes make it ",),
    )
