"""The manifest JSON Schema: loading it, and turning its errors into plain, located problems."""

from __future__ import annotations

import difflib
import functools
import json
import re
from collections.abc import Callable, Iterator
from importlib import resources
from typing import Any

from jsonschema import Draft202012Validator, validators
from jsonschema.exceptions import ValidationError

from hexsync.errors import excerpt
from hexsync.manifest.problems import Path, Problem
from hexsync.manifest.yamlsafe import Document

__all__ = ["SCHEMA_RESOURCE", "schema", "schema_problems", "shipped_schema", "validate_against"]

SCHEMA_RESOURCE = "schemas/manifest.schema.json"
_MANIFEST_VERSION = 1

# What Hex's sharing dialog calls each level, for people who copy the words from the UI.
_HEX_UI_NAMES = {
    "CAN_VIEW_APP": "APP_ONLY",
    "VIEW_APP": "APP_ONLY",
    "APP": "APP_ONLY",
    "CAN_EXPLORE": "CAN_VIEW",
    "EXPLORE": "CAN_VIEW",
    "VIEW": "CAN_VIEW",
    "EDIT": "CAN_EDIT",
    "FULL": "FULL_ACCESS",
    "OWNER": "FULL_ACCESS",
    "NO_ACCESS": "NONE",
}

_TYPE_WORDS = {
    "object": "a mapping",
    "array": "a list",
    "string": "a string",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "null",
}

_PATTERN_HINTS = {
    "a UUID": "ids look like 5a8591dd-4039-49df-9202-96385ba3eff8",
    "a name": "remove the spaces at the start or the end",
    "an email address": "write the full address, like alice@acme.com",
    "a collection access level": "a level is one word, as Hex writes it: MEMBER, VIEW or MANAGE",
    "a duration": "a number and a unit: h, d, w or y (365 days), like 365d",
    "a date or a duration": "YYYY-MM-DD, an ISO 8601 timestamp, or a duration like 90d",
    "a date or a UTC date-time": "YYYY-MM-DD (the grant's last day) or YYYY-MM-DDTHH:MMZ",
    "a rule name (a name without a comma)": "a plan lists rules that combine on one field as"
    " 'a, b', so a comma in a name could pass one rule off as another: rename it",
}

# A duration whose number is too big for its unit (the schema bounds the digits, so a plan's
# "now minus the duration" stays a date).
_DURATION_FORM = re.compile(r"[0-9]+[hdwy]")
_LONGEST = "at most 999y, 9999w, 99999d or 999999h (a duration before now must stay a date)"


@functools.cache
def schema() -> dict[str, Any]:
    """The manifest schema shipped in the package (the same file as the repo's ``schemas/``)."""
    text = resources.files("hexsync").joinpath(SCHEMA_RESOURCE).read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def _is_integer(_checker: Any, instance: Any) -> bool:
    # JSON Schema calls 1.0 an integer; hexsync does not (``version: 1.0`` is refused).
    return type(instance) is int


def strict_validator(source: dict[str, Any]) -> Draft202012Validator:
    """A draft 2020-12 validator of ``source`` whose integers are whole numbers written as such
    (not ``1.0``; booleans are never integers in jsonschema)."""
    checker = Draft202012Validator.TYPE_CHECKER.redefine("integer", _is_integer)
    strict = validators.extend(Draft202012Validator, type_checker=checker)  # type: ignore[no-untyped-call]
    validator: Draft202012Validator = strict(source)
    return validator


@functools.cache
def _validator() -> Draft202012Validator:
    defs = schema().get("$defs", {})
    # The recursive references that stay (a rule's match within a match) resolve in $defs.
    return strict_validator({**_inline_refs(schema(), defs), "$defs": defs})


_ANNOTATIONS = frozenset({"$comment", "default", "description", "examples", "title"})


