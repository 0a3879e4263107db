"""JSON Schemas of the request bodies the emulator accepts, written from the API reference.

They are written strict (``additionalProperties: false`` everywhere): with
``EmulatorConfig.strict_bodies`` (``emulator serve --strict-bodies``) an unknown key is a 400 on
every write, so a client that misspells a field finds out here rather than in production. By
default :func:`lenient` relaxes them: unknown keys are ignored, as the published document lets
Hex do, except in the objects the document itself closes (``additionalProperties: false``),
marked ``closed`` here: a group's ``members`` (and ``members.add``/``.remove``), a collection's
``sharing`` (and ``sharing.upsert``), a data connection's ``schemaRefreshSchedule``, and
UpdateDataConnectionSchema's body and each of its ``updates``. There an unknown key is a 400
either way (docs/emulator.md, "Request bodies").
"""

from __future__ import annotations

from typing import Any

ACCESS_LEVELS = ["NONE", "APP_ONLY", "CAN_VIEW", "CAN_EDIT", "FULL_ACCESS"]
UUID_PATTERN = r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"

Schema = dict[str, Any]

STRING: Schema = {"type": "string"}
NAME: Schema = {"type": "string", "minLength": 1}
BOOLEAN: Schema = {"type": "boolean"}
UUID: Schema = {"type": "string", "pattern": UUID_PATTERN}
ACCESS: Schema = {"type": "string", "enum": ACCESS_LEVELS}
CONNECTION_ACCESS: Schema = {"type": "string", "enum": ["NONE", "QUERY", "VIEW_RESULTS"]}


# Marks an object Hex's document closes: :func:`lenient` leaves its ``additionalProperties: false``.
CLOSED = "x-hex-closed"


def obj(
    props: Schema, required: tuple[str, ...] = (), *, extra: bool = False, closed: bool = False
) -> Schema:
    """An object of ``props``. ``closed``: Hex's document forbids other keys here too, so the
    emulator refuses them even when it is lenient."""
    schema: Schema = {"type": "object", "properties": props, "additionalProperties": extra}
    if required:
        schema["required"] = list(required)
    if closed:
        schema[CLOSED] = True
    return schema


def array(items: Schema, max_items: int | None = None) -> Schema:
    schema: Schema = {"type": "array", "items": items}
    if max_items is not None:
        schema["maxItems"] = max_items
    return schema


def _share_upsert(kind: str, principal: str, id_schema: Schema) -> Schema:
    entry = obj(
        {principal: obj({"id": id_schema}, ("id",)), "access": ACCESS}, (principal, "access")
    )
    return obj(
        {"sharing": obj({"upsert": obj({kind: array(entry, 25)}, (kind,))}, ("upsert",))},
        ("sharing",),
    )


CREATE_PROJECT = obj({"title": STRING, "description": STRING}, ("title",))
UPDATE_PROJECT = obj({"status": {"type": ["string", "null"]}})
SHARING_USERS = _share_upsert("users", "user", STRING)
SHARING_GROUPS = _share_upsert("groups", "group", STRING)
SHARING_COLLECTIONS = _share_upsert("collections", "collection", UUID)
SHARING_WORKSPACE = obj({"sharing": obj({"workspace": ACCESS, "publicWeb": ACCESS})}, ("sharing",))

GROUP_MEMBERS = obj({"users": array(obj({"id": UUID}, ("id",)), 100)}, closed=True)
CREATE_GROUP = obj({"name": NAME, "members": GROUP_MEMBERS}, ("name",))
EDIT_GROUP = obj({"name": NAME, "members": obj({"add": GROUP_MEMBERS, "remove": GROUP_MEMBERS})})

COLLECTION_SHARING = obj(
    {
        "users": array(obj({"access": STRING, "id": UUID}, ("access", "id"))),
        "groups": array(obj({"access": STRING, "id": UUID}, ("access", "id"))),
        "workspace": obj({"members": STRING}),
    },
    closed=True,
)
CREATE_COLLECTION = obj(
    {"name": NAME, "description": STRING, "sharing": COLLECTION_SHARING}, ("name",)
)
EDIT_COLLECTION = obj(
    {"name": NAME, "description": STRING, "sharing": obj({"upsert": COLLECTION_SHARING})}
)

