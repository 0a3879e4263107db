"""YAML files that are not manifests: recognise the common ones, so a directory walk can say
"this is an emulator seed" in one line instead of a schema error for every key in it.

Recognition is deliberately narrow: a file is foreign only when it carries the unmistakable
keys of its kind (a seed's ``org`` or ``tokens``; a workflow's ``jobs``) and, except for seeds,
no manifest key at all. Anything else is read as a manifest and checked, so a manifest with a
typo is still an error, never silently skipped.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["foreign_kind"]

MANIFEST_KEYS = frozenset(
    {"version", "workspace", "policy", "collections", "groups", "users", "projects", "rules"}
    | {"policies"}
)
SEED_KEYS = frozenset(
    {
        "org",
        "tokens",
        "statuses",
        "users",
        "groups",
        "collections",
        "projects",
        "data_connections",
    }
)


def _is_seed(data: Mapping[str, Any]) -> bool:
    if not set(data) <= SEED_KEYS:
        return False
    org = data.get("org")
    tokens = data.get("tokens")
    org_like = isinstance(org, Mapping) and bool({"id", "name"} & set(org))
    tokens_like = (
        isinstance(tokens, list)
        and bool(tokens)
        and all(isinstance(t, Mapping) and "token" in t for t in tokens)
    )
    return org_like or tokens_like


# Keys only a GitLab job has (a file that includes a template and overrides its jobs may have no
# `script` of its own: `parallel`, `rules`, `environment`, `resource_group`).
_GITLAB_JOB_KEYS = frozenset(
    {"script", "extends", "stage", "parallel", "resource_group", "environment", "needs", "trigger"}
)


def _jobs(data: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    return [v for v in data.values() if isinstance(v, Mapping)]


# (what it looks like, test on the top-level mapping), first match wins; seeds are tested apart.
_SIGNATURES: tuple[tuple[str, Any], ...] = (
    ("a GitHub Actions workflow", lambda d: "jobs" in d and ("on" in d or "true" in d)),
    ("a GitHub Action (action.yml)", lambda d: "runs" in d and ("inputs" in d or "name" in d)),
    (
        "a GitLab CI configuration",
        lambda d: (
            bool({"stages", "include"} & set(d))
            or any(_GITLAB_JOB_KEYS & set(job) for job in _jobs(d))
        ),
    ),
    ("a pre-commit configuration", lambda d: "repos" in d),
    ("a Docker Compose file", lambda d: "services" in d),
    ("a Kubernetes object", lambda d: "apiVersion" in d and "kind" in d),
    ("an OpenAPI document", lambda d: "openapi" in d or "swagger" in d),
    ("a zizmor configuration", lambda d: isinstance(d.get("rules"), Mapping)),
    (
        "policy tests (`hexsync policy test` reads them)",
        lambda d: isinstance(d.get("tests"), list) and set(d) <= {"tests", "now"},
    ),
)


def foreign_kind(data: Any) -> str | None:
    """What a YAML document that is not a manifest looks like (``"an emulator seed"``), or
    ``None`` when it may be a manifest and must be checked as one."""
    if not isinstance(data, Mapping) or not data:
        return None
    if _is_seed(data):
        return "an emulator seed"
    keys = set(data)
    if isinstance(data.get("rules"), Mapping):
        keys.discard("rules")  # manifests' rules are a list; a mapping is another tool's config
    if MANIFEST_KEYS & keys:
        return None
    for kind, test in _SIGNATURES:
        if test(data):
            return str(kind)
    return None
