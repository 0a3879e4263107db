"""``hexsync.export.manifests``: Live → manifests that validate and plan as no change (pure, no
emulator).

The round trip here is the contract of docs/export.md: export a :class:`Live`, check the files
with the manifest loader (what ``hexsync validate`` runs), and diff the result against the same
Live (what ``hexsync plan`` runs): no problem, no change, no refusal, no warning.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import pytest
import yaml

from hexsync.errors import ConfigError
from hexsync.export.manifests import (
    KINDS,
    ExportKind,
    build_export,
    export_document,
    export_files,
    export_manifests,
    parse_kinds,
    scalar,
)
from hexsync.manifest import CheckResult, check
from hexsync.manifest.yamlsafe import Document, FileLimits, read_document
from hexsync.planning.planner import build_plan
from hexsync.values.desired import FrozenMap
from hexsync.values.live import (
    Live,
    LiveCollection,
    LiveCollectionSharing,
    LiveGroup,
    LiveProject,
    LiveSharing,
    LiveUser,
)
from hexsync.values.plan import Plan

ORG = "5a8591dd-4039-49df-9202-96385ba3eff8"

# Strings YAML would read as something else, or not at all, if written plain.
TRICKY = [
    "yes",
    "No",
    "on",
    "null",
    "~",
    "true",
    "1.0",
    "12",
    "0x1F",
    "1_000",
    ".inf",
    "2023-01-01",
    "a: b",
    "x #y",
    "#hash",
    "- dash",
    "? q",
    "@at",
    "`tick",
    "*star",
    "&amp",
    "!bang",
    "%pct",
    "[x]",
    "{x}",
    "O'Brien",
    '"quoted"',
    "Ünïcödé team",
    "=",
    "<<",
    "...",
    "---",
    ":x",
    "x:",
    "tab\there",
    "a,b",
    "C# devs",
]
TRICKY_TEXT = [*TRICKY, "", "line one\nline two", "para\u2028sep", "bell\x07", "  padded  "]


def _uuid(n: int) -> str:
    return f"00000000-0000-4000-8000-{n:012d}"


def make_live(
    users: Iterable[str],
    groups: Iterable[LiveGroup] = (),
    collections: Iterable[LiveCollection] = (),
    projects: Iterable[LiveProject] = (),
    org_id: str = ORG,
) -> Live:
    return Live(
        org_id=org_id,
        users=FrozenMap((e, LiveUser(_uuid(900 + i), e)) for i, e in enumerate(users)),
        groups=FrozenMap((g.name, g) for g in groups),
        collections=FrozenMap((c.name, c) for c in collections),
        projects=FrozenMap((p.id, p) for p in projects),
    )


def sharing(
    workspace: str = "NONE",
    public_web: str = "NONE",
    users: dict[str, str] | None = None,
    groups: dict[str, str] | None = None,
    collections: dict[str, str] | None = None,
) -> LiveSharing:
    return LiveSharing(
        users=FrozenMap(users or {}),
        groups=FrozenMap(groups or {}),
        collections=FrozenMap(collections or {}),
        workspace=workspace,
        public_web=public_web,
    )


def write(tmp_path: Path, files: dict[str, str]) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def checked(directory: Path) -> CheckResult:
    result = check([directory], relative_to=directory)
    assert result.ok, "\n".join(str(p) for p in result.problems)
    assert result.problems == (), "\n".join(str(p) for p in result.problems)
    return result


def plan_against(live: Live, result: CheckResult) -> Plan:
    assert result.desired is not None
    return build_plan(result.desired, live, api_url="http://127.0.0.1:1")


def assert_no_change(plan: Plan) -> None:
    assert plan.changes == (), [c.address for c in plan.changes]
    assert plan.refusals == ()
    assert plan.warnings == (), [w.message for w in plan.warnings]


# ------------------------------------------------------------------------------------ scalars


@pytest.mark.parametrize("text", TRICKY_TEXT)
def test_a_scalar_reads_back_as_the_same_string_as_value_and_as_key(
    text: str, tmp_path: Path
) -> None:
    written = scalar(text)
    assert "\n" not in written
    source = f"value: {written}\n{written}: key\nlist:\n  - {written}  # comment\n"
    assert yaml.safe_load(source) == {"value": text, text: "key", "list": [text]}
    path = tmp_path / "m.yaml"
    path.write_text(source, encoding="utf-8")
    doc = read_document(path, "m.yaml", FileLimits())  # the manifest loader's own reader
    assert isinstance(doc, Document), doc
    assert doc.data == {"value": text, text: "key", "list": [text]}


def test_plain_names_stay_unquoted() -> None:
    assert scalar("Data Engineering") == "Data Engineering"
    assert scalar("alice@acme.com") == "alice@acme.com"
    assert scalar("Ünïcödé team") == "Ünïcödé team"
    assert scalar("yes") == "'yes'"
    assert scalar("1.0") == "'1.0'"
    assert scalar("a: b") == "'a: b'"


# ------------------------------------------------------------------------------------ layout


def small_live() -> Live:
    return make_live(
        users=["alice@acme.com", "bob@acme.com"],
        groups=[LiveGroup(_uuid(1), "Analysts", frozenset({"bob@acme.com", "alice@acme.com"}))],
        collections=[LiveCollection(_uuid(2), "Finance", "Finance team dashboards")],
        projects=[
            LiveProject(
                _uuid(3),
                "Revenue overview",
                description="not exported: used on create only",
                owner="alice@acme.com",
                status="Production",
                sharing=sharing(
                    "APP_ONLY",
                    users={"bob@acme.com": "CAN_EDIT", "alice@acme.com": "FULL_ACCESS"},
                    groups={"Analysts": "CAN_VIEW"},
                ),
            )
        ],
    )


def test_files_read_like_hand_written_manifests() -> None:
    files = export_manifests(small_live())
    assert list(files) == ["policy.yaml", "collections.yaml", "groups.yaml", "projects.yaml"]
    header = "# yaml-language-server: $schema=https://hexsync.dev/schemas/manifest.schema.json\n"
    assert all(text.startswith(header) for text in files.values())
    assert files["policy.yaml"].endswith(
        f"\nversion: 1\nworkspace:\n  org_id: {ORG}\n\npolicy:\n"
        "  # Statuses seen on live projects (the API lists none): add any other Hex has.\n"
        "  statuses:\n    - Production\n"
    )
    assert files["groups.yaml"].endswith(
        "\ngroups:\n  - name: Analysts\n    members:\n      - alice@acme.com\n"
        "      - bob@acme.com\n"
    )
    assert files["projects.yaml"].endswith(
        f"""
