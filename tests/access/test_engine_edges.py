"""The access engine's report as ``hexsync access --as-planned --format json`` writes it, and the
plan's access impact where the wording or the count of a line is the decision: each test fails on
a wrong answer a reviewer would read (tests/access/cases/ hold the effective-access tables)."""

from __future__ import annotations

import builtins
import dataclasses
from collections import Counter
from collections.abc import Callable
from typing import Any

import pytest
from test_engine_cases import changes_of, live_of

from hexsync.decide import access_engine
from hexsync.decide.access_engine import AccessEngine, against_live
from hexsync.decide.impact import access_impact, assess, deactivation_warnings
from hexsync.decide.projection import project
from hexsync.values.desired import Mark

WORKSPACE: dict[str, Any] = {
    "users": {
        "zed@acme.com": "ADMIN",
        "amy@acme.com": "MEMBER",  # a Viewer
        "gus@acme.com": "GUEST",
    },
    "groups": {"Unread": None, "Team": ["amy@acme.com"]},
    "projects": {
        "Zeta": {
            "owner": "zed@acme.com",
            "sharing": {
                "users": {"amy@acme.com": "CAN_EDIT"},
                "groups": {"Team": "CAN_VIEW", "Unread": "CAN_VIEW"},
                "workspace": "CAN_VIEW",
            },
        },
        "Alpha": {"owner": "zed@acme.com"},
    },
}


def test_the_planned_report_drops_a_deleted_group_and_shows_the_new_status() -> None:
    live = live_of(WORKSPACE)
    changes = changes_of(["group Team: delete", "project Zeta: status: None -> Production"], live)
    report = AccessEngine(project(live, changes)).report(source="plan")
    assert [(p["title"], p["status"], p["groups"]) for p in report["projects"]] == [
        ("Alpha", None, []),  # by title, not by id
        ("Zeta", "Production", ["Unread"]),
    ]
    assert [p["everyone_paths"] is None for p in report["projects"]] == [True, False]
    assert report["groups"] == [{"name": "Unread", "members": None}]
    assert [(p["email"], p["workspace_member"], p["viewer"]) for p in report["people"]] == [
        ("amy@acme.com", True, True),
        ("gus@acme.com", False, False),
        ("zed@acme.com", True, False),
    ]


def test_the_report_lists_the_members_of_read_groups_only() -> None:
    report = AccessEngine(live_of(WORKSPACE)).report(source="workspace")
    assert report["groups"] == [
        {"name": "Team", "members": [0]},  # amy, by her index in people
        {"name": "Unread", "members": None},
    ]


def test_the_report_says_whether_each_projects_owner_is_still_active() -> None:
    # bob owns Revenue and leaves; a project the plan creates with a workspace token has no owner
    live = live_of(
        {
            "users": {"zed@acme.com": "ADMIN", "bob@acme.com": "EDITOR"},
            "projects": {"Revenue": {"owner": "bob@acme.com"}, "Churn": {"owner": "zed@acme.com"}},
        }
    )
    changes = changes_of(
        ["user bob@acme.com: deactivate", "project Launch: sharing.workspace: None -> CAN_VIEW"],
        live,
    )
    report = AccessEngine(project(live, changes)).report(source="planned")
    assert [(p["title"], p["owner"], p["owner_active"]) for p in report["projects"]] == [
        ("Churn", "zed@acme.com", True),
        ("Launch", None, None),
        ("Revenue", "bob@acme.com", False),
    ]


