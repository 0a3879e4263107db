"""The plan's access impact over hand-made workspaces: collection sharing changes (as the
collection-sharing diff emits them), and the workspace line's counts by role."""

from __future__ import annotations

from test_engine_cases import changes_of, live_of

from hexsync.decide.impact import access_impact, assess, deactivation_warnings
from hexsync.render import render_text
from hexsync.values.plan import AccessImpact, Plan, WorkspaceInfo

WORKSPACE = {
    "users": {
        "owner@acme.com": "ADMIN",
        "ed@acme.com": "EDITOR",
        "vic@acme.com": "MEMBER",
        "gus@acme.com": "GUEST",
        "ana@acme.com": "EDITOR",
    },
    "groups": {"Analysts": ["ana@acme.com", "gus@acme.com"]},
    "collections": {"Finance": {}},
    "projects": {
        "Revenue": {
            "owner": "owner@acme.com",
            "sharing": {"collections": {"Finance": "CAN_EDIT"}, "workspace": "CAN_VIEW"},
        },
        "Other": {"owner": "owner@acme.com"},
    },
}


def _lines(impact: tuple[AccessImpact, ...]) -> list[str]:
    out = []
    for i in impact:
        for verb, items in (("+", i.gains), ("-", i.losses), ("=", i.unchanged)):
            for x in items:
                counts = f" [{x.people}/{x.unaffected}]" if x.people is not None else ""
                out.append(
                    f"{i.principal} {verb} {x.project}: {x.old}->{x.new} via {x.via}{counts}"
                )
    return out


def test_a_collection_shared_with_a_group_and_the_workspace_reaches_them() -> None:
    live = live_of(WORKSPACE)
    changes = changes_of(
        [
            "collection Finance: sharing.groups[Analysts]: None -> VIEW",
            "collection Finance: sharing.workspace: NONE -> MEMBER",
        ],
        live,
    )
    assert _lines(access_impact(changes, live)) == [
        # Every workspace member now has the project's level to the collection: ed gains,
        # vic stays capped at CAN_VIEW, the owner keeps FULL_ACCESS; gus is a Guest.
        "workspace members + Revenue: CAN_VIEW->CAN_EDIT"
        " via collection Finance via workspace [1/2]",
        # ana is reached by her group (and by the workspace): her own line, by the deciding path.
        "ana@acme.com + Revenue: CAN_VIEW->CAN_EDIT via collection Finance via group Analysts",
        # The Guest is reached only through the group.
        "gus@acme.com + Revenue: None->CAN_EDIT via collection Finance via group Analysts",
    ]


def test_the_workspace_line_counts_members_by_role_and_ignores_guests() -> None:
    live = live_of(WORKSPACE)
    changes = changes_of(["project Other: sharing.workspace: None -> CAN_EDIT"], live)
    assert _lines(access_impact(changes, live)) == [
        # ed, ana gain CAN_EDIT; vic gains only CAN_VIEW (a Viewer) but gains: 3 people; the
        # owner keeps FULL_ACCESS: 1 unaffected; gus (Guest) is not a workspace member.
        "workspace members + Other: None->CAN_EDIT via None [3/1]",
    ]
    plan = Plan(WorkspaceInfo("https://app.hex.tech", "org"), impact=access_impact(changes, live))
    text = " ".join(render_text(plan).split())
    assert (
        'workspace members gain CAN_EDIT on "Other": 3 people gain it; 1 keeps a higher level !'
        in text
    )


def test_removing_a_collection_share_loses_access_unless_another_path_holds() -> None:
    live = live_of(
        {
            **WORKSPACE,
            "collections": {"Finance": {"users": {"ed@acme.com": "VIEW", "vic@acme.com": "VIEW"}}},
            "projects": {
                "Revenue": {
                    "owner": "owner@acme.com",
                    "sharing": {
                        "collections": {"Finance": "CAN_EDIT"},
                        "users": {"vic@acme.com": "CAN_VIEW"},
                    },
                }
            },
        }
    )
    changes = changes_of(["collection Finance: sharing.users[ed@acme.com]: VIEW -> None"], live)
    changes += changes_of(["collection Finance: sharing.users[vic@acme.com]: VIEW -> None"], live)
    assert _lines(access_impact(changes, live)) == [
        "ed@acme.com - Revenue: CAN_EDIT->None via collection Finance",
        # vic had CAN_VIEW (capped) through the collection and keeps it by the direct share.
        "vic@acme.com = Revenue: CAN_VIEW->CAN_VIEW via None",
    ]


def test_a_member_added_to_a_group_a_collection_is_shared_with_gains_through_it() -> None:
    live = live_of(
        {
            **WORKSPACE,
            "collections": {"Finance": {"groups": {"Analysts": "VIEW"}}},
            "projects": {
                "Revenue": {
                    "owner": "owner@acme.com",
                    "sharing": {"collections": {"Finance": "CAN_EDIT"}},
                }
            },
        }
    )
    changes = changes_of(["group Analysts: members[ed@acme.com]: None -> member"], live)
    assert _lines(access_impact(changes, live)) == [
        "ed@acme.com + Revenue: None->CAN_EDIT via collection Finance via group Analysts",
    ]


def test_a_user_deactivated_by_the_same_plan_is_not_counted_on_the_workspace_line() -> None:
    live = live_of(WORKSPACE)
    changes = changes_of(
        ["project Other: sharing.workspace: None -> CAN_EDIT", "user ed@acme.com: deactivate"],
        live,
    )
    assert _lines(access_impact(changes, live)) == [
        "workspace members + Other: None->CAN_EDIT via None [2/1]",
        "ed@acme.com - Revenue: CAN_VIEW->None via workspace",
    ]


