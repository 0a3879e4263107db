"""``hexsync policy test``: the manifests' policies run on the grants of ``policies_test.yaml``."""

from __future__ import annotations

import json
from pathlib import Path

import click

from hexsync.cli._output import format_options
from hexsync.errors import EXIT_ERROR, ConfigError
from hexsync.manifest import load
from hexsync.ops.policy_tests import TEST_FILE, find_test_files, run_file


@click.group(short_help="Policies over effective access (docs/policies.md).")
def policy() -> None:
    """Policies over effective access: `policies:` in the manifests (docs/policies.md)."""


@policy.command(short_help="Run policy unit tests (policies_test.yaml) offline.")
@click.argument("directory", required=False, default=".", type=click.Path(path_type=Path))
@click.option(
    "--manifests",
    "manifests",
    multiple=True,
    type=click.Path(path_type=str),
    help="The manifests whose policies are tested (default: DIRECTORY itself).",
)
@format_options(help="json: {passed, failed, tests: [{file, line, name, want, got, problem}]}.")
def test(directory: Path, manifests: tuple[str, ...], output: str) -> None:
    """Run the policies of the manifests on the grants of every policies_test.yaml under
    DIRECTORY (default: .), each test a grant and the policies that must deny it.

    No token, no workspace: a policy's author knows it denies what it should, and nothing
    else, before it meets one. Exit status: 0 when every test passes, 1 otherwise.
    """
    files = find_test_files(directory)
    if not files:
        raise ConfigError(
            f"no {TEST_FILE} under {directory}",
            hint="write one beside the manifests: see docs/policies.md, 'Testing a policy'",
        )
    desired = load(list(manifests) or [directory], relative_to=Path.cwd())
    results = []
    for path in files:
        shown = path.as_posix()
        results.extend(run_file(path, shown, desired.policies))
    failed = [r for r in results if not r.passed]
    if output == "json":
        payload = {
            "passed": len(results) - len(failed),
            "failed": len(failed),
            "tests": [
                {
                    "file": r.mark.file,
                    "line": r.mark.line,
                    "name": r.name,
                    "want": list(r.want),
                    "got": list(r.got),
                    "problem": r.problem,
                }
                for r in results
            ],
        }
        click.echo(json.dumps(payload, indent=2))
    else:
        for r in results:
            click.echo(r.line)
        click.echo(f"{len(results) - len(failed)} passed, {len(failed)} failed")
    if failed:
        raise SystemExit(EXIT_ERROR)
    if not results:
        click.echo(f"no tests: each {TEST_FILE} has an empty tests: list", err=True)
