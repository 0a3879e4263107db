"""Decisions manifest/build.py takes that a wrong one would hide: every problem said (not only
the first), where it is, what the admin reads, and what the desired state holds."""

from __future__ import annotations

from pathlib import Path

from hexsync.manifest import check, load
from hexsync.manifest.build import ParsedDocument, build_desired
from hexsync.manifest.load import DEFAULT_LIMITS
from hexsync.manifest.problems import Problem
from hexsync.manifest.schema import schema_problems
from hexsync.manifest.yamlsafe import read_document

NFC = "Caf\u00e9"  # é as one code point
NFD = "Cafe\u0301"  # e and a combining accent: looks the same, another name to Hex


def _check(tmp_path: Path, **files: str) -> list[str]:
    for name, text in files.items():
        (tmp_path / f"{name}.yaml").write_text(text, encoding="utf-8")
    paths = [tmp_path / f"{name}.yaml" for name in files]
    return [str(p) for p in check(paths, relative_to=tmp_path).problems]


def test_a_status_nothing_like_a_known_one_is_told_to_be_added_to_the_policy(tmp_path):
    text = (
        "version: 1\npolicy: {statuses: [Exploratory, Production]}\n"
        "projects:\n  - {title: P, status: Archived}\n"
    )
    assert _check(tmp_path, m=text) == [
        "m.yaml:4:24: projects[0].status: status 'Archived' is not one of policy.statuses"
        " (Exploratory, Production)\n  hint: add it to policy.statuses"
    ]


def test_every_duplicate_member_is_said_not_only_the_first(tmp_path):
    text = (
        "version: 1\ngroups:\n  - name: G\n    members:\n"
        "      - a@acme.com\n      - A@acme.com\n      - b@acme.com\n      - B@acme.com\n"
    )
    problems = _check(tmp_path, m=text)
    assert [p.split("\n")[0] for p in problems] == [
        "m.yaml:6:9: groups[0].members[1]: A@acme.com is listed twice in group 'G';"
        " first at m.yaml:5:9",
        "m.yaml:8:9: groups[0].members[3]: B@acme.com is listed twice in group 'G';"
        " first at m.yaml:7:9",
    ]


def test_a_duplicate_collection_name_names_both_places(tmp_path):
    text = "version: 1\ncollections:\n  - name: Finance\n  - name: Finance\n"
    assert _check(tmp_path, m=text) == [
        "m.yaml:4:5: collections[1]: duplicate collection 'Finance'; first declared at m.yaml:3:5"
        "\n  hint: each one may be declared once across all manifest files; remove or merge one"
    ]


