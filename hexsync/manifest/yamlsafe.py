"""Safe YAML with locations: plain values plus the ``file:line:column`` of every node.

PyYAML composes the node tree (aliases stay shared nodes, so a "billion laughs" file composes
small); this module then builds plain values itself, which is where the limits live: no tags
beyond the core schema, alias expansion bounded, nesting bounded, duplicate keys refused. The
file size is checked before anything is read, and the bytes are decoded as UTF-8 here so a bad
byte is reported with its line.
"""

from __future__ import annotations

import gc
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any

import yaml

from hexsync.errors import line_column
from hexsync.manifest.problems import Path, Problem
from hexsync.values.desired import Mark

__all__ = ["Document", "FileLimits", "paused_gc", "read_document"]

_TAG = "tag:yaml.org,2002:"
MAX_INTEGER = 10**18 - 1  # the largest whole number a manifest may hold (18 digits)


@dataclass(frozen=True)
class FileLimits:
    """Bounds on what one manifest file may cost to read."""

    max_bytes: int = 5_000_000
    max_alias_nodes: int = 10_000
    max_depth: int = 50


@dataclass
class Document:
    """One file's plain data, and the YAML node tree it was built from.

    Marks are made on demand from the nodes (most values are never asked where they were
    written), so reading a large file does not pay for a mark per value.
    """

    file: str
    data: Any
    root: yaml.Node | None = None
    _index: dict[int, dict[str, tuple[yaml.Node, yaml.Node]]] = field(
        default_factory=dict, repr=False
    )
    _nodes: dict[Path, tuple[yaml.Node | None, bool]] = field(default_factory=dict, repr=False)
    text: str = field(default="", repr=False)  # the source, to place errors inside a value

    def mark(self, path: Path) -> Mark:
        """The mark of ``path``, or of its nearest ancestor that has one."""
        node, _ = self._walk(path)
        return Mark(self.file, 1, 1) if node is None else _mark(self.file, node)

    def located(self, path: Path) -> tuple[Document, Path]:
        """The document and path where ``path`` was written: this one, unless layers were
        merged (``hexsync.manifest.layers``), where each value keeps its own file."""
        return self, path

    def node(self, path: Path) -> yaml.Node | None:
        """The YAML node at ``path``, or None when it is not there."""
        node, found = self._walk(path)
        return node if found else None

    def key_mark(self, path: Path) -> Mark:
        """Where the key of ``path`` is written (falls back to its value)."""
        if path and isinstance(path[-1], str):
            parent, reached = self._walk(path[:-1])
            if reached and isinstance(parent, yaml.MappingNode):
                pair = self._entry(parent, path[-1])
                if pair is not None:
                    return _mark(self.file, pair[0])
        return self.mark(path)

    def _walk(self, path: Path) -> tuple[yaml.Node | None, bool]:
        """The node at ``path`` or its nearest ancestor, and whether all of ``path`` was found.

        Remembered per path: checks ask for many paths below the same entry.
        """
        if not path:
            return self.root, self.root is not None
        known = self._nodes.get(path)
        if known is not None:
            return known
        node, found = self._walk(path[:-1])
        if found:
            part = path[-1]
            if type(node) is yaml.SequenceNode and type(part) is int:
                if 0 <= part < len(node.value):
                    node = node.value[part]
                else:
                    found = False
            elif type(node) is yaml.MappingNode and type(part) is str:
                pair = self._entry(node, part)
                if pair is None:
                    found = False
                else:
                    node = pair[1]
            else:
                found = False
        self._nodes[path] = (node, found)
        return node, found

    def _entry(self, node: yaml.MappingNode, key: str) -> tuple[yaml.Node, yaml.Node] | None:
        """The (key node, value node) of ``key`` in a mapping the builder accepted."""
        pairs: list[tuple[yaml.Node, yaml.Node]] = node.value
        if len(pairs) <= 8:
            for pair in pairs:
                if pair[0].value == key:
                    return pair
            return None
        index = self._index.get(id(node))
        if index is None:
            index = self._index[id(node)] = {str(k.value): (k, v) for k, v in pairs}
        return index.get(key)


