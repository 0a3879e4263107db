"""``hexsync.yaml``: the workspaces one repository manages (docs/workspaces.md).

Each workspace has a name, its host (``api_url``), where its token comes from (``token_env`` or
``token_file``, never the token itself), its manifests as an ordered list of layers, and
optional policy overrides. The file is found from the current directory upwards, or named with
``--config``; paths in it are relative to it. A value that looks like a token anywhere in the
file is refused (and never shown): a token in git is a token leaked.
"""

from __future__ import annotations

import difflib
import math
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path as FsPath
from typing import Any

from hexsync.errors import ConfigError, remember_secret
from hexsync.manifest.problems import ManifestError, Path, Problem, format_path
from hexsync.manifest.schema import shipped_schema, validate_against
from hexsync.manifest.yamlsafe import Document, FileLimits, read_document
from hexsync.values.desired import NOWHERE, Mark

__all__ = [
    "CONFIG_NAME",
    "SCHEMA_RESOURCE",
    "WorkspaceConfig",
    "WorkspacesFile",
    "find_config",
    "load_config",
    "looks_like_token",
    "read_config",
]

CONFIG_NAME = "hexsync.yaml"
SCHEMA_RESOURCE = "schemas/workspaces.schema.json"

# Keys whose value is a secret whatever it looks like.
_SECRET_KEYS = frozenset({"token", "api_token", "hex_token", "api_key", "secret", "password"})
_TOKEN_PREFIX = re.compile(r"^\s*hxt[pwe]_", re.IGNORECASE)
_OPAQUE = re.compile(r"[A-Za-z0-9_\-+=~.]{24,}")
_UUID = re.compile(r"[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}")


def _entropy(text: str) -> float:
    counts = Counter(text)
    return -sum(n / len(text) * math.log2(n / len(text)) for n in counts.values())


def looks_like_token(key: str | int | None, value: str) -> bool:
    """Whether ``value`` (under ``key``) is a credential rather than a name, URL or path:
    Hex's token prefixes, a value under a secret's key, or a long random-looking word (mixed
    letters and digits, no ``/``: not a path, an URL or an upper-case variable name)."""
    text = value.strip()
    if not text:
        return False
    if _TOKEN_PREFIX.match(text):
        return True
    if isinstance(key, str) and key.lower() in _SECRET_KEYS:
        return True
    if not _OPAQUE.fullmatch(text) or _UUID.fullmatch(text):
        return False
    has_digit = any(c.isdigit() for c in text)
    has_lower = any(c.islower() for c in text)
    return has_digit and has_lower and _entropy(text) >= 3.5


@dataclass(frozen=True)
class WorkspaceConfig:
    """One workspace of ``hexsync.yaml``; paths are absolute (resolved against the file)."""

    name: str
    api_url: str
    token_env: str | None
    token_file: FsPath | None
    layers: tuple[FsPath, ...]
    policy: dict[str, Any] | None = None
    index: int = 0  # its place in ``workspaces:``, for the policy override's marks
    mark: Mark = field(default=NOWHERE, compare=False)

    @property
    def token_source(self) -> str:
        """Where the token comes from, for messages (never the token)."""
        if self.token_env is not None:
            return f"the environment variable {self.token_env}"
        return f"the file {self.token_file}"


@dataclass(frozen=True)
class WorkspacesFile:
    """``hexsync.yaml`` read and checked."""

    path: FsPath
    shown: str
    workspaces: tuple[WorkspaceConfig, ...]
    document: Document

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(w.name for w in self.workspaces)

    def get(self, name: str) -> WorkspaceConfig:
        """The workspace called ``name``; a clear error listing the others when there is none."""
        for workspace in self.workspaces:
            if workspace.name == name:
                return workspace
        close = difflib.get_close_matches(name, self.names, n=1, cutoff=0.5)
        hint = f"did you mean '{close[0]}'? " if close else ""
        raise ConfigError(
            f"no workspace {name!r} in {self.shown}",
            hint=f"{hint}its workspaces: {', '.join(self.names)}",
        )


