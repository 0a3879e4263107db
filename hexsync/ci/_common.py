"""What the GitHub and GitLab glue share: running hexsync, environment, markers, limits."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Mapping
from typing import Any

PLAN_MARKER = "<!-- hexsync:plan manifests={manifests} -->"
DRIFT_MARKER = "<!-- hexsync:drift manifests={manifests} -->"
BODY_LIMIT = 65_536  # GitHub refuses longer comments and issue bodies; GitLab notes: 1,000,000
CUT_NOTE = "\n\n_(cut to fit: the full plan is the job's artifact)_\n"


class CiError(Exception):
    """A failure the job reports in one line and exits 1 for."""


def env(name: str, default: str | None = None) -> str:
    value = os.environ.get(name) or default
    if not value:
        raise CiError(f"{name} is not set")
    return value


def hexsync(*args: str, keep_stderr: bool = False) -> subprocess.CompletedProcess[str]:
    """Run hexsync; its stderr (progress, errors) goes to the log, and is also kept in the
    result with ``keep_stderr`` (apply's report is written there)."""
    command = [*env("HEXSYNC", "hexsync").split(), *args]
    stderr = subprocess.PIPE if keep_stderr else None
    # The command is the installed hexsync (or HEXSYNC, set by the action itself).
    done = subprocess.run(  # noqa: S603
        command, stdout=subprocess.PIPE, stderr=stderr, text=True, check=False
    )
    if keep_stderr:
        sys.stderr.write(done.stderr)
    return done


def with_marker(marker: str, body: str, limit: int = BODY_LIMIT) -> str:
    """``body`` after its hidden marker, cut to ``limit`` characters with a note."""
    text = f"{marker}\n{body}"
    if len(text) > limit:
        text = text[: limit - len(CUT_NOTE)] + CUT_NOTE
    return text


def destructive_count(plan_json: str) -> int:
    summary: Mapping[str, Any] = json.loads(plan_json).get("summary", {})
    return int(summary.get("destructive", 0))


def call(method: str, url: str, headers: Mapping[str, str], body: Any = None, *, what: str) -> Any:
    """One JSON REST call; an HTTP or network error is a one-line CiError (no token in it)."""
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method)  # noqa: S310 - the forge's API
    for name, value in headers.items():
        req.add_header(name, value)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=60) as response:  # noqa: S310
            text = response.read().decode()
    except urllib.error.HTTPError as exc:
        detail = exc.read().decode(errors="replace")[:300]
        raise CiError(f"{what} {method} {url}: HTTP {exc.code} {detail}") from exc
    except urllib.error.URLError as exc:
        raise CiError(f"{what} {method} {url}: {exc.reason}") from exc
    return json.loads(text) if text else None


def download(url: str, headers: Mapping[str, str], *, what: str) -> bytes:
    """A file from the forge's API. A redirect (to artifact storage) is followed by hand and
    without ``headers``: the storage URL is signed, and must never get the token."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: Any, **kwargs: Any) -> None:  # noqa: ARG002
            return None

    req = urllib.request.Request(url)  # noqa: S310 - the forge's API
    for name, value in headers.items():
        req.add_header(name, value)
    try:
        with urllib.request.build_opener(NoRedirect).open(req, timeout=60) as response:
            return bytes(response.read())
    except urllib.error.HTTPError as exc:
        location = exc.headers.get("Location") if exc.code in (301, 302, 303, 307) else None
        if location is None:
            raise CiError(f"{what} GET {url}: HTTP {exc.code}") from exc
    with urllib.request.urlopen(location, timeout=120) as response:  # noqa: S310
        return bytes(response.read())


def log(message: str) -> None:
    print(f"hexsync: {message}", file=sys.stderr)
