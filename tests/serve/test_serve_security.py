"""``hexsync serve`` attacked: a manifests repository that points outside itself, a hostile
webhook sender, names from Hex that try to format a Slack message, secrets in the repository's
URL. Each test is the attack; it fails if the defence is taken away."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import httpx
import pytest

pytest.importorskip("sqlalchemy", reason="the serve extra is not installed")

from hexsync.errors import HexsyncError
from hexsync.serve.cycle import Event
from hexsync.serve.notify import QueueNotifier, deliver_due, target_of
from hexsync.serve.source import GitSource
from hexsync.store import Store

ROOT = Path(__file__).resolve().parents[2]
ACME = ROOT / "examples" / "acme" / "manifests"


def _git(*args: str, cwd: Path) -> None:
    subprocess.run(
        ["git", "-c", "user.email=t@example.com", "-c", "user.name=t", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


def _repo_with(tmp_path: Path, link: str, target: Path) -> Path:
    """A manifests repository with the Acme manifests and one symlink committed in it."""
    repo = tmp_path / "repo"
    repo.mkdir()
    shutil.copytree(ACME, repo / "manifests")
    (repo / link).symlink_to(target)
    _git("init", "-q", "-b", "main", cwd=repo)
    _git("add", "-A", cwd=repo)
    _git("commit", "-qm", "manifests", cwd=repo)
    return repo


@pytest.mark.parametrize(
    "link",
    ["manifests/zz.yaml", "manifests/shared", "manifests/shared.yml"],
)
def test_a_symlink_in_the_repository_cannot_read_a_file_of_the_server(tmp_path, link):
    """Whoever may push to the manifests repository commits a symlink to a file on the server
    (the admin token's): the sync must not read it, so its content never reaches the sync's
    error, the status, the dashboard or a notification."""
    secret = tmp_path / "server" / "admin.token"
    secret.parent.mkdir()
    secret.write_text("s3cr3t-admin-token-value\n")
    (secret.parent / "other.yaml").write_text("password: s3cr3t-admin-token-value\n")
    target = secret.parent if link.endswith("shared") else secret
    repo = _repo_with(tmp_path, link, target)
    source = GitSource(str(repo), "main", "manifests", tmp_path / "checkout")
    with pytest.raises(HexsyncError) as caught:
        asyncio.run(source.fetch())
    said = caught.value.message + (caught.value.hint or "")
    assert "s3cr3t" not in said
    assert "symlink" in said
    assert link in said


def test_the_manifests_folder_itself_may_not_be_a_symlink_out_of_the_repository(tmp_path):
    secret = tmp_path / "server"
    secret.mkdir()
    (secret / "x.yaml").write_text("token: s3cr3t-admin-token-value\n")
    repo = tmp_path / "repo"
    repo.mkdir()
    (repo / "manifests").symlink_to(secret)
    _git("init", "-q", "-b", "main", cwd=repo)
    _git("add", "-A", cwd=repo)
    _git("commit", "-qm", "manifests", cwd=repo)
    source = GitSource(str(repo), "main", "manifests", tmp_path / "checkout")
    with pytest.raises(HexsyncError) as caught:
        asyncio.run(source.fetch())
    assert "s3cr3t" not in caught.value.message
    assert "symlink" in caught.value.message


def test_a_symlink_inside_the_repository_still_works(tmp_path):
    repo = _repo_with(tmp_path, "shared.yaml", Path("manifests") / "groups.yaml")
    # A link that stays inside the checkout (here: outside the manifests folder, so unused).
    source = GitSource(str(repo), "main", "manifests", tmp_path / "checkout")
    fetched = asyncio.run(source.fetch())
    assert len(fetched.commit or "") == 40
    assert fetched.desired.projects


def test_credentials_in_the_repositorys_url_are_never_shown(tmp_path):
    """``--repo https://x-access-token:TOKEN@host/…``: the status (and so every viewer, on the
    dashboard and ``GET /api/status``) and the sync's error show the URL without them."""
    url = "https://x-access-token:ghp_s3cr3t@127.0.0.1:1/acme/hex-access.git"
    source = GitSource(url, "main", "manifests", tmp_path / "checkout")
    assert "s3cr3t" not in source.description
    assert "127.0.0.1:1/acme/hex-access.git" in source.description
    with pytest.raises(HexsyncError) as caught:
        asyncio.run(source.fetch())
    assert "s3cr3t" not in caught.value.message
    token_as_user = GitSource("https://ghp_s3cr3t@example.com/a.git", "main", "m", tmp_path / "c")
    assert "s3cr3t" not in token_as_user.description


def test_git_is_not_given_the_controllers_secrets(tmp_path, monkeypatch):
    """git, its credential helpers and ssh run with the process's environment, but not with the
    API's tokens, the webhook secret or the Hex token."""
    seen = tmp_path / "env.txt"
    fake = tmp_path / "bin" / "git"
    fake.parent.mkdir()
    fake.write_text(f"#!/bin/sh\nenv > {seen}\necho 'fatal: no' >&2\nexit 1\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake.parent}:/usr/bin:/bin")
    monkeypatch.setenv("HEXSYNC_SERVE_ADMIN_TOKEN", "s3cr3t-admin")
    monkeypatch.setenv("HEXSYNC_SERVE_VIEWER_TOKEN", "s3cr3t-viewer")
    monkeypatch.setenv("HEXSYNC_SERVE_WEBHOOK_SECRET", "s3cr3t-hook")
    monkeypatch.setenv("HEX_API_TOKEN", "s3cr3t-hex")
    monkeypatch.setenv("SSH_AUTH_SOCK", "/tmp/agent.sock")  # what git may need stays
    source = GitSource("https://example.com/a.git", "main", "manifests", tmp_path / "checkout")
    with pytest.raises(HexsyncError):
        asyncio.run(source.fetch())
    env = seen.read_text()
    assert "s3cr3t" not in env
    assert "SSH_AUTH_SOCK=/tmp/agent.sock" in env


