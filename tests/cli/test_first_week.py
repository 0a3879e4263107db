"""A new admin's first week (issue 15): each friction met again, through the CLI, as a user would.

Runs ``hexsync`` (click's runner) against the loopback emulator of ``tests/cli/conftest.py``.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from cli_support import REVENUE_ID
from click.testing import CliRunner, Result

from hexsync.cli.main import cli

Hexsync = Callable[..., Result]


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# ------------------------------------------------------------------ 2. a status typo at plan


def test_a_status_typo_is_a_located_error_at_plan_with_the_close_match(
    hexsync: Hexsync, tmp_path: Path
) -> None:
    manifest = write(
        tmp_path / "manifests" / "projects.yaml",
        f"version: 1\nprojects:\n  - id: {REVENUE_ID}\n    status: Productoin\n",
    )
    assert hexsync("validate", str(manifest)).exit_code == 0  # offline, nothing to compare with
    planned = hexsync("plan", str(manifest))
    assert planned.exit_code == 1
    assert "projects.yaml:3:5:" in planned.stderr
    assert "status 'Productoin' is not a status of this workspace" in planned.stderr
    assert "did you mean 'Production'?" in planned.stderr
    assert "Traceback" not in planned.output


def test_exported_statuses_make_validate_catch_a_typo_offline(
    hexsync: Hexsync, tmp_path: Path
) -> None:
    out = tmp_path / "manifests"
    assert hexsync("export", "--out", str(out)).exit_code == 0
    policy = (out / "policy.yaml").read_text(encoding="utf-8")
    assert "statuses:\n    - In development\n    - Production\n" in policy
    projects = out / "projects.yaml"
    text = projects.read_text(encoding="utf-8")
    projects.write_text(text.replace("status: Production", "status: Productoin"), "utf-8")
    checked = hexsync("validate", str(out))
    assert checked.exit_code == 1
    assert "did you mean 'Production'?" in checked.output


# ------------------------------------------------------------------ 7. unmanaged names


def test_not_managed_here_names_them_and_says_what_to_do(hexsync: Hexsync, tmp_path: Path) -> None:
    """A group removed from the YAML is left alone: the plan names it and says how to delete."""
    manifest = write(
        tmp_path / "m.yaml",
        "version: 1\ngroups:\n  - name: Analysts\n    members: [alice@acme.com, bob@acme.com]\n",
    )
    text = hexsync("plan", str(manifest))
    assert text.exit_code == 0, text.output
    assert "Not managed here (left alone):" in text.stdout
    assert '  2 groups: "Empty", "Finance"' in text.stdout
    assert "`ensure: absent`, or set policy.prune.groups: true" in text.stdout
    assert '2 collections: "Finance", "Ops"' in text.stdout
    assert "delete in Hex's UI (the API cannot delete collections)" in text.stdout

    md = hexsync("plan", str(manifest), "--format", "markdown")
    assert "- 2 groups: `Empty`, `Finance` — to remove: declare with" in md.stdout

    data = json.loads(hexsync("plan", str(manifest), "--format", "json").stdout)
    assert data["unmanaged"]["group"] == 2
    assert data["unmanaged_names"]["group"] == ["Empty", "Finance"]
    assert len(data["unmanaged_names"]["project"]) == data["unmanaged"]["project"]


# ------------------------------------------------------------------ 10. show a saved plan

GROUP_CHANGE = (
    "version: 1\ngroups:\n  - name: Analysts\n    members: [alice@acme.com, carol@acme.com]\n"
)


def test_show_renders_a_saved_plan_in_each_format(hexsync: Hexsync, tmp_path: Path) -> None:
    manifest = write(tmp_path / "m.yaml", GROUP_CHANGE)
    saved = tmp_path / "plan.json"
    planned = hexsync("plan", str(manifest), "--out", str(saved))
    assert planned.exit_code == 0, planned.output

    text = hexsync("show", str(saved), token="")  # no token, no request: the file alone
    assert text.exit_code == 0, text.output
    assert text.stdout == planned.stdout  # what plan printed, from the file
    assert "- member bob@acme.com" in text.stdout

    md = hexsync("show", str(saved), "--format", "markdown", token="")
    assert md.stdout.startswith("## hexsync plan for")
    assert str(saved) in md.stdout or "<details" in md.stdout

    for flag in (("--json",), ("--format", "json")):
        shown = hexsync("show", str(saved), *flag, token="")
        assert json.loads(shown.stdout) == json.loads(saved.read_text(encoding="utf-8"))


def test_show_refuses_a_manifest_and_an_edited_plan_in_one_line(
    hexsync: Hexsync, tmp_path: Path
) -> None:
    manifest = write(tmp_path / "m.yaml", GROUP_CHANGE)
    shown = hexsync("show", str(manifest), token="")
    assert shown.exit_code == 1
    assert "a manifest, not a saved plan" in shown.stderr
    assert shown.stderr.count("\n") <= 2

    saved = tmp_path / "plan.json"
    hexsync("plan", str(manifest), "--out", str(saved))
    saved.write_text(saved.read_text(encoding="utf-8").replace("carol", "mallory"), "utf-8")
    edited = hexsync("show", str(saved), token="")
    assert edited.exit_code == 1
    assert "checksum mismatch" in edited.stderr
    assert "Traceback" not in edited.output


# ------------------------------------------------------------------ 11. consistent options


@pytest.mark.parametrize(
    "command",
    [
        ("users", "list"),
        ("groups", "list"),
        ("collections", "list"),
        ("projects", "list"),
        ("connections", "list"),
        ("validate", "m.yaml"),
        ("plan", "m.yaml"),
    ],
)
def test_json_and_format_json_are_the_same(
    hexsync: Hexsync, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: tuple[str, ...]
) -> None:
    write(tmp_path / "m.yaml", GROUP_CHANGE)
    monkeypatch.chdir(tmp_path)
    one = hexsync(*command, "--json")
    two = hexsync(*command, "--format", "json")
    assert one.exit_code == two.exit_code == 0, one.output + two.output
    assert json.loads(one.stdout) == json.loads(two.stdout)
    text = hexsync(*command, "--format", "text")
    with pytest.raises(json.JSONDecodeError):
        json.loads(text.stdout)


def test_json_with_another_format_is_a_usage_error(hexsync: Hexsync, tmp_path: Path) -> None:
    manifest = write(tmp_path / "m.yaml", GROUP_CHANGE)
    both = hexsync("plan", str(manifest), "--json", "--format", "markdown")
    assert both.exit_code == 1
    assert "--json and --format markdown disagree" in both.stderr


def test_plan_and_validate_default_to_manifests_here(
    hexsync: Hexsync, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    missing = hexsync("validate")
    assert missing.exit_code == 1
    assert "no manifests given, and there is no ./manifests directory here" in missing.stderr
    write(tmp_path / "manifests" / "groups.yaml", GROUP_CHANGE)
    checked = hexsync("validate")
    assert checked.exit_code == 0, checked.output
    assert "1 group" in checked.stdout
    planned = hexsync("plan", "--detailed-exitcode")
    assert planned.exit_code == 2, planned.output
    assert "+ member carol@acme.com" in planned.stdout


def test_export_and_apply_reports_as_json(hexsync: Hexsync, tmp_path: Path) -> None:
    out = tmp_path / "exported"
    exported = hexsync("export", "--out", str(out), "--json")
    assert exported.exit_code == 0, exported.output
    report = json.loads(exported.stdout)
    assert str(out / "projects.yaml") in report["wrote"]
    assert report["removed"] == []

    manifest = write(tmp_path / "m.yaml", GROUP_CHANGE)
    saved = tmp_path / "plan.json"
    hexsync("plan", str(manifest), "--out", str(saved))
    applied = hexsync("apply", str(saved), "--format", "json")
    assert applied.exit_code == 0, applied.output
    document = json.loads(applied.stdout)
    assert document["report"]["ok"] is True
    assert document["report"]["summary"]["done"] == 1
    assert document["already_applied"] is False
    again = json.loads(hexsync("apply", str(saved), "--json").stdout)
    assert again["already_applied"] is True
    assert again["report"] is None


# ------------------------------------------------------------------ 12. honest words


def test_an_empty_targeted_or_refused_plan_never_claims_the_workspace_matches(
    hexsync: Hexsync, tmp_path: Path
) -> None:
    manifest = write(tmp_path / "m.yaml", GROUP_CHANGE)
    targeted = hexsync("plan", str(manifest), "--target", "collection")
    assert targeted.exit_code == 0, targeted.output
    assert "No changes to collection. The rest of the workspace was not compared" in (
        targeted.stdout
    )
    assert "matches the manifests" not in targeted.stdout

    # A check rule that the workspace breaks: no change to make, and still refused.
    broken = write(
        tmp_path / "w.yaml",
        "version: 1\nrules:\n  - name: nothing-for-everyone\n    match: {all: true}\n"
        "    enforce: check\n    sharing: {mode: authoritative, workspace: NONE}\n",
    )
    refused = hexsync("plan", str(broken))
    assert refused.exit_code == 3, refused.output
    assert "matches the manifests" not in refused.stdout
    assert "the plan is refused" in refused.stdout


# ------------------------------------------------------------------ 14. the schema, reachable


def test_schema_out_and_export_point_at_a_copy_that_resolves(
    hexsync: Hexsync, tmp_path: Path
) -> None:
    target = tmp_path / "schema.json"
    wrote = hexsync("schema", "--out", str(target), token="")
    assert wrote.exit_code == 0, wrote.output
    assert json.loads(target.read_text(encoding="utf-8"))["title"]

    out = tmp_path / "manifests"
    assert hexsync("export", "--out", str(out)).exit_code == 0
    for path in out.rglob("*.yaml"):
        first = path.read_text(encoding="utf-8").splitlines()[0]
        ref = first.removeprefix("# yaml-language-server: $schema=")
        assert (path.parent / ref).resolve().is_file(), f"{path}: {ref} does not resolve"
    assert (out / "manifest.schema.json").read_bytes() == target.read_bytes()

    url = "https://example.com/manifest.schema.json"
    elsewhere = tmp_path / "elsewhere"
    assert hexsync("export", "--out", str(elsewhere), "--schema", url).exit_code == 0
    assert f"$schema={url}" in (elsewhere / "policy.yaml").read_text(encoding="utf-8")
    assert not (elsewhere / "manifest.schema.json").exists()


def test_the_pre_commit_hook_runs_for_a_folder_of_any_name(tmp_path: Path) -> None:
    """pre-commit runs `entry args` when a changed file matches `files`: a folder named
    `access/` (given in args) must trigger it, and the command must check that folder."""
    root = Path(__file__).resolve().parents[2]
    hooks = yaml.safe_load((root / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    (hook,) = hooks
    assert re.search(hook["files"], "infra/access/groups.yaml")
    assert re.search(hook["files"], "access/projects.yml")
    assert not re.search(hook["files"], "README.md")
    write(tmp_path / "access" / "groups.yaml", "version: 1\ngroups:\n  - name: A\n    bogus: 1\n")
    command = [*hook["entry"].split(), "access"]
    assert command[0] == "hexsync"
    hexsync_bin = str(Path(sys.executable).parent / "hexsync")
    bad = subprocess.run(
        [hexsync_bin, *command[1:]], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert bad.returncode == 1
    assert "access/groups.yaml:4:5" in bad.stdout
    write(tmp_path / "access" / "groups.yaml", "version: 1\ngroups:\n  - name: A\n")
    good = subprocess.run(
        [hexsync_bin, *command[1:]], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert good.returncode == 0, good.stdout + good.stderr


# ------------------------------------------------------------------ 9. deactivated in Hex


def test_a_user_deactivated_in_hex_gets_the_fix_that_works(
    hexsync: Hexsync, tmp_path: Path
) -> None:
    """trent was deactivated by Directory Sync: the hint's fix makes the plan go through."""
    groups = (
        "version: 1\ngroups:\n  - name: Finance\n    members: [carol@acme.com, trent@acme.com]\n"
    )
    manifest = write(tmp_path / "manifests" / "groups.yaml", groups)
    blocked = hexsync("plan", str(manifest.parent))
    assert blocked.exit_code == 1
    assert "groups.yaml:4:31: group 'Finance': trent@acme.com is not an active user" in (
        blocked.stderr
    )
    assert "declare `- email: trent@acme.com` with `active: false` under users" in blocked.stderr

    write(
        tmp_path / "manifests" / "users.yaml",
        "users:\n  - email: trent@acme.com\n    active: false\n",
    )
    fixed = hexsync("plan", str(manifest.parent))
    assert fixed.exit_code == 0, fixed.output
    assert "trent@acme.com is declared 'active: false'" in fixed.stdout


