"""What the GitHub and GitLab glue share: running hexsync, environment, markers, limits, and
the workspace of ``hexsync.yaml`` a job is for (``HEXSYNC_WORKSPACE``)."""

from __future__ import annotations

import ipaddress
import json
import os
import re
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Protocol

import yaml

PLAN_MARKER = "<!-- hexsync:plan manifests={manifests} -->"
DRIFT_MARKER = "<!-- hexsync:drift manifests={manifests} -->"
# A job for one workspace of hexsync.yaml: its own comment, note and drift issue.
WORKSPACE_PLAN_MARKER = "<!-- hexsync:plan workspace={workspace} -->"
WORKSPACE_DRIFT_MARKER = "<!-- hexsync:drift workspace={workspace} -->"
WORKSPACE_ENV = "HEXSYNC_WORKSPACE"
# The variable of the job's one Hex token, as the action and the template pass it.
TOKEN_ENV = "HEX_API_TOKEN"  # noqa: S105 - a variable's name
CONFIG_NAME = "hexsync.yaml"
HEX_DOMAIN = "hex.tech"  # Hex's hosts: app., eu., and a single-tenant NAME.
_HOST = re.compile(r"[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*|[0-9a-f:.]+")
_WORKSPACE_NAME = re.compile(r"[A-Za-z0-9_-]{1,64}")  # as hexsync.yaml names a workspace
_VARIABLE = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# Variables the job itself runs on: a workspace's token_env (from the checkout, which a pull
# request may change) is never one of them.
_JOB_VARIABLES = re.compile(
    r"(GITHUB_|RUNNER_|ACTIONS_|CI_|GITLAB_|HEXSYNC|LD_|PYTHON|PIP_).*"
    r"|PATH|HOME|SHELL|TMPDIR|NO_COLOR|HEX_API_URL|SSL_CERT_FILE|HTTPS?_PROXY|NO_PROXY",
    re.IGNORECASE,
)
BODY_LIMIT = 65_536  # GitHub refuses longer comments and issue bodies; GitLab notes: 1,000,000
PLAN_LIMIT = 50_000_000  # hexsync's own cap on a saved plan (saved_plan.MAX_PLAN_BYTES)
# The files a job writes in its folder: removed first, since a checkout may hold one (or a link).
OUTPUTS = ("plan.json", "plan.md", "hexsync.env", "drift.json", "reviewed-plan.json")
KEY_ENV = "HEXSYNC_PLAN_KEY"  # the plan's signing key (hexsync.planning.saved_plan.KEY_ENV)
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


def workspace() -> str | None:
    """The workspace of hexsync.yaml the job is for (``HEXSYNC_WORKSPACE``), or None."""
    name = os.environ.get(WORKSPACE_ENV, "").strip()
    if not name:
        return None
    if not _WORKSPACE_NAME.fullmatch(name):
        raise CiError(
            f"{WORKSPACE_ENV}={name[:64]!r} is no workspace name: hexsync.yaml names each with "
            "letters, digits, '-' and '_'"
        )
    return name


def subject() -> str:
    """What the job plans, for titles and log lines: its workspace, or its manifests."""
    name = workspace()
    return f"workspace {name}" if name else os.environ.get("HEXSYNC_MANIFESTS", "manifests")


def plan_marker(manifests: str) -> str:
    name = workspace()
    if name:
        return WORKSPACE_PLAN_MARKER.format(workspace=name)
    return PLAN_MARKER.format(manifests=manifests)


def drift_marker(manifests: str) -> str:
    name = workspace()
    if name:
        return WORKSPACE_DRIFT_MARKER.format(workspace=name)
    return DRIFT_MARKER.format(manifests=manifests)


def _find_config() -> Path:
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder / CONFIG_NAME
    raise CiError(
        f"{WORKSPACE_ENV} names a workspace, and there is no {CONFIG_NAME} in the job's folder "
        "or any above it: commit it at the repository's root (docs/workspaces.md)"
    )