def test_an_empty_file_does_not_stop_the_next_ones_being_read(tmp_path):
    (tmp_path / "a.yaml").write_text("", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("version: 1\ngroups:\n  - name: G\n", encoding="utf-8")
    desired = load([tmp_path / "a.yaml", tmp_path / "b.yaml"], relative_to=tmp_path)
    assert [g.name for g in desired.groups] == ["G"]


def test_a_policy_is_still_checked_beside_a_second_or_broken_workspace_block(tmp_path):
    org = "5a8591dd-4039-49df-9202-96385ba3eff8"
    rest = "policy: {protect: {groups: [G]}}\ngroups:\n  - {name: G, ensure: absent}\n"
    protected = (
        "groups[0].ensure: group 'G' is protected by policy.protect.groups"
        " but marked 'ensure: absent'"
    )
    twice = _check(
        tmp_path,
        a=f"version: 1\nworkspace: {{org_id: {org}}}\n",
        b=f"workspace: {{org_id: {org}}}\n{rest}",
    )
    assert [p.split("\n")[0] for p in twice] == [
        "b.yaml:1:1: workspace: duplicate 'workspace' block; first declared at a.yaml:2:1",
        f"b.yaml:4:23: {protected}",
    ]
    (tmp_path / "other").mkdir()
    broken = _check(tmp_path / "other", c=f"version: 1\nworkspace: 5\n{rest}")
    assert len(broken) == 2, broken
    assert protected in broken[1]


def test_two_pinned_projects_may_share_a_title(tmp_path):
    text = (
        "version: 1\nprojects:\n"
        "  - {id: 0b000000-0000-4000-8000-000000000001, title: Weekly report}\n"
        "  - {id: 0b000000-0000-4000-8000-000000000002, title: Weekly report}\n"
    )
    assert _check(tmp_path, m=text) == []


def test_projects_are_held_in_title_order_when_unpinned(tmp_path):
    text = "version: 1\nprojects:\n  - {title: Zeta}\n  - {title: Alpha}\n"
    (tmp_path / "m.yaml").write_text(text, encoding="utf-8")
    assert [p.title for p in load([tmp_path / "m.yaml"]).projects] == ["Alpha", "Zeta"]


def test_names_that_only_look_the_same_are_a_warning_with_both_places(tmp_path):
    text = f"version: 1\ngroups:\n  - name: {NFC}\n  - name: {NFD}\n"
    assert _check(tmp_path, m=text) == [
        f"m.yaml:4:5: warning: groups[1]: group '{NFD}' looks the same as the one declared at"
        " m.yaml:3:5, but its letters are encoded differently (Unicode NFC and NFD forms): they"
        " are two different names\n  hint: retype one of them so both are the same text"
    ]


def test_a_group_and_a_collection_may_share_a_look(tmp_path):
    text = f"version: 1\ngroups:\n  - name: {NFC}\ncollections:\n  - name: {NFD}\n"
    assert _check(tmp_path, m=text) == []


def test_a_policy_block_leaves_unsaid_switches_off_as_booleans(tmp_path):
    # The saved plan carries them as JSON booleans (schemas/plan.schema.json): never null.
    (tmp_path / "m.yaml").write_text("version: 1\npolicy: {max_destroy: 3}\n", encoding="utf-8")
    policy = load([tmp_path / "m.yaml"]).policy
    assert (policy.prune_groups, policy.prune_users, policy.allow_public_web) == (
        False,
        False,
        False,
    )
    assert all(
        type(v) is bool for v in (policy.prune_groups, policy.prune_users, policy.allow_public_web)
    )


def _parsed(path: Path, text: str) -> ParsedDocument:
    path.write_text(text, encoding="utf-8")
    doc = read_document(path, path.name, DEFAULT_LIMITS)
    assert not isinstance(doc, Problem), doc
    _, bad = schema_problems(doc)
    return ParsedDocument(doc, bad)


def test_build_desired_gives_no_state_when_there_is_an_error(tmp_path):
    parsed = _parsed(tmp_path / "m.yaml", "version: 1\ngroups:\n  - name: G\n  - name: G\n")
    desired, problems = build_desired([parsed])
    assert desired is None
    assert [p.message for p in problems] == ["duplicate group 'G'; first declared at m.yaml:3:5"]


def test_build_desired_reads_every_file_by_default_so_a_missing_version_is_said(tmp_path):
    desired, problems = build_desired([_parsed(tmp_path / "m.yaml", "groups:\n  - name: G\n")])
    assert desired is None
    assert [p.message for p in problems] == ["no manifest file declares 'version: 1'"]


def test_an_unknown_collection_level_is_refused_at_its_own_line(tmp_path):
    text = (
        "version: 1\ncollections:\n  - name: Finance\n    sharing:\n"
        "      users: {}\n      workspace: CAN_VIEWW\n"
    )
    assert _check(tmp_path, m=text) == [
        "m.yaml:6:18: collections[0].sharing.workspace: collection 'Finance':"
        " 'CAN_VIEWW' is not a collection level (MANAGE, MEMBER, NONE, VIEW)"
        "\n  hint: did you mean 'VIEW'? (or, if Hex has this level, declare it under"
        " policy.collection_levels)"
    ]


def test_a_bad_regex_inside_any_of_and_except_not_is_located_by_its_whole_path(tmp_path):
    text = (
        "version: 1\nrules:\n  - name: r\n"
        '    match: {any_of: [{title_regex: "(["}]}\n'
        '    except: {not: {title_regex: "a("}}\n'
        "    sharing: {groups: {Admins: CAN_VIEW}}\n"
    )
    assert _check(tmp_path, m=text) == [
        "m.yaml:4:36: rules[0].match.any_of[0].title_regex: title_regex '([' is not a pattern"
        " hexsync can match in linear time (RE2 syntax: no backreferences or lookaround):"
        " missing ]: [",
        "m.yaml:5:33: rules[0].except.not.title_regex: title_regex 'a(' is not a pattern"
        " hexsync can match in linear time (RE2 syntax: no backreferences or lookaround):"
        " missing ): a(",
    ]


def test_a_collection_level_unlike_any_known_is_refused_unless_declared(tmp_path):
    text = (
        "version: 1\ncollections:\n  - name: F\n    sharing:\n"
        "      users: {bob@acme.com: Curator}\n"
    )
    assert _check(tmp_path, m=text) == [
        "m.yaml:5:15: collections[0].sharing.users[\"bob@acme.com\"]: collection 'F':"
        " 'Curator' is not a collection level (MANAGE, MEMBER, NONE, VIEW)"
        "\n  hint: write one of MANAGE, MEMBER, NONE, VIEW, or, if Hex has this level, declare"
        " it under policy.collection_levels"
    ]
    declared = text.replace("version: 1\n", "version: 1\npolicy: {collection_levels: [Curator]}\n")
    assert _check(tmp_path, m=declared) == []


def test_a_collection_shared_with_a_deactivated_user_and_every_duplicate_share_are_said(tmp_path):
    text = (
        "version: 1\nusers:\n  - {email: erin@acme.com, active: false}\n"
        "collections:\n  - name: F\n    sharing:\n      users: {erin@acme.com: VIEW}\n"
        "projects:\n  - title: P\n    sharing:\n      users: {a@acme.com: CAN_VIEW,"
        " A@acme.com: CAN_VIEW, b@acme.com: CAN_VIEW, B@acme.com: CAN_VIEW}\n"
    )
    assert [p.split("\n")[0] for p in _check(tmp_path, m=text)] == [
        "m.yaml:7:15: warning: collections[0].sharing.users[\"erin@acme.com\"]: collection 'F'"
        " is shared with erin@acme.com, who is deactivated under users",
        'm.yaml:11:37: projects[0].sharing.users["A@acme.com"]: A@acme.com is listed twice in'
        " sharing.users; first at m.yaml:11:15",
        'm.yaml:11:81: projects[0].sharing.users["B@acme.com"]: B@acme.com is listed twice in'
        " sharing.users; first at m.yaml:11:59",
    ]


def test_a_file_that_is_not_a_mapping_does_not_hide_the_next_files_problems(tmp_path):
    problems = _check(tmp_path, a="- a\n", b="version: 1\ngroups:\n  - name: G\n  - name: G\n")
    assert [p.split("\n")[0] for p in problems] == [
        "a.yaml:1:1: expected a mapping, got a list",
        "b.yaml:4:5: groups[1]: duplicate group 'G'; first declared at b.yaml:3:5",
    ]


def test_match_limits_and_protected_statuses_are_read_as_written(tmp_path: Path) -> None:
    text = (
        "version: 1\npolicy:\n  max_rule_matches: 80%\n  protected_statuses: [Certified]\n"
        "rules:\n  - name: a\n    match: {all: true}\n    max_matches: 100%\n"
        "    sharing: {groups: {Admins: CAN_VIEW}}\n"
        "  - name: b\n    match: {all: true}\n    max_matches: 7\n"
        "    sharing: {groups: {Admins: CAN_VIEW}}\n"
        "  - name: c\n    match: {all: true}\n    sharing: {groups: {Admins: CAN_VIEW}}\n"
    )
    (tmp_path / "m.yaml").write_text(text, encoding="utf-8")
    desired = load([tmp_path / "m.yaml"], relative_to=tmp_path)
    assert (desired.policy.max_rule_matches, desired.policy.max_rule_share) == (None, 80)
    assert desired.policy.protected_statuses == frozenset({"Certified"})
    a, b, c = desired.rules
    assert (a.max_matches, a.max_share) == (None, 100)
    assert (b.max_matches, b.max_share) == (7, None)
    assert (c.max_matches, c.max_share) == (None, None)
    counted = text.replace("max_rule_matches: 80%", "max_rule_matches: 12")
    (tmp_path / "m.yaml").write_text(counted, encoding="utf-8")
    policy = load([tmp_path / "m.yaml"], relative_to=tmp_path).policy
    assert (policy.max_rule_matches, policy.max_rule_share) == (12, None)
    assert load([tmp_path / "m.yaml"], relative_to=tmp_path).policy.protected_statuses == {
        "Certified"
    }
    bare = "version: 1\n"
    (tmp_path / "m.yaml").write_text(bare, encoding="utf-8")
    assert load([tmp_path / "m.yaml"], relative_to=tmp_path).policy.protected_statuses is None


def test_a_share_over_a_hundred_percent_is_a_located_schema_error(tmp_path: Path) -> None:
    text = (
        "version: 1\nrules:\n  - name: a\n    match: {all: true}\n    max_matches: 150%\n"
        "    sharing: {groups: {Admins: CAN_VIEW}}\n"
    )
    [problem] = _check(tmp_path, m=text)
    assert problem == (
        "m.yaml:5:18: rules[0].max_matches: '150%' is not a number of projects or a"
        " percentage from 0% to 100%"
    )
