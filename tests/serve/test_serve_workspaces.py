"""``hexsync serve`` beside a hexsync.yaml with two workspaces, US and EU, each on its own
emulator (a subprocess) with its own token: one process reconciles both, each with its own host,
token, layers and rows in the store (docs/serve.md, "Several workspaces").

Time: everything runs at --time-scale 60, so ``--interval 60s`` is a real second.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner
from serve_support import (
    ADMIN,
    HANG,
    HOOK_SECRET,
    SCALE,
    VIEWER,
    Served,
    serve_emulator,
    stop,
    wait_until,
)
from served_support import EXAMPLE_SEED, Proc, run_hexsync

from hexsync.cli.main import cli
from hexsync.emulator.app import token_fingerprint
from hexsync.hexapi import HexClient
from hexsync.store import Store

pytestmark = pytest.mark.slow

US_TOKEN = "hxtw_us_token_for_serve_tests"
EU_TOKEN = "hxtw_eu_token_for_serve_tests"
REVENUE = "0b3f6a51-5b6e-4c43-a4a8-0b1d2b7f3c11"  # "Revenue overview", not shared workspace-wide
WRITES = ("Edit", "Create", "Delete", "Add", "Remove", "Update", "Deactivate")


@pytest.fixture(scope="module")
def emulators(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """Two emulated workspaces of the Acme seed, each answering its own token alone."""
    folder = tmp_path_factory.mktemp("seeds")
    seed = EXAMPLE_SEED.read_text(encoding="utf-8")
    procs: list[Proc] = []
    urls: dict[str, str] = {}
    try:
        for name, token in (("us", US_TOKEN), ("eu", EU_TOKEN)):
            path = folder / f"{name}.yaml"
            path.write_text(seed.replace("hxtw_demo", token), encoding="utf-8")
            proc, url = serve_emulator(seed=path)
            procs.append(proc)
            urls[name] = url
        yield urls
    finally:
        for proc in procs:
            proc.process.kill()  # a test's emulator: no graceful shutdown to wait for
            proc.finish()


@pytest.fixture(scope="module")
def exported(emulators: dict[str, str], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Manifests that match the seed (what `hexsync export` writes): the shared base layer."""
    out = tmp_path_factory.mktemp("base")
    result = CliRunner().invoke(
        cli,
        ["--api-url", emulators["us"], "--rate-limit", "off", "export", "--out", str(out)],
        env={"HEX_API_TOKEN": US_TOKEN},
    )
    assert result.exit_code == 0, result.output
    return out


@pytest.fixture
def repo(emulators: dict[str, str], exported: Path, tmp_path: Path) -> Path:
    """A repository with hexsync.yaml at its root: base/ shared, us/ and eu/ on top."""
    for url in emulators.values():
        httpx.post(f"{url}/_emulator/reset", timeout=10).raise_for_status()
    root = tmp_path / "repo"
    (root / "base").mkdir(parents=True)
    for path in exported.rglob("*"):
        if path.is_file():
            target = root / "base" / path.relative_to(exported)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(path.read_bytes())
    for name in ("us", "eu"):
        (root / name).mkdir()
        (root / name / "policy.yaml").write_text(
            "version: 1\npolicy:\n  max_destroy: 3\n", encoding="utf-8"
        )
    (root / "hexsync.yaml").write_text(
        "version: 1\nworkspaces:\n"
        f"  - name: us\n    api_url: {emulators['us']}\n    token_env: HEX_TOKEN_US\n"
        "    manifests: [base/, us/]\n"
        f"  - name: eu\n    api_url: {emulators['eu']}\n    token_env: HEX_TOKEN_EU\n"
        "    manifests: [base/, eu/]\n",
        encoding="utf-8",
    )
    return root


def start(repo: Path, db: str, *args: str, **env: str) -> Served:
    """``hexsync serve`` run from the repository's root: it finds hexsync.yaml there."""
    proc = run_hexsync(
        "--rate-limit", "off", "serve", "--db", db, "--listen", "127.0.0.1:0",
        "--time-scale", SCALE, *args,
        env={
            "HEXSYNC_SERVE_ADMIN_TOKEN": ADMIN,
            "HEXSYNC_SERVE_VIEWER_TOKEN": VIEWER,
            "HEXSYNC_SERVE_WEBHOOK_SECRET": HOOK_SECRET,
            **env,
        },
        cwd=repo,
    )  # fmt: skip
    line = proc.wait_for(r"listening on http://127\.0\.0\.1:\d+", stream="out")
    match = re.search(r"http://127\.0\.0\.1:\d+", line)
    assert match is not None
    return Served(proc, match.group(0))


def statuses(served: Served) -> dict[str, dict[str, Any]]:
    response = served.get("/api/status")
    assert response.status_code == 200, response.text
    return {w["name"]: w for w in response.json()["workspaces"]}


