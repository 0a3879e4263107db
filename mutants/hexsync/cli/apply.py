"""``hexsync apply PATH…`` (plan, show, confirm, apply) or ``hexsync apply plan.json``.

With manifests it makes the plan exactly as ``hexsync plan`` does, shows it, asks (unless
``--auto-approve``) and applies that same value. With a saved plan it checks the checksum, reads
the workspace again and refuses (exit 3) if anything the plan relies on moved; then applies it.
Exit codes: 0 done (or nothing to do), 1 error, 3 refused, 4 finished partially.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import sys
import threading
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

import click

from hexsync.apply import ApplyReport, Progress, apply_plan, apply_saved_plan, refuse_if_refused
from hexsync.cli._confirm import interactive, no_terminal
from hexsync.cli.client_factory import build_client
from hexsync.errors import PartialApplyError
from hexsync.hexapi import HexClient
from hexsync.manifest import load
from hexsync.model import Desired
from hexsync.plan import Plan
from hexsync.planner import read_and_plan
from hexsync.render import render_text

if TYPE_CHECKING:
    from hexsync.cli.main import GlobalOptions

T = TypeVar("T")


class ProgressPrinter:
    """Progress on stderr: one counter line rewritten in place on a TTY, plain lines otherwise."""

    def __init__(self, stream: TextIO, *, tty: bool) -> None:
        self.stream = stream
        self.tty = tty
        self._open = False
        self.seen: list[Progress] = []
        self.total: int | None = None  # set when the first write is about to go

    def __call__(self, event: Progress) -> None:
        self.seen.append(event)
        if self.tty and event.outcome.status == "done":
            self.stream.write(f"\r\033[K{event.line}")
            self._open = True
        else:
            self._end_line()
            self.stream.write(event.line + "\n")
        self.stream.flush()

    def _end_line(self) -> None:
        if self._open:
            self.stream.write("\n")
            self._open = False

    def close(self) -> None:
        self._end_line()
        self.stream.flush()

    def interrupted(self) -> None:
        """The account of a run stopped by Ctrl-C or SIGTERM: what finished, what to do next."""
        if self.total is None:
            return  # stopped before anything was written
        total = self.total
        self._end_line()
        counts = {"done": 0, "failed": 0, "skipped": 0}
        for event in self.seen:
            counts[event.outcome.status] += 1
        self.stream.write(
            f"Apply interrupted: {len(self.seen)} of {total} changes finished "
            f"({counts['done']} done, {counts['failed']} failed, {counts['skipped']} skipped); "
            "the others were not started or were cut short.\n"
            "Run `hexsync apply` with the manifests again: its plan holds only what is left "
            "(a saved plan is stale now).\n"
        )
        self.stream.flush()


_STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def _run_reporting_interruption(
    run: Callable[[], Coroutine[Any, Any, T]], progress: ProgressPrinter
) -> T:
    """Run ``run()``; Ctrl-C or SIGTERM (a cancelled CD job) cancels it cleanly (connections
    closed, no traceback), says how far apply got, and ends as an interrupt (exit 130).

    The signals cancel the running task through the event loop rather than raising
    KeyboardInterrupt wherever the interpreter happens to be, which could tear through the
    HTTP client's own clean-up.
    """
    interrupted = False

    async def main() -> T:
        nonlocal interrupted
        loop = asyncio.get_running_loop()
        task = asyncio.current_task()
        assert task is not None

        def stop() -> None:
            nonlocal interrupted
            interrupted = True
            task.cancel()
            for sig in handled:  # a second signal acts at once, as it would without us
                loop.remove_signal_handler(sig)

        handled = []
        if threading.current_thread() is threading.main_thread():
            for sig in _STOP_SIGNALS:
                with contextlib.suppress(NotImplementedError, RuntimeError):  # not on Windows
                    loop.add_signal_handler(sig, stop)
                    handled.append(sig)
        try:
            return await run()
        finally:
            for sig in handled:
                loop.remove_signal_handler(sig)

    try:
        return asyncio.run(main())
    except asyncio.CancelledError:
        if not interrupted:
            raise
    except KeyboardInterrupt:  # a signal that arrived outside the loop
        pass
    progress.interrupted()
    raise KeyboardInterrupt


def _is_saved_plan(paths: tuple[Path, ...]) -> bool:
    return len(paths) == 1 and paths[0].is_file() and paths[0].suffix.lower() == ".json"


def finish_report(report: ApplyReport, stream: TextIO | None = None) -> None:
    """Print what failed, was skipped or did not converge, and the summary; exit 4 unless ok."""
    err = stream or sys.stderr
    for outcome in report.failed + report.skipped:
        err.write(f"  {outcome.line}\n")  # the line says failed or skipped, and why
    for item in report.unconverged:
        err.write(f"  did not converge: {item.message}\n")
    for note in report.notes:
        err.write(f"  note: {note}\n")
    err.write(report.summary + "\n")
    err.flush()
    if not report.ok:
        raise PartialApplyError(
            "apply finished partially: "
            f"{len(report.failed)} failed, {len(report.skipped)} skipped, "
            f"{len(report.unconverged)} fields did not converge",
            hint="run `hexsync apply` with the manifests again: the next plan holds only what is "
            "left (a saved plan is stale now)",
        )


async def _apply_saved(client: HexClient, plan: Plan, progress: ProgressPrinter) -> ApplyReport:
    sys.stderr.write(
        f"Checking the saved plan against the workspace, then applying {len(plan.changes)} "
        f"changes ({plan.requests} requests)\n"
    )
    progress.total = len(plan.changes)
    try:
        return await apply_saved_plan(client, plan, progress=progress)
    finally:
        progress.close()


async def _apply_manifests(
    client: HexClient,
    desired: Desired,
    *,
    allow_destroy: bool,
    target: str | None,
    auto_approve: bool,
    color: bool,
    progress: ProgressPrinter,
) -> ApplyReport | None:
    plan, live = await read_and_plan(client, desired, allow_destroy=allow_destroy, target=target)
    click.echo(render_text(plan, color=color), nl=False)
    refuse_if_refused(plan)
    if plan.empty:
        return None  # the rendering said so
    if not auto_approve:
        question = f"Apply these {len(plan.changes)} changes to {live.org_id}?"
        approved = await asyncio.to_thread(click.confirm, question, default=False, err=True)
        if not approved:
            click.echo("Cancelled: nothing was applied.", err=True)
            return None
    try:
        progress.total = len(plan.changes)
        return await apply_plan(client, plan, live=live, progress=progress)
    finally:
        progress.close()


@click.command(short_help="Apply manifests after confirmation, or a saved plan.json.")
@click.argument(
    "paths",
    nargs=-1,
    required=True,
    type=click.Path(exists=True, path_type=Path),
)
@click.option(
    "--auto-approve",
    is_flag=True,
    help="Apply without asking (CD pipelines). A saved plan never asks.",
)
@click.option(
    "--allow-destroy",
    is_flag=True,
    help="Allow more destructive changes than policy.max_destroy (manifests only).",
)
@click.option(
    "--target",
    metavar="KIND[:NAME]",
    help="Apply only this subset, as `plan --target` (manifests only).",
)
@click.pass_obj
def apply(
    opts: GlobalOptions,
    paths: tuple[Path, ...],
    auto_approve: bool,
    allow_destroy: bool,
    target: str | None,
) -> None:
    """Apply manifests (plan, show, confirm) or a saved plan.json exactly as reviewed.

    A saved plan is refused (exit 3) when anything it relies on changed in the workspace since
    it was made, or when the token is for another workspace. Exit 4 when some changes failed:
    run apply again with the manifests and the new plan holds only what is left.

    \b
    Examples:
      hexsync apply manifests/                  # plan, show, ask
      hexsync apply manifests/ --auto-approve   # CD, no terminal
      hexsync apply plan.json                   # exactly the reviewed plan
    """
    progress = ProgressPrinter(sys.stderr, tty=sys.stderr.isatty())
    if _is_saved_plan(paths):
        if target or allow_destroy:
            raise click.UsageError("--target and --allow-destroy apply to manifests, not a plan")
        source = str(paths[0])
        plan = Plan.loads(paths[0].read_text(encoding="utf-8"), source=source)
        refuse_if_refused(plan)
        if plan.empty:
            click.echo("The saved plan has no changes: nothing to apply.")
            return
        client = build_client(opts)

        async def run_saved() -> ApplyReport:
            async with client:
                return await _apply_saved(client, plan, progress)

        finish_report(_run_reporting_interruption(run_saved, progress))
        return
    if not auto_approve and not interactive():
        raise no_terminal("apply", "--auto-approve", "or apply a reviewed `plan --out` file")
    desired = load([str(p) for p in paths])
    client = build_client(opts)

    async def run_manifests() -> ApplyReport | None:
        async with client:
            return await _apply_manifests(
                client,
                desired,
                allow_destroy=allow_destroy,
                target=target,
                auto_approve=auto_approve,
                color=opts.color and sys.stdout.isatty(),
                progress=progress,
            )

    report = _run_reporting_interruption(run_manifests, progress)
    if report is not None:
        finish_report(report)
