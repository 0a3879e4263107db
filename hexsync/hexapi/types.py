"""Typed results of the Hex API, parsed tolerantly.

Every record is a frozen dataclass built by ``from_api``: unknown fields are ignored (Hex adds
fields), missing optional ones become None or empty, and the original JSON object stays
available as ``raw`` (not part of equality or repr). A record missing a field hexsync cannot do
without (an ``id``) raises :class:`~hexsync.hexapi.errors.UnexpectedResponseError` at the call.

Access levels are plain strings (``NONE``, ``APP_ONLY``, ``CAN_VIEW``, ``CAN_EDIT``,
``FULL_ACCESS``) so that a level Hex adds later passes through instead of failing a read.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

T = TypeVar("T")

ACCESS_LEVELS: tuple[str, ...] = ("NONE", "APP_ONLY", "CAN_VIEW", "CAN_EDIT", "FULL_ACCESS")
TERMINAL_RUN_STATUSES = frozenset({"COMPLETED", "ERRORED", "KILLED", "UNABLE_TO_ALLOCATE_KERNEL"})

JSON = Mapping[str, Any]


class MalformedRecordError(ValueError):
    """A record lacks a field hexsync needs; the client turns it into UnexpectedResponseError."""


def _obj(value: Any) -> JSON:
    return value if isinstance(value, Mapping) else {}


def _list(value: Any) -> Sequence[Any]:
    return value if isinstance(value, list) else ()


def _str(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return str(value)
    return None


def _req(data: JSON, key: str, kind: str) -> str:
    value = _str(data.get(key))
    if value is None or value == "":
        raise MalformedRecordError(f"{kind} without {key!r}")
    return value


def _num(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return None
    return None


def _nested(data: JSON, outer: str, inner: str) -> str | None:
    return _str(_obj(data.get(outer)).get(inner))


def _access_of(entry: Any) -> str | None:
    return _str(_obj(entry).get("access"))


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a cursor-paginated listing; ``after`` is None on the last page."""

    values: tuple[T, ...]
    after: str | None
    before: str | None


@dataclass(frozen=True)
class ProjectSharing:
    """Who a project is shared with, by email / name (how Hex reads it; writes go by id)."""

    users: dict[str, str] = field(default_factory=dict)  # email → access
    groups: dict[str, str] = field(default_factory=dict)  # group name → access
    collections: dict[str, str] = field(default_factory=dict)  # collection name → access
    workspace: str | None = None
    public_web: str | None = None
    support: str | None = None

    @classmethod
    def from_api(cls, data: JSON) -> ProjectSharing:
        def by(kind: str, key: str) -> dict[str, str]:
            out: dict[str, str] = {}
            for entry in _list(data.get(kind)):
                name = _nested(_obj(entry), kind.rstrip("s"), key)
                access = _access_of(entry)
                if name is not None and access is not None:
                    out[name] = access
            return out

        return cls(
            users=by("users", "email"),
            groups=by("groups", "name"),
            collections=by("collections", "name"),
            workspace=_access_of(data.get("workspace")),
            public_web=_access_of(data.get("publicWeb")),
            support=_access_of(data.get("support")),
        )


@dataclass(frozen=True)
class Project:
    id: str
    title: str
    description: str | None = None
    type: str | None = None  # PROJECT | COMPONENT
    creator_email: str | None = None
    owner_email: str | None = None
    status: str | None = None
    categories: tuple[str, ...] = ()
    created_at: str | None = None
    last_edited_at: str | None = None
    last_published_at: str | None = None
    archived_at: str | None = None
    trashed_at: str | None = None
    sharing: ProjectSharing | None = None  # only with includeSharing
    last_viewed_at: str | None = None  # analytics.lastViewedAt
    raw: JSON = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_api(cls, data: JSON) -> Project:
        sharing = data.get("sharing")
        return cls(
            id=_req(data, "id", "project"),
            title=_str(data.get("title")) or "",
            description=_str(data.get("description")),
            type=_str(data.get("type")),
            creator_email=_nested(data, "creator", "email"),
            owner_email=_nested(data, "owner", "email"),
            status=_nested(data, "status", "name"),
            categories=tuple(
                name
                for name in (_str(_obj(c).get("name")) for c in _list(data.get("categories")))
                if name is not None
            ),
            created_at=_str(data.get("createdAt")),
            last_edited_at=_str(data.get("lastEditedAt")),
            last_published_at=_str(data.get("lastPublishedAt")),
            archived_at=_str(data.get("archivedAt")),
            trashed_at=_str(data.get("trashedAt")),
            sharing=ProjectSharing.from_api(sharing) if isinstance(sharing, Mapping) else None,
            last_viewed_at=_nested(data, "analytics", "lastViewedAt"),
            raw=data,
        )