projects:
  - id: {_uuid(3)}
    title: Revenue overview  # owner: alice@acme.com
    status: Production
    sharing:
      workspace: APP_ONLY
      public_web: NONE
      users:
        alice@acme.com: FULL_ACCESS  # owner
        bob@acme.com: CAN_EDIT
      groups:
        Analysts: CAN_VIEW
      collections: {{}}
"""
    )


def test_schema_reference_can_be_a_relative_path() -> None:
    files = export_manifests(small_live(), schema_ref="../schemas/manifest.schema.json")
    first = files["groups.yaml"].splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schemas/manifest.schema.json"


def test_the_combined_document_is_every_file_in_one(tmp_path: Path) -> None:
    live = small_live()
    document = export_document(live)
    assert document.count("version: 1") == 1
    keys = [line.split(":")[0] for line in document.splitlines() if line[:1].isalpha()]
    assert keys == ["version", "workspace", "policy", "collections", "groups", "projects"]
    result = checked(write(tmp_path, {"all.yaml": document}))
    assert_no_change(plan_against(live, result))


# ------------------------------------------------------------------------------------ round trip


def tricky_live() -> Live:
    """Quoting traps everywhere, capitals in emails, NONE everywhere, public, empty group, …"""
    users = ["alice@acme.com", "bob.smith@acme.com", "yes@acme.com", "null@acme.com"]
    groups = [
        LiveGroup(_uuid(100 + i), name, frozenset({users[i % len(users)]}))
        for i, name in enumerate(TRICKY)
    ]
    groups.append(LiveGroup(_uuid(99), "Empty", frozenset()))
    collections = [
        LiveCollection(_uuid(200 + i), name, TRICKY_TEXT[-(i + 1)]) for i, name in enumerate(TRICKY)
    ]
    collections.append(LiveCollection(_uuid(199), "No description", None))
    projects = [
        LiveProject(
            _uuid(300 + i),
            title,
            owner="alice@acme.com",
            status=TRICKY[-(i + 1)],
            sharing=sharing(
                workspace="CAN_VIEW",
                users={"bob.smith@acme.com": "CAN_EDIT"},
                groups={title: "APP_ONLY", "Empty": "FULL_ACCESS"},
                collections={title: "CAN_VIEW"},
            ),
        )
        for i, title in enumerate(TRICKY)
    ]
    projects += [
        LiveProject(_uuid(400), "No status, no access", owner="bob.smith@acme.com"),
        LiveProject(_uuid(401), "Twin"),
        LiveProject(_uuid(402), "Twin", status="Production"),
        LiveProject(
            _uuid(403),
            "Status page",
            owner="yes@acme.com",
            sharing=sharing(
                "APP_ONLY",
                "APP_ONLY",
                users={"yes@acme.com": "FULL_ACCESS"},
                groups={"~": "CAN_EDIT"},
            ),
        ),
    ]
    return make_live(users, groups, collections, projects)


def test_a_tricky_workspace_validates_and_plans_as_no_change(tmp_path: Path) -> None:
    live = tricky_live()
    export = build_export(live, only=KINDS)
    assert export.notes == ()
    result = checked(write(tmp_path, dict(export.files)))
    assert_no_change(plan_against(live, result))
    desired = result.desired
    assert desired is not None
    # The inverse of load: what the files declare is what was live.
    assert {g.name: g.members for g in desired.groups} == {
        g.name: g.members for g in live.groups.values()
    }
    assert {c.name: c.description for c in desired.collections} == {
        c.name: c.description for c in live.collections.values()
    }
    assert {p.id: (p.title, p.status) for p in desired.projects} == {
        p.id: (p.title, p.status) for p in live.projects.values()
    }
    assert {u.email for u in desired.users if u.active} == set(live.users)
    assert desired.policy.allow_public_web
    assert desired.workspace is not None
    assert desired.workspace.org_id == ORG


def test_public_web_sets_allow_public_web_and_says_which_projects() -> None:
    policy = export_manifests(tricky_live())["policy.yaml"]
    assert "\npolicy:\n" in policy
    assert "  # 1 project is shared to the public web live; review:\n" in policy
    assert f"  #   Status page ({_uuid(403)})\n" in policy
    assert policy.endswith("  allow_public_web: true\n")
    assert "allow_public_web" not in export_manifests(small_live())["policy.yaml"]


def test_users_roster_plans_clean_even_with_prune_users(tmp_path: Path) -> None:
    live = small_live()
    files = export_manifests(live, only={"users"})
    assert list(files) == ["policy.yaml", "users.yaml"]
    assert files["users.yaml"].endswith(
        "\nusers:\n  - email: alice@acme.com\n    active: true\n"
        "  - email: bob@acme.com\n    active: true\n"
    )
    files["prune.yaml"] = "policy:\n  prune:\n    users: true\n"
    assert_no_change(plan_against(live, checked(write(tmp_path, files))))


# ------------------------------------------------------------------------------------ determinism


def test_two_exports_are_identical_whatever_order_live_was_read_in() -> None:
    live = tricky_live()
    shuffled = Live(
        org_id=live.org_id,
        users=FrozenMap(reversed(list(live.users.items()))),
        groups=FrozenMap(reversed(list(live.groups.items()))),
        collections=FrozenMap(reversed(list(live.collections.items()))),
        projects=FrozenMap(reversed(list(live.projects.items()))),
    )
    first = export_manifests(live, only=KINDS)
    assert export_manifests(live, only=KINDS) == first
    assert export_manifests(shuffled, only=KINDS) == first


def test_lists_are_sorted_case_insensitively_then_exactly() -> None:
    live = make_live(
        users=["a@x.io"],
        groups=[LiveGroup(_uuid(i), n, frozenset()) for i, n in enumerate(["b", "B", "a", "C"])],
    )
    text = export_manifests(live, only={"groups"})["groups.yaml"]
    names = [line.split("name: ")[1] for line in text.splitlines() if "name: " in line]
    assert names == ["a", "B", "b", "C"]


# ------------------------------------------------------------------------------------ --only


@pytest.mark.parametrize(
    ("only", "expected"),
    [
        (None, ["policy.yaml", "collections.yaml", "groups.yaml", "projects.yaml"]),
        ({"groups"}, ["policy.yaml", "groups.yaml"]),
        ({"projects", "collections"}, ["policy.yaml", "collections.yaml", "projects.yaml"]),
        (set(KINDS), ["policy.yaml", *(f"{k}.yaml" for k in KINDS)]),
    ],
)
def test_only_chooses_the_files(only: set[ExportKind] | None, expected: list[str]) -> None:
    assert list(export_files(only)) == expected
    assert list(export_manifests(tricky_live(), only=only)) == expected


def test_only_projects_still_plans_clean_without_the_other_kinds(tmp_path: Path) -> None:
    live = tricky_live()
    files = export_manifests(live, only={"projects"})
    assert_no_change(plan_against(live, checked(write(tmp_path, files))))


def test_parse_kinds() -> None:
    assert parse_kinds("groups, project") == {"groups", "projects"}
    assert parse_kinds("USERS") == {"users"}
    with pytest.raises(ConfigError, match="unknown kind 'policy'"):
        parse_kinds("groups,policy")
    with pytest.raises(ConfigError, match="no kind"):
        parse_kinds(" , ")


# ------------------------------------------------------------------------------------ owners


def _entries(projects_yaml: str) -> dict[str, str]:
    """Each exported project's lines as a reader sees them, by id."""
    entries: dict[str, str] = {}
    for block in projects_yaml.split("\n  - id: ")[1:]:
        entries[block.split()[0]] = block
    return entries


