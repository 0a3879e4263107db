"""The Hex API client: transport, pagination, retries, pacing, typed errors.

``client.HexClient`` has one typed method per operation; the ``pipeline.Pipeline`` it holds
sends each request (pacing, retries, the circuit breaker, errors, the redacted log, counters).

Depends only on ``hexsync.errors`` (and the version); the emulator never imports it.
"""

from hexsync.hexapi.client import HexClient
from hexsync.hexapi.config import (
    DEFAULT_BASE_URL,
    TOKEN_ENV,
    RateLimit,
    Token,
    load_token,
    normalize_base_url,
    parse_rate_limit,
)
from hexsync.hexapi.counters import Counters
from hexsync.hexapi.errors import (
    AmbiguousCreateError,
    BadRequestError,
    ForbiddenError,
    HexApiError,
    HexConnectionError,
    HexTimeoutError,
    HexTransportError,
    NotFoundError,
    RateLimitedError,
    ServerError,
    UnauthorizedError,
    UnexpectedResponseError,
    UnprocessableError,
    UnreachableError,
)
from hexsync.hexapi.log import redact
from hexsync.hexapi.operations import OPS, Retry
from hexsync.hexapi.pacing import DEFAULT_LIMITS, NoPacer, Pacer
from hexsync.hexapi.pipeline import USER_AGENT
from hexsync.hexapi.retry import RetryPolicy
from hexsync.hexapi.types import (
    ACCESS_LEVELS,
    TERMINAL_RUN_STATUSES,
    Collection,
    CollectionSharing,
    DataConnection,
    EmbedDisplayOptions,
    Group,
    Me,
    Notification,
    Page,
    Project,
    ProjectSharing,
    QueriedTable,
    Run,
    RunsPage,
    RunStarted,
    SchemaUpdate,
    SharingError,
    SharingResult,
    User,
)

__all__ = [
    "ACCESS_LEVELS",
    "DEFAULT_BASE_URL",
    "DEFAULT_LIMITS",
    "OPS",
    "TERMINAL_RUN_STATUSES",
    "TOKEN_ENV",
    "USER_AGENT",
    "AmbiguousCreateError",
    "BadRequestError",
    "Collection",
    "CollectionSharing",
    "Counters",
    "DataConnection",
    "EmbedDisplayOptions",
    "ForbiddenError",
    "Group",
    "HexApiError",
    "HexClient",
    "HexConnectionError",
    "HexTimeoutError",
    "HexTransportError",
    "Me",
    "NoPacer",
    "NotFoundError",
    "Notification",
    "Pacer",
    "Page",
    "Project",
    "ProjectSharing",
    "QueriedTable",
    "RateLimit",
    "RateLimitedError",
    "Retry",
    "RetryPolicy",
    "Run",
    "RunStarted",
    "RunsPage",
    "SchemaUpdate",
    "ServerError",
    "SharingError",
    "SharingResult",
    "Token",
    "UnauthorizedError",
    "UnexpectedResponseError",
    "UnprocessableError",
    "UnreachableError",
    "User",
    "load_token",
    "normalize_base_url",
    "parse_rate_limit",
    "redact",
]
