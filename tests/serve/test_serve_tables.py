"""``hexsync serve`` reads the projects' queried tables in the background when the manifests
declare data classes (docs/serve.md, docs/data.md): a subprocess against the emulator of the
Acme example (another subprocess, Hex's limits on a scaled clock) and a real SQLite file.

- the status shows the read's progress, and a metric counts the projects read;
- the syncs plan with what is read so far and say which projects are not read yet; the drift of
  a rule on ``reads: {class: pii}`` appears once the tables are read;
- a restart reads nothing again; a project edited since is read again, alone;
- in heal mode, a heal waits for the first read (held), then a check rule on the class refuses
  it, naming the projects, the grant and the tables;
- on a plan without queried tables (Enterprise only) it is said once, and the syncs go on.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from acme import EXAMPLE_SEED
from serve_support import HANG, Served, serve_emulator, start_serve, stop, wait_until

pytestmark = pytest.mark.slow

CLASSES = {
    "pii": [
        "App DB:public.users",
        "App DB:public.survey_responses",
        "Warehouse:*.*customers*",
        "Warehouse:hr.*",
    ]
}
PII_PRIVATE = {
    "name": "pii-stays-private",
    "match": {"reads": {"class": "pii"}},
    "sharing": {"mode": {"workspace": "authoritative"}, "workspace": "NONE"},
}
# Shared with the workspace (APP_ONLY) in the example, and reading pii.
PII_SHARED = ["Customer 360", "Invoice aging", "Support ticket trends"]
REVENUE = "0b3f6a51-5b6e-4c43-a4a8-0b1d2b7f3c11"  # "Revenue overview": reads finance, not pii


@pytest.fixture(scope="module")
def hex_url() -> Iterator[str]:
    proc, url = serve_emulator()
    try:
        yield url
    finally:
        proc.process.kill()
        proc.finish()


def _manifests(folder: Path, document: dict[str, Any]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "manifest.yaml").write_text(yaml.safe_dump({"version": 1, **document}), "utf-8")
    return folder


def _table_reads(hex_url: str) -> int:
    """The projects' tables Hex answered (a 429, then retried, is not one)."""
    stats = httpx.get(f"{hex_url}/_emulator/stats", timeout=10).json()
    return int(stats["requests"].get("GetQueriedTables", {}).get("200", 0))


def _attempts(hex_url: str, *operations: str) -> int:
    stats = httpx.get(f"{hex_url}/_emulator/stats", timeout=10).json()
    return sum(sum(stats["requests"].get(op, {}).values()) for op in operations)


def _tables(served: Served) -> dict[str, Any]:
    """The status's queried tables (empty before a sync has read the manifests)."""
    line: dict[str, Any] = served.status()["queried_tables"] or {}
    return line


def _drift(served: Served) -> list[tuple[str, str, str | None, str | None]]:
    items = served.get("/api/drift").json()["items"]
    return sorted((i["object"], i["field"], i["manifests"], i["live"]) for i in items)


def _first(served: Served) -> dict[str, Any] | None:
    """The first sync, once it has ended."""
    syncs = served.syncs()
    return syncs[-1] if syncs and syncs[-1]["outcome"] != "running" else None


def _project_id(hex_url: str, title: str) -> str:
    state = httpx.get(f"{hex_url}/_emulator/state", timeout=10).json()
    (found,) = [p["id"] for p in state["projects"] if p["title"] == title]
    return str(found)


