"""Seed files: deterministic ids, YAML and JSON, and errors that name the file and line."""

from __future__ import annotations

import json
import textwrap

import pytest
from acme import EXAMPLE_SEED

from hexsync.emulator.seed import Seed, load_seed
from hexsync.emulator.seed_format import SeedError


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_ids_are_generated_the_same_every_time(tmp_path):
    text = """
        users: [{email: Alice@Acme.com, role: ADMIN}]
        groups: [{name: Analysts, members: [alice@acme.com]}]
        projects: [{title: Revenue, owner: alice@acme.com}]
    """
    first = load_seed(write(tmp_path, "a.yaml", text))
    second = load_seed(write(tmp_path, "b.yaml", text))
    assert first.data == second.data
    assert first.id_of("users", "alice@acme.com") == second.id_of("users", "alice@acme.com")
    assert first.data["users"][0]["email"] == "alice@acme.com"


def test_json_seed_loads_like_yaml(tmp_path):
    data = {"users": [{"email": "a@acme.com"}], "tokens": [{"token": "hxtw_x"}]}
    seed = load_seed(write(tmp_path, "seed.json", json.dumps(data)))
    assert seed.data["tokens"][0]["kind"] == "workspace"


def test_every_problem_is_reported_with_its_line(tmp_path):
    path = write(
        tmp_path,
        "bad.yaml",
        """\
        users:
          - {email: alice@acme.com, role: KING}
        groups:
          - name: Analysts
            members:
              - zed@acme.com
          - name: Analysts
        projects:
          - title: Revenue
            owner: alice@acme.com
            colour: red
            sharing: {groups: {Analysts: CAN_EXPLORE}}
        """,
    )
    with pytest.raises(SeedError) as caught:
        load_seed(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: 5 problems in the emulator seed:\n")
    assert len([line for line in message.splitlines() if line.startswith(f"  {path}:")]) == 5
    assert f"{path}:2: user role must be one of" in message
    assert f"{path}:6: member of group 'Analysts' 'zed@acme.com' is not a user" in message
    assert f"{path}:7: duplicate group name 'Analysts' (first at line 4)" in message
    assert f"{path}:11: unknown key 'colour' in projects item" in message
    assert f"{path}:12: bad access level 'CAN_EXPLORE'" in message


def test_a_token_value_never_appears_in_errors():
    with pytest.raises(SeedError) as caught:
        Seed.from_dict({"tokens": [{"token": "hxtp_secret_value", "kind": "personal"}]})
    assert "hxtp_secret_value" not in str(caught.value)
    assert "needs `user`" in str(caught.value)


def test_the_example_workspace_loads():
    seed = load_seed(EXAMPLE_SEED)
    assert len(seed.data["projects"]) == 60
