"""``hexsync serve`` as an operator runs it: a subprocess against the emulator (another
subprocess, Hex's limits on a scaled clock) and a real SQLite file.

Time: both run at --time-scale 60, so the controller's ``--interval 60s`` is a real second.
"""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from click.testing import CliRunner
from serve_support import (
    ADMIN,
    HANG,
    HEX_TOKEN,
    VIEWER,
    assert_seen_within_one_interval,
    hex_call,
    serve_emulator,
    start_serve,
    stop,
    wait_until,
)

from hexsync.cli.main import cli
from hexsync.store import Store

pytestmark = pytest.mark.slow

REVENUE = "0b3f6a51-5b6e-4c43-a4a8-0b1d2b7f3c11"  # "Revenue overview", not shared workspace-wide
INTERVAL = 60.0  # the controller's seconds between a sync's end and the next one's start (60s)


@pytest.fixture(scope="module")
def hex_url() -> Iterator[str]:
    proc, url = serve_emulator()
    try:
        yield url
    finally:
        proc.process.kill()  # a test's emulator: no graceful shutdown to wait for
        proc.finish()


@pytest.fixture(scope="module")
def exported(hex_url: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Manifests that match the seed exactly (what `hexsync export` writes): Synced at start."""
    out = tmp_path_factory.mktemp("manifests")
    result = CliRunner().invoke(
        cli,
        ["--api-url", hex_url, "--rate-limit", "off", "export", "--out", str(out), "--force"],
        env={"HEX_API_TOKEN": HEX_TOKEN},
    )
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture
def manifests(hex_url: str, exported: Path, tmp_path: Path) -> Path:
    httpx.post(f"{hex_url}/_emulator/reset", timeout=10).raise_for_status()
    copy = tmp_path / "manifests"
    copy.mkdir()
    for path in exported.iterdir():
        (copy / path.name).write_bytes(path.read_bytes())
    return copy


def share_workspace_wide(hex_url: str, level: str) -> None:
    hex_call(
        hex_url, lambda c: c.edit_project_sharing_workspace_and_public(REVENUE, workspace=level)
    )


def revenue_workspace_level(hex_url: str) -> str | None:
    project = hex_call(hex_url, lambda c: c.get_project(REVENUE, include_sharing=True))
    assert project.sharing is not None
    return project.sharing.workspace


def cli_run(*args: str) -> Any:
    return CliRunner().invoke(cli, list(args), env={"HEX_API_TOKEN": ""})


def test_an_out_of_band_change_is_drift_within_one_interval_and_resolved_when_undone(
    hex_url: str, manifests: Path, tmp_path: Path
):
    db = f"sqlite:///{tmp_path / 'hexsync.db'}"
    served = start_serve(hex_url, manifests, db, "--interval", "60s")
    try:
        first = wait_until(lambda: served.status()["last_sync"], what="a first sync")
        assert first["outcome"] == "synced"
        assert served.status()["sync_status"] == "Synced"
        newest_before = served.syncs()[0]["id"]  # the sync running or last run, before the change
        share_workspace_wide(hex_url, "CAN_VIEW")
        newest_after = served.syncs()[0]["id"]  # ... and once Hex has it
        wait_until(lambda: served.status()["sync_status"] == "OutOfSync", HANG, "OutOfSync")
        [item] = served.get("/api/drift").json()["items"]
        assert (item["kind"], item["object"], item["field"]) == (
            "project",
            "Revenue overview",
            "sharing.workspace",
        )
        assert (item["manifests"], item["live"]) == ("NONE", "CAN_VIEW")
        assert_seen_within_one_interval(served, item, newest_before, newest_after, INTERVAL)
        shared_at = item["first_seen"]
        share_workspace_wide(hex_url, "NONE")
        wait_until(lambda: served.status()["sync_status"] == "Synced", HANG, "Synced again")
        assert served.get("/api/drift").json()["items"] == []
        events = served.get("/api/history", object="Revenue").json()["events"]
        kinds = [e["type"] for e in events]
        assert kinds.count("drift_opened") == 1
        assert kinds.count("drift_resolved") == 1
        changes = [e for e in events if e["type"] == "change"]
        assert [(c["field"], c["old"], c["new"], c["by_hexsync"]) for c in changes] == [
            ("sharing.workspace", "CAN_VIEW", "NONE", False),
            ("sharing.workspace", "NONE", "CAN_VIEW", False),
        ]
        access = served.get("/api/access/project/Revenue overview", at=shared_at).json()
        assert access["workspace_members"] == [{"path": "workspace", "granted": "CAN_VIEW"}]
    finally:
        stop(served.proc)
    # The memory answers without Hex: no token, the store alone.
    history = cli_run("history", "--db", db, "--object", "Revenue overview")
    assert history.exit_code == 0, history.output
    assert "changed in Hex: project 'Revenue overview' sharing.workspace: NONE → CAN_VIEW" in (
        history.output
    )
    assert "drift resolved: project 'Revenue overview' sharing.workspace" in history.output
    at_share = cli_run(
        "access", "project", "Revenue overview", "--at", shared_at, "--db", db, "--json"
    )
    assert at_share.exit_code == 0, at_share.output
    doc = json.loads(at_share.stdout)
    assert doc["source"] == "snapshot"
    assert doc["workspace_members"] == [{"path": "workspace", "granted": "CAN_VIEW"}]
    before_share = cli_run(
        "access", "project", "Revenue overview", "--at", first["finished_at"], "--db", db, "--json"
    )
    assert json.loads(before_share.stdout)["workspace_members"] == []


def test_two_replicas_on_postgresql_webhooks_tokens_metrics_and_a_clean_sigterm(
    hex_url: str, manifests: Path, postgres
):
    """Two processes on one PostgreSQL database: one reconciles, the other stands by and
    serves reads; the reconciler's webhooks, tokens, metrics and SIGTERM."""
    db = postgres.new_database()
    served = start_serve(hex_url, manifests, db, "--interval", "1h")
    standby = start_serve(hex_url, manifests, db, "--interval", "1h")
    try:
        wait_until(lambda: served.status()["last_sync"], what="a first sync")
        standby.proc.wait_for("standing by: another process reconciles workspace 'default'")
        assert served.status()["role"] == "reconciling"
        assert standby.status()["role"] == "standby"
        assert standby.status()["last_sync"]["id"] == served.status()["last_sync"]["id"]
        assert standby.post("/api/sync").status_code == 409
        count = len(served.syncs())
        bad = served.github({"ref": "refs/heads/main"}, secret="not the secret")
        assert bad.status_code == 401
        assert (
            served.post("/hooks/gitlab", token=None, headers={"X-Gitlab-Token": "nope"}).status_code
            == 401
        )
        assert served.get("/api/status", token=None).status_code == 401
        assert served.get("/api/status", token="a guess").status_code == 401
        assert served.get("/api/status", token=VIEWER).status_code == 200
        assert served.post("/api/sync", token=VIEWER).status_code == 403
        time.sleep(1.0)  # a minute of the controller's time: nothing was triggered
        assert len(served.syncs()) == count
        good = served.github({"ref": "refs/heads/main"})
        assert good.status_code == 202
        wait_until(lambda: len(served.syncs()) == count + 1, HANG, "the webhook's sync")
        assert served.syncs()[0]["trigger"] == "webhook"
        assert served.post("/api/sync", token=ADMIN).status_code == 202
        wait_until(lambda: len(served.syncs()) == count + 2, HANG, "the API's sync")
        synced = 'hexsync_syncs_total{outcome="synced",workspace="default"} 3.0'
        metrics = wait_until(
            lambda: (
                (text := httpx.get(served.url + "/metrics", timeout=10).text) * (synced in text)
            ),
            HANG,
            "three synced syncs counted",
        )
        assert 'hexsync_requests_total{operation="ListProjects",workspace="default"}' in metrics
        assert "hexsync_last_success_timestamp_seconds" in metrics
        assert httpx.get(served.url + "/readyz", timeout=10).json()["ready"] is True
        assert httpx.get(served.url + "/healthz", timeout=10).status_code == 200
        served.proc.process.send_signal(signal.SIGTERM)
        # It stops without waiting for its next sync, an hour (a real minute) away: the bound
        # is far below that, and far above what stopping takes on a loaded machine.
        code, _, err = served.proc.finish(timeout=40)
        assert code == 0, err
        # The standby takes over once the reconciler is gone.
        standby.proc.wait_for("reconciling workspace 'default'", timeout=HANG)
        wait_until(lambda: standby.status()["role"] == "reconciling", HANG, "the takeover")
    finally:
        stop(served.proc)
        stop(standby.proc)
    assert ADMIN not in err
    assert VIEWER not in err
    with Store(db) as store:
        assert store.check() == []
        assert all(s.outcome != "running" for s in store.syncs("default"))


class _Receiver(BaseHTTPRequestHandler):
    received: list[dict[str, Any]] = []

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.received.append(json.loads(body))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        return None


@pytest.fixture
def receiver() -> Iterator[tuple[str, list[dict[str, Any]]]]:
    received: list[dict[str, Any]] = []
    handler = type("Receiver", (_Receiver,), {"received": received})
    server = HTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/hook", received
    finally:
        server.shutdown()
        server.server_close()


def with_windows(manifests: Path, windows: list[dict[str, str]]) -> None:
    policy_file = manifests / "policy.yaml"
    document = yaml.safe_load(policy_file.read_text()) or {}
    document.setdefault("policy", {})["windows"] = windows
    policy_file.write_text(yaml.safe_dump(document))


def test_heal_restores_a_change_a_deny_window_holds_it_and_people_are_told_once(
    hex_url: str, manifests: Path, tmp_path: Path, receiver
):
    hook, received = receiver
    db = f"sqlite:///{tmp_path / 'hexsync.db'}"
    with_windows(manifests, [{"kind": "deny", "schedule": "* * * * *", "duration": "1h"}])
    served = start_serve(
        hex_url, manifests, db, "--mode", "heal", "--interval", "60s", "--notify", hook
    )
    try:
        wait_until(lambda: served.status()["last_sync"], what="a first sync")
        share_workspace_wide(hex_url, "CAN_VIEW")
        held = wait_until(
            lambda: [s for s in served.syncs() if s["outcome"] == "held"], HANG, "a held heal"
        )
        assert "held by the deny window '* * * * *' for 1h (UTC)" in held[0]["note"]
        status = served.status()
        assert status["sync_status"] == "OutOfSync"
        assert status["held"].startswith("held by the deny window")
        assert revenue_workspace_level(hex_url) == "CAN_VIEW"  # nothing was written
        with_windows(manifests, [])  # the freeze is lifted in git: the next sync heals
        wait_until(lambda: revenue_workspace_level(hex_url) == "NONE", HANG, "the heal")
        wait_until(
            lambda: served.status()["sync_status"] == "Synced", HANG, "Synced after the heal"
        )
        healed = [s for s in served.syncs() if s["outcome"] == "healed"]
        assert len(healed) == 1
        assert healed[0]["applied"] == 1
        detail = served.get(f"/api/syncs/{healed[0]['id']}").json()
        assert [c["name"] for c in detail["plan"]["changes"]] == ["Revenue overview"]
        assert detail["report"]["ok"] is True
        events = served.get("/api/history", object="Revenue").json()["events"]
        assert [e["by_hexsync"] for e in events if e["type"] == "change"] == [True, False]
        wait_until(
            lambda: {m["event"] for m in received} >= {"drift_opened", "healed", "drift_resolved"},
            HANG,
            "notifications",
        )
        # More cycles (counted, not slept for: a loaded machine runs fewer in a given time):
        # the same events are not sent again.
        ran = len(served.syncs())
        wait_until(lambda: len(served.syncs()) >= ran + 2, HANG, "two more syncs")
    finally:
        stop(served.proc)
    kinds = sorted(m["event"] for m in received)
    assert kinds == ["drift_opened", "drift_resolved", "healed"]
    opened = next(m for m in received if m["event"] == "drift_opened")
    assert (
        "project 'Revenue overview' sharing.workspace: manifests NONE, Hex CAN_VIEW"
        in (opened["text"])
    )


def faults(hex_url: str) -> dict[str, Any]:
    return httpx.get(f"{hex_url}/_emulator/faults", timeout=10).json()


def group_names(hex_url: str) -> list[str]:
    async def names(client) -> list[str]:
        return [g.name async for g in client.iter_groups()]

    return hex_call(hex_url, names)


def test_kill_9_during_a_heal_then_a_restart_converges_with_no_duplicate(
    hex_url: str, manifests: Path, tmp_path: Path
):
    db_path = tmp_path / "hexsync.db"
    db = f"sqlite:///{db_path}"

    async def damage(client) -> None:
        groups = {g.name: g async for g in client.iter_groups()}
        await client.delete_group(groups["Analysts"].id)
        for project in [p async for p in client.iter_projects()][:8]:
            await client.edit_project_sharing_workspace_and_public(project.id, workspace="CAN_EDIT")

    hex_call(hex_url, damage)
    # The heal's first write of a project's workspace sharing is held in the emulator (an hour
    # on its clock, a minute here; only a hang waits it out) until the test lets it go: the kill
    # lands while the heal is writing, however loaded the machine.
    httpx.post(
        f"{hex_url}/_emulator/faults",
        json={"operationId": "EditProjectSharingOrgAndPublic", "kind": "delay", "seconds": 3600},
        timeout=10,
    ).raise_for_status()
    served = start_serve(hex_url, manifests, db, "--mode", "heal", "--interval", "60s")
    try:
        served.proc.wait_for(r"heal: applying", timeout=HANG)
        wait_until(lambda: faults(hex_url)["held"] == 1, HANG, "the held write")
        # The heal made Analysts again before the kill: the restart must not make it twice.
        wait_until(lambda: "Analysts" in group_names(hex_url), HANG, "Analysts made again")
        os.kill(served.proc.process.pid, signal.SIGKILL)
        served.proc.finish()
    finally:
        stop(served.proc)
        # The held write lands now, from a client that is gone (as a request Hex was carrying
        # out); let go whatever happened, so that no later test meets it.
        released = httpx.delete(f"{hex_url}/_emulator/faults", timeout=10).json()["released"]
    assert released == 1
    with Store(db) as store:
        assert [s.outcome for s in store.syncs("default")].count("running") == 1
    wait_until(
        lambda: httpx.get(f"{hex_url}/_emulator/stats", timeout=10).json()["in_flight"] == 0,
        HANG,
        "the held write to land",
    )
    served = start_serve(hex_url, manifests, db, "--mode", "heal", "--interval", "60s")
    try:
        wait_until(lambda: served.status()["sync_status"] == "Synced", HANG, "convergence")
        served.proc.wait_for(r"recovered from a stop: 1 sync\(s\) and 1 heal\(s\)")
    finally:
        stop(served.proc)

    groups = group_names(hex_url)
    assert groups.count("Analysts") == 1
    assert "hexsync-apply-lock" not in groups
    with Store(db) as store:
        assert store.check() == []
        outcomes = [s.outcome for s in store.syncs("default")]
        assert "running" not in outcomes
        assert outcomes.count("interrupted") == 1
        assert next(i.state for i in store.intents("default")) == "interrupted"
