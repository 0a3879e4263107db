"""Hygiene findings on a seeded workspace, and the users rule that deactivates inactive users.

The workspace has two users who have not signed in for months (one never), a Guest with edit
rights (one project directly, one through a group), an empty group, a project every member can
edit and a public one; each is found once, with its fix (pointing at the manifest line when the
manifests declare it). The users rule over the same users refuses the plan in check mode, and
in apply mode deactivates exactly them.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import jsonschema
import pytest
from click.testing import CliRunner, Result

from hexsync.cli.main import cli
from hexsync.decide.access_engine import AccessEngine
from hexsync.decide.findings import findings
from hexsync.emulator.background import running_emulator
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import Seed
from hexsync.manifest.load import load
from hexsync.values.desired import FrozenMap
from hexsync.values.live import (
    Live,
    LiveCollection,
    LiveCollectionSharing,
    LiveGroup,
    LiveProject,
    LiveSharing,
    LiveUser,
)

TOKEN = "hxtw_findings"
ORG = "5a8591dd-4039-49df-9202-96385ba3eff8"
NOW = dt.datetime.now(dt.timezone.utc)


def _ago(days: int) -> str:
    return (NOW - dt.timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%SZ")


SEED: dict[str, Any] = {
    "org": {"id": ORG, "name": "Acme"},
    "tokens": [{"token": TOKEN, "kind": "workspace"}],
    "users": [
        {"email": "alice@acme.com", "role": "ADMIN", "last_login_date": _ago(1)},
        {"email": "bob@acme.com", "role": "EDITOR", "last_login_date": _ago(2)},
        {"email": "carol@acme.com", "role": "EDITOR", "last_login_date": _ago(200)},
        {"email": "dave@acme.com", "role": "EXPLORER"},
        {"email": "gus@acme.com", "role": "GUEST", "last_login_date": _ago(3)},
        {"email": "trent@acme.com", "role": "EDITOR", "active": False},
    ],
    "groups": [
        {"name": "Contractors", "members": ["gus@acme.com"]},
        {"name": "Nobody", "members": []},
    ],
    "projects": [
        {
            "id": "0b000000-0000-4000-8000-000000000001",
            "title": "Revenue overview",
            "owner": "alice@acme.com",
            "sharing": {
                "users": {"gus@acme.com": "CAN_EDIT", "carol@acme.com": "CAN_EDIT"},
            },
        },
        {
            "id": "0b000000-0000-4000-8000-000000000002",
            "title": "Churn drivers",
            "owner": "carol@acme.com",
            "sharing": {"workspace": "CAN_EDIT", "groups": {"Contractors": "FULL_ACCESS"}},
        },
        {
            "id": "0b000000-0000-4000-8000-000000000003",
            "title": "Status page",
            "owner": "bob@acme.com",
            "sharing": {"public_web": "APP_ONLY"},
        },
    ],
}

MANIFESTS = """\
version: 1
users:
  - {email: trent@acme.com, active: false}
groups:
  - name: Contractors
    members:
      - gus@acme.com
projects:
  - id: 0b000000-0000-4000-8000-000000000001
    sharing:
      users:
        gus@acme.com: CAN_EDIT
        carol@acme.com: CAN_EDIT
        trent@acme.com: CAN_VIEW