NOTIFICATION = obj(
    {
        "type": {"type": "string", "enum": ["SUCCESS", "FAILURE", "ALL"]},
        "includeSuccessScreenshot": BOOLEAN,
        "screenshotFormat": {"type": "string", "enum": ["png", "pdf"]},
        "slackChannelIds": array(STRING),
        "userIds": array(STRING),
        "groupIds": array(STRING),
        "subject": STRING,
        "body": STRING,
    },
    ("type", "includeSuccessScreenshot"),
)
RUN_PROJECT = obj(
    {
        "inputParams": {"type": "object"},
        "dryRun": BOOLEAN,
        "updateCache": BOOLEAN,
        "notifications": array(NOTIFICATION),
        "updatePublishedResults": BOOLEAN,
        "useCachedSqlResults": BOOLEAN,
        "viewId": STRING,
    }
)

EMBEDDING = obj(
    {
        "hexUserAttributes": {"type": "object", "additionalProperties": STRING},
        "scope": array(STRING),
        "inputParameters": {"type": "object"},
        "expiresIn": {"type": "number"},
        "displayOptions": obj(
            {
                "theme": {"type": "string", "enum": ["light", "dark"]},
                "showEmbeddedRunButton": BOOLEAN,
                "noEmbedHeaderPadding": BOOLEAN,
                "noEmbedBasePadding": BOOLEAN,
                "noEmbedOutline": BOOLEAN,
                "noEmbedFooter": BOOLEAN,
            },
        ),
        "testMode": BOOLEAN,
    },
)

# Data connections: what a read may show, and what a write must or may carry, per type.
READABLE_DETAILS: dict[str, tuple[str, ...]] = {
    "athena": ("accessKeyId", "workgroup", "catalog", "s3OutputPath", "port", "hostname"),
    "bigquery": ("enableStorageApi", "enableDriveAccess", "projectId"),
    "clickhouse": ("username", "port", "hostname"),
    "databricks": ("jdbcUrl",),
    "postgres": ("username", "database", "port", "hostname"),
    "redshift": ("username", "database", "port", "host"),
    "snowflake": ("role", "username", "schema", "database", "warehouse", "accountName"),
    "trino": ("sessionProperties", "username", "schema", "catalog", "port", "hostname"),
}
SECRET_DETAILS: dict[str, tuple[str, ...]] = {
    "athena": ("secretAccessKey",),
    "bigquery": ("serviceAccountJsonConfig",),
    "databricks": ("accessToken",),
    "postgres": ("password",),
    "redshift": ("password", "sslRootCert"),
    "snowflake": ("passphrase", "privateKey"),
    "trino": ("password",),
}
CREATE_REQUIRED: dict[str, tuple[str, ...]] = {
    "athena": ("secretAccessKey", "accessKeyId", "s3OutputPath", "port", "hostname"),
    "bigquery": ("serviceAccountJsonConfig", "projectId"),
    "databricks": ("accessToken", "jdbcUrl"),
    "postgres": ("password", "username", "database", "port", "hostname"),
    "redshift": ("password", "username", "database", "port", "host"),
    "snowflake": ("passphrase", "privateKey", "username", "database", "warehouse", "accountName"),
    "trino": ("username", "port", "hostname"),
}
_DETAIL_TYPES: dict[str, Schema] = {
    "port": {"type": "number"},
    "enableStorageApi": BOOLEAN,
    "enableDriveAccess": BOOLEAN,
    "sessionProperties": array(obj({"key": STRING, "value": STRING}, ("key", "value"))),
}
# Where the reference lets a write send ``null``, per connection type: the same field name is
# nullable for one type and not another (trino's ``catalog`` and ``schema`` are plain strings).
# A ``null`` clears the field; reads leave a cleared field out rather than echo ``null``, which
# the readable schemas forbid for some of them (trino's ``sessionProperties``).
NULLABLE_DETAILS: dict[str, tuple[str, ...]] = {
    "athena": ("workgroup", "catalog"),
    "redshift": ("sslRootCert",),
    "snowflake": ("role", "schema"),
    "trino": ("sessionProperties",),
}


def _detail(kind: str, name: str) -> Schema:
    schema = _DETAIL_TYPES.get(name, STRING)
    if name in NULLABLE_DETAILS.get(kind, ()):
        return {"anyOf": [{"type": "null"}, schema]}
    return schema


def connection_details(*, create: bool) -> Schema:
    """``connectionDetails``: exactly one of the types (the ones the API can create)."""
    variants = []
    for kind, secrets in SECRET_DETAILS.items():
        fields = READABLE_DETAILS[kind] + secrets
        props = {f: _detail(kind, f) for f in fields}
        inner = obj(props, CREATE_REQUIRED[kind] if create else ())
        variants.append(obj({kind: inner}, (kind,)))
    return {"oneOf": variants}


