"""The ``hexsync`` command's entry point: nothing heavy is imported before Ctrl-C is handled.

Loading the command (httpx, yaml, jsonschema, click …) takes a noticeable moment; a Ctrl-C
then would end in a traceback of whatever module was loading. Here it ends as every other
interrupt of hexsync does: ``interrupted`` on stderr, exit 130.
"""

from __future__ import annotations

import sys


def main() -> None:
    """Console-script entry point (``[project.scripts] hexsync``)."""
    try:
        from hexsync.cli.main import main as run  # noqa: PLC0415 - the point: after the try
    except KeyboardInterrupt:
        sys.stderr.write("interrupted\n")
        sys.exit(130)
    run()
