"""Reading a saved plan safely (hexsync/planning/saved_plan.py): each way a file is refused before
apply reads the workspace, named in one message that says where and what to do.

The messages and hints are what a user sees (``error: MESSAGE``, ``hint: HINT``), so each test
checks them whole: a wrong word, place or count in them fails it. tests/cli/test_hostile_files.py
meets the same files through the command line; these tests call the reader directly.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from hexsync.errors import ConfigError, GuardrailError
from hexsync.planning.saved_plan import (
    MAX_PLAN_BYTES,
    listed,
    parse_plan,
    plan_key,
    read_plan,
    uncovered,
)
from hexsync.values.desired import FrozenMap
from hexsync.values.kinds import Kind
from hexsync.values.plan import (
    Action,
    Change,
    FieldChange,
    LiveRef,
    Plan,
    PlanFileError,
    WorkspaceInfo,
)

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = json.loads((ROOT / "tests" / "render" / "golden" / "rich.json").read_text("utf-8"))
REMADE = "a plan is made by `hexsync plan --out`, never edited; make it again"


def refused(raw: bytes | str) -> PlanFileError:
    with pytest.raises(PlanFileError) as caught:
        parse_plan(raw, source="plan.json")
    return caught.value


def edited(edit: Callable[[dict[str, Any]], object]) -> str:
    """The golden plan (tests/render/golden/rich.json) with one edit, as JSON text."""
    data = copy.deepcopy(GOLDEN)
    edit(data)
    return json.dumps(data, indent=2)


def test_the_golden_plan_reads() -> None:
    assert len(parse_plan(json.dumps(GOLDEN)).changes) == 9


def _drop(data: dict[str, Any], *keys: str) -> None:
    for key in keys:
        del data[key]


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            lambda d: d.update(workspace="acme"),
            "workspace: expected an object, got 'acme'",
        ),
        (
            lambda d: d.update(workspace=[]),
            "workspace: expected an object, got a list",
        ),
        (
            lambda d: d.update(changes={}),
            "changes: expected a list, got an object",
        ),
        (
            lambda d: d["changes"][2].update(name=True),
            "changes[2].name: expected a string, got true",
        ),
        (
            lambda d: d["changes"][5].update(id=5),
            "changes[5].id: expected a string or null, got 5",
        ),
        (
            lambda d: d.update(estimate={"seconds": "soon", "requests": {}, "per_minute": {}}),
            "estimate.seconds: expected number, got 'soon'",
        ),
        (
            lambda d: d["changes"][2]["fields"].append({"path": "owner", "old": None, "new": "m"}),
            "changes[2].fields[3].path: 'owner' is not one of name, description, status, members,"
            " sharing.workspace, sharing.public_web, sharing.users, sharing.groups,"
            " sharing.collections",
        ),
        (
            lambda d: _drop(d["changes"][0], "kind", "id"),
            "changes[0]: missing 'kind', 'id'",
        ),
        (
            # six unknown keys beside four known ones: the first five are named
            lambda d: d["workspace"].update(dict.fromkeys(["ab", "bc", "cd", "de", "ef", "fg"], 1)),
            "workspace: unknown key 'ab', 'bc', 'cd', 'de', 'ef'",
        ),
        (
            lambda d: d["changes"][2].update(name="G" * 1001),
            f"changes[2].name: longer than 1000 characters ('{'G' * 40}…' (1,001 characters))",
        ),
        (
            lambda d: d["changes"][2]["fields"][0].update(rule=""),
            "changes[2].fields[0].rule: must not be empty",
        ),
        (
            lambda d: d["changes"][0].update(source="nowhere"),
            "changes[0].source: 'nowhere' is not in the expected form",
        ),
        (
            lambda d: d["summary"].update(create=-1),
            "summary.create: -1 is out of range",
        ),
        (
            lambda d: d["changes"][2]["fields"][0].update(key="x"),
            "changes[2].fields[0]: a key that does not belong here (key on a scalar path)",
        ),
        (
            lambda d: d["policy"].update(target={"kind": "group"}),
            "policy.target: does not match the plan schema (anyOf)",
        ),
    ],
    ids=[
        "type",
        "type-list",
        "type-object",
        "type-bool",
        "types",
        "type-number",
        "enum",
        "required",
        "unknown-keys",
        "max-length",
        "min-length",
        "pattern",
        "minimum",
        "key-on-scalar",
        "other",
    ],
)
def test_a_plan_outside_the_schema_is_refused_in_words(
    edit: Callable[[dict[str, Any]], object], message: str
) -> None:
    error = refused(edited(edit))
    assert (error.message, error.hint) == (f"plan.json: {message}", REMADE)


@pytest.mark.parametrize(
    ("version", "shown"), [(2, "2"), (True, "true"), (1.0, "1.0"), ("1", "'1'"), (None, "null")]
)
def test_a_plan_of_another_format_version_is_refused_before_the_schema(
    version: object, shown: str
) -> None:
    error = refused(edited(lambda d: d.update(format_version=version, extra=1)))
    assert (error.message, error.hint) == (
        f"plan.json: format_version is {shown}; this hexsync reads the integer 1",
        "make the plan again with this version of hexsync",
    )


def test_a_plan_edited_after_it_was_made_is_refused_by_its_checksum() -> None:
    error = refused(edited(lambda d: d["changes"][8].update(name="carol@acme.com")))
    assert (error.message, error.hint) == (
        "plan.json: checksum mismatch: the plan was changed after it was made",
        "make a new plan with `hexsync plan --out`; never edit a saved plan",
    )


def test_a_json_value_that_is_not_an_object_is_refused() -> None:
    error = refused("[1, 2]")
    assert (error.message, error.hint) == ("plan.json: expected a JSON object, got a list", REMADE)


def test_many_problems_are_counted_and_the_first_ten_shown() -> None:
    def twelve(data: dict[str, Any]) -> None:
        for change in data["changes"]:
            change["name"] = 1
        data["summary"].update(create=-1, delete=-2, update=-3)

    error = refused(edited(twelve))
    shown = [f"  plan.json: changes[{i}].name: expected a string, got 1" for i in range(9)]
    assert error.message.splitlines() == [
        "plan.json: 12 problems against the plan schema:",
        *shown,
        "  plan.json: summary.create: -1 is out of range",
        "  … and 2 more",
    ]
    assert error.hint == REMADE


def test_nan_is_not_json() -> None:
    error = refused('{"format_version": 1, "x": NaN}')
    assert (error.message, error.hint) == ("plan.json: not JSON: NaN is not a JSON value", None)


def test_nesting_too_deep_is_located_at_the_first_bracket_past_the_limit() -> None:
    # Brackets inside strings do not count, closed ones are taken off: the deep run starts at
    # depth 2 (the outer object and the open list of "z"), so its 63rd bracket is level 65.
    head = '{\n  "x": "[{[{",\n  "y": [[], {}],\n  "z": [[], {}, '
    error = refused(head + "[" * 100_000)
    column = len('  "z": [[], {}, ') + 63
    assert (error.message, error.hint) == (
        f"plan.json:4:{column}: nested more than 64 levels deep: not a hexsync plan",
        "a plan nests a few levels deep; make it again with `hexsync plan --out`",
    )


def test_a_file_over_the_cap_is_refused_by_its_size_unread(tmp_path: Path) -> None:
    plan = tmp_path / "plan.json"
    with plan.open("wb") as handle:  # sparse: no disk used
        handle.truncate(MAX_PLAN_BYTES + 150_040)  # 50.15004 MB: shown rounded, 50.2
    with pytest.raises(PlanFileError) as caught:
        read_plan(plan)
    assert (caught.value.message, caught.value.hint) == (
        f"{plan}: the file is 50.2 MB; saved plans are limited to 50 MB",
        "check that this is a plan made by `hexsync plan --out`",
    )


@pytest.mark.parametrize(
    ("count", "shown"),
    [
        (1, ["  line 0"]),
        (20, [f"  line {i}" for i in range(20)]),
        (21, [f"  line {i}" for i in range(20)] + ["  … and 1 more"]),
        (25, [f"  line {i}" for i in range(20)] + ["  … and 5 more"]),
    ],
)
def test_listed_shows_twenty_lines_and_counts_the_rest(count: int, shown: list[str]) -> None:
    """The gate lists a saved plan's uncovered changes and differences this way."""
    assert listed([f"line {i}" for i in range(count)]).split("\n") == shown


