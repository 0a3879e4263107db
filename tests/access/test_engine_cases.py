"""The access engine as data: small workspaces and their whole effective-access tables.

Each ``cases/*.yaml`` gives a workspace (``users`` email → role, ``groups`` name → members,
``collections`` name → sharing, ``projects`` title → owner, status and sharing), optionally a
``plan`` (changes, one a line: ``project TITLE: PATH[KEY]: OLD -> NEW``, ``group NAME: delete``,
``user EMAIL: deactivate``) and ``expected``: per project, ``public_web`` and *every* person with
access as ``LEVEL: PATHS`` (``Grant.explain``). A person missing from the table has no access;
an extra one fails. With a ``plan``, the table is of the workspace as the plan leaves it
(``projection.project``).
"""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from hexsync.decide.access_engine import AccessEngine, live_from_report
from hexsync.decide.projection import project
from hexsync.values.desired import FrozenMap
from hexsync.values.kinds import Kind
from hexsync.values.live import (
    Live,
    LiveCollection,
    LiveCollectionSharing,
    LiveGroup,
    LiveProject,
    LiveSharing,
    LiveUser,
)
from hexsync.values.plan import Action, Change, FieldChange

CASES = Path(__file__).parent / "cases"
_LINE = re.compile(r"^(\w+) (.+?): (?:(delete|deactivate)|([\w.]+)(?:\[(.+)\])?: (.+?) -> (.+))$")


def _opt(text: str) -> str | None:
    return None if text == "None" else text


def live_of(case: dict[str, Any]) -> Live:
    users = {
        e.lower(): LiveUser(f"u{i}", e.lower(), None, role)
        for i, (e, role) in enumerate((case.get("users") or {}).items())
    }
    groups = {
        name: LiveGroup(f"g{i}", name, None if m is None else frozenset(x.lower() for x in m))
        for i, (name, m) in enumerate((case.get("groups") or {}).items())
    }
    colls = {}
    for i, (name, given) in enumerate((case.get("collections") or {}).items()):
        s = given or {}
        colls[name] = LiveCollection(
            f"c{i}",
            name,
            sharing=LiveCollectionSharing(
                users=FrozenMap(s.get("users") or {}),
                groups=FrozenMap(s.get("groups") or {}),
                workspace=s.get("workspace", "NONE"),
            ),
        )
    projects = {}
    for i, (title, p) in enumerate((case.get("projects") or {}).items()):
        s = p.get("sharing") or {}
        projects[f"p{i}"] = LiveProject(
            f"p{i}",
            title,
            owner=p.get("owner"),
            status=p.get("status"),
            archived=p.get("archived", False),
            trashed=p.get("trashed", False),
            sharing=LiveSharing(
                users=FrozenMap(s.get("users") or {}),
                groups=FrozenMap(s.get("groups") or {}),
                collections=FrozenMap(s.get("collections") or {}),
                workspace=s.get("workspace", "NONE"),
                public_web=s.get("public_web", "NONE"),
            ),
        )
    return Live(
        org_id="org",
        users=FrozenMap(users),
        groups=FrozenMap(groups),
        collections=FrozenMap(colls),
        projects=FrozenMap(projects),
    )


def changes_of(lines: list[str], live: Live) -> list[Change]:
    ids = {p.title: p.id for p in live.projects.values()}
    out: list[Change] = []
    for line in lines:
        m = _LINE.match(line)
        assert m, f"bad plan line {line!r}"
        kind, name, verb, path, key, old, new = m.groups()
        k = Kind(kind)
        if verb == "delete":
            out.append(Change(k, Action.DELETE, name))
        elif verb == "deactivate":
            out.append(Change(k, Action.DEACTIVATE, name))
        else:
            ident = ids.get(name) if k is Kind.PROJECT else None
            action = Action.UPDATE if ident or k is not Kind.PROJECT else Action.CREATE
            fields = (FieldChange(path, _opt(old), _opt(new), key),)
            out.append(Change(k, action, name, ident, fields))
    return out


def table(live: Live) -> dict[str, dict[str, Any]]:
    engine = AccessEngine(live)
    out = {}
    for pa in engine.all():
        people = {g.email: f"{g.level.value}: {g.explain}" for g in engine.people(pa.id)}
        out[pa.project.title] = {"public_web": pa.public_web.value, "people": people}
    return out


def _cases() -> list[Path]:
    return sorted(CASES.glob("*.yaml"))


@pytest.mark.parametrize("path", _cases(), ids=lambda p: p.stem)
def test_effective_access_case(path: Path) -> None:
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    live = live_of(case)
    if case.get("plan"):
        live = project(live, changes_of(case["plan"], live))
    expected = {
        title: {"public_web": want.get("public_web", "NONE"), "people": want.get("people") or {}}
        for title, want in case["expected"].items()
    }
    assert table(live) == expected


@pytest.mark.parametrize("path", _cases(), ids=lambda p: p.stem)
def test_each_person_sees_the_same_from_both_sides(path: Path) -> None:
    """``access user`` and ``access project`` are one computation read two ways."""
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    live = live_of(case)
    engine = AccessEngine(live)
    by_project = {(g.email, g.project_id): g for pid in engine.projects for g in engine.people(pid)}
    by_user = {(g.email, g.project_id): g for e in live.users for g in engine.of_user(e)}
    assert by_project == by_user


def _case_live(path: Path) -> Live:
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    live = live_of(case)
    if case.get("plan"):
        live = project(live, changes_of(case["plan"], live))
    return dataclasses.replace(live, org_name="Acme")


@pytest.mark.parametrize("path", _cases(), ids=lambda p: p.stem)
def test_a_saved_report_answers_as_the_reading_did(path: Path) -> None:
    """``access … --from access.json`` answers from the workspace rebuilt out of the report: every
    person's level and paths, each project's public web, who could reach it through their role,
    and the report written again, are those of the reading."""
    live = _case_live(path)
    engine = AccessEngine(live)
    report = json.loads(json.dumps(engine.report(source="live")))
    again = live_from_report(report)
    rebuilt = AccessEngine(again)
    assert table(again) == table(live)
    assert rebuilt.report(source="live") == report
    for pid in engine.projects:
        assert [r.data for r in rebuilt.role_paths(pid)] == [r.data for r in engine.role_paths(pid)]
    assert {pid: p.status for pid, p in again.projects.items()} == {
        pid: p.status for pid, p in engine.projects.items()
    }


@pytest.mark.parametrize("path", _cases(), ids=lambda p: p.stem)
def test_one_persons_reach_through_their_role_is_their_row_of_the_projects(path: Path) -> None:
    """``role_path`` (one person) answers as ``role_paths`` (everyone) does for them: the same
    role and the level their grants give, nobody for a person whose role reaches nothing, for
    someone who is no user, or for a project left out (archived, trashed) or unknown."""
    live = _case_live(path)
    engine = AccessEngine(live)
    for pid in live.projects:
        everyone = {r.email: r for r in engine.role_paths(pid)}
        for email in live.users:
            assert engine.role_path(pid, email) == everyone.get(email), (pid, email)
        assert engine.role_path(pid, "nobody@acme.com") is None
    for email in live.users:
        assert engine.role_path("no-such-project", email) is None


def test_the_cases_cover_every_path_and_rule() -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in _cases())
    for needle in (
        "as owner",
        "via direct share",
        "via group ",
        "via collection ",
        " via group ",  # a collection shared with a group
        "via workspace",
        "capped at CAN_VIEW (role MEMBER)",
        "GUEST",
        "deactivate",
        "public_web: APP_ONLY",
        "status: ",
        "archived: true",
    ):
        assert needle in text, needle
