"""Issue #15 item 4 through ``hexsync plan``: deactivating a user shows what they lose, the
projects they own, and a member removal declared for them. Issue #28 item 5: the consequences
do not fade: the line says irreversible, the plan warns of directory sync, every later plan of
the projects a deactivated owner still holds, and ``access project`` names the owner so."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from click.testing import Result
from test_engine_cases import live_of

from hexsync.decide.access_engine import AccessEngine
from hexsync.decide.impact import deactivation_warnings
from hexsync.ops.access import AccessState, project_doc
from hexsync.render.access_text import render_project_text

MANIFESTS = """\
version: 1
users:
  - email: bob@acme.com
    active: false
groups:
  - name: Analysts
    members: [vic@acme.com]
"""


def test_a_deactivation_shows_losses_owned_projects_and_the_member_removal(
    hexsync: Callable[..., Result], tmp_path: Path
) -> None:
    (tmp_path / "m.yaml").write_text(MANIFESTS, encoding="utf-8")
    result = hexsync("plan", str(tmp_path / "m.yaml"))
    assert result.exit_code == 0, result.output
    lines = [" ".join(line.split()) for line in result.stdout.splitlines()]
    # The member removal the manifests declare is in the plan, before the deactivation.
    assert lines.index('~ group "Analysts"') < lines.index(
        '- user "bob@acme.com" (deactivate: irreversible, the API cannot reactivate)'
    )
    assert "- member bob@acme.com" in lines
    # The projects bob owns keep a deactivated owner: the plan says which.
    warning = next(line for line in lines if "owns 1 project" in line)
    assert '"Status page"' in warning
    assert "transfer ownership" in warning
    # Everything bob loses, by the path that gave it (owner, group), effective levels only.
    access = lines[lines.index("Access changes") :]
    assert 'bob@acme.com loses CAN_EDIT on "Revenue overview" (via group Analysts)' in access
    assert any(line.startswith('loses FULL_ACCESS on "Status page" (via owner)') for line in access)
    assert not any("vic@acme.com" in line for line in access)  # vic keeps their membership


def _squeezed(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines()]


def test_a_deactivation_is_marked_irreversible_and_warns_of_directory_sync(
    hexsync: Callable[..., Result], tmp_path: Path
) -> None:
    (tmp_path / "m.yaml").write_text(MANIFESTS, encoding="utf-8")
    result = hexsync("plan", str(tmp_path / "m.yaml"))
    assert result.exit_code == 0, result.output
    lines = _squeezed(result.stdout)
    assert '- user "bob@acme.com" (deactivate: irreversible, the API cannot reactivate)' in lines
    assert (
        "deactivating bob@acme.com in Hex does not reach an identity provider: with directory"
        " sync (SCIM), deactivate them there too, or it may bring them back"
    ) in lines


def test_a_deactivated_owner_is_named_so_after_the_plan(
    hexsync: Callable[..., Result], tmp_path: Path
) -> None:
    (tmp_path / "m.yaml").write_text(MANIFESTS, encoding="utf-8")
    result = hexsync("access", "project", "Status page", "--as-planned", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert _squeezed(result.stdout)[1] == (
        "owner: bob@acme.com (deactivated: not an active user, so no access; transfer"
        " ownership in Hex)"
    )


def test_every_later_plan_warns_of_projects_a_deactivated_user_still_owns() -> None:
    # Hex no longer lists mallory (deactivated), and she still owns two projects.
    live = live_of(
        {
            "users": {"ana@acme.com": "ADMIN"},
            "projects": {
                "Old attribution": {"owner": "mallory@acme.com"},
                "Legacy KPIs": {"owner": "mallory@acme.com"},
                "Mine": {"owner": "ana@acme.com"},
            },
        }
    )
    (warning,) = deactivation_warnings((), live)
    assert (warning.code, warning.message) == (
        "deactivated_owner",
        "mallory@acme.com is not an active user (deactivated) and still owns 2 projects"
        ' ("Legacy KPIs", "Old attribution"): nobody can sign in as their owner; transfer'
        " ownership in Hex",
    )
    state = AccessState(AccessEngine(live), live)
    doc = project_doc(state, next(p for p in live.projects.values() if p.title == "Mine"))
    assert doc["project"]["owner_active"] is True
    gone = project_doc(state, live.projects["p0"])
    assert render_project_text(gone).splitlines()[1] == (
        "  owner: mallory@acme.com (deactivated: not an active user, so no access; transfer"
        " ownership in Hex)"
    )
