"""The seed's objects checked and normalised one kind at a time (users, groups, collections,
projects, connections, tokens, runs), each problem with its line."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping
from typing import Any

from hexsync.emulator.seed_format import (
    ACCESS_LEVELS,
    BASE_TIME,
    CONNECTION_ACCESS,
    CONNECTION_TYPES,
    INPUT_TYPES,
    PLANS,
    ROLES,
    RUN_RESULTS,
    RUN_TRIGGERS,
    SCHEMA_REFRESH_ACCESS,
    _Checker,
    _line,
    iso,
    line_of,
    stable_id,
)

TOP_KEYS = (
    "version",
    "org",
    "tokens",
    "statuses",
    "categories",
    "users",
    "groups",
    "collections",
    "projects",
    "data_connections",
    "runs",
    "undocumented_roles",
)


def _normalize(c: _Checker, raw: Mapping[str, Any]) -> dict[str, Any]:
    top = c.mapping(raw, _line(raw, 1), "the seed", TOP_KEYS)

    def at(key: str) -> int:
        return line_of(top, key, 1)

    org = c.mapping(
        top.get("org"), at("org"), "org", ("id", "name", "plan", "embedding", "share_to_web")
    )
    org_name = c.text(org.get("name"), line_of(org, "name", at("org")), "org.name") or "Workspace"
    org_id = c.uuid(org.get("id"), line_of(org, "id", at("org")), "org.id") or stable_id(
        "org", org_name
    )
    plan_value = org.get("plan")
    if isinstance(plan_value, str):
        plan_value = plan_value.upper()
    plan = c.choice(plan_value, line_of(org, "plan", at("org")), "org.plan", PLANS) or "ENTERPRISE"
    embedding = c.boolean(
        org.get("embedding"), line_of(org, "embedding", at("org")), "org.embedding", True
    )
    share_to_web = c.boolean(
        org.get("share_to_web"), line_of(org, "share_to_web", at("org")), "org.share_to_web", True
    )

    statuses: list[str] = []
    raw_statuses = c.sequence(top.get("statuses"), at("statuses"), "statuses")
    for i, status in enumerate(raw_statuses):
        line = line_of(raw_statuses, i, at("statuses"))
        name = c.text(status, line, "a status", required=True)
        if name is None:
            continue
        if name in statuses:
            c.error(line, f"duplicate status {name!r}")
        statuses.append(name)

    categories = _categories(c, top, at("categories"))
    extra_roles = _undocumented_roles(c, top.get("undocumented_roles"), at("undocumented_roles"))
    users = _users(c, top.get("users"), at("users"), (*ROLES, *extra_roles))
    emails = {u["email"] for u in users}
    groups = _groups(c, top.get("groups"), at("groups"), emails)
    group_names = {g["name"] for g in groups}
    collections = _collections(c, top.get("collections"), at("collections"), emails, group_names)
    connections = _connections(c, top.get("data_connections"), at("data_connections"), group_names)
    projects = _projects(
        c,
        top.get("projects"),
        at("projects"),
        refs={
            "emails": emails,
            "groups": group_names,
            "collections": {x["name"] for x in collections},
            "connections": {x["name"] for x in connections},
            "statuses": set(statuses),
        },
    )
    tokens = _tokens(c, top.get("tokens"), at("tokens"), users)
    runs = _runs(c, top.get("runs"), at("runs"), {p["id"] for p in projects})
    return {
        "org": {
            "id": org_id,
            "name": org_name,
            "plan": plan,
            "embedding": embedding,
            "share_to_web": share_to_web,
        },
        "tokens": tokens,
        "statuses": statuses,
        "categories": categories,
        "users": users,
        "groups": groups,
        "collections": collections,
        "projects": projects,
        "data_connections": connections,
        "runs": runs,
        **({"undocumented_roles": extra_roles} if extra_roles else {}),
    }


def _undocumented_roles(c: _Checker, value: Any, line: int) -> list[str]:
    """Roles beyond the API's documented enum that users may have: what a real workspace may
    send, for rehearsing ``hexsync doctor`` (docs/emulator.md)."""
    found: list[str] = []
    for i, role in enumerate(c.sequence(value, line, "undocumented_roles")):
        name = c.text(role, line_of(value, i, line), "an undocumented role", required=True)
        if name is None:
            continue
        if not re.fullmatch(r"[A-Z][A-Z0-9_]*", name) or name in ROLES:
            c.error(line, f"undocumented role {name!r}: an upper-case word not in {ROLES}")
            continue
        found.append(name)
    return found


def _each(
    c: _Checker, value: Any, line: int, what: str, keys: tuple[str, ...]
) -> list[tuple[int, dict[str, Any]]]:
    """The items of a list of mappings, each with its line, after checking their keys."""
    items = c.sequence(value, line, what)
    result = []
    for i, item in enumerate(items):
        item_line = line_of(items, i, line)
        if not isinstance(item, dict):
            c.error(item_line, f"each of {what} must be a mapping, not {item!r}")
            continue
        result.append((_line(item, item_line), c.mapping(item, item_line, f"{what} item", keys)))
    return result


def _unique(c: _Checker, seen: dict[str, int], key: str, line: int, what: str) -> None:
    if key in seen:
        c.error(line, f"duplicate {what} {key!r} (first at line {seen[key]})")
    else:
        seen[key] = line


def _categories(c: _Checker, top: Mapping[str, Any], line: int) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = []
    items = c.sequence(top.get("categories"), line, "categories")
    for i, item in enumerate(items):
        item_line = line_of(items, i, line)
        if isinstance(item, str):
            result.append({"name": item, "description": None})
            continue
        m = c.mapping(item, item_line, "a category", ("name", "description"))
        name = c.text(m.get("name"), item_line, "category name", required=True)
        if name:
            desc = c.text(m.get("description"), item_line, "category description")
            result.append({"name": name, "description": desc})
    return result


USER_KEYS = ("id", "email", "name", "role", "active", "last_login_date", "lastLoginDate")


def _users(
    c: _Checker, value: Any, line: int, roles: tuple[str, ...] = ROLES
) -> list[dict[str, Any]]:
    result = []
    seen: dict[str, int] = {}
    for item_line, u in _each(c, value, line, "users", USER_KEYS):
        email = c.text(u.get("email"), item_line, "user email", required=True)
        if email is None:
            continue
        if "@" not in email:
            c.error(item_line, f"user email {email!r} is not an email address")
        email = email.lower()
        _unique(c, seen, email, item_line, "user email")
        last_login = u.get("last_login_date", u.get("lastLoginDate"))
        result.append(
            {
                "id": c.uuid(u.get("id"), item_line, "user id") or stable_id("user", email),
                "email": email,
                "name": c.text(u.get("name"), line_of(u, "name", item_line), "user name"),
                "role": c.choice(u.get("role"), line_of(u, "role", item_line), "user role", roles)
                or "EDITOR",
                "active": c.boolean(u.get("active"), item_line, "user active", True),
                "last_login_date": c.timestamp(last_login, item_line, "user last_login_date"),
            }
        )
    return result


def _email_ref(c: _Checker, value: Any, line: int, emails: set[str], what: str) -> str | None:
    email = c.text(value, line, what, required=True)
    if email is None:
        return None
    if email.lower() not in emails:
        c.error(line, f"{what} {email!r} is not a user of the seed")
        return None
    return email.lower()


def _groups(c: _Checker, value: Any, line: int, emails: set[str]) -> list[dict[str, Any]]:
    result = []
    seen: dict[str, int] = {}
    for index, (item_line, g) in enumerate(
        _each(c, value, line, "groups", ("id", "name", "members", "created_at"))
    ):
        name = c.text(g.get("name"), item_line, "group name", required=True)
        if name is None:
            continue
        _unique(c, seen, name, item_line, "group name")
        members: list[str] = []
        raw_members = c.sequence(g.get("members"), line_of(g, "members", item_line), "members")
        for i, member in enumerate(raw_members):
            member_line = line_of(raw_members, i, item_line)
            email = _email_ref(c, member, member_line, emails, f"member of group {name!r}")
            if email is not None and email not in members:
                members.append(email)
        created = c.timestamp(g.get("created_at"), item_line, "group created_at")
        result.append(
            {
                "id": c.uuid(g.get("id"), item_line, "group id") or stable_id("group", name),
                "name": name,
                "members": members,
                "created_at": created or iso(BASE_TIME + dt.timedelta(minutes=index)),
            }
        )
    return result


def _collections(
    c: _Checker, value: Any, line: int, emails: set[str], groups: set[str]
) -> list[dict[str, Any]]:
    result = []
    seen: dict[str, int] = {}
    keys = ("id", "name", "description", "creator", "sharing", "created_at")
    for index, (item_line, x) in enumerate(_each(c, value, line, "collections", keys)):
        name = c.text(x.get("name"), item_line, "collection name", required=True)
        if name is None:
            continue
        _unique(c, seen, name, item_line, "collection name")
        creator = None
        if x.get("creator") is not None:
            creator = _email_ref(c, x["creator"], item_line, emails, "collection creator")
        share_line = line_of(x, "sharing", item_line)
        sharing = c.mapping(x.get("sharing"), share_line, "collection sharing", _COLL_SHARE_KEYS)
        result.append(
            {
                "id": c.uuid(x.get("id"), item_line, "collection id")
                or stable_id("collection", name),
                "name": name,
                "description": c.text(x.get("description"), item_line, "collection description"),
                "creator": creator,
                "sharing": {
                    "users": _opaque_shares(
                        c, sharing.get("users"), share_line, emails, "user", str.lower
                    ),
                    "groups": _opaque_shares(c, sharing.get("groups"), share_line, groups, "group"),
                    "workspace": c.text(sharing.get("workspace"), share_line, "workspace access"),
                },
                "created_at": c.timestamp(x.get("created_at"), item_line, "created_at")
                or iso(BASE_TIME + dt.timedelta(minutes=index)),
            }
        )
    return result


_COLL_SHARE_KEYS = ("users", "groups", "workspace")


def _opaque_shares(
    c: _Checker,
    value: Any,
    line: int,
    known: set[str],
    what: str,
    fold: Callable[[str], str] = str,
) -> dict[str, str]:
    result: dict[str, str] = {}
    if value is None:
        return result
    if not isinstance(value, dict):
        c.error(line, f"{what} sharing must be a mapping of {what} to access")
        return result
    for key, access in value.items():
        key_line = line_of(value, key, line)
        if not isinstance(key, str) or fold(key) not in known:
            c.error(key_line, f"unknown {what} {key!r} in sharing")
            continue
        if not isinstance(access, str):
            c.error(key_line, f"access for {what} {key!r} must be a string")
            continue
        result[fold(key)] = access
    return result


def _access_map(
    c: _Checker, value: Any, line: int, known: set[str], what: str, fold: Callable[[str], str]
) -> dict[str, str]:
    result = _opaque_shares(c, value, line, known, what, fold)
    for key, access in list(result.items()):
        if access not in ACCESS_LEVELS:
            c.error(
                line_of(value, key, line),
                f"bad access level {access!r} for {what} {key!r} "
                f"(one of {', '.join(ACCESS_LEVELS)})",
            )
            del result[key]
    return result


PROJECT_KEYS = (
    "id",
    "title",
    "description",
    "owner",
    "creator",
    "type",
    "component",
    "status",
    "categories",
    "published",
    "version",
    "created_at",
    "last_edited_at",
    "last_published_at",
    "archived",
    "archived_at",
    "trashed",
    "trashed_at",
    "last_viewed_at",
    "sharing",
    "queried_tables",
    "inputs",
    "run_result",
    "views",
)


SHARING_KEYS = ("workspace", "public_web", "support", "users", "groups", "collections")


def _projects(
    c: _Checker, value: Any, line: int, refs: dict[str, set[str]]
) -> list[dict[str, Any]]:
    result = []
    seen_ids: dict[str, int] = {}
    title_counts: dict[str, int] = {}
    for index, (item_line, p) in enumerate(_each(c, value, line, "projects", PROJECT_KEYS)):
        title = c.text(p.get("title"), item_line, "project title", required=True)
        if title is None:
            continue

        def at(key: str, p: dict[str, Any] = p, item_line: int = item_line) -> int:
            return line_of(p, key, item_line)

        occurrence = title_counts.get(title, 0)
        title_counts[title] = occurrence + 1
        key = title if occurrence == 0 else f"{title}#{occurrence}"
        pid = c.uuid(p.get("id"), at("id"), "project id") or stable_id("project", key)
        _unique(c, seen_ids, pid, item_line, "project id")
        owner = _email_ref(c, p.get("owner"), at("owner"), refs["emails"], "project owner")
        creator = owner
        if p.get("creator") is not None:
            creator = _email_ref(c, p["creator"], at("creator"), refs["emails"], "project creator")
        status = p.get("status")
        if status is not None and status not in refs["statuses"]:
            c.error(at("status"), f"unknown status {status!r} (not in `statuses`)")
            status = None
        kind = c.choice(p.get("type"), at("type"), "project type", ("PROJECT", "COMPONENT"))
        if c.boolean(p.get("component"), at("component"), "component", False):
            kind = "COMPONENT"
        created = c.timestamp(p.get("created_at"), at("created_at"), "created_at") or iso(
            BASE_TIME + dt.timedelta(minutes=index)
        )
        published_at = c.timestamp(p.get("last_published_at"), at("last_published_at"), "ts")
        published = c.boolean(p.get("published"), at("published"), "published", bool(published_at))
        if published and published_at is None:
            published_at = created
        if not published:
            published_at = None
        version = p.get("version", 1)
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            c.error(at("version"), f"version must be a positive integer, not {version!r}")
            version = 1
        categories = []
        raw_categories = c.sequence(p.get("categories"), at("categories"), "categories")
        for i, category in enumerate(raw_categories):
            name = c.text(category, line_of(raw_categories, i, item_line), "category")
            if name:
                categories.append(name)
        result.append(
            {
                "id": pid,
                "title": title,
                "description": c.text(p.get("description"), at("description"), "description"),
                "owner": owner or "",
                "creator": creator or "",
                "type": kind or "PROJECT",
                "status": status,
                "categories": categories,
                "published": published,
                "version": version,
                "created_at": created,
                "last_edited_at": c.timestamp(p.get("last_edited_at"), at("last_edited_at"), "ts")
                or created,
                "last_published_at": published_at,
                "archived_at": _flag_time(c, p, "archived", at, created),
                "trashed_at": _flag_time(c, p, "trashed", at, created),
                "last_viewed_at": c.timestamp(p.get("last_viewed_at"), at("last_viewed_at"), "ts"),
                "sharing": _project_sharing(c, p.get("sharing"), at("sharing"), refs),
                "queried_tables": _queried_tables(c, p, at, refs["connections"]),
                "inputs": _inputs(c, p.get("inputs"), at("inputs")),
                "run_result": c.choice(
                    p.get("run_result"), at("run_result"), "run_result", RUN_RESULTS
                )
                or "COMPLETED",
                "views": _views(c, p.get("views"), at("views"), key),
            }
        )
    return result


def _flag_time(
    c: _Checker, p: dict[str, Any], flag: str, at: Callable[[str], int], created: str
) -> str | None:
    stamp = c.timestamp(p.get(f"{flag}_at"), at(f"{flag}_at"), f"{flag}_at")
    value = p.get(flag)
    if isinstance(value, bool) or value is None:
        if value and stamp is None:
            stamp = created
        return stamp
    return c.timestamp(value, at(flag), flag)


def _project_sharing(
    c: _Checker, value: Any, line: int, refs: dict[str, set[str]]
) -> dict[str, Any]:
    s = c.mapping(value, line, "project sharing", SHARING_KEYS)

    def level(key: str) -> str:
        found = c.choice(s.get(key), line_of(s, key, line), f"sharing.{key}", ACCESS_LEVELS)
        return found or "NONE"

    return {
        "workspace": level("workspace"),
        "public_web": level("public_web"),
        "support": level("support"),
        "users": _access_map(c, s.get("users"), line, refs["emails"], "user", str.lower),
        "groups": _access_map(c, s.get("groups"), line, refs["groups"], "group", str),
        "collections": _access_map(
            c, s.get("collections"), line, refs["collections"], "collection", str
        ),
    }


def _queried_tables(
    c: _Checker, p: dict[str, Any], at: Callable[[str], int], connections: set[str]
) -> list[dict[str, str]]:
    result = []
    for item_line, t in _each(
        c, p.get("queried_tables"), at("queried_tables"), "queried_tables", ("connection", "table")
    ):
        conn = c.text(t.get("connection"), item_line, "queried table connection", required=True)
        table = c.text(t.get("table"), item_line, "queried table name", required=True)
        if conn is not None and conn not in connections:
            c.error(item_line, f"unknown data connection {conn!r} in queried_tables")
        elif conn is not None and table is not None:
            result.append({"connection": conn, "table": table})
    return result


def _inputs(c: _Checker, value: Any, line: int) -> list[dict[str, Any]] | None:
    if value is None:
        return None
    result = []
    seen: dict[str, int] = {}
    for item_line, i in _each(c, value, line, "inputs", ("name", "type", "default")):
        name = c.text(i.get("name"), item_line, "input name", required=True)
        if name is None:
            continue
        _unique(c, seen, name, item_line, "input")
        kind = c.choice(i.get("type"), item_line, "input type", INPUT_TYPES) or "any"
        result.append({"name": name, "type": kind, "default": i.get("default")})
    return result


def _views(c: _Checker, value: Any, line: int, project_key: str) -> list[dict[str, Any]]:
    result = []
    seen: dict[str, int] = {}
    for item_line, v in _each(c, value, line, "views", ("id", "name", "inputs")):
        name = c.text(v.get("name"), item_line, "view name", required=True)
        if name is None:
            continue
        view_id = c.uuid(v.get("id"), item_line, "view id") or stable_id(
            "view", f"{project_key}:{name}"
        )
        _unique(c, seen, view_id, item_line, "view id")
        inputs = v.get("inputs") or {}
        if not isinstance(inputs, dict):
            c.error(item_line, f"view inputs must be a mapping of input name to value: {name}")
            inputs = {}
        result.append({"id": view_id, "name": name, "inputs": dict(inputs)})
    return result


CONNECTION_KEYS = (
    "id",
    "name",
    "type",
    "description",
    "connection_details",
    "connect_via_ssh",
    "include_magic",
    "allow_writeback_cells",
    "schema_refresh_access",
    "sharing",
    "schema",
    "created_at",
)


def _connections(c: _Checker, value: Any, line: int, groups: set[str]) -> list[dict[str, Any]]:
    result = []
    seen: dict[str, int] = {}
    for index, (item_line, d) in enumerate(
        _each(c, value, line, "data_connections", CONNECTION_KEYS)
    ):
        name = c.text(d.get("name"), item_line, "data connection name", required=True)
        kind = c.choice(d.get("type"), item_line, "data connection type", CONNECTION_TYPES)
        if d.get("type") is None:
            c.error(item_line, "data connection type is required")
        if name is None or kind is None:
            continue
        _unique(c, seen, name, item_line, "data connection name")
        share_line = line_of(d, "sharing", item_line)
        sharing = c.mapping(d.get("sharing"), share_line, "sharing", ("workspace", "groups"))
        workspace = c.mapping(
            sharing.get("workspace"), share_line, "workspace", ("members", "guests", "public")
        )
        details = d.get("connection_details")
        if details is not None and not isinstance(details, dict):
            c.error(item_line, "connection_details must be a mapping")
            details = None
        result.append(
            {
                "id": c.uuid(d.get("id"), item_line, "data connection id")
                or stable_id("data_connection", name),
                "name": name,
                "type": kind,
                "description": c.text(d.get("description"), item_line, "description"),
                "connection_details": dict(details or {}),
                "connect_via_ssh": c.boolean(d.get("connect_via_ssh"), item_line, "ssh", False),
                "include_magic": c.boolean(d.get("include_magic"), item_line, "magic", True),
                "allow_writeback_cells": c.boolean(
                    d.get("allow_writeback_cells"), item_line, "allow_writeback_cells", False
                ),
                "schema_refresh_access": c.choice(
                    d.get("schema_refresh_access"),
                    item_line,
                    "schema_refresh_access",
                    SCHEMA_REFRESH_ACCESS,
                )
                or "ADMINS",
                "sharing": {
                    "workspace": {
                        k: c.choice(workspace.get(k), share_line, k, CONNECTION_ACCESS) or "NONE"
                        for k in ("members", "guests", "public")
                    },
                    "groups": _connection_groups(c, sharing.get("groups"), share_line, groups),
                },
                "schema": _schema_objects(c, d.get("schema"), line_of(d, "schema", item_line)),
                "created_at": c.timestamp(d.get("created_at"), item_line, "created_at")
                or iso(BASE_TIME + dt.timedelta(minutes=index)),
            }
        )
    return result


def _connection_groups(c: _Checker, value: Any, line: int, groups: set[str]) -> dict[str, str]:
    result = _opaque_shares(c, value, line, groups, "group")
    for key, access in list(result.items()):
        if access not in CONNECTION_ACCESS:
            c.error(line, f"bad data connection access {access!r} for group {key!r}")
            del result[key]
    return result


def _schema_objects(c: _Checker, value: Any, line: int) -> dict[str, Any] | None:
    if value is None:
        return None
    m = c.mapping(value, line, "schema", ("databases", "schemas", "tables"))
    result: dict[str, dict[str, str | None]] = {}
    for kind in ("databases", "schemas", "tables"):
        raw = m.get(kind)
        if isinstance(raw, list):
            result[kind] = {str(name): None for name in raw}
        elif isinstance(raw, dict):
            result[kind] = {str(k): (None if v is None else str(v)) for k, v in raw.items()}
        elif raw is None:
            result[kind] = {}
        else:
            c.error(line, f"schema.{kind} must be a list of names or a mapping name → status")
            result[kind] = {}
    return result


def _tokens(
    c: _Checker, value: Any, line: int, users: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    by_email = {u["email"]: u for u in users}
    result = []
    seen: dict[str, int] = {}
    for item_line, t in _each(c, value, line, "tokens", ("token", "kind", "user", "expires_at")):
        token = c.text(t.get("token"), item_line, "token", required=True)
        if token is None:
            continue
        # Never echo a token value in an error message: say which entry instead.
        if token in seen:
            c.error(item_line, f"duplicate token (first at line {seen[token]})")
        seen[token] = item_line
        prefix_kind = {"hxtw_": "workspace", "hxtp_": "personal"}.get(token[:5])
        kind = c.choice(t.get("kind"), item_line, "token kind", ("workspace", "personal"))
        kind = kind or prefix_kind
        if kind is None:
            c.error(item_line, "token kind is required (workspace or personal)")
            continue
        if prefix_kind is not None and prefix_kind != kind:
            c.error(item_line, f"a {kind} token must not start with {token[:5]!r}")
        user = None
        if t.get("user") is not None:
            user = _email_ref(c, t["user"], item_line, set(by_email), "token user")
        if kind == "personal" and user is None and t.get("user") is None:
            c.error(item_line, "a personal token needs `user` (the email it acts as)")
        if kind == "workspace" and user is not None and by_email[user]["role"] != "ADMIN":
            c.error(item_line, f"a workspace token acts as an admin; {user!r} is not an ADMIN")
        result.append(
            {
                "token": token,
                "kind": kind,
                "user": user,
                "expires_at": c.timestamp(t.get("expires_at"), item_line, "expires_at"),
            }
        )
    return result


RUN_KEYS = (
    "id",
    "project",
    "created_at",
    "trigger",
    "killed_at",
    "result",
    "version",
    "notifications",
    "input_params",
    "dry_run",
)


def _runs(c: _Checker, value: Any, line: int, projects: set[str]) -> list[dict[str, Any]]:
    result = []
    for item_line, r in _each(c, value, line, "runs", RUN_KEYS):
        project = c.uuid(r.get("project"), item_line, "run project")
        if project is None or project not in projects:
            c.error(item_line, f"run project {r.get('project')!r} is not a project of the seed")
            continue
        created = c.timestamp(r.get("created_at"), item_line, "run created_at")
        run_id = c.uuid(r.get("id"), item_line, "run id")
        if created is None or run_id is None:
            c.error(item_line, "a run needs `id` and `created_at`")
            continue
        result.append(
            {
                "id": run_id,
                "project": project,
                "created_at": created,
                "trigger": c.choice(r.get("trigger"), item_line, "trigger", RUN_TRIGGERS) or "API",
                "killed_at": c.timestamp(r.get("killed_at"), item_line, "killed_at"),
                "result": c.choice(r.get("result"), item_line, "result", RUN_RESULTS)
                or "COMPLETED",
                "version": int(r.get("version") or 1),
                "notifications": list(c.sequence(r.get("notifications"), item_line, "x")),
                "input_params": dict(r.get("input_params") or {}),
                "dry_run": c.boolean(r.get("dry_run"), item_line, "dry_run", False),
            }
        )
    return result