def test_the_tables_are_read_in_the_background_and_a_restart_reads_none_again(
    hex_url: str, tmp_path: Path
) -> None:
    httpx.post(f"{hex_url}/_emulator/reset", timeout=10).raise_for_status()
    manifests = _manifests(tmp_path / "m", {"data": {"classes": CLASSES}, "rules": [PII_PRIVATE]})
    db = f"sqlite:///{tmp_path / 'hexsync.db'}"
    served = start_serve(hex_url, manifests, db, "--interval", "60s")
    try:
        first = wait_until(lambda: _first(served), what="a first sync")
        # The first sync listed the projects the job then reads: none was read before it.
        assert first["outcome"] == "synced"
        assert first["drift_count"] == 0
        assert first["note"].startswith("the queried tables of 60 of 60 projects are not read yet")
        seen = []

        def complete() -> bool:
            line = _tables(served)
            seen.append(line["read"])
            return bool(line["first_read_complete"])

        wait_until(complete, HANG, "the first read")
        assert seen == sorted(seen)  # progress only goes forward
        line = _tables(served)
        assert (line["state"], line["projects"], line["read"], line["to_read"]) == (
            "complete",
            60,
            60,
            0,
        )
        assert _table_reads(hex_url) == 60  # one answer per project
        # Its requests are its own (the syncs list no connection and read no table), paced
        # with the syncs': the listing, then one per project (and a retry after a 429, if any).
        assert line["requests"] == _attempts(hex_url, "ListDataConnections", "GetQueriedTables")
        # The rule now finds the pii projects shared with the workspace: drift, and a sync that
        # no longer says anything is unread.
        wait_until(lambda: len(_drift(served)) == 3, HANG, "the rule's drift")
        assert _drift(served) == [(t, "sharing.workspace", "NONE", "APP_ONLY") for t in PII_SHARED]
        wait_until(
            lambda: any(s["note"] is None for s in served.syncs()), HANG, "a sync with all read"
        )
        metrics = served.get("/metrics").text
        assert 'hexsync_queried_tables_projects{state="read",workspace="default"} 60.0' in metrics
        assert 'hexsync_queried_tables_projects{state="unread",workspace="default"} 0.0' in metrics
    finally:
        stop(served.proc)
    code, _, err = served.proc.finish()
    assert code == 0, err

    # A restart reads nothing again; then a project edited since is read again, alone.
    served = start_serve(hex_url, manifests, db, "--interval", "60s")
    try:
        wait_until(
            lambda: _tables(served).get("first_read_complete"), HANG, "the tables, from the store"
        )
        served.proc.wait_for(r"the first read is complete \(60 projects, 0 read by this process\)")
        assert _table_reads(hex_url) == 60
        assert _tables(served)["requests"] == 1  # the connections' listing only
        funnel = _project_id(hex_url, "Activation funnel")  # shared with the workspace
        edit = {
            "project": funnel,
            "queried_tables": [{"connection": "App DB", "table": "public.users"}],
        }
        httpx.post(f"{hex_url}/_emulator/edit", json=edit, timeout=10).raise_for_status()
        wait_until(lambda: len(_drift(served)) == 4, HANG, "the edited project's drift")
        assert ("Activation funnel", "sharing.workspace", "NONE", "APP_ONLY") in _drift(served)
        assert _table_reads(hex_url) == 61
    finally:
        stop(served.proc)
    code, _, err = served.proc.finish()
    assert code == 0, err


def test_a_heal_waits_for_the_first_read_then_a_check_rule_on_pii_refuses_it(
    hex_url: str, tmp_path: Path
) -> None:
    httpx.post(f"{hex_url}/_emulator/reset", timeout=10).raise_for_status()
    check = {**PII_PRIVATE, "enforce": "check"}
    share = {"id": REVENUE, "sharing": {"workspace": "CAN_VIEW"}}  # a change to heal
    manifests = _manifests(
        tmp_path / "m",
        {"data": {"classes": CLASSES}, "rules": [check], "projects": [share]},
    )
    db = f"sqlite:///{tmp_path / 'hexsync.db'}"
    served = start_serve(hex_url, manifests, db, "--interval", "60s", "--mode", "heal")
    try:
        first = wait_until(lambda: _first(served), what="a first sync")
        assert first["outcome"] == "held"
        assert first["note"].startswith(
            "not healed before the tables are read: the queried tables of 60 of 60 projects"
        )
        refused = wait_until(
            lambda: next((s for s in served.syncs() if s["outcome"] == "refused"), None),
            HANG,
            "a refused heal",
        )
        note = refused["note"]
        assert "rule 'pii-stays-private' (enforce: check) is violated 3 times" in note
        assert (
            "'Invoice aging' (sharing.workspace is APP_ONLY, must be NONE;"
            " reads Warehouse:raw.stripe_customers (class pii))"
        ) in note
        assert all(s["applied"] == 0 for s in served.syncs())
    finally:
        stop(served.proc)
    served.proc.finish()
    state = httpx.get(f"{hex_url}/_emulator/state", timeout=10).json()
    (revenue,) = [p for p in state["projects"] if p["id"] == REVENUE]
    assert revenue.get("sharing", {}).get("workspace", "NONE") == "NONE"  # nothing written


def test_without_queried_tables_it_is_said_once_and_the_syncs_go_on(tmp_path: Path) -> None:
    seed = yaml.safe_load(EXAMPLE_SEED.read_text(encoding="utf-8"))
    seed["org"]["plan"] = "TEAM"
    (tmp_path / "seed.yaml").write_text(yaml.safe_dump(seed), encoding="utf-8")
    proc, url = serve_emulator(seed=tmp_path / "seed.yaml")
    manifests = _manifests(tmp_path / "m", {"data": {"classes": CLASSES}, "rules": [PII_PRIVATE]})
    served = start_serve(
        url, manifests, f"sqlite:///{tmp_path / 'hexsync.db'}", "--interval", "60s"
    )
    try:
        wait_until(lambda: _tables(served).get("state") == "unavailable", HANG, "the plan's answer")
        assert "Enterprise" in _tables(served)["unavailable"]
        wait_until(lambda: len(served.syncs()) >= 4, HANG, "more syncs")
        ended = [s for s in served.syncs() if s["outcome"] != "running"]
        assert {s["outcome"] for s in ended} == {"synced"}, [
            (s["outcome"], s["error"]) for s in ended
        ]
        assert _attempts(url, "GetQueriedTables") == 1  # the first answer (403), then no more
    finally:
        stop(served.proc)
        proc.process.kill()
        proc.finish()
    _, _, err = served.proc.finish()
    assert err.count("does not offer them (Enterprise only)") == 1
