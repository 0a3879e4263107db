"""The emulator served on a laptop answers this machine's tools, not web pages (issue #9 item 10).

Against ``hexsync emulator serve`` in its own process, over a real socket: a foreign ``Host``
(DNS rebinding) and a cross-origin ``Origin`` are refused on the API and the control endpoints,
a body over 1 MiB is refused with 413 before the API sees it, and ordinary clients (no
``Origin``) and loopback pages keep working."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from test_serve import WAIT, Served

TOKEN = {"Authorization": "Bearer hxtw_demo"}


def _group_names(client: httpx.Client) -> list[str]:
    return [g["name"] for g in client.get("/api/v1/groups", headers=TOKEN).json()["values"]]


@pytest.mark.slow
@pytest.mark.parametrize("host", ["evil.example", "evil.example:8700", "10.0.0.5", "[2001:db8::1]"])
def test_a_foreign_host_header_is_refused_everywhere(served: Served, host: str) -> None:
    with httpx.Client(base_url=served.url, timeout=WAIT) as client:
        before = _group_names(client)
        for method, path in (
            ("GET", "/_emulator/state"),
            ("POST", "/_emulator/reset"),
            ("GET", "/_emulator/stats"),
            ("GET", "/api/v1/users/me"),
        ):
            response = client.request(method, path, headers={**TOKEN, "Host": host})
            assert response.status_code == 421, (method, path)
            assert "loopback" in response.json()["reason"]
            assert "hxtw_demo" not in response.text
        created = client.post(
            "/api/v1/groups", headers={**TOKEN, "Host": host}, json={"name": "Rebound"}
        )
        assert created.status_code == 421
        assert _group_names(client) == before


@pytest.mark.slow
@pytest.mark.parametrize("origin", ["https://evil.example", "null", "http://10.0.0.5:8080"])
def test_a_cross_origin_request_is_refused(served: Served, origin: str) -> None:
    with httpx.Client(base_url=served.url, timeout=WAIT) as client:
        client.post("/api/v1/groups", headers=TOKEN, json={"name": "Kept"})
        reset = client.post("/_emulator/reset", headers={"Origin": origin})
        assert reset.status_code == 403
        assert "cross-origin" in reset.json()["reason"]
        assert "Kept" in _group_names(client)  # the reset did not happen
        api = client.post(
            "/api/v1/groups", headers={**TOKEN, "Origin": origin}, json={"name": "FromPage"}
        )
        assert api.status_code == 403
        assert "FromPage" not in _group_names(client)
        form = client.post("/_emulator/reset", headers={"Sec-Fetch-Site": "cross-site"})
        assert form.status_code == 403


@pytest.mark.slow
def test_loopback_names_and_pages_and_plain_clients_still_work(served: Served) -> None:
    port = served.url.rsplit(":", 1)[1]
    with httpx.Client(base_url=served.url, timeout=WAIT) as client:
        for host in (f"localhost:{port}", f"127.0.0.1:{port}", f"[::1]:{port}", "localhost"):
            me = client.get("/api/v1/users/me", headers={**TOKEN, "Host": host})
            assert me.status_code == 200, host
        page = client.get(
            "/_emulator/stats", headers={"Origin": f"http://localhost:{port}", "Host": "localhost"}
        )
        assert page.status_code == 200
        assert client.get("/_emulator/state").status_code == 200


@pytest.mark.slow
def test_a_body_over_one_mebibyte_is_refused_and_nothing_is_created(served: Served) -> None:
    with httpx.Client(base_url=served.url, timeout=WAIT) as client:
        big = '{"name": "' + "A" * (2 * 1024 * 1024) + '"}'
        declared = client.post(
            "/api/v1/groups",
            headers={**TOKEN, "Content-Type": "application/json"},
            content=big.encode(),
        )
        assert declared.status_code == 413

        def chunks() -> Iterator[bytes]:  # no Content-Length: chunked, counted as it arrives
            yield b'{"name": "'
            for _ in range(40):
                yield b"B" * 65536
            yield b'"}'

        streamed = client.post(
            "/api/v1/groups",
            headers={**TOKEN, "Content-Type": "application/json"},
            content=chunks(),
        )
        assert streamed.status_code == 413
        names = _group_names(client)
        assert not any(n.startswith(("AAAA", "BBBB")) for n in names)
        small = client.post("/api/v1/groups", headers=TOKEN, json={"name": "Small enough"})
        assert small.status_code == 201
