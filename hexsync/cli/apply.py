"""``hexsync apply PATH…`` (plan, show, confirm, apply) or ``hexsync apply plan.json``.

With manifests it makes the plan exactly as ``hexsync plan`` does, shows it, asks (unless
``--auto-approve``) and applies that same value. With a saved plan it checks the checksum, reads
the workspace again and refuses (exit 3) if anything the plan relies on moved; then applies it.
Exit codes: 0 done (or nothing to do), 1 error, 3 refused, 4 finished partially.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import signal
import sys
import threading
import time
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

import click

from hexsync.apply.execute import apply_plan
from hexsync.apply.gate import apply_saved_plan, refuse_if_refused
from hexsync.apply.lock import WAIT, apply_lock
from hexsync.apply.report import ApplyReport, Progress
from hexsync.apply.verify import AlreadyAppliedError
from hexsync.cli._confirm import ask, interactive, no_terminal
from hexsync.cli._files import tables_progress
from hexsync.cli._output import format_options, to_json
from hexsync.cli._workspaces import desired_for
from hexsync.cli.client_factory import build_client
from hexsync.errors import GuardrailError, PartialApplyError, plural
from hexsync.hexapi import HexClient
from hexsync.manifest import load
from hexsync.ops.tables import FileTablesStore
from hexsync.planning.estimate import announce
from hexsync.planning.planner import read_and_plan
from hexsync.planning.saved_plan import plan_key, read_plan
from hexsync.render import duration, render_text, workspace_label
from hexsync.values.desired import Desired
from hexsync.values.live import Live
from hexsync.values.plan import Plan

if TYPE_CHECKING:
    from hexsync.cli._globals import GlobalOptions

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
        if not counts["done"] and not counts["failed"]:
            # No change finished; a write still in flight may have landed, but whatever did is
            # read back before anything more is written (a saved plan is checked first).
            self.stream.write(
                f"Apply interrupted before any of its {plural(total, 'change')} finished.\n"
                "Run the same command again: a saved plan is checked against the workspace "
                "first, and the manifests plan only what is left.\n"
            )
            self.stream.flush()
            return
        self.stream.write(
            f"Apply interrupted: {len(self.seen)} of {plural(total, 'change')} finished "
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
            sys.stderr.write(
                "hexsync: stopping: finishing the request in flight and releasing the apply "
                "lock (this can take up to a minute under the rate limit); press Ctrl-C again "
                "to leave at once (the lock then stays: `hexsync unlock` removes it)\n"
            )
            sys.stderr.flush()
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
    # Not is_file(): a FIFO or a device named plan.json is refused as a plan, not read as YAML.
    return len(paths) == 1 and not paths[0].is_dir() and paths[0].suffix.lower() == ".json"


def finish_report(report: ApplyReport, stream: TextIO | None = None) -> None:
    """Print what failed, was skipped or did not converge, and the summary; exit 4 unless ok."""
    err = stream or sys.stderr
    for outcome in report.failed + report.skipped:
        err.write(f"  {outcome.line}\n")  # the line says failed or skipped, and why
    for item in report.unconverged:
        err.write(f"  did not converge: {item.message}\n")
    for duplicate in report.duplicates:
        err.write(f"  duplicate: {duplicate}\n")
    for note in report.notes:
        err.write(f"  note: {note}\n")
    err.write(report.summary + "\n")
    err.flush()
    # The API gone mid-apply is not "would fail the same way": the next run goes on.
    gone = any(note.startswith("stopped early") for note in report.notes)
    if report.failed and not report.done and not gone:
        raise PartialApplyError(
            f"apply failed: no change was made ({len(report.failed)} failed, "
            f"{len(report.skipped)} skipped)",
            hint="the reasons are above; running the same apply again would fail the same way: "
            "fix what they name (manifests, token rights, the workspace), then plan again",
        )
    if not report.ok:
        raise PartialApplyError(
            "apply finished partially: "
            f"{len(report.failed)} failed, {len(report.skipped)} skipped, "
            f"{len(report.unconverged)} fields did not converge"
            + (f", {len(report.duplicates)} duplicate project titles" if report.duplicates else ""),
            hint="run `hexsync apply` with the manifests again: the next plan holds only what is "
            "left (a saved plan is stale now)",
        )


def _announce(client: HexClient, plan: Plan, live: Live, *, saved: bool = False) -> None:
    """Before the first write, on stderr: how long apply takes from here at the rate limits,
    from this client's own buckets (the reads it just made count); for a saved plan, also how
    long if the plan was made within the last minute (another run: its reads may still count).
    Nothing when nothing waits."""
    told = announce(client, plan, live, saved=saved)
    if told is None or (told.seconds < 1 and told.after_plan is None):
        return
    what = f"Applying {plural(len(plan.changes), 'change')}"
    about = "no pacing wait" if told.seconds < 1 else f"about {duration(told.seconds)}"
    soon = (
        f"; up to {duration(told.after_plan)} if the plan was made within the last minute, "
        "whose reads still count against the rate limits"
        if told.after_plan is not None
        else ""
    )
    sys.stderr.write(f"{what}: {about} at the rate limits{soon}.\n")
    sys.stderr.flush()


def _lock(client: HexClient, wait: float) -> contextlib.AbstractAsyncContextManager[None]:
    """The workspace's apply lock (hexsync.apply.lock), its waits said on stderr."""
    return apply_lock(client, wait=wait, notify=lambda text: client.notices.say("lock", text))


