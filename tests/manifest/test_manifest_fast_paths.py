"""The fast paths of loading (the compiled schema check, marks made on demand, the collector
paused) change nothing that a user sees: the same problems, words and places as the full path."""

from __future__ import annotations

import copy
import gc
import importlib
import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from hexsync.manifest import check, schema
from hexsync.manifest.schema import _compile, _fast_check, _UnsupportedError, _validator
from hexsync.manifest.yamlsafe import Document, FileLimits, paused_gc, read_document
from hexsync.values.desired import Mark

HERE = Path(__file__).parent
BAD = HERE / "bad"
ROOT = HERE.parents[1]
EXAMPLES = ROOT / "examples" / "acme" / "manifests"
CASES = sorted(p.name for p in BAD.iterdir() if not p.name.startswith("."))
# Every problem validate prints for each bad case, recorded before the fast paths existed.
schema_module = importlib.import_module("hexsync.manifest.schema")  # the package exports schema()
MESSAGES: dict[str, list[str]] = json.loads((HERE / "bad_messages.json").read_text("utf-8"))


def _documents(case: Path) -> list[Document]:
    files = sorted(p for p in case.rglob("*") if p.is_file()) if case.is_dir() else [case]
    docs = [read_document(f, f.name, FileLimits()) for f in files]
    return [d for d in docs if isinstance(d, Document)]


def _full_verdict(data: Any) -> bool:
    return next(iter(_validator().iter_errors(data)), None) is None


def test_the_fast_check_is_in_use():
    assert _fast_check() is not None


def test_every_bad_case_has_its_recorded_messages():
    assert sorted(MESSAGES) == CASES


@pytest.mark.parametrize("case", CASES)
def test_bad_case_prints_every_recorded_problem_unchanged(case):
    result = check([BAD / case], relative_to=BAD)
    assert [str(p) for p in result.problems] == MESSAGES[case]


@pytest.mark.parametrize("case", CASES)
def test_bad_case_gets_the_same_problems_without_the_fast_check(case, monkeypatch):
    fast = check([BAD / case], relative_to=BAD)
    monkeypatch.setattr(schema_module, "_fast_check", lambda: None)
    full = check([BAD / case], relative_to=BAD)
    assert fast.problems == full.problems


@pytest.mark.parametrize("case", CASES)
def test_fast_check_agrees_with_the_full_validation_on_bad_cases(case):
    fast = _fast_check()
    assert fast is not None
    for doc in _documents(BAD / case):
        assert fast(doc.data) == _full_verdict(doc.data), doc.file


def test_fast_check_agrees_with_the_full_validation_on_the_examples():
    fast = _fast_check()
    assert fast is not None
    docs = _documents(EXAMPLES)
    assert len(docs) > 3
    for doc in docs:
        assert fast(doc.data) is True
        assert _full_verdict(doc.data) is True


FULL = yaml.safe_load(
    """
version: 1
workspace: {org_id: 5a8591dd-4039-49df-9202-96385ba3eff8}
policy:
  prune: {groups: false, users: true}
  protect: {groups: [Admins], users: [it@acme.com]}
  max_destroy: 10
  allow_public_web: false
  statuses: [Production]
collections:
  - {name: Finance, description: d, id: 0b3f6a51-5b6e-4c43-a4a8-0b1d2b7f3c11}
groups:
  - {name: Analysts, members: [a@acme.com], members_mode: additive, ensure: present}
users:
  - {email: a@acme.com, active: false}
projects:
  - id: 0b3f6a51-5b6e-4c43-a4a8-0b1d2b7f3c11
    title: Revenue
    description: d
    status: Production
    sharing:
      mode: authoritative
      workspace: APP_ONLY
      public_web: NONE
      users: {c@acme.com: CAN_EDIT}
      groups: {Analysts: CAN_VIEW}
      collections: {Finance: FULL_ACCESS}
"""
)

REPLACEMENTS: list[Any] = [
    None, True, 0, -1, 1.0, 1.5, "", " x", "x", "CAN_VIEW", "additive", "absent",
    "a@b.co", "0b3f6a51-5b6e-4c43-a4a8-0b1d2b7f3c11", [], ["x"], {}, {"x": 1},
]  # fmt: skip


