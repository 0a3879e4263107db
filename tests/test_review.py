"""An access review's round trip against the emulator, through the CLI: start → decisions
written into the file → status → close → the plan removes exactly the revoked grants and nothing
else → apply → export, whose counts match the file and the apply report."""

from __future__ import annotations

import csv
import hashlib
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from click.testing import CliRunner, Result

from hexsync.cli.main import cli
from hexsync.emulator.background import running_emulator
from hexsync.emulator.config import EmulatorConfig
from hexsync.emulator.seed import Seed
from hexsync.ops.review import Item, ReviewError, removals

TOKEN = "hxtw_review"
REVENUE = "0b000000-0000-4000-8000-000000000001"
CHURN = "0b000000-0000-4000-8000-000000000002"

SEED: dict[str, Any] = {
    "org": {"id": "5a8591dd-4039-49df-9202-96385ba3eff8", "name": "Acme"},
    "tokens": [{"token": TOKEN, "kind": "workspace"}],
    "users": [
        {"email": f"{n}@acme.com", "role": "EDITOR"} for n in ("alice", "bob", "carol", "dave")
    ]
    + [{"email": "erin@acme.com", "role": "EDITOR"}],
    "groups": [
        {"name": "Analysts", "members": ["alice@acme.com", "bob@acme.com", "dave@acme.com"]},
        {"name": "Finance team", "members": ["carol@acme.com"]},
    ],
    "collections": [{"name": "Finance", "sharing": {"groups": {"Finance team": "VIEW"}}}],
    "projects": [
        {
            "id": REVENUE,
            "title": "Revenue overview",
            "owner": "alice@acme.com",
            "sharing": {
                "users": {"erin@acme.com": "CAN_EDIT"},
                "groups": {"Analysts": "CAN_VIEW"},
                "collections": {"Finance": "CAN_VIEW"},
            },
        },
        {
            "id": CHURN,
            "title": "Churn drivers",
            "owner": "bob@acme.com",
            "sharing": {
                "users": {"carol@acme.com": "CAN_VIEW"},
                "groups": {"Analysts": "CAN_EDIT"},
            },
        },
    ],
}

MANIFESTS = """\
version: 1
# Who reviews what, each quarter.
reviewers:
  collections: {Finance: cfo@acme.com}
  groups: {Analysts: lead@acme.com}
  fallback: it@acme.com

groups:
  - name: Analysts  # the data team
    members:
      - alice@acme.com
      - bob@acme.com
      - dave@acme.com   # on loan from Sales
  - name: Finance team
    members: [carol@acme.com]

collections:
  - name: Finance
    sharing:
      groups: {Finance team: VIEW}

projects:
  # Weekly numbers.
  - id: 0b000000-0000-4000-8000-000000000001
    title: Revenue overview
    sharing:
      users:
        erin@acme.com: CAN_EDIT   # the Q4 audit
      groups: {Analysts: CAN_VIEW}
      collections: {Finance: CAN_VIEW}
  - id: 0b000000-0000-4000-8000-000000000002
    title: Churn drivers
    sharing:
      users: {carol@acme.com: CAN_VIEW}
      groups: {Analysts: CAN_EDIT}
"""


@pytest.fixture(scope="module")
def url() -> Iterator[str]:
    seed = Seed.from_dict(SEED, source="tests/test_review.py")
    with running_emulator(seed, EmulatorConfig(rate_limits=None)) as found:
        yield found


@pytest.fixture
def hexsync(url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Result]:
    httpx.post(f"{url}/_emulator/reset").raise_for_status()
    monkeypatch.chdir(tmp_path)
    (tmp_path / "manifests").mkdir()
    (tmp_path / "manifests" / "acme.yaml").write_text(MANIFESTS, encoding="utf-8")

    def run(*args: str) -> Result:
        env = {"HEX_API_URL": url, "HEX_API_TOKEN": TOKEN, "NO_COLOR": "1"}
        return CliRunner().invoke(cli, ["--rate-limit", "off", *args], env=env)

    return run


def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def _items(path: Path) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = yaml.safe_load(path.read_text(encoding="utf-8"))["items"]
    return items


