"""``hexsync projects list|show|tables``."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from cli_support import DRAFT_ID, REVENUE_ID, WAREHOUSE_ID, WORKSPACE_TOKEN, invoke


def titles(stdout: str) -> list[str]:
    return [p["title"] for p in json.loads(stdout)["projects"]]


def test_list_shows_visible_projects_newest_first(hexsync):
    result = hexsync("projects", "list")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["ID", "TITLE", "STATUS", "OWNER", "CATEGORIES"]
    assert f"{REVENUE_ID}  Revenue overview" in result.stdout
    assert "Production" in result.stdout
    assert "Old report" not in result.stdout  # archived: only with --include-archived
    assert len(lines) == 1 + 5


def test_list_filters_as_the_api_does(hexsync):
    assert titles(hexsync("projects", "list", "--status", "Production", "--json").stdout) == [
        "Revenue overview"
    ]
    by_owner = titles(hexsync("projects", "list", "--owner", "carol@acme.com", "--json").stdout)
    assert sorted(by_owner) == ["Copy of report", "Draft analysis"]
    in_ops = titles(hexsync("projects", "list", "--collection", "Ops", "--json").stdout)
    assert in_ops == ["Nightly load"]


def test_list_with_archived_says_which_are(hexsync):
    result = hexsync("projects", "list", "--include-archived")
    assert result.exit_code == 0, result.output
    assert "STATE" in result.stdout.splitlines()[0]
    old = next(line for line in result.stdout.splitlines() if "Old report" in line)
    assert old.rstrip().endswith("archived")


def test_list_with_sharing_summarises_it(hexsync):
    result = hexsync("projects", "list", "--sharing")
    row = next(line for line in result.stdout.splitlines() if "Revenue overview" in line)
    assert row.endswith("workspace APP_ONLY, 1 user, 1 group, 1 collection")
    data = json.loads(hexsync("projects", "list", "--sharing", "--json").stdout)
    revenue = next(p for p in data["projects"] if p["id"] == REVENUE_ID)
    assert revenue["sharing"] == {
        "workspace": "APP_ONLY",
        "public_web": "NONE",
        "support": "NONE",
        "users": {"carol@acme.com": "CAN_EDIT"},
        "groups": {"Analysts": "CAN_VIEW"},
        "collections": {"Finance": "CAN_VIEW"},
    }


def test_list_json_has_the_same_keys_for_every_project(hexsync):
    projects = json.loads(hexsync("projects", "list", "--json").stdout)["projects"]
    assert {tuple(p) for p in projects} == {
        (
            "id",
            "title",
            "description",
            "type",
            "status",
            "categories",
            "owner_email",
            "creator_email",
            "created_at",
            "last_edited_at",
            "last_published_at",
            "archived_at",
            "trashed_at",
            "sharing",
        )
    }
    assert all(p["sharing"] is None for p in projects)  # not asked for


def test_an_unknown_collection_is_an_error(hexsync):
    result = hexsync("projects", "list", "--collection", "Finances")
    assert result.exit_code == 1
    assert "no collection named 'Finances'" in result.stderr


def test_show_by_title_includes_sharing(hexsync):
    result = hexsync("projects", "show", "Revenue overview")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("Revenue overview\n")
    assert f"id              {REVENUE_ID}" in out
    assert "owner           alice@acme.com" in out
    assert "user        carol@acme.com        CAN_EDIT" in out
    assert "group       Analysts              CAN_VIEW" in out
    assert "workspace   all members           APP_ONLY" in out


def test_show_by_id_as_json(hexsync):
    result = hexsync("projects", "show", DRAFT_ID, "--json")
    assert result.exit_code == 0, result.output
    project = json.loads(result.stdout)["project"]
    assert project["title"] == "Draft analysis"
    assert project["last_published_at"] is None
    assert project["sharing"]["users"] == {}


def test_show_an_unknown_title_fails_with_a_suggestion(hexsync):
    result = hexsync("projects", "show", "Revenue overveiw")
    assert result.exit_code == 1
    assert "no project titled 'Revenue overveiw'" in result.stderr
    assert "did you mean 'Revenue overview'?" in result.stderr
    assert result.stdout == ""


def test_show_an_ambiguous_title_asks_for_the_id(hexsync):
    result = hexsync("projects", "show", "Copy of report")
    assert result.exit_code == 1
    assert "2 projects are titled 'Copy of report'" in result.stderr
    assert "name the project by its id" in result.stderr


def test_show_an_unknown_id(hexsync):
    result = hexsync("projects", "show", "00000000-0000-4000-8000-000000000000")
    assert result.exit_code == 1
    assert "no project with id 00000000-0000-4000-8000-000000000000" in result.stderr


def test_tables_lists_queried_tables(hexsync):
    result = hexsync("projects", "tables", "Revenue overview")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "TABLE              CONNECTION  CONNECTION ID",
        f"analytics.regions  Warehouse   {WAREHOUSE_ID}",
        f"analytics.revenue  Warehouse   {WAREHOUSE_ID}",
    ]
    data = json.loads(hexsync("projects", "tables", REVENUE_ID, "--json").stdout)
    assert data["project"] == {"id": REVENUE_ID, "title": "Revenue overview"}
    assert data["tables"][0] == {
        "table": "analytics.regions",
        "connection_name": "Warehouse",
        "connection_id": WAREHOUSE_ID,
    }


class _NotEnterprise(BaseHTTPRequestHandler):
    """A Hex on the Team plan: GetProject works, GetQueriedTables is forbidden."""

    def do_GET(self) -> None:
        if self.path.endswith("/queriedTables") or "/queriedTables?" in self.path:
            self._send(403, {"reason": "This feature is not available on your plan"})
        else:
            self._send(200, {"id": REVENUE_ID, "title": "Revenue overview"})

    def _send(self, status: int, body: dict) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def team_plan_hex() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _NotEnterprise)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_tables_on_a_smaller_plan_says_it_needs_enterprise(team_plan_hex):
    result = invoke(team_plan_hex, ("projects", "tables", REVENUE_ID), WORKSPACE_TOKEN)
    assert result.exit_code == 1
    assert "HTTP 403" in result.stderr
    assert "queried tables need the Enterprise plan" in result.stderr
