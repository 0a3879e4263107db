"""collections[].sharing in manifests: what load makes of it, and what validate says."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from hexsync.cli.main import cli
from hexsync.manifest import check, load
from hexsync.values.desired import FrozenMap, Mode

MANIFEST = """\
version: 1
collections:
  - name: Finance
    sharing:
      mode: additive
      workspace: MEMBER
      users: {Carol@Acme.com: MANAGE, bob@acme.com: NONE}
      groups: {Analysts: Curator}
  - name: Sales
    sharing:
      users: {}
  - name: Marketing
"""


def test_levels_are_kept_as_written_and_emails_lower_cased(tmp_path: Path) -> None:
    (tmp_path / "m.yaml").write_text(MANIFEST, encoding="utf-8")
    desired = load([tmp_path / "m.yaml"], relative_to=tmp_path)
    finance, marketing, sales = desired.collections
    assert finance.sharing is not None
    assert finance.sharing.mode is Mode.ADDITIVE
    assert finance.sharing.workspace == "MEMBER"
    assert finance.sharing.users == FrozenMap({"carol@acme.com": "MANAGE", "bob@acme.com": "NONE"})
    assert finance.sharing.groups == FrozenMap({"Analysts": "Curator"})  # never rewritten
    assert str(finance.sharing.mark_of("groups", "Analysts")) == "m.yaml:8:16"
    assert sales.sharing is not None
    assert sales.sharing.mode is Mode.AUTHORITATIVE
    assert sales.sharing.users == FrozenMap()
    assert sales.sharing.groups is None
    assert sales.sharing.workspace is None  # omitted: left alone
    assert marketing.sharing is None


def test_an_unknown_level_is_a_warning_naming_the_known_ones(tmp_path: Path) -> None:
    (tmp_path / "m.yaml").write_text(MANIFEST.replace("Curator", "member"), encoding="utf-8")
    result = check([tmp_path / "m.yaml"], relative_to=tmp_path)
    assert result.ok
    [problem] = result.problems
    assert problem.severity == "warning"
    assert str(problem) == (
        "m.yaml:8:16: warning: collections[0].sharing.groups.Analysts: collection 'Finance':"
        " 'member' is not a collection level hexsync knows (MANAGE, MEMBER, NONE, VIEW)\n"
        "  hint: did you mean 'MEMBER'? (levels are case-sensitive)"
    )


def test_validate_accepts_collection_sharing_and_warns_on_unknown_levels(tmp_path: Path) -> None:
    (tmp_path / "m.yaml").write_text(MANIFEST, encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(tmp_path / "m.yaml")])
    assert result.exit_code == 0, result.output
    assert "warning:" in result.output
    assert "'Curator' is not a collection level hexsync knows" in result.output
    assert "kept as written" in result.output
