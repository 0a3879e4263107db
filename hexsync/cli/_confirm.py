"""How commands that change the workspace ask first: the same rule for ``apply`` and ``deactivate``.

Without a terminal to ask on (CI, a pipe) and without the command's "do not ask" flag, the
command refuses before anything changes (exit 1, with the flag as the hint). Answering no
changes nothing and exits 0 after a ``Cancelled: …`` line on stderr.
"""

from __future__ import annotations

import asyncio
import os
import sys

import click

from hexsync.errors import ConfigError

__all__ = ["ask", "interactive", "no_terminal"]


def interactive() -> bool:
    """Whether a person can answer a prompt: stdin to read the answer, stderr to show it on."""
    return sys.stdin.isatty() and sys.stderr.isatty()


def no_terminal(what: str, flag: str, also: str = "") -> ConfigError:
    """The refusal when a confirmation is needed and nobody can give it."""
    hint = f"pass {flag} to {what} without asking" + (f", {also}" if also else "")
    return ConfigError(
        f"not going to {what}: confirmation needed and there is no terminal to ask on", hint=hint
    )


_YES = {"y", "yes"}
_NO = {"n", "no", ""}


async def ask(question: str) -> bool:
    """``question [y/N]:`` on stderr, the answer read from the terminal without a thread.

    ``click.confirm`` in a worker thread cannot be interrupted: Ctrl-C cancels the waiting task
    but the thread stays blocked in ``input()`` until Enter, and the event loop waits for it.
    Reading stdin through the event loop instead, Ctrl-C (the caller's signal handler
    cancelling this task) ends the prompt at once. End of input is a no.
    """
    loop = asyncio.get_running_loop()
    try:
        fd = sys.stdin.fileno()
        loop.add_reader(fd, lambda: None)
        loop.remove_reader(fd)
    except (NotImplementedError, OSError, ValueError):  # no selector loop (Windows): as before
        return await asyncio.to_thread(click.confirm, question, default=False, err=True)
    while True:
        sys.stderr.write(f"{question} [y/N]: ")
        sys.stderr.flush()
        try:
            line = await _read_line(loop, fd)
        except asyncio.CancelledError:
            sys.stderr.write("\n")  # off the prompt's line before "interrupted"
            sys.stderr.flush()
            raise
        if line is None:
            sys.stderr.write("\n")
            return False
        answer = line.strip().lower()
        if answer in _YES or answer in _NO:
            return answer in _YES
        sys.stderr.write("Please answer y or n.\n")


async def _read_line(loop: asyncio.AbstractEventLoop, fd: int) -> str | None:
    """One line from ``fd`` (None at end of input), waiting in the loop, not in a thread."""
    done: asyncio.Future[str | None] = loop.create_future()
    buffer = bytearray()

    def readable() -> None:
        data = os.read(fd, 4096)
        if not data:
            if not done.done():
                done.set_result(buffer.decode("utf-8", "replace") if buffer else None)
            return
        buffer.extend(data)
        if b"\n" in buffer and not done.done():
            done.set_result(buffer.split(b"\n", 1)[0].decode("utf-8", "replace"))

    loop.add_reader(fd, readable)
    try:
        return await done
    finally:
        loop.remove_reader(fd)
