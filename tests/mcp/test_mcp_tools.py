"""The tools against the example workspace: reads, validate, plan, apply_plan, write tools."""

from __future__ import annotations

import asyncio
import json
import os
import stat
from pathlib import Path

import httpx
import yaml
from acme import EXAMPLE_SEED, REVENUE_ID
from mcp_support import MANIFESTS, TOKEN, text_of

from hexsync.hexapi import HexClient
from hexsync.manifest import load
from hexsync.planning.planner import make_plan

REVENUE = "Revenue overview"


def _plan_now(url: str, directory: Path = MANIFESTS) -> dict:
    """What `hexsync plan .` run inside ``directory`` computes."""

    async def run() -> dict:
        async with HexClient(TOKEN, url, pacing=False) as client:
            desired = load([str(directory)], relative_to=directory)
            return (await make_plan(client, desired)).data

    return asyncio.run(run())


def test_list_groups_returns_the_workspace_groups_and_members(ro, reset):
    seed = yaml.safe_load(EXAMPLE_SEED.read_text(encoding="utf-8"))
    expected = {g["name"]: sorted(g.get("members", []), key=str.lower) for g in seed["groups"]}
    found = ro.call_json("list_groups", {"members": True})["groups"]
    assert {g["name"]: g["members"] for g in found} == expected


def test_get_project_by_title_shows_its_sharing(ro, reset):
    project = ro.call_json("get_project", {"project": REVENUE})["project"]
    assert project["id"] == REVENUE_ID
    assert project["sharing"]["users"] == {"erin@acme.com": "CAN_EDIT"}
    by_id = ro.call_json("get_project", {"project": project["id"]})["project"]
    assert by_id["title"] == REVENUE


def test_list_projects_filters_and_says_when_it_truncated(ro, reset):
    everything = ro.call_json("list_projects", {"limit": 1000})
    assert everything["truncated"] is False
    assert everything["count"] == len(everything["projects"]) > 3
    some = ro.call_json("list_projects", {"limit": 2})
    assert some["count"] == 2
    assert some["truncated"] is True
    revenue = ro.call_json(
        "list_projects", {"title_contains": "revenue ov", "include_sharing": True}
    )
    assert [p["title"] for p in revenue["projects"]] == [REVENUE]
    assert revenue["projects"][0]["sharing"]["workspace"] == "NONE"


def test_whoami_names_the_workspace_and_the_mode(ro, rw):
    me = ro.call_json("whoami")
    assert me["org_id"] == "5a8591dd-4039-49df-9202-96385ba3eff8"
    assert me["token_kind"] == "workspace"
    assert me["writes_enabled"] is False
    assert rw.call_json("whoami")["writes_enabled"] is True


def test_validate_reports_every_problem_with_file_line_and_column(ro):
    manifests = {
        "groups.yaml": "version: 1\ngroups:\n  - name: Analysts\n    memberz: [a@acme.com]\n",
        "projects.yaml": (
            "projects:\n  - title: X\n    sharing:\n      workspace: READ_ALL\n"
            "      groups:\n        Nobody: CAN_VIEW\n"
        ),
    }
    result = ro.call_json("validate", {"manifests": manifests})
    assert result["ok"] is False
    assert result["summary"] == "2 problems in 2 files"
    found = [(p["location"], p["message"]) for p in result["problems"]]
    assert [location for location, _ in found] == ["groups.yaml:4:5", "projects.yaml:4:18"]
    assert "unknown key 'memberz'" in found[0][1]
    assert "'READ_ALL' is not one of" in found[1][1]


def test_validate_uses_the_default_manifests_dir(session):
    s = session("--manifests", str(MANIFESTS))
    s.initialize()
    result = s.call_json("validate")
    assert result["ok"] is True
    assert len(result["files"]) > 5
    assert result["summary"].startswith("ok:")


def test_validate_without_manifests_says_how_to_give_them(session):
    bare = session()
    bare.initialize()
    result = bare.call("validate")
    assert result["isError"] is True
    assert "--manifests DIR" in text_of(result)


def test_plan_returns_the_acme_differences_as_text_and_json(ro, reset, emulator_url):
    result = ro.call("plan", {})
    assert result["isError"] is False
    text, plan_json = (block["text"] for block in result["content"])
    assert '- group "Legacy contractors"' in text
    assert '- user "mallory@acme.com" (deactivate: irreversible, the API cannot reactivate)' in text
    assert "call apply_plan" in text
    plan = json.loads(plan_json)
    assert plan["summary"]["create"] == 2
    assert plan == result["structuredContent"]
    # The same value `hexsync plan` computes, checksum included.
    directory = Path(ro.call_json("whoami")["directory"])
    assert plan["checksum"] == _plan_now(emulator_url, directory)["checksum"]


def test_plan_with_manifest_errors_is_a_tool_error_naming_the_places(ro):
    result = ro.call("plan", {"yaml": "version: 1\ngroups:\n  - name: A\n    members: 3\n"})
    assert result["isError"] is True
    assert "manifest.yaml:4:" in text_of(result)