def _decide(path: Path, decisions: dict[tuple[str, str], dict[str, Any]]) -> None:
    """Write decisions into the file as a reviewer does in a pull request: in place, by line."""
    lines = path.read_text(encoding="utf-8").splitlines()
    items = _items(path)
    for (principal, project), fields in decisions.items():
        wanted = next(i for i in items if (i["principal"], i["project"]) == (principal, project))
        start = lines.index(f"- id: {wanted['id']}")
        at = next(n for n in range(start, len(lines)) if lines[n] == "  decision: pending")
        lines[at] = f"  decision: {fields['decision']}"
        extra = [f"  {k}: {json.dumps(v)}" for k, v in fields.items() if k != "decision"]
        lines[at + 2 : at + 2] = extra
        if "reason" in fields:
            del lines[at + 1]  # the empty reason written at start
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_a_review_round_trip(hexsync: Callable[..., Result], tmp_path: Path) -> None:
    assert hexsync("plan", "manifests", "--detailed-exitcode").exit_code == 0

    started = hexsync("review", "start", "2027-q1", "manifests", "--due", "14d")
    assert started.exit_code == 0, started.output
    review = tmp_path / "reviews" / "2027-q1.yaml"
    items = _items(review)
    grants = {(i["principal"], i["project"]): (i["level"], i["reviewer"]) for i in items}
    assert grants == {
        ("alice@acme.com", "Churn drivers"): ("CAN_EDIT", "lead@acme.com"),
        ("alice@acme.com", "Revenue overview"): ("CAN_VIEW", "lead@acme.com"),
        ("bob@acme.com", "Churn drivers"): ("CAN_EDIT", "lead@acme.com"),
        ("bob@acme.com", "Revenue overview"): ("CAN_VIEW", "lead@acme.com"),
        ("carol@acme.com", "Churn drivers"): ("CAN_VIEW", "it@acme.com"),
        ("carol@acme.com", "Revenue overview"): ("CAN_VIEW", "cfo@acme.com"),
        ("dave@acme.com", "Churn drivers"): ("CAN_EDIT", "lead@acme.com"),
        ("dave@acme.com", "Revenue overview"): ("CAN_VIEW", "lead@acme.com"),
        ("erin@acme.com", "Revenue overview"): ("CAN_EDIT", "cfo@acme.com"),
    }  # an owner's own access is not reviewed, their other paths are (bob via Analysts); a
    # project in collection Finance goes to Finance's reviewer, unless a group gives the access
    assert started.stdout.strip() == f"Wrote {Path('reviews') / '2027-q1.yaml'}: 9 items to review."

    _decide(
        review,
        {
            ("erin@acme.com", "Revenue overview"): {"decision": "revoke", "reason": "audit over"},
            ("dave@acme.com", "Revenue overview"): {"decision": "revoke"},
            ("carol@acme.com", "Revenue overview"): {"decision": "keep", "reason": "CFO team"},
            ("alice@acme.com", "Churn drivers"): {"decision": "keep"},
        },
    )
    status = hexsync("review", "status", str(review), "--json")
    assert status.exit_code == 0, status.output
    by = {r["reviewer"]: r for r in json.loads(status.stdout)["reviewers"]}
    assert by["lead@acme.com"] == {
        "reviewer": "lead@acme.com", "items": 6, "keep": 1, "revoke": 1, "pending": 4,
        "overdue": False,
    }  # fmt: skip
    assert (by["cfo@acme.com"]["items"], by["cfo@acme.com"]["revoke"]) == (2, 1)
    markdown = hexsync("review", "status", str(review), "--format", "markdown")
    assert "| `lead@acme.com` | 6 | 1 | 1 | 4 |  |" in markdown.stdout

    # dave's access to Revenue overview comes through group Analysts: the membership, or the
    # group's grant? Close refuses to guess, and lists both.
    ambiguous = hexsync("review", "close", str(review), "manifests")
    assert ambiguous.exit_code == 1
    assert (
        "revoke is ambiguous: 'member of group Analysts' or 'group Analysts on the project'"
        in ambiguous.output
    )
    assert (tmp_path / "manifests" / "acme.yaml").read_text(encoding="utf-8") == MANIFESTS
    text = review.read_text(encoding="utf-8")
    review.write_text(
        text.replace("  decision: revoke\n  reason: null\n", "  decision: revoke\n"
                     "  remove: member of group Analysts\n  reason: on loan, back to Sales\n"),
        encoding="utf-8",
    )  # fmt: skip

    closed = hexsync("review", "close", str(review), "manifests")
    assert closed.exit_code == 0, closed.output
    after = (tmp_path / "manifests" / "acme.yaml").read_text(encoding="utf-8")
    # Exactly the revoked grants' lines go; every comment, the order and the flow style of
    # everything else stay, byte for byte. (The last user of an authoritative map leaves it
    # empty: `users: {}`, no user shares the project directly.)
    assert after == MANIFESTS.replace("      - dave@acme.com   # on loan from Sales\n", "").replace(
        "      users:\n        erin@acme.com: CAN_EDIT   # the Q4 audit\n", "      users: {}\n"
    )
    assert "Closed 2027-q1: 2 keep, 2 revoke, 5 pending kept, 0 pending revoked." in closed.stdout

    plan = hexsync("plan", "manifests", "--out", "plan.json", "--json")
    assert plan.exit_code == 0, plan.output
    changes = json.loads((tmp_path / "plan.json").read_text())["changes"]
    assert [(c["kind"], c["name"], c["fields"]) for c in changes] == [
        ("group", "Analysts", [{"path": "members", "key": "dave@acme.com", "old": "member",
                               "new": None}]),
        ("project", "Revenue overview", [{"path": "sharing.users", "key": "erin@acme.com",
                                          "old": "CAN_EDIT", "new": None}]),
    ]  # fmt: skip

    applied = hexsync("apply", "plan.json", "--json")
    assert applied.exit_code == 0, applied.output
    (tmp_path / "apply.json").write_text(applied.stdout, encoding="utf-8")

    exported = hexsync(
        "review", "export", str(review), "--out", "evidence", "--apply", "apply.json"
    )
    assert exported.exit_code == 0, exported.output
    pack = tmp_path / "evidence"
    decisions = list(csv.DictReader(_lines(pack / "decisions.csv")))
    assert len(decisions) == len(items) == 9
    outcome = {(d["principal"], d["project"]): d["outcome"] for d in decisions}
    assert sum(o == "revoke" for o in outcome.values()) == 2
    rows = list(csv.reader(_lines(pack / "summary.csv")))
    summary = {r[0]: r[1] for r in rows[1:9]}
    report = json.loads(applied.stdout)["report"]
    assert summary == {
        "items": "9", "keep": "2", "revoke": "2", "pending": "5", "kept": "7", "revoked": "2",
        "removals planned": "2", "removals applied": str(report["summary"]["done"]),
    }  # fmt: skip
    assert report["summary"]["done"] == 2
    revocations = list(csv.DictReader(_lines(pack / "revocations.csv")))
    assert [(r["principal"], r["removal"], r["applied"]) for r in revocations] == [
        ("dave@acme.com", "group 'Analysts': member dave@acme.com", "done"),
        ("erin@acme.com", "project 'Revenue overview': sharing.users[erin@acme.com]", "done"),
    ]
    snapshot = json.loads((pack / "snapshot.json").read_text(encoding="utf-8"))
    assert snapshot["sha256"] == yaml.safe_load(review.read_text())["snapshot"]["sha256"]
    assert len(snapshot["items"]) == 9
    sums = dict(
        reversed(line.split("  ", 1)) for line in (pack / "SHA256SUMS").read_text().splitlines()
    )
    for name in ("decisions.csv", "revocations.csv", "snapshot.json", "summary.csv",
                 "summary.html"):  # fmt: skip
        assert sums[name] == hashlib.sha256((pack / name).read_bytes()).hexdigest()
    assert sums["2027-q1.yaml"] == hashlib.sha256(review.read_bytes()).hexdigest()
    assert "Access review 2027-q1" in (pack / "summary.html").read_text(encoding="utf-8")