def _inline_refs(node: Any, defs: dict[str, Any], active: frozenset[str] = frozenset()) -> Any:
    """``node`` with each ``$ref`` to ``$defs`` replaced by its target.

    The same schema, validated the same way, but jsonschema no longer resolves a reference at
    every node: validating 10,000 projects takes half the time. A reference with siblings other
    than annotations is left as it is; the target's own annotations win (its ``title`` words the
    pattern errors). A recursive reference (a rule's ``not`` holds another match) stays a
    ``$ref``, which the check compiles when an instance first reaches it.
    """
    if isinstance(node, list):
        return [_inline_refs(item, defs, active) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        siblings = {k: v for k, v in node.items() if k != "$ref"}
        target = defs.get(ref.removeprefix("#/$defs/"))
        if ref in active:
            return node
        if isinstance(target, dict) and set(siblings) <= _ANNOTATIONS:
            return _inline_refs({**siblings, **target}, defs, active | {ref})
    return {k: _inline_refs(v, defs, active) for k, v in node.items() if k != "$defs"}


Check = Callable[[Any], bool]

# Keywords that only annotate: they never make an instance invalid.
_IGNORED = _ANNOTATIONS | {"$schema", "$id", "$defs"}


class _UnsupportedError(Exception):
    """A schema keyword the fast check does not know; validation then always runs in full."""


def _anything(value: Any) -> bool:  # noqa: ARG001 (a check that accepts every value)
    return True


def _compile(node: Any) -> Check:
    """A function that is true only for instances ``node`` certainly accepts.

    It knows the few keywords the manifest schema uses, each with jsonschema's meaning, and says
    false whenever it is not sure (a float where an integer is wanted, a non-string enum): false
    only means "run the full validation", which then finds the errors and words them. Any other
    keyword raises :class:`_UnsupportedError`, so a new rule in the schema cannot be skipped.
    """
    if node is True:
        return _anything
    if not isinstance(node, dict):
        raise _UnsupportedError(repr(node))
    checks: list[Check] = []
    for keyword, arg in node.items():
        if keyword in _IGNORED or (keyword == "properties" and "additionalProperties" in node):
            continue  # properties are checked with additionalProperties, in one pass
        checks.append(_keyword(keyword, arg, node))
    if not checks:
        return _anything
    if len(checks) == 1:
        return checks[0]
    return lambda value: all(check(value) for check in checks)


_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "null": (type(None),),
}


def _keyword(keyword: str, arg: Any, node: dict[str, Any]) -> Check:
    if keyword == "type":
        names = [arg] if isinstance(arg, str) else list(arg)
        exact = frozenset(t for name in names for t in _TYPES[name])
        return lambda value: type(value) in exact
    if keyword in ("properties", "additionalProperties"):
        props = {k: _compile(v) for k, v in node.get("properties", {}).items()}
        # Keys not under properties: anything (no additionalProperties), nothing (false), or
        # what the additionalProperties schema accepts.
        extra: Check | None = None
        if keyword == "properties":
            extra = _anything
        elif arg is not False:
            extra = _compile(arg)

        def mapping(value: Any) -> bool:
            if type(value) is not dict:
                return True
            for key, item in value.items():
                check = props.get(key)
                if check is None:
                    if extra is None or not extra(item):
                        return False
                elif not check(item):
                    return False
            return True

        return mapping
    if keyword == "required":
        keys = tuple(arg)
        return lambda value: type(value) is not dict or all(k in value for k in keys)
    if keyword == "items":
        item_check = _compile(arg)
        return lambda value: type(value) is not list or all(item_check(i) for i in value)
    if keyword == "propertyNames":
        name_check = _compile(arg)
        return lambda value: type(value) is not dict or all(name_check(k) for k in value)
    if keyword == "anyOf":
        branches = [_compile(branch) for branch in arg]
        return lambda value: any(branch(value) for branch in branches)
    if keyword == "allOf":
        parts = [_compile(branch) for branch in arg]
        return lambda value: all(part(value) for part in parts)
    if keyword == "enum":
        words = frozenset(v for v in arg if isinstance(v, str))
        return lambda value: type(value) is str and value in words
    if keyword == "const" and type(arg) in (str, int, bool, type(None)):
        return lambda value: type(value) is type(arg) and value == arg
    if keyword == "pattern":
        search = re.compile(arg).search
        return lambda value: type(value) is not str or search(value) is not None
    if keyword == "minLength":
        return lambda value: type(value) is not str or len(value) >= arg
    if keyword == "maxLength":
        return lambda value: type(value) is not str or len(value) <= arg
    if keyword == "minItems":
        return lambda value: type(value) is not list or len(value) >= arg
    if keyword == "minProperties":
        return lambda value: type(value) is not dict or len(value) >= arg
    if keyword == "$ref" and set(node) - _ANNOTATIONS == {"$ref"}:
        return _lazy_ref(arg)
    if keyword == "minimum":
        return lambda value: type(value) not in (int, float) or value >= arg
    if keyword == "maximum":
        return lambda value: type(value) not in (int, float) or value <= arg
    raise _UnsupportedError(keyword)


def _lazy_ref(ref: str) -> Check:
    """The check of a recursive ``$ref``, compiled the first time an instance reaches it."""
    compiled: list[Check] = []

    def check(value: Any) -> bool:
        if not compiled:
            defs = schema().get("$defs", {})
            try:
                compiled.append(_compile(_inline_refs({"$ref": ref}, defs)))
            except _UnsupportedError:
                compiled.append(lambda _value: False)  # unsure: the full validation decides
        return compiled[0](value)

    return check


@functools.cache
def _fast_check() -> Check | None:
    """:func:`_compile` of the schema, or ``None`` when it uses a keyword the check lacks."""
    try:
        return _compile(_inline_refs(schema(), schema().get("$defs", {})))
    except _UnsupportedError:
        return None


