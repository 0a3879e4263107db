"""The language of ``policies:``: CEL over one effective grant (docs/policies.md).

Pure, no I/O. What a grant has (:data:`FIELDS`); an expression checked before it ever runs
(its syntax by the CEL parser, every name and field it reads by :func:`check`, each error at
its own line and column in the expression); compiled once (:func:`compile_expression`, cached
by text), with the fields it reads, so that an evaluator can decide it once per distinct
input; and a message's ``{principal.email}`` placeholders (:func:`message_fields`,
:func:`render_message`).

CEL is run by ``common-expression-language`` (Rust, fast) where it installs, Python 3.11 on;
on Python 3.10 by ``cel-python`` (pure Python, same language, slower). Both sit behind
:func:`compile_expression`; docs/policies.md has the measurements.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

__all__ = [
    "ENGINES",
    "FIELDS",
    "Expression",
    "ExpressionError",
    "check",
    "compile_expression",
    "default_engine",
    "message_fields",
    "probe",
    "reason",
    "render_message",
]

# Every name an expression may read, and the fields of each (None: a plain value).
FIELDS: Mapping[str, tuple[str, ...] | None] = {
    "principal": ("kind", "email", "name", "role", "groups", "active", "last_login"),
    "object": (
        "kind",
        "id",
        "title",
        "name",
        "status",
        "collections",
        "owner",
        "creator",
        "classes",
    ),
    "level": None,
    "rank": None,
    "via": None,
    "now": None,
}
_WHAT = {"level": "text", "rank": "a number", "via": "a list", "now": "a timestamp"}
# Names CEL itself gives meaning to: literals, the `in` operator, type names.
_BUILTIN = frozenset(
    {"true", "false", "null", "in", "int", "uint", "double", "bool", "string", "bytes", "list"}
    | {"map", "type", "null_type", "dyn"}
)
_MACROS = frozenset({"all", "exists", "exists_one", "map", "filter"})


class ExpressionError(ValueError):
    """An expression that cannot be run: where in it (1-based line and column) and why."""

    def __init__(self, line: int, column: int, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.line = line
        self.column = column
        self.message = message
        self.hint = hint


@dataclass(frozen=True)
class Expression:
    """A checked, compiled expression. ``reads`` holds ``(name, field)`` pairs; ``field`` is
    None when the whole value is read (``via``, ``rank``, or ``principal`` passed whole)."""

    text: str
    reads: frozenset[tuple[str, str | None]]
    run: Callable[[Mapping[str, Any]], Any] = field(compare=False, repr=False)


# ------------------------------------------------------------------------------- the lexer

_TOKEN = re.compile(
    r"""
    (?P<space>\s+|//[^\n]*)
    |(?P<string>
        [rR][bB]?(?:'''.*?'''|\"\"\".*?\"\"\"|'[^'\n]*'|"[^"\n]*")
      | [bB][rR](?:'''.*?'''|\"\"\".*?\"\"\"|'[^'\n]*'|"[^"\n]*")
      | [bB]?(?:'''(?:\\.|[^\\])*?'''|\"\"\"(?:\\.|[^\\])*?\"\"\"
                |'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"))
    |(?P<number>\d[\w.]*)
    |(?P<ident>[A-Za-z_][A-Za-z0-9_]*)
    |(?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)


@dataclass(frozen=True)
class _Token:
    kind: str
    text: str
    offset: int


def _tokens(text: str) -> list[_Token]:
    out = []
    for found in _TOKEN.finditer(text):
        kind = found.lastgroup or "other"
        if kind != "space":
            out.append(_Token(kind, found.group(), found.start()))
    return out


def _position(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` in ``text``."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _at(tokens: list[_Token], index: int, text: str) -> bool:
    return 0 <= index < len(tokens) and tokens[index].text == text


def _close(word: str, known: tuple[str, ...] | list[str]) -> str | None:
    found = difflib.get_close_matches(word, known, n=1)
    return f"did you mean '{found[0]}'?" if found else None


def check(text: str) -> frozenset[tuple[str, str | None]]:
    """The ``(name, field)`` pairs ``text`` reads; ExpressionError at the first name or field
    a grant does not have (``principal.rol``, ``principle``), which CEL would only find when
    it ran, or never (a guard that was false)."""
    tokens = _tokens(text)
    bound = set()
    for i, tok in enumerate(tokens):
        # x.exists(v, …): v is the macro's own variable from here on
        if (
            tok.kind == "ident"
            and tok.text in _MACROS
            and _at(tokens, i - 1, ".")
            and _at(tokens, i + 1, "(")
            and i + 3 < len(tokens)
            and tokens[i + 2].kind == "ident"
            and _at(tokens, i + 3, ",")
        ):
            var = tokens[i + 2]
            if var.text in FIELDS:
                line, column = _position(text, var.offset)
                raise ExpressionError(
                    line,
                    column,
                    f"'{var.text}' is a field of the grant and cannot name a macro's variable",
                    "name the variable otherwise (x, g, p …)",
                )
            bound.add(var.text)
    reads: set[tuple[str, str | None]] = set()
    for i, tok in enumerate(tokens):
        if tok.kind != "ident" or _at(tokens, i - 1, ".") or _at(tokens, i + 1, "("):
            continue  # a member, a method or a function: not a name of the grant's
        if tok.text in _BUILTIN or tok.text in bound:
            continue
        fields = FIELDS.get(tok.text, ())
        if fields == ():
            line, column = _position(text, tok.offset)
            raise ExpressionError(
                line,
                column,
                f"unknown name '{tok.text}': a grant has {', '.join(FIELDS)}",
                _close(tok.text, list(FIELDS)),
            )
        member = tokens[i + 2] if _at(tokens, i + 1, ".") and i + 2 < len(tokens) else None
        if member is None or member.kind != "ident" or _at(tokens, i + 3, "("):
            reads.add((tok.text, None))  # read whole: via.exists(…), principal == …
            continue
        if fields is None:
            line, column = _position(text, member.offset)
            raise ExpressionError(
                line,
                column,
                f"'{tok.text}' is {_WHAT[tok.text]}: it has no field '{member.text}'",
            )
        if member.text not in fields:
            line, column = _position(text, member.offset)
            hint = _close(member.text, fields)
            raise ExpressionError(
                line,
                column,
                f"{tok.text} has no field '{member.text}': its fields are {', '.join(fields)}",
                hint,
            )
        reads.add((tok.text, member.text))
    return frozenset(reads)


# ------------------------------------------------------------------------------- engines


def _syntax_error(message: str) -> ExpressionError:
    """The first ``<input>:LINE:COLUMN: message`` of the Rust parser's report."""
    found = re.search(r"<input>:(\d+):(\d+): (?:Syntax error: )?([^\n]*)", message)
    if found is None:
        return ExpressionError(1, 1, message.splitlines()[0] if message else "syntax error")
    return ExpressionError(int(found.group(1)), int(found.group(2)), found.group(3))


def _rust(text: str) -> Callable[[Mapping[str, Any]], Any]:
    import cel  # noqa: PLC0415  (Python 3.11 on: docs/policies.md)

    try:
        program = cel.compile(text)
    except ValueError as exc:
        raise _syntax_error(str(exc)) from None
    execute: Callable[[Mapping[str, Any]], Any] = program.execute  # type: ignore[assignment]
    return execute


def _python(text: str) -> Callable[[Mapping[str, Any]], Any]:
    import celpy  # noqa: PLC0415
    from celpy import adapter, celparser, celtypes  # noqa: PLC0415

    env = celpy.Environment()
    try:
        program = env.program(env.compile(text))
    except celparser.CELParseError as exc:
        first = str(exc).strip().splitlines()
        raise ExpressionError(
            exc.line or 1, exc.column or 1, f"syntax error near: {first[0] if first else text}"
        ) from None

    def run(activation: Mapping[str, Any]) -> Any:
        result = program.evaluate(adapter.json_to_cel(dict(activation)))  # type: ignore[arg-type]
        if isinstance(result, celtypes.BoolType):
            return bool(result)
        if isinstance(result, Exception):
            raise result
        return result

    return run


ENGINES: Mapping[str, Callable[[str], Callable[[Mapping[str, Any]], Any]]] = {
    "common-expression-language": _rust,
    "cel-python": _python,
}


@lru_cache(maxsize=1)
def default_engine() -> str:
    """``common-expression-language`` where it is installed, else ``cel-python``."""
    try:
        import cel  # noqa: F401, PLC0415
    except ImportError:
        return "cel-python"
    return "common-expression-language"


@lru_cache(maxsize=4096)
def compile_expression(text: str, engine: str | None = None) -> Expression:
    """``text`` checked (syntax, then names and fields) and compiled, once per text."""
    run = ENGINES[engine or default_engine()](text)
    return Expression(text, check(text), run)


# ------------------------------------------------------------------------------- probing

_SAMPLE_TIME = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
_SAMPLES: Mapping[str, Mapping[str, Any]] = {
    "user": {
        "kind": "user",
        "email": "someone@example.com",
        "name": "Someone",
        "role": "EDITOR",
        "groups": ["Analysts"],
        "active": True,
        "last_login": _SAMPLE_TIME,
    },
    "group": {
        "kind": "group",
        "email": "",
        "name": "Analysts",
        "role": "",
        "groups": ["Analysts"],
        "active": True,
        "last_login": None,
    },
    "workspace": {
        "kind": "workspace",
        "email": "",
        "name": "workspace",
        "role": "",
        "groups": [],
        "active": True,
        "last_login": None,
    },
    "public": {
        "kind": "public",
        "email": "",
        "name": "public web",
        "role": "",
        "groups": [],
        "active": True,
        "last_login": None,
    },
}
_SAMPLE_OBJECT = {
    "kind": "project",
    "id": "00000000-0000-4000-8000-000000000000",
    "title": "A project",
    "name": "A project",
    "status": "Production",
    "collections": ["Finance"],
    "owner": "someone@example.com",
    "creator": "someone@example.com",
    "classes": ["pii"],
}


def probe(expression: Expression) -> tuple[str, str] | None:
    """Run ``expression`` on a sample grant of each kind of principal: ``(kind, problem)``
    for the first that fails or gives something other than true or false (a type error, a
    ``last_login`` compared without a guard: every group grant would fail the same way)."""
    for kind, principal in _SAMPLES.items():
        activation = {
            "principal": principal,
            "object": _SAMPLE_OBJECT,
            "level": "CAN_EDIT",
            "rank": 3,
            "via": ["group Analysts"],
            "now": _SAMPLE_TIME,
        }
        try:
            result = expression.run(activation)
        except Exception as exc:  # whatever the engine raises is the answer
            return kind, reason(exc)
        if not isinstance(result, bool):
            return kind, f"it gives {type(result).__name__} {result!r}, not true or false"
    return None


def reason(exc: BaseException) -> str:
    """An evaluation error in a few words (the engines' messages run long)."""
    text = str(exc.args[0]) if exc.args else type(exc).__name__
    if isinstance(exc, KeyError):
        return f"no field {text!r}"
    return text.split(". ")[0].strip().rstrip(".") or type(exc).__name__


# ------------------------------------------------------------------------------- messages

_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")


def message_fields(template: str) -> list[tuple[int, tuple[str, str | None]]]:
    """The ``(offset, (name, field))`` of every ``{name.field}`` in ``template``
    (``{{`` and ``}}`` are braces); ExpressionError at an unknown one."""
    out = []
    for found in _PLACEHOLDER.finditer(template):
        inner = found.group(1)
        if inner is None:
            continue
        name, _, member = inner.strip().partition(".")
        line, column = _position(template, found.start(1))
        fields = FIELDS.get(name, ())
        if fields == ():
            raise ExpressionError(
                line,
                column,
                f"unknown name '{inner}' in the message: a grant has {', '.join(FIELDS)}",
                _close(name, list(FIELDS)),
            )
        if member and (fields is None or member not in fields):
            known = ", ".join(fields) if fields else "none"
            raise ExpressionError(
                line,
                column,
                f"{name} has no field '{member}' (its fields: {known})",
                _close(member, fields) if fields else None,
            )
        out.append((found.start(), (name, member or None)))
    return out


def _shown(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return ", ".join(_shown(v) for v in value) or "none"
    if isinstance(value, Mapping):
        return str(value.get("email") or value.get("title") or value.get("name") or "")
    return str(value)


def render_message(template: str, values: Callable[[str, str | None], Any]) -> str:
    """``template`` with each ``{name.field}`` replaced by ``values(name, field)``."""

    def one(found: re.Match[str]) -> str:
        inner = found.group(1)
        if inner is None:
            return found.group()[0]
        name, _, member = inner.strip().partition(".")
        return _shown(values(name, member or None))

    return _PLACEHOLDER.sub(one, template)