def find_config(start: FsPath) -> FsPath | None:
    """``hexsync.yaml`` in ``start`` or the nearest folder above it, else None."""
    here = start.resolve()
    for folder in (here, *here.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate
    return None


def _strings(data: Any, path: Path = ()) -> Iterator[tuple[Path, str | int | None, str]]:
    """Every string in ``data`` (keys too), with its path and the key it is under."""
    if isinstance(data, dict):
        for key, value in data.items():
            where: Path = (*path, str(key))
            yield where, None, str(key)
            yield from _strings(value, where)
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _strings(value, (*path, index))
    elif isinstance(data, str):
        yield path, path[-1] if path else None, data


def _token_problems(doc: Document) -> tuple[list[Problem], set[Path]]:
    """A problem (without the value) for each token-looking value; their paths."""
    problems: list[Problem] = []
    paths: set[Path] = set()
    for path, key, value in _strings(doc.data):
        if not looks_like_token(key, value):
            continue
        remember_secret(value)  # masked in every message from now on
        paths.add(path)
        problems.append(
            Problem.at(
                doc.mark(path),
                path,
                "this looks like a token written into the file (its value is not shown):"
                " hexsync.yaml is committed to git and never holds a token",
                "remove it, revoke that token in Hex (it may be in git's history), and name"
                " where the token comes from instead: token_env: HEX_TOKEN_… or token_file:",
            )
        )
    return problems, paths


def read_config(
    path: FsPath, *, relative_to: FsPath | None = None
) -> tuple[WorkspacesFile | None, list[Problem]]:
    """``hexsync.yaml`` at ``path``: the workspaces (None when there is an error) and every
    problem, each located."""
    base = (relative_to or FsPath.cwd()).resolve()
    try:
        shown = path.resolve().relative_to(base).as_posix()
    except ValueError:
        shown = path.as_posix()
    doc = read_document(path, shown, FileLimits(max_bytes=1_000_000))
    if isinstance(doc, Problem):
        return None, [doc]
    problems, secret = _token_problems(doc)
    found, _ = validate_against(doc, shipped_schema(SCHEMA_RESOURCE))
    # A schema message may quote a value: none about a token's place is shown.
    hidden = [format_path(s) for s in secret]
    problems += [p for p in found if not any(p.path.startswith(h) for h in hidden if h)]
    if problems or not isinstance(doc.data, dict):
        return None, sorted(problems)
    folder = path.resolve().parent
    workspaces: list[WorkspaceConfig] = []
    seen: dict[str, tuple[str, Mark]] = {}  # by the name in lower case
    for index, entry in enumerate(doc.data["workspaces"]):
        where: Path = ("workspaces", index)
        mark = doc.mark(where)
        name = entry["name"]
        first = seen.get(name.casefold())
        if first is not None:
            # A case-insensitive file system (macOS) holds one lock file and one checkout for
            # 'US' and 'us': one of them would stand by for the other for good.
            said = (
                f"duplicate workspace name '{name}'"
                if first[0] == name
                else f"workspace name '{name}' differs from '{first[0]}' only in case"
            )
            problems.append(
                Problem.at(
                    doc.mark((*where, "name")),
                    (*where, "name"),
                    f"{said}; first at {first[1]}",
                    "each workspace has a name of its own (what -w takes), in any case",
                )
            )
            continue
        seen[name.casefold()] = (name, mark)
        sources = [k for k in ("token_env", "token_file") if k in entry]
        if len(sources) != 1:
            problems.append(
                Problem.at(
                    mark,
                    where,
                    f"workspace '{name}' "
                    + ("names two token sources" if sources else "says not where its token is"),
                    "give exactly one of token_env: VARIABLE (e.g. HEX_TOKEN_PROD) and"
                    " token_file: PATH; never the token itself",
                )
            )
            continue
        policy = entry.get("policy")
        workspaces.append(
            WorkspaceConfig(
                name=name,
                api_url=entry["api_url"],
                token_env=entry.get("token_env"),
                token_file=folder / entry["token_file"] if "token_file" in entry else None,
                layers=tuple(folder / layer for layer in entry["manifests"]),
                policy=dict(policy) if isinstance(policy, dict) else None,
                index=index,
                mark=mark,
            )
        )
    if problems:
        return None, sorted(problems)
    return WorkspacesFile(path.resolve(), shown, tuple(workspaces), doc), []


def load_config(path: FsPath, *, relative_to: FsPath | None = None) -> WorkspacesFile:
    """``hexsync.yaml`` at ``path``, or ``ManifestError`` with every problem."""
    config, problems = read_config(path, relative_to=relative_to)
    if config is None:
        raise ManifestError(problems)
    return config