"""


@pytest.fixture(scope="module")
def url() -> Iterator[str]:
    seed = Seed.from_dict(SEED, source="tests/access/test_findings.py")
    with running_emulator(seed, EmulatorConfig(rate_limits=None)) as found:
        yield found


@pytest.fixture
def hexsync(url: str) -> Callable[..., Result]:
    httpx.post(f"{url}/_emulator/reset").raise_for_status()

    def run(*args: str) -> Result:
        env = {"HEX_API_URL": url, "HEX_API_TOKEN": TOKEN, "NO_COLOR": "1"}
        return CliRunner().invoke(cli, ["--rate-limit", "off", *args], env=env)

    return run


def _findings(hexsync: Callable[..., Result], *args: str) -> dict[str, Any]:
    result = hexsync("access", "findings", "--json", *args)
    assert result.exit_code == 0, result.output
    doc: dict[str, Any] = json.loads(result.stdout)
    return doc


def test_each_finding_once_with_its_severity_and_fix(
    hexsync: Callable[..., Result], tmp_path: Path
) -> None:
    (tmp_path / "m.yaml").write_text(MANIFESTS, encoding="utf-8")
    doc = _findings(hexsync, "--manifests", str(tmp_path / "m.yaml"))
    found = [(f["severity"], f["code"], f["subject"]) for f in doc["findings"]]
    assert found == [
        ("high", "guest_can_edit", "gus@acme.com"),
        ("high", "public_web", 'project "Status page"'),
        ("high", "workspace_edit", 'project "Churn drivers"'),
        ("medium", "deactivated_grant", "trent@acme.com"),
        ("medium", "inactive_user", "carol@acme.com"),
        ("medium", "inactive_user", "dave@acme.com"),
        ("low", "empty_group", 'group "Nobody"'),
    ]
    assert doc["counts"] == {"high": 3, "medium": 3, "low": 1}
    assert doc["inactive"] == "90d"
    by = {(f["code"], f["subject"]): f for f in doc["findings"]}
    guest = by[("guest_can_edit", "gus@acme.com")]
    assert guest["message"] == (
        "gus@acme.com is a GUEST (not a workspace member) and can edit 2 projects: "
        '"Churn drivers" (FULL_ACCESS via group Contractors), '
        '"Revenue overview" (CAN_EDIT via direct share)'
    )
    assert guest["fix"] == (
        'group "Contractors": remove member gus@acme.com; '
        'project "Revenue overview": sharing.users[gus@acme.com]: CAN_VIEW or less'
    )
    assert guest["source"].endswith("m.yaml:7:9")
    trent = by[("deactivated_grant", "trent@acme.com")]
    assert trent["message"] == (
        'project "Revenue overview" is shared with trent@acme.com in the manifests, who is'
        " declared active: false under users"
    )
    assert trent["fix"] == 'project "Revenue overview": delete sharing.users[trent@acme.com]'
    assert trent["source"].endswith("m.yaml:14:9")
    carol = by[("inactive_user", "carol@acme.com")]
    assert carol["message"].startswith("carol@acme.com (EDITOR) has not signed in since ")
    assert carol["message"].endswith(
        "(200 days) and can still open 2 projects (2 with edit rights or more); owns 1"
    )
    assert (
        carol["fix"] == "under users: `- {email: carol@acme.com, active: false}` (or a users rule)"
    )
    dave = by[("inactive_user", "dave@acme.com")]
    assert "has never signed in" in dave["message"]
    assert by[("public_web", 'project "Status page"')]["fix"] == (
        'project "Status page": sharing.public_web: NONE'
    )
    assert by[("workspace_edit", 'project "Churn drivers"')]["fix"] == (
        'project "Churn drivers": sharing.workspace: CAN_VIEW or less'
    )
    assert by[("empty_group", 'group "Nobody"')]["fix"] == (
        "groups: `- {name: Nobody, ensure: absent}` (its grants go with it)"
    )


def test_inactive_is_the_callers_span(hexsync: Callable[..., Result]) -> None:
    doc = _findings(hexsync, "--inactive", "365d")
    inactive = [f["subject"] for f in doc["findings"] if f["code"] == "inactive_user"]
    assert inactive == ["dave@acme.com"]  # never signed in; carol's 200 days are fewer
    bad = hexsync("access", "findings", "--inactive", "a while")
    assert bad.exit_code == 1
    assert "--inactive 'a while' is not a duration" in bad.output


def test_the_text_lists_each_with_its_fix(hexsync: Callable[..., Result]) -> None:
    result = hexsync("access", "findings")
    assert result.exit_code == 0, result.output
    assert 'empty_group group "Nobody": fix: groups: `- {name: Nobody, ensure: absent}`' in (
        result.stdout
    )
    assert result.stdout.rstrip().endswith("6 findings: 3 high, 2 medium, 1 low")


def test_the_access_report_carries_them(hexsync: Callable[..., Result], tmp_path: Path) -> None:
    out = tmp_path / "access.json"
    result = hexsync("access", "report", "--out", str(out))
    assert result.exit_code == 0, result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    schema = json.loads(
        (Path(__file__).resolve().parents[2] / "schemas" / "access-report.schema.json").read_text()
    )
    jsonschema.validate(report, schema)
    codes = [(f["code"], f["subject"]) for f in report["findings"]["findings"]]
    # The report reads the members of shared groups only: the unshared empty group is unknown.
    assert codes == [
        ("guest_can_edit", "gus@acme.com"),
        ("public_web", 'project "Status page"'),
        ("workspace_edit", 'project "Churn drivers"'),
        ("inactive_user", "carol@acme.com"),
        ("inactive_user", "dave@acme.com"),
    ]
    page = tmp_path / "access.html"
    assert hexsync("access", "report", "--out", str(page)).exit_code == 0
    assert '"findings":{"now"' in page.read_text(encoding="utf-8")


RULE = """\
version: 1
rules:
  - name: dormant
    match: {last_login: {older_than: 180d}}
    users: {active: false}