def test_a_missing_top_level_key_is_named_at_the_top_level() -> None:
    error = refused(edited(lambda d: _drop(d, "relied_on", "warnings")))
    assert error.message == "plan.json: (top level): missing 'relied_on', 'warnings'"


def test_bytes_that_are_not_utf8_are_located() -> None:
    error = refused(b'{\n  "format_version": 1,\n  "x": "\xff"\n}\n')
    assert (error.message, error.hint) == (
        "plan.json:3:9: not valid UTF-8: byte 0xff",
        "a plan is UTF-8 JSON written by `hexsync plan --out`; make it again",
    )


def test_text_that_is_not_json_is_located() -> None:
    error = refused('{\n  "format_version": 1,\n  oops\n}\n')
    assert (error.message, error.hint) == (
        "plan.json:3:3: not JSON: Expecting property name enclosed in double quotes",
        None,
    )


# ------------------------------------------------------------------------------------ the file


def test_a_file_of_exactly_the_cap_is_read_to_its_last_byte(tmp_path: Path) -> None:
    # Sparse: NUL bytes (valid UTF-8) then one byte that is not UTF-8, found only by reading
    # the whole file; a byte more and the size alone refuses it.
    plan = tmp_path / "plan.json"
    with plan.open("wb") as handle:
        handle.truncate(MAX_PLAN_BYTES - 1)
        handle.seek(MAX_PLAN_BYTES - 1)
        handle.write(b"\xff")
    with pytest.raises(PlanFileError) as caught:
        read_plan(plan)
    assert caught.value.message == f"{plan}:1:50000000: not valid UTF-8: byte 0xff"
    with plan.open("ab") as handle:
        handle.write(b" ")
    with pytest.raises(PlanFileError) as caught:
        read_plan(plan)
    assert caught.value.message == f"{plan}: the file is 50.0 MB; saved plans are limited to 50 MB"