def test_a_new_admin_reading_the_export_can_tell_who_owns_each_project(tmp_path: Path) -> None:
    """Issue 29: the owner was in Live but nowhere in projects.yaml (Hex seldom lists the owner
    among the project's users), so whom to ask about a project meant asking Hex. Each entry now
    says it on the title's line, as a comment: plan reads nothing from it."""
    odd_owner = "o'brien #1@acme.com"
    live = make_live(
        users=["alice@acme.com", "bob@acme.com"],
        projects=[
            LiveProject(_uuid(1), "Revenue overview", owner="alice@acme.com", status="Production"),
            LiveProject(_uuid(2), "x #y", owner=odd_owner, sharing=sharing("CAN_VIEW")),
            LiveProject(_uuid(3), " padded ", owner="bob@acme.com"),
            LiveProject(_uuid(4), "Nobody's", owner=None),
            LiveProject(_uuid(5), "Broken", owner="a\nstatus: x@acme.com"),
        ],
    )
    export = build_export(live)
    entries = _entries(export.files["projects.yaml"])
    assert "\n    title: Revenue overview  # owner: alice@acme.com\n" in entries[_uuid(1)]
    assert "\n    title: 'x #y'  # owner: o'brien #1@acme.com\n" in entries[_uuid(2)]
    # An owner that would break the line is escaped on it: the rest of the file is unchanged.
    assert '\n    title: Broken  # owner: "a\\nstatus: x@acme.com"\n' in entries[_uuid(5)]
    # A title a manifest cannot hold is only a comment: the owner goes on the id's line.
    assert entries[_uuid(3)].startswith(f"{_uuid(3)}  # owner: bob@acme.com\n")
    assert "owner" not in entries[_uuid(4)]
    # Only a comment: the files declare what they declared before, and plan as no change.
    result = checked(write(tmp_path / "owners", dict(export.files)))
    assert_no_change(plan_against(live, result))
    assert result.desired is not None
    assert {p.id: p.title for p in result.desired.projects} == {
        _uuid(1): "Revenue overview",
        _uuid(2): "x #y",
        _uuid(3): None,
        _uuid(4): "Nobody's",
        _uuid(5): "Broken",
    }
    # The admin edits the lines around the comment and leaves it: the plan reads the edits alone.
    text = export.files["projects.yaml"].replace(
        "title: Revenue overview  # owner: alice@acme.com\n    status: Production",
        "title: Revenue (2024)  # owner: alice@acme.com\n    status: Deprecated",
    )
    files = {**export.files, "projects.yaml": text}
    files["policy.yaml"] = files["policy.yaml"].replace(
        "- Production", "- Production\n    - Deprecated"
    )
    plan = plan_against(live, checked(write(tmp_path / "edited", files)))
    assert [(c.id, [(f.path, f.new) for f in c.fields]) for c in plan.changes] == [
        (_uuid(1), [("status", "Deprecated")])
    ]
    # A pinned project's title cannot be changed through the API: plan says so, naming it whole.
    titled = f"project {_uuid(1)} is titled 'Revenue overview' in Hex, 'Revenue (2024)' in the"
    assert [w for w in plan.warnings if w.message.startswith(titled)], plan.warnings