"""


def test_the_inactive_user_rule_refuses_in_check_mode_and_deactivates_in_apply_mode(
    hexsync: Callable[..., Result], tmp_path: Path
) -> None:
    manifests = tmp_path / "m.yaml"
    manifests.write_text(RULE, encoding="utf-8")
    checked = hexsync("plan", str(manifests))
    assert checked.exit_code == 3, checked.output
    assert (
        "rule 'dormant' (enforce: check) is violated 2 times: carol@acme.com (last signed in"
        in checked.output
    )
    assert "dave@acme.com (never signed in)" in checked.output
    manifests.write_text(RULE + "    enforce: apply\n", encoding="utf-8")
    applied = hexsync("apply", str(manifests), "--auto-approve")
    assert applied.exit_code == 0, applied.output
    listed = hexsync("users", "list", "--json")
    assert listed.exit_code == 0, listed.output
    assert sorted(u["email"] for u in json.loads(listed.stdout)["users"]) == [
        "alice@acme.com",
        "bob@acme.com",
        "gus@acme.com",
    ]
    again = hexsync("plan", str(manifests), "--detailed-exitcode")
    assert again.exit_code == 0, again.output


# Findings over a workspace built by hand (no emulator): every path a finding names and every
# fix it points at, with the manifests that declare them.

_AT = dt.datetime(2026, 6, 1, tzinfo=dt.timezone.utc)

_HAND_MANIFESTS = """\
version: 1
policy: {allow_public_web: true}
users:
  - {email: ned@acme.com}
  - {email: kim@acme.com, active: false}
groups:
  - {name: Ghosts, ensure: absent}
  - {name: Hollow}
  - name: Guests
    members: [gia@acme.com, gone@acme.com, kim@acme.com]
collections:
  - name: Attic
  - name: Guest room
    sharing:
      users: {gia@acme.com: MEMBER, gone@acme.com: VIEW, cole@acme.com: VIEW}
projects:
  - id: 0B000000-0000-4000-8000-0000000000A1
    sharing:
      collections:
        Everyone: CAN_EDIT
  - id: 0b000000-0000-4000-8000-0000000000a2
    sharing:
      collections: {Everyone: CAN_EDIT}
      workspace: FULL_ACCESS
  - id: 0b000000-0000-4000-8000-0000000000a3
    sharing:
      users: {ann@acme.com: FULL_ACCESS}
      public_web: CAN_VIEW
  - title: Delta
    sharing:
      users: {able@acme.com: CAN_VIEW, gone@acme.com: CAN_VIEW}
  - title: Eta
    sharing:
      users: {ann@acme.com: FULL_ACCESS, gia@acme.com: FULL_ACCESS}
  - id: 0b000000-0000-4000-8000-0000000000ff
    sharing:
      users: {gone@acme.com: CAN_VIEW}