def test_an_edited_snapshot_is_refused(hexsync: Callable[..., Result], tmp_path: Path) -> None:
    assert hexsync("review", "start", "q", "manifests").exit_code == 0
    review = tmp_path / "reviews" / "q.yaml"
    review.write_text(
        review.read_text().replace("level: CAN_EDIT", "level: CAN_VIEW", 1), encoding="utf-8"
    )
    result = hexsync("review", "status", str(review))
    assert result.exit_code == 1
    assert "the snapshot was changed after the review started" in result.output
    again = hexsync("review", "start", "q", "manifests")
    assert again.exit_code == 1
    assert "a review file is a record, never overwritten" in again.output


def test_a_scope_limits_the_items(hexsync: Callable[..., Result], tmp_path: Path) -> None:
    result = hexsync("review", "start", "fin", "manifests", "--scope", "collection:Finance")
    assert result.exit_code == 0, result.output
    projects = {i["project"] for i in _items(tmp_path / "reviews" / "fin.yaml")}
    assert projects == {"Revenue overview"}
    group = hexsync("review", "start", "an", "manifests", "--scope", "group:Analysts")
    assert group.exit_code == 0, group.output
    paths = {p["via"] for i in _items(tmp_path / "reviews" / "an.yaml") for p in i["paths"]}
    assert paths == {"group Analysts"}


def _item(paths: list[dict[str, Any]], **more: Any) -> Item:
    data = {"id": 1, "project": "P", "project_id": "p1", "principal": "u@x.io", "kind": "user",
            "level": "CAN_VIEW", "paths": paths, **more}  # fmt: skip
    return Item(data, 1)


def test_what_a_revoke_removes_per_path() -> None:
    direct = [{"via": "direct share", "level": "CAN_VIEW"}]
    assert [r.text for r in removals(_item(direct))] == ["project 'P': sharing.users[u@x.io]"]
    via = [{"via": "collection C via group G", "level": "CAN_VIEW", "collection": "C",
            "group": "G"}]  # fmt: skip
    with pytest.raises(ReviewError) as caught:
        removals(_item(via))
    assert caught.value.message.endswith(
        "'collection C on the project' or 'group G on collection C' or 'member of group G'"
    )
    chosen = removals(_item(via, remove=["group G on collection C"]))
    assert [r.text for r in chosen] == ["collection 'C': sharing.groups[G]"]
    with pytest.raises(ReviewError, match="'nope' is not one of its choices"):
        removals(_item(via, remove="nope"))
    public = [{"via": "public web", "level": "APP_ONLY"}]
    assert [r.text for r in removals(_item(public))] == ["project 'P': sharing.public_web: NONE"]