def test_apply_plan_converges_then_the_plan_is_empty(rw, reset):
    made = rw.call("plan", {"save_to": "p.json"})
    plan_json = made["content"][1]["text"]
    saved = Path(rw.call_json("whoami")["directory"]) / "p.json"
    assert saved.read_text(encoding="utf-8") == plan_json
    report = rw.call_json("apply_plan", {"plan": plan_json, "confirm": True})
    assert report["ok"] is True
    assert report["summary"]["done"] == len(json.loads(plan_json)["changes"])
    again = rw.call("plan", {})
    assert json.loads(again["content"][1]["text"])["changes"] == []
    assert "No changes" in again["content"][0]["text"]


def test_apply_plan_from_a_saved_file_and_as_an_object(rw, reset):
    path = Path(rw.call_json("whoami")["directory"]) / "plan.json"
    rw.call("plan", {"save_to": str(path)})
    changes = len(json.loads(path.read_text(encoding="utf-8"))["changes"])
    assert changes == 8  # the acme example's differences: an empty plan would prove nothing
    from_file = rw.call_json("apply_plan", {"plan_file": str(path), "confirm": True})
    assert from_file["ok"] is True
    assert from_file["summary"]["done"] == changes
    reset()
    plan = json.loads(rw.call("plan", {})["content"][1]["text"])
    as_object = rw.call_json("apply_plan", {"plan": plan, "confirm": True})
    assert as_object["ok"] is True
    assert as_object["summary"]["done"] == len(plan["changes"]) == changes


def test_apply_plan_is_refused_when_the_workspace_moved(rw, reset, emulator_url):
    plan_json = rw.call("plan", {})["content"][1]["text"]
    revenue = rw.call_json("get_project", {"project": REVENUE})["project"]["id"]
    # Someone changes a project the plan relies on, after the plan was made.
    httpx.patch(
        f"{emulator_url}/api/v1/projects/{revenue}",
        json={"status": "Deprecated"},
        headers={"Authorization": f"Bearer {TOKEN}"},
    ).raise_for_status()
    result = rw.call("apply_plan", {"plan": plan_json, "confirm": True})
    assert result["isError"] is True
    assert "stale" in text_of(result)
    assert "nothing was applied" in text_of(result)
    # Nothing was applied: Legacy contractors, which the plan deletes, is still there.
    names = {g["name"] for g in rw.call_json("list_groups")["groups"]}
    assert "Legacy contractors" in names


def test_apply_plan_refuses_a_changed_plan_and_wants_confirm(rw, reset):
    plan = json.loads(rw.call("plan", {})["content"][1]["text"])
    plan["changes"] = plan["changes"][:1]
    tampered = rw.call("apply_plan", {"plan": plan, "confirm": True})
    assert tampered["isError"] is True
    assert "checksum mismatch" in text_of(tampered)
    unconfirmed = rw.call("apply_plan", {"plan": json.dumps(plan), "confirm": False})
    assert unconfirmed["isError"] is True
    assert "confirm: true" in text_of(unconfirmed)


def test_deactivate_user_needs_confirm_then_deactivates(rw, reset):
    refused = rw.call("deactivate_user", {"emails": ["mallory@acme.com"], "confirm": False})
    assert refused["isError"] is True
    emails = {u["email"] for u in rw.call_json("list_users")["users"]}
    assert "mallory@acme.com" in emails
    done = rw.call_json("deactivate_user", {"emails": ["Mallory@acme.com"], "confirm": True})
    assert [u["email"] for u in done["deactivated"]] == ["mallory@acme.com"]
    emails = {u["email"] for u in rw.call_json("list_users")["users"]}
    assert "mallory@acme.com" not in emails


def test_trigger_run_then_status_and_list(rw, reset):
    started = rw.call_json("trigger_run", {"project": REVENUE, "confirm": True})
    run_id = started["run"]["run_id"]
    status = rw.call_json("get_run_status", {"project": REVENUE, "run_id": run_id})
    assert status["run"]["run_id"] == run_id
    runs = rw.call_json("list_runs", {"project": REVENUE})["runs"]
    assert run_id in {r["run_id"] for r in runs}


def test_create_embed_url_in_test_mode(rw, emulator_url):
    result = rw.call_json(
        "create_embed_url", {"project": REVENUE, "test_mode": True, "confirm": True}
    )
    assert result["url"].startswith(f"{emulator_url}/embed/{REVENUE_ID}?")
    assert result["project"] == {"id": REVENUE_ID, "title": REVENUE}
    assert result["single_use"] is True


def test_plan_save_to_a_fifo_is_refused_and_the_fifo_stays(rw, reset):
    fifo = Path(rw.call_json("whoami")["directory"]) / "fifo-plan.json"  # inside: not confined
    os.mkfifo(fifo)
    try:
        result = rw.call("plan", {"save_to": str(fifo)})
        assert result["isError"] is True
        assert "not a regular file" in text_of(result)
        assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    finally:
        fifo.unlink()