class _RefusedError(Exception):
    def __init__(self, mark: Mark, message: str, hint: str | None = None, path: Path = ()) -> None:
        super().__init__(message)
        self.mark = mark
        self.path = path
        self.message = message
        self.hint = hint
        # A problem that names a path gets the path of the enclosing nodes as it unwinds.
        self.located = bool(path)


def _mark(file: str, node: yaml.Node) -> Mark:
    return Mark(file, node.start_mark.line + 1, node.start_mark.column + 1)


def _describe_tag(tag: str) -> str:
    return "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag


_STR = _TAG + "str"
_SEQ = _TAG + "seq"
_MAP = _TAG + "map"


class _Builder:
    """Plain values from a node tree, refusing what the module docstring lists."""

    def __init__(self, file: str, limits: FileLimits) -> None:
        self.file = file
        self.limits = limits
        self.seen: set[int] = set()
        self.active: set[int] = set()
        self.alias_nodes = 0
        self.constructor = yaml.SafeLoader("")
        self.scalars: dict[str, Callable[[yaml.ScalarNode], Any]] = {
            _STR: lambda n: n.value,
            _TAG + "int": self._integer,
            _TAG + "float": self.constructor.construct_yaml_float,
            _TAG + "bool": self.constructor.construct_yaml_bool,
            _TAG + "null": self.constructor.construct_yaml_null,
            # Dates stay text: no manifest field is a date, and the schema then says "a string".
            _TAG + "timestamp": lambda n: n.value,
        }

    def _integer(self, node: yaml.ScalarNode) -> int:
        """A whole number of at most 18 digits. Python refuses to read more than 4,300 (and a
        manifest's numbers are counts and priorities), so a longer one is a located problem."""
        text = str(node.value)
        value = None if len(text) > 40 else self.constructor.construct_yaml_int(node)
        if value is None or abs(value) > MAX_INTEGER:
            shown = text if len(text) <= 40 else f"{text[:20]}… ({len(text):,} characters)"
            refused = _RefusedError(
                _mark(self.file, node),
                f"the number {shown} is too large",
                f"whole numbers in a manifest have at most {len(str(MAX_INTEGER))} digits;"
                " quote it if it is a name or an id",
            )
            refused.located = True  # name the path, like a schema problem would
            raise refused
        return int(value)

    def build(self, node: yaml.Node, depth: int) -> Any:
        ident = id(node)
        if depth > self.limits.max_depth:
            raise _RefusedError(
                _mark(self.file, node),
                f"nested more than {self.limits.max_depth} levels deep",
                "manifests are shallow; check the indentation",
            )
        if ident in self.active:
            raise _RefusedError(
                _mark(self.file, node),
                "an alias refers to a node that contains it (a recursive structure)",
                "remove the alias (*name) inside its own anchor (&name)",
            )
        if ident in self.seen:
            self.alias_nodes += 1
            if self.alias_nodes > self.limits.max_alias_nodes:
                raise _RefusedError(
                    _mark(self.file, node),
                    f"aliases expand to more than {self.limits.max_alias_nodes} nodes;"
                    " refusing to read further (a 'billion laughs' file?)",
                    "write the values out, or use fewer nested aliases (*name)",
                )
        else:
            self.seen.add(ident)
        if isinstance(node, yaml.ScalarNode):
            if node.tag == _STR:
                return node.value
            return self.scalar_field(node)
        self.active.add(ident)
        try:
            if isinstance(node, yaml.SequenceNode):
                if node.tag != _SEQ:
                    raise self._bad_tag(node)
                return self._sequence(node, depth + 1)
            if isinstance(node, yaml.MappingNode):
                if node.tag != _MAP:
                    raise self._bad_tag(node)
                return self._mapping(node, depth + 1)
        finally:
            self.active.discard(ident)
        raise _RefusedError(_mark(self.file, node), "unexpected YAML node")  # pragma: no cover

    def _bad_tag(self, node: yaml.Node) -> _RefusedError:
        tag = _describe_tag(node.tag)
        if tag == "!!merge":
            return _RefusedError(
                _mark(self.file, node),
                "merge keys (<<) are not supported",
                "write the keys out in full",
            )
        return _RefusedError(
            _mark(self.file, node),
            f"the YAML tag {tag} is not allowed",
            "manifests hold plain strings, numbers, booleans, lists and mappings; remove the tag",
        )

    def scalar_field(self, node: yaml.ScalarNode) -> Any:
        make = self.scalars.get(node.tag)
        if make is None:
            raise self._bad_tag(node)
        return make(node)

    def _sequence(self, node: yaml.SequenceNode, depth: int) -> list[Any]:
        build = self.build
        out: list[Any] = []
        for index, item in enumerate(node.value):
            try:
                out.append(build(item, depth))
            except _RefusedError as exc:
                if exc.located:
                    exc.path = (index, *exc.path)
                raise
        return out

    def _mapping(self, node: yaml.MappingNode, depth: int) -> dict[str, Any]:
        build = self.build
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise _RefusedError(
                    _mark(self.file, key_node),
                    "a mapping key must be a plain value, not a list or a mapping",
                )
            if key_node.tag not in self.scalars:
                raise self._bad_tag(key_node)
            # Keys are names and emails: keep their text (a key `yes` stays "yes", not True).
            key = str(key_node.value)
            if key in out:
                first = next(k for k, _ in node.value if str(k.value) == key).start_mark
                raise _RefusedError(
                    _mark(self.file, key_node),
                    f"duplicate key '{key}' (first at line {first.line + 1},"
                    f" column {first.column + 1})",
                    "a key may appear once in a mapping; merge the two entries",
                    (key,),
                )
            try:
                out[key] = build(value_node, depth)
            except _RefusedError as exc:
                if exc.located:
                    exc.path = (key, *exc.path)
                raise
        return out