@dataclass(frozen=True)
class SharingError:
    """One entry a sharing edit could not apply (the others were applied)."""

    reason: str
    ids: tuple[str, ...] = ()  # userIds / groupIds / collectionIds
    type: str | None = None  # workspace | publicWeb (EditProjectSharingOrgAndPublic)

    @classmethod
    def from_api(cls, data: JSON) -> SharingError:
        ids: list[str] = []
        for key in ("userIds", "groupIds", "collectionIds"):
            ids.extend(i for i in (_str(v) for v in _list(data.get(key))) if i is not None)
        return cls(
            reason=_str(data.get("reason")) or "unknown reason",
            ids=tuple(ids),
            type=_str(data.get("type")),
        )


@dataclass(frozen=True)
class SharingResult:
    """The project after a sharing edit, and the entries that were not applied."""

    project: Project
    errors: tuple[SharingError, ...] = ()
    requests: int = 1  # how many PATCH requests the edit took (25 entries per request)

    @classmethod
    def from_api(cls, data: JSON) -> SharingResult:
        return cls(
            project=Project.from_api(_obj(data.get("project"))),
            errors=tuple(SharingError.from_api(_obj(e)) for e in _list(data.get("errors"))),
        )


@dataclass(frozen=True)
class User:
    id: str
    email: str
    name: str | None = None
    role: str | None = None
    last_login_date: str | None = None
    raw: JSON = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_api(cls, data: JSON) -> User:
        return cls(
            id=_req(data, "id", "user"),
            email=_str(data.get("email")) or "",
            name=_str(data.get("name")),
            role=_str(data.get("role")),
            last_login_date=_str(data.get("lastLoginDate")),
            raw=data,
        )


@dataclass(frozen=True)
class Me:
    """Who the token is. A workspace token has no user: ``user`` is None."""

    org_id: str
    user: User | None = None
    token_expires_at: float | None = None
    org_name: str | None = None  # not in the documented answer; shown when Hex sends it
    raw: JSON = field(default_factory=dict, repr=False, compare=False)

    @property
    def is_workspace_token(self) -> bool:
        return self.user is None

    @classmethod
    def from_api(cls, data: JSON) -> Me:
        org_id = _nested(data, "org", "id")
        if not org_id:
            raise MalformedRecordError("users/me without org.id")
        user = User.from_api(data) if _str(data.get("id")) else None
        return cls(
            org_id=org_id,
            user=user,
            token_expires_at=_num(_obj(data.get("token")).get("exp")),
            org_name=_nested(data, "org", "name"),
            raw=data,
        )


@dataclass(frozen=True)
class Group:
    id: str
    name: str
    created_at: str | None = None
    member_ids: tuple[str, ...] | None = None  # only on CreateGroup's answer
    raw: JSON = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_api(cls, data: JSON) -> Group:
        members = data.get("members")
        member_ids = (
            tuple(
                i
                for i in (_str(_obj(u).get("id")) for u in _list(_obj(members).get("users")))
                if i is not None
            )
            if isinstance(members, Mapping)
            else None
        )
        return cls(
            id=_req(data, "id", "group"),
            name=_str(data.get("name")) or "",
            created_at=_str(data.get("createdAt")),
            member_ids=member_ids,
            raw=data,
        )