"""


def _hand_findings(tmp_path: Path) -> list[tuple[str, ...]]:
    def fm(**kw: str) -> FrozenMap[str, str]:
        return FrozenMap(kw)

    users = [
        LiveUser("u1", "ann@acme.com", role="ADMIN", last_login="2026-05-31T00:00:00Z"),
        LiveUser("u2", "gia@acme.com", role="GUEST", last_login="2026-05-30T00:00:00Z"),
        LiveUser("u3", "ned@acme.com", last_login="2026-01-01T00:00:00Z"),
        # exactly the span ago: still active
        LiveUser("u4", "pia@acme.com", role="EDITOR", last_login="2026-03-03T00:00:00Z"),
        LiveUser("u5", "flo@acme.com", role="GUEST", last_login="2026-05-30T00:00:00Z"),
        LiveUser("u6", "kim@acme.com", role="EDITOR", last_login="2025-01-01T00:00:00Z"),
        LiveUser("u7", "max@acme.com", role="EDITOR"),  # never signed in
    ]
    groups = [
        LiveGroup("g1", "Ghosts", frozenset()),
        LiveGroup("g2", "Hollow", frozenset()),
        LiveGroup("g3", "Unread", None),
        LiveGroup("g4", "Guests", frozenset({"gia@acme.com"})),
        LiveGroup("g5", "Lonely", frozenset()),
    ]
    collections = [
        LiveCollection("c1", "Everyone", sharing=LiveCollectionSharing(workspace="MEMBER")),
        LiveCollection(
            "c2",
            "Guest room",
            sharing=LiveCollectionSharing(
                users=FrozenMap({"gia@acme.com": "MEMBER"}), groups=fm(Ghosts="VIEW")
            ),
        ),
    ]
    pid = "0b000000-0000-4000-8000-0000000000a{}".format
    projects = [
        LiveProject(
            pid(1),
            "Alpha",
            owner="ann@acme.com",
            sharing=LiveSharing(
                collections=fm(Everyone="CAN_EDIT", **{"Guest room": "CAN_EDIT"}),
                groups=fm(Ghosts="CAN_VIEW"),
                users=FrozenMap({"ned@acme.com": "CAN_VIEW"}),
            ),
        ),
        LiveProject(
            pid(2),
            "Beta",
            owner="ann@acme.com",
            sharing=LiveSharing(workspace="FULL_ACCESS", collections=fm(Everyone="CAN_EDIT")),
        ),
        LiveProject(
            pid(3), "Gamma", owner="ann@acme.com", sharing=LiveSharing(public_web="CAN_VIEW")
        ),
        LiveProject(
            pid(4),
            "Delta",
            owner="ann@acme.com",
            sharing=LiveSharing(
                users=FrozenMap({"gia@acme.com": "CAN_EDIT", "able@acme.com": "CAN_VIEW"})
            ),
        ),
        LiveProject(pid(5), "Epsilon", owner="gia@acme.com"),
        LiveProject(
            pid(9), "Iota", owner="max@acme.com", sharing=LiveSharing(groups=fm(Lonely="CAN_VIEW"))
        ),
        LiveProject(pid(10), "Kappa", owner="max@acme.com"),
        LiveProject(
            pid(6), "Zeta", owner="ann@acme.com", sharing=LiveSharing(groups=fm(Guests="CAN_EDIT"))
        ),
        LiveProject(
            pid(8),
            "Theta",
            owner="ann@acme.com",
            sharing=LiveSharing(users=FrozenMap({"gia@acme.com": "CAN_EDIT"})),
        ),
        LiveProject(
            pid(7),
            "Eta",
            owner="ann@acme.com",
            sharing=LiveSharing(users=FrozenMap({"gia@acme.com": "FULL_ACCESS"})),
        ),
    ]
    live = Live(
        org_id="o",
        users=FrozenMap({u.email: u for u in users}),
        groups=FrozenMap({g.name: g for g in groups}),
        collections=FrozenMap({c.name: c for c in collections}),
        projects=FrozenMap({p.id: p for p in projects}),
    )
    (tmp_path / "m.yaml").write_text(_HAND_MANIFESTS, encoding="utf-8")
    desired = load([tmp_path / "m.yaml"])
    found = findings(AccessEngine(live), now=_AT, inactive=dt.timedelta(days=90), desired=desired)
    return [
        (
            f.severity,
            f.code,
            f.subject,
            f.message,
            f.fix,
            "" if f.source is None else str(f.source).rpartition("m.yaml:")[2],
        )
        for f in found
    ]


def test_every_path_and_fix_on_a_workspace_built_by_hand(tmp_path: Path) -> None:
    g = "gia@acme.com"
    gone = "who is not an active user of the workspace"
    assert _hand_findings(tmp_path) == [
        (
            "high",
            "guest_can_edit",
            g,
            f"{g} is a GUEST (not a workspace member) and can edit 6 projects:"
            ' "Epsilon" (FULL_ACCESS via owner), "Eta" (FULL_ACCESS via direct share),'
            ' "Alpha" (CAN_EDIT via collection Guest room), "Delta" (CAN_EDIT via direct'
            ' share), "Theta" (CAN_EDIT via direct share) and 1 more',
            'project "Epsilon": transfer its ownership in Hex (an owner always has full access);'
            f' project "Eta": sharing.users[{g}]: CAN_VIEW or less;'
            ' project "Alpha": sharing.collections[Guest room]: CAN_VIEW or less;'
            f' project "Delta": sharing.users[{g}]: CAN_VIEW or less;'
            f' project "Theta": sharing.users[{g}]: CAN_VIEW or less;'
            f' group "Guests": remove member {g}',
            "34:42",  # the first fix the manifests write: Eta's grant to gia@
        ),
        (
            "high",
            "public_web",
            'project "Gamma"',
            'project "Gamma" is shared to the public web (CAN_VIEW): anyone with the link can'
            " open it",
            'project "Gamma": sharing.public_web: NONE',
            "28:19",
        ),
        (
            "high",
            "workspace_edit",
            'project "Alpha"',
            'every workspace member can edit project "Alpha" (CAN_EDIT via collection Everyone'
            " via workspace)",
            'project "Alpha": sharing.collections[Everyone]: CAN_VIEW or less, or collection'
            ' "Everyone": sharing.workspace: NONE',
            "20:9",  # Alpha's entry, its id in capitals
        ),
        (
            "high",
            "workspace_edit",
            'project "Beta"',
            'every workspace member can edit project "Beta" (FULL_ACCESS via workspace,'
            " collection Everyone via workspace)",
            'project "Beta": sharing.workspace: CAN_VIEW or less; project "Beta":'
            ' sharing.collections[Everyone]: CAN_VIEW or less, or collection "Everyone":'
            " sharing.workspace: NONE",
            "24:18",  # the workspace share, the first path
        ),
        (
            "medium",
            "deactivated_grant",
            "able@acme.com",
            'project "Delta" is shared with able@acme.com (CAN_VIEW), who is not an active user',
            'project "Delta": remove sharing.users[able@acme.com]',
            "31:15",  # once: Delta's entry (by title) lists able@ too
        ),
        (
            "medium",
            "deactivated_grant",
            "cole@acme.com",
            f'collection "Guest room" is shared with cole@acme.com in the manifests, {gone}',
            'collection "Guest room": delete sharing.users[cole@acme.com]',
            "15:58",
        ),
        (
            "medium",
            "deactivated_grant",
            "gone@acme.com",
            f'collection "Guest room" is shared with gone@acme.com in the manifests, {gone}',
            'collection "Guest room": delete sharing.users[gone@acme.com]',
            "15:37",
        ),
        (
            "medium",
            "deactivated_grant",
            "gone@acme.com",
            f'group "Guests" lists gone@acme.com as a member, {gone}',
            'group "Guests": delete the member line of gone@acme.com',
            "10:29",
        ),
        (
            "medium",
            "deactivated_grant",
            "gone@acme.com",
            'project "0b000000-0000-4000-8000-0000000000ff" is shared with gone@acme.com in the'
            f" manifests, {gone}",
            'project "0b000000-0000-4000-8000-0000000000ff": delete sharing.users[gone@acme.com]',
            "37:15",
        ),
        (
            "medium",
            "deactivated_grant",
            "gone@acme.com",
            f'project "Delta" is shared with gone@acme.com in the manifests, {gone}',
            'project "Delta": delete sharing.users[gone@acme.com]',
            "31:40",
        ),
        (
            "medium",
            "deactivated_grant",
            "kim@acme.com",
            'group "Guests" lists kim@acme.com as a member, who is declared active: false under'
            " users",
            'group "Guests": delete the member line of kim@acme.com',
            "10:44",
        ),
        # kim@ has not signed in for a year either, but the manifests deactivate them already
        (
            "medium",
            "inactive_user",
            "max@acme.com",
            "max@acme.com (EDITOR) has never signed in and can still open 4 projects (4 with edit"
            " rights or more); owns 2",
            "under users: `- {email: max@acme.com, active: false}` (or a users rule)",
            "",
        ),
        (
            "medium",
            "inactive_user",
            "ned@acme.com",
            "ned@acme.com (role unknown) has not signed in since 2026-01-01 (151 days) and can"
            " still open 2 projects (2 with edit rights or more); owns 0",
            "under users: `active: false` for ned@acme.com",
            "4:5",
        ),
        # pia@ signed in exactly 90 days ago: not inactive; flo@ is a Guest who edits nothing
        (
            "low",
            "empty_group",
            'group "Ghosts"',
            'group "Ghosts" has no members; it is shared with 1 project(s) and 1 collection(s)',
            'group "Ghosts" is already marked ensure: absent',
            "7:5",
        ),
        (
            "low",
            "empty_group",
            'group "Hollow"',
            'group "Hollow" has no members',
            "groups: `- {name: Hollow, ensure: absent}` (its grants go with it)",
            "8:5",
        ),
        (
            "low",
            "empty_group",
            'group "Lonely"',
            'group "Lonely" has no members; it is shared with 1 project(s) and 0 collection(s)',
            "groups: `- {name: Lonely, ensure: absent}` (its grants go with it)",
            "",
        ),
    ]


_SMALL_MANIFESTS = """\
version: 1
users:
  - {email: zoe@acme.com, active: false}