def test_unresolved_references_suggest_close_matches(hexsync: Hexsync, tmp_path: Path) -> None:
    manifest = write(
        tmp_path / "m.yaml",
        f"version: 1\nprojects:\n  - id: {REVENUE_ID}\n    sharing:\n"
        "      users: {alcie@acme.com: CAN_VIEW}\n      groups: {Analyst: CAN_VIEW}\n"
        "      collections: {finance: CAN_VIEW}\n",
    )
    planned = hexsync("plan", str(manifest))
    assert planned.exit_code == 1
    assert "alcie@acme.com is not an active user of this workspace; did you mean" in (
        planned.stderr
    )
    assert "'alice@acme.com'" in planned.stderr
    assert "group 'Analyst' is neither a live group nor declared; did you mean 'Analysts'?" in (
        planned.stderr
    )
    assert "did you mean 'Finance'?" in planned.stderr


# ------------------------------------------------------------------ 13. hints that fit


def test_a_pasted_workspace_url_says_give_the_host_only(hexsync: Hexsync) -> None:
    result = CliRunner().invoke(
        cli,
        ["--api-url", "https://app.hex.tech/acme/home", "groups", "list"],
        env={"HEX_API_TOKEN": "hxtw_x", "HEX_API_URL": None},
    )
    assert result.exit_code == 1
    assert "is a page of a workspace, not its host: give the host only" in result.stderr
    assert "hint: --api-url https://app.hex.tech " in result.stderr