async def _apply_saved(
    client: HexClient,
    plan: Plan,
    progress: ProgressPrinter,
    desired: Desired | None,
    allow_destroy: bool,
    lock_wait: float,
    target: str | None,
) -> ApplyReport:
    started = time.monotonic()
    async with _lock(client, lock_wait):
        against = "the manifests and the workspace" if desired is not None else "the workspace"
        reread = max(plan.read_requests, 1)
        sys.stderr.write(
            f"Checking the saved plan against {against} (about {plural(reread, 'request')}), "
            f"then applying {plural(len(plan.changes), 'change')} "
            f"({plural(plan.requests, 'request')}): about {reread + plan.requests} requests in "
            "all\n"
        )
        progress.total = len(plan.changes)
        try:
            report = await apply_saved_plan(
                client,
                plan,
                progress=progress,
                desired=desired,
                allow_destroy=allow_destroy,
                target=target,
                checked=lambda live: _announce(client, plan, live, saved=True),
                tables=FileTablesStore(),
            )
        finally:
            progress.close()
    # The summary's time is the command's: the re-read is part of it.
    return dataclasses.replace(report, seconds=time.monotonic() - started)


async def _apply_manifests(
    client: HexClient,
    desired: Desired,
    *,
    allow_destroy: bool,
    target: str | None,
    auto_approve: bool,
    color: bool,
    progress: ProgressPrinter,
    seen: list[Plan],
    plan_stream: TextIO,
    lock_wait: float,
) -> ApplyReport | None:
    async def plan_now() -> tuple[Plan, Live]:
        return await read_and_plan(
            client,
            desired,
            allow_destroy=allow_destroy,
            target=target,
            tables=FileTablesStore(),
            tables_progress=tables_progress(sys.stderr),
        )

    def show(plan: Plan) -> bool:
        """Print the plan; whether there is anything to apply (refusals raise)."""
        seen.append(plan)
        plan_stream.write(render_text(plan, color=color))
        plan_stream.flush()
        refuse_if_refused(plan)
        return not plan.empty  # (an empty plan's rendering said so)

    async def carry_out(plan: Plan, live: Live) -> ApplyReport:
        _announce(client, plan, live)
        try:
            progress.total = len(plan.changes)
            return await apply_plan(client, plan, live=live, progress=progress)
        finally:
            progress.close()

    if auto_approve:
        # Locked before reading: a second apply waits, then plans from what the first did.
        async with _lock(client, lock_wait):
            plan, live = await plan_now()
            return await carry_out(plan, live) if show(plan) else None
    plan, live = await plan_now()
    if not show(plan):
        return None
    question = f"Apply {plural(len(plan.changes), 'change')} to {workspace_label(plan.workspace)}?"
    try:
        approved = await ask(question)
    except asyncio.CancelledError:
        click.echo("Interrupted at the prompt: nothing was applied.", err=True)
        raise
    if not approved:
        click.echo("Cancelled: nothing was applied.", err=True)
        return None
    # Not locked while a person reads the plan; once locked, the plan must still be the one
    # approved (another apply may have run meanwhile).
    async with _lock(client, lock_wait):
        again, live = await plan_now()
        if again.changes != plan.changes or again.refusals:
            raise GuardrailError(
                "the workspace changed while the plan was being reviewed (another apply, or "
                "someone in Hex): nothing was applied",
                hint="run `hexsync apply` again and review the new plan",
            )
        return await carry_out(plan, live)


