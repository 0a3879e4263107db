"""Issue #15 item 4 through ``hexsync plan``: deactivating a user shows what they lose, the
projects they own, and a member removal declared for them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from click.testing import Result

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
    assert lines.index('~ group "Analysts"') < lines.index('- user "bob@acme.com" (deactivate)')
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