def syncs(served: Served, workspace: str) -> list[dict[str, Any]]:
    response = served.get("/api/syncs", limit=500, workspace=workspace)
    assert response.status_code == 200, response.text
    found: list[dict[str, Any]] = response.json()["syncs"]
    return found


def stats(url: str) -> dict[str, Any]:
    data: dict[str, Any] = httpx.get(f"{url}/_emulator/stats", timeout=10).json()
    return data


def writes(url: str) -> dict[str, Any]:
    """The write operations an emulator was sent (any answer)."""
    return {op: n for op, n in stats(url)["requests"].items() if op.startswith(WRITES)}


def share_workspace_wide(url: str, token: str, level: str) -> None:
    async def run() -> None:
        async with HexClient(token, url, pacing=False) as client:
            await client.edit_project_sharing_workspace_and_public(REVENUE, workspace=level)

    import asyncio  # noqa: PLC0415

    asyncio.run(run())


def test_both_workspaces_are_reconciled_each_with_its_own_host_token_layers_and_rows(
    repo: Path, emulators: dict[str, str], tmp_path: Path
) -> None:
    db = f"sqlite:///{tmp_path / 'hexsync.db'}"
    served = start(
        repo, db, "--mode", "heal", "--interval", "60s",
        HEX_TOKEN_US=US_TOKEN, HEX_TOKEN_EU=EU_TOKEN,
        HEX_API_TOKEN="hxtw_decoy_never_sent",  # no workspace of hexsync.yaml uses it
    )  # fmt: skip
    try:
        both = wait_until(
            lambda: (
                (s := statuses(served))
                and all(w["last_sync"] for w in s.values())
                and all(w["sync_status"] == "Synced" for w in s.values())
                and s
            ),
            HANG,
            "a first sync of both, Synced",
        )
        assert list(both) == ["us", "eu"]
        assert {n: (w["api_url"], w["role"], w["mode"]) for n, w in both.items()} == {
            "us": (emulators["us"], "reconciling", "heal"),
            "eu": (emulators["eu"], "reconciling", "heal"),
        }
        assert "base" in both["eu"]["source"]
        assert "eu" in both["eu"]["source"]
        assert writes(emulators["us"]) == writes(emulators["eu"]) == {}
        # Someone shares Revenue overview with the whole EU workspace, in Hex's UI.
        share_workspace_wide(emulators["eu"], EU_TOKEN, "CAN_VIEW")
        healed = wait_until(
            lambda: [s for s in syncs(served, "eu") if s["outcome"] == "healed"],
            HANG,
            "the EU heal",
        )
        assert healed[0]["applied"] == 1
        detail = served.get(f"/api/syncs/{healed[0]['id']}").json()
        assert [c["name"] for c in detail["plan"]["changes"]] == ["Revenue overview"]
        # Drift for EU alone: its history has it, the US one has none.
        eu_history = served.get("/api/history", workspace="eu", object="Revenue").json()
        assert {"drift_opened", "drift_resolved"} <= {e["type"] for e in eu_history["events"]}
        us_history = served.get("/api/history", workspace="us", object="Revenue").json()
        assert [e for e in us_history["events"] if e["type"] != "sync"] == []
        assert served.get("/api/drift", workspace="us").json()["count"] == 0
        # The heal wrote to the EU emulator alone (the change made there and its undoing, under
        # the apply lock: a group made and removed); the US one was sent no write at all.
        eu_writes = {
            op: sum(by_status.values()) for op, by_status in writes(emulators["eu"]).items()
        }
        assert eu_writes == {
            "EditProjectSharingOrgAndPublic": 2,
            "CreateGroup": 1,
            "DeleteGroup": 1,
        }
        assert writes(emulators["us"]) == {}
        assert all(s["outcome"] == "synced" for s in syncs(served, "us"))

        # A push that changes eu/ syncs EU alone; one that changes base/ syncs both.
        before = {n: len(syncs(served, n)) for n in ("us", "eu")}
        push = served.github(
            {"ref": "refs/heads/main", "commits": [_commit(modified=["eu/policy.yaml"])]}
        )
        assert push.status_code == 202, push.text
        assert push.json() == {"triggered": True, "workspaces": ["eu"]}
        # Its sync began before the next push: two pushes queued while a sync runs are one sync.
        wait_until(
            lambda: sum(s["trigger"] == "webhook" for s in syncs(served, "eu")) == 1,
            HANG,
            "EU's webhook sync",
        )
        readme = served.github({"ref": "refs/heads/main", "commits": [_commit(["README.md"])]})
        assert readme.json()["triggered"] is False
        base = served.github({"ref": "refs/heads/main", "commits": [_commit(["base/x.yaml"])]})
        assert base.json() == {"triggered": True, "workspaces": ["us", "eu"]}
        wait_until(
            lambda: sum(s["trigger"] == "webhook" for s in syncs(served, "eu")) == 2,
            HANG,
            "EU's two webhook syncs",
        )
        wait_until(
            lambda: sum(s["trigger"] == "webhook" for s in syncs(served, "us")) == 1,
            HANG,
            "US's one webhook sync",
        )
        # POST /api/sync names a workspace, or syncs every one.
        one = served.post("/api/sync", json={"workspace": "us"})
        assert (one.status_code, one.json()["workspaces"]) == (202, ["us"])
        wait_until(lambda: any(s["trigger"] == "api" for s in syncs(served, "us")), HANG, "us")
        assert not any(s["trigger"] == "api" for s in syncs(served, "eu"))
        assert served.post("/api/sync", params={"workspace": "nowhere"}).status_code == 404
        assert len(syncs(served, "us")) > before["us"]
        # Metrics carry each workspace's name.
        metrics = httpx.get(served.url + "/metrics", timeout=10).text
        assert 'hexsync_heal_changes_applied_total{workspace="eu"} 1.0' in metrics
        assert 'hexsync_leader{workspace="us"} 1.0' in metrics
        assert httpx.get(served.url + "/readyz", timeout=10).json()["ready"] is True
    finally:
        stop(served.proc)
    code, _out, err = served.proc.finish()
    assert code == 0, err
    # Neither emulator ever received the other's token, nor HEX_API_TOKEN.
    assert set(stats(emulators["us"])["tokens"]) == {token_fingerprint(US_TOKEN)}
    assert set(stats(emulators["eu"])["tokens"]) == {token_fingerprint(EU_TOKEN)}
    assert US_TOKEN not in err
    assert EU_TOKEN not in err
    assert "[eu] sync #" in err
    assert "[us] sync #" in err
    with Store(db) as store:
        assert store.check() == []
        assert store.workspaces() == ["eu", "us"]
        assert [d.workspace for d in store.drift_history("us")] == []
        assert {d.object_name for d in store.drift_history("eu")} == {"Revenue overview"}