def _workspace_entry(name: str) -> tuple[Path, Mapping[str, Any]]:
    """Workspace ``name``'s entry of hexsync.yaml, as the checkout holds it. Only read here;
    hexsync itself checks the whole file."""
    path = _find_config()
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        what = type(exc).__name__
        raise CiError(f"{path.name}: cannot read it ({what}): run hexsync validate") from None
    entries = data.get("workspaces") if isinstance(data, dict) else None
    found = [e for e in entries or [] if isinstance(e, dict) and str(e.get("name", "")) == name]
    if not found:
        names = [str(e.get("name")) for e in entries or [] if isinstance(e, dict)]
        raise CiError(
            f"no workspace {name!r} in {path.name} (its workspaces: {', '.join(names) or 'none'})"
        )
    return path, found[0]


def token_variable(name: str) -> str:
    """The variable hexsync reads workspace ``name``'s token from: its ``token_env`` in
    hexsync.yaml."""
    path, entry = _workspace_entry(name)
    variable = entry.get("token_env")
    if not isinstance(variable, str):
        raise CiError(
            f"workspace {name!r} has no token_env in {path.name} (a token_file is not in the "
            "job): give it token_env: VARIABLE, which the job sets from the token it is given"
        )
    if not _VARIABLE.fullmatch(variable) or _JOB_VARIABLES.fullmatch(variable):
        raise CiError(
            f"workspace {name!r}: token_env {variable[:64]!r} in {path.name} is not a variable "
            "the job may set for it (one of the job's own, or not a variable name): name it "
            "HEX_TOKEN_..."
        )
    return variable


def _where(url: str) -> tuple[str, str, int | None] | None:
    """(scheme, host, port) of ``url``; None when it is not one."""
    try:
        parts = urllib.parse.urlsplit(url.strip())
        where = (parts.scheme.lower(), (parts.hostname or "").lower().rstrip("."), parts.port)
    except ValueError:
        return None
    return where if _HOST.fullmatch(where[1]) else None