@click.command(short_help="Apply manifests after confirmation, or a saved plan.json.")
@click.argument(
    "paths",
    nargs=-1,
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
    help="Allow more destructive changes than policy.max_destroy (not with a plan alone).",
)
@click.option(
    "--manifests",
    "manifests",
    multiple=True,
    type=click.Path(exists=True, path_type=Path),
    help="With a saved plan: plan again from these manifests and refuse (exit 3) unless the "
    "changes are the same. Repeatable.",
)
@click.option(
    "--layers",
    "layers",
    is_flag=True,
    help="With a saved plan and -w NAME: plan again from the workspace's layers (hexsync.yaml), "
    "as --manifests does from its paths.",
)
@click.option(
    "--target",
    metavar="KIND[:NAME]",
    help="Apply only this subset, as `plan --target`. With a saved plan and --manifests: the "
    "subset the plan was made for (the plan's own word is never taken).",
)
@click.option(
    "--lock-wait",
    type=click.FloatRange(min=0),
    default=WAIT,
    show_default=True,
    metavar="SECONDS",
    help="How long to wait while another apply holds the workspace's lock before giving up "
    "(exit 3).",
)
@format_options(
    help="json: one document {plan, already_applied, report} on stdout; the plan's text and "
    "progress go to stderr."
)
@click.pass_obj
def apply(
    opts: GlobalOptions,
    paths: tuple[Path, ...],
    auto_approve: bool,
    allow_destroy: bool,
    target: str | None,
    lock_wait: float,
    output: str,
    manifests: tuple[Path, ...],
    layers: bool,
) -> None:
    """Apply manifests (plan, show, confirm) or a saved plan.json exactly as reviewed.

    A saved plan is checked first (schema, checksum, HMAC signature when HEXSYNC_PLAN_KEY is
    set), then refused (exit 3) when a guardrail refuses it again, when a change is not covered
    by what the plan read, when anything it relies on changed in the workspace since it was
    made, or when the token is for another workspace. With --manifests it is also refused
    unless the manifests imply exactly its changes. Exit 4 when some changes failed: run apply
    again with the manifests and the new plan holds only what is left.

    \b
    Examples:
      hexsync apply manifests/                  # plan, show, ask
      hexsync apply manifests/ --auto-approve   # CD, no terminal
      hexsync apply plan.json                   # exactly the reviewed plan
      hexsync apply plan.json --manifests manifests/   # and nothing they do not imply
    """
    if not paths and opts.workspace is None:
        raise click.UsageError(
            "Missing argument 'PATHS...': the manifests or a saved plan (or -w NAME for a"
            " workspace's layers, hexsync.yaml)"
        )
    progress = ProgressPrinter(sys.stderr, tty=sys.stderr.isatty())
    as_json = output == "json"
    if layers and (opts.workspace is None or manifests or not _is_saved_plan(paths)):
        raise click.UsageError(
            "--layers goes with a saved plan and -w NAME, instead of --manifests: "
            "hexsync -w NAME apply plan.json --layers"
        )
    if _is_saved_plan(paths):
        if target and not (manifests or layers):
            raise click.UsageError(
                "--target with a saved plan needs --manifests (it names the subset the manifests "
                "are planned again for)"
            )
        if allow_destroy and not (manifests or layers):
            raise click.UsageError(
                "--allow-destroy with a saved plan needs --manifests (the plan says whether it "
                "was made with --allow-destroy)"
            )
        plan = read_plan(paths[0], key=plan_key())
        refuse_if_refused(plan)
        if plan.empty:
            _say(as_json, "The saved plan has no changes: nothing to apply.", plan, None)
            return
        desired = load([str(p) for p in manifests]) if manifests else None
        if layers:
            desired = desired_for(opts, ())  # the workspace's layers, merged
        client = build_client(opts)

        async def run_saved() -> ApplyReport:
            async with client:
                return await _apply_saved(
                    client, plan, progress, desired, allow_destroy, lock_wait, target
                )

        try:
            saved_report = _run_reporting_interruption(run_saved, progress)
        except AlreadyAppliedError as exc:
            _say(as_json, exc.message, plan, None, already=True)
            return
        _say(as_json, "", plan, saved_report)
        finish_report(saved_report)
        return
    if manifests:
        raise click.UsageError(
            "--manifests goes with a saved plan: hexsync apply plan.json --manifests DIR"
        )
    if not auto_approve and not interactive():
        raise no_terminal("apply", "--auto-approve", "or apply a reviewed `plan --out` file")
    desired = desired_for(
        opts, tuple(str(p) for p in paths), on_warning=lambda p: click.echo(str(p), err=True)
    )
    client = build_client(opts)
    seen: list[Plan] = []
    plan_stream = sys.stderr if as_json else sys.stdout

    async def run_manifests() -> ApplyReport | None:
        async with client:
            return await _apply_manifests(
                client,
                desired,
                allow_destroy=allow_destroy,
                target=target,
                auto_approve=auto_approve,
                color=opts.color and plan_stream.isatty(),
                progress=progress,
                seen=seen,
                plan_stream=plan_stream,
                lock_wait=lock_wait,
            )

    report = _run_reporting_interruption(run_manifests, progress)
    if seen:
        _say(as_json, "", seen[0], report)
    if report is not None:
        finish_report(report)


def _say(
    as_json: bool,
    text: str,
    plan: Plan,
    report: ApplyReport | None,
    *,
    already: bool = False,
) -> None:
    """``text`` for people; with --json, the one document on stdout instead."""
    if as_json:
        document = {
            "plan": plan.data,
            "already_applied": already,
            "report": report.data if report is not None else None,
        }
        click.echo(to_json(document))
    elif text:
        click.echo(text)