collections:
  - name: Club
    sharing:
      users: {hal@acme.com: MEMBER, zoe@acme.com: VIEW}
projects:
  - id: 0b000000-0000-4000-8000-0000000000b1
    sharing:
      workspace: NONE
      collections: {Club: CAN_EDIT}
      users: {ivy@acme.com: CAN_VIEW, lost@acme.com: CAN_VIEW, pat@acme.com: CAN_VIEW}
  - title: Nu
    sharing:
      users: {ivy@acme.com: NONE}
      workspace: CAN_EDIT
"""


def test_one_project_a_collection_fix_and_marks_by_id_or_title(tmp_path: Path) -> None:
    mu, nu = "0b000000-0000-4000-8000-0000000000b1", "0b000000-0000-4000-8000-0000000000b2"
    live = Live(
        org_id="o",
        users=FrozenMap(
            {
                "ann@acme.com": LiveUser(
                    "u1", "ann@acme.com", role="ADMIN", last_login="2026-05-31T00:00:00Z"
                ),
                "hal@acme.com": LiveUser(
                    "u2", "hal@acme.com", role="GUEST", last_login="2026-05-31T00:00:00Z"
                ),
                "ivy@acme.com": LiveUser(
                    "u3", "ivy@acme.com", role="GUEST", last_login="2025-12-01T00:00:00Z"
                ),
            }
        ),
        collections=FrozenMap(
            {
                "Club": LiveCollection(
                    "c1",
                    "Club",
                    sharing=LiveCollectionSharing(users=FrozenMap({"hal@acme.com": "MEMBER"})),
                )
            }
        ),
        projects=FrozenMap(
            {
                mu: LiveProject(
                    mu,
                    "Mu",
                    owner="ann@acme.com",
                    sharing=LiveSharing(
                        collections=FrozenMap({"Club": "CAN_EDIT"}),
                        users=FrozenMap({"ivy@acme.com": "CAN_VIEW", "lost@acme.com": "CAN_VIEW"}),
                    ),
                ),
                nu: LiveProject(
                    nu, "Nu", owner="ann@acme.com", sharing=LiveSharing(workspace="CAN_EDIT")
                ),
            }
        ),
    )
    (tmp_path / "m.yaml").write_text(_SMALL_MANIFESTS, encoding="utf-8")
    found = findings(
        AccessEngine(live),
        now=_AT,
        inactive=dt.timedelta(days=90),
        desired=load([tmp_path / "m.yaml"]),
    )
    got = [
        (f.code, f.subject, f.message, f.fix, str(f.source).rpartition("m.yaml:")[2]) for f in found
    ]
    gone = "who is not an active user"
    assert got == [
        (
            "guest_can_edit",
            "hal@acme.com",
            "hal@acme.com is a GUEST (not a workspace member) and can edit 1 project:"
            ' "Mu" (CAN_EDIT via collection Club)',
            'project "Mu": sharing.collections[Club]: CAN_VIEW or less',
            "12:21",  # the collection on Mu's entry (by id)
        ),
        (
            "workspace_edit",
            'project "Nu"',
            'every workspace member can edit project "Nu" (CAN_EDIT via workspace)',
            'project "Nu": sharing.workspace: CAN_VIEW or less',
            "17:18",  # Nu's entry, by title
        ),
        (
            "deactivated_grant",
            "lost@acme.com",
            f'project "Mu" is shared with lost@acme.com (CAN_VIEW), {gone}',
            'project "Mu": remove sharing.users[lost@acme.com]',
            "13:39",  # once, at the manifests' grant
        ),
        (
            "deactivated_grant",
            "pat@acme.com",
            f'project "Mu" is shared with pat@acme.com in the manifests, {gone} of the workspace',
            'project "Mu": delete sharing.users[pat@acme.com]',
            "13:64",
        ),
        (
            "deactivated_grant",
            "zoe@acme.com",
            'collection "Club" is shared with zoe@acme.com in the manifests, who is declared'
            " active: false under users",
            'collection "Club": delete sharing.users[zoe@acme.com]',
            "7:37",
        ),
        (
            "inactive_user",
            "ivy@acme.com",
            "ivy@acme.com (GUEST) has not signed in since 2025-12-01 (182 days) and can still"
            " open 1 project (0 with edit rights or more); owns 0",
            "under users: `- {email: ivy@acme.com, active: false}` (or a users rule)",
            "None",
        ),
    ]