def _places(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            found += _places(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            found += _places(value, (*path, index))
    return found


def _replaced(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    out = copy.deepcopy(data)
    parent = out
    for part in path[:-1]:
        parent = parent[part]
    parent[path[-1]] = value
    return out


def _variants() -> list[Any]:
    out: list[Any] = []
    for path in _places(FULL)[1:]:
        out += [_replaced(FULL, path, value) for value in REPLACEMENTS]
        parent = copy.deepcopy(FULL)
        container = parent
        for part in path[:-1]:
            container = container[part]
        if isinstance(container, dict):
            del container[path[-1]]  # a key left out
            out.append(parent)
            renamed = copy.deepcopy(FULL)
            holder = renamed
            for part in path[:-1]:
                holder = holder[part]
            holder[f"{path[-1]}_"] = holder.pop(path[-1])  # an unknown key
            out.append(renamed)
    return out


def test_fast_check_agrees_with_the_full_validation_on_every_one_change_variant():
    fast = _fast_check()
    assert fast is not None
    assert fast(FULL)
    assert _full_verdict(FULL)
    variants = _variants()
    assert len(variants) > 900
    rejected = 0
    for data in variants:
        full = _full_verdict(data)
        rejected += not full
        assert fast(data) == full or (not fast(data) and full and _only_unsure(data)), data
    assert rejected > len(variants) // 2


def _only_unsure(data: Any) -> bool:
    """The fast check may say no where it is not sure: a float that is a whole number."""
    return any(isinstance(v, float) and v.is_integer() for v in _leaves(data))


def _leaves(node: Any) -> list[Any]:
    if isinstance(node, dict):
        return [leaf for v in node.values() for leaf in _leaves(v)]
    if isinstance(node, list):
        return [leaf for v in node for leaf in _leaves(v)]
    return [node]


@pytest.mark.parametrize(
    "fragment",
    [
        {"type": "object", "maxProperties": 3},
        {"$ref": "#/$defs/x", "minItems": 1},
        {"const": [1]},
        {"items": {"uniqueItems": True}},
    ],
)
def test_a_keyword_the_fast_check_does_not_know_disables_it(fragment):
    with pytest.raises(_UnsupportedError):
        _compile(fragment)


def test_properties_without_additional_properties_are_still_checked():
    accept = _compile({"properties": {"a": {"type": "string"}}})
    assert accept({"a": "x", "b": 1})
    assert not accept({"a": 1})


def test_the_fast_check_covers_the_shipped_schema_keywords():
    # Every keyword in the schema is one the fast check knows: compiling it raised nothing.
    assert schema()["$defs"]
    assert _fast_check() is not None


def _doc(tmp_path: Path, text: str) -> Document:
    path = tmp_path / "m.yaml"
    path.write_text(text, encoding="utf-8")
    doc = read_document(path, "m.yaml", FileLimits())
    assert isinstance(doc, Document)
    return doc


def test_marks_are_made_on_demand_for_values_keys_and_missing_paths(tmp_path):
    doc = _doc(
        tmp_path,
        "version: 1\n"
        "groups:\n"
        "  - name: A\n"
        "    members: [a@x.io, b@x.io]\n"
        "projects:\n"
        "  - title: P\n"
        "    sharing:\n"
        "      users: {" + ", ".join(f"u{i}@x.io: NONE" for i in range(12)) + "}\n",
    )
    assert doc.mark(()) == Mark("m.yaml", 1, 1)
    assert doc.mark(("groups", 0)) == Mark("m.yaml", 3, 5)
    assert doc.mark(("groups", 0, "members", 1)) == Mark("m.yaml", 4, 23)
    assert doc.key_mark(("groups", 0, "members")) == Mark("m.yaml", 4, 5)
    # nearest ancestor for what is not there
    assert doc.mark(("groups", 0, "members", 9)) == Mark("m.yaml", 4, 14)
    assert doc.mark(("groups", "0")) == Mark("m.yaml", 3, 3)
    assert doc.key_mark(("groups", 0, "nope")) == Mark("m.yaml", 3, 5)
    # a large mapping is indexed, the answer is the same
    users = ("projects", 0, "sharing", "users")
    assert doc.key_mark((*users, "u11@x.io")).line == 8
    assert doc.key_mark((*users, "u11@x.io")).column > doc.key_mark((*users, "u10@x.io")).column
    assert doc.mark((*users, "u99@x.io")) == doc.mark(users)


def test_marks_of_an_empty_file(tmp_path):
    doc = _doc(tmp_path, "# only a comment\n")
    assert doc.data == {}
    assert doc.mark(("version",)) == Mark("m.yaml", 1, 1)
    assert doc.key_mark(("version",)) == Mark("m.yaml", 1, 1)


def test_an_alias_has_the_mark_of_its_anchor(tmp_path):
    doc = _doc(tmp_path, "a: &x [1, 2]\nb: *x\n")
    assert doc.data == {"a": [1, 2], "b": [1, 2]}
    assert doc.mark(("b", 1)) == doc.mark(("a", 1)) == Mark("m.yaml", 1, 11)
    assert doc.key_mark(("b",)) == Mark("m.yaml", 2, 1)


@pytest.mark.parametrize("enabled", [True, False])
def test_paused_gc_restores_the_collector_as_it_was(enabled):
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        with paused_gc():
            assert not gc.isenabled()
        assert gc.isenabled() is enabled
        with pytest.raises(KeyError), paused_gc():
            raise KeyError
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
