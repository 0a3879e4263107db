"""Data classes in the access answers, on the Acme example (docs/data.md): ``access user X
--class pii`` lists the personal data a person can see and through which path; ``access
project`` says which classes a project reads; the tables come through the cache under
``.hexsync/``, so a second answer reads none again; a workspace without queried tables is said
so, never answered as "nothing"."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from acme import EXAMPLE_MANIFESTS, EXAMPLE_SEED, EXAMPLE_TOKEN, serving_example
from click.testing import CliRunner, Result

from hexsync.cli.main import cli
from hexsync.emulator.background import running_emulator
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import Seed

MANIFESTS = str(EXAMPLE_MANIFESTS)


@pytest.fixture(scope="module")
def acme_url() -> Iterator[str]:
    with serving_example() as url:
        yield url


def _run(url: str, *args: str) -> Result:
    env = {"HEX_API_URL": url, "HEX_API_TOKEN": EXAMPLE_TOKEN, "NO_COLOR": "1"}
    return CliRunner().invoke(cli, ["--rate-limit", "off", *args], env=env)


def _json(url: str, *args: str) -> dict[str, Any]:
    result = _run(url, *args, "--json")
    assert result.exit_code == 0, result.output
    return dict(json.loads(result.stdout))


def _queried_tables_requests(url: str) -> int:
    stats = httpx.get(f"{url.removesuffix('/api/v1')}/_emulator/stats").json()
    return sum(stats["requests"].get("GetQueriedTables", {}).values())


def test_judy_sees_pii_through_each_path_and_can_query_the_warehouse(
    acme_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # the cache goes under .hexsync/ here
    doc = _json(
        acme_url, "access", "user", "judy@acme.com", "--class", "pii", "--manifests", MANIFESTS
    )
    seen = {p["title"]: p for p in doc["projects"]}
    assert sorted(seen) == [
        "Customer 360",
        "Invoice aging",
        "NPS verbatims",
        "Payroll summary",
        "Support ticket trends",
    ]
    # Each with its tables of the class (a project's other tables are not pii) and its paths.
    assert seen["Invoice aging"]["tables"] == ["Warehouse:raw.stripe_customers"]
    assert seen["Payroll summary"]["tables"] == ["Warehouse:hr.payroll"]
    assert seen["Payroll summary"]["paths"] == [{"path": "owner", "granted": "FULL_ACCESS"}]
    assert seen["Payroll summary"]["capped_by_role"] == "MEMBER"
    assert {p["path"] for p in seen["Customer 360"]["paths"]} == {"workspace"}
    # Customer health score reads pii too (raw.zendesk_customers), and is not shared with her.
    assert doc["reading"] == 6
    assert doc["class"] == "pii"
    assert doc["public_web"] == []
    # The Warehouse holds pii (Warehouse:*.*customers*, hr.*): Finance may query it.
    (warehouse,) = doc["connections"]
    assert warehouse["connection"] == "Warehouse"
    assert warehouse["level"] == "QUERY"
    assert {"via": "group Finance", "level": "QUERY"} in warehouse["paths"]
    # App DB holds pii too, but is shared with neither her nor the workspace members.
    assert "App DB" not in {c["connection"] for c in doc["connections"]}

    text = _run(
        acme_url, "access", "user", "judy@acme.com", "--class", "pii", "--manifests", MANIFESTS
    )
    assert text.exit_code == 0, text.output
    lines = [" ".join(line.split()) for line in text.stdout.splitlines()]
    assert lines[0] == "judy@acme.com (MEMBER): data of class pii"
    assert (
        "Payroll summary CAN_VIEW Warehouse:hr.payroll as owner (FULL_ACCESS);"
        " capped at CAN_VIEW (role MEMBER)"
    ) in lines
    assert "Can open 5 of the 6 projects that read pii (given access)." in lines
    assert any(
        line.startswith("can query Warehouse (") and "via group Finance (QUERY)" in line
        for line in lines
    )


def test_an_admin_reaches_every_pii_project_through_the_role(
    acme_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    doc = _json(
        acme_url, "access", "user", "alice@acme.com", "--class", "pii", "--manifests", MANIFESTS
    )
    role = doc["role_reach"]
    assert role["projects"] == doc["reading"] == 6
    assert role["without_grant"] == 6 - len(doc["projects"])


def test_the_tables_are_read_once_then_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    with serving_example() as url:
        first = _run(url, "access", "project", "Customer 360", "--manifests", MANIFESTS)
        assert first.exit_code == 0, first.output
        assert _queried_tables_requests(url) == 60  # one per project of the example
        assert "Queried tables: 60 of 60 projects read" in first.stderr
        again = _json(url, "access", "project", "Customer 360", "--manifests", MANIFESTS)
        assert _queried_tables_requests(url) == 60  # nothing edited: none read again
        plain = _run(url, "access", "project", "Customer 360")
        assert _queried_tables_requests(url) == 60  # no classes asked: no table read
    assert "reads pii: App DB:public.users" in " ".join(first.stdout.split())
    assert again["classes"] == {"pii": ["App DB:public.users"]}
    assert "reads" not in plain.stdout
    assert "classes" not in plain.stdout
    assert list(tmp_path.joinpath(".hexsync").glob("queried-tables-*.json"))


def test_a_workspace_without_queried_tables_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    data = yaml.safe_load(EXAMPLE_SEED.read_text(encoding="utf-8"))
    data["org"]["plan"] = "TEAM"
    with running_emulator(
        Seed.from_dict(data, source="team"), EmulatorConfig(rate_limits=None)
    ) as url:
        doc = _json(
            url, "access", "user", "judy@acme.com", "--class", "pii", "--manifests", MANIFESTS
        )
        project = _json(url, "access", "project", "Customer 360", "--manifests", MANIFESTS)
        text = _run(
            url, "access", "user", "judy@acme.com", "--class", "pii", "--manifests", MANIFESTS
        )
    assert "Enterprise plan only" in doc["classes_unknown"]
    assert doc["projects"] == []
    assert doc["reading"] == 0
    assert "classes" not in project
    assert "Enterprise plan only" in project["classes_unknown"]
    assert "Which projects read pii is not known" in text.stdout


def test_a_class_needs_the_manifests_that_declare_it(
    acme_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    alone = _run(acme_url, "access", "user", "judy@acme.com", "--class", "pii")
    assert alone.exit_code == 1
    assert "--manifests PATH" in alone.output
    assert "Traceback" not in alone.output
    typo = _run(
        acme_url, "access", "user", "judy@acme.com", "--class", "pi", "--manifests", MANIFESTS
    )
    assert typo.exit_code == 1
    assert "not a class of data.classes (declared: finance, pii)" in typo.output
    assert "did you mean 'pii'?" in typo.output


def test_as_planned_manifests_give_their_classes_to_class_only(
    acme_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    planned = _json(
        acme_url, "access", "user", "judy@acme.com", "--class", "pii", "--as-planned", MANIFESTS
    )
    assert planned["source"] == "planned"
    assert planned["reading"] == 6
    # Declared alone, as the plan of these manifests has them, classes cost no table read.
    project = _json(acme_url, "access", "project", "Customer 360", "--as-planned", MANIFESTS)
    assert "classes" not in project