MOVES: dict[str, Any] = {
    "users": {
        "zed@acme.com": "ADMIN",
        "amy@acme.com": "MEMBER",  # a Viewer: capped at CAN_VIEW
        "bob@acme.com": "EDITOR",
        "gus@acme.com": "GUEST",
    },
    "groups": {"Team": ["amy@acme.com", "bob@acme.com"]},
    "projects": {
        "Quiet": {"owner": "zed@acme.com", "sharing": {"groups": {"Team": "CAN_VIEW"}}},
        "Capped": {"owner": "zed@acme.com", "sharing": {"users": {"amy@acme.com": "CAN_VIEW"}}},
        "Link": {"owner": "zed@acme.com", "sharing": {"public_web": "APP_ONLY"}},
        "Everyone": {
            "owner": "zed@acme.com",
            "sharing": {
                "users": {"amy@acme.com": "CAN_VIEW", "bob@acme.com": "CAN_EDIT"},
                "workspace": "APP_ONLY",
            },
        },
        "Moved": {"owner": "zed@acme.com", "sharing": {"users": {"bob@acme.com": "CAN_EDIT"}}},
        "Open": {"owner": "zed@acme.com", "sharing": {"workspace": "CAN_VIEW"}},
    },
}


def _vs_live(plan: list[str]) -> dict[str, dict[str, Any]]:
    """The as-planned report's ``vs_live`` per project title: what the plan moves."""
    live = live_of(MOVES)
    after = project(live, changes_of(plan, live))
    titles = {pid: p.title for pid, p in after.projects.items()}
    moved = against_live(AccessEngine(live), AccessEngine(after))
    return {titles[pid]: found for pid, found in moved.items()}


def test_the_as_planned_report_lists_what_moves_against_live_and_nothing_else() -> None:
    moved = _vs_live(
        [
            # amy is a Viewer: CAN_EDIT leaves her at CAN_VIEW, so Capped does not move
            "project Capped: sharing.users[amy@acme.com]: CAN_VIEW -> CAN_EDIT",
            "project Link: sharing.public_web: APP_ONLY -> NONE",
            # every member already has more than the workspace's CAN_VIEW: only its level moves
            "project Everyone: sharing.workspace: APP_ONLY -> CAN_VIEW",
            "project Moved: sharing.users[bob@acme.com]: CAN_EDIT -> None",
            "project Moved: sharing.users[amy@acme.com]: None -> CAN_VIEW",
            "project Fresh: sharing.groups[Team]: None -> CAN_EDIT",
        ]
    )
    live_side = {"new": False, "public_web": "NONE", "everyone_level": "NONE"}
    assert moved == {
        "Link": {**live_side, "public_web": "APP_ONLY", "changes": []},
        "Everyone": {**live_side, "everyone_level": "APP_ONLY", "changes": []},
        "Moved": {
            **live_side,
            "changes": [["amy@acme.com", None, "CAN_VIEW"], ["bob@acme.com", "CAN_EDIT", None]],
        },
        "Fresh": {
            **live_side,
            "new": True,
            "changes": [["amy@acme.com", None, "CAN_VIEW"], ["bob@acme.com", None, "CAN_EDIT"]],
        },
    }


def test_a_person_who_leaves_moves_every_project_they_could_open() -> None:
    # Open reaches bob only through the workspace share: its paths are the same on both sides
    moved = _vs_live(["user bob@acme.com: deactivate"])
    live_side = {"new": False, "public_web": "NONE", "everyone_level": "NONE"}
    assert moved == {
        "Quiet": {**live_side, "changes": [["bob@acme.com", "CAN_VIEW", None]]},
        "Everyone": {
            **live_side,
            "everyone_level": "APP_ONLY",
            "changes": [["bob@acme.com", "CAN_EDIT", None]],
        },
        "Moved": {**live_side, "changes": [["bob@acme.com", "CAN_EDIT", None]]},
        "Open": {
            **live_side,
            "everyone_level": "CAN_VIEW",
            "changes": [["bob@acme.com", "CAN_VIEW", None]],
        },
    }


