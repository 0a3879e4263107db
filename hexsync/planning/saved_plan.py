"""A saved plan read safely: nothing in the file is trusted before it passes here.

``hexsync apply plan.json`` carries out a file that anyone with write access to the artifact
could have made. Before a single request, :func:`read_plan` refuses a file that is too big, not
UTF-8, not JSON, nested absurdly deep, outside ``schemas/plan.schema.json``, whose checksum does
not match, or whose HMAC signature does not verify (``HEXSYNC_PLAN_KEY``); :func:`uncovered`
names every change that no ``relied_on`` entry of the plan itself covers. Checking the plan
against the workspace and the manifests is the gate's job (:mod:`hexsync.apply.gate`).
docs/plan-format.md and docs/apply.md say what each protects against.
"""

from __future__ import annotations

import functools
import hmac
import json
import os
import re
from collections.abc import Iterator, Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError

from hexsync.decide.projection import same_value
from hexsync.errors import ConfigError, GuardrailError, excerpt, line_column
from hexsync.manifest import format_path
from hexsync.manifest.schema import strict_validator
from hexsync.values.kinds import Kind
from hexsync.values.plan import (
    FORMAT_VERSION,
    Action,
    Change,
    FieldChange,
    LiveRef,
    Plan,
    PlanFileError,
    sign_body,
)

__all__ = [
    "KEY_ENV",
    "MAX_PLAN_BYTES",
    "listed",
    "parse_plan",
    "plan_key",
    "read_plan",
    "uncovered",
]

KEY_ENV = "HEXSYNC_PLAN_KEY"
# A plan of 20,000 changed projects is about 20 MB; a file past this cap is refused before it
# is read, so a huge file costs neither time nor memory.
MAX_PLAN_BYTES = 50_000_000
_MAX_DEPTH = 64  # a plan nests 5 levels deep; deeper is not a plan (used to locate the point)
_SHOWN_PROBLEMS = 10

# ------------------------------------------------------------------------------------ reading


def plan_key(environ: Mapping[str, str] | None = None) -> bytes | None:
    """The signing key from ``HEXSYNC_PLAN_KEY`` (None when unset). Never printed or saved."""
    value = (os.environ if environ is None else environ).get(KEY_ENV)
    if value is None:
        return None
    if not value.strip():
        raise ConfigError(
            f"{KEY_ENV} is set but empty", hint=f"set a long random key, or unset {KEY_ENV}"
        )
    return value.encode("utf-8")


def read_plan(path: Path, *, key: bytes | None = None, verify: bool = True) -> Plan:
    """Read and check a saved plan file (see the module docstring); raises PlanFileError.

    ``verify=False`` skips the signature (``hexsync show`` reads a signed plan without the key;
    it applies nothing)."""
    source = str(path)
    try:
        info = path.stat()
        if not path.is_file():
            raise PlanFileError(f"{source}: not a regular file", hint="give the plan.json file")
        if info.st_size > MAX_PLAN_BYTES:
            raise _too_big(source, info.st_size)
        with path.open("rb") as handle:
            raw = handle.read(MAX_PLAN_BYTES + 1)
    except OSError as exc:
        raise PlanFileError(f"{source}: cannot read the plan: {exc.strerror or exc}") from exc
    if len(raw) > MAX_PLAN_BYTES:  # grew while we looked
        raise _too_big(source, len(raw))
    return parse_plan(raw, source=source, key=key, verify=verify)


def _too_big(source: str, size: int) -> PlanFileError:
    return PlanFileError(
        f"{source}: the file is {size / 1_000_000:.1f} MB; saved plans are limited to "
        f"{MAX_PLAN_BYTES / 1_000_000:g} MB",
        hint="check that this is a plan made by `hexsync plan --out`",
    )