@dataclass(frozen=True)
class CollectionSharing:
    """Collection sharing by id; access values are opaque strings (docs/hex-api.md)."""

    users: dict[str, str] = field(default_factory=dict)  # user id → access
    groups: dict[str, str] = field(default_factory=dict)  # group id → access
    workspace_members: str | None = None

    @classmethod
    def from_api(cls, data: JSON) -> CollectionSharing:
        def by(kind: str) -> dict[str, str]:
            out: dict[str, str] = {}
            for entry in _list(data.get(kind)):
                ident = _str(_obj(entry).get("id"))
                access = _access_of(entry)
                if ident is not None and access is not None:
                    out[ident] = access
            return out

        return cls(
            users=by("users"),
            groups=by("groups"),
            workspace_members=_nested(data, "workspace", "members"),
        )


@dataclass(frozen=True)
class Collection:
    id: str
    name: str
    description: str | None = None
    creator_email: str | None = None
    creator_id: str | None = None
    sharing: CollectionSharing = field(default_factory=CollectionSharing)
    raw: JSON = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_api(cls, data: JSON) -> Collection:
        return cls(
            id=_req(data, "id", "collection"),
            name=_str(data.get("name")) or "",
            description=_str(data.get("description")),
            creator_email=_nested(data, "creator", "email"),
            creator_id=_nested(data, "creator", "id"),
            sharing=CollectionSharing.from_api(_obj(data.get("sharing"))),
            raw=data,
        )


@dataclass(frozen=True)
class DataConnection:
    """A data connection; the type-specific details stay in ``raw`` (read only for hexsync)."""

    id: str
    name: str
    type: str | None = None
    description: str | None = None
    connect_via_ssh: bool | None = None
    include_magic: bool | None = None
    allow_writeback_cells: bool | None = None
    schema_refresh_access: str | None = None
    raw: JSON = field(default_factory=dict, repr=False, compare=False)
    # sharing.workspace: members, guests, public (None when Hex sent no level)
    workspace: dict[str, str] = field(default_factory=dict, compare=False)
    # sharing.groups: (group id, group name, access)
    groups: tuple[tuple[str, str, str], ...] = ()

    @classmethod
    def from_api(cls, data: JSON) -> DataConnection:
        def flag(key: str) -> bool | None:
            value = data.get(key)
            return value if isinstance(value, bool) else None

        sharing = _obj(data.get("sharing"))
        workspace = _obj(sharing.get("workspace"))
        groups = []
        for entry in _list(sharing.get("groups")):
            group = _obj(_obj(entry).get("group"))
            access = _str(_obj(entry).get("access"))
            ident, name = _str(group.get("id")), _str(group.get("name"))
            if access is not None and (ident or name):
                groups.append((ident or "", name or "", access))

        return cls(
            id=_req(data, "id", "data connection"),
            name=_str(data.get("name")) or "",
            type=_str(data.get("type")),
            description=_str(data.get("description")),
            connect_via_ssh=flag("connectViaSsh"),
            include_magic=flag("includeMagic"),
            allow_writeback_cells=flag("allowWritebackCells"),
            schema_refresh_access=_str(data.get("schemaRefreshAccess")),
            raw=data,
            workspace={
                k: level
                for k in ("members", "guests", "public")
                if (level := _str(workspace.get(k))) is not None
            },
            groups=tuple(groups),
        )


@dataclass(frozen=True)
class SchemaUpdate:
    """What UpdateDataConnectionSchema changed: (name, status) per level."""

    databases: tuple[tuple[str, str | None], ...] = ()
    schemas: tuple[tuple[str, str | None], ...] = ()
    tables: tuple[tuple[str, str | None], ...] = ()

    @classmethod
    def from_api(cls, data: JSON) -> SchemaUpdate:
        updated = _obj(data.get("updated"))

        def level(key: str) -> tuple[tuple[str, str | None], ...]:
            return tuple(
                (name, _str(_obj(e).get("status")))
                for e in _list(updated.get(key))
                if (name := _str(_obj(e).get("name"))) is not None
            )

        return cls(databases=level("databases"), schemas=level("schemas"), tables=level("tables"))


@dataclass(frozen=True)
class QueriedTable:
    data_connection_id: str
    data_connection_name: str
    table_name: str

    @classmethod
    def from_api(cls, data: JSON) -> QueriedTable:
        return cls(
            data_connection_id=_str(data.get("dataConnectionId")) or "",
            data_connection_name=_str(data.get("dataConnectionName")) or "",
            table_name=_req(data, "tableName", "queried table"),
        )


