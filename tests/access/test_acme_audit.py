"""Issue #28 on the Acme example (``examples/acme``), as a new admin tries it: the Admins and
Managers of "Payroll summary" are named beside the two people given access, the CSV counts
every person (one row per (person, project), as many as the engine's pairs), and a saved report
answers every question as the reading did."""

from __future__ import annotations

import asyncio
import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from acme import EXAMPLE_TOKEN, serving_example
from click.testing import CliRunner, Result

from hexsync.cli.main import cli
from hexsync.hexapi import HexClient
from hexsync.ops.access import (
    AccessState,
    project_doc,
    read_access,
    read_saved_report,
    report_of,
    user_doc,
)
from hexsync.values.desired import Access


@pytest.fixture(scope="module")
def acme_url() -> Iterator[str]:
    with serving_example() as url:
        yield url


def _run(url: str, *args: str) -> Result:
    env = {"HEX_API_URL": url, "HEX_API_TOKEN": EXAMPLE_TOKEN, "NO_COLOR": "1"}
    return CliRunner().invoke(cli, ["--rate-limit", "off", *args], env=env)


@pytest.fixture(scope="module")
def acme_state(acme_url: str) -> AccessState:
    async def read() -> AccessState:
        async with HexClient(EXAMPLE_TOKEN, acme_url, pacing=False) as client:
            return await read_access(client)

    return asyncio.run(read())


def _squeezed(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines()]


def test_payroll_names_the_admins_and_managers_apart_from_those_given_access(
    acme_url: str,
) -> None:
    result = _run(acme_url, "access", "project", "Payroll summary")
    assert result.exit_code == 0, result.output
    assert _squeezed(result.stdout)[4:] == [
        "PERSON ROLE LEVEL PATHS",
        "frank@acme.com MANAGER CAN_VIEW via direct share (CAN_VIEW)",
        "judy@acme.com MEMBER CAN_VIEW as owner (FULL_ACCESS); capped at CAN_VIEW (role MEMBER)",
        "",
        "2 people can open it (given access).",
        "",
        'Through their role, not a grant (Hex, "Workspace roles"):',
        "PERSON ROLE GIVEN COULD",
        "alice@acme.com ADMIN - see it, grant themselves Full Access (documented)",
        "it-admin@acme.com ADMIN - see it, grant themselves Full Access (documented)",
        "frank@acme.com MANAGER CAN_VIEW see it, grant themselves Full Access (unconfirmed)",
        "olivia@acme.com MANAGER - see it, grant themselves Full Access (unconfirmed)",
        "",
        "4 people could reach it through their role, 3 of them without a grant: 2 Admins"
        " (documented), 2 Managers (unconfirmed).",
    ]


def _csv(text: str) -> list[dict[str, str]]:
    body = "".join(line for line in text.splitlines(keepends=True) if not line.startswith("#"))
    return list(csv.DictReader(io.StringIO(body)))


def test_csv_has_one_row_per_person_and_project_as_the_engine_counts(
    acme_url: str, acme_state: AccessState, tmp_path: Path
) -> None:
    out = tmp_path / "access.csv"
    result = _run(acme_url, "access", "report", "--out", str(out))
    assert result.exit_code == 0, result.output
    rows = _csv(out.read_text(encoding="utf-8"))
    engine = acme_state.engine
    pairs = {(g.email, pid) for pid in engine.projects for g in engine.people(pid)}
    by_role = {
        (r.email, pid)
        for pid in engine.projects
        for r in engine.role_paths(pid)
        if r.given is Access.NONE
    }
    given = [(r["email"], r["project_id"]) for r in rows if r["level"]]
    assert len(given) == len(pairs)
    assert set(given) == pairs
    assert {(r["email"], r["project_id"]) for r in rows if not r["level"]} == by_role
    assert len(rows) == len(pairs) + len(by_role)
    # judy, a Viewer: a row for each of the 41 projects she can open, not one per workspace row.
    judy = [r for r in rows if r["email"] == "judy@acme.com"]
    assert len(judy) == len(engine.of_user("judy@acme.com")) == 41


def test_a_saved_report_answers_every_question_as_the_reading_did(
    acme_state: AccessState, tmp_path: Path
) -> None:
    saved = tmp_path / "access.json"
    saved.write_text(json.dumps(report_of(acme_state, "http://hex.example")), encoding="utf-8")
    again = read_saved_report(saved)
    assert again.read_at == acme_state.read_at
    unstamped = ("from", "as_of")
    for project in acme_state.engine.projects.values():
        answer = project_doc(again, again.engine.projects[project.id])
        assert {k: v for k, v in answer.items() if k not in unstamped} == project_doc(
            acme_state, project
        ), project.title
        assert (answer["from"], answer["as_of"]) == (str(saved), acme_state.read_at)
    for email, user in acme_state.engine.users.items():
        answer = user_doc(again, again.engine.users[email])
        assert {k: v for k, v in answer.items() if k not in unstamped} == user_doc(
            acme_state, user
        ), email
