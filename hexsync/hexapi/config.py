"""Where the API is, which token to use, and how fast to go: parsed and checked up front.

- :func:`normalize_base_url` turns ``https://eu.hex.tech`` (or ``…/api/v1``) into the API root;
  plain ``http://`` is refused except on loopback, because the token would travel in clear.
- :func:`load_token` reads ``HEX_API_TOKEN`` or a token file. Never argv: a token on the command
  line ends up in shell history and ``ps``.
- :func:`parse_rate_limit` reads ``--rate-limit 20/min``.
"""

from __future__ import annotations

import ipaddress
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from hexsync.errors import ConfigError, remember_secret
from hexsync.hexapi.log import REDACTED, redact

DEFAULT_BASE_URL = "https://app.hex.tech"
API_PATH = "/api/v1"
TOKEN_ENV = "HEX_API_TOKEN"  # noqa: S105 - a variable name, not a token


def is_loopback(host: str) -> bool:
    """True for ``localhost``, 127.0.0.0/8 and ::1: addresses that never leave the machine."""
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


_USERINFO_RE = re.compile(r"^([^:/?#\s]*:?//)?[^/?#]*@")
_PORT_RE = re.compile(r"^((?:[^:/?#\s]*://)?(?:[^/?#]*@)?(?:\[[^\]/]*\]|[^:/?#\[]*)):([^/?#]*)")


def redact_url(url: str) -> str:
    """``url`` safe to print: userinfo, query and fragment masked, and any token in it.

    Works on text that does not parse as a URL (``https://u:SECRET@host:abc``), because the
    message that says a URL is wrong is exactly where a pasted credential would be echoed."""
    text = url.strip()
    cut = min((i for i in (text.find("?"), text.find("#")) if i >= 0), default=-1)
    if cut >= 0:
        text = text[:cut] + text[cut] + REDACTED
    text = _USERINFO_RE.sub(lambda m: (m.group(1) or "") + REDACTED + "@", text, count=1)
    port = _PORT_RE.match(text)
    if port is not None and not port.group(2).isdigit():  # a pasted token where a port goes
        text = port.group(1) + ":" + REDACTED + text[port.end() :]
    return redact(text)


def normalize_base_url(url: str) -> str:
    """The API root (``https://host[:port][/prefix]/api/v1``) for a Hex host URL.

    Accepts the host alone (``https://app.hex.tech``, ``https://eu.hex.tech``,
    ``https://acme.hex.tech``), with or without a trailing ``/``, ``/api`` or ``/api/v1``.
    Every message quotes the URL through :func:`redact_url`: credentials and query strings are
    masked before any other check looks at it.
    """
    raw = url.strip()
    shown = redact_url(raw)
    if not raw:
        raise ConfigError("empty --api-url", hint=f"the default is {DEFAULT_BASE_URL}")
    if "@" in raw.split("?", 1)[0].split("#", 1)[0].partition("://")[2].split("/", 1)[0]:
        raise ConfigError(
            f"--api-url {shown!r} must not contain credentials",
            hint="give the token through HEX_API_TOKEN or --token-file",
        )
    if "?" in raw or "#" in raw:
        raise ConfigError(
            f"--api-url {shown!r} must not have a query or fragment",
            hint="give the host only, e.g. https://app.hex.tech; a token never goes in a URL",
        )
    if "://" not in raw:
        raise ConfigError(
            f"--api-url {shown!r} has no scheme",
            hint=f"write it like https://{shown.lstrip('/')}",
        )
    try:
        parts = urlsplit(raw)
    except ValueError:
        # The exception's text can quote the URL (and a credential in it): never shown.
        raise ConfigError(
            f"--api-url {shown.partition('[')[0]}… is not a valid URL (check the host)"
        ) from None
    try:
        port = parts.port  # raises on a port that is not a number
    except ValueError:
        # What sits where the port goes may be a pasted token: shown as "…", never echoed.
        raise ConfigError(
            f"--api-url {parts.scheme}://{parts.hostname or ''}:… has a port that is not a number",
            hint="give the host only, e.g. https://app.hex.tech, or host:PORT with a number",
        ) from None
    host = parts.hostname or ""
    if not host:
        raise ConfigError(f"--api-url {shown!r} has no host name")
    if parts.username or parts.password:
        raise ConfigError(
            "--api-url must not contain credentials",
            hint="give the token through HEX_API_TOKEN or --token-file",
        )
    scheme = parts.scheme.lower()
    if scheme == "http":
        if not is_loopback(host):
            raise ConfigError(
                f"refusing plain http:// to {host}: the API token would travel unencrypted",
                hint="use https://, or http:// only for a local emulator (127.0.0.1, localhost)",
            )
    elif scheme != "https":
        raise ConfigError(f"--api-url scheme {parts.scheme!r} is not supported; use https://")
    path = parts.path.rstrip("/")
    netloc = f"[{host}]" if ":" in host else host
    if port is not None:
        netloc += f":{port}"
    if path.endswith(API_PATH):
        pass
    elif path.endswith("/api"):
        path += "/v1"
    elif path:
        # A page of the workspace pasted from the browser (https://app.hex.tech/acme/home):
        # appending /api/v1 to it would only meet 404s.
        host_only = urlunsplit((scheme, netloc, "", "", ""))
        raise ConfigError(
            f"--api-url {raw!r} is a page of a workspace, not its host: give the host only",
            hint=f"--api-url {host_only} (a proxy's prefix works when it ends in /api/v1)",
        )
    else:
        path += API_PATH
    return urlunsplit((scheme, netloc, path, "", ""))