def _version(value: Any) -> int | str | None:
    """``projectVersion``: an int in older documents, a string ("3", "draft") in newer ones."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, str)):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return None


@dataclass(frozen=True)
class Run:
    """A project run's status (GetRunStatus, GetProjectRuns)."""

    project_id: str
    run_id: str
    status: str
    run_url: str | None = None
    run_trigger: str | None = None
    project_version: int | str | None = None
    start_time: str | None = None
    end_time: str | None = None
    elapsed_ms: float | None = None
    trace_id: str | None = None
    raw: JSON = field(default_factory=dict, repr=False, compare=False)

    @property
    def is_terminal(self) -> bool:
        return self.status in TERMINAL_RUN_STATUSES

    @classmethod
    def from_api(cls, data: JSON) -> Run:
        return cls(
            project_id=_str(data.get("projectId")) or "",
            run_id=_req(data, "runId", "run"),
            status=_str(data.get("status")) or "UNKNOWN",
            run_url=_str(data.get("runUrl")),
            run_trigger=_str(data.get("runTrigger")),
            project_version=_version(data.get("projectVersion")),
            start_time=_str(data.get("startTime")),
            end_time=_str(data.get("endTime")),
            elapsed_ms=_num(data.get("elapsedTime")),
            trace_id=_str(data.get("traceId")),
            raw=data,
        )


@dataclass(frozen=True)
class RunStarted:
    """RunProject's answer: the run that was started (or validated, with ``dryRun``)."""

    project_id: str
    run_id: str
    run_url: str | None = None
    run_status_url: str | None = None
    project_version: int | str | None = None
    trace_id: str | None = None
    raw: JSON = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def from_api(cls, data: JSON) -> RunStarted:
        return cls(
            project_id=_str(data.get("projectId")) or "",
            run_id=_req(data, "runId", "run"),
            run_url=_str(data.get("runUrl")),
            run_status_url=_str(data.get("runStatusUrl")),
            project_version=_version(data.get("projectVersion")),
            trace_id=_str(data.get("traceId")),
            raw=data,
        )


@dataclass(frozen=True)
class RunsPage:
    """One page of GetProjectRuns (offset pagination)."""

    runs: tuple[Run, ...]
    next_page: str | None
    previous_page: str | None
    trace_id: str | None = None


@dataclass(frozen=True)
class Notification:
    """A run notification for RunProject (``notifications`` in its body)."""

    type: str  # SUCCESS | FAILURE | ALL
    include_success_screenshot: bool = False
    screenshot_format: str | None = None  # png | pdf
    slack_channel_ids: tuple[str, ...] = ()
    user_ids: tuple[str, ...] = ()
    group_ids: tuple[str, ...] = ()
    subject: str | None = None
    body: str | None = None

    def to_api(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "type": self.type,
            "includeSuccessScreenshot": self.include_success_screenshot,
        }
        if self.screenshot_format is not None:
            out["screenshotFormat"] = self.screenshot_format
        if self.slack_channel_ids:
            out["slackChannelIds"] = list(self.slack_channel_ids)
        if self.user_ids:
            out["userIds"] = list(self.user_ids)
        if self.group_ids:
            out["groupIds"] = list(self.group_ids)
        if self.subject is not None:
            out["subject"] = self.subject
        if self.body is not None:
            out["body"] = self.body
        return out


@dataclass(frozen=True)
class EmbedDisplayOptions:
    theme: str | None = None  # light | dark
    show_embedded_run_button: bool | None = None
    no_embed_header_padding: bool | None = None
    no_embed_base_padding: bool | None = None
    no_embed_outline: bool | None = None
    no_embed_footer: bool | None = None

    def to_api(self) -> dict[str, Any]:
        pairs = {
            "theme": self.theme,
            "showEmbeddedRunButton": self.show_embedded_run_button,
            "noEmbedHeaderPadding": self.no_embed_header_padding,
            "noEmbedBasePadding": self.no_embed_base_padding,
            "noEmbedOutline": self.no_embed_outline,
            "noEmbedFooter": self.no_embed_footer,
        }
        return {k: v for k, v in pairs.items() if v is not None}
