"""What the GitHub and GitLab glue share: running hexsync, environment, markers, limits."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

PLAN_MARKER = "<!-- hexsync:plan manifests={manifests} -->"
DRIFT_MARKER = "<!-- hexsync:drift manifests={manifests} -->"
BODY_LIMIT = 65_536  # GitHub refuses longer comments and issue bodies; GitLab notes: 1,000,000
PLAN_LIMIT = 50_000_000  # hexsync's own cap on a saved plan (saved_plan.MAX_PLAN_BYTES)
# The files a job writes in its folder: removed first, since a checkout may hold one (or a link).
OUTPUTS = ("plan.json", "plan.md", "hexsync.env", "drift.json", "reviewed-plan.json")
CUT_NOTE = "\n\n_(cut to fit: the full plan is the job's artifact)_\n"


class CiError(Exception):
    """A failure the job reports in one line and exits 1 for."""


class HttpError(CiError):
    """A forge's API answered an HTTP error (``code``)."""

    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


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


def plan_counts(plan_json: str) -> tuple[int, int]:
    """(changes, destructive changes) of a saved plan, from its summary."""
    summary: Mapping[str, Any] = json.loads(plan_json).get("summary", {})
    changes = sum(int(summary.get(k, 0)) for k in ("create", "update", "delete", "deactivate"))
    return changes, int(summary.get("destructive", 0))


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
        raise HttpError(f"{what} {method} {url}: HTTP {exc.code} {detail}", exc.code) from exc
    except urllib.error.URLError as exc:
        raise CiError(f"{what} {method} {url}: {exc.reason}") from exc
    return json.loads(text) if text else None


def paginate(request: Callable[[str, str], Any], path: str) -> Iterator[Any]:
    """Every item of a listing, 100 per page (``per_page``/``page``, as both forges take)."""
    page = 1
    while True:
        sep = "&" if "?" in path else "?"
        items = request("GET", f"{path}{sep}per_page=100&page={page}")
        yield from items
        if len(items) < 100:
            return
        page += 1


def _bounded(response: Any, limit: int, what: str) -> bytes:
    data = bytes(response.read(limit + 1))
    if len(data) > limit:
        raise CiError(f"{what}: the download is over {limit / 1_000_000:g} MB; not read further")
    return data


def download(url: str, headers: Mapping[str, str], *, what: str, limit: int) -> bytes:
    """A file from the forge's API, of at most ``limit`` bytes. A redirect (to artifact
    storage) is followed by hand and without ``headers``: the storage URL is signed, and must
    never get the token."""

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: Any, **kwargs: Any) -> None:  # noqa: ARG002
            return None

    req = urllib.request.Request(url)  # noqa: S310 - the forge's API
    for name, value in headers.items():
        req.add_header(name, value)
    try:
        with urllib.request.build_opener(NoRedirect).open(req, timeout=60) as response:
            return _bounded(response, limit, what)
    except urllib.error.HTTPError as exc:
        location = exc.headers.get("Location") if exc.code in (301, 302, 303, 307) else None
        if location is None:
            raise CiError(f"{what} GET {url}: HTTP {exc.code}") from exc
    with urllib.request.urlopen(location, timeout=120) as response:  # noqa: S310
        return _bounded(response, limit, what)


class RestApi:
    """A forge's REST API at ``root``, mostly used under ``root + prefix`` (the repository or
    project), with ``headers`` (the token) on every call; ``what`` names it in errors."""

    def __init__(self, root: str, prefix: str, headers: Mapping[str, str], what: str) -> None:
        self.root = root
        self.base = f"{root}{prefix}"
        self._headers = dict(headers)
        self.what = what

    def request(self, method: str, path: str, body: Any = None) -> Any:
        return call(method, f"{self.base}{path}", self._headers, body, what=self.what)

    def request_root(self, method: str, path: str) -> Any:
        """A call outside the repository or project (``GET /user``)."""
        return call(method, f"{self.root}{path}", self._headers, what=self.what)

    def pages(self, path: str) -> Iterator[Any]:
        return paginate(self.request, path)

    def download(self, path: str, limit: int) -> bytes:
        return download(f"{self.base}{path}", self._headers, what=self.what, limit=limit)


def upsert_sticky(
    api: RestApi,
    marker: str,
    text: str,
    *,
    mine: Callable[[Mapping[str, Any]], bool],
    listing: str,
    edit: str,
    method: str,
    create: str,
) -> bool:
    """Update the one comment or note that carries ``marker`` (``edit`` with ``{id}``), or
    create it at ``create``: a single comment a run keeps current. True when one was updated.

    Only a comment that ``mine`` says the token's own identity wrote is a candidate: anyone who
    can comment can copy the marker, and must not own the plan comment (nor make the job fail
    where the token may not edit their comment)."""
    for item in api.pages(listing):
        if marker in (item.get("body") or "") and mine(item):
            api.request(method, edit.format(id=item["id"]), {"body": text})
            return True
    api.request("POST", create, {"body": text})
    return False