def schema_problems(doc: Document) -> tuple[list[Problem], set[Path]]:
    """Every way ``doc`` breaks the schema, each at the line and column of the offending node.

    Also returns the paths of the offending nodes, so later checks can skip what is malformed.
    A document the fast check accepts has none (tests hold the two to the same verdict); the
    full validation, ten times slower, runs only when it does not.
    """
    fast = _fast_check()
    if fast is not None and fast(doc.data):
        return [], set()
    problems: set[Problem] = set()
    bad: set[Path] = set()
    for error in _validator().iter_errors(doc.data):
        for path, problem in _translate(error, doc):
            problems.add(problem)
            bad.add(path)
    return sorted(problems), bad


@functools.cache
def shipped_schema(resource: str) -> dict[str, Any]:
    """Another schema shipped beside the manifest's (``schemas/workspaces.schema.json``)."""
    text = resources.files("hexsync").joinpath(resource).read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def validate_against(doc: Document, source: dict[str, Any]) -> tuple[list[Problem], set[Path]]:
    """Every way ``doc`` breaks the schema ``source``, located and worded as manifests' are."""
    problems: set[Problem] = set()
    bad: set[Path] = set()
    defs = source.get("$defs", {})
    for error in strict_validator({**_inline_refs(source, defs), "$defs": defs}).iter_errors(
        doc.data
    ):
        for path, problem in _translate(error, doc):
            problems.add(problem)
            bad.add(path)
    return sorted(problems), bad


def rule(error: ValidationError) -> Any:
    """The value of the schema keyword that failed (e.g. the list of an ``enum``)."""
    return error.validator_value


def schema_of(error: ValidationError) -> dict[str, Any]:
    """The schema node that holds the failed keyword."""
    return error.schema if isinstance(error.schema, dict) else {}


def _got(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"a boolean ({str(value).lower()})"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, str):
        return f"a string ({excerpt(value)})"
    if isinstance(value, list):
        return "a list"
    return "a mapping"


def _type_problem(error: ValidationError, doc: Document, path: Path) -> Problem:
    wanted = rule(error)
    names = [wanted] if isinstance(wanted, str) else list(wanted)
    expected = " or ".join(_TYPE_WORDS.get(n, n) for n in names)
    value = error.instance
    hint = None
    if value is None:
        hint = "the value is empty: write one, or remove the key"
    elif isinstance(value, bool) and "string" in names:
        hint = "YAML reads yes/no/on/off/true/false as booleans; put the value in quotes"
    elif isinstance(value, str) and "array" in names:
        hint = "write a list: one '- item' per line, or [a, b]"
    elif isinstance(value, list) and "object" in names:
        hint = "write 'key: value' lines here, without '- '"
    elif isinstance(value, dict) and "array" in names:
        hint = "write a list: start each entry with '- '"
    return Problem.at(doc.mark(path), path, f"expected {expected}, got {_got(value)}", hint)


def _enum_problem(error: ValidationError, doc: Document, path: Path) -> Problem:
    allowed = [str(v) for v in rule(error)]
    value = error.instance
    hint = None
    if isinstance(value, str):
        normal = value.strip().upper().replace(" ", "_").replace("-", "_")
        if normal in _HEX_UI_NAMES and "CAN_VIEW" in allowed:
            ui = value.replace("_", " ").capitalize()
            hint = f'Hex calls "{ui}" {_HEX_UI_NAMES[normal]}'
        else:
            close = difflib.get_close_matches(value, allowed, n=1, cutoff=0.5) or [
                a for a in allowed if a.lower() == value.lower()
            ]
            if close:
                hint = f"did you mean '{close[0]}'?"
    if path[:1] == ("connections",) and path[-1:] == ("public",) and value == "QUERY":
        hint = "the public can see a connection's results (VIEW_RESULTS), never query it"
    shown = excerpt(value) if isinstance(value, str) else _got(value)
    return Problem.at(doc.mark(path), path, f"{shown} is not one of {', '.join(allowed)}", hint)