def _decode(raw: bytes, file: str) -> str | Problem:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Problem(
            file, 1, 1, "", "the file is UTF-16 encoded", "save it as UTF-8 (without BOM)"
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line, column = line_column(raw, exc.start)
        return Problem(
            file,
            line,
            column,
            "",
            f"not valid UTF-8: byte 0x{raw[exc.start]:02x} cannot be decoded",
            "manifests must be UTF-8; re-save the file as UTF-8 in your editor",
        )


def _yaml_problem(exc: yaml.YAMLError, text: str, file: str) -> Problem:
    if isinstance(exc, yaml.reader.ReaderError):
        line, column = line_column(text, exc.position)
        return Problem(
            file,
            line,
            column,
            "",
            f"the character #x{exc.character:04x} is not allowed in YAML",
            "remove the control character",
        )
    if isinstance(exc, yaml.MarkedYAMLError) and exc.problem_mark is not None:
        mark = exc.problem_mark
        line_text = text.splitlines()[mark.line] if mark.line < len(text.splitlines()) else ""
        indent = line_text[: len(line_text) - len(line_text.lstrip(" \t"))]
        if "\t" in indent or "'\\t'" in (exc.problem or ""):
            column = indent.index("\t") + 1 if "\t" in indent else mark.column + 1
            return Problem(
                file,
                mark.line + 1,
                column,
                "",
                "a tab character in the indentation; YAML indents with spaces only",
                "replace the tab with spaces (set your editor to indent YAML with spaces)",
            )
        problem = exc.problem or "invalid YAML"
        if exc.context and "expected a single document" in exc.context:
            return Problem(
                file,
                mark.line + 1,
                mark.column + 1,
                "",
                "more than one YAML document in the file (a second '---')",
                "put one document per file; split the rest into another file",
            )
        message = f"YAML syntax error: {problem}"
        if exc.context:
            message += f" ({exc.context})"
        return Problem(
            file,
            mark.line + 1,
            mark.column + 1,
            "",
            message,
            "check the indentation and quoting around this line",
        )
    return Problem(file, 1, 1, "", f"YAML error: {exc}")


@contextmanager
def paused_gc() -> Iterator[None]:
    """The cyclic garbage collector off for a while (it stays off if it was off).

    Reading a large file makes hundreds of thousands of long-lived objects (nodes, marks,
    values) and no cycles; each time the collector runs it walks all of them again, which took
    two thirds of the time to compose a 10,000-project file. Reference counting still frees
    everything; what is left for the collector is collected when it runs next.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _compose(text: str) -> yaml.Node | None:
    """The node tree of one document, by libyaml when PyYAML has it (about 30 times faster)."""
    loader = _FastLoader(text)
    try:
        node: yaml.Node | None = loader.get_single_node()
    finally:
        loader.dispose()
    return node


def _detailed_error(text: str) -> yaml.YAMLError | None:
    """The pure-Python parser's account of a syntax error: its words and marks are better."""
    try:
        yaml.SafeLoader(text).get_single_node()
    except yaml.YAMLError as exc:
        return exc
    except RecursionError:  # deep nesting past the error: keep libyaml's account
        return None
    return None


def _too_deep(file: str, line: int, column: int, limits: FileLimits, here: str = "") -> Problem:
    return Problem(
        file,
        line,
        column,
        "",
        f"nested more than {limits.max_depth} levels deep{here}",
        "manifests are shallow; check the brackets and the indentation",
    )


_FastLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_document(path: FsPath, file: str, limits: FileLimits) -> Document | Problem:
    """Read one manifest file; ``file`` is the name used in marks and messages."""
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):
            # A FIFO would block the read forever; a device would never end.
            return Problem(
                file, 1, 1, "", "not a regular file", "give a manifest file or a directory of them"
            )
        size = info.st_size
        if size > limits.max_bytes:
            return _too_big(file, size, limits)
        with path.open("rb") as handle:
            raw = handle.read(limits.max_bytes + 1)
    except OSError as exc:
        return Problem(file, 1, 1, "", f"cannot read the file: {exc.strerror or exc}")
    if len(raw) > limits.max_bytes:  # grew while we looked, or a special file
        return _too_big(file, len(raw), limits)
    text = _decode(raw, file)
    if isinstance(text, Problem):
        return text
    with paused_gc():
        return _read_text(text, file, limits)


