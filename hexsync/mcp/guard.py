"""What binds an agent to the MCP server's policy and to its manifests directory.

The server's policy comes from ``--policy FILE`` or the ``--manifests`` directory, read once at
start (:func:`server_policy`); an agent cannot replace it:

- manifests an agent gives (inline ``manifests``/``yaml``, or ``paths``) may declare a
  ``policy:`` only if it is at least as strict as the server's on every rule: then the stricter
  of the two applies to each rule, protect lists are joined (:func:`bind_policy`). One that
  loosens anything (prune on, a higher ``max_destroy``, public web allowed) is refused with the
  list of what it loosens;
- a plan given to ``apply_plan`` is checked again against the server's policy, change by
  change (:func:`plan_refusals`): a plan made elsewhere, or edited, cannot bring in what the
  server's policy refuses; ``deactivate_user`` honours ``protect`` and ``max_destroy`` too;
- ``allow_destroy`` (more destructive changes than ``max_destroy``) is honoured only when the
  server was started with ``--allow-destroy``;
- every file the server reads or writes for the agent is inside its root (the ``--manifests``
  directory, else the working directory), symlinks and ``..`` resolved (:func:`confine`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

from hexsync.decide.guardrails import DEFAULT_MAX_DESTROY, touches_protect
from hexsync.errors import ConfigError, HexsyncError
from hexsync.manifest import find_files, load
from hexsync.mcp.server import ToolError
from hexsync.values.desired import NOWHERE, Policy, email_key
from hexsync.values.hex_access import level_or_none
from hexsync.values.plan import Change

__all__ = [
    "bind_policy",
    "confine",
    "confine_sources",
    "deactivation_refusals",
    "loosenings",
    "plan_refusals",
    "server_policy",
]


def server_policy(policy_file: Path | None, manifests: Path | None) -> Policy:
    """The policy that binds the session, read once at start: a manifest error stops the
    server (exit 1) rather than letting it run unbound."""
    source = policy_file or manifests
    if source is None:
        return Policy()  # hexsync's defaults: nothing pruned, max_destroy 10, no public web
    try:
        return load([str(source)]).policy
    except HexsyncError as exc:
        option = "--policy" if policy_file is not None else "--manifests"
        raise ConfigError(
            f"cannot read the server's policy from {option} {source}: {exc}",
            hint="fix the manifests (`hexsync validate`), or give --policy FILE",
        ) from None


def _limit(policy: Policy) -> int:
    return policy.max_destroy if policy.max_destroy is not None else DEFAULT_MAX_DESTROY


def loosenings(server: Policy, given: Policy) -> list[str]:
    """How ``given`` is less strict than ``server``, rule by rule (empty: it is not).

    ``protect`` lists cannot loosen anything (the union applies) and an omitted
    ``max_destroy`` inherits the server's, so only prune, a higher ``max_destroy`` and public
    web sharing can."""
    out: list[str] = []
    if given.prune_groups and not server.prune_groups:
        out.append("prune.groups: true (the server's policy does not prune groups)")
    if given.prune_users and not server.prune_users:
        out.append("prune.users: true (the server's policy does not prune users)")
    if given.max_destroy is not None and given.max_destroy > _limit(server):
        out.append(f"max_destroy: {_limit(given)} (the server's is {_limit(server)})")
    if given.allow_public_web and not server.allow_public_web:
        out.append("allow_public_web: true (the server's policy refuses public web sharing)")
    return out


def bind_policy(server: Policy, given: Policy) -> Policy:
    """The policy for manifests that declare ``given`` (or none) under a server bound to
    ``server``: raises ToolError when ``given`` loosens any rule, else the stricter of the two
    on every rule (``statuses`` from the manifests when they list some)."""
    if given.mark == NOWHERE and given == Policy():
        return server  # no policy declared: the server's applies as it is
    loose = loosenings(server, given)
    if loose:
        raise ToolError(
            f"refused: the policy in {given.mark.file} loosens the server's policy: "
            + "; ".join(loose)
            + ". The server's policy (--policy or --manifests) binds every plan made here; "
            "a manifest may only make it stricter. Remove the policy from the manifests, or "
            "ask the user to change the server's policy"
        )
    return replace(
        server,
        prune_groups=server.prune_groups and given.prune_groups,
        prune_users=server.prune_users and given.prune_users,
        protect_groups=server.protect_groups | given.protect_groups,
        protect_users=server.protect_users | given.protect_users,
        max_destroy=(
            server.max_destroy
            if given.max_destroy is None
            else min(_limit(server), given.max_destroy)
        ),
        allow_public_web=server.allow_public_web and given.allow_public_web,
        statuses=given.statuses if given.statuses is not None else server.statuses,
        mark=given.mark,
    )


def plan_refusals(
    changes: Sequence[Change],
    policy: Policy,
    *,
    allow_destroy: bool,
    members: Mapping[str, frozenset[str] | None] | None = None,
) -> list[str]:
    """What in ``changes`` the server's ``policy`` refuses, in words (empty: nothing).
    ``members``: the live members of the groups the changes delete (see touches_protect)."""
    out = [
        f"{change.address}: {what}"
        for change in changes
        for what in touches_protect(change, policy, members)
    ]
    if not policy.allow_public_web:
        for change in changes:
            for f in change.fields_at("sharing.public_web"):
                if level_or_none(f.new) is not None:
                    out.append(f"{change.address}: shares to the public web ({f.new})")
    destroy = sum(c.destructive_count for c in changes)
    if destroy > _limit(policy) and not allow_destroy:
        out.append(f"{destroy} destructive changes, more than max_destroy {_limit(policy)}")
    return out


def deactivation_refusals(
    emails: Iterable[str], policy: Policy, *, allow_destroy: bool
) -> list[str]:
    """Why ``deactivate_user`` may not deactivate ``emails`` (in any case) under ``policy``."""
    wanted = sorted({email_key(e) for e in emails})
    protected = {email_key(u) for u in policy.protect_users}
    out = [f"{e} is protected (policy.protect.users)" for e in wanted if e in protected]
    if len(wanted) > _limit(policy) and not allow_destroy:
        out.append(f"{len(wanted)} deactivations, more than max_destroy {_limit(policy)}")
    return out


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def confine(given: str, root: Path, *, what: str) -> Path:
    """``given`` (relative to ``root``) resolved, symlinks and ``..`` included; ToolError when
    it lies outside ``root``. The message names the path, never anything read from it."""
    path = Path(os.path.expanduser(given))
    resolved = (path if path.is_absolute() else root / path).resolve()
    if not _inside(resolved, root):
        raise ToolError(
            f"refused: {what} {given!r} is outside the server's directory {root} "
            "(after resolving symlinks and '..'); nothing was read or written there"
        )
    return resolved


def confine_sources(paths: Sequence[str], root: Path) -> list[str]:
    """The manifest ``paths`` resolved inside ``root``; every file they expand to (symlinks in
    a directory included) must be inside it too."""
    resolved = [str(confine(p, root, what="path")) for p in paths]
    files, _ = find_files(resolved, root)
    for file, shown in files:
        if not _inside(file.resolve(), root):
            raise ToolError(
                f"refused: {shown} links outside the server's directory {root}; nothing was "
                "read from it"
            )
    return resolved