def test_a_plan_text_of_exactly_the_cap_is_parsed_and_one_character_more_is_not() -> None:
    # As the MCP server's plan argument, which has no file (and no name: "plan").
    with pytest.raises(PlanFileError) as caught:
        parse_plan("\0" * MAX_PLAN_BYTES)
    assert caught.value.message == "plan:1:1: not JSON: Expecting value"
    with pytest.raises(PlanFileError) as caught:
        parse_plan("\0" * (MAX_PLAN_BYTES + 1))
    assert (caught.value.message, caught.value.hint) == (
        "plan: the file is 50.0 MB; saved plans are limited to 50 MB",
        "check that this is a plan made by `hexsync plan --out`",
    )


def test_a_file_that_grows_after_its_size_was_checked_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The size is read first, then at most one byte more than the cap: a file that someone
    # appends to in between is still refused, by what was read.
    plan = tmp_path / "plan.json"
    with plan.open("wb") as handle:
        handle.truncate(MAX_PLAN_BYTES + 150_040)
    real_stat = Path.stat

    def small(self: Path, **kwargs: Any) -> Any:
        found = real_stat(self, **kwargs)
        if self != plan:
            return found
        return os.stat_result((found.st_mode, *found[1:6], 100, *found[7:]))

    monkeypatch.setattr(Path, "stat", small)
    with pytest.raises(PlanFileError) as caught:
        read_plan(plan)
    assert (caught.value.message, caught.value.hint) == (
        f"{plan}: the file is 50.0 MB; saved plans are limited to 50 MB",
        "check that this is a plan made by `hexsync plan --out`",
    )


def test_a_directory_is_not_a_plan(tmp_path: Path) -> None:
    with pytest.raises(PlanFileError) as caught:
        read_plan(tmp_path)
    assert (caught.value.message, caught.value.hint) == (
        f"{tmp_path}: not a regular file",
        "give the plan.json file",
    )


def test_a_missing_file_is_named_with_the_reason(tmp_path: Path) -> None:
    with pytest.raises(PlanFileError) as caught:
        read_plan(tmp_path / "plan.json")
    assert caught.value.message == (
        f"{tmp_path / 'plan.json'}: cannot read the plan: No such file or directory"
    )


# ------------------------------------------------------------------------------------ signature

KEY = b"correct horse battery staple 7f3a"
SIGNED = Plan.from_data(GOLDEN).signed(KEY).dumps()
UNSIGNED = Plan.from_data(GOLDEN).dumps()


@pytest.mark.parametrize(
    ("text", "key", "message", "hint"),
    [
        (
            SIGNED,
            None,
            "plan.json: the plan is signed, but HEXSYNC_PLAN_KEY is not set here, so the signature"
            " cannot be checked; nothing was applied",
            "set HEXSYNC_PLAN_KEY to the key the plan was made with",
        ),
        (
            UNSIGNED,
            KEY,
            "plan.json: the plan is not signed, and HEXSYNC_PLAN_KEY is set: only signed plans are"
            " applied; nothing was applied",
            "make the plan with HEXSYNC_PLAN_KEY set (`hexsync plan --out`), then apply that",
        ),
        (
            SIGNED,
            b"another key entirely",
            "plan.json: the signature does not match: the plan was changed after it was signed,"
            " or signed with another key; nothing was applied",
            "make a new plan with the HEXSYNC_PLAN_KEY of this pipeline, review it, and apply that",
        ),
    ],
    ids=["key-unset", "unsigned", "wrong-key"],
)
def test_a_signature_that_cannot_be_verified_refuses_the_plan(
    text: str, key: bytes | None, message: str, hint: str
) -> None:
    with pytest.raises(GuardrailError) as caught:
        parse_plan(text, source="plan.json", key=key)  # verifies unless told not to
    assert (caught.value.message, caught.value.hint) == (message, hint)