def _read_text(text: str, file: str, limits: FileLimits) -> Document | Problem:
    try:
        node = _compose(text)
    except yaml.YAMLError as fast_error:
        mark = getattr(fast_error, "problem_mark", None)
        if "nesting depth" in str(getattr(fast_error, "problem", "")) and mark is not None:
            # libyaml's own bound (1,000 levels); the pure-Python parser would recurse past
            # Python's stack to word it, so say it here.
            return _too_deep(file, mark.line + 1, mark.column + 1, limits, " (1,000 here)")
        return _yaml_problem(_detailed_error(text) or fast_error, text, file)
    except RecursionError:
        return _too_deep(file, 1, 1, limits)
    if node is None:  # empty file or only comments
        return Document(file, {})
    try:
        data = _Builder(file, limits).build(node, 0)
    except _RefusedError as exc:
        return Problem.at(exc.mark, exc.path, exc.message, exc.hint)
    return Document(file, data, node, text=text)


def _too_big(file: str, size: int, limits: FileLimits) -> Problem:
    return Problem(
        file,
        1,
        1,
        "",
        f"the file is {size / 1_000_000:.1f} MB; manifest files are limited to "
        f"{limits.max_bytes / 1_000_000:g} MB",
        "split it into several files in a directory, or check that this is a manifest",
    )
