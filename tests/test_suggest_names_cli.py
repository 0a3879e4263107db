"""``export --suggest-rules`` against a workspace whose names are YAML's own punctuation.

The rules file writes names inside flow mappings (``match: {collection: NAME}``,
``sharing: {groups: {NAME: CAN_VIEW}}``), where a plain ``,``, ``:``, ``{``, ``}``, ``[`` or
``]`` ends the scalar: ``{groups: {Sales, Ops: CAN_VIEW}}`` was a file that failed ``validate``.
Every name below must round-trip: the suggested rules validate, name exactly these principals
and selectors, and plan as no change, alone and beside the rest of the export.
"""

from __future__ import annotations

from collections.abc import Iterator
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

pytestmark = pytest.mark.slow

TOKEN = "hxtw_suggest_names"
NAMES = [
    "Sales, Ops",
    "Ops: EMEA",
    "a:b",
    "{team}",
    "x}, y: {z",
    "[core]",
    "q?",
    '"quoted"',
    "it's",
    "- dash",
    "* star",
    "& anchor",
    "! bang",
    "% pct",
    "@at",
    "`tick`",
    "| pipe",
    "> fold",
    "#hash",
    "a #b",
    "yes",
    "null",
    "1.0",
    "\u0410dmins",  # a look-alike: a Cyrillic capital A
    "\ufeffbom",
    "tab\there",
    "line\u2028break",
    "<<",
    "'" * 600,  # quoted, longer than the 1,024 characters of an implicit key
    "\ufeff" * 200 + "x",  # escaped, the same
]


def _seed() -> dict[str, Any]:
    users = ["a@acme.com", "b@acme.com"]
    projects = []
    for i, name in enumerate(NAMES):
        # Each name is a group, a collection, a category and a status. Its three projects are
        # shared with the group, and selected (in turn) by the category, by the collection, or
        # by the status, so the name is written in every place a suggested rule holds one.
        selector = ("categories", "collection", "status")[i % 3]
        for j in range(3):
            sharing: dict[str, Any] = {"groups": {name: "CAN_VIEW"}}
            if selector != "status":
                sharing["collections"] = {name: "CAN_VIEW"}
            projects.append(
                {
                    "title": f"Report {i}.{j}",
                    "owner": users[j % 2],
                    "status": name if selector == "status" else None,
                    "categories": [name] if selector == "categories" else [],
                    "sharing": sharing,
                }
            )
        projects.append({"title": f"Elsewhere {i}", "owner": users[0]})
    return {
        "org": {"id": "5a8591dd-4039-49df-9202-96385ba3eff8", "name": "Acme"},
        "tokens": [{"token": TOKEN, "kind": "workspace"}],
        "statuses": NAMES,
        "categories": [{"name": n} for n in NAMES],
        "users": [{"email": e} for e in users],
        "groups": [{"name": n, "members": users[:1]} for n in NAMES],
        "collections": [{"name": n} for n in NAMES],
        "projects": projects,
    }


@pytest.fixture(scope="module")
def url() -> Iterator[str]:
    seed = Seed.from_dict(_seed(), source="suggest names")
    with running_emulator(seed, EmulatorConfig(rate_limits=None)) as base:
        yield base


def run(url: str, *args: str) -> Result:
    httpx.post(f"{url}/_emulator/reset").raise_for_status()
    env = {"HEX_API_URL": url, "HEX_API_TOKEN": TOKEN, "NO_COLOR": "1"}
    return CliRunner().invoke(cli, ["--rate-limit", "off", *args], env=env)


def test_suggested_rules_with_punctuation_in_names_validate_and_plan_as_no_change(
    url: str, tmp_path: Path
) -> None:
    out = tmp_path / "manifests"
    exported = run(url, "export", "--out", str(out), "--suggest-rules")
    assert exported.exit_code == 0, exported.output
    rules_file = out / "rules.yaml"
    validated = run(url, "validate", str(rules_file))
    assert validated.exit_code == 0, validated.output + rules_file.read_text("utf-8")
    # The file says what was meant: one rule per name, granting that very group.
    rules = yaml.safe_load(rules_file.read_text("utf-8"))["rules"]
    granted = {name for r in rules for name in r["sharing"].get("groups", {})}
    assert granted == set(NAMES)
    selected = {(k, v) for r in rules for k, v in r["match"].items()}
    assert {v for _, v in selected} == set(NAMES)
    assert {k for k, _ in selected} == {"categories", "collection", "status"}
    for target in (out, rules_file):
        planned = run(url, "plan", str(target), "--detailed-exitcode")
        assert planned.exit_code == 0, planned.output
