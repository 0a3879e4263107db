"""``data.classes`` and rules' ``reads:`` in manifests (docs/data.md): each bad glob and each
unknown class is a located problem, found by ``validate`` before anything is read."""

from __future__ import annotations

from pathlib import Path

import pytest

from hexsync.manifest import ManifestError, load
from hexsync.values.data_classes import classes_of
from hexsync.values.tables import TableRef

GOOD = """\
version: 1
data:
  classes:
    pii: ["App DB:public.users", "Lake:*.customers*"]
rules:
  - name: pii-private
    match: {reads: {class: pii, table: ["Lake:raw.*", "App DB:public.*"]}}
    enforce: check
    sharing: {mode: authoritative, workspace: NONE}
"""


def _problems(tmp_path: Path, text: str) -> list[str]:
    (tmp_path / "m.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(ManifestError) as caught:
        load([tmp_path / "m.yaml"], relative_to=tmp_path)
    return [str(p).split("\n")[0] for p in caught.value.problems]


def test_classes_are_read_with_their_places_and_match_tables_in_any_case(tmp_path: Path) -> None:
    (tmp_path / "m.yaml").write_text(GOOD, encoding="utf-8")
    desired = load([tmp_path / "m.yaml"], relative_to=tmp_path)
    (users, customers) = desired.classes["pii"]
    assert (users.connection, users.glob, str(users.mark)) == (
        "App DB",
        "public.users",
        "m.yaml:4:11",
    )
    assert str(customers.mark) == "m.yaml:4:34"
    tables = [
        TableRef("Lake", "RAW.Customers_2024"),
        TableRef("Lake", "raw.orders"),
        TableRef("App DB", "public.users"),
    ]
    found = classes_of(desired.classes, tables)
    assert found == {"pii": (tables[0], tables[2])}
    # Another connection's table of the same name is not the class's.
    assert classes_of(desired.classes, [TableRef("Lake", "public.users")]) == {}


def test_each_bad_glob_and_unknown_class_is_located(tmp_path: Path) -> None:
    text = """\
version: 1
data:
  classes:
    pii: ["App DB", "Lake:", ":raw.users", "Lake:raw.[ab"]
rules:
  - name: r
    match: {reads: {class: pi}}
    enforce: check
    sharing: {mode: authoritative, workspace: NONE}
  - name: t
    match: {reads: {table: "Lake raw.*"}}
    enforce: check
    sharing: {mode: authoritative, workspace: NONE}
"""
    assert _problems(tmp_path, text) == [
        "m.yaml:4:11: data.classes.pii[0]: data class 'pii': 'App DB' is not"
        " a table glob: it has no ':' between the connection and the table",
        "m.yaml:4:21: data.classes.pii[1]: data class 'pii': 'Lake:' is not"
        " a table glob: it names no table after the ':'",
        "m.yaml:4:30: data.classes.pii[2]: data class 'pii': ':raw.users' is not"
        " a table glob: it names no connection before the ':'",
        "m.yaml:4:44: data.classes.pii[3]: data class 'pii': 'Lake:raw.[ab' is not"
        " a table glob: a '[' in the table's glob is not closed by one ']'",
        "m.yaml:7:20: rules[0].match.reads: reads class 'pi' is not"
        " a class of data.classes (declared: 'pii')",
        "m.yaml:11:28: rules[1].match.reads.table: reads table 'Lake raw.*' is not"
        " a table glob: it has no ':' between the connection and the table",
    ]


def test_a_class_is_declared_once_across_files(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(
        'version: 1\ndata: {classes: {pii: ["A:b.c"]}}\n', encoding="utf-8"
    )
    (tmp_path / "b.yaml").write_text('data: {classes: {pii: ["A:d.e"]}}\n', encoding="utf-8")
    with pytest.raises(ManifestError) as caught:
        load([tmp_path], relative_to=tmp_path)
    (problem,) = caught.value.problems
    assert problem.message == "duplicate data class 'pii'; first declared at a.yaml:2:18"


def test_a_users_rule_cannot_match_on_reads(tmp_path: Path) -> None:
    text = """\
version: 1
data: {classes: {pii: ["A:b.c"]}}
rules:
  - name: u
    users: {active: false}
    match: {reads: {class: pii}}
"""
    (problem,) = _problems(tmp_path, text)
    assert "'reads' is a condition on projects" in problem