def test_the_as_planned_moves_cost_the_projects_the_plan_touches(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A project whose paths are the same on both sides is skipped without listing its people
    (against_live's docstring): a plan touching one project of many lists one project's."""
    listed: Counter[str] = Counter()
    people = AccessEngine.people

    def counting(engine: AccessEngine, pid: str) -> list[Any]:
        listed[engine.project(pid).project.title] += 1
        return people(engine, pid)

    monkeypatch.setattr(AccessEngine, "people", counting)
    assert list(_vs_live(["project Link: sharing.public_web: APP_ONLY -> NONE"])) == ["Link"]
    assert listed == {"Link": 2}  # as live, and as planned


def _lines(changes_text: list[str], workspace: dict[str, Any]) -> list[str]:
    live = live_of(workspace)
    out = []
    for i in access_impact(changes_of(changes_text, live), live):
        for verb, items in (("+", i.gains), ("-", i.losses), ("=", i.unchanged)):
            out.extend(
                f"{i.principal} {verb} {x.project}: {x.old}->{x.new} via {x.via}" for x in items
            )
    return out


def test_a_viewer_kept_at_can_view_names_the_path_that_keeps_them() -> None:
    # amy (a Viewer) is capped at CAN_VIEW by her direct CAN_EDIT share; a new FULL_ACCESS share
    # changes nothing for her, and her line names the direct share that already gave her that.
    workspace = {**WORKSPACE, "groups": {"Team": ["amy@acme.com"]}}
    workspace["projects"] = {
        "Zeta": {"owner": "zed@acme.com", "sharing": {"groups": {"Team": "CAN_EDIT"}}}
    }
    lines = _lines(["project Zeta: sharing.users[amy@acme.com]: None -> FULL_ACCESS"], workspace)
    assert lines == ["amy@acme.com = Zeta: CAN_VIEW->CAN_VIEW via group Team"]


def test_a_project_the_plan_creates_is_owned_by_the_token_user() -> None:
    live = dataclasses.replace(live_of(WORKSPACE), me_email="zed@acme.com")
    changes = changes_of(["project New: sharing.users[amy@acme.com]: None -> CAN_VIEW"], live)
    lines = [
        f"{i.principal} {x.project}: {x.old}->{x.new} via {x.via}"
        for i in access_impact(changes, live)
        for x in i.gains
    ]
    assert lines == [
        "amy@acme.com New: None->CAN_VIEW via None",
        "zed@acme.com New: None->FULL_ACCESS via owner",
    ]


def _unread_on(n: int) -> str:
    projects = {
        f"P{i}": {"owner": "zed@acme.com", "sharing": {"groups": {"Unread": "CAN_VIEW"}}}
        for i in range(n)
    }
    live = live_of({**WORKSPACE, "projects": projects})
    changes = changes_of(
        [f"project P{i}: sharing.workspace: None -> APP_ONLY" for i in range(n)], live
    )
    (note,) = assess(changes, live)[1]
    return note.message.split(" leave out")[0]


def test_the_partial_impact_warning_names_five_projects_then_counts_the_rest() -> None:
    assert _unread_on(5) == 'access changes on "P0", "P1", "P2", "P3", "P4"'
    assert _unread_on(6) == 'access changes on "P0", "P1", "P2", "P3", "P4" and 1 more'


def test_only_a_deactivation_of_an_owner_warns_and_it_points_at_the_user() -> None:
    projects = {f"P{i}": {"owner": "zed@acme.com"} for i in range(5)}
    live = live_of({**WORKSPACE, "projects": {**projects, "Own": {"owner": "gus@acme.com"}}})
    changes = changes_of(
        [
            "user amy@acme.com: deactivate",  # owns nothing: no warning, and the next still warns
            "user gus@acme.com: name: Gus -> Gustav",  # an owner updated, not deactivated
            "user zed@acme.com: deactivate",
        ],
        live,
    )
    mark = Mark("users.yaml", 3, 3)
    changes[2] = dataclasses.replace(changes[2], mark=mark)
    warning, directory = deactivation_warnings(changes, live)
    assert warning.message.startswith(
        'zed@acme.com owns 5 projects ("P0", "P1", "P2", "P3", "P4"); deactivating'
    )
    assert warning.mark == mark
    assert directory.code == "directory_sync"  # one for every deactivation of the plan


def test_planned_is_the_workspace_the_plan_leaves() -> None:
    """``access --as-planned`` reads this value: renamed objects keep their ids, created ones get
    ``planned:NAME``, a deactivated user leaves every group's members."""
    workspace = {
        **WORKSPACE,
        "groups": {"Team": ["amy@acme.com", "zed@acme.com"]},
        "collections": {"Finance": {}},
    }
    live = live_of(workspace)
    changes = changes_of(
        [
            "group Crew: name: Team -> Crew",
            "group Fresh: members[gus@acme.com]: None -> gus@acme.com",
            "collection Money: name: Finance -> Money",
            "collection Money: description: None -> The money",
            "collection New: description: None -> Brand new",
            "user amy@acme.com: deactivate",
        ],
        live,
    )
    after = project(live, changes)
    groups = {k: (g.id, g.name, sorted(g.members or ())) for k, g in after.groups.items()}
    assert groups == {
        "Crew": ("g0", "Crew", ["zed@acme.com"]),
        "Fresh": ("planned:Fresh", "Fresh", ["gus@acme.com"]),
    }
    colls = {k: (c.id, c.name, c.description) for k, c in after.collections.items()}
    assert colls == {
        "Money": ("c0", "Money", "The money"),
        "New": ("planned:New", "New", "Brand new"),
    }
    assert project(live, changes[:1]).collections["Finance"].description == (
        live.collections["Finance"].description
    )


def test_the_engines_work_grows_with_distinct_paths_not_with_people_times_projects(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The engine answers a 10,000-project by 2,000-person workspace (its module docstring)
    because its work is per distinct thing, not per person and project: each project is built
    once, one path object is made (and hashed) per distinct path, each set of paths is decided
    once per role, and a project's people are looked for among those it names. A lost cache
    gives the same answers, thousands of times slower: these counts are what would notice."""
    team = [f"m{i:02}@acme.com" for i in range(20)]
    outsiders = {f"x{i:02}@acme.com": "EDITOR" for i in range(30)}
    live = live_of(
        {
            "users": {"zed@acme.com": "ADMIN", **dict.fromkeys(team, "EDITOR"), **outsiders},
            "groups": {"Team": team},
            "projects": {
                f"P{i}": {"owner": "zed@acme.com", "sharing": {"groups": {"Team": "CAN_VIEW"}}}
                for i in range(5)
            },
        }
    )
    work: Counter[str] = Counter()

    def counted(name: str, real: Callable[..., Any]) -> Callable[..., Any]:
        def counting(*args: Any, **kwargs: Any) -> Any:
            work[name] += 1
            return real(*args, **kwargs)

        return counting

    monkeypatch.setattr(AccessEngine, "_build", counted("build", AccessEngine._build))
    monkeypatch.setattr(AccessEngine, "grant", counted("grant", AccessEngine.grant))
    monkeypatch.setattr(access_engine, "_decide", counted("decide", access_engine._decide))
    monkeypatch.setattr(access_engine, "Path", counted("path", access_engine.Path))
    monkeypatch.setattr(access_engine, "hash", counted("hash", builtins.hash), raising=False)
    engine = AccessEngine(live)

    people = [[(g.email, g.level.value) for g in engine.people(pid)] for pid in engine.projects]
    assert people == [[("zed@acme.com", "FULL_ACCESS"), *((m, "CAN_VIEW") for m in team)]] * 5
    # Two distinct paths (the owner's, the group's) and two (role, paths) sets to decide, over
    # 5 projects; each project's 21 named people looked at, not the workspace's 51 users.
    assert work == {"build": 5, "path": 2, "hash": 2, "decide": 2, "grant": 5 * 21}
    for email in engine.users:
        engine.of_user(email)
    assert (work["build"], work["path"], work["hash"], work["decide"]) == (5, 2, 2, 2)
    # Distinct paths hash apart (a set of thousands of paths stays a hash table).
    (owner,) = engine.project("p0").named["zed@acme.com"]
    (group,) = engine.project("p0").named["m00@acme.com"]
    assert hash(owner) != hash(group)
