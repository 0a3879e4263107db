"""The language of ``policies:`` (hexsync.values.policy_expr): what an expression may read,
where an error is, and what a message says; and ``hexsync policy test`` on example tests."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from hexsync.cli.main import cli
from hexsync.manifest import check
from hexsync.values.policy_expr import (
    ENGINES,
    ExpressionError,
    compile_expression,
    message_fields,
    probe,
    render_message,
)
from hexsync.values.policy_expr import check as reads_of

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "policies"


def test_what_an_expression_reads() -> None:
    assert reads_of('principal.role == "GUEST" && rank >= 3') == {
        ("principal", "role"),
        ("rank", None),
    }
    assert reads_of('via.exists(v, v.startsWith("group Contractors")) && level == "CAN_EDIT"') == {
        ("via", None),
        ("level", None),
    }
    # a whole value, a method on it, a name inside a string, a comment: read as they are
    assert reads_of("principal == {} || object.title.size() > 3") == {
        ("principal", None),
        ("object", "title"),
    }
    assert reads_of('"principal.rol" == object.id // principal.nothing') == {("object", "id")}
    assert reads_of("has(object.status) && now > timestamp('2026-01-01T00:00:00Z')") == {
        ("object", "status"),
        ("now", None),
    }
    assert reads_of(r"r'a\' == object.name") == {("object", "name")}


@pytest.mark.parametrize(
    ("text", "line", "column", "message", "hint"),
    [
        ('principal.rol == "GUEST"', 1, 11, "principal has no field 'rol'", "did you mean 'role'?"),
        ("rank >= 3 &&\n  object.titel != ''", 2, 10, "object has no field 'titel'", None),
        ("principle.kind == 'user'", 1, 1, "unknown name 'principle'", "did you mean 'principal'?"),
        ("has(principal.x)", 1, 15, "principal has no field 'x'", None),
        ("level.name == 'x'", 1, 7, "'level' is text: it has no field 'name'", None),
        ("via.exists(object, true)", 1, 12, "'object' is a field of the grant", None),
        ("rank >= 3 && (rank", 1, 19, "missing ')'", None),
    ],
)
def test_an_error_is_placed_at_its_character(
    text: str, line: int, column: int, message: str, hint: str | None
) -> None:
    for engine in ENGINES:
        with pytest.raises(ExpressionError) as caught:
            compile_expression(text, engine)
        if engine == "cel-python" and "syntax error" in caught.value.message:
            continue  # its parser places a syntax error elsewhere, and says less
        assert (caught.value.line, caught.value.column) == (line, column), engine
        assert message in caught.value.message
        if hint is not None:
            assert caught.value.hint == hint


@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_the_probe_finds_what_fails_on_every_grant_of_a_kind(engine: str) -> None:
    assert probe(compile_expression('principal.role == "GUEST" && rank >= 3', engine)) is None
    unguarded = probe(compile_expression("principal.last_login < now", engine))
    assert unguarded is not None
    assert unguarded[0] == "group"
    guarded = 'principal.kind == "user" && principal.last_login < now'
    assert probe(compile_expression(guarded, engine)) is None
    assert probe(compile_expression("rank", engine)) == (
        "user",
        "it gives int 3, not true or false"
        if engine == "common-expression-language"
        else "it gives IntType IntType(3), not true or false",
    )


def test_a_message_names_the_grant_s_fields() -> None:
    template = "{principal.email} has {level} on {object.title} via {via}; {{literal}}"
    assert [f for _, f in message_fields(template)] == [
        ("principal", "email"),
        ("level", None),
        ("object", "title"),
        ("via", None),
    ]
    values = {
        ("principal", "email"): "gina@acme.com",
        ("level", None): "CAN_EDIT",
        ("object", "title"): "Payroll",
        ("via", None): ("group Contractors", "workspace"),
    }
    assert render_message(template, lambda n, m: values[(n, m)]) == (
        "gina@acme.com has CAN_EDIT on Payroll via group Contractors, workspace; {literal}"
    )
    shown = render_message("{a}|{b}|{c}|{d}|{e}", lambda n, _: {"a": None, "b": True,
        "c": False, "d": (), "e": {"email": "x@y.z"}}[n])  # fmt: skip
    assert shown == "none|true|false|none|x@y.z"
    with pytest.raises(ExpressionError, match=r"unknown name 'princip\.email'") as caught:
        message_fields("hi {princip.email}")
    assert caught.value.column == 5
    with pytest.raises(ExpressionError, match=r"rank has no field 'x'"):
        message_fields("{rank.x}")


def test_an_error_inside_a_folded_block_or_quoted_value_is_placed_in_the_file(
    tmp_path: Path,
) -> None:
    (tmp_path / "m.yaml").write_text(
        "version: 1\n"
        "policies:\n"
        "  - name: folded\n"
        "    deny: >-\n"
        "      rank >= 3 &&\n"
        "      object.titel == 'x'\n"
        "  - name: quoted\n"
        '    deny: "rank >= 3 &&\n'
        "      principal.rol == 'x'\"\n",
        encoding="utf-8",
    )
    found = [
        str(p).split(": policy")[0]
        for p in check([tmp_path / "m.yaml"], relative_to=tmp_path).problems
    ]
    assert found == ["m.yaml:6:14: policies[0].deny", "m.yaml:9:17: policies[1].deny"]


def test_policy_test_passes_on_the_examples() -> None:
    result = CliRunner().invoke(cli, ["policy", "test", str(EXAMPLES)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[-1] == "12 passed, 0 failed"
    assert all(line.startswith("PASS  ") for line in lines[:-1])


def test_policy_test_fails_on_a_wrong_expectation(tmp_path: Path) -> None:
    shutil.copy(EXAMPLES / "policies.yaml", tmp_path / "policies.yaml")
    text = (EXAMPLES / "policies_test.yaml").read_text(encoding="utf-8")
    wrong = text.replace(
        "  - name: a group editing is no workspace\n"
        "    grant: {principal: {kind: group, name: Analysts}, level: CAN_EDIT}\n"
        "    denied_by: []",
        "  - name: a group editing is no workspace\n"
        "    grant: {principal: {kind: group, name: Analysts}, level: CAN_EDIT}\n"
        "    denied_by: [nothing-editable-by-everyone]\n"
        "  - name: a typo\n"
        "    grant: {principal: {rol: GUEST}}\n"
        "    denied_by: []",
    )
    assert wrong != text
    (tmp_path / "policies_test.yaml").write_text(wrong, encoding="utf-8")
    result = CliRunner().invoke(cli, ["policy", "test", str(tmp_path)])
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert lines[-1] == "11 passed, 2 failed"
    test_file = f"{tmp_path.as_posix()}/policies_test.yaml"
    assert (
        f"FAIL  {test_file}:50: a group editing is no workspace: expected denied by"
        " [nothing-editable-by-everyone], got []"
    ) in lines
    assert (
        f"ERROR {test_file}:53: a typo: grant: principal has no rol (its fields: kind, email,"
        " name, role, groups, active, last_login)"
    ) in lines
    json_run = CliRunner().invoke(cli, ["policy", "test", str(tmp_path), "--json"])
    assert json_run.exit_code == 1
    assert '"failed": 2' in json_run.output


def test_policy_test_without_tests_says_where_to_write_them(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["policy", "test", str(tmp_path)])
    assert result.exit_code == 1
    assert "no policies_test.yaml under" in result.output