def test_the_stores_password_is_hidden_wherever_the_url_carries_it():
    """``GET /api/status`` shows the store's URL to every viewer."""
    from hexsync.store.engine import redacted  # noqa: PLC0415

    for url in (
        "postgresql://hexsync:s3cr3t@db/hexsync",
        "postgresql://hexsync@db/hexsync?password=s3cr3t&sslmode=require",
        "postgresql://hexsync@db/hexsync?sslpassword=s3cr3t",
    ):
        shown = redacted(url)
        assert "s3cr3t" not in shown
        assert "db/hexsync" in shown
    assert "sslmode=require" in redacted("postgresql://h@db/x?password=s3cr3t&sslmode=require")


def _queued_and_sent(tmp_path: Path, text: str, answer: Any) -> tuple[Any, list[Any], list[str]]:
    """Queue one event for a Slack webhook, deliver it through ``answer``; the store, what was
    posted, and what was logged."""
    store = Store(f"sqlite:///{tmp_path / 'hexsync.db'}")
    url = "https://hooks.slack.test/services/T000/B000/s3cr3tPath"
    now = dt.datetime(2027, 1, 4, 9, 0, tzinfo=dt.timezone.utc)
    event = Event("drift-opened:default:1", "drift_opened", text, {"items": [{"name": text}]})
    QueueNotifier(store, [url]).notify("default", [event], now)
    posted: list[Any] = []

    def handler(request: httpx.Request) -> httpx.Response:
        posted.append(json.loads(request.content))
        return answer(request)

    said: list[str] = []

    async def deliver() -> None:
        async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as http:
            await deliver_due(store, {target_of(url): url}, http, lambda: now, said.append)

    asyncio.run(deliver())
    return store, posted, said


def test_a_name_from_hex_cannot_format_or_ping_in_slack(tmp_path):
    """Anyone who may rename a project in Hex names it ``<!channel> <https://evil|log in>``:
    Slack's text must show those characters, not mention everyone or show a disguised link.
    The structured fields keep the name as it is."""
    name = "<!channel> Re-authenticate at <https://evil.test|hex.tech> & co"
    store, posted, _said = _queued_and_sent(
        tmp_path,
        f"hexsync: 1 new drift in default: project {name!r}",
        lambda _r: httpx.Response(200),
    )
    store.close()
    (body,) = posted
    assert "<" not in body["text"]
    assert ">" not in body["text"]
    assert (
        "&lt;!channel&gt; Re-authenticate at &lt;https://evil.test|hex.tech&gt; &amp; co"
        in body["text"]
    )
    assert body["items"] == [{"name": body["items"][0]["name"]}]
    assert name in body["items"][0]["name"]


def test_a_failed_delivery_never_records_or_logs_the_webhook_url(tmp_path):
    """A Slack webhook URL is a secret: an error that quotes it is stored and logged without."""

    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError(f"cannot connect to {request.url}", request=request)

    store, _posted, said = _queued_and_sent(tmp_path, "hexsync: sync failed", refuse)
    try:
        (row,) = store.notifications()
        assert row.last_error is not None
        assert "ConnectError" in row.last_error
        assert "s3cr3tPath" not in row.last_error
        assert said
        assert all("s3cr3tPath" not in line for line in said)
    finally:
        store.close()


def test_a_trusted_proxy_that_is_not_an_address_is_refused_before_anything_starts(tmp_path):
    from click.testing import CliRunner  # noqa: PLC0415

    from hexsync.cli.main import cli  # noqa: PLC0415

    result = CliRunner().invoke(
        cli,
        ["serve", "--manifests", str(ACME), "--state-dir", str(tmp_path), "--trusted-proxy", "lb"],
    )
    assert result.exit_code == 1
    assert "Invalid value for --trusted-proxy: 'lb' is not an address or a network" in result.output
    assert not (tmp_path / "hexsync.db").exists()


def test_a_new_sqlite_store_is_readable_by_its_user_alone(tmp_path):
    """Another account on the machine must not read the store (people, access, the session
    key): a new file is 0600, its WAL too, and a new folder 0700, whatever the umask."""
    import os  # noqa: PLC0415

    old = os.umask(0o022)
    try:
        path = tmp_path / "state" / "hexsync.db"
        with Store(f"sqlite:///{path}") as store:
            store.web_secret("dashboard-session", dt.datetime.now(dt.timezone.utc))
            for file in (path, path.with_name("hexsync.db-wal")):
                assert file.stat().st_mode & 0o077 == 0, file
            assert path.parent.stat().st_mode & 0o077 == 0
    finally:
        os.umask(old)
