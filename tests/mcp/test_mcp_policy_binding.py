"""The MCP server's policy and directory bind the agent (issue #9 item 2).

Each test drives the real ``hexsync mcp`` over stdio as a client would, against the acme
emulator, and checks that nothing was written: no API write reached the workspace, no file
appeared outside the server's directory, and no content of a refused file came back."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from mcp_support import MANIFESTS, McpSession, text_of

WRITE_OPS = ("Create", "Edit", "Delete", "Deactivate", "Update", "Run", "Cancel")


def _writes(url: str) -> int:
    stats = httpx.get(f"{url}/_emulator/stats").json()["requests"]
    return sum(sum(n.values()) for op, n in stats.items() if op.startswith(WRITE_OPS))


def _groups(url: str) -> set[str]:
    return {g["name"] for g in httpx.get(f"{url}/_emulator/state").json()["groups"]}


def _active(url: str) -> set[str]:
    users = httpx.get(f"{url}/_emulator/state").json()["users"]
    return {u["email"] for u in users if u.get("active", True)}


@pytest.fixture
def bound(
    session: Callable[..., McpSession], tmp_path: Path, reset: Callable[[], None]
) -> Callable[..., tuple[McpSession, Path]]:
    """A server with --allow-writes bound to its own copy of the acme manifests (policy:
    protect group Admins and it-admin@acme.com, max_destroy 10)."""

    def start(*extra: str, policy: str | None = None) -> tuple[McpSession, Path]:
        directory = tmp_path / f"manifests{len(list(tmp_path.glob('manifests*')))}"
        shutil.copytree(MANIFESTS, directory)
        args = ["--manifests", str(directory), *extra]
        if policy is not None:
            policy_file = tmp_path / f"policy{len(list(tmp_path.glob('policy*')))}.yaml"
            policy_file.write_text(policy, encoding="utf-8")
            args += ["--policy", str(policy_file)]
        s = session(*args)
        s.initialize()
        return s, directory

    return start


ADMINS_GONE = """
version: 1
policy:
  protect: {groups: [], users: []}
groups:
  - name: Admins
    ensure: absent
