"""The emulator cannot be poisoned with a string that is not Unicode text.

JSON can escape a lone UTF-16 surrogate (``"\\ud800"``) and Python reads it; no UTF-8 answer can
carry it. A group created with such a name used to be stored (the create answered 500), after
which every listing answered 500 until a reset, and across restarts through ``--state``. Now
every string of every request body is checked before anything is stored (a 400 in the
operation's envelope), and a state file that does not load says so, with its path.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from hexsync.cli.main import cli
from hexsync.emulator.app import create_app
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.operations import OPERATIONS
from hexsync.emulator.seed import Seed
from hexsync.errors import HexsyncError

ACME_SEED = Path(__file__).resolve().parents[2] / "examples" / "acme" / "seed.yaml"
POISON = b'{"name": "\\ud800"}'  # the JSON text: a backslash escape, valid JSON


def _headers(seed: Seed) -> dict[str, str]:
    return {"Authorization": f"Bearer {seed.token_for()}", "Content-Type": "application/json"}


def test_a_group_named_with_a_lone_surrogate_is_refused_and_listings_keep_working(
    serve_emulator, seed
):
    client = serve_emulator(seed, EmulatorConfig(rate_limits=None))
    created = client.post("/api/v1/groups", content=POISON, headers=_headers(seed))
    assert created.status_code == 400, created.text
    assert set(created.json()) >= {"reason", "traceId"}  # CreateGroup's (legacy) envelope
    assert "name: \\ud800 is a lone UTF-16 surrogate" in created.json()["reason"]
    listed = client.get("/api/v1/groups", headers=_headers(seed))
    assert listed.status_code == 200, listed.text
    assert sorted(g["name"] for g in listed.json()["values"]) == ["Analysts", "Finance"]


def test_the_surrogate_is_refused_in_keys_and_deep_in_lists_too(serve_emulator, seed):
    client = serve_emulator(seed, EmulatorConfig(rate_limits=None))
    project = seed.id_of("projects", "Revenue overview")
    body = b'{"inputParams": {"region\\udfff": ["EMEA", {"x": "\\udc00"}]}}'
    response = client.post(f"/api/v1/projects/{project}/runs", content=body, headers=_headers(seed))
    assert response.status_code == 400, response.text
    assert response.json()["code"] == "BAD_REQUEST"  # RunProject's (new) envelope
    message = response.json()["message"]
    assert "inputParams/region\\udfff (a key): \\udfff is a lone UTF-16 surrogate" in message
    assert "inputParams/region\\udfff/1/x: \\udc00 is a lone UTF-16 surrogate" in message
    assert (
        client.get(f"/api/v1/projects/{project}/runs", headers=_headers(seed)).json()["runs"] == []
    )


def test_utf8_encoded_surrogates_are_refused_as_well(serve_emulator, seed):
    # Python's json reads bytes with "surrogatepass": ED A0 80 becomes U+D800 as well.
    client = serve_emulator(seed, EmulatorConfig(rate_limits=None))
    body = '{"name": "Partners\ud800"}'.encode("utf-8", "surrogatepass")
    created = client.post("/api/v1/groups", content=body, headers=_headers(seed))
    assert created.status_code == 400, created.text
    assert client.get("/api/v1/groups", headers=_headers(seed)).status_code == 200


WRITES = [
    (op.operation_id, op.method, op.path, op.legacy_path)
    for op in OPERATIONS
    if op.method not in ("GET", "DELETE")
]


@pytest.mark.parametrize(
    ("operation", "method", "template", "legacy"), WRITES, ids=[w[0] + w[2] for w in WRITES]
)
def test_every_write_refuses_a_lone_surrogate_before_storing(
    serve_emulator, seed, operation, method, template, legacy
):
    client = serve_emulator(seed, EmulatorConfig(rate_limits=None))
    ids = {
        "{projectId}": seed.id_of("projects", "Revenue overview"),
        "{groupId}": seed.id_of("groups", "Finance"),
        "{collectionId}": seed.id_of("collections", "Finance"),
        "{dataConnectionId}": seed.id_of("data_connections", "Warehouse"),
        "{userId}": seed.id_of("users", "carol@acme.com"),
    }
    path = template
    for name, value in ids.items():
        path = path.replace(name, value)
    before = client.get("/_emulator/state").json()
    response = client.request(method, path, content=POISON, headers=_headers(seed))
    assert response.status_code == (422 if legacy else 400), (operation, response.text)
    body = response.json()
    text = body.get("reason") or body.get("message")
    assert "a lone UTF-16 surrogate" in text, (operation, body)
    assert client.get("/_emulator/state").json() == before


def _poisoned_state(path: Path, seed: Seed) -> None:
    """The state file an earlier emulator wrote after storing the poisoned group."""
    data = json.loads(json.dumps(seed.data))
    data["groups"].append({"name": "\ud800", "members": []})
    path.write_text(json.dumps(data), encoding="utf-8")  # json escapes it: \ud800


def test_a_poisoned_state_file_is_refused_at_start_with_its_path(tmp_path, seed):
    state = tmp_path / "state.json"
    _poisoned_state(state, seed)
    with pytest.raises(HexsyncError) as refused:
        create_app(seed, EmulatorConfig(rate_limits=None, state_path=state))
    message = str(refused.value)
    assert message.startswith(f"{state}: the state file does not load")
    assert "groups/2/name: \\ud800 is a lone UTF-16 surrogate" in message


def test_serve_with_a_state_file_that_does_not_load_says_so_without_a_traceback(tmp_path):
    state = tmp_path / "state.json"
    state.write_text('{"org": ', encoding="utf-8")  # cut short
    result = CliRunner().invoke(
        cli,
        ["emulator", "serve", "--seed", str(ACME_SEED), "--state", str(state), "--port", "0"],
    )
    assert result.exit_code == 1, result.output
    assert isinstance(result.exception, SystemExit), repr(result.exception)
    assert f"{state}: the state file does not load" in result.output
    assert "Traceback" not in result.output


def test_a_state_file_poisoned_while_serving_is_a_503_naming_it_until_reset(
    tmp_path, seed, serve_emulator
):
    state = tmp_path / "state.json"
    client = serve_emulator(seed, EmulatorConfig(rate_limits=None, state_path=state))
    assert client.get("/api/v1/groups", headers=_headers(seed)).status_code == 200
    _poisoned_state(state, seed)  # another process, or an older emulator, wrote it
    listed = client.get("/api/v1/groups", headers=_headers(seed))
    assert listed.status_code == 503, listed.text
    assert f"{state}: the state file does not load" in listed.json()["reason"]
    snapshot = client.get("/_emulator/state")
    assert snapshot.status_code == 503
    assert str(state) in snapshot.json()["reason"]
    assert client.post("/_emulator/reset").status_code == 200
    assert client.get("/api/v1/groups", headers=_headers(seed)).status_code == 200


def test_a_seed_with_a_lone_surrogate_is_refused(make_seed):
    with pytest.raises(HexsyncError, match=r"groups/0/name: \\ud800 is a lone UTF-16 surrogate"):
        make_seed(groups=[{"name": "\ud800", "members": []}])