def parse_plan(
    raw: bytes | str, *, source: str = "plan", key: bytes | None = None, verify: bool = True
) -> Plan:
    """A plan from its JSON text: size, encoding, JSON, schema, checksum, signature, in order."""
    if len(raw) > MAX_PLAN_BYTES:
        raise _too_big(source, len(raw))
    text = _decode(raw, source) if isinstance(raw, bytes) else raw
    try:
        data = json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise PlanFileError(f"{source}:{exc.lineno}:{exc.colno}: not JSON: {exc.msg}") from None
    except RecursionError:
        raise _too_deep(text, source) from None
    except ValueError as exc:  # NaN, Infinity
        raise PlanFileError(f"{source}: not JSON: {exc}") from None
    version = data.get("format_version") if type(data) is dict else None
    if type(data) is dict and (type(version) is not int or version != FORMAT_VERSION):
        raise PlanFileError(
            f"{source}: format_version is {shown(version)}; this hexsync reads the integer "
            f"{FORMAT_VERSION}",
            hint="make the plan again with this version of hexsync",
        )
    try:
        problems = list(dict.fromkeys(_schema_problems(data)))
    except RecursionError:
        raise _too_deep(text, source) from None
    if problems:
        raise _invalid(problems, source)
    plan = Plan.from_data(data, source=source)
    if verify:
        _check_signature(data, key, source)
    _check_summary(data, plan, source)
    return plan


def _check_summary(data: Mapping[str, Any], plan: Plan, source: str) -> None:
    """The counts a CI gate may read (``jq .summary.destructive``) must be the changes' own."""
    counted = plan.data["summary"]
    wrong = [k for k in counted if data["summary"].get(k) != counted[k]]
    if wrong:
        raise PlanFileError(
            f"{source}: summary.{wrong[0]} is {shown(data['summary'].get(wrong[0]))}, but the "
            f"changes make it {counted[wrong[0]]}: the plan was changed after it was made",
            hint="make a new plan with `hexsync plan --out`; never edit a saved plan",
        )


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")


def _decode(raw: bytes, source: str) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = line_column(raw, exc.start)
        raise PlanFileError(
            f"{source}:{line}:{column}: not valid UTF-8: byte 0x{raw[exc.start]:02x}",
            hint="a plan is UTF-8 JSON written by `hexsync plan --out`; make it again",
        ) from None


_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


def _too_deep(text: str, source: str) -> PlanFileError:
    """Where the nesting first passes ``_MAX_DEPTH`` (strings skipped), as line:column."""
    depth, at = 0, 0
    for match in _TOKEN.finditer(text):
        found = match.group()
        if found in "[{":
            depth += 1
            if depth > _MAX_DEPTH:
                at = match.start()
                break
        elif found in "]}":
            depth -= 1
    line, column = line_column(text, at)
    return PlanFileError(
        f"{source}:{line}:{column}: nested more than {_MAX_DEPTH} levels deep: not a hexsync plan",
        hint="a plan nests a few levels deep; make it again with `hexsync plan --out`",
    )


# ------------------------------------------------------------------------------------ schema


@functools.cache
def _validator() -> Draft202012Validator:
    text = resources.files("hexsync").joinpath("schemas/plan.schema.json").read_text("utf-8")
    return strict_validator(json.loads(text))


_WORDS = {
    "object": "an object",
    "array": "a list",
    "string": "a string",
    "integer": "a whole number",
    "boolean": "true or false",
    "null": "null",
}