"""


def test_an_inline_policy_that_loosens_the_servers_is_refused(bound, emulator_url):
    server, _ = bound("--allow-writes")
    before = _writes(emulator_url)
    for loose, said in (
        ("policy: {max_destroy: 1000}", "max_destroy: 1000 (the server's is 10)"),
        ("policy: {prune: {groups: true}}", "prune.groups: true"),
    ):
        result = server.call("plan", {"yaml": f"version: 1\n{loose}\n"})
        assert result["isError"] is True
        assert "loosens the server's policy" in text_of(result)
        assert said in text_of(result)
    assert _writes(emulator_url) == before


def test_an_inline_policy_cannot_unprotect_and_apply_plan_refuses(bound, emulator_url):
    server, _ = bound("--allow-writes")
    before = _writes(emulator_url)
    result = server.call("plan", {"yaml": ADMINS_GONE})
    assert result["isError"] is False
    text, plan_json = (b["text"] for b in result["content"])
    assert "REFUSED" in text
    assert "deletes protected group 'Admins'" in text
    applied = server.call("apply_plan", {"plan": plan_json, "confirm": True})
    assert applied["isError"] is True
    assert "Admins" in _groups(emulator_url)
    assert _writes(emulator_url) == before


def test_a_plan_made_under_a_looser_policy_elsewhere_is_refused_by_this_server(bound, emulator_url):
    loose, _ = bound("--allow-writes", policy="version: 1\npolicy: {max_destroy: 50}\n")
    made = loose.call("plan", {"yaml": "version: 1\ngroups:\n  - {name: Admins, ensure: absent}"})
    assert made["isError"] is False, text_of(made)
    plan_json = made["content"][1]["text"]
    assert json.loads(plan_json)["refusals"] == []  # fine under the loose server's policy
    strict, _ = bound("--allow-writes")
    before = _writes(emulator_url)
    refused = strict.call("apply_plan", {"plan": plan_json, "confirm": True})
    assert refused["isError"] is True
    assert "refused by the server's policy, nothing was applied" in text_of(refused)
    assert "deletes protected group 'Admins'" in text_of(refused)
    assert "Admins" in _groups(emulator_url)
    assert _writes(emulator_url) == before


def test_a_plan_deleting_a_group_with_a_protected_member_is_refused(bound, emulator_url):
    # it-admin@acme.com is in Admins only; a looser server protects nothing but the user.
    loose, _ = bound(
        "--allow-writes",
        policy="version: 1\npolicy: {protect: {users: [it-admin@acme.com]}, max_destroy: 50}\n",
    )
    plan_json = loose.call(
        "plan", {"yaml": "version: 1\ngroups:\n  - {name: Admins, ensure: absent}"}
    )["content"][1]["text"]
    strict, _ = bound(
        "--allow-writes", policy="version: 1\npolicy: {protect: {users: [it-admin@acme.com]}}\n"
    )
    refused = strict.call("apply_plan", {"plan": plan_json, "confirm": True})
    assert refused["isError"] is True
    assert "removing protected user it-admin@acme.com" in text_of(refused)
    assert "Admins" in _groups(emulator_url)


def test_a_stricter_inline_policy_applies(bound, emulator_url):
    server, _ = bound("--allow-writes")
    result = server.call(
        "plan",
        {
            "yaml": "version: 1\npolicy: {max_destroy: 0}\n"
            "groups:\n  - {name: Legacy contractors, ensure: absent}"
        },
    )
    assert result["isError"] is False
    data = json.loads(result["content"][1]["text"])
    assert [r["code"] for r in data["refusals"]] == ["max_destroy"], data["refusals"]
    assert "more than 0" in data["refusals"][0]["message"]


def test_allow_destroy_needs_the_server_flag(bound, emulator_url):
    server, _ = bound("--allow-writes", policy="version: 1\npolicy: {max_destroy: 0}\n")
    gone = "version: 1\ngroups:\n  - {name: Legacy contractors, ensure: absent}"
    refused = server.call("plan", {"yaml": gone, "allow_destroy": True})
    assert refused["isError"] is True
    assert "--allow-destroy" in text_of(refused)
    trusted, _ = bound(
        "--allow-writes", "--allow-destroy", policy="version: 1\npolicy: {max_destroy: 0}\n"
    )
    allowed = trusted.call("plan", {"yaml": gone, "allow_destroy": True})
    assert json.loads(allowed["content"][1]["text"])["refusals"] == []


def test_deactivate_user_honours_protect_and_max_destroy(bound, emulator_url):
    server, _ = bound(
        "--allow-writes",
        policy="version: 1\npolicy:\n  protect: {users: [it-admin@acme.com]}\n  max_destroy: 1\n",
    )
    before = _writes(emulator_url)
    protected = server.call("deactivate_user", {"emails": ["IT-Admin@acme.com"], "confirm": True})
    assert protected["isError"] is True
    assert "it-admin@acme.com is protected" in text_of(protected)
    many = server.call(
        "deactivate_user", {"emails": ["mallory@acme.com", "dave@acme.com"], "confirm": True}
    )
    assert many["isError"] is True
    assert "2 deactivations, more than max_destroy 1" in text_of(many)
    assert {"it-admin@acme.com", "mallory@acme.com", "dave@acme.com"} <= _active(emulator_url)
    assert _writes(emulator_url) == before
    one = server.call_json("deactivate_user", {"emails": ["mallory@acme.com"], "confirm": True})
    assert [u["email"] for u in one["deactivated"]] == ["mallory@acme.com"]


SECRET_YAML = "version: 1\ngroups:\n  - name: TOPSECRET-do-not-echo\n"


@pytest.mark.parametrize("how", ["absolute", "dotdot", "symlink-file", "symlink-dir"])
def test_paths_outside_the_manifests_directory_are_refused_without_their_content(
    bound, tmp_path: Path, how: str
):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.yaml").write_text(SECRET_YAML, encoding="utf-8")
    server, directory = bound()
    if how == "absolute":
        given = str(outside / "secret.yaml")
    elif how == "dotdot":
        given = "../outside/secret.yaml"
    elif how == "symlink-file":
        os.symlink(outside / "secret.yaml", directory / "linked.yaml")
        given = "."
    else:
        os.symlink(outside, directory / "linked")
        given = "linked"
    for tool in ("validate", "plan"):
        result = server.call(tool, {"paths": [given]})
        assert result["isError"] is True, (tool, text_of(result))
        text = text_of(result)
        assert "refused" in text
        assert "outside the server's directory" in text
        assert "TOPSECRET" not in text


def test_a_system_file_is_never_read(bound):
    server, _ = bound()
    result = server.call("validate", {"paths": ["/etc/passwd"]})
    assert result["isError"] is True
    assert "root:" not in text_of(result)


def test_save_to_needs_allow_writes_and_stays_inside(bound, tmp_path: Path):
    ro, directory = bound()
    refused = ro.call("plan", {"save_to": "plan.json"})
    assert refused["isError"] is True
    assert "--allow-writes" in text_of(refused)
    assert not (directory / "plan.json").exists()
    rw, directory = bound("--allow-writes")
    for outside in (str(tmp_path / "escaped.json"), "../escaped.json"):
        result = rw.call("plan", {"save_to": outside})
        assert result["isError"] is True
        assert "outside the server's directory" in text_of(result)
    assert not (tmp_path / "escaped.json").exists()
    saved = rw.call("plan", {"save_to": "reviewed/../plan.json"})
    assert saved["isError"] is False, text_of(saved)
    assert (directory / "plan.json").is_file()


def test_plan_file_outside_the_directory_is_refused(bound, tmp_path: Path):
    server, _ = bound("--allow-writes")
    elsewhere = tmp_path / "elsewhere.json"
    elsewhere.write_text('{"TOPSECRET": 1}', encoding="utf-8")
    result = server.call("apply_plan", {"plan_file": str(elsewhere), "confirm": True})
    assert result["isError"] is True
    assert "outside the server's directory" in text_of(result)
    assert "TOPSECRET" not in text_of(result)


def test_a_broken_policy_stops_the_server_at_start(session, tmp_path: Path):
    bad = tmp_path / "policy.yaml"
    bad.write_text("version: 1\npolicy: {max_destroy: lots}\n", encoding="utf-8")
    server = session("--policy", str(bad))
    assert server.close() == 1
    assert "cannot read the server's policy from --policy" in server.stderr_text()
