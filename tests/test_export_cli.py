"""``hexsync export`` end to end: export, then ``validate`` and ``plan`` the files against the same
loopback emulator — no change, exit 0 — on the acme workspace and on one full of traps."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from acme import people, person, serving_example
from click.testing import CliRunner, Result

from hexsync.cli.main import cli
from hexsync.emulator.background import running_emulator
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import Seed
from hexsync.values.plan import Plan

pytestmark = pytest.mark.slow

ACME_FILES = ["policy.yaml", "collections.yaml", "groups.yaml", "projects.yaml"]
SCHEMA_COPY = "manifest.schema.json"  # what the files' $schema lines point at


@pytest.fixture(scope="module")
def acme() -> Iterator[str]:
    with serving_example() as url:
        yield url


def hexsync(url: str, token: str, *args: str) -> Result:
    env = {"HEX_API_URL": url, "HEX_API_TOKEN": token, "NO_COLOR": "1"}
    return CliRunner().invoke(cli, list(args), env=env, catch_exceptions=False)


def acme_cli(url: str, *args: str) -> Result:
    return hexsync(url, "hxtw_demo", *args)


def assert_round_trip(url: str, token: str, directory: Path) -> None:
    """validate exits 0 and plan --detailed-exitcode exits 0: the export is the live state."""
    validated = hexsync(url, token, "validate", str(directory))
    assert validated.exit_code == 0, validated.output
    planned = hexsync(url, token, "plan", str(directory), "--detailed-exitcode")
    assert planned.exit_code == 0, planned.output
    assert "No changes" in planned.stdout


def test_acme_exports_to_manifests_that_plan_as_no_change(acme: str, tmp_path: Path) -> None:
    out = tmp_path / "manifests"
    result = acme_cli(acme, "export", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == sorted([*ACME_FILES, SCHEMA_COPY])  # no tmp
    for name in ACME_FILES:
        assert f"wrote {out / name}" in result.stdout
    # The request floor plus one member listing per group (acme has 8 groups).
    assert "13 requests" in result.stderr
    assert "hxtw_demo" not in result.output
    policy = (out / "policy.yaml").read_text(encoding="utf-8")
    assert "allow_public_web: true" in policy  # "Product status page" is public
    assert_round_trip(acme, "hxtw_demo", out)


def test_two_exports_are_byte_identical(acme: str, tmp_path: Path) -> None:
    for name in ("one", "two"):
        result = acme_cli(acme, "export", "--out", str(tmp_path / name))
        assert result.exit_code == 0, result.output
    for name in ACME_FILES:
        assert (tmp_path / "one" / name).read_bytes() == (tmp_path / "two" / name).read_bytes()


def test_only_writes_the_chosen_kinds(acme: str, tmp_path: Path) -> None:
    out = tmp_path / "only"
    result = acme_cli(acme, "export", "--out", str(out), "--only", "projects,collections")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == [
        "collections.yaml",
        SCHEMA_COPY,
        "policy.yaml",
        "projects.yaml",
    ]
    assert "5 requests" in result.stderr  # no group members read
    assert_round_trip(acme, "hxtw_demo", out)

    users = acme_cli(acme, "export", "--out", str(tmp_path / "users"), "--only", "users")
    assert users.exit_code == 0, users.output
    roster = (tmp_path / "users" / "users.yaml").read_text(encoding="utf-8")
    assert "  - email: alice@acme.com\n    active: true\n" in roster

    bad = acme_cli(acme, "export", "--out", str(tmp_path / "bad"), "--only", "policies")
    assert bad.exit_code == 1
    assert "unknown kind 'policies'" in bad.stderr
    assert not (tmp_path / "bad").exists()


def test_existing_files_are_not_overwritten_without_force(acme: str, tmp_path: Path) -> None:
    out = tmp_path / "manifests"
    out.mkdir()
    (out / "groups.yaml").write_text("# mine\n", encoding="utf-8")
    (out / "extra.yaml").write_text("collections: []\n", encoding="utf-8")
    refused = acme_cli(acme, "export", "--out", str(out))
    assert refused.exit_code == 1
    assert f"refusing to overwrite {out / 'groups.yaml'}" in refused.stderr
    assert "--force" in refused.stderr
    assert (out / "groups.yaml").read_text(encoding="utf-8") == "# mine\n"
    assert sorted(p.name for p in out.iterdir()) == ["extra.yaml", "groups.yaml"]  # nothing new
    assert "requests" not in refused.stderr  # refused before reading the workspace

    forced = acme_cli(acme, "export", "--out", str(out), "--force")
    assert forced.exit_code == 0, forced.output
    assert (out / "groups.yaml").read_text(encoding="utf-8").startswith("# yaml-language-server")
    assert "also holds extra.yaml" in forced.stderr


def test_out_dash_prints_one_manifest_that_plans_as_no_change(acme: str, tmp_path: Path) -> None:
    result = acme_cli(acme, "export", "--out", "-")
    assert result.exit_code == 0, result.output
    assert not Path("-").exists()
    assert result.stdout.startswith("# yaml-language-server: $schema=")
    (tmp_path / "all.yaml").write_text(result.stdout, encoding="utf-8")
    assert_round_trip(acme, "hxtw_demo", tmp_path / "all.yaml")


def _drop_dave(directory: Path) -> None:
    path = directory / "groups.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.count("      - dave@acme.com\n") == 1
    path.write_text(text.replace("      - dave@acme.com\n", ""), encoding="utf-8")


def _deprecate_arr_bridge(directory: Path) -> None:
    path = directory / "projects.yaml"
    text = path.read_text(encoding="utf-8")
    before = "    title: ARR bridge  # owner: frank@acme.com\n    status: Production\n"
    assert text.count(before) == 1
    path.write_text(text.replace(before, before.replace("Production", "Deprecated")), "utf-8")


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (_drop_dave, [("group", "update", "Analysts", "members", "dave@acme.com", "member", None)]),
        (
            _deprecate_arr_bridge,
            [("project", "update", "ARR bridge", "status", None, "Production", "Deprecated")],
        ),
    ],
)
def test_an_edit_to_one_file_is_exactly_the_change_planned(
    acme: str,
    tmp_path: Path,
    edit: Callable[[Path], None],
    expected: list[tuple[str, str, str, str, str | None, str | None, str | None]],
) -> None:
    out = tmp_path / "manifests"
    assert acme_cli(acme, "export", "--out", str(out)).exit_code == 0
    edit(out)
    result = acme_cli(acme, "plan", str(out), "--format", "json", "--detailed-exitcode")
    assert result.exit_code == 2, result.output
    plan = Plan.loads(result.stdout)
    found = [
        (c.kind.value, c.action.value, c.name, f.path, f.key, f.old, f.new)
        for c in plan.changes
        for f in c.fields
    ]
    assert found == expected
    assert json.loads(result.stdout)["refusals"] == []


# ------------------------------------------------------------------------------------ traps


TRICKY_PROJECTS = [
    {
        "id": "11111111-1111-4111-8111-111111111111",
        "title": "yes",
        "owner": "alice@acme.com",
        "status": "yes",
        "sharing": {
            "workspace": "CAN_VIEW",
            "users": {"Dana.Smith@Acme.COM": "CAN_EDIT", "alice@acme.com": "FULL_ACCESS"},
            "groups": {"a: b": "APP_ONLY", "null": "CAN_VIEW", "Empty": "FULL_ACCESS"},
            "collections": {"~": "CAN_VIEW", "No description": "FULL_ACCESS"},
        },
    },
    {
        "id": "22222222-2222-4222-8222-222222222222",
        "title": "No status, no access",
        "owner": "carol@acme.com",
        "status": None,
    },
    {
        "id": "33333333-3333-4333-8333-333333333333",
        "title": "Status page",
        "owner": "bob@acme.com",
        "status": "1.0",
        "sharing": {
            "workspace": "APP_ONLY",
            "public_web": "APP_ONLY",
            "users": {"trent@acme.com": "CAN_VIEW", "bob@acme.com": "FULL_ACCESS"},
            "groups": {"1.0": "CAN_VIEW"},
        },
    },
    {
        "id": "44444444-4444-4444-8444-444444444444",
        "title": "Twin",
        "owner": "alice@acme.com",
        "sharing": {"groups": {"#hash": "CAN_EDIT"}},
    },
    {
        "id": "55555555-5555-4555-8555-555555555555",
        "title": "Twin",
        "owner": "bob@acme.com",
        "status": "Production",
    },
    {
        "id": "66666666-6666-4666-8666-666666666666",
        "title": "2023-01-01: review #1",
        "owner": "Dana.Smith@Acme.COM",
        "sharing": {"collections": {"on": "CAN_VIEW"}},
    },
]


@pytest.fixture
def tricky(make_seed: Callable[..., Seed]) -> Iterator[str]:
    seed = make_seed(
        statuses=["Exploratory", "Production", "yes", "1.0"],
        users=[
            *people("alice", "bob", "carol", "gus"),
            {"email": "Dana.Smith@Acme.COM", "name": "Dana", "role": "EDITOR"},
            person("trent"),
        ],
        groups=[
            {"name": "yes", "members": ["Dana.Smith@Acme.COM", "alice@acme.com"]},
            {"name": "null", "members": ["bob@acme.com"]},
            {"name": "1.0", "members": ["carol@acme.com"]},
            {"name": "a: b", "members": ["alice@acme.com"]},
            {"name": "#hash", "members": ["trent@acme.com", "bob@acme.com"]},
            {"name": "Empty", "members": []},
        ],
        collections=[
            {"name": "No description"},
            {"name": "~", "description": "null"},
            {"name": "on", "description": "line one\nline two: yes # not a comment"},
            {
                "name": "Shared",
                "creator": "bob@acme.com",
                "sharing": {
                    "workspace": "MEMBER",
                    # Hex's levels are opaque: one hexsync does not know is exported as read.
                    "users": {"Dana.Smith@Acme.COM": "MANAGE", "bob@acme.com": "Odd-Level"},
                    "groups": {"yes": "VIEW", "a: b": "MEMBER"},
                },
            },
        ],
        projects=TRICKY_PROJECTS,
        data_connections=[],
    )
    with running_emulator(seed, EmulatorConfig(rate_limits=None)) as url:
        yield url


def test_a_workspace_full_of_traps_round_trips(tricky: str, tmp_path: Path) -> None:
    out = tmp_path / "manifests"
    result = hexsync(tricky, "hxtw_test", "export", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "note:" not in result.stderr
    groups = (out / "groups.yaml").read_text(encoding="utf-8")
    assert (
        "  - name: 'yes'\n    members:\n      - alice@acme.com\n      - dana.smith@acme.com\n"
        in (groups)
    )
    assert "  - name: Empty\n    members: []\n" in groups
    assert "  - name: '#hash'\n    members:\n      - bob@acme.com\n" in groups  # trent: inactive
    collections = (out / "collections.yaml").read_text(encoding="utf-8")
    assert "  - name: No description\n    sharing:\n      workspace: NONE\n" in collections
    assert (
        "  - name: Shared\n    sharing:\n      workspace: MEMBER\n      users:\n"
        "        bob@acme.com: Odd-Level  # creator\n        dana.smith@acme.com: MANAGE\n"
        "      groups:\n        'a: b': MEMBER\n        'yes': VIEW\n"
    ) in collections
    projects = (out / "projects.yaml").read_text(encoding="utf-8")
    assert "    title: '2023-01-01: review #1'  # owner: dana.smith@acme.com\n" in projects
    assert "    title: Status page  # owner: bob@acme.com\n    status: '1.0'\n" in projects
    assert "        dana.smith@acme.com: CAN_EDIT\n" in projects
    assert "        bob@acme.com: FULL_ACCESS  # owner\n" in projects
    assert "allow_public_web: true" in (out / "policy.yaml").read_text(encoding="utf-8")
    assert_round_trip(tricky, "hxtw_test", out)


def test_an_admin_tokens_export_plans_clean_with_that_token(tricky: str, tmp_path: Path) -> None:
    out = tmp_path / "manifests"
    result = hexsync(tricky, "hxtp_admin", "export", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert_round_trip(tricky, "hxtp_admin", out)