# ------------------------------------------------------------------------------------ limits


def test_what_a_manifest_cannot_say_is_left_unmanaged_and_noted(tmp_path: Path) -> None:
    live = make_live(
        users=["alice@acme.com"],
        groups=[
            LiveGroup(_uuid(1), " spaced", frozenset({"alice@acme.com"})),
            LiveGroup(_uuid(2), "Ghosts", frozenset({"alice@acme.com", "gone@acme.com"})),
            LiveGroup(_uuid(3), "Unread", None),
        ],
        collections=[LiveCollection(_uuid(4), "trailing ", None)],
        projects=[
            LiveProject(
                _uuid(5),
                "Title with a trailing space ",
                status="",
                sharing=sharing(
                    "SOMETHING_NEW",
                    users={"gone@acme.com": "CAN_VIEW", "alice@acme.com": "CAN_EDIT"},
                    groups={" spaced": "CAN_VIEW", "Ghosts": "CAN_VIEW"},
                    collections={"trailing ": "CAN_VIEW"},
                ),
            ),
            LiveProject(
                _uuid(6),
                "Elsewhere",
                sharing=sharing(
                    groups={"Invisible": "CAN_VIEW"},
                    collections={"Finance": "A_NEW_LEVEL"},
                ),
            ),
        ],
    )
    export = build_export(live)
    notes = "\n".join(export.notes)
    for expected in (
        "group ' spaced'",
        "collection 'trailing '",
        "group 'Ghosts': members left unmanaged, gone@acme.com is not an active user",
        "group 'Unread': members were not read",
        "status '' left unmanaged",
        "sharing.workspace left unmanaged",
        "sharing.users left unmanaged, 'gone@acme.com'",
        "sharing.groups left unmanaged, ' spaced'",
        "sharing.collections left unmanaged, 'trailing '",
        "sharing.groups left unmanaged, 'Invisible' is not a group this token can see",
        "sharing.collections left unmanaged, 'Finance' is not a collection",
    ):
        assert expected in notes, f"{expected!r} not in:\n{notes}"
    projects = export.files["projects.yaml"]
    assert "    # title: 'Title with a trailing space ' (cannot be written" in projects
    assert f"  - id: {_uuid(5)}\n" in projects  # no owner listed: no owner comment
    assert "      # users: left alone, gone@acme.com is not an active user" in projects
    assert "      public_web: NONE\n" in projects  # the other dimensions are still managed
    # Left alone means plan neither complains nor changes anything.
    assert_no_change(plan_against(live, checked(write(tmp_path, dict(export.files)))))