def _commit(modified: list[str]) -> dict[str, Any]:
    return {"id": "c0ffee", "added": [], "removed": [], "modified": modified}


def test_a_workspace_whose_token_is_missing_fails_alone_and_the_other_keeps_syncing(
    repo: Path, emulators: dict[str, str], tmp_path: Path
) -> None:
    db = f"sqlite:///{tmp_path / 'hexsync.db'}"
    # EU's variable is not set. HEX_API_TOKEN even holds EU's own token: it is still never used
    # in its place (nor US's).
    served = start(repo, db, "--interval", "60s", HEX_TOKEN_US=US_TOKEN, HEX_API_TOKEN=EU_TOKEN)
    try:
        eu = wait_until(
            lambda: statuses(served)["eu"]["role"] == "failed" and statuses(served)["eu"],
            HANG,
            "EU failing",
        )
        assert eu["sync_status"] == "Unknown"
        assert eu["reason"].startswith(
            "no Hex API token for workspace 'eu': HEX_TOKEN_EU is not set"
        )
        wait_until(lambda: len(syncs(served, "us")) >= 3, HANG, "US syncing on")
        assert statuses(served)["us"]["sync_status"] == "Synced"
        assert syncs(served, "eu") == []
        assert served.post("/api/sync", params={"workspace": "eu"}).status_code == 409
        assert served.post("/api/sync").json()["workspaces"] == ["us"]
        assert httpx.get(served.url + "/readyz?workspace=us", timeout=10).status_code == 200
        served.proc.wait_for("cannot reconcile workspace 'eu': no Hex API token")
    finally:
        stop(served.proc)
    code, _out, err = served.proc.finish()
    assert code == 0, err
    assert stats(emulators["eu"])["total"] == 0  # not one request, with any token
    assert set(stats(emulators["us"])["tokens"]) == {token_fingerprint(US_TOKEN)}
    assert err.count("cannot reconcile workspace 'eu'") == 1  # said once, not every retry
    assert EU_TOKEN not in err
    assert US_TOKEN not in err


def test_w_chooses_the_workspaces_and_a_name_hexsync_yaml_lacks_is_refused(
    repo: Path, emulators: dict[str, str], tmp_path: Path
) -> None:
    db = f"sqlite:///{tmp_path / 'hexsync.db'}"
    served = start(repo, db, "-w", "eu", "--interval", "1h", HEX_TOKEN_EU=EU_TOKEN)
    try:
        wait_until(lambda: statuses(served)["eu"]["last_sync"], HANG, "EU's first sync")
        assert list(statuses(served)) == ["eu"]
    finally:
        stop(served.proc)
    assert served.proc.finish()[0] == 0
    assert stats(emulators["us"])["total"] == 0
    wrong = run_hexsync("serve", "-w", "apac", "--db", db, cwd=repo)
    code, _out, err = wrong.finish()
    assert code == 1
    assert "error: no workspace 'apac' in hexsync.yaml" in err
    assert "its workspaces: us, eu" in err
    assert "Traceback" not in err