def shown(value: Any) -> str:
    """A JSON value as a message shows it (``null``, ``true``, a quoted string)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float, str)):
        return excerpt(value)
    return "a list" if isinstance(value, list) else "an object"


def _schema_problems(data: Any) -> Iterator[str]:
    """One short line per way ``data`` breaks the plan schema: ``path: what``."""
    if type(data) is not dict:
        yield f"expected a JSON object, got {shown(data)}"
        return
    errors = _validator().iter_errors(data)
    for error in sorted(errors, key=lambda e: [str(p) for p in e.absolute_path]):
        where = format_path(
            tuple(str(p) if not isinstance(p, int) else p for p in error.absolute_path)
        )
        yield f"{where or '(top level)'}: {_what(error)}"


def _what(error: ValidationError) -> str:
    """The error in words, quoting at most a short excerpt of the value (never jsonschema's
    message, which quotes the whole value)."""
    kind, value = error.validator, error.instance
    rule: Any = error.validator_value
    if kind == "type":
        names = [rule] if isinstance(rule, str) else list(rule)
        return f"expected {' or '.join(_WORDS.get(n, n) for n in names)}, got {shown(value)}"
    if kind == "const":
        return f"must be {json.dumps(rule)}, got {shown(value)}"
    if kind == "enum":
        return f"{shown(value)} is not one of {', '.join(map(str, rule))}"
    if kind == "required":
        missing = [k for k in rule if isinstance(value, dict) and k not in value]
        return "missing " + ", ".join(f"'{k}'" for k in missing)
    if kind == "additionalProperties" and isinstance(value, dict):
        known = error.schema.get("properties", {}) if isinstance(error.schema, dict) else {}
        unknown = [excerpt(k) for k in value if k not in known][:5]
        return "unknown key " + ", ".join(unknown)
    if kind == "maxLength":
        return f"longer than {rule} characters ({shown(value)})"
    if kind == "minLength":
        return "must not be empty"
    if kind == "pattern":
        return f"{shown(value)} is not in the expected form"
    if kind in ("minimum", "maximum"):
        return f"{shown(value)} is out of range"
    if kind == "not" and isinstance(value, dict):
        return "a key that does not belong here (key on a scalar path)"
    return f"does not match the plan schema ({kind})"


def listed(lines: Sequence[str], most: int = 20) -> str:
    """``lines`` indented, one a line, at most ``most`` of them and how many more there are."""
    out = "\n".join(f"  {line}" for line in lines[:most])
    return out + (f"\n  … and {len(lines) - most} more" if len(lines) > most else "")


def _invalid(problems: Sequence[str], source: str) -> PlanFileError:
    hint = "a plan is made by `hexsync plan --out`, never edited; make it again"
    if len(problems) == 1:
        return PlanFileError(f"{source}: {problems[0]}", hint=hint)
    return PlanFileError(
        f"{source}: {len(problems)} problems against the plan schema:\n"
        + listed([f"{source}: {p}" for p in problems], _SHOWN_PROBLEMS),
        hint=hint,
    )


# ------------------------------------------------------------------------------------ signature


def _check_signature(data: Mapping[str, Any], key: bytes | None, source: str) -> None:
    signature = data.get("signature")
    if key is None:
        if signature is not None:
            raise GuardrailError(
                f"{source}: the plan is signed, but {KEY_ENV} is not set here, so the signature "
                "cannot be checked; nothing was applied",
                hint=f"set {KEY_ENV} to the key the plan was made with",
            )
        return
    if signature is None:
        raise GuardrailError(
            f"{source}: the plan is not signed, and {KEY_ENV} is set: only signed plans are "
            "applied; nothing was applied",
            hint=f"make the plan with {KEY_ENV} set (`hexsync plan --out`), then apply that",
        )
    body = {k: v for k, v in data.items() if k not in ("checksum", "signature")}
    if not hmac.compare_digest(str(signature), sign_body(body, key)):
        raise GuardrailError(
            f"{source}: the signature does not match: the plan was changed after it was signed, "
            f"or signed with another key; nothing was applied",
            hint=f"make a new plan with the {KEY_ENV} of this pipeline, review it, and apply that",
        )


# ------------------------------------------------------------------------------------ coverage

# Where each changed field's old value is found in the relied object's fields.
_REF_FIELD = {"name": "name", "description": "description", "status": "status"}
_VALID = {
    (Kind.COLLECTION, Action.CREATE),
    (Kind.COLLECTION, Action.UPDATE),
    (Kind.GROUP, Action.CREATE),
    (Kind.GROUP, Action.UPDATE),
    (Kind.GROUP, Action.DELETE),
    (Kind.PROJECT, Action.CREATE),
    (Kind.PROJECT, Action.UPDATE),
    (Kind.USER, Action.DEACTIVATE),
}


def _lines(text: str) -> dict[str, str]:
    """A relied set as ``key=ACCESS`` lines, back to a mapping."""
    out = {}
    for line in text.splitlines():
        key, _, access = line.rpartition("=")
        out[key] = access
    return out


def _old_in(
    ref: LiveRef, change: Change, f: FieldChange, renamed: Mapping[tuple[str, str], str]
) -> tuple[bool, str | None]:
    """(whether ``ref`` read the field, the value it read) for one field of ``change``;
    ``renamed`` maps (sharing path, new name) to the live name of a group or collection this
    plan renames (the project's sharing already names it by the new name)."""
    fields = ref.fields
    if f.path == "members":
        if "members" not in fields:
            return False, None
        members = set(fields["members"].splitlines())
        return True, "member" if (f.key or "").lower() in members else None
    if f.path in ("sharing.users", "sharing.groups", "sharing.collections"):
        if f.path not in fields:
            return False, None
        table = _lines(fields[f.path])
        key = f.key or ""
        key = renamed.get((f.path, key), key)
        if f.path == "sharing.users":
            table = {k.lower(): v for k, v in table.items()}
            key = key.lower()
        return True, table.get(key)
    name = (
        "title"
        if f.path == "name" and change.kind is Kind.PROJECT
        else _REF_FIELD.get(f.path, f.path)
    )
    if name not in fields:
        return False, None
    return True, fields[name] or None


def uncovered(plan: Plan) -> list[str]:
    """Every change no ``relied_on`` entry covers, in words (empty: all covered).

    An update, delete or deactivation must name a relied object of the same kind and id, read
    under the same name, whose fields hold every ``old`` value the change claims: apply's stale
    check then proves those values are still live. A create relies on its name being absent,
    which the stale check also reads. So a change added to the file, or an ``old`` value altered
    to dodge a guardrail, is refused here.
    """
    refs = {(r.kind, r.id): r for r in plan.relied}
    paths = {Kind.GROUP: "sharing.groups", Kind.COLLECTION: "sharing.collections"}
    renamed = {
        (paths[c.kind], f.new): f.old
        for c in plan.changes
        if c.kind in paths and c.action is Action.UPDATE
        for f in c.fields_at("name")
        if f.new is not None and f.old is not None
    }
    out: list[str] = []
    for change in plan.changes:
        label = f"{change.address} ({change.action.value})"
        if (change.kind, change.action) not in _VALID:
            out.append(
                f"{label}: hexsync never plans a {change.action.value} of a {change.kind.value}"
            )
            continue
        if change.action is Action.CREATE:
            if change.id is not None:
                out.append(f"{label}: a create cannot name an existing id")
            continue
        ref = refs.get((change.kind, change.id or ""))
        if ref is None:
            out.append(f"{label}: no relied_on entry for this {change.kind.value}")
            continue
        rename = change.fields_at("name")
        was = rename[0].old if rename and change.kind is not Kind.PROJECT else change.name
        if change.kind is Kind.USER:
            same_name = (was or "").lower() == ref.name.lower()
        else:
            same_name = was == ref.name
        if not same_name:
            out.append(f"{label}: relied_on reads this id as {excerpt(ref.name)}")
            continue
        if (
            change.kind is Kind.GROUP
            and change.action is Action.DELETE
            and "members" not in ref.fields
        ):
            out.append(f"{label}: relied_on did not read the members of the group it deletes")
        for f in change.fields:
            where = f.path if f.key is None else f"{f.path}[{excerpt(f.key)}]"
            read, value = _old_in(ref, change, f, renamed)
            if not read:
                out.append(f"{label}: {where}: relied_on did not read it")
            elif not same_value(f.path, f.old, value):
                out.append(
                    f"{label}: {where}: the plan says it was {shown(f.old)}, "
                    f"relied_on read {shown(value)}"
                )
    return out


# ------------------------------------------------------------------------------------ guardrails


# ------------------------------------------------------------------------------------ --manifests