@pytest.mark.parametrize(
    ("option", "value", "hint"),
    [
        ("--status", "Productoin", "did you mean 'Production'?"),
        ("--status", "Nope", "known: In development, Production"),
        ("--owner", "alcie@acme.com", "did you mean 'alice@acme.com'?"),
        ("--category", "Finanse", "did you mean 'Finance'?"),
    ],
)
def test_a_list_filter_that_matches_nothing_known_says_so(
    hexsync: Hexsync, option: str, value: str, hint: str
) -> None:
    result = hexsync("projects", "list", option, value)
    assert result.exit_code == 1
    assert f"{option} '{value}': no project the token can see has it" in result.stderr
    assert hint in result.stderr


def test_a_known_filter_value_with_no_match_is_an_empty_list(hexsync: Hexsync) -> None:
    both = hexsync("projects", "list", "--status", "Production", "--owner", "bob@acme.com")
    assert both.exit_code == 0, both.output
    assert "No projects match." in both.stdout


# ------------------------------------------------------------------ 15. runs watch, Ctrl-C


@pytest.mark.parametrize("how", [("runs", "watch"), ("runs", "status", "--wait")])
def test_watch_re_attaches_to_a_started_run(hexsync: Hexsync, how: tuple[str, ...]) -> None:
    started = hexsync("runs", "trigger", "Revenue overview")  # not waited for
    assert started.exit_code == 0, started.output
    match = re.search(r"started run ([0-9a-f-]{36}) ", started.stdout)
    assert match, started.stdout
    run_id = match.group(1)
    watched = hexsync(*how, "Revenue overview", run_id, "--poll-interval", "0.02")
    assert watched.exit_code == 0, watched.output
    assert watched.stdout.startswith(f"run {run_id} COMPLETED")
    assert "  RUNNING" in watched.stderr or "  COMPLETED" in watched.stderr
    as_json = hexsync(*how, REVENUE_ID, run_id, "--json")
    assert json.loads(as_json.stdout)["run"]["status"] == "COMPLETED"


def test_watching_a_run_that_errors_exits_1(hexsync: Hexsync) -> None:
    started = hexsync("runs", "trigger", "Nightly load")
    match = re.search(r"started run ([0-9a-f-]{36}) ", started.stdout)
    assert match, started.stdout
    watched = hexsync("runs", "watch", "Nightly load", match.group(1), "--poll-interval", "0.02")
    assert watched.exit_code == 1
    assert "error: the run ended ERRORED" in watched.stderr


def test_ctrl_c_while_the_command_loads_prints_no_traceback(tmp_path: Path) -> None:
    """The interrupt arrives while a dependency is being imported (here: httpx)."""
    code = (
        "import sys\n"
        "class Interrupt:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'httpx':\n"
        "            raise KeyboardInterrupt\n"
        "sys.meta_path.insert(0, Interrupt())\n"
        "sys.argv = ['hexsync', 'groups', 'list']\n"
        "from hexsync.cli._entry import main\n"
        "main()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert done.returncode == 130
    assert done.stderr == "interrupted\n"
    assert "Traceback" not in done.stderr