def test_a_signed_plan_is_shown_without_its_key(tmp_path: Path) -> None:
    # `hexsync show` and `access --as-planned` read a signed plan with verify=False: no key.
    plan = tmp_path / "plan.json"
    plan.write_text(SIGNED, "utf-8")
    assert len(read_plan(plan, verify=False).changes) == 9
    assert len(read_plan(plan, key=KEY).changes) == 9


@pytest.mark.parametrize(
    ("environ", "key"),
    [({}, None), ({"HEXSYNC_PLAN_KEY": "clé 7f3a"}, "clé 7f3a".encode())],
)
def test_the_key_comes_from_the_environment(environ: dict[str, str], key: bytes | None) -> None:
    assert plan_key(environ) == key


def test_the_key_is_read_from_the_process_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HEXSYNC_PLAN_KEY", "from the environment")
    assert plan_key() == b"from the environment"
    monkeypatch.delenv("HEXSYNC_PLAN_KEY")
    assert plan_key() is None


@pytest.mark.parametrize("value", ["", "  \t"])
def test_an_empty_key_is_refused(value: str) -> None:
    with pytest.raises(ConfigError) as caught:
        plan_key({"HEXSYNC_PLAN_KEY": value})
    assert (caught.value.message, caught.value.hint) == (
        "HEXSYNC_PLAN_KEY is set but empty",
        "set a long random key, or unset HEXSYNC_PLAN_KEY",
    )


# ------------------------------------------------------------------------------------ summary


def test_a_summary_that_is_not_the_changes_own_is_refused() -> None:
    # A CI gate reading `.summary.destructive` must not be told 0; the checksum is recomputed.
    data = copy.deepcopy(GOLDEN)
    data["summary"]["destructive"] = 0
    body = {k: v for k, v in data.items() if k not in ("checksum", "signature")}
    canonical = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    data["checksum"] = hashlib.sha256(canonical.encode("utf-8")).hexdigest()
    error = refused(json.dumps(data))
    assert (error.message, error.hint) == (
        "plan.json: summary.destructive is 0, but the changes make it 6: the plan was changed"
        " after it was made",
        "make a new plan with `hexsync plan --out`; never edit a saved plan",
    )


# ------------------------------------------------------------------------------------ coverage
# `uncovered`: every change must be covered by what the plan itself says it read (relied_on),
# so that apply's stale check, which compares relied_on with the workspace, proves each old
# value still holds. A saved plan edited to add a change or alter an old value fails here.

PID = "0b3f6a51-5b6e-4c43-a4a8-0b1d2b7f3c11"


def gaps(*changes: Change, relied: tuple[LiveRef, ...] = ()) -> list[str]:
    return uncovered(Plan(WorkspaceInfo("http://127.0.0.1", "org"), changes, relied))


def ref(kind: str, name: str, ident: str, /, **fields: str) -> LiveRef:
    return LiveRef(
        Kind(kind), name, ident, FrozenMap({k.replace("_", "."): v for k, v in fields.items()})
    )


def update(kind: str, name: str, ident: str, *fields: FieldChange) -> Change:
    return Change(Kind(kind), Action.UPDATE, name, ident, fields)


def test_changes_hexsync_never_plans_are_named_and_each_other_change_still_checked() -> None:
    found = gaps(
        Change(Kind.PROJECT, Action.DELETE, "Revenue overview", PID),
        Change(Kind.GROUP, Action.CREATE, "Partners", "g-partners"),
        update("group", "Analysts", "g-analysts"),
        Change(Kind.GROUP, Action.DELETE, "Temp", "g-admins"),
        Change(Kind.USER, Action.DEACTIVATE, "erin@acme.com", "u-erin"),
        relied=(ref("group", "Admins", "g-admins", members="alice@acme.com"),),
    )
    assert found == [
        f"project:{PID} (delete): hexsync never plans a delete of a project",
        "group:Partners (create): a create cannot name an existing id",
        "group:Analysts (update): no relied_on entry for this group",
        "group:Temp (delete): relied_on reads this id as 'Admins'",
        "user:erin@acme.com (deactivate): no relied_on entry for this user",
    ]