def test_deactivating_an_owner_warns_and_names_their_projects() -> None:
    projects = {f"P{i}": {"owner": "ed@acme.com"} for i in range(7)}
    live = live_of({**WORKSPACE, "projects": {**projects, "Mine": {"owner": "ana@acme.com"}}})
    changes = changes_of(["user ed@acme.com: deactivate", "user vic@acme.com: deactivate"], live)
    warning, directory = deactivation_warnings(changes, live)  # vic owns nothing: no warning
    assert warning.code == "deactivated_owner"
    assert directory.code == "directory_sync"
    assert warning.message.startswith(
        'ed@acme.com owns 7 projects ("P0", "P1", "P2", "P3", "P4" and 2 more)'
    )


def test_a_group_whose_members_were_not_read_is_named_and_no_counts_are_guessed() -> None:
    unread = {
        **WORKSPACE,
        "groups": {"Analysts": None, "Readers": ["ed@acme.com"]},
        "collections": {"Finance": {"groups": {"Analysts": "VIEW"}}},
        "projects": {
            "Revenue": {
                "owner": "owner@acme.com",
                "sharing": {"collections": {"Finance": "CAN_VIEW"}},
            },
            "Other": {"owner": "owner@acme.com", "sharing": {"groups": {"Readers": "CAN_VIEW"}}},
        },
    }
    live = live_of(unread)
    changes = changes_of(
        [
            "project Revenue: sharing.workspace: None -> APP_ONLY",
            "project Other: sharing.workspace: None -> APP_ONLY",
        ],
        live,
    )
    impact, notes = assess(changes, live)
    assert _lines(impact) == [
        "workspace members + Other: None->APP_ONLY via None [2/2]",  # vic, ana; owner, ed keep
        # Analysts reaches Revenue through Finance: who is in it is unknown, so no counts.
        "workspace members + Revenue: None->APP_ONLY via None",
    ]
    # Neither count is given, not even in the plan's JSON: both would leave Analysts out.
    assert [(x.people, x.unaffected) for i in impact for x in i.gains][1] == (None, None)
    (note,) = notes
    assert note.code == "impact_partial"
    assert note.message.startswith(
        "access changes on \"Revenue\" leave out the members of 'Analysts' (not read"
    )


def test_people_named_on_a_project_whose_level_moves_only_through_the_workspace_are_counted() -> (
    None
):
    workspace = {
        **WORKSPACE,
        "projects": {
            "Other": {
                "owner": "owner@acme.com",
                "sharing": {"users": {"ed@acme.com": "APP_ONLY", "ana@acme.com": "APP_ONLY"}},
            }
        },
    }
    live = live_of(workspace)
    changes = changes_of(["project Other: sharing.workspace: None -> CAN_EDIT"], live)
    assert _lines(access_impact(changes, live)) == [
        # ed and ana (shared directly at APP_ONLY) rise to CAN_EDIT, vic (a Viewer) to CAN_VIEW:
        # 3 people; the owner keeps FULL_ACCESS: 1.
        "workspace members + Other: None->CAN_EDIT via None [3/1]",
    ]


def _other(sharing: dict[str, object], plan: list[str]) -> list[str]:
    workspace = {
        **WORKSPACE,
        "collections": {"Board": {"workspace": "MEMBER"}},
        "projects": {"Other": {"owner": "owner@acme.com", "sharing": sharing}},
    }
    live = live_of(workspace)
    return _lines(access_impact(changes_of(plan, live), live))


def test_a_viewer_capped_before_and_after_a_lowered_workspace_share_keeps_their_level() -> None:
    # ed and ana drop from CAN_EDIT to CAN_VIEW; vic (a Viewer) had CAN_VIEW and keeps it.
    assert _other(
        {"workspace": "CAN_EDIT"}, ["project Other: sharing.workspace: CAN_EDIT -> CAN_VIEW"]
    ) == ["workspace members - Other: CAN_EDIT->CAN_VIEW via None [2/2]"]


def test_named_viewers_are_taken_from_their_own_class_on_the_workspace_line() -> None:
    direct = dict.fromkeys(("ed@acme.com", "ana@acme.com", "vic@acme.com"), "APP_ONLY")
    assert _other(
        {"users": direct, "workspace": "CAN_VIEW"},
        ["project Other: sharing.workspace: CAN_VIEW -> CAN_EDIT"],
    ) == ["workspace members + Other: CAN_VIEW->CAN_EDIT via None [2/2]"]  # ed, ana / owner, vic


def test_a_workspace_share_replaced_by_a_workspace_collection_names_the_new_path() -> None:
    assert _other(
        {"workspace": "CAN_VIEW"},
        [
            "project Other: sharing.workspace: CAN_VIEW -> None",
            "project Other: sharing.collections[Board]: None -> CAN_VIEW",
        ],
    ) == [
        "workspace members = Other: CAN_VIEW->CAN_VIEW via collection Board via workspace [0/4]",
        "Board + Other: None->CAN_VIEW via None",  # the collection's own line
    ]


def test_a_removed_workspace_share_leaves_no_level() -> None:
    assert _other(
        {"workspace": "APP_ONLY"}, ["project Other: sharing.workspace: APP_ONLY -> None"]
    ) == [
        "workspace members - Other: APP_ONLY->None via None [3/1]",
    ]
