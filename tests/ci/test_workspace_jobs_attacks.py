"""The matrix over the workspaces of hexsync.yaml, as an attacker meets it: a pull request
changes hexsync.yaml or a layer (both are in its checkout, and plan jobs run on it with a read
token), and one workspace's job must neither send its token where the change says nor touch
another workspace's comment or drift issue."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from fake_github import ACTIONS_BOT, FakeGitHub
from test_action import github, run_step  # noqa: F401 - the fixture, and one run of the step

pytestmark = pytest.mark.slow


class ConnectLog:
    """A proxy that hears each CONNECT (the host a client means to reach) and refuses it:
    what HTTPS_PROXY would carry to a host the job cannot otherwise be seen reaching."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.server.getsockname()[1]}"
        self.seen: list[str] = []
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.server.accept()
            except OSError:
                return
            with conn:
                conn.settimeout(5)
                with contextlib.suppress(OSError):
                    self.seen.append(conn.recv(4096).decode(errors="replace").split("\r\n")[0])
                    conn.sendall(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")

    def close(self) -> None:
        self.server.close()
        self._thread.join(5)


@pytest.fixture
def proxy() -> Iterator[ConnectLog]:
    log = ConnectLog()
    yield log
    log.close()


def _workspaces(checkout: Path, urls: dict[str, str], layers: dict[str, str] | None = None) -> None:
    """hexsync.yaml with the workspaces at ``urls``: the Acme manifests, then each one's own
    layer (``layers``: its groups.yaml) when it has one."""
    for name, text in (layers or {}).items():
        (checkout / name).mkdir()
        (checkout / name / "groups.yaml").write_text(text, encoding="utf-8")
    (checkout / "hexsync.yaml").write_text(
        "version: 1\nworkspaces:\n"
        + "".join(
            f"  - name: {name}\n    api_url: {url}\n    token_env: HEX_TOKEN_{name.upper()}\n"
            f"    manifests: [manifests/{f', {name}/' if name in (layers or {}) else ''}]\n"
            for name, url in urls.items()
        ),
        encoding="utf-8",
    )


@pytest.mark.parametrize(
    ("api_url", "job_api_url", "reached"),
    [
        ("https://hex-api.attacker.example", "https://app.hex.tech", None),
        ("https://app.hex.tech.attacker.example", "https://app.hex.tech", None),
        ("https://eu.hex.tech", "https://app.hex.tech", "eu.hex.tech:443"),
        ("https://hex.proxy.example", "https://hex.proxy.example/", "hex.proxy.example:443"),
    ],
    ids=["attacker", "look-alike", "eu", "the-jobs-own-host"],
)
def test_a_pull_request_cannot_point_a_workspaces_token_at_a_host_of_its_own(
    checkout: Path,
    hex_url: str,
    github: FakeGitHub,  # noqa: F811
    proxy: ConnectLog,
    api_url: str,
    job_api_url: str,
    reached: str | None,
) -> None:
    # The pull request edits hexsync.yaml: workspace us now "lives" at api_url. The plan job
    # holds us's read token; it may go to a Hex host, or the host the job itself names
    # (the action's api-url, the template's HEX_API_URL: a proxy), and nowhere else.
    _workspaces(checkout, {"us": api_url})
    done, outputs, _ = run_step(
        "plan",
        checkout,
        job_api_url,
        github,
        HEXSYNC_WORKSPACE="us",
        HTTPS_PROXY=proxy.url,
    )
    assert done.returncode == 1
    assert github.comments == {}
    if reached is None:
        assert proxy.seen == []  # not even a connection: the token never left
        assert "is not a Hex host" in done.stderr
        assert "hexsync.yaml" in done.stderr
        assert outputs == {}
    else:
        assert [line.split()[:2] for line in proxy.seen][:1] == [["CONNECT", reached]]


def test_a_layer_quoting_another_workspaces_marker_never_takes_its_comment(
    checkout: Path,
    hex_url: str,
    github: FakeGitHub,  # noqa: F811
) -> None:
    # The EU layer names a group with US's marker: the EU plan (its comment) quotes it.
    marker = "<!-- hexsync:plan workspace=us -->"
    eu_layer = f"groups:\n  - name: '{marker}'\n"
    _workspaces(checkout, {"us": hex_url, "eu": hex_url}, {"eu": eu_layer})
    done, _, _ = run_step("plan", checkout, hex_url, github, HEXSYNC_WORKSPACE="eu")
    assert done.returncode == 0, done.stderr
    (eu_comment,) = github.comments[7]
    assert marker in eu_comment["body"]
    eu_body = eu_comment["body"]
    done, _, _ = run_step("plan", checkout, hex_url, github, HEXSYNC_WORKSPACE="us")
    assert done.returncode == 0, done.stderr
    # US has its own comment; EU's plan is still there for the reviewers.
    assert [c["body"].split("\n", 1)[0] for c in github.comments[7]] == [
        "<!-- hexsync:plan workspace=eu -->",
        marker,
    ]
    assert github.comments[7][0]["body"] == eu_body
    assert "plan comment of workspace us created" in done.stderr


def test_a_drift_issue_quoting_another_workspaces_marker_is_not_closed_by_it(
    checkout: Path,
    hex_url: str,
    github: FakeGitHub,  # noqa: F811
) -> None:
    # EU's drift issue quotes a name someone gave an object in Hex: US's drift marker. The US
    # drift job neither closes it nor writes its own drift over it.
    _workspaces(checkout, {"us": hex_url})
    quoted = "<!-- hexsync:drift workspace=us -->"
    eu_body = f"<!-- hexsync:drift workspace=eu -->\n| project `{quoted}` | missing |"
    github.issues.append(
        {
            "number": 1,
            "title": "Hex drift: workspace eu",
            "body": eu_body,
            "labels": [{"name": "drift"}],
            "state": "open",
            "user": ACTIONS_BOT,
        }
    )
    done, _, _ = run_step("drift", checkout, hex_url, github, HEXSYNC_WORKSPACE="us")
    assert done.returncode == 0, done.stderr
    eu_issue = github.issues[0]
    assert eu_issue["state"] == "open"
    assert eu_issue["body"] == eu_body
    assert github.comments.get(1) is None  # no "No drift any more" on it