def test_every_old_value_must_be_one_the_plan_read() -> None:
    found = gaps(
        update("group", "Analysts", "g-1", FieldChange("members", None, "member", "carol@a.io")),
        update(
            "project",
            "Revenue overview",
            PID,
            FieldChange("status", None, "Production"),
            FieldChange("sharing.users", None, "CAN_VIEW", "dave@a.io"),
            FieldChange("sharing.groups", "CAN_VIEW", "FULL_ACCESS", "Analysts"),
        ),
        relied=(
            ref("group", "Analysts", "g-1", name="Analysts"),
            ref("project", "Revenue overview", PID, sharing_groups="Analysts=CAN_EDIT"),
        ),
    )
    assert found == [
        "group:Analysts (update): members['carol@a.io']: relied_on did not read it",
        f"project:{PID} (update): status: relied_on did not read it",
        f"project:{PID} (update): sharing.users['dave@a.io']: relied_on did not read it",
        f"project:{PID} (update): sharing.groups['Analysts']: the plan says it was 'CAN_VIEW', "
        "relied_on read 'CAN_EDIT'",
    ]


def test_a_group_is_deleted_only_with_its_members_read() -> None:
    legacy = Change(Kind.GROUP, Action.DELETE, "Legacy", "g-legacy")
    assert gaps(legacy, relied=(ref("group", "Legacy", "g-legacy", name="Legacy"),)) == [
        "group:Legacy (delete): relied_on did not read the members of the group it deletes"
    ]
    assert gaps(legacy, relied=(ref("group", "Legacy", "g-legacy", members="dave@a.io"),)) == []


def test_emails_match_in_any_case_and_names_exactly() -> None:
    found = gaps(
        Change(Kind.USER, Action.DEACTIVATE, "Mallory@Acme.com", "u-mallory"),
        update(
            "project",
            "Revenue overview",
            PID,
            FieldChange("sharing.users", "CAN_EDIT", None, "Erin@Acme.com"),
            # two groups whose names differ only in case: each is read as itself
            FieldChange("sharing.groups", "CAN_VIEW", None, "Analysts"),
        ),
        update("group", "analysts", "g-1"),
        relied=(
            ref("user", "mallory@acme.com", "u-mallory", email="mallory@acme.com"),
            ref(
                "project",
                "Revenue overview",
                PID,
                sharing_users="erin@acme.com=CAN_EDIT",
                sharing_groups="Analysts=CAN_VIEW\nanalysts=CAN_EDIT",
            ),
            ref("group", "Analysts", "g-1", name="Analysts"),
        ),
    )
    assert found == ["group:analysts (update): relied_on reads this id as 'Analysts'"]


def test_a_rename_in_the_plan_is_followed_into_the_sharing_that_uses_the_new_name() -> None:
    # The project's sharing already names the group and the collection by their new names; what
    # the plan read of it has the old ones. A level in a name that holds "=" is split at the last.
    found = gaps(
        update(
            "group",
            "Data = analysts",
            "g-1",
            FieldChange("name", "Analysts = data", "Data = analysts"),
        ),
        update("collection", "Finance", "c-1", FieldChange("name", "Finance team", "Finance")),
        update(
            "project",
            "Revenue overview",
            PID,
            FieldChange("name", "Revenue overview", "Revenue summary"),
            FieldChange("sharing.groups", "CAN_VIEW", "CAN_EDIT", "Data = analysts"),
            FieldChange("sharing.collections", "APP_ONLY", "CAN_VIEW", "Finance"),
        ),
        relied=(
            ref("group", "Analysts = data", "g-1", name="Analysts = data"),
            ref("collection", "Finance team", "c-1", name="Finance team"),
            ref(
                "project",
                "Revenue overview",
                PID,
                title="Revenue overview",
                sharing_groups="Analysts = data=CAN_VIEW",
                sharing_collections="Finance team=APP_ONLY",
            ),
        ),
    )
    assert found == []


def test_a_rename_that_hides_the_old_name_does_not_hide_a_level() -> None:
    found = gaps(
        update("group", "Admins", "g-1", FieldChange("name", None, "Admins")),
        update(
            "project",
            "Revenue overview",
            PID,
            FieldChange("sharing.groups", None, "CAN_VIEW", "Admins"),
        ),
        relied=(
            ref("group", "Analysts", "g-1", name="Analysts"),
            ref("project", "Revenue overview", PID, sharing_groups="Admins=FULL_ACCESS"),
        ),
    )
    assert found == [
        "group:Admins (update): relied_on reads this id as 'Analysts'",
        f"project:{PID} (update): sharing.groups['Admins']: the plan says it was null, "
        "relied_on read 'FULL_ACCESS'",
    ]