def _loopback(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_host(name: str) -> None:
    """Refuse (before the token is handed over) a workspace whose ``api_url`` is neither a Hex
    host (``https://*.hex.tech``), nor the host the job itself names (``HEX_API_URL``: the
    action's ``api-url``, the template's variable; a proxy), nor loopback (reachable only by
    what runs in the job, which holds the token anyway). hexsync.yaml is in the checkout, and a
    pull request's plan job runs on its own: without this, a change to one line of it would
    send the workspace's token to any host the change names."""
    path, entry = _workspace_entry(name)
    url = entry.get("api_url")
    where = _where(url) if isinstance(url, str) else None
    if where is None:
        raise CiError(
            f"workspace {name!r}: its api_url in {path.name} is not the URL of a host: "
            "run hexsync validate"
        )
    scheme, host, _ = where
    if _loopback(host) or (
        scheme == "https" and (host == HEX_DOMAIN or host.endswith(f".{HEX_DOMAIN}"))
    ):
        return
    if where == _where(os.environ.get("HEX_API_URL", "")):
        return
    raise CiError(
        f"workspace {name!r}: api_url in {path.name} is {scheme}://{host[:100]}, which is not a "
        f"Hex host (https://*.{HEX_DOMAIN}): the job sends a Hex token to Hex only, since a "
        f"pull request may change {path.name}; a proxy in front of Hex is named by the job "
        "itself too (the action's api-url, the template's HEX_API_URL)"
    )


def _environment() -> dict[str, str] | None:
    """hexsync's environment: the job's, but with a workspace its one Hex token moved to the
    variable hexsync reads for that workspace (``-w`` never reads HEX_API_TOKEN)."""
    name = workspace()
    if name is None:
        return None
    variable = token_variable(name)
    check_host(name)
    environ = dict(os.environ)
    token = environ.pop(TOKEN_ENV, "").strip()
    if not token:
        raise CiError(
            f"no Hex token for workspace {name!r}: the job was given an empty one (the secret or "
            "variable is not set where this job can read it: its workspace's environment)"
        )
    environ[variable] = token
    return environ


def hexsync(*args: str, keep_stderr: bool = False) -> subprocess.CompletedProcess[str]:
    """Run hexsync (``-w NAME`` for the job's workspace); its stderr (progress, errors) goes to
    the log, and is also kept in the result with ``keep_stderr`` (apply's report is there)."""
    name = workspace()
    command = [*env("HEXSYNC", "hexsync").split(), *(["-w", name] if name else []), *args]
    environ = _environment()
    stderr = subprocess.PIPE if keep_stderr else None
    # The command is the installed hexsync (or HEXSYNC, set by the action itself).
    done = subprocess.run(  # noqa: S603
        command, stdout=subprocess.PIPE, stderr=stderr, text=True, check=False, env=environ
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


def carries(body: str | None, marker: str) -> bool:
    """Whether ``body`` is one a job wrote with ``marker``: its first line (``with_marker``).
    Anywhere else it is quoted text (a name in a plan, which a pull request or anyone who
    names an object in Hex chooses): another workspace's comment or issue, never this one's."""
    return (body or "").split("\n", 1)[0].strip() == marker


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
        if carries(item.get("body"), marker) and mine(item):
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
    # With a workspace, hexsync plans its layers (hexsync.yaml); the manifests are not read.
    paths = [] if workspace() else [manifests]
    done = hexsync(
        "plan", *paths, "--out", str(plan_path), "--format", "markdown", "--detailed-exitcode"
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
        forge.post_plan(plan_marker(manifests), done.stdout)
    return 0 if code == 2 else code


def run_apply(forge: Forge, manifests: str, workdir: Path) -> int:
    given = os.environ.get("HEXSYNC_PLAN_PATH", "")
    plan_path = Path(given) if given else forge.reviewed_plan(workdir)
    # The plan is made again from what was merged, and refused unless it is the same.
    again = ["--layers"] if workspace() else ["--manifests", manifests]
    done = hexsync("apply", str(plan_path), *again, keep_stderr=True)
    print(done.stdout, end="")
    forge.output({"exit-code": str(done.returncode)})
    report = "\n".join(part.strip() for part in (done.stdout, done.stderr) if part.strip())
    forge.summary("apply", f"### hexsync apply\n\n```\n{report}\n```\n")
    return done.returncode


def run_drift(forge: Forge, manifests: str, workdir: Path) -> int:
    paths = [] if workspace() else [manifests]
    done = hexsync("drift", *paths, "--format", "markdown", "--out", str(workdir / "drift.json"))
    code = done.returncode
    forge.output({"exit-code": str(code), "drift": "true" if code == 2 else "false"})
    if code not in (0, 2):
        return code
    forge.summary("drift", done.stdout)
    if os.environ.get("HEXSYNC_ISSUE", "true") == "true":
        forge.drift_issue(drift_marker(manifests), done.stdout, drift=code == 2)
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


def plan_key(mode: str) -> None:
    """``HEXSYNC_PLAN_KEY`` as the job got it. A secret that is not set reaches the job as an
    empty value (the action's ``plan-key`` input, a CI variable): that is no key, where hexsync
    itself refuses an empty one, and the log says what it means for the plan."""
    if not os.environ.get(KEY_ENV, "").strip():
        os.environ.pop(KEY_ENV, None)
        if mode in ("plan", "apply"):
            done = "made unsigned" if mode == "plan" else "applied without checking a signature"
            log(
                f"no plan key ({KEY_ENV} is not set): the plan is {done}; set it from a secret "
                "in the plan job and the apply job (docs/ci.md)"
            )


def main(
    argv: Sequence[str], program: str, forge: Callable[[], Forge], workdir: Path, error: str
) -> int:
    """``program plan|apply|drift``; a CiError is one ``error`` line and exit 1."""
    if len(argv) != 1 or argv[0] not in MODES:
        print(f"usage: python -m {program} {'|'.join(MODES)}", file=sys.stderr)
        return 1
    manifests = os.environ.get("HEXSYNC_MANIFESTS", "manifests")
    plan_key(argv[0])
    try:
        name = workspace()  # a bad name is refused before anything runs
        if name:
            log(f"workspace {name} of {CONFIG_NAME}: hexsync -w {name}")
        own_workdir(workdir)
        return MODES[argv[0]](forge(), manifests, workdir)
    except CiError as exc:
        print(f"{error}hexsync {argv[0]}: {exc}", file=sys.stderr)
        return 1