class Token:
    """The API token. Its ``repr`` and ``str`` never show it; only :meth:`reveal` does."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def reveal(self) -> str:
        return self._value

    @property
    def kind(self) -> str:
        """``personal`` (hxtp_), ``workspace`` (hxtw_) or ``unknown``."""
        if self._value.startswith("hxtp_"):
            return "personal"
        if self._value.startswith("hxtw_"):
            return "workspace"
        return "unknown"

    def __repr__(self) -> str:
        return f"Token({self.kind}, redacted)"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Token) and other._value == self._value

    def __hash__(self) -> int:
        return hash(("Token", self._value))


def _check_token(value: str, source: str) -> Token:
    token = value.strip()
    if not token:
        raise ConfigError(
            f"{source} is empty", hint="put the Hex API token (hxtp_… or hxtw_…) there"
        )
    if any(ch.isspace() for ch in token) or not token.isprintable() or not token.isascii():
        raise ConfigError(
            f"{source} does not hold a single token (it has spaces, line breaks or other "
            "characters a token never has)",
            hint="the file or variable must contain only the token",
        )
    remember_secret(token)
    return Token(token)


def load_token(
    token_file: Path | None = None,
    environ: Mapping[str, str] | None = None,
    *,
    env_name: str = TOKEN_ENV,
    owner: str | None = None,
) -> Token:
    """The token from ``token_file`` if given, else from the variable ``env_name``.

    ``owner`` names the workspace of ``hexsync.yaml`` the token is for: its messages say so,
    and no other variable is ever read in its place (``HEX_API_TOKEN`` is another workspace's).
    """
    env = os.environ if environ is None else environ
    if token_file is not None:
        given = "the file given to --token-file" if owner is None else f"the token_file of {owner}"
        # The path is never quoted: someone who pastes the token itself after --token-file
        # (hxtw_…) would see it echoed in "no such file" otherwise, in a CI log for good.
        try:
            text = Path(token_file).read_text(encoding="utf-8")
        except OSError as exc:
            raise ConfigError(
                f"cannot read {given}: {exc.strerror or type(exc).__name__}",
                hint="give the path of a file that holds the token (the token itself never "
                "goes on the command line: use HEX_API_TOKEN or a file)"
                if owner is None
                else "create it (kept out of git), or name token_env: in hexsync.yaml instead",
            ) from None
        except UnicodeDecodeError:
            raise ConfigError(f"{given} is not text") from None
        return _check_token(text, given)
    value = env.get(env_name)
    if value is None:
        if owner is not None:
            raise ConfigError(
                f"no Hex API token for {owner}: {env_name} is not set",
                hint=f"set {env_name} to that workspace's token (hexsync.yaml says it comes from"
                " there); another workspace's token is never used in its place",
            )
        raise ConfigError(
            "no Hex API token",
            hint=f"set {TOKEN_ENV}, or pass --token-file FILE (never the token itself on the "
            "command line); create one under Settings → API keys in Hex",
        )
    return _check_token(value, env_name)


@dataclass(frozen=True)
class RateLimit:
    """At most ``limit`` requests per ``seconds``."""

    limit: int
    seconds: float

    @property
    def per_minute(self) -> float:
        return self.limit * 60.0 / self.seconds

    def __str__(self) -> str:
        return f"{self.limit}/{_UNIT_NAMES.get(self.seconds, f'{self.seconds:g}s')}"


_UNITS = {
    "s": 1.0,
    "sec": 1.0,
    "second": 1.0,
    "m": 60.0,
    "min": 60.0,
    "minute": 60.0,
    "h": 3600.0,
    "hour": 3600.0,
}
_UNIT_NAMES = {1.0: "s", 60.0: "min", 3600.0: "h"}


_RATE_RE = re.compile(r"([0-9]+)(?:/([a-z]+))?")


def parse_rate_limit(text: str) -> RateLimit:
    """``"20/min"`` → ``RateLimit(20, 60)``; also ``/s``, ``/h``, ``/minute(s)``, ``/hour(s)``.

    Anything else is refused rather than guessed: ``20/ms`` is not twenty a minute.
    """
    value = text.strip().lower().replace(" ", "")
    match = _RATE_RE.fullmatch(value)
    seconds: float | None = None
    limit = 0
    if match is not None:
        limit = int(match.group(1))
        unit = match.group(2) or "min"
        seconds = _UNITS.get(unit)
        if seconds is None and len(unit) > 3 and unit.endswith("s"):  # mins, secs, hours
            seconds = _UNITS.get(unit[:-1])
    if seconds is None or limit <= 0:
        raise ConfigError(
            f"--rate-limit {text!r} is not a rate",
            hint="write it as N/min (e.g. 20/min), N/h or N/s with N a positive whole number",
        )
    return RateLimit(limit, seconds)
