"""collections[].sharing in manifests: what load makes of it, and what validate says."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from hexsync.cli.main import cli
from hexsync.manifest import check, load
from hexsync.values.desired import FrozenMap, Mode

MANIFEST = """\
version: 1
policy:
  collection_levels: [Curator]
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
    assert str(finance.sharing.mark_of("groups", "Analysts")) == "m.yaml:10:16"
    assert sales.sharing is not None
    assert sales.sharing.mode is Mode.AUTHORITATIVE
    assert sales.sharing.users == FrozenMap()
    assert sales.sharing.groups is None
    assert sales.sharing.workspace is None  # omitted: left alone
    assert marketing.sharing is None


def test_an_unknown_level_is_an_error_naming_the_known_ones(tmp_path: Path) -> None:
    text = MANIFEST.replace("{Analysts: Curator}", "{Analysts: member}")
    (tmp_path / "m.yaml").write_text(text, encoding="utf-8")
    result = check([tmp_path / "m.yaml"], relative_to=tmp_path)
    assert not result.ok
    [problem] = result.problems
    assert problem.severity == "error"
    assert str(problem) == (
        "m.yaml:10:16: collections[0].sharing.groups.Analysts: collection 'Finance':"
        " 'member' is not a collection level (MANAGE, MEMBER, NONE, VIEW; declared: Curator)\n"
        "  hint: did you mean 'MEMBER'? (levels are case-sensitive) (or, if Hex has this level,"
        " declare it under policy.collection_levels)"
    )


def test_a_project_level_on_a_collection_is_refused_with_the_collection_level_to_write(
    tmp_path: Path,
) -> None:
    """The mistake met: `Executives: CAN_VIEW` on a collection (the project vocabulary) was a
    warning, apply wrote it, and the plan called it "widens access"."""
    text = (
        "version: 1\ncollections:\n  - name: Finance\n    sharing:\n"
        "      groups: {Executives: CAN_VIEW, Admins: FULL_ACCESS}\n"
    )
    (tmp_path / "m.yaml").write_text(text, encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(tmp_path / "m.yaml")])
    assert result.exit_code == 1, result.output
    assert (
        "m.yaml:5:16: collections[0].sharing.groups.Executives: collection 'Finance':"
        " 'CAN_VIEW' is not a collection level (MANAGE, MEMBER, NONE, VIEW)\n"
        "  hint: 'CAN_VIEW' is a project level; collections take MANAGE, MEMBER, NONE, VIEW:"
        " did you mean 'VIEW'?"
    ) in result.output
    assert "'FULL_ACCESS' is a project level" in result.output
    assert "did you mean 'MANAGE'?" in result.output


def test_a_level_declared_in_policy_collection_levels_is_accepted_quietly(tmp_path: Path) -> None:
    (tmp_path / "m.yaml").write_text(MANIFEST, encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(tmp_path / "m.yaml")])
    assert result.exit_code == 0, result.output
    assert "Curator" not in result.output
    undeclared = MANIFEST.replace("collection_levels: [Curator]", "collection_levels: [Curate]")
    (tmp_path / "m.yaml").write_text(undeclared, encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(tmp_path / "m.yaml")])
    assert result.exit_code == 1, result.output
    assert "'Curator' is not a collection level (MANAGE, MEMBER, NONE, VIEW; declared: Curate)" in (
        result.output
    )