def test_an_org_id_that_is_not_a_uuid_leaves_out_the_guard(tmp_path: Path) -> None:
    export = build_export(make_live(["a@x.io"], org_id="org-1"), only={"users"})
    assert "workspace:" not in export.files["policy.yaml"]
    assert export.notes == ("workspace.org_id left out: 'org-1' is not a UUID",)
    checked(write(tmp_path, dict(export.files)))


def test_a_partial_view_is_noted() -> None:
    live = small_live()
    member = Live(org_id=live.org_id, me_email="bob@acme.com", me_role="EDITOR")
    assert build_export(live).notes == ()
    assert build_export(member).notes == (
        "the token acts as bob@acme.com (EDITOR), neither a workspace token nor an admin:"
        " the export holds only what that user can see",
    )


def test_collection_sharing_is_exported_whole_or_a_dimension_left_alone(tmp_path: Path) -> None:
    """Every dimension of a collection's sharing is written (levels as Hex wrote them, the
    creator marked); a level a manifest cannot hold (spaces) or a principal it cannot name
    leaves that one dimension alone, noted. Either way the export plans as no change."""
    live = make_live(
        users=["alice@acme.com", "bob@acme.com"],
        groups=[LiveGroup(_uuid(1), "Analysts", frozenset({"alice@acme.com"}))],
        collections=[
            LiveCollection(
                _uuid(2),
                "Finance",
                creator="bob@acme.com",
                sharing=LiveCollectionSharing(
                    users=FrozenMap({"bob@acme.com": "MANAGE", "alice@acme.com": "VIEW"}),
                    groups=FrozenMap({"Analysts": "MEMBER"}),
                    workspace="MEMBER",
                ),
            ),
            LiveCollection(
                _uuid(3),
                "Odd",
                sharing=LiveCollectionSharing(
                    users=FrozenMap({"alice@acme.com": "two words"}),
                    groups=FrozenMap({"Analysts": "VIEW"}),
                    workspace="also two",
                ),
            ),
        ],
    )
    export = build_export(live)
    collections = export.files["collections.yaml"]
    assert (
        "  - name: Finance\n    sharing:\n      workspace: MEMBER\n      users:\n"
        "        alice@acme.com: VIEW\n        bob@acme.com: MANAGE  # creator\n"
        "      groups:\n        Analysts: MEMBER\n"
    ) in collections
    assert "      # workspace: left alone, the access level two words" not in collections
    assert "      # workspace: left alone, the access level also two" in collections
    assert "      # users: left alone, alice@acme.com has the access level two words" in collections
    assert "        Analysts: VIEW\n" in collections  # the other dimension is still managed
    notes = "\n".join(export.notes)
    assert f"collection 'Odd' ({_uuid(3)}): sharing.workspace left unmanaged" in notes
    assert f"collection 'Odd' ({_uuid(3)}): sharing.users left unmanaged" in notes
    assert_no_change(plan_against(live, checked(write(tmp_path, dict(export.files)))))


def test_a_collection_level_hexsync_does_not_know_is_declared_so_the_export_validates(
    tmp_path: Path,
) -> None:
    """A level outside hexsync's table is an error unless policy.collection_levels declares it:
    export declares the ones live collections use (and only those), so it still plans clean."""
    live = make_live(
        users=["alice@acme.com"],
        collections=[
            LiveCollection(
                _uuid(2),
                "Finance",
                sharing=LiveCollectionSharing(
                    users=FrozenMap({"alice@acme.com": "Curator"}), workspace="EDITOR"
                ),
            ),
            LiveCollection(
                _uuid(3),
                "Sales",
                sharing=LiveCollectionSharing(users=FrozenMap({"a@x.io": "VIEW"})),
            ),
        ],
    )
    export = build_export(live)
    assert "  collection_levels:\n    - Curator\n    - EDITOR\n" in export.files["policy.yaml"]
    assert_no_change(plan_against(live, checked(write(tmp_path, dict(export.files)))))
    plain = make_live(users=[], collections=[LiveCollection(_uuid(2), "Finance")])
    assert "collection_levels" not in build_export(plain).files["policy.yaml"]
