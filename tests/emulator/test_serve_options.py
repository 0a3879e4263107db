"""``hexsync emulator serve --tls`` (HTTPS with a throwaway CA that clients are told to trust) and
``--strict-bodies``, as users run them: a separate process on a real socket."""

from __future__ import annotations

import os
import re
import ssl
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from test_serve import ACME, ROOT, WAIT, first_line, start, stop

from hexsync.emulator.tls import throwaway_certificates
from hexsync.errors import ConfigError

pytestmark = pytest.mark.slow


def test_tls_serves_https_that_a_client_trusting_the_printed_ca_reaches() -> None:
    process, lines = start("emulator", "serve", "--seed", str(ACME), "--port", "0", "--tls")
    try:
        trust = first_line(process, lines)
        banner = first_line(process, lines)
        assert trust is not None, stop(process)
        assert banner is not None, stop(process)
        ca_match = re.search(r"CA at (\S+\.pem)", trust)
        url_match = re.search(r"https://127\.0\.0\.1:\d+", banner)
        assert ca_match, trust
        assert url_match, banner
        ca_path, url = Path(ca_match.group(1)), url_match.group(0)
        assert "removed when the emulator stops" in trust
        assert "PRIVATE KEY" not in ca_path.read_text()  # only the CA's certificate is handed out

        trusted = ssl.create_default_context(cafile=str(ca_path))
        response = httpx.get(
            f"{url}/api/v1/users/me",
            headers={"Authorization": "Bearer hxtp_alice"},
            verify=trusted,
            timeout=WAIT,
        )
        assert response.status_code == 200
        assert response.json()["email"] == "alice@acme.com"

        with pytest.raises(httpx.ConnectError, match="CERTIFICATE_VERIFY_FAILED"):
            httpx.get(f"{url}/api/v1/users/me", timeout=WAIT)  # the system CAs do not know it

        # hexsync itself, told of the CA the way the banner suggests.
        listed = subprocess.run(
            [sys.executable, "-m", "hexsync", "--api-url", url, "users", "list"],
            cwd=ROOT,
            env={**os.environ, "HEX_API_TOKEN": "hxtw_demo", "SSL_CERT_FILE": str(ca_path)},
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert listed.returncode == 0, listed.stderr
        assert "alice@acme.com" in listed.stdout
    finally:
        code, err = stop(process)
    assert code == 0, err
    assert not ca_path.parent.exists()  # the key and certificates went with the server


def test_tls_without_the_optional_package_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "trustme", None)  # as if not installed
    with pytest.raises(ConfigError) as raised, throwaway_certificates("127.0.0.1"):
        pass
    assert "trustme" in raised.value.message
    assert raised.value.hint == "pip install 'hexsync[tls]'"


@pytest.mark.parametrize(("flags", "status"), [((), 201), (("--strict-bodies",), 400)])
def test_strict_bodies_is_a_serve_flag(flags: tuple[str, ...], status: int) -> None:
    process, lines = start("emulator", "serve", "--seed", str(ACME), "--port", "0", *flags)
    try:
        banner = first_line(process, lines)
        assert banner is not None, stop(process)
        match = re.search(r"http://127\.0\.0\.1:\d+", banner)
        assert match, banner
        response = httpx.post(
            f"{match.group(0)}/api/v1/groups",
            json={"name": "Partners", "colour": "red"},
            headers={"Authorization": "Bearer hxtw_demo"},
            timeout=WAIT,
        )
        assert response.status_code == status, response.text
    finally:
        stop(process)