def _translate(error: ValidationError, doc: Document) -> Iterator[tuple[Path, Problem]]:
    path: Path = tuple(error.absolute_path)
    if "propertyNames" in error.relative_schema_path:
        # The offending value is a mapping key: point at it.
        path = (*path, str(error.instance))
        yield from ((path, p) for p in _value_problem(error, doc, path, key=True))
        return
    kind = error.validator
    if kind == "additionalProperties" and rule(error) is False:
        known = list(schema_of(error).get("properties", {}))
        instance: dict[str, Any] = error.instance  # type: ignore[assignment]
        for key in instance:
            if key in known:
                continue
            close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
            message = f"unknown key {excerpt(key)}"
            if close:
                message += f" (did you mean '{close[0]}'?)"
            where = (*path, key)
            yield (
                where,
                Problem.at(
                    doc.key_mark(where), where, message, f"allowed here: {', '.join(known)}"
                ),
            )
        return
    if kind == "required":
        for key in rule(error):
            if isinstance(error.instance, dict) and key not in error.instance:
                yield path, Problem.at(doc.mark(path), path, f"missing required key '{key}'")
        return
    if kind == "anyOf" and all(set(branch) == {"required"} for branch in rule(error)):
        keys = [k for branch in rule(error) for k in branch["required"]]
        yield (
            path,
            Problem.at(
                doc.mark(path),
                path,
                f"needs {' or '.join(repr(k) for k in keys)}",
                "a rule enforces a status or sharing (or both) on the projects it matches, or"
                " deactivates the users it matches (users: {active: false})"
                if path[:1] == ("rules",)
                else "a data connection is identified by its name, or by its id"
                if path[:1] == ("connections",)
                else "a project is identified by its id, or by its title when it has no id",
            ),
        )
        return
    if kind == "anyOf" and error.context:
        fitting = _fitting_branch(error)
        if fitting is not None:
            for sub in fitting:
                yield from _translate(sub, doc)
            return
        described = schema_of(error).get("description")
        if described:
            wanted = described[0].lower() + described[1:].rstrip(".")
            yield (
                path,
                Problem.at(doc.mark(path), path, f"expected {wanted}; got {_got(error.instance)}"),
            )
            return
    yield from ((path, p) for p in _value_problem(error, doc, path, key=False))


_JSON_TYPES: dict[type, str] = {dict: "object", list: "array", str: "string", bool: "boolean"}


def _fitting_branch(error: ValidationError) -> list[ValidationError] | None:
    """The errors of the one ``anyOf`` branch written for the value's kind (a level, or a
    ``{level, expires}`` mapping), so the message is that branch's; None when not one fits."""
    value = error.instance
    kind = _JSON_TYPES.get(type(value), "number" if isinstance(value, (int, float)) else "null")
    fits = []
    for index, branch in enumerate(rule(error)):
        declared = branch.get("type") if isinstance(branch, dict) else None
        if declared is None:
            admitted = kind not in ("object", "array")
        else:
            names = [declared] if isinstance(declared, str) else list(declared)
            admitted = kind in names or (kind == "number" and "integer" in names)
        if admitted:
            fits.append(index)
    if len(fits) != 1:
        return None
    found = [sub for sub in error.context or () if sub.relative_schema_path[0] == fits[0]]
    return found or None


def _value_problem(
    error: ValidationError, doc: Document, path: Path, *, key: bool
) -> Iterator[Problem]:
    mark = doc.key_mark(path) if key else doc.mark(path)
    kind = error.validator
    value = error.instance
    if path == ("version",) and kind in ("type", "const"):
        if kind == "const" and type(value) is not int:
            return  # reported once, by its type error
        shown = str(value).lower() if isinstance(value, (bool, float)) else excerpt(value)
        if type(value) is int:
            shown = str(value)
        yield Problem.at(
            mark,
            path,
            f"unknown manifest version {shown}; only {_MANIFEST_VERSION} is known",
            f"write 'version: {_MANIFEST_VERSION}', or upgrade hexsync",
        )
    elif kind == "type":
        problem = _type_problem(error, doc, path)
        yield Problem.at(mark, path, problem.message, problem.hint)
    elif kind == "enum":
        problem = _enum_problem(error, doc, path)
        yield Problem.at(mark, path, problem.message, problem.hint)
    elif kind == "const":
        yield Problem.at(mark, path, f"{_got(value)} must be {rule(error)!r}")
    elif kind == "pattern":
        title = schema_of(error).get("title", "valid here")
        if "duration" in title and isinstance(value, str) and _DURATION_FORM.fullmatch(value):
            # The form is right, the number is not: say so rather than "not a duration".
            yield Problem.at(mark, path, f"{excerpt(value)} is too long a duration", _LONGEST)
        else:
            hint = _PATTERN_HINTS.get(title)
            yield Problem.at(mark, path, f"{excerpt(value)} is not {title}", hint)
    elif kind == "minimum":
        yield Problem.at(mark, path, f"must be at least {rule(error)}, not {value}")
    elif kind == "maximum":
        yield Problem.at(mark, path, f"must be at most {rule(error)}, not {value}")
    elif kind == "minLength":
        yield Problem.at(mark, path, "must not be empty")
    elif kind == "maxLength":
        yield Problem.at(
            mark,
            path,
            f"{excerpt(value)} is longer than {rule(error):,} characters",
            "a name this long is a mistake (a pasted file?); shorten it",
        )
    else:  # a keyword without its own wording: jsonschema's message, cut short
        yield Problem.at(mark, path, excerpt(error.message, 200).strip('"'))