def log(message: str) -> None:
    print(f"hexsync: {message}", file=sys.stderr)


# ------------------------------------------------------------------------ the three modes


class Forge(Protocol):
    """What differs between GitHub and GitLab; the modes below are the same on both."""

    def output(self, values: Mapping[str, str]) -> None:
        """Results for later steps (step outputs, a dotenv report)."""

    def summary(self, name: str, markdown: str) -> None:
        """What the job shows for ``name`` (plan, apply, drift)."""

    def post_plan(self, marker: str, markdown: str) -> None:
        """The plan as one comment or note of the pull or merge request, updated in place."""

    def reviewed_plan(self, workdir: Path) -> Path:
        """The plan reviewed in the request the pushed commit merged, downloaded."""

    def drift_issue(self, marker: str, markdown: str, *, drift: bool) -> None:
        """Open or update the one drift issue (``drift``), or close it (not ``drift``)."""


def run_plan(forge: Forge, manifests: str, workdir: Path) -> int:
    plan_path = workdir / "plan.json"
    done = hexsync(
        "plan", manifests, "--out", str(plan_path), "--format", "markdown", "--detailed-exitcode"
    )
    code = done.returncode
    values = {"exit-code": str(code), "has-changes": "true" if code == 2 else "false"}
    values["destructive"] = "0"
    if plan_path.is_file():
        # A refused plan (exit 3) still says what it would change.
        changes, destructive = plan_counts(plan_path.read_text(encoding="utf-8"))
        values["has-changes"] = "true" if changes else "false"
        values["destructive"] = str(destructive)
        values["plan-path"] = str(plan_path)
    forge.output(values)
    if code not in (0, 2, 3):
        return code  # an error: hexsync said why on stderr; nothing to post
    forge.summary("plan", done.stdout)
    if os.environ.get("HEXSYNC_COMMENT", "true") == "true":
        forge.post_plan(PLAN_MARKER.format(manifests=manifests), done.stdout)
    return 0 if code == 2 else code


def run_apply(forge: Forge, manifests: str, workdir: Path) -> int:
    given = os.environ.get("HEXSYNC_PLAN_PATH", "")
    plan_path = Path(given) if given else forge.reviewed_plan(workdir)
    done = hexsync("apply", str(plan_path), "--manifests", manifests, keep_stderr=True)
    print(done.stdout, end="")
    forge.output({"exit-code": str(done.returncode)})
    report = "\n".join(part.strip() for part in (done.stdout, done.stderr) if part.strip())
    forge.summary("apply", f"### hexsync apply\n\n```\n{report}\n```\n")
    return done.returncode


def run_drift(forge: Forge, manifests: str, workdir: Path) -> int:
    done = hexsync("drift", manifests, "--format", "markdown", "--out", str(workdir / "drift.json"))
    code = done.returncode
    forge.output({"exit-code": str(code), "drift": "true" if code == 2 else "false"})
    if code not in (0, 2):
        return code
    forge.summary("drift", done.stdout)
    if os.environ.get("HEXSYNC_ISSUE", "true") == "true":
        forge.drift_issue(DRIFT_MARKER.format(manifests=manifests), done.stdout, drift=code == 2)
    return 0


MODES = {"plan": run_plan, "apply": run_apply, "drift": run_drift}


def own_workdir(workdir: Path) -> None:
    """Make ``workdir`` ready for the job's files. In GitLab it lies in the checkout, which the
    merge request wrote: it must not be a link (to anywhere), and a file (or link) by the name
    of one the job writes is removed, never written through."""
    if workdir.is_symlink() or (workdir.exists() and not workdir.is_dir()):
        raise CiError(
            f"{workdir} is not a folder of the job's own (a file or a symbolic link, from the "
            "checkout?): the job writes its files there; remove it from the repository"
        )
    try:
        workdir.mkdir(parents=True, exist_ok=True)
        for name in OUTPUTS:
            (workdir / name).unlink(missing_ok=True)  # a link itself, never its target
    except OSError as exc:
        raise CiError(f"{workdir}: cannot prepare the job's folder: {exc}") from exc


def main(
    argv: Sequence[str], program: str, forge: Callable[[], Forge], workdir: Path, error: str
) -> int:
    """``program plan|apply|drift``; a CiError is one ``error`` line and exit 1."""
    if len(argv) != 1 or argv[0] not in MODES:
        print(f"usage: python -m {program} {'|'.join(MODES)}", file=sys.stderr)
        return 1
    manifests = os.environ.get("HEXSYNC_MANIFESTS", "manifests")
    try:
        own_workdir(workdir)
        return MODES[argv[0]](forge(), manifests, workdir)
    except CiError as exc:
        print(f"{error}hexsync {argv[0]}: {exc}", file=sys.stderr)
        return 1
