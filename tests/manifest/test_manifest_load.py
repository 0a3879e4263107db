"""Loading manifests: merging files, canonical values, marks, and gathering every problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from hexsync.manifest import ManifestError, check, load
from hexsync.values.desired import UNMANAGED, Access, Ensure, Mode

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "acme" / "manifests"


def _write(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_the_example_manifests_load_into_the_promised_state():
    desired = load([EXAMPLES], relative_to=ROOT)
    assert desired.workspace is not None
    assert desired.workspace.org_id == "5a8591dd-4039-49df-9202-96385ba3eff8"
    assert (len(desired.collections), len(desired.groups)) == (7, 8)
    assert len(desired.projects) == 61
    assert desired.policy.protect_groups == {"Admins"}
    legacy = desired.group("Legacy contractors")
    assert legacy is not None
    assert legacy.ensure is Ensure.ABSENT
    assert desired.files[0] == "examples/acme/manifests/collections.yaml"
    assert "examples/acme/manifests/projects/finance.yaml" in desired.files


def test_order_and_email_case_do_not_change_the_state(tmp_path):
    one = _write(
        tmp_path / "one",
        {
            "m.yaml": "version: 1\n"
            "groups:\n"
            "  - {name: B, members: [Bob@Acme.com, alice@acme.com]}\n"
            "  - {name: A}\n"
            "projects:\n"
            "  - title: P\n"
            "    sharing: {users: {Carol@acme.com: CAN_EDIT}, groups: {A: CAN_VIEW, B: NONE}}\n"
        },
    )
    two = _write(
        tmp_path / "two",
        {
            "a.yaml": "version: 1\ngroups:\n  - {name: A}\n",
            "b.yaml": "groups:\n"
            "  - {name: B, members: [alice@acme.com, bob@acme.com]}\n"
            "projects:\n"
            "  - title: P\n"
            "    sharing: {groups: {B: NONE, A: CAN_VIEW}, users: {carol@acme.com: CAN_EDIT}}\n",
        },
    )
    first, second = load([one]), load([two])
    assert first == second
    assert hash(first.projects[0]) == hash(second.projects[0])
    group = first.group("B")
    assert group is not None
    assert group.members == {"alice@acme.com", "bob@acme.com"}


def test_every_record_knows_where_it_was_declared(tmp_path):
    _write(
        tmp_path,
        {
            "g.yaml": "version: 1\ngroups:\n  - name: Analysts\n    members:\n"
            "      - alice@acme.com\n      - BOB@acme.com\n"
        },
    )
    desired = load([tmp_path], relative_to=tmp_path)
    group = desired.groups[0]
    assert str(group.mark) == "g.yaml:3:5"
    assert str(group.member_marks["bob@acme.com"]) == "g.yaml:6:9"


def test_status_omitted_null_and_named_are_three_different_things(tmp_path):
    _write(
        tmp_path,
        {
            "p.yaml": "version: 1\nprojects:\n"
            "  - title: Omitted\n  - title: Cleared\n    status: null\n"
            "  - title: Named\n    status: Production\n"
        },
    )
    desired = load([tmp_path])
    statuses = {p.title: p.status for p in desired.projects}
    assert statuses == {"Omitted": UNMANAGED, "Cleared": None, "Named": "Production"}


def test_sharing_dimensions_left_out_are_unmanaged(tmp_path):
    _write(
        tmp_path,
        {
            "p.yaml": "version: 1\nprojects:\n  - title: P\n"
            "    sharing: {mode: additive, workspace: APP_ONLY}\n"
        },
    )
    sharing = load([tmp_path]).projects[0].sharing
    assert sharing is not None
    assert sharing.mode is Mode.ADDITIVE
    assert sharing.workspace is Access.APP_ONLY
    assert (sharing.public_web, sharing.users, sharing.groups) == (None, None, None)


def test_problems_in_several_files_are_all_reported(tmp_path):
    _write(
        tmp_path,
        {
            "a.yaml": "version: 1\ngroups:\n  - name: Analysts\n    members: [bob@]\n",
            "b.yaml": "users:\n  - email: mallory@acme.com\n    active: nope\n",
            "c.yaml": "collections:\n  - {name: Finance}\n  - {name: Finance}\n",
        },
    )
    result = check([tmp_path], relative_to=tmp_path)
    assert not result.ok
    assert [(p.file, p.line) for p in result.problems] == [
        ("a.yaml", 4),
        ("b.yaml", 3),
        ("c.yaml", 3),
    ]
    with pytest.raises(ManifestError) as raised:
        load([tmp_path], relative_to=tmp_path)
    assert len(raised.value.problems) == 3
    assert "a.yaml:4:15: groups[0].members[0]: 'bob@' is not an email address" in str(raised.value)


def test_a_duplicate_is_reported_even_when_the_entry_has_another_mistake(tmp_path):
    _write(
        tmp_path,
        {
            "a.yaml": "version: 1\ngroups:\n  - name: Analysts\n"
            "  - name: Analysts\n    members: [nobody]\n"
        },
    )
    messages = [p.message for p in check([tmp_path]).problems]
    assert "'nobody' is not an email address" in messages
    assert any(m.startswith("duplicate group 'Analysts'") for m in messages)


def test_directories_are_read_recursively_in_order_skipping_hidden_and_other_files(tmp_path):
    _write(
        tmp_path,
        {
            "b.yaml": "version: 1\n",
            "a/z.yml": "groups: [{name: Z}]\n",
            "a/notes.txt": "not yaml: [",
            ".hidden/bad.yaml": "not: [valid",
        },
    )
    result = check([tmp_path], relative_to=tmp_path)
    assert result.ok, result.problems
    assert result.files == ("a/z.yml", "b.yaml")


def test_missing_paths_and_empty_directories_are_problems(tmp_path):
    (tmp_path / "empty").mkdir()
    result = check([tmp_path / "nope.yaml", tmp_path / "empty"], relative_to=tmp_path)
    assert [p.message for p in result.problems] == [
        "no such file or directory",
        "no *.yaml or *.yml files in this directory",
    ]


def test_warnings_do_not_fail_the_load(tmp_path):
    _write(
        tmp_path,
        {
            "m.yaml": "version: 1\n"
            "users: [{email: mallory@acme.com, active: false}]\n"
            "groups: [{name: Analysts, members: [mallory@acme.com]}]\n"
        },
    )
    result = check([tmp_path], relative_to=tmp_path)
    assert result.ok
    (warning,) = result.problems
    assert warning.severity == "warning"
    assert str(warning).startswith(
        "m.yaml:3:37: warning: groups[0].members[0]: mallory@acme.com is a member of"
    )