_FILTER_RULE = obj(
    {
        "values": array(STRING),
        "matchType": {"type": "string", "enum": ["EXACT", "PREFIX", "REGEX", "SUFFIX"]},
    },
    ("values", "matchType"),
)
_ENTITY_FILTER = obj({"include": _FILTER_RULE, "exclude": _FILTER_RULE})
SCHEMA_FILTERS = obj(
    {"tables": _ENTITY_FILTER, "schemas": _ENTITY_FILTER, "databases": _ENTITY_FILTER}
)
_DAY_TIME = {
    "minute": {"type": "integer", "minimum": 0, "maximum": 59},
    "hour": {"type": "integer", "minimum": 0, "maximum": 23},
    "timezoneString": STRING,
}
REFRESH_SCHEDULE = obj(
    {
        "cadence": {"type": "string", "enum": ["HOURLY", "DAILY", "WEEKLY", "MONTHLY", "CUSTOM"]},
        "enabled": BOOLEAN,
        "daily": {
            "anyOf": [{"type": "null"}, obj(_DAY_TIME, ("timezoneString", "minute", "hour"))]
        },
        "weekly": {
            "anyOf": [
                {"type": "null"},
                obj(
                    {
                        **_DAY_TIME,
                        "dayOfWeek": {
                            "type": "string",
                            "enum": [
                                "SUNDAY",
                                "MONDAY",
                                "TUESDAY",
                                "WEDNESDAY",
                                "THURSDAY",
                                "FRIDAY",
                                "SATURDAY",
                            ],
                        },
                    },
                    ("timezoneString", "minute", "hour", "dayOfWeek"),
                ),
            ]
        },
        "monthly": {
            "anyOf": [
                {"type": "null"},
                obj(
                    {**_DAY_TIME, "day": {"type": "integer", "minimum": 1, "maximum": 28}},
                    ("timezoneString", "minute", "hour", "day"),
                ),
            ]
        },
        "custom": {
            "anyOf": [
                {"type": "null"},
                obj({"timezoneString": STRING, "cron": STRING}, ("timezoneString", "cron")),
            ]
        },
    },
    ("cadence", "enabled"),
    closed=True,
)
_WORKSPACE_SHARING = obj(
    {
        "public": {"type": "string", "enum": ["NONE", "VIEW_RESULTS"]},
        "guests": CONNECTION_ACCESS,
        "members": CONNECTION_ACCESS,
    }
)
_GROUP_SHARE = obj(
    {"access": CONNECTION_ACCESS, "group": obj({"id": UUID}, ("id",))}, ("access", "group")
)
_CONNECTION_COMMON: Schema = {
    "schemaRefreshAccess": {"type": "string", "enum": ["ADMINS", "USERS_WITH_QUERY_ACCESS"]},
    "schemaFilters": SCHEMA_FILTERS,
    "allowWritebackCells": BOOLEAN,
    "includeMagic": BOOLEAN,
    "connectViaSsh": BOOLEAN,
    "description": STRING,
}
CREATE_CONNECTION = obj(
    {
        **_CONNECTION_COMMON,
        "name": NAME,
        "type": {"type": "string", "enum": list(READABLE_DETAILS)},
        "connectionDetails": connection_details(create=True),
        "schemaRefreshSchedule": REFRESH_SCHEDULE,
        "sharing": obj({"workspace": _WORKSPACE_SHARING, "groups": array(_GROUP_SHARE)}),
    },
    ("connectionDetails", "type", "name"),
)
EDIT_CONNECTION = obj(
    {
        **_CONNECTION_COMMON,
        "name": STRING,
        "connectionDetails": connection_details(create=False),
        "schemaRefreshSchedule": {"anyOf": [{"type": "null"}, REFRESH_SCHEDULE]},
        "sharing": obj(
            {"workspace": _WORKSPACE_SHARING, "groups": obj({"upsert": array(_GROUP_SHARE)})}
        ),
    }
)
UPDATE_SCHEMA = obj(
    {
        "updates": array(
            obj(
                {
                    "type": {"type": "string", "enum": ["DATABASE", "SCHEMA", "TABLE"]},
                    "name": STRING,
                    "status": {"type": ["string", "null"]},
                },
                ("type", "name", "status"),
                closed=True,
            )
        )
    },
    ("updates",),
    closed=True,
)


def lenient(schema: Any) -> Any:
    """``schema`` with unknown keys allowed except in ``closed`` objects (the emulator's
    default)."""
    if isinstance(schema, list):
        return [lenient(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    relaxed = {key: lenient(value) for key, value in schema.items()}
    if relaxed.get("additionalProperties") is False and not relaxed.get(CLOSED):
        relaxed["additionalProperties"] = True
    return relaxed
