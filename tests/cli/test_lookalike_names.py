"""Look-alike names are flagged, and no name can reverse or hide text (issue #9 item 8).

``validate`` warns on mixed-script names, look-alike letters, invisible and bidi characters,
and two declared names that read the same (TR39 skeletons); ``plan`` warns when it would create
something that reads like a live object; text and markdown renderings spell bidi controls out."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from hexsync.cli.main import cli
from hexsync.manifest.lookalike import mixed_scripts, skeleton

CYRILLIC_I = "\u0456"
RLO = "\u202e"


def _validate(tmp_path: Path, text: str) -> Result:
    (tmp_path / "m.yaml").write_text(text, encoding="utf-8")
    return CliRunner().invoke(cli, ["validate", str(tmp_path / "m.yaml")])


def test_a_cyrillic_letter_in_a_group_name_is_warned_with_its_place(tmp_path: Path) -> None:
    result = _validate(tmp_path, f"version: 1\ngroups:\n  - name: Adm{CYRILLIC_I}ns\n")
    assert result.exit_code == 0  # a warning, not an error: such a name can be meant
    assert "m.yaml:3:5: warning:" in result.output
    assert "mixes Latin and Cyrillic letters" in result.output
    assert "U+0456 CYRILLIC SMALL LETTER BYELORUSSIAN-UKRAINIAN I" in result.output
    assert "(1 warning)" in result.output


@pytest.mark.parametrize(
    ("kind", "yaml_of"),
    [
        ("group", lambda n: f"groups:\n  - name: {n}\n  - name: Admins\n"),
        ("collection", lambda n: f"collections:\n  - name: {n}\n  - name: Admins\n"),
        ("project", lambda n: f"projects:\n  - title: {n}\n  - title: Admins\n"),
    ],
)
def test_two_declared_names_that_read_the_same_are_warned(
    tmp_path: Path, kind: str, yaml_of: Callable[[str], str]
) -> None:
    result = _validate(tmp_path, "version: 1\n" + yaml_of("Adm\u0131ns"))  # dotless i
    assert result.exit_code == 0
    assert f"{kind} 'Adm\u0131ns' looks like {kind} 'Admins'" in result.output
    assert "uses a look-alike letter (U+0131 LATIN SMALL LETTER DOTLESS I)" in result.output


def test_a_look_alike_email_and_a_bidi_override_are_warned(tmp_path: Path) -> None:
    text = (
        f'version: 1\ngroups:\n  - name: "Finance{RLO}gnirts"\n    members: [\u0430lice@acme.com]\n'
    )
    result = _validate(tmp_path, text)
    assert result.exit_code == 0
    assert "email '\u0430lice@acme.com' mixes Cyrillic and Latin letters" in result.output
    assert "holds invisible or direction-changing characters: U+202E RIGHT-TO-LEFT OVERRIDE" in (
        result.output
    )
    assert RLO not in result.output  # the warning itself spells it out
    assert "Finance\\u202egnirts" in result.output


def test_names_in_one_script_or_allowed_mixes_are_not_warned(tmp_path: Path) -> None:
    text = (
        "version: 1\ngroups:\n"
        "  - name: Весна\n"  # all Cyrillic
        "  - name: 営業チーム Tokyo\n"  # Han, Katakana and Latin: allowed together
        "  - name: Café crème\n"
        "  - name: Team 1\n"
    )
    result = _validate(tmp_path, text)
    assert result.exit_code == 0
    assert "warning" not in result.output


def test_skeletons_and_scripts() -> None:
    assert skeleton(f"Adm{CYRILLIC_I}ns") == skeleton("Admins")
    assert skeleton("Ad\u200bmins") == skeleton("Admins")  # zero-width space dropped
    assert skeleton("\uff21dmins") == skeleton("Admins")  # fullwidth A
    assert skeleton("Adrnins") == skeleton("Admins")
    assert skeleton("Admins") != skeleton("Adnims")
    assert skeleton("Café") != skeleton("Cafe")  # accents are not confusables
    assert mixed_scripts("Admins") is None
    assert mixed_scripts(f"Adm{CYRILLIC_I}ns") == {"LATIN": "A", "CYRILLIC": CYRILLIC_I}
    assert mixed_scripts("Αθήνα Office") is not None  # Greek and Latin


def test_plan_warns_when_a_new_group_reads_like_a_live_one(
    hexsync: Callable[..., Result], tmp_path: Path
) -> None:
    manifests = tmp_path / "m"
    manifests.mkdir()
    # The workspace has "Analysts"; the manifest's has a Cyrillic a, and a bidi control.
    name = "An\u0430lysts"
    (manifests / "g.yaml").write_text(
        f'version: 1\ngroups:\n  - name: {name}\n  - name: "Ops{RLO}sraw"\n', encoding="utf-8"
    )
    text = hexsync("plan", str(manifests))
    assert text.exit_code == 0, text.output
    assert (
        f'group "{name}" (U+0430 CYRILLIC SMALL LETTER A) would be created, and it looks like '
        'the existing group "Analysts"'
    ) in text.stdout
    assert RLO not in text.stdout
    assert '+ group "Ops\\u202esraw"' in text.stdout
    markdown = hexsync("plan", str(manifests), "--format", "markdown")
    assert markdown.exit_code == 0, markdown.output
    assert RLO not in markdown.stdout
    assert "Ops\\u202esraw" in markdown.stdout
    assert "looks like the existing group" in markdown.stdout


def test_tables_spell_invisible_characters_out(
    hexsync: Callable[..., Result], tmp_path: Path
) -> None:
    manifests = tmp_path / "m"
    manifests.mkdir()
    (manifests / "g.yaml").write_text(
        f'version: 1\ngroups:\n  - name: "Ops{RLO}sraw"\n', encoding="utf-8"
    )
    applied = hexsync("apply", str(manifests), "--auto-approve")
    assert applied.exit_code == 0, applied.output
    listed = hexsync("groups", "list")
    assert listed.exit_code == 0
    assert "Ops\\u202esraw" in listed.stdout
    assert RLO not in listed.stdout
